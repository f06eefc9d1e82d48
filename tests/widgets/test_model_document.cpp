// The designer's document and undo commands, without any widget: every edit is undoable and
// undo/redo sequences return to identical specs; the check follows every edit. The project's
// state (dataset, exclusions, training settings, weights, runs) is read through typed
// accessors and changed by undoable steps that emit revision signals.
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include "data/augment.h"
#include "designer/model_document.h"
#include "graph/model.h"
#include "io/presets.h"
#include "layers/layer_registry.h"

using namespace cs;
using namespace cs::gui;

class TestModelDocument : public QObject {
    Q_OBJECT

    // Input 28x28x1 -> Conv2D -> Flatten -> Dense(10)
    static ModelFile smallModel() {
        ModelFile f;
        f.graph = GraphSpec::sequential({{"Input", {{"height", 28}, {"width", 28}, {"channels", 1}}},
                                         {"Conv2D", {{"filters", 8}, {"kernel_size", 3}, {"activation", "relu"}}},
                                         {"Flatten", nlohmann::json::object()},
                                         {"Dense", {{"units", 10}, {"activation", "softmax"}}}});
        for (std::size_t i = 0; i < f.graph.nodes().size(); ++i) f.graph.nodes()[i].y = 130.0 * i;
        return f;
    }
    static int idOf(const ModelDocument& d, const char* name) { return d.graph().findByName(name)->id; }

    // Undoes everything, checks the start state, redoes everything, checks the end state.
    static void checkUndoRedo(ModelDocument& doc, const GraphSpec& before) {
        const GraphSpec after = doc.graph();
        QUndoStack* s = doc.undoStack();
        while (s->canUndo()) s->undo();
        QVERIFY(doc.graph() == before);
        while (s->canRedo()) s->redo();
        QVERIFY(doc.graph() == after);
    }

private slots:
    void initTestCase() { QVERIFY(LayerRegistry::builtin().contains("Conv2D")); }

    void startsChecked() {
        ModelDocument doc;
        doc.reset(smallModel());
        QVERIFY(!doc.isModified());
        QVERIFY2(doc.check().ok, doc.check().problems.empty() ? "" : doc.check().problems.front().english().c_str());
        // 8*(3*3*1)+8 = 80; 26*26*8 = 5408 -> 54090
        QCOMPARE(doc.check().totalParams, int64_t(80 + 5408 * 10 + 10));
    }

    void addLayerAndUndo() {
        ModelDocument doc;
        doc.reset(smallModel());
        const GraphSpec before = doc.graph();
        QSignalSpy added(&doc, &ModelDocument::nodeAdded);
        QSignalSpy checked(&doc, &ModelDocument::checked);
        const int id = doc.addLayer("Dropout", QPointF(300, 40));
        QCOMPARE(added.count(), 1);
        QVERIFY(checked.count() >= 1);
        QVERIFY(doc.node(id));
        QCOMPARE(doc.node(id)->kind, std::string("Dropout"));
        QCOMPARE(doc.node(id)->x, 300.0);
        QVERIFY(doc.isModified());
        // Unconnected: the check names it.
        QVERIFY(!doc.nodeCheck(id)->ok);
        QVERIFY(doc.nodeCheck(id)->hasError());
        checkUndoRedo(doc, before);
        doc.undoStack()->undo();
        QVERIFY(!doc.isModified());
    }

    void appendLayerRewiresConsumers() {
        ModelDocument doc;
        doc.reset(smallModel());
        const GraphSpec before = doc.graph();
        const int conv = idOf(doc, "conv2d");
        const int flatten = idOf(doc, "flatten");
        const int pool = doc.appendLayer("MaxPooling2D", conv);
        QCOMPARE(doc.node(pool)->inputs, std::vector<int>{conv});
        QCOMPARE(doc.node(flatten)->inputs, std::vector<int>{pool});
        QVERIFY(doc.check().ok);
        QCOMPARE(doc.nodeCheck(flatten)->output, Shape::flat(13 * 13 * 8));
        QCOMPARE(doc.undoStack()->count(), 1);  // one step
        checkUndoRedo(doc, before);
    }

