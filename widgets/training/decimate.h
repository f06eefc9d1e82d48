#pragma once
// Reduces a long series to what a chart can draw smoothly: the points of [xMin, xMax] in
// buckets of equal count, each bucket drawn as its minimum and maximum (in x order), so spikes
// survive. The first and last points of the range are always kept.
#include <QList>
#include <QPointF>
#include <QVector>

namespace cs::gui {

// `points` must be sorted by x. Returns at most `maxPoints` points (maxPoints >= 4), plus the
// neighbours just outside the range so lines run to the plot's edges.
QList<QPointF> decimate(const QVector<QPointF>& points, int maxPoints, double xMin, double xMax);
QList<QPointF> decimate(const QVector<QPointF>& points, int maxPoints);

}  // namespace cs::gui
