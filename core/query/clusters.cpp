// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/clusters.h"

#include <QHash>

#include <cmath>

namespace placard {

QPointF worldToScreen(QPointF world, QPointF center, double zoom, QSizeF viewport)
{
    const double scale = 256.0 * std::exp2(zoom);
    double dx = world.x() - center.x();
    // The shorter way round the world, so points across the antimeridian show.
    if (dx > 0.5)
        dx -= 1.0;
    else if (dx < -0.5)
        dx += 1.0;
    return {viewport.width() / 2 + dx * scale,
            viewport.height() / 2 + (world.y() - center.y()) * scale};
}

std::vector<Cluster> clusterPoints(const std::vector<MapPoint> &points, QPointF center, double zoom,
                                   QSizeF viewport, double cell)
{
    struct Acc {
        double sx = 0, sy = 0;
        int count = 0;
        qint64 known = 0;
        int unknown = 0;
        const MapPoint *first = nullptr;
        qsizetype order = 0;
    };
    QHash<quint64, Acc> cells;
    const double margin = cell;
    for (const MapPoint &p : points) {
        if (std::isnan(p.x))
            continue;
        const QPointF s = worldToScreen({p.x, p.y}, center, zoom, viewport);
        if (s.x() < -margin || s.y() < -margin || s.x() > viewport.width() + margin ||
            s.y() > viewport.height() + margin)
            continue;
        const qint64 cx = qint64(std::floor(s.x() / cell));
        const qint64 cy = qint64(std::floor(s.y() / cell));
        Acc &a = cells[(quint64(cx) << 32) ^ quint64(cy & 0xffffffff)];
        if (a.count == 0) {
            a.first = &p;
            a.order = cells.size();
        }
        a.sx += s.x();
        a.sy += s.y();
        ++a.count;
        if (p.size >= 0)
            a.known += p.size;
        else
            ++a.unknown;
    }
    std::vector<std::pair<qsizetype, Cluster>> ordered;
    ordered.reserve(std::size_t(cells.size()));
    for (const Acc &a : std::as_const(cells)) {
        Cluster c;
        c.count = a.count;
        c.knownSize = a.known;
        c.unknownSize = a.unknown;
        if (a.count == 1) {
            c.single = a.first;
            c.position = worldToScreen({a.first->x, a.first->y}, center, zoom, viewport);
        } else {
            c.position = {a.sx / a.count, a.sy / a.count};
        }
        ordered.push_back({a.order, c});
    }
    std::sort(ordered.begin(), ordered.end(),
              [](const auto &l, const auto &r) { return l.first < r.first; });
    std::vector<Cluster> out;
    out.reserve(ordered.size());
    for (auto &o : ordered)
        out.push_back(o.second);
    return out;
}

} // namespace placard
