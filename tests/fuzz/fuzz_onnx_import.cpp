// libFuzzer entry point of fuzz_onnx_import; what it does with an input: fuzz_targets.h (onnxInput).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    cs::fuzz::onnxInput(data, size);
    return 0;
}
