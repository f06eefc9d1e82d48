#pragma once
// The live camera picture: the newest frame scaled to fit, the region of interest (moved by
// dragging inside it, resized by its corners with the model input's aspect, reset by a double
// click), and over the video the top-k probability bars, the predicted class, the inset of
// what the network sees, FPS and inference time. Problems (a camera that cannot be opened or
// went away) show as a message in the view with a Retry button. Pure display: it is fed
// frames and predictions and reports ROI edits; it never touches a camera.
#include <QImage>
#include <QWidget>

#include "camera/camera_types.h"

class QPushButton;

namespace cs::gui {

class CameraView : public QWidget {
    Q_OBJECT
public:
    enum class MessageKind { None, Info, Busy, Error, Ended };

    explicit CameraView(QWidget* parent = nullptr);

    void setFrame(const QImage& frame);
    const QImage& frame() const { return frame_; }
    void clearFrame();

    void setPrediction(const LivePrediction& prediction);
    void clearPrediction();
    const LivePrediction& prediction() const { return prediction_; }

    // The ROI in fractions of the frame (x, y, w, h); an empty rect means the centre square.
    void setRoi(const QRectF& fraction);
    QRectF roi() const { return roi_; }
    // The ROI in pixels of a frame of `size` (the same rule the engine applies).
    static QRect roiInFrame(const QRectF& fraction, const QSize& size);
    QRect roiInFrame() const { return roiInFrame(roi_, frame_.size()); }
    // Width / height the ROI keeps while resized (the model's input); 0: free.
    void setRoiAspect(double aspect) { aspect_ = aspect; }

    // Draws the prediction's heat map (LivePrediction::heatMap) over the region when on.
    void setHeatMapShown(bool shown);
    bool heatMapShown() const { return heatMapShown_; }
    void setFrozen(bool frozen);
    bool isFrozen() const { return frozen_; }
    // A centred message over the view; Error and Ended (a file that finished) add Retry.
    void setMessage(const QString& text, MessageKind kind);
    QString message() const { return message_; }
    MessageKind messageKind() const { return messageKind_; }
    // A one-line note along the top of the video (e.g. "no trained model yet").
    void setBanner(const QString& text);
    QString banner() const { return banner_; }
    QPushButton* retryButton() const { return retry_; }
    // Frames per second the source delivers, shown while there is no prediction.
    void setSourceFps(double fps) { sourceFps_ = fps; }

    // Where the frame is drawn, in widget coordinates (empty without a frame).
    QRectF imageRect() const;
    QSize sizeHint() const override { return {640, 480}; }
    QSize minimumSizeHint() const override { return {240, 180}; }

signals:
    void roiChanged(const QRectF& fraction);  // by the user
    void retryRequested();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    enum class Handle { None, Move, TopLeft, TopRight, BottomLeft, BottomRight };
    Handle handleAt(const QPointF& pos) const;
    QRectF roiInWidget() const;
    QPointF toFrame(const QPointF& widgetPos) const;
    void updateCursor(const QPointF& pos);
    void placeRetry();

    // Painting (camera_view_overlay.cpp).
    void paintRoi(QPainter& p, const QRectF& image) const;
    void paintBars(QPainter& p, const QRectF& image) const;
    void paintInset(QPainter& p, const QRectF& image) const;
    void paintStats(QPainter& p, const QRectF& image) const;
    void paintMessage(QPainter& p) const;

    QImage frame_;
    LivePrediction prediction_;
    QRectF roi_;
    double aspect_ = 1.0;
    bool frozen_ = false;
    bool heatMapShown_ = false;
    QString message_;
    MessageKind messageKind_ = MessageKind::None;
    QString banner_;
    double sourceFps_ = 0;
    QPushButton* retry_;

    Handle drag_ = Handle::None;
    QPointF dragStart_;  // frame pixels
    QRectF dragRoi_;     // frame pixels at the press
};

}  // namespace cs::gui
