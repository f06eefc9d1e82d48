#include "core/shape.h"

#include "core/errors.h"

namespace cs {

Shape::Shape(std::initializer_list<int> dims) {
    if (dims.size() > kMaxRank)
        throw ShapeError("a shape has at most 3 dimensions, got " + std::to_string(dims.size()));
    for (int d : dims) dims_[rank_++] = d;
}

int64_t Shape::size() const {
    if (rank_ == 0) return 0;
    int64_t s = 1;
    // Three ints can exceed 64 bits (2^31 cubed): a shape from a crafted file must not wrap.
    for (int i = 0; i < rank_; ++i)
        if (__builtin_mul_overflow(s, static_cast<int64_t>(dims_[i]), &s))
            throw ShapeError(
                msg("tensor.shape_too_large", "shape {shape} holds more than 2^63 values", {{"shape", toString()}}));
    return s;
}

std::string Shape::toString() const {
    std::string s;
    for (int i = 0; i < rank_; ++i) {
        if (i) s += "x";
        s += std::to_string(dims_[i]);
    }
    return s.empty() ? "()" : s;
}

std::string Shape::toKerasString() const {
    std::string s = "(None";
    if (rank_ == 3) {
        s += ", " + std::to_string(dims_[1]) + ", " + std::to_string(dims_[2]) + ", " + std::to_string(dims_[0]);
    } else {
        for (int i = 0; i < rank_; ++i) s += ", " + std::to_string(dims_[i]);
    }
    return s + ")";
}

bool Shape::operator==(const Shape& o) const {
    if (rank_ != o.rank_) return false;
    for (int i = 0; i < rank_; ++i)
        if (dims_[i] != o.dims_[i]) return false;
    return true;
}

}  // namespace cs
