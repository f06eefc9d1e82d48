#include "dataset_command.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/json_options.h"
#include "data/augment_cli.h"
#include "data/data_source.h"
#include "data/dataset_export.h"
#include "data/statistics.h"

namespace {

using namespace cs;

// Bad command-line usage: exit code 2 with the usage text.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Simple "--name value" / "--flag" options after the sub-command and its PATH.
class Args {
public:
    explicit Args(std::vector<std::string> words) : words_(std::move(words)) {}

    bool flag(const std::string& name) {
        auto it = std::find(words_.begin(), words_.end(), name);
        if (it == words_.end()) return false;
        words_.erase(it);
        return true;
    }
    std::optional<std::string> value(const std::string& name) {
        auto it = std::find(words_.begin(), words_.end(), name);
        if (it == words_.end()) return std::nullopt;
        if (it + 1 == words_.end()) throw UsageError(name + " needs a value");
        std::string v = *(it + 1);
        words_.erase(it, it + 2);
        return v;
    }
    long number(const std::string& name, long fallback, long lo, long hi) {
        const auto v = value(name);
        if (!v) return fallback;
        try {
            std::size_t used = 0;
            const long n = std::stol(*v, &used);
            if (used == v->size() && n >= lo && n <= hi) return n;
        } catch (const std::exception&) {
        }
        throw UsageError(name + " must be a whole number in " + std::to_string(lo) + ".." + std::to_string(hi) +
                         ", got '" + *v + "'");
    }
    // The single remaining positional word (PATH); anything else left over is an error.
    std::string path() {
        for (const auto& w : words_)
            if (w.rfind("--", 0) == 0) throw UsageError("unknown option " + w);
        if (words_.empty()) throw UsageError("PATH is missing");
        if (words_.size() > 1) throw UsageError("unexpected argument '" + words_[1] + "'");
        return words_.front();
    }
    std::vector<std::string>& words() { return words_; }

private:
    std::vector<std::string> words_;
};

LoadOptions loadOptionsFrom(Args& args) {
    LoadOptions o;
    if (auto f = args.value("--format")) {
        try {
            o.format = dataFormatFromString(*f);
        } catch (const OptionError& e) {
            throw UsageError(e.what());
        }
    }
    if (auto size = args.value("--size")) {
        int h = 0, w = 0;
        char x = 0;
        if (std::sscanf(size->c_str(), "%d%c%d", &h, &x, &w) != 3 || x != 'x' || h < 1 || w < 1 || h > 4096 || w > 4096)
            throw UsageError("--size must be HEIGHTxWIDTH (e.g. 28x28), got '" + *size + "'");
        o.height = h;
        o.width = w;
    }
    o.channels = static_cast<int>(args.number("--channels", 0, 1, 3));
    if (o.channels == 2) throw UsageError("--channels must be 1 or 3");
    return o;
}

// The named sets of a source that hold samples, in a fixed order.
std::vector<std::pair<std::string, const Dataset*>> namedSets(const DataSplits& s) {
    std::vector<std::pair<std::string, const Dataset*>> sets;
    if (!s.train.labels.empty()) sets.emplace_back("train", &s.train);
    if (!s.validation.labels.empty()) sets.emplace_back("validation", &s.validation);
    if (!s.test.labels.empty()) sets.emplace_back("test", &s.test);
    return sets;
}

const Dataset& chooseSet(const DataSplits& s, const std::string& name) {
    for (const auto& [n, ds] : namedSets(s))
        if (n == name || (name == "val" && n == "validation")) return *ds;
    throw FileError("the source has no '" + name + "' set");
}

std::string fixed(double v, int digits = 4) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

int info(Args& args, std::ostream& out) {
    const bool json = args.flag("--json");
    const LoadOptions options = loadOptionsFrom(args);
    const std::string path = args.path();
    const DataFormat format = options.format == DataFormat::Auto ? detectDataFormat(path) : options.format;
    const DataSplits s = loadDataSource(path, options);
    const auto sets = namedSets(s);
    if (json) {
        nlohmann::json j{{"source", path}, {"format", dataFormatName(format)}};
        j["classNames"] = s.train.classNames;
        j["sets"] = nlohmann::json::object();
        for (const auto& [name, ds] : sets) j["sets"][name] = computeStats(*ds).toJson(ds->classNames);
        j["problems"] = nlohmann::json::array();
        for (const auto& p : s.problems) j["problems"].push_back({{"path", p.path}, {"message", p.message}});
        out << jsonText(j) << "\n";
        return 0;
    }
    out << "Source: " << path << " (" << dataFormatName(format) << ")\n";
    for (const auto& [name, ds] : sets) {
        const DatasetStats st = computeStats(*ds);
        out << name << ": " << st.count << " images, " << st.height << "x" << st.width << "x" << st.channels << ", "
            << ds->classCount() << " classes, hash " << st.hash << "\n  mean";
        for (int c = 0; c < st.channels; ++c) out << " " << fixed(st.mean[c]);
        out << "  std";
        for (int c = 0; c < st.channels; ++c) out << " " << fixed(st.stdev[c]);
        out << "\n";
        for (std::size_t c = 0; c < st.classCounts.size(); ++c)
            out << "    " << c << " " << ds->classNames[c] << ": " << st.classCounts[c] << "\n";
    }
    out << "Problems: " << s.problems.size() << "\n";
    for (const auto& p : s.problems) out << "  " << p.path << ": " << p.message << "\n";
    return 0;
}

int exportCommand(Args& args, std::ostream& out) {
    const auto to = args.value("--to");
    if (!to) throw UsageError("export needs --to FOLDER");
    const std::string split = args.value("--split").value_or("all");
    if (split != "all" && split != "train" && split != "test" && split != "validation" && split != "val")
        throw UsageError("--split must be train, validation, test or all, got '" + split + "'");
    const LoadOptions options = loadOptionsFrom(args);
    const DataSplits s = loadDataSource(args.path(), options);
    std::size_t written = 0;
    if (split == "all") {
        // train/ val/ test/ above the class folders: the layout the image-folder loader reads back.
        for (const auto& [name, ds] : namedSets(s)) {
            const std::string folder = (std::filesystem::path(*to) / (name == "validation" ? "val" : name)).string();
            written += exportImageFolder(*ds, folder);
        }
    } else {
        written = exportImageFolder(chooseSet(s, split), *to);
    }
    out << "Wrote " << written << " images to " << *to << "\n";
    return 0;
}

int previewAugment(Args& args, std::ostream& out) {
    AugmentOptions augment;
    try {
        augment = takeAugmentFlags(args.words());
    } catch (const OptionError& e) {
        throw UsageError(e.what());
    }
    const auto png = args.value("--out");
    if (!png) throw UsageError("preview-augment needs --out FILE.png");
    const long index = args.number("--index", 0, 0, 1L << 31);
    const int count = static_cast<int>(args.number("--count", 15, 1, 400));
    const uint64_t seed = static_cast<uint64_t>(args.number("--seed", 1, 0, 1L << 62));
    const int columns = static_cast<int>(args.number("--columns", 8, 1, 64));
    const std::string split = args.value("--split").value_or("train");
    const LoadOptions options = loadOptionsFrom(args);
    const DataSplits s = loadDataSource(args.path(), options);
    const Dataset& ds = chooseSet(s, split);
    if (static_cast<std::size_t>(index) >= ds.size())
        throw FileError("--index " + std::to_string(index) + " is outside the " + split + " set of " +
                        std::to_string(ds.size()) + " images");
    const uint8_t* img = ds.image(index);
    // The original first, then the variants.
    std::vector<std::vector<uint8_t>> cells{std::vector<uint8_t>(img, img + ds.imageBytes())};
    for (auto& v : augmentVariants(img, ds.height, ds.width, ds.channels, augment, count, seed))
        cells.push_back(std::move(v));
    const int scale = std::max(1, 96 / std::max(ds.height, ds.width));
    writePngGrid(*png, cells, ds.height, ds.width, ds.channels, columns, scale);
    out << "Wrote " << *png << ": sample " << index << " (" << ds.classNames[ds.labels[index]] << ") and " << count
        << " variants";
    const std::string spec = toAugmentSpec(augment);
    out << (spec.empty() ? std::string(" (no --augment given: all equal the original)") : " with " + spec) << "\n";
    return 0;
}

}  // namespace

