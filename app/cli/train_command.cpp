#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli_args.h"
#include "commands.h"
#include "core/errors.h"
#include "data/augment_cli.h"
#include "data/split.h"
#include "data_loading.h"
#include "graph/model.h"
#include "io/model_file.h"
#include "model_source.h"
#include "progress_bar.h"
#include "train/evaluator.h"
#include "train/trainer.h"

namespace cs::cli {

namespace {

std::atomic<bool> g_interrupted{false};
extern "C" void onInterrupt(int) { g_interrupted = true; }

// "1,2.5,0.5" -> {1, 2.5, 0.5}; each weight finite and >= 0.
std::vector<float> parseClassWeights(const std::string& text) {
    std::vector<float> weights;
    std::size_t at = 0;
    while (at <= text.size()) {
        const std::size_t comma = std::min(text.find(',', at), text.size());
        const std::string item = text.substr(at, comma - at);
        char* end = nullptr;
        const float w = std::strtof(item.c_str(), &end);
        if (item.empty() || end != item.c_str() + item.size() || !std::isfinite(w) || w < 0)
            throw UsageError("--class-weights takes non-negative numbers separated by commas, got '" + item + "' in '" +
                             text + "'");
        weights.push_back(w);
        at = comma + 1;
    }
    return weights;
}

// Settings from the model document, overridden by the command line.
TrainSettings settingsFrom(const ModelFile& file, const CliArgs& args) {
    nlohmann::json j = file.training.is_object() ? file.training : nlohmann::json::object();
    if (file.checkpoint.is_object() && file.checkpoint.contains("settings")) j = file.checkpoint["settings"];
    TrainSettings s = TrainSettings::fromJson(j);
    s.epochs = args.getInt("epochs", s.epochs);
    s.batchSize = args.getInt("batch", s.batchSize);
    s.validationSplit = static_cast<float>(args.getDouble("val-split", s.validationSplit));
    if (args.has("seed")) s.seed = static_cast<uint64_t>(args.getInt("seed", 42));
    s.threads = args.getInt("threads", s.threads);
    if (args.has("optimizer")) {
        nlohmann::json o = s.optimizer.toJson();
        o["optimizer"] = args.get("optimizer");
        s.optimizer = OptimizerOptions::fromJson(o);
    }
    if (args.has("lr")) s.optimizer.learningRate = static_cast<float>(args.getDouble("lr", 1e-3));
    if (args.has("schedule")) {
        nlohmann::json o = s.schedule.toJson();
        o["schedule"] = args.get("schedule");
        s.schedule = ScheduleOptions::fromJson(o);
    }
    if (args.has("augment")) s.augment = parseAugmentSpec(args.get("augment")).toJson();
    s.earlyStoppingPatience = args.getInt("early-stopping", s.earlyStoppingPatience);
    if (args.has("balance")) s.balance = classBalanceFromName(args.get("balance"));
    if (args.has("class-weights")) {
        s.loss.classWeights = parseClassWeights(args.get("class-weights"));
        if (!args.has("balance")) s.balance = ClassBalance::Weights;
    }
    s.validate();
    return s;
}

}  // namespace

int runTrain(const Args& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv,
                 {"preset", "model", "resume", "data", "epochs", "batch", "optimizer", "lr", "val-split", "seed",
                  "threads", "out", "checkpoint", "augment", "early-stopping", "schedule", "balance", "class-weights"},
                 {"json", "quiet"});
    if (!args.has("data")) throw UsageError("train needs --data PATH (a dataset folder or file, or 'builtin')");
    const bool json = args.has("json"), quiet = args.has("quiet");
    ModelSource src;
    if (args.has("resume")) {
        if (args.has("preset") || args.has("model"))
            throw UsageError("--resume takes the model from the checkpoint; drop --preset/--model");
        src = {loadModelFile(args.get("resume")), args.get("resume")};
    } else {
        src = loadModelSource(args);
    }
    ModelFile& file = src.file;
    const TrainSettings settings = settingsFrom(file, args);

