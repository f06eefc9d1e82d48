// The evaluation views show the engine's numbers: the confusion matrix cell by cell, the
// per-class precision/recall/F1, and clicking a cell lists exactly the images of that cell,
// most confident first; the default gallery lists every mistake.
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <set>

#include "data/builtin_dataset.h"
#include "graph/model.h"
#include "train/evaluator.h"
#include "train/saved_evaluation.h"
#include "training/confusion_matrix_view.h"
#include "training/evaluation_panel.h"
#include "training/misclassified_gallery.h"

using namespace cs;
using namespace cs::gui;

namespace {

EvalReport evaluateTinyModel() {
    const GraphSpec spec =
        GraphSpec::sequential({{"Input", {{"height", 28}, {"width", 28}, {"channels", 1}}},
                               {"Conv2D", {{"filters", 4}, {"kernel_size", 3}, {"activation", "relu"}}},
                               {"MaxPooling2D", {{"pool_size", 4}}},
                               {"Flatten", nlohmann::json::object()},
                               {"Dense", {{"units", 10}, {"activation", "softmax"}}}});
    Model model(spec, 3);
    auto data = std::make_shared<Dataset>(makeShapesDataset(400, 28, 28, 1, 11));
    EvalOptions o;
    o.keepPredictions = true;
    EvalReport r;
    r.result = evaluate(model, *data, Preprocessing{}, o, nullptr, 1);
    r.data = data;
    r.setName = QStringLiteral("test");
    return r;
}

}  // namespace

class TestConfusionMatrix : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { report_ = evaluateTinyModel(); }
    void numbersEqualTheEngines();
    void clickingACellListsItsImages();
    void galleryListsEveryMistake();
    void galleryImagesAreDoors();
    void captionsElideInTheMiddle();
    void reopenedEvaluationExplainsItsCells();

private:
    EvalReport report_;
};

void TestConfusionMatrix::numbersEqualTheEngines() {
    EvaluationPanel panel;
    panel.resize(1100, 700);
    panel.setReport(report_);
    const EvalResult& r = report_.result;
    QCOMPARE(r.samples, 400);
    ConfusionMatrixView* m = panel.confusion();
    QCOMPARE(m->classCount(), 10);
    int total = 0, diagonal = 0;
    for (int t = 0; t < 10; ++t)
        for (int p = 0; p < 10; ++p) {
            QCOMPARE(m->count(t, p), r.confusion[t][p]);
            total += m->count(t, p);
            if (t == p) diagonal += m->count(t, p);
        }
    QCOMPARE(total, 400);
    QVERIFY(std::abs(double(diagonal) / total - r.accuracy) < 1e-12);
    QTableWidget* table = panel.classTable();
    QCOMPARE(table->rowCount(), 11);  // classes + macro average
    for (int c = 0; c < 10; ++c) {
        QCOMPARE(table->item(c, 0)->text(), QString::fromStdString(report_.data->classNames[c]));
        QCOMPARE(table->item(c, 1)->data(Qt::UserRole).toDouble(), r.precision[c]);
        QCOMPARE(table->item(c, 2)->data(Qt::UserRole).toDouble(), r.recall[c]);
        QCOMPARE(table->item(c, 3)->data(Qt::UserRole).toDouble(), r.f1[c]);
        QCOMPARE(table->item(c, 4)->data(Qt::UserRole).toInt(), r.support[c]);
    }
    QVERIFY(panel.summary()->text().contains(QString::number(r.accuracy * 100, 'f', 2) + QLatin1Char('%')));
}

void TestConfusionMatrix::clickingACellListsItsImages() {
    EvaluationPanel panel;
    panel.resize(1100, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setReport(report_);
    const EvalResult& r = report_.result;
    // The fullest off-diagonal cell.
    int bt = 0, bp = 1;
    for (int t = 0; t < 10; ++t)
        for (int p = 0; p < 10; ++p)
            if (t != p && r.confusion[t][p] > r.confusion[bt][bp]) bt = t, bp = p;
    QVERIFY(r.confusion[bt][bp] > 0);
    QSignalSpy clicked(panel.confusion(), &ConfusionMatrixView::cellClicked);
    QTest::mouseClick(panel.confusion(), Qt::LeftButton, {}, panel.confusion()->cellRect(bt, bp).center());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), bt);
    QCOMPARE(clicked.at(0).at(1).toInt(), bp);
    QCOMPARE(panel.confusion()->selectedCell(), QPoint(bp, bt));

    const std::vector<int>& shown = panel.gallery()->shownSamples();
    QCOMPARE(int(shown.size()), r.confusion[bt][bp]);
    std::set<int> expected;
    for (int i = 0; i < 400; ++i)
        if (report_.data->labels[i] == bt && r.predicted[i] == bp) expected.insert(i);
    QCOMPARE(std::set<int>(shown.begin(), shown.end()), expected);
    for (std::size_t i = 1; i < shown.size(); ++i) QVERIFY(r.confidence[shown[i - 1]] >= r.confidence[shown[i]]);
    QCOMPARE(panel.gallery()->view()->model()->rowCount(), int(shown.size()));

    // A diagonal cell lists the correct ones.
    QTest::mouseClick(panel.confusion(), Qt::LeftButton, {}, panel.confusion()->cellRect(bt, bt).center());
    QCOMPARE(int(panel.gallery()->shownSamples().size()), r.confusion[bt][bt]);
}

