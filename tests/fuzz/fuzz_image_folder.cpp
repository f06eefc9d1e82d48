// libFuzzer entry point of fuzz_image_folder; what it does with an input: fuzz_targets.h (imageFolderInput).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    cs::fuzz::imageFolderInput(data, size);
    return 0;
}
