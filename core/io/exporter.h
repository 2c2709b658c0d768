// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace placard {
class Catalogue;
}

namespace placard::io {

/// The data formats events are exported to.
enum class ExportFormat { GeoPackage, GeoJson, Kml, FlatGeobuf, Shapefile, Csv };

/// The format a path's extension names: .gpkg, .geojson (or .json), .kml, .fgb, .shp,
/// .csv (case-insensitive); nothing for any other.
std::optional<ExportFormat> exportFormatForPath(const QString &path);

/// Stable lower-case name of a format, its usual extension: "gpkg", "geojson", "kml",
/// "fgb", "shp", "csv".
QString exportFormatName(ExportFormat format);

struct ExportOptions {
    std::optional<ExportFormat> format; ///< unset: from the path's extension
    bool csvBom = false; ///< start a CSV file with a UTF-8 byte-order mark (for Excel)
    QString layerName = QStringLiteral("events"); ///< the layer of the vector formats
};

/// The column (attribute) names an export writes, in order, for a format.
///
/// Layout. One row (feature) per event; the names are the importer's field names, so
/// that importing an export maps every column by itself:
///   placard_id       the event's id in the catalogue (not imported back)
///   date, end_date   first and last day, ISO 8601 text (YYYY-MM-DD) in every format
///   date_precision   day, month or year (a month event runs from its first to last day)
///   status           occurred, planned or cancelled
///   title            (KML: "name", the placemark's name)
///   type             the event type, then the further types, joined with "; "
///   place, locality, admin1, admin2, country
///   latitude, longitude   CSV only, WGS 84 degrees (shortest text that reads back the
///                    same double); the vector formats carry a point geometry instead
///   geo_precision    exact, locality, admin1 or country; empty when unplaced
///   size_low, size_high   crowd size estimates (64-bit integers), size_text as written
///   issues, organisers, participants, tags   each joined with "; "
///   claims
///   arrests, injuries, deaths   integers, empty (null) when unknown
///   property_damage
///   online           "true" or "false"
///   notes            (KML: "description", the placemark's description)
///   source           the sources' URLs (or descriptions) joined with "; "
///   source_outlet    the outlet when every source has the same one, else empty
///   sources_json     every source in full, a JSON array of {"url", "outlet",
///                    "published"}; the importer takes it over source and source_outlet
///   external_id      the dataset's own id of the event
///
/// Shapefile names are at most ten characters; the fixed table shortens date_precision
/// to date_prec, geo_precision to geo_prec, participants to particip, property_damage to
/// prop_dmg, source_outlet to outlet, sources_json to src_json and external_id to ext_id
/// (the importer knows these short names). Shapefile text is at most 254 bytes: longer
/// values are cut by GDAL.
///
/// KML: the title and notes are the placemark's name and description; GDAL's KML
/// writers give every placemark an id ("events.1"…), which the importer leaves aside
/// because it recognises this layout (PresetId::Placard).
///
/// Geometry: a point in EPSG:4326 (x longitude, y latitude) for a placed event. An
/// unplaced event is kept, with no geometry (a null shape in a shapefile).
///
/// CSV: RFC 4180 (comma, CRLF line ends, fields quoted when they hold a comma, quote,
/// CR or LF), UTF-8, with a byte-order mark when asked. A text cell that starts with
/// '=', '+', '-', '@', tab or CR gets a leading apostrophe so spreadsheets do not run it
/// as a formula; the numbers and dates Placard writes itself are never changed. The
/// apostrophe stays in the text when the file is imported again.
QStringList exportColumns(ExportFormat format);

/// Writes the events with these ids (in this order; ids no longer in the catalogue are
/// passed over) to a file, replacing it. The file is written under a temporary name in
/// the same folder and renamed once complete, so a failure or a cancel leaves no partial
/// file (a shapefile's .shp, .shx, .dbf, .prj and .cpg are renamed one after another).
/// False with *error naming the file on failure. `progress` is called on this thread
/// with events written and the total; `cancel` may be set from another.
bool exportEvents(const Catalogue &catalogue, const QList<qint64> &ids, const QString &path,
                  const ExportOptions &options, QString *error,
                  const std::atomic_bool *cancel = nullptr,
                  const std::function<void(qint64 done, qint64 total)> &progress = {});

} // namespace placard::io
