#include "doctor/confident_learning.h"

#include <algorithm>

namespace cs {

std::vector<float> confidentThresholds(const std::vector<float>& probabilities, const std::vector<int32_t>& labels,
                                       int classes) {
    std::vector<double> sum(std::size_t(classes), 0.0);
    std::vector<int64_t> count(std::size_t(classes), 0);
    for (std::size_t r = 0; r < labels.size(); ++r) {
        const auto c = std::size_t(labels[r]);
        sum[c] += probabilities[r * std::size_t(classes) + c];
        ++count[c];
    }
    std::vector<float> t(std::size_t(classes), 1.f);
    for (std::size_t c = 0; c < t.size(); ++c)
        if (count[c]) t[c] = float(sum[c] / double(count[c]));
    return t;
}

std::vector<LabelSuspect> findLabelSuspects(const DoctorData& data, const std::vector<float>& probabilities,
                                            int classes) {
    std::vector<int32_t> labels(std::size_t(data.size()));
    for (int64_t r = 0; r < data.size(); ++r) labels[std::size_t(r)] = data.label(r);
    const std::vector<float> threshold = confidentThresholds(probabilities, labels, classes);
    std::vector<LabelSuspect> suspects;
    for (int64_t r = 0; r < data.size(); ++r) {
        const float* p = &probabilities[std::size_t(r) * std::size_t(classes)];
        const int given = labels[std::size_t(r)];
        int counted = -1;
        for (int c = 0; c < classes; ++c)
            // cleanlab subtracts 1e-6 so a probability equal to its threshold clears it.
            if (p[c] >= threshold[std::size_t(c)] - 1e-6f && (counted < 0 || p[c] > p[counted])) counted = c;
        if (counted < 0 || counted == given) continue;
        float bestOther = 0;
        for (int c = 0; c < classes; ++c)
            if (c != given) bestOther = std::max(bestOther, p[c]);
        LabelSuspect s;
        s.image = data.imageAt(r);
        s.givenClass = given;
        s.suggestedClass = counted;
        s.givenProbability = p[given];
        s.suggestedProbability = p[counted];
        s.score = 0.5f * (1.f + bestOther - p[given]);
        suspects.push_back(s);
    }
    std::stable_sort(suspects.begin(), suspects.end(),
                     [](const LabelSuspect& a, const LabelSuspect& b) { return a.score > b.score; });
    return suspects;
}

}  // namespace cs
