#pragma once
// The data doctor's findings as the studio lists them: each a duplicate group, a label suspect
// or an outlier of a DoctorReport, with its images as global sample indices of the Dataset
// page's DatasetCatalog, a line of text for the list, and whether it is fixed. "Fixed" is read
// from the catalog each time (an image excluded, a label changed), so an undo un-fixes it.
#include <QString>
#include <cstddef>
#include <vector>

#include "doctor/data_doctor.h"

namespace cs::gui {

class DatasetCatalog;

enum class FindingKind { Duplicates, LabelSuspect, Outlier };

struct DoctorFinding {
    FindingKind kind = FindingKind::Duplicates;
    int index = 0;                     // into the report's duplicates, labelSuspects or outliers
    std::vector<std::size_t> samples;  // global indices; a group's representative first
    std::vector<int> labels;           // the labels when the doctor ran, per sample
    int suggestedClass = -1;           // label suspects
    bool leakage = false;              // a duplicate group that spans train and test
};

// The catalog's global index of a doctor image (train: the source's training part, test: its
// test part); -1 when the catalog has no such sample.
long long globalIndexOf(const DoctorImage& image, const DatasetCatalog& catalog);

// Every finding of one kind, in the report's order.
std::vector<DoctorFinding> findingsOf(const DoctorReport& report, const DatasetCatalog& catalog, FindingKind kind);

// Fixed: a group with at most one image still in training; a suspect or outlier excluded or
// given another class than when the doctor ran.
bool isFixed(const DoctorFinding& finding, const DatasetCatalog& catalog);

// The list's text for a finding ("Leakage: 3 images in training and test", "Shirt → T-shirt 87%").
QString findingText(const DoctorFinding& finding, const DoctorReport& report, const DatasetCatalog& catalog);

// The images "Exclude all but one" excludes: all but a test image of a leakage group (the test
// set stays as it is), else all but the representative.
std::vector<std::size_t> allButOne(const DoctorFinding& finding, const DatasetCatalog& catalog);

}  // namespace cs::gui
