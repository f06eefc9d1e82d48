#pragma once
// The pure description of a model that the user edits: a DAG of nodes, each with a stable id,
// a layer kind, a unique name, options and the ids of its inputs. The designer position is
// metadata the engine ignores.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace cs {

struct NodeSpec {
    int id = 0;
    std::string kind;                                   // registry key: "Conv2D"
    std::string name;                                   // unique within the graph: "conv2d_1"
    nlohmann::json options = nlohmann::json::object();  // as the user set them (defaults may be absent)
    std::vector<int> inputs;                            // ids of the nodes feeding this one, in order
    double x = 0, y = 0;                                // designer position
    // False: training leaves this layer's parameters and state as they are, and it runs in
    // inference mode (BatchNormalization with its stored statistics, no dropout). Written to
    // files only when false, so a file without the key has every layer trainable.
    bool trainable = true;

    bool operator==(const NodeSpec& o) const;
};

class GraphSpec {
public:
    std::vector<NodeSpec>& nodes() { return nodes_; }
    const std::vector<NodeSpec>& nodes() const { return nodes_; }

    NodeSpec* find(int id);
    const NodeSpec* find(int id) const;
    const NodeSpec* findByName(const std::string& name) const;
    int nextId() const;  // one more than the largest id in use
    // "conv2d", "conv2d_1", ...: Keras-style snake_case name not yet in use.
    std::string uniqueName(const std::string& kind) const;

    // Appends a node of `kind` fed by `inputIds` and returns its id.
    int add(const std::string& kind, nlohmann::json options = nlohmann::json::object(), std::vector<int> inputIds = {},
            std::string name = {});
    // Builds a plain chain: every node fed by the previous one (what Keras's Sequential does).
    static GraphSpec sequential(const std::vector<std::pair<std::string, nlohmann::json>>& layers);

    nlohmann::json toJson() const;
    // Throws FileError on malformed structure (missing keys, duplicate ids or names).
    static GraphSpec fromJson(const nlohmann::json& j);

    bool operator==(const GraphSpec& o) const { return nodes_ == o.nodes_; }

private:
    std::vector<NodeSpec> nodes_;
};

}  // namespace cs
