// convstudio-cli dataset doctor as a user runs it: the human summary, --json and --out, usage
// errors (exit 2) and a model file without trained weights (exit 1, saying so).
#include <QtTest>
#include <cmath>

#include <nlohmann/json.hpp>

#include "io/model_file.h"
#include "io/presets.h"

class TestDoctorCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    struct Run {
        int code = -1;
        QByteArray out, err;
    };

    static Run cli(const QStringList& args) {
        QProcess p;
        p.start(CONVSTUDIO_CLI, args);
        if (!p.waitForFinished(300000)) {
            p.kill();
            return {};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

private slots:
    void jsonReportNamesImagesAndMatchesOut() {
        const QString out = dir_.filePath("report.json");
        const Run r = cli({"dataset", "doctor", "--data", "builtin", "--limit", "300", "--json", "--out", out});
        QVERIFY2(r.code == 0, r.err.constData());
        const auto j = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(j["trainImages"].get<int>(), 300);
        QCOMPARE(j["testImages"].get<int>(), 300);
        QVERIFY(j["labelMethod"].get<std::string>().find("5-fold") != std::string::npos);
        for (const char* key : {"duplicates", "labelSuspects", "outliers", "notes", "stages"})
            QVERIFY2(j[key].is_array(), key);
        if (!j["labelSuspects"].empty()) {
            const auto& image = j["labelSuspects"][0]["image"];
            QVERIFY(image.contains("split") && image.contains("index") && image.contains("source"));
        }
        QFile saved(out);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(nlohmann::json::parse(saved.readAll().toStdString()), j);
        QVERIFY(r.err.contains("doctor: hashes"));  // progress on stderr
        // The map: one point per image (600 is under the sampling limit), each named and labelled.
        QCOMPARE(j["map"].size(), std::size_t(600));
        const auto& p = j["map"][0];
        QVERIFY(p.contains("x") && p.contains("y") && p.contains("split"));
        QVERIFY(std::isfinite(p["x"].get<double>()) && std::isfinite(p["y"].get<double>()));
        QVERIFY(r.err.contains("doctor: map"));
    }

    void noMapSkipsTheMap() {
        const Run r =
            cli({"dataset", "doctor", "--data", "builtin", "--limit", "100", "--folds", "3", "--no-map", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(nlohmann::json::parse(r.out.toStdString())["map"].empty());
        QVERIFY(!r.err.contains("doctor: map"));
    }

    void humanSummary() {
        const Run r = cli({"dataset", "doctor", "--data", "builtin", "--limit", "200", "--folds", "3"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("Examined 200 training and 200 test images"));
        QVERIFY(r.out.contains("Duplicate groups:"));
        QVERIFY(r.out.contains("Likely label errors:"));
        QVERIFY(r.out.contains("3-fold"));
    }

    void badUseIsRefused() {
        Run r = cli({"dataset", "doctor"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("--data"));
        r = cli({"dataset", "doctor", "--data", "builtin", "--folds", "1"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("--folds"));
        const QString untrained = dir_.filePath("untrained.csmodel");
        cs::saveModelFile(untrained.toStdString(), cs::loadPreset("seed-cnn"));
        r = cli({"dataset", "doctor", "--data", "builtin", "--model", untrained});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no trained weights") && r.err.contains("untrained.csmodel"), r.err.constData());
    }
};

QTEST_MAIN(TestDoctorCli)
#include "test_doctor_cli.moc"
