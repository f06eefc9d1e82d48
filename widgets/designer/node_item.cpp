#include "designer/node_item.h"

#include <QApplication>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <cmath>

#include "common/engine_message.h"
#include "designer/designer_metrics.h"
#include "designer/edge_item.h"
#include "designer/layer_style.h"
#include "layers/layer_registry.h"

namespace cs::gui {

using namespace metrics;

namespace {

const QColor kAccent(0x2f, 0x6f, 0xde);
const QColor kError(0xd9, 0x30, 0x25);
constexpr double kMultiPortHalf = 44;

// The red "!" in the card's corner; its tooltip is the engine's message.
class ErrorBadge : public QGraphicsItem {
public:
    explicit ErrorBadge(QGraphicsItem* parent) : QGraphicsItem(parent) { setAcceptHoverEvents(true); }
    QRectF boundingRect() const override { return QRectF(-11, -11, 22, 22); }
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override {
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(QPen(Qt::white, 2));
        p->setBrush(kError);
        p->drawEllipse(QPointF(0, 0), 10, 10);
        QFont f = QApplication::font();
        f.setBold(true);
        f.setPixelSize(14);
        p->setFont(f);
        p->setPen(Qt::white);
        p->drawText(boundingRect(), Qt::AlignCenter, QStringLiteral("!"));
    }
};

QString qs(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

NodeItem::NodeItem(const NodeSpec& spec, const LayerInfo* info, QGraphicsItem* parent)
    : QGraphicsObject(parent), id_(spec.id), badge_(new ErrorBadge(this)) {
    setFlags(ItemIsMovable | ItemIsSelectable | ItemIsFocusable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setCacheMode(DeviceCoordinateCache);
    badge_->setPos(kCardWidth - 4, 4);
    badge_->setVisible(false);
    badge_->setZValue(2);
    setSpec(spec, info);
}

void NodeItem::setSpec(const NodeSpec& spec, const LayerInfo* info) {
    prepareGeometryChange();
    kind_ = qs(spec.kind);
    name_ = qs(spec.name);
    category_ = info ? qs(info->category) : QString();
    help_ = info ? layerHelp(info->kind, info->help) : QString();
    takesInput_ = !info || info->maxInputs != 0;
    multiInput_ = info && (info->maxInputs < 0 || info->maxInputs > 1);
    inputCount_ = static_cast<int>(spec.inputs.size());
    frozen_ = !spec.trainable;
    nlohmann::json opts = spec.options;
    if (info) {
        try {
            opts = LayerRegistry::builtin().contains(spec.kind)
                       ? LayerRegistry::builtin().validate(spec.kind, spec.options, spec.name)
                       : spec.options;
        } catch (const std::exception&) {
            // Invalid options are reported by the check; show what the user wrote.
        }
    }
    options_ = keyOptionsText(spec.kind, opts);
    setModelPos(QPointF(spec.x, spec.y));
    updateToolTip();
    update();
}

void NodeItem::setCheck(const NodeCheck* check) {
    const QString error = check && check->hasError() ? engineText(check->error) : QString();
    shapeKnown_ = check && check->shapeKnown;
    shape_ = shapeKnown_ ? formatShape(check->output) : QString();
    params_ = check && shapeKnown_ ? formatCount(check->params) : QString();
    error_ = error;
    badge_->setVisible(!error_.isEmpty());
    badge_->setToolTip(error_);
    updateToolTip();
    update();
}

void NodeItem::updateToolTip() {
    QString tip = QStringLiteral("<b>%1</b> &nbsp;<i>%2</i>").arg(kind_.toHtmlEscaped(), name_.toHtmlEscaped());
    if (!error_.isEmpty())
        tip += QStringLiteral("<p style='color:#c62828'>%1</p>").arg(error_.toHtmlEscaped());
    else if (!help_.isEmpty())
        tip += QStringLiteral("<p>%1</p>").arg(help_.toHtmlEscaped());
    if (frozen_)
        tip +=
            QStringLiteral("<p><b>%1</b></p>")
                .arg(QCoreApplication::translate("NodeItem", "Frozen: training leaves this layer's weights as they are")
                         .toHtmlEscaped());
    setToolTip(tip);
}

void NodeItem::setModelPos(QPointF pos) {
    placing_ = true;
    setPos(pos);
    placing_ = false;
}

void NodeItem::removeEdge(EdgeItem* e) { std::erase(edges_, e); }

QPointF NodeItem::inputAnchor(int slot) const {
    double x = kCardWidth / 2;
    if (multiInput_ && inputCount_ > 1) {
        const double step = std::min(28.0, 2 * kMultiPortHalf / (inputCount_ - 1));
        x += (slot - (inputCount_ - 1) / 2.0) * step;
    }
    return mapToScene(QPointF(x, 0));
}

QPointF NodeItem::outputAnchor() const { return mapToScene(QPointF(kCardWidth / 2, kCardHeight)); }

bool NodeItem::hitsOutputPort(QPointF scenePos) const {
    const QPointF d = mapFromScene(scenePos) - QPointF(kCardWidth / 2, kCardHeight);
    return std::hypot(d.x(), d.y()) <= kPortRadius + 6;
}

bool NodeItem::hitsInputPort(QPointF scenePos) const {
    if (!takesInput_) return false;
    const QPointF p = mapFromScene(scenePos);
    const double half = multiInput_ ? kMultiPortHalf + 6 : kPortRadius + 6;
    return std::abs(p.x() - kCardWidth / 2) <= half && std::abs(p.y()) <= kPortRadius + 6;
}

int NodeItem::nearestInputSlot(QPointF scenePos) const {
    int best = -1;
    double bestDist = 1e18;
    for (int s = 0; s < inputCount_; ++s) {
        const double d = std::abs(inputAnchor(s).x() - scenePos.x());
        if (d < bestDist) {
            bestDist = d;
            best = s;
        }
    }
    return best;
}

void NodeItem::setHighlighted(bool on) {
    if (highlighted_ == on) return;
    highlighted_ = on;
    update();
}

QRectF NodeItem::boundingRect() const {
    return QRectF(-4, -kPortRadius - 4, kCardWidth + 8, kCardHeight + 2 * kPortRadius + 10);
}

QPainterPath NodeItem::shape() const {
    QPainterPath p;
    p.setFillRule(Qt::WindingFill);  // ports overlap the card; both count
    p.addRoundedRect(QRectF(0, 0, kCardWidth, kCardHeight), 7, 7);
    p.addEllipse(QPointF(kCardWidth / 2, kCardHeight), kPortRadius + 4, kPortRadius + 4);
    if (takesInput_) {
        if (multiInput_)
            p.addRoundedRect(
                QRectF(kCardWidth / 2 - kMultiPortHalf, -kPortRadius - 2, 2 * kMultiPortHalf, 2 * kPortRadius + 4), 6,
                6);
        else
            p.addEllipse(QPointF(kCardWidth / 2, 0), kPortRadius + 4, kPortRadius + 4);
    }
    return p;
}

void NodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    p->setRenderHint(QPainter::TextAntialiasing);
    const QRectF card(0, 0, kCardWidth, kCardHeight);
    const QColor color = categoryColor(category_);
    const bool selected = option->state & QStyle::State_Selected;

    // Shadow, body, category band.
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(0, 0, 0, selected ? 40 : 22));
    p->drawRoundedRect(card.translated(0, 2.5), 7, 7);
    QPainterPath body;
    body.addRoundedRect(card, 7, 7);
    p->setBrush(QColor(0xff, 0xff, 0xff));
    p->drawPath(body);
    p->save();
    p->setClipPath(body);
    p->setBrush(color);
    p->drawRect(QRectF(0, 0, 6, kCardHeight));
    QColor tint = color;
    tint.setAlpha(22);
    p->setBrush(tint);
    p->drawRect(QRectF(6, 0, kCardWidth - 6, 25));
    if (frozen_) {
        // Frozen: a grey, hatched body, like a disabled control, under the text.
        p->setBrush(QColor(0xe9, 0xec, 0xf1));
        p->drawRect(QRectF(6, 25, kCardWidth - 6, kCardHeight - 25));
        p->setBrush(QBrush(QColor(0xc9, 0xce, 0xd6), Qt::BDiagPattern));
        p->drawRect(QRectF(6, 25, kCardWidth - 6, kCardHeight - 25));
    }
    p->restore();

    QPen border(QColor(0xc4, 0xc9, 0xd2), 1);
    if (!error_.isEmpty()) border = QPen(kError, 2);
    if (selected) border = QPen(kAccent, 2.5);
    if (highlighted_) border = QPen(QColor(0xf2, 0x99, 0x1d), 3);
    p->setPen(border);
    p->setBrush(Qt::NoBrush);
    p->drawRoundedRect(card, 7, 7);

    // Header: icon, kind, name.
    const QIcon icon = categoryIcon(category_);
    icon.paint(p, QRect(13, 4, 17, 17));
    QFont base = QApplication::font();
    QFont bold = base;
    bold.setBold(true);
    bold.setPointSizeF(base.pointSizeF() + 0.5);
    p->setFont(bold);
    p->setPen(QColor(0x1f, 0x23, 0x29));
    const QFontMetricsF fmBold(bold);
    const double kindWidth = std::min(fmBold.horizontalAdvance(kind_), kCardWidth * 0.62);
    p->drawText(QRectF(36, 2, kindWidth + 2, 21), Qt::AlignVCenter | Qt::AlignLeft,
                fmBold.elidedText(kind_, Qt::ElideRight, kindWidth + 2));
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() - 0.5);
    const QFontMetricsF fmSmall(small);
    p->setFont(small);
    p->setPen(QColor(0x6a, 0x70, 0x7a));
    const double nameLeft = 36 + kindWidth + 10;
    const double nameRight = kCardWidth - (error_.isEmpty() ? 12 : 22) - (frozen_ ? 16 : 0);
    const QRectF nameRect(nameLeft, 2, nameRight - nameLeft, 21);
    if (frozen_) {
        // A padlock right of the name.
        const QPointF at(nameRight + 4, 6);
        p->save();
        p->setPen(QPen(QColor(0x4a, 0x55, 0x68), 1.6));
        p->setBrush(Qt::NoBrush);
        p->drawArc(QRectF(at.x() + 2, at.y(), 7, 9), 0, 180 * 16);
        p->drawLine(QPointF(at.x() + 2, at.y() + 4.5), QPointF(at.x() + 2, at.y() + 6));
        p->drawLine(QPointF(at.x() + 9, at.y() + 4.5), QPointF(at.x() + 9, at.y() + 6));
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(0x4a, 0x55, 0x68));
        p->drawRoundedRect(QRectF(at.x(), at.y() + 6, 11, 8), 1.5, 1.5);
        p->restore();
    }
    p->drawText(nameRect, Qt::AlignVCenter | Qt::AlignRight,
                fmSmall.elidedText(name_, Qt::ElideMiddle, nameRect.width()));

