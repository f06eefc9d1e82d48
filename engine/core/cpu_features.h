#pragma once
// Which vector instructions the engine's kernels use, chosen once per process at run time.
//
// The portable build (CONVSTUDIO_ISA=portable) is compiled for baseline x86-64 and carries its
// fast kernels three times: AVX-512, AVX2 + FMA and plain C++. Each dispatching function asks
// cpuLevel() which to run. The level is the best the CPU supports, or what the environment
// variable CONVSTUDIO_ISA (avx512 | avx2 | scalar) asks for, so tests and benchmarks can run every
// path on one machine; asking for more than the CPU has throws instead of dying on an illegal
// instruction. Thread-safe (a function-local static).
//
// Kernels for one level are marked with its CS_TARGET_* attribute and live in a namespace named
// after it (avx512::, avx2::): scripts/check-isa-leaks.sh fails a binary in which any other
// function uses ymm/zmm registers. The attribute rather than per-file -m flags: a file compiled
// with -mavx512f would also compile every std:: and Eigen template it instantiates with AVX-512,
// and the linker may keep that copy for the whole program (SIGILL on an older CPU). An attribute
// changes only the function it is on; the always_inline intrinsics it calls inline into it.
#include <string>
#include <string_view>

#define CS_TARGET_AVX512 __attribute__((target("avx512f,avx512bw,avx512dq,avx512vl,avx2,fma")))
#define CS_TARGET_AVX2 __attribute__((target("avx2,fma")))

namespace cs {

enum class CpuLevel { Scalar, Avx2, Avx512 };

// The level the kernels use in this process (detected, or the CONVSTUDIO_ISA override).
// Throws std::runtime_error when the override is unknown or asks for more than the CPU has.
CpuLevel cpuLevel();

// The best level this CPU supports: AVX-512 needs F, BW, DQ and VL; AVX2 needs FMA too.
CpuLevel detectedCpuLevel();

// The level for an override value (empty: `detected`); throws std::runtime_error naming the
// value when it is unknown or above `detected`.
CpuLevel chooseCpuLevel(std::string_view override, CpuLevel detected);

// "avx512", "avx2" or "scalar" (the override's spelling).
std::string_view cpuLevelName(CpuLevel level);

// For reports: "avx512" or e.g. "avx2 (CONVSTUDIO_ISA; CPU has avx512)".
std::string cpuLevelDescription();

}  // namespace cs
