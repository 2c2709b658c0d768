// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapbridge.h"

#include "version.h"

namespace placard {

MapBridge::MapBridge(QObject *parent)
    : QObject(parent)
{
}

QString MapBridge::userAgent() const
{
    return QStringLiteral("Placard/%1 (desktop atlas of demonstrations)").arg(version());
}

void MapBridge::setEvents(std::shared_ptr<const MapPoints> events,
                          std::optional<MapPointFacts> facts, std::optional<ViewClusters> clusters)
{
    m_events = std::move(events);
    m_clusters = std::move(clusters);
    m_eventFacts = facts ? std::move(*facts)
        : m_events       ? MapPointFacts::of(*m_events)
                         : MapPointFacts();
    Q_EMIT eventsChanged();
}

void MapBridge::setSelectedEvent(qint64 id)
{
    if (id == m_selected)
        return;
    m_selected = id;
    Q_EMIT selectionChanged(id);
}

void MapBridge::setLegendShown(bool shown)
{
    if (shown == m_legendShown)
        return;
    m_legendShown = shown;
    Q_EMIT legendShownChanged();
}

void MapBridge::setZoomLevel(double zoom)
{
    if (qFuzzyCompare(zoom, m_zoomLevel))
        return;
    m_zoomLevel = zoom;
    Q_EMIT zoomLevelChanged();
}

void MapBridge::setCenter(double latitude, double longitude)
{
    m_centerLatitude = latitude;
    m_centerLongitude = longitude;
}

void MapBridge::setPlacing(bool on)
{
    if (on == m_placing)
        return;
    m_placing = on;
    Q_EMIT placingChanged();
}

void MapBridge::setTimeLabel(const QString &text)
{
    if (text == m_timeLabel)
        return;
    m_timeLabel = text;
    Q_EMIT timeLabelChanged();
}

void MapBridge::placeAt(double latitude, double longitude)
{
    if (m_placing)
        Q_EMIT placeClicked(latitude, longitude);
}

void MapBridge::setTileSource(const QString &urlTemplate, const QString &cacheDirectory,
                              const QString &attribution)
{
    m_tileUrlTemplate = urlTemplate;
    m_tileCacheDirectory = cacheDirectory;
    m_attribution = attribution;
}

} // namespace placard
