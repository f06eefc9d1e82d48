#include "train/optimizer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "core/errors.h"
#include "core/json_options.h"
#include "train/adam.h"
#include "train/rmsprop.h"
#include "train/sgd.h"

namespace cs {

namespace {

const std::string kOwner = "optimizer";

const char* const kKnownOptimizers = "adam, adamw, rmsprop, sgd";

bool isKnownKind(const std::string& kind) {
    return kind == "adam" || kind == "adamw" || kind == "rmsprop" || kind == "sgd";
}
void validate(const OptimizerOptions& o) {
    if (!isKnownKind(o.kind))
        throw OptionError(msg("train.unknown_optimizer", "unknown optimizer '{optimizer}'; known: {known}",
                              {{"optimizer", o.kind}, {"known", kKnownOptimizers}}));
    if (!(o.learningRate > 0.f) || !std::isfinite(o.learningRate))
        throwOptionError(kOwner, "learning_rate", "must be > 0", shortestDecimal(o.learningRate));
    if (!(o.momentum >= 0.f && o.momentum < 1.f))
        throwOptionError(kOwner, "momentum", "must be in [0, 1)", shortestDecimal(o.momentum));
    if (!(o.beta1 >= 0.f && o.beta1 < 1.f))
        throwOptionError(kOwner, "beta_1", "must be in [0, 1)", shortestDecimal(o.beta1));
    if (!(o.beta2 >= 0.f && o.beta2 < 1.f))
        throwOptionError(kOwner, "beta_2", "must be in [0, 1)", shortestDecimal(o.beta2));
    if (!(o.epsilon > 0.f) || !std::isfinite(o.epsilon))
        throwOptionError(kOwner, "epsilon", "must be > 0", shortestDecimal(o.epsilon));
    if (!(o.rho >= 0.f && o.rho < 1.f)) throwOptionError(kOwner, "rho", "must be in [0, 1)", shortestDecimal(o.rho));
    if (!(o.weightDecay >= 0.f) || !std::isfinite(o.weightDecay))
        throwOptionError(kOwner, "weight_decay", "must be >= 0", shortestDecimal(o.weightDecay));
    if (!(o.clipNorm >= 0.f) || !std::isfinite(o.clipNorm))
        throwOptionError(kOwner, "clipnorm", "must be >= 0 (0 turns clipping off)", shortestDecimal(o.clipNorm));
}

std::string countOf(std::size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

std::string describeParam(const Param& p, std::size_t i) {
    return "parameter " + std::to_string(i) + " ('" + p.name + "')";
}

std::string describeTensor(const Tensor& t) { return std::to_string(t.batch()) + "x" + t.sampleShape().toString(); }

}  // namespace

nlohmann::json OptimizerOptions::toJson() const {
    return {{"optimizer", kind},
            {"learning_rate", tidyFloat(learningRate)},
            {"momentum", tidyFloat(momentum)},
            {"nesterov", nesterov},
            {"beta_1", tidyFloat(beta1)},
            {"beta_2", tidyFloat(beta2)},
            {"epsilon", tidyFloat(epsilon)},
            {"rho", tidyFloat(rho)},
            {"weight_decay", tidyFloat(weightDecay)},
            {"clipnorm", tidyFloat(clipNorm)}};
}

// Keys the object does not name keep their defaults; keys it has but this struct does not know
// are ignored (the object may be a larger training-settings document).
OptimizerOptions OptimizerOptions::fromJson(const nlohmann::json& j) {
    if (!j.is_object())
        throw OptionError(msg("train.optimizer_not_object",
                              "optimizer options must be a JSON object; received: {value}", {{"value", j.dump()}}));
    OptimizerOptions o;
    if (auto it = j.find("optimizer"); it != j.end() && !it->is_null()) {
        if (!it->is_string()) throwOptionError(kOwner, "optimizer", "must be a string", it->dump());
        o.kind = it->get<std::string>();
    }
    o.learningRate = readFloatOption(j, "learning_rate", o.learningRate, kOwner);
    o.momentum = readFloatOption(j, "momentum", o.momentum, kOwner);
    if (auto it = j.find("nesterov"); it != j.end() && !it->is_null()) {
        if (!it->is_boolean()) throwOptionError(kOwner, "nesterov", "must be true or false", it->dump());
        o.nesterov = it->get<bool>();
    }
    o.beta1 = readFloatOption(j, "beta_1", o.beta1, kOwner);
    o.beta2 = readFloatOption(j, "beta_2", o.beta2, kOwner);
    o.epsilon = readFloatOption(j, "epsilon", o.epsilon, kOwner);
    o.rho = readFloatOption(j, "rho", o.rho, kOwner);
    o.weightDecay = readFloatOption(j, "weight_decay", o.weightDecay, kOwner);
    o.clipNorm = readFloatOption(j, "clipnorm", o.clipNorm, kOwner);
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
                             describeTensor(*grads[i]) + " but the parameter is " + describeTensor(params[i]->value));
    if (!(lr >= 0.f) || !std::isfinite(lr))
        throw OptionError(msg("train.optimizer_negative_rate",
                              "{optimizer}: the learning rate must be >= 0; received: {value}",
                              {{"optimizer", who()}, {"value", shortestDecimal(lr)}}));

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
                throw OptionError(who() + ": " + describeParam(*params[i], i) + " is " + describeTensor(v) +
                                  " but its optimizer state is " + describeTensor(s) +
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
