// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPointF>
#include <QSizeF>
#include <QString>

class QPainter;

namespace placard::render {

/// One bar of a scale bar: a round distance (1, 2 or 5 × a power of ten) and its length.
struct ScaleStep {
    double pixels = 0; ///< its length on the page
    double distance = 0; ///< in kilometres or miles
    QString label; ///< "500 km", "200 m", "300 mi", "0.5 mi"
};

/// The longest round distance no longer than `maxPixels`, for a map of `metresPerPixel` at
/// the bar's latitude, in kilometres (metres below 1 km) or in miles.
ScaleStep scaleStep(double metresPerPixel, double maxPixels, bool miles);

/// A scale bar of two bars, kilometres above and miles below, each labelled at its end, on a
/// pale plate so that it reads over any basemap. Sizes in layout pixels times `scale`, as for every
/// part of an export.
class ScaleBar {
public:
    ScaleBar(double metresPerPixel, double scale);
    /// Its size on the page, plate included.
    QSizeF size() const;
    /// Draws it with its bottom-left corner at `bottomLeft` (device pixels).
    void draw(QPainter &painter, QPointF bottomLeft, const QColor &ink, const QColor &plate) const;

    const ScaleStep &kilometres() const { return m_km; }
    const ScaleStep &miles() const { return m_mi; }

private:
    double m_scale;
    ScaleStep m_km;
    ScaleStep m_mi;
};

} // namespace placard::render
