// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/webmercator.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace placard::geo::mercator {

namespace {
constexpr double kPi = std::numbers::pi;
constexpr double degToRad(double d)
{
    return d * kPi / 180.0;
}
constexpr double radToDeg(double r)
{
    return r * 180.0 / kPi;
}
} // namespace

QPointF toWorld(double latitude, double longitude)
{
    const double lat = std::clamp(latitude, -kMaxLatitude, kMaxLatitude);
    const double x = (longitude + 180.0) / 360.0;
    const double s = std::sin(degToRad(lat));
    const double y = 0.5 - std::log((1.0 + s) / (1.0 - s)) / (4.0 * kPi);
    return {x, y};
}

QPointF fromWorld(QPointF world)
{
    const double lon = world.x() * 360.0 - 180.0;
    const double lat = radToDeg(std::atan(std::sinh(kPi * (1.0 - 2.0 * world.y()))));
    return {lon, lat};
}

QPointF toPixel(double latitude, double longitude, double zoom, int tileSize)
{
    const double scale = tileSize * std::exp2(zoom);
    const QPointF w = toWorld(latitude, longitude);
    return {w.x() * scale, w.y() * scale};
}

QPointF fromPixel(QPointF pixel, double zoom, int tileSize)
{
    const double scale = tileSize * std::exp2(zoom);
    return fromWorld({pixel.x() / scale, pixel.y() / scale});
}

QPointF toMetres(double latitude, double longitude)
{
    const double lat = std::clamp(latitude, -kMaxLatitude, kMaxLatitude);
    const double x = kEarthRadius * degToRad(longitude);
    const double y = kEarthRadius * std::log(std::tan(kPi / 4.0 + degToRad(lat) / 2.0));
    return {x, y};
}

TileId tileAt(double latitude, double longitude, int zoom)
{
    const int n = 1 << zoom;
    const QPointF w = toWorld(latitude, longitude);
    const int x = std::clamp(static_cast<int>(std::floor(w.x() * n)), 0, n - 1);
    const int y = std::clamp(static_cast<int>(std::floor(w.y() * n)), 0, n - 1);
    return {zoom, x, y};
}

double metresPerPixel(double latitude, double zoom, int tileSize)
{
    const double circumference = 2.0 * kPi * kEarthRadius;
    return circumference * std::cos(degToRad(latitude)) / (tileSize * std::exp2(zoom));
}

} // namespace placard::geo::mercator
