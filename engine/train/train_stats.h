#pragma once
// What a training run reports while it goes and how it ends: per-batch and per-epoch figures,
// messages with a severity, and why the run stopped. Plain values; EpochStats and StopReason
// are written to model files (history, checkpoints) and read back by the functions here.
#include <cstdint>
#include <string>

#include <string_view>
#include "core/message.h"

#include <nlohmann/json.hpp>

namespace cs {

struct BatchStats {
    int epoch = 0;  // 0-based
    int batch = 0;  // 0-based within the epoch
    int batchesPerEpoch = 0;
    int64_t step = 0;     // global step, 0-based
    double loss = 0;      // this batch's mean loss
    double accuracy = 0;  // this batch's accuracy
    float learningRate = 0;
    double samplesPerSecond = 0;  // over the epoch so far, pauses left out
    double seconds = 0;           // this batch's wall time (assembly and step), pauses left out
};

struct EpochStats {
    int epoch = 0;   // 0-based (1-based in JSON, as the log shows it)
    int epochs = 0;  // the run's planned epochs; not stored in JSON (the run's settings hold it)
    double loss = 0, accuracy = 0, topK = 0;
    bool hasValidation = false;
    double valLoss = 0, valAccuracy = 0, valTopK = 0;
    double seconds = 0;
    float learningRate = 0;

    nlohmann::json toJson() const;
    // Reads what toJson writes (top-k and timing optional, as older files lack them); `epochs`
    // is the planned count to fill in. Throws FileError naming the missing or malformed key.
    static EpochStats fromJson(const nlohmann::json& j, int epochs = 0);
    bool operator==(const EpochStats&) const = default;
};

enum class StopReason { Completed, Stopped, EarlyStopped };

// "completed", "stopped", "early-stopped" (the names in model files).
std::string_view stopReasonName(StopReason reason);
StopReason stopReasonFromName(std::string_view name);  // throws FileError naming the value

// How the log should show a message: a note (what happened) or a warning (worth a look).
enum class MessageSeverity { Note, Warning };

struct TrainMessage {
    MessageSeverity severity = MessageSeverity::Note;
    std::string text;  // English, for the CLI's log
    Message message;   // the same note, coded, so the studio's log shows it translated

    static TrainMessage note(Message m, MessageSeverity severity = MessageSeverity::Note) {
        std::string english = m.english();
        return {severity, std::move(english), std::move(m)};
    }
};

}  // namespace cs
