// Code export: the templates in resources/codegen and the generated Keras and PyTorch code parse
// (py_compile), and placeholders fill names and whole lines; the Keras code reads like the
// classic listing; with Debian's python3-torch (which the tests require), the generated nn.Module
// has the engine's parameter count and, with the exported weights, the engine's outputs, and
// PyTorch's own ONNX export of it imports back with the same outputs; and a short torchrun run
// (2 processes, gloo) of train.py on a generated IDX dataset writes ONNX the importer loads and
// which classifies the data. The class balance (none / weights / oversample, explicit weights)
// is reproduced: the Keras helpers (run with numpy) and train.py's (run with PyTorch, one epoch
// on an unbalanced dataset) give the engine's weights and epoch lengths. Torch tests fail, naming
// the package, when PyTorch is absent: a skipped test proves nothing on a new machine.
#include <QtTest>

#include <cstdio>
#include <fstream>

#include "core/errors.h"
#include "data/split.h"
#include "graph/model.h"
#include "inference/classifier.h"
#include "io/code_export.h"
#include "io/code_template.h"
#include "io/onnx_import.h"
#include "io/presets.h"
#include "layers/layer_registry.h"
#include "onnx_test_helpers.h"
#include "test_data.h"
#include "train/train_settings.h"

using namespace cs;
using namespace cs::testing;

namespace {

const char* kPython = "/usr/bin/python3";

struct Run {
    int code = -1;
    QString output;
};

Run run(const QString& program, const QStringList& args, int timeoutMs, const QString& dir = {},
        const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setProcessEnvironment(env);
    if (!dir.isEmpty()) p.setWorkingDirectory(dir);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000)) return r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.output = "timed out\n" + QString::fromUtf8(p.readAll());
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = QString::fromUtf8(p.readAll());
    return r;
}

bool torchAvailable() {
    static const bool ok = run(kPython, {"-c", "import torch"}, 120000).code == 0;
    return ok;
}

void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream f(path, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

void writeIdx(const std::string& path, const std::vector<uint8_t>& data, std::vector<uint32_t> dims) {
    std::string bytes{0, 0, 8, static_cast<char>(dims.size())};
    for (uint32_t d : dims)
        for (int shift = 24; shift >= 0; shift -= 8) bytes += static_cast<char>((d >> shift) & 0xFF);
    bytes.append(reinterpret_cast<const char*>(data.data()), data.size());
    writeFile(path, bytes);
}

// Every layer case and every preset, with random weights.
std::vector<std::pair<std::string, ModelFile>> allModels() {
    std::vector<std::pair<std::string, ModelFile>> models;
    int seed = 1;
    for (const auto& [name, g] : layerCases()) models.emplace_back(name, randomModelFile(g, seed++));
    for (const auto& name : presetNames()) {
        ModelFile f = loadPreset(name);
        f.weights = randomModelFile(f.graph, seed++).weights;
        models.emplace_back("preset_" + name, f);
    }
    return models;
}

// A dataset as IDX files (train-* and, when not empty, t10k-*) in `folder`.
void writeIdxDataset(const QString& folder, const Dataset& train, const Dataset& test) {
    QDir().mkpath(folder);
    auto write = [&](const Dataset& d, const char* prefix) {
        const uint32_t n = static_cast<uint32_t>(d.size());
        const auto h = static_cast<uint32_t>(d.height), w = static_cast<uint32_t>(d.width);
        writeIdx((folder + "/" + prefix + "-images-idx3-ubyte").toStdString(), d.pixels, {n, h, w});
        std::vector<uint8_t> labels(d.labels.begin(), d.labels.end());
        writeIdx((folder + "/" + prefix + "-labels-idx1-ubyte").toStdString(), labels, {n});
    };
    write(train, "train");
    if (test.size()) write(test, "t10k");
}

// A small CNN for quadrantDataset(.., 16, ..): 16x16x1 in, 4 classes out.
ModelFile quadrantModelFile() {
    GraphSpec g;
    int x = g.add("Input", {{"height", 16}, {"width", 16}, {"channels", 1}}, {}, "input");
    x = g.add("Conv2D", {{"filters", 8}, {"kernel_size", 3}, {"padding", "same"}, {"activation", "relu"}}, {x});
    x = g.add("MaxPooling2D", {{"pool_size", 2}}, {x});
    x = g.add("Conv2D", {{"filters", 8}, {"kernel_size", 3}, {"activation", "relu"}}, {x});
    x = g.add("Flatten", {}, {x});
    g.add("Dense", {{"units", 4}, {"activation", "softmax"}}, {x});
    ModelFile f;
    f.graph = g;
    f.preprocessing.height = f.preprocessing.width = 16;
    f.classNames = {"top-left", "top-right", "bottom-left", "bottom-right"};
    return f;
}

// `f` with its training settings' class balance, explicit class weights and label smoothing set.
ModelFile withBalance(ModelFile f, const std::string& balance, const std::vector<float>& weights = {},
                      float smoothing = 0.f) {
    TrainSettings t = TrainSettings::fromJson(f.training);
    t.balance = classBalanceFromName(balance);
    t.loss.classWeights = weights;
    if (smoothing > 0.f) {
        t.loss.kind = "categorical_crossentropy";
        t.loss.labelSmoothing = smoothing;
    }
    t.validate();
    f.training = t.toJson();
    return f;
}

// "0.417, 5.56, 0" as the trainer and the generated code print balanced weights.
std::string weightList(const std::vector<float>& weights) {
    std::string list;
    for (float w : weights) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s%.3g", list.empty() ? "" : ", ", static_cast<double>(w));
        list += buf;
    }
    return list;
}

