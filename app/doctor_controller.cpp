#include "doctor_controller.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>
#include <chrono>

#include "common/engine_message.h"
#include "graph/model.h"

namespace cs::gui {

struct DoctorController::Job {
    std::shared_ptr<const DataSplits> data;
    std::shared_ptr<const ModelFile> model;
    Preprocessing pre;
    DoctorOptions options;
    Runner runner;
    std::atomic<bool> cancel{false};
    DoctorReport report;
    QString error;
    bool wasCancelled = false;
};

DoctorController::DoctorController(QObject* parent) : QObject(parent), runner_(&runDataDoctor) {
    qRegisterMetaType<cs::DoctorReport>();
}

DoctorController::~DoctorController() {
    if (!thread_) return;
    job_->cancel = true;
    thread_->wait();
    delete thread_;
}

QString DoctorController::stageText(const QString& stage) {
    static const char* const kStages[][2] = {
        {"features", QT_TRANSLATE_NOOP("DoctorStage", "Computing features")},
        {"cross-validation", QT_TRANSLATE_NOOP("DoctorStage", "Cross-validating predictions")},
        {"hashes", QT_TRANSLATE_NOOP("DoctorStage", "Hashing images")},
        {"duplicates", QT_TRANSLATE_NOOP("DoctorStage", "Finding duplicates")},
        {"pixel statistics", QT_TRANSLATE_NOOP("DoctorStage", "Checking pixels")},
        {"feature duplicates", QT_TRANSLATE_NOOP("DoctorStage", "Finding near duplicates")},
        {"outliers", QT_TRANSLATE_NOOP("DoctorStage", "Finding outliers")},
        {"map", QT_TRANSLATE_NOOP("DoctorStage", "Drawing the map")},
    };
    for (const auto& [key, text] : kStages)
        if (stage == QLatin1String(key)) return QCoreApplication::translate("DoctorStage", text);
    return stage;
}

bool DoctorController::start(std::shared_ptr<const DataSplits> data, std::shared_ptr<const ModelFile> model,
                             const Preprocessing& pre, const DoctorOptions& options) {
    if (thread_ || !data) return false;
    auto job = std::make_shared<Job>();
    job->data = std::move(data);
    job->model = std::move(model);
    job->pre = pre;
    job->options = options;
    job->runner = runner_;
    // Progress crosses to the GUI thread at most ten times a second per stage (plus each new stage).
    auto report = [this, last = std::chrono::steady_clock::time_point{}, lastStage = std::string()](
                      const std::string& stage, double fraction) mutable {
        const auto now = std::chrono::steady_clock::now();
        if (stage == lastStage && fraction < 1 && now - last < std::chrono::milliseconds(100)) return;
        last = now;
        lastStage = stage;
        QMetaObject::invokeMethod(
            this, [this, s = QString::fromStdString(stage), fraction] { emit progress(s, fraction); },
            Qt::QueuedConnection);
    };
    QThread* t = QThread::create([job, report]() mutable {
        try {
            DoctorProgress progress{report, &job->cancel};
            std::unique_ptr<Model> model;
            if (job->model) {
                requireTrainedModel(*job->model, "the project's model");
                model = std::make_unique<Model>(job->model->graph, job->model->seed);
                applyWeights(*job->model, *model);
            }
            const DataSplits& d = *job->data;
            job->report = job->runner(d.train, d.test, model.get(), job->pre, job->options, progress);
        } catch (const DoctorCancelled&) {
            job->wasCancelled = true;
        } catch (...) {
            job->error = currentExceptionText();
        }
    });
    t->setObjectName(QStringLiteral("data doctor"));
    thread_ = t;
    job_ = job;
    connect(t, &QThread::finished, this, [this, t] { finish(t); });
    t->start(QThread::LowPriority);
    return true;
}

void DoctorController::cancel() {
    if (job_) job_->cancel = true;
}

void DoctorController::finish(QThread* thread) {
    if (thread != thread_) return;
    thread_ = nullptr;
    thread->deleteLater();
    const std::shared_ptr<Job> done = std::move(job_);
    if (done->wasCancelled || (done->cancel && done->error.isEmpty()))
        emit cancelled();
    else if (!done->error.isEmpty())
        emit failed(done->error);
    else
        emit finished(done->report);
}

bool DoctorController::waitForIdle(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (thread_ && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
    return !thread_;
}

}  // namespace cs::gui
