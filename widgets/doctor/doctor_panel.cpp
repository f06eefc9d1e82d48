#include "doctor/doctor_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "dataset/dataset_catalog.h"
#include "dataset/thumbnail_delegate.h"
#include "doctor/doctor_images_model.h"
#include "doctor/doctor_map_view.h"

namespace cs::gui {

namespace {
// A list of thousands of findings helps nobody; the worst come first, the rest are counted.
constexpr int kMaxListed = 2000;
constexpr int kListIcon = 36;
constexpr int kTile = 72;
// Images shown side by side for a lasso on the map (the selection itself may be larger).
constexpr std::size_t kMaxShown = 400;
constexpr int kFindingRole = Qt::UserRole + 1;

int kindIndex(FindingKind kind) { return int(kind); }
}  // namespace

DoctorPanel::DoctorPanel(QWidget* parent) : QWidget(parent) {
    run_ = new QPushButton(tr("Run Doctor"), this);
    run_->setToolTip(tr("Look for duplicates, leakage between training and test, doubtful labels and odd images"));
    cancel_ = new QPushButton(tr("Cancel"), this);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    stage_ = new QLabel(this);
    retrain_ = new QPushButton(tr("Retrain with Fixes"), this);
    retrain_->setToolTip(tr("Train the model again on the data as the fixes left it"));
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    note_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* bar = new QHBoxLayout;
    bar->addWidget(run_);
    bar->addWidget(cancel_);
    bar->addWidget(progress_, 1);
    bar->addWidget(stage_, 1);
    bar->addStretch();
    bar->addWidget(retrain_);

    tabs_ = new QTabWidget(this);
    const QStringList headers[3] = {
        {tr("Group"), tr("Images")}, {tr("Image"), tr("Score")}, {tr("Image"), tr("Score")}};
    for (int k = 0; k < 3; ++k) {
        auto* list = new QTreeWidget(this);
        list->setHeaderLabels(headers[k]);
        list->setRootIsDecorated(false);
        list->setIconSize(QSize(kListIcon, kListIcon));
        list->setSelectionMode(k == 0 ? QAbstractItemView::SingleSelection : QAbstractItemView::ExtendedSelection);
        list->setUniformRowHeights(true);
        list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
        list->header()->setStretchLastSection(false);
        lists_[k] = list;
        const FindingKind kind = FindingKind(k);
        connect(list, &QTreeWidget::itemSelectionChanged, this, [this, kind] { listSelectionChanged(kind); });
    }
    tabs_->addTab(lists_[0], tr("Leakage && Duplicates"));
    tabs_->addTab(lists_[1], tr("Label Suspects"));
    tabs_->addTab(lists_[2], tr("Outliers"));
    map_ = new DoctorMapView(this);
    tabs_->addTab(map_, tr("Map"));
    connect(map_, &DoctorMapView::selectionChanged, this, &DoctorPanel::mapSelectionChanged);
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == 3)
            mapSelectionChanged();
        else
            listSelectionChanged(FindingKind(tab));
    });

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(tabs_);
    split->addWidget(createImagesPane());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(note_);
    layout->addWidget(split, 1);

    connect(run_, &QPushButton::clicked, this, &DoctorPanel::runRequested);
    connect(cancel_, &QPushButton::clicked, this, &DoctorPanel::cancelRequested);
    connect(retrain_, &QPushButton::clicked, this, &DoctorPanel::retrainRequested);
    setRunning(false);
    setRetrainEnabled(false);
    updateActions();
}

DoctorPanel::~DoctorPanel() = default;