// Issue 18: an evaluation reopened from the project holds only its kept mistakes. A diagonal
// cell used to list nothing without a word; it now says why and links to Evaluate.
void TestConfusionMatrix::reopenedEvaluationExplainsItsCells() {
    const SavedEvaluation saved = SavedEvaluation::fromJson(
        savedEvaluation(HeldOutEvaluation{EvalSet::Test, report_.data, report_.result}).toJson());
    EvalReport reopened;
    reopened.result = saved.result;
    reopened.data = std::make_shared<const Dataset>(saved.mistakes);
    reopened.setName = QStringLiteral("test");
    reopened.mistakesOnly = true;
    EvaluationPanel panel;
    panel.setReport(reopened);
    int c = 0;
    while (c < 10 && reopened.result.confusion[c][c] == 0) ++c;
    QVERIFY(c < 10);
    emit panel.confusion()->cellClicked(c, c);
    QVERIFY(panel.gallery()->shownSamples().empty());
    const QString title = panel.gallery()->title();
    QVERIFY2(title.contains(QString::number(reopened.result.confusion[c][c])) &&
                 title.contains(QStringLiteral("not kept with the project")),
             qPrintable(title));
    QSignalSpy evaluate(&panel, &EvaluationPanel::evaluateRequested);
    emit panel.gallery()->titleLabel()->linkActivated(QStringLiteral("evaluate"));
    QCOMPARE(evaluate.count(), 1);
}

void TestConfusionMatrix::galleryListsEveryMistake() {
    MisclassifiedGallery gallery;
    gallery.resize(600, 400);
    gallery.setReport(report_);
    const EvalResult& r = report_.result;
    const auto& shown = gallery.shownSamples();
    int wrong = 0;
    for (int i = 0; i < 400; ++i) wrong += report_.data->labels[i] != r.predicted[i];
    QCOMPARE(int(shown.size()), wrong);
    for (std::size_t i = 1; i < shown.size(); ++i) QVERIFY(r.confidence[shown[i - 1]] >= r.confidence[shown[i]]);
    const int s = shown.front();
    const QString caption = MisclassifiedGallery::caption(report_, s);
    QVERIFY(caption.startsWith(QString::fromStdString(report_.data->classNames[report_.data->labels[s]])));
    QVERIFY(caption.contains(QString::fromStdString(report_.data->classNames[r.predicted[s]])));
    const QModelIndex first = gallery.view()->model()->index(0, 0);
    QVERIFY(!first.data(Qt::DecorationRole).value<QPixmap>().isNull());
    QVERIFY(first.data(Qt::ToolTipRole).toString().contains(QLatin1Char('%')));
    QVERIFY(!gallery.grab().isNull());
}

// Single click selects, double click opens; the request names the image by its source.
void TestConfusionMatrix::galleryImagesAreDoors() {
    MisclassifiedGallery gallery;
    gallery.resize(600, 400);
    gallery.setReport(report_);
    gallery.show();
    QVERIFY(QTest::qWaitForWindowExposed(&gallery));
    QSignalSpy spy(&gallery, &MisclassifiedGallery::imageActionRequested);
    QListView* view = gallery.view();
    const QModelIndex second = view->model()->index(1, 0);
    const QPoint at = view->visualRect(second).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(view->currentIndex().row(), 1);
    QCOMPARE(spy.count(), 0);  // a click only selects
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(spy.count(), 1);
    const int s = gallery.shownSamples()[1];
    QCOMPARE(spy.at(0).at(0).value<std::string>(), report_.data->sourceOf(std::size_t(s)));
    QCOMPARE(spy.at(0).at(1).value<ImageAction>(), ImageAction::Open);
    // The tooltip holds the whole caption, on one line.
    QVERIFY(second.data(Qt::ToolTipRole)
                .toString()
                .startsWith(MisclassifiedGallery::caption(report_, s).replace(QLatin1Char('\n'), QLatin1Char(' '))));
}

// "Ankle boot → Sandal" shows in full when it fits; when it does not, both ends stay.
void TestConfusionMatrix::captionsElideInTheMiddle() {
    QFont font;
    const QFontMetrics fm(font);
    const QString caption = QStringLiteral("Ankle boot → Sandal\n97.1%");
    const QStringList wide = MisclassifiedGallery::fittedLines(caption, font, fm.horizontalAdvance(caption) + 4);
    QCOMPARE(wide, (QStringList{QStringLiteral("Ankle boot → Sandal"), QStringLiteral("97.1%")}));
    const QStringList narrow =
        MisclassifiedGallery::fittedLines(caption, font, fm.horizontalAdvance(QStringLiteral("Ankle boot → Sa")));
    QVERIFY(narrow[0].contains(QChar(0x2026)));
    QVERIFY2(narrow[0].startsWith(QLatin1String("Ank")) && narrow[0].endsWith(QLatin1String("dal")),
             qPrintable(narrow[0]));
    // The tile fits a caption of two ten-letter class names, as in Fashion-MNIST.
    MisclassifiedGallery gallery;
    gallery.setReport(report_);
    const QSize grid = gallery.view()->gridSize();
    QVERIFY2(fm.horizontalAdvance(QStringLiteral("Ankle boot → Sandal")) <= grid.width() - 8,
             qPrintable(QString::number(grid.width())));
}

QTEST_MAIN(TestConfusionMatrix)
#include "test_confusion_matrix.moc"
