// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/clusters.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

namespace placard {

namespace {

/// -1, 0 or +1: how worldToScreen() moves a point round the world, given its x − center x.
int wrapOf(double dx)
{
    return dx > 0.5 ? -1 : dx < -0.5 ? 1 : 0;
}

/// Past this many points, clustering takes both cores: a thread costs tens of microseconds.
constexpr std::size_t kTwoThreadsFrom = 100000;

bool isPlaced(const MapPoint &p)
{
    return !std::isnan(p.x) && !std::isnan(p.y);
}

} // namespace

ClusterBuilder::ClusterBuilder(QPointF center, double zoom, QSizeF viewport, double cell)
    : m_center(center)
    , m_viewport(viewport)
    , m_scale(256.0 * std::exp2(zoom))
    , m_cell(cell)
    , m_perCell(1.0 / cell)
    , m_margin(cell)
    , m_right(viewport.width() + cell)
    , m_bottom(viewport.height() + cell)
    , m_left(qint64(std::floor(-m_margin / cell)))
{
    Q_ASSERT(cell > 0);
    const qint64 columns = qint64(std::floor(m_right / cell)) - m_left + 1;
    const qint64 rows = qint64(std::floor(m_bottom / cell)) - m_left + 1;
    if (columns > 0 && rows > 0) {
        m_columns = columns;
        m_cells.resize(std::size_t(columns * rows));
    }
}

void ClusterBuilder::addAll(const MapPoint *points, std::size_t n, std::size_t firstIndex)
{
    // The same steps as add(), with the view's numbers in locals: the compiler cannot keep
    // members in registers across stores into the cells, which might (for all it knows)
    // overwrite them, and would load them all again for every point.
    const QPointF center = m_center;
    const QSizeF viewport = m_viewport;
    const double scale = m_scale;
    const double perCell = m_perCell;
    const double low = -m_margin;
    const double right = m_right;
    const double bottom = m_bottom;
    const qint64 left = m_left;
    const qint64 columns = m_columns;
    Cell *const cells = m_cells.data();
    std::size_t used = m_used;
    for (std::size_t k = 0; k < n; ++k) {
        const MapPoint &p = points[k];
        if (std::isnan(p.x) || std::isnan(p.y))
            continue;
        const QPointF s = projectAtScale(p.x, p.y, center, scale, viewport);
        if (s.x() < low || s.y() < low || s.x() > right || s.y() > bottom)
            continue;
        take(cells[cellOf(s, perCell, left, columns)], s, firstIndex + k, p.size, used);
    }
    m_used = used;
}

bool ClusterBuilder::outside(QPointF topLeft, QPointF bottomRight) const
{
    return bottomRight.x() < -m_margin || bottomRight.y() < -m_margin || topLeft.x() > m_right ||
        topLeft.y() > m_bottom;
}

bool ClusterBuilder::sameCell(QPointF a, QPointF b) const
{
    return floorToInt(a.x() / m_cell) == floorToInt(b.x() / m_cell) &&
        floorToInt(a.y() / m_cell) == floorToInt(b.y() / m_cell);
}

double ClusterBuilder::world(double screen, double center, double half) const
{
    return center + (screen - half) / m_scale;
}

void ClusterBuilder::addGroup(QPointF s, int count, double sumX, double sumY, qint64 known,
                              int unknown, std::size_t first)
{
    Cell &c = at(s);
    if (c.count == 0)
        ++m_used;
    c.count += count;
    c.first = std::min(c.first, first);
    c.sx += sumX;
    c.sy += sumY;
    c.known += known;
    c.unknown += unknown;
}

void ClusterBuilder::merge(const ClusterBuilder &other, std::size_t indexOffset)
{
    Q_ASSERT(other.m_cells.size() == m_cells.size());
    for (std::size_t k = 0; k < m_cells.size(); ++k) {
        const Cell &o = other.m_cells[k];
        if (o.count == 0)
            continue;
        Cell &c = m_cells[k];
        if (c.count == 0)
            ++m_used;
        c.count += o.count;
        c.first = std::min(c.first, o.first + indexOffset);
        c.sx += o.sx;
        c.sy += o.sy;
        c.known += o.known;
        c.unknown += o.unknown;
    }
}

std::vector<Cluster> ClusterBuilder::finish(const MapPoints &points) const
{
    std::vector<const Cell *> ordered;
    ordered.reserve(m_used);
    for (const Cell &c : m_cells) {
        if (c.count > 0)
            ordered.push_back(&c);
    }
    std::sort(ordered.begin(), ordered.end(),
              [](const Cell *l, const Cell *r) { return l->first < r->first; });
    std::vector<Cluster> out;
    out.reserve(ordered.size());
    for (const Cell *c : ordered) {
        Cluster cluster;
        cluster.count = c->count;
        cluster.knownSize = c->known;
        cluster.unknownSize = c->unknown;
        if (c->count == 1) {
            const MapPoint &p = points[c->first];
            cluster.single = &p;
            cluster.position = project(p.x, p.y);
        } else {
            cluster.position = {c->sx / c->count, c->sy / c->count};
        }
        out.push_back(cluster);
    }
    return out;
}

QPointF worldToScreen(QPointF world, QPointF center, double zoom, QSizeF viewport)
{
    return projectAtScale(world.x(), world.y(), center, 256.0 * std::exp2(zoom), viewport);
}

std::vector<Cluster> clusterPoints(const MapPoints &points, QPointF center, double zoom,
                                   QSizeF viewport, double cell)
{
    ClusterBuilder cells(center, zoom, viewport, cell);
    if (cells.isEmpty())
        return {};
    const auto gather = [&points](ClusterBuilder &into, std::size_t from, std::size_t to) {
        into.addAll(points.data() + from, to - from, from);
    };
    if (points.size() < kTwoThreadsFrom) {
        gather(cells, 0, points.size());
        return cells.finish(points);
    }
    // Half on a thread of its own (not the pool's, which may be busy drawing tiles), half
    // here; the sums of the two add up to the same clusters.
    ClusterBuilder second(center, zoom, viewport, cell);
    const std::size_t middle = points.size() / 2;
    std::thread helper(gather, std::ref(second), middle, points.size());
    gather(cells, 0, middle);
    helper.join();
    cells.merge(second, 0);
    return cells.finish(points);
}

ClusterGrid::ClusterGrid(std::shared_ptr<const MapPoints> points)
    : m_points(std::move(points))
{
    const MapPoints &p = *m_points;
    const auto square = [](float v) {
        return int(floorToInt(double(v) * kSide));
    };
    const auto inWorld = [](float v) {
        return v >= 0.0f && v < 1.0f;
    };
    // A counting sort by grid square: count, place, then sum bucket by bucket.
    constexpr quint32 kNone = std::numeric_limits<quint32>::max();
    Column<quint32> squareOf(p.size(), kNone);
    Column<quint32> count(std::size_t(kSide) * kSide + 1, 0);
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (!isPlaced(p[i]))
            continue;
        if (!inWorld(p[i].x) || !inWorld(p[i].y)) {
            m_strays.push_back(quint32(i));
            continue;
        }
        const quint32 s = quint32(square(p[i].y) * kSide + square(p[i].x));
        squareOf[i] = s;
        ++count[s + 1];
    }
    m_slot.assign(std::size_t(kSide) * kSide, 0);
    for (std::size_t s = 0; s + 1 < count.size(); ++s) {
        if (count[s + 1] > 0) {
            Bucket b;
            b.begin = count[s];
            b.end = count[s] + count[s + 1];
            m_buckets.push_back(b);
            m_slot[s] = quint32(m_buckets.size());
        }
        count[s + 1] += count[s];
    }
    const std::size_t placed = count.back();
    m_x.resize(placed);
    m_y.resize(placed);
    m_index.resize(placed);
    m_size.resize(placed);
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (squareOf[i] == kNone)
            continue;
        const quint32 k = count[squareOf[i]]++;
        m_x[k] = p[i].x;
        m_y[k] = p[i].y;
        m_index[k] = quint32(i);
        m_size[k] = p[i].size;
    }
    for (Bucket &b : m_buckets) {
        b.first = m_index[b.begin];
        b.minX = b.maxX = m_x[b.begin];
        b.minY = b.maxY = m_y[b.begin];
        for (quint32 k = b.begin; k < b.end; ++k) {
            b.minX = std::min(b.minX, m_x[k]);
            b.maxX = std::max(b.maxX, m_x[k]);
            b.minY = std::min(b.minY, m_y[k]);
            b.maxY = std::max(b.maxY, m_y[k]);
            b.sumX += m_x[k];
            b.sumY += m_y[k];
            if (m_size[k] >= 0)
                b.known += m_size[k];
            else
                ++b.unknown;
        }
    }
}

