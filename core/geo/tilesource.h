// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/basemaprenderer.h"

#include <QString>

class QSettings;

namespace placard::geo {

/// Where the map's tiles come from. The built-in basemap is the default; online tiles are
/// off until the user chooses them, since a tile server learns which places one looks at.
enum class TileSourceKind { BuiltIn, XyzFolder, MBTiles, OpenStreetMap };

/// The map's tile source as the user chose it, remembered between sessions.
struct TileSourceSettings {
    TileSourceKind kind = TileSourceKind::BuiltIn;
    QString path; ///< the XYZ folder or the MBTiles file
    BasemapStyle style = BasemapStyle::Light;

    static TileSourceSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    friend bool operator==(const TileSourceSettings &, const TileSourceSettings &) = default;
};

/// OpenStreetMap's standard tile layer and the credit its tile policy asks for.
inline constexpr const char *kOpenStreetMapTemplate = "https://tile.openstreetmap.org/%z/%x/%y.png";
inline constexpr const char *kOpenStreetMapAttribution = "© OpenStreetMap contributors";

} // namespace placard::geo
