#include "dataset/dataset_info_panel.h"

#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include "dataset/class_balance_chart.h"
#include "dataset/class_colors.h"
#include "dataset/dataset_catalog.h"

namespace cs::gui {

namespace {
QLabel* heading(const QString& text, QWidget* parent) {
    auto* l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}
QString number(std::size_t n) { return QLocale().toString(qulonglong(n)); }
}  // namespace

DatasetInfoPanel::DatasetInfoPanel(QWidget* parent) : QWidget(parent) {
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("datasetSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    classes_ = new QTableWidget(this);
    classes_->setObjectName(QStringLiteral("classTable"));
    classes_->setColumnCount(4);
    classes_->setHorizontalHeaderLabels({tr("Class"), tr("Train"), tr("Val."), tr("Test")});
    classes_->verticalHeader()->hide();
    classes_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c) classes_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    classes_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    classes_->setSelectionBehavior(QAbstractItemView::SelectRows);
    classes_->setSelectionMode(QAbstractItemView::SingleSelection);
    classes_->setToolTip(tr("Double-click a class to show only its images"));
    chart_ = new ClassBalanceChart(this);
    stats_ = new QLabel(this);
    stats_->setObjectName(QStringLiteral("datasetStats"));
    stats_->setWordWrap(true);
    stats_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    problemsTitle_ = heading(tr("Problems"), this);
    problems_ = new QListWidget(this);
    problems_->setObjectName(QStringLiteral("loadProblems"));
    problems_->setWordWrap(true);
    problems_->setMaximumHeight(140);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(summary_);
    layout->addWidget(heading(tr("Classes"), this));
    layout->addWidget(classes_, 1);
    layout->addWidget(heading(tr("Class balance"), this));
    layout->addWidget(chart_, 2);
    layout->addWidget(heading(tr("Statistics"), this));
    layout->addWidget(stats_);
    layout->addWidget(problemsTitle_);
    layout->addWidget(problems_);

    connect(classes_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { emit classActivated(row); });
    connect(problems_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit problemActivated(item->data(Qt::UserRole).toString()); });
    clear();
}

void DatasetInfoPanel::clear() {
    summary_->setText(tr("No dataset loaded."));
    classes_->setRowCount(0);
    chart_->setCounts({}, {}, {}, {});
    stats_->clear();
    problems_->clear();
    problemsTitle_->setText(tr("Problems"));
}

void DatasetInfoPanel::setData(const DatasetCatalog& catalog, const std::vector<DatasetStats>& partStats) {
    const QString source = QString::fromStdString(catalog.source());
    QString text =
        QStringLiteral("<b>%1</b><br>")
            .arg(source.startsWith(QLatin1String("builtin")) ? tr("Built-in generated shapes")
                                                             : QDir::toNativeSeparators(source).toHtmlEscaped());
    const QString channels = catalog.channels() == 1   ? tr("grayscale")
                             : catalog.channels() == 3 ? tr("RGB")
                                                       : tr("%1 channels").arg(catalog.channels());
    text += tr("%1 images · %2 × %3 pixels · %4")
                .arg(number(catalog.size()))
                .arg(catalog.height())
                .arg(catalog.width())
                .arg(channels);
    if (catalog.isImageFolder()) text += QStringLiteral("<br>") + tr("Image folders, resized to this size when loaded");
    summary_->setText(text);

    static const char* const kParts[] = {QT_TR_NOOP("Training"), QT_TR_NOOP("Validation"), QT_TR_NOOP("Test")};
    QStringList lines;
    for (std::size_t p = 0; p < partStats.size() && p < 3; ++p) {
        const DatasetStats& s = partStats[p];
        if (s.count == 0) continue;
        QStringList mean, stdev;
        for (int c = 0; c < std::min(3, s.channels); ++c) {
            mean << QString::number(s.mean[std::size_t(c)], 'f', 3);
            stdev << QString::number(s.stdev[std::size_t(c)], 'f', 3);
        }
        lines << tr("<b>%1</b> (%2 images): mean %3, std %4<br>hash <code>%5</code>")
                     .arg(tr(kParts[p]), number(s.count), mean.join(QStringLiteral(" / ")),
                          stdev.join(QStringLiteral(" / ")), QString::fromStdString(s.hash));
    }
    stats_->setText(lines.join(QStringLiteral("<br>")));

    problems_->clear();
    for (const LoadProblem& p : catalog.data().problems) {
        auto* item = new QListWidgetItem(
            QStringLiteral("%1: %2").arg(QString::fromStdString(p.path), QString::fromStdString(p.message)), problems_);
        item->setData(Qt::UserRole, QString::fromStdString(p.path));
        item->setToolTip(item->text());
    }
    const int n = problems_->count();
    problemsTitle_->setText(n ? tr("Problems (%n)", nullptr, n) : tr("Problems: none"));
    problems_->setVisible(n > 0);
    updateCounts(catalog);
}

void DatasetInfoPanel::updateCounts(const DatasetCatalog& catalog) {
    const auto train = catalog.classCounts(SampleSplit::Train);
    const auto validation = catalog.classCounts(SampleSplit::Validation);
    const auto test = catalog.classCounts(SampleSplit::Test);
    classes_->setRowCount(catalog.classCount());
    for (int k = 0; k < catalog.classCount(); ++k) {
        QPixmap swatch(12, 12);
        swatch.fill(classColor(k));
        auto* name = new QTableWidgetItem(QIcon(swatch), QString::fromStdString(catalog.classNames()[std::size_t(k)]));
        name->setToolTip(tr("Label %1").arg(k));
        classes_->setItem(k, 0, name);
        const std::size_t counts[3] = {train[std::size_t(k)], validation[std::size_t(k)], test[std::size_t(k)]};
        for (int c = 0; c < 3; ++c) {
            auto* item = new QTableWidgetItem(number(counts[c]));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            classes_->setItem(k, c + 1, item);
        }
    }
    classes_->resizeRowsToContents();
    // Up to a dozen classes without scrolling.
    const int rowHeight = classes_->rowCount() ? classes_->rowHeight(0) : classes_->fontMetrics().height() + 6;
    const int fit = classes_->horizontalHeader()->sizeHint().height() +
                    rowHeight * std::min(12, std::max(2, catalog.classCount())) + 4;
    classes_->setMinimumHeight(fit);
    classes_->setMaximumHeight(catalog.classCount() <= 12 ? fit : QWIDGETSIZE_MAX);
    chart_->setCounts(catalog.classNames(), train, validation, test);
}

}  // namespace cs::gui
