#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli_args.h"
#include "commands.h"
#include "core/errors.h"
#include "core/json_options.h"
#include "data/augment_cli.h"
#include "data/dataset_project.h"
#include "data_loading.h"
#include "io/model_file.h"
#include "model_source.h"
#include "progress_bar.h"
#include "train/training_session.h"
#include "train/transfer.h"

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

// The run's settings, overridden by the command line: a new run's are the model document's,
// a resumed run's the checkpoint's.
TrainSettings settingsFrom(const TrainSettings& base, const CliArgs& args) {
    TrainSettings s = base;
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
    if (args.has("warmup")) {
        nlohmann::json o = s.schedule.toJson();
        o["warmup_steps"] = args.getInt("warmup", 0);
        s.schedule = ScheduleOptions::fromJson(o);  // range check, with the schedule's own message
        if (s.schedule.kind != "cosine")
            throw UsageError("--warmup applies to the cosine schedule; the run's schedule is '" + s.schedule.kind +
                             "' (add --schedule cosine)");
    }
    if (args.has("label-smoothing")) {
        // Smoothing needs targets made from the labels: the categorical loss (same value unsmoothed).
        s.loss.labelSmoothing = static_cast<float>(args.getDouble("label-smoothing", 0));
        if (s.loss.labelSmoothing > 0.f) s.loss.kind = "categorical_crossentropy";
        nlohmann::json o = s.loss.toJson();
        s.loss = LossOptions::fromJson(o);  // range check, with the loss's own message
    }
    if (args.has("augment")) s.augment = parseAugmentSpec(args.get("augment")).toJson();
    s.earlyStoppingPatience = args.getInt("early-stopping", s.earlyStoppingPatience);
    if (args.has("balance")) s.balance = classBalanceFromName(args.get("balance"));
    if (args.has("class-weights")) {
        s.loss.classWeights = parseClassWeights(args.get("class-weights"));
        if (!args.has("balance")) s.balance = ClassBalance::Weights;
    }
    if (args.has("fine-tune")) s.continueFromWeights = true;
    if (args.has("from-scratch")) s.continueFromWeights = false;
    s.validate();
    return s;
}

// What to train and how to start, from --preset / --model / --resume and the start options.
TrainingRequest requestFrom(const CliArgs& args, std::string& label) {
    if (args.has("fine-tune") && args.has("from-scratch"))
        throw UsageError("give --fine-tune or --from-scratch, not both");
    TrainingRequest request;
    if (args.has("resume")) {
        if (args.has("preset")) throw UsageError("--resume continues a model file's run; drop --preset");
        if (args.has("fine-tune") || args.has("from-scratch"))
            throw UsageError("--resume continues the checkpoint's weights; drop --fine-tune/--from-scratch");
        request.start = StartMode::Resume;
        request.checkpoint = loadModelFile(args.get("resume"));
        // Without --model the checkpoint is the project too (it keeps the dataset and exclusions).
        request.project = args.has("model") ? loadModelFile(args.get("model")) : request.checkpoint;
        label = args.has("model") ? args.get("model") : args.get("resume");
        request.settings = settingsFrom(checkpointSettings(request.checkpoint), args);
    } else {
        ModelSource src = loadModelSource(args);
        label = src.label;
        request.project = std::move(src.file);
        const nlohmann::json& t = request.project.training;
        request.settings = settingsFrom(TrainSettings::fromJson(t.is_object() ? t : nlohmann::json::object()), args);
        request.start =
            args.has("fine-tune") ? StartMode::FineTune : defaultStartMode(request.project, request.settings);
    }
    request.dataSource = args.has("data") ? args.get("data") : DatasetProject::fromFile(request.project).source;
    // A saved model keeps the evaluation's mistakes for the studio's Evaluation page, as the studio does.
    request.keepPredictions = args.has("out");
    if (request.dataSource.empty())
        throw UsageError("train needs --data PATH (a dataset folder or file, or 'builtin'); the model names none");
    if (args.has("checkpoint"))
        request.checkpointPath = args.get("checkpoint");
    else if (args.has("resume"))
        request.checkpointPath = args.get("resume");
    return request;
}

