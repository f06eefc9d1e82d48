// Hostile files opened in the studio (issue 19): a damaged project or model, or a damaged
// dataset, is reported where it was opened and the current project stays exactly as it was:
// its document (graph, weights, settings, dataset), undo history, saved state and file name,
// and the dataset page keeps showing the dataset it showed. One case per class of input,
// through the real Studio (ProjectController::openFile, DatasetUi::openSource), and a resume
// from a crafted checkpoint through the TrainingController.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "data/dataset_export.h"
#include "dataset/dataset_catalog.h"
#include "dataset/dataset_page.h"
#include "dataset_session.h"
#include "dataset_ui.h"
#include "designer/model_document.h"
#include "graph/model.h"
#include "io/model_file.h"
#include "project_controller.h"
#include "studio.h"
#include "training_controller.h"

using namespace cs;
using namespace cs::gui;

namespace {

// 3 classes x 6 gray 28x28 images.
Dataset shapes() {
    Dataset d;
    d.height = d.width = 28;
    d.channels = 1;
    d.classNames = {"circle", "square", "cross"};
    for (int i = 0; i < 18; ++i) {
        d.labels.push_back(i % 3);
        for (int p = 0; p < 28 * 28; ++p) d.pixels.push_back(uint8_t((p * (i + 3) + 50 * (i % 3)) % 256));
    }
    return d;
}

ModelFile smallProject(const QString& dataset) {
    ModelFile f;
    f.graph = GraphSpec::sequential({{"Input", {{"height", 28}, {"width", 28}, {"channels", 1}}},
                                     {"Flatten", nlohmann::json::object()},
                                     {"Dense", {{"units", 3}, {"activation", "softmax"}}}});
    f.classNames = {"circle", "square", "cross"};
    f.project["dataset"] = dataset.toStdString();
    storeWeights(Model(f.graph, 7), f);
    return f;
}

void writeBytes(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// A model file whose description is `json` and whose checksum is right again, so the reader
// gets past the checksum to the content.
QByteArray withDescription(const QByteArray& model, const QByteArray& json) {
    quint64 length = 0;
    std::memcpy(&length, model.constData() + 12, 8);
    QByteArray out = model.left(12);
    const quint64 newLength = quint64(json.size());
    out.append(reinterpret_cast<const char*>(&newLength), 8);
    out += json;
    out += model.mid(20 + qsizetype(length), model.size() - 20 - qsizetype(length) - 4);
    const quint32 crc = quint32(crc32(0, reinterpret_cast<const Bytef*>(out.constData()), uInt(out.size())));
    out.append(reinterpret_cast<const char*>(&crc), 4);
    return out;
}

QByteArray descriptionOf(const QByteArray& model) {
    quint64 length = 0;
    std::memcpy(&length, model.constData() + 12, 8);
    return model.mid(20, qsizetype(length));
}

// What "the project as it was" means: the document's content, undo history, saved state and
// name, and the dataset the page shows.
struct Snapshot {
    std::string file;
    int undoCount = 0, undoIndex = 0;
    bool modified = false;
    QString path, shownSource;
    const void* catalog = nullptr;

    static Snapshot of(Studio& s) {
        Snapshot n;
        n.file = serializeModelFile(s.document()->file());
        n.undoCount = s.document()->undoStack()->count();
        n.undoIndex = s.document()->undoStack()->index();
        n.modified = s.document()->isModified();
        n.path = s.document()->filePath();
        n.shownSource = s.datasetPage()->shownSource();
        n.catalog = s.datasetPage()->catalog().get();
        return n;
    }
    bool operator==(const Snapshot&) const = default;
};

}  // namespace

class TestHostileStudio : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString folder_, project_;
    QByteArray model_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    // A studio on the small project, its dataset shown, with one unsaved edit (undo history,
    // modified) that a failed open must keep.
    void openStudio(Studio& studio) {
        studio.project()->setInteractive(false);
        studio.datasetPage()->setInteractive(false);
        QVERIFY(studio.project()->openFile(project_));
        studio.datasetPage()->openSource(folder_);
        QVERIFY(studio.data()->waitForIdle(20000));
        QVERIFY(studio.datasetPage()->catalog());
        studio.document()->setValidationSplit(0.25, 3);
        QVERIFY(studio.document()->isModified());
        QVERIFY(studio.document()->undoStack()->count() > 0);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ConvStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_hostile_studio"));
        QSettings().clear();
        // A reader that believes a header would allocate what it announces: the test process
        // gets an error (std::bad_alloc), the shared machine keeps its memory.
        const rlim_t limit = rlim_t(4) << 30;
        const struct rlimit rl = {limit, limit};
        setrlimit(RLIMIT_AS, &rl);
        QVERIFY(dir_.isValid());
        folder_ = path(QStringLiteral("shapes"));
        exportImageFolder(shapes(), folder_.toStdString());
        project_ = path(QStringLiteral("project.csmodel"));
        ProjectController::writeProject(project_, smallProject(folder_));
        QFile f(project_);
        QVERIFY(f.open(QIODevice::ReadOnly));
        model_ = f.readAll();
    }

