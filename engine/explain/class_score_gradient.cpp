#include "explain/class_score_gradient.h"

#include "graph/model.h"

namespace cs {

void classScoreGradient(const Model& model, Executor& ex, const Tensor& input, int targetClass, int node,
                        Tensor& outputGrad, bool forwardDone) {
    if (!forwardDone) model.forward(ex, input, Phase::Eval);
    outputGrad.resize(1, model.outputShape());
    outputGrad.setZero();
    outputGrad[targetClass] = 1.f;
    const bool logit = model.outputActivation() == Activation::Softmax;
    model.backward(ex, outputGrad, logit, Model::BackwardScope::ToInput, node);
}

}  // namespace cs
