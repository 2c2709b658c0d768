// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/mapextent.h"

#include "geo/webmercator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace placard {

std::optional<QRectF> pointsExtent(const MapPoints &points)
{
    // The points' x on a circle: the extent is the circle less its widest gap. The gap is
    // found from the least and greatest x in each of kBuckets slices of the world, without
    // sorting a million points: a gap between slices is measured exactly, and one inside a
    // slice is narrower than a slice.
    constexpr int kBuckets = 1024;
    constexpr float kNone = std::numeric_limits<float>::infinity();
    std::array<float, kBuckets> low;
    std::array<float, kBuckets> high;
    low.fill(kNone);
    high.fill(-kNone);
    float top = kNone;
    float bottom = -kNone;
    for (const MapPoint &p : points) {
        if (std::isnan(p.x) || std::isnan(p.y))
            continue;
        const float x = std::clamp(p.x, 0.0f, 1.0f);
        const int b = std::min(kBuckets - 1, int(x * kBuckets));
        low[b] = std::min(low[b], x);
        high[b] = std::max(high[b], x);
        top = std::min(top, p.y);
        bottom = std::max(bottom, p.y);
    }
    if (top == kNone)
        return std::nullopt;

    // Each occupied slice and the next one round the circle: the gap runs from this one's
    // greatest x to that one's least, and the points cover the rest, from that least x on
    // round to this greatest.
    int first = 0;
    while (low[first] == kNone)
        ++first;
    double widest = -1;
    double left = 0;
    double right = 1;
    int previous = first;
    for (int step = 1; step <= kBuckets; ++step) {
        const int b = (first + step) % kBuckets;
        if (low[b] == kNone)
            continue;
        const double gap = double(low[b]) - high[previous] + (b > previous ? 0.0 : 1.0);
        if (gap > widest) {
            widest = gap;
            left = low[b];
            right = high[previous];
        }
        previous = b;
    }
    if (widest < 1.0 / kBuckets) {
        left = 0;
        right = 1;
    }
    if (right < left)
        right += 1.0;
    if (left >= 1.0) { // a point on the antimeridian's east side, x = 1
        left -= 1.0;
        right -= 1.0;
    }
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

MapFit fitExtent(const QRectF &extent, QSizeF size, double margin, double maxZoom)
{
    const double width = std::max(1.0, size.width() - 2 * margin);
    const double height = std::max(1.0, size.height() - 2 * margin);
    double zoom = maxZoom;
    if (extent.width() > 0)
        zoom = std::min(zoom, std::log2(width / (256.0 * extent.width())));
    if (extent.height() > 0)
        zoom = std::min(zoom, std::log2(height / (256.0 * extent.height())));
    double x = extent.center().x();
    if (x >= 1.0)
        x -= 1.0;
    const QPointF lonLat = geo::mercator::fromWorld(QPointF(x, extent.center().y()));
    return {lonLat.y(), lonLat.x(), std::max(0.0, zoom)};
}

} // namespace placard
