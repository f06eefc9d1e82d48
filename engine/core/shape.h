#pragma once
// The shape of one sample, without the batch dimension: (C, H, W) for images, (N) for flat vectors.
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>

namespace cs {

class Shape {
public:
    static constexpr int kMaxRank = 3;

    Shape() = default;
    Shape(std::initializer_list<int> dims);
    static Shape image(int channels, int height, int width) { return Shape{channels, height, width}; }
    static Shape flat(int size) { return Shape{size}; }

    int rank() const { return rank_; }
    int operator[](int i) const { return dims_[i]; }
    int& operator[](int i) { return dims_[i]; }
    int64_t size() const;  // number of elements of one sample

    bool isImage() const { return rank_ == 3; }
    bool isFlat() const { return rank_ == 1; }
    int channels() const { return rank_ == 3 ? dims_[0] : dims_[0]; }
    int height() const { return rank_ == 3 ? dims_[1] : 1; }
    int width() const { return rank_ == 3 ? dims_[2] : 1; }

    // "32x26x26" (C x H x W) for images, "64" for flat vectors.
    std::string toString() const;
    // Keras's channels-last display: "(None, 26, 26, 32)" / "(None, 64)".
    std::string toKerasString() const;

    bool operator==(const Shape& o) const;
    bool operator!=(const Shape& o) const { return !(*this == o); }

private:
    std::array<int, kMaxRank> dims_{0, 0, 0};
    int rank_ = 0;
};

}  // namespace cs
