#include "graph/graph_spec.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/errors.h"
#include "core/json_numbers.h"

namespace cs {

bool NodeSpec::operator==(const NodeSpec& o) const {
    return id == o.id && kind == o.kind && name == o.name && options == o.options && inputs == o.inputs && x == o.x &&
           y == o.y && trainable == o.trainable;
}

NodeSpec* GraphSpec::find(int id) {
    for (auto& n : nodes_)
        if (n.id == id) return &n;
    return nullptr;
}

const NodeSpec* GraphSpec::find(int id) const { return const_cast<GraphSpec*>(this)->find(id); }

const NodeSpec* GraphSpec::findByName(const std::string& name) const {
    for (const auto& n : nodes_)
        if (n.name == name) return &n;
    return nullptr;
}

int GraphSpec::nextId() const {
    int m = 0;
    for (const auto& n : nodes_) m = std::max(m, n.id);
    return m + 1;
}

// "MaxPooling2D" -> "max_pooling2d", as Keras names its layers.
static std::string snakeCase(const std::string& kind) {
    std::string s;
    for (std::size_t i = 0; i < kind.size(); ++i) {
        const char c = kind[i];
        if (std::isupper(static_cast<unsigned char>(c))) {
            const bool prevLower = i > 0 && std::islower(static_cast<unsigned char>(kind[i - 1]));
            const bool nextLower = i + 1 < kind.size() && std::islower(static_cast<unsigned char>(kind[i + 1]));
            if (i > 0 && (prevLower || (nextLower && std::isupper(static_cast<unsigned char>(kind[i - 1]))))) s += '_';
            s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            s += c;
        }
    }
    return s;
}

std::string GraphSpec::uniqueName(const std::string& kind) const {
    const std::string base = kind == "Input" ? "input" : snakeCase(kind);
    if (!findByName(base)) return base;
    for (int i = 1;; ++i) {
        std::string candidate = base + "_" + std::to_string(i);
        if (!findByName(candidate)) return candidate;
    }
}

int GraphSpec::add(const std::string& kind, nlohmann::json options, std::vector<int> inputIds, std::string name) {
    NodeSpec n;
    n.id = nextId();
    n.kind = kind;
    n.name = name.empty() ? uniqueName(kind) : std::move(name);
    n.options = options.is_null() ? nlohmann::json::object() : std::move(options);
    n.inputs = std::move(inputIds);
    n.x = 0;
    n.y = static_cast<double>(nodes_.size()) * 120.0;
    nodes_.push_back(std::move(n));
    return nodes_.back().id;
}

GraphSpec GraphSpec::sequential(const std::vector<std::pair<std::string, nlohmann::json>>& layers) {
    GraphSpec g;
    int prev = -1;
    for (const auto& [kind, opts] : layers) {
        std::vector<int> in;
        if (prev >= 0) in.push_back(prev);
        prev = g.add(kind, opts, in);
    }
    return g;
}

nlohmann::json GraphSpec::toJson() const {
    nlohmann::json nodes = nlohmann::json::array();
    for (const auto& n : nodes_) {
        nlohmann::json jn = {{"id", n.id},           {"kind", n.kind},     {"name", n.name},
                             {"options", n.options}, {"inputs", n.inputs}, {"position", {n.x, n.y}}};
        if (!n.trainable) jn["trainable"] = false;
        nodes.push_back(std::move(jn));
    }
    return {{"nodes", nodes}};
}

GraphSpec GraphSpec::fromJson(const nlohmann::json& j) {
    GraphSpec g;
    if (!j.is_object() || !j.contains("nodes") || !j["nodes"].is_array())
        throw FileError(msg("graph.not_an_object", "graph: expected an object with a \"nodes\" array"));
    std::set<int> ids;
    std::set<std::string> names;
    int index = 0;
    for (const auto& jn : j["nodes"]) {
        const std::string node = std::to_string(index++);
        if (!jn.is_object())
            throw FileError(msg("graph.node_not_object", "graph node #{node}: expected an object", {{"node", node}}));
        NodeSpec n;
        try {
            n.id = wholeNumber<int>(jn.at("id"));
            n.kind = jn.at("kind").get<std::string>();
            n.name = jn.value("name", std::string());
            n.options = jn.value("options", nlohmann::json::object());
            if (jn.contains("inputs")) n.inputs = wholeNumbers<int>(jn["inputs"]);
            n.trainable = jn.value("trainable", true);
            if (jn.contains("position")) {
                const auto& p = jn["position"];
                if (!p.is_array() || p.size() != 2)
                    throw FileError(msg("graph.node_bad_position", "graph node #{node}: position must be [x, y]",
                                        {{"node", node}}));
                n.x = p[0].get<double>();
                n.y = p[1].get<double>();
            }
        } catch (const nlohmann::json::exception& e) {
            throw FileError(msg("graph.node_malformed", "graph node #{node} is malformed: {reason}",
                                {{"node", node}, {"reason", e.what()}}));
        }
        if (!n.options.is_object())
            throw FileError(msg("graph.node_options_not_object",
                                "graph node #{node} ('{name}'): options must be an object",
                                {{"node", node}, {"name", n.name}}));
        if (n.id <= 0)
            throw FileError(msg("graph.node_id_not_positive", "graph node #{node}: id must be positive, got {id}",
                                {{"node", node}, {"id", std::to_string(n.id)}}));
        if (!ids.insert(n.id).second)
            throw FileError(msg("graph.duplicate_node_id", "graph node #{node}: duplicate node id {id}",
                                {{"node", node}, {"id", std::to_string(n.id)}}));
        if (n.name.empty()) n.name = g.uniqueName(n.kind);
        if (!names.insert(n.name).second)
            throw FileError(msg("graph.duplicate_layer_name", "graph node #{node}: duplicate layer name '{name}'",
                                {{"node", node}, {"name", n.name}}));
        g.nodes_.push_back(std::move(n));
    }
    return g;
}

}  // namespace cs
