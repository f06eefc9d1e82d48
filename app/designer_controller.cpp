#include "designer_controller.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSvgGenerator>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>

#include "common/engine_message.h"
#include "core/errors.h"
#include "designer/designer_metrics.h"
#include "designer/designer_scene.h"
#include "designer/designer_view.h"
#include "designer/layer_palette.h"
#include "designer/layer_style.h"
#include "designer/model_document.h"
#include "designer/model_status.h"
#include "designer/node_item.h"
#include "designer/problems_view.h"
#include "designer/property_editor.h"
#include "designer/summary_view.h"
#include "layers/layer_registry.h"
#include "main_window.h"

namespace cs::gui {

namespace {
QIcon icon(const char* name) { return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name))); }
}  // namespace

DesignerController::DesignerController(MainWindow* window, ModelDocument* doc, QObject* parent)
    : QObject(parent),
      window_(window),
      doc_(doc),
      scene_(new DesignerScene(doc, this)),
      view_(new DesignerView(scene_)) {
    window_->addPage(view_, icon("layers"), tr("Designer"));
    createDocks();
    createActions();

    status_ = new ModelStatus(doc_, window_);
    zoomLabel_ = new QLabel(QStringLiteral("100%"), window_);
    zoomLabel_->setMinimumWidth(48);
    zoomLabel_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    zoomLabel_->setToolTip(tr("Zoom (Ctrl+wheel)"));
    window_->statusBar()->addPermanentWidget(status_);
    window_->statusBar()->addPermanentWidget(zoomLabel_);
    connect(view_, &DesignerView::zoomChanged, this,
            [this](double z) { zoomLabel_->setText(QStringLiteral("%1%").arg(qRound(z * 100))); });
    connect(status_, &ModelStatus::problemsClicked, this, [this] {
        problemsDock_->show();
        problemsDock_->raise();
    });
    connect(doc_, &ModelDocument::documentReset, this, [this] {
        // Fit a freshly opened model into the window, but never magnify it.
        QMetaObject::invokeMethod(
            view_, [this] { view_->fitOnOpen(); }, Qt::QueuedConnection);
    });
}

DesignerController::~DesignerController() = default;

QDockWidget* DesignerController::makeDock(QWidget* content, const QString& objectName, const QString& title,
                                          const char* iconName) {
    auto* dock = new QDockWidget(title, window_);
    dock->setObjectName(objectName);
    dock->setWindowIcon(icon(iconName));
    dock->setWidget(content);
    return dock;
}

void DesignerController::createDocks() {
    palette_ = new LayerPalette(doc_->registry());
    QDockWidget* paletteDock = makeDock(palette_, QStringLiteral("paletteDock"), tr("Layers"), "layers");
    window_->addPageDock(paletteDock, Qt::LeftDockWidgetArea, view_);
    connect(palette_, &LayerPalette::layerActivated, scene_, &DesignerScene::appendLayer);

    properties_ = new PropertyEditor(doc_);
    // Narrower, the help text wraps a word a line (seen at 1280x720); the canvas gives way instead.
    properties_->setMinimumWidth(250);
    QDockWidget* propertiesDock =
        makeDock(properties_, QStringLiteral("propertiesDock"), tr("Properties"), "properties");
    window_->addPageDock(propertiesDock, Qt::RightDockWidgetArea, view_);
    connect(scene_, &DesignerScene::currentNodeChanged, properties_, &PropertyEditor::setNode);

    history_ = new QUndoView(doc_->undoStack());
    history_->setEmptyLabel(tr("<opened>"));
    history_->setObjectName(QStringLiteral("historyView"));
    QDockWidget* historyDock = makeDock(history_, QStringLiteral("historyDock"), tr("History"), "history");
    window_->addPageDock(historyDock, Qt::RightDockWidgetArea, view_);
    window_->splitDockWidget(propertiesDock, historyDock, Qt::Vertical);

    problems_ = new ProblemsView(doc_);
    problemsDock_ = makeDock(problems_, QStringLiteral("problemsDock"), tr("Problems"), "problems");
    window_->addPageDock(problemsDock_, Qt::BottomDockWidgetArea, view_);
    connect(problems_, &ProblemsView::nodeActivated, this, &DesignerController::showNode);
    connect(view_, &DesignerView::contextMenuRequested, this, &DesignerController::showContextMenu);

    summary_ = new SummaryView(doc_);
    summaryDock_ = makeDock(summary_, QStringLiteral("summaryDock"), tr("Summary"), "summary");
    window_->addPageDock(summaryDock_, Qt::BottomDockWidgetArea, view_, problemsDock_);
    problemsDock_->raise();
    window_->resizeDocks({paletteDock, propertiesDock}, {230, 330}, Qt::Horizontal);
    window_->resizeDocks({problemsDock_}, {120}, Qt::Vertical);
    window_->resizeDocks({propertiesDock, historyDock}, {520, 160}, Qt::Vertical);
}

