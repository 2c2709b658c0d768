// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query/clusters.h"

#include <QRectF>
#include <QSizeF>

#include <optional>

namespace placard {

/// The smallest rectangle of Web Mercator world units that holds every placed point, going
/// the shorter way round the world: its left edge is in [0, 1), and its right edge runs past
/// 1 when the points lie on both sides of the antimeridian (Fiji, the Aleutians). Points
/// spread so evenly round the world that no gap of 1/1024 of it is free of them give the
/// whole width [0, 1]. Nothing when no point is placed.
std::optional<QRectF> pointsExtent(const MapPoints &points);

/// Where a map shows a rectangle of the world.
struct MapFit {
    double latitude = 0;
    double longitude = 0;
    double zoom = 0;
};

/// The centre and zoom at which `extent` (world units, as pointsExtent() gives it) fills a
/// viewport of `size` pixels with `margin` pixels spare on every side; never closer than
/// `maxZoom` (a single event is shown at that zoom) nor further out than zoom 0.
MapFit fitExtent(const QRectF &extent, QSizeF size, double margin, double maxZoom);

} // namespace placard
