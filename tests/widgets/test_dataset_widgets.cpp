// The dataset page's widgets on generated data: the class-balance chart against the engine's
// statistics, the augmentation preview against the engine's seeded augmentVariants(), the
// detail view, the split editor's counts, and the page wiring them to the grid.
#include <QDoubleSpinBox>
#include <QListView>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include "data/augment.h"
#include "data/split.h"
#include "data/statistics.h"
#include "dataset/augment_preview.h"
#include "dataset/class_balance_chart.h"
#include "dataset/dataset_browser.h"
#include "dataset/dataset_catalog.h"
#include "dataset/dataset_info_panel.h"
#include "dataset/dataset_page.h"
#include "dataset/image_detail_view.h"
#include "dataset/pixel_view.h"
#include "dataset/probability_bars.h"
#include "dataset/split_editor.h"
#include "dataset_test_helpers.h"

using namespace cs;
using namespace cs::gui;

class TestDatasetWidgets : public QObject {
    Q_OBJECT

    static std::vector<double> asDoubles(const std::vector<std::size_t>& v) { return {v.begin(), v.end()}; }

    // Unbalanced: class k has roughly (k + 1) times as many images as class 0.
    static DataSplits unbalanced() {
        DataSplits s = test::generatedSplits(600, 90, 4);
        std::vector<uint32_t> keep;
        for (uint32_t i = 0; i < s.train.size(); ++i)
            if (int(i % 10) <= 2 * s.train.labels[i] + 1) keep.push_back(i);
        s.train = s.train.subset(keep);
        return s;
    }

private slots:
    void chartMatchesEngineStatistics() {
        const DataSplits data = unbalanced();
        DatasetCatalog catalog(data, "generated");
        DatasetInfoPanel panel;
        panel.setData(catalog, {computeStats(data.train), computeStats(data.validation), computeStats(data.test)});
        const ClassBalanceChart* chart = panel.chart();
        QCOMPARE(chart->values(0), asDoubles(computeStats(data.train).classCounts));
        QCOMPARE(chart->values(2), asDoubles(computeStats(data.test).classCounts));
        QCOMPARE(chart->values(1), std::vector<double>(4, 0.0));
        QCOMPARE(chart->categories(), (QStringList{"class0", "class1", "class2", "class3"}));
        QCOMPARE(panel.classTable()->rowCount(), 4);
        QCOMPARE(panel.classTable()->item(3, 1)->text().remove(QLatin1Char(',')).toULongLong(),
                 qulonglong(computeStats(data.train).classCounts[3]));

        // With a validation split, training + validation still add up to the engine's counts and
        // validation is what the engine's stratified split holds out.
        catalog.setValidationSplit(0.25, 3);
        panel.updateCounts(catalog);
        const IndexSplit split = stratifiedSplit(data.train.labels, 4, 0.25, 3);
        const auto expectedValidation = computeStats(data.train.subset(split.validation)).classCounts;
        QCOMPARE(chart->values(1), asDoubles(expectedValidation));
        for (int k = 0; k < 4; ++k)
            QCOMPARE(chart->values(0)[k] + chart->values(1)[k], double(computeStats(data.train).classCounts[k]));
    }

    void augmentPreviewUsesTheSeededEngineCode() {
        const DataSplits data = test::generatedSplits(10, 0, 2, 16);
        const uint8_t* image = data.train.image(3);
        AugmentPreview preview;
        AugmentOptions options;
        options.rotate = {1.f, 30.f};
        options.noise = {0.5f, 0.1f};
        preview.setOptions(options);
        preview.setSeed(1234);
        preview.setImage(image, 16, 16, 1);
        QCOMPARE(preview.variants(), augmentVariants(image, 16, 16, 1, options, preview.variantCount(), 1234));
        QVERIFY(preview.variants()[0] != std::vector<uint8_t>(image, image + 256));

        // Changing a setting in the form redraws at once and reports the new options.
        QSignalSpy changed(&preview, &AugmentPreview::optionsChanged);
        const auto spins = preview.findChildren<QDoubleSpinBox*>();
        QVERIFY(spins.size() >= 2);
        spins[0]->setValue(100);   // shift chance
        spins[1]->setValue(0.25);  // shift amount
        QVERIFY(changed.count() >= 1);
        const AugmentOptions now = preview.options();
        QCOMPARE(now.shift.probability, 1.f);
        QCOMPARE(now.shift.amount, 0.25f);
        QCOMPARE(now.rotate, options.rotate);
        QCOMPARE(preview.variants(), augmentVariants(image, 16, 16, 1, now, preview.variantCount(), 1234));

        // Re-roll: another seed, other variants, still the engine's.
        const auto before = preview.variants();
        preview.reroll();
        QVERIFY(preview.seed() != 1234);
        QVERIFY(preview.variants() != before);
        QCOMPARE(preview.variants(), augmentVariants(image, 16, 16, 1, now, preview.variantCount(), preview.seed()));
    }

