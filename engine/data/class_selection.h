#pragma once
// A part of a dataset's classes, and at most so many training images per class: what a
// transfer-learning experiment needs ("classes 5-9, 20 images each"). Shared by the CLI's
// --classes / --per-class and the tests.
#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.h"

namespace cs {

struct ClassSelection {
    std::vector<int> classes;  // indices into the source's class names, in the order they get; empty: all
    int perClass = 0;          // training images kept per class (0: all); test and validation keep all
    uint64_t seed = 1;         // which images perClass keeps

    bool selects() const { return !classes.empty() || perClass > 0; }
};

// "0-4", "5,7,9", "0-2,7" or class names ("sneaker,bag"), against `classNames`. Throws
// OptionError naming the entry that is no class.
std::vector<int> parseClassList(const std::string& text, const std::vector<std::string>& classNames);

// `data` with only the selected classes, labelled 0..k-1 in the selection's order (their
// names kept), and the training set cut to perClass images per class (a seeded choice, in the
// data's order). Throws OptionError for a class index outside the data.
Dataset selectClasses(const Dataset& data, const ClassSelection& selection, bool limitPerClass);
void selectClasses(DataSplits& splits, const ClassSelection& selection);

}  // namespace cs
