#pragma once
// Command-line form of AugmentOptions, shared by `dataset preview-augment` and `train --augment`:
//   --augment shift=0.1,rotate=10,zoom=0.1,hflip,noise=0.05@0.5
// NAME[=AMOUNT][@PROBABILITY], comma-separated, repeatable; see augmentFlagsHelp().
#include <string>
#include <vector>

#include "data/augment.h"

namespace cs {

// Applies one spec on top of `base`. Throws OptionError naming the item and the bad value.
AugmentOptions parseAugmentSpec(const std::string& spec, AugmentOptions base = {});

// Removes every "--augment SPEC" / "--augment=SPEC" from args and returns the options they give
// (all off when there is none). Throws OptionError when SPEC is missing or malformed.
AugmentOptions takeAugmentFlags(std::vector<std::string>& args);

// The spec that parses back to `options` ("" when nothing is enabled).
std::string toAugmentSpec(const AugmentOptions& options);

// Help text for --augment (several lines, ends with a newline).
std::string augmentFlagsHelp();

}  // namespace cs
