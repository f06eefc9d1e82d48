// The data doctor's page on a report made here (no doctor run): a lasso drawn with the mouse on
// the map selects the dots inside it, hovering a dot shows its card, a label suspect shows its
// image with the suggested class chosen and Move asks for exactly that, "Exclude all but one"
// keeps a test image of a leakage group, and fixed findings follow the catalog (so an undo
// un-ticks them). With CONVSTUDIO_SCREENSHOTS=FOLDER the findings and the map on Fashion-MNIST
// images are saved there.
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

#include "data/idx_loader.h"
#include "dataset/dataset_catalog.h"
#include "dataset_test_helpers.h"
#include "doctor/doctor_findings.h"
#include "doctor/doctor_map_view.h"
#include "doctor/doctor_panel.h"
#include "doctor/tsne.h"

using namespace cs;
using namespace cs::gui;

Q_DECLARE_METATYPE(std::vector<std::size_t>)

namespace {

// Files named like an image folder's, so the catalog allows edits (the panel only asks for them).
void nameAsFiles(Dataset& d, const char* split) {
    for (std::size_t i = 0; i < d.size(); ++i)
        d.sources.push_back(std::string("/data/") + split + "/class" + std::to_string(d.labels[i]) + "/" +
                            std::to_string(i) + ".png");
}

// A report on `data`: a leakage pair (train 3 = test 1), an exact pair in training, two label
// suspects, an outlier, and every image on a 10 x n grid map.
DoctorReport reportOn(const DataSplits& data) {
    DoctorReport r;
    r.trainImages = int(data.train.size());
    r.testImages = int(data.test.size());
    r.duplicates.push_back({{{DoctorSplit::Train, 3}, {DoctorSplit::Test, 1}}, false, true, 0.05f});
    r.duplicates.push_back(
        {{{DoctorSplit::Train, 5}, {DoctorSplit::Train, 9}, {DoctorSplit::Train, 13}}, true, false, 0});
    const int classes = data.train.classCount();
    r.labelSuspects.push_back(
        {{DoctorSplit::Train, 6}, data.train.labels[6], (data.train.labels[6] + 1) % classes, 0.05f, 0.9f, 3.1f});
    r.labelSuspects.push_back(
        {{DoctorSplit::Train, 7}, data.train.labels[7], (data.train.labels[7] + 2) % classes, 0.1f, 0.7f, 2.0f});
    r.outliers.push_back({{DoctorSplit::Test, 0}, OutlierKind::Blank, 1.0f});
    int k = 0;
    for (DoctorSplit split : {DoctorSplit::Train, DoctorSplit::Test}) {
        const Dataset& d = split == DoctorSplit::Train ? data.train : data.test;
        for (uint32_t i = 0; i < d.size(); ++i, ++k)
            r.map.push_back({{split, i}, float(k % 10), float(k / 10), d.labels[i]});
    }
    r.labelMethod = "made by the test";
    return r;
}

struct Fixture {
    std::shared_ptr<DatasetCatalog> catalog;
    DoctorReport report;
};

Fixture generated() {
    DataSplits data = test::generatedSplits(40, 10, 4, 8);
    nameAsFiles(data.train, "train");
    nameAsFiles(data.test, "test");
    Fixture f;
    f.report = reportOn(data);
    f.catalog = std::make_shared<DatasetCatalog>(std::move(data), "/data");
    return f;
}

}  // namespace

