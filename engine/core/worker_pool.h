#pragma once
// A small pool of threads that sleep on a condition variable when idle (never spin, so a busy
// neighbour such as the studio's GUI thread does not starve them). run() executes one task
// per worker, the calling thread being worker 0, and returns when all are done.
#include <condition_variable>
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
    const std::function<void(int)>* task_ = nullptr;
    uint64_t generation_ = 0;
    int pending_ = 0;
    bool quit_ = false;
    std::exception_ptr error_;
};

}  // namespace cs