    // Key options.
    p->setFont(base);
    p->setPen(QColor(0x2e, 0x33, 0x3a));
    const QFontMetricsF fm(base);
    p->drawText(QRectF(14, 26, kCardWidth - 26, 19), Qt::AlignVCenter | Qt::AlignLeft,
                fm.elidedText(options_.isEmpty() ? QStringLiteral("—") : options_, Qt::ElideRight, kCardWidth - 26));

    // Output shape and parameters.
    p->setPen(QPen(QColor(0xe3, 0xe6, 0xeb), 1));
    p->drawLine(QPointF(12, 46), QPointF(kCardWidth - 10, 46));
    p->setFont(small);
    const QRectF bottom(14, 47, kCardWidth - 26, 19);
    if (shapeKnown_) {
        p->setPen(QColor(0x1d, 0x5b, 0xbf));
        p->drawText(bottom, Qt::AlignVCenter | Qt::AlignLeft, QStringLiteral("→ ") + shape_);
        p->setPen(QColor(0x6a, 0x70, 0x7a));
        p->drawText(bottom, Qt::AlignVCenter | Qt::AlignRight,
                    QCoreApplication::translate("NodeItem", "%1 params").arg(params_));
    } else {
        p->setPen(error_.isEmpty() ? QColor(0x8a, 0x90, 0x9a) : kError);
        p->drawText(bottom, Qt::AlignVCenter | Qt::AlignLeft,
                    error_.isEmpty() ? QCoreApplication::translate("NodeItem", "→ shape unknown")
                                     : QCoreApplication::translate("NodeItem", "→ cannot compute"));
    }

