// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>

#include <cstdint>

namespace placard::geo {

/// Spherical Web Mercator (EPSG:3857) as the slippy-map tiles use it.
///
/// "World" coordinates are normalised to [0, 1] on both axes, x growing east from
/// longitude -180 and y growing south from latitude +85.0511; pixel coordinates at a
/// zoom are world coordinates times tileSize * 2^zoom. Latitudes beyond the Mercator
/// limit are clamped to it. All functions are pure and thread-safe.
namespace mercator {

/// The latitude, in degrees, where Web Mercator's square world ends.
inline constexpr double kMaxLatitude = 85.051128779806592;
/// Earth radius used by EPSG:3857, in metres.
inline constexpr double kEarthRadius = 6378137.0;

/// Degrees (WGS 84) to normalised world coordinates.
QPointF toWorld(double latitude, double longitude);
/// Normalised world coordinates back to degrees: x() is longitude, y() latitude.
QPointF fromWorld(QPointF world);

/// Degrees to pixel coordinates at a (possibly fractional) zoom.
QPointF toPixel(double latitude, double longitude, double zoom, int tileSize = 256);
/// Pixel coordinates at a zoom back to degrees: x() is longitude, y() latitude.
QPointF fromPixel(QPointF pixel, double zoom, int tileSize = 256);

/// Degrees to EPSG:3857 metres (x east, y north).
QPointF toMetres(double latitude, double longitude);

/// A slippy-map tile address (XYZ scheme: y counts from the north).
struct TileId {
    int z = 0;
    int x = 0;
    int y = 0;
    friend bool operator==(const TileId &, const TileId &) = default;
};

/// The tile at an integer zoom that holds a point; points on the east or south edge
/// belong to the last tile.
TileId tileAt(double latitude, double longitude, int zoom);

/// Ground resolution in metres per pixel at a latitude and zoom.
double metresPerPixel(double latitude, double zoom, int tileSize = 256);

} // namespace mercator
} // namespace placard::geo
