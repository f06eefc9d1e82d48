// Transfer learning in the designer, with real events: select a card, freeze it from its
// context menu; the card shows it, the summary counts its parameters as non-trainable, and
// undo brings it back. Unfreeze from the Edit menu.
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include "camera/camera_panel.h"
#include "camera_controller.h"
#include "designer/designer_scene.h"
#include "designer/designer_view.h"
#include "designer/model_document.h"
#include "designer/node_item.h"
#include "designer/summary_view.h"
#include "designer_controller.h"
#include "graph/model.h"
#include "io/model_file.h"
#include "io/presets.h"
#include "main_window.h"
#include "project_controller.h"
#include "studio.h"
#include "train/feature_cache.h"

using namespace cs;
using namespace cs::gui;

namespace {

QString plain(QString text) { return text.remove(QLatin1Char('&')); }

// Right-clicks the designer at `at` (real mouse events) and triggers the menu entry `text`.
bool chooseFromContextMenu(DesignerView* view, QPoint at, const QString& text) {
    bool found = false;
    QTimer::singleShot(0, view, [&found, text] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu) return;
        for (QAction* a : menu->actions())
            if (plain(a->text()) == text && a->isEnabled()) {
                found = true;
                menu->close();
                a->trigger();
                return;
            }
        menu->close();
    });
    // The designer opens its menu on a right click that did not pan the canvas.
    QTest::mouseClick(view->viewport(), Qt::RightButton, {}, at);
    return found;
}

}  // namespace

