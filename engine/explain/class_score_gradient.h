#pragma once
// The gradient of one class's score with respect to every node of a model, for one sample: the
// common step of Grad-CAM and saliency. The score is the class's logit when the model ends in a
// softmax (its probability saturates, the logit does not), else the output itself.
#include "core/tensor.h"

namespace cs {

class Model;
class Executor;

// Runs `input` (one sample) forward in Phase::Eval and back from a one-hot seed on `targetClass`
// down to node `node` (0: the input; Model::BackwardScope::ToInput); afterwards
// ex.activation(node) and ex.gradient(node) hold its output and d score / d output.
// `outputGrad` is scratch owned by the caller. `forwardDone`: ex already holds the forward pass
// of `input` (Phase::Eval), which is then not repeated.
void classScoreGradient(const Model& model, Executor& ex, const Tensor& input, int targetClass, int node,
                        Tensor& outputGrad, bool forwardDone = false);

}  // namespace cs
