#include "inspect/explanation_view.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "dataset/pixel_view.h"
#include "inspect/color_map.h"
#include "io/model_file.h"

namespace cs::gui {

ExplanationView::ExplanationView(QWidget* parent) : QWidget(parent) {
    method_ = new QComboBox;
    method_->addItem(tr("Grad-CAM"), int(ExplainMethod::GradCam));
    method_->addItem(tr("Occlusion"), int(ExplainMethod::Occlusion));
    method_->addItem(tr("Saliency (input gradient)"), int(ExplainMethod::Saliency));
    method_->setToolTip(
        tr("Grad-CAM: which places of a convolutional layer raise the class's score.\n"
           "Occlusion: how much the class's probability drops when a patch of the image is covered.\n"
           "Saliency: how strongly each pixel changes the class's score."));
    layer_ = new QComboBox;
    layer_->setToolTip(tr("The layer Grad-CAM looks at; the last one with a spatial output keeps the most meaning."));
    class_ = new QComboBox;
    class_->addItem(tr("Predicted class"), -1);
    opacity_ = new QSlider(Qt::Horizontal);
    opacity_->setRange(0, 100);
    opacity_->setValue(50);
    opacity_->setToolTip(tr("How strongly the heat map covers the image"));
    view_ = new PixelView;
    view_->setMinimumSize(240, 240);
    caption_ = new QLabel;
    caption_->setWordWrap(true);
    caption_->setTextFormat(Qt::RichText);

    auto* form = new QFormLayout;
    form->addRow(tr("Method:"), method_);
    form->addRow(tr("Layer:"), layer_);
    form->addRow(tr("Class:"), class_);
    form->addRow(tr("Opacity:"), opacity_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(view_, 1);
    layout->addWidget(caption_);

    connect(method_, &QComboBox::activated, this, [this] {
        layer_->setEnabled(ExplainMethod(method_->currentData().toInt()) == ExplainMethod::GradCam);
        request();
    });
    connect(layer_, &QComboBox::activated, this, [this] {
        chosenLayer_ = layer_->currentIndex() == layer_->count() - 1 ? QString() : layer_->currentText();
        request();
    });
    connect(class_, &QComboBox::activated, this, [this] { request(); });
    connect(opacity_, &QSlider::valueChanged, this, [this](int v) { view_->setOverlayOpacity(v / 100.0); });
    connect(&watcher_, &QFutureWatcher<ExplanationOutcome>::finished, this, &ExplanationView::finished);
    updateCaption();
}

ExplanationView::~ExplanationView() {
    // The job holds only copies; let it finish in the pool without anyone to tell.
    watcher_.disconnect(this);
}

void ExplanationView::setProject(std::shared_ptr<const ModelFile> project) {
    project_ = project && project->hasWeights() ? std::move(project) : nullptr;
    if (!project_) {
        shown_ = {};
        view_->setOverlay({});
    }
    request();
}

void ExplanationView::setProbeImage(const ProbeImage& image) {
    image_ = image;
    view_->setImage(image.isValid() ? probeToImage(image) : QImage());
    view_->setOverlay({});
    request();
}

ExplainOptions ExplanationView::currentOptions() const {
    ExplainOptions o;
    o.method = ExplainMethod(method_->currentData().toInt());
    o.layer = chosenLayer_.toStdString();
    o.targetClass = class_->currentData().toInt();
    return o;
}

void ExplanationView::request() {
    updateCaption();
    if (!project_ || !image_.isValid()) return;
    if (watcher_.isRunning()) {
        pending_ = true;
        return;
    }
    pending_ = false;
    ExplanationRequest job{project_, image_, currentOptions(), false};
    watcher_.setFuture(QtConcurrent::run([job = std::move(job)] { return computeExplanation(job); }));
    updateCaption();
}

void ExplanationView::finished() {
    if (pending_) {
        request();  // the answer is for an older question
        return;
    }
    display(watcher_.result());
}

void ExplanationView::display(const ExplanationOutcome& outcome) {
    shown_ = outcome;
    if (outcome.ok()) {
        fillLayers(outcome.layers);
        fillClasses(outcome.classNames);
    }
    view_->setOverlay(outcome.ok() ? outcome.heatMap : QImage());
    updateCaption();
    emit explanationShown();
}

// The layers with the last (the default) at the end, as a network is read from input to output.
void ExplanationView::fillLayers(const QStringList& layers) {
    QStringList now;
    for (int i = 0; i < layer_->count(); ++i) now << layer_->itemText(i);
    if (now != layers) {
        layer_->clear();
        layer_->addItems(layers);
    }
    if (!chosenLayer_.isEmpty() && !layers.contains(chosenLayer_)) chosenLayer_.clear();
    layer_->setCurrentIndex(chosenLayer_.isEmpty() ? layer_->count() - 1 : layers.indexOf(chosenLayer_));
    if (layers.isEmpty()) layer_->addItem(tr("(no spatial layer)"));
}

void ExplanationView::fillClasses(const QStringList& names) {
    QStringList now;
    for (int i = 1; i < class_->count(); ++i) now << class_->itemText(i);
    if (now == names) return;
    const int chosen = class_->currentData().toInt();
    while (class_->count() > 1) class_->removeItem(1);
    for (int c = 0; c < names.size(); ++c) class_->addItem(names[c], c);
    class_->setCurrentIndex(chosen >= 0 && chosen < names.size() ? chosen + 1 : 0);
}

void ExplanationView::updateCaption() {
    if (!project_) {
        caption_->setText(tr("Train the model (or open one with weights) to see where it looks."));
        return;
    }
    if (!image_.isValid()) {
        caption_->setText(tr("Pick a probe image to see where the model looks."));
        return;
    }
    if (watcher_.isRunning() && !shown_.ok()) {
        caption_->setText(tr("Computing…"));
        return;
    }
    if (!shown_.ok()) {
        caption_->setText(shown_.error.toHtmlEscaped());
        return;
    }
    const Explanation& e = shown_.explanation;
    if (e.heat.empty()) {
        caption_->setText(tr("Computing…"));
        return;
    }
    const auto name = [&](int c) {
        return (c < shown_.classNames.size() ? shown_.classNames[c] : tr("class %1").arg(c)).toHtmlEscaped();
    };
    const QString method = method_->itemText(method_->findData(int(e.method)));
    const QString where =
        e.layer.empty() ? method : tr("%1 at %2").arg(method, QString::fromStdString(e.layer).toHtmlEscaped());
    caption_->setText(tr("%1 for <b>%2</b>; the model predicts <b>%3</b> (%4%). Strongest at row %5, column %6.")
                          .arg(where, name(e.target), name(e.predicted))
                          .arg(double(e.probability) * 100, 0, 'f', 1)
                          .arg(e.maxRow)
                          .arg(e.maxCol));
}

}  // namespace cs::gui