std::vector<Cluster> ClusterGrid::clusters(QPointF center, double zoom, QSizeF viewport,
                                           double cell) const
{
    ClusterBuilder cells(center, zoom, viewport, cell);
    if (cells.isEmpty())
        return {};
    const MapPoints &p = *m_points;
    for (quint32 i : m_strays)
        cells.add(cells.project(p[i].x, p[i].y), i, p[i].size);

    const auto visit = [&](const Bucket &b) {
        // Its points lie in the screen box of its bounding box when they all go round the
        // world the same way (projecting keeps the order of coordinates).
        if (wrapOf(double(b.minX) - center.x()) == wrapOf(double(b.maxX) - center.x())) {
            const QPointF topLeft = cells.project(b.minX, b.minY);
            const QPointF bottomRight = cells.project(b.maxX, b.maxY);
            if (cells.outside(topLeft, bottomRight))
                return;
            if (cells.inside(topLeft) && cells.inside(bottomRight) &&
                cells.sameCell(topLeft, bottomRight)) {
                const int n = int(b.end - b.begin);
                const double wrap = wrapOf(double(b.minX) - center.x());
                const QSizeF half = viewport / 2;
                cells.addGroup(topLeft, n,
                               n * half.width() +
                                   (b.sumX - n * center.x() + n * wrap) * cells.scale(),
                               n * half.height() + (b.sumY - n * center.y()) * cells.scale(),
                               b.known, int(b.unknown), b.first);
                return;
            }
        }
        for (quint32 k = b.begin; k < b.end; ++k)
            cells.add(cells.project(m_x[k], m_y[k]), m_index[k], m_size[k]);
    };

    // The squares under the view, one square of slack round it for rounding; every column
    // when the view is about as wide as the world.
    const auto clampRow = [](double y) {
        return int(std::clamp(std::floor(y * kSide), -1.0, double(kSide)));
    };
    const int top = std::max(0, clampRow(cells.worldTop()) - 1);
    const int bottom = std::min(kSide - 1, clampRow(cells.worldBottom()) + 1);
    const double left = std::floor(cells.worldLeft() * kSide) - 1;
    const double right = std::floor(cells.worldRight() * kSide) + 1;
    const bool allColumns = right - left + 1 >= kSide;
    const int firstColumn = allColumns ? 0 : int(left);
    const int lastColumn = allColumns ? kSide - 1 : int(right);
    for (int row = top; row <= bottom; ++row) {
        for (int c = firstColumn; c <= lastColumn; ++c) {
            const int column = ((c % kSide) + kSide) % kSide;
            if (const quint32 slot = m_slot[std::size_t(row) * kSide + std::size_t(column)])
                visit(m_buckets[slot - 1]);
        }
    }
    return cells.finish(p);
}

} // namespace placard
