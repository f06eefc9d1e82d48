// The run-time choice of kernels (core/cpu_features.h): the CONVSTUDIO_ISA override is accepted
// up to what the CPU has, and refused with a message naming the value when it asks for more or
// is misspelt; the CLI turns a refused override into an error and an exit code, never an
// illegal instruction. CTest runs the kernel tests once per level in the portable build
// (engine.test_sgemm.avx2, ...); theProcessUsesTheOverride checks that each run gets its level.
#include <QtTest>

#include <stdexcept>

#include "core/cpu_features.h"

using namespace cs;

class TestCpuFeatures : public QObject {
    Q_OBJECT

    static QString refusal(std::string_view value, CpuLevel detected) {
        try {
            chooseCpuLevel(value, detected);
        } catch (const std::runtime_error& e) {
            return QString::fromStdString(e.what());
        }
        return {};
    }

private slots:
    void emptyOverrideTakesTheDetectedLevel() {
        for (CpuLevel level : {CpuLevel::Scalar, CpuLevel::Avx2, CpuLevel::Avx512})
            QCOMPARE(chooseCpuLevel("", level), level);
    }

    void levelsUpToTheCpuAreAccepted() {
        QCOMPARE(chooseCpuLevel("avx512", CpuLevel::Avx512), CpuLevel::Avx512);
        QCOMPARE(chooseCpuLevel("avx2", CpuLevel::Avx512), CpuLevel::Avx2);
        QCOMPARE(chooseCpuLevel("scalar", CpuLevel::Avx512), CpuLevel::Scalar);
        QCOMPARE(chooseCpuLevel("avx2", CpuLevel::Avx2), CpuLevel::Avx2);
        QCOMPARE(chooseCpuLevel("scalar", CpuLevel::Scalar), CpuLevel::Scalar);
    }

    void aLevelAboveTheCpuIsRefused() {
        const QString above = refusal("avx512", CpuLevel::Avx2);
        QVERIFY2(above.contains("CONVSTUDIO_ISA=avx512") && above.contains("at most avx2"), qPrintable(above));
        QVERIFY(!refusal("avx2", CpuLevel::Scalar).isEmpty());
        QVERIFY(!refusal("avx512", CpuLevel::Scalar).isEmpty());
    }

    void anUnknownValueIsRefused() {
        const QString unknown = refusal("AVX-512", CpuLevel::Avx512);
        QVERIFY2(unknown.contains("CONVSTUDIO_ISA=AVX-512") && unknown.contains("avx512, avx2 or scalar"),
                 qPrintable(unknown));
    }

    void theProcessUsesTheOverride() {
        const QByteArray value = qgetenv("CONVSTUDIO_ISA");
        QCOMPARE(cpuLevel(), chooseCpuLevel(value.toStdString(), detectedCpuLevel()));
        if (!value.isEmpty()) QCOMPARE(QByteArray(cpuLevelName(cpuLevel()).data()), value);
    }

    void theCliReportsARefusedOverride() {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("CONVSTUDIO_ISA", "avx3");
        p.setProcessEnvironment(env);
        p.start(CONVSTUDIO_CLI, {"summary", "--preset", "seed-cnn"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY(p.exitCode() != 0);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains("CONVSTUDIO_ISA=avx3"), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestCpuFeatures)
#include "test_cpu_features.moc"
