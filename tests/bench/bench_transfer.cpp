// Transfer-learning benchmark (not a test: nothing is asserted). A seed-cnn backbone trained
// briefly on Fashion-MNIST classes 0-4, then a new 5-class head for classes 5-9 trained on 20
// images per class with the backbone frozen: the seconds of that training with feature
// extraction (the target: under 5 s) and without it (the frozen backbone run on every
// batch), and the test accuracy on every test image of classes 5-9.
//
//   bench_transfer [--data DIR] [--epochs N] [--json]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "data/class_selection.h"
#include "data/data_source.h"
#include "graph/model.h"
#include "io/presets.h"
#include "train/evaluator.h"
#include "train/trainer.h"
#include "train/transfer.h"

using namespace cs;

namespace {

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

struct HeadRun {
    double seconds = 0, featureSeconds = 0, accuracy = 0;
};

HeadRun trainHead(const ModelFile& transfer, const Dataset& few, const Dataset& test, int epochs, bool features) {
    Model head(transfer.graph, transfer.seed);
    applyWeights(transfer, head);
    TrainSettings s;
    s.epochs = epochs;
    s.batchSize = 32;
    s.seed = 1;
    s.optimizer.learningRate = 1e-2f;
    Trainer trainer(head, s, transfer.preprocessing);
    trainer.setFeatureExtraction(features);
    const auto t0 = std::chrono::steady_clock::now();
    const TrainResult r = trainer.run(few, Dataset{});
    HeadRun out;
    out.seconds = secondsSince(t0);
    out.featureSeconds = r.featureCache ? r.featureCache->seconds : 0.0;
    out.accuracy = evaluate(head, test, transfer.preprocessing, EvalOptions{}).accuracy;
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir = "/usr/share/datasets/fashion-mnist";
    int epochs = 40;
    bool json = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--data") && i + 1 < argc)
            dir = argv[++i];
        else if (!std::strcmp(argv[i], "--epochs") && i + 1 < argc)
            epochs = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--json"))
            json = true;
        else {
            std::fprintf(stderr, "usage: bench_transfer [--data DIR] [--epochs N] [--json]\n");
            return 2;
        }
    }
    ModelFile file = loadPreset("seed-cnn");
    const DataSplits data = loadDataSource(dir);
    // The backbone: one epoch on 1,000 images of each of classes 0-4 (enough for features that
    // mean something; the head's timing does not depend on them).
    const Dataset first = selectClasses(data.train, ClassSelection{{0, 1, 2, 3, 4}, 1000, 1}, true);
    Model backbone(file.graph, file.seed);
    TrainSettings s;
    s.epochs = 1;
    s.seed = 1;
    const auto t0 = std::chrono::steady_clock::now();
    Trainer(backbone, s, file.preprocessing).run(first, Dataset{});
    const double backboneSeconds = secondsSince(t0);
    storeWeights(backbone, file);

    const ClassSelection second{{5, 6, 7, 8, 9}, 20, 1};
    const Dataset few = selectClasses(data.train, second, true);
    const Dataset test = selectClasses(data.test, second, false);
    const ModelFile transfer = replaceHead(file, "dense", few.classNames);
    const HeadRun fe = trainHead(transfer, few, test, epochs, true);
    const HeadRun full = trainHead(transfer, few, test, epochs, false);

    if (json) {
        const nlohmann::json j = {{"backbone_seconds", backboneSeconds},
                                  {"head_images", few.size()},
                                  {"head_epochs", epochs},
                                  {"feature_extraction_seconds", fe.seconds},
                                  {"features_seconds", fe.featureSeconds},
                                  {"feature_extraction_accuracy", fe.accuracy},
                                  {"frozen_backbone_every_batch_seconds", full.seconds},
                                  {"frozen_backbone_every_batch_accuracy", full.accuracy},
                                  {"test_images", test.size()}};
        std::printf("%s\n", j.dump(2).c_str());
        return 0;
    }
    std::printf("backbone: seed-cnn, 1 epoch on %zu images of classes 0-4: %.1f s\n", first.size(), backboneSeconds);
    std::printf("5-class head on %zu images (classes 5-9), %d epochs, frozen backbone cut after 'dense':\n", few.size(),
                epochs);
    std::printf("  feature extraction:        %6.2f s of training (features: %.3f s), test accuracy %.4f\n", fe.seconds,
                fe.featureSeconds, fe.accuracy);
    std::printf("  backbone run every batch:  %6.2f s of training, test accuracy %.4f\n", full.seconds, full.accuracy);
    std::printf("  (test: %zu images of classes 5-9)\n", test.size());
    return 0;
}
