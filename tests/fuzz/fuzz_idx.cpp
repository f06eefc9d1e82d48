// libFuzzer entry point of fuzz_idx; what it does with an input: fuzz_targets.h (idxInput).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    cs::fuzz::idxInput(data, size);
    return 0;
}
