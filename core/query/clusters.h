// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QSizeF>

#include <vector>

namespace placard {

/// An event as the map draws it: Web Mercator world position ([0, 1]) and what styles it.
struct MapPoint {
    float x = 0;
    float y = 0;
    qint64 id = 0;
    qint64 type = 0;
    qint64 size = -1; ///< known crowd size, -1 unknown
    quint8 precision = 0; ///< GeoPrecision
};

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
/// point stays single. Deterministic: the same input gives the same clusters in the same order.
std::vector<Cluster> clusterPoints(const std::vector<MapPoint> &points, QPointF center, double zoom,
                                   QSizeF viewport, double cell = 44.0);

} // namespace placard
