// The worker pool (core/worker_pool.h): every run calls each worker exactly once and returns only
// when all are done, whether the workers were spinning (runs back to back) or asleep (runs
// further apart than the spin); a worker's exception reaches the caller and leaves the pool
// usable; a pool is destroyed cleanly while its workers spin or sleep. A lost wake-up hangs a
// test here (CTest's timeout fails it); TSan runs this test in CI.
#include <QtTest>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/worker_pool.h"

using namespace cs;

class TestWorkerPool : public QObject {
    Q_OBJECT

    // `runs` runs, each adding one to every worker's counter and checking that the last run's
    // work is complete (the caller sees every worker's write of the run before).
    static void countRuns(WorkerPool& pool, int runs, std::chrono::microseconds pause) {
        std::vector<int> counts(static_cast<std::size_t>(pool.size()), 0);
        for (int r = 0; r < runs; ++r) {
            pool.run([&](int w) { ++counts[static_cast<std::size_t>(w)]; });
            for (int c : counts) QCOMPARE(c, r + 1);
            if (pause.count() > 0) std::this_thread::sleep_for(pause);
        }
    }

private slots:
    void backToBackRunsEachCallEveryWorkerOnce() {
        for (int workers : {1, 2, 3, 8}) {
            WorkerPool pool(workers);
            QCOMPARE(pool.size(), workers);
            countRuns(pool, 20000, std::chrono::microseconds(0));
        }
    }

    void runsAfterTheWorkersSleptStillComplete() {
        // Longer than the spin: the workers are asleep on the condition variable each time.
        WorkerPool pool(3);
        countRuns(pool, 20, std::chrono::microseconds(5000));
    }

    void runsAtAboutTheSpinsLengthStillComplete() {
        // Near the spin's end, a worker is as likely to be spinning as going to sleep.
        WorkerPool pool(2);
        for (int us : {600, 900, 1000, 1100, 1400}) countRuns(pool, 30, std::chrono::microseconds(us));
    }

    void theWorkersRunConcurrently() {
        // Each worker waits until all have arrived: only concurrent calls can finish.
        WorkerPool pool(3);
        for (int r = 0; r < 200; ++r) {
            std::atomic<int> arrived{0};
            pool.run([&](int) {
                arrived.fetch_add(1);
                while (arrived.load() < 3) std::this_thread::yield();
            });
            QCOMPARE(arrived.load(), 3);
        }
    }

    void aWorkersExceptionReachesTheCallerAndThePoolGoesOn() {
        WorkerPool pool(2);
        for (int thrower : {1, 0}) {
            bool caught = false;
            try {
                pool.run([&](int w) {
                    if (w == thrower) throw std::runtime_error("worker " + std::to_string(w) + " failed");
                });
            } catch (const std::runtime_error& e) {
                caught = true;
                QCOMPARE(QString(e.what()), QString("worker %1 failed").arg(thrower));
            }
            QVERIFY(caught);
            countRuns(pool, 100, std::chrono::microseconds(0));  // the failed run left nothing behind
        }
    }

    void destroyedWhileSpinningOrAsleep() {
        for (int pauseUs : {0, 5000}) {
            for (int i = 0; i < 50; ++i) {
                WorkerPool pool(2);
                pool.run([](int) {});
                if (pauseUs > 0 && i % 10 == 0) std::this_thread::sleep_for(std::chrono::microseconds(pauseUs));
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestWorkerPool)
#include "test_worker_pool.moc"
