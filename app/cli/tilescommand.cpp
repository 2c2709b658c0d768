// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "geo/basemaprenderer.h"
#include "geo/tileexport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace placard::cli {

int tilesCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("cli",
                                    "Render the built-in basemap into an XYZ folder or an MBTiles "
                                    "file, for other tools or a trip."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("zoom"), QCoreApplication::translate("cli", "Zoom levels MIN-MAX (0-14)."),
         QStringLiteral("MIN-MAX")},
        {QStringLiteral("bbox"),
         QCoreApplication::translate("cli", "Only tiles meeting W,S,E,N (degrees)."),
         QStringLiteral("W,S,E,N")},
        {QStringLiteral("style"),
         QCoreApplication::translate("cli", "light or dark (default light)."),
         QStringLiteral("STYLE"), QStringLiteral("light")},
        {QStringLiteral("xyz"),
         QCoreApplication::translate("cli", "Write z/x/y.png files under DIR."),
         QStringLiteral("DIR")},
        {QStringLiteral("mbtiles"), QCoreApplication::translate("cli", "Write an MBTiles FILE."),
         QStringLiteral("FILE")},
    });
    parser.process(QStringList{QStringLiteral("placard-cli tiles")} + args);
    const QStringList zoom = parser.value(QStringLiteral("zoom")).split(QLatin1Char('-'));
    bool okMin = false, okMax = false;
    const int minZoom = zoom.value(0).toInt(&okMin);
    const int maxZoom = zoom.size() == 2 ? zoom.value(1).toInt(&okMax) : (okMax = okMin, minZoom);
    if (!okMin || !okMax) {
        printError(QCoreApplication::translate("cli", "--zoom MIN-MAX is needed, e.g. --zoom 0-6"));
        return Usage;
    }
    if (parser.isSet(QStringLiteral("xyz")) == parser.isSet(QStringLiteral("mbtiles"))) {
        printError(QCoreApplication::translate("cli", "give one of --xyz DIR or --mbtiles FILE"));
        return Usage;
    }
    std::optional<std::array<double, 4>> box;
    if (!readBbox(parser, box, false))
        return Usage;
    const QRectF bbox =
        box ? QRectF(QPointF((*box)[0], (*box)[1]), QPointF((*box)[2], (*box)[3])) : QRectF();
    const QString style = parser.value(QStringLiteral("style"));
    if (style != QLatin1StringView("light") && style != QLatin1StringView("dark")) {
        printError(QCoreApplication::translate("cli", "--style: light or dark"));
        return Usage;
    }
    QString error;
    auto data = geo::BasemapData::load(geo::BasemapData::defaultPath(), &error);
    if (!data) {
        printError(error);
        return Failed;
    }
    const geo::BasemapRenderer renderer(
        data,
        style == QLatin1StringView("dark") ? geo::BasemapStyle::Dark : geo::BasemapStyle::Light);
    const bool mbtiles = parser.isSet(QStringLiteral("mbtiles"));
    const QString out = parser.value(mbtiles ? QStringLiteral("mbtiles") : QStringLiteral("xyz"));
    const qint64 written =
        geo::exportTiles(renderer, minZoom, maxZoom, bbox,
                         mbtiles ? geo::TileSink::MBTiles : geo::TileSink::XyzFolder, out, &error);
    if (written < 0) {
        printError(error);
        return Failed;
    }
    printLine(QCoreApplication::translate("cli", "%1: %2 tiles").arg(out).arg(written));
    return Ok;
}

} // namespace placard::cli
