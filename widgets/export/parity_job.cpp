#include "export/parity_job.h"

#include <algorithm>

#include "common/engine_message.h"
#include "core/errors.h"
#include "data/builtin_dataset.h"
#include "data/data_source.h"
#include "graph/model.h"

namespace cs::gui {

namespace {

bool fitsModel(const Dataset& d, const Preprocessing& pre) {
    return d.height == pre.height && d.width == pre.width && d.channels == pre.channels && d.size() > 0;
}

std::string sizeText(int h, int w, int c) {
    return std::to_string(h) + "x" + std::to_string(w) + "x" + std::to_string(c);
}

// The images to compare; `out` says which, and why the built-in set stood in when the project
// names a dataset.
Dataset pickImages(const ParityJob& job, ParityOutcome& out) {
    const Preprocessing& pre = job.file.preprocessing;
    LoadOptions o;
    o.height = pre.height;
    o.width = pre.width;
    o.channels = pre.channels;
    o.cancel = job.cancel.get();
    const bool builtin = job.dataSource.empty() || job.dataSource.rfind("builtin", 0) == 0;
    if (!builtin) {
        try {
            DataSplits data = loadDataSource(job.dataSource, o);
            const bool test = data.test.size() > 0;
            Dataset set = test ? std::move(data.test) : std::move(data.train);
            if (fitsModel(set, pre)) {
                out.images = test ? ParityOutcome::Images::ProjectTest : ParityOutcome::Images::ProjectTraining;
                return set;
            }
            out.datasetSize = sizeText(set.height, set.width, set.channels);
        } catch (const LoadCancelled&) {
            throw;
        } catch (const std::exception& e) {
            out.loadError = e.what();
        }
    }
    o.builtinTrainCount = 1;
    o.builtinTestCount = std::max(job.options.count, 1);
    DataSplits data = loadBuiltin("builtin", o);
    out.images = ParityOutcome::Images::Builtin;
    return std::move(data.test);
}

}  // namespace

ParityOutcome runParityJob(const ParityJob& job) {
    ParityOutcome out;
    try {
        ModelFile file = job.file;
        if (!file.hasWeights()) {
            // The export writes these initial weights too, so the comparison is still meaningful.
            const Model model(file.graph, file.seed);
            storeWeights(model, file);
            out.untrained = true;
        }
        const Dataset images = pickImages(job, out);
        if (job.cancel && job.cancel->load()) throw LoadCancelled();
        out.report = checkParity(file, images, job.options);
        out.ok = out.report.allTop1Agree() && out.report.maxAbsDiff <= kParityTolerance;
        out.ran = true;
    } catch (...) {
        out.error = currentExceptionText().toStdString();
    }
    return out;
}

}  // namespace cs::gui
