// The dataset page in the studio's window: opening image folders (menu path and dropped
// folder), loading on a thread with cancel, the project's split and exclusions, predictions
// from trained weights, and moving an image to another class (the file moves; undo moves it back).
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QUndoStack>

#include "data/builtin_dataset.h"
#include "data/data_source.h"
#include "data/dataset_export.h"
#include "data/dataset_project.h"
#include "data/statistics.h"
#include "dataset/dataset_browser.h"
#include "dataset/dataset_catalog.h"
#include "dataset/dataset_list_model.h"
#include "dataset/dataset_page.h"
#include "dataset_controller.h"
#include "dataset_session.h"
#include "dataset_ui.h"
#include "designer/model_document.h"
#include "graph/model.h"
#include "io/presets.h"
#include "main_window.h"
#include "training_test_helpers.h"

using namespace cs;
using namespace cs::gui;

namespace {

ModelFile smallModel() {
    ModelFile f;
    f.graph = GraphSpec::sequential({{"Input", {{"height", 28}, {"width", 28}, {"channels", 1}}},
                                     {"Flatten", nlohmann::json::object()},
                                     {"Dense", {{"units", 3}, {"activation", "softmax"}}}});
    f.classNames = {"circle", "square", "cross"};
    f.project["dataset"] = "builtin";
    return f;
}

// The text of the Dataset dock, one line per line shown.
QStringList datasetDockLines(MainWindow& window) {
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("datasetDock"));
    auto* label = dock ? dock->widget()->findChild<QLabel*>() : nullptr;
    if (!label) return {};
    const QString text = Qt::mightBeRichText(label->text())
                             ? QTextDocumentFragment::fromHtml(label->text()).toPlainText()
                             : label->text();
    return text.split(QLatin1Char('\n'));
}

// The model's class names may only appear on a line that says they are the model's.
bool modelNamesLabelled(const QStringList& lines, const QString& name) {
    for (const QString& line : lines)
        if (line.contains(name) && !line.startsWith(QLatin1String("Model"))) return false;
    return true;
}

ModelDocument& resetTo(ModelDocument& doc, const ModelFile& file) {
    doc.reset(file);
    return doc;
}

// A main window with the (non-interactive) dataset page on `file`.
struct DatasetStudio {
    MainWindow window;
    ModelDocument doc;
    DatasetSession data;
    DatasetUi ui;

    explicit DatasetStudio(const ModelFile& file = smallModel()) : ui(window, resetTo(doc, file), data) {
        ui.setInteractive(false);
    }
};

}  // namespace

