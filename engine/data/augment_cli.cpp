#include "data/augment_cli.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "core/errors.h"

namespace cs {

namespace {

struct FlagInfo {
    const char* name;
    AugmentTransform AugmentOptions::*member;
    float defaultAmount;       // when "=AMOUNT" is left out
    float defaultProbability;  // when "@P" is left out
    float maxAmount;
    const char* help;
};

constexpr FlagInfo kFlags[] = {
    {"shift", &AugmentOptions::shift, 0.1f, 1.f, 0.5f, "largest shift, fraction of width/height"},
    {"rotate", &AugmentOptions::rotate, 10.f, 1.f, 180.f, "largest rotation in degrees"},
    {"zoom", &AugmentOptions::zoom, 0.1f, 1.f, 0.9f, "scale in [1-a, 1+a]"},
    {"hflip", &AugmentOptions::hflip, 0.f, 0.5f, 0.f, "mirror left-right (no amount)"},
    {"vflip", &AugmentOptions::vflip, 0.f, 0.5f, 0.f, "mirror top-bottom (no amount)"},
    {"brightness", &AugmentOptions::brightness, 0.2f, 1.f, 1.f, "largest offset, fraction of 255"},
    {"contrast", &AugmentOptions::contrast, 0.2f, 1.f, 1.f, "factor in [1-a, 1+a]"},
    {"noise", &AugmentOptions::noise, 0.05f, 1.f, 1.f, "Gaussian sigma, fraction of 255"},
    {"erase", &AugmentOptions::erase, 0.2f, 0.5f, 1.f, "largest erased area, fraction of image"},
    {"crop", &AugmentOptions::crop, 4.f, 1.f, 64.f, "zero padding in pixels, then random crop"},
};

float parseNumber(const std::string& text, const std::string& item) {
    try {
        std::size_t used = 0;
        const float v = std::stof(text, &used);
        if (used == text.size() && std::isfinite(v)) return v;
    } catch (const std::exception&) {
    }
    throw OptionError(msg("augment_cli.not_a_number", "--augment '{item}': '{value}' is not a number",
                          {{"item", item}, {"value", text}}));
}

std::string trim(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    return s;
}

// The shortest %g form (6 to 9 digits) that parseNumber reads back as exactly v, so a printed
// spec always parses again: 6 digits alone turn FLT_MIN into 1.17549e-38, which is below it and
// out of range for std::stof (found by fuzz_augment_spec).
std::string number(float v) {
    char buf[32];
    for (int digits = 6; digits <= 9; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, v);
        errno = 0;
        char* end = nullptr;
        const float back = std::strtof(buf, &end);
        if (errno == 0 && *end == '\0' && back == v) break;
    }
    return buf;
}

}  // namespace

AugmentOptions parseAugmentSpec(const std::string& spec, AugmentOptions base) {
    std::stringstream items(spec);
    for (std::string item; std::getline(items, item, ',');) {
        item = trim(item);
        if (item.empty()) continue;
        if (item == "none" || item == "off") {
            base = AugmentOptions{};
            continue;
        }
        std::string name = item, amountText, probText;
        if (auto at = name.find('@'); at != std::string::npos) {
            probText = name.substr(at + 1);
            name.resize(at);
        }
        if (auto eq = name.find('='); eq != std::string::npos) {
            amountText = name.substr(eq + 1);
            name.resize(eq);
        }
        const auto* flag =
            std::find_if(std::begin(kFlags), std::end(kFlags), [&](const FlagInfo& f) { return name == f.name; });
        if (flag == std::end(kFlags)) {
            std::string known;
            for (const auto& f : kFlags) known += std::string(known.empty() ? "" : ", ") + f.name;
            throw OptionError(msg("augment_cli.unknown_transform",
                                  "--augment: unknown transform '{transform}' (known: {known}, none)",
                                  {{"transform", name}, {"known", known}}));
        }
        AugmentTransform t{flag->defaultProbability, flag->defaultAmount};
        if (!amountText.empty()) {
            if (flag->maxAmount == 0.f)
                throw OptionError(msg("augment_cli.no_amount", "--augment '{item}': {transform} takes no amount",
                                      {{"item", item}, {"transform", name}}));
            t.amount = parseNumber(amountText, item);
            if (t.amount < 0.f || t.amount > flag->maxAmount)
                throw OptionError(msg("augment_cli.amount_range",
                                      "--augment '{item}': amount {value} is outside 0..{max}",
                                      {{"item", item}, {"value", amountText}, {"max", number(flag->maxAmount)}}));
        }
        if (!probText.empty()) {
            t.probability = parseNumber(probText, item);
            if (t.probability < 0.f || t.probability > 1.f)
                throw OptionError(msg("augment_cli.probability_range",
                                      "--augment '{item}': probability {value} is outside 0..1",
                                      {{"item", item}, {"value", probText}}));
        }
        base.*(flag->member) = t;
    }
    return base;
}

AugmentOptions takeAugmentFlags(std::vector<std::string>& args) {
    AugmentOptions options;
    for (std::size_t i = 0; i < args.size();) {
        if (args[i] == "--augment") {
            if (i + 1 >= args.size())
                throw OptionError(
                    msg("augment_cli.no_value", "--augment needs a value, e.g. --augment shift=0.1,hflip"));
            options = parseAugmentSpec(args[i + 1], options);
            args.erase(args.begin() + i, args.begin() + i + 2);
        } else if (args[i].rfind("--augment=", 0) == 0) {
            options = parseAugmentSpec(args[i].substr(10), options);
            args.erase(args.begin() + i);
        } else {
            ++i;
        }
    }
    return options;
}

std::string toAugmentSpec(const AugmentOptions& options) {
    std::string spec;
    for (const auto& f : kFlags) {
        const AugmentTransform& t = options.*(f.member);
        if (!t.active()) continue;
        if (!spec.empty()) spec += ',';
        spec += f.name;
        if (f.maxAmount > 0.f) spec += "=" + number(t.amount);
        spec += "@" + number(t.probability);
    }
    return spec;
}

std::string augmentFlagsHelp() {
    std::string text =
        "  --augment SPEC   on-the-fly augmentation, repeatable; SPEC is a comma-separated list of\n"
        "                   NAME[=AMOUNT][@PROBABILITY], e.g. shift=0.1,rotate=10,hflip,noise=0.05@0.3\n"
        "                   ('none' clears earlier items). Transforms:\n";
    for (const auto& f : kFlags) {
        char line[160];
        std::snprintf(line, sizeof line, "                     %-10s %-40s default %s@%s\n", f.name, f.help,
                      f.maxAmount > 0.f ? number(f.defaultAmount).c_str() : "-", number(f.defaultProbability).c_str());
        text += line;
    }
    return text;
}

}  // namespace cs
