#include "designer/model_status.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

#include "designer/layer_style.h"
#include "designer/model_document.h"

namespace cs::gui {

ModelStatus::ModelStatus(ModelDocument* doc, QWidget* parent)
    : QWidget(parent),
      doc_(doc),
      state_(new QLabel(this)),
      params_(new QLabel(this)),
      macs_(new QLabel(this)),
      memory_(new QLabel(this)) {
    setObjectName(QStringLiteral("modelStatus"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->setSpacing(16);
    for (QLabel* l : {params_, macs_, memory_, state_}) layout->addWidget(l);
    state_->setCursor(Qt::PointingHandCursor);
    state_->installEventFilter(this);
    params_->setToolTip(tr("Trainable and non-trainable parameters of the model"));
    macs_->setToolTip(tr("Multiply-add operations for one image (forward pass)"));
    connect(doc_, &ModelDocument::checked, this, &ModelStatus::refresh);
    connect(doc_, &ModelDocument::settingsChanged, this, &ModelStatus::refresh);
    connect(doc_, &ModelDocument::documentReset, this, &ModelStatus::refresh);
    refresh();
}

int ModelStatus::batchSize(const ModelDocument& doc) { return std::max(1, doc.trainingSettings().batchSize); }

double ModelStatus::batchMemory(const ModelDocument& doc) {
    const GraphCheck& c = doc.check();
    const double activations = 2.0 * double(c.activationFloats) * batchSize(doc);
    const double weights = 4.0 * double(c.totalParams);
    return 4.0 * activations + 4.0 * weights;
}

QString ModelStatus::text() const {
    return QStringList{params_->text(), macs_->text(), memory_->text(), state_->text()}.join(QStringLiteral(" | "));
}

void ModelStatus::refresh() {
    const GraphCheck& c = doc_->check();
    params_->setText(tr("Parameters: %1").arg(formatCount(c.totalParams)));
    macs_->setText(tr("Multiply-adds: %1").arg(formatCompact(double(c.totalMacs))));
    const int batch = batchSize(*doc_);
    memory_->setText(tr("Memory (batch %1): %2").arg(batch).arg(formatBytes(batchMemory(*doc_))));
    memory_->setToolTip(tr("Activations and gradients for a batch of %1 images, plus weights, "
                           "gradients and optimizer state")
                            .arg(batch));
    int problems = 0;
    for (const NodeCheck& n : c.nodes) problems += n.hasError() ? 1 : 0;
    problems = std::max<int>(problems, c.ok ? 0 : std::max<int>(1, int(c.problems.size())));
    if (c.ok) {
        state_->setText(QStringLiteral("<span style='color:#2e7d32'>✔ %1</span>").arg(tr("Model valid")));
        state_->setToolTip(tr("Every layer has a shape; the model can be trained."));
    } else {
        state_->setText(QStringLiteral("<span style='color:#c62828'>✖ %1</span>")
                            .arg(problems == 1 ? tr("1 problem") : tr("%1 problems").arg(problems)));
        state_->setToolTip(tr("Click to show the problems list."));
    }
}

bool ModelStatus::eventFilter(QObject* watched, QEvent* event) {
    if (watched == state_ && event->type() == QEvent::MouseButtonRelease) emit problemsClicked();
    return QWidget::eventFilter(watched, event);
}

}  // namespace cs::gui