class TestDatasetUi : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString folder_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(tmp_.isValid());
        folder_ = tmp_.filePath(QStringLiteral("shapes"));
        cs::testing::writeShapesImageFolder(folder_);
    }

    void opensAFolderAndKeepsItInTheProject() {
        DatasetStudio studio;
        MainWindow& window = studio.window;
        ModelDocument& doc = studio.doc;
        DatasetUi& ui = studio.ui;
        QSignalSpy ready(&ui, &DatasetUi::catalogReady);
        ui.openSource(folder_);
        QVERIFY(ui.session()->waitForIdle());
        QCOMPARE(ready.count(), 1);
        QCOMPARE(window.pages()->currentWidget(), ui.page());
        QCOMPARE(QString::fromStdString(doc.file().project["dataset"].get<std::string>()), folder_);
        QVERIFY(ui.catalog());
        QCOMPARE(ui.catalog()->size(), std::size_t(24));
        QVERIFY(ui.catalog()->isImageFolder());
        QCOMPARE(ui.page()->browser()->model()->rowCount(), 24);
        QVERIFY(DatasetUi::recentSources().contains(folder_));

        // Image-folder tiles come from the files, decoded in the background for the rows asked.
        DatasetListModel* model = ui.page()->browser()->model();
        const int before = model->thumbnailsMade();
        const QImage standIn = model->thumbnail(3);
        QVERIFY(!standIn.isNull());
        QVERIFY(model->waitForThumbnails());
        QVERIFY(model->thumbnailsMade() > before);
        const QImage fromFile = model->thumbnail(3);
        QCOMPARE(fromFile.width(), model->thumbnailSize());
        const QImage file(QString::fromStdString(ui.catalog()->sourceOf(3)));
        QCOMPARE(qGray(fromFile.pixel(0, 0)), qGray(file.pixel(0, 0)));

        // The split editor's values go to the training settings the trainer reads.
        doc.setValidationSplit(0.25, doc.dataset().seed);
        QCOMPARE(ui.catalog()->splitCount(SampleSplit::Validation), std::size_t(6));
    }

    void droppedFolderOpensAsDataset() {
        DatasetStudio studio;
        MainWindow& window = studio.window;
        DatasetUi& ui = studio.ui;
        QSignalSpy dropped(&window, &MainWindow::filesDropped);  // the project controller's path
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(folder_)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &drop);
        QVERIFY(ui.session()->waitForIdle());
        QCOMPARE(dropped.count(), 0);
        QVERIFY(ui.catalog());
        QCOMPARE(ui.shownSource(), folder_);
    }

    void loadingCanBeCancelled() {
        MainWindow window;
        ModelDocument doc;
        doc.reset(smallModel());
        DatasetSession data;
        DatasetUi ui(window, doc, data);
        QSignalSpy cancelled(ui.session(), &DatasetSession::loadCancelled);
        ui.session()->ensure(QStringLiteral(CONVSTUDIO_FASHION_DIR), doc.file().preprocessing);
        QVERIFY(ui.session()->isLoading());
        ui.session()->cancelLoading();
        QVERIFY(!ui.session()->isLoading());
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!ui.catalog());
        // A new request replaces the running one: only the last one reports. The requests come
        // one after another without the event loop in between, so no earlier load can have been
        // delivered already, however fast the machine (a wait here made the test timing-bound).
        QSignalSpy loaded(ui.session(), &DatasetSession::loaded);
        for (int i = 0; i < 5; ++i)
            ui.session()->reload(i % 2 ? QStringLiteral("builtin") : folder_, doc.file().preprocessing);
        QVERIFY(ui.session()->waitForIdle());
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(loaded.at(0).at(1).toString(), folder_);
        QCOMPARE(data.source(), folder_);
        // Asked for again: it is there, nothing loads.
        QVERIFY(!data.ensure(folder_, doc.file().preprocessing));
        QVERIFY(!data.isLoading());
    }

    void exclusionStaysInTheProjectAndTrainingHonoursIt() {
        DatasetStudio studio;
        ModelDocument& doc = studio.doc;
        DatasetUi& ui = studio.ui;
        ui.openSource(folder_);
        QVERIFY(ui.session()->waitForIdle());
        const std::size_t g = 4;
        const QString file = QString::fromStdString(ui.catalog()->sourceOf(g));
        ui.excludeSamples({g}, true);
        QVERIFY(ui.catalog()->excluded(g));
        QVERIFY(QFile::exists(file));  // files untouched
        const DatasetProject project = DatasetProject::fromFile(doc.file());
        QCOMPARE(project.excluded.size(), std::size_t(1));
        QCOMPARE(QDir(folder_).filePath(QString::fromStdString(project.excluded[0])), file);
        DataSplits data = loadDataSource(folder_.toStdString());
        prepareTrainingData(data, project);
        QCOMPARE(data.train.size(), std::size_t(23));
        // Undo through the document's undo stack brings it back.
        doc.undoStack()->undo();
        QVERIFY(!ui.catalog()->excluded(g));
        doc.undoStack()->redo();
        // Another dataset: the exclusions (paths in the old folder) go with the old one.
        ui.openSource(QStringLiteral("builtin"));
        QVERIFY(ui.session()->waitForIdle());
        QVERIFY(DatasetProject::fromFile(doc.file()).excluded.empty());
        doc.undoStack()->undo();
        QCOMPARE(DatasetProject::fromFile(doc.file()).excluded.size(), std::size_t(1));
    }

    void movingAnImageMovesTheFileAndUndoMovesItBack() {
        DatasetStudio studio;
        DatasetUi& ui = studio.ui;
        ui.openSource(folder_);
        QVERIFY(ui.session()->waitForIdle());
        const DatasetCatalog& c = *ui.catalog();
        std::size_t g = 0;
        while (c.label(g) != 0) ++g;
        const QString from = QString::fromStdString(c.sourceOf(g));
        const QString name = QFileInfo(from).fileName();
        QVERIFY(ui.moveSamples({g}, 2));
        const QString to = QDir(folder_).filePath(QStringLiteral("cross/") + name);
        QVERIFY(!QFile::exists(from));
        QVERIFY(QFile::exists(to));
        QCOMPARE(c.label(g), 2);
        QCOMPARE(QString::fromStdString(c.sourceOf(g)), to);
        QCOMPARE(c.classCounts(SampleSplit::Train)[2], std::size_t(9));
        ui.fileUndoStack()->undo();
        QVERIFY(QFile::exists(from));
        QVERIFY(!QFile::exists(to));
        QCOMPARE(c.label(g), 0);
        QCOMPARE(QString::fromStdString(c.sourceOf(g)), from);
        ui.fileUndoStack()->redo();
        QVERIFY(QFile::exists(to));
        ui.fileUndoStack()->undo();
        QVERIFY(QFile::exists(from));
        // Reloading from disk agrees: nothing lost, nothing duplicated.
        const DataSplits reloaded = loadDataSource(folder_.toStdString());
        QCOMPARE(reloaded.train.size(), std::size_t(24));
        QCOMPARE(computeStats(reloaded.train).classCounts, (std::vector<std::size_t>{8, 8, 8}));
    }

    void moveNeverOverwrites() {
        DatasetStudio studio;
        DatasetUi& ui = studio.ui;
        ui.openSource(folder_);
        QVERIFY(ui.session()->waitForIdle());
        const DatasetCatalog& c = *ui.catalog();
        std::size_t g = 0;
        while (c.label(g) != 1) ++g;
        const QString from = QString::fromStdString(c.sourceOf(g));
        // A file of the same name already waits in the target class.
        const QString clash = QDir(folder_).filePath(QStringLiteral("circle/") + QFileInfo(from).fileName());
        QVERIFY(QFile::copy(from, clash));
        QVERIFY(ui.moveSamples({g}, 0));
        QVERIFY(QFile::exists(clash));
        const QString moved = QString::fromStdString(c.sourceOf(g));
        QVERIFY(moved != clash && QFile::exists(moved));
        ui.fileUndoStack()->undo();
        QVERIFY(QFile::exists(from));
        QVERIFY(QFile::remove(clash));
    }

    // The dock describes the dataset (its own classes and image counts), not the model: the
    // default preset names its outputs after Fashion-MNIST, which the built-in shapes are not.
    void datasetDockShowsTheDatasetsClasses() {
        MainWindow window;
        ModelDocument doc;
        ModelFile f = loadPreset(kDefaultPreset);
        QCOMPARE(f.classNames.front(), std::string("T-shirt/top"));
        f.project["dataset"] = "builtin";
        doc.reset(f);
        DatasetSession data;
        DatasetUi page(window, doc, data);
        page.setInteractive(false);
        DatasetController dock(window, doc, data);
        QStringList lines = datasetDockLines(window);
        QVERIFY(!lines.isEmpty());
        QVERIFY2(lines.join(QLatin1Char('\n')).contains(QLatin1String("circle, ring, square")),
                 qPrintable(lines.join(QLatin1Char('|'))));
        QVERIFY2(modelNamesLabelled(lines, QStringLiteral("T-shirt/top")), qPrintable(lines.join(QLatin1Char('|'))));

        // A folder of three classes, once loaded: its names and image count.
        page.openSource(folder_);
        QVERIFY(data.waitForIdle());
        lines = datasetDockLines(window);
        const QString text = lines.join(QLatin1Char('\n'));
        QVERIFY2(text.contains(QLatin1String("circle, square, cross")), qPrintable(lines.join(QLatin1Char('|'))));
        QVERIFY2(text.contains(QLatin1String("24 training")), qPrintable(lines.join(QLatin1Char('|'))));
        QVERIFY2(!text.contains(QLatin1String("circle, ring")), qPrintable(lines.join(QLatin1Char('|'))));
        QVERIFY2(modelNamesLabelled(lines, QStringLiteral("T-shirt/top")), qPrintable(lines.join(QLatin1Char('|'))));

        // A model trained on the shapes: its outputs are the dataset's classes.
        f.classNames = shapeClassNames();
        doc.reset(f);
        lines = datasetDockLines(window);
        QVERIFY2(lines.contains(QStringLiteral("Model: 10 output(s), the dataset's classes")),
                 qPrintable(lines.join(QLatin1Char('|'))));
        QVERIFY2(!lines.join(QLatin1Char('\n')).contains(QLatin1String("Training on this dataset")),
                 qPrintable(lines.join(QLatin1Char('|'))));

        // A model with fewer outputs than the dataset has classes cannot train on it: said so.
        ModelFile small = smallModel();  // 3 outputs
        doc.reset(small);                // on the built-in shapes: 10 classes
        lines = datasetDockLines(window);
        QVERIFY2(lines.join(QLatin1Char('\n')).contains(QLatin1String("10 classes, more than the model's outputs (3)")),
                 qPrintable(lines.join(QLatin1Char('|'))));
    }

    // Issue 18: the dock's combo and folder chooser change the project's dataset only once the
    // chosen one has loaded, in one undoable step; a folder that fails to load is reported and
    // leaves the project (dataset, undo history, saved state) as it was.
    void datasetDockChangesTheProjectOnlyOnceLoaded() {
        MainWindow window;
        ModelDocument doc;
        ModelFile f = smallModel();
        f.project["dataset"] = "builtin";
        doc.reset(f);
        DatasetSession data;
        DatasetUi page(window, doc, data);
        page.setInteractive(false);
        DatasetController dock(window, doc, data);
        connect(&dock, &DatasetController::sourceChosen, &page, &DatasetUi::openSource);
        const int undoBefore = doc.undoStack()->count();

        const QString broken = tmp_.filePath(QStringLiteral("broken"));
        QVERIFY(QDir().mkpath(broken));
        QFile junk(broken + QStringLiteral("/notes.txt"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a dataset");
        junk.close();
        dock.setFolderPicker([broken] { return broken; });
        dock.chooseFolder();
        QCOMPARE(QString::fromStdString(doc.datasetSource()), QStringLiteral("builtin"));  // not yet
        QVERIFY(data.waitForIdle());
        QCOMPARE(QString::fromStdString(doc.datasetSource()), QStringLiteral("builtin"));
        QCOMPARE(doc.undoStack()->count(), undoBefore);
        QVERIFY(doc.undoStack()->isClean());
        QCOMPARE(dock.combo()->currentData().toString(), QStringLiteral("builtin"));
        auto* message = page.page()->findChild<QLabel*>(QStringLiteral("datasetMessage"));
        QVERIFY(message);
        QVERIFY2(message->text().contains(QStringLiteral("could not be opened")), qPrintable(message->text()));

        // A good folder: the project's once loaded, one undo step back.
        dock.setFolderPicker([this] { return folder_; });
        dock.chooseFolder();
        QCOMPARE(QString::fromStdString(doc.datasetSource()), QStringLiteral("builtin"));
        QVERIFY(data.waitForIdle());
        QCOMPARE(QString::fromStdString(doc.datasetSource()), folder_);
        QCOMPARE(doc.undoStack()->count(), undoBefore + 1);
        QCOMPARE(dock.combo()->currentData().toString(), folder_);

        // The combo: the generated set, the same way.
        const int builtin = dock.combo()->findData(QStringLiteral("builtin"));
        QVERIFY(builtin >= 0);
        dock.combo()->setCurrentIndex(builtin);
        emit dock.combo()->activated(builtin);
        QCOMPARE(dock.combo()->currentData().toString(), folder_);  // still the project's
        QVERIFY(data.waitForIdle());
        QTRY_COMPARE(QString::fromStdString(doc.datasetSource()), QStringLiteral("builtin"));
        QCOMPARE(doc.undoStack()->count(), undoBefore + 2);
        doc.undoStack()->undo();
        QCOMPARE(QString::fromStdString(doc.datasetSource()), folder_);
    }

    void predictionsFromTrainedWeights() {
        ModelFile f = smallModel();
        Model model(f.graph, 3);
        storeWeights(model, f);
        MainWindow window;
        ModelDocument doc;
        doc.reset(f);
        DatasetSession data;
        DatasetUi ui(window, doc, data);
        ui.setInteractive(false);
        QSignalSpy predicted(&ui, &DatasetUi::predictionsReady);
        ui.openSource(folder_);
        QVERIFY(ui.session()->waitForIdle());
        QVERIFY(ui.session()->waitForIdle());
        QCOMPARE(predicted.count(), 1);
        const DatasetCatalog& c = *ui.catalog();
        QVERIFY(c.hasPredictions());
        for (std::size_t g = 0; g < c.size(); ++g) {
            QVERIFY(c.predicted(g) >= 0 && c.predicted(g) < 3);
            const std::vector<float> p = c.probabilities(g);
            QCOMPARE(int(p.size()), 3);
            QVERIFY(std::abs(p[0] + p[1] + p[2] - 1.f) < 1e-4f);
            QCOMPARE(c.confidence(g), *std::max_element(p.begin(), p.end()));
        }
    }
};

QTEST_MAIN(TestDatasetUi)
#include "test_dataset_ui.moc"
