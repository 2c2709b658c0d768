// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventlayer.h"

#include "catalogue/event.h"
#include "geo/webmercator.h"
#include "mapbridge.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QQmlEngine>

#include <cmath>

namespace placard {

QColor typeColour(qint64 typeId)
{
    // Distinct, print-safe hues that read on the light and the dark basemap.
    static const QColor palette[] = {QColor(0xc0, 0x39, 0x2b), QColor(0x29, 0x80, 0xb9),
                                     QColor(0x27, 0xae, 0x60), QColor(0x8e, 0x44, 0xad),
                                     QColor(0xd3, 0x54, 0x00), QColor(0x16, 0xa0, 0x85),
                                     QColor(0xb7, 0x95, 0x0b), QColor(0x7f, 0x8c, 0x8d)};
    return palette[std::size_t(std::max<qint64>(0, typeId - 1) % 8)];
}

EventLayer::EventLayer(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
    setOpaquePainting(false);
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::LeftButton); // presses away from a symbol go on to the map
}

namespace {
double symbolRadius(const Cluster &c)
{
    if (!c.single)
        return 10.0 + 3.0 * std::log2(double(c.count));
    const qint64 size = c.single->size;
    return size >= 0 ? std::clamp(3.5 + std::sqrt(double(size)) / 12.0, 4.0, 22.0) : 5.0;
}
} // namespace

std::optional<Cluster> EventLayer::symbolAt(QPointF position) const
{
    std::optional<Cluster> best;
    double bestDistance = 0;
    for (const Cluster &c : visibleClusters()) {
        const double distance =
            std::hypot(c.position.x() - position.x(), c.position.y() - position.y());
        if (distance <= symbolRadius(c) + 3 && (!best || distance < bestDistance)) {
            best = c;
            bestDistance = distance;
        }
    }
    return best;
}

void EventLayer::hoverMoveEvent(QHoverEvent *event)
{
    if (!m_bridge)
        return;
    const std::optional<Cluster> c = symbolAt(event->position());
    const QPoint global = mapToGlobal(event->position()).toPoint();
    if (!c)
        Q_EMIT m_bridge->hoverEnded();
    else if (c->single)
        Q_EMIT m_bridge->eventHovered(c->single->id, global);
    else
        Q_EMIT m_bridge->clusterHovered(c->count, c->knownSize, c->unknownSize, global);
}

void EventLayer::mousePressEvent(QMouseEvent *event)
{
    m_pressed = symbolAt(event->position());
    if (!m_pressed) {
        event->ignore(); // the map pans
        return;
    }
    event->accept();
}

void EventLayer::mouseReleaseEvent(QMouseEvent *event)
{
    const std::optional<Cluster> pressed = std::exchange(m_pressed, std::nullopt);
    if (!pressed || !m_bridge)
        return;
    const std::optional<Cluster> released = symbolAt(event->position());
    if (!released || released->position != pressed->position)
        return;
    if (pressed->single) {
        m_bridge->setSelectedEvent(pressed->single->id);
        update();
        return;
    }
    // A cluster: zoom in on it, two levels at a time, until its events come apart.
    const double scale = 256.0 * std::exp2(m_zoom);
    const QPointF centre = geo::mercator::toWorld(m_center.latitude(), m_center.longitude());
    const QPointF world(centre.x() + (pressed->position.x() - width() / 2) / scale,
                        centre.y() + (pressed->position.y() - height() / 2) / scale);
    const QPointF lonLat = geo::mercator::fromWorld(world);
    Q_EMIT m_bridge->zoomToRequested(lonLat.y(), lonLat.x(), std::floor(m_zoom) + 2);
}

void EventLayer::hoverLeaveEvent(QHoverEvent *)
{
    if (m_bridge)
        Q_EMIT m_bridge->hoverEnded();
}

void EventLayer::componentComplete()
{
    QQuickPaintedItem::componentComplete();
    if (QQmlEngine *engine = qmlEngine(this)) {
        m_bridge = engine->singletonInstance<MapBridge *>("Placard", "MapBridge");
        if (m_bridge) {
            connect(m_bridge, &MapBridge::eventsChanged, this, [this] { update(); });
            connect(m_bridge, &MapBridge::selectionChanged, this, [this] { update(); });
        }
    }
    update();
}

void EventLayer::setCenter(const QGeoCoordinate &center)
{
    if (center == m_center)
        return;
    m_center = center;
    Q_EMIT viewChanged();
    update();
}

void EventLayer::setZoomLevel(double zoom)
{
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    m_zoom = zoom;
    Q_EMIT viewChanged();
    update();
}

QPointF EventLayer::project(const QGeoCoordinate &c) const
{
    const QPointF centre = geo::mercator::toWorld(m_center.latitude(), m_center.longitude());
    return worldToScreen(geo::mercator::toWorld(c.latitude(), c.longitude()), centre, m_zoom,
                         size());
}

std::vector<Cluster> EventLayer::visibleClusters() const
{
    if (!m_bridge || !m_bridge->events() || !m_center.isValid())
        return {};
    const QPointF centre = geo::mercator::toWorld(m_center.latitude(), m_center.longitude());
    return clusterPoints(*m_bridge->events(), centre, m_zoom, size());
}

