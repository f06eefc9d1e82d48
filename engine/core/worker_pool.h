#pragma once
// A small pool of threads. run() executes one task per worker, the calling thread being worker 0,
// and returns when all are done. Between runs a worker waits a short while on an atomic (a
// training step's next run follows within a tenth of a millisecond, and a futex wake-up here
// costs about as long), then sleeps on a condition variable, so an idle pool takes no CPU from
// a busy neighbour such as the studio's GUI thread.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cs {

class WorkerPool {
public:
    explicit WorkerPool(int workers);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    int size() const { return workers_; }
    // Calls task(w) for w in [0, size()) concurrently; rethrows the first exception thrown.
    void run(const std::function<void(int worker)>& task);

    // Threads to use for `requested` (0 = all cores).
    static int resolveThreads(int requested);

private:
    void loop(int worker);

    int workers_;
    std::vector<std::thread> threads_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable done_;
    const std::function<void(int)>* task_ = nullptr;  // written before generation_ is raised
    std::atomic<uint64_t> generation_{0};             // raised under mutex_: a sleeper cannot miss it
    std::atomic<int> pending_{0};                     // workers of this run not yet done
    std::atomic<bool> quit_{false};
    std::exception_ptr error_;  // under mutex_
};

}  // namespace cs
