// SPDX-License-Identifier: GPL-3.0-or-later
// Built-in basemap speed: single tiles at zooms 3, 6 and 9 over the United States and
// Europe (median, p95), and every tile of zooms 0–6 of the world on all cores.
#include "geo/basemaprenderer.h"
#include "geo/tileexport.h"
#include "geo/webmercator.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace placard::geo;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    QString error;
    QElapsedTimer timer;
    timer.start();
    auto data = BasemapData::load(BasemapData::defaultPath(), &error);
    if (!data) {
        QTextStream(stderr) << error << "\n";
        return 1;
    }
    const double loadMs = timer.nsecsElapsed() / 1e6;
    const BasemapRenderer renderer(data, BasemapStyle::Light);

    struct Area {
        double west, south, east, north;
    };
    const Area areas[] = {{-125, 25, -67, 49}, {-10, 36, 30, 60}};
    QList<double> times;
    for (int zoom : {3, 6, 9}) {
        for (const Area &a : areas) {
            const mercator::TileId nw = mercator::tileAt(a.north, a.west, zoom);
            const mercator::TileId se = mercator::tileAt(a.south, a.east, zoom);
            // At most 8×8 tiles per area and zoom, spread evenly over it.
            const int stepX = std::max(1, (se.x - nw.x + 1) / 8);
            const int stepY = std::max(1, (se.y - nw.y + 1) / 8);
            for (int x = nw.x; x <= se.x; x += stepX) {
                for (int y = nw.y; y <= se.y; y += stepY) {
                    renderer.renderTile(zoom, x, y); // labels of this zoom placed once, untimed
                    timer.restart();
                    const QImage tile = renderer.renderTile(zoom, x, y);
                    times.append(timer.nsecsElapsed() / 1e6);
                    Q_UNUSED(tile);
                }
            }
        }
    }
    std::sort(times.begin(), times.end());
    const double median = times.at(times.size() / 2);
    const double p95 =
        times.at(std::min<qsizetype>(times.size() - 1, qsizetype(times.size() * 0.95)));

    QTemporaryDir dir;
    timer.restart();
    const qint64 written =
        exportTiles(renderer, 0, 6, QRectF(), TileSink::XyzFolder, dir.path(), &error);
    const double worldSeconds = timer.nsecsElapsed() / 1e9;
    if (written < 0) {
        QTextStream(stderr) << error << "\n";
        return 1;
    }
    out << QStringLiteral("bench: tile_samples = %1 tiles\n").arg(times.size());
    out << QStringLiteral("bench: tile_median_ms = %1 ms\n").arg(median, 0, 'f', 1);
    out << QStringLiteral("bench: tile_p95_ms = %1 ms\n").arg(p95, 0, 'f', 1);
    out << QStringLiteral("bench: tiles_world_z0_6_s = %1 s\n").arg(worldSeconds, 0, 'f', 1);
    out << QStringLiteral("bench: tiles_world_z0_6_count = %1 tiles\n").arg(written);
    out << QStringLiteral("bench: basemap_load_ms = %1 ms\n").arg(loadMs, 0, 'f', 0);
    return 0;
}
