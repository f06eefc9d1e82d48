// Is the studio as fast as the CLI? (issue 17, point 4; not a test: nothing is asserted.)
// Trains the seed-cnn preset on the installed Fashion-MNIST with the same settings (batch 64,
// 2 threads, 1 epoch, the preset's validation split and seed) four ways, and reports training
// samples per second for each:
//   engine   the engine's TrainingSession alone, as `convstudio-cli train` runs it;
//   studio   the whole studio (Studio, as main.cpp composes it) in the offscreen platform, the
//            run started with the Training page's Train button, that page shown with its live
//            charts and progress, live feature-map probes at the studio's rate;
//   inspect  the same, with the Inspect page shown during the run: the feature maps drawn live;
//   hidden   the same studio with the live views out of sight: the Designer page shown and no
//            live probes (the controller's probe interval 0).
// Samples per second are the trained samples over the trainer's own batch periods (which
// include everything the callbacks and the rest of the process took from the training threads),
// so the figures count the same work; the wall time of each whole run (data preparation,
// validation, evaluation of the test set, the studio's checkpoint) is printed beside them.
// Runs are interleaved (engine, studio, inspect, hidden, engine, ...) because the machine is shared.
//
//   bench_studio [--samples N] [--runs R] [--only engine|studio|inspect|hidden] [--json]
//                [--data DIR] [--screenshot PNG]
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPixmap>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/data_source.h"
#include "dataset_session.h"
#include "designer/designer_view.h"
#include "designer/model_document.h"
#include "designer_controller.h"
#include "inspect/feature_map_view.h"
#include "inspect/inspect_panel.h"
#include "io/presets.h"
#include "main_window.h"
#include "project_controller.h"
#include "studio.h"
#include "train/training_session.h"
#include "training/training_panel.h"
#include "training_controller.h"
#include "training_ui.h"

using namespace cs;
using namespace cs::gui;

namespace {

struct BenchOptions {
    std::string data = "/usr/share/datasets/fashion-mnist";
    int samples = 0;  // training images before the validation split; 0: all
    int runs = 3;
    std::string only;
    bool json = false;
    QString screenshot;
};

struct Measure {
    double samplesPerSecond = 0;   // trained samples / sum of the trainer's batch periods
    double wallSeconds = 0;        // the whole run, start to finished
    double guiCpuSeconds = 0;      // CPU time of the GUI (main) thread during the run
    double processCpuSeconds = 0;  // CPU time of the whole process during the run
    int64_t samples = 0;
    int batchSignals = 0;  // the studio: queued batch signals that reached the GUI
    int probes = 0;        // the studio: feature-map updates during the run
    double load1 = 0;      // load average when the run started
};

double load1() {
    double l[3] = {0, 0, 0};
    return getloadavg(l, 3) > 0 ? l[0] : -1;
}

double threadCpu() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

double processCpu() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

// The first `n` training images (all when n is 0 or more than there are).
DataSplits trimmed(const DataSplits& loaded, int n) {
    DataSplits d = loaded;
    if (n > 0 && std::size_t(n) < d.train.size()) {
        std::vector<uint32_t> idx(static_cast<std::size_t>(n));
        for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = uint32_t(i);
        d.train = d.train.subset(idx);
    }
    return d;
}

ModelFile benchProject(const BenchOptions& o) {
    ModelFile project = loadPreset(kDefaultPreset);
    project.project["dataset"] = o.data;
    TrainSettings s = TrainSettings::fromJson(project.training);
    s.epochs = 1;
    s.batchSize = 64;
    s.threads = 2;
    project.training = s.toJson();
    return project;
}

// (a) The engine alone: the TrainingSession `convstudio-cli train` runs, with its callbacks
// doing what the CLI's do (a progress line per batch is not printed here).
Measure engineRun(const ModelFile& project, const DataSplits& data, const std::string& source) {
    TrainingRequest request;
    request.project = project;
    request.settings = TrainSettings::fromJson(project.training);
    request.start = StartMode::Fresh;
    request.dataSource = source;
    Measure m;
    m.load1 = load1();
    double batchSeconds = 0;
    SessionCallbacks cb;
    cb.onBatch = [&](const BatchStats& b) {
        batchSeconds += b.seconds;
        m.samples += 64;  // corrected below with the run's real sample count
    };
    TrainingSession session;
    const double cpu0 = processCpu(), gui0 = threadCpu();
    QElapsedTimer wall;
    wall.start();
    const SessionResult r = session.run(request, data, cb);
    m.wallSeconds = double(wall.nsecsElapsed()) * 1e-9;
    m.processCpuSeconds = processCpu() - cpu0;
    m.guiCpuSeconds = threadCpu() - gui0;
    m.samples = int64_t(r.record.trainSamples);
    m.samplesPerSecond = batchSeconds > 0 ? double(m.samples) / batchSeconds : 0;
    return m;
}

// The studio, composed as main.cpp composes it, with the bench's project and data.
class StudioBench {
public:
    StudioBench(const BenchOptions& o, const ModelFile& project, const DataSplits& data) : options_(o) {
        studio_.project()->setInteractive(false);
        liveProbeMs_ = studio_.training()->controller()->probeInterval();  // the studio's own rate
        studio_.training()->setInteractive(false);
        projectPath_ = dir_.filePath(QStringLiteral("bench.csmodel"));
        ProjectController::writeProject(projectPath_, project);
        studio_.project()->openFile(projectPath_);
        MainWindow& window = *studio_.window();
        window.resize(1400, 900);
        window.show();
        // The Inspect page loads the project's data and picks its probe image, as a user's
        // first look at it does; then the session's data becomes the bench's (trimmed) copy.
        window.showPage(studio_.training()->inspect());
        waitFor([&] {
            return studio_.data()->data() && !studio_.data()->isLoading() &&
                   studio_.training()->controller()->probeImage().isValid();
        });
        studio_.data()->replaceData(std::make_shared<const DataSplits>(data));
    }

