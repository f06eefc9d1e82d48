#include "progress_bar.h"

#include <unistd.h>

namespace cs::cli {

ProgressBar::ProgressBar(std::FILE* out) : out_(out), interactive_(isatty(fileno(out)) != 0) {}

void ProgressBar::batch(int epoch, int epochs, int batch, int batches, double loss, double accuracy,
                        double samplesPerSecond) {
    if (!interactive_) return;
    const auto now = std::chrono::steady_clock::now();
    if (batch + 1 < batches && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    constexpr int kWidth = 30;
    const int filled = batches ? (batch + 1) * kWidth / batches : 0;
    std::string bar(static_cast<std::size_t>(filled), '=');
    if (filled < kWidth) bar += '>' + std::string(static_cast<std::size_t>(kWidth - filled - 1), ' ');
    std::fprintf(out_, "\rEpoch %d/%d %5d/%d [%s] loss %.4f acc %.4f %6.0f samples/s ", epoch + 1, epochs, batch + 1,
                 batches, bar.c_str(), loss, accuracy, samplesPerSecond);
    std::fflush(out_);
    barShown_ = true;
}

void ProgressBar::line(const std::string& text) {
    if (barShown_) std::fputc('\n', out_);
    barShown_ = false;
    std::fprintf(out_, "%s\n", text.c_str());
    std::fflush(out_);
}

}  // namespace cs::cli