    void removeBridgesAndUndoRestoresOrder() {
        ModelDocument doc;
        doc.reset(smallModel());
        const GraphSpec before = doc.graph();
        const int conv = idOf(doc, "conv2d");
        const int input = idOf(doc, "input");
        const int flatten = idOf(doc, "flatten");
        doc.removeItems({conv});
        QVERIFY(!doc.node(conv));
        QCOMPARE(doc.node(flatten)->inputs, std::vector<int>{input});
        QVERIFY(doc.check().ok);
        doc.undoStack()->undo();
        QVERIFY(doc.graph() == before);  // same order, same edges
        doc.undoStack()->redo();
        checkUndoRedo(doc, before);
    }

    void connectAndDisconnect() {
        ModelDocument doc;
        doc.reset(smallModel());
        const GraphSpec before = doc.graph();
        const int dense = idOf(doc, "dense");
        const int flatten = idOf(doc, "flatten");
        doc.disconnectInput(dense, 0);
        QVERIFY(doc.node(dense)->inputs.empty());
        QVERIFY(!doc.check().ok);
        QVERIFY(doc.nodeCheck(dense)->hasError());
        QVERIFY(doc.connectNodes(flatten, dense));
        QCOMPARE(doc.node(dense)->inputs, std::vector<int>{flatten});
        QVERIFY(doc.check().ok);
        // No self loops, no duplicate edges, nothing into an Input.
        QVERIFY(!doc.connectNodes(dense, dense));
        QVERIFY(!doc.connectNodes(flatten, dense));
        QVERIFY(!doc.connectNodes(dense, idOf(doc, "input")));
        QCOMPARE(doc.undoStack()->count(), 2);
        checkUndoRedo(doc, before);
    }

    void cycleIsReported() {
        ModelDocument doc;
        doc.reset(smallModel());
        const int conv = idOf(doc, "conv2d");
        const int dense = idOf(doc, "dense");
        // Conv2D takes one input: connecting Dense -> Conv2D replaces its input and closes a cycle.
        QVERIFY(doc.connectNodes(dense, conv));
        QVERIFY(!doc.check().ok);
        QVERIFY(doc.nodeCheck(conv)->hasError());
    }

