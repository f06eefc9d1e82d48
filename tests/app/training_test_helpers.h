#pragma once
// Small generated projects for the training tests of the studio: an image folder of four
// quadrant classes and a tiny CNN for it, so a run takes a moment.
#include <QString>
#include <vector>

#include "io/model_file.h"

namespace cs::testing {

// `counts[c]` 16x16 gray images of class c (a bright square in quadrant c) under `root`/<class>/.
// Returns false when an image could not be written.
bool writeQuadrantImageFolder(const QString& root, const std::vector<int>& counts);

// 3 classes (circle, square, cross) x 8 gray 28x28 images written as image folders under dir,
// so images can be excluded and moved.
void writeShapesImageFolder(const QString& dir);

// A 12x12x1 CNN for those four classes, on the dataset at `dataset`, with short training
// settings (2 epochs, batch 8, 2 threads, seed 1234).
ModelFile quadrantProject(const QString& dataset);

// Both hold the same tensors, bit for bit (and at least one).
bool sameWeights(const ModelFile& a, const ModelFile& b);

}  // namespace cs::testing
