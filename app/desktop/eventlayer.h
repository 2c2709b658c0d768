// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mapbridge.h"
#include "query/clusters.h"
#include "query/mappointfacts.h"

#include <QGeoCoordinate>
#include <QHash>
#include <QImage>
#include <QQuickItem>
#include <QStaticText>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>
#include <vector>

namespace placard {

class LayerCanvas;

/// Draws the filtered events over the map (no QML item per event): symbols coloured by type
/// and sized by crowd size, hollow where only a state or country is known, and clusters
/// with their count where events fall together on screen; and their legend. It projects
/// with the same Web Mercator as the map, from the map's centre and zoom bound to it in
/// QML. Its clusters are worked out once per view and set of events; for a large set a
/// ClusterGrid, built on a worker thread after each change, keeps every later view cheap.
/// The item covers the map and takes the pointer; it draws through two canvases sized to
/// what they hold (the symbols' extent, the legend's box), so that a change redraws only
/// that much of the map.
class EventLayer : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QGeoCoordinate center READ center WRITE setCenter NOTIFY viewChanged)
    Q_PROPERTY(double zoomLevel READ zoomLevel WRITE setZoomLevel NOTIFY viewChanged)
    Q_PROPERTY(double maximumZoomLevel MEMBER m_maximumZoom)

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
    /// The events of a cluster drawn at `position` (ascending ids), when zooming in cannot
    /// take them apart: the map is at its closest, or they share one place. Else empty.
    QList<qint64> inseparableEvents(QPointF position) const;

    /// Draws everything the layer shows (symbols, then the legend) in its own coordinates,
    /// as its canvases do together.
    void paint(QPainter *painter) const;

    /// The legend's lines, generated from the events shown: "type" for each type, then the
    /// symbol styles in use.
    QStringList legendEntries() const;
    /// What the legend drawn last shows (types left out counted on one line), and its size:
    /// for tests.
    QStringList legendShownEntries() const { return m_legendShown; }
    QSizeF legendSize() const { return m_legendImage.deviceIndependentSize(); }
    /// Whether the legend is drawn (it may be turned off).
    bool legendShown() const;
    /// The legend's box in the layer (empty when there is none). It stands in the corner of
    /// the map that hides the fewest events (those whose symbol's centre it covers), chosen again
    /// when the events or the map's size change and once a pan or zoom has come to rest, and only
    /// for one that hides fewer: a legend that followed every step of a pan would jump about.
    QRectF legendBox() const;

Q_SIGNALS:
    void viewChanged();

protected:
    void componentComplete() override;
    void updatePolish() override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void hoverMoveEvent(QHoverEvent *event) override;
    void hoverLeaveEvent(QHoverEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    /// The clusters of the current view, worked out again only when the events or the view
    /// change: painting, hovering and clicking all ask for them, and each time would cost a
    /// pass over every event.
    const std::vector<Cluster> &clusters() const;
    /// What it shows now.
    LayerView view() const;
    /// Tells the bridge, so that a change of events can bring their clusters for it.
    void publishView();
    /// Takes clusters made with the current events, when they are of the current view.
    void adoptClusters(std::optional<ViewClusters> made);
    /// What the events shown hold, for the legend (the map's bridge has them).
    const MapPointFacts &legendFacts() const;
    /// Starts making a ClusterGrid of the events on a worker thread, one at a time, so that
    /// panning and zooming over many events cost little per frame.
    void buildGrid();
    /// Asks for the canvases to be placed and drawn again before the next frame.
    void refresh();
    void paintSymbols(QPainter *painter) const;
    /// The text of a cluster of `count` events, laid out for the painter's font.
    const QStaticText &countLabel(int count, const QPainter &painter) const;
    /// The rectangle the symbols of the current view cover, halos and rings included.
    QRectF symbolsBounds() const;
    /// The legend's image for these entries, drawn once and kept while they stay.
    const QImage &legendImage(const QStringList &entries, qreal dpr) const;
    enum class Corner : quint8 { BottomLeft, TopLeft, TopRight, BottomRight };
    /// Where a legend image of `size` goes in `corner`.
    QPointF legendPosition(Corner corner, QSizeF size) const;
    QPointF legendPosition(const QImage &image) const
    {
        return legendPosition(m_legendCorner, image.deviceIndependentSize());
    }
    /// The corner where a legend of `size` hides the fewest events of the current view.
    Corner quietestCorner(QSizeF size) const;
    enum class SymbolStyle : quint8 { Cluster, Sized, UnknownSize, Area };
    /// The image of one symbol, centred, drawn on first use and kept.
    const QImage &symbolImage(SymbolStyle style, qint64 type, double radius, qreal dpr) const;

    MapBridge *m_bridge = nullptr;
    QGeoCoordinate m_center;
    std::optional<Cluster> m_pressed; ///< the symbol a press landed on (without its event)
    qint64 m_pressedEvent = 0; ///< the event it stands for, if one
    double m_zoom = 0;
    double m_maximumZoom = 20;

    // The cache of clusters(). It holds the events they were made from, so
    // that Cluster::single stays valid and a new set of events is noticed.
    mutable std::shared_ptr<const MapPoints> m_clusteredEvents;
    mutable QPointF m_clusteredCentre;
    mutable double m_clusteredZoom = 0;
    mutable QSizeF m_clusteredSize;
    mutable std::vector<Cluster> m_clusters;
    // Images drawn once and copied at every paint.
    mutable QHash<quint32, QImage> m_symbols;
    mutable qreal m_symbolDpr = 0;
    mutable QHash<QString, QStaticText> m_labels; ///< clusters' counts, laid out once
    mutable qreal m_labelDpr = 0;
    mutable QImage m_legendImage;
    mutable QStringList m_legendImageEntries;
    mutable int m_legendImageRows = 0; ///< the most lines a column of it had room for
    mutable QStringList m_legendShown; ///< the entries it shows, in its order
    mutable double m_legendBoxHeight = 0;
    LayerCanvas *m_symbolCanvas = nullptr;
    LayerCanvas *m_legendCanvas = nullptr;
    qint64 m_legendDrawn = -1; ///< cacheKey() of the legend image its canvas last drew
    Corner m_legendCorner = Corner::BottomLeft;
    bool m_placeLegend = true; ///< choose the legend's corner at the next polish
    QTimer m_viewRest; ///< runs from each change of view until the map has been still a while
    std::shared_ptr<const ClusterGrid> m_grid; ///< of the current events, once built
    bool m_buildingGrid = false;
};

/// The colour of an event type on the map and in the legend.
QColor typeColour(qint64 typeId);

} // namespace placard
