#pragma once
// Single-precision matrix product for the convolution layers: C = op(A) * op(B), or C += ...
//
// Row-major storage with leading dimensions. With AVX-512 (CONVSTUDIO_NATIVE on a CPU that has
// it) this is a cache-blocked kernel with packed panels, which beats Eigen's product by 1.5-2x on
// the convolution shapes of our models (tests/bench/bench_gemm); elsewhere it is Eigen's product.
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

// True when sgemm uses the packed AVX-512 kernel (for the benchmark's report).
bool sgemmIsNative();

}  // namespace cs
