#include "inspect/why_view.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

#include "dataset/pixel_view.h"
#include "inspect/color_map.h"
#include "io/model_file.h"

namespace cs::gui {

WhyView::WhyView(QWidget* parent) : QWidget(parent) {
    auto* grid = new QGridLayout;
    for (int i = 0; i < 2; ++i) {
        views_[i] = new PixelView;
        views_[i]->setMinimumSize(160, 160);
        captions_[i] = new QLabel;
        captions_[i]->setWordWrap(true);
        captions_[i]->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
        grid->addWidget(captions_[i], 0, i);
        grid->addWidget(views_[i], 1, i);
    }
    grid->setRowStretch(1, 1);
    status_ = new QLabel;
    status_->setWordWrap(true);
    opacity_ = new QSlider(Qt::Horizontal);
    opacity_->setRange(0, 100);
    opacity_->setValue(50);
    opacity_->setToolTip(tr("How strongly the heat maps cover the image"));
    auto* opacityRow = new QHBoxLayout;
    opacityRow->addWidget(new QLabel(tr("Opacity:")));
    opacityRow->addWidget(opacity_, 1);
    auto* title =
        new QLabel(tr("<b>Why this, not that</b>: where the model looks for the class it predicts, and "
                      "for the image's true class"));
    title->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addLayout(grid, 1);
    layout->addLayout(opacityRow);
    layout->addWidget(status_);
    connect(opacity_, &QSlider::valueChanged, this, [this](int v) {
        for (PixelView* view : views_) view->setOverlayOpacity(v / 100.0);
    });
    connect(&watcher_, &QFutureWatcher<std::vector<ExplanationOutcome>>::finished, this, &WhyView::finished);
}

WhyView::~WhyView() { watcher_.disconnect(this); }

void WhyView::setProject(std::shared_ptr<const ModelFile> project) {
    project_ = project && project->hasWeights() ? std::move(project) : nullptr;
    request();
}

void WhyView::setImage(const ProbeImage& image) {
    image_ = image;
    const QImage shown = image.isValid() ? probeToImage(image) : QImage();
    for (PixelView* view : views_) {
        view->setImage(shown);
        view->setOverlay({});
    }
    request();
}

int WhyView::trueClass() const {
    if (!project_) return -1;
    const auto& names = project_->classNames;
    if (!image_.labelName.empty() && !names.empty()) {
        const auto it = std::find(names.begin(), names.end(), image_.labelName);
        return it == names.end() ? -1 : int(it - names.begin());
    }
    return image_.label;
}

void WhyView::request() {
    if (!project_ || !image_.isValid()) {
        shown_.clear();
        for (int i = 0; i < 2; ++i) {
            views_[i]->setOverlay({});
            captions_[i]->clear();
        }
        status_->setText(project_ ? QString() : tr("Train the model to see where it looks."));
        return;
    }
    if (watcher_.isRunning()) {
        pending_ = true;
        return;
    }
    pending_ = false;
    status_->setText(tr("Computing…"));
    ExplanationRequest job{project_, image_, {}, true};
    const int truth = trueClass();
    watcher_.setFuture(QtConcurrent::run([job = std::move(job), truth] {
        return computeExplanations(job, {-1, truth});
    }));
}

void WhyView::finished() {
    if (pending_) {
        request();
        return;
    }
    shown_ = watcher_.result();
    display();
    emit explanationShown();
}

void WhyView::display() {
    status_->clear();
    const int truth = trueClass();
    for (int i = 0; i < 2; ++i) {
        const ExplanationOutcome& o = shown_[std::size_t(i)];
        views_[i]->setOverlay(o.ok() ? o.heatMap : QImage());
        if (!o.ok()) {
            captions_[i]->setText(i == 1 && truth < 0 ? tr("True class unknown") : o.error.toHtmlEscaped());
            continue;
        }
        const Explanation& e = o.explanation;
        const QString name = e.target < o.classNames.size() ? o.classNames[e.target] : tr("class %1").arg(e.target);
        const double p = double(e.probabilities[std::size_t(e.target)]) * 100;
        captions_[i]->setText((i == 0 ? tr("Predicted: <b>%1</b> (%2%)") : tr("True: <b>%1</b> (%2%)"))
                                  .arg(name.toHtmlEscaped())
                                  .arg(p, 0, 'f', 1));
    }
}

}  // namespace cs::gui
