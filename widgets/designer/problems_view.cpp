#include "designer/problems_view.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QStyle>
#include <cstdlib>
#include <set>

#include "common/engine_message.h"
#include "designer/model_document.h"

namespace cs::gui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
QString qs(const std::string& s) { return QString::fromStdString(s); }

std::string argOf(const Message& m, const std::string& name) {
    for (const MessageArg& a : m.args)
        if (a.name == name) return a.value;
    return {};
}
}  // namespace

std::vector<ProblemsView::Fix> ProblemsView::fixesFor(const ModelDocument& doc, int id, const Message& problem) {
    const bool kernel = problem.code == "layer.kernel_larger_than_input";
    if (!kernel && problem.code != "layer.pool_larger_than_input") return {};
    const NodeSpec* n = doc.node(id);
    if (!n) return {};
    std::vector<Fix> fixes;
    fixes.push_back({tr("Padding 'same'"), tr("Pad the input so the window fits (the output keeps its size)"),
                     "padding", nlohmann::json("same")});
    // "5x5": the window fits when it is no larger than the smaller side.
    const std::string input = argOf(problem, "input");
    const auto x = input.find('x');
    if (x != std::string::npos) {
        const int side = std::min(std::atoi(input.c_str()), std::atoi(input.c_str() + x + 1));
        if (side >= 1)
            fixes.push_back({kernel ? tr("Kernel %1x%1").arg(side) : tr("Pool %1x%1").arg(side),
                             kernel ? tr("A kernel as large as the input") : tr("A pool window as large as the input"),
                             kernel ? "kernel_size" : "pool_size", nlohmann::json(side)});
    }
    return fixes;
}

ProblemsView::ProblemsView(ModelDocument* doc, QWidget* parent) : QTreeWidget(parent), doc_(doc) {
    setObjectName(QStringLiteral("problemsView"));
    setColumnCount(3);
    setHeaderLabels({tr("Layer"), tr("Problem"), tr("Fix")});
    setRootIsDecorated(false);
    setAlternatingRowColors(true);
    setWordWrap(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::Stretch);
    header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
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
        if (!c.hasError()) continue;
        perNode.insert(c.error.english());
        const NodeSpec* n = doc_->node(c.id);
        const QString text = engineText(c.error);
        auto* item = new QTreeWidgetItem(this, {n ? qs(n->name) : QString::number(c.id), text});
        item->setIcon(0, errorIcon);
        item->setData(0, kIdRole, c.id);
        item->setToolTip(1, text);
        addFixes(item, c.id, c.error);
        ++count_;
    }
    for (const Message& p : check.problems) {
        if (perNode.count(p.english())) continue;
        const QString text = engineText(p);
        auto* item = new QTreeWidgetItem(this, {tr("Model"), text});
        item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        item->setData(0, kIdRole, -1);
        item->setToolTip(1, text);
        ++count_;
    }
    if (count_ == 0) {
        auto* item = new QTreeWidgetItem(this, {QString(), tr("No problems: every layer has a shape.")});
        item->setIcon(0, style()->standardIcon(QStyle::SP_DialogApplyButton));
        item->setData(0, kIdRole, -1);
        item->setForeground(1, QColor(0x3a, 0x7d, 0x44));
    }
}

void ProblemsView::addFixes(QTreeWidgetItem* item, int id, const Message& problem) {
    const std::vector<Fix> fixes = fixesFor(*doc_, id, problem);
    if (fixes.empty()) return;
    auto* box = new QWidget;
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    for (const Fix& f : fixes) {
        auto* button = new QPushButton(f.text, box);
        button->setToolTip(f.toolTip);
        button->setObjectName(QStringLiteral("fix_%1").arg(qs(f.option)));
        // One undoable option change; the check that follows rebuilds this list (later, not
        // while the button's own click is being delivered).
        connect(button, &QPushButton::clicked, this, [this, id, f] {
            QMetaObject::invokeMethod(
                this, [this, id, f] { doc_->setOption(id, f.option, f.value); }, Qt::QueuedConnection);
        });
        row->addWidget(button);
    }
    setItemWidget(item, 2, box);
}

}  // namespace cs::gui
