#include "doctor/doctor_findings.h"

#include <QCoreApplication>
#include <QLocale>

#include "dataset/dataset_catalog.h"

namespace cs::gui {

namespace {

QString className(const DatasetCatalog& catalog, int label) {
    return label >= 0 && label < catalog.classCount() ? QString::fromStdString(catalog.classNames()[std::size_t(label)])
                                                      : QString::number(label);
}

QString percent(float p) { return QLocale().toString(double(p) * 100.0, 'f', 0) + QLatin1Char('%'); }

void addSample(DoctorFinding& f, const DoctorImage& image, const DatasetCatalog& catalog) {
    const long long g = globalIndexOf(image, catalog);
    if (g < 0) return;
    f.samples.push_back(std::size_t(g));
    f.labels.push_back(catalog.label(std::size_t(g)));
}

}  // namespace

long long globalIndexOf(const DoctorImage& image, const DatasetCatalog& catalog) {
    const int part = image.split == DoctorSplit::Train ? 0 : 2;
    if (image.index >= catalog.part(part).size()) return -1;
    return static_cast<long long>(catalog.partOffset(part) + image.index);
}

std::vector<DoctorFinding> findingsOf(const DoctorReport& report, const DatasetCatalog& catalog, FindingKind kind) {
    std::vector<DoctorFinding> out;
    switch (kind) {
        case FindingKind::Duplicates:
            for (std::size_t i = 0; i < report.duplicates.size(); ++i) {
                DoctorFinding f{kind, int(i), {}, {}};
                f.leakage = report.duplicates[i].spansSplits;
                for (const DoctorImage& image : report.duplicates[i].images) addSample(f, image, catalog);
                out.push_back(std::move(f));
            }
            break;
        case FindingKind::LabelSuspect:
            for (std::size_t i = 0; i < report.labelSuspects.size(); ++i) {
                DoctorFinding f{kind, int(i), {}, {}};
                f.suggestedClass = report.labelSuspects[i].suggestedClass;
                addSample(f, report.labelSuspects[i].image, catalog);
                out.push_back(std::move(f));
            }
            break;
        case FindingKind::Outlier:
            for (std::size_t i = 0; i < report.outliers.size(); ++i) {
                DoctorFinding f{kind, int(i), {}, {}};
                addSample(f, report.outliers[i].image, catalog);
                out.push_back(std::move(f));
            }
            break;
    }
    return out;
}

bool isFixed(const DoctorFinding& f, const DatasetCatalog& catalog) {
    std::size_t inTraining = 0;
    bool changed = false;
    for (std::size_t k = 0; k < f.samples.size(); ++k) {
        const std::size_t g = f.samples[k];
        if (g >= catalog.size()) continue;
        const bool out = catalog.excluded(g);
        inTraining += !out;
        changed = changed || out || catalog.label(g) != f.labels[k];
    }
    return f.kind == FindingKind::Duplicates ? !f.samples.empty() && inTraining <= 1 : changed;
}

QString findingText(const DoctorFinding& f, const DoctorReport& report, const DatasetCatalog& catalog) {
    const QString name = f.samples.empty() ? QString() : catalog.displayName(f.samples.front());
    switch (f.kind) {
        case FindingKind::Duplicates: {
            const DuplicateGroup& group = report.duplicates[std::size_t(f.index)];
            const int n = int(group.images.size());
            if (group.spansSplits)
                return QCoreApplication::translate("DoctorFindings", "Leakage: %1 images in training and test").arg(n);
            return group.exact ? QCoreApplication::translate("DoctorFindings", "Exact duplicates: %1 images").arg(n)
                               : QCoreApplication::translate("DoctorFindings", "Near duplicates: %1 images").arg(n);
        }
        case FindingKind::LabelSuspect: {
            const LabelSuspect& s = report.labelSuspects[std::size_t(f.index)];
            return QCoreApplication::translate("DoctorFindings", "%1: labelled %2 (%3), looks like %4 (%5)")
                .arg(name, className(catalog, s.givenClass), percent(s.givenProbability),
                     className(catalog, s.suggestedClass), percent(s.suggestedProbability));
        }
        case FindingKind::Outlier: {
            const Outlier& o = report.outliers[std::size_t(f.index)];
            QString kind;
            switch (o.kind) {
                case OutlierKind::Blank:
                    kind = QCoreApplication::translate("DoctorFindings", "blank");
                    break;
                case OutlierKind::Saturated:
                    kind = QCoreApplication::translate("DoctorFindings", "saturated");
                    break;
                case OutlierKind::LowContrast:
                    kind = QCoreApplication::translate("DoctorFindings", "low contrast");
                    break;
                case OutlierKind::FarFromClasses:
                    kind = QCoreApplication::translate("DoctorFindings", "far from every class");
                    break;
            }
            return QCoreApplication::translate("DoctorFindings", "%1: %2").arg(name, kind);
        }
    }
    return {};
}

std::vector<std::size_t> allButOne(const DoctorFinding& f, const DatasetCatalog& catalog) {
    if (f.samples.size() < 2) return {};
    std::size_t keep = 0;
    if (f.leakage)
        for (std::size_t k = 0; k < f.samples.size(); ++k)
            if (catalog.partOf(f.samples[k]) == 2) {
                keep = k;
                break;
            }
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < f.samples.size(); ++k)
        if (k != keep) out.push_back(f.samples[k]);
    return out;
}

}  // namespace cs::gui
