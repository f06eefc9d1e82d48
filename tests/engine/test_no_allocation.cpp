// After the first batches, a training step (batch assembly, forward, loss, backward, gradient
// reduction, optimizer) must not touch the heap: buffers are planned once per shape.
// Global operator new is replaced here to count allocations while a flag is set; with
// CS_ALLOC_TRACE=1 in the environment each counted allocation prints its call stack.
#include <QtTest>

#include <atomic>
#include <cstdlib>
#include <new>

#include <execinfo.h>
#include <unistd.h>

#include "graph/model.h"
#include "io/presets.h"
#include "test_data.h"
#include "train/trainer.h"

namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};
}  // namespace

void* operator new(std::size_t n) {
    if (g_counting.load(std::memory_order_relaxed)) {
        g_allocations.fetch_add(1, std::memory_order_relaxed);
        static const bool trace = std::getenv("CS_ALLOC_TRACE") != nullptr;
        if (trace) {
            g_counting = false;  // backtrace_symbols itself allocates
            void* frames[12];
            const int depth = backtrace(frames, 12);
            backtrace_symbols_fd(frames, depth, 2);
            write(2, "--\n", 3);
            g_counting = true;
        }
    }
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

using namespace cs;

class TestNoAllocation : public QObject {
    Q_OBJECT

    // Counts allocations from the end of batch `from`'s callback to the end of batch `to`'s.
    static long allocationsDuringSteps(const GraphSpec& graph, const Preprocessing& pre, const Dataset& data,
                                       int threads, const nlohmann::json& augment = nlohmann::json::object()) {
        Model model(graph, 1);
        TrainSettings s;
        s.epochs = 1;
        s.batchSize = 32;
        s.threads = threads;
        s.augment = augment;
        Trainer trainer(model, s, pre);
        TrainCallbacks cb;
        cb.onBatch = [&](const BatchStats& b) {
            if (b.batch == 3) {
                g_allocations = 0;
                g_counting = true;
            } else if (b.batch == 7) {
                g_counting = false;
            }
        };
        trainer.run(data, Dataset{}, cb);
        g_counting = false;
        return g_allocations.load();
    }

    // The same images with each gray value repeated in every channel (HWC).
    static Dataset withChannels(Dataset gray, int channels) {
        if (channels == 1) return gray;
        std::vector<uint8_t> pixels;
        pixels.reserve(gray.pixels.size() * static_cast<std::size_t>(channels));
        for (uint8_t v : gray.pixels) pixels.insert(pixels.end(), static_cast<std::size_t>(channels), v);
        gray.pixels = std::move(pixels);
        gray.channels = channels;
        return gray;
    }

private slots:
    void seedCnnStepsDoNotAllocate() {
        ModelFile preset = loadPreset("seed-cnn");
        Dataset data = testing::quadrantDataset(80, 28, 1);
        data.classNames.resize(10, "unused");
        for (int threads : {1, 2}) {
            const long n = allocationsDuringSteps(preset.graph, preset.preprocessing, data, threads);
            QVERIFY2(
                n == 0,
                (std::to_string(n) + " allocations in 4 steps with " + std::to_string(threads) + " threads").c_str());
        }
    }

    void everyPresetStepDoesNotAllocate() {
        for (const auto& name : presetNames()) {
            ModelFile preset = loadPreset(name);
            // Images of the preset's own input size: converting other sizes is preprocessing's
            // work (and allocates), not the training step's.
            Dataset data = withChannels(testing::quadrantDataset(80, preset.preprocessing.height, 1),
                                        preset.preprocessing.channels);
            data.classNames.resize(10, "unused");
            const long n = allocationsDuringSteps(preset.graph, preset.preprocessing, data, 2);
            QVERIFY2(n == 0, (name + ": " + std::to_string(n) + " allocations in 4 steps").c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestNoAllocation)
#include "test_no_allocation.moc"
