// Whole numbers read from files: nlohmann's get<int>() turns 1e300 or -1.5 into an integer with
// undefined behaviour (fuzz_model_file found one). wholeNumber() accepts what fits and names the
// rest; every reader of whole numbers in a file goes through it.
#include <QtTest>

#include <cstdint>
#include <functional>
#include <limits>

#include "core/errors.h"
#include "core/json_numbers.h"
#include "data/preprocessing.h"
#include "graph/graph_spec.h"
#include "train/run_record.h"
#include "train/saved_evaluation.h"
#include "train/train_settings.h"
#include "train/train_stats.h"

using namespace cs;
using nlohmann::json;

namespace {

// The message of the exception `read` throws, or "" when it throws none.
template <typename E>
std::string errorOf(const std::function<void()>& read) {
    try {
        read();
    } catch (const E& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

}  // namespace

class TestJsonNumbers : public QObject {
    Q_OBJECT
private slots:
    void acceptsWhatFits() {
        QCOMPARE(wholeNumber<int>(json(7)), 7);
        QCOMPARE(wholeNumber<int>(json(-7)), -7);
        QCOMPARE(wholeNumber<int>(json(3.0)), 3);  // some writers emit whole numbers as floats
        QCOMPARE(wholeNumber<int>(json(2147483647)), std::numeric_limits<int>::max());
        QCOMPARE(wholeNumber<int>(json(-2147483648.0)), std::numeric_limits<int>::min());
        QCOMPARE(wholeNumber<uint64_t>(json(std::numeric_limits<uint64_t>::max())),
                 std::numeric_limits<uint64_t>::max());
        QCOMPARE(wholeNumber<int64_t>(json(std::numeric_limits<int64_t>::min())), std::numeric_limits<int64_t>::min());
        QCOMPARE(wholeNumber<uint64_t>(json(-0.0)), uint64_t{0});
        QCOMPARE(wholeNumber<int64_t>(json(-9223372036854775808.0)), std::numeric_limits<int64_t>::min());
    }

    void refusesWhatDoesNot() {
        const auto error = [](const std::function<void()>& read) { return errorOf<json::exception>(read); };
        QVERIFY(
            contains(error([] { wholeNumber<int>(json(1e300)); }), "number 1e+300 is outside -2147483648..2147483647"));
        QVERIFY(contains(error([] { wholeNumber<int>(json(-1e300)); }), "is outside"));
        QVERIFY(contains(error([] { wholeNumber<int>(json(2147483648.0)); }), "is outside"));
        QVERIFY(contains(error([] { wholeNumber<int>(json(int64_t{1} << 32)); }), "4294967296 is outside"));
        QVERIFY(contains(error([] { wholeNumber<int>(json(std::numeric_limits<uint64_t>::max())); }), "is outside"));
        QVERIFY(contains(error([] { wholeNumber<uint64_t>(json(-1)); }), "number -1 is outside 0.."));
        QVERIFY(contains(error([] { wholeNumber<uint64_t>(json(-1.0)); }), "is outside"));
        // 2^63 and 2^64 are exact doubles one past the largest int64 and uint64.
        QVERIFY(contains(error([] { wholeNumber<int64_t>(json(9223372036854775808.0)); }), "is outside"));
        QVERIFY(contains(error([] { wholeNumber<uint64_t>(json(18446744073709551616.0)); }), "is outside"));
        QVERIFY(contains(error([] { wholeNumber<int>(json(2.5)); }), "expected a whole number, got 2.5"));
        QVERIFY(contains(error([] { wholeNumber<int>(json(-1.5)); }), "expected a whole number"));
        QVERIFY(contains(error([] { wholeNumber<int>(json("3")); }), "expected a whole number, got \"3\""));
        QVERIFY(contains(error([] { wholeNumber<int>(json(true)); }), "expected a whole number, got true"));
        QVERIFY(contains(error([] { wholeNumber<int>(json(nullptr)); }), "expected a whole number, got null"));
        QVERIFY(contains(error([] { wholeNumbers<int>(json(3)); }), "type must be array"));
        QVERIFY(contains(error([] { wholeNumbers<int>(json{1, 2, 1e300}); }), "1e+300 is outside"));
    }

    void fallbackOnlyWhenAbsent() {
        const json o = {{"a", 5}, {"b", 1e300}};
        QCOMPARE(wholeNumberOr<int>(o, "a", 9), 5);
        QCOMPARE(wholeNumberOr<int>(o, "missing", 9), 9);
        QVERIFY_THROWS_EXCEPTION(json::out_of_range, wholeNumberOr<int>(o, "b", 9));
        // As nlohmann's value(): a list or a number where an object belongs is an error, not the fallback.
        QVERIFY_THROWS_EXCEPTION(json::type_error, wholeNumberOr<int>(json::array(), "a", 9));
        QVERIFY_THROWS_EXCEPTION(json::type_error, wholeNumberOr<int>(json(5), "a", 9));
        QCOMPARE(wholeNumbers<int>(json{1, 2.0, -3}), (std::vector<int>{1, 2, -3}));
    }

    // Each reader of a file's whole numbers refuses 1e300 with its own error, naming the value.
    void readersNameHostileNumbers() {
        const json huge = 1e300;
        const auto file = [](const std::function<void()>& read) { return errorOf<FileError>(read); };
        const json graph = {{"nodes", {{{"id", huge}, {"kind", "Input"}}}}};
        QVERIFY2(contains(file([&] { GraphSpec::fromJson(graph); }), "1e+300 is outside"),
                 file([&] { GraphSpec::fromJson(graph); }).c_str());
        const json inputs = {{"nodes", {{{"id", 1}, {"kind", "Input"}, {"inputs", {-2.5}}}}}};
        QVERIFY(contains(file([&] { GraphSpec::fromJson(inputs); }), "expected a whole number, got -2.5"));
        QVERIFY(contains(file([&] {
                             Preprocessing::fromJson({{"height", huge}, {"width", 28}, {"channels", 1}});
                         }),
                         "1e+300 is outside"));
        QVERIFY(contains(file([&] {
                             EpochStats::fromJson({{"epoch", huge}, {"loss", 1}, {"accuracy", 0}});
                         }),
                         "1e+300 is outside"));
        QVERIFY(contains(file([&] { RunRecord::fromJson({{"train_samples", -1e300}}); }), "is outside"));
        QVERIFY(contains(file([&] { RunRecord::fromJson({{"best_epoch", huge}}); }), "is outside"));
        QVERIFY(contains(file([&] {
                             RunRecord::fromJson({{"batches", {{1, huge, 3, 0.5, 0.5, 0.1}}}});
                         }),
                         "is outside"));
        QVERIFY(contains(file([&] {
                             RunRecord::fromJson({{"data_changes", {{"moved", -3.5}}}});
                         }),
                         "expected a whole number"));
        QVERIFY(contains(file([&] { SavedEvaluation::fromJson({{"set", "test"}, {"samples", huge}}); }), "is outside"));
        const std::string settings = errorOf<OptionError>([&] {
            TrainSettings::fromJson({{"epochs", 5}, {"batch_size", huge}});
        });
        QVERIFY2(contains(settings, "1e+300 is outside"), settings.c_str());
        QVERIFY(contains(errorOf<OptionError>([&] { TrainSettings::fromJson({{"seed", -1}}); }), "-1 is outside"));
    }
};

QTEST_APPLESS_MAIN(TestJsonNumbers)
#include "test_json_numbers.moc"
