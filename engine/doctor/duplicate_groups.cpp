#include "doctor/duplicate_groups.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <unordered_map>

namespace cs {

namespace {

class DisjointSets {
public:
    explicit DisjointSets(int64_t n) : parent_(std::size_t(n)) { std::iota(parent_.begin(), parent_.end(), 0); }
    int64_t find(int64_t x) {
        while (parent_[std::size_t(x)] != x) {
            parent_[std::size_t(x)] = parent_[std::size_t(parent_[std::size_t(x)])];  // path halving
            x = parent_[std::size_t(x)];
        }
        return x;
    }
    void unite(int64_t a, int64_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent_[std::size_t(std::max(a, b))] = std::min(a, b);
    }

private:
    std::vector<int64_t> parent_;
};

}  // namespace

std::vector<DuplicateGroup> groupDuplicates(const DoctorData& data, const std::vector<DuplicateEdge>& edges) {
    DisjointSets sets(data.size());
    for (const DuplicateEdge& e : edges) sets.unite(e.a, e.b);
    // Members and the largest distance per root; a group joined by any feature edge reports the
    // feature distances (the hash bits of its other edges are on another scale).
    struct Building {
        std::vector<int64_t> rows;
        float hashDistance = 0, featureDistance = 0;
        bool byFeatures = false;
    };
    std::unordered_map<int64_t, Building> byRoot;
    for (const DuplicateEdge& e : edges) {
        Building& g = byRoot[sets.find(e.a)];
        if (e.evidence == DuplicateEvidence::Features) {
            g.byFeatures = true;
            g.featureDistance = std::max(g.featureDistance, e.distance);
        } else {
            g.hashDistance = std::max(g.hashDistance, e.distance);
        }
        g.rows.push_back(e.a);
        g.rows.push_back(e.b);
    }
    std::vector<DuplicateGroup> groups;
    groups.reserve(byRoot.size());
    for (auto& [root, g] : byRoot) {
        std::sort(g.rows.begin(), g.rows.end());
        g.rows.erase(std::unique(g.rows.begin(), g.rows.end()), g.rows.end());
        DuplicateGroup group;
        group.exact = true;
        bool train = false, test = false;
        const uint8_t* first = data.image(g.rows.front());
        for (int64_t r : g.rows) {
            group.images.push_back(data.imageAt(r));
            (data.isTest(r) ? test : train) = true;
            if (group.exact && std::memcmp(first, data.image(r), data.imageBytes()) != 0) group.exact = false;
        }
        group.spansSplits = train && test;
        group.distance = group.exact ? 0.f : g.byFeatures ? g.featureDistance : g.hashDistance;
        groups.push_back(std::move(group));
    }
    auto firstRow = [&](const DuplicateGroup& g) {
        const DoctorImage& i = g.images.front();
        return i.split == DoctorSplit::Train ? int64_t(i.index) : data.trainSize() + i.index;
    };
    std::sort(groups.begin(), groups.end(), [&](const DuplicateGroup& a, const DuplicateGroup& b) {
        if (a.spansSplits != b.spansSplits) return a.spansSplits;
        if (a.images.size() != b.images.size()) return a.images.size() > b.images.size();
        return firstRow(a) < firstRow(b);
    });
    return groups;
}

}  // namespace cs
