// Augmentation: seeded determinism, each transform's effect, labels kept, preview variants, the
// JSON form and the --augment flag parser.
#include <QtTest>

#include "core/errors.h"
#include "data/augment.h"
#include "data/augment_cli.h"
#include "data_test_helpers.h"

using namespace cs;

namespace {

std::vector<uint8_t> gradient(int h, int w, int c) {
    std::vector<uint8_t> img(static_cast<std::size_t>(h) * w * c);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int k = 0; k < c; ++k) img[(y * w + x) * c + k] = static_cast<uint8_t>(x * 8 + y * 3 + k * 40);
    return img;
}

std::vector<uint8_t> applied(const AugmentOptions& o, uint64_t seed, int h = 16, int w = 16, int c = 1) {
    std::vector<uint8_t> img = gradient(h, w, c);
    Rng rng(seed);
    augmentImage(img.data(), h, w, c, o, rng);
    return img;
}

}  // namespace

class TestAugment : public QObject {
    Q_OBJECT

private slots:
    void disabledByDefault() {
        QVERIFY(!AugmentOptions{}.enabled());
        QVERIFY(applied(AugmentOptions{}, 1) == gradient(16, 16, 1));
    }

    void horizontalFlipMirrors() {
        AugmentOptions o;
        o.hflip = {1.f, 0.f};
        const auto out = applied(o, 3);
        const auto in = gradient(16, 16, 1);
        for (int y = 0; y < 16; ++y)
            for (int x = 0; x < 16; ++x) QCOMPARE(out[y * 16 + x], in[y * 16 + 15 - x]);
        o.hflip = {};
        o.vflip = {1.f, 0.f};
        const auto v = applied(o, 3);
        QCOMPARE(v[0], in[15 * 16]);
    }

    void eachTransformChangesTheImage_data() {
        QTest::addColumn<QString>("spec");
        for (const char* s : {"shift=0.2", "rotate=30", "zoom=0.3", "brightness=0.3", "contrast=0.5", "noise=0.1",
                              "erase=0.3@1", "crop=4"})
            QTest::newRow(s) << QString(s);
    }
    void eachTransformChangesTheImage() {
        QFETCH(QString, spec);
        const AugmentOptions o = parseAugmentSpec(spec.toStdString());
        QVERIFY(o.enabled());
        // Some seed must change a 16x16 gradient (a zero draw can leave one unchanged).
        bool changed = false;
        for (uint64_t seed = 1; seed < 6 && !changed; ++seed)
            changed = applied(o, seed, 16, 16, 3) != gradient(16, 16, 3);
        QVERIFY(changed);
    }

    void deterministicForASeed() {
        const AugmentOptions o = parseAugmentSpec("shift,rotate,zoom,hflip,brightness,contrast,noise,erase,crop");
        QVERIFY(applied(o, 42, 20, 20, 3) == applied(o, 42, 20, 20, 3));
        QVERIFY(applied(o, 42, 20, 20, 3) != applied(o, 43, 20, 20, 3));
    }

    void probabilityIsRespected() {
        AugmentOptions o;
        o.hflip = {0.25f, 0.f};
        int flipped = 0;
        for (uint64_t s = 0; s < 2000; ++s) flipped += applied(o, s, 4, 4, 1) != gradient(4, 4, 1);
        QVERIFY2(flipped > 400 && flipped < 600, qPrintable(QString::number(flipped)));
    }

    void variants() {
        const auto img = gradient(12, 12, 1);
        const AugmentOptions o = parseAugmentSpec("shift=0.2,rotate=20");
        const auto a = augmentVariants(img.data(), 12, 12, 1, o, 6, 5);
        const auto b = augmentVariants(img.data(), 12, 12, 1, o, 6, 5);
        QCOMPARE(a.size(), std::size_t(6));
        QVERIFY(a == b);
        QVERIFY(a[0] != a[1]);
        QCOMPARE(a[3].size(), img.size());
    }

    void jsonRoundTrip() {
        const AugmentOptions o = parseAugmentSpec("shift=0.15,hflip,noise=0.02@0.3,crop=2");
        QVERIFY(AugmentOptions::fromJson(o.toJson()) == o);
        QVERIFY_THROWS_EXCEPTION(OptionError, AugmentOptions::fromJson({{"twirl", {{"p", 1}}}}));
    }

    // A printed spec parses again: FLT_MIN printed with 6 digits fell below FLT_MIN, out of range
    // for std::stof (fuzz_augment_spec).
    void printedSpecParsesAgain() {
        const AugmentOptions tiny = parseAugmentSpec("shift=1.1754944e-38");
        const std::string printed = toAugmentSpec(tiny);
        QCOMPARE(toAugmentSpec(parseAugmentSpec(printed)), printed);
        QCOMPARE(parseAugmentSpec(printed).shift.amount, tiny.shift.amount);
        QCOMPARE(toAugmentSpec(parseAugmentSpec("shift=0.1,rotate=10@0.3")), std::string("shift=0.1@1,rotate=10@0.3"));
    }

    void flagParser() {
        const AugmentOptions o = parseAugmentSpec("shift=0.1, rotate=10@0.5,hflip");
        QCOMPARE(o.shift.amount, 0.1f);
        QCOMPARE(o.shift.probability, 1.f);
        QCOMPARE(o.rotate.probability, 0.5f);
        QCOMPARE(o.hflip.probability, 0.5f);
        QVERIFY(parseAugmentSpec(toAugmentSpec(o)) == o);
        QVERIFY(!parseAugmentSpec("shift,none").enabled());

        std::vector<std::string> args{"info", "--augment", "zoom=0.2", "x", "--augment=vflip@1"};
        const AugmentOptions t = takeAugmentFlags(args);
        QVERIFY(args == (std::vector<std::string>{"info", "x"}));
        QCOMPARE(t.zoom.amount, 0.2f);
        QCOMPARE(t.vflip.probability, 1.f);

        auto fails = [](const std::string& spec, const std::string& part) {
            try {
                parseAugmentSpec(spec);
            } catch (const OptionError& e) {
                return std::string(e.what()).find(part) != std::string::npos;
            }
            return false;
        };
        QVERIFY(fails("twirl=3", "unknown transform 'twirl'"));
        QVERIFY(fails("rotate=abc", "'abc' is not a number"));
        QVERIFY(fails("shift=0.9", "outside 0..0.5"));
        QVERIFY(fails("hflip=2", "takes no amount"));
        QVERIFY(fails("noise=0.1@2", "probability 2 is outside 0..1"));
        std::vector<std::string> dangling{"--augment"};
        QVERIFY_THROWS_EXCEPTION(OptionError, takeAugmentFlags(dangling));
        QVERIFY(augmentFlagsHelp().find("rotate") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestAugment)
#include "test_augment.moc"
