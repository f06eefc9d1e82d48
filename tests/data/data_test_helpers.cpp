#include "data_test_helpers.h"

#include <zlib.h>

#include <fstream>
#include <stdexcept>

namespace testdata {

void writeBytes(const std::string& path, const std::vector<uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path);
}

void writeIdx(const std::string& path, const std::vector<uint32_t>& dims, const std::vector<uint8_t>& payload,
              bool gz) {
    std::vector<uint8_t> bytes{0, 0, 0x08, static_cast<uint8_t>(dims.size())};
    for (uint32_t d : dims) {
        bytes.push_back(d >> 24);
        bytes.push_back((d >> 16) & 0xFF);
        bytes.push_back((d >> 8) & 0xFF);
        bytes.push_back(d & 0xFF);
    }
    bytes.insert(bytes.end(), payload.begin(), payload.end());
    if (!gz) return writeBytes(path, bytes);
    gzFile f = gzopen(path.c_str(), "wb");
    if (!f) throw std::runtime_error("cannot write " + path);
    if (!bytes.empty()) gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(f);
}

cs::Dataset makeDataset(int count, int height, int width, int channels, int classes, uint64_t seed) {
    cs::Dataset ds;
    ds.height = height;
    ds.width = width;
    ds.channels = channels;
    for (int c = 0; c < classes; ++c) ds.classNames.push_back(std::to_string(c));
    ds.pixels.resize(static_cast<std::size_t>(count) * ds.imageBytes());
    uint64_t state = seed * 2654435761u + 1;
    for (auto& p : ds.pixels) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        p = static_cast<uint8_t>(state >> 56);
    }
    for (int i = 0; i < count; ++i) ds.labels.push_back(i % classes);
    return ds;
}

void writeIdxPair(const std::string& folder, const std::string& prefix, const cs::Dataset& ds, bool gz) {
    const std::string ext = gz ? ".gz" : "";
    std::vector<uint32_t> dims{static_cast<uint32_t>(ds.size()), static_cast<uint32_t>(ds.height),
                               static_cast<uint32_t>(ds.width)};
    if (ds.channels != 1) dims.push_back(ds.channels);
    writeIdx(folder + "/" + prefix + "-images-idx3-ubyte" + ext, dims, ds.pixels, gz);
    std::vector<uint8_t> labels(ds.labels.begin(), ds.labels.end());
    writeIdx(folder + "/" + prefix + "-labels-idx1-ubyte" + ext, {static_cast<uint32_t>(ds.size())}, labels, gz);
}

void writeCifarBatch(const std::string& path, const cs::Dataset& ds) {
    std::vector<uint8_t> bytes;
    for (std::size_t i = 0; i < ds.size(); ++i) {
        bytes.push_back(static_cast<uint8_t>(ds.labels[i]));
        const uint8_t* img = ds.image(i);
        for (int c = 0; c < 3; ++c)
            for (int p = 0; p < 32 * 32; ++p) bytes.push_back(img[p * 3 + c]);
    }
    writeBytes(path, bytes);
}

}  // namespace testdata
