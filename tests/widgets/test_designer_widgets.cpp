// The designer widgets driven by real events: drops from the palette, port-to-port drags,
// card moves, Delete, the property editor and the error badge.
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSpinBox>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include "designer/designer_scene.h"
#include "designer/designer_view.h"
#include "designer/edge_item.h"
#include "designer/layer_palette.h"
#include "designer/model_document.h"
#include "designer/model_status.h"
#include "designer/node_item.h"
#include "designer/problems_view.h"
#include "designer/property_editor.h"
#include "designer/summary_view.h"
#include "io/presets.h"
#include "layers/layer_registry.h"

using namespace cs;
using namespace cs::gui;

class TestDesignerWidgets : public QObject {
    Q_OBJECT

    std::unique_ptr<ModelDocument> doc_;
    std::unique_ptr<DesignerScene> scene_;
    std::unique_ptr<DesignerView> view_;

    static ModelFile smallModel() {
        ModelFile f;
        f.graph = GraphSpec::sequential({{"Input", {{"height", 28}, {"width", 28}, {"channels", 1}}},
                                         {"Conv2D", {{"filters", 8}, {"kernel_size", 3}, {"activation", "relu"}}},
                                         {"Flatten", nlohmann::json::object()},
                                         {"Dense", {{"units", 10}, {"activation", "softmax"}}}});
        for (std::size_t i = 0; i < f.graph.nodes().size(); ++i) {
            f.graph.nodes()[i].x = -116;
            f.graph.nodes()[i].y = 130.0 * i;
        }
        return f;
    }
    int idOf(const char* name) const { return doc_->graph().findByName(name)->id; }
    QPoint toView(QPointF scenePos) const { return view_->mapFromScene(scenePos); }
    QPoint cardCentre(int id) const {
        return toView(scene_->nodeItem(id)->mapToScene(scene_->nodeItem(id)->boundingRect().center()));
    }

