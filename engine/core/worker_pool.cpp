#include "core/worker_pool.h"

#include <algorithm>

namespace cs {

WorkerPool::WorkerPool(int workers) : workers_(std::max(1, workers)) {
    for (int w = 1; w < workers_; ++w) threads_.emplace_back([this, w] { loop(w); });
}

WorkerPool::~WorkerPool() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_) t.join();
}

int WorkerPool::resolveThreads(int requested) {
    const int hw = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return requested <= 0 ? hw : std::min(requested, 64);
}

void WorkerPool::run(const std::function<void(int)>& task) {
    if (workers_ == 1) {
        task(0);
        return;
    }
    {
        std::lock_guard lock(mutex_);
        task_ = &task;
        pending_ = workers_ - 1;
        error_ = nullptr;
        ++generation_;
    }
    wake_.notify_all();
    std::exception_ptr mine;
    try {
        task(0);
    } catch (...) {
        mine = std::current_exception();
    }
    std::unique_lock lock(mutex_);
    done_.wait(lock, [this] { return pending_ == 0; });
    task_ = nullptr;
    if (mine) std::rethrow_exception(mine);
    if (error_) std::rethrow_exception(error_);
}

void WorkerPool::loop(int worker) {
    uint64_t seen = 0;
    for (;;) {
        const std::function<void(int)>* task;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return quit_ || generation_ != seen; });
            if (quit_) return;
            seen = generation_;
            task = task_;
        }
        std::exception_ptr err;
        try {
            (*task)(worker);
        } catch (...) {
            err = std::current_exception();
        }
        std::lock_guard lock(mutex_);
        if (err && !error_) error_ = err;
        if (--pending_ == 0) done_.notify_one();
    }
}

}  // namespace cs
