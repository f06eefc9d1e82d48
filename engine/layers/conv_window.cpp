#include "layers/conv_window.h"

#include "core/errors.h"
#include "layers/param_specs.h"

namespace cs {

namespace {

constexpr const char* kPadKeys[4] = {"pad_top", "pad_bottom", "pad_left", "pad_right"};

}  // namespace

ConvWindowOptions ConvWindowOptions::fromJson(const Options& j) {
    ConvWindowOptions o;
    o.kernelSize = j.at("kernel_size").get<int>();
    o.strides = j.at("strides").get<int>();
    o.padding = paddingFromName(j.at("padding").get<std::string>());
    for (int i = 0; i < 4; ++i) o.pads[i] = j.at(kPadKeys[i]).get<int>();
    o.dilationRate = j.at("dilation_rate").get<int>();
    return o;
}

void ConvWindowOptions::addTo(Options& j) const {
    j["kernel_size"] = kernelSize;
    j["strides"] = strides;
    j["padding"] = paddingName(padding);
    for (int i = 0; i < 4; ++i) j[kPadKeys[i]] = pads[i];
    j["dilation_rate"] = dilationRate;
}

std::vector<ParamSpec> ConvWindowOptions::params(const ConvWindowOptions& d) {
    return {
        spec::intParam("kernel_size", d.kernelSize, 1, 31, "Width and height of each square filter, in pixels."),
        spec::intParam("strides", d.strides, 1, 31, "Step between filter positions; 2 halves the output size."),
        spec::choiceParam("padding", std::string(paddingName(d.padding)), {"valid", "same", "explicit"},
                          "'valid' uses only full windows (output shrinks); 'same' pads with zeros so the output is "
                          "input/strides; 'explicit' pads each side by pad_top, pad_bottom, pad_left and pad_right."),
        spec::intParam("pad_top", d.pads[0], 0, 255, "Rows of zeros above the image (with padding 'explicit')."),
        spec::intParam("pad_bottom", d.pads[1], 0, 255, "Rows of zeros below the image (with padding 'explicit')."),
        spec::intParam("pad_left", d.pads[2], 0, 255, "Columns of zeros left of the image (with padding 'explicit')."),
        spec::intParam("pad_right", d.pads[3], 0, 255,
                       "Columns of zeros right of the image (with padding 'explicit')."),
        spec::intParam("dilation_rate", d.dilationRate, 1, 31,
                       "Spacing between the filter's taps; 2 covers a 5x5 area with a 3x3 filter."),
    };
}

WindowGeometry ConvWindowOptions::geometry(const Shape& input, std::string_view kind, std::string_view name) const {
    return WindowGeometry::makeConv(input, kernelSize, strides, dilationRate, padding, pads, kind, name);
}

void requireGroupsDivide(int groups, int channels, int filters, std::string_view kind, std::string_view name) {
    if (channels % groups == 0 && filters % groups == 0) return;
    throw ShapeError(msg("layer.groups_do_not_divide",
                         "{layer}: groups {groups} must divide both the {channels} input channels and the {filters} "
                         "filters",
                         {{"layer", describeLayer(kind, name)},
                          {"groups", std::to_string(groups)},
                          {"channels", std::to_string(channels)},
                          {"filters", std::to_string(filters)}}));
}

}  // namespace cs
