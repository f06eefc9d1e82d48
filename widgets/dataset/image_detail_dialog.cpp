#include "dataset/image_detail_dialog.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QMenu>
#include <QPixmap>
#include <QPushButton>
#include <QScreen>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "dataset/class_colors.h"
#include "dataset/dataset_catalog.h"
#include "dataset/image_detail_view.h"
#include "inspect/why_view.h"
#include "io/model_file.h"

namespace cs::gui {

ImageDetailDialog::ImageDetailDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("imageDetailDialog"));
    setWindowTitle(tr("Image"));
    view_ = new ImageDetailView(this);
    show_ = new QPushButton(tr("Show in Dataset"), this);
    show_->setObjectName(QStringLiteral("showInDataset"));
    show_->setToolTip(tr("Select this image on the Dataset page"));
    exclude_ = new QPushButton(this);
    exclude_->setObjectName(QStringLiteral("excludeImage"));
    move_ = new QToolButton(this);
    move_->setObjectName(QStringLiteral("moveImage"));
    move_->setText(tr("Move to Class"));
    move_->setPopupMode(QToolButton::InstantPopup);
    move_->setMenu(new QMenu(move_));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto* actions = new QHBoxLayout;
    actions->addWidget(show_);
    actions->addWidget(exclude_);
    actions->addWidget(move_);
    actions->addStretch();
    actions->addWidget(close);
    why_ = new WhyView(this);
    why_->setVisible(false);
    auto* row = new QHBoxLayout;
    row->addWidget(view_, 1);
    row->addWidget(why_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addLayout(actions);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(view_, &ImageDetailView::probeRequested, this,
            [this](std::size_t g, const QImage&) { emit probeRequested(g); });
    connect(show_, &QPushButton::clicked, this, [this] {
        if (sample() >= 0) emit showInDatasetRequested(std::size_t(sample()));
    });
    connect(exclude_, &QPushButton::clicked, this, [this] {
        if (catalog_ && sample() >= 0)
            emit excludeRequested({std::size_t(sample())}, !catalog_->excluded(std::size_t(sample())));
    });
    // Room for the image and the probabilities, but never more than the screen.
    const QRect screen = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableGeometry()
                                                          : QRect(0, 0, 1280, 720);
    resize(std::min(560, screen.width() * 9 / 10), std::min(720, screen.height() * 9 / 10));
    updateActions();
}

void ImageDetailDialog::setCatalog(std::shared_ptr<DatasetCatalog> catalog) {
    catalog_ = catalog;
    view_->setCatalog(std::move(catalog));
    updateActions();
}

void ImageDetailDialog::showSample(std::size_t g) {
    view_->showSample((long long)g);
    updateActions();
    updateWhy();
}

void ImageDetailDialog::setExplainedModel(std::shared_ptr<const ModelFile> project) {
    explaining_ = project && project->hasWeights();
    why_->setProject(std::move(project));
    updateWhy();
}

void ImageDetailDialog::updateWhy() {
    const long long g = sample();
    const bool shown = explaining_ && catalog_ && g >= 0;
    if (shown && why_->isHidden()) resize(std::max(width(), 980), height());
    why_->setVisible(shown);
    why_->setImage(shown ? probeFromCatalog(*catalog_, std::size_t(g)) : ProbeImage());
}

long long ImageDetailDialog::sample() const { return view_->sample(); }

void ImageDetailDialog::refresh() {
    view_->refresh();
    updateActions();
    updateWhy();
}

void ImageDetailDialog::updateActions() {
    const long long g = sample();
    const bool valid = catalog_ && g >= 0;
    if (valid) setWindowTitle(tr("Image %1").arg(catalog_->displayName(std::size_t(g))));
    show_->setEnabled(valid);
    // Only files can be excluded or moved; a packed dataset (IDX, CIFAR) says why not.
    const bool files = valid && catalog_->isImageFolder();
    const bool excluded = valid && catalog_->excluded(std::size_t(g));
    exclude_->setText(excluded ? tr("Include in Training") : tr("Exclude from Training"));
    exclude_->setEnabled(files);
    move_->setEnabled(files);
    const QString why = files ? QString() : tr("Only images of an image folder can be excluded or moved.");
    exclude_->setToolTip(files ? tr("Leave this image out of training (undoable)") : why);
    move_->setToolTip(files ? tr("Move the file to another class folder (undoable)") : why);
    QMenu* menu = move_->menu();
    menu->clear();
    if (!files) return;
    for (int k = 0; k < catalog_->classCount(); ++k) {
        QPixmap swatch(12, 12);
        swatch.fill(classColor(k));
        QAction* a = menu->addAction(QIcon(swatch), QString::fromStdString(catalog_->classNames()[std::size_t(k)]),
                                     this, [this, g, k] { emit moveRequested({std::size_t(g)}, k); });
        a->setEnabled(k != catalog_->label(std::size_t(g)));
    }
}

}  // namespace cs::gui
