// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPainterPath>
#include <QRectF>
#include <QString>

#include <memory>

namespace placard::geo {

/// The built-in basemap's vector data, read once from resources/basemap/basemap.gpkg and
/// turned into painter paths in Web Mercator world coordinates ([0, 1] on both axes, see
/// mercator::toWorld). Immutable after loading, so any number of rendering threads may
/// share it.
class BasemapData {
public:
    /// A shape with its bounds, both in world coordinates.
    struct Shape {
        QPainterPath path;
        QRectF bounds;
        int rank = 0; ///< scalerank where the source has one (smaller is more important)
    };
    /// A populated place that may be labelled.
    struct Place {
        QPointF world;
        QString name;
        qint64 population = 0;
        int rank = 6; ///< 1 (biggest cities and capitals) … 6
        bool capital = false;
    };

    /// Reads a basemap GeoPackage; nullptr and *error when it is missing or incomplete.
    static std::shared_ptr<const BasemapData> load(const QString &path, QString *error);
    /// Where the basemap is: $PLACARD_BASEMAP, the build tree, or the installed data.
    static QString defaultPath();

    QList<Shape> land;
    QList<Shape> landCoarse; ///< the same, simplified for small scales
    QList<Shape> lakes;
    QList<Shape> rivers;
    QList<Shape> coastline;
    QList<Shape> countryBorders;
    QList<Shape> admin1Borders;
    QList<Shape> countyBorders;
    QList<Place> places; ///< most populous first
};

} // namespace placard::geo
