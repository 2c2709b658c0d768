// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/basemapdata.h"

#include <QColor>
#include <QHash>
#include <QImage>
#include <QMutex>

#include <memory>

class QPainter;

namespace placard::geo {

/// The two looks of the built-in basemap: calm, low-contrast, made to carry data on top.
enum class BasemapStyle { Light, Dark };

QString styleName(BasemapStyle style);

/// Draws the built-in basemap with QPainter in Web Mercator: tiles for the map and any
/// view for exports. Land, water, lakes, rivers, country and state borders, US counties
/// from zoom 7, and city labels chosen by population without collisions. Labels are placed
/// once per zoom for the whole world, so neighbouring tiles agree. Thread-safe and
/// deterministic: the same tile is the same pixels every time.
class BasemapRenderer {
public:
    BasemapRenderer(std::shared_ptr<const BasemapData> data, BasemapStyle style);

    /// Changes whenever the drawing changes, so caches of old tiles can be told apart.
    static constexpr int kVersion = 6;

    /// The tile z/x/y (XYZ scheme) as an image of tileSize pixels (256, or 512 for high-DPI
    /// screens: the same area drawn at twice the resolution).
    QImage renderTile(int z, int x, int y, int tileSize = 256) const;

    /// Draws the area `world` (world coordinates) onto `painter`'s whole `target` rectangle
    /// at a zoom level that decides what is shown; `pixelRatio` scales line widths and text.
    void render(QPainter &painter, const QRectF &target, const QRectF &world, int zoom,
                double pixelRatio = 1.0) const;

    BasemapStyle style() const { return m_style; }
    QColor waterColour() const;
    QColor landColour() const;

private:
    struct Label {
        QPointF world;
        QString text;
        int size; ///< font pixel size
        bool capital;
        QPointF baseline; ///< where the text starts, in pixels from the place's dot
        QRectF box; ///< in pixels at the label's zoom, for the collision test
    };
    const QList<Label> &labelsFor(int zoom) const;

    std::shared_ptr<const BasemapData> m_data;
    BasemapStyle m_style;
    mutable QMutex m_labelMutex;
    mutable QHash<int, std::shared_ptr<QList<Label>>> m_labels;
};

} // namespace placard::geo
