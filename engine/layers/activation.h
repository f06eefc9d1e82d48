#pragma once
// Element-wise activations shared by fused layers (Conv2D, Dense) and the Activation layer.
// Most backwards are written in terms of the activation's *output*, so layers need not keep the
// pre-activation values; silu, gelu and hard_swish are not monotonic, their output does not tell
// the input, so their backward needs the input (activationNeedsInput).
#include <string>
#include <string_view>
#include <vector>

#include "core/tensor.h"

namespace cs {

enum class Activation {
    Linear,
    Relu,
    LeakyRelu,
    Elu,
    Sigmoid,
    Tanh,
    Softmax,
    Relu6,
    HardSigmoid,
    HardSwish,
    Silu,
    Gelu
};

// Names as in Keras 3: "linear", "relu", "leaky_relu", "elu", "sigmoid", "tanh", "softmax", "relu6",
// "hard_sigmoid" (relu6(x + 3) / 6, as PyTorch's Hardsigmoid), "hard_swish" (x * hard_sigmoid(x)),
// "silu" (x * sigmoid(x), also called swish) and "gelu" (the exact, erf-based form).
Activation activationFromName(std::string_view name);  // throws OptionError listing the known names
std::string_view activationName(Activation a);
const std::vector<std::string>& activationNames();

// Negative slope of leaky_relu and alpha of elu used by fused activations (Keras 3 defaults).
inline constexpr float kLeakyReluSlope = 0.2f;
inline constexpr float kEluAlpha = 1.0f;

// Applies the activation in place to t. Softmax normalises over the channel axis of each
// position (image shapes) or over all features (flat shapes), as Keras's last-axis softmax does.
void activationForward(Activation a, Tensor& t, float alpha = -1.f);

// True when the backward needs the pre-activation x, not only the output y.
bool activationNeedsInput(Activation a);

// Turns dL/d(output) in `grad` into dL/d(pre-activation), in place, given the output y and, when
// activationNeedsInput(a), the pre-activation x (an Error otherwise).
void activationBackward(Activation a, const Tensor& y, Tensor& grad, const Tensor* x = nullptr, float alpha = -1.f);

// For layers that fuse an activation (Conv2D, Dense): applies it to t in place, first keeping a
// copy of t in `pre` when the backward will need it (a workspace buffer: no allocation once sized).
void fusedActivationForward(Activation a, Tensor& t, Tensor& pre);
void fusedActivationBackward(Activation a, const Tensor& y, const Tensor& pre, Tensor& grad);

}  // namespace cs
