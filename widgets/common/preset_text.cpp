#include "common/preset_text.h"

#include <QCoreApplication>

#include "io/presets.h"

namespace cs::gui {

namespace {
// Word for word as in resources/presets/*.json.
[[maybe_unused]] const char* const kDescriptions[] = {
    QT_TRANSLATE_NOOP("Preset",
                      "Fashion-MNIST in under a minute: two 3x3 convolutions (24 and 48 filters) with batch "
                      "normalization and max pooling, dropout and Dense 128, trained 5 epochs at batch 128 with Adam, "
                      "a warm-up + cosine schedule and label smoothing 0.1. Reaches about 92.3% test accuracy."),
    QT_TRANSLATE_NOOP("Preset",
                      "A stronger Fashion-MNIST model: two blocks of two 3x3 convolutions with batch normalization, "
                      "max pooling and dropout, then Dense 256; 13 epochs at batch 128 with Adam, a warm-up + cosine "
                      "schedule and label smoothing 0.1. Reaches about 94% test accuracy in under 10 minutes on 2 "
                      "cores."),
    QT_TRANSLATE_NOOP("Preset",
                      "LeNet-5 (LeCun et al., 1998) for 28x28 input: 5x5 convolutions with tanh and average pooling, "
                      "Dense 120-84-10."),
    QT_TRANSLATE_NOOP(
        "Preset",
        "A multi-layer perceptron: Flatten, one hidden Dense layer of 128 units with dropout, and a softmax output."),
    QT_TRANSLATE_NOOP(
        "Preset",
        "The classic Keras CNN: three 3x3 convolutions with max pooling, then two Dense layers (93,322 parameters)."),
    QT_TRANSLATE_NOOP("Preset",
                      "A small MobileNetV2-style network for 28x28x1 images (Fashion-MNIST): inverted residual blocks "
                      "(1x1 expansion, 3x3 depthwise convolution, linear 1x1 projection, ReLU6, batch normalization, "
                      "residual connections where the shape allows), global average pooling and a softmax classifier."),
    QT_TRANSLATE_NOOP("Preset",
                      "A small MobileNetV2-style network for 32x32x3 images (CIFAR-10): inverted residual blocks (1x1 "
                      "expansion, 3x3 depthwise convolution, linear 1x1 projection, ReLU6, batch normalization, "
                      "residual connections where the shape allows), global average pooling and a softmax classifier."),
    QT_TRANSLATE_NOOP("Preset",
                      "A small ResNet for 28x28x1 images (Fashion-MNIST): a 3x3 stem and three residual stages of 16, "
                      "32 and 64 filters (3x3 convolutions with batch normalization, 1x1 projection shortcuts where "
                      "the shape changes), global average pooling and a softmax classifier."),
    QT_TRANSLATE_NOOP("Preset",
                      "A small ResNet for 32x32x3 images (CIFAR-10): a 3x3 stem and three residual stages of 16, 32 "
                      "and 64 filters (3x3 convolutions with batch normalization, 1x1 projection shortcuts where the "
                      "shape changes), global average pooling and a softmax classifier."),
};
}  // namespace

QString presetDescriptionText(const std::string& presetName) {
    const std::string english = presetDescription(presetName);
    return QCoreApplication::translate("Preset", english.c_str());
}

}  // namespace cs::gui
