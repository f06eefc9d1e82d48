#pragma once
// Single-precision matrix product for the convolution layers: C = op(A) * op(B), or C += ...
//
// Row-major storage with leading dimensions. With AVX-512 or AVX2 + FMA (chosen at run time,
// core/cpu_features.h) this is a cache-blocked kernel with packed panels, which beats Eigen's
// product by 1.5-2x on the convolution shapes of our models (tests/bench/bench_gemm); without
// them it is Eigen's product.
// Single-threaded: the engine parallelises over the batch. The packing buffers are per thread
// and grow once, so a training step does not allocate.
#include <cstdint>

namespace cs {

struct GemmMatrix {
    const float* data;
    int64_t ld;               // elements between consecutive stored rows
    bool transposed = false;  // stored as the transpose of the operand (op(X) = X^T)
};

// C (M x N, row-major, leading dimension ldc) = op(A) (M x K) * op(B) (K x N), added to C when
// `accumulate`. K may be 0 (C is then zeroed, or left as is when accumulating).
void sgemm(int M, int N, int K, GemmMatrix A, GemmMatrix B, float* C, int64_t ldc, bool accumulate);

// "packed AVX-512", "packed AVX2" or "Eigen": the kernel sgemm runs (for the benchmark's report).
const char* sgemmKernelName();

}  // namespace cs
