#include "camera/capture_panel.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "common/engine_message.h"
#include "data/capture_writer.h"

namespace cs::gui {

CapturePanel::CapturePanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("capturePanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);

    auto* folderRow = new QHBoxLayout;
    folderLabel_ = new QLabel(this);
    folderLabel_->setObjectName(QStringLiteral("captureFolder"));
    folderLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    folderLabel_->setStyleSheet(QStringLiteral("color: #4a515c;"));
    // The row gives the label its width (not the path's length); the path is elided to it.
    folderLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    folderLabel_->setMinimumWidth(60);
    folderLabel_->installEventFilter(this);
    folderRow->addWidget(folderLabel_, 1);
    auto* change = new QToolButton(this);
    change->setText(tr("Folder…"));
    change->setToolTip(tr("Choose the image folder (one sub-folder per class) that captures are saved into"));
    folderRow->addWidget(change);
    layout->addLayout(folderRow);
    noteLabel_ = new QLabel(this);
    noteLabel_->setWordWrap(true);
    noteLabel_->setStyleSheet(QStringLiteral("color: #4a515c;"));
    noteLabel_->hide();
    layout->addWidget(noteLabel_);

    list_ = new QTreeWidget(this);
    list_->setObjectName(QStringLiteral("captureClasses"));
    list_->setColumnCount(2);
    list_->setHeaderLabels({tr("Class"), tr("Images")});
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->header()->setStretchLastSection(false);
    list_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    list_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    list_->setMinimumHeight(70);
    layout->addWidget(list_, 1);

    auto* addRow = new QHBoxLayout;
    newClass_ = new QLineEdit(this);
    newClass_->setObjectName(QStringLiteral("newClassName"));
    newClass_->setPlaceholderText(tr("New class name"));
    newClass_->setClearButtonEnabled(true);
    add_ = new QPushButton(tr("Add Class"), this);
    add_->setEnabled(false);
    addRow->addWidget(newClass_, 1);
    addRow->addWidget(add_);
    layout->addLayout(addRow);

    auto* shotRow = new QHBoxLayout;
    shot_ = new QPushButton(tr("Capture"), this);
    shot_->setObjectName(QStringLiteral("captureShot"));
    shot_->setToolTip(tr("Save the region of interest of the current frame into the selected class"));
    record_ = new QPushButton(tr("Hold to Record"), this);
    record_->setObjectName(QStringLiteral("captureRecord"));
    record_->setToolTip(tr("Keep pressed to save frames into the selected class at the set rate"));
    rate_ = new QDoubleSpinBox(this);
    rate_->setObjectName(QStringLiteral("captureRate"));
    rate_->setRange(0.5, 30.0);
    rate_->setDecimals(1);
    rate_->setSingleStep(1.0);
    rate_->setValue(5.0);
    rate_->setSuffix(tr(" /s"));
    rate_->setToolTip(tr("Frames saved per second while recording"));
    shotRow->addWidget(shot_, 1);
    shotRow->addWidget(record_, 1);
    shotRow->addWidget(rate_);
    layout->addLayout(shotRow);

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("captureStatus"));
    status_->setWordWrap(true);
    // A fixed height: a longer message must not move the buttons under the user's pointer.
    status_->setFixedHeight(status_->fontMetrics().lineSpacing() * 3 + 4);
    status_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(status_);
    train_ = new QPushButton(QIcon(QStringLiteral(":/icons/train.svg")), tr("Train on the Captures"), this);
    train_->setObjectName(QStringLiteral("trainOnCaptures"));
    train_->setToolTip(tr("Train the model on the capture folder now (the Training page shows the run)"));
    train_->hide();
    layout->addWidget(train_);
    connect(train_, &QPushButton::clicked, this, &CapturePanel::trainRequested);

    connect(change, &QToolButton::clicked, this, &CapturePanel::chooseFolderRequested);
    connect(newClass_, &QLineEdit::textChanged, this, [this](const QString& text) {
        const cs::Message why = CaptureWriter::classNameMessage(text.trimmed().toStdString());
        add_->setEnabled(why.text.empty());
        newClass_->setToolTip(text.isEmpty() || why.text.empty() ? QString() : engineText(why));
    });
    connect(newClass_, &QLineEdit::returnPressed, this, &CapturePanel::addClass);
    connect(add_, &QPushButton::clicked, this, &CapturePanel::addClass);
    connect(shot_, &QPushButton::clicked, this, [this] {
        if (!currentClass().isEmpty()) emit captureRequested(currentClass());
    });
    connect(record_, &QPushButton::pressed, this, [this] { setRecording(true); });
    connect(record_, &QPushButton::released, this, [this] { setRecording(false); });
    connect(list_, &QTreeWidget::currentItemChanged, this, [this] {
        if (recording_) setRecording(false);
        updateButtons();
    });
    updateButtons();
    showStatus(tr("Pick or create a class, then capture frames into it."));
}

