// Explanations in the studio, through its doors: double-clicking a mistake in the Evaluation
// page's gallery opens the image with "why this, not that" — Grad-CAM for the predicted class
// beside Grad-CAM for the true class, the engine's numbers for that image. With
// CONVSTUDIO_SCREENSHOTS=FOLDER the dialog is saved there.
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "dataset/dataset_catalog.h"
#include "dataset/dataset_page.h"
#include "dataset/image_detail_dialog.h"
#include "dataset/pixel_view.h"
#include "dataset_ui.h"
#include "designer/model_document.h"
#include "graph/model.h"
#include "inspect/probe_capture.h"
#include "inspect/why_view.h"
#include "main_window.h"
#include "project_controller.h"
#include "studio.h"
#include "train/evaluator.h"
#include "training/evaluation_panel.h"
#include "training/misclassified_gallery.h"
#include "training_test_helpers.h"
#include "training_ui.h"

using namespace cs;
using namespace cs::gui;

namespace {

// A small CNN with seeded weights on the 28x28 shapes: untrained, so it gets many wrong.
ModelFile projectOn(const QString& folder) {
    ModelFile f;
    f.graph = GraphSpec::sequential({{"Input", {{"height", 28}, {"width", 28}, {"channels", 1}}},
                                     {"Conv2D", {{"filters", 4}, {"kernel_size", 3}, {"activation", "relu"}}},
                                     {"MaxPooling2D", {{"pool_size", 2}}},
                                     {"Flatten", nlohmann::json::object()},
                                     {"Dense", {{"units", 3}, {"activation", "softmax"}}}});
    f.classNames = {"circle", "square", "cross"};
    f.seed = 3;
    f.project["dataset"] = folder.toStdString();
    Model model(f.graph, f.seed);
    storeWeights(model, f);
    return f;
}

EvalReport evaluateOn(const DatasetCatalog& catalog, const ModelFile& file) {
    Model model(file.graph, file.seed);
    applyWeights(file, model);
    auto data = std::make_shared<Dataset>(catalog.part(0));
    EvalOptions o;
    o.keepPredictions = true;
    EvalReport r;
    r.result = evaluate(model, *data, file.preprocessing, o, nullptr, 1);
    r.data = data;
    r.setName = QStringLiteral("test");
    return r;
}

}  // namespace

class TestExplainUi : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString project_;

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        const QString folder = tmp_.filePath(QStringLiteral("shapes"));
        cs::testing::writeShapesImageFolder(folder);
        project_ = tmp_.filePath(QStringLiteral("why.csmodel"));
        ProjectController::writeProject(project_, projectOn(folder));
    }

    void galleryMistakeShowsWhyThisNotThat() {
        Studio studio;
        studio.project()->setInteractive(false);
        studio.datasetPage()->setInteractive(false);
        studio.openInitial(project_);
        MainWindow* w = studio.window();
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        w->showPage(studio.datasetPage()->page());
        QTRY_VERIFY_WITH_TIMEOUT(studio.datasetPage()->catalog() != nullptr, 20000);
        DatasetUi* ui = studio.datasetPage();
        const ModelFile& file = studio.document()->file();
        QVERIFY(file.hasWeights());
        EvaluationPanel* evaluation = studio.training()->evaluation();
        const EvalReport report = evaluateOn(*ui->catalog(), file);
        evaluation->setReport(report);
        w->showPage(evaluation);
        MisclassifiedGallery* gallery = evaluation->gallery();
        QVERIFY(!gallery->shownSamples().empty());
        QListView* view = gallery->view();
        QTRY_VERIFY(view->isVisible());
        const QPoint at = view->visualRect(view->model()->index(0, 0)).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
        QTRY_VERIFY(ui->imageDialog() && ui->imageDialog()->isVisible());
        ImageDetailDialog* dialog = ui->imageDialog();
        WhyView* why = dialog->whyView();
        QVERIFY(why->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!why->isComputing() && why->shown().size() == 2, 10000);

        // The engine's explanations of that image for its predicted and its true class.
        const int sample = gallery->shownSamples()[0];
        const int truth = report.data->labels[std::size_t(sample)];
        const int predicted = report.result.predicted[std::size_t(sample)];
        QVERIFY(truth != predicted);
        Model model(file.graph, file.seed);
        applyWeights(file, model);
        const ProbeImage probe = probeFromCatalog(*ui->catalog(), std::size_t(dialog->sample()));
        const Tensor input = probeInput(file.preprocessing, probe);
        ExplainOptions o;
        o.targetClass = predicted;
        const Explanation forPredicted = explain(model, input, o);
        o.targetClass = truth;
        const Explanation forTruth = explain(model, input, o);
        QCOMPARE(why->shown()[0].explanation.target, predicted);
        QCOMPARE(why->shown()[0].explanation.heat, forPredicted.heat);
        QCOMPARE(why->shown()[1].explanation.target, truth);
        QCOMPARE(why->shown()[1].explanation.heat, forTruth.heat);
        QVERIFY(why->predictedCaption()->text().contains(QString::fromStdString(file.classNames[predicted])));
        QVERIFY(why->trueCaption()->text().contains(QString::fromStdString(file.classNames[truth])));
        QVERIFY(!why->predictedView()->overlay().isNull());
        QVERIFY(!why->trueView()->overlay().isNull());

        // The opacity slider, by mouse.
        QTest::mouseClick(why->opacitySlider(), Qt::LeftButton, {},
                          QPoint(why->opacitySlider()->width() - 3, why->opacitySlider()->height() / 2));
        QVERIFY(why->trueView()->overlayOpacity() > 0.5);

        if (const QString dir = qEnvironmentVariable("CONVSTUDIO_SCREENSHOTS"); !dir.isEmpty()) {
            QDir().mkpath(dir);
            QApplication::processEvents();
            QVERIFY(dialog->grab().save(dir + QStringLiteral("/gallery_why.png")));
        }
    }
};

QTEST_MAIN(TestExplainUi)
#include "test_explain_ui.moc"
