#pragma once
// Training progress on stderr: a redrawn bar on a terminal, one line per epoch otherwise
// (logs and pipes stay readable).
#include <chrono>
#include <cstdio>
#include <string>

namespace cs::cli {

class ProgressBar {
public:
    explicit ProgressBar(std::FILE* out);
    bool interactive() const { return interactive_; }
    // Redraws at most ten times a second.
    void batch(int epoch, int epochs, int batch, int batches, double loss, double accuracy, double samplesPerSecond);
    void line(const std::string& text);  // ends any bar first

private:
    std::FILE* out_;
    bool interactive_;
    bool barShown_ = false;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace cs::cli