std::string epochLine(const EpochStats& e) {
    char line[256];
    const int n = std::snprintf(line, sizeof line, "Epoch %d/%d - %.1fs - loss %.4f - accuracy %.4f", e.epoch + 1,
                                e.epochs, e.seconds, e.loss, e.accuracy);
    if (e.hasValidation)
        std::snprintf(line + n, sizeof line - n, " - val_loss %.4f - val_accuracy %.4f", e.valLoss, e.valAccuracy);
    return line;
}

// What the run trains on and how it starts, before the first batch.
void describe(const PreparedRun& p, const std::string& label, std::ostream& out) {
    const DataSplits& d = *p.data;
    out << "Training " << label << " on " << d.train.size() << " images (" << d.train.classCount()
        << " classes), validating on " << d.validation.size() << ", testing on " << d.test.size() << "\n";
    if (p.prepared.excluded > 0) out << "Left out " << p.prepared.excluded << " image(s) the project excludes\n";
    if (p.start == StartMode::FineTune) out << "Fine-tuning: starting from the model's weights\n";
    if (p.start == StartMode::Resume)
        out << "Resuming the run: " << p.resumedEpochs.size() << " of " << p.settings.epochs << " epochs done\n";
    if (p.checkpointModelDiffers)
        out << "The checkpoint's model differs from the project's; training the checkpoint's\n";
    out << std::flush;
}

// --replace-head and --freeze, applied to the project before the run (the engine's transfer
// functions, as the studio's designer uses them).
void applyTransferOptions(const CliArgs& args, const DataSplits& data, TrainingRequest& request, std::ostream* out) {
    if ((args.has("replace-head") || args.has("freeze")) && request.start == StartMode::Resume)
        throw UsageError("--resume continues a run as it was; drop --freeze/--replace-head");
    if (args.has("replace-head")) {
        const std::string layer = args.get("replace-head");
        const bool scratch = args.has("from-scratch");
        if (!scratch && !request.project.hasWeights())
            throw UsageError(
                "--replace-head keeps a trained backbone, but the model has no weights; train it first "
                "(or add --from-scratch to train the same cut model from random weights)");
        request.project = replaceHead(request.project, layer, data.train.classNames);
        if (scratch) {
            // The baseline of a transfer experiment: the same model, every layer trainable.
            for (NodeSpec& n : request.project.graph.nodes()) n.trainable = true;
            request.start = StartMode::Fresh;
        } else {
            request.start = StartMode::FineTune;
        }
        if (out)
            *out << "Replaced the head after '" << layer << "': a new classifier for " << data.train.classCount()
                 << (scratch ? " classes, every layer from random weights\n" : " classes on the frozen backbone\n");
    }
    if (args.has("freeze")) {
        request.project.graph = frozenUpTo(request.project.graph, args.get("freeze"));
        if (out) *out << "Froze every layer up to and including '" << args.get("freeze") << "'\n";
    }
}

}  // namespace