    enum class View { Training, Inspect, Hidden };  // what the window shows during the run
    Measure run(View view) {
        const bool live = view != View::Hidden;
        TrainingUi* ui = studio_.training();
        MainWindow& window = *studio_.window();
        ModelFile project = benchProject(options_);
        studio_.document()->reset(project, projectPath_);  // no earlier run: a fresh start each time
        ui->controller()->setProbeInterval(live ? liveProbeMs_ : 0);
        window.showPage(ui->panel());
        QCoreApplication::processEvents();
        Measure m;
        double batchSeconds = 0;
        const int probesBefore = ui->inspect()->featureMaps()->updates();
        QMetaObject::Connection batches =
            QObject::connect(ui->controller(), &TrainingController::batches, [&](const QVector<BatchStats>& b) {
                ++m.batchSignals;
                for (const BatchStats& s : b) batchSeconds += s.seconds;
                // The window mid-run too (the progress, the charts), three seconds of signals in.
                if (view == View::Training && !options_.screenshot.isEmpty() && m.batchSignals == 30)
                    window.grab().save(
                        QString(options_.screenshot).replace(QStringLiteral(".png"), QStringLiteral("-running.png")));
            });
        bool done = false;
        RunSummary summary;
        QMetaObject::Connection finished =
            QObject::connect(ui->controller(), &TrainingController::finished, [&](const RunSummary& s, auto) {
                summary = s;
                done = true;
            });
        m.load1 = load1();
        const double cpu0 = processCpu(), gui0 = threadCpu();
        QElapsedTimer wall;
        wall.start();
        ui->panel()->startButton()->click();  // the Train button
        if (view == View::Inspect) window.showPage(ui->inspect());
        if (view == View::Hidden) window.showPage(studio_.designer()->view());
        waitFor([&] { return done; });
        m.wallSeconds = double(wall.nsecsElapsed()) * 1e-9;
        m.processCpuSeconds = processCpu() - cpu0;
        m.guiCpuSeconds = threadCpu() - gui0;
        QObject::disconnect(batches);
        QObject::disconnect(finished);
        if (summary.failed) {
            std::fprintf(stderr, "bench_studio: the studio's run failed: %s\n", qPrintable(summary.error));
            std::exit(1);
        }
        m.probes = ui->inspect()->featureMaps()->updates() - probesBefore;
        m.samples = ui->controller()->runData() ? int64_t(ui->controller()->runData()->train.size()) : 0;
        m.samplesPerSecond = batchSeconds > 0 ? double(m.samples) / batchSeconds : 0;
        if (view == View::Training && !options_.screenshot.isEmpty()) window.grab().save(options_.screenshot);
        return m;
    }

private:
    // Runs the event loop (sleeping while nothing happens, as the studio's does) until done().
    template <class Done>
    static void waitFor(Done done) {
        QEventLoop loop;
        QTimer poll;
        QElapsedTimer t;
        t.start();
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (done()) loop.quit();
            if (t.elapsed() > 600000) {
                std::fprintf(stderr, "bench_studio: gave up waiting after 10 minutes\n");
                std::exit(1);
            }
        });
        poll.start(20);
        if (!done()) loop.exec();
    }

    const BenchOptions& options_;
    QTemporaryDir dir_;
    QString projectPath_;
    int liveProbeMs_ = 0;
    Studio studio_;
};

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

