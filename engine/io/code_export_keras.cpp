// Keras (TensorFlow 2) code export.
#include <fstream>
#include <map>
#include <sstream>

#include "core/errors.h"
#include "graph/model.h"
#include "io/atomic_file.h"
#include "io/code_export.h"
#include "io/code_export_util.h"
#include "train/train_settings.h"

namespace cs {

namespace {

using namespace codegen;

std::string kerasActivation(std::string_view a) {
    // tf.nn.leaky_relu's default slope is 0.2, ConvStudio's too.
    if (a == "leaky_relu") return "tf.nn.leaky_relu";
    return pyString(std::string(a));
}

// "layers.Conv2D(32, (3, 3), activation='relu', name='conv2d')" for one node.
std::string kerasLayer(const Model::Node& node) {
    const Layer& layer = *node.layer;
    const std::string kind(layer.kind());
    const Options o = layer.options();
    std::vector<std::string> args;
    if (kind == "Conv2D") {
        const int k = o["kernel_size"].get<int>(), s = o["strides"].get<int>();
        args.push_back(std::to_string(o["filters"].get<int>()));
        args.push_back("(" + std::to_string(k) + ", " + std::to_string(k) + ")");
        if (s != 1) args.push_back("strides=(" + std::to_string(s) + ", " + std::to_string(s) + ")");
        if (o["padding"] == "same") args.push_back("padding='same'");
        if (o["activation"] != "linear")
            args.push_back("activation=" + kerasActivation(o["activation"].get<std::string>()));
        if (!o["use_bias"].get<bool>()) args.push_back("use_bias=False");
    } else if (kind == "MaxPooling2D" || kind == "AveragePooling2D") {
        const int k = o["pool_size"].get<int>(), s = o["strides"].get<int>();
        args.push_back("(" + std::to_string(k) + ", " + std::to_string(k) + ")");
        if (s != 0 && s != k) args.push_back("strides=(" + std::to_string(s) + ", " + std::to_string(s) + ")");
        if (o["padding"] == "same") args.push_back("padding='same'");
    } else if (kind == "Dense") {
        args.push_back(std::to_string(o["units"].get<int>()));
        if (o["activation"] != "linear")
            args.push_back("activation=" + kerasActivation(o["activation"].get<std::string>()));
        if (!o["use_bias"].get<bool>()) args.push_back("use_bias=False");
    } else if (kind == "BatchNormalization") {
        if (o["momentum"].get<double>() != 0.99) args.push_back("momentum=" + pyNumber(o["momentum"].get<double>()));
        if (o["epsilon"].get<double>() != 0.001) args.push_back("epsilon=" + pyNumber(o["epsilon"].get<double>()));
        if (!o["center"].get<bool>()) args.push_back("center=False");
        if (!o["scale"].get<bool>()) args.push_back("scale=False");
    } else if (kind == "Dropout") {
        args.push_back(pyNumber(o["rate"].get<double>()));
    } else if (kind == "Activation") {
        args.push_back(kerasActivation(o["activation"].get<std::string>()));
    } else if (kind == "Add" || kind == "Concatenate" || kind == "Flatten" || kind == "GlobalAveragePooling2D") {
        // no options
    } else {
        throw Error("Keras export: " + describeLayer(layer.kind(), layer.name()) + " has no Keras form");
    }
    args.push_back("name=" + pyString(layer.name()));
    std::string s = "layers." + kind + "(";
    for (size_t i = 0; i < args.size(); ++i) s += (i ? ", " : "") + args[i];
    return s + ")";
}

const char* kFlattenNote =
    "  # channels-last: features in H,W,C order (ConvStudio flattens C,H,W; reorder Dense kernels to transfer weights)";

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

std::string augmentationCode(const nlohmann::json& augment) {
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
    c << "def augmentation():\n"
      << "    \"\"\"ConvStudio's augmentation " << augment.dump() << " as Keras layers on 0..255 images.\n"
      << "    Keras applies each to every image (ConvStudio draws each with its probability p);\n"
      << "    'erase' and 'crop' have no built-in layer and are left out.\"\"\"\n";
    if (lines.empty()) {
        c << "    return None\n";
        return c.str();
    }
    c << "    return keras.Sequential([\n";
    for (const auto& l : lines) c << "        " << l << ",\n";
    c << "    ], name='augmentation')\n";
    return c.str();
}

// numpy helpers for TrainSettings::balance, the same computations as data/split.cpp's
// balancedClassWeights and oversampledIndices (with numpy's random generator).
const char* kBalancedWeightsPy = R"PY(

def balanced_class_weights(labels, classes):
    """ConvStudio's class balance 'weights': n / (classes present * count[c]) for each class c
    (0 for a class without training samples), as Keras's class_weight {class: weight}."""
    counts = np.bincount(labels, minlength=classes)[:classes]
    present = np.count_nonzero(counts)
    return {c: float(len(labels) / (present * n)) if n else 0.0 for c, n in enumerate(counts)}
)PY";

const char* kOversamplePy = R"PY(

def oversampled_indices(labels, classes, rng):
    """One epoch of ConvStudio's class balance 'oversample': every sample of a class once, then
    random repeats until the class is as frequent as the largest one, all shuffled (so an epoch
    is largest class x classes present samples long)."""
    groups = [np.flatnonzero(labels == c) for c in range(classes)]
    largest = max(len(g) for g in groups)
    order = np.concatenate([np.concatenate([g, rng.choice(g, largest - len(g))]) for g in groups if len(g)])
    rng.shuffle(order)
    return order
)PY";

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

}  // namespace

