// The dataset page in the studio's window: opening image folders (menu path and dropped
// folder), loading on a thread with cancel, the project's split and exclusions, predictions
// from trained weights, and moving an image to another class (the file moves; undo moves it back).
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "data/data_source.h"
#include "data/dataset_export.h"
#include "data/statistics.h"
#include "dataset/dataset_browser.h"
#include "dataset/dataset_catalog.h"
#include "dataset/dataset_list_model.h"
#include "dataset/dataset_page.h"
#include "dataset/dataset_project.h"
#include "dataset_session.h"
#include "dataset_ui.h"
#include "designer/model_document.h"
#include "graph/model.h"
#include "io/presets.h"
#include "main_window.h"

using namespace cs;
using namespace cs::gui;

namespace {

// 3 classes x 8 gray 28x28 images written as image folders.
void writeFolder(const QString& dir) {
    Dataset d;
    d.height = d.width = 28;
    d.channels = 1;
    d.classNames = {"circle", "square", "cross"};
    for (int i = 0; i < 24; ++i) {
        d.labels.push_back(i % 3);
        for (int p = 0; p < 28 * 28; ++p) d.pixels.push_back(uint8_t((p * (i + 1) + 40 * (i % 3)) % 256));
    }
    exportImageFolder(d, dir.toStdString());
}

ModelFile smallModel() {
    ModelFile f;
    f.graph = GraphSpec::sequential({{"Input", {{"height", 28}, {"width", 28}, {"channels", 1}}},
                                     {"Flatten", nlohmann::json::object()},
                                     {"Dense", {{"units", 3}, {"activation", "softmax"}}}});
    f.classNames = {"circle", "square", "cross"};
    f.project["dataset"] = "builtin";
    return f;
}

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
        writeFolder(folder_);
    }

    void opensAFolderAndKeepsItInTheProject() {
        MainWindow window;
        ModelDocument doc;
        doc.reset(smallModel());
        DatasetUi ui(window, &doc);
        ui.setInteractive(false);
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
        doc.setTrainingValue("validation_split", 0.25);
        QCOMPARE(ui.catalog()->splitCount(SampleSplit::Validation), std::size_t(6));
    }

    void droppedFolderOpensAsDataset() {
        MainWindow window;
        ModelDocument doc;
        doc.reset(smallModel());
        DatasetUi ui(window, &doc);
        ui.setInteractive(false);
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
        DatasetUi ui(window, &doc);
        QSignalSpy cancelled(ui.session(), &DatasetSession::loadCancelled);
        ui.session()->load(QStringLiteral(CONVSTUDIO_FASHION_DIR), doc.file().preprocessing);
        QVERIFY(ui.session()->isLoading());
        ui.session()->cancelLoading();
        QVERIFY(!ui.session()->isLoading());
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!ui.catalog());
        // A new request replaces the running one: only the last one reports.
        QSignalSpy loaded(ui.session(), &DatasetSession::loaded);
        for (int i = 0; i < 5; ++i) {
            ui.session()->load(i % 2 ? QStringLiteral("builtin") : folder_, doc.file().preprocessing);
            QTest::qWait(i * 3);
        }
        QVERIFY(ui.session()->waitForIdle());
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(loaded.at(0).at(0).value<std::shared_ptr<DatasetCatalog>>()->source(), folder_.toStdString());
    }

    void exclusionStaysInTheProjectAndTrainingHonoursIt() {
        MainWindow window;
        ModelDocument doc;
        doc.reset(smallModel());
        DatasetUi ui(window, &doc);
        ui.setInteractive(false);
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
        MainWindow window;
        ModelDocument doc;
        doc.reset(smallModel());
        DatasetUi ui(window, &doc);
        ui.setInteractive(false);
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
        MainWindow window;
        ModelDocument doc;
        doc.reset(smallModel());
        DatasetUi ui(window, &doc);
        ui.setInteractive(false);
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

    void predictionsFromTrainedWeights() {
        ModelFile f = smallModel();
        Model model(f.graph, 3);
        storeWeights(model, f);
        MainWindow window;
        ModelDocument doc;
        doc.reset(f);
        DatasetUi ui(window, &doc);
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
