// Model files: bit-exact round trip, atomic writes, and clear errors for truncated, corrupted,
// hostile and newer files.
#include <QtTest>

#include <sys/stat.h>
#include <zlib.h>
#include <cstring>
#include <fstream>
#include <functional>

#include "core/errors.h"
#include "graph/model.h"
#include "io/atomic_file.h"
#include "io/model_file.h"
#include "io/presets.h"
#include "train/saved_evaluation.h"

using namespace cs;

class TestModelFile : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    std::string path(const char* name) { return (dir_.path() + "/" + name).toStdString(); }

    static ModelFile trainedLike() {
        ModelFile f = loadPreset("seed-cnn");
        Model m(f.graph, 7);
        storeWeights(m, f);
        f.history = nlohmann::json::array({{{"epochs", 1}}});
        f.project = {{"dataset", "/data/中文/fashion"}};
        return f;
    }

    static std::string expectError(const std::string& bytes) {
        try {
            parseModelFile(bytes, "test file");
        } catch (const FileError& e) {
            return e.what();
        }
        return "";
    }

    // Rewrites the JSON text of a serialized file (fixing lengths and checksum).
    static std::string withText(const std::string& bytes, const std::function<void(std::string&)>& edit) {
        uint64_t len;
        std::memcpy(&len, bytes.data() + 12, 8);
        std::string text = bytes.substr(20, len);
        edit(text);
        std::string out = bytes.substr(0, 12);
        const uint64_t n = text.size();
        out.append(reinterpret_cast<const char*>(&n), 8);
        out += text;
        out += bytes.substr(20 + len, bytes.size() - 20 - len - 4);
        uLong c = crc32(0L, Z_NULL, 0);
        c = crc32(c, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size()));
        const uint32_t c32 = static_cast<uint32_t>(c);
        out.append(reinterpret_cast<const char*>(&c32), 4);
        return out;
    }

    // Rewrites the JSON part of a serialized file (fixing lengths and checksum) to forge files.
    static std::string withJson(const std::string& bytes, const std::function<void(nlohmann::json&)>& edit) {
        uint64_t len;
        std::memcpy(&len, bytes.data() + 12, 8);
        nlohmann::json doc = nlohmann::json::parse(bytes.substr(20, len));
        edit(doc);
        const std::string text = doc.dump();
        std::string out = bytes.substr(0, 12);
        const uint64_t n = text.size();
        out.append(reinterpret_cast<const char*>(&n), 8);
        out += text;
        out += bytes.substr(20 + len, bytes.size() - 20 - len - 4);
        uLong c = crc32(0L, Z_NULL, 0);
        c = crc32(c, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size()));
        const uint32_t c32 = static_cast<uint32_t>(c);
        out.append(reinterpret_cast<const char*>(&c32), 4);
        return out;
    }

    // Four runs, each with its own weights (run 4 also its last): the latest three keep theirs,
    // bit for bit; the oldest keeps only its record.
    static ModelFile withRuns() {
        ModelFile f = trainedLike();
        f.history = nlohmann::json::array();
        for (int run = 0; run < 4; ++run) {
            f.history.push_back({{"epochs", nlohmann::json::array()}});
            ModelFile w = f;
            storeWeights(Model(f.graph, 100 + run), w);
            f.runWeights[run].best = w.weights;
        }
        ModelFile last = f;
        storeWeights(Model(f.graph, 999), last);
        f.runWeights[3].last = last.weights;
        return f;
    }

    static bool sameTensors(const std::map<std::string, Tensor>& a, const std::map<std::string, Tensor>& b) {
        if (a.size() != b.size()) return false;
        for (const auto& [name, t] : a) {
            const auto it = b.find(name);
            if (it == b.end() || it->second.size() != t.size() ||
                std::memcmp(it->second.data(), t.data(), sizeof(float) * std::size_t(t.size())) != 0)
                return false;
        }
        return true;
    }

