#include "common/preset_text.h"

#include <QCoreApplication>

#include "io/presets.h"

namespace cs::gui {

namespace {
// Word for word as in resources/presets/*.json.
[[maybe_unused]] const char* const kDescriptions[] = {
    QT_TRANSLATE_NOOP("Preset",
                      "A stronger Fashion-MNIST model: two blocks of two 3x3 convolutions with batch normalization, "
                      "max pooling and dropout, then Dense 256. Reaches about 93% test accuracy in 15 epochs."),
    QT_TRANSLATE_NOOP("Preset",
                      "LeNet-5 (LeCun et al., 1998) for 28x28 input: 5x5 convolutions with tanh and average pooling, "
                      "Dense 120-84-10."),
    QT_TRANSLATE_NOOP(
        "Preset",
        "A multi-layer perceptron: Flatten, one hidden Dense layer of 128 units with dropout, and a softmax output."),
    QT_TRANSLATE_NOOP(
        "Preset",
        "The classic Keras CNN: three 3x3 convolutions with max pooling, then two Dense layers (93,322 parameters)."),
};
}  // namespace

QString presetDescriptionText(const std::string& presetName) {
    const std::string english = presetDescription(presetName);
    return QCoreApplication::translate("Preset", english.c_str());
}

}  // namespace cs::gui
