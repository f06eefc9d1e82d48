// The dataset browser's list model on generated data: row count, data roles, filtering and
// sorting on index vectors, the validation split matching the engine's, and thumbnails made
// only for the tiles a view actually shows.
#include <QApplication>
#include <QElapsedTimer>
#include <QListView>
#include <QScrollBar>
#include <QTest>

#include "data/dataset_project.h"
#include "data/split.h"
#include "dataset/dataset_browser.h"
#include "dataset/dataset_catalog.h"
#include "dataset/dataset_list_model.h"
#include "dataset_test_helpers.h"

using namespace cs;
using namespace cs::gui;

class TestDatasetModel : public QObject {
    Q_OBJECT

    static std::shared_ptr<DatasetCatalog> catalog(int train = 300, int test = 60, int classes = 3) {
        return std::make_shared<DatasetCatalog>(test::generatedSplits(train, test, classes), "generated");
    }
    // Predictions where every fifth sample is wrong, with confidence in [0.4, 1) rising with the index,
    // so every wrong sample has a larger loss than every right one.
    static void predict(DatasetCatalog& c) {
        SamplePredictions p;
        p.classes = c.classCount();
        for (std::size_t g = 0; g < c.size(); ++g) {
            const int label = c.label(g);
            const int pred = g % 5 == 0 ? (label + 1) % p.classes : label;
            const float conf = 0.4f + 0.6f * float(g % 100) / 100.f;
            p.predicted.push_back(pred);
            p.confidence.push_back(conf);
            for (int k = 0; k < p.classes; ++k)
                p.probabilities.push_back(k == pred ? conf : (1 - conf) / (p.classes - 1));
            p.loss.push_back(-std::log(std::max(p.probabilities[g * p.classes + label], 1e-7f)));
        }
        c.setPredictions(std::move(p));
    }

private slots:
    void rowCountAndData() {
        DatasetListModel model;
        QCOMPARE(model.rowCount(), 0);
        auto c = catalog();
        model.setCatalog(c);
        QCOMPARE(model.rowCount(), 360);
        const QModelIndex first = model.index(0);
        QCOMPARE(model.data(first, DatasetListModel::GlobalIndexRole).toULongLong(), 0ull);
        QCOMPARE(model.data(first, DatasetListModel::LabelRole).toInt(), 0);
        QCOMPARE(model.data(first, DatasetListModel::ClassNameRole).toString(), QStringLiteral("class0"));
        QCOMPARE(model.data(model.index(301), DatasetListModel::LabelRole).toInt(), 1);  // test #1
        QCOMPARE(model.data(model.index(301), DatasetListModel::SplitRole).toInt(), int(SampleSplit::Test));
        QCOMPARE(model.data(model.index(301), Qt::DisplayRole).toString(), QStringLiteral("test image #1"));
        QCOMPARE(model.data(first, DatasetListModel::PredictedRole).toInt(), -1);
        const QImage thumb = model.data(model.index(7), Qt::DecorationRole).value<QImage>();
        QVERIFY(!thumb.isNull());
        QCOMPARE(thumb.width(), model.thumbnailSize());
        QCOMPARE(qGray(thumb.pixel(thumb.width() - 1, thumb.height() - 1)), 20 * (7 % 3));
        QCOMPARE(model.data(model.index(5), DatasetListModel::SourceRole).toString(),
                 QStringLiteral("generated-train#5"));
    }

