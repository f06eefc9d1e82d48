#include "io/model_file.h"

#include <zlib.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <fstream>
#include <set>

#include <sys/stat.h>

#include "core/errors.h"
#include "core/json_numbers.h"
#include "core/json_options.h"
#include "graph/graph_check.h"
#include "graph/model.h"
#include "io/atomic_file.h"
#include "layers/input_layer.h"
#include "layers/layer_registry.h"
#include "train/saved_evaluation.h"

namespace cs {

static_assert(std::endian::native == std::endian::little, "model files store little-endian floats");

namespace {

constexpr char kMagic[8] = {'C', 'S', 'M', 'O', 'D', 'E', 'L', '\0'};
constexpr std::size_t kHeader = 8 + 4 + 8;

template <typename T>
void put(std::string& out, T v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
T get(const std::string& in, std::size_t at) {
    T v;
    std::memcpy(&v, in.data() + at, sizeof v);
    return v;
}

uint32_t crc(const char* data, std::size_t n) {
    uLong c = crc32(0L, Z_NULL, 0);
    while (n > 0) {
        const uInt chunk = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
        c = crc32(c, reinterpret_cast<const Bytef*>(data), chunk);
        data += chunk;
        n -= chunk;
    }
    return static_cast<uint32_t>(c);
}

nlohmann::json shapeJson(const Tensor& t) {
    nlohmann::json s = nlohmann::json::array();
    for (int i = 0; i < t.sampleShape().rank(); ++i) s.push_back(t.sampleShape()[i]);
    return s;
}

// Deeper JSON than any real description is refused before it is parsed: nlohmann's parser
// builds it iteratively, but copying, comparing and printing it recurse once per level, so a
// file nesting a million levels would overflow the stack. Counts brackets outside strings.
constexpr int kMaxJsonDepth = 200;

void checkJsonDepth(const char* begin, const char* end, const std::string& what) {
    int depth = 0;
    bool inString = false;
    for (const char* p = begin; p != end; ++p) {
        const char c = *p;
        if (inString) {
            if (c == '\\' && p + 1 != end)
                ++p;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth)
                throw FileError(msg("model_file.json_too_deep",
                                    "{file}: the description nests deeper than {limit} levels",
                                    {{"file", what}, {"limit", std::to_string(kMaxJsonDepth)}}));
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
}

// The preprocessing must prepare what the graph's Input takes. Checked only when the Input node's
// own options are sound (a project being edited can hold an invalid Input; the graph check
// reports that one).
void checkPreprocessingFitsInput(const ModelFile& file, const std::string& what) {
    const NodeSpec* input = nullptr;
    for (const auto& n : file.graph.nodes()) {
        if (n.kind != "Input") continue;
        if (input) return;  // several inputs: the graph check reports it
        input = &n;
    }
    if (!input || !input->options.is_object()) return;
    const auto dim = [&](const char* key, int fallback) {
        const auto it = input->options.find(key);
        if (it == input->options.end()) return fallback;
        if (!it->is_number_integer()) return -1;  // the layer's own check names a wrong kind
        const int64_t v = it->get<int64_t>();     // not get<int>(): 2^32 + 28 would pass as 28
        return v < 0 || v > 4096 ? -1 : static_cast<int>(v);
    };
    const InputOptions defaults;
    const int height = dim("height", defaults.height), width = dim("width", defaults.width);
    const int channels = dim("channels", defaults.channels);
    if (height < 1 || height > 4096 || width < 1 || width > 4096 || (channels != 1 && channels != 3)) return;
    const Shape graphInput = Shape::image(channels, height, width);
    if (file.preprocessing.inputShape() != graphInput)
        throw FileError(
            msg("model_file.preprocessing_mismatch",
                "{file}: the preprocessing gives {prepared} inputs, the graph's Input '{layer}' takes {input}",
                {{"file", what},
                 {"prepared", file.preprocessing.inputShape().toString()},
                 {"layer", input->name},
                 {"input", graphInput.toString()}}));
}

// The fields of the JSON description (everything but the tensors). Every layer kind must be
// known, so the error names the kind rather than failing later.
ModelFile describedModel(const nlohmann::json& doc, const std::string& what) {
    ModelFile file;
    try {
        file.graph = GraphSpec::fromJson(doc.at("graph"));
        file.preprocessing = Preprocessing::fromJson(doc.at("preprocessing"));
        file.classNames = doc.value("class_names", std::vector<std::string>{});
        file.training = doc.value("training", nlohmann::json::object());
        file.history = doc.value("history", nlohmann::json::array());
        file.project = doc.value("project", nlohmann::json::object());
        file.checkpoint = doc.value("checkpoint", nlohmann::json::object());
        file.seed = wholeNumberOr<uint64_t>(doc, "seed", 42);
        if (const auto it = doc.find("evaluation"); it != doc.end() && !it->is_null()) file.evaluation = *it;
    } catch (const nlohmann::json::exception& e) {
        throw FileError(
            msg("model_file.malformed", "{file} is malformed: {reason}", {{"file", what}, {"reason", e.what()}}));
    }
    const auto& registry = LayerRegistry::builtin();
    for (const auto& n : file.graph.nodes())
        if (!registry.contains(n.kind)) {
            try {
                registry.info(n.kind);
            } catch (const Error& e) {
                throw FileError(msg("model_file.layer_error", "{file}: layer '{layer}': {reason}",
                                    {{"file", what}, {"layer", n.name}, {"reason", e.message()}}));
            }
        }
    checkPreprocessingFitsInput(file, what);
    // A damaged saved evaluation costs only itself: the project opens without it.
    if (!file.evaluation.is_null()) {
        try {
            SavedEvaluation::fromJson(file.evaluation);
        } catch (const Error& e) {
            file.loadNotes.push_back(msg("model_file.evaluation_dropped", "The saved evaluation was left out: {reason}",
                                         {{"reason", e.what()}}));
            file.evaluation = nullptr;
        }
    }
    return file;
}

// Checks the magic and the version; returns the JSON description's length.
uint64_t checkHeader(const char* header, std::size_t available, const std::string& what) {
    if (available < kHeader || std::memcmp(header, kMagic, 8) != 0)
        throw FileError(msg("model_file.bad_magic",
                            "{file} is not a ConvStudio model file (bad magic or too short: {bytes} bytes)",
                            {{"file", what}, {"bytes", std::to_string(available)}}));
    uint32_t version;
    std::memcpy(&version, header + 8, sizeof version);
    if (version > kModelFormatVersion)
        throw FileError(
            msg("model_file.newer_version",
                "{file} was written by a newer ConvStudio (format version {version}; this version reads up to {max})",
                {{"file", what}, {"version", std::to_string(version)}, {"max", std::to_string(kModelFormatVersion)}}));
    if (version == 0)
        throw FileError(msg("model_file.version_zero", "{file} has an invalid format version 0", {{"file", what}}));
    uint64_t jsonSize;
    std::memcpy(&jsonSize, header + 12, sizeof jsonSize);
    return jsonSize;
}

// The raw float data after the description, as a reader sees it.
struct TensorData {
    const std::string& bytes;
    std::size_t start = 0;  // byte offset of the first float
    uint64_t floats = 0;    // floats available
    const std::string& what;
};

// One table of tensors (the project's weights, or one run's group); offsets and counts in
// floats into `data`. Every name once, every shape checked against the data before allocating.
std::map<std::string, Tensor> readTensorTable(const nlohmann::json& table, const TensorData& data,
                                              const std::string& what) {
    std::map<std::string, Tensor> out;
    if (!table.is_array())
        throw FileError(msg("model_file.table_not_list", "{file}: a tensor table must be a list", {{"file", what}}));
    for (const auto& t : table) {
        const std::string name = t.at("name").get<std::string>();
        if (out.count(name))
            throw FileError(msg("model_file.tensor_twice", "{file}: tensor '{tensor}' appears twice",
                                {{"file", what}, {"tensor", name}}));
        const int batch = wholeNumber<int>(t.at("batch"));
        const auto dims = wholeNumbers<int>(t.at("shape"));
        const auto offset = wholeNumber<uint64_t>(t.at("offset"));
        const auto count = wholeNumber<uint64_t>(t.at("count"));
        if (dims.size() > 3 || batch < 0)
            throw FileError(msg("model_file.tensor_shape", "{file}: tensor '{tensor}' has a malformed shape",
                                {{"file", what}, {"tensor", name}}));
        // Checked products: 256 x 2^24 x 2^24 x 256 must not wrap around to a small count.
        uint64_t expect = static_cast<uint64_t>(batch);
        for (int d : dims) {
            if (d < 0 || d > (1 << 24))
                throw FileError(msg("model_file.tensor_dimension",
                                    "{file}: tensor '{tensor}' has a dimension of {dimension}",
                                    {{"file", what}, {"tensor", name}, {"dimension", std::to_string(d)}}));
            if (__builtin_mul_overflow(expect, static_cast<uint64_t>(d), &expect) || expect > data.floats)
                throw FileError(msg("model_file.tensor_too_large",
                                    "{file}: tensor '{tensor}' ({batch} x {shape}) holds more values than the file",
                                    {{"file", what},
                                     {"tensor", name},
                                     {"batch", std::to_string(batch)},
                                     {"shape", t.at("shape").dump()}}));
        }
        if (dims.empty()) expect = 0;
        if (expect != count)
            throw FileError(msg("model_file.tensor_count",
                                "{file}: tensor '{tensor}' claims {count} values but its shape holds {expected}",
                                {{"file", what},
                                 {"tensor", name},
                                 {"count", std::to_string(count)},
                                 {"expected", std::to_string(expect)}}));
        if (offset > data.floats || count > data.floats - offset)
            throw FileError(msg("model_file.tensor_beyond_end",
                                "{file} is truncated: tensor '{tensor}' lies beyond the end of the file",
                                {{"file", what}, {"tensor", name}}));
        Shape shape;
        if (dims.size() == 1)
            shape = Shape{dims[0]};
        else if (dims.size() == 2)
            shape = Shape{dims[0], dims[1]};
        else if (dims.size() == 3)
            shape = Shape{dims[0], dims[1], dims[2]};
        Tensor tensor(batch, shape);
        if (count) std::memcpy(tensor.data(), data.bytes.data() + data.start + offset * 4, count * 4);
        out.emplace(name, std::move(tensor));
    }
    return out;
}

// "run_tensors": [{"run": 1-based index into history, "kind": "best" | "last", "tensors": [...]}].
// A run's groups name a run the history holds, each kind once, "last" only beside "best".
std::map<int, RunWeights> readRunTensors(const nlohmann::json& doc, const nlohmann::json& history,
                                         const TensorData& data) {
    std::map<int, RunWeights> out;
    const auto it = doc.find("run_tensors");
    if (it == doc.end()) return out;
    const std::string& what = data.what;
    const std::size_t runs = history.is_array() ? history.size() : 0;
    if (!it->is_array() || it->size() > 2 * runs)
        throw FileError(msg("model_file.run_tensors_list",
                            "{file}: run_tensors must be a list of at most two groups per run ({runs} runs)",
                            {{"file", what}, {"runs", std::to_string(runs)}}));
    std::set<std::pair<int, std::string>> seen;
    for (const auto& g : *it) {
        const int run = wholeNumber<int>(g.at("run"));
        const std::string kind = g.at("kind").get<std::string>();
        if (run < 1 || std::size_t(run) > runs)
            throw FileError(msg("model_file.run_unknown",
                                "{file}: run weights name run {run} but the history holds {runs} runs",
                                {{"file", what}, {"run", std::to_string(run)}, {"runs", std::to_string(runs)}}));
        if (kind != "best" && kind != "last")
            throw FileError(msg("model_file.run_kind",
                                "{file}: run {run}'s weights must be 'best' or 'last', got '{kind}'",
                                {{"file", what}, {"run", std::to_string(run)}, {"kind", kind}}));
        if (!seen.insert({run, kind}).second)
            throw FileError(msg("model_file.run_kind_twice", "{file}: run {run}'s {kind} weights appear twice",
                                {{"file", what}, {"run", std::to_string(run)}, {"kind", kind}}));
        auto tensors = readTensorTable(g.at("tensors"), data, what + " (run " + std::to_string(run) + ")");
        (kind == "best" ? out[run - 1].best : out[run - 1].last) = std::move(tensors);
    }
    for (const auto& [run, w] : out)
        if (w.best.empty())
            throw FileError(msg("model_file.run_last_without_best",
                                "{file}: run {run} has last weights but no best weights",
                                {{"file", what}, {"run", std::to_string(run + 1)}}));
    return out;
}

bool sameShapes(const std::map<std::string, Tensor>& a, const std::map<std::string, Tensor>& b) {
    if (a.size() != b.size()) return false;
    for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
        if (i->first != j->first || i->second.batch() != j->second.batch() ||
            i->second.sampleShape() != j->second.sampleShape())
            return false;
    return true;
}

// Run weights belong to the graph they were trained on. When the graph changed since (or no
// longer compiles), they are dropped with a note instead of being offered for a model they do
// not fit.
int64_t floatsIn(const std::map<std::string, Tensor>& weights) {
    int64_t n = 0;
    for (const auto& [name, t] : weights) n += t.size();
    return n;
}

void dropRunWeightsThatDoNotFit(ModelFile& file) {
    if (file.runWeights.empty()) return;
    // Checked before compiling: the model's parameters are allocated only when a run's weights,
    // which the file holds, are as many (a forged graph cannot make the reader allocate more).
    const GraphCheck check = checkGraph(file.graph, LayerRegistry::builtin());
    int64_t largest = 0;
    for (const auto& [run, w] : file.runWeights) largest = std::max(largest, floatsIn(w.best));
    if (check.ok && check.totalParams > largest) {
        for (const auto& [run, w] : file.runWeights)
            file.loadNotes.push_back(
                msg("model_file.run_weights_do_not_fit",
                    "The weights of run {run} were left out: they do not fit the graph, which changed after that run",
                    {{"run", std::to_string(run + 1)}}));
        file.runWeights.clear();
        return;
    }
    std::map<std::string, Tensor> expected;
    try {
        if (!check.ok)
            throw Error(check.problems.empty() ? std::string("invalid graph") : check.problems.front().english());
        Model model(file.graph, file.seed);
        ModelFile fresh;
        storeWeights(model, fresh);
        expected = std::move(fresh.weights);
    } catch (const Error& e) {
        file.loadNotes.push_back(
            msg("model_file.run_weights_graph_invalid",
                "The weights of {count} run(s) were left out: the graph does not compile ({error})",
                {{"count", std::to_string(file.runWeights.size())}, {"error", e.what()}}));
        file.runWeights.clear();
        return;
    }
    for (auto it = file.runWeights.begin(); it != file.runWeights.end();) {
        const RunWeights& w = it->second;
        if (sameShapes(w.best, expected) && (w.last.empty() || sameShapes(w.last, expected))) {
            ++it;
            continue;
        }
        file.loadNotes.push_back(
            msg("model_file.run_weights_do_not_fit",
                "The weights of run {run} were left out: they do not fit the graph, which changed after that run",
                {{"run", std::to_string(it->first + 1)}}));
        it = file.runWeights.erase(it);
    }
}

nlohmann::json tensorTable(const std::map<std::string, Tensor>& weights, uint64_t& offset) {
    nlohmann::json tensors = nlohmann::json::array();
    for (const auto& [name, t] : weights) {
        tensors.push_back(
            {{"name", name}, {"batch", t.batch()}, {"shape", shapeJson(t)}, {"offset", offset}, {"count", t.size()}});
        offset += static_cast<uint64_t>(t.size());
    }
    return tensors;
}

void appendTensors(std::string& out, const std::map<std::string, Tensor>& weights) {
    for (const auto& [name, t] : weights)
        out.append(reinterpret_cast<const char*>(t.data()), sizeof(float) * static_cast<std::size_t>(t.size()));
}

}  // namespace

nlohmann::json parseDescription(const char* begin, const char* end, const std::string& what) {
    checkJsonDepth(begin, end, what);
    try {
        return nlohmann::json::parse(begin, end);
    } catch (const nlohmann::json::parse_error& e) {
        // The line, not nlohmann's text: its byte dumps (<U+001C>) mean nothing to a user.
        const std::size_t at = std::min<std::size_t>(e.byte, static_cast<std::size_t>(end - begin));
        const auto line = 1 + std::count(begin, begin + at, '\n');
        throw FileError(msg("model_file.not_json_line", "{file}: the description is not valid JSON (line {line})",
                            {{"file", what}, {"line", std::to_string(line)}}));
    } catch (const nlohmann::json::exception& e) {
        // out_of_range 406: a number beyond a double ("1E999999"); nlohmann throws it outside
        // parse_error. Name the number (elided), never let it escape as a foreign exception.
        const std::string text = e.what();
        const auto open = text.find('\'');
        const auto close = text.rfind('\'');
        std::string number = open != std::string::npos && close > open ? text.substr(open + 1, close - open - 1) : "";
        if (number.size() > 24) number = number.substr(0, 20) + "...";
        throw FileError(msg("model_file.number_too_large",
                            "{file}: the description holds a number too large to read: {number}",
                            {{"file", what}, {"number", number}}));
    }
}

void storeWeights(const Model& model, ModelFile& file) {
    file.weights.clear();
    for (const auto& node : model.nodes()) {
        for (const auto& p : node.layer->params()) file.weights[node.layer->name() + "/" + p.name] = p.value;
        for (const auto& p : node.layer->state()) file.weights[node.layer->name() + "/" + p.name] = p.value;
    }
}

void applyWeights(const ModelFile& file, Model& model) {
    auto apply = [&](const std::string& layer, Param& p) {
        const std::string key = layer + "/" + p.name;
        auto it = file.weights.find(key);
        if (it == file.weights.end())
            throw FileError(
                msg("model_file.weights_missing", "weights: tensor '{tensor}' is missing", {{"tensor", key}}));
        const Tensor& t = it->second;
        if (t.batch() != p.value.batch() || t.sampleShape() != p.value.sampleShape())
            throw FileError(
                msg("model_file.weights_shape", "weights: tensor '{tensor}' is {shape} but the layer needs {needed}",
                    {{"tensor", key},
                     {"shape", std::to_string(t.batch()) + "x" + t.sampleShape().toString()},
                     {"needed", std::to_string(p.value.batch()) + "x" + p.value.sampleShape().toString()}}));
        p.value = t;
    };
    for (auto& node : model.nodes()) {
        for (auto& p : node.layer->params()) apply(node.layer->name(), p);
        for (auto& p : node.layer->state()) apply(node.layer->name(), p);
    }
}

void keepRecentRunWeights(ModelFile& file) {
    const int runs = file.history.is_array() ? int(file.history.size()) : 0;
    std::erase_if(file.runWeights,
                  [runs](const auto& entry) { return entry.first < runs - kRunsWithWeights || entry.first >= runs; });
}

std::string serializeModelFile(const ModelFile& file) {
    uint64_t offset = 0;
    const nlohmann::json tensors = tensorTable(file.weights, offset);
    // The same bound the reader applies: the latest runs only.
    const int runs = file.history.is_array() ? int(file.history.size()) : 0;
    std::vector<const std::map<std::string, Tensor>*> groupData;
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& [run, w] : file.runWeights) {
        if (run < runs - kRunsWithWeights || run >= runs || w.best.empty()) continue;
        groups.push_back({{"run", run + 1}, {"kind", "best"}, {"tensors", tensorTable(w.best, offset)}});
        groupData.push_back(&w.best);
        if (w.last.empty()) continue;
        groups.push_back({{"run", run + 1}, {"kind", "last"}, {"tensors", tensorTable(w.last, offset)}});
        groupData.push_back(&w.last);
    }
    nlohmann::json doc = {{"format", "convstudio-model"},
                          {"version", kModelFormatVersion},
                          {"graph", file.graph.toJson()},
                          {"preprocessing", file.preprocessing.toJson()},
                          {"class_names", file.classNames},
                          {"training", file.training},
                          {"history", file.history},
                          {"project", file.project},
                          {"checkpoint", file.checkpoint},
                          {"seed", file.seed},
                          {"tensors", tensors}};
    if (!groups.empty()) doc["run_tensors"] = std::move(groups);
    if (!file.evaluation.is_null()) doc["evaluation"] = file.evaluation;
    const std::string text = jsonText(doc);
    std::string out;
    out.reserve(kHeader + text.size() + offset * 4 + 4);
    out.append(kMagic, 8);
    put<uint32_t>(out, kModelFormatVersion);
    put<uint64_t>(out, text.size());
    out += text;
    appendTensors(out, file.weights);
    for (const auto* g : groupData) appendTensors(out, *g);
    put<uint32_t>(out, crc(out.data(), out.size()));
    return out;
}

ModelFile parseModelFile(const std::string& bytes, const std::string& what) {
    if (bytes.size() < kHeader + 4)
        throw FileError(msg("model_file.bad_magic",
                            "{file} is not a ConvStudio model file (bad magic or too short: {bytes} bytes)",
                            {{"file", what}, {"bytes", std::to_string(bytes.size())}}));
    const uint64_t jsonSize = checkHeader(bytes.data(), bytes.size(), what);
    if (jsonSize > bytes.size() - kHeader - 4)
        throw FileError(msg(
            "model_file.description_truncated",
            "{file} is truncated: its header announces {size} bytes of description but the file holds {bytes} bytes",
            {{"file", what}, {"size", std::to_string(jsonSize)}, {"bytes", std::to_string(bytes.size())}}));
    const uint32_t stored = get<uint32_t>(bytes, bytes.size() - 4);
    if (stored != crc(bytes.data(), bytes.size() - 4))
        throw FileError(
            msg("model_file.checksum", "{file} is damaged or truncated (checksum mismatch)", {{"file", what}}));
    const nlohmann::json doc =
        parseDescription(bytes.data() + kHeader, bytes.data() + kHeader + static_cast<std::ptrdiff_t>(jsonSize), what);
    ModelFile file = describedModel(doc, what);
    const std::size_t dataStart = kHeader + jsonSize;
    const TensorData data{bytes, dataStart, (bytes.size() - 4 - dataStart) / 4, what};
    try {
        file.weights = readTensorTable(doc.at("tensors"), data, what);
        file.runWeights = readRunTensors(doc, file.history, data);
    } catch (const nlohmann::json::exception& e) {
        throw FileError(
            msg("model_file.malformed", "{file} is malformed: {reason}", {{"file", what}, {"reason", e.what()}}));
    }
    dropRunWeightsThatDoNotFit(file);
    return file;
}

void saveModelFile(const std::string& path, const ModelFile& file) {
    writeFileAtomically(path, serializeModelFile(file));
}

ModelFile loadModelFile(const std::string& path) { return parseModelFile(readWholeFile(path), "'" + path + "'"); }

ModelFile loadModelFileDescription(const std::string& path) {
    const std::string what = "'" + path + "'";
    struct stat st {};
    // Before opening: a FIFO would block the open, a device would never end.
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        throw FileError(msg("file.not_regular_quoted",
                            "'{file}' is not a regular file (a named pipe, device or socket)", {{"file", path}}));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(msg("model_file.cannot_open", "{file} cannot be opened for reading", {{"file", what}}));
    char header[kHeader] = {};
    in.read(header, kHeader);
    const uint64_t jsonSize = checkHeader(header, static_cast<std::size_t>(in.gcount()), what);
    // The description of a real model is kilobytes; a header announcing more than this is damaged.
    constexpr uint64_t kLargestDescription = 64u << 20;
    if (jsonSize > kLargestDescription)
        throw FileError(msg("model_file.description_too_large",
                            "{file} is damaged: its header announces {size} bytes of description",
                            {{"file", what}, {"size", std::to_string(jsonSize)}}));
    std::string text(static_cast<std::size_t>(jsonSize), '\0');
    in.read(text.data(), static_cast<std::streamsize>(jsonSize));
    if (static_cast<uint64_t>(in.gcount()) != jsonSize)
        throw FileError(
            msg("model_file.description_cut",
                "{file} is truncated: its header announces {size} bytes of description but the file ends before",
                {{"file", what}, {"size", std::to_string(jsonSize)}}));
    return describedModel(parseDescription(text.data(), text.data() + text.size(), what), what);
}

}  // namespace cs