private slots:
    void runWeightsRoundTrip() {
        const ModelFile f = withRuns();
        saveModelFile(path("runs.csmodel"), f);
        const ModelFile g = loadModelFile(path("runs.csmodel"));
        QCOMPARE(int(g.runWeights.size()), kRunsWithWeights);
        QVERIFY(!g.runWeights.count(0));
        for (int run = 1; run < 4; ++run) QVERIFY(sameTensors(g.runWeights.at(run).best, f.runWeights.at(run).best));
        QVERIFY(g.runWeights.at(2).last.empty());
        QVERIFY(sameTensors(g.runWeights.at(3).last, f.runWeights.at(3).last));
        QVERIFY(!sameTensors(g.runWeights.at(3).last, g.runWeights.at(3).best));
        QVERIFY(sameTensors(g.weights, f.weights));
        QVERIFY(g.loadNotes.empty());
        // A reader that knows no run groups (format 1 before them) reads the project's weights,
        // which come first, and nothing else.
        const std::string bytes = readWholeFile(path("runs.csmodel"));
        const ModelFile old = parseModelFile(withJson(bytes, [](nlohmann::json& d) { d.erase("run_tensors"); }));
        QVERIFY(old.runWeights.empty());
        QVERIFY(sameTensors(old.weights, f.weights));
        ModelFile trimmed = f;
        keepRecentRunWeights(trimmed);
        QCOMPARE(serializeModelFile(g), serializeModelFile(trimmed));
    }

    // Weights of a run that do not fit the graph (it changed after the run) are dropped with a
    // note naming the run; the rest of the file loads.
    void runWeightsThatDoNotFitTheGraphAreDropped() {
        ModelFile f = withRuns();
        f.runWeights[2].best["dense/kernel"] = Tensor(3, Shape::flat(3));
        f.runWeights[3].last.erase("dense/bias");
        const ModelFile g = parseModelFile(serializeModelFile(f));
        QCOMPARE(int(g.runWeights.size()), 1);
        QVERIFY(g.runWeights.count(1));
        QCOMPARE(int(g.loadNotes.size()), 2);
        QCOMPARE(g.loadNotes[0].code, std::string("model_file.run_weights_do_not_fit"));
        QVERIFY2(g.loadNotes[0].english().find("run 3") != std::string::npos, g.loadNotes[0].english().c_str());
        QVERIFY2(g.loadNotes[1].english().find("run 4") != std::string::npos, g.loadNotes[1].english().c_str());
        QVERIFY(sameTensors(g.weights, f.weights));
    }

    // A forged graph that claims billions of parameters beside the run weights the file holds:
    // the run weights are left out with a note that says why, before any model is built from
    // that graph (which would allocate 17 GB: a bad_alloc, or an abort under ASan).
    void forgedHugeGraphBesideRunWeightsIsRefused() {
        const std::string bytes = serializeModelFile(withRuns());
        const std::string forged = withJson(bytes, [](nlohmann::json& d) {
            for (auto& node : d["graph"]["nodes"])
                if (node["kind"] == "Dense") node["options"]["units"] = 65536;  // 65536 x 65536 weights
        });
        ModelFile g;
        try {
            g = parseModelFile(forged, "forged file");
        } catch (const std::exception& e) {
            QFAIL(e.what());  // refusing the run weights must not fail the whole file
        }
        QVERIFY(g.runWeights.empty());
        QCOMPARE(int(g.loadNotes.size()), 3);  // the three runs that kept weights
        for (const Message& note : g.loadNotes) {
            QCOMPARE(note.code, std::string("model_file.run_weights_do_not_fit"));
            QVERIFY2(note.english().find("do not fit the graph") != std::string::npos, note.english().c_str());
        }
    }

    // The last evaluation: figures and the most confident mistakes with their images come back;
    // a damaged one is left out with a note and the rest of the project loads.
    void evaluationRoundTripAndDamagedOneDropped() {
        Dataset d;
        d.height = d.width = 2;
        d.channels = 1;
        d.classNames = {"a", "b"};
        d.labels = {0, 1, 1};
        for (int i = 0; i < 12; ++i) d.pixels.push_back(uint8_t(i * 20));
        d.sourceFile = "x.idx";
        EvalResult r;
        r.samples = 3;
        r.classes = 2;
        r.accuracy = 1.0 / 3;
        r.loss = 0.7;
        r.confusion = {{1, 0}, {2, 0}};
        r.precision = {1.0 / 3, 0};
        r.recall = {1, 0};
        r.f1 = {0.5, 0};
        r.support = {1, 2};
        r.predicted = {0, 0, 0};
        r.confidence = {0.9f, 0.6f, 0.8f};
        r.probabilities = {0.9f, 0.1f, 0.6f, 0.4f, 0.8f, 0.2f};
        ModelFile f = trainedLike();
        f.evaluation = savedEvaluation({EvalSet::Test, std::make_shared<const Dataset>(d), r}).toJson();
        const std::string bytes = serializeModelFile(f);
        const ModelFile g = parseModelFile(bytes);
        const SavedEvaluation s = SavedEvaluation::fromJson(g.evaluation);
        QCOMPARE(s.set, EvalSet::Test);
        QCOMPARE(s.totalMistakes, 2);
        QCOMPARE(s.result.confusion, r.confusion);
        QCOMPARE(s.result.support, r.support);
        QCOMPARE(s.mistakes.size(), std::size_t(2));
        QCOMPARE(s.mistakes.sources, (std::vector<std::string>{"x.idx#2", "x.idx#1"}));  // most confident first
        QCOMPARE(s.result.confidence, (std::vector<float>{0.8f, 0.6f}));
        QCOMPARE(s.result.probabilities, (std::vector<float>{0.8f, 0.2f, 0.6f, 0.4f}));
        QCOMPARE(s.mistakes.pixels, (std::vector<uint8_t>{160, 180, 200, 220, 80, 100, 120, 140}));
        QCOMPARE(s.mistakes.classNames, d.classNames);

        const ModelFile damaged = parseModelFile(withJson(bytes, [](nlohmann::json& doc) {
            doc["evaluation"]["confusion"].push_back({0, 0});
        }));
        QVERIFY(damaged.evaluation.is_null());
        QCOMPARE(int(damaged.loadNotes.size()), 1);
        QCOMPARE(damaged.loadNotes[0].code, std::string("model_file.evaluation_dropped"));
        const ModelFile hugeImages = parseModelFile(
            withJson(bytes, [](nlohmann::json& doc) { doc["evaluation"]["mistakes"]["height"] = 100000; }));
        QVERIFY(hugeImages.evaluation.is_null());
        const ModelFile shortPixels = parseModelFile(
            withJson(bytes, [](nlohmann::json& doc) { doc["evaluation"]["mistakes"]["pixels"] = "AAAA"; }));
        QVERIFY(shortPixels.evaluation.is_null());
        QVERIFY(sameTensors(shortPixels.weights, f.weights));
    }

    void hostileRunGroupsAreRefused() {
        const std::string bytes = serializeModelFile(withRuns());
        const auto refused = [&](const std::function<void(nlohmann::json&)>& edit, const char* expected) {
            const std::string e = expectError(withJson(bytes, edit));
            if (e.find(expected) == std::string::npos) qWarning() << "got:" << e.c_str();
            return e.find(expected) != std::string::npos;
        };
        QVERIFY(refused([](nlohmann::json& d) { d["run_tensors"][0]["run"] = 9; },
                        "run weights name run 9 but the history holds 4 runs"));
        QVERIFY(refused([](nlohmann::json& d) { d["run_tensors"][0]["run"] = 0; }, "run weights name run 0"));
        QVERIFY(refused([](nlohmann::json& d) { d["run_tensors"][0]["kind"] = "worst"; }, "got 'worst'"));
        QVERIFY(refused([](nlohmann::json& d) { d["run_tensors"][1] = d["run_tensors"][0]; }, "appear twice"));
        QVERIFY(refused([](nlohmann::json& d) { d["history"] = nlohmann::json::array({d["history"][0]}); },
                        "at most two groups per run"));
        QVERIFY(refused([](nlohmann::json& d) { d["run_tensors"][0]["tensors"][0]["offset"] = 1u << 30; },
                        "lies beyond the end of the file"));
        QVERIFY(refused(
            [](nlohmann::json& d) {
                d["run_tensors"][0]["tensors"][0]["batch"] = 256;
                d["run_tensors"][0]["tensors"][0]["shape"] = {1 << 24, 1 << 24, 256};
            },
            "holds more values than the file"));
        QVERIFY(refused([](nlohmann::json& d) { d["run_tensors"][1]["kind"] = "last"; }, "but no best weights"));
        QVERIFY(refused([](nlohmann::json& d) { d["run_tensors"] = 3; }, "run_tensors must be a list"));
    }

    void roundTripIsBitExact() {
        const ModelFile f = trainedLike();
        saveModelFile(path("a.csmodel"), f);
        const ModelFile g = loadModelFile(path("a.csmodel"));
        QCOMPARE(g.graph, f.graph);
        QCOMPARE(g.preprocessing, f.preprocessing);
        QCOMPARE(g.classNames, f.classNames);
        QCOMPARE(g.project, f.project);
        QCOMPARE(g.history, f.history);
        QCOMPARE(g.weights.size(), f.weights.size());
        for (const auto& [name, t] : f.weights) {
            const Tensor& u = g.weights.at(name);
            QCOMPARE(u.size(), t.size());
            QVERIFY(std::memcmp(u.data(), t.data(), sizeof(float) * t.size()) == 0);
        }
        // Saving the loaded file again gives the same bytes.
        QCOMPARE(serializeModelFile(g), serializeModelFile(f));
        Model m(g.graph, 1);
        applyWeights(g, m);
        ModelFile h = g;
        storeWeights(m, h);
        QCOMPARE(serializeModelFile(h), serializeModelFile(f));
    }

    void writeIsAtomic() {
        const std::string p = path("b.csmodel");
        saveModelFile(p, trainedLike());
        const std::string before = readWholeFile(p);
        // A failing write (target is a folder's child that cannot exist) leaves no temp files.
        QVERIFY_THROWS_EXCEPTION(FileError, saveModelFile(path("missing-dir/x.csmodel"), trainedLike()));
        QCOMPARE(QDir(dir_.path()).entryList(QStringList() << "*.tmp-*").size(), 0);
        QCOMPARE(readWholeFile(p), before);
    }

    // A dataset path in another encoding (bytes that are not UTF-8) must not make the save of a
    // finished run fail: the bytes are stored as U+FFFD and the weights are kept.
    void pathsThatAreNotUtf8DoNotFailTheSave() {
        ModelFile f = trainedLike();
        f.project["dataset"] = std::string("/data/caf\xe9/images");
        const ModelFile back = parseModelFile(serializeModelFile(f), "test file");
        QCOMPARE(back.weights.size(), f.weights.size());
        QCOMPARE(QString::fromStdString(back.project.at("dataset").get<std::string>()),
                 QStringLiteral("/data/caf\uFFFD/images"));
    }

    void truncatedFilesAreRejected() {
        const std::string bytes = serializeModelFile(trainedLike());
        for (std::size_t keep :
             {std::size_t(0), std::size_t(7), std::size_t(19), std::size_t(100), bytes.size() / 2, bytes.size() - 1}) {
            const std::string e = expectError(bytes.substr(0, keep));
            QVERIFY2(!e.empty(), std::to_string(keep).c_str());
            QVERIFY2(e.find("test file") != std::string::npos, e.c_str());
        }
    }

    void corruptionIsDetected() {
        std::string bytes = serializeModelFile(trainedLike());
        bytes[bytes.size() / 2] ^= 0x40;
        QVERIFY(expectError(bytes).find("checksum") != std::string::npos);
        std::string magic = serializeModelFile(trainedLike());
        magic[0] = 'X';
        QVERIFY(expectError(magic).find("not a ConvStudio model file") != std::string::npos);
    }

    void newerVersionIsNamed() {
        std::string bytes = serializeModelFile(trainedLike());
        const uint32_t v = kModelFormatVersion + 1;
        std::memcpy(bytes.data() + 8, &v, 4);
        const std::string e = expectError(bytes);
        QVERIFY2(e.find("newer") != std::string::npos && e.find(std::to_string(v)) != std::string::npos, e.c_str());
    }

    void hostileHeadersAreRejected() {
        std::string bytes = serializeModelFile(trainedLike());
        const uint64_t huge = uint64_t(1) << 60;
        std::memcpy(bytes.data() + 12, &huge, 8);
        QVERIFY(expectError(bytes).find("truncated") != std::string::npos);
        // A tensor claiming to lie far beyond the data, with a valid checksum.
        const std::string forged = withJson(serializeModelFile(trainedLike()),
                                            [](nlohmann::json& d) { d["tensors"][0]["offset"] = uint64_t(1) << 40; });
        QVERIFY(expectError(forged).find("beyond the end") != std::string::npos);
        const std::string lying =
            withJson(serializeModelFile(trainedLike()), [](nlohmann::json& d) { d["tensors"][0]["count"] = 5; });
        QVERIFY(expectError(lying).find("claims 5 values") != std::string::npos);
    }

    // JSON nested a million levels deep is refused before it is parsed (parsing is iterative, but
    // copying and printing recurse: a stack overflow).
    void deepJsonIsRefused() {
        const std::string bytes = serializeModelFile(trainedLike());
        const std::size_t depth = 1'000'000;
        const std::string deep = withText(bytes, [&](std::string& text) {
            text.insert(1, "\"history\":" + std::string(depth, '[') + std::string(depth, ']') + ",");
        });
        QVERIFY2(expectError(deep).find("test file: the description nests deeper than 200 levels") != std::string::npos,
                 expectError(deep).c_str());
        std::ofstream(path("deep.csmodel"), std::ios::binary) << deep;
        try {
            loadModelFileDescription(path("deep.csmodel"));
            QFAIL("must throw");
        } catch (const FileError& e) {
            QVERIFY2(std::string(e.what()).find("nests deeper") != std::string::npos, e.what());
        }
        // Brackets inside strings do not count.
        const std::string quoted = withText(
            bytes, [&](std::string& text) { text.insert(1, "\"note\":\"" + std::string(5000, '[') + "\\\"\","); });
        QVERIFY2(expectError(quoted).empty(), expectError(quoted).c_str());
    }

    // A number beyond a double makes nlohmann throw out_of_range, not parse_error: it escaped
    // parseDescription and ended the process (found by fuzz_model_file).
    void numberTooLargeIsAnError() {
        const std::string bytes = serializeModelFile(trainedLike());
        const std::string huge =
            withText(bytes, [](std::string& text) { text.insert(1, "\"note\":4999999999999999E99999999,"); });
        const std::string error = expectError(huge);
        QVERIFY2(error.find("test file: the description holds a number too large to read: 4999999999999999E999...") !=
                     std::string::npos,
                 error.c_str());
    }

    // A float where the file wants a whole number: nlohmann's get<int>() converted 1e300 with
    // undefined behaviour (fuzz_model_file, in a tensor's shape); now each is named.
    void hostileWholeNumbersAreNamed() {
        const std::string bytes = serializeModelFile(trainedLike());
        const std::vector<std::pair<std::function<void(nlohmann::json&)>, const char*>> cases{
            {[](nlohmann::json& d) { d["tensors"][0]["shape"][0] = 1e300; }, "1e+300 is outside"},
            {[](nlohmann::json& d) { d["tensors"][0]["shape"][0] = -2.5; }, "expected a whole number, got -2.5"},
            {[](nlohmann::json& d) { d["tensors"][0]["batch"] = -1e300; }, "-1e+300 is outside"},
            {[](nlohmann::json& d) { d["tensors"][0]["offset"] = -1.0; }, "-1.0 is outside 0.."},
            {[](nlohmann::json& d) { d["tensors"][0]["count"] = 1e20; }, "1e+20 is outside"},
            {[](nlohmann::json& d) { d["seed"] = 1e300; }, "1e+300 is outside"},
            {[](nlohmann::json& d) { d["graph"]["nodes"][1]["id"] = 4e9; }, "4000000000.0 is outside"},
            {[](nlohmann::json& d) { d["preprocessing"]["width"] = 28.5; }, "got 28.5"},
        };
        for (const auto& [edit, expected] : cases) {
            const std::string e = expectError(withJson(bytes, edit));
            QVERIFY2(e.find(expected) != std::string::npos, (e + " (expected: " + expected + ")").c_str());
        }
        // Whole numbers written as floats still read.
        const std::string floats = withJson(bytes, [](nlohmann::json& d) {
            d["tensors"][0]["batch"] = d["tensors"][0]["batch"].get<double>();
            d["seed"] = 7.0;
        });
        QVERIFY2(expectError(floats).empty(), expectError(floats).c_str());
    }

    // 256 x [2^24, 2^24, 256] is 2^64 values: a 64-bit product wraps to 0, which matched a count of 0.
    void wrappingElementCountIsRefused() {
        const std::string forged = withJson(serializeModelFile(trainedLike()), [](nlohmann::json& d) {
            d["tensors"][0]["batch"] = 256;
            d["tensors"][0]["shape"] = {1 << 24, 1 << 24, 256};
            d["tensors"][0]["count"] = 0;
        });
        const std::string e = expectError(forged);
        QVERIFY2(e.find("(256 x [16777216,16777216,256]) holds more values than the file") != std::string::npos,
                 e.c_str());
    }

    // The preprocessing must prepare what the graph's Input takes (seed-cnn: 1x28x28).
    void preprocessingMustFitTheInput() {
        const std::string bytes = serializeModelFile(trainedLike());
        const std::string rgb = withJson(bytes, [](nlohmann::json& d) { d["preprocessing"]["channels"] = 3; });
        QVERIFY2(expectError(rgb).find("the preprocessing gives 3x28x28 inputs, the graph's Input 'input' takes "
                                       "1x28x28") != std::string::npos,
                 expectError(rgb).c_str());
        const std::string big = withJson(bytes, [](nlohmann::json& d) {
            d["preprocessing"]["height"] = 64;
            d["preprocessing"]["width"] = 64;
        });
        QVERIFY(expectError(big).find("gives 1x64x64 inputs") != std::string::npos);
        // An Input with invalid options (a project being edited) is left to the graph check.
        const std::string editing =
            withJson(bytes, [](nlohmann::json& d) { d["graph"]["nodes"][0]["options"]["height"] = 0; });
        QVERIFY2(expectError(editing).empty(), expectError(editing).c_str());
    }

    // A named pipe is refused from its type: opening it would block until a writer comes.
    void fifoIsRefusedWithoutBlocking() {
        QCOMPARE(::mkfifo(path("pipe.csmodel").c_str(), 0600), 0);
        for (const auto& load : {std::function<void()>([&] { loadModelFile(path("pipe.csmodel")); }),
                                 std::function<void()>([&] { loadModelFileDescription(path("pipe.csmodel")); })}) {
            try {
                load();
                QFAIL("must throw");
            } catch (const FileError& e) {
                QVERIFY2(std::string(e.what()).find("pipe.csmodel' is not a regular file") != std::string::npos,
                         e.what());
            }
        }
    }

    void unknownKindListsKnownOnes() {
        const std::string forged = withJson(serializeModelFile(trainedLike()),
                                            [](nlohmann::json& d) { d["graph"]["nodes"][1]["kind"] = "Conv9D"; });
        const std::string e = expectError(forged);
        QVERIFY2(e.find("Conv9D") != std::string::npos && e.find("MaxPooling2D") != std::string::npos, e.c_str());
    }

    void misshapedOrMissingWeightsAreNamed() {
        ModelFile f = trainedLike();
        f.weights["dense/kernel"] = Tensor(3, Shape::flat(3));
        Model m(f.graph, 1);
        try {
            applyWeights(f, m);
            QFAIL("must throw");
        } catch (const FileError& e) {
            QVERIFY2(std::string(e.what()).find("dense/kernel") != std::string::npos, e.what());
        }
        f.weights.erase("dense/kernel");
        QVERIFY_THROWS_EXCEPTION(FileError, applyWeights(f, m));
    }

    void folderAndMissingFilesGiveClearErrors() {
        try {
            loadModelFile(dir_.path().toStdString());
            QFAIL("must throw");
        } catch (const FileError& e) {
            QVERIFY(std::string(e.what()).find("folder") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(FileError, loadModelFile(path("nope.csmodel")));
    }
};

QTEST_APPLESS_MAIN(TestModelFile)
#include "test_model_file.moc"