class TestTransferUi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("ConvStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_transfer_ui"));
        QSettings().clear();
    }

    void freezeFromTheContextMenuAndUndo() {
        Studio studio;
        studio.project()->setInteractive(false);
        studio.openInitial({});
        MainWindow* w = studio.window();
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        ModelDocument* doc = studio.document();
        DesignerScene* scene = studio.designer()->scene();
        DesignerView* view = studio.designer()->view();
        const int conv = doc->graph().findByName("conv2d_1")->id;
        view->revealNode(conv);
        NodeItem* card = scene->nodeItem(conv);
        const QPoint at = view->mapFromScene(card->mapToScene(QPointF(60, 30)));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(scene->currentNodeId(), conv);
        QVERIFY(!card->isFrozen());
        const int steps = doc->undoStack()->count();

        QVERIFY(chooseFromContextMenu(view, at, QStringLiteral("Freeze Layers")));
        QVERIFY(!doc->graph().find(conv)->trainable);
        QVERIFY(card->isFrozen());
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        const QString summary = SummaryView::summaryText(*doc);
        QVERIFY2(summary.contains(QStringLiteral("Trainable params: 74,826")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Non-trainable params: 18,496")), qPrintable(summary));
        if (const QByteArray dir = qgetenv("CONVSTUDIO_SCREENSHOTS"); !dir.isEmpty())
            view->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/designer_frozen.png"));
        // Freezing it again is no step; the menu offers only Unfreeze now.
        QVERIFY(!chooseFromContextMenu(view, at, QStringLiteral("Freeze Layers")));
        QCOMPARE(doc->undoStack()->count(), steps + 1);

        doc->undoStack()->undo();
        QVERIFY(doc->graph().find(conv)->trainable);
        QVERIFY(!card->isFrozen());
        doc->undoStack()->redo();
        QVERIFY(card->isFrozen());

        // Edit ▸ Unfreeze Layers.
        QAction* unfreeze = w->findChild<QAction*>(QStringLiteral("unfreezeLayers"));
        QVERIFY(unfreeze && unfreeze->isEnabled());
        unfreeze->trigger();
        QVERIFY(doc->graph().find(conv)->trainable);
        QVERIFY(!unfreeze->isEnabled());
    }

    // Right click on a card ▸ Replace Head Here: one undo step, the backbone frozen with its
    // weights, a new classifier for the dataset's classes.
    void replaceHeadFromTheContextMenu() {
        Studio studio;
        studio.project()->setInteractive(false);
        studio.openInitial({});
        MainWindow* w = studio.window();
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        ModelDocument* doc = studio.document();
        ModelFile trained = doc->file();
        Model model(trained.graph, 5);
        storeWeights(model, trained);
        doc->reset(trained);
        const GraphSpec before = doc->graph();
        studio.designer()->setClassNamesSource([] { return std::vector<std::string>{"cat", "dog", "owl"}; });
        DesignerScene* scene = studio.designer()->scene();
        DesignerView* view = studio.designer()->view();
        const int flatten = doc->graph().findByName("flatten")->id;
        view->revealNode(flatten);
        const QPoint at = view->mapFromScene(scene->nodeItem(flatten)->mapToScene(QPointF(60, 30)));
        const int steps = doc->undoStack()->count();

        QVERIFY(chooseFromContextMenu(view, at, QStringLiteral("Replace Head Here")));
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QCOMPARE(doc->classNames(), (std::vector<std::string>{"cat", "dog", "owl"}));
        QVERIFY(!doc->graph().findByName("dense_1"));
        QVERIFY(!doc->graph().find(flatten)->trainable);
        QVERIFY(scene->nodeItem(flatten)->isFrozen());
        QVERIFY(doc->check().ok);
        Model head(doc->graph(), 1);
        applyWeights(doc->file(), head);
        QCOMPARE(head.outputShape(), Shape::flat(3));
        const Layer& conv = *head.nodes()[head.indexOfName("conv2d")].layer;
        const Layer& convBefore = *model.nodes()[model.indexOfName("conv2d")].layer;
        QVERIFY(std::equal(conv.params()[0].value.data(), conv.params()[0].value.data() + conv.params()[0].value.size(),
                           convBefore.params()[0].value.data()));
        if (const QByteArray dir = qgetenv("CONVSTUDIO_SCREENSHOTS"); !dir.isEmpty())
            view->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/designer_new_head.png"));

        doc->undoStack()->undo();
        QVERIFY(doc->graph() == before);
        QCOMPARE(doc->classNames(), trained.classNames);
        QVERIFY(doc->file().weights.size() == trained.weights.size());
        doc->undoStack()->redo();
        QCOMPARE(int(doc->graph().nodes().size()), 8);  // input .. flatten, dense
    }

    // The camera's "Train on the Captures" on a trained model: a new head for the captured
    // classes on the frozen layers, the run starting from the weights; pressed again with the
    // same classes, the head trains on as it is.
    void trainOnTheCapturesLearnsANewHead() {
        QTemporaryDir work;
        const QString folder = work.filePath(QStringLiteral("shots"));
        for (const char* cls : {"apple", "pear"}) {
            QVERIFY(QDir().mkpath(folder + QLatin1Char('/') + QLatin1String(cls)));
            for (int i = 0; i < 3; ++i) {
                QImage img(28, 28, QImage::Format_Grayscale8);
                img.fill(cls[0] == 'a' ? 40 * i : 255 - 40 * i);
                QVERIFY(img.save(QStringLiteral("%1/%2/%3.png").arg(folder, QLatin1String(cls)).arg(i)));
            }
        }
        ModelDocument doc;
        ModelFile trained = loadPreset("seed-cnn");
        Model model(trained.graph, 3);
        storeWeights(model, trained);
        doc.reset(trained);
        CameraPanel panel;
        CameraController camera(&panel, &doc);
        camera.setInteractive(false);
        camera.setCaptureFolder(folder);
        QSignalSpy train(&camera, &CameraController::trainOnCapturesRequested);

        camera.trainOnCaptures();
        QCOMPARE(train.count(), 1);
        QCOMPARE(doc.classNames(), (std::vector<std::string>{"apple", "pear"}));
        QVERIFY(!doc.graph().findByName("dense")->trainable);  // the output layer's input: the cut
        QVERIFY(doc.trainingSettings().continueFromWeights);
        Model head(doc.graph(), 1);
        applyWeights(doc.file(), head);
        QCOMPARE(head.outputShape(), Shape::flat(2));
        QVERIFY(FeatureCache::findCut(head));  // the run trains the head on cached features

        const int steps = doc.undoStack()->count();
        camera.trainOnCaptures();
        QCOMPARE(train.count(), 2);
        QCOMPARE(doc.undoStack()->count(), steps);
    }
};

QTEST_MAIN(TestTransferUi)
#include "test_transfer_ui.moc"
