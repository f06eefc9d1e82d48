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

private slots:
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
