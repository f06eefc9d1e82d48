// The composed studio: opening a project file, the modified mark after an edit, atomic saves
// that reopen identically, files dropped on the window, and the standard menus.
#include <QDir>
#include <QDockWidget>
#include <QGraphicsView>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QUrl>

#include "dataset_controller.h"
#include "designer/designer_scene.h"
#include "designer/designer_view.h"
#include "designer/model_document.h"
#include "designer/node_item.h"
#include "designer_controller.h"
#include "io/presets.h"
#include "main_window.h"
#include "project_controller.h"
#include "studio.h"

using namespace cs;
using namespace cs::gui;

class TestMainWindow : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString writeSeedProject(const QString& name) {
        const QString path = dir_.filePath(name);
        ModelFile f = loadPreset(kDefaultPreset);
        f.project["dataset"] = "builtin";
        ProjectController::writeProject(path, f);
        return path;
    }

    static QAction* findAction(QMenu* menu, const QKeySequence& key) {
        for (QAction* a : menu->actions())
            if (a->shortcut() == key) return a;
        return nullptr;
    }

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("ConvStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_main_window"));
        QSettings().clear();
        QVERIFY(dir_.isValid());
    }

    void startsWithDefaultPresetAndDataset() {
        Studio studio;
        studio.project()->setInteractive(false);
        studio.openInitial({});
        QCOMPARE(studio.document()->check().totalParams, int64_t(93322));
        QVERIFY(!studio.document()->isModified());
        QCOMPARE(studio.datasetDock()->currentSource(), DatasetController::defaultSource());
        QVERIFY(studio.window()->windowTitle().contains(QStringLiteral("seed-cnn")));
    }

    void menusFollowDesktopConventions() {
        Studio studio;
        MainWindow* w = studio.window();
        QMenu* file = w->menu(MainWindow::Menu::File);
        QMenu* edit = w->menu(MainWindow::Menu::Edit);
        for (auto key :
             {QKeySequence::New, QKeySequence::Open, QKeySequence::Save, QKeySequence::SaveAs, QKeySequence::Quit})
            QVERIFY2(findAction(file, key), qPrintable(QKeySequence(key).toString()));
        for (auto key : {QKeySequence::Undo, QKeySequence::Redo, QKeySequence::Cut, QKeySequence::Copy,
                         QKeySequence::Paste, QKeySequence::Delete, QKeySequence::SelectAll})
            QVERIFY2(findAction(edit, key), qPrintable(QKeySequence(key).toString()));
        QCOMPARE(w->menuBar()->actions().size(), 6);
        QVERIFY(w->findChild<QDockWidget*>(QStringLiteral("paletteDock")));
        QVERIFY(w->findChild<QDockWidget*>(QStringLiteral("propertiesDock")));
        QVERIFY(w->findChild<QDockWidget*>(QStringLiteral("problemsDock")));
        QVERIFY(w->findChild<QDockWidget*>(QStringLiteral("historyDock")));
    }

    void opensEditsAndSavesAtomically() {
        const QString path = writeSeedProject(QStringLiteral("seed.csmodel"));
        Studio studio;
        studio.project()->setInteractive(false);
        MainWindow* w = studio.window();
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QVERIFY(studio.project()->openFile(path));
        ModelDocument* doc = studio.document();
        QCOMPARE(doc->graph().nodes().size(), std::size_t(9));
        QCOMPARE(doc->filePath(), QFileInfo(path).absoluteFilePath());
        QVERIFY(!w->isWindowModified());
        QVERIFY(w->windowTitle().contains(QStringLiteral("seed.csmodel")));
        QVERIFY(studio.project()->recentFiles().contains(QFileInfo(path).absoluteFilePath()));

        // An edit with real events: select the Dropout-free dense layer and delete it.
        DesignerScene* scene = studio.designer()->scene();
        DesignerView* view = studio.designer()->view();
        const int dense = doc->graph().findByName("dense")->id;
        view->revealNode(dense);
        NodeItem* card = scene->nodeItem(dense);
        const QPoint at = view->mapFromScene(card->mapToScene(QPointF(60, 30)));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(scene->currentNodeId(), dense);
        QTest::keyClick(view, Qt::Key_Delete);
        QVERIFY(!doc->node(dense));
        QVERIFY(doc->isModified());
        QVERIFY(w->isWindowModified());
        QVERIFY(w->windowTitle().contains(QStringLiteral("[*]")));

        QVERIFY(studio.project()->save());
        QVERIFY(!doc->isModified());
        QVERIFY(!w->isWindowModified());
        // Atomic: the file is complete and nothing temporary is left beside it.
        const QStringList entries = QDir(dir_.path()).entryList(QDir::Files);
        QCOMPARE(entries, QStringList{QStringLiteral("seed.csmodel")});
        const ModelFile reread = ProjectController::readProject(path);
        QVERIFY(reread.graph == doc->graph());
        QVERIFY(reread.project.value("dataset", std::string()) == "builtin");

        // Undo after saving marks it modified again; reopening gives the saved graph.
        doc->undoStack()->undo();
        QVERIFY(w->isWindowModified());
        QVERIFY(studio.project()->openFile(path));
        QVERIFY(doc->graph() == reread.graph);
        QVERIFY(!w->isWindowModified());
    }

    void saveToUnwritablePlaceFails() {
        Studio studio;
        studio.project()->setInteractive(false);
        studio.openInitial({});
        QSignalSpy errors(studio.project(), &ProjectController::error);
        QVERIFY(!studio.project()->saveTo(dir_.filePath(QStringLiteral("missing/dir/x.csmodel"))));
        QCOMPARE(errors.count(), 1);
        QVERIFY(studio.document()->filePath().isEmpty());
    }

    void openingGarbageReportsError() {
        const QString path = dir_.filePath(QStringLiteral("garbage.csmodel"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("CSMODEL\0garbage", 15);
        f.close();
        Studio studio;
        studio.project()->setInteractive(false);
        studio.openInitial({});
        QSignalSpy errors(studio.project(), &ProjectController::error);
        QVERIFY(!studio.project()->openFile(path));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(studio.document()->graph().nodes().size(), std::size_t(9));  // unchanged
    }

    void droppedFileOpens() {
        const QString path = writeSeedProject(QStringLiteral("dropped.csmodel"));
        Studio studio;
        studio.project()->setInteractive(false);
        studio.project()->newEmpty();
        QVERIFY(studio.document()->graph().nodes().empty());
        MainWindow* w = studio.window();
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        const QPoint pos(w->width() / 2, 10);
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(w, &drop);
        QCOMPARE(studio.document()->graph().nodes().size(), std::size_t(9));
        QCOMPARE(studio.document()->filePath(), QFileInfo(path).absoluteFilePath());
    }

    void exportsGraphImage() {
        Studio studio;
        studio.openInitial({});
        const QString png = dir_.filePath(QStringLiteral("graph.png"));
        const QString svg = dir_.filePath(QStringLiteral("graph.svg"));
        QVERIFY(studio.designer()->exportImage(png));
        QVERIFY(studio.designer()->exportImage(svg));
        QVERIFY(QImage(png).width() > 100);
        QVERIFY(QFileInfo(svg).size() > 1000);
    }

    void designerDocksBelongToTheDesignerPage() {
        Studio studio;
        studio.project()->setInteractive(false);
        studio.openInitial({});
        MainWindow* w = studio.window();
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        auto* palette = w->findChild<QDockWidget*>(QStringLiteral("paletteDock"));
        auto* history = w->findChild<QDockWidget*>(QStringLiteral("historyDock"));
        QWidget* designerPage = w->findChild<DesignerView*>();
        QVERIFY(palette && history && designerPage);
        w->showPage(designerPage);
        QVERIFY(palette->isVisible());
        history->close();  // the user closes one of them on the designer page
        // Another page: the designer's docks make room.
        const int other = w->pages()->indexOf(designerPage) == 0 ? 1 : 0;
        w->pages()->setCurrentIndex(other);
        QVERIFY(!palette->isVisible());
        QVERIFY(!history->isVisible());
        // Back: they return as the user left them.
        w->showPage(designerPage);
        QVERIFY(palette->isVisible());
        QVERIFY(!history->isVisible());
        // Asking for the palette from View > Panels on another page opens the designer.
        w->pages()->setCurrentIndex(other);
        palette->toggleViewAction()->trigger();
        QCOMPARE(w->pages()->currentWidget(), designerPage);
        QVERIFY(palette->isVisible());
    }

    void layoutIsRemembered() {
        {
            Studio studio;
            studio.window()->findChild<QDockWidget*>(QStringLiteral("historyDock"))->hide();
            studio.window()->saveLayout();
        }
        Studio again;
        again.window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(again.window()));
        QVERIFY(again.window()->findChild<QDockWidget*>(QStringLiteral("historyDock"))->isHidden());
        QSettings().clear();
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