class TestDoctorWidgets : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<std::vector<std::size_t>>(); }

    void lassoSelectsTheDotsInside() {
        DoctorMapView map;
        std::vector<DoctorMapView::Point> points;
        for (int i = 0; i < 100; ++i) points.push_back({float(i % 10), float(i / 10), i % 3});
        map.resize(400, 400);
        map.setPoints(points, {"a", "b", "c"});
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        // A freehand triangle around the dots (x, y) with x >= 2, y >= 2 and x + y <= 10 (y up).
        auto at = [&](double x, double y) {
            const QPointF origin = map.widgetPos(0), oneX = map.widgetPos(1) - origin,
                          oneY = map.widgetPos(10) - origin;
            return (origin + x * oneX + y * oneY).toPoint();
        };
        QSignalSpy changed(&map, &DoctorMapView::selectionChanged);
        QTest::mousePress(&map, Qt::LeftButton, {}, at(1.6, 1.6));
        for (double t = 0; t <= 1.0; t += 0.1) QTest::mouseMove(&map, at(1.6 + t * 6.9, 1.6));
        for (double t = 0; t <= 1.0; t += 0.1) QTest::mouseMove(&map, at(8.5 - t * 6.9, 1.6 + t * 6.9));
        QTest::mouseRelease(&map, Qt::LeftButton, {}, at(1.6, 8.5));
        std::vector<int> expected;
        for (int i = 0; i < 100; ++i)
            if (i % 10 >= 2 && i / 10 >= 2 && i % 10 + i / 10 <= 10) expected.push_back(i);
        QCOMPARE(map.selection(), expected);
        QVERIFY(changed.count() >= 1);

        // A click on a dot selects it alone; a click on nothing clears.
        QTest::mouseClick(&map, Qt::LeftButton, {}, map.widgetPos(55).toPoint());
        QCOMPARE(map.selection(), std::vector<int>{55});
        QTest::mouseClick(&map, Qt::LeftButton, {}, at(4.5, 4.5));
        QVERIFY(map.selection().empty());
    }

    void hoverShowsTheImageAndItsClass() {
        DoctorMapView map;
        map.resize(300, 300);
        map.setPoints({{0, 0, 0}, {1, 0, 1}, {0, 1, 2}}, {"zero", "one", "two"});
        QImage picture(8, 8, QImage::Format_Grayscale8);
        picture.fill(200);
        map.setDescribe([&](int point) { return std::pair{picture, QStringLiteral("image %1").arg(point)}; });
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        QTest::mouseMove(&map, map.widgetPos(1).toPoint() + QPoint(2, 1));
        QTRY_VERIFY(map.hoverCard()->isVisible());
        QCOMPARE(map.hoveredPoint(), 1);
        QCOMPARE(map.hoverText(), QStringLiteral("image 1"));
        QVERIFY(map.rect().contains(map.hoverCard()->geometry()));
        QTest::mouseMove(&map, (map.widgetPos(0) + map.widgetPos(1) + map.widgetPos(2)).toPoint() / 3);
        QTRY_VERIFY(!map.hoverCard()->isVisible());
        QCOMPARE(map.hoveredPoint(), -1);
    }

    void wheelZoomsAroundTheCursor() {
        DoctorMapView map;
        map.resize(300, 300);
        map.setPoints({{0, 0, 0}, {10, 10, 1}, {5, 5, 0}}, {"a", "b"});
        const QPointF before = map.widgetPos(2);
        QWheelEvent wheel(before, map.mapToGlobal(before), {}, {0, 240}, Qt::NoButton, {}, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&map, &wheel);
        QVERIFY(map.zoom() > 1.2);
        QVERIFY((map.widgetPos(2) - before).manhattanLength() < 0.5);  // the dot under the cursor stays
        QVERIFY((map.widgetPos(1) - map.widgetPos(0)).manhattanLength() > 300);
    }

    void aLabelSuspectMovesToItsSuggestedClass() {
        Fixture f = generated();
        DoctorPanel panel;
        panel.resize(1000, 600);
        panel.setReport(f.report, f.catalog);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.tabs()->tabText(1), QStringLiteral("Label Suspects (2)"));
        QCOMPARE(panel.list(FindingKind::Duplicates)->topLevelItemCount(), 2);

        // A user's click on the second suspect: its image, the suggested class chosen.
        panel.tabs()->setCurrentIndex(1);
        QTreeWidget* list = panel.list(FindingKind::LabelSuspect);
        const QRect row = list->visualItemRect(list->topLevelItem(1));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, row.center());
        const std::size_t g = f.catalog->partOffset(0) + 7;
        QCOMPARE(panel.shownSamples(), std::vector<std::size_t>{g});
        QCOMPARE(panel.selectedSamples(), std::vector<std::size_t>{g});
        const int suggested = f.report.labelSuspects[1].suggestedClass;
        QCOMPARE(panel.moveTarget()->currentIndex(), suggested);
        QVERIFY(panel.moveButton()->isEnabled());
        QSignalSpy move(&panel, &DoctorPanel::moveRequested);
        QTest::mouseClick(panel.moveButton(), Qt::LeftButton);
        QCOMPARE(move.count(), 1);
        QCOMPARE(move.at(0).at(0).value<std::vector<std::size_t>>(), std::vector<std::size_t>{g});
        QCOMPARE(move.at(0).at(1).toInt(), suggested);

        // Fixed once the catalog says so; un-fixed when it goes back (an undo).
        const int given = f.catalog->label(g);
        QVERIFY(!panel.findingFixed(FindingKind::LabelSuspect, 1));
        f.catalog->relabel(g, suggested, "/data/train/moved.png");
        panel.catalogChanged();
        QVERIFY(panel.findingFixed(FindingKind::LabelSuspect, 1));
        QVERIFY(list->topLevelItem(1)->text(0).startsWith(QStringLiteral("✓")));
        f.catalog->relabel(g, given, "/data/train/7.png");
        panel.catalogChanged();
        QVERIFY(!panel.findingFixed(FindingKind::LabelSuspect, 1));

        // Ctrl+Z on the page asks for an undo of the last fix.
        QSignalSpy undo(&panel, &DoctorPanel::undoRequested);
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(undo.count(), 1);
    }

    void excludeAllButOneKeepsTheTestImage() {
        Fixture f = generated();
        DoctorPanel panel;
        panel.setReport(f.report, f.catalog);
        QSignalSpy exclude(&panel, &DoctorPanel::excludeRequested);
        const std::size_t train3 = f.catalog->partOffset(0) + 3, test1 = f.catalog->partOffset(2) + 1;
        panel.showFinding(FindingKind::Duplicates, 0);
        QCOMPARE(panel.shownSamples(), (std::vector<std::size_t>{train3, test1}));
        QVERIFY(panel.keepOneButton()->isEnabled());
        QTest::mouseClick(panel.keepOneButton(), Qt::LeftButton);
        QCOMPARE(exclude.count(), 1);
        QCOMPARE(exclude.at(0).at(0).value<std::vector<std::size_t>>(), std::vector<std::size_t>{train3});

        // The exact group keeps its first image.
        panel.showFinding(FindingKind::Duplicates, 1);
        QTest::mouseClick(panel.keepOneButton(), Qt::LeftButton);
        const std::size_t t0 = f.catalog->partOffset(0);
        QCOMPARE(exclude.at(1).at(0).value<std::vector<std::size_t>>(), (std::vector<std::size_t>{t0 + 9, t0 + 13}));
        f.catalog->setExcluded({"train/class1/9.png", "train/class1/13.png"});
        panel.catalogChanged();
        QVERIFY(panel.findingFixed(FindingKind::Duplicates, 1));
        QVERIFY(!panel.keepOneButton()->isEnabled());
    }

    void mapLassoFillsTheImages() {
        Fixture f = generated();
        DoctorPanel panel;
        panel.resize(1000, 600);
        panel.setReport(f.report, f.catalog);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.tabs()->setCurrentIndex(3);
        panel.map()->setSelection({0, 1, 2});
        QCOMPARE(panel.shownSamples().size(), std::size_t(3));
        QSignalSpy exclude(&panel, &DoctorPanel::excludeRequested);
        QTest::mouseClick(panel.excludeButton(), Qt::LeftButton);
        QCOMPARE(exclude.count(), 1);
        QCOMPARE(exclude.at(0).at(0).value<std::vector<std::size_t>>().size(), std::size_t(3));
    }

    // Real images: Fashion-MNIST, 600 training and 200 test images, t-SNE of the pixels. Runs in
    // every test run (a skipped test proves nothing); with CONVSTUDIO_SCREENSHOTS=FOLDER it saves them.
    void drawsFindingsAndMapOnFashionImages() {
        const QString dir = qEnvironmentVariable("CONVSTUDIO_SCREENSHOTS");
        // CONVSTUDIO_SCREENSHOT_QM=convstudio_zh_CN.qm (lrelease of translations/): in that language.
        QTranslator translator;
        const QString qm = qEnvironmentVariable("CONVSTUDIO_SCREENSHOT_QM");
        if (!qm.isEmpty()) {
            QVERIFY2(translator.load(qm), qPrintable(qm));
            QCoreApplication::installTranslator(&translator);
        }
        const QString prefix = qm.isEmpty() ? QStringLiteral("/doctor_") : QStringLiteral("/doctor_zh_");
        DataSplits all = loadIdxFolder(CONVSTUDIO_FASHION_DIR);
        DataSplits data;
        std::vector<uint32_t> train(600), test(200);
        for (uint32_t i = 0; i < 600; ++i) train[i] = i;
        for (uint32_t i = 0; i < 200; ++i) test[i] = i;
        data.train = all.train.subset(train);
        data.test = all.test.subset(test);
        data.train.sources.clear();
        data.test.sources.clear();
        nameAsFiles(data.train, "train");
        nameAsFiles(data.test, "test");
        DoctorReport report = reportOn(data);
        std::vector<float> pixels;
        for (const Dataset* d : {&data.train, &data.test})
            for (std::size_t i = 0; i < d->size(); ++i)
                for (int p = 0; p < 28 * 28; ++p) pixels.push_back(d->image(i)[p] / 255.f);
        const std::vector<float> xy = tsneEmbed(pixels.data(), 800, 28 * 28, {});
        for (std::size_t k = 0; k < report.map.size(); ++k) {
            report.map[k].x = xy[2 * k];
            report.map[k].y = xy[2 * k + 1];
        }
        auto catalog = std::make_shared<DatasetCatalog>(std::move(data), "/data");
        DoctorPanel panel;
        panel.resize(1200, 700);
        panel.setReport(report, catalog);
        panel.setNote(QStringLiteral("Pixels only (no trained weights). Labels: made by the test."));
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        if (!dir.isEmpty()) QDir().mkpath(dir);
        // Each view shows images or points (many colours), not an empty panel; saved when asked.
        const auto shoot = [&](const QString& name) {
            const QImage shot = panel.grab().toImage();
            QSet<QRgb> colours;
            for (int y = 0; y < shot.height(); y += 2)
                for (int x = 0; x < shot.width(); x += 2) colours.insert(shot.pixel(x, y));
            QVERIFY2(colours.size() > 50, qPrintable(name));
            if (!dir.isEmpty()) QVERIFY(shot.save(dir + prefix + name + QStringLiteral(".png")));
        };
        panel.showFinding(FindingKind::Duplicates, 0);
        shoot(QStringLiteral("duplicates"));
        if (QTest::currentTestFailed()) return;
        panel.showFinding(FindingKind::LabelSuspect, 0);
        shoot(QStringLiteral("suspects"));
        if (QTest::currentTestFailed()) return;
        panel.tabs()->setCurrentIndex(3);
        DoctorMapView* map = panel.map();
        std::vector<int> some;
        for (int i = 0; i < map->pointCount(); ++i)
            if (map->widgetPos(i).x() < map->width() / 3.0) some.push_back(i);
        map->setSelection(some);
        QTest::mouseMove(map, map->widgetPos(some.empty() ? 0 : some.front()).toPoint());
        QApplication::processEvents();
        shoot(QStringLiteral("map"));
        if (QTest::currentTestFailed()) return;
    }
};

QTEST_MAIN(TestDoctorWidgets)
#include "test_doctor_widgets.moc"
