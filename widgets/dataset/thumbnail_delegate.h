#pragma once
// Paints one tile of the thumbnail grid: the image, a bar in its class colour with the class
// name, and, once a model was evaluated, the predicted class and confidence (wrong ones framed
// red). Excluded images are dimmed and struck through. Every tile has the same size.
#include <QStyledItemDelegate>

namespace cs::gui {

class ThumbnailDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ThumbnailDelegate(QObject* parent = nullptr);

    void setThumbnailSize(int size) { thumbSize_ = size; }
    int thumbnailSize() const { return thumbSize_; }
    void setShowPredictions(bool on) { showPredictions_ = on; }
    QSize tileSize() const;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int thumbSize_ = 64;
    bool showPredictions_ = true;
};

}  // namespace cs::gui
