#include "doctor/image_hashes.h"

#include <cstring>
#include <opencv2/core.hpp>
#include <opencv2/img_hash.hpp>
#include <opencv2/imgproc.hpp>

#include "doctor/doctor_stage.h"

namespace cs {

uint64_t exactHash(const uint8_t* pixels, std::size_t bytes) {
    // FNV-1a over 64-bit words: fast, and a collision between different images of a dataset is
    // astronomically unlikely (and harmless: the group's exact flag is checked on the pixels).
    uint64_t h = 0xCBF29CE484222325ull;
    std::size_t i = 0;
    for (; i + 8 <= bytes; i += 8) {
        uint64_t w;
        std::memcpy(&w, pixels + i, 8);
        h = (h ^ w) * 0x100000001B3ull;
    }
    for (; i < bytes; ++i) h = (h ^ pixels[i]) * 0x100000001B3ull;
    return h;
}

uint64_t perceptualHash(const uint8_t* pixels, int height, int width, int channels) {
    // pHash converts colour to gray itself; OpenCV's Mat does not write through a const pointer.
    const cv::Mat image(height, width, CV_8UC(channels), const_cast<uint8_t*>(pixels));
    cv::Mat bits;
    cv::img_hash::pHash(image, bits);
    uint64_t h = 0;
    std::memcpy(&h, bits.ptr<uint8_t>(), std::min<std::size_t>(8, bits.total() * bits.elemSize()));
    return h;
}

ImageHashes hashImages(const DoctorData& data, WorkerPool& pool, const DoctorStage& stage) {
    ImageHashes h;
    const int64_t n = data.size();
    h.exact.resize(std::size_t(n));
    h.perceptual.resize(std::size_t(n));
    parallelBlocks(
        pool, n, 1024,
        [&](int64_t begin, int64_t end) {
            stage.check();
            for (int64_t r = begin; r < end; ++r) {
                const uint8_t* p = data.image(r);
                h.exact[std::size_t(r)] = exactHash(p, data.imageBytes());
                h.perceptual[std::size_t(r)] = perceptualHash(p, data.height(), data.width(), data.channels());
            }
        },
        [&](double f) { stage.report(f); });
    return h;
}

}  // namespace cs
