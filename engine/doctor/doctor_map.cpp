#include "doctor/doctor_map.h"

#include <algorithm>

#include "doctor/tsne.h"

namespace cs {

void addDoctorMap(DoctorReport& report, const Dataset& train, const Dataset& test, const DoctorOptions& options,
                  DoctorStage& stage) {
    const int64_t rows = int64_t(report.trainImages) + report.testImages;
    if (report.featureDim <= 0 || int64_t(report.features.size()) < rows * report.featureDim) return;
    const int64_t step =
        options.mapMaxPoints > 0 ? std::max<int64_t>(1, (rows + options.mapMaxPoints - 1) / options.mapMaxPoints) : 1;
    std::vector<DoctorImage> images;
    std::vector<float> points;
    for (int64_t r = 0; r < rows; r += step) {
        const DoctorImage image = r < report.trainImages
                                      ? DoctorImage{DoctorSplit::Train, uint32_t(r)}
                                      : DoctorImage{DoctorSplit::Test, uint32_t(r - report.trainImages)};
        images.push_back(image);
        const float* row = report.features.data() + report.featureRow(image) * report.featureDim;
        points.insert(points.end(), row, row + report.featureDim);
    }
    TsneOptions tsne;
    tsne.seed = options.seed;
    tsne.threads = options.threads;
    std::vector<float> xy;
    try {
        // The callback runs on tsneEmbed's calling thread; stopping through its return value
        // keeps the cancel inside t-SNE's own checks.
        xy = tsneEmbed(points.data(), int64_t(images.size()), report.featureDim, tsne, [&](double fraction) {
            if (stage.cancelled()) return false;
            stage.report(fraction);
            return true;
        });
    } catch (const TsneCancelled&) {
        throw DoctorCancelled();
    }
    report.map.clear();
    report.map.reserve(images.size());
    for (std::size_t k = 0; k < images.size(); ++k) {
        const Dataset& d = images[k].split == DoctorSplit::Train ? train : test;
        report.map.push_back({images[k], xy[2 * k], xy[2 * k + 1], d.labels[images[k].index]});
    }
}

}  // namespace cs
