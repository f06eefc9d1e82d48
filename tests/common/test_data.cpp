#include "test_data.h"

#include "core/rng.h"

namespace cs::testing {

Dataset quadrantDataset(int perClass, int size, uint64_t seed) {
    Dataset ds;
    ds.height = ds.width = size;
    ds.channels = 1;
    ds.classNames = {"top-left", "top-right", "bottom-left", "bottom-right"};
    Rng rng(seed);
    const int n = perClass * 4;
    ds.pixels.resize(static_cast<std::size_t>(n) * size * size);
    const int half = size / 2, box = std::max(2, size / 4);
    for (int i = 0; i < n; ++i) {
        const int label = i % 4;
        ds.labels.push_back(label);
        uint8_t* img = ds.image(i);
        for (int p = 0; p < size * size; ++p) img[p] = static_cast<uint8_t>(rng.below(60));
        const int ox = (label % 2) * half + static_cast<int>(rng.below(static_cast<uint64_t>(half - box + 1)));
        const int oy = (label / 2) * half + static_cast<int>(rng.below(static_cast<uint64_t>(half - box + 1)));
        for (int y = oy; y < oy + box; ++y)
            for (int x = ox; x < ox + box; ++x) img[y * size + x] = static_cast<uint8_t>(200 + rng.below(56));
    }
    return ds;
}

}  // namespace cs::testing
