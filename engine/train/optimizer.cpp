#include "train/optimizer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "core/errors.h"
#include "train/adam.h"
#include "train/rmsprop.h"
#include "train/sgd.h"

namespace cs {

namespace {

const char* const kKnownOptimizers = "adam, adamw, rmsprop, sgd";

bool isKnownKind(const std::string& kind) {
    return kind == "adam" || kind == "adamw" || kind == "rmsprop" || kind == "sgd";
}

std::string fmt(float v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

// The float as the shortest decimal that reads back as the same float, so files say 0.001
// rather than 0.0010000000474974513.
double tidy(float v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    double d = 0;
    std::from_chars(buf, r.ptr, d);
    return d;
}

[[noreturn]] void fail(const std::string& key, const std::string& what, const std::string& received) {
    throw OptionError("optimizer option '" + key + "' " + what + "; received: " + received);
}

float readFloat(const nlohmann::json& j, const char* key, float fallback) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_number()) fail(key, "must be a number", it->dump());
    const auto v = static_cast<float>(it->get<double>());
    if (!std::isfinite(v)) fail(key, "must be a finite float", it->dump());
    return v;
}

void validate(const OptimizerOptions& o) {
    if (!isKnownKind(o.kind))
        throw OptionError("unknown optimizer '" + o.kind + "'; known: " + kKnownOptimizers);
    if (!(o.learningRate > 0.f) || !std::isfinite(o.learningRate))
        fail("learning_rate", "must be > 0", fmt(o.learningRate));
    if (!(o.momentum >= 0.f && o.momentum < 1.f)) fail("momentum", "must be in [0, 1)", fmt(o.momentum));
    if (!(o.beta1 >= 0.f && o.beta1 < 1.f)) fail("beta_1", "must be in [0, 1)", fmt(o.beta1));
    if (!(o.beta2 >= 0.f && o.beta2 < 1.f)) fail("beta_2", "must be in [0, 1)", fmt(o.beta2));
    if (!(o.epsilon > 0.f) || !std::isfinite(o.epsilon)) fail("epsilon", "must be > 0", fmt(o.epsilon));
    if (!(o.rho >= 0.f && o.rho < 1.f)) fail("rho", "must be in [0, 1)", fmt(o.rho));
    if (!(o.weightDecay >= 0.f) || !std::isfinite(o.weightDecay))
        fail("weight_decay", "must be >= 0", fmt(o.weightDecay));
    if (!(o.clipNorm >= 0.f) || !std::isfinite(o.clipNorm))
        fail("clipnorm", "must be >= 0 (0 turns clipping off)", fmt(o.clipNorm));
}

std::string countOf(std::size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string describeParam(const Param& p, std::size_t i) {
    return "parameter " + std::to_string(i) + " ('" + p.name + "')";
}

std::string describeTensor(const Tensor& t) {
    return std::to_string(t.batch()) + "x" + t.sampleShape().toString();
}

}  // namespace

nlohmann::json OptimizerOptions::toJson() const {
    return {{"optimizer", kind},
            {"learning_rate", tidy(learningRate)},
            {"momentum", tidy(momentum)},
            {"nesterov", nesterov},
            {"beta_1", tidy(beta1)},
            {"beta_2", tidy(beta2)},
            {"epsilon", tidy(epsilon)},
            {"rho", tidy(rho)},
            {"weight_decay", tidy(weightDecay)},
            {"clipnorm", tidy(clipNorm)}};
}

// Keys the object does not name keep their defaults; keys it has but this struct does not know
// are ignored (the object may be a larger training-settings document).
OptimizerOptions OptimizerOptions::fromJson(const nlohmann::json& j) {
    if (!j.is_object()) throw OptionError("optimizer options must be a JSON object; received: " + j.dump());
    OptimizerOptions o;
    if (auto it = j.find("optimizer"); it != j.end() && !it->is_null()) {
        if (!it->is_string()) fail("optimizer", "must be a string", it->dump());
        o.kind = it->get<std::string>();
    }
    o.learningRate = readFloat(j, "learning_rate", o.learningRate);
    o.momentum = readFloat(j, "momentum", o.momentum);
    if (auto it = j.find("nesterov"); it != j.end() && !it->is_null()) {
        if (!it->is_boolean()) fail("nesterov", "must be true or false", it->dump());
        o.nesterov = it->get<bool>();
    }
    o.beta1 = readFloat(j, "beta_1", o.beta1);
    o.beta2 = readFloat(j, "beta_2", o.beta2);
    o.epsilon = readFloat(j, "epsilon", o.epsilon);
    o.rho = readFloat(j, "rho", o.rho);
    o.weightDecay = readFloat(j, "weight_decay", o.weightDecay);
    o.clipNorm = readFloat(j, "clipnorm", o.clipNorm);
    validate(o);
    return o;
}

std::unique_ptr<Optimizer> makeOptimizer(const OptimizerOptions& options) {
    validate(options);
    if (options.kind == "sgd") return std::make_unique<Sgd>(options);
    if (options.kind == "rmsprop") return std::make_unique<RmsProp>(options);
    return std::make_unique<Adam>(options);  // "adam" or "adamw"
}

double globalNorm(std::span<Tensor* const> grads) {
    double sum = 0.0;
    for (const Tensor* g : grads) sum += g->array().cast<double>().square().sum();
    return std::sqrt(sum);
}

void Optimizer::step(std::span<Param* const> params, std::span<Tensor* const> grads, float lr) {
    // Built only when needed: step() runs every batch and must not allocate.
    const auto who = [this] { return "optimizer '" + options_.kind + "'"; };
    if (grads.size() != params.size())
        throw ShapeError(who() + ": got " + countOf(grads.size(), "gradient") + " for " +
                         countOf(params.size(), "parameter"));
    for (std::size_t i = 0; i < params.size(); ++i)
        if (grads[i]->size() != params[i]->value.size())
            throw ShapeError(who() + ": the gradient of " + describeParam(*params[i], i) + " is " +
                             describeTensor(*grads[i]) + " but the parameter is " +
                             describeTensor(params[i]->value));
    if (!(lr >= 0.f) || !std::isfinite(lr))
        throw OptionError(who() + ": the learning rate must be >= 0; received: " + fmt(lr));

    // Slots are created on the first step (or restored from a checkpoint before it); afterwards
    // the parameter list must stay the one they were made for.
    const std::size_t perParam = static_cast<std::size_t>(slotsPerParam());
    if (slots_.empty() && perParam > 0) {
        slots_.resize(params.size() * perParam);
        for (std::size_t i = 0; i < params.size(); ++i)
            for (std::size_t k = 0; k < perParam; ++k) {
                Tensor& s = slots_[i * perParam + k];
                s.resize(params[i]->value.batch(), params[i]->value.sampleShape());
                s.setZero();
            }
    }
    if (slots_.size() != params.size() * perParam) {
        const std::string held =
            perParam > 0 && slots_.size() % perParam == 0
                ? "state for " + countOf(slots_.size() / perParam, "parameter")
                : countOf(slots_.size(), "state tensor") + " (" + std::to_string(perParam) + " per parameter)";
        throw OptionError(who() + ": has " + held + " but was given " + countOf(params.size(), "parameter") +
                          "; the model's parameters changed after training started "
                          "(create a new optimizer for a changed model)");
    }
    for (std::size_t i = 0; i < params.size(); ++i)
        for (std::size_t k = 0; k < perParam; ++k) {
            const Tensor& s = slots_[i * perParam + k];
            const Tensor& v = params[i]->value;
            if (s.batch() != v.batch() || s.sampleShape() != v.sampleShape())
                throw OptionError(who() + ": " + describeParam(*params[i], i) + " is " +
                                  describeTensor(v) + " but its optimizer state is " +
                                  describeTensor(s) +
                                  "; the model's parameters changed after training started "
                                  "(create a new optimizer for a changed model)");
        }

    if (options_.clipNorm > 0.f) {
        const double norm = globalNorm(grads);
        if (norm > options_.clipNorm) {
            const auto scale = static_cast<float>(options_.clipNorm / norm);
            for (Tensor* g : grads) g->array() *= scale;
        }
    }

    for (std::size_t i = 0; i < params.size(); ++i)
        update(*params[i], *grads[i], perParam > 0 ? &slots_[i * perParam] : nullptr, lr);
    ++iterations_;
}

}  // namespace cs
