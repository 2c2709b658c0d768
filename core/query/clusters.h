// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query/hugepages.h"

#include <QPointF>
#include <QSizeF>

#include <cmath>
#include <limits>
#include <memory>
#include <utility>
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

/// The points the map draws: a million at every filter change.
using MapPoints = std::vector<MapPoint, GrowsUnwritten<MapPoint>>;

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

/// worldToScreen() with the scale (256·2^zoom) worked out by the caller, once for many points.
inline QPointF projectAtScale(double x, double y, QPointF center, double scale, QSizeF viewport)
{
    double dx = x - center.x();
    // The shorter way round the world, so points across the antimeridian show.
    if (dx > 0.5)
        dx -= 1.0;
    else if (dx < -0.5)
        dx += 1.0;
    return {viewport.width() / 2 + dx * scale, viewport.height() / 2 + (y - center.y()) * scale};
}

/// std::floor() as an integer for the values met on a map, inlined: std::floor() is a call into
/// the maths library on baseline x86-64, and clustering takes two for every point.
inline qint64 floorToInt(double v)
{
    const qint64 i = qint64(v);
    return i - qint64(double(i) > v);
}

/// The clusters of one view gathered point by point, so that they can be made in the same pass
/// that produces the points (EventIndex::mapPoints) rather than in another over them all. Only
/// the screen cells over the viewport and its margin can receive a point: they are a flat array
/// indexed directly. Builders of the same view on separate threads merge into the same result.
class ClusterBuilder {
public:
    ClusterBuilder(QPointF center, double zoom, QSizeF viewport, double cell = 44.0);

    /// Whether the view has no room for a cell (an empty viewport).
    bool isEmpty() const { return m_cells.empty(); }
    /// How many cells have points so far.
    std::size_t clusterCount() const { return m_used; }
    double scale() const { return m_scale; }
    QSizeF viewport() const { return m_viewport; }
    /// The world rectangle the viewport and its margin show (x may run past 0 or 1).
    double worldLeft() const { return world(-m_margin, m_center.x(), m_viewport.width() / 2); }
    double worldRight() const { return world(m_right, m_center.x(), m_viewport.width() / 2); }
    double worldTop() const { return world(-m_margin, m_center.y(), m_viewport.height() / 2); }
    double worldBottom() const { return world(m_bottom, m_center.y(), m_viewport.height() / 2); }

    /// worldToScreen() for this view.
    QPointF project(double x, double y) const
    {
        return projectAtScale(x, y, m_center, m_scale, m_viewport);
    }
    bool inside(QPointF s) const
    {
        return !(s.x() < -m_margin || s.y() < -m_margin || s.x() > m_right || s.y() > m_bottom);
    }
    bool outside(QPointF topLeft, QPointF bottomRight) const;
    bool sameCell(QPointF a, QPointF b) const;

    /// Adds the point `index` at screen position `s`, if it is in view.
    void add(QPointF s, std::size_t index, qint64 size)
    {
        if (inside(s))
            take(at(s), s, index, size, m_used);
    }
    /// Adds n points in a row, the first of them number `firstIndex` (their places in the
    /// vector later given to finish()), those placed and in view, with the view's numbers
    /// kept in registers all along.
    void addAll(const MapPoint *points, std::size_t n, std::size_t firstIndex);
    /// Adds `count` points, all in view in the cell of `s`, from their sums.
    void addGroup(QPointF s, int count, double sumX, double sumY, qint64 known, int unknown,
                  std::size_t first);
    /// Adds what `other`, made for the same view, has gathered; its indices are counted from
    /// `indexOffset`.
    void merge(const ClusterBuilder &other, std::size_t indexOffset);

    /// The clusters, in the order of their first points; `points` are those the indices
    /// given to add() refer to, and a single cluster points into them.
    std::vector<Cluster> finish(const MapPoints &points) const;

private:
    struct Cell {
        double sx = 0;
        double sy = 0;
        qint64 known = 0;
        int count = 0;
        int unknown = 0;
        std::size_t first = std::numeric_limits<std::size_t>::max(); ///< smallest index
    };
    double world(double screen, double center, double half) const;
    /// The cell of screen position `s`, for cells `perCell` to the pixel from column (and
    /// row) `left`: a multiplication, not a division, two for each of a million points.
    static std::size_t cellOf(QPointF s, double perCell, qint64 left, qint64 columns)
    {
        const qint64 cx = floorToInt(s.x() * perCell) - left;
        const qint64 cy = floorToInt(s.y() * perCell) - left;
        return std::size_t(cy * columns + cx);
    }
    Cell &at(QPointF s) { return m_cells[cellOf(s, m_perCell, m_left, m_columns)]; }
    /// The cells of the view (not the one past them, for the points out of view).
    std::size_t cellCount() const { return m_cells.empty() ? 0 : m_cells.size() - 1; }
    /// Counts a point at `s` into its cell; `used` counts the cells in use. Without branches:
    /// whether a size is known is a coin toss from one point to the next.
    static void take(Cell &c, QPointF s, std::size_t index, qint64 size, std::size_t &used)
    {
        used += std::size_t(c.count++ == 0);
        c.first = std::min(c.first, index);
        c.sx += s.x();
        c.sy += s.y();
        c.known += size >= 0 ? size : 0;
        c.unknown += int(size < 0);
    }

    QPointF m_center;
    QSizeF m_viewport;
    double m_scale;
    double m_cell;
    double m_perCell;
    double m_margin;
    double m_right;
    double m_bottom;
    qint64 m_left; ///< the first cell's column (and row)
    qint64 m_columns = 0;
    std::vector<Cell> m_cells;
    std::size_t m_used = 0;
};

/// Groups the points visible in the viewport by a square grid of `cell` pixels; a lone
/// point stays single. Deterministic: the same input gives the same clusters in the same order
/// (the order of each cluster's first point). One pass over the points, no allocation per point.
std::vector<Cluster> clusterPoints(const MapPoints &points, QPointF center, double zoom,
                                   QSizeF viewport, double cell = 44.0);

/// The same points made ready to be clustered for many views (a pan, a zoom) at a small cost
/// each: they are bucketed by a fixed grid over the world, so that a view reads only the
/// buckets it overlaps, and takes a bucket whose points all fall in one screen cell from its
/// sums without reading them. Building costs a few passes over the points; it is immutable
/// afterwards, so it may be built on one thread and used on another.
class ClusterGrid {
public:
    explicit ClusterGrid(std::shared_ptr<const MapPoints> points);

    /// The points it was built from.
    const std::shared_ptr<const MapPoints> &points() const { return m_points; }
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
    // Columns in huge pages: a grid is made anew, tens of megabytes, after every change.
    std::shared_ptr<const MapPoints> m_points;
    Column<quint32> m_slot; ///< per grid square, row by row: 1 + its bucket, 0 when empty
    Column<Bucket> m_buckets;
    // The points, bucket by bucket, in index order within a bucket.
    Column<float> m_x;
    Column<float> m_y;
    Column<quint32> m_index;
    Column<qint64> m_size;
    std::vector<quint32> m_strays; ///< points outside the world square, looked at every time
};

} // namespace placard
