#include "doctor/doctor_report_json.h"

namespace cs {

const char* doctorSplitName(DoctorSplit split) { return split == DoctorSplit::Train ? "train" : "test"; }

const char* outlierKindName(OutlierKind kind) {
    switch (kind) {
        case OutlierKind::Blank:
            return "blank";
        case OutlierKind::Saturated:
            return "saturated";
        case OutlierKind::LowContrast:
            return "low_contrast";
        case OutlierKind::FarFromClasses:
            return "far_from_classes";
    }
    return "unknown";
}

nlohmann::json doctorReportToJson(const DoctorReport& report, const Dataset& train, const Dataset& test) {
    using nlohmann::json;
    auto className = [&](int c) {
        const auto& names = train.classNames.size() ? train.classNames : test.classNames;
        return c >= 0 && std::size_t(c) < names.size() ? names[std::size_t(c)] : std::to_string(c);
    };
    auto image = [&](const DoctorImage& i) {
        const Dataset& set = i.split == DoctorSplit::Train ? train : test;
        return json{{"split", doctorSplitName(i.split)},
                    {"index", i.index},
                    {"source", set.sourceOf(i.index)},
                    {"label", set.labels[i.index]}};
    };
    json j{{"trainImages", report.trainImages}, {"testImages", report.testImages},
           {"labelMethod", report.labelMethod}, {"featureLayer", report.featureLayer},
           {"featureDim", report.featureDim},   {"seconds", report.seconds}};
    j["stages"] = json::array();
    for (const auto& [stage, seconds] : report.stageSeconds)
        j["stages"].push_back({{"stage", stage}, {"seconds", seconds}});
    j["notes"] = json::array();
    for (const Message& m : report.notes) j["notes"].push_back({{"code", m.code}, {"message", m.english()}});
    j["duplicates"] = json::array();
    for (const DuplicateGroup& g : report.duplicates) {
        json images = json::array();
        for (const DoctorImage& i : g.images) images.push_back(image(i));
        j["duplicates"].push_back(
            {{"exact", g.exact}, {"spansSplits", g.spansSplits}, {"distance", g.distance}, {"images", images}});
    }
    j["labelSuspects"] = json::array();
    for (const LabelSuspect& s : report.labelSuspects)
        j["labelSuspects"].push_back({{"image", image(s.image)},
                                      {"givenClass", s.givenClass},
                                      {"givenName", className(s.givenClass)},
                                      {"suggestedClass", s.suggestedClass},
                                      {"suggestedName", className(s.suggestedClass)},
                                      {"givenProbability", s.givenProbability},
                                      {"suggestedProbability", s.suggestedProbability},
                                      {"score", s.score}});
    j["outliers"] = json::array();
    for (const Outlier& o : report.outliers)
        j["outliers"].push_back({{"image", image(o.image)}, {"kind", outlierKindName(o.kind)}, {"score", o.score}});
    j["map"] = json::array();
    for (const MapPoint& p : report.map)
        j["map"].push_back({{"split", doctorSplitName(p.image.split)},
                            {"index", p.image.index},
                            {"x", p.x},
                            {"y", p.y},
                            {"label", p.label}});
    return j;
}

}  // namespace cs
