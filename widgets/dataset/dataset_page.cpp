#include "dataset/dataset_page.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include "dataset/augment_preview.h"
#include "dataset/dataset_browser.h"
#include "dataset/dataset_catalog.h"
#include "dataset/dataset_info_panel.h"
#include "dataset/image_detail_view.h"
#include "dataset/split_editor.h"

namespace cs::gui {

namespace {
QScrollArea* scrolled(QWidget* w) {
    auto* area = new QScrollArea;
    area->setWidget(w);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return area;
}
}  // namespace

DatasetPage::DatasetPage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("datasetPage"));
    toolBar_ = new QToolBar(this);
    toolBar_->setObjectName(QStringLiteral("datasetToolBar"));
    toolBar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar_->setIconSize(QSize(18, 18));
    title_ = new QLabel(this);
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("datasetProgress"));
    progress_->setMaximumWidth(260);
    progress_->setTextVisible(true);
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setObjectName(QStringLiteral("cancelDatasetTask"));
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("datasetMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->hide();

    info_ = new DatasetInfoPanel;
    browser_ = new DatasetBrowser;
    detail_ = new ImageDetailView;
    augment_ = new AugmentPreview;
    split_ = new SplitEditor;
    tabs_ = new QTabWidget;
    tabs_->setObjectName(QStringLiteral("datasetSideTabs"));
    tabs_->addTab(scrolled(detail_), tr("Image"));
    tabs_->addTab(scrolled(augment_), tr("Augmentation"));
    tabs_->addTab(split_, tr("Split"));

    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->setObjectName(QStringLiteral("datasetSplitter"));
    splitter_->addWidget(scrolled(info_));
    splitter_->addWidget(browser_);
    splitter_->addWidget(tabs_);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 1);
    splitter_->setStretchFactor(2, 0);
    splitter_->widget(0)->setMinimumWidth(250);
    browser_->setMinimumWidth(360);
    tabs_->setMinimumWidth(330);
    splitter_->setSizes({280, 700, 360});
    splitter_->setChildrenCollapsible(false);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(4, 0, 8, 0);
    top->addWidget(toolBar_);
    top->addWidget(title_, 1);
    top->addWidget(progress_);
    top->addWidget(cancel_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(message_);
    layout->addWidget(splitter_, 1);
    hideProgress();

    connect(cancel_, &QPushButton::clicked, this, &DatasetPage::cancelRequested);
    connect(browser_, &DatasetBrowser::currentSampleChanged, this, &DatasetPage::showCurrent);
    connect(info_, &DatasetInfoPanel::classActivated, this, [this](int k) {
        DatasetFilter f = browser_->filter();
        f.classIndex = f.classIndex == k ? -1 : k;
        browser_->setFilter(f);
    });
    connect(browser_, &DatasetBrowser::probeRequested, this, [this](std::size_t g) {
        if (catalog_ && g < catalog_->size()) emit probeRequested(g, catalog_->imageOf(g));
    });
    connect(detail_, &ImageDetailView::probeRequested, this, &DatasetPage::probeRequested);
}

void DatasetPage::setCatalog(std::shared_ptr<DatasetCatalog> catalog, const std::vector<DatasetStats>& partStats) {
    catalog_ = std::move(catalog);
    detail_->setCatalog(catalog_);
    if (catalog_) {
        info_->setData(*catalog_, partStats);
        title_->setText(QStringLiteral("<b>%1</b>").arg(QString::fromStdString(catalog_->source()).toHtmlEscaped()));
    } else {
        info_->clear();
        title_->clear();
    }
    split_->showCounts(catalog_.get());
    browser_->setCatalog(catalog_);
    browser_->refresh();
    showCurrent(browser_->currentSample());
}

void DatasetPage::catalogChanged() {
    if (!catalog_) return;
    info_->updateCounts(*catalog_);
    split_->showCounts(catalog_.get());
    browser_->refresh();
    detail_->refresh();
}

void DatasetPage::sampleChanged(std::size_t g) {
    browser_->sampleChanged(g);
    if (detail_->sample() == (long long)g) detail_->refresh();
}

void DatasetPage::showCurrent(long long g) {
    detail_->showSample(g);
    if (catalog_ && g >= 0 && std::size_t(g) < catalog_->size())
        augment_->setImage(catalog_->image(std::size_t(g)), catalog_->height(), catalog_->width(),
                           catalog_->channels());
    else
        augment_->setImage(nullptr, 0, 0, 0);
}

void DatasetPage::showProgress(const QString& text, qint64 done, qint64 total) {
    progress_->setVisible(true);
    cancel_->setVisible(true);
    if (total <= 0) {
        progress_->setRange(0, 0);
    } else {
        // QProgressBar takes ints; large totals are shown in per-mille.
        progress_->setRange(0, 1000);
        progress_->setValue(int(std::min<qint64>(1000, done * 1000 / total)));
    }
    progress_->setFormat(text + QStringLiteral(" %p%"));
    progress_->setToolTip(text);
}

void DatasetPage::setTitle(const QString& text) { title_->setText(text); }

void DatasetPage::hideProgress() {
    progress_->setVisible(false);
    cancel_->setVisible(false);
}

void DatasetPage::showMessage(const QString& text, bool error) {
    message_->setVisible(!text.isEmpty());
    message_->setText(text);
    message_->setStyleSheet(error ? QStringLiteral("color: #b71c1c; padding: 2px 8px;")
                                  : QStringLiteral("color: #37474f; padding: 2px 8px;"));
}

QString DatasetPage::message() const { return message_->isHidden() ? QString() : message_->text(); }

}  // namespace cs::gui
