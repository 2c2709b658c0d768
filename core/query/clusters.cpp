// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/clusters.h"

#include "query/helperthread.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
        // One cell more, past the last: where addAll() counts the points out of view.
        m_cells.resize(std::size_t(columns * rows) + 1);
    }
}

namespace {

/// What addAll() needs of a view to place points, in locals: the compiler cannot keep members
/// in registers across stores into the cells, which might (for all it knows) overwrite them.
struct Placing {
    double centerX, centerY, halfWidth, halfHeight, scale, perCell, low, right, bottom;
    qint32 left, columns;
    quint32 outside; ///< the cell for a point out of view or unplaced
};

/// The screen position (x, y interleaved in `xy`) and the cell of each of n points, without a
/// branch: the same arithmetic as ClusterBuilder::add(), two coordinates at a time where the
/// processor has SSE2 (every x86-64 one). Placing, not counting, is most of clustering's time:
/// a million points on one thread took 7.7 ms point by point, 6.2 ms so (bench_map's parts).
void placeRun(const MapPoint *points, std::size_t n, const Placing &v, double *xy, quint32 *target)
{
#if defined(__SSE2__)
    const __m128d center = _mm_set_pd(v.centerY, v.centerX);
    const __m128d half = _mm_set_pd(v.halfHeight, v.halfWidth);
    const __m128d scale = _mm_set1_pd(v.scale);
    const __m128d perCell = _mm_set1_pd(v.perCell);
    const __m128d low = _mm_set1_pd(v.low);
    const __m128d high = _mm_set_pd(v.bottom, v.right);
    // The shorter way round the world, as projectAtScale(), for x only.
    const __m128d wrapAbove = _mm_set_pd(std::numeric_limits<double>::infinity(), 0.5);
    const __m128d wrapBelow = _mm_set_pd(-std::numeric_limits<double>::infinity(), -0.5);
    const __m128d one = _mm_set1_pd(1.0);
    for (std::size_t k = 0; k < n; ++k) {
        // x and y are the point's first 8 bytes.
        const __m128 world =
            _mm_castsi128_ps(_mm_loadl_epi64(reinterpret_cast<const __m128i *>(&points[k].x)));
        __m128d d = _mm_sub_pd(_mm_cvtps_pd(world), center);
        d = _mm_add_pd(d,
                       _mm_sub_pd(_mm_and_pd(_mm_cmplt_pd(d, wrapBelow), one),
                                  _mm_and_pd(_mm_cmpgt_pd(d, wrapAbove), one)));
        const __m128d s = _mm_add_pd(half, _mm_mul_pd(d, scale));
        // All ones where in view; false for NaN (an unplaced event) too.
        const __m128d in = _mm_and_pd(_mm_cmpge_pd(s, low), _mm_cmple_pd(s, high));
        const __m128d c = _mm_and_pd(_mm_mul_pd(s, perCell), in);
        const __m128i t = _mm_cvttpd_epi32(c);
        // Truncated, then one less where that went up: the floor.
        const __m128i up = _mm_castpd_si128(_mm_cmpgt_pd(_mm_cvtepi32_pd(t), c));
        const __m128i cell = _mm_add_epi32(t, _mm_shuffle_epi32(up, 0x08));
        const qint32 column = _mm_cvtsi128_si32(cell) - v.left;
        const qint32 row = _mm_cvtsi128_si32(_mm_shuffle_epi32(cell, 0x55)) - v.left;
        _mm_storeu_pd(xy + 2 * k, s);
        target[k] = _mm_movemask_pd(in) == 3 ? quint32(row * v.columns + column) : v.outside;
    }
#else
    for (std::size_t k = 0; k < n; ++k) {
        double dx = double(points[k].x) - v.centerX;
        dx += double(dx < -0.5) - double(dx > 0.5);
        const double sx = v.halfWidth + dx * v.scale;
        const double sy = v.halfHeight + (double(points[k].y) - v.centerY) * v.scale;
        const bool in = sx >= v.low && sy >= v.low && sx <= v.right && sy <= v.bottom;
        const qint64 column = floorToInt((in ? sx : 0.0) * v.perCell) - v.left;
        const qint64 row = floorToInt((in ? sy : 0.0) * v.perCell) - v.left;
        xy[2 * k] = sx;
        xy[2 * k + 1] = sy;
        target[k] = in ? quint32(row * v.columns + column) : v.outside;
    }
#endif
}

} // namespace

void ClusterBuilder::addAll(const MapPoint *points, std::size_t n, std::size_t firstIndex)
{
    if (m_cells.empty())
        return;
    // A run of points at a time: first where each goes (placeRun), then each counted into its
    // cell. A point out of view or unplaced goes to the cell past the last, emptied at the end.
    const Placing view{m_center.x(),
                       m_center.y(),
                       m_viewport.width() / 2,
                       m_viewport.height() / 2,
                       m_scale,
                       m_perCell,
                       -m_margin,
                       m_right,
                       m_bottom,
                       qint32(m_left),
                       qint32(m_columns),
                       quint32(m_cells.size() - 1)};
    Cell *const cells = m_cells.data();
    std::size_t used = m_used;
    constexpr std::size_t kRun = 256;
    std::array<double, 2 * kRun> xy;
    std::array<quint32, kRun> target;
    for (std::size_t from = 0; from < n; from += kRun) {
        const std::size_t m = std::min(kRun, n - from);
        const MapPoint *run = points + from;
        placeRun(run, m, view, xy.data(), target.data());
        for (std::size_t k = 0; k < m; ++k)
            take(cells[target[k]], QPointF(xy[2 * k], xy[2 * k + 1]), firstIndex + from + k,
                 run[k].size, used);
    }
    used -= std::size_t(cells[view.outside].count > 0);
    cells[view.outside] = Cell{};
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
    for (std::size_t k = 0; k < cellCount(); ++k) {
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
    for (std::size_t k = 0; k < cellCount(); ++k) {
        if (m_cells[k].count > 0)
            ordered.push_back(&m_cells[k]);
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
    {
        HelperThread helper([&] { gather(second, middle, points.size()); });
        gather(cells, 0, middle);
    }
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
