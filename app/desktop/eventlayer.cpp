// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventlayer.h"

#include "catalogue/event.h"
#include "geo/webmercator.h"
#include "mapbridge.h"

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
}

void EventLayer::componentComplete()
{
    QQuickPaintedItem::componentComplete();
    if (QQmlEngine *engine = qmlEngine(this)) {
        m_bridge = engine->singletonInstance<MapBridge *>("Placard", "MapBridge");
        if (m_bridge)
            connect(m_bridge, &MapBridge::eventsChanged, this, [this] { update(); });
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
                // Placed only at a state or country: a hollow ring, never mistaken for a town.
                painter->setPen(QPen(colour, 2.2));
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
            continue;
        }
        const double r = 10.0 + 3.0 * std::log2(double(c.count));
        painter->setPen(QPen(QColor(255, 255, 255, 235), 1.5));
        painter->setBrush(QColor(0x33, 0x41, 0x4e, 225));
        painter->drawEllipse(c.position, r, r);
        painter->setPen(Qt::white);
        painter->drawText(QRectF(c.position.x() - r, c.position.y() - r, 2 * r, 2 * r),
                          Qt::AlignCenter, QString::number(c.count));
    }
}

} // namespace placard