    // Ports.
    auto port = [&](QPointF c, bool hot) {
        p->setPen(QPen(color.darker(110), 2));
        p->setBrush(hot ? color : QColor(Qt::white));
        p->drawEllipse(c, kPortRadius, kPortRadius);
    };
    if (takesInput_) {
        if (multiInput_) {
            p->setPen(QPen(color.darker(110), 2));
            p->setBrush(hoverPort_ == 1 ? color : QColor(Qt::white));
            p->drawRoundedRect(
                QRectF(kCardWidth / 2 - kMultiPortHalf, -kPortRadius + 1, 2 * kMultiPortHalf, 2 * kPortRadius - 2),
                kPortRadius - 1, kPortRadius - 1);
        } else {
            port(QPointF(kCardWidth / 2, 0), hoverPort_ == 1);
        }
    }
    port(QPointF(kCardWidth / 2, kCardHeight), hoverPort_ == 2);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionChange && !placing_) {
        // Cards snap to an 8-pixel grid so columns line up.
        const QPointF p = value.toPointF();
        return QPointF(std::round(p.x() / 8) * 8, std::round(p.y() / 8) * 8);
    }
    if (change == ItemPositionHasChanged)
        for (EdgeItem* e : edges_) e->adjust();
    return QGraphicsObject::itemChange(change, value);
}

void NodeItem::hoverMoveEvent(QGraphicsSceneHoverEvent* event) {
    const int port = hitsOutputPort(event->scenePos()) ? 2 : hitsInputPort(event->scenePos()) ? 1 : 0;
    if (port != hoverPort_) {
        hoverPort_ = port;
        setCursor(port ? Qt::CrossCursor : Qt::ArrowCursor);
        update();
    }
    QGraphicsObject::hoverMoveEvent(event);
}

void NodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event) {
    hoverPort_ = 0;
    unsetCursor();
    update();
    QGraphicsObject::hoverLeaveEvent(event);
}

}  // namespace cs::gui
