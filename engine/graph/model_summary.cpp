// Model::summary(): a table like Keras's model.summary(), shared by the CLI and the studio.
#include <cstdio>
#include <sstream>

#include "graph/model.h"

namespace cs {

static std::string withCommas(int64_t v) {
    std::string s = std::to_string(v);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

static std::string pad(const std::string& s, std::size_t width) {
    return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

std::string Model::summary() const {
    bool chain = true;
    for (std::size_t i = 1; i < nodes_.size(); ++i)
        if (nodes_[i].inputs.size() != 1 || nodes_[i].inputs[0] != static_cast<int>(i) - 1) chain = false;
    const std::size_t w1 = 34, w2 = 22, w3 = 12, w4 = chain ? 0 : 24;
    const std::string rule(w1 + w2 + w3 + w4, '=');
    const std::string thin(w1 + w2 + w3 + w4, '_');
    std::ostringstream out;
    out << thin << "\n"
        << pad("Layer (type)", w1) << pad("Output Shape", w2) << pad("Param #", w3) << (chain ? "" : "Connected to")
        << "\n"
        << rule << "\n";
    int64_t trainable = 0, nonTrainable = 0;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const Node& n = nodes_[i];
        int64_t p = n.layer->paramCount(), s = 0;
        for (const auto& st : n.layer->state()) s += st.value.size();
        (n.trainable ? trainable : nonTrainable) += p;
        nonTrainable += s;
        std::string connected;
        for (int in : n.inputs) connected += (connected.empty() ? "" : ", ") + nodes_[in].layer->name();
        const std::string frozen = n.trainable ? "" : ", frozen";
        out << pad(n.layer->name() + " (" + std::string(n.layer->kind()) + frozen + ")", w1)
            << pad(n.outputShape.toKerasString(), w2) << pad(withCommas(p + s), w3) << (chain ? "" : connected) << "\n";
        if (i + 1 < nodes_.size()) out << "\n";
    }
    out << rule << "\n"
        << "Total params: " << withCommas(trainable + nonTrainable) << "\n"
        << "Trainable params: " << withCommas(trainable) << "\n"
        << "Non-trainable params: " << withCommas(nonTrainable) << "\n"
        << "Multiply-adds per sample: " << withCommas(macs()) << "\n"
        << thin << "\n";
    return out.str();
}

}  // namespace cs
