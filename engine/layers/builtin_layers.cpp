// The explicit list of built-in layer kinds. A kind exists only if it is listed here: no static
// self-registration that a linker could silently drop.
#include "layers/activation_layer.h"
#include "layers/add.h"
#include "layers/batch_normalization.h"
#include "layers/channel_shuffle.h"
#include "layers/channel_slice.h"
#include "layers/concatenate.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/depthwise_conv2d.h"
#include "layers/dropout.h"
#include "layers/flatten.h"
#include "layers/global_average_pooling2d.h"
#include "layers/input_layer.h"
#include "layers/layer_registry.h"
#include "layers/multiply.h"
#include "layers/pooling2d.h"
#include "layers/separable_conv2d.h"
#include "layers/zero_padding2d.h"

namespace cs {

void registerSeparableConvLayers(LayerRegistry& registry);
void registerModernBlockLayers(LayerRegistry& registry);

void registerBuiltinLayers(LayerRegistry& registry) {
    registry.add(InputLayer::info());
    registry.add(Conv2D::info());
    registry.add(Pooling2D::info(PoolMode::Max));
    registry.add(Pooling2D::info(PoolMode::Average));
    registry.add(GlobalAveragePooling2D::info());
    registry.add(Flatten::info());
    registry.add(Dense::info());
    registry.add(BatchNormalization::info());
    registry.add(Dropout::info());
    registry.add(ActivationLayer::info());
    registry.add(Add::info());
    registry.add(Concatenate::info());
    registerSeparableConvLayers(registry);
    registerModernBlockLayers(registry);
}

// Issue 15's convolution kinds, in their own function so that the other kinds added beside
// them stay separate edits.
void registerSeparableConvLayers(LayerRegistry& registry) {
    registry.add(DepthwiseConv2D::info());
    registry.add(SeparableConv2D::info());
}

// The blocks of MobileNet/ShuffleNet/EfficientNet-style models (issue 15), kept in one place.
void registerModernBlockLayers(LayerRegistry& registry) {
    registry.add(Multiply::info());
    registry.add(ZeroPadding2D::info());
    registry.add(ChannelShuffle::info());
    registry.add(ChannelSlice::info());
}

const LayerRegistry& LayerRegistry::builtin() {
    // A function-local static: built once, on first use, thread-safe by the language.
    static const LayerRegistry registry = [] {
        LayerRegistry r;
        registerBuiltinLayers(r);
        return r;
    }();
    return registry;
}

}  // namespace cs
