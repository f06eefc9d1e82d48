#include "core/worker_pool.h"

#include <algorithm>
#include <chrono>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace cs {

namespace {

// How long a worker (or the caller, waiting for the others) spins before it sleeps. A training
// step's runs follow one another 0.1-0.4 ms apart; sleeping between them made the second worker
// start 0.07-0.11 ms after the first (0.02 spinning), and with 0.3 ms one run in ten still slept.
constexpr std::chrono::microseconds kSpin{1000};

void relax() {
#if defined(__x86_64__) || defined(__i386__)
    _mm_pause();
#endif
}

// Spins until done() or kSpin has passed; returns done(). It yields now and then, so on a
// loaded machine a spinning thread lets the thread it waits for have the core.
template <class Done>
bool spinUntil(Done done) {
    if (done()) return true;
    const auto until = std::chrono::steady_clock::now() + kSpin;
    for (int i = 1;; ++i) {
        relax();
        if (done()) return true;
        if (i % 64 == 0) {
            if (std::chrono::steady_clock::now() >= until) return done();
            std::this_thread::yield();
        }
    }
}

}  // namespace

WorkerPool::WorkerPool(int workers) : workers_(std::max(1, workers)) {
    for (int w = 1; w < workers_; ++w) threads_.emplace_back([this, w] { loop(w); });
}

WorkerPool::~WorkerPool() {
    {
        std::lock_guard lock(mutex_);
        quit_.store(true);
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
    // The last run's workers have all counted down (run returned only then), so nobody reads
    // task_ or error_ until the new generation is seen.
    task_ = &task;
    error_ = nullptr;
    pending_.store(workers_ - 1, std::memory_order_relaxed);
    {
        std::lock_guard lock(mutex_);
        generation_.fetch_add(1, std::memory_order_release);
    }
    wake_.notify_all();
    std::exception_ptr mine;
    try {
        task(0);
    } catch (...) {
        mine = std::current_exception();
    }
    const auto allDone = [this] { return pending_.load(std::memory_order_acquire) == 0; };
    if (!spinUntil(allDone)) {
        std::unique_lock lock(mutex_);
        done_.wait(lock, allDone);
    }
    task_ = nullptr;
    if (mine) std::rethrow_exception(mine);
    std::lock_guard lock(mutex_);
    if (error_) std::rethrow_exception(error_);
}

void WorkerPool::loop(int worker) {
    uint64_t seen = 0;
    for (;;) {
        const auto news = [&] {
            return quit_.load(std::memory_order_relaxed) || generation_.load(std::memory_order_acquire) != seen;
        };
        if (!spinUntil(news)) {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, news);
        }
        if (quit_.load()) return;
        seen = generation_.load(std::memory_order_acquire);
        std::exception_ptr err;
        try {
            (*task_)(worker);
        } catch (...) {
            err = std::current_exception();
        }
        if (err) {
            std::lock_guard lock(mutex_);
            if (!error_) error_ = err;
        }
        if (pending_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
            // Under the mutex: the caller either saw pending_ at zero or is already waiting.
            std::lock_guard lock(mutex_);
            done_.notify_one();
        }
    }
}

}  // namespace cs
