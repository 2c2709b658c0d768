// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QSizeF>

#include <memory>
#include <vector>

namespace placard {

/// An event as the map draws it: Web Mercator world position ([0, 1]) and what styles it.
struct MapPoint {
    float x = 0;
    float y = 0;
    qint64 id = 0;
    qint32 type = 0; ///< event type id
    qint32 size = -1; ///< known crowd size (at most 2^31 - 1), -1 unknown
    quint8 precision = 0; ///< GeoPrecision
    quint8 datePrecision = 0; ///< DatePrecision: only the month or year may be known
};
// 32 bytes: a million points are written at every filter change.
static_assert(sizeof(MapPoint) == 32);

/// Events that fall together on screen, drawn as one symbol.
struct Cluster {
    QPointF position; ///< screen pixels: the mean of its events
    int count = 0;
    qint64 knownSize = 0; ///< sum of the known crowd sizes
    int unknownSize = 0; ///< events of unknown size
    const MapPoint *single = nullptr; ///< the event, when count is 1
};

/// Web Mercator world coordinates to screen pixels for a view: `center` in world units,
/// `zoom` as Qt Location counts it (256·2^zoom pixels round the world).
QPointF worldToScreen(QPointF world, QPointF center, double zoom, QSizeF viewport);

/// Groups the points visible in the viewport by a square grid of `cell` pixels; a lone
/// point stays single. Deterministic: the same input gives the same clusters in the same order
/// (the order of each cluster's first point). One pass over the points, no allocation per point.
std::vector<Cluster> clusterPoints(const std::vector<MapPoint> &points, QPointF center, double zoom,
                                   QSizeF viewport, double cell = 44.0);

/// The same points made ready to be clustered for many views (a pan, a zoom) at a small cost
/// each: they are bucketed by a fixed grid over the world, so that a view reads only the
/// buckets it overlaps, and takes a bucket whose points all fall in one screen cell from its
/// sums without reading them. Building costs a few passes over the points; it is immutable
/// afterwards, so it may be built on one thread and used on another.
class ClusterGrid {
public:
    explicit ClusterGrid(std::shared_ptr<const std::vector<MapPoint>> points);

    /// The points it was built from.
    const std::shared_ptr<const std::vector<MapPoint>> &points() const { return m_points; }
    /// What clusterPoints(*points(), …) gives: the same clusters in the same order, their
    /// positions equal to rounding (sums are taken in another order).
    std::vector<Cluster> clusters(QPointF center, double zoom, QSizeF viewport,
                                  double cell = 44.0) const;

private:
    static constexpr int kSide = 512; ///< buckets along each axis of the world
    struct Bucket {
        quint32 begin = 0; ///< its points: [begin, end) in the arrays below
        quint32 end = 0;
        float minX = 0, maxX = 0, minY = 0, maxY = 0; ///< their bounding box
        double sumX = 0, sumY = 0;
        qint64 known = 0; ///< sum of the known sizes
        quint32 unknown = 0; ///< points of unknown size
        quint32 first = 0; ///< smallest index
    };
    std::shared_ptr<const std::vector<MapPoint>> m_points;
    std::vector<quint32> m_slot; ///< per grid square, row by row: 1 + its bucket, 0 when empty
    std::vector<Bucket> m_buckets;
    // The points, bucket by bucket, in index order within a bucket.
    std::vector<float> m_x;
    std::vector<float> m_y;
    std::vector<quint32> m_index;
    std::vector<qint64> m_size;
    std::vector<quint32> m_strays; ///< points outside the world square, looked at every time
};

} // namespace placard