    // ---- Projects and models: File > Open ----

    void openingAHostileProjectChangesNothing_data() {
        QTest::addColumn<QString>("file");
        const QByteArray description = descriptionOf(model_);
        auto add = [this](const char* name, const QString& file) { QTest::newRow(name) << file; };

        writeBytes(path("truncated.csmodel"), model_.left(model_.size() / 2));
        add("truncated", path("truncated.csmodel"));
        QByteArray flipped = model_;
        for (int i : {30, 200, int(flipped.size()) - 40}) flipped[i] = char(flipped[i] ^ 0x10);
        writeBytes(path("flipped.csmodel"), flipped);
        add("flipped bytes", path("flipped.csmodel"));
        QByteArray crafted = description;
        crafted.replace("\"graph\":{", "\"graph\":\"not a graph\",\"was\":{");
        writeBytes(path("wrong-types.csmodel"), withDescription(model_, crafted));
        add("crafted JSON (wrong types)", path("wrong-types.csmodel"));
        writeBytes(path("oversized.csmodel"),
                   model_.left(12) + QByteArray("\xff\xff\xff\xff\xff\xff\xff\x3f", 8) + model_.mid(20));
        add("oversized header", path("oversized.csmodel"));
        // A valid graph, then training settings nested 100,000 deep: copying them would recurse that deep.
        QByteArray document =
            QByteArray::fromStdString(nlohmann::json{{"graph", smallProject(folder_).graph.toJson()}}.dump());
        document.chop(1);
        writeBytes(path("deep.json"),
                   document + ",\"training\":" + QByteArray(100000, '[') + QByteArray(100000, ']') + "}");
        add("deep JSON document", path("deep.json"));
        QByteArray deep = description;
        deep.replace("\"history\":[]", "\"history\":" + QByteArray(100000, '[') + QByteArray(100000, ']'));
        QVERIFY(deep != description);
        writeBytes(path("deep-history.csmodel"), withDescription(model_, deep));
        add("deep JSON in the model file (needs the reader's depth limit)", path("deep-history.csmodel"));
        QVERIFY(mkfifo(path("pipe.csmodel").toLocal8Bit().constData(), 0600) == 0);
        add("FIFO", path("pipe.csmodel"));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), path("zero.csmodel")));
        add("device (/dev/zero)", path("zero.csmodel"));
        QVERIFY(QFile::link(path("loop-b.csmodel"), path("loop-a.csmodel")));
        QVERIFY(QFile::link(path("loop-a.csmodel"), path("loop-b.csmodel")));
        add("symlink loop", path("loop-a.csmodel"));
        QVERIFY(QDir().mkpath(path("folder.csmodel")));
        add("folder where a file is expected", path("folder.csmodel"));
        {
            QFile sparse(path("sparse.csmodel"));
            QVERIFY(sparse.open(QIODevice::WriteOnly));
            QVERIFY(sparse.resize(qint64(8) << 30));
        }
        add("sparse 8 GB", path("sparse.csmodel"));
    }

    void openingAHostileProjectChangesNothing() {
        QFETCH(QString, file);
        Studio studio;
        openStudio(studio);
        const Snapshot before = Snapshot::of(studio);
        QSignalSpy errors(studio.project(), &ProjectController::error);
        QVERIFY(!studio.project()->openFile(file));
        QCOMPARE(errors.count(), 1);
        const QString message = errors.first().first().toString();
        QVERIFY2(message.contains(QFileInfo(file).fileName()), qPrintable(message));
        QVERIFY(Snapshot::of(studio) == before);
    }

    // ---- A checkpoint whose best weights are the wrong size: resumed in the studio ----

    void resumingACraftedCheckpointFailsWithAMessage() {
        Studio studio;
        openStudio(studio);
        // A run that keeps best weights writes them into its checkpoint ("__best__/<i>").
        const QString checkpoint = path("run.ckpt.csmodel");
        TrainingController c;
        TrainSettings s;
        s.epochs = 1;
        s.batchSize = 6;
        s.validationSplit = 0.34f;
        s.earlyStoppingPatience = 5;
        s.restoreBestWeights = true;
        TrainingController::StartOptions o;
        o.dataSource = folder_;
        o.checkpointPath = checkpoint;
        o.evaluateAfter = false;
        QSignalSpy done(&c, &TrainingController::finished);
        QVERIFY(c.start(studio.document()->file(), s, o));
        QVERIFY(done.wait(60000));
        QFile f(checkpoint);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        f.close();
        // Its best weights say 1 value where the layer has 28*28*3 (a consistent table entry, so
        // the reader accepts it): restoring them must say no.
        nlohmann::json description = nlohmann::json::parse(descriptionOf(bytes).toStdString());
        bool found = false;
        for (auto& t : description.at("tensors"))
            if (t.at("name") == "__best__/0") {
                t["batch"] = 1;
                t["shape"] = {1};
                t["count"] = 1;
                found = true;
            }
        QVERIFY2(found, "the checkpoint has no best weights");
        writeBytes(checkpoint, withDescription(bytes, QByteArray::fromStdString(description.dump())));

        const Snapshot before = Snapshot::of(studio);
        TrainingController resumed;
        QSignalSpy finished(&resumed, &TrainingController::finished);
        QSignalSpy errors(&resumed, &TrainingController::error);
        o.start = StartMode::Resume;
        if (resumed.start(studio.document()->file(), s, o)) QVERIFY(finished.wait(60000));
        QVERIFY(Snapshot::of(studio) == before);
        QString message = errors.isEmpty() ? QString() : errors.first().first().toString();
        if (!finished.isEmpty()) {
            const auto summary = finished.first().first().value<RunSummary>();
            QVERIFY2(summary.failed, "a checkpoint with wrong-size best weights was resumed");
            message = summary.error;
        }
        qInfo("resume refused: %s", qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("__best__")) || message.contains(QFileInfo(checkpoint).fileName()),
                 qPrintable(message));
    }

    // ---- Datasets: File > Open Dataset ----

    void openingAHostileDatasetChangesNothing_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("named");  // what the message must name
        auto add = [](const char* name, const QString& source, const QString& named) {
            QTest::newRow(name) << source << named;
        };
        // IDX: the images file stops in the middle of its pixels.
        QByteArray images("\x00\x00\x08\x03\x00\x00\x00\x30\x00\x00\x00\x1c\x00\x00\x00\x1c", 16);
        images += QByteArray(28 * 28 * 10, '\x40');
        QByteArray labels("\x00\x00\x08\x01\x00\x00\x00\x30", 8);
        labels += QByteArray(48, '\x01');
        writeBytes(path("idx/train-images-idx3-ubyte"), images);
        writeBytes(path("idx/train-labels-idx1-ubyte"), labels);
        add("truncated IDX", path("idx"), QStringLiteral("train-images-idx3-ubyte"));
        // CIFAR-10: a batch that is no whole number of 3,073-byte records.
        writeBytes(path("cifar/data_batch_1.bin"), QByteArray(3073 * 4 + 1000, '\x02'));
        add("wrong-size CIFAR batch", path("cifar"), QStringLiteral("data_batch_1.bin"));
        // Image folders whose every image is hostile: nothing to load.
        const QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8);
        writeBytes(path("corrupt/a/0.png"), png + QByteArray(50, 'x'));
        writeBytes(path("corrupt/b/0.png"), png.left(5));
        add("corrupt images", path("corrupt"), QStringLiteral("corrupt"));
        // A PNG that declares 100,000 x 100,000 pixels (IHDR only), and a BMP that does too.
        QByteArray ihdr("\x00\x00\x00\x0dIHDR\x00\x01\x86\xa0\x00\x01\x86\xa0\x08\x00\x00\x00\x00", 21);
        const quint32 crc = quint32(crc32(0, reinterpret_cast<const Bytef*>(ihdr.constData() + 4), 17));
        for (int s = 24; s >= 0; s -= 8) ihdr.append(char((crc >> s) & 0xff));
        writeBytes(path("huge/a/huge.png"), png + ihdr + QByteArray("\x00\x00\x00\x00IEND\xae\x42\x60\x82", 12));
        QByteArray bmp("BM", 2);
        bmp += QByteArray("\x36\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00", 16);
        bmp += QByteArray("\xa0\x86\x01\x00\xa0\x86\x01\x00\x01\x00\x18\x00", 12) + QByteArray(24, '\0');
        writeBytes(path("huge/b/huge.bmp"), bmp);
        add("huge image headers", path("huge"), QStringLiteral("huge"));
        // Last: on a branch without the loaders' checks the FIFO blocks the loader (released below)
        // and the 8 GB file ends the process (std::bad_alloc in a decoding thread).
        QVERIFY(QDir().mkpath(path("fifo/a")));
        QVERIFY(mkfifo(path("fifo/a/pipe.png").toLocal8Bit().constData(), 0600) == 0);
        add("FIFO in an image folder (needs the loader's special-file check)", path("fifo"), QStringLiteral("fifo"));
        QVERIFY(QDir().mkpath(path("sparse/a")));
        {
            QFile sparse(path("sparse/a/big.png"));
            QVERIFY(sparse.open(QIODevice::WriteOnly));
            QVERIFY(sparse.resize(qint64(8) << 30));
        }
        add("sparse 8 GB image (needs the loader's size check)", path("sparse"), QStringLiteral("sparse"));
    }

    void openingAHostileDatasetChangesNothing() {
        QFETCH(QString, source);
        QFETCH(QString, named);
        Studio studio;
        openStudio(studio);
        const Snapshot before = Snapshot::of(studio);
        studio.datasetPage()->openSource(source);
        const bool idle = studio.data()->waitForIdle(30000);
        if (!idle) {
            // A loader blocked on a FIFO: a writer that comes and goes releases it, so this case
            // fails instead of the whole test hanging.
            const int fd = ::open(QDir(source).filePath(QStringLiteral("a/pipe.png")).toLocal8Bit().constData(),
                                  O_WRONLY | O_NONBLOCK);
            if (fd >= 0) ::close(fd);
        }
        QVERIFY2(idle, "the dataset is still loading after 30 s");
        QVERIFY(Snapshot::of(studio) == before);
        QCOMPARE(QString::fromStdString(studio.document()->datasetSource()), folder_);
        const QString message = studio.datasetPage()->page()->message();
        QVERIFY2(message.contains(named), qPrintable(message));
    }
};

QTEST_MAIN(TestHostileStudio)
#include "test_hostile_studio.moc"
