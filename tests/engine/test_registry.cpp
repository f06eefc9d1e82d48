// The layer registry: the one schema the palette, the property editor and the file reader use.
#include <QtTest>

#include "core/errors.h"
#include "layers/activation.h"
#include "layers/layer_registry.h"

using namespace cs;

namespace {

const LayerRegistry& reg() { return LayerRegistry::builtin(); }

QString optionError(const std::string& kind, const nlohmann::json& options, const std::string& name = "conv1") {
    try {
        reg().validate(kind, options, name);
    } catch (const OptionError& e) {
        return QString::fromStdString(e.what());
    }
    return "no OptionError";
}

}  // namespace

class TestRegistry : public QObject {
    Q_OBJECT

private slots:
    void listsEveryKindSorted();
    void categoriesInPaletteOrder();
    void everyKindIsDocumentedAndDefaultsValidate();
    void validateFillsDefaults();
    void validateConvertsTypes();
    void validationErrors_data();
    void validationErrors();
    void unknownKind();
    void createsNamedLayers();
    void inputCounts();
};

void TestRegistry::listsEveryKindSorted() {
    const std::vector<std::string> expected = {"Activation",
                                               "Add",
                                               "AveragePooling2D",
                                               "BatchNormalization",
                                               "ChannelShuffle",
                                               "ChannelSlice",
                                               "Concatenate",
                                               "Conv2D",
                                               "Dense",
                                               "DepthwiseConv2D",
                                               "Dropout",
                                               "Flatten",
                                               "GlobalAveragePooling2D",
                                               "Input",
                                               "MaxPooling2D",
                                               "Multiply",
                                               "SeparableConv2D",
                                               "ZeroPadding2D"};
    QCOMPARE(reg().kinds(), expected);
    for (const std::string& k : expected) QVERIFY(reg().contains(k));
    QVERIFY(!reg().contains("Conv3D"));
}

void TestRegistry::categoriesInPaletteOrder() {
    const std::vector<std::string> expected = {"Input",         "Convolution",    "Pooling",    "Core",
                                               "Normalization", "Regularization", "Activation", "Merge"};
    QCOMPARE(reg().categories(), expected);
    QCOMPARE(reg().info("Input").category, std::string("Input"));
    QCOMPARE(reg().info("Conv2D").category, std::string("Convolution"));
    QCOMPARE(reg().info("MaxPooling2D").category, std::string("Pooling"));
    QCOMPARE(reg().info("GlobalAveragePooling2D").category, std::string("Pooling"));
    QCOMPARE(reg().info("Dense").category, std::string("Core"));
    QCOMPARE(reg().info("Flatten").category, std::string("Core"));
    QCOMPARE(reg().info("BatchNormalization").category, std::string("Normalization"));
    QCOMPARE(reg().info("Dropout").category, std::string("Regularization"));
    QCOMPARE(reg().info("Activation").category, std::string("Activation"));
    QCOMPARE(reg().info("Concatenate").category, std::string("Merge"));
}

// Tooltips in the studio come from these texts: none may be missing.
void TestRegistry::everyKindIsDocumentedAndDefaultsValidate() {
    const auto& cats = reg().categories();
    for (const std::string& k : reg().kinds()) {
        const LayerInfo& li = reg().info(k);
        QCOMPARE(li.kind, k);
        QVERIFY2(li.help.size() > 20 && li.help.back() == '.', k.c_str());
        QVERIFY2(std::find(cats.begin(), cats.end(), li.category) != cats.end(), k.c_str());
        QVERIFY(li.create);
        for (const ParamSpec& p : li.params) {
            const std::string what = k + "." + p.name;
            QVERIFY2(p.help.size() > 10 && p.help.back() == '.', what.c_str());
            QVERIFY2(li.param(p.name) == &p, what.c_str());
            switch (p.type) {
                case ParamType::Int:
                    QVERIFY2(p.defaultValue.is_number_integer() && p.min <= p.defaultValue.get<double>() &&
                                 p.defaultValue.get<double>() <= p.max,
                             what.c_str());
                    break;
                case ParamType::Float:
                    QVERIFY2(p.defaultValue.is_number_float() && p.min <= p.defaultValue.get<double>() &&
                                 p.defaultValue.get<double>() <= p.max,
                             what.c_str());
                    break;
                case ParamType::Bool:
                    QVERIFY2(p.defaultValue.is_boolean(), what.c_str());
                    break;
                case ParamType::Choice:
                    QVERIFY2(std::find(p.choices.begin(), p.choices.end(), p.defaultValue.get<std::string>()) !=
                                 p.choices.end(),
                             what.c_str());
                    break;
            }
        }
        // Defaults: a layer made from {} reports the defaults, which validate to themselves.
        const Options defaults = reg().validate(k, Options::object());
        QCOMPARE(defaults.size(), li.params.size());
        QCOMPARE(reg().create(k, {}, "x")->options(), defaults);
        QCOMPARE(reg().validate(k, defaults), defaults);
        QCOMPARE(reg().validate(k, nullptr), defaults);
    }
    QVERIFY(reg().info("Dropout").param("rate"));
    QVERIFY(!reg().info("Dropout").param("ratio"));
}

