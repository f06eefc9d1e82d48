// Learning-rate schedules at chosen steps and epochs (values worked out by hand), the cosine
// warm-up, reduce-on-plateau and its checkpoint state, and the options' JSON form.
#include <QtTest>

#include <cmath>
#include <numbers>

#include "core/errors.h"
#include "train/schedule.h"

using namespace cs;

namespace {

ScheduleOptions opts(const std::string& kind) {
    ScheduleOptions o;
    o.kind = kind;
    return o;
}

// Rates are floats computed in double: compare to a relative 1e-6.
bool near(float actual, double expected) {
    return std::abs(actual - expected) <= 1e-6 * std::max(std::abs(expected), 1e-12);
}

#define CHECK_RATE(actual, expected) \
    QVERIFY2(                        \
        near((actual), (expected)),  \
        qPrintable(QString("got %1, expected %2").arg(double(actual), 0, 'g', 9).arg(double(expected), 0, 'g', 9)))

QString optionErrorOf(const nlohmann::json& j) {
    try {
        ScheduleOptions::fromJson(j);
    } catch (const OptionError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace

class TestSchedules : public QObject {
    Q_OBJECT

private slots:
    void constant() {
        LearningRateSchedule s(0.01f, opts("constant"));
        CHECK_RATE(s.rate(0, 0, 100), 0.01f);
        CHECK_RATE(s.rate(99, 7, 100), 0.01f);
        for (int i = 0; i < 10; ++i) s.endEpoch(5.0);  // ignored
        CHECK_RATE(s.rate(5, 12, 100), 0.01f);
    }

    void step() {
        ScheduleOptions o = opts("step");
        o.stepEpochs = 3;
        o.factor = 0.5f;
        LearningRateSchedule s(0.1f, o);
        const double base = 0.1f;
        CHECK_RATE(s.rate(0, 0, 1000), base);
        CHECK_RATE(s.rate(250, 2, 1000), base);        // epochs 0..2: no drop yet
        CHECK_RATE(s.rate(300, 3, 1000), base * 0.5);  // floor(3/3) = 1
        CHECK_RATE(s.rate(500, 5, 1000), base * 0.5);
        CHECK_RATE(s.rate(600, 6, 1000), base * 0.25);  // floor(6/3) = 2
        CHECK_RATE(s.rate(0, 10, 1000), base * 0.125);  // floor(10/3) = 3: only the epoch matters
    }

    void exponential() {
        ScheduleOptions o = opts("exponential");
        o.factor = 0.9f;
        LearningRateSchedule s(0.1f, o);
        const double base = 0.1f, f = 0.9f;
        CHECK_RATE(s.rate(0, 0, 100), base);
        CHECK_RATE(s.rate(10, 1, 100), base * f);                  // 0.09
        CHECK_RATE(s.rate(50, 5, 100), base * f * f * f * f * f);  // 0.059049
        QVERIFY(std::abs(s.rate(50, 5, 100) - 0.059049) < 1e-6);
    }

    void cosineWithWarmup() {
        ScheduleOptions o = opts("cosine");
        o.warmupSteps = 10;
        o.minRate = 0.01f;
        LearningRateSchedule s(0.1f, o);
        const double base = 0.1f, minRate = 0.01f;
        const int64_t total = 110;  // 10 warm-up steps, then 100 decay steps
        // Warm-up: linear from 0, step/10 of the rate.
        QCOMPARE(s.rate(0, 0, total), 0.f);
        CHECK_RATE(s.rate(1, 0, total), base * 0.1);
        CHECK_RATE(s.rate(5, 0, total), base * 0.5);
        CHECK_RATE(s.rate(9, 0, total), base * 0.9);
        // Decay: minRate + (base - minRate)*(1 + cos(pi*(step-10)/100))/2.
        CHECK_RATE(s.rate(10, 0, total), base);  // cos(0) = 1: the full rate
        // step 35: p = 0.25, (1 + cos(pi/4))/2 = 0.853553 -> 0.01 + 0.09*0.853553 = 0.0868198
        CHECK_RATE(s.rate(35, 3, total), minRate + (base - minRate) * 0.5 * (1 + std::sqrt(0.5)));
        QVERIFY(std::abs(s.rate(35, 3, total) - 0.0868198) < 1e-6);
        CHECK_RATE(s.rate(60, 5, total), minRate + (base - minRate) * 0.5);  // halfway: 0.055
        // step 85: p = 0.75, (1 + cos(3pi/4))/2 = 0.146447 -> 0.0231802
        QVERIFY(std::abs(s.rate(85, 8, total) - 0.0231802) < 1e-6);
        CHECK_RATE(s.rate(110, 10, total), minRate);  // the end
        CHECK_RATE(s.rate(500, 50, total), minRate);  // past the end it stays at the floor
    }

    void cosineWithoutWarmup() {
        LearningRateSchedule s(0.2f, opts("cosine"));
        const double base = 0.2f;
        CHECK_RATE(s.rate(0, 0, 100), base);
        CHECK_RATE(s.rate(50, 0, 100), base * 0.5);  // minRate 0: halfway is half
        // step 20: (1 + cos(0.2 pi))/2 = 0.904508
        CHECK_RATE(s.rate(20, 0, 100), base * 0.5 * (1 + std::cos(0.2 * std::numbers::pi)));
        QCOMPARE(s.rate(100, 0, 100), 0.f);
        // A run no longer than the warm-up keeps the full rate after it.
        ScheduleOptions o = opts("cosine");
        o.warmupSteps = 100;
        LearningRateSchedule short_(0.2f, o);
        CHECK_RATE(short_.rate(50, 0, 80), base * 0.5);
        CHECK_RATE(short_.rate(120, 0, 80), base);
    }

    void plateauReducesAfterPatience() {
        ScheduleOptions o = opts("plateau");
        o.factor = 0.5f;
        o.patience = 2;
        o.minDelta = 0.01f;
        o.minRate = 0.2f;
        LearningRateSchedule s(1.f, o);
        auto epochEnds = [&](double loss, double expectedRate) {
            s.endEpoch(loss);
            CHECK_RATE(s.rate(0, 0, 0), expectedRate);
        };
        CHECK_RATE(s.rate(0, 0, 0), 1.0);
        epochEnds(1.0, 1.0);    // first loss is an improvement on "none yet": best 1.0
        epochEnds(0.95, 1.0);   // 0.95 < 1.0 - 0.01: best 0.95
        epochEnds(0.945, 1.0);  // not below 0.94: 1 bad epoch
        epochEnds(0.95, 0.5);   // 2 bad epochs = patience: halve, count restarts
        epochEnds(0.941, 0.5);  // 1 bad epoch
        epochEnds(0.93, 0.5);   // improvement: best 0.93, count back to 0
        epochEnds(0.93, 0.5);   // 1 bad
        epochEnds(0.93, 0.25);  // 2 bad: halve again
        epochEnds(0.93, 0.25);
        epochEnds(0.93, 0.2);  // 0.125 would be below min_rate 0.2
        epochEnds(0.93, 0.2);
        epochEnds(0.93, 0.2);  // and it stays there
        // The schedule ignores the step and epoch arguments.
        CHECK_RATE(s.rate(12345, 99, 10), 0.2);
    }

    void plateauStateRoundTrip() {
        ScheduleOptions o = opts("plateau");
        o.factor = 0.1f;
        o.patience = 3;
        LearningRateSchedule a(0.01f, o);
        for (double loss : {2.0, 1.5, 1.6, 1.7, 1.8, 1.4, 1.45})  // one reduction, then 1 bad epoch
            a.endEpoch(loss);
        CHECK_RATE(a.rate(0, 0, 0), double(0.01f) * double(0.1f));
        const nlohmann::json state = a.state();
        QCOMPARE(state.at("bad_epochs").get<int>(), 1);
        QCOMPARE(state.at("best").get<double>(), 1.4);
        LearningRateSchedule b(0.01f, o);
        b.setState(nlohmann::json::parse(state.dump()));  // survives a file
        QVERIFY2(b.state() == state, b.state().dump().c_str());
        QCOMPARE(b.rate(0, 0, 0), a.rate(0, 0, 0));
        // Both go on identically: two more bad epochs reach the patience of 3.
        for (double loss : {1.42, 1.41}) {
            a.endEpoch(loss);
            b.endEpoch(loss);
            QCOMPARE(b.rate(0, 0, 0), a.rate(0, 0, 0));
        }
        CHECK_RATE(b.rate(0, 0, 0), double(0.01f) * double(0.1f) * double(0.1f));
        // A fresh schedule (no state restored) would not have reduced yet.
        LearningRateSchedule fresh(0.01f, o);
        for (double loss : {1.42, 1.41}) fresh.endEpoch(loss);
        CHECK_RATE(fresh.rate(0, 0, 0), 0.01f);
    }

    void badState() {
        LearningRateSchedule s(0.1f, opts("plateau"));
        QVERIFY_THROWS_EXCEPTION(OptionError, s.setState(nlohmann::json::array()));
        QVERIFY_THROWS_EXCEPTION(OptionError, s.setState({{"scale", -1.0}}));
        QVERIFY_THROWS_EXCEPTION(OptionError, s.setState({{"bad_epochs", "two"}}));
        QVERIFY_THROWS_EXCEPTION(OptionError, s.setState({{"best", "low"}}));
    }

    void otherKindsIgnoreLoss() {
        ScheduleOptions o = opts("step");
        o.patience = 1;
        LearningRateSchedule s(0.1f, o);
        const nlohmann::json before = s.state();
        for (int i = 0; i < 5; ++i) s.endEpoch(1.0);
        QVERIFY2(s.state() == before, s.state().dump().c_str());
        CHECK_RATE(s.rate(0, 0, 10), 0.1f);
    }

    void jsonRoundTrip() {
        ScheduleOptions o;
        o.kind = "cosine";
        o.stepEpochs = 4;
        o.factor = 0.3f;
        o.warmupSteps = 500;
        o.minRate = 1e-5f;
        o.patience = 7;
        o.minDelta = 0.002f;
        const nlohmann::json j = o.toJson();
        QCOMPARE(j.size(), std::size_t(7));
        QCOMPARE(QString::fromStdString(j.at("schedule").get<std::string>()), QString("cosine"));
        QCOMPARE(j.at("step_epochs").get<int>(), 4);
        QCOMPARE(j.at("factor").get<double>(), 0.3);  // written as the decimal the user typed
        QCOMPARE(j.at("warmup_steps").get<int>(), 500);
        QCOMPARE(j.at("min_rate").get<double>(), 1e-5);
        QCOMPARE(j.at("patience").get<int>(), 7);
        QCOMPARE(j.at("min_delta").get<double>(), 0.002);
        const ScheduleOptions r = ScheduleOptions::fromJson(nlohmann::json::parse(j.dump()));
        QCOMPARE(QString::fromStdString(r.kind), QString("cosine"));
        QCOMPARE(r.stepEpochs, o.stepEpochs);
        QCOMPARE(r.factor, o.factor);
        QCOMPARE(r.warmupSteps, o.warmupSteps);
        QCOMPARE(r.minRate, o.minRate);
        QCOMPARE(r.patience, o.patience);
        QCOMPARE(r.minDelta, o.minDelta);
    }

    void jsonMissingKeysAreDefaults() {
        const ScheduleOptions d;
        const ScheduleOptions r = ScheduleOptions::fromJson({{"schedule", "step"}, {"step_epochs", 5.0}});
        QCOMPARE(QString::fromStdString(r.kind), QString("step"));
        QCOMPARE(r.stepEpochs, 5);  // 5.0 is a whole number
        QCOMPARE(r.factor, d.factor);
        QCOMPARE(r.patience, d.patience);
        QCOMPARE(r.minDelta, d.minDelta);
        QCOMPARE(QString::fromStdString(ScheduleOptions::fromJson(nlohmann::json::object()).kind), QString("constant"));
    }

    void jsonBadValues_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << R"({"schedule": "cosin"})"
                                 << "unknown schedule 'cosin'; known: constant, cosine, exponential, plateau, step";
        QTest::newRow("kind type") << R"({"schedule": 1})"
                                   << "'schedule' must be a string; received: 1";
        QTest::newRow("step_epochs 0") << R"({"step_epochs": 0})"
                                       << "'step_epochs' must be >= 1; received: 0";
        QTest::newRow("step_epochs 2.5") << R"({"step_epochs": 2.5})"
                                         << "'step_epochs' must be a whole number; received: 2.5";
        QTest::newRow("factor 0") << R"({"factor": 0})"
                                  << "'factor' must be in (0, 1]; received: 0";
        QTest::newRow("factor 1.5") << R"({"factor": 1.5})"
                                    << "'factor' must be in (0, 1]; received: 1.5";
        QTest::newRow("plateau factor 1") << R"({"schedule": "plateau", "factor": 1})"
                                          << "'factor' must be below 1 for 'plateau'";
        QTest::newRow("warmup") << R"({"warmup_steps": -5})"
                                << "'warmup_steps' must be >= 0; received: -5";
        QTest::newRow("min_rate") << R"({"min_rate": -0.5})"
                                  << "'min_rate' must be >= 0; received: -0.5";
        QTest::newRow("patience") << R"({"patience": -1})"
                                  << "'patience' must be >= 0; received: -1";
        QTest::newRow("patience type") << R"({"patience": "3"})"
                                       << "'patience' must be a whole number; received: \"3\"";
        QTest::newRow("min_delta") << R"({"min_delta": -0.25})"
                                   << "'min_delta' must be >= 0; received: -0.25";
        QTest::newRow("not object") << R"("cosine")"
                                    << "schedule options must be a JSON object";
    }
    void jsonBadValues() {
        QFETCH(QString, json);
        QFETCH(QString, message);
        const QString got = optionErrorOf(nlohmann::json::parse(json.toStdString()));
        QVERIFY2(got.contains(message), qPrintable("got: \"" + got + "\"\nwanted: \"" + message + "\""));
    }

    void badBaseRate() {
        try {
            LearningRateSchedule s(0.f, opts("constant"));
            QFAIL("a zero learning rate must throw");
        } catch (const OptionError& e) {
            QVERIFY2(QString(e.what()).contains("must be > 0; received: 0"), e.what());
        }
        ScheduleOptions o = opts("cosine");
        o.minRate = 0.5f;
        try {
            LearningRateSchedule s(0.1f, o);
            QFAIL("min_rate above the rate must throw");
        } catch (const OptionError& e) {
            QVERIFY2(QString(e.what()).contains("min_rate 0.5 is above the learning rate 0.1"), e.what());
        }
        o.kind = "bogus";
        QVERIFY_THROWS_EXCEPTION(OptionError, LearningRateSchedule(0.1f, o));
    }
};

QTEST_APPLESS_MAIN(TestSchedules)
#include "test_schedules.moc"
