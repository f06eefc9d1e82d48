#include "designer/auto_layout.h"

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "designer/designer_metrics.h"

namespace cs::gui {

std::map<int, QPointF> autoLayout(const GraphSpec& graph) {
    const auto& nodes = graph.nodes();
    std::unordered_map<int, int> indexOf;
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i) indexOf[nodes[i].id] = i;

    // Depth-first search from every node in graph order; an input still on the stack closes
    // a cycle and is ignored, so the layering is defined for any graph the user can draw.
    std::vector<int> row(nodes.size(), -1);
    std::vector<char> state(nodes.size(), 0);  // 0 new, 1 on stack, 2 done
    std::function<int(int)> depth = [&](int i) -> int {
        if (state[i] == 2) return row[i];
        if (state[i] == 1) return -1;
        state[i] = 1;
        int r = 0;
        for (int in : nodes[i].inputs) {
            auto it = indexOf.find(in);
            if (it == indexOf.end()) continue;
            const int d = depth(it->second);
            if (d >= 0) r = std::max(r, d + 1);
        }
        state[i] = 2;
        row[i] = r;
        return r;
    };
    int rows = 0;
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i) rows = std::max(rows, depth(i) + 1);

    std::vector<std::vector<int>> byRow(rows);
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i) byRow[row[i]].push_back(i);

    std::vector<double> centreX(nodes.size(), 0.0);
    std::map<int, QPointF> out;
    for (int r = 0; r < rows; ++r) {
        auto& members = byRow[r];
        std::vector<double> key(nodes.size(), 0.0);
        for (int i : members) {
            double sum = 0;
            int n = 0;
            for (int in : nodes[i].inputs) {
                auto it = indexOf.find(in);
                if (it == indexOf.end() || row[it->second] >= r) continue;
                sum += centreX[it->second];
                ++n;
            }
            key[i] = n ? sum / n : 0.0;
        }
        std::stable_sort(members.begin(), members.end(), [&](int a, int b) { return key[a] < key[b]; });
        const double width = (static_cast<double>(members.size()) - 1.0) * metrics::kColStep;
        // Start from the inputs' mean so a lone branch stays under its parent.
        double meanKey = 0;
        for (int i : members) meanKey += key[i];
        meanKey = members.empty() ? 0 : meanKey / members.size();
        double x = meanKey - width / 2;
        for (int i : members) {
            centreX[i] = x;
            out[nodes[i].id] = QPointF(x - metrics::kCardWidth / 2, r * metrics::kRowStep);
            x += metrics::kColStep;
        }
    }
    return out;
}

bool needsLayout(const GraphSpec& graph) {
    const auto& nodes = graph.nodes();
    if (nodes.size() < 2) return false;
    for (const auto& n : nodes)
        if (n.x != nodes.front().x || n.y != nodes.front().y) return false;
    return true;
}

}  // namespace cs::gui