BenchOptions parse(int argc, char** argv) {
    BenchOptions o;
    for (int i = 1; i < argc; ++i) {
        const auto value = [&] {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "bench_studio: %s needs a value\n", argv[i]);
                std::exit(2);
            }
            return std::string(argv[++i]);
        };
        if (!std::strcmp(argv[i], "--samples"))
            o.samples = std::atoi(value().c_str());
        else if (!std::strcmp(argv[i], "--runs"))
            o.runs = std::max(1, std::atoi(value().c_str()));
        else if (!std::strcmp(argv[i], "--only"))
            o.only = value();
        else if (!std::strcmp(argv[i], "--data"))
            o.data = value();
        else if (!std::strcmp(argv[i], "--screenshot"))
            o.screenshot = QString::fromStdString(value());
        else if (!std::strcmp(argv[i], "--json"))
            o.json = true;
        else {
            std::fprintf(stderr,
                         "usage: bench_studio [--samples N] [--runs R] [--only engine|studio|inspect|hidden] [--json] "
                         "[--data DIR] [--screenshot PNG]\n");
            std::exit(2);
        }
    }
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);  // settings and recent files of a throwaway studio
    const BenchOptions o = parse(argc, argv);

    const ModelFile project = benchProject(o);
    const DataSplits data = trimmed(loadDataSource(o.data), o.samples);
    StudioBench studio(o, project, data);

    const std::vector<std::string> modes = {"engine", "studio", "inspect", "hidden"};
    const StudioBench::View views[] = {StudioBench::View::Training, StudioBench::View::Training,
                                       StudioBench::View::Inspect, StudioBench::View::Hidden};
    std::vector<std::vector<Measure>> results(modes.size());
    const double loadBefore = load1();
    for (int r = 0; r < o.runs; ++r) {
        for (std::size_t k = 0; k < modes.size(); ++k) {
            if (!o.only.empty() && o.only != modes[k]) continue;
            const Measure m = k == 0 ? engineRun(project, data, o.data) : studio.run(views[k]);
            results[k].push_back(m);
            if (!o.json)
                std::printf(
                    "run %d %-7s %8.0f samples/s  wall %6.1f s  process CPU %6.1f s  GUI thread %5.2f s  "
                    "batch signals %5d  feature-map updates %4d  load %.2f\n",
                    r + 1, modes[k].c_str(), m.samplesPerSecond, m.wallSeconds, m.processCpuSeconds, m.guiCpuSeconds,
                    m.batchSignals, m.probes, m.load1);
            std::fflush(stdout);
        }
    }
    const double loadAfter = load1();

    nlohmann::json report = {
        {"samples", results[0].empty() ? (results[1].empty() ? 0 : results[1][0].samples) : results[0][0].samples},
        {"runs", o.runs},
        {"load_before", loadBefore},
        {"load_after", loadAfter}};
    std::vector<double> med(modes.size(), 0);
    for (std::size_t k = 0; k < modes.size(); ++k) {
        std::vector<double> sps, wall, cpu;
        for (const Measure& m : results[k]) {
            sps.push_back(m.samplesPerSecond);
            wall.push_back(m.wallSeconds);
            cpu.push_back(m.processCpuSeconds);
        }
        med[k] = median(sps);
        if (results[k].empty()) continue;
        report[modes[k] + "_samples_per_s"] = med[k];
        report[modes[k] + "_wall_s"] = median(wall);
        report[modes[k] + "_cpu_s"] = median(cpu);
        report[modes[k] + "_runs"] = sps;
    }
    for (std::size_t k = 1; k < modes.size(); ++k)
        if (med[0] > 0 && med[k] > 0) report[modes[k] + "_vs_engine"] = med[k] / med[0];
    // The same work: the CPU time each whole run took, whatever else the machine ran.
    for (std::size_t k = 1; k < modes.size(); ++k)
        if (!results[0].empty() && !results[k].empty())
            report[modes[k] + "_cpu_vs_engine"] =
                report[modes[k] + "_cpu_s"].get<double>() / report["engine_cpu_s"].get<double>();
    if (!o.json) {
        std::printf("\n%-8s %14s %10s %10s %8s\n", "path", "samples/s", "wall s", "CPU s", "ratio");
        for (std::size_t k = 0; k < modes.size(); ++k) {
            if (results[k].empty()) continue;
            std::printf("%-8s %14.0f %10.1f %10.1f %8s\n", modes[k].c_str(), med[k],
                        report[modes[k] + "_wall_s"].get<double>(), report[modes[k] + "_cpu_s"].get<double>(),
                        med[0] > 0 ? QByteArray::number(med[k] / med[0], 'f', 3).constData() : "-");
        }
        std::printf("medians of %d run(s) each; load average %.2f before, %.2f after\n", o.runs, loadBefore, loadAfter);
    }
    std::printf("%s\n", report.dump().c_str());
    return 0;
}