QWidget* DoctorPanel::createImagesPane() {
    auto* pane = new QWidget(this);
    imagesCaption_ = new QLabel(tr("Choose a finding, or draw a lasso on the map, to see its images here."), pane);
    imagesCaption_->setWordWrap(true);
    imagesModel_ = new DoctorImagesModel(this);
    imagesModel_->setThumbnailSize(kTile);
    auto* delegate = new ThumbnailDelegate(this);
    delegate->setThumbnailSize(kTile);
    delegate->setShowPredictions(false);
    images_ = new QListView(pane);
    images_->setViewMode(QListView::IconMode);
    images_->setResizeMode(QListView::Adjust);
    images_->setMovement(QListView::Static);
    images_->setUniformItemSizes(true);
    images_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    images_->setItemDelegate(delegate);
    images_->setGridSize(delegate->tileSize() + QSize(4, 4));
    images_->setModel(imagesModel_);
    connect(images_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DoctorPanel::updateActions);

    exclude_ = new QPushButton(tr("Exclude"), pane);
    exclude_->setToolTip(tr("Leave the selected images out of training (Ctrl+Z undoes it)"));
    target_ = new QComboBox(pane);
    target_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    move_ = new QPushButton(tr("Move to Class"), pane);
    move_->setToolTip(tr("Move the selected images' files to the chosen class folder (Ctrl+Z undoes it)"));
    keepOne_ = new QPushButton(tr("Exclude All but One"), pane);
    keepOne_->setToolTip(tr("Keep one image of the group (a test image when the group leaks into the test set)"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(exclude_);
    actions->addWidget(keepOne_);
    actions->addStretch();
    actions->addWidget(move_);
    actions->addWidget(target_);

    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(imagesCaption_);
    layout->addWidget(images_, 1);
    layout->addLayout(actions);

    connect(exclude_, &QPushButton::clicked, this, [this] {
        const std::vector<std::size_t> chosen = selectedSamples();
        if (!chosen.empty()) emit excludeRequested(chosen);
    });
    connect(move_, &QPushButton::clicked, this, [this] {
        const std::vector<std::size_t> chosen = selectedSamples();
        if (!chosen.empty() && target_->currentIndex() >= 0) emit moveRequested(chosen, target_->currentIndex());
    });
    connect(keepOne_, &QPushButton::clicked, this, [this] {
        if (shownGroup_ && catalog_) emit excludeRequested(allButOne(*shownGroup_, *catalog_));
    });
    return pane;
}

QTreeWidget* DoctorPanel::list(FindingKind kind) const { return lists_[kindIndex(kind)]; }

std::vector<DoctorFinding>& DoctorPanel::findings(FindingKind kind) {
    return kind == FindingKind::Duplicates ? duplicates_ : kind == FindingKind::LabelSuspect ? suspects_ : outliers_;
}
const std::vector<DoctorFinding>& DoctorPanel::findings(FindingKind kind) const {
    return const_cast<DoctorPanel*>(this)->findings(kind);
}

void DoctorPanel::setReport(DoctorReport report, std::shared_ptr<const DatasetCatalog> catalog) {
    report_ = std::move(report);
    // The page shows findings and the map, never the feature rows: no second copy of them.
    report_.features = {};
    catalog_ = std::move(catalog);
    shownGroup_ = nullptr;
    imagesModel_->setCatalog(catalog_);
    target_->clear();
    if (catalog_)
        for (const std::string& name : catalog_->classNames()) target_->addItem(QString::fromStdString(name));
    for (FindingKind kind : {FindingKind::Duplicates, FindingKind::LabelSuspect, FindingKind::Outlier})
        findings(kind) = catalog_ ? findingsOf(report_, *catalog_, kind) : std::vector<DoctorFinding>{};
    fillLists();
    fillMap();
    showSamples({}, -1, nullptr);
    catalogChanged();
}

void DoctorPanel::clearReport() { setReport({}, nullptr); }

void DoctorPanel::fillLists() {
    const QLocale locale;
    for (FindingKind kind : {FindingKind::Duplicates, FindingKind::LabelSuspect, FindingKind::Outlier}) {
        QTreeWidget* view = list(kind);
        const QSignalBlocker quiet(view);  // its rows name findings of the report being replaced
        view->clear();
        const std::vector<DoctorFinding>& all = findings(kind);
        QList<QTreeWidgetItem*> items;
        for (int row = 0; row < std::min<int>(int(all.size()), kMaxListed); ++row) {
            const DoctorFinding& f = all[std::size_t(row)];
            auto* item = new QTreeWidgetItem;
            item->setText(0, findingText(f, report_, *catalog_));
            item->setData(0, kFindingRole, row);
            if (!f.samples.empty())
                item->setIcon(
                    0, QPixmap::fromImage(
                           catalog_->imageOf(f.samples.front()).scaled(kListIcon, kListIcon, Qt::KeepAspectRatio)));
            if (kind == FindingKind::Duplicates)
                item->setText(1, locale.toString(qulonglong(f.samples.size())));
            else
                item->setText(1, locale.toString(double(kind == FindingKind::LabelSuspect
                                                            ? report_.labelSuspects[std::size_t(f.index)].score
                                                            : report_.outliers[std::size_t(f.index)].score),
                                                 'f', 2));
            items << item;
        }
        view->addTopLevelItems(items);
        const int n = int(all.size());
        int leaks = 0;
        for (const DoctorFinding& f : all) leaks += f.leakage;
        const QString title = kind == FindingKind::Duplicates
                                  ? (leaks ? tr("Leakage (%1) && Duplicates (%2)").arg(leaks).arg(n - leaks)
                                           : tr("Duplicates (%1)").arg(n))
                              : kind == FindingKind::LabelSuspect ? tr("Label Suspects (%1)").arg(n)
                                                                  : tr("Outliers (%1)").arg(n);
        tabs_->setTabText(kindIndex(kind), title);
    }
}

void DoctorPanel::fillMap() {
    std::vector<DoctorMapView::Point> points;
    mapSamples_.clear();
    std::vector<int> suspects;
    if (catalog_) {
        std::vector<char> suspect(catalog_->size(), 0);
        for (const DoctorFinding& f : suspects_)
            for (std::size_t g : f.samples) suspect[g] = 1;
        for (const MapPoint& p : report_.map) {
            const long long g = globalIndexOf(p.image, *catalog_);
            if (g < 0) continue;
            if (suspect[std::size_t(g)]) suspects.push_back(int(points.size()));
            points.push_back({p.x, p.y, p.label});
            mapSamples_.push_back(std::size_t(g));
        }
    }
    QStringList names;
    if (catalog_)
        for (const std::string& name : catalog_->classNames()) names << QString::fromStdString(name);
    map_->setPoints(std::move(points), names);
    map_->setHighlighted(suspects);
    map_->setDescribe([this](int point) -> std::pair<QImage, QString> {
        if (!catalog_ || point < 0 || point >= int(mapSamples_.size())) return {};
        const std::size_t g = mapSamples_[std::size_t(point)];
        const int label = catalog_->label(g);
        const QString cls = label >= 0 && label < catalog_->classCount()
                                ? QString::fromStdString(catalog_->classNames()[std::size_t(label)])
                                : QString();
        return {catalog_->imageOf(g), QStringLiteral("%1\n%2").arg(catalog_->displayName(g), cls)};
    });
}

void DoctorPanel::catalogChanged() {
    const QColor fixedColor = palette().color(QPalette::Disabled, QPalette::Text);
    for (FindingKind kind : {FindingKind::Duplicates, FindingKind::LabelSuspect, FindingKind::Outlier}) {
        QTreeWidget* view = list(kind);
        for (int row = 0; row < view->topLevelItemCount(); ++row) {
            QTreeWidgetItem* item = view->topLevelItem(row);
            const bool fixed = catalog_ && isFixed(findings(kind)[std::size_t(row)], *catalog_);
            const QString text = findingText(findings(kind)[std::size_t(row)], report_, *catalog_);
            item->setText(0, fixed ? tr("✓ fixed: %1").arg(text) : text);
            item->setForeground(0, fixed ? QBrush(fixedColor) : QBrush());
        }
    }
    imagesModel_->refresh();
    updateActions();
}

bool DoctorPanel::findingFixed(FindingKind kind, int row) const {
    const std::vector<DoctorFinding>& all = findings(kind);
    return catalog_ && row >= 0 && row < int(all.size()) && isFixed(all[std::size_t(row)], *catalog_);
}

void DoctorPanel::showFinding(FindingKind kind, int row) {
    tabs_->setCurrentIndex(kindIndex(kind));
    QTreeWidget* view = list(kind);
    if (row < 0 || row >= view->topLevelItemCount()) return;
    view->setCurrentItem(view->topLevelItem(row));  // selects it: listSelectionChanged shows it
}

void DoctorPanel::listSelectionChanged(FindingKind kind) {
    if (tabs_->currentIndex() != kindIndex(kind)) return;
    std::vector<std::size_t> samples;
    int suggested = -1;
    const DoctorFinding* group = nullptr;
    for (QTreeWidgetItem* item : list(kind)->selectedItems()) {
        const std::size_t row = std::size_t(item->data(0, kFindingRole).toInt());
        if (row >= findings(kind).size()) continue;
        const DoctorFinding& f = findings(kind)[row];
        samples.insert(samples.end(), f.samples.begin(), f.samples.end());
        if (suggested < 0) suggested = f.suggestedClass;
        if (kind == FindingKind::Duplicates) group = &f;
    }
    showSamples(std::move(samples), suggested, group);
}

void DoctorPanel::mapSelectionChanged() {
    if (tabs_->currentIndex() != 3) return;
    std::vector<std::size_t> samples;
    for (int point : map_->selection()) samples.push_back(mapSamples_[std::size_t(point)]);
    showSamples(std::move(samples), -1, nullptr);
}

void DoctorPanel::showSamples(std::vector<std::size_t> samples, int suggestedClass, const DoctorFinding* group) {
    shownGroup_ = group;
    const std::size_t total = samples.size();
    if (samples.size() > kMaxShown) samples.resize(kMaxShown);
    imagesModel_->setSamples(std::move(samples));
    images_->selectAll();  // the actions act on all of them unless the user picks some
    if (suggestedClass >= 0 && suggestedClass < target_->count()) target_->setCurrentIndex(suggestedClass);
    const QLocale locale;
    imagesCaption_->setText(total == 0 ? tr("Choose a finding, or draw a lasso on the map, to see its images here.")
                            : total > kMaxShown
                                ? tr("%1 images (the first %2 shown)")
                                      .arg(locale.toString(qulonglong(total)), locale.toString(qulonglong(kMaxShown)))
                                : tr("%n image(s)", nullptr, int(total)));
    updateActions();
}

std::vector<std::size_t> DoctorPanel::shownSamples() const { return imagesModel_->samples(); }

std::vector<std::size_t> DoctorPanel::selectedSamples() const {
    std::vector<std::size_t> out;
    for (const QModelIndex& index : images_->selectionModel()->selectedIndexes())
        out.push_back(imagesModel_->samples()[std::size_t(index.row())]);
    std::sort(out.begin(), out.end());
    return out;
}

void DoctorPanel::updateActions() {
    const bool editable = catalog_ && catalog_->isImageFolder();
    const bool any = !images_->selectionModel()->selectedIndexes().isEmpty();
    exclude_->setEnabled(editable && any);
    move_->setEnabled(editable && any && target_->count() > 0);
    target_->setEnabled(editable && target_->count() > 0);
    keepOne_->setEnabled(editable && shownGroup_ && !isFixed(*shownGroup_, *catalog_));
    const QString why = editable ? QString() : tr("Only images of an image folder can be excluded or moved.");
    for (QPushButton* b : {exclude_, move_, keepOne_}) b->setToolTip(why.isEmpty() ? b->toolTip() : why);
}

void DoctorPanel::setRunning(bool running) {
    run_->setEnabled(!running);
    cancel_->setEnabled(running);
    progress_->setVisible(running);
    if (!running) stage_->clear();
}

void DoctorPanel::setProgress(const QString& stage, double fraction) {
    progress_->setValue(int(std::clamp(fraction, 0.0, 1.0) * 1000));
    stage_->setText(stage);
}

void DoctorPanel::setNote(const QString& text, bool error) {
    note_->setText(text);
    note_->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

void DoctorPanel::setRetrainText(const QString& text) { retrain_->setText(text); }
void DoctorPanel::setRetrainEnabled(bool on) { retrain_->setEnabled(on); }

bool DoctorPanel::event(QEvent* event) {
    // Ctrl+Z here undoes the last fix (an exclusion is a project edit, a move a file edit: two
    // undo stacks), not the designer's last edit.
    if (event->type() == QEvent::ShortcutOverride && static_cast<QKeyEvent*>(event)->matches(QKeySequence::Undo)) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void DoctorPanel::keyPressEvent(QKeyEvent* event) {
    if (event->matches(QKeySequence::Undo)) {
        emit undoRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

}  // namespace cs::gui
