#pragma once
// A trained model's view of the images: the activations of its penultimate layer (the input of
// its classifier), computed with train/feature_cache in chunks so the doctor can report
// progress and stop when cancelled. Features wider than kMaxFeatureDim are reduced by PCA,
// so 70,000 images stay well under the memory budget.
#include <string>
#include <vector>

#include "data/preprocessing.h"
#include "doctor/doctor_data.h"

namespace cs {

class DoctorStage;
class Model;

inline constexpr int kMaxFeatureDim = 256;

// The node (index into Model::nodes()) whose output the classifier reads: from the output back
// past the layers without parameters (softmax, dropout, ...) to the last layer with parameters,
// then its input. -1 when that is the Input node (the model has no hidden layer).
int penultimateNode(const Model& model);

struct ModelFeatures {
    std::vector<float> rows;  // data.size() x dim
    int dim = 0;
    int layerDim = 0;  // the layer's own output size (dim < layerDim when reduced by PCA)
    std::string layer;
};

ModelFeatures computeModelFeatures(const Model& model, int node, const DoctorData& data, const Preprocessing& pre,
                                   WorkerPool& pool, const DoctorStage& stage, uint64_t seed);

}  // namespace cs
