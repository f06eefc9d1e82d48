#include "dataset_session.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>
#include <cmath>

#include "common/engine_message.h"
#include "data/data_source.h"
#include "graph/model.h"
#include "train/evaluator.h"

namespace cs::gui {

struct DatasetSession::LoadJob {
    std::atomic<bool> cancel{false};
    std::string source;
    LoadOptions options;
    std::shared_ptr<const DataSplits> data;
    std::vector<DatasetStats> stats;
    QString error;
    bool cancelled = false;
};

struct DatasetSession::PredictJob {
    std::atomic<bool> cancel{false};
    ModelFile model;
    std::shared_ptr<const DataSplits> data;
    SamplePredictions result;
    QString error;
};

DatasetSession::DatasetSession(QObject* parent) : QObject(parent) {
    qRegisterMetaType<std::shared_ptr<const cs::DataSplits>>();
    qRegisterMetaType<cs::gui::SamplePredictions>();
}

DatasetSession::~DatasetSession() {
    cancelLoading();
    cancelPrediction();
}

QString DatasetSession::keyOf(const QString& source, const Preprocessing& pre) {
    DataFormat format = DataFormat::ImageFolder;
    try {
        format = detectDataFormat(source.toStdString());
    } catch (const std::exception&) {
    }
    if (format == DataFormat::Idx || format == DataFormat::Cifar10) return source;
    return QStringLiteral("%1|%2x%3x%4").arg(source).arg(pre.height).arg(pre.width).arg(pre.channels);
}

bool DatasetSession::hasDataFor(const QString& source, const Preprocessing& pre) const {
    return data_ && !loader_ && !stale_ && key_ == keyOf(source, pre);
}

bool DatasetSession::ensure(const QString& source, const Preprocessing& pre) {
    const QString key = keyOf(source, pre);
    if (loader_ && key == loadingKey_) return false;
    if (data_ && !stale_ && key == key_) {
        // Back to the data loaded already (the dataset change that started the other load was
        // undone): that load goes, and whoever waits hears that this data is the one.
        if (stopLoader()) emit loaded(data_, source_);
        return false;
    }
    startLoad(source, pre);
    return true;
}

void DatasetSession::reload(const QString& source, const Preprocessing& pre) { startLoad(source, pre); }

void DatasetSession::markStale(const QString& source) {
    if (source != source_) return;
    stale_ = true;
    emit changedOnDisk(source);
}

void DatasetSession::replaceData(std::shared_ptr<const DataSplits> data) {
    if (data) data_ = std::move(data);
}

void DatasetSession::startLoad(const QString& source, const Preprocessing& pre) {
    stopLoader();  // replaced, not cancelled: no loadCancelled
    cancelPrediction();
    ++loads_;
    auto job = std::make_shared<LoadJob>();
    job->source = source.toStdString();
    job->options.height = pre.height;
    job->options.width = pre.width;
    job->options.channels = pre.channels;
    job->options.cancel = &job->cancel;
    job->options.progress = [this, raw = job.get()](std::size_t done, std::size_t total) {
        if (raw->cancel) return;
        QMetaObject::invokeMethod(
            this, [this, done, total] { emit loadProgress(qint64(done), qint64(total)); }, Qt::QueuedConnection);
    };
    QThread* t = QThread::create([job] {
        try {
            auto data = std::make_shared<DataSplits>(loadDataSource(job->source, job->options));
            if (job->cancel) throw LoadCancelled();
            job->stats = {computeStats(data->train), computeStats(data->validation), computeStats(data->test)};
            job->data = std::move(data);
        } catch (const LoadCancelled&) {
            job->cancelled = true;
        } catch (...) {
            job->error = currentExceptionText(QString::fromStdString(job->source));
        }
    });
    t->setObjectName(QStringLiteral("dataset loader"));
    loader_ = t;
    loadJob_ = job;
    loadingSource_ = source;
    loadingKey_ = keyOf(source, pre);
    // A serial number, not the thread's address (which a later thread may reuse), names the run.
    const quint64 serial = ++loadSerial_;
    connect(t, &QThread::finished, this, [this, t, serial] { finishLoad(t, serial); });
    t->start(QThread::LowPriority);
}

void DatasetSession::cancelLoading() {
    if (stopLoader()) emit loadCancelled();
}

bool DatasetSession::stopLoader() {
    if (!loader_) return false;
    loadJob_->cancel = true;
    QThread* t = loader_;
    loader_ = nullptr;
    t->disconnect(this);
    t->wait();
    delete t;
    loadJob_.reset();
    loadingSource_.clear();
    loadingKey_.clear();
    return true;
}

void DatasetSession::finishLoad(QThread* thread, quint64 serial) {
    if (!loader_ || serial != loadSerial_) return;  // replaced or cancelled meanwhile (that thread is gone)
    loader_ = nullptr;
    thread->deleteLater();
    const std::shared_ptr<LoadJob> done = std::move(loadJob_);
    const QString source = std::exchange(loadingSource_, QString());
    const QString key = std::exchange(loadingKey_, QString());
    if (done->cancelled) {
        emit loadCancelled();
    } else if (!done->data) {
        emit loadFailed(done->error);
    } else {
        // The previous data goes now (unless a page or a worker still holds it).
        data_ = done->data;
        stats_ = done->stats;
        source_ = source;
        key_ = key;
        stale_ = false;
        emit loaded(data_, source_);
    }
}

void DatasetSession::predict(const ModelFile& model, const DatasetCatalog& catalog) {
    cancelPrediction();
    auto job = std::make_shared<PredictJob>();
    job->model = model;
    job->data = catalog.sharedData();  // read-only: shared, not copied
    QThread* t = QThread::create([this, job] {
        try {
            Model model(job->model.graph, job->model.seed);
            applyWeights(job->model, model);
            const DataSplits& d = *job->data;
            const std::size_t total = d.train.size() + d.validation.size() + d.test.size();
            SamplePredictions& out = job->result;
            out.classes = int(model.outputShape().size());
            out.predicted.assign(total, -1);
            out.confidence.assign(total, 0.f);
            out.loss.assign(total, 0.f);
            out.probabilities.assign(total * std::size_t(out.classes), 0.f);
            // In chunks, for progress and a quick cancel.
            constexpr std::size_t kChunk = 4096;
            std::size_t done = 0;
            for (const Dataset* part : {&d.train, &d.validation, &d.test}) {
                for (std::size_t begin = 0; begin < part->size(); begin += kChunk) {
                    const std::size_t end = std::min(part->size(), begin + kChunk);
                    std::vector<uint32_t> indices(end - begin);
                    for (std::size_t i = begin; i < end; ++i) indices[i - begin] = uint32_t(i);
                    const Dataset chunk = part->subset(indices);
                    EvalOptions o;
                    o.keepPredictions = true;
                    o.cancelled = [raw = job.get()] { return raw->cancel.load(); };
                    const EvalResult r = evaluate(model, chunk, job->model.preprocessing, o, nullptr, 0);
                    if (job->cancel) return;
                    for (std::size_t i = 0; i < chunk.size(); ++i) {
                        const std::size_t g = done + i;
                        out.predicted[g] = r.predicted[i];
                        out.confidence[g] = r.confidence[i];
                        const float* p = r.probabilities.data() + i * std::size_t(r.classes);
                        std::copy(p, p + r.classes,
                                  out.probabilities.begin() + std::ptrdiff_t(g * std::size_t(out.classes)));
                        const int label = chunk.labels[i];
                        out.loss[g] = label >= 0 && label < r.classes ? -std::log(std::max(p[label], 1e-7f)) : 0.f;
                    }
                    done += chunk.size();
                    QMetaObject::invokeMethod(
                        this, [this, done, total] { emit predictProgress(qint64(done), qint64(total)); },
                        Qt::QueuedConnection);
                }
            }
        } catch (...) {
            job->error = currentExceptionText();
        }
    });
    t->setObjectName(QStringLiteral("dataset predictions"));
    predictor_ = t;
    predictJob_ = job;
    const quint64 serial = ++predictSerial_;
    connect(t, &QThread::finished, this, [this, t, serial] { finishPredict(t, serial); });
    t->start(QThread::LowPriority);
}

void DatasetSession::cancelPrediction() {
    if (!predictor_) return;
    predictJob_->cancel = true;
    QThread* t = predictor_;
    predictor_ = nullptr;
    t->disconnect(this);
    t->wait();
    delete t;
    predictJob_.reset();
}

void DatasetSession::finishPredict(QThread* thread, quint64 serial) {
    if (!predictor_ || serial != predictSerial_) return;
    predictor_ = nullptr;
    thread->deleteLater();
    const std::shared_ptr<PredictJob> done = std::move(predictJob_);
    if (done->cancel) return;
    if (!done->error.isEmpty())
        emit predictFailed(done->error);
    else
        emit predicted(std::move(done->result));
}

bool DatasetSession::waitForIdle(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while ((loader_ || predictor_) && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    QCoreApplication::processEvents();
    return !loader_ && !predictor_;
}

}  // namespace cs::gui
