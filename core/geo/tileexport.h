// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRectF>
#include <QString>

#include <atomic>
#include <functional>

namespace placard::geo {

class BasemapRenderer;

/// Where rendered tiles go.
enum class TileSink { XyzFolder, MBTiles };

/// Renders every tile of zooms [minZoom, maxZoom] that meets `bbox` (west, south, east,
/// north in degrees; a null rect means the world) into an XYZ folder (z/x/y.png, as
/// gdal2tiles --xyz makes) or an MBTiles file (whose rows count from the south: the TMS
/// flip). Tiles render on the global thread pool and are written in order on this thread;
/// an MBTiles file is written in one transaction, so a failure or a cancel leaves no file.
/// Returns the number of tiles written, or -1 with *error.
qint64 exportTiles(const BasemapRenderer &renderer, int minZoom, int maxZoom, const QRectF &bbox,
                   TileSink sink, const QString &destination, QString *error,
                   const std::atomic_bool *cancel = nullptr,
                   const std::function<void(qint64 done, qint64 total)> &progress = {});

/// The MBTiles row of an XYZ tile row at a zoom.
inline int mbtilesRow(int zoom, int y)
{
    return (1 << zoom) - 1 - y;
}

} // namespace placard::geo
