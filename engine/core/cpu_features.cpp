#include "core/cpu_features.h"

#include <cstdlib>
#include <stdexcept>

namespace cs {

namespace {

constexpr const char* kVariable = "CONVSTUDIO_ISA";

const char* overrideValue() {
    const char* v = std::getenv(kVariable);
    return v ? v : "";
}

}  // namespace

CpuLevel detectedCpuLevel() {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("avx512vl"))
        return CpuLevel::Avx512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return CpuLevel::Avx2;
    return CpuLevel::Scalar;
}

std::string_view cpuLevelName(CpuLevel level) {
    switch (level) {
        case CpuLevel::Avx512:
            return "avx512";
        case CpuLevel::Avx2:
            return "avx2";
        case CpuLevel::Scalar:
            break;
    }
    return "scalar";
}

CpuLevel chooseCpuLevel(std::string_view value, CpuLevel detected) {
    if (value.empty()) return detected;
    for (CpuLevel level : {CpuLevel::Scalar, CpuLevel::Avx2, CpuLevel::Avx512}) {
        if (value != cpuLevelName(level)) continue;
        if (level > detected)
            throw std::runtime_error(std::string(kVariable) + "=" + std::string(value) +
                                     ": this CPU supports at most " + std::string(cpuLevelName(detected)) +
                                     " (the levels: avx512 > avx2 > scalar)");
        return level;
    }
    throw std::runtime_error(std::string(kVariable) + "=" + std::string(value) +
                             ": unknown instruction set; expected avx512, avx2 or scalar");
}

CpuLevel cpuLevel() {
    static const CpuLevel level = chooseCpuLevel(overrideValue(), detectedCpuLevel());
    return level;
}

std::string cpuLevelDescription() {
    const CpuLevel detected = detectedCpuLevel(), level = cpuLevel();
    std::string text(cpuLevelName(level));
    if (level != detected)
        text += " (" + std::string(kVariable) + "; CPU has " + std::string(cpuLevelName(detected)) + ")";
    return text;
}

}  // namespace cs
