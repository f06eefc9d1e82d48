#include "designer/summary_view.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QScrollBar>
#include <QTimer>

#include "common/engine_message.h"
#include "designer/model_document.h"
#include "graph/model.h"

namespace cs::gui {

SummaryView::SummaryView(ModelDocument* doc, QWidget* parent)
    : QPlainTextEdit(parent), doc_(doc), timer_(new QTimer(this)) {
    setObjectName(QStringLiteral("summaryView"));
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    timer_->setSingleShot(true);
    timer_->setInterval(200);
    connect(timer_, &QTimer::timeout, this, &SummaryView::refresh);
    auto later = [this] {
        stale_ = true;
        if (isVisible()) timer_->start();
    };
    connect(doc_, &ModelDocument::checked, this, later);
    connect(doc_, &ModelDocument::documentReset, this, later);
}

QString SummaryView::summaryText(const ModelDocument& doc) {
    if (!doc.check().ok) {
        QString text =
            QCoreApplication::translate("SummaryView", "The model cannot be built yet:") + QStringLiteral("\n");
        for (const Message& p : doc.check().problems)
            text += QStringLiteral("  • ") + engineText(p) + QStringLiteral("\n");
        return text;
    }
    try {
        const Model model(doc.graph(), doc.file().seed, doc.registry());
        return QString::fromStdString(model.summary());
    } catch (const std::exception& e) {
        return engineText(e);
    }
}

void SummaryView::refresh() {
    stale_ = false;
    const int scroll = verticalScrollBar()->value();
    setPlainText(summaryText(*doc_));
    verticalScrollBar()->setValue(scroll);
}

void SummaryView::showEvent(QShowEvent* event) {
    QPlainTextEdit::showEvent(event);
    if (stale_) refresh();
}

}  // namespace cs::gui
