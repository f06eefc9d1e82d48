#include "inspect/inspect_panel.h"

#include <QGroupBox>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "inspect/explanation_view.h"
#include "inspect/feature_map_view.h"
#include "inspect/filter_view.h"
#include "inspect/prediction_bars.h"
#include "inspect/probe_picker.h"

namespace cs::gui {

InspectPanel::InspectPanel(QWidget* parent) : QWidget(parent) {
    picker_ = new ProbePicker;
    bars_ = new PredictionBars;
    predictionCaption_ = new QLabel;
    predictionCaption_->setWordWrap(true);
    status_ = new QLabel;
    status_->setWordWrap(true);
    status_->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));

    auto* probeBox = new QGroupBox(tr("Probe image"));
    auto* pl = new QVBoxLayout(probeBox);
    pl->addWidget(picker_);
    auto* predBox = new QGroupBox(tr("Prediction"));
    auto* bl = new QVBoxLayout(predBox);
    bl->addWidget(predictionCaption_);
    bl->addWidget(bars_);
    auto* left = new QWidget;
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(4, 4, 4, 4);
    ll->addWidget(probeBox);
    ll->addWidget(predBox);
    ll->addWidget(status_);
    ll->addStretch();
    left->setMinimumWidth(260);
    left->setMaximumWidth(380);

    maps_ = new FeatureMapView;
    filters_ = new FilterView;
    tabs_ = new QTabWidget;
    tabs_->setDocumentMode(true);
    tabs_->addTab(maps_, tr("Feature maps"));
    tabs_->addTab(filters_, tr("Filters and weights"));
    explanation_ = new ExplanationView;
    tabs_->addTab(explanation_, tr("Where it looks"));

    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(tabs_);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(picker_, &ProbePicker::probeChanged, this, &InspectPanel::probeImageChanged);
    connect(picker_, &ProbePicker::probeChanged, explanation_, &ExplanationView::setProbeImage);
    setStatus(
        tr("The views update a few times a second while a model trains; when idle they show the project's "
           "weights."));
}

void InspectPanel::setData(std::shared_ptr<const DataSplits> data) { picker_->setData(std::move(data)); }

void InspectPanel::setProbe(const ProbeResult& probe) {
    maps_->setProbe(probe);
    filters_->setProbe(probe);
    // The image's class among the model's by name: an untrained preset's outputs, or weights
    // trained on other data, are named after another dataset's classes (none marked then).
    int trueLabel = probe.image.label;
    if (!probe.image.labelName.empty() && !probe.classNames.empty()) {
        const auto it = std::find(probe.classNames.begin(), probe.classNames.end(), probe.image.labelName);
        trueLabel = it == probe.classNames.end() ? -1 : int(it - probe.classNames.begin());
    }
    bars_->setPrediction(probe.probabilities, probe.classNames, trueLabel);
    const int top = bars_->predicted();
    if (top >= 0) {
        const QString name = top < int(probe.classNames.size()) ? QString::fromStdString(probe.classNames[top])
                                                                : tr("class %1").arg(top);
        predictionCaption_->setText(tr("<b>%1</b> (%2%)%3")
                                        .arg(name.toHtmlEscaped())
                                        .arg(double(probe.probabilities[top]) * 100, 0, 'f', 1)
                                        .arg(probe.step < 0 ? tr(" — untrained weights") : QString()));
    }
}

void InspectPanel::setProject(std::shared_ptr<const ModelFile> project) {
    explanation_->setProject(std::move(project));
}

void InspectPanel::beginRun() { filters_->clearHistory(); }

void InspectPanel::setStatus(const QString& text) { status_->setText(text); }

}  // namespace cs::gui
