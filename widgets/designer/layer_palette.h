#pragma once
// The palette: every layer kind of the engine's registry, grouped by category, each with its
// category's icon and its help text as tooltip. Kinds are dragged onto the canvas
// (MIME type ModelDocument::kLayerMimeType) or activated with double-click / Enter.
#include <QTreeWidget>
#include <QWidget>

class QLineEdit;

namespace cs {
class LayerRegistry;
}

namespace cs::gui {

class PaletteTree : public QTreeWidget {
    Q_OBJECT
public:
    explicit PaletteTree(QWidget* parent = nullptr);
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override;
    QStringList mimeTypes() const override;

protected:
    void startDrag(Qt::DropActions actions) override;
};

class LayerPalette : public QWidget {
    Q_OBJECT
public:
    explicit LayerPalette(const LayerRegistry& registry, QWidget* parent = nullptr);

    PaletteTree* tree() const { return tree_; }
    QTreeWidgetItem* itemForKind(const QString& kind) const;
    QString currentKind() const;

signals:
    void layerActivated(const QString& kind);

private:
    void applyFilter(const QString& text);

    QLineEdit* filter_;
    PaletteTree* tree_;
};

}  // namespace cs::gui