// Runs the class-balance helpers of a generated Keras script with numpy only (TensorFlow need
// not be installed): takes them out of the file with ast and prints, as JSON, the weights for
// the labels and, for two oversampled epochs, the class counts and whether each epoch holds
// every sample and whether the two orders differ.
const char* kKerasBalanceDriver = R"PY(
import ast, json, sys
import numpy as np
path, labels, classes = sys.argv[1], np.array(json.loads(sys.argv[2]), dtype=np.int64), int(sys.argv[3])
tree = ast.parse(open(path).read())
helpers = [n for n in tree.body if isinstance(n, ast.FunctionDef)
           and n.name in ("balanced_class_weights", "oversampled_indices")]
scope = {"np": np}
exec(compile(ast.Module(body=helpers, type_ignores=[]), path, "exec"), scope)
out = {}
if "balanced_class_weights" in scope:
    w = scope["balanced_class_weights"](labels, classes)
    out["keys"] = sorted(w)
    out["weights"] = [w[c] for c in sorted(w)]
if "oversampled_indices" in scope:
    rng = np.random.default_rng(1)
    orders = [scope["oversampled_indices"](labels, classes, rng) for _ in range(2)]
    out["counts"] = np.bincount(labels[orders[0]], minlength=classes).tolist()
    out["covers"] = all(len(set(o.tolist())) == len(labels) for o in orders)
    out["differ"] = orders[0].tolist() != orders[1].tolist()
print(json.dumps(out))
)PY";

// train.py's class-balance helpers on labels (argv[2], JSON) with argv[3] classes, as JSON.
const char* kTorchBalanceDriver = R"PY(
import importlib.util, json, sys, torch
folder, labels, classes = sys.argv[1], torch.tensor(json.loads(sys.argv[2])), int(sys.argv[3])
spec = importlib.util.spec_from_file_location("train", folder + "/train.py")
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
orders = [m.oversampled_order(labels, classes, torch.Generator().manual_seed(s)) for s in (1, 2)]
print(json.dumps({"weights": m.balanced_class_weights(labels, classes),
                  "counts": torch.bincount(labels[orders[0]], minlength=classes).tolist(),
                  "covers": all(len(set(o.tolist())) == len(labels) for o in orders),
                  "differ": orders[0].tolist() != orders[1].tolist()}))
)PY";

