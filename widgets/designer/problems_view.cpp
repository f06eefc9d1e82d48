#include "designer/problems_view.h"

#include <QHeaderView>
#include <QStyle>
#include <set>

#include "designer/model_document.h"

namespace cs::gui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
QString qs(const std::string& s) { return QString::fromStdString(s); }
}  // namespace

ProblemsView::ProblemsView(ModelDocument* doc, QWidget* parent) : QTreeWidget(parent), doc_(doc) {
    setObjectName(QStringLiteral("problemsView"));
    setColumnCount(2);
    setHeaderLabels({tr("Layer"), tr("Problem")});
    setRootIsDecorated(false);
    setAlternatingRowColors(true);
    setWordWrap(true);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    connect(doc_, &ModelDocument::checked, this, &ProblemsView::refresh);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const int id = item->data(0, kIdRole).toInt();
        if (id >= 0 && doc_->node(id)) emit nodeActivated(id);
    });
    refresh();
}

void ProblemsView::refresh() {
    clear();
    const GraphCheck& check = doc_->check();
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    std::set<std::string> perNode;
    count_ = 0;
    for (const NodeCheck& c : check.nodes) {
        if (c.error.empty()) continue;
        perNode.insert(c.error);
        const NodeSpec* n = doc_->node(c.id);
        auto* item = new QTreeWidgetItem(this, {n ? qs(n->name) : QString::number(c.id), qs(c.error)});
        item->setIcon(0, errorIcon);
        item->setData(0, kIdRole, c.id);
        item->setToolTip(1, qs(c.error));
        ++count_;
    }
    for (const std::string& p : check.problems) {
        if (perNode.count(p)) continue;
        auto* item = new QTreeWidgetItem(this, {tr("Model"), qs(p)});
        item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        item->setData(0, kIdRole, -1);
        item->setToolTip(1, qs(p));
        ++count_;
    }
    if (count_ == 0) {
        auto* item = new QTreeWidgetItem(this, {QString(), tr("No problems: every layer has a shape.")});
        item->setIcon(0, style()->standardIcon(QStyle::SP_DialogApplyButton));
        item->setData(0, kIdRole, -1);
        item->setForeground(1, QColor(0x3a, 0x7d, 0x44));
    }
}

}  // namespace cs::gui
