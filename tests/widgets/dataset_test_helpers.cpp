#include "dataset_test_helpers.h"

#include <algorithm>

namespace cs::test {

namespace {
Dataset generated(int count, int classes, int size, int offset) {
    Dataset d;
    d.height = d.width = size;
    d.channels = 1;
    d.sourceFile = offset ? "generated-test" : "generated-train";
    for (int k = 0; k < classes; ++k) d.classNames.push_back("class" + std::to_string(k));
    d.pixels.resize(std::size_t(count) * size * size);
    for (int i = 0; i < count; ++i) {
        const int label = i % classes;
        d.labels.push_back(label);
        uint8_t* img = d.image(std::size_t(i));
        std::fill(img, img + size * size, uint8_t(20 * label));
        img[0] = uint8_t((i + offset) % 256);
    }
    return d;
}
}  // namespace

DataSplits generatedSplits(int trainCount, int testCount, int classes, int size) {
    DataSplits s;
    s.train = generated(trainCount, classes, size, 0);
    s.test = generated(testCount, classes, size, 1);
    return s;
}

}  // namespace cs::test
