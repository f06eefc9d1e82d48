#pragma once
// Element-wise activations shared by fused layers (Conv2D, Dense) and the Activation layer.
// Every backward is written in terms of the activation's *output*, so layers need not keep the
// pre-activation values.
#include <string>
#include <string_view>
#include <vector>

#include "core/tensor.h"

namespace cs {

enum class Activation { Linear, Relu, LeakyRelu, Elu, Sigmoid, Tanh, Softmax };

// Names as in Keras: "linear", "relu", "leaky_relu", "elu", "sigmoid", "tanh", "softmax".
Activation activationFromName(std::string_view name);  // throws OptionError listing the known names
std::string_view activationName(Activation a);
const std::vector<std::string>& activationNames();

// Negative slope of leaky_relu and alpha of elu used by fused activations (Keras 3 defaults).
inline constexpr float kLeakyReluSlope = 0.2f;
inline constexpr float kEluAlpha = 1.0f;

// Applies the activation in place to t. Softmax normalises over the channel axis of each
// position (image shapes) or over all features (flat shapes), as Keras's last-axis softmax does.
void activationForward(Activation a, Tensor& t, float alpha = -1.f);

// Turns dL/d(output) in `grad` into dL/d(pre-activation), in place, given the output y.
void activationBackward(Activation a, const Tensor& y, Tensor& grad, float alpha = -1.f);

}  // namespace cs