void TestRegistry::validateFillsDefaults() {
    const Options conv = reg().validate("Conv2D", {{"filters", 64}});
    // Padding, dilation and groups default to what Conv2D did before it had them (issue 15), so
    // older model files load unchanged.
    const Options expected = {{"filters", 64},      {"kernel_size", 3}, {"strides", 1},     {"padding", "valid"},
                              {"pad_top", 0},       {"pad_bottom", 0},  {"pad_left", 0},    {"pad_right", 0},
                              {"dilation_rate", 1}, {"groups", 1},      {"use_bias", true}, {"activation", "linear"}};
    QCOMPARE(conv, expected);
    QCOMPARE(reg().validate("MaxPooling2D", {}), (Options{{"pool_size", 2}, {"strides", 0}, {"padding", "valid"}}));
    QCOMPARE(reg().validate("Input", {}), (Options{{"height", 28}, {"width", 28}, {"channels", 1}}));
    QCOMPARE(reg().validate("Dense", {}), (Options{{"units", 10}, {"activation", "linear"}, {"use_bias", true}}));
    QCOMPARE(reg().validate("Activation", {})["activation"], Options("relu"));
    const Options bn = reg().validate("BatchNormalization", {});
    QCOMPARE(bn["momentum"].get<double>(), 0.99);
    QCOMPARE(bn["epsilon"].get<double>(), 0.001);
    QCOMPARE(reg().validate("Dropout", {})["rate"].get<double>(), 0.5);
    QCOMPARE(reg().validate("Flatten", {}), Options::object());
    // The activation choices are exactly activationNames().
    QCOMPARE(reg().info("Conv2D").param("activation")->choices, activationNames());
    QCOMPARE(reg().info("Activation").param("activation")->choices, activationNames());
}

void TestRegistry::validateConvertsTypes() {
    // Ints are accepted where floats are expected, and stored as floats.
    const Options d = reg().validate("Dropout", {{"rate", 0}});
    QVERIFY(d["rate"].is_number_float());
    QCOMPARE(d["rate"].get<double>(), 0.0);
    QVERIFY(reg().validate("BatchNormalization", {{"momentum", 1}})["momentum"].is_number_float());
    // A whole number written as a float is fine for an int option.
    const Options c = reg().validate("Conv2D", {{"filters", 16.0}});
    QVERIFY(c["filters"].is_number_integer());
    QCOMPARE(c["filters"].get<int>(), 16);
}

