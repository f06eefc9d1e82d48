// The data doctor's "Done when" at full size (issue 16): all of Fashion-MNIST, 2% of the 60,000
// training labels changed and 100 test images copied into the training set with 1-2 pixel
// shifts and brightness changes; the doctor without a model and with a seed-cnn trained for
// two epochs on that data. Reports the figures and the stage times; asserts nothing.
//   bench_doctor [FASHION_DIR] [EPOCHS]
#include <chrono>
#include <cstdio>
#include <string>

#include "data/idx_loader.h"
#include "doctor/data_doctor.h"
#include "doctor_helpers.h"
#include "graph/model.h"
#include "io/model_file.h"
#include "io/presets.h"
#include "train/trainer.h"

using namespace cs;

namespace {

void report(const char* what, const testing::DoctorScenario& s, const DoctorReport& r) {
    const testing::ScenarioFigures f = testing::measureScenario(s, r);
    std::printf(
        "%s: %zu changed labels, %.1f%% in the top %zu of %zu suspects; %zu copies, %.1f%% found as "
        "train/test duplicates, precision %.1f%% (%d leakage groups, %d of them with a copy); %.1f s\n",
        what, s.flipped.size(), 100 * f.flippedInTopN, s.flipped.size(), r.labelSuspects.size(), s.copies.size(),
        100 * f.copiesFound, 100 * f.leakPrecision, f.leakGroups, f.groupsWithCopies, r.seconds);
    for (const auto& [stage, seconds] : r.stageSeconds) std::printf("  %-20s %7.2f s\n", stage.c_str(), seconds);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string folder = argc > 1 ? argv[1] : "/usr/share/datasets/fashion-mnist";
    const int epochs = argc > 2 ? std::atoi(argv[2]) : 2;
    const DataSplits all = loadIdxFolder(folder);
    const testing::DoctorScenario s = testing::makeDoctorScenario(all.train, all.test, 0.02, 100, 7);
    DoctorOptions options;
    options.map = false;
    options.threads = 2;
    report("no model", s, runDataDoctor(s.train, s.test, nullptr, Preprocessing{}, options));

    ModelFile preset = loadPreset("seed-cnn");
    Model model(preset.graph, preset.seed);
    TrainSettings settings = TrainSettings::fromJson(preset.training);
    settings.epochs = epochs;
    settings.threads = 2;
    const auto start = std::chrono::steady_clock::now();
    Trainer(model, settings, preset.preprocessing).run(s.train, Dataset{});
    std::printf("seed-cnn trained %d epochs on the changed data in %.0f s\n", epochs,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    report("seed-cnn", s, runDataDoctor(s.train, s.test, &model, preset.preprocessing, options));
    return 0;
}
