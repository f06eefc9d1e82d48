#include "data/dataset_project.h"

#include <filesystem>
#include <unordered_set>

#include "core/json_numbers.h"
#include "data/split.h"
#include "io/model_file.h"

namespace cs {

namespace fs = std::filesystem;

DatasetProject DatasetProject::fromFile(const ModelFile& file) {
    DatasetProject p;
    const nlohmann::json& project = file.project;
    if (project.is_object()) {
        if (project.contains("dataset") && project["dataset"].is_string())
            p.source = project["dataset"].get<std::string>();
        if (project.contains("excluded") && project["excluded"].is_array())
            for (const auto& e : project["excluded"])
                if (e.is_string()) p.excluded.push_back(e.get<std::string>());
    }
    const nlohmann::json& training = file.training;
    if (training.is_object()) {
        p.validationFraction = training.value("validation_split", 0.0);
        p.seed = wholeNumberOr<uint64_t>(training, "seed", 42);
    }
    return p;
}

std::string relativeToRoot(const std::string& root, const std::string& path) {
    if (root.empty() || path.empty()) return path;
    const fs::path r = fs::path(root).lexically_normal();
    const fs::path rel = fs::path(path).lexically_normal().lexically_relative(r);
    if (rel.empty() || *rel.begin() == "..") return path;
    return rel.generic_string();
}

namespace {
std::size_t removeFrom(Dataset& ds, const std::string& root, const std::unordered_set<std::string>& excluded) {
    if (ds.sources.empty()) return 0;  // container formats have no per-file sources
    std::vector<uint32_t> keep;
    keep.reserve(ds.size());
    for (std::size_t i = 0; i < ds.size(); ++i)
        if (!excluded.count(relativeToRoot(root, ds.sources[i]))) keep.push_back(static_cast<uint32_t>(i));
    const std::size_t removed = ds.size() - keep.size();
    if (removed) ds = ds.subset(keep);
    return removed;
}
}  // namespace

std::size_t removeExcluded(DataSplits& data, const std::string& root, const std::vector<std::string>& excluded) {
    if (excluded.empty()) return 0;
    const std::unordered_set<std::string> set(excluded.begin(), excluded.end());
    return removeFrom(data.train, root, set) + removeFrom(data.validation, root, set) +
           removeFrom(data.test, root, set);
}

PreparedData prepareTrainingData(DataSplits& data, const DatasetProject& project) {
    PreparedData done;
    done.excluded = removeExcluded(data, project.source, project.excluded);
    if (carveValidation(data, project.validationFraction, project.seed)) done.validationCarved = data.validation.size();
    return done;
}

}  // namespace cs