// 10 classes, three of them present (40, 3 and 7 samples): the unbalanced case the trainer
// tests use, with classes the model has but the data lacks.
std::vector<int32_t> unbalancedLabels() {
    std::vector<int32_t> labels;
    for (int i = 0; i < 50; ++i) labels.push_back(i < 40 ? 0 : i < 43 ? 2 : 5);
    std::swap(labels[3], labels[41]);  // not sorted by class
    return labels;
}

QStringList labelArgs(const std::vector<int32_t>& labels, int classes) {
    return {QString::fromStdString(nlohmann::json(labels).dump()), QString::number(classes)};
}

// The Python driver for pytorchMatchesEngine: for each project folder, builds the module, loads
// the weights, counts parameters, runs input.bin and exports PyTorch's own ONNX.
const char* kDriver = R"PY(
import importlib.util, json, sys, torch
for folder in sys.argv[1:]:
    spec = importlib.util.spec_from_file_location("m_" + folder.replace("/", "_"), folder + "/model.py")
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    net = m.ConvStudioNet()
    m.load_convstudio_weights(net, folder)
    net.eval()
    c, h, w = m.INPUT_SHAPE
    x = torch.frombuffer(bytearray(open(folder + "/input.bin", "rb").read()), dtype=torch.float32).reshape(-1, c, h, w)
    with torch.no_grad():
        y = net(x)
    open(folder + "/output.bin", "wb").write(y.numpy().astype("<f4").tobytes())
    torch.onnx.export(net, x[:1], folder + "/torch.onnx", opset_version=13, input_names=["input"],
                      output_names=["output"], dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    print(json.dumps({"folder": folder, "params": sum(p.numel() for p in net.parameters())}))
)PY";

}  // namespace

