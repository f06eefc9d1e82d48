#include "training/evaluation_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "training/confusion_matrix_view.h"
#include "training/misclassified_gallery.h"

namespace cs::gui {

namespace {
QTableWidgetItem* number(double v, int decimals) {
    auto* item = new QTableWidgetItem(QString::number(v, 'f', decimals));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setData(Qt::UserRole, v);
    return item;
}
}  // namespace

EvaluationPanel::EvaluationPanel(QWidget* parent) : QWidget(parent) {
    summary_ =
        new QLabel(tr("No evaluation yet: train the model, or press Evaluate to measure the project's weights on "
                      "the test set."));
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::RichText);
    note_ = new QLabel;
    note_->setObjectName(QStringLiteral("evaluationNote"));
    note_->setWordWrap(true);
    note_->setStyleSheet(QStringLiteral("color: palette(mid);"));
    note_->hide();
    evaluate_ = new QPushButton(QIcon(QStringLiteral(":/icons/summary.svg")), tr("Evaluate"));
    evaluate_->setToolTip(tr("Measure the project's trained weights on the test set (or the validation split)"));
    showAll_ = new QPushButton(tr("All mistakes"));
    showAll_->setToolTip(tr("List every misclassified image again"));
    showAll_->setEnabled(false);
    auto* head = new QHBoxLayout;
    head->addWidget(summary_, 1);
    head->addWidget(showAll_);
    head->addWidget(evaluate_);

    table_ = new QTableWidget(0, 5);
    table_->setHorizontalHeaderLabels({tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Images")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    confusion_ = new ConfusionMatrixView;
    confusion_->setObjectName(QStringLiteral("confusionMatrix"));
    gallery_ = new MisclassifiedGallery;

    auto* left = new QSplitter(Qt::Vertical);
    left->addWidget(confusion_);
    left->addWidget(table_);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(gallery_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(head);
    layout->addWidget(note_);
    layout->addWidget(split, 1);

    connect(evaluate_, &QPushButton::clicked, this, &EvaluationPanel::evaluateRequested);
    connect(gallery_, &MisclassifiedGallery::evaluateRequested, this, &EvaluationPanel::evaluateRequested);
    connect(confusion_, &ConfusionMatrixView::cellClicked, this, [this](int t, int p) {
        gallery_->setFilter(t, p);
        table_->selectRow(t);
    });
    connect(showAll_, &QPushButton::clicked, this, [this] {
        confusion_->setSelectedCell(-1, -1);
        gallery_->setFilter(-1, -1);
    });
}

void EvaluationPanel::setNote(const QString& text, bool warning) {
    note_->setStyleSheet(warning ? QStringLiteral("color: #b35c00; font-weight: bold;")
                                 : QStringLiteral("color: palette(mid);"));
    note_->setText(text);
    note_->setVisible(!text.isEmpty());
}

QString EvaluationPanel::note() const { return note_->text(); }

void EvaluationPanel::clear() {
    report_ = {};
    setNote({});
    summary_->setText(
        tr("No evaluation yet: train the model, or press Evaluate to measure the project's weights on the test set."));
    table_->setRowCount(0);
    confusion_->setMatrix({}, {});
    gallery_->setReport({});
    showAll_->setEnabled(false);
}

void EvaluationPanel::setReport(const EvalReport& report) {
    if (!report.data) {
        clear();
        return;
    }
    report_ = report;
    setNote({});
    const EvalResult& r = report.result;
    const auto& names = report.data->classNames;
    const bool onTraining = report.setName == QLatin1String("training");
    const QString set = report.setName == QLatin1String("test")         ? tr("Test")
                        : report.setName == QLatin1String("validation") ? tr("Validation")
                                                                        : tr("Training set");
    summary_->setText(tr("<b>%1 accuracy %2%</b> · loss %3 · %4 images · %5 misclassified")
                          .arg(set)
                          .arg(r.accuracy * 100, 0, 'f', 2)
                          .arg(r.loss, 0, 'f', 4)
                          .arg(r.samples)
                          .arg(r.samples - qRound(r.accuracy * r.samples)) +
                      (onTraining ? tr(" · <i>no held-out images: these figures are optimistic</i>") : QString()));
    table_->setRowCount(r.classes + 1);
    double mp = 0, mr = 0, mf = 0;
    for (int c = 0; c < r.classes; ++c) {
        table_->setItem(
            c, 0, new QTableWidgetItem(c < int(names.size()) ? QString::fromStdString(names[c]) : QString::number(c)));
        table_->setItem(c, 1, number(r.precision[c], 3));
        table_->setItem(c, 2, number(r.recall[c], 3));
        table_->setItem(c, 3, number(r.f1[c], 3));
        table_->setItem(c, 4, number(r.support[c], 0));
        mp += r.precision[c];
        mr += r.recall[c];
        mf += r.f1[c];
    }
    const int n = std::max(1, r.classes);
    auto* avg = new QTableWidgetItem(tr("Macro average"));
    QFont bold = avg->font();
    bold.setBold(true);
    avg->setFont(bold);
    table_->setItem(r.classes, 0, avg);
    table_->setItem(r.classes, 1, number(mp / n, 3));
    table_->setItem(r.classes, 2, number(mr / n, 3));
    table_->setItem(r.classes, 3, number(mf / n, 3));
    table_->setItem(r.classes, 4, number(r.samples, 0));
    confusion_->setMatrix(r.confusion, names);
    gallery_->setReport(report);
    showAll_->setEnabled(true);
}

void EvaluationPanel::setBusy(bool busy) {
    evaluate_->setEnabled(!busy);
    if (busy) summary_->setText(tr("Evaluating…"));
}

void EvaluationPanel::setMessage(const QString& text) { summary_->setText(text.toHtmlEscaped()); }

}  // namespace cs::gui
