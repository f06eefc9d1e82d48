#pragma once
// Runs a compiled model on one probe image and collects what the inspect views show: every
// node's activation, the class probabilities, the first convolution's kernels and statistics
// of every parameter tensor. Plain engine calls: the trainer's thread runs it between batches.
#include "core/tensor.h"
#include "training/training_types.h"

namespace cs {
class Model;
class Executor;
struct Preprocessing;
}  // namespace cs

namespace cs::gui {

// The network's input for a (valid) probe image: converted to the preprocessing's size and
// channels as the batcher converts dataset images, then scaled. One sample.
Tensor probeInput(const Preprocessing& pre, const ProbeImage& image);

// `executor` must belong to `model`; it is used in Eval phase with a batch of one.
ProbeResult captureProbe(const Model& model, Executor& executor, const Preprocessing& pre, const ProbeImage& image);

// Mean, standard deviation, range and a `bins`-bin histogram of every parameter tensor.
std::vector<ParamStats> weightStatistics(const Model& model, int bins = 40);

// The kernels of the first Conv2D in node order (empty when the model has none).
KernelSet firstConvKernels(const Model& model);

// A probe image from dataset sample `index`.
ProbeImage probeFromDataset(const Dataset& data, std::size_t index);

}  // namespace cs::gui