    void detailViewShowsPixelsSourceAndProbabilities() {
        auto catalog = std::make_shared<DatasetCatalog>(test::generatedSplits(20, 0, 2), "generated");
        SamplePredictions p;
        p.classes = 2;
        for (std::size_t g = 0; g < catalog->size(); ++g) {
            p.predicted.push_back(0);
            p.confidence.push_back(0.75f);
            p.probabilities.insert(p.probabilities.end(), {0.75f, 0.25f});
            p.loss.push_back(catalog->label(g) == 0 ? 0.29f : 1.39f);
        }
        catalog->setPredictions(p);
        ImageDetailView view;
        view.setCatalog(catalog);
        view.showSample(5);
        QCOMPARE(view.sourceText(), QStringLiteral("generated-train#5"));
        QCOMPARE(view.pixelView()->image().width(), 8);
        QCOMPARE(view.pixelView()->describePixel({0, 0}), QStringLiteral("x 0, y 0: 5"));
        QCOMPARE(view.pixelView()->describePixel({3, 3}), QStringLiteral("x 3, y 3: 20"));
        QCOMPARE(view.probabilityBars()->probabilities(), (std::vector<float>{0.75f, 0.25f}));
        QSignalSpy probe(&view, &ImageDetailView::probeRequested);
        view.resize(300, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // Hover: the pixel under the mouse is reported.
        QSignalSpy hovered(view.pixelView(), &PixelView::pixelHovered);
        const QPoint centre = view.pixelView()->rect().center();
        QTest::mouseMove(view.pixelView(), centre);
        QTRY_VERIFY(hovered.count() > 0);
        QVERIFY(hovered.last().at(0).toString().startsWith(QStringLiteral("x ")));
        QTest::mouseClick(view.findChild<QWidget*>(QStringLiteral("useAsProbe")), Qt::LeftButton);
        QCOMPARE(probe.count(), 1);
        QCOMPARE(probe.at(0).at(0).value<std::size_t>(), std::size_t(5));
        QCOMPARE(probe.at(0).at(1).value<QImage>().size(), QSize(8, 8));
    }

    void splitEditorShowsPerClassCounts() {
        auto catalog = std::make_shared<DatasetCatalog>(test::generatedSplits(300, 60, 3), "generated");
        SplitEditor editor;
        QSignalSpy changed(&editor, &SplitEditor::splitChanged);
        editor.setSplit(0.1, 5);
        QCOMPARE(changed.count(), 0);
        catalog->setValidationSplit(0.1, 5);
        editor.showCounts(catalog.get());
        QCOMPARE(editor.table()->rowCount(), 4);  // three classes and the total
        QCOMPARE(editor.table()->item(0, 2)->text(), QStringLiteral("10"));
        QCOMPARE(editor.table()->item(0, 1)->text(), QStringLiteral("90"));
        QCOMPARE(editor.table()->item(3, 3)->text(), QStringLiteral("60"));
        editor.findChild<QDoubleSpinBox*>(QStringLiteral("validationFraction"))->setValue(20);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toDouble(), 0.2);
    }

    void pageFollowsTheGridSelection() {
        const DataSplits data = test::generatedSplits(200, 40, 4);
        auto catalog = std::make_shared<DatasetCatalog>(data, "generated");
        DatasetPage page;
        page.resize(1300, 800);
        page.setCatalog(catalog, {computeStats(data.train), computeStats(data.validation), computeStats(data.test)});
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.browser()->model()->rowCount(), 240);
        page.browser()->selectSample(17);
        QCOMPARE(page.detailView()->sample(), 17);
        QCOMPARE(page.augmentPreview()->variants().size(), std::size_t(page.augmentPreview()->variantCount()));
        // Double-clicking a class in the side panel filters the grid to it.
        emit page.infoPanel()->classTable()->cellDoubleClicked(2, 0);
        QCOMPARE(page.browser()->filter().classIndex, 2);
        QCOMPARE(page.browser()->model()->rowCount(), 60);
        page.showProgress(QStringLiteral("Loading"), 50, 100);
        QVERIFY(page.progressBar()->isVisible());
        QCOMPARE(page.progressBar()->value(), 500);
        page.hideProgress();
        QVERIFY(!page.progressBar()->isVisible());
    }
};

QTEST_MAIN(TestDatasetWidgets)
#include "test_dataset_widgets.moc"
