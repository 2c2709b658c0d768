// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/tilesource.h"

#include <QSettings>

namespace placard::geo {

namespace {
QString kindName(TileSourceKind kind)
{
    switch (kind) {
    case TileSourceKind::BuiltIn:
        return QStringLiteral("builtin");
    case TileSourceKind::XyzFolder:
        return QStringLiteral("xyz");
    case TileSourceKind::MBTiles:
        return QStringLiteral("mbtiles");
    case TileSourceKind::OpenStreetMap:
        return QStringLiteral("osm");
    }
    return {};
}
} // namespace

TileSourceSettings TileSourceSettings::load(const QSettings &settings)
{
    TileSourceSettings s;
    const QString kind = settings.value(QStringLiteral("tiles/source")).toString();
    for (TileSourceKind k : {TileSourceKind::BuiltIn, TileSourceKind::XyzFolder,
                             TileSourceKind::MBTiles, TileSourceKind::OpenStreetMap}) {
        if (kind == kindName(k))
            s.kind = k;
    }
    s.path = settings.value(QStringLiteral("tiles/path")).toString();
    s.style = settings.value(QStringLiteral("tiles/style")).toString() == QLatin1StringView("dark")
        ? BasemapStyle::Dark
        : BasemapStyle::Light;
    return s;
}

void TileSourceSettings::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("tiles/source"), kindName(kind));
    settings.setValue(QStringLiteral("tiles/path"), path);
    settings.setValue(QStringLiteral("tiles/style"), styleName(style));
}

} // namespace placard::geo
