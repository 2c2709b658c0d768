// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/recordsource.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace placard::io {

/// One layer of a vector file, as a layer list shows it.
struct VectorLayerInfo {
    QString name;
    qint64 featureCount = -1; ///< -1 when GDAL cannot count them
    QString geometryType; ///< GDAL's name: "Point", "3D Multi Polygon", "None"…
};

/// The layers of a file GDAL reads as vectors, in the file's order; nothing, with *error
/// naming the file, when GDAL cannot open it. Counting may read the whole file: call it
/// off the GUI thread.
std::optional<QList<VectorLayerInfo>> listVectorLayers(const QString &path, QString *error);

/// One layer of a vector file GDAL reads (GeoPackage, GeoJSON, KML/KMZ, Shapefile,
/// FlatGeobuf, GPX…) as records for the importer.
///
/// Columns: the layer's attribute fields, named as in the layer, then, when the layer
/// has geometries, the geometry's latitude and longitude in WGS 84 degrees (named
/// "latitude" and "longitude", or "geometry latitude" and "geometry longitude" when an
/// attribute already has that name). autoMapping() maps those two to the event's
/// coordinates and ignores attributes that would map there: the geometry wins, and a
/// feature without one is unplaced (the geocoder may place it from its place columns).
/// A layer without geometries keeps its attribute coordinates.
///
/// Values: numbers in C notation (shortest text that reads back as the same double),
/// dates as ISO 8601 (date times with their offset when known, "Z" for UTC), booleans
/// "true"/"false", lists joined with "; ". A null or unset field is empty.
///
/// Geometry: reprojected from the layer's CRS to WGS 84 (a layer without a CRS is read
/// as longitude/latitude, with a note). A point (or a multipoint of one point) gives its
/// coordinates; any other geometry gives its centroid, computed in the layer's CRS, and
/// one warning problem on that record naming the geometry type.
///
/// A record's line is its 1-based position in the layer; errors name the file, the
/// layer and the feature id (FID). Features are read one at a time, so memory stays
/// constant where the GDAL driver streams (GeoPackage, Shapefile, FlatGeobuf, GeoJSON,
/// GPX); KML is held whole by GDAL.
class VectorSource final : public RecordSource {
public:
    ~VectorSource() override;
    VectorSource(const VectorSource &) = delete;
    VectorSource &operator=(const VectorSource &) = delete;

    /// Opens a layer of a file; with an empty name, the only layer, or else the only one
    /// holding features. Nothing, with *error naming the file (and the layers to choose
    /// from), when GDAL cannot read the file or the layer is not there or not chosen.
    static std::unique_ptr<VectorSource> open(const QString &path, const QString &layer,
                                              QString *error);

    /// The columns holding the geometry's latitude and longitude, -1 without geometries.
    int latitudeColumn() const;
    int longitudeColumn() const;

    QString displayName() const override;
    QStringList header() const override;
    bool hasHeader() const override { return true; }
    bool read(SourceRecord &record) override;
    QString errorString() const override;
    Mapping autoMapping(std::optional<PresetId> preset,
                        const QStringList &firstRecord) const override;
    /// The GDAL driver's short name in lower case: "gpkg", "geojson", "libkml", "esri
    /// shapefile", "flatgeobuf", "gpx"…
    QString format() const override;
    /// Features read, and the layer's feature count.
    qint64 position() const override;
    qint64 total() const override;
    QString layer() const override;
    QList<ImportProblem> notes() const override;

private:
    struct State;
    explicit VectorSource(std::unique_ptr<State> state);

    std::unique_ptr<State> m_state;
};

} // namespace placard::io
