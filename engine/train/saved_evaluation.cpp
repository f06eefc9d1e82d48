#include "train/saved_evaluation.h"

#include <algorithm>
#include <cstring>

#include "core/errors.h"
#include "core/json_numbers.h"

namespace cs {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr int kMaxClasses = 10000;
constexpr int kMaxSide = 4096;

std::string base64(const std::vector<uint8_t>& bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const uint32_t a = bytes[i], b = i + 1 < bytes.size() ? bytes[i + 1] : 0,
                       c = i + 2 < bytes.size() ? bytes[i + 2] : 0;
        const uint32_t v = (a << 16) | (b << 8) | c;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? kAlphabet[v & 63] : '=';
    }
    return out;
}

std::vector<uint8_t> unbase64(const std::string& text, std::size_t expected) {
    if (text.size() % 4 != 0 || text.size() / 4 * 3 < expected || text.size() / 4 * 3 > expected + 2)
        throw FileError(
            msg("saved_evaluation.pixels_size",
                "a saved evaluation's images hold {characters} base64 characters, not the {bytes} bytes its "
                "size says",
                {{"characters", std::to_string(text.size())}, {"bytes", std::to_string(expected)}}));
    std::vector<uint8_t> out;
    out.reserve(expected + 2);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        uint32_t v = 0;
        for (int k = 0; k < 4; ++k) {
            const char ch = text[i + k];
            const char* at = ch == '=' ? nullptr : std::strchr(kAlphabet, ch);
            if (ch != '=' && (!at || ch == '\0'))
                throw FileError(msg("saved_evaluation.not_base64", "a saved evaluation's images are not base64"));
            v = (v << 6) | (at ? uint32_t(at - kAlphabet) : 0);
        }
        out.push_back(uint8_t(v >> 16));
        out.push_back(uint8_t(v >> 8));
        out.push_back(uint8_t(v));
    }
    out.resize(expected);
    return out;
}

template <typename T>
std::vector<T> listOf(const nlohmann::json& j, const char* key, std::size_t size) {
    std::vector<T> v;
    if constexpr (std::is_integral_v<T>)
        v = wholeNumbers<T>(j.at(key));
    else
        v = j.at(key).get<std::vector<T>>();
    if (v.size() != size)
        throw FileError(msg("saved_evaluation.list_size",
                            "a saved evaluation's {key} holds {count} values, expected {expected}",
                            {{"key", key}, {"count", std::to_string(v.size())}, {"expected", std::to_string(size)}}));
    return v;
}

}  // namespace

SavedEvaluation savedEvaluation(const HeldOutEvaluation& e) {
    SavedEvaluation s;
    s.set = e.set;
    s.result = e.result;
    s.result.predicted.clear();
    s.result.confidence.clear();
    s.result.probabilities.clear();
    const EvalResult& r = e.result;
    if (!e.data) return s;
    s.mistakes = e.data->subset({});
    s.mistakes.classNames.resize(std::size_t(std::max(r.classes, 0)));  // one name per class, as the reader expects
    if (r.predicted.size() != e.data->size()) return s;                 // no predictions kept: the figures only
    std::vector<uint32_t> wrong;
    for (std::size_t i = 0; i < r.predicted.size(); ++i)
        if (r.predicted[i] != e.data->labels[i]) wrong.push_back(uint32_t(i));
    s.totalMistakes = int(wrong.size());
    std::stable_sort(wrong.begin(), wrong.end(),
                     [&r](uint32_t a, uint32_t b) { return r.confidence[a] > r.confidence[b]; });
    if (wrong.size() > std::size_t(kMaxSavedMistakes)) wrong.resize(kMaxSavedMistakes);
    s.mistakes = e.data->subset(wrong);
    for (uint32_t i : wrong) {
        s.result.predicted.push_back(r.predicted[i]);
        s.result.confidence.push_back(r.confidence[i]);
        const auto row = r.probabilities.begin() + std::ptrdiff_t(i) * r.classes;
        s.result.probabilities.insert(s.result.probabilities.end(), row, row + r.classes);
    }
    // Sources as strings: the saved images are no longer items of a container file.
    s.mistakes.sources.resize(wrong.size());
    for (std::size_t k = 0; k < wrong.size(); ++k) s.mistakes.sources[k] = e.data->sourceOf(wrong[k]);
    s.mistakes.sourceFile.clear();
    s.mistakes.sourceIndices.clear();
    return s;
}

