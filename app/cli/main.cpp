// convstudio-cli: everything the studio can do to a model, a dataset or a training run, from
// scripts. Errors go to stderr with a non-zero exit code; --json prints one JSON object.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "classify_stream_command.h"
#include "cli_args.h"
#include "commands.h"
#include "core/errors.h"
#include "dataset_command.h"
#include "doctor_command.h"
#include "interchange_commands.h"

namespace {

struct Command {
    const char* name;
    const char* usage;
    std::function<int(const std::vector<std::string>&, std::ostream&, std::ostream&)> run;
};

const std::vector<Command>& commands() {
    using namespace cs::cli;
    static const std::vector<Command> list = {
        {"summary", "summary (--preset NAME | --model FILE) [--json]\n      layers, output shapes and parameter counts",
         runSummary},
        {"presets", "presets [--json]\n      the model presets shipped with ConvStudio", runPresets},
        {"train",
         "train (--preset NAME | --model FILE [--resume CHECKPOINT] | --resume CHECKPOINT) [--data PATH]\n"
         "      [--fine-tune | --from-scratch] [--epochs N] [--batch N]\n"
         "      [--optimizer adam|adamw|sgd|rmsprop] [--lr X] [--schedule constant|step|exponential|cosine|plateau]\n"
         "      [--warmup STEPS] [--label-smoothing X]\n"
         "      [--val-split F] [--seed N] [--threads N] [--augment SPEC] [--early-stopping PATIENCE]\n"
         "      [--balance none|weights|oversample] [--class-weights W0,W1,...]\n"
         "      [--classes LIST] [--per-class N] [--freeze LAYER] [--replace-head LAYER]\n"
         "      [--checkpoint FILE] [--out FILE] [--json] [--quiet]\n"
         "      train a model as the studio does: a project's excluded images are left out, --data defaults to\n"
         "      its dataset; it starts from random weights, or from the model's with --fine-tune (or when the\n"
         "      project says 'Continue from current weights'; --from-scratch overrides that); --resume continues\n"
         "      a stopped run exactly. Ctrl-C stops after the current batch and writes the checkpoint.\n"
         "      --warmup: steps of linear warm-up before the cosine schedule; --label-smoothing 0.1: targets of\n"
         "      0.9 + 0.1/classes instead of 1 (the categorical loss). Each epoch's time and the total are printed.\n"
         "      Transfer learning: --classes 0-4 (or 5,7 or names) trains on those classes only, --per-class N\n"
         "      keeps N training images of each; --freeze LAYER freezes every layer up to and including LAYER;\n"
         "      --replace-head LAYER cuts the model after LAYER, freezes what remains (the backbone keeps its\n"
         "      weights) and adds a new classifier for the data's classes (with --from-scratch: the same model,\n"
         "      every layer trainable from random weights). With a frozen backbone and no\n"
         "      augmentation the head trains on features computed once (feature extraction)",
         runTrain},
        {"evaluate",
         "evaluate --model FILE --data PATH [--split train|validation|test] [--classes LIST] [--json]\n"
         "      accuracy, per-class precision/recall/F1 and the confusion matrix",
         runEvaluate},
        {"predict", "predict --model FILE [--top K] [--json] IMAGE...\n      the top-K classes of each image",
         runPredict},
        {"explain",
         "explain --model FILE [--method gradcam|occlusion|saliency] [--layer NAME] [--class C]\n"
         "      [--patch N --stride N] [--opacity X] --out DIR [--json] IMAGE...\n"
         "      where the model looked: a heat-map overlay PNG per image in DIR (Grad-CAM at the last spatial\n"
         "      layer and for the predicted class unless --layer/--class say otherwise; occlusion patch and\n"
         "      stride in input pixels)",
         runExplain},
        {"dataset",
         "dataset info|export|preview-augment|doctor ... (see 'dataset --help')\n      inspect and convert datasets",
         [](const auto& a, auto& o, auto& e) {
             if (!a.empty() && a[0] == "doctor") return runDatasetDoctor({a.begin() + 1, a.end()}, o, e);
             return runDatasetCommand(a, o, e);
         }},
        {"export",
         "export (--preset NAME | --model FILE) --format onnx|keras|pytorch --out PATH [--bake-preprocessing]\n"
         "      [--opset N] [--json]\n"
         "      ONNX (opset 13-17, dynamic batch, metadata), a Keras script, or a PyTorch project folder",
         runExport},
        {"import", "import MODEL.onnx --out FILE.csmodel [--json]\n      an ONNX model as a ConvStudio model file",
         runImport},
        {"parity",
         "parity MODEL --data PATH [--count N] [--bake-preprocessing] [--opset N] [--tolerance X] [--json]\n"
         "      run N images through the engine and OpenCV's DNN (ONNX export in memory) and compare",
         runParity},
        {"classify-stream", kClassifyStreamUsage, runClassifyStream},
    };
    return list;
}

void printHelp(std::ostream& out) {
    out << "convstudio-cli: build, train and inspect image classifiers.\n\nUsage: convstudio-cli COMMAND [options]\n\n";
    for (const auto& c : commands()) out << "  " << c.usage << "\n\n";
    out << "Datasets: a folder of IDX files (MNIST, Fashion-MNIST), a folder of image folders (one per class),\n"
           "CIFAR-10 binary batches, or 'builtin' (generated shapes, no files needed).\n";
}

// The command line's words that name existing files or folders: an error that escaped the
// engine's own checks (out of memory, an internal error) still says what it was working on.
std::vector<std::string> inputsOf(const std::vector<std::string>& args) {
    std::vector<std::string> inputs;
    for (const std::string& word : args) {
        std::error_code ec;
        if (!word.empty() && word.rfind("--", 0) != 0 &&
            std::filesystem::exists(std::filesystem::symlink_status(word, ec)))
            inputs.push_back(word);
    }
    return inputs;
}

// Set before a command runs: what the last-resort handlers print.
std::string g_command = "convstudio-cli";
std::vector<std::string> g_inputs;

// `message`, followed by the inputs unless it names one of them already.
std::string naming(const std::string& message) {
    std::string list;
    for (const std::string& input : g_inputs) {
        if (message.find(input) != std::string::npos) return message;
        list += (list.empty() ? "'" : ", '") + input + "'";
    }
    return list.empty() ? message : message + " (working on " + list + ")";
}

// An exception that escaped a thread of its own ends the process here, with a message and exit
// code 1 like any other failure, instead of an abort.
[[noreturn]] void onTerminate() {
    std::string what = "unknown exception";
    if (const std::exception_ptr e = std::current_exception()) {
        try {
            std::rethrow_exception(e);
        } catch (const std::bad_alloc&) {
            what = "out of memory";
        } catch (const std::exception& x) {
            what = x.what();
        } catch (...) {
        }
    } else {
        what = "terminated";
    }
    std::fprintf(stderr, "%s: internal error: %s\n", g_command.c_str(), naming(what).c_str());
    std::fflush(stderr);
    std::_Exit(1);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printHelp(args.empty() ? std::cerr : std::cout);
        return args.empty() ? 2 : 0;
    }
    const std::string name = args[0];
    args.erase(args.begin());
    for (const auto& c : commands()) {
        if (name != c.name) continue;
        if (!args.empty() && (args[0] == "--help" || args[0] == "-h") && name != "dataset") {
            std::cout << "Usage: convstudio-cli " << c.usage << "\n";
            return 0;
        }
        g_command = "convstudio-cli " + name;
        g_inputs = inputsOf(args);
        std::set_terminate(onTerminate);
        try {
            return c.run(args, std::cout, std::cerr);
        } catch (const cs::cli::UsageError& e) {
            std::cerr << "convstudio-cli " << name << ": " << e.what() << "\nUsage: convstudio-cli " << c.usage << "\n";
            return 2;
        } catch (const std::bad_alloc&) {
            std::cerr << g_command << ": "
                      << naming("out of memory: the input is larger than this machine can hold, or damaged") << "\n";
            return 1;
        } catch (const std::exception& e) {
            std::cerr << g_command << ": " << naming(e.what()) << "\n";
            return 1;
        } catch (...) {
            std::cerr << g_command << ": " << naming("internal error: unknown exception") << "\n";
            return 1;
        }
    }
    std::cerr << "convstudio-cli: unknown command '" << name << "'; known commands:";
    for (const auto& c : commands()) std::cerr << " " << c.name;
    std::cerr << "\n";
    return 2;
}
