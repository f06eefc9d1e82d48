#pragma once
// Test helpers for layers: seeded random tensors, a central-difference gradient checker, a
// runner that drives one Layer through forward/backward the way the Model does, and naive
// reference implementations to compare optimised kernels against.
// Used by tests/engine/test_layers.cpp; usable by any test of a layer-like computation.
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "core/rng.h"
#include "core/tensor.h"
#include "layers/layer.h"

namespace cs::test {

void fillUniform(Tensor& t, Rng& rng, float lo = -1.f, float hi = 1.f);
Tensor randomTensor(int batch, const Shape& shape, Rng& rng, float lo = -1.f, float hi = 1.f);
// sum(a * b) accumulated in double.
double dot(const Tensor& a, const Tensor& b);
bool allFinite(const Tensor& t);
// Largest |a - b| (infinity when the sizes differ).
double maxAbsDiff(const Tensor& a, const Tensor& b);

struct GradientCheckOptions {
    // Small enough that curvature moves the one-sided slopes apart by ~1e-3 at most, large
    // enough that float rounding in the layer (~1e-7 relative) stays well below absTol.
    double step = 1e-3;    // central-difference step
    double absTol = 5e-4;  // |analytic - numeric| <= absTol + relTol * |numeric|
    double relTol = 2e-3;
    // Points where the two one-sided slopes disagree by more than this, and still do at half the
    // step (curvature's gap halves, a kink's does not), straddle a kink (relu at 0, a max
    // changing winner) and are skipped, but only up to maxSkipped of them. A smaller kink moves
    // the central difference by at most half of it, which absTol covers.
    double kinkTol = 1e-3;
    double maxSkipped = 0.2;  // fraction
};

struct GradientCheckResult {
    int checked = 0;
    int skipped = 0;
    int failed = 0;
    double maxError = 0;
    std::string firstFailure;  // "element 12: analytic 0.31, numeric 0.52"
    bool ok(const GradientCheckOptions& o = {}) const;
    std::string summary() const;
};

// Compares analytic[i] with (loss(values[i] + h) - loss(values[i] - h)) / 2h for every element.
// `values` is perturbed in place and restored.
GradientCheckResult checkGradient(float* values, int64_t count, const float* analytic,
                                  const std::function<double()>& loss, const GradientCheckOptions& options = {});

// Drives one layer on fixed inputs as the Model would: a fresh output sized by outputShape,
// the workspace's RNG re-seeded before every forward (so dropout draws the same mask each time).
class LayerRunner {
public:
    LayerRunner(Layer& layer, std::vector<Tensor> inputs, Phase phase, uint64_t rngSeed = 7);

    std::vector<Tensor>& inputs() { return inputs_; }
    const std::vector<Tensor>& inputs() const { return inputs_; }
    const Shape& outputShape() const { return outShape_; }
    int batch() const { return inputs_.empty() ? 1 : inputs_[0].batch(); }

    // Output is pre-filled with NaN so a layer that leaves elements unwritten is caught.
    Tensor forward(Workspace& ws) const;

    struct Grads {
        std::vector<Tensor> inputs;  // empty tensors where not requested
        std::vector<Tensor> params;
    };
    // Gradients are pre-filled with `prefill` (NaN by default) to check that the layer writes
    // rather than accumulates.
    Grads backward(Workspace& ws, const Tensor& output, const Tensor& outputGrad, bool wantInputGrads = true,
                   bool gradIsPreActivation = false, float prefill = std::numeric_limits<float>::quiet_NaN()) const;

private:
    Layer& layer_;
    std::vector<Tensor> inputs_;
    std::vector<Shape> shapes_;
    Shape outShape_;
    Phase phase_;
    uint64_t seed_;
};

// Direct convolution, one multiply-add at a time, with TensorFlow's 'same' padding written out
// independently of the engine: x (N,C,H,W), w (F, C,k,k), b (F).
Tensor naiveConv2D(const Tensor& x, const Tensor& w, const Tensor& b, int stride, bool same);
// Max or average pooling (padding excluded from max and from the average's count).
// The same with explicit zero padding (top, bottom, left, right), dilation and groups (w is
// F x C/groups x k x k).
struct NaiveConvOptions {
    int stride = 1, dilation = 1, groups = 1;
    int pads[4] = {0, 0, 0, 0};
};
Tensor naiveConv2D(const Tensor& x, const Tensor& w, const Tensor* b, const NaiveConvOptions& o);
Tensor naivePool2D(const Tensor& x, int pool, int stride, bool same, bool isMax);

}  // namespace cs::test