void TestRegistry::validationErrors_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("options");  // JSON
    QTest::addColumn<QString>("message");
    QTest::newRow("int below range") << "Conv2D"
                                     << R"({"filters": 0})"
                                     << "Conv2D 'conv1': option 'filters' must be between 1 and 4096, got 0";
    QTest::newRow("int above range") << "Conv2D"
                                     << R"({"kernel_size": 33})"
                                     << "Conv2D 'conv1': option 'kernel_size' must be between 1 and 31, got 33";
    QTest::newRow("float for int") << "Conv2D"
                                   << R"({"filters": 2.5})"
                                   << "Conv2D 'conv1': option 'filters' must be an integer, got 2.5";
    QTest::newRow("string for int") << "Dense"
                                    << R"({"units": "10"})"
                                    << "Dense 'conv1': option 'units' must be an integer, got \"10\"";
    QTest::newRow("float out of range") << "Dropout"
                                        << R"({"rate": 0.99})"
                                        << "Dropout 'conv1': option 'rate' must be between 0 and 0.95, got 0.99";
    QTest::newRow("string for float") << "Dropout"
                                      << R"({"rate": "half"})"
                                      << "Dropout 'conv1': option 'rate' must be a number, got \"half\"";
    QTest::newRow("int for bool") << "Conv2D"
                                  << R"({"use_bias": 1})"
                                  << "Conv2D 'conv1': option 'use_bias' must be true or false, got 1";
    QTest::newRow("unknown choice")
        << "Conv2D"
        << R"({"padding": "full"})"
        << "Conv2D 'conv1': option 'padding' must be one of valid, same, explicit; got \"full\"";
    QTest::newRow("unknown activation") << "Dense"
                                        << R"({"activation": "swish"})"
                                        << "Dense 'conv1': option 'activation' must be one of linear, relu, "
                                           "leaky_relu, elu, sigmoid, tanh, softmax, relu6, hard_sigmoid, "
                                           "hard_swish, silu, gelu; got \"swish\"";
    QTest::newRow("unknown option") << "Conv2D"
                                    << R"({"filter": 3})"
                                    << "Conv2D 'conv1': unknown option 'filter'; known options: filters, "
                                       "kernel_size, strides, padding, pad_top, pad_bottom, pad_left, pad_right, "
                                       "dilation_rate, groups, use_bias, activation";
    QTest::newRow("option on optionless kind") << "Flatten"
                                               << R"({"axis": 1})"
                                               << "Flatten 'conv1': unknown option 'axis'; known options: none";
    QTest::newRow("not an object") << "Dense"
                                   << R"([1, 2])"
                                   << "Dense 'conv1': options must be a JSON object, got [1,2]";
}

void TestRegistry::validationErrors() {
    QFETCH(QString, kind);
    QFETCH(QString, options);
    QFETCH(QString, message);
    const auto opts = nlohmann::json::parse(options.toStdString());
    QCOMPARE(optionError(kind.toStdString(), opts), message);
    // create() validates too, with the same message.
    try {
        reg().create(kind.toStdString(), opts, "conv1");
        QFAIL("create accepted invalid options");
    } catch (const OptionError& e) {
        QCOMPARE(QString(e.what()), message);
    }
    // Without a layer name the message names the kind alone.
    QVERIFY(optionError(kind.toStdString(), opts, "").startsWith(kind + ": "));
}

void TestRegistry::unknownKind() {
    const QString expected =
        "unknown layer kind 'Conv3D'; known kinds: Activation, Add, AveragePooling2D, "
        "BatchNormalization, ChannelShuffle, ChannelSlice, Concatenate, Conv2D, Dense, DepthwiseConv2D, Dropout, "
        "Flatten, "
        "GlobalAveragePooling2D, Input, MaxPooling2D, Multiply, SeparableConv2D, ZeroPadding2D";
    for (auto call : {+[] { reg().info("Conv3D"); }, +[] { reg().validate("Conv3D", {}); },
                      +[] { reg().create("Conv3D", {}, "c"); }}) {
        try {
            call();
            QFAIL("unknown kind accepted");
        } catch (const OptionError& e) {
            QCOMPARE(QString(e.what()), expected);
        }
    }
}

void TestRegistry::createsNamedLayers() {
    for (const std::string& k : reg().kinds()) {
        auto layer = reg().create(k, {}, "my_" + k);
        QCOMPARE(std::string(layer->kind()), k);
        QCOMPARE(layer->name(), "my_" + k);
    }
    auto conv = reg().create("Conv2D", {{"activation", "relu"}}, "c");
    QCOMPARE(std::string(conv->activationName()), std::string("relu"));
    QCOMPARE(std::string(reg().create("Dense", {{"activation", "softmax"}}, "d")->activationName()),
             std::string("softmax"));
    QCOMPARE(std::string(reg().create("Flatten", {}, "f")->activationName()), std::string("linear"));
    QCOMPARE(describeLayer("Dense", "fc1"), std::string("Dense 'fc1'"));
    QCOMPARE(describeLayer("Dense", ""), std::string("Dense"));
}

void TestRegistry::inputCounts() {
    QCOMPARE(reg().info("Input").minInputs, 0);
    QCOMPARE(reg().info("Input").maxInputs, 0);
    for (const char* k : {"Add", "Concatenate"}) {
        QCOMPARE(reg().info(k).minInputs, 2);
        QCOMPARE(reg().info(k).maxInputs, -1);
    }
    for (const char* k : {"Conv2D", "Dense", "Flatten", "MaxPooling2D", "Dropout", "BatchNormalization"}) {
        QCOMPARE(reg().info(k).minInputs, 1);
        QCOMPARE(reg().info(k).maxInputs, 1);
    }
}

QTEST_APPLESS_MAIN(TestRegistry)
#include "test_registry.moc"
