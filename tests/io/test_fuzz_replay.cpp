// Replays every checked-in fuzz input (tests/fuzz/corpus/<target>/ seeds and
// tests/fuzz/regressions/<target>/ inputs that once crashed a reader) through the same code the
// libFuzzer targets run (tests/fuzz/fuzz_targets.h): each must end in a result or a cs::Error.
// This keeps the fuzzers' findings fixed in every build, including CI's ASan + UBSan stage.
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "fuzz_targets.h"

namespace fs = std::filesystem;

class TestFuzzReplay : public QObject {
    Q_OBJECT

private slots:
    void everyCheckedInInput_data() {
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("file");
        const fs::path root = fs::path(CONVSTUDIO_SOURCE_DIR) / "tests" / "fuzz";
        for (std::size_t t = 0; t < cs::fuzz::targets().size(); ++t) {
            const std::string name = cs::fuzz::targets()[t].name;
            int seeds = 0;
            for (const char* kind : {"corpus", "regressions"}) {
                std::error_code ec;
                for (const auto& e : fs::directory_iterator(root / kind / name, ec)) {
                    const std::string row = name + "/" + kind + "/" + e.path().filename().string();
                    QTest::newRow(row.c_str()) << int(t) << QString::fromStdString(e.path().string());
                    if (std::string(kind) == "corpus") ++seeds;
                }
            }
            QVERIFY2(seeds >= 3, (name + " has fewer than 3 seed inputs").c_str());
        }
    }

    void everyCheckedInInput() {
        QFETCH(int, target);
        QFETCH(QString, file);
        std::ifstream in(file.toStdString(), std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        try {
            cs::fuzz::targets()[target].run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
        } catch (const std::exception& e) {
            QFAIL(("not a cs::Error: " + std::string(e.what())).c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestFuzzReplay)
#include "test_fuzz_replay.moc"