int runTrain(const Args& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv, {"preset",     "model",     "resume",         "data",         "epochs",  "batch",
                        "optimizer",  "lr",        "val-split",      "seed",         "threads", "out",
                        "checkpoint", "augment",   "early-stopping", "schedule",     "balance", "class-weights",
                        "classes",    "per-class", "freeze",         "replace-head", "warmup",  "label-smoothing"},
                 {"json", "quiet", "fine-tune", "from-scratch"});
    const bool json = args.has("json"), quiet = args.has("quiet");
    std::string label;
    TrainingRequest request = requestFrom(args, label);
    const Preprocessing& pre =
        request.start == StartMode::Resume ? request.checkpoint.preprocessing : request.project.preprocessing;
    DataSplits data = loadData(request.dataSource, pre, quiet || json);
    selectClasses(data, classSelectionFrom(args, data.train.classNames, request.settings.seed));
    applyTransferOptions(args, data, request, json ? nullptr : &out);

    TrainingSession session;
    ProgressBar progress(stderr);
    auto say = [&](const std::string& s) {
        if (!quiet) progress.line(s);
    };
    g_interrupted = false;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    SessionCallbacks cb;
    cb.onPrepared = [&](const PreparedRun& p) {
        if (!json && !quiet) describe(p, label, out);
        for (const EpochStats& e : p.resumedEpochs) say(epochLine(e));
    };
    cb.onBatch = [&](const BatchStats& b) {
        if (g_interrupted) session.requestStop();
        if (!quiet)
            progress.batch(b.epoch, request.settings.epochs, b.batch, b.batchesPerEpoch, b.loss, b.accuracy,
                           b.samplesPerSecond);
    };
    cb.onEpoch = [&](const EpochStats& e) { say(epochLine(e)); };
    cb.onMessage = [&](const TrainMessage& m) {
        say((m.severity == MessageSeverity::Warning ? "warning: " : "") + m.text);
    };
    const auto started = std::chrono::steady_clock::now();
    const SessionResult result = session.run(request, data, cb);
    const double totalSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    const RunRecord& run = result.record;
    nlohmann::json epochs = nlohmann::json::array();
    for (const auto& e : run.epochs) epochs.push_back(e.toJson());
    nlohmann::json report = {{"model", label},
                             {"start", std::string(startModeName(run.start))},
                             {"epochs", epochs},
                             {"stopped", run.stopReason == StopReason::Stopped},
                             {"early_stopped", run.stopReason == StopReason::EarlyStopped},
                             {"train_samples", run.trainSamples},
                             {"validation_samples", run.validationSamples},
                             {"excluded_samples", run.excludedSamples}};
    if (run.featureCache) {
        report["feature_cache"] = {{"layer", run.featureCache->cutLayer},
                                   {"reused", run.featureCache->reused},
                                   {"seconds", run.featureCache->seconds}};
    }
    double trainingSeconds = 0;
    for (const auto& e : run.epochs) trainingSeconds += e.seconds;
    report["training_seconds"] = trainingSeconds + (run.featureCache ? run.featureCache->seconds : 0.0);
    if (run.evaluation) {
        const std::string set(evalSetName(run.evaluation->set));
        report[set + "_accuracy"] = run.evaluation->accuracy;
        report[set + "_loss"] = run.evaluation->loss;
        report[set + "_samples"] = run.evaluation->samples;
        if (!json) {
            char line[160];
            std::snprintf(line, sizeof line, "%c%s accuracy %.4f (loss %.4f) on %d images", std::toupper(set[0]),
                          set.c_str() + 1, run.evaluation->accuracy, run.evaluation->loss, run.evaluation->samples);
            out << line << "\n";
        }
    }
    // Wall-clock time of the whole run (data preparation, epochs, final evaluation): what a user waits.
    report["total_seconds"] = totalSeconds;
    if (!json) {
        char line[160];
        std::snprintf(line, sizeof line, "Total %.1fs (training %.1fs)", totalSeconds,
                      report["training_seconds"].get<double>());
        out << line << "\n";
    }
    if (run.bestEpoch) {  // the session keeps the best epoch by validation accuracy
        report["best_epoch"] = *run.bestEpoch + 1;
        if (!json && *run.bestEpoch + 1 < int(run.epochs.size()))
            out << "Kept the weights of epoch " << *run.bestEpoch + 1 << " (best validation accuracy)\n";
    }
    if (run.stopReason == StopReason::Stopped && !json) out << "Training stopped; the checkpoint holds the position.\n";
    if (args.has("out")) {
        saveModelFile(args.get("out"), result.trained);
        report["saved"] = args.get("out");
        if (!json) out << "Saved " << args.get("out") << "\n";
    }
    if (json) out << jsonText(report, 2) << "\n";
    return run.stopReason == StopReason::Stopped ? 130 : 0;
}

}  // namespace cs::cli
