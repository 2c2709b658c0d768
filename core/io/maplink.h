// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

#include <optional>

namespace placard::io {

/// A point as latitude and longitude, in that order, not yet range-checked.
struct RawPoint {
    double latitude = 0;
    double longitude = 0;
};

/// The point a link to a web map shows, as people paste them into hand-made lists:
/// "geo:52.52,13.405" (RFC 5870), "https://www.google.com/maps/place/…/@52.52,13.405,15z",
/// "https://maps.google.com/?q=52.52,13.405" (also ll=, query=, center=, destination=),
/// "https://www.openstreetmap.org/?mlat=52.52&mlon=13.405",
/// "…openstreetmap.org/#map=15/52.52/13.405", "https://www.bing.com/maps?cp=52.52~13.405".
/// std::nullopt for anything else.
std::optional<RawPoint> pointFromMapLink(QStringView text);

/// The point of a GeoJSON Point geometry or of a Feature holding one
/// ({"type":"Point","coordinates":[13.405,52.52]}: longitude first). std::nullopt otherwise.
std::optional<RawPoint> pointFromGeoJson(QStringView text);

} // namespace placard::io
