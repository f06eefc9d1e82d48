#pragma once
// Runs the data doctor for the studio: one run at a time on its own thread, with the engine's
// runDataDoctor (both front ends share it), then the 2-D map by t-SNE of the report's features
// when the report has none. Progress (stage and fraction) and the result arrive on the GUI
// thread as signals carrying values; cancel sets the engine's flag and the run ends soon with
// `cancelled`. The GUI thread never waits on the run, except in the destructor (cancel, wait).
#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

#include "data/dataset.h"
#include "doctor/data_doctor.h"
#include "io/model_file.h"

class QThread;

namespace cs::gui {

class DoctorController : public QObject {
    Q_OBJECT
public:
    // The doctor itself: runDataDoctor, or a stand-in in tests.
    using Runner = std::function<DoctorReport(const Dataset& train, const Dataset& test, const Model* model,
                                              const Preprocessing& pre, const DoctorOptions& options,
                                              const DoctorProgress& progress)>;

    explicit DoctorController(QObject* parent = nullptr);
    ~DoctorController() override;

    void setRunner(Runner runner) { runner_ = std::move(runner); }

    // Examines `data`'s training and test images (shared, read-only) with `model`'s features
    // when given (it must hold trained weights), else the pixels. False when a run is going on.
    bool start(std::shared_ptr<const DataSplits> data, std::shared_ptr<const ModelFile> model, const Preprocessing& pre,
               const DoctorOptions& options = {});
    void cancel();
    bool isRunning() const { return thread_ != nullptr; }
    // Blocks until the running doctor ended and its signal was emitted (tests).
    bool waitForIdle(int timeoutMs = 60000);

    // The stage names the engine reports, in the user's language.
    static QString stageText(const QString& stage);

signals:
    void progress(const QString& stage, double fraction);
    void finished(const cs::DoctorReport& report);
    void failed(const QString& message);
    void cancelled();

private:
    struct Job;
    void finish(QThread* thread);

    Runner runner_;
    QThread* thread_ = nullptr;
    std::shared_ptr<Job> job_;
};

}  // namespace cs::gui

Q_DECLARE_METATYPE(cs::DoctorReport)
