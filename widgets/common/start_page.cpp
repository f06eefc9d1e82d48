#include "common/start_page.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "common/preset_text.h"
#include "designer/layer_style.h"
#include "io/presets.h"

namespace cs::gui {

namespace {
QLabel* heading(const QString& text, QWidget* parent) {
    auto* l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() + 2);
    l->setFont(f);
    return l;
}
}  // namespace

StartPage::StartPage(QWidget* parent) : QWidget(parent) {
    initWidgetResources();
    setObjectName(QStringLiteral("startPage"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);

    auto* content = new QWidget(scroll);
    content->setObjectName(QStringLiteral("startContent"));
    content->setStyleSheet(QStringLiteral("#startContent { background: #f7f8fa; }"));
    scroll->setWidget(content);
    auto* centre = new QHBoxLayout(content);
    centre->addStretch(1);
    auto* column = new QVBoxLayout;
    column->setSpacing(14);
    centre->addLayout(column, 6);
    centre->addStretch(1);
    column->setContentsMargins(24, 36, 24, 24);

    auto* header = new QHBoxLayout;
    auto* logo = new QLabel(content);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/convstudio.svg")).pixmap(64, 64));
    header->addWidget(logo);
    auto* titles = new QVBoxLayout;
    auto* title = new QLabel(QStringLiteral("ConvStudio"), content);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 2.2);
    tf.setBold(true);
    title->setFont(tf);
    auto* subtitle = new QLabel(tr("Design, train and inspect convolutional networks for image recognition."), content);
    subtitle->setStyleSheet(QStringLiteral("color: #5a616b;"));
    titles->addWidget(title);
    titles->addWidget(subtitle);
    header->addLayout(titles, 1);
    column->addLayout(header);
    column->addSpacing(12);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(32);
    grid->setVerticalSpacing(8);
    column->addLayout(grid);

    auto* start = new QVBoxLayout;
    start->setSpacing(4);
    start->addWidget(heading(tr("Start"), content));
    auto* empty =
        new QCommandLinkButton(tr("Empty model"), tr("A blank canvas: drag layers from the palette."), content);
    empty->setIcon(QIcon(QStringLiteral(":/icons/new.svg")));
    connect(empty, &QCommandLinkButton::clicked, this, &StartPage::emptyRequested);
    start->addWidget(empty);
    start->addSpacing(8);
    start->addWidget(heading(tr("Presets"), content));
    for (const std::string& name : presetNames()) {
        auto* b = new QCommandLinkButton(QString::fromStdString(name), presetDescriptionText(name), content);
        b->setIcon(QIcon(QStringLiteral(":/icons/layers.svg")));
        b->setObjectName(QStringLiteral("preset_") + QString::fromStdString(name));
        connect(b, &QCommandLinkButton::clicked, this,
                [this, n = QString::fromStdString(name)] { emit presetRequested(n); });
        start->addWidget(b);
    }
    start->addStretch();
    grid->addLayout(start, 0, 0);

    auto* recentBox = new QVBoxLayout;
    recentBox->addWidget(heading(tr("Recent projects"), content));
    recent_ = new QListWidget(content);
    recent_->setObjectName(QStringLiteral("recentList"));
    recent_->setIconSize(QSize(20, 20));
    recent_->setMinimumHeight(220);
    connect(recent_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit openRequested(item->data(Qt::UserRole).toString()); });
    recentBox->addWidget(recent_, 1);
    auto* open = new QPushButton(QIcon(QStringLiteral(":/icons/open.svg")), tr("Open Project…"), content);
    connect(open, &QPushButton::clicked, this, [this] { emit openRequested({}); });
    recentBox->addWidget(open, 0, Qt::AlignLeft);
    grid->addLayout(recentBox, 0, 1);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    column->addStretch();
    setRecentFiles({});
}

void StartPage::setRecentFiles(const QStringList& paths) {
    recent_->clear();
    for (const QString& p : paths) {
        auto* item = new QListWidgetItem(
            QIcon(QStringLiteral(":/icons/convstudio.svg")),
            QFileInfo(p).fileName() + QStringLiteral("\n") + QDir::toNativeSeparators(QFileInfo(p).absolutePath()),
            recent_);
        item->setData(Qt::UserRole, p);
        item->setToolTip(QDir::toNativeSeparators(p));
    }
    if (paths.isEmpty()) {
        auto* item = new QListWidgetItem(tr("No recent projects yet."), recent_);
        item->setFlags(Qt::NoItemFlags);
    }
}

}  // namespace cs::gui