    void editOptionsUpdatesShapesAndMerges() {
        ModelDocument doc;
        doc.reset(smallModel());
        const GraphSpec before = doc.graph();
        const int conv = idOf(doc, "conv2d");
        const int flatten = idOf(doc, "flatten");
        doc.setOption(conv, "filters", 16);
        doc.setOption(conv, "filters", 32);  // merges with the previous step
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.nodeCheck(conv)->output, Shape::image(32, 26, 26));
        QCOMPARE(doc.nodeCheck(flatten)->output, Shape::flat(26 * 26 * 32));
        doc.setOption(conv, "kernel_size", 5);
        QCOMPARE(doc.undoStack()->count(), 2);
        QCOMPARE(doc.nodeCheck(conv)->output, Shape::image(32, 24, 24));
        // A kernel larger than its input cannot work: the node gets the engine's message.
        doc.setOption(conv, "kernel_size", 31);
        QVERIFY(!doc.nodeCheck(conv)->ok);
        QVERIFY(doc.nodeCheck(conv)->hasError());
        doc.resetOption(conv, "kernel_size");
        QCOMPARE(doc.nodeCheck(conv)->output, Shape::image(32, 26, 26));
        checkUndoRedo(doc, before);
    }

    void renameRejectsDuplicates() {
        ModelDocument doc;
        doc.reset(smallModel());
        const int conv = idOf(doc, "conv2d");
        QVERIFY(!doc.renameNode(conv, "dense"));
        QVERIFY(!doc.renameNode(conv, "  "));
        QVERIFY(doc.renameNode(conv, "features"));
        QCOMPARE(doc.node(conv)->name, std::string("features"));
        doc.undoStack()->undo();
        QCOMPARE(doc.node(conv)->name, std::string("conv2d"));
    }

    void moveIsOneStep() {
        ModelDocument doc;
        doc.reset(smallModel());
        const GraphSpec before = doc.graph();
        const int a = idOf(doc, "conv2d"), b = idOf(doc, "flatten");
        doc.moveNodes({{a, QPointF(50, 140)}, {b, QPointF(50, 270)}});
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.node(a)->x, 50.0);
        // Keyboard nudges of the same selection merge.
        doc.moveNodes({{a, QPointF(58, 140)}, {b, QPointF(58, 270)}}, true);
        doc.moveNodes({{a, QPointF(66, 140)}, {b, QPointF(66, 270)}}, true);
        QCOMPARE(doc.undoStack()->count(), 2);
        checkUndoRedo(doc, before);
    }

    void insertOnEdge() {
        ModelDocument doc;
        doc.reset(smallModel());
        const GraphSpec before = doc.graph();
        const int flatten = idOf(doc, "flatten"), dense = idOf(doc, "dense");
        const int drop = doc.insertLayerOnEdge("Dropout", flatten, dense, 0, QPointF(0, 300));
        QCOMPARE(doc.node(drop)->inputs, std::vector<int>{flatten});
        QCOMPARE(doc.node(dense)->inputs, std::vector<int>{drop});
        QVERIFY(doc.check().ok);
        checkUndoRedo(doc, before);
    }

    void pasteCopiesWithFreshIdsAndNames() {
        ModelDocument doc;
        doc.reset(smallModel());
        const GraphSpec before = doc.graph();
        const int conv = idOf(doc, "conv2d");
        const QByteArray clip = ModelDocument::nodesToClipboard({*doc.node(conv)});
        const auto nodes = ModelDocument::nodesFromClipboard(clip);
        QVERIFY(nodes && nodes->size() == 1);
        const std::vector<int> ids = doc.pasteNodes(*nodes, QPointF(260, 0));
        QCOMPARE(ids.size(), std::size_t(1));
        QVERIFY(ids[0] != conv);
        QVERIFY(doc.node(ids[0])->name != "conv2d");
        QCOMPARE(doc.node(ids[0])->inputs, doc.node(conv)->inputs);  // still fed by the input
        QVERIFY(doc.node(ids[0])->options == doc.node(conv)->options);
        QVERIFY(!ModelDocument::nodesFromClipboard("not json"));
        checkUndoRedo(doc, before);
    }

    void longSequenceReturnsToIdenticalSpecs() {
        ModelDocument doc;
        doc.reset(smallModel());
        const GraphSpec before = doc.graph();
        const int conv = idOf(doc, "conv2d");
        const int bn = doc.appendLayer("BatchNormalization", conv);
        doc.setOption(conv, "filters", 4);
        doc.autoArrange();
        const int drop = doc.addLayer("Dropout", QPointF(500, 500));
        doc.connectNodes(bn, drop);
        doc.removeItems({bn});
        doc.renameNode(drop, "drop");
        doc.setDatasetSource("/tmp/data");
        const GraphSpec after = doc.graph();
        QUndoStack* s = doc.undoStack();
        for (int round = 0; round < 3; ++round) {
            while (s->canUndo()) s->undo();
            QVERIFY(doc.graph() == before);
            QVERIFY(!doc.file().project.contains("dataset"));
            while (s->canRedo()) s->redo();
            QVERIFY(doc.graph() == after);
            QVERIFY(doc.file().project.value("dataset", std::string()) == "/tmp/data");
        }
        // Half-way and back.
        for (int i = 0; i < 4; ++i) s->undo();
        for (int i = 0; i < 4; ++i) s->redo();
        QVERIFY(doc.graph() == after);
    }

    void projectStateIsReadTyped() {
        ModelFile f = smallModel();
        f.project = {{"dataset", "/data/shapes"},
                     {"excluded", {"circle/1.png", "square/7.png"}},
                     {"checkpoint_folder", "/ck"},
                     {"preset", "tiny"}};
        f.training = {{"epochs", 7}, {"validation_split", 0.25}, {"seed", 5}, {"batch_size", 16}};
        f.history = nlohmann::json::array({{{"stop_reason", "completed"}}});
        ModelDocument doc;
        doc.reset(f);
        QCOMPARE(doc.datasetSource(), std::string("/data/shapes"));
        QCOMPARE(doc.excludedImages(), (std::vector<std::string>{"circle/1.png", "square/7.png"}));
        QCOMPARE(doc.dataset().validationFraction, 0.25);
        QCOMPARE(doc.dataset().seed, uint64_t(5));
        QCOMPARE(doc.trainingSettings().epochs, 7);
        QCOMPARE(doc.trainingSettings().batchSize, 16);
        QCOMPARE(doc.checkpointFolder(), std::string("/ck"));
        QCOMPARE(doc.presetName(), std::string("tiny"));
        QCOMPARE(doc.runCount(), std::size_t(1));
        QVERIFY(!doc.hasWeights());
        // Malformed settings: the defaults, and why.
        f.training = {{"optimizer", {{"optimizer", "nonsense"}}}};
        doc.reset(f);
        std::string problem;
        QCOMPARE(doc.trainingSettings(&problem).epochs, TrainSettings{}.epochs);
        QVERIFY(!problem.empty());
    }

    void projectDefaultsComeWithOpening() {
        ModelDocument doc;
        doc.reset(smallModel());
        QSignalSpy dataset(&doc, &ModelDocument::datasetChanged);
        doc.setProjectDefaults({"builtin:shapes", 0.1});  // applied to the open project at once
        QCOMPARE(dataset.count(), 1);
        QCOMPARE(doc.datasetSource(), std::string("builtin:shapes"));
        QCOMPARE(doc.trainingSettings().validationSplit, 0.1f);
        QVERIFY(!doc.isModified());
        QVERIFY(!doc.undoStack()->canUndo());
        // A project that names its data and trained before keeps its own choices.
        ModelFile trained = smallModel();
        trained.project["dataset"] = "/mine";
        trained.history = nlohmann::json::array({nlohmann::json::object()});
        doc.reset(trained);
        QCOMPARE(doc.datasetSource(), std::string("/mine"));
        QCOMPARE(doc.trainingSettings().validationSplit, 0.f);
        // A new project gets them, as part of opening it.
        doc.reset(smallModel());
        QCOMPARE(doc.file().project.value("dataset", std::string()), std::string("builtin:shapes"));
        QVERIFY(!doc.isModified());
    }

    void datasetEditsAreUndoableSteps() {
        ModelDocument doc;
        ModelFile f = smallModel();
        f.project["dataset"] = "/a";
        doc.reset(f);
        QSignalSpy dataset(&doc, &ModelDocument::datasetChanged);
        QSignalSpy settings(&doc, &ModelDocument::settingsChanged);
        doc.setExcludedImages({"x/1.png"});
        QCOMPARE(dataset.count(), 1);
        // Another dataset: its exclusions (files of the old one) go in the same step.
        doc.setDatasetSource("/b");
        QCOMPARE(dataset.count(), 2);
        QVERIFY(doc.excludedImages().empty());
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        QCOMPARE(doc.datasetSource(), std::string("/a"));
        QCOMPARE(doc.excludedImages(), std::vector<std::string>{"x/1.png"});
        doc.undoStack()->undo();
        QVERIFY(doc.excludedImages().empty());
        QCOMPARE(settings.count(), 0);
        // Images that moved on disk: followed without an undo step of the document's.
        doc.undoStack()->redo();
        doc.followMovedImages({"y/1.png"});
        QCOMPARE(doc.excludedImages(), std::vector<std::string>{"y/1.png"});
        QCOMPARE(doc.undoStack()->index(), 1);
    }

    void trainingSettingsEditsMergePerField() {
        ModelDocument doc;
        doc.reset(loadPreset(kDefaultPreset));  // sparse settings: the first edit adds every key
        QSignalSpy settings(&doc, &ModelDocument::settingsChanged);
        TrainSettings s = doc.trainingSettings();
        const int epochs = s.epochs;
        for (int typed : {1, 12, 120}) {  // typing "120" into the epochs field
            s.epochs = typed;
            doc.setTrainingSettings(s);
        }
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(settings.count(), 3);
        s.batchSize = 16;  // another field: another step
        doc.setTrainingSettings(s);
        s.batchSize = 8;
        doc.setTrainingSettings(s);
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.setTrainingSettings(s);  // nothing changed: no step
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        QCOMPARE(doc.trainingSettings().batchSize, TrainSettings{}.batchSize);
        QCOMPARE(doc.trainingSettings().epochs, 120);
        doc.undoStack()->undo();
        QCOMPARE(doc.trainingSettings().epochs, epochs);
        // Typed back to the old value: no step is left.
        doc.undoStack()->redo();
        s = doc.trainingSettings();
        s.epochs = epochs;
        doc.setTrainingSettings(s);
        QCOMPARE(doc.undoStack()->index(), 0);
        // The Dataset page's split and augmentation are training settings too.
        AugmentOptions augment;
        augment.hflip.probability = 0.5f;
        doc.setAugmentation(augment);
        doc.setValidationSplit(0.2, 9);
        QCOMPARE(doc.dataset().validationFraction, 0.2);
        QCOMPARE(doc.trainingSettings().seed, uint64_t(9));
        QVERIFY(!doc.trainingSettings().augment.empty());
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QVERIFY(doc.trainingSettings().augment.empty());
    }

    static bool sameTensor(const Tensor& a, const Tensor& b) {
        return a.size() == b.size() && std::equal(a.data(), a.data() + a.size(), b.data());
    }

    // Issue 14: applying trained weights is one undoable step; Undo brings back the previous
    // weights, and the history keeps its earlier entries.
    void applyingTrainedWeightsIsOneUndoableStep() {
        ModelDocument doc;
        doc.reset(smallModel());
        const auto trainedBy = [&](uint64_t seed, const char* reason) {
            ModelFile run = doc.file();
            storeWeights(Model(run.graph, seed), run);
            run.classNames = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
            run.history.push_back({{"stop_reason", reason}});
            return run;
        };
        doc.renameNode(idOf(doc, "dense"), "logits");  // an earlier edit
        QSignalSpy weights(&doc, &ModelDocument::weightsChanged);
        const ModelFile first = trainedBy(1, "completed");
        doc.applyTrained(first);
        QCOMPARE(doc.undoStack()->count(), 2);
        QCOMPARE(weights.count(), 1);
        const ModelFile second = trainedBy(2, "stopped");
        doc.applyTrained(second);
        QCOMPARE(doc.undoStack()->count(), 3);
        QCOMPARE(doc.runCount(), std::size_t(2));
        QVERIFY(sameTensor(doc.file().weights.at("logits/kernel"), second.weights.at("logits/kernel")));
        QVERIFY(doc.isModified());

        doc.undoStack()->undo();  // the first run's weights again
        QVERIFY(sameTensor(doc.file().weights.at("logits/kernel"), first.weights.at("logits/kernel")));
        QCOMPARE(doc.runCount(), std::size_t(1));
        QCOMPARE(doc.runs()[0].value("stop_reason", std::string()), std::string("completed"));
        doc.undoStack()->undo();  // never trained
        QVERIFY(!doc.hasWeights());
        QVERIFY(doc.classNames().empty());
        QCOMPARE(doc.runCount(), std::size_t(0));
        QVERIFY(!doc.file().project.contains("trained"));
        QCOMPARE(weights.count(), 4);
        QVERIFY(doc.graph().findByName("logits"));  // the earlier edit is still there
        doc.undoStack()->undo();
        QVERIFY(doc.graph().findByName("dense"));
        while (doc.undoStack()->canRedo()) doc.undoStack()->redo();
        QVERIFY(sameTensor(doc.file().weights.at("logits/kernel"), second.weights.at("logits/kernel")));
        QCOMPARE(doc.file().project["trained"].value("run", 0), 2);
    }

    // Issue 18: a run that keeps the project's weights is recorded only; any run's weights can
    // be put in afterwards; each is one undoable step with a readable History entry.
    void runsAreRecordedAndTheirWeightsChosen() {
        ModelDocument doc;
        doc.reset(smallModel());
        const auto trainedBy = [&](uint64_t seed) {
            ModelFile run = doc.file();
            storeWeights(Model(run.graph, seed), run);
            run.history.push_back({{"stop_reason", "completed"}});
            return run;
        };
        QCOMPARE(doc.weightsRunIndex(), -1);
        const ModelFile first = trainedBy(1), second = trainedBy(2);
        doc.applyTrained(first);
        QCOMPARE(doc.undoStack()->text(0), QStringLiteral("Apply trained weights (run #1)"));
        QCOMPARE(doc.weightsRunIndex(), 0);
        QVERIFY(doc.weightsRun().has_value());

        doc.recordRun(second);  // the project keeps the first run's weights
        QCOMPARE(doc.undoStack()->text(1), QStringLiteral("Record run #2 (weights kept)"));
        QCOMPARE(doc.runCount(), std::size_t(2));
        QCOMPARE(doc.weightsRunIndex(), 0);
        QVERIFY(sameTensor(doc.file().weights.at("dense/kernel"), first.weights.at("dense/kernel")));

        doc.useRunWeights(second, 1);
        QCOMPARE(doc.undoStack()->text(2), QStringLiteral("Use the weights of run #2"));
        QCOMPARE(doc.weightsRunIndex(), 1);
        QCOMPARE(doc.runCount(), std::size_t(2));
        QVERIFY(sameTensor(doc.file().weights.at("dense/kernel"), second.weights.at("dense/kernel")));
        doc.undoStack()->undo();
        QCOMPARE(doc.weightsRunIndex(), 0);
        QVERIFY(sameTensor(doc.file().weights.at("dense/kernel"), first.weights.at("dense/kernel")));
        doc.undoStack()->undo();
        QCOMPARE(doc.runCount(), std::size_t(1));
        doc.useRunWeights(second, 5);  // no such run: nothing happens
        QCOMPARE(doc.undoStack()->index(), 1);
        QVERIFY(doc.undoStack()->canRedo());

        // The start choice, once made, is recorded even when it is the default.
        QVERIFY(!doc.hasStartChoice());
        TrainSettings edited = doc.trainingSettings();
        edited.epochs = 7;
        doc.setTrainingSettings(edited);  // another setting: still no choice of start
        QVERIFY(!doc.hasStartChoice());
        doc.undoStack()->undo();
        doc.setContinueFromWeights(false);
        QVERIFY(doc.hasStartChoice());
        QVERIFY(!doc.trainingSettings().continueFromWeights);
        doc.undoStack()->undo();
        QVERIFY(!doc.hasStartChoice());
    }

    void seedPresetHasReferenceParameterCount() {
        ModelDocument doc;
        doc.reset(loadPreset(kDefaultPreset));
        QVERIFY(doc.check().ok);
        QCOMPARE(doc.check().totalParams, int64_t(93322));
    }

    void buildReferenceFromEmpty() {
        // The reference CNN assembled edit by edit, as the designer's gestures do it.
        ModelDocument doc;
        doc.reset(ModelFile{});
        QVERIFY(!doc.check().ok);
        int last = doc.addLayer("Input", QPointF(0, 0));
        auto append = [&](const char* kind, nlohmann::json opts) {
            last = doc.appendLayer(kind, last);
            for (auto& [k, v] : opts.items()) doc.setOption(last, k, v);
        };
        append("Conv2D", {{"filters", 32}, {"activation", "relu"}});
        append("MaxPooling2D", {});
        append("Conv2D", {{"filters", 64}, {"activation", "relu"}});
        append("MaxPooling2D", {});
        append("Conv2D", {{"filters", 64}, {"activation", "relu"}});
        append("Flatten", {});
        append("Dense", {{"units", 64}, {"activation", "relu"}});
        append("Dense", {{"units", 10}, {"activation", "softmax"}});
        QVERIFY2(doc.check().ok, doc.check().problems.empty() ? "" : doc.check().problems.front().english().c_str());
        QCOMPARE(doc.check().totalParams, int64_t(93322));
    }

    void inputSizeIsThePreprocessingsSize() {
        // The Input layer's size and channels are what the data is prepared at: editing them in
        // the designer must change the preprocessing too (training would otherwise refuse to
        // start: "the preprocessing makes 1x28x28 inputs but the model's Input expects 3x32x32"),
        // undo included, while scaling and inversion stay the user's.
        ModelDocument doc;
        ModelFile preset = loadPreset(kDefaultPreset);
        preset.preprocessing.invert = true;
        doc.reset(preset);
        const int input = doc.graph().nodes().front().id;
        doc.setOption(input, "height", 32);
        doc.setOption(input, "width", 32);
        doc.setOption(input, "channels", 3);
        QCOMPARE(doc.file().preprocessing.inputShape(), Shape::image(3, 32, 32));
        QVERIFY(doc.file().preprocessing.invert);
        doc.undoStack()->undo();
        QCOMPARE(doc.file().preprocessing.inputShape(), Shape::image(1, 32, 32));
        while (doc.undoStack()->canUndo()) doc.undoStack()->undo();
        QCOMPARE(doc.file().preprocessing.inputShape(), Shape::image(1, 28, 28));
        // A file whose preprocessing disagrees with its Input layer is brought in line on load.
        preset.preprocessing.height = preset.preprocessing.width = 20;
        doc.reset(preset);
        QCOMPARE(doc.file().preprocessing.inputShape(), Shape::image(1, 28, 28));
    }
};

QTEST_MAIN(TestModelDocument)
#include "test_model_document.moc"