void CapturePanel::setFolder(const QString& folder, const QString& note) {
    folder_ = folder;
    folderLabel_->setToolTip(QDir::toNativeSeparators(folder));
    showFolder();
    noteLabel_->setText(note);
    noteLabel_->setVisible(!note.isEmpty());
}

void CapturePanel::showFolder() {
    const QString shown = QDir::toNativeSeparators(folder_);
    folderLabel_->setText(folderLabel_->fontMetrics().elidedText(shown, Qt::ElideMiddle, folderLabel_->width()));
}

bool CapturePanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == folderLabel_ && event->type() == QEvent::Resize) showFolder();
    return QWidget::eventFilter(watched, event);
}

void CapturePanel::setClasses(const QMap<QString, int>& counts) {
    const QString keep = currentClass();
    counts_ = counts;
    const QSignalBlocker block(list_);
    list_->clear();
    QTreeWidgetItem* select = nullptr;
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        auto* item = new QTreeWidgetItem(list_, {it.key(), QString::number(it.value())});
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        if (it.key() == keep) select = item;
    }
    if (select) list_->setCurrentItem(select);
    updateButtons();
}

void CapturePanel::selectClass(const QString& name) {
    const auto found = list_->findItems(name, Qt::MatchExactly, 0);
    if (!found.isEmpty()) list_->setCurrentItem(found.front());
    updateButtons();
}

QString CapturePanel::currentClass() const {
    const QTreeWidgetItem* item = list_->currentItem();
    return item ? item->text(0) : QString();
}

void CapturePanel::setCaptureEnabled(bool enabled) {
    enabled_ = enabled;
    if (!enabled && recording_) setRecording(false);
    updateButtons();
}

double CapturePanel::recordRate() const { return rate_->value(); }

void CapturePanel::setRecordRate(double perSecond) { rate_->setValue(perSecond); }

void CapturePanel::addClass() {
    const QString name = newClass_->text().trimmed();
    const cs::Message why = CaptureWriter::classNameMessage(name.toStdString());
    if (!why.text.empty()) {
        showStatus(engineText(why), true);
        return;
    }
    newClass_->clear();
    emit addClassRequested(name);
}

void CapturePanel::setRecording(bool on) {
    if (on == recording_) return;
    if (on && (!enabled_ || currentClass().isEmpty())) return;
    recording_ = on;
    record_->setText(on ? tr("Recording…") : tr("Hold to Record"));
    emit recordingChanged(on, currentClass(), rate_->value());
}

void CapturePanel::updateButtons() {
    const bool ready = enabled_ && !currentClass().isEmpty();
    shot_->setEnabled(ready);
    record_->setEnabled(ready || recording_);
    if (enabled_ && currentClass().isEmpty())
        shot_->setToolTip(tr("Select a class first (or add one)"));
    else
        shot_->setToolTip(tr("Save the region of interest of the current frame into the selected class"));
}

void CapturePanel::showOutcome(const CaptureOutcome& o) {
    if (!o.error.isEmpty()) {
        showStatus(tr("Could not save: %1").arg(o.error), true);
        return;
    }
    if (counts_.value(o.className, -1) != o.count) {
        QMap<QString, int> counts = counts_;
        counts[o.className] = o.count;
        setClasses(counts);
    }
    if (o.duplicate) {
        showStatus(tr("Skipped: nearly identical to the last frame saved into '%1'. Move a little between shots.")
                       .arg(o.className));
    } else if (o.blurred) {
        showStatus(tr("Saved to '%1' (%2 images), but the frame looks blurred (sharpness %3): hold still or add light.")
                       .arg(o.className)
                       .arg(o.count)
                       .arg(o.sharpness, 0, 'f', 2),
                   true);
    } else {
        showStatus(tr("Saved %1 into '%2' (%3 images).").arg(QFileInfo(o.path).fileName(), o.className).arg(o.count));
    }
}

void CapturePanel::showStatus(const QString& text, bool warning) {
    status_->setText(text);
    status_->setStyleSheet(warning ? QStringLiteral("color: #a35c00;") : QStringLiteral("color: #4a515c;"));
}

QString CapturePanel::statusText() const { return status_->text(); }

}  // namespace cs::gui

namespace cs::gui {

void CapturePanel::setTrainAvailable(bool available) { train_->setVisible(available); }

}  // namespace cs::gui
