#include "data/class_selection.h"

#include <algorithm>
#include <cstdlib>

#include "core/errors.h"
#include "data/split.h"

namespace cs {

namespace {

int parseIndex(const std::string& item, const std::string& text, const std::vector<std::string>& names) {
    const auto byName = std::find(names.begin(), names.end(), item);
    if (byName != names.end()) return static_cast<int>(byName - names.begin());
    char* end = nullptr;
    const long v = std::strtol(item.c_str(), &end, 10);
    if (item.empty() || end != item.c_str() + item.size() || v < 0 || v >= static_cast<long>(names.size())) {
        std::string known;
        for (std::size_t i = 0; i < names.size(); ++i) known += (i ? ", " : "") + std::to_string(i) + " " + names[i];
        throw OptionError(msg("data.unknown_class",
                              "'{item}' in '{list}' is no class of the data; its classes: {known}",
                              {{"item", item}, {"list", text}, {"known", known}}));
    }
    return static_cast<int>(v);
}

}  // namespace

std::vector<int> parseClassList(const std::string& text, const std::vector<std::string>& classNames) {
    std::vector<int> out;
    std::size_t at = 0;
    while (at <= text.size()) {
        const std::size_t comma = std::min(text.find(',', at), text.size());
        const std::string item = text.substr(at, comma - at);
        at = comma + 1;
        const std::size_t dash = item.find('-');
        if (dash != std::string::npos && dash > 0 &&
            std::find(classNames.begin(), classNames.end(), item) == classNames.end()) {
            const int first = parseIndex(item.substr(0, dash), text, classNames);
            const int last = parseIndex(item.substr(dash + 1), text, classNames);
            for (int c = first; c <= last; ++c) out.push_back(c);
        } else {
            out.push_back(parseIndex(item, text, classNames));
        }
    }
    return out;
}

Dataset selectClasses(const Dataset& data, const ClassSelection& selection, bool limitPerClass) {
    std::vector<int> classes = selection.classes;
    if (classes.empty())
        for (int c = 0; c < data.classCount(); ++c) classes.push_back(c);
    std::vector<int> newLabel(static_cast<std::size_t>(data.classCount()), -1);
    for (std::size_t k = 0; k < classes.size(); ++k) {
        if (classes[k] < 0 || classes[k] >= data.classCount())
            throw OptionError(
                msg("data.class_out_of_range", "class {class} is outside the data's {count} classes",
                    {{"class", std::to_string(classes[k])}, {"count", std::to_string(data.classCount())}}));
        newLabel[static_cast<std::size_t>(classes[k])] = static_cast<int>(k);
    }
    // Which images stay: every image of a selected class, or a seeded choice of perClass of them.
    std::vector<uint32_t> order = shuffledIndices(data.size(), selection.seed);
    if (!limitPerClass || selection.perClass <= 0) std::sort(order.begin(), order.end());
    std::vector<int> taken(classes.size(), 0);
    std::vector<uint32_t> keep;
    for (uint32_t i : order) {
        const int label = newLabel[static_cast<std::size_t>(data.labels[i])];
        if (label < 0) continue;
        if (limitPerClass && selection.perClass > 0 && taken[static_cast<std::size_t>(label)] >= selection.perClass)
            continue;
        ++taken[static_cast<std::size_t>(label)];
        keep.push_back(i);
    }
    std::sort(keep.begin(), keep.end());
    Dataset out = data.subset(keep);
    for (auto& l : out.labels) l = newLabel[static_cast<std::size_t>(l)];
    out.classNames.clear();
    for (int c : classes) out.classNames.push_back(data.classNames[static_cast<std::size_t>(c)]);
    return out;
}

void selectClasses(DataSplits& splits, const ClassSelection& selection) {
    if (!selection.selects()) return;
    splits.train = selectClasses(splits.train, selection, true);
    if (splits.validation.size() > 0) splits.validation = selectClasses(splits.validation, selection, false);
    if (splits.test.size() > 0) splits.test = selectClasses(splits.test, selection, false);
}

}  // namespace cs