void DesignerController::showContextMenu(const QPoint& globalPos, const QPointF& scenePos) {
    int at = -1;
    for (QGraphicsItem* item : scene_->items(scenePos))
        if (item->topLevelItem()->type() == NodeItem::Type) {
            at = static_cast<NodeItem*>(item->topLevelItem())->nodeId();
            break;
        }
    if (at >= 0 && !scene_->nodeItem(at)->isSelected()) scene_->selectNodes({at});
    QMenu menu(view_);
    // Layers by category: after the card clicked on, or where the click was.
    QMenu* add = menu.addMenu(icon("layers"), at >= 0 ? tr("Add Layer &After") : tr("Add Layer &Here"));
    const LayerRegistry& registry = doc_->registry();
    for (const std::string& category : registry.categories()) {
        QMenu* sub = nullptr;
        for (const std::string& kind : registry.kinds()) {
            if (registry.info(kind).category != category) continue;
            if (!sub)
                sub = add->addMenu(categoryIcon(QString::fromStdString(category)),
                                   categoryDisplayName(QString::fromStdString(category)));
            sub->addAction(QString::fromStdString(kind), this, [this, at, scenePos, k = QString::fromStdString(kind)] {
                const int id =
                    at >= 0 ? doc_->appendLayer(k, at)
                            : doc_->addLayer(k, scenePos - QPointF(metrics::kCardWidth / 2, metrics::kCardHeight / 2));
                scene_->selectNodes({id});
            });
        }
    }
    menu.addSeparator();
    if (at >= 0) {
        // Transfer learning: keep the layers up to this one (frozen, with their weights) and put
        // a new classifier for the dataset's classes after it. Undoable, so nothing is asked.
        const std::vector<std::string> classes = classNames_ ? classNames_() : std::vector<std::string>{};
        QAction* head = menu.addAction(tr("Replace &Head Here"));
        head->setObjectName(QStringLiteral("replaceHeadHere"));
        head->setEnabled(!classes.empty() && doc_->check().ok);
        head->setStatusTip(classes.empty() ? tr("Load the project's dataset first: the new head learns its classes")
                                           : tr("Freeze the layers up to here and add a new classifier for the "
                                                "dataset's %n classes",
                                                nullptr, static_cast<int>(classes.size())));
        connect(head, &QAction::triggered, this, [this, at, classes] {
            try {
                doc_->replaceHead(at, classes);
            } catch (const Error& e) {
                QMessageBox::warning(view_, tr("Replace Head"), engineText(e));
            }
        });
    }
    for (QAction* a : contextActions_) {
        if (a == contextActions_.last() || a->objectName() == QLatin1String("freezeLayers")) menu.addSeparator();
        menu.addAction(a);
    }
    menu.exec(globalPos);
}

void DesignerController::showNode(int id) {
    window_->showPage(view_);
    scene_->selectNodes({id});
    view_->revealNode(id);
    view_->setFocus();
}

