#include "layers/layer.h"

namespace cs {

int64_t Layer::paramCount() const {
    int64_t n = 0;
    for (const Param& p : params_) n += p.value.size();
    return n;
}

std::string describeLayer(std::string_view kind, std::string_view name) {
    std::string s(kind);
    if (!name.empty()) {
        s += " '";
        s += name;
        s += "'";
    }
    return s;
}

}  // namespace cs