std::string datasetCommandHelp() {
    return "Usage: convstudio-cli dataset COMMAND PATH [options]\n"
           "PATH: a folder of IDX files, image folders (one sub-folder per class, optionally below\n"
           "      train/ val/ test/), CIFAR-10 batches, an IDX or .bin file, or builtin:shapes\n"
           "Commands:\n"
           "  info PATH [--json]                       classes, counts, size, mean/std, hash, problems\n"
           "  export PATH --to FOLDER [--split train|validation|test|all]\n"
           "                                           writes PNGs to FOLDER[/split]/<class>/<n>.png\n"
           "  preview-augment PATH --out GRID.png [--index I] [--count N] [--seed S]\n"
           "                  [--split train|test] [--columns C] [--augment SPEC]...\n"
           "                                           the image and N augmented variants as one PNG\n"
           "  doctor --data PATH [--model FILE] [--folds K] [--limit N] [--threads N] [--hash-bits B]\n"
           "         [--no-map] [--json] [--out REPORT.json]\n"
           "                                           duplicates (and train/test leakage), likely label\n"
           "                                           errors, outliers and a 2-D t-SNE map; with a trained\n"
           "                                           model in its feature space (--limit: the first N of\n"
           "                                           each split; --no-map: skip the map)\n"
           "Loading options (every command):\n"
           "  --format auto|idx|folder|cifar10|builtin  override the detected format\n"
           "  --size HxW, --channels 1|3               size image folders / builtin are loaded at\n"
           "Augmentation:\n" +
           cs::augmentFlagsHelp();
}

int runDatasetCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    if (argv.empty() || argv[0] == "--help" || argv[0] == "-h" || argv[0] == "help") {
        (argv.empty() ? err : out) << datasetCommandHelp();
        return argv.empty() ? 2 : 0;
    }
    const std::string command = argv[0];
    Args args(std::vector<std::string>(argv.begin() + 1, argv.end()));
    try {
        if (args.flag("--help") || args.flag("-h")) {
            out << datasetCommandHelp();
            return 0;
        }
        if (command == "info") return info(args, out);
        if (command == "export") return exportCommand(args, out);
        if (command == "preview-augment") return previewAugment(args, out);
        throw UsageError("unknown command '" + command + "' (known: info, export, preview-augment, doctor)");
    } catch (const UsageError& e) {
        err << "dataset " << command << ": " << e.what() << "\n\n" << datasetCommandHelp();
        return 2;
    } catch (const cs::Error& e) {
        err << "dataset " << command << ": " << e.what() << "\n";
        return 1;
    }  // anything else (out of memory, a JSON error) ends in main with the inputs named
}
