#pragma once
// Parameter counts from options and shapes alone, so the designer can show them after every
// edit without allocating weights (a careless Dense on a large input would need gigabytes).
// The model tests check that these equal the built layers' real counts for every kind.
#include <cstdint>
#include <span>
#include <string>

#include "core/shape.h"
#include "layers/layer.h"

namespace cs {

// Trainable parameters plus non-trained state (as Keras's "Total params").
int64_t countParameters(const std::string& kind, const Options& validated, std::span<const Shape> inputs,
                        const Shape& output);

}  // namespace cs
