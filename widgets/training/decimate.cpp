#include "training/decimate.h"

#include <algorithm>

namespace cs::gui {

QList<QPointF> decimate(const QVector<QPointF>& points, int maxPoints) {
    if (points.isEmpty()) return {};
    return decimate(points, maxPoints, points.front().x(), points.back().x());
}

QList<QPointF> decimate(const QVector<QPointF>& points, int maxPoints, double xMin, double xMax) {
    QList<QPointF> out;
    if (points.isEmpty()) return out;
    maxPoints = std::max(maxPoints, 4);
    const auto byX = [](const QPointF& p, double x) { return p.x() < x; };
    auto first = std::lower_bound(points.begin(), points.end(), xMin, byX);
    auto last = std::upper_bound(first, points.end(), xMax, [](double x, const QPointF& p) { return x < p.x(); });
    if (first != points.begin()) --first;  // the neighbour left of the range
    if (last != points.end()) ++last;      // the neighbour right of the range (exclusive end)
    const qsizetype n = last - first;
    if (n <= maxPoints) {
        out.reserve(n);
        for (auto it = first; it != last; ++it) out.append(*it);
        return out;
    }
    // Endpoints kept apart, the rest in (maxPoints - 2) / 2 buckets of min and max.
    const qsizetype inner = n - 2;
    const qsizetype buckets = (maxPoints - 2) / 2;
    out.reserve(maxPoints);
    out.append(*first);
    for (qsizetype b = 0; b < buckets; ++b) {
        const auto begin = first + 1 + inner * b / buckets;
        const auto end = first + 1 + inner * (b + 1) / buckets;
        if (begin == end) continue;
        auto [lo, hi] =
            std::minmax_element(begin, end, [](const QPointF& a, const QPointF& c) { return a.y() < c.y(); });
        if (lo == hi || lo->y() == hi->y()) {  // a flat bucket needs one point
            out.append(*lo);
        } else if (lo < hi) {
            out.append(*lo);
            out.append(*hi);
        } else {
            out.append(*hi);
            out.append(*lo);
        }
    }
    out.append(*(last - 1));
    return out;
}

}  // namespace cs::gui