std::string exportKerasCode(const ModelFile& file) {
    const Model model(file.graph, file.seed);
    const TrainSettings t = TrainSettings::fromJson(file.training);
    const Shape in = model.inputShape();
    const std::string inputShape = "(" + std::to_string(in.height()) + ", " + std::to_string(in.width()) + ", " +
                                   std::to_string(in.channels()) + ")";
    std::ostringstream py;
    py << "\"\"\"Keras (TensorFlow 2) code generated by ConvStudio.\n\n"
       << "It rebuilds the model (" << trainableParams(model) << " trainable parameters) and its training settings.\n"
       << "Keras is channels-last: images are (height, width, channels) and Flatten orders features\n"
       << "H,W,C, where ConvStudio (like PyTorch and ONNX) is channels-first and flattens C,H,W. The layers\n"
       << "and parameter counts are the same; only weights of a Dense layer after Flatten need reordering\n"
       << "to be copied between the two.\n\n"
       << "Usage: python3 this_file.py --data FOLDER   (IDX files or one image folder per class)\n\"\"\"\n"
       << "import argparse\nimport math\n\nimport tensorflow as tf\nfrom tensorflow import keras\n"
       << "from tensorflow.keras import layers, models\n"
       << pythonDataSource() << "\n\n"
       << "CLASS_NAMES = " << pyJson(file.classNames) << "\n"
       << "PREPROCESSING = " << pyJson(file.preprocessing.toJson()) << "\n"
       << "INPUT_SHAPE = " << inputShape << "  # height, width, channels\n"
       << "EPOCHS = " << t.epochs << "\nBATCH_SIZE = " << t.batchSize << "\n"
       << "LEARNING_RATE = " << pyNumber(t.optimizer.learningRate) << "\n\n\n";

    py << "def build_model():\n";
    if (isChain(model)) {
        py << "    model = models.Sequential(name='convstudio')\n";
        bool first = true;
        for (const auto& node : model.nodes()) {
            if (node.layer->kind() == "Input") continue;
            std::string call = kerasLayer(node);
            if (first) call.insert(call.size() - 1, ", input_shape=" + inputShape);
            first = false;
            py << "    model.add(" << call << ")";
            if (node.layer->kind() == "Flatten") py << kFlattenNote;
            py << "\n";
        }
        py << "    return model\n\n\n";
    } else {
        // Functional API: one variable per layer output, in topological order.
        std::set<std::string> used;
        std::vector<std::string> var(model.nodes().size());
        for (size_t i = 0; i < model.nodes().size(); ++i) {
            const auto& node = model.nodes()[i];
            var[i] = identifier(node.layer->name(), used);
            if (node.layer->kind() == "Input") {
                py << "    " << var[i] << " = keras.Input(shape=" << inputShape
                   << ", name=" << pyString(node.layer->name()) << ")\n";
                continue;
            }
            std::string args;
            if (node.inputs.size() == 1) {
                args = var[node.inputs[0]];
            } else {
                args = "[";
                for (size_t j = 0; j < node.inputs.size(); ++j) args += (j ? ", " : "") + var[node.inputs[j]];
                args += "]";
            }
            py << "    " << var[i] << " = " << kerasLayer(node) << "(" << args << ")";
            if (node.layer->kind() == "Flatten") py << kFlattenNote;
            if (node.layer->kind() == "Concatenate") py << "  # last axis: channels, as ConvStudio's";
            py << "\n";
        }
        py << "    return keras.Model(" << var.front() << ", " << var.back() << ", name='convstudio')\n\n\n";
    }

    const bool softmaxOut = model.outputActivation() == Activation::Softmax;
    const bool smoothing = t.loss.labelSmoothing > 0.f;
    py << "def compile_model(model):\n"
       << "    loss = keras.losses." << (smoothing ? "CategoricalCrossentropy" : "SparseCategoricalCrossentropy") << "("
       << (softmaxOut ? "" : "from_logits=True")
       << (smoothing ? std::string(softmaxOut ? "" : ", ") + "label_smoothing=" + pyNumber(t.loss.labelSmoothing) : "")
       << ")\n"
       << "    model.compile(optimizer=" << optimizerCode(t) << ",\n"
       << "                  loss=loss, metrics=['accuracy'])\n";
    if (t.optimizer.weightDecay > 0 && t.optimizer.kind != "adamw")
        py << "    # ConvStudio adds L2 weight decay " << pyNumber(t.optimizer.weightDecay)
           << " * w to kernel gradients; in Keras use kernel_regularizer=keras.regularizers.l2("
           << pyNumber(t.optimizer.weightDecay / 2) << ").\n";
    py << "    return model\n\n\n" << augmentationCode(t.augment);
    // The class balance needs the integer labels and the class count in train().
    const bool balancedWeights = t.balance == ClassBalance::Weights && t.loss.classWeights.empty();
    const bool balanceCode = balancedWeights || t.balance == ClassBalance::Oversample;
    if (balancedWeights) py << kBalancedWeightsPy;
    if (t.balance == ClassBalance::Oversample) py << kOversamplePy;
    py << "\n\n";

    py << "def preprocess_tf(images):\n"
       << "    \"\"\"preprocess() in TensorFlow, for the tf.data pipeline.\"\"\"\n"
       << "    x = tf.cast(images, tf.float32)\n"
       << "    if PREPROCESSING['invert']:\n"
       << "        x = 255.0 - x\n"
       << "    x = x / 255.0\n"
       << "    if PREPROCESSING['scaling'] == 'standardize':\n"
       << "        c = INPUT_SHAPE[2]\n"
       << "        x = (x - PREPROCESSING['mean'][:c]) / PREPROCESSING['std'][:c]\n"
       << "    return x\n\n\n"
       << "def train(data_path):\n"
       << "    data = load_dataset(data_path, INPUT_SHAPE[0], INPUT_SHAPE[1], INPUT_SHAPE[2])\n"
       << "    x, y = data['train']\n"
       << "    if 'val' in data:\n"
       << "        x_val, y_val = data['val']\n"
       << "    else:  # a random hold-out, like ConvStudio's validation split\n"
       << "        order = np.random.default_rng(" << t.seed << ").permutation(len(x))\n"
       << "        n_val = int(len(x) * " << pyNumber(t.validationSplit) << ")\n"
       << "        x_val, y_val = x[order[:n_val]], y[order[:n_val]]\n"
       << "        x, y = x[order[n_val:]], y[order[n_val:]]\n"
       << (balanceCode ? "    labels = y  # integer class labels, for the class balance\n" : "")
       << (smoothing ? "    y = keras.utils.to_categorical(y, len(CLASS_NAMES))\n    y_val = "
                       "keras.utils.to_categorical(y_val, len(CLASS_NAMES))\n"
                     : "")
       << "    model = compile_model(build_model())\n"
       << (balanceCode ? "    classes = model.output_shape[-1]\n" : "") << "    augment = augmentation()\n"
       << trainingDatasetCode(t)
       << "    if augment is not None:  # on the fly, on 0..255 images, before the preprocessing\n"
       << "        ds = ds.map(lambda a, b: (tf.clip_by_value(augment(tf.cast(a, tf.float32), training=True), 0, 255), "
          "b))\n"
       << "    ds = ds.map(lambda a, b: (preprocess_tf(a), b)).prefetch(2)\n"
       << "    validation = (preprocess(x_val, PREPROCESSING), y_val) if len(x_val) else None\n"
       << "    callbacks = []\n"
       << scheduleCode(t);
    const std::string classWeight = classWeightCode(t);
    py << classWeight << "    model.fit(ds, epochs=EPOCHS, callbacks=callbacks, validation_data=validation"
       << (classWeight.empty() ? "" : ", class_weight=class_weight") << ")\n"
       << "    if 'test' in data:\n"
       << "        y_test = data['test'][1]\n"
       << (smoothing ? "        y_test = keras.utils.to_categorical(y_test, len(CLASS_NAMES))\n" : "")
       << "        model.evaluate(preprocess(data['test'][0], PREPROCESSING), y_test)\n"
       << "    return model\n\n\n"
       << "if __name__ == '__main__':\n"
       << "    parser = argparse.ArgumentParser(description='Train the ConvStudio model with Keras.')\n"
       << "    parser.add_argument('--data', help='IDX folder or image folders; without it, only the summary is "
          "shown')\n"
       << "    args = parser.parse_args()\n"
       << "    if args.data:\n"
       << "        train(args.data).save('model.keras')\n"
       << "    else:\n"
       << "        build_model().summary()\n";
    return py.str();
}

void saveKerasCode(const std::string& path, const ModelFile& file) { writeFileAtomically(path, exportKerasCode(file)); }

}  // namespace cs
