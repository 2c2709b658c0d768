// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query/clusters.h"

#include <QGeoCoordinate>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>
#include <vector>

namespace placard {

class MapBridge;

/// Draws the filtered events over the map as one item (no QML item per event): symbols
/// coloured by type and sized by crowd size, hollow where only a state or country is known,
/// and clusters with their count where events fall together on screen. It projects with the
/// same Web Mercator as the map, from the map's centre and zoom bound to it in QML.
class EventLayer : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QGeoCoordinate center READ center WRITE setCenter NOTIFY viewChanged)
    Q_PROPERTY(double zoomLevel READ zoomLevel WRITE setZoomLevel NOTIFY viewChanged)

public:
    explicit EventLayer(QQuickItem *parent = nullptr);

    QGeoCoordinate center() const { return m_center; }
    void setCenter(const QGeoCoordinate &center);
    double zoomLevel() const { return m_zoom; }
    void setZoomLevel(double zoom);

    /// Where a coordinate lands in this item, in pixels.
    Q_INVOKABLE QPointF project(const QGeoCoordinate &coordinate) const;
    /// The symbols drawn for the current view, for tests and tooltips.
    std::vector<Cluster> visibleClusters() const;
    /// The symbol under a point of this item, if any.
    std::optional<Cluster> symbolAt(QPointF position) const;

    void paint(QPainter *painter) override;

    /// The legend's lines, generated from the events shown: "type" for each type, then the
    /// symbol styles in use.
    QStringList legendEntries() const;

Q_SIGNALS:
    void viewChanged();

protected:
    void componentComplete() override;
    void hoverMoveEvent(QHoverEvent *event) override;
    void hoverLeaveEvent(QHoverEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void paintLegend(QPainter *painter) const;

    MapBridge *m_bridge = nullptr;
    QGeoCoordinate m_center;
    std::optional<Cluster> m_pressed; ///< the symbol a press landed on
    double m_zoom = 0;
};

/// The colour of an event type on the map and in the legend.
QColor typeColour(qint64 typeId);

} // namespace placard
