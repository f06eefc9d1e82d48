// libFuzzer entry point of fuzz_model_file; what it does with an input: fuzz_targets.h (modelFileInput).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    cs::fuzz::modelFileInput(data, size);
    return 0;
}
