#pragma once
// What each fuzz target does with one input, shared by the libFuzzer executables (fuzz_*.cpp,
// built with -DCONVSTUDIO_FUZZ=ON) and by the CTest replay of every checked-in corpus and
// regression file (tests/io/test_fuzz_replay.cpp, built everywhere, also under ASan in CI).
//
// The rule each one checks: a reader may throw cs::Error (the input is malformed, which is a
// clear message for the user); any other exception escapes, and an inconsistency aborts, because
// in the CLI or the studio that would be an unexplained failure.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cs::fuzz {

// The IDX reader (plain and gzip): the input is an images file and a labels file; its first byte
// picks where the images end (a fraction of the rest), so the fuzzer controls both files.
void idxInput(const uint8_t* data, std::size_t size);
// The CIFAR-10 batch reader (plain or gzip): the input is one batch file.
void cifarInput(const uint8_t* data, std::size_t size);
// The image-folder loader: the input becomes one image file in each of two class folders (OpenCV
// recognises formats by content; the name only has to look like an image).
void imageFolderInput(const uint8_t* data, std::size_t size);
// The .csmodel reader (models, projects and checkpoints are one format): the input is the whole
// file. One that parses also goes through the graph check (shape inference), as `summary` does;
// weights are not allocated, so absurd layer sizes cost nothing here.
void modelFileInput(const uint8_t* data, std::size_t size);
// The ONNX importer: the input is the whole .onnx file.
void onnxInput(const uint8_t* data, std::size_t size);
// The --augment spec parser: the input is the spec. A spec that parses must print back to a spec
// that parses to the same text.
void augmentSpecInput(const uint8_t* data, std::size_t size);

struct Target {
    const char* name;  // "fuzz_idx": the executable and the corpus folder
    void (*run)(const uint8_t*, std::size_t);
};
const std::vector<Target>& targets();

}  // namespace cs::fuzz
