// ONNX export: every layer kind and every preset passes the ONNX checker, loads in OpenCV's DNN
// and gives the engine's outputs within 1e-4 on random inputs (batches of one and more); the
// metadata, dynamic batch, opsets and baked preprocessing are checked too.
#include <QtTest>

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>

#include "core/errors.h"
#include "graph/model.h"
#include "io/onnx_export.h"
#include "io/parity.h"
#include "io/presets.h"
#include "layers/layer_registry.h"
#include "onnx_test_helpers.h"

using namespace cs;
using namespace cs::testing;

namespace {

onnx::ModelProto parse(const std::string& bytes) {
    onnx::ModelProto p;
    if (!p.ParseFromString(bytes)) throw Error("not a ModelProto");
    return p;
}

std::string meta(const onnx::ModelProto& p, const std::string& key) {
    for (const auto& m : p.metadata_props())
        if (m.key() == key) return m.value();
    return "<absent>";
}

}  // namespace

class TestOnnxExport : public QObject {
    Q_OBJECT

    // Exports `file`, reloads it in OpenCV and compares with the engine for several batch sizes.
    static void checkAgainstOpenCv(const std::string& what, const ModelFile& file, const OnnxExportOptions& opt = {}) {
        const std::string bytes = exportOnnx(file, opt);
        onnx::checker::check_model(parse(bytes));  // throws on failure
        const Model model(file.graph, file.seed);
        const Shape in = model.inputShape();
        // OpenCV 4.6 broadcasts a Mul by (N, C, 1, 1) over (N, C, H, W) for N = 1 only.
        bool channelGate = false;
        for (const auto& node : model.nodes())
            channelGate |= node.layer->kind() == "Multiply" && node.inputShapes[0] != node.inputShapes[1];
        for (int batch : {1, 3}) {
            if (batch > 1 && channelGate) continue;
            const Tensor x = randomTensor(batch, in, 100 + batch);
            const Tensor ours = engineForward(file, x);
            Tensor theirs;
            try {
                theirs = runOpenCvDnn(bytes, x);
            } catch (const Error& e) {
                QFAIL(qPrintable(QString::fromStdString(what + ": " + e.what())));
            }
            const double d = maxAbsDiff(ours, theirs);
            const float lo = ours.array().minCoeff(), hi = ours.array().maxCoeff();
            qInfo("%s, batch %d: max |engine - OpenCV| = %.3g (outputs in [%.3g, %.3g])", what.c_str(), batch, d, lo,
                  hi);
            QVERIFY2(d < 1e-4, qPrintable(QString::fromStdString(what) + " differs by " + QString::number(d)));
        }
    }

private slots:
    void everyLayerCaseMatchesOpenCv_data() {
        QTest::addColumn<int>("index");
        const auto cases = layerCases();
        for (size_t i = 0; i < cases.size(); ++i) QTest::newRow(cases[i].first.c_str()) << int(i);
    }

    void everyLayerCaseMatchesOpenCv() {
        QFETCH(int, index);
        const auto c = layerCases()[index];
        checkAgainstOpenCv(c.first, randomModelFile(c.second, 7 + index));
    }

    // The 'same' cases really exercise TensorFlow's asymmetric padding (one more after).
    void asymmetricPadsAreWritten() {
        std::set<std::string> asymmetric;
        for (const auto& [name, g] : layerCases()) {
            const onnx::ModelProto p = parse(exportOnnx(randomModelFile(g, 1)));
            for (const auto& n : p.graph().node())
                for (const auto& a : n.attribute())
                    if (a.name() == "pads" && a.ints_size() == 4 && (a.ints(0) != a.ints(2) || a.ints(1) != a.ints(3)))
                        asymmetric.insert(n.op_type());
        }
        QCOMPARE(asymmetric, (std::set<std::string>{"Conv", "MaxPool", "AveragePool"}));
    }

