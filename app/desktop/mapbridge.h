// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query/clusters.h"
#include "query/mappointfacts.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <QtQml/qqmlregistration.h>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace placard {

/// What the event layer shows: its centre in Web Mercator world units, its zoom and size.
struct LayerView {
    QPointF center;
    double zoom = 0;
    QSizeF size;
    bool operator==(const LayerView &) const = default;
};

/// The clusters of one layer view, made with the events (see EventIndex::mapPoints).
struct ViewClusters {
    LayerView view;
    std::vector<Cluster> clusters;
};

/// The typed link between the widgets and the map QML: the tile source the map must
/// use, and requests (zoom, show the world) the menus send to it. One per QML engine,
/// created by the engine; the MapWidget configures it before the map page loads, so
/// the osm plugin never starts on a tile source that points at the internet.
class MapBridge : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    /// URL template with %z/%x/%y for the osm plugin's custom map type.
    Q_PROPERTY(QString tileUrlTemplate READ tileUrlTemplate CONSTANT)
    /// Folder where the osm plugin may cache tiles.
    Q_PROPERTY(QString tileCacheDirectory READ tileCacheDirectory CONSTANT)
    /// Attribution shown on the map for the current tiles (HTML allowed).
    Q_PROPERTY(QString attribution READ attribution CONSTANT)
    /// Whether the tiles are 512 pixels for the area of 256 (high-DPI screens).
    Q_PROPERTY(bool highDpiTiles READ highDpiTiles CONSTANT)
    /// The User-Agent the osm plugin sends when online tiles are chosen.
    Q_PROPERTY(QString userAgent READ userAgent CONSTANT)
    /// The map's zoom level, kept up to date by the QML.
    Q_PROPERTY(double zoomLevel READ zoomLevel WRITE setZoomLevel NOTIFY zoomLevelChanged)
    /// Whether a click on the map places an event (the map shows a cross cursor).
    Q_PROPERTY(bool placing READ placing NOTIFY placingChanged)
    /// The dates shown while the timeline plays, drawn on the map (empty: none).
    Q_PROPERTY(QString timeLabel READ timeLabel NOTIFY timeLabelChanged)

public:
    explicit MapBridge(QObject *parent = nullptr);

    QString tileUrlTemplate() const { return m_tileUrlTemplate; }
    QString tileCacheDirectory() const { return m_tileCacheDirectory; }
    QString attribution() const { return m_attribution; }
    QString userAgent() const;
    bool highDpiTiles() const { return m_highDpiTiles; }
    void setHighDpiTiles(bool on) { m_highDpiTiles = on; }

    /// The events the map shows (shared, immutable), or nullptr.
    std::shared_ptr<const MapPoints> events() const { return m_events; }
    /// Sets the events and what they hold (found here when not given), with their clusters
    /// for the layer's view when they were gathered with them.
    void setEvents(std::shared_ptr<const MapPoints> events,
                   std::optional<MapPointFacts> facts = std::nullopt,
                   std::optional<ViewClusters> clusters = std::nullopt);
    /// The clusters given with the events, once: the layer takes them.
    std::optional<ViewClusters> takeClusters() { return std::exchange(m_clusters, std::nullopt); }
    /// The view the event layer shows, which it keeps up to date; nothing until it has one.
    std::optional<LayerView> layerView() const { return m_layerView; }
    void setLayerView(const LayerView &view) { m_layerView = view; }
    const MapPointFacts &eventFacts() const { return m_eventFacts; }
    /// Names of the event types, by id, for the legend.
    QHash<qint64, QString> typeNames() const { return m_typeNames; }
    /// Whether the map shows its legend (View ▸ Legend): it may hide events in a corner.
    bool legendShown() const { return m_legendShown; }
    void setLegendShown(bool shown);
    /// The event selected on the map or elsewhere; 0 for none.
    qint64 selectedEvent() const { return m_selected; }
    void setSelectedEvent(qint64 id);
    void setTypeNames(const QHash<qint64, QString> &names) { m_typeNames = names; }
    double zoomLevel() const { return m_zoomLevel; }
    void setZoomLevel(double zoom);
    /// The map's centre, kept up to date by the QML.
    double centerLatitude() const { return m_centerLatitude; }
    double centerLongitude() const { return m_centerLongitude; }
    Q_INVOKABLE void setCenter(double latitude, double longitude);

    bool placing() const { return m_placing; }
    QString timeLabel() const { return m_timeLabel; }
    void setTimeLabel(const QString &text);
    void setPlacing(bool on);
    /// Called by the QML when the map is clicked while placing.
    Q_INVOKABLE void placeAt(double latitude, double longitude);

    /// Sets the tile source; only effective before the map page is loaded.
    void setTileSource(const QString &urlTemplate, const QString &cacheDirectory,
                       const QString &attribution);

Q_SIGNALS:
    void zoomLevelChanged();
    void placingChanged();
    void timeLabelChanged();
    /// The map was clicked at this point while placing.
    void placeClicked(double latitude, double longitude);
    void eventsChanged();
    void legendShownChanged();
    /// The pointer rests on one event or a cluster (global screen position); or on nothing.
    void eventHovered(qint64 id, QPoint globalPosition);
    void clusterHovered(int count, qint64 knownSize, int unknownSize, QPoint globalPosition);
    void hoverEnded();
    /// Asks the map to centre on a point (degrees) at a zoom.
    void zoomToRequested(double latitude, double longitude, double zoom);
    /// A cluster whose events zooming cannot take apart was clicked: offer them by name.
    void eventsChosen(const QList<qint64> &ids, QPoint globalPosition);
    /// The selected event changed (0: none).
    void selectionChanged(qint64 id);
    /// Asks the map to zoom by steps (positive: in).
    void zoomRequested(int steps);
    /// Asks the map to show the whole world.
    void worldRequested();

private:
    QString m_tileUrlTemplate;
    QString m_tileCacheDirectory;
    QString m_attribution;
    double m_zoomLevel = 0.0;
    double m_centerLatitude = 0.0;
    double m_centerLongitude = 0.0;
    bool m_placing = false;
    QString m_timeLabel;
    bool m_highDpiTiles = false;
    MapPointFacts m_eventFacts;
    std::optional<ViewClusters> m_clusters;
    std::optional<LayerView> m_layerView;
    std::shared_ptr<const MapPoints> m_events;
    QHash<qint64, QString> m_typeNames;
    qint64 m_selected = 0;
    bool m_legendShown = true;
};

} // namespace placard
