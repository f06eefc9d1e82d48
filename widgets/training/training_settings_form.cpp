#include "training/training_settings_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

#include "common/engine_message.h"
#include "core/errors.h"
#include "data/augment.h"
#include "train/optimizer.h"
#include "training/augment_form.h"

namespace cs::gui {

namespace {

// A spin box for rates: shows 0.001 or 1e-05 rather than a fixed number of decimals, and steps
// by halving and doubling.
class RateSpinBox : public QDoubleSpinBox {
public:
    RateSpinBox() {
        setDecimals(12);
        setRange(1e-8, 10);
    }
    QString textFromValue(double v) const override { return locale().toString(v, 'g', 6); }
    double valueFromText(const QString& text) const override { return locale().toDouble(text); }
    QValidator::State validate(QString& text, int&) const override {
        if (text.isEmpty()) return QValidator::Intermediate;
        bool ok = false;
        locale().toDouble(text, &ok);
        return ok ? QValidator::Acceptable : QValidator::Intermediate;
    }
    void stepBy(int steps) override { setValue(value() * std::pow(2.0, steps)); }
};

QDoubleSpinBox* doubleSpin(double lo, double hi, double step, int decimals, double value) {
    auto* s = new QDoubleSpinBox;
    s->setRange(lo, hi);
    s->setSingleStep(step);
    s->setDecimals(decimals);
    s->setValue(value);
    return s;
}

QSpinBox* intSpin(int lo, int hi, int value) {
    auto* s = new QSpinBox;
    s->setRange(lo, hi);
    s->setValue(value);
    return s;
}

QGroupBox* group(const QString& title, QLayout* layout) {
    auto* g = new QGroupBox(title);
    g->setLayout(layout);
    return g;
}

}  // namespace

TrainingSettingsForm::TrainingSettingsForm(QWidget* parent) : QWidget(parent) {
    fromScratch_ = new QRadioButton(tr("From scratch (random weights)"));
    fromScratch_->setObjectName(QStringLiteral("startFromScratch"));
    fromScratch_->setToolTip(tr("Start from the random weights the seed gives"));
    fromWeights_ = new QRadioButton(tr("Continue from current weights"));
    fromWeights_->setObjectName(QStringLiteral("startFromWeights"));
    fromWeights_->setToolTip(
        tr("Fine-tune: train further from the project's weights (a trained or an imported model) instead of "
           "random ones. The optimizer starts afresh; a smaller learning rate than for training from scratch "
           "usually works better."));
    startNote_ = new QLabel;
    startNote_->setWordWrap(true);
    startNote_->setStyleSheet(QStringLiteral("color: palette(mid);"));
    startNote_->hide();
    auto* startBox = new QVBoxLayout;
    startBox->addWidget(fromScratch_);
    startBox->addWidget(fromWeights_);
    startBox->addWidget(startNote_);

    optimizer_ = new QComboBox;
    optimizer_->addItem(tr("Adam"), QStringLiteral("adam"));
    optimizer_->addItem(tr("AdamW"), QStringLiteral("adamw"));
    optimizer_->addItem(tr("SGD"), QStringLiteral("sgd"));
    optimizer_->addItem(tr("RMSprop"), QStringLiteral("rmsprop"));
    learningRate_ = new RateSpinBox;
    learningRate_->setToolTip(tr("The base learning rate; the arrows halve and double it"));
    momentum_ = doubleSpin(0, 0.999, 0.05, 3, 0.9);
    nesterov_ = new QCheckBox(tr("Nesterov momentum"));
    weightDecay_ = doubleSpin(0, 1, 1e-4, 6, 0);
    weightDecay_->setToolTip(tr("L2 penalty on kernels (decoupled for AdamW)"));
    clipNorm_ = doubleSpin(0, 1000, 0.5, 2, 0);
    clipNorm_->setSpecialValueText(tr("off"));
    clipNorm_->setToolTip(tr("Scale the gradients down when their global norm exceeds this"));
    schedule_ = new QComboBox;
    schedule_->addItem(tr("Constant"), QStringLiteral("constant"));
    schedule_->addItem(tr("Step decay"), QStringLiteral("step"));
    schedule_->addItem(tr("Exponential decay"), QStringLiteral("exponential"));
    schedule_->addItem(tr("Cosine (with warm-up)"), QStringLiteral("cosine"));
    schedule_->addItem(tr("Reduce on plateau"), QStringLiteral("plateau"));
    stepEpochs_ = intSpin(1, 10000, 10);
    stepEpochs_->setSuffix(tr(" epochs"));
    factor_ = doubleSpin(0.001, 1, 0.05, 3, 0.1);
    warmup_ = intSpin(0, 1000000, 0);
    warmup_->setSuffix(tr(" steps"));
    minRate_ = new RateSpinBox;
    minRate_->setMinimum(0);
    plateauPatience_ = intSpin(1, 1000, 3);
    plateauPatience_->setSuffix(tr(" epochs"));

    optimForm_ = new QFormLayout;
    optimForm_->addRow(tr("Optimizer:"), optimizer_);
    optimForm_->addRow(tr("Learning rate:"), learningRate_);
    optimForm_->addRow(tr("Momentum:"), momentum_);
    optimForm_->addRow(QString(), nesterov_);
    optimForm_->addRow(tr("Weight decay:"), weightDecay_);
    optimForm_->addRow(tr("Gradient clipping:"), clipNorm_);
    optimForm_->addRow(tr("Schedule:"), schedule_);
    optimForm_->addRow(tr("Every:"), stepEpochs_);
    optimForm_->addRow(tr("Factor:"), factor_);
    optimForm_->addRow(tr("Warm-up:"), warmup_);
    optimForm_->addRow(tr("Minimum rate:"), minRate_);
    optimForm_->addRow(tr("Patience:"), plateauPatience_);

    epochs_ = intSpin(1, 100000, 5);
    epochs_->setObjectName(QStringLiteral("epochs"));
    batchSize_ = intSpin(1, 65536, 64);
    batchSize_->setObjectName(QStringLiteral("batchSize"));
    validation_ = doubleSpin(0, 90, 5, 1, 10);
    validation_->setSuffix(QStringLiteral(" %"));
    validation_->setToolTip(
        tr("Share of the training images held out (per class) when the dataset has no "
           "validation set of its own"));
    seed_ = intSpin(0, 2147483647, 42);
    seed_->setToolTip(tr("The same seed and thread count give the same run"));
    threads_ = intSpin(0, 64, 0);
    threads_->setSpecialValueText(tr("all cores (%1)").arg(QThread::idealThreadCount()));
    balance_ = new QComboBox;
    balance_->setObjectName(QStringLiteral("classBalance"));
    // In a group of its own, as wide as the panel: the item texts are long for its 330 px, and
    // must not set the form's minimum width either.
    balance_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    balance_->setMinimumContentsLength(12);
    const struct {
        QString text, value, tip;
    } balances[] = {
        {tr("None"), QStringLiteral("none"),
         tr("Every image counts once per epoch. Right when the classes have about as many images each.")},
        {tr("Weight the loss by class frequency"), QStringLiteral("weights"),
         tr("Each training image's loss is multiplied by images / (classes × images of its class), so every "
            "class weighs as much in total; epochs keep their length. Good for moderate imbalance and large "
            "datasets. The validation loss stays unweighted.")},
        {tr("Oversample rare classes"), QStringLiteral("oversample"),
         tr("Every epoch draws each class as often as the largest one: rare images repeat (augmentation "
            "varies them) and epochs get longer. Good for strong imbalance in small datasets.")},
    };
    QString balanceTip = QStringLiteral("<p>") +
                         tr("How to train on a dataset where some classes have far fewer images than others "
                            "(the Dataset view shows the class balance).") +
                         QStringLiteral("</p>");
    for (const auto& b : balances) {
        balance_->addItem(b.text, b.value);
        balance_->setItemData(balance_->count() - 1, b.tip, Qt::ToolTipRole);
        balanceTip += QStringLiteral("<p><b>%1</b>: %2</p>").arg(b.text.toHtmlEscaped(), b.tip.toHtmlEscaped());
    }
    balance_->setToolTip(balanceTip);
    classWeightsNote_ = new QLabel;
    classWeightsNote_->setWordWrap(true);
    classWeightsNote_->hide();
    auto* balanceBox = new QVBoxLayout;
    balanceBox->addWidget(balance_);
    balanceBox->addWidget(classWeightsNote_);
    auto* runForm = new QFormLayout;
    runForm->addRow(tr("Epochs:"), epochs_);
    runForm->addRow(tr("Batch size:"), batchSize_);
    runForm->addRow(tr("Validation split:"), validation_);
    runForm->addRow(tr("Seed:"), seed_);
    runForm->addRow(tr("Threads:"), threads_);

    patience_ = intSpin(0, 1000, 0);
    patience_->setSpecialValueText(tr("off"));
    patience_->setSuffix(tr(" epochs"));
    patience_->setToolTip(tr("Stop when the validation loss has not improved for this many epochs"));
    restoreBest_ = new QCheckBox(tr("Restore the best weights"));
    auto* stopForm = new QFormLayout;
    stopForm->addRow(tr("Patience:"), patience_);
    stopForm->addRow(QString(), restoreBest_);

    augment_ = new AugmentForm;

    checkpointFolder_ = new QLineEdit;
    checkpointFolder_->setObjectName(QStringLiteral("checkpointFolder"));
    checkpointFolder_->setPlaceholderText(tr("next to the project"));
    checkpointFolder_->setToolTip(
        tr("Checkpoints are written after every epoch and when a run stops, so it can "
           "continue after the studio was closed"));
    auto* browse = new QToolButton;
    browse->setText(QStringLiteral("…"));
    connect(browse, &QToolButton::clicked, this, &TrainingSettingsForm::browseCheckpointFolder);
    auto* ckRow = new QHBoxLayout;
    ckRow->addWidget(checkpointFolder_, 1);
    ckRow->addWidget(browse);

    problemLabel_ = new QLabel;
    problemLabel_->setWordWrap(true);
    problemLabel_->setStyleSheet(QStringLiteral("color: #c0392b;"));
    problemLabel_->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* augmentBox = new QVBoxLayout;
    augmentBox->addWidget(augment_);
    groups_ = {group(tr("Start"), startBox),
               group(tr("Optimization"), optimForm_),
               group(tr("Run"), runForm),
               group(tr("Class balance"), balanceBox),
               group(tr("Early stopping"), stopForm),
               group(tr("Augmentation"), augmentBox),
               group(tr("Checkpoints"), ckRow)};
    for (QWidget* g : groups_) layout->addWidget(g);
    layout->addWidget(problemLabel_);
    layout->addStretch();

    auto changedSignal = [this] {
        updateVisibility();
        const QString p = problem();
        problemLabel_->setText(p);
        problemLabel_->setVisible(!p.isEmpty());
        emit changed();
        emit edited();
    };
    for (QComboBox* c : {optimizer_, schedule_, balance_})
        connect(c, &QComboBox::currentIndexChanged, this, changedSignal);
    for (QDoubleSpinBox* s : {learningRate_, momentum_, weightDecay_, clipNorm_, factor_, minRate_, validation_})
        connect(s, &QDoubleSpinBox::valueChanged, this, changedSignal);
    for (QSpinBox* s : {stepEpochs_, warmup_, plateauPatience_, epochs_, batchSize_, seed_, threads_, patience_})
        connect(s, &QSpinBox::valueChanged, this, changedSignal);
    for (QCheckBox* c : {nesterov_, restoreBest_}) connect(c, &QCheckBox::toggled, this, changedSignal);
    connect(fromWeights_, &QRadioButton::toggled, this, [this, changedSignal](bool on) {
        continueFromWeights_ = on;
        changedSignal();
    });
    connect(augment_, &AugmentForm::changed, this, changedSignal);
    connect(checkpointFolder_, &QLineEdit::textChanged, this, changedSignal);
    setSettings(TrainSettings{});
}

void TrainingSettingsForm::setRowVisible(QFormLayout* form, QWidget* field, bool visible) {
    form->setRowVisible(field, visible);
}

void TrainingSettingsForm::updateVisibility() {
    const QString opt = optimizer_->currentData().toString();
    const QString sched = schedule_->currentData().toString();
    setRowVisible(optimForm_, momentum_, opt == QLatin1String("sgd"));
    setRowVisible(optimForm_, nesterov_, opt == QLatin1String("sgd"));
    setRowVisible(optimForm_, stepEpochs_, sched == QLatin1String("step"));
    setRowVisible(
        optimForm_, factor_,
        sched == QLatin1String("step") || sched == QLatin1String("exponential") || sched == QLatin1String("plateau"));
    setRowVisible(optimForm_, warmup_, sched == QLatin1String("cosine"));
    setRowVisible(optimForm_, minRate_, sched == QLatin1String("cosine") || sched == QLatin1String("plateau"));
    setRowVisible(optimForm_, plateauPatience_, sched == QLatin1String("plateau"));
}

void TrainingSettingsForm::setSettings(const TrainSettings& s) {
    base_ = s;
    const QList<QWidget*> fields = findChildren<QWidget*>();
    for (QWidget* w : fields) w->blockSignals(true);
    const auto select = [](QComboBox* c, const std::string& v) {
        const int i = c->findData(QString::fromStdString(v));
        c->setCurrentIndex(i < 0 ? 0 : i);
    };
    select(optimizer_, s.optimizer.kind);
    learningRate_->setValue(s.optimizer.learningRate);
    momentum_->setValue(s.optimizer.momentum);
    nesterov_->setChecked(s.optimizer.nesterov);
    weightDecay_->setValue(s.optimizer.weightDecay);
    clipNorm_->setValue(s.optimizer.clipNorm);
    select(schedule_, s.schedule.kind);
    stepEpochs_->setValue(s.schedule.stepEpochs);
    factor_->setValue(s.schedule.factor);
    warmup_->setValue(s.schedule.warmupSteps);
    minRate_->setValue(s.schedule.minRate);
    plateauPatience_->setValue(s.schedule.patience);
    epochs_->setValue(s.epochs);
    batchSize_->setValue(s.batchSize);
    validation_->setValue(double(s.validationSplit) * 100);
    select(balance_, std::string(classBalanceName(s.balance)));
    continueFromWeights_ = s.continueFromWeights;
    showStart();
    seed_->setValue(static_cast<int>(std::min<uint64_t>(s.seed, 2147483647)));
    threads_->setValue(s.threads);
    patience_->setValue(s.earlyStoppingPatience);
    restoreBest_->setChecked(s.restoreBestWeights);
    try {
        augment_->setOptions(AugmentOptions::fromJson(s.augment));
    } catch (const Error&) {
        augment_->setOptions({});
    }
    for (QWidget* w : fields) w->blockSignals(false);
    updateClassWeightsNote();
    updateVisibility();
    const QString p = problem();
    problemLabel_->setText(p);
    problemLabel_->setVisible(!p.isEmpty());
    emit changed();
}

TrainSettings TrainingSettingsForm::settings() const {
    TrainSettings s = base_;
    s.optimizer.kind = optimizer_->currentData().toString().toStdString();
    s.optimizer.learningRate = static_cast<float>(learningRate_->value());
    s.optimizer.momentum = static_cast<float>(momentum_->value());
    s.optimizer.nesterov = nesterov_->isChecked();
    s.optimizer.weightDecay = static_cast<float>(weightDecay_->value());
    s.optimizer.clipNorm = static_cast<float>(clipNorm_->value());
    s.schedule.kind = schedule_->currentData().toString().toStdString();
    s.schedule.stepEpochs = stepEpochs_->value();
    s.schedule.factor = static_cast<float>(factor_->value());
    s.schedule.warmupSteps = warmup_->value();
    s.schedule.minRate = static_cast<float>(minRate_->value());
    s.schedule.patience = plateauPatience_->value();
    s.epochs = epochs_->value();
    s.batchSize = batchSize_->value();
    s.validationSplit = static_cast<float>(validation_->value() / 100);
    s.balance = classBalanceFromName(balance_->currentData().toString().toStdString());
    s.continueFromWeights = continueFromWeights_;
    s.seed = static_cast<uint64_t>(seed_->value());
    s.threads = threads_->value();
    s.earlyStoppingPatience = patience_->value();
    s.restoreBestWeights = restoreBest_->isChecked();
    s.augment = augment_->options().toJson();
    return s;
}

QString TrainingSettingsForm::problem() const {
    const TrainSettings s = settings();
    if (!(s.optimizer.learningRate > 0.f) || !std::isfinite(s.optimizer.learningRate))
        return tr("The learning rate must be greater than 0.");
    if (s.optimizer.learningRate > 1.f) return tr("A learning rate above 1 makes the loss diverge; try 0.001 to 0.1.");
    if (s.schedule.kind == "cosine" || s.schedule.kind == "plateau")
        if (s.schedule.minRate >= s.optimizer.learningRate)
            return tr("The schedule's minimum rate must be below the learning rate.");
    if (s.validationSplit >= 0.9f) return tr("Hold out less than 90% for validation.");
    if (s.earlyStoppingPatience > 0 && s.earlyStoppingPatience >= s.epochs)
        return tr("Early stopping patience (%1) must be smaller than the number of epochs (%2).")
            .arg(s.earlyStoppingPatience)
            .arg(s.epochs);
    try {
        s.validate();
        makeOptimizer(s.optimizer);
        AugmentOptions::fromJson(s.augment);
    } catch (const Error& e) {
        return engineText(e);
    }
    return {};
}

// Explicit weights (convstudio-cli --class-weights, kept in base_) weight the loss whatever the
// combo says: the trainer uses them as they are and only computes weights when there are none.
void TrainingSettingsForm::updateClassWeightsNote() {
    const std::vector<float>& w = base_.loss.classWeights;
    classWeightsNote_->setVisible(!w.empty());
    if (w.empty()) return;
    QStringList list;
    for (float x : w) list << locale().toString(double(x), 'g', 3);
    classWeightsNote_->setText(tr("These settings have explicit class weights (%1): they weight the loss with any "
                                  "choice here, in place of the ones computed from class frequency.")
                                   .arg(list.join(QStringLiteral(", "))));
}

void TrainingSettingsForm::setCheckpointFolder(const QString& folder) {
    const QSignalBlocker block(checkpointFolder_);  // not an edit of the user's
    checkpointFolder_->setText(folder);
    emit changed();
}
QString TrainingSettingsForm::checkpointFolder() const { return checkpointFolder_->text().trimmed(); }

void TrainingSettingsForm::setLocked(bool locked) {
    for (QWidget* g : groups_) g->setEnabled(!locked);
}

void TrainingSettingsForm::setWeightsAvailable(bool available, const QString& why) {
    weightsAvailable_ = available;
    startNote_->setText(why);
    startNote_->setVisible(!available && !why.isEmpty());
    showStart();
}

void TrainingSettingsForm::showStart() {
    const QSignalBlocker blockScratch(fromScratch_), blockWeights(fromWeights_);
    fromWeights_->setEnabled(weightsAvailable_);
    (weightsAvailable_ && continueFromWeights_ ? fromWeights_ : fromScratch_)->setChecked(true);
}

void TrainingSettingsForm::browseCheckpointFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Checkpoint Folder"), checkpointFolder());
    if (!dir.isEmpty()) checkpointFolder_->setText(dir);
}

}  // namespace cs::gui