void DesignerController::createActions() {
    QUndoStack* stack = doc_->undoStack();
    QMenu* edit = window_->menu(MainWindow::Menu::Edit);
    QToolBar* bar = window_->mainToolBar();

    QAction* undo = stack->createUndoAction(this, tr("&Undo"));
    undo->setIcon(icon("undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = stack->createRedoAction(this, tr("&Redo"));
    redo->setIcon(icon("redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();

    auto add = [&](QMenu* menu, const char* iconName, const QString& text, QKeySequence key, auto slot) {
        QAction* a = menu->addAction(text);
        if (iconName) a->setIcon(icon(iconName));
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    QAction* cut = add(edit, "cut", tr("Cu&t"), QKeySequence::Cut, [this] { scene_->cutSelection(); });
    QAction* copy = add(edit, "copy", tr("&Copy"), QKeySequence::Copy, [this] { scene_->copySelection(); });
    QAction* paste = add(edit, "paste", tr("&Paste"), QKeySequence::Paste, [this] { scene_->paste(); });
    QAction* del = add(edit, "delete", tr("&Delete"), QKeySequence::Delete, [this] { scene_->deleteSelection(); });
    edit->addSeparator();
    add(edit, nullptr, tr("Select &All"), QKeySequence::SelectAll, [this] { scene_->selectAllItems(); });
    // Transfer learning: frozen layers keep their weights while the others train.
    edit->addSeparator();
    QAction* freeze = add(edit, nullptr, tr("&Freeze Layers"), QKeySequence(),
                          [this] { doc_->setTrainable(scene_->selectedNodeIds(), false); });
    freeze->setObjectName(QStringLiteral("freezeLayers"));
    freeze->setStatusTip(tr("Training leaves the selected layers' weights as they are"));
    QAction* unfreeze = add(edit, nullptr, tr("U&nfreeze Layers"), QKeySequence(),
                            [this] { doc_->setTrainable(scene_->selectedNodeIds(), true); });
    unfreeze->setObjectName(QStringLiteral("unfreezeLayers"));
    unfreeze->setStatusTip(tr("Training updates the selected layers' weights again"));
    // Edit actions act on the canvas; text fields keep their own keys (ShortcutOverride).
    contextActions_ = {cut, copy, paste, del, freeze, unfreeze};
    auto updateEnabled = [this, cut, copy, del, freeze, unfreeze] {
        const bool any = !scene_->selectedItems().isEmpty();
        cut->setEnabled(any);
        copy->setEnabled(any);
        del->setEnabled(any);
        bool anyTrainable = false, anyFrozen = false;
        for (int id : scene_->selectedNodeIds())
            if (const NodeSpec* n = doc_->graph().find(id)) (n->trainable ? anyTrainable : anyFrozen) = true;
        freeze->setEnabled(anyTrainable);
        unfreeze->setEnabled(anyFrozen);
    };
    connect(doc_, &ModelDocument::nodeChanged, this, updateEnabled);
    connect(scene_, &QGraphicsScene::selectionChanged, this, updateEnabled);
    updateEnabled();

    QMenu* view = window_->menu(MainWindow::Menu::View);
    view->addSeparator();
    QAction* zoomIn = add(view, "zoom-in", tr("Zoom &In"), QKeySequence::ZoomIn, [this] { view_->zoomIn(); });
    QAction* zoomOut = add(view, "zoom-out", tr("Zoom &Out"), QKeySequence::ZoomOut, [this] { view_->zoomOut(); });
    add(view, nullptr, tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_0), [this] { view_->resetZoom(); });
    QAction* fit = add(view, "zoom-fit", tr("&Fit Model"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                       [this] { view_->zoomToFit(); });

    QMenu* model = window_->menu(MainWindow::Menu::Model);
    model->addSeparator();
    QAction* arrange =
        add(model, "arrange", tr("&Auto-Arrange"), QKeySequence(Qt::CTRL | Qt::Key_L), [this] { doc_->autoArrange(); });
    arrange->setStatusTip(tr("Lay the layers out top-down, branches side by side"));
    contextActions_ << arrange;
    add(model, nullptr, tr("&Add Selected Palette Layer"), QKeySequence(Qt::CTRL | Qt::Key_Return), [this] {
        const QString kind = palette_->currentKind();
        if (!kind.isEmpty()) scene_->appendLayer(kind);
    });
    model->addSeparator();
    add(model, "summary", tr("Show &Summary"), QKeySequence(Qt::CTRL | Qt::Key_I), [this] {
        summaryDock_->show();
        summaryDock_->raise();
    });
    add(model, "problems", tr("Show &Problems"), QKeySequence(), [this] {
        problemsDock_->show();
        problemsDock_->raise();
    });

    bar->addAction(undo);
    bar->addAction(redo);
    bar->addSeparator();
    bar->addAction(del);
    bar->addAction(arrange);
    bar->addSeparator();
    bar->addAction(zoomOut);
    bar->addAction(zoomIn);
    bar->addAction(fit);
}

void DesignerController::addExportActions(QMenu* menu) {
    menu->addAction(tr("Graph &Image (PNG, SVG)…"), this, [this] {
        QString dir = QSettings().value(QStringLiteral("project/lastDir")).toString();
        if (dir.isEmpty()) dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        const QString path =
            QFileDialog::getSaveFileName(window_, tr("Export Graph Image"), dir + QStringLiteral("/model.png"),
                                         tr("PNG images (*.png);;SVG drawings (*.svg)"));
        if (!path.isEmpty() && !exportImage(path))
            QMessageBox::critical(window_, tr("Export"), tr("%1 cannot be written.").arg(path));
    });
}

bool DesignerController::exportImage(const QString& path) const {
    const QRectF r = scene_->itemsBoundingRect().adjusted(-24, -24, 24, 24);
    if (r.isEmpty()) return false;
    scene_->clearSelection();
    if (QFileInfo(path).suffix().compare(QStringLiteral("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(r.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), r.size()));
        svg.setTitle(QFileInfo(doc_->filePath()).completeBaseName());
        QPainter p(&svg);
        p.fillRect(QRectF(QPointF(0, 0), r.size()), QColor(0xf3, 0xf4, 0xf7));
        scene_->render(&p, QRectF(QPointF(0, 0), r.size()), r);
        return p.end();
    }
    QImage image((r.size() * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(QColor(0xf3, 0xf4, 0xf7));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    scene_->render(&p, QRectF(QPointF(0, 0), r.size()), r);
    p.end();
    return image.save(path);
}

}  // namespace cs::gui
