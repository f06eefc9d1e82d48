// libFuzzer entry point of fuzz_cifar; what it does with an input: fuzz_targets.h (cifarInput).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    cs::fuzz::cifarInput(data, size);
    return 0;
}
