#pragma once
// Measures how long the GUI thread's event loop goes between ticks of a 5 ms timer: the wall
// clock (what a user feels) and the GUI thread's own CPU time in the same gaps (the work done on
// it). On a machine shared with other busy processes the scheduler alone can delay the thread,
// (with scheduler autogroups a niced trainer does not help against other sessions), so the
// wall-clock bound is only enforced when nothing else is running (load average, less the
// training's own threads, below 0.5); the CPU-time bound (no handler runs 50 ms) always is.
#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QTimer>
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <vector>

class EventLoopGaps : public QObject {
public:
    EventLoopGaps() {
        timer_.setTimerType(Qt::PreciseTimer);
        timer_.setInterval(5);
        connect(&timer_, &QTimer::timeout, this, [this] { tick(); });
    }
    void start() {
        clock_.start();
        lastWall_ = 0;
        lastCpu_ = threadCpuNs();
        wallGaps_.clear();
        timer_.start();
    }
    void stop() { timer_.stop(); }
    // Runs a real event loop for `ms` (QTest::qWait sleeps between its rounds, which would be
    // measured as gaps) while measuring.
    void measureFor(int ms) {
        QEventLoop loop;
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        start();
        loop.exec();
        stop();
    }
    double longestWallMs() const { return longestWall_ / 1e6; }
    double longestCpuMs() const { return longestCpu_ / 1e6; }
    // The wall-clock gap that `fraction` (0.99: the 99th percentile) of the gaps do not exceed.
    double wallPercentileMs(double fraction) const {
        if (wallGaps_.empty()) return 0;
        std::vector<qint64> sorted = wallGaps_;
        const std::size_t i = std::min(sorted.size() - 1, std::size_t(fraction * double(sorted.size())));
        std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(i), sorted.end());
        return sorted[i] / 1e6;
    }
    static double loadAverage() {
        double load[1] = {0};
        return getloadavg(load, 1) == 1 ? load[0] : 0.0;
    }
    // Other processes compete for the cores.
    static bool machineIsBusy(int ownBusyThreads) { return loadAverage() - ownBusyThreads > 0.5; }

private:
    static qint64 threadCpuNs() {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    }
    void tick() {
        const qint64 wall = clock_.nsecsElapsed(), cpu = threadCpuNs();
        longestWall_ = std::max(longestWall_, wall - lastWall_);
        wallGaps_.push_back(wall - lastWall_);
        longestCpu_ = std::max(longestCpu_, cpu - lastCpu_);
        lastWall_ = wall;
        lastCpu_ = cpu;
    }
    QTimer timer_;
    QElapsedTimer clock_;
    std::vector<qint64> wallGaps_;
    qint64 lastWall_ = 0, lastCpu_ = 0, longestWall_ = 0, longestCpu_ = 0;
};