    DataSplits data = loadData(args.get("data"), file.preprocessing, quiet || json);
    carveValidation(data, settings.validationSplit, settings.seed);
    const Dataset& train = data.train;
    const Dataset& validation = data.validation;
    file.classNames = train.classNames;

    Model model(file.graph, settings.seed);
    if (file.hasWeights() && !args.has("resume")) applyWeights(file, model);
    Trainer trainer(model, settings, file.preprocessing);
    if (args.has("resume")) trainer.restoreCheckpoint(file);
    if (args.has("checkpoint"))
        trainer.setCheckpoint(args.get("checkpoint"));
    else if (args.has("resume"))
        trainer.setCheckpoint(args.get("resume"));

    ProgressBar progress(stderr);
    auto say = [&](const std::string& s) {
        if (!quiet) progress.line(s);
    };
    if (!json && !quiet)
        out << "Training " << src.label << " on " << train.size() << " images (" << train.classCount()
            << " classes), validating on " << validation.size() << ", testing on " << data.test.size() << "\n"
            << std::flush;
    g_interrupted = false;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    TrainCallbacks cb;
    cb.onBatch = [&](const BatchStats& b) {
        if (g_interrupted) trainer.requestStop();
        if (!quiet)
            progress.batch(b.epoch, settings.epochs, b.batch, b.batchesPerEpoch, b.loss, b.accuracy,
                           b.samplesPerSecond);
    };
    cb.onEpoch = [&](const EpochStats& e) {
        char line[256];
        int n = std::snprintf(line, sizeof line, "Epoch %d/%d - %.1fs - loss %.4f - accuracy %.4f", e.epoch + 1,
                              e.epochs, e.seconds, e.loss, e.accuracy);
        if (e.hasValidation)
            std::snprintf(line + n, sizeof line - n, " - val_loss %.4f - val_accuracy %.4f", e.valLoss, e.valAccuracy);
        say(line);
    };
    cb.onMessage = [&](const TrainMessage& m) { say(m.text); };
    TrainResult result = trainer.run(train, validation, cb);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    nlohmann::json epochs = nlohmann::json::array();
    for (const auto& e : result.history) epochs.push_back(e.toJson());
    nlohmann::json report = {{"model", src.label},
                             {"epochs", epochs},
                             {"stopped", result.reason == StopReason::Stopped},
                             {"early_stopped", result.reason == StopReason::EarlyStopped},
                             {"train_samples", train.size()},
                             {"validation_samples", validation.size()}};
    if (data.test.size() > 0 && result.reason != StopReason::Stopped) {
        EvalOptions eo;
        eo.loss = settings.loss;
        const EvalResult test = evaluate(model, data.test, file.preprocessing, eo, nullptr, settings.threads);
        report["test_accuracy"] = test.accuracy;
        report["test_loss"] = test.loss;
        report["test_samples"] = test.samples;
        if (!json) {
            char line[128];
            std::snprintf(line, sizeof line, "Test accuracy %.4f (loss %.4f) on %d images", test.accuracy, test.loss,
                          test.samples);
            out << line << "\n";
        }
    }
    if (result.reason == StopReason::Stopped && !json) out << "Training stopped; the checkpoint holds the position.\n";
    if (args.has("out")) {
        storeWeights(model, file);
        file.training = settings.toJson();
        file.checkpoint = nlohmann::json::object();
        nlohmann::json run = {{"settings", settings.toJson()}, {"epochs", epochs}, {"data", args.get("data")}};
        if (report.contains("test_accuracy")) run["test_accuracy"] = report["test_accuracy"];
        file.history.push_back(run);
        saveModelFile(args.get("out"), file);
        report["saved"] = args.get("out");
        if (!json) out << "Saved " << args.get("out") << "\n";
    }
    if (json) out << report.dump(2) << "\n";
    return result.reason == StopReason::Stopped ? 130 : 0;
}

}  // namespace cs::cli
