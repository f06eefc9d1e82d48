#include "designer/layer_palette.h"

#include <QDrag>
#include <QHeaderView>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QStyle>
#include <QVBoxLayout>

#include "designer/layer_style.h"
#include "designer/model_document.h"
#include "layers/layer_registry.h"

namespace cs::gui {

namespace {
constexpr int kKindRole = Qt::UserRole + 1;
}

PaletteTree::PaletteTree(QWidget* parent) : QTreeWidget(parent) {
    setHeaderHidden(true);
    setColumnCount(1);
    setRootIsDecorated(true);
    setIndentation(14);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize(QSize(20, 20));
    setUniformRowHeights(true);
    setAnimated(true);
    setObjectName(QStringLiteral("layerPaletteTree"));
}

QStringList PaletteTree::mimeTypes() const { return {QString::fromLatin1(ModelDocument::kLayerMimeType)}; }

QMimeData* PaletteTree::mimeData(const QList<QTreeWidgetItem*>& items) const {
    if (items.isEmpty()) return nullptr;
    const QString kind = items.front()->data(0, kKindRole).toString();
    if (kind.isEmpty()) return nullptr;
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(ModelDocument::kLayerMimeType), kind.toUtf8());
    mime->setText(kind);
    return mime;
}

void PaletteTree::startDrag(Qt::DropActions) {
    QTreeWidgetItem* item = currentItem();
    if (!item || item->data(0, kKindRole).toString().isEmpty()) return;
    auto* drag = new QDrag(this);
    drag->setMimeData(mimeData({item}));
    // A small chip with the icon and the kind follows the mouse.
    const QString text = item->text(0);
    QFont f = font();
    f.setBold(true);
    const QFontMetrics fm(f);
    const QSize size(fm.horizontalAdvance(text) + 44, 30);
    QPixmap pm(size * devicePixelRatioF());
    pm.setDevicePixelRatio(devicePixelRatioF());
    pm.fill(Qt::transparent);
    {
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(0x2f, 0x6f, 0xde), 1.5));
        p.setBrush(QColor(255, 255, 255, 235));
        p.drawRoundedRect(QRectF(1, 1, size.width() - 2, size.height() - 2), 6, 6);
        item->icon(0).paint(&p, QRect(8, 6, 18, 18));
        p.setFont(f);
        p.setPen(QColor(0x1f, 0x23, 0x29));
        p.drawText(QRect(32, 0, size.width() - 36, size.height()), Qt::AlignVCenter, text);
    }
    drag->setPixmap(pm);
    drag->setHotSpot(QPoint(size.width() / 2, size.height() / 2));
    drag->exec(Qt::CopyAction, Qt::CopyAction);
}

LayerPalette::LayerPalette(const LayerRegistry& registry, QWidget* parent)
    : QWidget(parent), filter_(new QLineEdit(this)), tree_(new PaletteTree(this)) {
    setObjectName(QStringLiteral("layerPalette"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    filter_->setPlaceholderText(tr("Filter layers…"));
    filter_->setClearButtonEnabled(true);
    layout->addWidget(filter_);
    layout->addWidget(tree_);

    QFont categoryFont = tree_->font();
    categoryFont.setBold(true);
    for (const std::string& category : registry.categories()) {
        const QString cat = QString::fromStdString(category);
        auto* group = new QTreeWidgetItem(tree_, {categoryDisplayName(cat)});
        group->setFlags(Qt::ItemIsEnabled);
        group->setFont(0, categoryFont);
        group->setForeground(0, categoryColor(cat).darker(125));
        for (const std::string& kind : registry.kinds()) {
            const LayerInfo& info = registry.info(kind);
            if (info.category != category) continue;
            auto* item = new QTreeWidgetItem(group, {QString::fromStdString(kind)});
            item->setIcon(0, categoryIcon(cat));
            item->setData(0, kKindRole, QString::fromStdString(kind));
            item->setToolTip(
                0, QStringLiteral("<b>%1</b><p>%2</p>")
                       .arg(QString::fromStdString(kind).toHtmlEscaped(), layerHelp(kind, info.help).toHtmlEscaped()));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
        if (group->childCount() == 0)
            delete group;
        else
            group->setExpanded(true);
    }

    // Wide enough for the longest kind name ("GlobalAveragePooling2D") beside its icon, below
    // its group, with a vertical scroll bar: the dock cannot be narrowed into cutting one. A
    // name that still does not fit (a larger font) loses its middle, not its end.
    int widest = 0;
    for (const std::string& kind : registry.kinds())
        widest = std::max(widest, tree_->fontMetrics().horizontalAdvance(QString::fromStdString(kind)));
    tree_->setTextElideMode(Qt::ElideMiddle);
    tree_->setMinimumWidth(widest + 2 * tree_->indentation() + tree_->iconSize().width() + 24 +
                           tree_->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 2 * tree_->frameWidth());

    connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString kind = item->data(0, kKindRole).toString();
        if (!kind.isEmpty()) emit layerActivated(kind);
    });
    connect(filter_, &QLineEdit::textChanged, this, &LayerPalette::applyFilter);
}

QTreeWidgetItem* LayerPalette::itemForKind(const QString& kind) const {
    for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = tree_->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            if (group->child(i)->data(0, kKindRole).toString() == kind) return group->child(i);
    }
    return nullptr;
}

QString LayerPalette::currentKind() const {
    QTreeWidgetItem* item = tree_->currentItem();
    return item ? item->data(0, kKindRole).toString() : QString();
}

void LayerPalette::applyFilter(const QString& text) {
    for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = tree_->topLevelItem(g);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            const bool match = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive) ||
                               group->text(0).contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match;
        }
        group->setHidden(shown == 0);
    }
}

}  // namespace cs::gui
