// libFuzzer entry point of fuzz_augment_spec; what it does with an input: fuzz_targets.h (augmentSpecInput).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    cs::fuzz::augmentSpecInput(data, size);
    return 0;
}
