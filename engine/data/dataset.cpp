#include "data/dataset.h"

#include <cstring>

#include "core/errors.h"

namespace cs {

std::string Dataset::sourceOf(std::size_t i) const {
    if (i < sources.size() && !sources[i].empty()) return sources[i];
    const std::size_t item = i < sourceIndices.size() ? sourceIndices[i] : i;
    return sourceFile + "#" + std::to_string(item);
}

Dataset Dataset::subset(const std::vector<uint32_t>& indices) const {
    Dataset out;
    out.height = height;
    out.width = width;
    out.channels = channels;
    out.classNames = classNames;
    out.sourceFile = sourceFile;
    const std::size_t bytes = imageBytes();
    out.pixels.resize(indices.size() * bytes);
    out.labels.reserve(indices.size());
    const bool perSampleSources = !sources.empty();
    if (perSampleSources)
        out.sources.reserve(indices.size());
    else
        out.sourceIndices.reserve(indices.size());
    for (std::size_t k = 0; k < indices.size(); ++k) {
        const uint32_t i = indices[k];
        if (i >= size())
            throw Error(msg("dataset.subset_index", "Dataset::subset: index {index} is outside 0..{size} (exclusive)",
                            {{"index", std::to_string(i)}, {"size", std::to_string(size())}}));
        if (bytes) std::memcpy(out.pixels.data() + k * bytes, image(i), bytes);
        out.labels.push_back(labels[i]);
        if (perSampleSources)
            out.sources.push_back(sources[i]);
        else
            out.sourceIndices.push_back(i < sourceIndices.size() ? sourceIndices[i] : i);
    }
    return out;
}

}  // namespace cs
