// The engine's layer and option help texts, listed for translation (context "LayerHelp").
// The palette, cards and property editor translate the registry's strings at run time with
// QCoreApplication::translate("LayerHelp", help); a text missing here simply shows in English.
// Refresh from LayerRegistry::builtin() when layers are added.
#include <QtGlobal>

namespace cs::gui {

[[maybe_unused]] static const char* const kLayerHelpStrings[] = {
    QT_TRANSLATE_NOOP("LayerHelp",
                      "Applies a non-linearity to every value. Conv2D and Dense can fuse one themselves; use this "
                      "layer to place it elsewhere, e.g. after BatchNormalization."),
    QT_TRANSLATE_NOOP("LayerHelp", "The function applied to every value."),
    QT_TRANSLATE_NOOP("LayerHelp",
                      "Adds its inputs element by element, e.g. to build a residual (skip) connection. All inputs must "
                      "have the same shape."),
    QT_TRANSLATE_NOOP("LayerHelp",
                      "Replaces each window of every feature map by its average, shrinking the maps smoothly."),
    QT_TRANSLATE_NOOP("LayerHelp", "Width and height of the square pooling window."),
    QT_TRANSLATE_NOOP("LayerHelp", "Step between windows; 0 means the same as pool_size."),
    QT_TRANSLATE_NOOP(
        "LayerHelp",
        "'valid' drops windows that do not fit; 'same' keeps them partially, so the output is input/strides."),
    QT_TRANSLATE_NOOP("LayerHelp",
                      "Normalises each channel to zero mean and unit variance over the batch, then applies a learned "
                      "scale and shift. Usually lets you train faster with higher learning rates."),
    QT_TRANSLATE_NOOP("LayerHelp", "How slowly the moving statistics used at inference follow the batches."),
    QT_TRANSLATE_NOOP("LayerHelp", "Small constant added to the variance to avoid dividing by zero."),
    QT_TRANSLATE_NOOP("LayerHelp", "Learns a shift (beta) added after normalising."),
    QT_TRANSLATE_NOOP("LayerHelp", "Learns a scale (gamma) applied after normalising."),
    QT_TRANSLATE_NOOP(
        "LayerHelp",
        "Stacks its inputs: feature maps along the channel axis (same height and width), or flat vectors end to end."),
    QT_TRANSLATE_NOOP("LayerHelp",
                      "Slides learned square filters over the image and outputs one feature map per filter. The "
                      "workhorse of a CNN: early layers find edges, later ones find shapes."),
    QT_TRANSLATE_NOOP("LayerHelp", "Number of filters, i.e. output channels."),
    QT_TRANSLATE_NOOP("LayerHelp", "Width and height of each square filter, in pixels."),
    QT_TRANSLATE_NOOP("LayerHelp", "Step between filter positions; 2 halves the output size."),
    QT_TRANSLATE_NOOP(
        "LayerHelp",
        "'valid' uses only full windows (output shrinks); 'same' pads with zeros so the output is input/strides."),
    QT_TRANSLATE_NOOP("LayerHelp", "Adds a learned bias to every output channel."),
    QT_TRANSLATE_NOOP("LayerHelp", "Activation applied to the output ('linear' for none)."),
    QT_TRANSLATE_NOOP("LayerHelp",
                      "Connects every input feature to every output unit with a learned weight. Needs a flat input: "
                      "put Flatten or global pooling before it."),
    QT_TRANSLATE_NOOP("LayerHelp", "Number of output units (the number of classes for the last layer)."),
    QT_TRANSLATE_NOOP("LayerHelp", "Activation applied to the output ('softmax' for class probabilities)."),
    QT_TRANSLATE_NOOP("LayerHelp", "Adds a learned bias to every output unit."),
    QT_TRANSLATE_NOOP("LayerHelp",
                      "During training, randomly zeroes a fraction of the values so the network cannot rely on any "
                      "single feature; does nothing at inference."),
    QT_TRANSLATE_NOOP("LayerHelp", "Fraction of the values dropped during training."),
    QT_TRANSLATE_NOOP("LayerHelp",
                      "Unrolls each feature map stack into one long vector, so Dense layers can follow convolutions. "
                      "Has no weights."),
    QT_TRANSLATE_NOOP("LayerHelp",
                      "Averages each whole feature map to a single number, giving one feature per channel. A "
                      "weight-free alternative to Flatten before the classifier."),
    QT_TRANSLATE_NOOP("LayerHelp",
                      "The images the model sees: their height, width and number of channels (1 for grayscale, 3 for "
                      "colour). Every model starts with exactly one."),
    QT_TRANSLATE_NOOP("LayerHelp", "Image height in pixels."),
    QT_TRANSLATE_NOOP("LayerHelp", "Image width in pixels."),
    QT_TRANSLATE_NOOP("LayerHelp", "Channels per pixel: 1 for grayscale, 3 for RGB."),
    QT_TRANSLATE_NOOP("LayerHelp",
                      "Keeps the largest value of each window of every feature map, shrinking the maps and making the "
                      "features robust to small shifts."),
    // Convolution padding, dilation, groups; DepthwiseConv2D and SeparableConv2D (issue 15).
    QT_TRANSLATE_NOOP("LayerHelp",
                      "'valid' uses only full windows (output shrinks); 'same' pads with zeros so the output is "
                      "input/strides; 'explicit' pads each side by pad_top, pad_bottom, pad_left and pad_right."),
    QT_TRANSLATE_NOOP("LayerHelp", "Rows of zeros above the image (with padding 'explicit')."),
    QT_TRANSLATE_NOOP("LayerHelp", "Rows of zeros below the image (with padding 'explicit')."),
    QT_TRANSLATE_NOOP("LayerHelp", "Columns of zeros left of the image (with padding 'explicit')."),
    QT_TRANSLATE_NOOP("LayerHelp", "Columns of zeros right of the image (with padding 'explicit')."),
    QT_TRANSLATE_NOOP("LayerHelp", "Spacing between the filter's taps; 2 covers a 5x5 area with a 3x3 filter."),
    QT_TRANSLATE_NOOP("LayerHelp",
                      "Splits input channels and filters into this many groups, each filter seeing only its group's "
                      "channels; must divide both."),
    QT_TRANSLATE_NOOP("LayerHelp",
                      "Filters each channel on its own with a small learned filter, without mixing channels: a "
                      "fraction of Conv2D's cost. MobileNets follow it with a 1x1 Conv2D that mixes the channels."),
    QT_TRANSLATE_NOOP("LayerHelp", "Filters per input channel; the output has channels x depth_multiplier maps."),
    QT_TRANSLATE_NOOP("LayerHelp",
                      "A depthwise convolution (each channel filtered on its own) followed by a 1x1 convolution that "
                      "mixes the channels: nearly what Conv2D does, with far fewer weights and multiply-adds."),
    QT_TRANSLATE_NOOP("LayerHelp", "Depthwise filters per input channel, before the 1x1 convolution mixes them."),
    // The blocks of MobileNet/ShuffleNet/EfficientNet-style models (issue 15).
    QT_TRANSLATE_NOOP("LayerHelp",
                      "Multiplies its two inputs element by element. A feature map times one value per channel "
                      "scales each channel: the gate of a squeeze-and-excitation block."),
    QT_TRANSLATE_NOOP("LayerHelp", "Adds rows and columns of zeros around every feature map, a number for each side."),
    QT_TRANSLATE_NOOP("LayerHelp", "Rows of zeros added above."),
    QT_TRANSLATE_NOOP("LayerHelp", "Rows of zeros added below."),
    QT_TRANSLATE_NOOP("LayerHelp", "Columns of zeros added on the left."),
    QT_TRANSLATE_NOOP("LayerHelp", "Columns of zeros added on the right."),
    QT_TRANSLATE_NOOP("LayerHelp",
                      "Interleaves the channels of its groups (ShuffleNet), so that the next grouped convolution "
                      "sees channels from every group."),
    QT_TRANSLATE_NOOP("LayerHelp", "Number of channel groups to interleave."),
    QT_TRANSLATE_NOOP("LayerHelp",
                      "Keeps the channels from start up to (not including) stop, e.g. one half of a channel split."),
    QT_TRANSLATE_NOOP("LayerHelp", "First channel kept (counting from 0)."),
    QT_TRANSLATE_NOOP("LayerHelp", "Channel after the last one kept."),
};

}  // namespace cs::gui
