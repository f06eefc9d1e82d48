#pragma once
// Principal component analysis of float rows: the doctor's embedding of the pixels without a
// model, and its reduction of a model's features when they are too wide to keep for every image.
#include <cstdint>
#include <vector>

namespace cs {

class PcaBasis {
public:
    // Fits the mean and the `components` leading principal axes of `count` rows of `dim` values
    // (components is clamped to dim and count - 1, at least 1).
    static PcaBasis fit(const float* rows, int64_t count, int dim, int components);

    int inputDim() const { return inputDim_; }
    int outputDim() const { return outputDim_; }
    // Writes count x outputDim() coordinates of `count` rows of inputDim() values.
    void project(const float* rows, int64_t count, float* out) const;

private:
    int inputDim_ = 0, outputDim_ = 0;
    std::vector<float> mean_;
    std::vector<float> axes_;  // inputDim x outputDim, row-major
};

}  // namespace cs