class TestCodeExport : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void generatedPythonCompiles() {
        QStringList files;
        for (const auto& [name, f] : allModels()) {
            const std::string base = (dir_.path() + "/compile_" + QString::fromStdString(name)).toStdString();
            saveKerasCode(base + "_keras.py", f);
            writePyTorchProject(base + "_torch", f);
            files << QString::fromStdString(base + "_keras.py") << QString::fromStdString(base + "_torch/model.py")
                  << QString::fromStdString(base + "_torch/train.py");
        }
        const Run r = run(kPython, QStringList{"-m", "py_compile"} + files, 120000);
        QVERIFY2(r.code == 0, qPrintable(r.output));
        qInfo("py_compile: %lld generated files parse", static_cast<long long>(files.size()));
    }

    void everyRegisteredKindHasAnEmitter() {
        for (const auto& kind : LayerRegistry::builtin().kinds()) {
            QVERIFY2(isKerasExportable(kind), ("no Keras form for " + kind).c_str());
            QVERIFY2(isPyTorchExportable(kind), ("no PyTorch form for " + kind).c_str());
        }
        QVERIFY(!isKerasExportable("Mystery") && !isPyTorchExportable("Mystery"));
    }

    void kindWithoutEmitterNamesNodeAndKind() {
        const Model model(mysteryGraph(), 1, registryWithMysteryKind());
        ModelFile file;
        file.graph = model.spec();
        const auto expectError = [](const char* target, const std::function<void()>& exportIt) {
            try {
                exportIt();
                QFAIL(qPrintable(QString(target) + " exported a kind it has no form for"));
            } catch (const Error& e) {
                const std::string m = e.what();
                QVERIFY2(m.find(target) != std::string::npos && m.find("'mystery'") != std::string::npos &&
                             m.find("kind 'Mystery'") != std::string::npos,
                         m.c_str());
            }
        };
        expectError("Keras", [&] { exportKerasCode(model, file); });
        expectError("PyTorch", [&] { exportPyTorchProject(model, file); });
    }

    void templatesAreValidPython() {
        const QDir templates(QStringLiteral(CONVSTUDIO_SOURCE_DIR "/resources/codegen"));
        QStringList files;
        for (const QString& name : templates.entryList({"*.py"}, QDir::Files)) files << templates.filePath(name);
        QVERIFY2(files.size() >= 6, qPrintable(templates.path() + ": " + files.join(", ")));
        // Compiled files go to the temporary folder, not next to the sources.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PYTHONPYCACHEPREFIX", dir_.path() + "/pycache");
        const Run r = run(kPython, QStringList{"-m", "py_compile"} + files, 60000, {}, env);
        QVERIFY2(r.code == 0, qPrintable(r.output));
        qInfo("py_compile: %lld templates parse", static_cast<long long>(files.size()));
    }

    void placeholdersFillNamesAndLines() {
        using codegen::fillPlaceholders;
        const std::string text = "X = __VALUE__  # __VALUE__\ndef f():\n    __BODY__\n    __EMPTY__\n    return x\n";
        QCOMPARE(fillPlaceholders(text, {{"VALUE", "[1, 2]"}, {"BODY", "    x = 1\n    x += 1\n"}, {"EMPTY", ""}}),
                 std::string("X = [1, 2]  # [1, 2]\ndef f():\n    x = 1\n    x += 1\n    return x\n"));
        // A value is inserted as it is, even when it looks like a placeholder.
        QCOMPARE(fillPlaceholders("a = __A__\nb = __B__\n", {{"A", "'__B__'"}, {"B", "2"}}),
                 std::string("a = '__B__'\nb = 2\n"));
        // Python's own dunder names and an identifier ending in a placeholder.
        QCOMPARE(fillPlaceholders("if __name__ == '__main__':\n    f(x__ARGS__)\n", {{"ARGS", ", y"}}),
                 std::string("if __name__ == '__main__':\n    f(x, y)\n"));
        QVERIFY_THROWS_EXCEPTION(Error, fillPlaceholders("x = __MISSING__\n", {}));
        QVERIFY_THROWS_EXCEPTION(Error, fillPlaceholders("x = 1\n", {{"UNUSED", "2"}}));
    }

    void kerasReadsLikeTheClassicListing() {
        const std::string seq = exportKerasCode(loadPreset("seed-cnn"));
        QVERIFY(seq.find("model = models.Sequential(") != std::string::npos);
        QVERIFY(
            seq.find(
                "model.add(layers.Conv2D(32, (3, 3), activation='relu', name='conv2d', input_shape=(28, 28, 1)))") !=
            std::string::npos);
        QVERIFY(seq.find("model.add(layers.MaxPooling2D((2, 2), name='max_pooling2d'))") != std::string::npos);
        QVERIFY(seq.find("model.add(layers.Dense(10, activation='softmax', name='dense_1'))") != std::string::npos);
        QVERIFY(seq.find("layers.Flatten(name='flatten'))  # channels-last") != std::string::npos);
        QVERIFY(seq.find("keras.optimizers.Adam(learning_rate=0.001") != std::string::npos);
        QVERIFY(seq.find("EPOCHS = 5") != std::string::npos);
        for (const auto& [name, g] : layerCases()) {
            if (name != "residual_add" && name != "concatenate") continue;
            const std::string fn = exportKerasCode(randomModelFile(g, 1));
            QVERIFY2(fn.find("keras.Model(") != std::string::npos && fn.find("keras.Input(shape=") != std::string::npos,
                     name.c_str());
            QVERIFY(fn.find(name == "residual_add" ? "layers.Add(name=" : "layers.Concatenate(name=") !=
                    std::string::npos);
        }
    }

    void kerasReproducesTheClassBalance() {
        const ModelFile base = loadPreset("seed-cnn");  // 10 outputs
        const std::vector<float> explicitWeights{1, 2, 1, 1, 1, 0.5f, 1, 1, 1, 1};
        struct Case {
            const char* name;
            ModelFile file;
        };
        const Case cases[] = {
            {"none", withBalance(base, "none")},
            {"weights", withBalance(base, "weights")},
            {"weights_smoothing", withBalance(base, "weights", {}, 0.1f)},
            {"oversample", withBalance(base, "oversample")},
            {"oversample_smoothing", withBalance(base, "oversample", {}, 0.1f)},
            {"weights_explicit", withBalance(base, "weights", explicitWeights)},
            {"none_explicit", withBalance(base, "none", explicitWeights)},
            {"oversample_explicit", withBalance(base, "oversample", explicitWeights)},
        };
        const auto has = [](const std::string& code, const char* text) { return code.find(text) != std::string::npos; };
        QStringList files;
        for (const Case& c : cases) {
            const std::string code = exportKerasCode(c.file);
            const std::string mode = c.name;
            const bool balanced = mode.starts_with("weights") && !mode.ends_with("explicit");
            const bool oversample = mode.starts_with("oversample");
            const bool weighted = balanced || mode.ends_with("explicit");
            QVERIFY2(has(code, "class_weight = balanced_class_weights(labels, classes)") == balanced, c.name);
            QVERIFY2(has(code, "def balanced_class_weights(labels, classes):") == balanced, c.name);
            QVERIFY2(has(code, "# ConvStudio's class balance 'weights'") == balanced, c.name);
            QVERIFY2(has(code, "class_weight = dict(enumerate([1.0, 2.0, 1.0") == mode.ends_with("explicit"), c.name);
            QVERIFY2(has(code, ", class_weight=class_weight)") == weighted, c.name);
            QVERIFY2(has(code, "def oversampled_indices(labels, classes, rng):") == oversample, c.name);
            QVERIFY2(has(code, "tf.data.Dataset.from_generator(lambda: oversampled_indices(labels, classes, rng)") ==
                         oversample,
                     c.name);
            QVERIFY2(has(code, "# ConvStudio's class balance 'oversample'") == oversample, c.name);
            QVERIFY2(has(code, ".shuffle(len(x), seed=42)") == !oversample, c.name);
            QVERIFY2(has(code, "    labels = y  # integer class labels") == (balanced || oversample), c.name);
            if (mode.ends_with("smoothing"))  // the balance needs the labels before they become one-hot
                QVERIFY2(code.find("labels = y") < code.find("y = keras.utils.to_categorical(y,"), c.name);
            const QString path = dir_.path() + "/balance_" + c.name + "_keras.py";
            writeFile(path.toStdString(), code);
            files << path;
        }
        const Run compiled = run(kPython, QStringList{"-m", "py_compile"} + files, 120000);
        QVERIFY2(compiled.code == 0, qPrintable(compiled.output));

        // The generated helpers compute what the engine does.
        writeFile((dir_.path() + "/keras_balance.py").toStdString(), kKerasBalanceDriver);
        const std::vector<int32_t> labels = unbalancedLabels();
        const int classes = 10;
        const Run w =
            run(kPython, QStringList{dir_.path() + "/keras_balance.py", files[1]} + labelArgs(labels, classes), 60000);
        QVERIFY2(w.code == 0, qPrintable(w.output));
        const auto weights = nlohmann::json::parse(w.output.toStdString());
        QCOMPARE(weights["keys"].size(), std::size_t(classes));  // Keras wants every class 0..n-1
        const std::vector<float> expected = balancedClassWeights(labels, classes);
        for (int c = 0; c < classes; ++c) QVERIFY(std::abs(weights["weights"][c].get<double>() - expected[c]) < 1e-6);
        qInfo("Keras balanced class weights: %s (engine: %s)", weights["weights"].dump().c_str(),
              weightList(expected).c_str());

        const Run o =
            run(kPython, QStringList{dir_.path() + "/keras_balance.py", files[3]} + labelArgs(labels, classes), 60000);
        QVERIFY2(o.code == 0, qPrintable(o.output));
        const auto over = nlohmann::json::parse(o.output.toStdString());
        QCOMPARE(over["counts"].get<std::vector<int>>(), (std::vector<int>{40, 0, 40, 0, 0, 40, 0, 0, 0, 0}));
        QVERIFY(over["covers"].get<bool>());
        QVERIFY(over["differ"].get<bool>());
        QCOMPARE(oversampledIndices(labels, classes, 1).size(), std::size_t(120));  // the engine's epoch: 40 x 3
    }

    void pytorchMatchesEngine() {
        if (!torchAvailable())
            QFAIL(
                "PyTorch is not installed for /usr/bin/python3: install Debian's python3-torch "
                "(scripts/install-deps.sh)");
        const auto models = allModels();
        QStringList folders;
        std::vector<Tensor> inputs;
        for (size_t i = 0; i < models.size(); ++i) {
            const std::string folder =
                (dir_.path() + "/torch_" + QString::fromStdString(models[i].first)).toStdString();
            writePyTorchProject(folder, models[i].second);
            const Tensor x = randomTensor(3, Model(models[i].second.graph, 1).inputShape(), 50 + i);
            writeFile(folder + "/input.bin",
                      std::string(reinterpret_cast<const char*>(x.data()), x.size() * sizeof(float)));
            inputs.push_back(x);
            folders << QString::fromStdString(folder);
        }
        writeFile((dir_.path() + "/driver.py").toStdString(), kDriver);
        const Run r = run(kPython, QStringList{dir_.path() + "/driver.py"} + folders, 300000);
        QVERIFY2(r.code == 0, qPrintable(r.output));
        const QStringList lines = r.output.split('\n', Qt::SkipEmptyParts);
        int parsed = 0;
        std::vector<std::string> importFailures;
        for (size_t i = 0; i < models.size(); ++i) {
            const auto& [name, file] = models[i];
            const std::string folder = folders[static_cast<int>(i)].toStdString();
            int64_t params = -1;
            for (const QString& l : lines)
                if (l.startsWith('{')) {
                    const auto j = nlohmann::json::parse(l.toStdString());
                    if (j["folder"] == folder) params = j["params"].get<int64_t>();
                }
            int64_t trainable = 0;  // PyTorch counts parameters, not buffers (BatchNorm statistics)
            const Model built(file.graph, 1);
            for (const auto& node : built.nodes()) trainable += node.layer->paramCount();
            QCOMPARE(params, trainable);
            const std::string out = readFile(folder + "/output.bin");
            const Tensor ours = engineForward(file, inputs[i]);
            QCOMPARE(out.size(), static_cast<size_t>(ours.size()) * sizeof(float));
            Tensor theirs(ours.batch(), ours.sampleShape());
            std::memcpy(theirs.data(), out.data(), out.size());
            const double d = maxAbsDiff(ours, theirs);
            qInfo("%-28s params %8lld, max |engine - PyTorch| = %.3g", name.c_str(), static_cast<long long>(params), d);
            QVERIFY2(d < 1e-4, name.c_str());
            ++parsed;
            // PyTorch's own ONNX export of the generated module imports back (or fails cleanly).
            try {
                const ModelFile g = loadOnnxFile(folder + "/torch.onnx");
                const double di = maxAbsDiff(ours, engineForward(g, inputs[i]));
                qInfo("%-28s PyTorch ONNX -> import: max |diff| = %.3g", name.c_str(), di);
                QVERIFY2(di < 1e-4, name.c_str());
            } catch (const FileError& e) {
                qInfo("%-28s PyTorch ONNX -> import: FileError: %s", name.c_str(), e.what());
                importFailures.push_back(name);
            }
        }
        QCOMPARE(parsed, static_cast<int>(models.size()));
        // Only the forms PyTorch writes with ops outside the supported set may fail: the
        // non-counting asymmetric 'same' average pool (a Slice and a Div of two pools) and
        // BatchNorm with only one of center/scale (a Mul/Add by a parameter).
        for (const auto& n : importFailures) QVERIFY2(n == "avgpool" || n == "batchnorm_options", n.c_str());
    }

    void pytorchReproducesTheClassBalance() {
        // The balance is read from model.py's TRAINING by the same train.py for every mode.
        for (const char* mode : {"none", "weights", "oversample"}) {
            const PyTorchProject p = exportPyTorchProject(withBalance(quadrantModelFile(), mode));
            QVERIFY2(p.modelPy.find(std::string("'balance': '") + mode + "'") != std::string::npos, p.modelPy.c_str());
            for (const char* text :
                 {"def balanced_class_weights(labels, classes):", "def oversampled_order(labels, classes, gen):",
                  "balance = TRAINING.get(\"balance\", \"none\")",
                  "order = oversampled_order(labels, outputs, epoch_gen)", "loss = loss_fn(logits, yb, class_weights)"})
                QVERIFY2(p.trainPy.find(text) != std::string::npos, text);
        }
        if (!torchAvailable())
            QFAIL(
                "PyTorch is not installed for /usr/bin/python3: install Debian's python3-torch "
                "(scripts/install-deps.sh)");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("OMP_NUM_THREADS", "1");

        // train.py's helpers compute what the engine does.
        const QString helperProject = dir_.path() + "/balance_helpers";
        writePyTorchProject(helperProject.toStdString(), withBalance(quadrantModelFile(), "oversample"));
        writeFile((dir_.path() + "/torch_balance.py").toStdString(), kTorchBalanceDriver);
        const std::vector<int32_t> labels = unbalancedLabels();
        const Run h =
            run(kPython, QStringList{dir_.path() + "/torch_balance.py", helperProject} + labelArgs(labels, 10), 120000,
                {}, env);
        QVERIFY2(h.code == 0, qPrintable(h.output));
        const auto j = nlohmann::json::parse(h.output.trimmed().split('\n').last().toStdString());
        const std::vector<float> expected = balancedClassWeights(labels, 10);
        for (int c = 0; c < 10; ++c) QVERIFY(std::abs(j["weights"][c].get<double>() - expected[c]) < 1e-6);
        QCOMPARE(j["counts"].get<std::vector<int>>(), (std::vector<int>{40, 0, 40, 0, 0, 40, 0, 0, 0, 0}));
        QVERIFY(j["covers"].get<bool>());
        QVERIFY(j["differ"].get<bool>());

        // One epoch of train.py on an unbalanced dataset (class 0: 40 images, class 1: 6, class
        // 2: 3, class 3: none) in each mode: the weights and the epoch length are the engine's.
        const Dataset all = quadrantDataset(40, 16, 3);
        std::vector<uint32_t> keep;
        int taken[4] = {};
        const int wanted[4] = {40, 6, 3, 0};
        for (uint32_t i = 0; i < all.size(); ++i) {
            const int c = all.labels[i];
            if (taken[c] < wanted[c]) {
                ++taken[c];
                keep.push_back(i);
            }
        }
        const Dataset train = all.subset(keep);
        const QString data = dir_.path() + "/unbalanced";
        writeIdxDataset(data, train, quadrantDataset(5, 16, 4));
        for (const char* mode : {"none", "weights", "oversample"}) {
            ModelFile f = quadrantModelFile();
            f.training = {{"epochs", 1},
                          {"batch_size", 16},
                          {"seed", 7},
                          {"optimizer", {{"optimizer", "adam"}, {"learning_rate", 0.01}}}};
            f = withBalance(f, mode);
            const QString project = dir_.path() + "/balance_" + mode;
            writePyTorchProject(project.toStdString(), f);
            const Run r = run(
                kPython, {project + "/train.py", "--data", data, "--device", "cpu", "--out", project + "/model.onnx"},
                180000, project, env);
            qInfo("train.py, balance %s:\n%s", mode, qPrintable(r.output.trimmed()));
            QVERIFY2(r.code == 0, qPrintable(r.output));
            const std::string weights =
                "class weights (balanced): " + weightList(balancedClassWeights(train.labels, 4));
            QCOMPARE(r.output.contains(QString::fromStdString(weights)), std::string(mode) == "weights");
            const bool over = std::string(mode) == "oversample";
            QCOMPARE(r.output.contains("oversampling: 120 samples per epoch from 49"), over);  // 40 x 3 classes
            QVERIFY(r.output.contains(over ? "8 steps per epoch" : "4 steps per epoch"));
            QVERIFY(r.output.contains("wrote"));
        }
    }

    void torchrunTrainsAndTheStudioImportsTheResult() {
        if (!torchAvailable())
            QFAIL(
                "PyTorch is not installed for /usr/bin/python3: install Debian's python3-torch "
                "(scripts/install-deps.sh)");
        if (!QFileInfo::exists("/usr/bin/torchrun"))
            QFAIL("/usr/bin/torchrun is missing: install Debian's python3-torch (scripts/install-deps.sh)");
        // A tiny IDX dataset: a bright square in one of four quadrants, 16x16.
        const Dataset train = quadrantDataset(80, 16, 1), test = quadrantDataset(25, 16, 2);
        const QString data = dir_.path() + "/quadrants";
        writeIdxDataset(data, train, test);

        ModelFile f = quadrantModelFile();
        f.training = {
            {"epochs", 1},
            {"batch_size", 16},
            {"seed", 7},
            {"optimizer", {{"optimizer", "adam"}, {"learning_rate", 0.01}}},
            {"augment", {{"noise", {{"p", 0.5}, {"amount", 0.02}}}, {"contrast", {{"p", 0.5}, {"amount", 0.1}}}}},
            // Balanced data, so this only runs the oversampled order through the ranks' shards.
            {"balance", "oversample"}};
        const QString project = dir_.path() + "/project";
        writePyTorchProject(project.toStdString(), f);

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("OMP_NUM_THREADS", "1");
        QElapsedTimer timer;
        timer.start();
        const QString onnx = dir_.path() + "/trained.onnx";
        const Run r = run("/usr/bin/torchrun",
                          // --redirects/--tee 1: torch 1.13's Std.from_str("0") returns None on Python 3.11.
                          {"--standalone", "--nproc_per_node=2", "--redirects", "1", "--tee", "1", "--log_dir",
                           dir_.path() + "/torchrun-logs", project + "/train.py", "--data", data, "--out", onnx},
                          180000, project, env);
        qInfo("torchrun (2 processes, gloo) took %.1f s:\n%s", timer.elapsed() / 1000.0,
              qPrintable(r.output.right(1500)));
        QVERIFY2(r.code == 0, qPrintable(r.output));
        QVERIFY(r.output.contains("2 process(es) on cpu"));
        QVERIFY(r.output.contains("oversampling: 320 samples per epoch from 320"));

        OnnxImportReport report;
        const ModelFile imported = loadOnnxFile(onnx.toStdString(), &report);
        QVERIFY(report.classNamesFromMetadata && report.preprocessingFromMetadata);
        QCOMPARE(imported.classNames, f.classNames);
        QCOMPARE(imported.preprocessing, f.preprocessing);
        QVERIFY2(report.graphFromMetadata, "PyTorch's ONNX should map back onto the ConvStudio graph");
        QCOMPARE(imported.graph, f.graph);
        QCOMPARE(imported.training["epochs"].get<int>(), 1);
        Classifier c(imported);
        int correct = 0;
        for (size_t i = 0; i < test.size(); ++i) {
            cv::Mat img(16, 16, CV_8UC1, const_cast<uint8_t*>(test.image(i)));
            correct += c.topK(img, 1).front().index == test.labels[i];
        }
        const double accuracy = double(correct) / test.size();
        qInfo("imported torchrun model: test accuracy %.3f on %zu images (chance 0.25)", accuracy, test.size());
        QVERIFY(accuracy > 0.8);
    }
};

QTEST_APPLESS_MAIN(TestCodeExport)
#include "test_code_export.moc"
