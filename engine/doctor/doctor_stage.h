#pragma once
// One stage of the data doctor as the caller sees it: its name and fraction done through
// DoctorProgress::report, and the cancel flag, checked at every report and wherever a loop
// calls check() (worker threads may call check(); only the calling thread reports).
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "doctor/data_doctor.h"

namespace cs {

class DoctorStage {
public:
    // Reports `name` at 0 and starts its clock; its seconds are added to `seconds` at finish().
    DoctorStage(const DoctorProgress& progress, std::string name,
                std::vector<std::pair<std::string, double>>* seconds = nullptr);

    // Throws DoctorCancelled when the cancel flag is set. Thread-safe.
    void check() const;
    // Whether the cancel flag is set (for code that must stop through its own return path).
    bool cancelled() const;
    // The stage's fraction done in [0, 1] (calling thread only); checks cancel first.
    void report(double fraction) const;
    // Reports 1 and records the stage's seconds.
    void finish();

private:
    const DoctorProgress& progress_;
    std::string name_;
    std::vector<std::pair<std::string, double>>* seconds_;
    std::chrono::steady_clock::time_point start_;
    bool finished_ = false;
};

}  // namespace cs