nlohmann::json SavedEvaluation::toJson() const {
    const Dataset& m = mistakes;
    return {{"set", std::string(evalSetName(set))},
            {"samples", result.samples},
            {"classes", result.classes},
            {"loss", result.loss},
            {"accuracy", result.accuracy},
            {"top_k", result.topK},
            {"confusion", result.confusion},
            {"precision", result.precision},
            {"recall", result.recall},
            {"f1", result.f1},
            {"support", result.support},
            {"class_names", m.classNames},
            {"total_mistakes", totalMistakes},
            {"mistakes",
             {{"count", m.size()},
              {"height", m.height},
              {"width", m.width},
              {"channels", m.channels},
              {"pixels", base64(m.pixels)},
              {"labels", m.labels},
              {"sources", m.sources},
              {"predicted", result.predicted},
              {"confidence", result.confidence},
              {"probabilities", result.probabilities}}},
            {"outdated", outdated}};
}

SavedEvaluation SavedEvaluation::fromJson(const nlohmann::json& j) {
    SavedEvaluation s;
    try {
        if (!j.is_object())
            throw FileError(msg("saved_evaluation.not_object", "a saved evaluation must be a JSON object"));
        s.set = evalSetFromName(j.at("set").get<std::string>());
        EvalResult& r = s.result;
        r.samples = wholeNumber<int>(j.at("samples"));
        r.classes = wholeNumber<int>(j.at("classes"));
        if (r.samples < 0 || r.classes < 1 || r.classes > kMaxClasses)
            throw FileError(msg("saved_evaluation.counts",
                                "a saved evaluation has {samples} samples of {classes} classes",
                                {{"samples", std::to_string(r.samples)}, {"classes", std::to_string(r.classes)}}));
        r.loss = j.at("loss").get<double>();
        r.accuracy = j.at("accuracy").get<double>();
        r.topK = j.value("top_k", 0.0);
        const auto classes = std::size_t(r.classes);
        const auto& confusion = j.at("confusion");
        if (!confusion.is_array() || confusion.size() != classes)
            throw FileError(msg("saved_evaluation.confusion_rows",
                                "a saved evaluation's confusion matrix must have {classes} rows",
                                {{"classes", std::to_string(classes)}}));
        for (const auto& row : confusion) {
            if (!row.is_array() || row.size() != classes)
                throw FileError(msg("saved_evaluation.confusion_columns",
                                    "a saved evaluation's confusion matrix must have {classes} columns",
                                    {{"classes", std::to_string(classes)}}));
            r.confusion.push_back(wholeNumbers<int>(row));
        }
        r.precision = listOf<double>(j, "precision", classes);
        r.recall = listOf<double>(j, "recall", classes);
        r.f1 = listOf<double>(j, "f1", classes);
        r.support = listOf<int>(j, "support", classes);
        Dataset& m = s.mistakes;
        m.classNames = listOf<std::string>(j, "class_names", classes);
        s.totalMistakes = wholeNumberOr<int>(j, "total_mistakes", 0);
        s.outdated = j.value("outdated", false);
        const auto& k = j.at("mistakes");
        const auto count = wholeNumber<std::size_t>(k.at("count"));
        m.height = wholeNumber<int>(k.at("height"));
        m.width = wholeNumber<int>(k.at("width"));
        m.channels = wholeNumber<int>(k.at("channels"));
        if (count > std::size_t(kMaxSavedMistakes))
            throw FileError(msg("saved_evaluation.too_many_mistakes",
                                "a saved evaluation keeps at most {max} mistakes, got {count}",
                                {{"max", std::to_string(kMaxSavedMistakes)}, {"count", std::to_string(count)}}));
        if (count > 0 && (m.height < 1 || m.height > kMaxSide || m.width < 1 || m.width > kMaxSide ||
                          (m.channels != 1 && m.channels != 3)))
            throw FileError(msg("saved_evaluation.image_size",
                                "a saved evaluation's images are {channels}x{height}x{width}",
                                {{"channels", std::to_string(m.channels)},
                                 {"height", std::to_string(m.height)},
                                 {"width", std::to_string(m.width)}}));
        m.labels = listOf<int32_t>(k, "labels", count);
        m.sources = listOf<std::string>(k, "sources", count);
        r.predicted = listOf<int32_t>(k, "predicted", count);
        r.confidence = listOf<float>(k, "confidence", count);
        r.probabilities = listOf<float>(k, "probabilities", count * classes);
        for (std::size_t i = 0; i < count; ++i)
            if (m.labels[i] < 0 || m.labels[i] >= r.classes || r.predicted[i] < 0 || r.predicted[i] >= r.classes)
                throw FileError(msg("saved_evaluation.mistake_class",
                                    "a saved evaluation's mistake {mistake} names a class outside 0..{last}",
                                    {{"mistake", std::to_string(i + 1)}, {"last", std::to_string(r.classes - 1)}}));
        m.pixels = unbase64(k.at("pixels").get<std::string>(), count * m.imageBytes());
    } catch (const nlohmann::json::exception& e) {
        throw FileError(
            msg("saved_evaluation.malformed", "a saved evaluation is malformed: {reason}", {{"reason", e.what()}}));
    }
    return s;
}

}  // namespace cs
