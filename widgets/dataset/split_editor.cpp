#include "dataset/split_editor.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "dataset/class_colors.h"
#include "dataset/dataset_catalog.h"

namespace cs::gui {

SplitEditor::SplitEditor(QWidget* parent) : QWidget(parent) {
    fraction_ = new QDoubleSpinBox(this);
    fraction_->setObjectName(QStringLiteral("validationFraction"));
    fraction_->setRange(0, 90);
    fraction_->setDecimals(1);
    fraction_->setSingleStep(5);
    fraction_->setSuffix(QStringLiteral("%"));
    fraction_->setToolTip(tr("Share of each class held out of training to validate on"));
    seed_ = new QSpinBox(this);
    seed_->setObjectName(QStringLiteral("splitSeed"));
    seed_->setRange(0, std::numeric_limits<int>::max());
    seed_->setToolTip(tr("The training seed: it picks the validation images and the training order"));
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    table_ = new QTableWidget(this);
    table_->setObjectName(QStringLiteral("splitCounts"));
    table_->setColumnCount(5);
    table_->setHorizontalHeaderLabels({tr("Class"), tr("Training"), tr("Validation"), tr("Test"), tr("Excluded")});
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 5; ++c) table_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);

    auto* form = new QFormLayout;
    form->addRow(tr("Validation share:"), fraction_);
    form->addRow(tr("Seed:"), seed_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(form);
    layout->addWidget(note_);
    layout->addWidget(table_, 1);

    const auto emitChange = [this] {
        if (!updating_) emit splitChanged(fraction(), seed());
    };
    connect(fraction_, &QDoubleSpinBox::valueChanged, this, emitChange);
    connect(seed_, &QSpinBox::valueChanged, this, emitChange);
    showCounts(nullptr);
}

void SplitEditor::setSplit(double fraction, uint64_t seed) {
    updating_ = true;
    fraction_->setValue(fraction * 100.0);
    seed_->setValue(int(std::min<uint64_t>(seed, uint64_t(std::numeric_limits<int>::max()))));
    updating_ = false;
}

double SplitEditor::fraction() const { return fraction_->value() / 100.0; }

uint64_t SplitEditor::seed() const { return uint64_t(seed_->value()); }

void SplitEditor::showCounts(const DatasetCatalog* catalog) {
    const bool own = catalog && !catalog->data().validation.labels.empty();
    fraction_->setEnabled(catalog && !own);
    if (!catalog)
        note_->setText(tr("No dataset loaded."));
    else if (own)
        note_->setText(tr("This dataset has its own validation set; no share of the training images is held out."));
    else
        note_->setText(tr("Each class keeps its share (stratified). The test set is never touched."));
    const int classes = catalog ? catalog->classCount() : 0;
    table_->setRowCount(classes ? classes + 1 : 0);
    if (!catalog) return;
    const std::vector<std::size_t> counts[3] = {catalog->classCounts(SampleSplit::Train),
                                                catalog->classCounts(SampleSplit::Validation),
                                                catalog->classCounts(SampleSplit::Test)};
    std::vector<std::size_t> excluded(std::size_t(classes), 0);
    for (std::size_t g = 0; g < catalog->size(); ++g)
        if (catalog->excluded(g) && catalog->label(g) >= 0 && catalog->label(g) < classes)
            ++excluded[std::size_t(catalog->label(g))];
    std::size_t totals[4] = {0, 0, 0, 0};
    const QLocale locale;
    const auto cell = [&](int row, int column, std::size_t n, bool bold) {
        auto* item = new QTableWidgetItem(locale.toString(qulonglong(n)));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QFont f = item->font();
        f.setBold(bold);
        item->setFont(f);
        table_->setItem(row, column, item);
    };
    for (int k = 0; k < classes; ++k) {
        QPixmap swatch(12, 12);
        swatch.fill(classColor(k));
        table_->setItem(
            k, 0, new QTableWidgetItem(QIcon(swatch), QString::fromStdString(catalog->classNames()[std::size_t(k)])));
        for (int s = 0; s < 3; ++s) {
            cell(k, s + 1, counts[s][std::size_t(k)], false);
            totals[s] += counts[s][std::size_t(k)];
        }
        cell(k, 4, excluded[std::size_t(k)], false);
        totals[3] += excluded[std::size_t(k)];
    }
    auto* total = new QTableWidgetItem(tr("Total"));
    QFont f = total->font();
    f.setBold(true);
    total->setFont(f);
    table_->setItem(classes, 0, total);
    for (int s = 0; s < 4; ++s) cell(classes, s + 1, totals[s], true);
    table_->resizeRowsToContents();
}

}  // namespace cs::gui
