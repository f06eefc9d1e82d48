#include "training_test_helpers.h"

#include <cstring>

#include <QDir>

#include <opencv2/imgcodecs.hpp>

#include "core/rng.h"
#include "data/dataset.h"
#include "data/dataset_export.h"
#include "train/train_settings.h"

namespace cs::testing {

namespace {

cv::Mat quadrantImage(int label, Rng& rng) {
    cv::Mat img(16, 16, CV_8UC1);
    for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 16; ++x) img.at<uint8_t>(y, x) = static_cast<uint8_t>(rng.below(60));
    const int ox = (label % 2) * 8 + static_cast<int>(rng.below(4));
    const int oy = (label / 2) * 8 + static_cast<int>(rng.below(4));
    for (int y = oy; y < oy + 4; ++y)
        for (int x = ox; x < ox + 4; ++x) img.at<uint8_t>(y, x) = static_cast<uint8_t>(200 + rng.below(56));
    return img;
}

}  // namespace

bool writeQuadrantImageFolder(const QString& root, const std::vector<int>& counts) {
    Rng rng(77);
    const char* names[] = {"north-west", "north-east", "south-west", "south-east"};
    for (int c = 0; c < 4 && c < int(counts.size()); ++c) {
        if (!QDir().mkpath(root + "/" + names[c])) return false;
        for (int i = 0; i < counts[c]; ++i) {
            const QString file = QStringLiteral("%1/%2/%3.png").arg(root, names[c]).arg(i, 2, 10, QChar('0'));
            if (!cv::imwrite(file.toStdString(), quadrantImage(c, rng))) return false;
        }
    }
    return true;
}

ModelFile quadrantProject(const QString& dataset) {
    ModelFile f;
    f.graph = GraphSpec::sequential({{"Input", {{"height", 12}, {"width", 12}, {"channels", 1}}},
                                     {"Conv2D", {{"filters", 4}, {"kernel_size", 3}, {"activation", "relu"}}},
                                     {"MaxPooling2D", {{"pool_size", 2}}},
                                     {"Flatten", nlohmann::json::object()},
                                     {"Dense", {{"units", 4}, {"activation", "softmax"}}}});
    f.preprocessing.height = f.preprocessing.width = 12;
    f.project["dataset"] = dataset.toStdString();
    TrainSettings s;
    s.epochs = 2;
    s.batchSize = 8;
    s.threads = 2;
    s.seed = 1234;
    s.optimizer.learningRate = 3e-3f;
    f.training = s.toJson();
    return f;
}

bool sameWeights(const ModelFile& a, const ModelFile& b) {
    if (a.weights.size() != b.weights.size() || a.weights.empty()) return false;
    for (const auto& [name, t] : a.weights) {
        const auto it = b.weights.find(name);
        if (it == b.weights.end() || it->second.size() != t.size() ||
            std::memcmp(t.data(), it->second.data(), sizeof(float) * static_cast<std::size_t>(t.size())) != 0)
            return false;
    }
    return true;
}

void writeShapesImageFolder(const QString& dir) {
    Dataset d;
    d.height = d.width = 28;
    d.channels = 1;
    d.classNames = {"circle", "square", "cross"};
    for (int i = 0; i < 24; ++i) {
        d.labels.push_back(i % 3);
        for (int p = 0; p < 28 * 28; ++p) d.pixels.push_back(uint8_t((p * (i + 1) + 40 * (i % 3)) % 256));
    }
    exportImageFolder(d, dir.toStdString());
}

}  // namespace cs::testing
