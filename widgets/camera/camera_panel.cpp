#include "camera/camera_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "camera/camera_view.h"
#include "camera/capture_panel.h"

namespace cs::gui {

namespace {
const QString kBrowse = QStringLiteral("\x01browse");
}

QString CameraPanel::testPatternSource() {
    return QStringLiteral(
        "videotestsrc pattern=ball is-live=true ! video/x-raw,width=640,height=480,framerate=30/1 ! videoconvert ! "
        "video/x-raw,format=BGR ! appsink");
}

CameraPanel::CameraPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("cameraPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    // Source, start/stop and the frame tools along the top.
    auto* top = new QHBoxLayout;
    source_ = new QComboBox(this);
    source_->setObjectName(QStringLiteral("cameraSource"));
    source_->setEditable(true);
    source_->setInsertPolicy(QComboBox::NoInsert);
    source_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    source_->setMinimumContentsLength(14);
    source_->lineEdit()->setPlaceholderText(tr("Camera number, video file, stream URL or GStreamer pipeline"));
    source_->setToolTip(
        tr("A camera number (0, 1, …), a video file, a stream URL (rtsp://, http://) or a GStreamer "
           "pipeline ending in appsink"));
    start_ = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("Start"), this);
    start_->setObjectName(QStringLiteral("cameraStart"));
    top->addWidget(new QLabel(tr("Source:"), this));
    top->addWidget(source_, 1);
    top->addWidget(start_);
    top->addSpacing(12);
    auto tool = [this, top](const QString& text, const QString& tip, const char* name) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setObjectName(QString::fromLatin1(name));
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        top->addWidget(b);
        return b;
    };
    freeze_ = tool(tr("Freeze"), tr("Hold the current frame (moving the region re-classifies it)"), "cameraFreeze");
    freeze_->setCheckable(true);
    freeze_->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    snapshot_ = tool(tr("Snapshot…"), tr("Save the current frame as an image file"), "cameraSnapshot");
    snapshot_->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    probe_ =
        tool(tr("Feature Maps"), tr("Show the feature maps of the region of interest in the inspector"), "cameraProbe");
    layout->addLayout(top);

    // The video on the left; prediction settings and capture on the right.
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("cameraSplit"));
    split->setChildrenCollapsible(false);
    view_ = new CameraView(split);
    auto* side = new QWidget(split);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(6, 0, 0, 0);

    auto* prediction = new QGroupBox(tr("Prediction"), side);
    auto* form = new QFormLayout(prediction);
    topK_ = new QSpinBox(prediction);
    topK_->setObjectName(QStringLiteral("cameraTopK"));
    topK_->setRange(1, 10);
    topK_->setValue(5);
    topK_->setToolTip(tr("How many classes the bars show"));
    smoothing_ = new QSpinBox(prediction);
    smoothing_->setObjectName(QStringLiteral("cameraSmoothing"));
    smoothing_->setRange(1, 30);
    smoothing_->setValue(3);
    smoothing_->setSuffix(tr(" frames"));
    smoothing_->setToolTip(tr("Average the probabilities over the last N frames (1: no smoothing)"));
    minConfidence_ = new QDoubleSpinBox(prediction);
    minConfidence_->setObjectName(QStringLiteral("cameraMinConfidence"));
    minConfidence_->setRange(0, 100);
    minConfidence_->setDecimals(0);
    minConfidence_->setSingleStep(5);
    minConfidence_->setValue(50);
    minConfidence_->setSuffix(QStringLiteral(" %"));
    minConfidence_->setToolTip(tr("Below this confidence the prediction is shown as uncertain"));
    form->addRow(tr("Classes shown:"), topK_);
    form->addRow(tr("Smoothing:"), smoothing_);
    form->addRow(tr("Minimum confidence:"), minConfidence_);
    heatMap_ = new QCheckBox(tr("Show where it looks"), prediction);
    heatMap_->setObjectName(QStringLiteral("cameraHeatMap"));
    heatMap_->setToolTip(
        tr("A heat map over the region: where the network looks for the class it predicts "
           "(Grad-CAM; for a small model well under a millisecond per frame)"));
    form->addRow(QString(), heatMap_);
    auto* hint = new QLabel(tr("Drag the frame to move the region the network sees, drag a corner to resize it, "
                               "double-click it to centre it again."),
                            prediction);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: #4a515c;"));
    form->addRow(hint);
    sideLayout->addWidget(prediction);

    auto* captureBox = new QGroupBox(tr("Capture into Dataset"), side);
    auto* captureLayout = new QVBoxLayout(captureBox);
    capture_ = new CapturePanel(captureBox);
    captureLayout->addWidget(capture_);
    sideLayout->addWidget(captureBox, 1);

    split->addWidget(view_);
    split->addWidget(side);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    side->setMinimumWidth(260);
    side->setMaximumWidth(420);
    layout->addWidget(split, 1);

    fillSources();
    connect(start_, &QPushButton::clicked, this, &CameraPanel::onStartClicked);
    connect(source_->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        if (!running_ && !busy_) onStartClicked();
    });
    connect(source_, &QComboBox::activated, this, [this](int index) {
        if (source_->itemData(index).toString() == kBrowse) {
            source_->setEditText(QString());
            emit browseRequested();
        }
    });
    connect(freeze_, &QToolButton::toggled, this, &CameraPanel::freezeToggled);
    connect(snapshot_, &QToolButton::clicked, this, &CameraPanel::snapshotRequested);
    connect(probe_, &QToolButton::clicked, this, &CameraPanel::probeRequested);
    connect(topK_, &QSpinBox::valueChanged, this, &CameraPanel::settingsChanged);
    connect(smoothing_, &QSpinBox::valueChanged, this, &CameraPanel::settingsChanged);
    connect(heatMap_, &QCheckBox::toggled, this, [this](bool on) {
        view_->setHeatMapShown(on);
        emit settingsChanged();
    });
    connect(minConfidence_, &QDoubleSpinBox::valueChanged, this, &CameraPanel::settingsChanged);
    setRunning(false);
}

void CameraPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!shown_) {
        shown_ = true;
        emit firstShown();
    }
}

void CameraPanel::fillSources() {
    const QString typed = source_->currentText();
    const QSignalBlocker block(source_);
    source_->clear();
    if (!camerasKnown_) {
        source_->addItem(tr("Camera 0"), QStringLiteral("0"));
    } else {
        for (int i : cameras_) source_->addItem(tr("Camera %1").arg(i), QString::number(i));
        if (cameras_.isEmpty()) source_->addItem(tr("Camera 0 (none found)"), QStringLiteral("0"));
    }
    source_->addItem(tr("Test pattern (GStreamer)"), testPatternSource());
    for (const QString& r : recent_) source_->addItem(r, r);
    source_->insertSeparator(source_->count());
    source_->addItem(tr("Video File…"), kBrowse);
    if (!typed.isEmpty()) source_->setEditText(typed);
}

QString CameraPanel::sourceText() const {
    const QString text = source_->currentText().trimmed();
    const int index = source_->findText(text);
    if (index >= 0 && source_->itemData(index).toString() != kBrowse) return source_->itemData(index).toString();
    return text;
}

void CameraPanel::setSourceText(const QString& text) {
    const int index = source_->findData(text);
    if (index >= 0)
        source_->setCurrentIndex(index);
    else
        source_->setEditText(text);
}

void CameraPanel::setCameras(const QList<int>& indices) {
    cameras_ = indices;
    camerasKnown_ = true;
    fillSources();
}

void CameraPanel::setRecentSources(const QStringList& sources) {
    recent_ = sources;
    fillSources();
}

void CameraPanel::onStartClicked() {
    if (running_ || busy_) {
        emit stopRequested();
        return;
    }
    const QString text = sourceText();
    if (text.isEmpty()) {
        emit browseRequested();
        return;
    }
    emit startRequested(text);
}

void CameraPanel::setRunning(bool running) {
    running_ = running;
    const bool active = running_ || busy_;
    start_->setText(active ? tr("Stop") : tr("Start"));
    start_->setIcon(style()->standardIcon(active ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
    freeze_->setEnabled(running_);
    snapshot_->setEnabled(running_);
    if (!running_ && freeze_->isChecked()) {
        const QSignalBlocker block(freeze_);
        freeze_->setChecked(false);
    }
    capture_->setCaptureEnabled(running_);
    source_->setEnabled(!active);
}

void CameraPanel::setBusy(bool opening) {
    busy_ = opening;
    setRunning(running_);
}

void CameraPanel::setFrozen(bool frozen) {
    const QSignalBlocker block(freeze_);
    freeze_->setChecked(frozen);
}

void CameraPanel::setProbeAvailable(bool available, const QString& why) {
    probe_->setEnabled(available);
    probe_->setToolTip(available ? tr("Show the feature maps of the region of interest in the inspector") : why);
}

int CameraPanel::topK() const { return topK_->value(); }
int CameraPanel::smoothing() const { return smoothing_->value(); }

bool CameraPanel::showsHeatMap() const { return heatMap_->isChecked(); }
double CameraPanel::minConfidence() const { return minConfidence_->value() / 100.0; }

void CameraPanel::setPredictionSettings(int topK, int smoothing, double minConfidence) {
    const QSignalBlocker a(topK_), b(smoothing_), c(minConfidence_);
    topK_->setValue(topK);
    smoothing_->setValue(smoothing);
    minConfidence_->setValue(minConfidence * 100.0);
    emit settingsChanged();
}

}  // namespace cs::gui