    void casesCoverEveryRegisteredKind() {
        std::set<std::string> used;
        for (const auto& [name, g] : layerCases())
            for (const auto& n : g.nodes()) used.insert(n.kind);
        for (const auto& kind : LayerRegistry::builtin().kinds())
            QVERIFY2(used.count(kind), qPrintable(QString::fromStdString("no ONNX test case uses " + kind)));
    }

    void everyRegisteredKindHasAnEmitter() {
        for (const auto& kind : LayerRegistry::builtin().kinds())
            QVERIFY2(isOnnxExportable(kind), ("no ONNX emitter for " + kind).c_str());
        QVERIFY(!isOnnxExportable("Mystery"));
    }

    void kindWithoutEmitterNamesNodeAndKind() {
        const Model model(mysteryGraph(), 1, registryWithMysteryKind());
        ModelFile file;
        file.graph = model.spec();
        try {
            exportOnnx(model, file);
            QFAIL("exported a kind without an ONNX form");
        } catch (const Error& e) {
            const std::string m = e.what();
            QVERIFY2(m.find("'mystery'") != std::string::npos && m.find("kind 'Mystery'") != std::string::npos,
                     m.c_str());
        }
    }

    void everyPresetMatchesOpenCv() {
        for (const auto& name : presetNames()) {
            const ModelFile preset = loadPreset(name);
            ModelFile f = randomModelFile(preset.graph, 3);
            f.classNames = preset.classNames;
            f.preprocessing = preset.preprocessing;
            checkAgainstOpenCv("preset " + name, f);
        }
    }

    void opsets13To17Load() {
        const ModelFile f = randomModelFile(loadPreset("fashion-strong").graph, 5);
        for (int opset = kOnnxMinOpset; opset <= kOnnxMaxOpset; ++opset) {
            OnnxExportOptions o;
            o.opset = opset;
            const onnx::ModelProto p = parse(exportOnnx(f, o));
            QCOMPARE(p.opset_import(0).version(), int64_t(opset));
            checkAgainstOpenCv("opset " + std::to_string(opset), f, o);
        }
        OnnxExportOptions bad;
        bad.opset = 12;
        QVERIFY_THROWS_EXCEPTION(OptionError, exportOnnx(f, bad));
        bad.opset = 18;
        QVERIFY_THROWS_EXCEPTION(OptionError, exportOnnx(f, bad));
    }

    void metadataAndDynamicBatch() {
        ModelFile f = loadPreset("seed-cnn");
        f.training["epochs"] = 3;
        const onnx::ModelProto p = parse(exportOnnx(f));
        QCOMPARE(p.graph().input_size(), 1);
        QCOMPARE(p.graph().input(0).name(), std::string("input"));
        const auto& in = p.graph().input(0).type().tensor_type().shape();
        QCOMPARE(in.dim_size(), 4);
        QVERIFY(in.dim(0).has_dim_param());
        QCOMPARE(in.dim(1).dim_value(), int64_t(1));
        QCOMPARE(in.dim(2).dim_value(), int64_t(28));
        const auto& out = p.graph().output(0).type().tensor_type().shape();
        QVERIFY(out.dim(0).has_dim_param());
        QCOMPARE(out.dim(1).dim_value(), int64_t(10));
        QCOMPARE(nlohmann::json::parse(meta(p, "convstudio.class_names")), nlohmann::json(f.classNames));
        QCOMPARE(Preprocessing::fromJson(nlohmann::json::parse(meta(p, "convstudio.preprocessing"))), f.preprocessing);
        QCOMPARE(meta(p, "convstudio.preprocessing_baked"), std::string("false"));
        QCOMPARE(GraphSpec::fromJson(nlohmann::json::parse(meta(p, "convstudio.graph"))), f.graph);
        QCOMPARE(nlohmann::json::parse(meta(p, "convstudio.training"))["epochs"].get<int>(), 3);
        QVERIFY(meta(p, "convstudio.version") != "<absent>");
        QCOMPARE(p.producer_name(), std::string("ConvStudio"));
        for (const auto& init : p.graph().initializer())  // weights are named like the model file's
            if (init.name() == "conv2d/kernel") return;
        QFAIL("no initializer named conv2d/kernel");
    }

