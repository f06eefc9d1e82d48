#pragma once
// How a project names the data it trains on, and how that becomes the training data. The
// dataset browser and the training both go through here, so they see the same images:
//   project["dataset"]          the source string loadDataSource() takes (folder, file, "builtin")
//   project["excluded"]         images left out of training, as paths relative to that folder
//                               (generic '/' separators); the files themselves are untouched
//   training["validation_split"], training["seed"]
//                               the stratified validation split the trainer carves
// The training session, the CLI and the studio's dataset page all go through here.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.h"

namespace cs {

struct ModelFile;

struct DatasetProject {
    std::string source;
    std::vector<std::string> excluded;
    double validationFraction = 0.0;
    uint64_t seed = 42;

    static DatasetProject fromFile(const ModelFile& file);
};

// `path` relative to the folder `root` with '/' separators; `path` itself when it is not inside.
std::string relativeToRoot(const std::string& root, const std::string& path);

// Removes the samples whose source (relative to `root`) is listed in `excluded` from every part.
// Returns how many were removed.
std::size_t removeExcluded(DataSplits& data, const std::string& root, const std::vector<std::string>& excluded);

// What prepareTrainingData did.
struct PreparedData {
    std::size_t excluded = 0;          // samples left out because the project excludes them
    std::size_t validationCarved = 0;  // samples moved from training to validation (0: none)
};

// The data a run trains on: the excluded images removed, then the validation split carved
// (carveValidation) with the project's fraction and seed.
PreparedData prepareTrainingData(DataSplits& data, const DatasetProject& project);

}  // namespace cs
