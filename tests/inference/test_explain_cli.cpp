// `convstudio-cli explain` as a user runs it: an overlay PNG per image, the JSON a script reads
// (predicted class, heat-map size, position of its maximum), and exit code 1 with a message
// naming the bad method, layer, class or file.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "explain/explanation.h"
#include "graph/model.h"
#include "inference/classifier.h"
#include "inference_helpers.h"

using namespace cs;

class TestExplainCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString model_, first_, second_;

    struct Run {
        int code = -1;
        QString out, err;
    };

    static Run cli(const QStringList& args) {
        QProcess p;
        p.start(CONVSTUDIO_CLI, args);
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    QStringList explainArgs(const QStringList& more) const {
        return QStringList{"explain", "--model", model_, "--out", dir_.filePath("out")} + more;
    }

private slots:
    void initTestCase() {
        model_ = dir_.filePath("tiny.csmodel");
        saveModelFile(model_.toStdString(), testing::tinyStreamModel());
        first_ = dir_.filePath("first.png");
        second_ = dir_.filePath("second.png");
        QVERIFY(cv::imwrite(first_.toStdString(), testing::syntheticFrame(3, {40, 30})));
        QVERIFY(cv::imwrite(second_.toStdString(), testing::syntheticFrame(9, {40, 30})));
    }

    void jsonDescribesEachImageAndItsOverlay() {
        const Run r = cli(explainArgs({"--json", first_, second_}));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto j = nlohmann::json::parse(r.out.toStdString());
        const auto& list = j.at("explanations");
        QCOMPARE(list.size(), std::size_t(2));
        Classifier reference(testing::tinyStreamModel());
        const std::string lastConv = reference.model().nodes()[defaultGradCamLayer(reference.model())].layer->name();
        for (std::size_t i = 0; i < 2; ++i) {
            const auto& e = list[i];
            const QString file = i == 0 ? first_ : second_;
            QCOMPARE(QString::fromStdString(e.at("file").get<std::string>()), file);
            const auto top = reference.topK(readImageFile(file.toStdString()), 1)[0];
            QCOMPARE(e.at("predicted").at("index").get<int>(), top.index);
            QCOMPARE(e.at("predicted").at("name").get<std::string>(), top.name);
            QVERIFY(std::abs(e.at("probability").get<double>() - top.probability) < 1e-5);
            QCOMPARE(e.at("target").at("index").get<int>(), top.index);
            QCOMPARE(e.at("method").get<std::string>(), std::string("gradcam"));
            QCOMPARE(e.at("layer").get<std::string>(), lastConv);
            QCOMPARE(e.at("heatmap").at("height").get<int>(), 16);
            QCOMPARE(e.at("heatmap").at("width").get<int>(), 16);
            QVERIFY(e.at("max").at("row").get<int>() >= 0 && e.at("max").at("row").get<int>() < 16);
            QVERIFY(e.at("max").at("col").get<int>() >= 0 && e.at("max").at("col").get<int>() < 16);
            const std::string overlay = e.at("overlay").get<std::string>();
            const cv::Mat png = cv::imread(overlay);
            QVERIFY2(!png.empty(), overlay.c_str());
            QCOMPARE(png.cols * 30, png.rows * 40);  // the image's aspect, enlarged
            QVERIFY(png.rows >= 224);
        }
    }

    void otherMethodsAndAChosenClass() {
        Run r = cli(explainArgs(
            {"--json", "--method", "occlusion", "--patch", "4", "--stride", "2", "--class", "blue", first_}));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        auto e = nlohmann::json::parse(r.out.toStdString()).at("explanations")[0];
        QCOMPARE(e.at("target").at("name").get<std::string>(), std::string("blue"));
        QVERIFY(e.at("layer").is_null());
        QVERIFY(QFile::exists(dir_.filePath("out/first_occlusion.png")));
        r = cli(explainArgs({"--method", "saliency", "--class", "1", first_}));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("saliency for green"), qPrintable(r.out));
        QVERIFY(QFile::exists(dir_.filePath("out/first_saliency.png")));
    }

    void badRequestsExitWithOne() {
        Run r = cli(explainArgs({"--method", "lime", first_}));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("'lime'"), qPrintable(r.err));
        r = cli(explainArgs({"--layer", "nope", first_}));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("'nope'"), qPrintable(r.err));
        r = cli(explainArgs({"--class", "7", first_}));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("'7'"), qPrintable(r.err));
        const QString missing = dir_.filePath("missing.png");
        r = cli(explainArgs({"--json", first_, missing}));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(missing), qPrintable(r.err));
        const auto list = nlohmann::json::parse(r.out.toStdString()).at("explanations");
        QCOMPARE(list.size(), std::size_t(2));
        QVERIFY(list[0].contains("overlay"));
        QVERIFY(list[1].contains("error"));
        r = cli({"explain", "--model", model_, first_});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("--out"));
    }
};

QTEST_MAIN(TestExplainCli)
#include "test_explain_cli.moc"