    void bakedPreprocessingTakesRawPixels() {
        ModelFile f = randomModelFile(loadPreset("seed-cnn").graph, 9);
        f.preprocessing.scaling = Scaling::Standardize;
        f.preprocessing.mean = {0.3f, 0.f, 0.f};
        f.preprocessing.stdev = {0.25f, 1.f, 1.f};
        f.preprocessing.invert = true;
        // Random uint8 images: the engine gets toFloat(), OpenCV the raw values.
        Dataset d;
        d.height = d.width = 28;
        d.channels = 1;
        const Tensor raw = randomTensor(20, Shape::image(1, 28, 28), 4, 0.f, 255.99f);
        for (int64_t i = 0; i < raw.size(); ++i) d.pixels.push_back(static_cast<uint8_t>(raw[i]));
        d.labels.assign(20, 0);
        d.classNames = f.classNames;
        ParityOptions o;
        o.count = 20;
        o.exportOptions.bakePreprocessing = true;
        const ParityReport r = checkParity(f, d, o);
        qInfo("baked preprocessing: max |dp| = %.3g over %d images", r.maxAbsDiff, r.samples);
        QCOMPARE(r.samples, 20);
        QVERIFY(r.maxAbsDiff < 1e-4);
        QVERIFY(r.allTop1Agree());
        QCOMPARE(meta(parse(exportOnnx(f, o.exportOptions)), "convstudio.preprocessing_baked"), std::string("true"));
    }

    void colourPreprocessingBakedPerChannel() {
        GraphSpec g;
        int x = g.add("Input", {{"height", 8}, {"width", 8}, {"channels", 3}}, {}, "input");
        x = g.add("Conv2D", {{"filters", 4}, {"kernel_size", 3}, {"activation", "relu"}}, {x});
        x = g.add("Flatten", {}, {x});
        g.add("Dense", {{"units", 3}, {"activation", "softmax"}}, {x});
        ModelFile f = randomModelFile(g, 2);
        f.preprocessing.scaling = Scaling::Standardize;
        f.preprocessing.mean = {0.4f, 0.5f, 0.6f};
        f.preprocessing.stdev = {0.2f, 0.3f, 0.4f};
        Dataset d;
        d.height = d.width = 8;
        d.channels = 3;
        const Tensor raw = randomTensor(5, Shape::image(3, 8, 8), 8, 0.f, 255.99f);
        for (int64_t i = 0; i < raw.size(); ++i) d.pixels.push_back(static_cast<uint8_t>(raw[i]));
        d.labels.assign(5, 0);
        ParityOptions o;
        o.count = 5;
        o.exportOptions.bakePreprocessing = true;
        const ParityReport r = checkParity(f, d, o);
        QVERIFY2(r.maxAbsDiff < 1e-4, qPrintable(QString::number(r.maxAbsDiff)));
        o.exportOptions.bakePreprocessing = false;
        QVERIFY(checkParity(f, d, o).maxAbsDiff < 1e-4);
    }

    void untrainedModelExportsSeedWeights() {
        const ModelFile f = loadPreset("lenet5");
        QVERIFY(!f.hasWeights());
        const std::string bytes = exportOnnx(f);
        Model m(f.graph, f.seed);
        ModelFile withWeights = f;
        storeWeights(m, withWeights);
        const Tensor x = randomTensor(2, m.inputShape(), 1);
        QVERIFY(maxAbsDiff(engineForward(withWeights, x), runOpenCvDnn(bytes, x)) < 1e-4);
    }

    void saveWritesTheFile() {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/model.onnx").toStdString();
        saveOnnxFile(path, loadPreset("mlp"));
        QVERIFY(QFileInfo(QString::fromStdString(path)).size() > 100000);
        onnx::checker::check_model(path);
        QVERIFY_THROWS_EXCEPTION(FileError, saveOnnxFile("/nonexistent-dir/x.onnx", loadPreset("mlp")));
    }
};

QTEST_APPLESS_MAIN(TestOnnxExport)
#include "test_onnx_export.moc"
