#pragma once
// How alike two images are up to a small shift and a change of brightness and contrast: the
// Pearson correlation of their gray values over the overlap. 1 for a copy moved by the shift
// and re-lit (less where pixels were clipped or moved out of the frame); different images of
// one class score lower.
#include <cstdint>

namespace cs {

// a(y, x) against b(y + dy, x + dx) where both exist; -1 when either is constant there.
float correlationAt(const float* a, const float* b, int height, int width, int dx, int dy);

// The highest correlationAt over the shifts (dx, dy) with |dx - centreX|, |dy - centreY| <= radius.
float shiftedCorrelation(const float* a, const float* b, int height, int width, int centreX, int centreY, int radius);

}  // namespace cs
