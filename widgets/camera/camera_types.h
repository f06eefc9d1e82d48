#pragma once
// Values the live camera sends from its classification thread to the GUI thread in queued
// signals: copyable, with the images already converted (never shared with the engine's Mats).
#include <QImage>
#include <QMetaType>
#include <QRect>
#include <QString>
#include <QVector>

namespace cs::gui {

struct ClassBar {
    int index = 0;
    QString name;
    float probability = 0;
};

// One classified frame as the camera view shows it.
struct LivePrediction {
    qint64 frameIndex = 0;
    QSize frameSize;
    QRect roi;               // in frame pixels
    QImage networkView;      // the network's input, 8-bit gray or RGB, at the model's size
    QVector<ClassBar> top;   // smoothed, best first
    bool uncertain = false;  // best class below the minimum confidence
    float minConfidence = 0;
    bool still = false;  // classified a frozen frame
    double inferenceMs = 0;
    QImage heatMap;  // where the model looks in the ROI (the network input's size), when asked
    double explainMs = 0;
    double fps = 0;         // frames classified per second
    double captureFps = 0;  // frames the source delivers per second
    qint64 dropped = 0;     // frames skipped because the model was busy
    qint64 classified = 0;

    bool isValid() const { return !top.isEmpty(); }
    QString bestName() const { return uncertain || top.isEmpty() ? QString() : top.front().name; }
    float confidence() const { return top.isEmpty() ? 0.f : top.front().probability; }
};

// What a capture did, for the capture panel's status line and counts.
struct CaptureOutcome {
    QString className;
    QString path;  // empty when skipped
    bool saved = false;
    bool duplicate = false;  // skipped: nearly identical to the class's last saved frame
    bool blurred = false;
    double sharpness = 0;
    int count = 0;  // images in the class afterwards
    QString error;  // the save failed
};

}  // namespace cs::gui

Q_DECLARE_METATYPE(cs::gui::LivePrediction)
Q_DECLARE_METATYPE(cs::gui::CaptureOutcome)