    void filtersByClassSplitAndSearch() {
        DatasetListModel model;
        model.setCatalog(catalog());
        DatasetFilter f;
        f.classIndex = 2;
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 100 + 20);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.data(model.index(r), DatasetListModel::LabelRole).toInt(), 2);
        f.split = int(SampleSplit::Test);
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 20);
        f = {};
        f.search = QStringLiteral("42");
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 2);  // train #42 and test #42
        QCOMPARE(model.rowOf(42), 0);
        f.search = QStringLiteral("test image #4");
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 11);  // test #4, #40..#49
        f.search = QStringLiteral("9999");
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOf(0), -1);
    }

    void filtersAndSortsByPrediction() {
        auto c = catalog();
        DatasetListModel model;
        model.setCatalog(c);
        DatasetFilter f;
        f.misclassifiedOnly = true;
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 0);  // nothing is misclassified before a model has predicted
        predict(*c);
        model.refresh();
        QCOMPARE(model.rowCount(), 72);  // every fifth of 360
        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(model.data(model.index(r), DatasetListModel::MisclassifiedRole).toBool());
        f = {};
        f.minConfidence = 0.5f;
        f.maxConfidence = 0.6f;
        model.setFilter(f);
        for (int r = 0; r < model.rowCount(); ++r) {
            const double conf = model.data(model.index(r), DatasetListModel::ConfidenceRole).toDouble();
            QVERIFY(conf >= 0.5 - 1e-6 && conf <= 0.6 + 1e-6);
        }
        QVERIFY(model.rowCount() > 0);
        f = {};
        f.sort = DatasetSort::Confidence;
        f.descending = true;
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 360);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.data(model.index(r - 1), DatasetListModel::ConfidenceRole).toDouble() >=
                    model.data(model.index(r), DatasetListModel::ConfidenceRole).toDouble());
        f.sort = DatasetSort::Loss;
        f.descending = true;
        model.setFilter(f);
        QVERIFY(
            model.data(model.index(0), DatasetListModel::MisclassifiedRole).toBool());  // the worst loss is a wrong one
        f.sort = DatasetSort::Class;
        f.descending = false;
        model.setFilter(f);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.data(model.index(r - 1), DatasetListModel::LabelRole).toInt() <=
                    model.data(model.index(r), DatasetListModel::LabelRole).toInt());
    }

    void validationSplitMatchesTheTrainer() {
        DataSplits splits = test::generatedSplits(300, 60, 3);
        DatasetCatalog c(splits, "generated");
        c.setValidationSplit(0.2, 7);
        DataSplits carved = splits;
        DatasetProject project;
        project.validationFraction = 0.2;
        project.seed = 7;
        prepareTrainingData(carved, project);
        QCOMPARE(c.splitCount(SampleSplit::Validation), carved.validation.size());
        QCOMPARE(c.splitCount(SampleSplit::Train), carved.train.size());
        // The same samples: the generated images carry their index in pixel 0.
        std::vector<int> fromCatalog, fromEngine;
        for (std::size_t g = 0; g < c.size(); ++g)
            if (c.split(g) == SampleSplit::Validation) fromCatalog.push_back(c.image(g)[0]);
        for (std::size_t i = 0; i < carved.validation.size(); ++i) fromEngine.push_back(carved.validation.image(i)[0]);
        QCOMPARE(fromCatalog, fromEngine);
        DatasetListModel model;
        model.setCatalog(std::make_shared<DatasetCatalog>(c));
        DatasetFilter f;
        f.split = int(SampleSplit::Validation);
        model.setFilter(f);
        QCOMPARE(std::size_t(model.rowCount()), carved.validation.size());
    }

    void filteringSeventyThousandIsFast() {
        auto c = catalog(60000, 10000, 10);
        predict(*c);
        DatasetListModel model;
        model.setCatalog(c);
        QElapsedTimer t;
        t.start();
        DatasetFilter f;
        f.classIndex = 5;
        f.misclassifiedOnly = true;
        f.sort = DatasetSort::Loss;
        model.setFilter(f);
        QVERIFY2(t.elapsed() < 300, qPrintable(QStringLiteral("%1 ms").arg(t.elapsed())));
        QCOMPARE(model.rowCount(), 7000);
        QCOMPARE(model.thumbnailsMade(), 0);
    }

    void thumbnailsAreMadeOnlyForVisibleTiles() {
        DatasetBrowser browser;
        browser.resize(900, 600);
        browser.setCatalog(catalog(60000, 0, 10));
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        QCoreApplication::processEvents();
        DatasetListModel* model = browser.model();
        QCOMPARE(model->rowCount(), 60000);
        const int shown = model->thumbnailsMade();
        QVERIFY2(shown > 0 && shown < 300, qPrintable(QString::number(shown)));
        // Scroll to the end: only the tiles that come into view are made.
        QScrollBar* bar = browser.view()->verticalScrollBar();
        bar->setValue(bar->maximum());
        QCoreApplication::processEvents();
        QTest::qWait(20);
        const int afterScroll = model->thumbnailsMade();
        QVERIFY2(afterScroll > shown && afterScroll < 2 * 300, qPrintable(QString::number(afterScroll)));
        // Scrolling through all 60,000: a repaint at any position takes well under a frame
        // (the median, so that a busy build machine does not decide it).
        std::vector<qint64> times;
        for (int step = 0; step <= 40; ++step) {
            QElapsedTimer t;
            t.start();
            bar->setValue(bar->maximum() * step / 40);
            browser.view()->viewport()->repaint();
            times.push_back(t.elapsed());
        }
        std::sort(times.begin(), times.end());
        QVERIFY2(times[times.size() / 2] < 16,
                 qPrintable(QStringLiteral("median repaint %1 ms").arg(times[times.size() / 2])));
        browser.setThumbnailSize(128);
        QCoreApplication::processEvents();
        QTest::qWait(20);
        QVERIFY(model->thumbnailsMade() < 4000);
        QCOMPARE(model->thumbnail(59999).width(), 128);
    }
};

QTEST_MAIN(TestDatasetModel)
#include "test_dataset_model.moc"
