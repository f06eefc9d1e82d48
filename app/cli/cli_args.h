#pragma once
// A small command-line parser: `--name value`, `--name=value`, boolean `--flag`s and
// positional arguments. Unknown options are usage errors that list the known ones.
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace cs::cli {

// A mistake in the command line (exit code 2, as usual for usage errors).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class CliArgs {
public:
    // `valued`: options that take a value; `flags`: options that take none.
    CliArgs(const std::vector<std::string>& args, const std::set<std::string>& valued,
            const std::set<std::string>& flags);

    bool has(const std::string& name) const { return values_.count(name) || flags_.count(name); }
    std::string get(const std::string& name, const std::string& fallback = {}) const;
    int getInt(const std::string& name, int fallback) const;
    double getDouble(const std::string& name, double fallback) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_;
    std::vector<std::string> positional_;
};

}  // namespace cs::cli
