#include "doctor_helpers.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/rng.h"

namespace cs::testing {

std::vector<uint8_t> shiftedCopy(const uint8_t* image, int height, int width, int channels, int dx, int dy,
                                 float gain) {
    std::vector<uint8_t> out(std::size_t(height) * std::size_t(width) * std::size_t(channels), 0);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const int sy = y - dy, sx = x - dx;
            if (sy < 0 || sy >= height || sx < 0 || sx >= width) continue;
            for (int c = 0; c < channels; ++c) {
                const float v = float(image[(std::size_t(sy) * width + sx) * channels + c]) * gain;
                out[(std::size_t(y) * width + x) * channels + c] = uint8_t(std::clamp(std::lround(v), 0L, 255L));
            }
        }
    return out;
}

DoctorScenario makeDoctorScenario(Dataset train, const Dataset& test, double flipShare, int copies, uint64_t seed) {
    DoctorScenario s;
    Rng rng(seed);
    const int classes = train.classCount();
    std::vector<uint32_t> order(train.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    order.resize(std::size_t(std::lround(flipShare * double(train.size()))));
    std::sort(order.begin(), order.end());
    for (uint32_t i : order) {
        train.labels[i] = int32_t((train.labels[i] + 1 + int(rng.below(uint64_t(classes - 1)))) % classes);
        s.flipped.push_back(i);
    }
    std::vector<uint32_t> sources(test.size());
    for (uint32_t i = 0; i < sources.size(); ++i) sources[i] = i;
    for (std::size_t i = sources.size(); i > 1; --i) std::swap(sources[i - 1], sources[rng.below(i)]);
    sources.resize(std::min<std::size_t>(sources.size(), std::size_t(copies)));
    for (uint32_t src : sources) {
        // Shifts of 1-2 pixels: x, y or both, either direction.
        int dx = 0, dy = 0;
        while (dx == 0 && dy == 0) {
            dx = int(rng.below(5)) - 2;
            dy = int(rng.below(5)) - 2;
        }
        const float gain = rng.uniform(0.75f, 1.25f);
        const auto copy = shiftedCopy(test.image(src), test.height, test.width, test.channels, dx, dy, gain);
        s.copies.emplace_back(uint32_t(train.size()), src);
        train.pixels.insert(train.pixels.end(), copy.begin(), copy.end());
        train.labels.push_back(test.labels[src]);
        if (!train.sources.empty()) train.sources.push_back("copy of test #" + std::to_string(src));
    }
    if (!train.sourceIndices.empty() || !train.sourceFile.empty()) {
        train.sourceFile.clear();
        train.sourceIndices.clear();
    }
    s.train = std::move(train);
    s.test = test;
    return s;
}

ScenarioFigures measureScenario(const DoctorScenario& s, const DoctorReport& report) {
    ScenarioFigures f;
    const std::set<uint32_t> flipped(s.flipped.begin(), s.flipped.end());
    int hits = 0;
    for (std::size_t i = 0; i < std::min(s.flipped.size(), report.labelSuspects.size()); ++i) {
        const DoctorImage& im = report.labelSuspects[i].image;
        hits += im.split == DoctorSplit::Train && flipped.count(im.index);
    }
    f.flippedInTopN = s.flipped.empty() ? 1.0 : double(hits) / double(s.flipped.size());
    std::set<std::pair<uint32_t, uint32_t>> copyPairs(s.copies.begin(), s.copies.end());
    std::set<uint32_t> copyIndices;
    for (const auto& c : s.copies) copyIndices.insert(c.first);
    std::set<std::pair<uint32_t, uint32_t>> found;
    int trainInLeaks = 0, copiesInLeaks = 0;
    for (const DuplicateGroup& g : report.duplicates) {
        if (!g.spansSplits) continue;
        ++f.leakGroups;
        bool hasCopy = false;
        for (const DoctorImage& a : g.images)
            hasCopy = hasCopy || (a.split == DoctorSplit::Train && copyIndices.count(a.index));
        f.groupsWithCopies += hasCopy;
        for (const DoctorImage& a : g.images) {
            if (a.split != DoctorSplit::Train) continue;
            ++trainInLeaks;
            copiesInLeaks += copyIndices.count(a.index) > 0;
            for (const DoctorImage& b : g.images)
                if (b.split == DoctorSplit::Test && copyPairs.count({a.index, b.index}))
                    found.insert({a.index, b.index});
        }
    }
    f.copiesFound = s.copies.empty() ? 1.0 : double(found.size()) / double(s.copies.size());
    f.leakPrecision = trainInLeaks ? double(copiesInLeaks) / double(trainInLeaks) : 1.0;
    return f;
}

}  // namespace cs::testing