    // A full drag-and-drop of MIME data onto the view, as QDrag delivers it.
    bool dropOn(QPoint pos, QMimeData* mime) {
        QWidget* vp = view_->viewport();
        QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(vp, &enter);
        if (!enter.isAccepted()) return false;
        QDragMoveEvent move(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(vp, &move);
        if (!move.isAccepted()) return false;
        QDropEvent drop(QPointF(pos), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(vp, &drop);
        return drop.isAccepted();
    }

private slots:
    void init() {
        doc_ = std::make_unique<ModelDocument>();
        doc_->reset(smallModel());
        scene_ = std::make_unique<DesignerScene>(doc_.get());
        view_ = std::make_unique<DesignerView>(scene_.get());
        view_->resize(900, 800);
        view_->show();
        QVERIFY(QTest::qWaitForWindowExposed(view_.get()));
        view_->centerOn(QPointF(0, 250));
    }
    void cleanup() {
        view_.reset();
        scene_.reset();
        doc_.reset();
    }

    void sceneMirrorsDocument() {
        QCOMPARE(scene_->nodeItem(idOf("conv2d")) != nullptr, true);
        QCOMPARE(scene_->edgeItems().size(), 3);
        QCOMPARE(scene_->nodeItem(idOf("conv2d"))->shapeText(), QStringLiteral("26 × 26 × 8"));
        QVERIFY(scene_->nodeItem(idOf("conv2d"))->optionsText().startsWith(QStringLiteral("8 × 3×3")));
        doc_->undoStack()->push(new QUndoCommand);  // unrelated steps do not disturb the mirror
        doc_->removeItems({idOf("flatten")});
        QVERIFY(!scene_->nodeItem(3));
        QCOMPARE(scene_->edgeItems().size(), 2);
        doc_->undoStack()->undo();
        QCOMPARE(scene_->edgeItems().size(), 3);
    }

    void paletteListsRegistryByCategory() {
        LayerPalette palette(LayerRegistry::builtin());
        QTreeWidgetItem* conv = palette.itemForKind(QStringLiteral("Conv2D"));
        QVERIFY(conv);
        QVERIFY(!conv->icon(0).isNull());
        QVERIFY(conv->toolTip(0).contains(QStringLiteral("Conv2D")));
        QVERIFY(conv->parent());
        QVERIFY(palette.itemForKind(QStringLiteral("Dense")));
        QVERIFY(palette.itemForKind(QStringLiteral("MaxPooling2D")));
    }

    // Issue 15: the palette lists the depthwise and separable convolutions with Conv2D, and the
    // property editor offers Conv2D's padding per side, dilation and groups, editing the shapes.
    // With CONVSTUDIO_SCREENSHOTS=FOLDER the palette and the editor are saved there.
    void convolutionOptionsInPaletteAndEditor() {
        LayerPalette palette(LayerRegistry::builtin());
        QTreeWidgetItem* conv = palette.itemForKind(QStringLiteral("Conv2D"));
        for (const char* kind : {"DepthwiseConv2D", "SeparableConv2D"}) {
            QTreeWidgetItem* item = palette.itemForKind(QString::fromLatin1(kind));
            QVERIFY2(item, kind);
            QCOMPARE(item->parent(), conv->parent());
            QVERIFY(!item->icon(0).isNull());
        }
        PropertyEditor editor(doc_.get());
        editor.resize(360, 720);
        editor.show();
        const int id = idOf("conv2d");
        editor.setNode(id);
        for (const char* p : {"pad_top", "pad_bottom", "pad_left", "pad_right", "dilation_rate", "groups"})
            QVERIFY2(qobject_cast<QSpinBox*>(editor.editorFor(QString::fromLatin1(p))), p);
        auto* padding = qobject_cast<QComboBox*>(editor.editorFor(QStringLiteral("padding")));
        QVERIFY(padding);
        QVERIFY(padding->findText(QStringLiteral("explicit")) >= 0);
        padding->setCurrentIndex(padding->findText(QStringLiteral("explicit")));
        emit padding->activated(padding->currentIndex());  // what a user's choice in the list sends
        auto* top = qobject_cast<QSpinBox*>(editor.editorFor(QStringLiteral("pad_top")));
        top->setFocus();
        top->selectAll();
        QTest::keyClicks(top, QStringLiteral("2"));
        QTest::keyClick(top, Qt::Key_Return);
        QCOMPARE(doc_->node(id)->options["padding"].get<std::string>(), std::string("explicit"));
        QCOMPARE(doc_->node(id)->options["pad_top"].get<int>(), 2);
        QCOMPARE(scene_->nodeItem(id)->shapeText(), QStringLiteral("28 × 26 × 8"));  // 28 + 2 rows - 3 + 1
        const QString shots = qEnvironmentVariable("CONVSTUDIO_SCREENSHOTS");
        if (!shots.isEmpty()) {
            QDir().mkpath(shots);
            palette.resize(280, 720);
            palette.tree()->expandAll();
            QVERIFY(palette.grab().save(shots + QStringLiteral("/palette_convolutions.png")));
            QCoreApplication::processEvents();  // lay out the rebuilt form before grabbing it
            QVERIFY(editor.grab().save(shots + QStringLiteral("/property_editor_conv2d.png")));
        }
    }

    void dropFromPaletteAddsLayer() {
        LayerPalette palette(LayerRegistry::builtin());
        const std::size_t before = doc_->graph().nodes().size();
        std::unique_ptr<QMimeData> mime(palette.tree()->mimeData({palette.itemForKind(QStringLiteral("Dropout"))}));
        QVERIFY(mime);
        const QPoint empty = toView(QPointF(400, 200));
        QVERIFY(dropOn(empty, mime.get()));
        QCOMPARE(doc_->graph().nodes().size(), before + 1);
        const NodeSpec& added = doc_->graph().nodes().back();
        QCOMPARE(added.kind, std::string("Dropout"));
        QVERIFY(added.inputs.empty());
        QVERIFY(scene_->nodeItem(added.id));
        QCOMPARE(scene_->currentNodeId(), added.id);
        QVERIFY(scene_->nodeItem(added.id)->hasError());  // not connected yet
        doc_->undoStack()->undo();
        QCOMPARE(doc_->graph().nodes().size(), before);
    }

    void dropOnEdgeInsertsLayer() {
        LayerPalette palette(LayerRegistry::builtin());
        std::unique_ptr<QMimeData> mime(palette.tree()->mimeData({palette.itemForKind(QStringLiteral("Dropout"))}));
        EdgeItem* edge = scene_->edgeItem(idOf("dense"), 0);
        QVERIFY(edge);
        QVERIFY(dropOn(toView(edge->path().pointAtPercent(0.5)), mime.get()));
        const NodeSpec* dense = doc_->node(idOf("dense"));
        const NodeSpec* inserted = doc_->node(dense->inputs.front());
        QCOMPARE(inserted->kind, std::string("Dropout"));
        QCOMPARE(inserted->inputs, std::vector<int>{idOf("flatten")});
        QVERIFY(doc_->check().ok);
    }

    void dragBetweenPortsConnects() {
        const int dense = idOf("dense"), flatten = idOf("flatten");
        doc_->disconnectInput(dense, 0);
        QVERIFY(scene_->nodeItem(dense)->hasError());
        QVERIFY(!scene_->edgeItem(dense, 0));
        const QPoint from = toView(scene_->nodeItem(flatten)->outputAnchor());
        const QPoint to = toView(scene_->nodeItem(dense)->inputAnchor(0));
        QWidget* vp = view_->viewport();
        QTest::mousePress(vp, Qt::LeftButton, {}, from);
        QTest::mouseMove(vp, (from + to) / 2);
        QTest::mouseMove(vp, to);
        QTest::mouseRelease(vp, Qt::LeftButton, {}, to);
        QCOMPARE(doc_->node(dense)->inputs, std::vector<int>{flatten});
        QVERIFY(scene_->edgeItem(dense, 0));
        QVERIFY(!scene_->nodeItem(dense)->hasError());
        QVERIFY(doc_->check().ok);
    }

    void dragFromInputPortDetaches() {
        const int dense = idOf("dense");
        const QPoint from = toView(scene_->nodeItem(dense)->inputAnchor(0));
        const QPoint away = toView(QPointF(500, 100));
        QWidget* vp = view_->viewport();
        QTest::mousePress(vp, Qt::LeftButton, {}, from);
        QTest::mouseMove(vp, away);
        QTest::mouseRelease(vp, Qt::LeftButton, {}, away);
        QVERIFY(doc_->node(dense)->inputs.empty());
        doc_->undoStack()->undo();
        QCOMPARE(doc_->node(dense)->inputs, std::vector<int>{idOf("flatten")});
    }

    void dragMovesCardsInOneStep() {
        const int conv = idOf("conv2d");
        const QPointF start(doc_->node(conv)->x, doc_->node(conv)->y);
        const QPoint c = cardCentre(conv);
        QWidget* vp = view_->viewport();
        const int steps = doc_->undoStack()->count();
        QTest::mousePress(vp, Qt::LeftButton, {}, c);
        for (int i = 1; i <= 5; ++i) QTest::mouseMove(vp, c + QPoint(20 * i, 8 * i));
        QTest::mouseRelease(vp, Qt::LeftButton, {}, c + QPoint(100, 40));
        QCOMPARE(doc_->undoStack()->count(), steps + 1);
        QVERIFY(QPointF(doc_->node(conv)->x, doc_->node(conv)->y) != start);
        // Edges follow the card.
        EdgeItem* e = scene_->edgeItem(conv, 0);
        QVERIFY((e->path().pointAtPercent(1.0) - scene_->nodeItem(conv)->inputAnchor(0)).manhattanLength() < 1);
        doc_->undoStack()->undo();
        QCOMPARE(QPointF(doc_->node(conv)->x, doc_->node(conv)->y), start);
        QCOMPARE(scene_->nodeItem(conv)->pos(), start);
    }

    void deleteKeyRemovesSelection() {
        const int flatten = idOf("flatten");
        QTest::mouseClick(view_->viewport(), Qt::LeftButton, {}, cardCentre(flatten));
        QCOMPARE(scene_->currentNodeId(), flatten);
        QTest::keyClick(view_.get(), Qt::Key_Delete);
        QVERIFY(!doc_->node(flatten));
        QVERIFY(!scene_->nodeItem(flatten));
        // The chain heals, but Dense on an image cannot work: the engine says so on a badge.
        const int dense = idOf("dense");
        QCOMPARE(doc_->node(dense)->inputs, std::vector<int>{idOf("conv2d")});
        QVERIFY(scene_->nodeItem(dense)->hasError());
        QVERIFY(!scene_->nodeItem(dense)->errorText().isEmpty());
        ProblemsView problems(doc_.get());
        QVERIFY(problems.problemCount() >= 1);
        doc_->undoStack()->undo();
        QVERIFY(!scene_->nodeItem(dense)->hasError());
        QCOMPARE(ProblemsView(doc_.get()).problemCount(), 0);
    }

    void deleteSelectedEdgeDisconnects() {
        const int dense = idOf("dense");
        EdgeItem* e = scene_->edgeItem(dense, 0);
        QTest::mouseClick(view_->viewport(), Qt::LeftButton, {}, toView(e->path().pointAtPercent(0.5)));
        QVERIFY(e->isSelected());
        QTest::keyClick(view_.get(), Qt::Key_Delete);
        QVERIFY(doc_->node(dense)->inputs.empty());
        QVERIFY(doc_->node(idOf("flatten")));
    }

    void propertyEditorEditsAndShapesUpdateDownstream() {
        PropertyEditor editor(doc_.get());
        editor.show();
        const int conv = idOf("conv2d");
        connect(scene_.get(), &DesignerScene::currentNodeChanged, &editor, &PropertyEditor::setNode);
        QTest::mouseClick(view_->viewport(), Qt::LeftButton, {}, cardCentre(conv));
        QCOMPARE(editor.nodeId(), conv);
        auto* filters = qobject_cast<QSpinBox*>(editor.editorFor(QStringLiteral("filters")));
        QVERIFY(filters);
        QCOMPARE(filters->value(), 8);
        QCOMPARE(filters->maximum(), 4096);
        filters->setFocus();
        filters->selectAll();
        QTest::keyClicks(filters, QStringLiteral("16"));
        QTest::keyClick(filters, Qt::Key_Return);
        QCOMPARE(doc_->node(conv)->options["filters"].get<int>(), 16);
        QCOMPARE(scene_->nodeItem(conv)->shapeText(), QStringLiteral("26 × 26 × 16"));
        QCOMPARE(scene_->nodeItem(idOf("flatten"))->shapeText(), QString::number(26 * 26 * 16));
        // Undo goes back through the editor too.
        doc_->undoStack()->undo();
        QCOMPARE(filters->value(), 8);
        QCOMPARE(scene_->nodeItem(idOf("flatten"))->shapeText(), QString::number(26 * 26 * 8));
    }

    void invalidEditShowsErrorBadge() {
        PropertyEditor editor(doc_.get());
        editor.show();
        const int conv = idOf("conv2d");
        editor.setNode(conv);
        auto* kernel = qobject_cast<QSpinBox*>(editor.editorFor(QStringLiteral("kernel_size")));
        QVERIFY(kernel);
        kernel->setFocus();
        kernel->selectAll();
        QTest::keyClicks(kernel, QStringLiteral("30"));
        QTest::keyClick(kernel, Qt::Key_Return);
        NodeItem* item = scene_->nodeItem(conv);
        QVERIFY(item->hasError());
        const QList<QGraphicsItem*> children = item->childItems();
        QVERIFY(std::any_of(children.begin(), children.end(),
                            [](QGraphicsItem* c) { return c->isVisible() && !c->toolTip().isEmpty(); }));
        QVERIFY(editor.errorLabel()->isVisible());
        QCOMPARE(editor.errorLabel()->text(), item->errorText());
        QVERIFY(!ModelStatus(doc_.get()).text().isEmpty());
    }

    // A project being edited may hold any number: 1e300 filters showed as an int cast with
    // undefined behaviour; now the spin box shows its maximum and the card its error.
    void hostileOptionShowsClampedWithError() {
        ModelFile f = smallModel();
        for (NodeSpec& n : f.graph.nodes())
            if (n.name == "conv2d") n.options["filters"] = 1e300;
        doc_->reset(f);
        PropertyEditor editor(doc_.get());
        editor.show();
        const int conv = idOf("conv2d");
        editor.setNode(conv);
        auto* filters = qobject_cast<QSpinBox*>(editor.editorFor(QStringLiteral("filters")));
        QVERIFY(filters);
        QCOMPARE(filters->value(), filters->maximum());
        QVERIFY(scene_->nodeItem(conv)->hasError());
        QVERIFY(editor.errorLabel()->isVisible());
        // Pasted nodes from another program: a number no int holds refuses the paste.
        QVERIFY(!ModelDocument::nodesFromClipboard(R"({"convstudio_nodes":[{"id":1e300,"kind":"ReLU"}]})"));
        QVERIFY(!ModelDocument::nodesFromClipboard(R"({"convstudio_nodes":[{"id":1,"kind":"ReLU","inputs":[2.5]}]})"));
    }

    void renameThroughEditor() {
        PropertyEditor editor(doc_.get());
        editor.show();
        const int conv = idOf("conv2d");
        editor.setNode(conv);
        editor.nameEdit()->setFocus();
        editor.nameEdit()->selectAll();
        QTest::keyClicks(editor.nameEdit(), QStringLiteral("features"));
        QTest::keyClick(editor.nameEdit(), Qt::Key_Return);
        QCOMPARE(doc_->node(conv)->name, std::string("features"));
    }

    void paletteActivationAppendsAfterSelection() {
        LayerPalette palette(LayerRegistry::builtin());
        connect(&palette, &LayerPalette::layerActivated, scene_.get(), &DesignerScene::appendLayer);
        const int conv = idOf("conv2d");
        scene_->selectNodes({conv});
        palette.resize(260, 720);
        palette.show();
        QVERIFY(QTest::qWaitForWindowExposed(&palette));
        QTreeWidgetItem* item = palette.itemForKind(QStringLiteral("MaxPooling2D"));
        palette.tree()->setCurrentItem(item);
        palette.tree()->setFocus();
        QTest::keyClick(palette.tree(), Qt::Key_Return);
        const NodeSpec* flatten = doc_->node(idOf("flatten"));
        const NodeSpec* pool = doc_->node(flatten->inputs.front());
        QVERIFY2(pool->kind == "MaxPooling2D", pool->kind.c_str());
        QCOMPARE(pool->inputs, std::vector<int>{conv});
        QCOMPARE(scene_->currentNodeId(), pool->id);
        QCOMPARE(scene_->nodeItem(flatten->id)->shapeText(), QString::number(13 * 13 * 8));
    }

    void copyPasteAndSelectAll() {
        scene_->selectNodes({idOf("conv2d")});
        const std::size_t before = doc_->graph().nodes().size();
        scene_->copySelection();
        scene_->paste();
        QCOMPARE(doc_->graph().nodes().size(), before + 1);
        scene_->selectAllItems();
        QCOMPARE(scene_->selectedNodeIds().size(), before + 1);
        scene_->cutSelection();
        QVERIFY(doc_->graph().nodes().empty());
        doc_->undoStack()->undo();
        QCOMPARE(doc_->graph().nodes().size(), before + 1);
    }

    void zoomAndFit() {
        view_->zoomIn();
        QVERIFY(view_->zoom() > 1.0);
        view_->resetZoom();
        QCOMPARE(view_->zoom(), 1.0);
        view_->zoomToFit();
        QVERIFY(view_->zoom() <= 1.0);
    }

    void summaryMatchesEngine() {
        doc_->reset(loadPreset(kDefaultPreset));
        const QString text = SummaryView::summaryText(*doc_);
        QVERIFY2(text.contains(QStringLiteral("93,322")) || text.contains(QStringLiteral("93322")), qPrintable(text));
        QVERIFY(ModelStatus(doc_.get()).text().contains(QStringLiteral("93,322")));
    }
};

QTEST_MAIN(TestDesignerWidgets)
#include "test_designer_widgets.moc"
