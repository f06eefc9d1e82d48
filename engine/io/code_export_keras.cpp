// Keras (TensorFlow 2) code export: resources/codegen/keras_script.py with the model's layers
// (kind by kind), training settings and the shared data loader filled in.
#include <fstream>
#include <map>
#include <sstream>

#include "core/errors.h"
#include "graph/model.h"
#include "io/atomic_file.h"
#include "io/code_export.h"
#include "io/code_export_util.h"
#include "io/code_template.h"
#include "train/train_settings.h"

namespace cs {

namespace {

using namespace codegen;

std::string kerasActivation(std::string_view a) {
    // tf.nn.leaky_relu's default slope is 0.2, ConvStudio's too.
    if (a == "leaky_relu") return "tf.nn.leaky_relu";
    // tf.keras 2 has no relu6/hard_swish strings and its 'hard_sigmoid' is 0.2x + 0.5; ConvStudio's
    // are PyTorch's (Keras 3's): relu6(x + 3) / 6. tf.nn.gelu is exact (erf) by default.
    if (a == "relu6") return "tf.nn.relu6";
    if (a == "hard_sigmoid") return "lambda x: tf.nn.relu6(x + 3.0) / 6.0";
    if (a == "hard_swish") return "lambda x: x * tf.nn.relu6(x + 3.0) / 6.0";
    if (a == "silu") return "tf.nn.silu";
    if (a == "gelu") return "tf.nn.gelu";
    return pyString(std::string(a));
}

// "layers.Conv2D(32, (3, 3), activation='relu', name='conv2d')": a Keras layer call with the
// node's name after `args`.
std::string layerCall(const Model::Node& node, std::vector<std::string> args) {
    args.push_back("name=" + pyString(node.layer->name()));
    return "layers." + std::string(node.layer->kind()) + "(" + join(args) + ")";
}

std::string activationArg(const Options& o) {
    return "activation=" + kerasActivation(o["activation"].get<std::string>());
}

// The model input (the functional API's; a Sequential model gets input_shape on its first layer).
std::string kerasInput(const Model::Node& node) {
    const Shape s = node.outputShape;
    return "keras.Input(shape=(" + std::to_string(s.height()) + ", " + std::to_string(s.width()) + ", " +
           std::to_string(s.channels()) + "), name=" + pyString(node.layer->name()) + ")";
}

// A convolution's window arguments: kernel, strides, 'same' (also for explicit pads that are
// TensorFlow's 'same'), dilation. Other explicit pads are a ZeroPadding2D before the layer
// (kerasConvPadding), so the layer itself is 'valid'. Keras refuses strides > 1 together with
// dilation_rate > 1; the layer is written as it is and Keras says so when it builds it.
std::vector<std::string> kerasConvWindow(const Model::Node& node, std::vector<std::string> args) {
    const WindowInfo w = convWindowInfo(node);
    args.push_back("(" + std::to_string(w.k) + ", " + std::to_string(w.k) + ")");
    if (w.s != 1) args.push_back("strides=(" + std::to_string(w.s) + ", " + std::to_string(w.s) + ")");
    if (w.same) args.push_back("padding='same'");
    if (w.d != 1) args.push_back("dilation_rate=(" + std::to_string(w.d) + ", " + std::to_string(w.d) + ")");
    return args;
}

// Keras has no per-side padding in its convolutions: ZeroPadding2D ((top, bottom), (left, right)).
std::string kerasConvPadding(const Model::Node& node) {
    const WindowInfo w = convWindowInfo(node);
    if (!w.anyPads() || w.same) return {};
    return "layers.ZeroPadding2D(((" + std::to_string(w.t) + ", " + std::to_string(w.b) + "), (" + std::to_string(w.l) +
           ", " + std::to_string(w.r) + ")), name=" + pyString(node.layer->name() + "_pad") + ")";
}

std::vector<std::string> kerasConvTail(const Options& o, std::vector<std::string> args) {
    if (o["activation"] != "linear") args.push_back(activationArg(o));
    if (!o["use_bias"].get<bool>()) args.push_back("use_bias=False");
    return args;
}

std::string kerasConv(const Model::Node& node) {
    const Options o = node.layer->options();
    std::vector<std::string> args = kerasConvWindow(node, {std::to_string(o["filters"].get<int>())});
    if (o["groups"].get<int>() != 1) args.push_back("groups=" + std::to_string(o["groups"].get<int>()));
    return layerCall(node, kerasConvTail(o, args));
}

std::string kerasDepthwiseConv(const Model::Node& node) {
    const Options o = node.layer->options();
    std::vector<std::string> args = kerasConvWindow(node, {});
    if (o["depth_multiplier"].get<int>() != 1)
        args.push_back("depth_multiplier=" + std::to_string(o["depth_multiplier"].get<int>()));
    return layerCall(node, kerasConvTail(o, args));
}

std::string kerasSeparableConv(const Model::Node& node) {
    const Options o = node.layer->options();
    std::vector<std::string> args = kerasConvWindow(node, {std::to_string(o["filters"].get<int>())});
    if (o["depth_multiplier"].get<int>() != 1)
        args.push_back("depth_multiplier=" + std::to_string(o["depth_multiplier"].get<int>()));
    return layerCall(node, kerasConvTail(o, args));
}

std::string kerasPooling(const Model::Node& node) {
    const Options o = node.layer->options();
    const int k = o["pool_size"].get<int>(), s = o["strides"].get<int>();
    std::vector<std::string> args{"(" + std::to_string(k) + ", " + std::to_string(k) + ")"};
    if (s != 0 && s != k) args.push_back("strides=(" + std::to_string(s) + ", " + std::to_string(s) + ")");
    if (o["padding"] == "same") args.push_back("padding='same'");
    return layerCall(node, args);
}

std::string kerasDense(const Model::Node& node) {
    const Options o = node.layer->options();
    std::vector<std::string> args{std::to_string(o["units"].get<int>())};
    if (o["activation"] != "linear") args.push_back(activationArg(o));
    if (!o["use_bias"].get<bool>()) args.push_back("use_bias=False");
    return layerCall(node, args);
}

std::string kerasBatchNormalization(const Model::Node& node) {
    const Options o = node.layer->options();
    std::vector<std::string> args;
    if (o["momentum"].get<double>() != 0.99) args.push_back("momentum=" + pyNumber(o["momentum"].get<double>()));
    if (o["epsilon"].get<double>() != 0.001) args.push_back("epsilon=" + pyNumber(o["epsilon"].get<double>()));
    if (!o["center"].get<bool>()) args.push_back("center=False");
    if (!o["scale"].get<bool>()) args.push_back("scale=False");
    return layerCall(node, args);
}

std::string kerasDropout(const Model::Node& node) {
    return layerCall(node, {pyNumber(node.layer->options()["rate"].get<double>())});
}

std::string kerasActivationLayer(const Model::Node& node) {
    return layerCall(node, {kerasActivation(node.layer->options()["activation"].get<std::string>())});
}

std::string kerasWithoutOptions(const Model::Node& node) { return layerCall(node, {}); }

// The blocks of MobileNet/ShuffleNet/EfficientNet-style models (issue 15); Keras is channels-last.
std::string kerasMultiply(const Model::Node& node) {
    return layerCall(node, {});  // Keras merge layers expand a gate (N, C) to (N, 1, 1, C) themselves
}

std::string kerasZeroPadding(const Model::Node& node) {
    const Options o = node.layer->options();
    return layerCall(
        node, {"padding=((" + std::to_string(o["top"].get<int>()) + ", " + std::to_string(o["bottom"].get<int>()) +
               "), (" + std::to_string(o["left"].get<int>()) + ", " + std::to_string(o["right"].get<int>()) + "))"});
}

std::string kerasLambda(const Model::Node& node, const std::string& body) {
    return "layers.Lambda(lambda t: " + body + ", name=" + pyString(node.layer->name()) + ")";
}

std::string kerasChannelShuffle(const Model::Node& node) {
    const Shape& s = node.inputShapes[0];
    const std::string g = std::to_string(node.layer->options()["groups"].get<int>());
    const std::string hw = std::to_string(s.height()) + ", " + std::to_string(s.width());
    return kerasLambda(node, "tf.reshape(tf.transpose(tf.reshape(t, (-1, " + hw + ", " + g + ", " +
                                 std::to_string(s.channels() / std::stoi(g)) + ")), (0, 1, 2, 4, 3)), (-1, " + hw +
                                 ", " + std::to_string(s.channels()) + "))");
}

std::string kerasChannelSlice(const Model::Node& node) {
    const Options o = node.layer->options();
    return kerasLambda(
        node, "t[..., " + std::to_string(o["start"].get<int>()) + ":" + std::to_string(o["stop"].get<int>()) + "]");
}

const char* kFlattenNote =
    "  # channels-last: features in H,W,C order (ConvStudio flattens C,H,W; reorder Dense kernels to transfer weights)";

// A layer kind in Keras: the expression that creates a node's layer, a comment for its line,
// and optionally a layer that goes before it (empty when the node needs none).
struct KerasForm {
    std::string (*create)(const Model::Node& node);
    const char* note = "";
    std::string (*before)(const Model::Node& node) = nullptr;
};

const KerasForm* kerasForm(std::string_view kind) {
    static const std::map<std::string_view, KerasForm> forms{
        {"Input", {kerasInput}},
        {"Conv2D", {kerasConv, "", kerasConvPadding}},
        {"MaxPooling2D", {kerasPooling}},
        {"AveragePooling2D", {kerasPooling}},
        {"GlobalAveragePooling2D", {kerasWithoutOptions}},
        {"Flatten", {kerasWithoutOptions, kFlattenNote}},
        {"Dense", {kerasDense}},
        {"BatchNormalization", {kerasBatchNormalization}},
        {"Dropout", {kerasDropout}},
        {"Activation", {kerasActivationLayer}},
        {"Add", {kerasWithoutOptions}},
        {"Concatenate", {kerasWithoutOptions, "  # last axis: channels, as ConvStudio's"}},
        {"DepthwiseConv2D", {kerasDepthwiseConv, "", kerasConvPadding}},
        {"SeparableConv2D", {kerasSeparableConv, "", kerasConvPadding}},
        {"Multiply", {kerasMultiply}},
        {"ZeroPadding2D", {kerasZeroPadding}},
        {"ChannelShuffle", {kerasChannelShuffle}},
        {"ChannelSlice", {kerasChannelSlice}},
    };
    auto it = forms.find(kind);
    return it == forms.end() ? nullptr : &it->second;
}

// The form of every node's kind, in node order; throws naming the first node Keras cannot write.
std::vector<const KerasForm*> kerasForms(const Model& model) {
    std::vector<const KerasForm*> forms;
    for (const auto& node : model.nodes()) {
        forms.push_back(kerasForm(node.layer->kind()));
        if (!forms.back())
            throw Error(msg("keras_export.no_form", "Keras export: {layer} has no Keras form (layer kind '{kind}')",
                            {{"layer", describeLayer(node.layer->kind(), node.layer->name())},
                             {"kind", std::string(node.layer->kind())}}));
    }
    return forms;
}

bool isChain(const Model& m) {
    for (const auto& n : m.nodes())
        if (n.inputs.size() > 1 || n.consumers.size() > 1) return false;
    return true;
}

std::string optimizerCode(const TrainSettings& t) {
    const OptimizerOptions& o = t.optimizer;
    const std::string lr =
        t.schedule.kind == "constant" || t.schedule.kind == "plateau" ? pyNumber(o.learningRate) : "LEARNING_RATE";
    std::string clip = o.clipNorm > 0 ? ", clipnorm=" + pyNumber(o.clipNorm) : "";
    std::string s;
    if (o.kind == "sgd")
        s = "keras.optimizers.SGD(learning_rate=" + lr + ", momentum=" + pyNumber(o.momentum) +
            ", nesterov=" + (o.nesterov ? "True" : "False") + clip + ")";
    else if (o.kind == "adamw")
        s = "keras.optimizers.AdamW(learning_rate=" + lr + ", weight_decay=" + pyNumber(o.weightDecay) +
            ", beta_1=" + pyNumber(o.beta1) + ", beta_2=" + pyNumber(o.beta2) + ", epsilon=" + pyNumber(o.epsilon) +
            clip + ")";
    else if (o.kind == "rmsprop")
        s = "keras.optimizers.RMSprop(learning_rate=" + lr + ", rho=" + pyNumber(o.rho) +
            ", epsilon=" + pyNumber(o.epsilon) + clip + ")";
    else
        s = "keras.optimizers.Adam(learning_rate=" + lr + ", beta_1=" + pyNumber(o.beta1) +
            ", beta_2=" + pyNumber(o.beta2) + ", epsilon=" + pyNumber(o.epsilon) + clip + ")";
    return s;
}

std::string scheduleCode(const TrainSettings& t) {
    const ScheduleOptions& s = t.schedule;
    const std::string base = pyNumber(t.optimizer.learningRate);
    std::ostringstream c;
    if (s.kind == "step")
        c << "    callbacks.append(keras.callbacks.LearningRateScheduler(\n        lambda epoch: " << base << " * "
          << pyNumber(s.factor) << " ** (epoch // " << s.stepEpochs << ")))\n";
    else if (s.kind == "exponential")
        c << "    callbacks.append(keras.callbacks.LearningRateScheduler(lambda epoch: " << base << " * "
          << pyNumber(s.factor) << " ** epoch))\n";
    else if (s.kind == "cosine")
        c << "    # ConvStudio anneals per step with " << s.warmupSteps
          << " warm-up steps; this is the per-epoch form.\n"
          << "    callbacks.append(keras.callbacks.LearningRateScheduler(\n        lambda epoch: "
          << pyNumber(s.minRate) << " + 0.5 * (" << base << " - " << pyNumber(s.minRate)
          << ") * (1 + math.cos(math.pi * epoch / EPOCHS))))\n";
    else if (s.kind == "plateau")
        c << "    callbacks.append(keras.callbacks.ReduceLROnPlateau(factor=" << pyNumber(s.factor)
          << ", patience=" << s.patience << ", min_delta=" << pyNumber(s.minDelta) << ", min_lr=" << pyNumber(s.minRate)
          << "))\n";
    if (t.earlyStoppingPatience > 0)
        c << "    callbacks.append(keras.callbacks.EarlyStopping(patience=" << t.earlyStoppingPatience
          << ", restore_best_weights=" << (t.restoreBestWeights ? "True" : "False") << "))\n";
    return c.str();
}

// The body of augmentation(): the Keras layers for ConvStudio's augmentation options.
std::string augmentationLayers(const nlohmann::json& augment) {
    std::ostringstream c;
    auto amount = [&](const char* k) { return pyNumber(augment[k].value("amount", 0.0)); };
    std::vector<std::string> lines;
    if (augment.contains("hflip") && augment.contains("vflip"))
        lines.push_back("layers.RandomFlip('horizontal_and_vertical')");
    else if (augment.contains("hflip"))
        lines.push_back("layers.RandomFlip('horizontal')");
    else if (augment.contains("vflip"))
        lines.push_back("layers.RandomFlip('vertical')");
    if (augment.contains("rotate"))
        lines.push_back("layers.RandomRotation(" + amount("rotate") + " / 360.0, fill_mode='constant')");
    if (augment.contains("zoom")) lines.push_back("layers.RandomZoom(" + amount("zoom") + ", fill_mode='constant')");
    if (augment.contains("shift"))
        lines.push_back("layers.RandomTranslation(" + amount("shift") + ", " + amount("shift") +
                        ", fill_mode='constant')");
    if (augment.contains("contrast")) lines.push_back("layers.RandomContrast(" + amount("contrast") + ")");
    if (augment.contains("brightness"))
        lines.push_back("layers.RandomBrightness(" + amount("brightness") + ", value_range=(0, 255))");
    if (augment.contains("noise")) lines.push_back("layers.GaussianNoise(" + amount("noise") + " * 255.0)");
    if (lines.empty()) return "    return None\n";
    c << "    return keras.Sequential([\n";
    for (const auto& l : lines) c << "        " << l << ",\n";
    c << "    ], name='augmentation')\n";
    return c.str();
}

// train()'s class-weight lines and fit() argument for the settings' balance and loss weights.
std::string classWeightCode(const TrainSettings& t) {
    if (!t.loss.classWeights.empty())
        return "    # ConvStudio's explicit class weights (loss.class_weights)" +
               std::string(t.balance == ClassBalance::Weights ? "" : ", which it applies with any class balance") +
               "\n" + "    class_weight = dict(enumerate(" + pyJson(nlohmann::json(t.loss.classWeights)) + "))\n";
    if (t.balance == ClassBalance::Weights)
        return "    # ConvStudio's class balance 'weights' (Training > Class balance: Weight the loss by class\n"
               "    # frequency): computed from the training labels; the validation loss stays unweighted.\n"
               "    class_weight = balanced_class_weights(labels, classes)\n"
               "    print('class weights (balanced):', ', '.join(f'{w:.3g}' for w in class_weight.values()))\n";
    return {};
}

// train()'s tf.data pipeline of (images, labels) batches before augmentation.
std::string trainingDatasetCode(const TrainSettings& t) {
    std::ostringstream c;
    if (t.balance == ClassBalance::Oversample) {
        c << "    # ConvStudio's class balance 'oversample' (Training > Class balance: Oversample rare classes):\n"
          << "    # every epoch a new order in which each class is as frequent as the largest one (the\n"
          << "    # generator is called again for each epoch).\n"
          << "    rng = np.random.default_rng(" << t.seed << ")\n"
          << "    counts = np.bincount(labels, minlength=classes)[:classes]\n"
          << "    epoch_length = int(counts.max()) * int(np.count_nonzero(counts))\n"
          << "    print(f'oversampling: {epoch_length} samples per epoch from {len(labels)}')\n"
          << "    x_all, y_all = tf.constant(x), tf.constant(y)\n"
          << "    ds = tf.data.Dataset.from_generator(lambda: oversampled_indices(labels, classes, rng),\n"
          << "                                        output_signature=tf.TensorSpec((), tf.int64))\n"
          << "    ds = ds.apply(tf.data.experimental.assert_cardinality(epoch_length)).batch(BATCH_SIZE)\n"
          << "    ds = ds.map(lambda i: (tf.gather(x_all, i), tf.gather(y_all, i)))\n";
    } else {
        c << "    ds = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(x), seed=" << t.seed
          << ").batch(BATCH_SIZE)\n";
    }
    return c.str();
}

// The body of build_model(): a Sequential listing for a plain chain, else the functional API.
std::string buildModelCode(const Model& model, const std::string& inputShape) {
    const std::vector<const KerasForm*> forms = kerasForms(model);
    const auto& nodes = model.nodes();
    std::ostringstream py;
    if (isChain(model)) {
        py << "    model = models.Sequential(name='convstudio')\n";
        bool first = true;  // nodes[0], the input, becomes the first layer's input_shape
        for (size_t i = 1; i < nodes.size(); ++i) {
            for (std::string call : {forms[i]->before ? forms[i]->before(nodes[i]) : "", forms[i]->create(nodes[i])}) {
                if (call.empty()) continue;
                if (first) call.insert(call.size() - 1, ", input_shape=" + inputShape);
                first = false;
                py << "    model.add(" << call << ")"
                   << (call.starts_with("layers.ZeroPadding2D") ? "" : forms[i]->note) << "\n";
            }
        }
        py << "    return model\n";
        return py.str();
    }
    // One variable per layer output, in topological order.
    std::set<std::string> used;
    std::vector<std::string> var(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
        var[i] = identifier(nodes[i].layer->name(), used);
        std::vector<std::string> in;
        for (int j : nodes[i].inputs) in.push_back(var[j]);
        const std::string before = forms[i]->before ? forms[i]->before(nodes[i]) : "";
        if (!before.empty()) {  // one input: the convolutions
            const std::string padded = identifier(nodes[i].layer->name() + "_pad", used);
            py << "    " << padded << " = " << before << "(" << in[0] << ")\n";
            in = {padded};
        }
        py << "    " << var[i] << " = " << forms[i]->create(nodes[i]);
        if (!in.empty()) py << "(" << (in.size() == 1 ? in[0] : "[" + join(in) + "]") << ")";
        py << forms[i]->note << "\n";
    }
    py << "    return keras.Model(" << var.front() << ", " << var.back() << ", name='convstudio')\n";
    return py.str();
}

}  // namespace

std::string exportKerasCode(const ModelFile& file) { return exportKerasCode(Model(file.graph, file.seed), file); }

bool isKerasExportable(std::string_view kind) { return kerasForm(kind) != nullptr; }

std::string exportKerasCode(const Model& model, const ModelFile& file) {
    const TrainSettings t = TrainSettings::fromJson(file.training);
    const Shape in = model.inputShape();
    const std::string inputShape = "(" + std::to_string(in.height()) + ", " + std::to_string(in.width()) + ", " +
                                   std::to_string(in.channels()) + ")";
    const bool softmaxOut = model.outputActivation() == Activation::Softmax;
    const bool smoothing = t.loss.labelSmoothing > 0.f;
    const std::string loss =
        std::string(smoothing ? "CategoricalCrossentropy" : "SparseCategoricalCrossentropy") + "(" +
        (softmaxOut ? "" : "from_logits=True") +
        (smoothing ? std::string(softmaxOut ? "" : ", ") + "label_smoothing=" + pyNumber(t.loss.labelSmoothing) : "") +
        ")";
    std::string weightDecayNote;
    if (t.optimizer.weightDecay > 0 && t.optimizer.kind != "adamw")
        weightDecayNote = "    # ConvStudio adds L2 weight decay " + pyNumber(t.optimizer.weightDecay) +
                          " * w to kernel gradients; in Keras use kernel_regularizer=keras.regularizers.l2(" +
                          pyNumber(t.optimizer.weightDecay / 2) + ").\n";
    // The class balance: numpy helpers that compute what data/split.cpp's balancedClassWeights
    // and oversampledIndices do, and the integer labels and class count in train().
    const bool balancedWeights = t.balance == ClassBalance::Weights && t.loss.classWeights.empty();
    const bool oversample = t.balance == ClassBalance::Oversample;
    const bool balanceCode = balancedWeights || oversample;
    std::string balanceHelpers;
    if (balancedWeights) balanceHelpers += "\n\n" + codeTemplate("keras_balanced_class_weights.py");
    if (oversample) balanceHelpers += "\n\n" + codeTemplate("keras_oversampled_indices.py");
    const std::string classWeight = classWeightCode(t);
    const char* oneHot =
        "    y = keras.utils.to_categorical(y, len(CLASS_NAMES))\n"
        "    y_val = keras.utils.to_categorical(y_val, len(CLASS_NAMES))\n";

    return fillTemplate(
        "keras_script.py",
        {{"PARAMS", std::to_string(trainableParams(model))},
         {"DATA", pythonDataSource()},
         {"CLASS_NAMES", pyJson(file.classNames)},
         {"PREPROCESSING", pyJson(file.preprocessing.toJson())},
         {"INPUT_SHAPE", inputShape},
         {"EPOCHS", std::to_string(t.epochs)},
         {"BATCH_SIZE", std::to_string(t.batchSize)},
         {"LEARNING_RATE", pyNumber(t.optimizer.learningRate)},
         {"BUILD_MODEL", buildModelCode(model, inputShape)},
         {"LOSS", loss},
         {"OPTIMIZER", optimizerCode(t)},
         {"WEIGHT_DECAY_NOTE", weightDecayNote},
         {"AUGMENT_OPTIONS", t.augment.dump()},
         {"AUGMENTATION_LAYERS", augmentationLayers(t.augment)},
         {"BALANCE_HELPERS", balanceHelpers},
         {"SEED", std::to_string(t.seed)},
         {"VALIDATION_SPLIT", pyNumber(t.validationSplit)},
         {"BALANCE_LABELS", balanceCode ? "    labels = y  # integer class labels, for the class balance\n" : ""},
         {"ONE_HOT_LABELS", smoothing ? oneHot : ""},
         {"BALANCE_CLASSES", balanceCode ? "    classes = model.output_shape[-1]\n" : ""},
         {"TRAINING_DATASET", trainingDatasetCode(t)},
         {"CALLBACKS", scheduleCode(t)},
         {"CLASS_WEIGHT", classWeight},
         {"FIT_CLASS_WEIGHT", classWeight.empty() ? "" : ", class_weight=class_weight"},
         {"ONE_HOT_TEST_LABELS",
          smoothing ? "        y_test = keras.utils.to_categorical(y_test, len(CLASS_NAMES))\n" : ""}});
}

void saveKerasCode(const std::string& path, const ModelFile& file) { writeFileAtomically(path, exportKerasCode(file)); }

}  // namespace cs