QStringList EventLayer::legendEntries() const
{
    QStringList entries;
    if (!m_bridge || !m_bridge->events() || m_bridge->events()->empty())
        return entries;
    QList<qint64> types;
    bool unknown = false, area = false, sized = false;
    for (const MapPoint &p : *m_bridge->events()) {
        if (!types.contains(p.type))
            types.append(p.type);
        unknown = unknown || p.size < 0;
        sized = sized || p.size >= 0;
        area = area || p.precision == quint8(GeoPrecision::Admin1) ||
            p.precision == quint8(GeoPrecision::Country);
    }
    std::sort(types.begin(), types.end());
    const QHash<qint64, QString> names = m_bridge->typeNames();
    for (qint64 t : std::as_const(types))
        entries << names.value(t, tr("(no type)"));
    if (sized)
        entries << tr("crowd size (area)");
    if (unknown)
        entries << tr("size unknown");
    if (area)
        entries << tr("placed at state or country");
    entries << tr("several events");
    return entries;
}

void EventLayer::paintLegend(QPainter *painter) const
{
    const QStringList entries = legendEntries();
    if (entries.isEmpty())
        return;
    QList<qint64> types;
    for (const MapPoint &p : *m_bridge->events()) {
        if (!types.contains(p.type))
            types.append(p.type);
    }
    std::sort(types.begin(), types.end());
    QFont font = painter->font();
    font.setPixelSize(12);
    font.setBold(false);
    painter->setFont(font);
    const QFontMetricsF metrics(font);
    double width = 0;
    for (const QString &e : entries)
        width = std::max(width, metrics.horizontalAdvance(e));
    const double line = 18;
    const QRectF box(10, height() - 16 - entries.size() * line - 12, width + 44,
                     entries.size() * line + 12);
    painter->setPen(QPen(QColor(0, 0, 0, 40), 1));
    painter->setBrush(QColor(255, 255, 255, 225));
    painter->drawRoundedRect(box, 4, 4);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QPointF dot(box.left() + 16, box.top() + 6 + line * i + line / 2);
        if (i < types.size()) {
            painter->setPen(QPen(QColor(255, 255, 255), 1.2));
            painter->setBrush(typeColour(types[i]));
            painter->drawEllipse(dot, 6, 6);
        } else if (entries[i] == tr("crowd size (area)")) {
            painter->setPen(QPen(QColor(0x55, 0x5f, 0x69), 1));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(dot, 3, 3);
            painter->drawEllipse(dot, 7, 7);
        } else if (entries[i] == tr("size unknown")) {
            painter->setPen(QPen(QColor(0x55, 0x5f, 0x69), 2));
            painter->setBrush(Qt::white);
            painter->drawEllipse(dot, 5, 5);
        } else if (entries[i] == tr("placed at state or country")) {
            painter->setPen(QPen(QColor(0x55, 0x5f, 0x69), 2.2, Qt::DotLine));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(dot, 5, 5);
        } else {
            painter->setPen(QPen(Qt::white, 1));
            painter->setBrush(QColor(0x33, 0x41, 0x4e));
            painter->drawEllipse(dot, 7, 7);
        }
        painter->setPen(QColor(0x33, 0x37, 0x3b));
        painter->drawText(QPointF(box.left() + 32, dot.y() + metrics.ascent() / 2 - 1), entries[i]);
    }
}

void EventLayer::paint(QPainter *painter)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    QFont font = painter->font();
    font.setPixelSize(11);
    font.setBold(true);
    painter->setFont(font);
    for (const Cluster &c : visibleClusters()) {
        if (c.single) {
            const MapPoint &p = *c.single;
            const QColor colour = typeColour(p.type);
            // Area grows with the crowd: the radius with its square root.
            const double r =
                p.size >= 0 ? std::clamp(3.5 + std::sqrt(double(p.size)) / 12.0, 4.0, 22.0) : 5.0;
            const bool area = p.precision == quint8(GeoPrecision::Admin1) ||
                p.precision == quint8(GeoPrecision::Country);
            if (area) {
                // Placed only at a state or country: a hollow dotted ring, never mistaken for a
                // town.
                painter->setPen(QPen(colour, 2.2, Qt::DotLine));
                painter->setBrush(Qt::NoBrush);
            } else if (p.size < 0) {
                // Size unknown: light fill, coloured edge.
                painter->setPen(QPen(colour, 2.0));
                painter->setBrush(QColor(255, 255, 255, 220));
            } else {
                painter->setPen(QPen(QColor(255, 255, 255, 230), 1.2));
                QColor fill = colour;
                fill.setAlpha(215);
                painter->setBrush(fill);
            }
            painter->drawEllipse(c.position, r, r);
            if (m_bridge && p.id == m_bridge->selectedEvent()) {
                painter->setPen(QPen(QColor(0x11, 0x18, 0x20), 2.5));
                painter->setBrush(Qt::NoBrush);
                painter->drawEllipse(c.position, r + 4, r + 4);
            }
            continue;
        }
        const double r = symbolRadius(c);
        painter->setPen(QPen(QColor(255, 255, 255, 235), 1.5));
        painter->setBrush(QColor(0x33, 0x41, 0x4e, 225));
        painter->drawEllipse(c.position, r, r);
        painter->setPen(Qt::white);
        painter->drawText(QRectF(c.position.x() - r, c.position.y() - r, 2 * r, 2 * r),
                          Qt::AlignCenter, QString::number(c.count));
    }
    paintLegend(painter);
}

} // namespace placard
