// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventlayer.h"

#include "catalogue/event.h"
#include "geo/webmercator.h"
#include "layercanvas.h"
#include "mapbridge.h"
#include "render/palette.h"
#include "render/symbols.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <utility>

namespace placard {

QColor typeColour(qint64 typeId)
{
    // The palette is core's, shared with map exports so that both look alike.
    return render::typeColour(typeId);
}

EventLayer::EventLayer(QQuickItem *parent)
    : QQuickItem(parent)
{
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::LeftButton); // presses away from a symbol go on to the map
    // Symbols first, the legend over them.
    m_symbolCanvas = new LayerCanvas(this, [this](QPainter *painter) { paintSymbols(painter); });
    m_legendCanvas = new LayerCanvas(this, [this](QPainter *painter) {
        painter->drawImage(legendPosition(m_legendImage), m_legendImage);
    });
    m_viewRest.setSingleShot(true);
    m_viewRest.setInterval(600);
    connect(&m_viewRest, &QTimer::timeout, this, [this] {
        m_placeLegend = true;
        refresh();
    });
}

namespace {
/// The height of a line of the legend.
constexpr double kLegendLine = 18;

/// Fewer events than this are clustered directly, in well under a millisecond.
constexpr std::size_t kGridFrom = 20000;

/// The side of the clusters' grid cells, in pixels (clusterPoints' default).
constexpr double kCell = 44;

using render::symbolRadius; // the same sizes as exported maps draw
} // namespace

std::optional<Cluster> EventLayer::symbolAt(QPointF position) const
{
    std::optional<Cluster> best;
    double bestDistance = 0;
    for (const Cluster &c : clusters()) {
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
    // The event by its id: the points the symbol points into may change before the release.
    m_pressedEvent = m_pressed && m_pressed->single ? m_pressed->single->id : 0;
    if (m_pressed)
        m_pressed->single = nullptr;
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
    if (const qint64 id = std::exchange(m_pressedEvent, 0)) {
        m_bridge->setSelectedEvent(id);
        refresh();
        return;
    }
    // A cluster: zoom in on it, two levels at a time, until its events come apart; those
    // that never will are offered by name.
    if (const QList<qint64> ids = inseparableEvents(pressed->position); !ids.isEmpty()) {
        const QPoint global = mapToGlobal(event->position()).toPoint();
        Q_EMIT m_bridge->eventsChosen(ids, global);
        return;
    }
    const double scale = 256.0 * std::exp2(m_zoom);
    const QPointF centre = geo::mercator::toWorld(m_center.latitude(), m_center.longitude());
    const QPointF world(centre.x() + (pressed->position.x() - width() / 2) / scale,
                        centre.y() + (pressed->position.y() - height() / 2) / scale);
    const QPointF lonLat = geo::mercator::fromWorld(world);
    Q_EMIT m_bridge->zoomToRequested(lonLat.y(), lonLat.x(), std::floor(m_zoom) + 2);
}

QList<qint64> EventLayer::inseparableEvents(QPointF position) const
{
    std::shared_ptr<const MapPoints> events = m_bridge ? m_bridge->events() : nullptr;
    const std::optional<Cluster> cluster = symbolAt(position);
    if (!events || !cluster || cluster->single || !m_center.isValid())
        return {};
    // Its events: those drawn within its cell's reach of it (a click costs one pass).
    const QPointF centre = geo::mercator::toWorld(m_center.latitude(), m_center.longitude());
    const double reach = symbolRadius(*cluster) + kCell / 2;
    QList<qint64> ids;
    double left = 0, right = 0, top = 0, bottom = 0;
    for (const MapPoint &p : *events) {
        if (std::isnan(p.x))
            continue;
        const QPointF at = worldToScreen(QPointF(p.x, p.y), centre, m_zoom, size());
        if (std::abs(at.x() - cluster->position.x()) > reach ||
            std::abs(at.y() - cluster->position.y()) > reach)
            continue;
        if (ids.isEmpty()) {
            left = right = at.x();
            top = bottom = at.y();
        }
        left = std::min(left, at.x());
        right = std::max(right, at.x());
        top = std::min(top, at.y());
        bottom = std::max(bottom, at.y());
        ids.append(p.id);
    }
    // Two levels closer they would still be within a pixel of each other.
    const bool onePlace = std::max(right - left, bottom - top) * 4 < 1;
    if (ids.size() < 2 || !(onePlace || m_zoom + 0.01 >= m_maximumZoom))
        return {};
    std::sort(ids.begin(), ids.end());
    return ids;
}

void EventLayer::hoverLeaveEvent(QHoverEvent *)
{
    if (m_bridge)
        Q_EMIT m_bridge->hoverEnded();
}

void EventLayer::componentComplete()
{
    QQuickItem::componentComplete();
    if (QQmlEngine *engine = qmlEngine(this)) {
        m_bridge = engine->singletonInstance<MapBridge *>("Placard", "MapBridge");
        if (m_bridge) {
            connect(m_bridge, &MapBridge::eventsChanged, this, [this] {
                // Let the old events go now rather than at the next paint.
                m_clusteredEvents.reset();
                m_clusters.clear();
                // Built again once the new events are drawn (paint()); the old one is let go
                // on a worker, since giving tens of megabytes back takes a millisecond or two.
                if (m_grid)
                    QThreadPool::globalInstance()->start(
                        [old = std::move(m_grid)]() mutable { old.reset(); });
                adoptClusters(m_bridge->takeClusters());
                m_placeLegend = true;
                refresh();
            });
            connect(m_bridge, &MapBridge::selectionChanged, this, [this] { refresh(); });
            connect(m_bridge, &MapBridge::legendShownChanged, this, [this] { refresh(); });
        }
    }
    publishView();
    buildGrid(); // for events set before this page was loaded
    refresh();
}

LayerView EventLayer::view() const
{
    return {geo::mercator::toWorld(m_center.latitude(), m_center.longitude()), m_zoom, size()};
}

void EventLayer::publishView()
{
    if (m_bridge && m_center.isValid())
        m_bridge->setLayerView(view());
}

void EventLayer::adoptClusters(std::optional<ViewClusters> made)
{
    std::shared_ptr<const MapPoints> events = m_bridge->events();
    if (!made || !events || !m_center.isValid() || made->view != view())
        return;
    m_clusters = std::move(made->clusters);
    render::mergeOverlapping(m_clusters);
    m_clusteredEvents = std::move(events);
    m_clusteredCentre = made->view.center;
    m_clusteredZoom = made->view.zoom;
    m_clusteredSize = made->view.size;
}

void EventLayer::setCenter(const QGeoCoordinate &center)
{
    if (center == m_center)
        return;
    m_center = center;
    publishView();
    Q_EMIT viewChanged();
    m_viewRest.start();
    refresh();
}

void EventLayer::setZoomLevel(double zoom)
{
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    m_zoom = zoom;
    publishView();
    Q_EMIT viewChanged();
    m_viewRest.start();
    refresh();
}

QPointF EventLayer::project(const QGeoCoordinate &c) const
{
    const QPointF centre = geo::mercator::toWorld(m_center.latitude(), m_center.longitude());
    return worldToScreen(geo::mercator::toWorld(c.latitude(), c.longitude()), centre, m_zoom,
                         size());
}

std::vector<Cluster> EventLayer::visibleClusters() const
{
    return clusters();
}

const std::vector<Cluster> &EventLayer::clusters() const
{
    std::shared_ptr<const MapPoints> events = m_bridge ? m_bridge->events() : nullptr;
    if (!events || !m_center.isValid()) {
        m_clusteredEvents.reset();
        m_clusters.clear();
        return m_clusters;
    }
    const QPointF centre = view().center;
    if (events != m_clusteredEvents || centre != m_clusteredCentre || m_zoom != m_clusteredZoom ||
        size() != m_clusteredSize) {
        // Until the grid of these events is ready (a few tens of milliseconds for a million),
        // one pass over them.
        m_clusters = m_grid && m_grid->points() == events
            ? m_grid->clusters(centre, m_zoom, size())
            : clusterPoints(*events, centre, m_zoom, size());
        // As on an exported map: no cluster's count hidden under its neighbour's.
        render::mergeOverlapping(m_clusters);
        m_clusteredEvents = std::move(events);
        m_clusteredCentre = centre;
        m_clusteredZoom = m_zoom;
        m_clusteredSize = size();
    }
    return m_clusters;
}

void EventLayer::buildGrid()
{
    if (m_buildingGrid || !m_bridge)
        return;
    std::shared_ptr<const MapPoints> events = m_bridge->events();
    if (!events || events->size() < kGridFrom || (m_grid && m_grid->points() == events))
        return;
    m_buildingGrid = true;
    QtConcurrent::run([events] {
        return std::make_shared<const ClusterGrid>(events);
    }).then(this, [this](std::shared_ptr<const ClusterGrid> grid) {
        m_buildingGrid = false;
        if (m_bridge && grid->points() == m_bridge->events())
            m_grid = std::move(grid);
        else
            buildGrid(); // the events changed meanwhile
    });
}

const MapPointFacts &EventLayer::legendFacts() const
{
    static const MapPointFacts none;
    return m_bridge && m_bridge->events() ? m_bridge->eventFacts() : none;
}

bool EventLayer::legendShown() const
{
    return !m_bridge || m_bridge->legendShown();
}

QStringList EventLayer::legendEntries() const
{
    QStringList entries;
    const MapPointFacts &facts = legendFacts();
    if (facts.types.isEmpty())
        return entries;
    const QHash<qint64, QString> names = m_bridge->typeNames();
    for (qint64 t : facts.types)
        entries << names.value(t, tr("(no type)"));
    if (facts.sized)
        entries << tr("crowd size (area)");
    if (facts.unknown)
        entries << tr("size unknown");
    if (facts.area)
        entries << tr("placed at state or country");
    if (facts.imprecise)
        entries << tr("date: month or year only");
    entries << tr("several events");
    return entries;
}

const QImage &EventLayer::legendImage(const QStringList &entries, qreal dpr) const
{
    const double line = kLegendLine;
    // Two fifths of the map's height at most (six lines at least): past one column's worth,
    // two columns with long type names cut short; past that, the types that do not fit are
    // counted on one line. The types stay in the Filters, whole.
    const int maxRows = std::max(6, int((height() * 0.4 - 12) / line));
    if (entries != m_legendImageEntries || dpr != m_legendImage.devicePixelRatio() ||
        maxRows != m_legendImageRows) {
        const QList<qint64> &types = legendFacts().types;
        qsizetype typeCount = std::min(types.size(), entries.size());
        QStringList shown = entries;
        qsizetype more = -1; // the line that counts the types left out
        int columns = 1;
        if (shown.size() > maxRows) {
            columns = 2;
            const qsizetype room = 2 * qsizetype(maxRows) - (entries.size() - typeCount);
            if (typeCount > room) {
                more = room - 1;
                shown = entries.mid(0, more) +
                    QStringList{tr("+ %n more type(s)", "", int(typeCount - more))} +
                    entries.mid(typeCount);
                typeCount = more;
            }
        }
        const qsizetype rows = (shown.size() + columns - 1) / columns;
        QFont font = QGuiApplication::font();
        font.setPixelSize(12);
        font.setBold(false);
        const QFontMetricsF metrics(font);
        double textWidth = 0;
        for (const QString &e : std::as_const(shown))
            textWidth = std::max(textWidth, metrics.horizontalAdvance(e));
        if (columns > 1)
            textWidth = std::min(textWidth, 170.0);
        const double columnWidth = textWidth + 44;
        // The box, with a pixel round it for its edge.
        const QRectF box(1, 1, columns * columnWidth - (columns - 1) * 12,
                         double(rows) * line + 12);
        m_legendBoxHeight = box.height();
        m_legendImage = QImage((box.size() + QSizeF(2, 2)).toSize() * dpr + QSize(1, 1),
                               QImage::Format_ARGB32_Premultiplied);
        m_legendImage.setDevicePixelRatio(dpr);
        m_legendImage.fill(Qt::transparent);
        m_legendImageEntries = entries;
        m_legendImageRows = maxRows;
        m_legendShown = shown;
        QPainter legend(&m_legendImage);
        legend.setRenderHint(QPainter::Antialiasing, true);
        legend.setFont(font);
        legend.setPen(QPen(QColor(0, 0, 0, 40), 1));
        legend.setBrush(QColor(255, 255, 255, 245));
        legend.drawRoundedRect(box, 4, 4);
        for (qsizetype i = 0; i < shown.size(); ++i) {
            const double left = box.left() + double(i / rows) * (columnWidth - 12);
            const QPointF dot(left + 16, box.top() + 6 + line * double(i % rows) + line / 2);
            const QString &entry = shown[i];
            if (i < typeCount) {
                legend.setPen(QPen(QColor(255, 255, 255), 1.2));
                legend.setBrush(typeColour(types[i]));
                legend.drawEllipse(dot, 6, 6);
            } else if (i == more) {
                // words only
            } else if (entry == tr("crowd size (area)")) {
                legend.setPen(QPen(QColor(0x55, 0x5f, 0x69), 1));
                legend.setBrush(Qt::NoBrush);
                legend.drawEllipse(dot, 3, 3);
                legend.drawEllipse(dot, 7, 7);
            } else if (entry == tr("size unknown")) {
                legend.setPen(QPen(QColor(0x55, 0x5f, 0x69), 2));
                legend.setBrush(Qt::white);
                legend.drawEllipse(dot, 5, 5);
            } else if (entry == tr("date: month or year only")) {
                legend.setPen(QPen(Qt::white, 1.2));
                legend.setBrush(QColor(0x55, 0x5f, 0x69));
                legend.drawEllipse(dot, 4, 4);
                legend.setPen(QPen(QColor(0x55, 0x5f, 0x69), 1.2, Qt::DashLine));
                legend.setBrush(Qt::NoBrush);
                legend.drawEllipse(dot, 7.5, 7.5);
            } else if (entry == tr("placed at state or country")) {
                legend.setPen(QPen(QColor(0x55, 0x5f, 0x69), 2.2, Qt::DotLine));
                legend.setBrush(Qt::NoBrush);
                legend.drawEllipse(dot, 5, 5);
            } else {
                legend.setPen(QPen(Qt::white, 1));
                legend.setBrush(QColor(0x33, 0x41, 0x4e));
                legend.drawEllipse(dot, 7, 7);
            }
            legend.setPen(QColor(0x33, 0x37, 0x3b));
            legend.drawText(QPointF(left + 32, dot.y() + metrics.ascent() / 2 - 1),
                            metrics.elidedText(entry, Qt::ElideRight, textWidth));
        }
    }
    return m_legendImage;
}

QPointF EventLayer::legendPosition(Corner corner, QSizeF size) const
{
    // The box 10 px from the side and the top, 16 px above the bottom, and on the right above
    // the basemap's attribution; the image has a pixel round it for the box's edge.
    constexpr double kAttribution = 22;
    const double boxHeight = m_legendBoxHeight;
    const bool right = corner == Corner::TopRight || corner == Corner::BottomRight;
    const double x = right ? width() - 10 - size.width() + 1 : 10 - 1;
    switch (corner) {
    case Corner::TopLeft:
    case Corner::TopRight:
        return {x, 10 - 1};
    case Corner::BottomRight:
        return {x, height() - 16 - kAttribution - boxHeight - 1};
    case Corner::BottomLeft:
        break;
    }
    return {x, height() - 16 - boxHeight - 1};
}

EventLayer::Corner EventLayer::quietestCorner(QSizeF size) const
{
    // A symbol whose centre the box leaves free still shows enough to be read and clicked.
    const auto hidden = [&](Corner corner) {
        const QRectF box = QRectF(legendPosition(corner, size), size).adjusted(-4, -4, 4, 4);
        qint64 events = 0;
        for (const Cluster &c : clusters()) {
            if (box.contains(c.position))
                events += c.count;
        }
        return events;
    };
    Corner best = m_legendCorner;
    qint64 fewest = hidden(best);
    for (const Corner corner :
         {Corner::BottomLeft, Corner::TopLeft, Corner::TopRight, Corner::BottomRight}) {
        if (fewest == 0)
            break;
        if (const qint64 n = hidden(corner); n < fewest) {
            best = corner;
            fewest = n;
        }
    }
    return best;
}

QRectF EventLayer::legendBox() const
{
    if (!m_legendCanvas->isVisible())
        return {};
    return {m_legendCanvas->position(), m_legendCanvas->size()};
}

const QImage &EventLayer::symbolImage(SymbolStyle style, qint64 type, double radius,
                                      qreal dpr) const
{
    // Keyed by style, colour and radius to a quarter pixel: a few dozen images in practice.
    const int quarters = int(std::lround(radius * 4));
    const quint32 colour =
        style == SymbolStyle::Cluster ? 0 : quint32(render::typeColourIndex(type));
    static_assert(render::kTypeColours <= 16, "a colour takes four bits of the key");
    const quint32 key = quint32(style) | colour << 2 | quint32(quarters) << 6;
    if (dpr != m_symbolDpr || m_symbols.size() > 4096) {
        m_symbols.clear();
        m_symbolDpr = dpr;
    }
    QImage &image = m_symbols[key];
    if (!image.isNull())
        return image;
    const double r = quarters / 4.0;
    const int side = int(std::ceil(2 * r + 6)); // the widest pen, with a pixel to spare
    image = QImage(QSize(side, side) * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QColor tint = typeColour(type);
    switch (style) {
    case SymbolStyle::Cluster:
        painter.setPen(QPen(QColor(255, 255, 255, 235), 1.5));
        painter.setBrush(QColor(0x33, 0x41, 0x4e, 225));
        break;
    case SymbolStyle::Area:
        // Placed only at a state or country: a hollow dotted ring, never mistaken for a town.
        painter.setPen(QPen(tint, 2.2, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        break;
    case SymbolStyle::UnknownSize:
        // Size unknown: light fill, coloured edge.
        painter.setPen(QPen(tint, 2.0));
        painter.setBrush(QColor(255, 255, 255, 220));
        break;
    case SymbolStyle::Sized: {
        painter.setPen(QPen(QColor(255, 255, 255, 230), 1.2));
        QColor fill = tint;
        fill.setAlpha(215);
        painter.setBrush(fill);
        break;
    }
    }
    painter.drawEllipse(QPointF(side / 2.0, side / 2.0), r, r);
    return image;
}

const QStaticText &EventLayer::countLabel(int count, const QPainter &painter) const
{
    // Laying a text out takes longer than drawing it: a cluster's count is laid out once for
    // all frames (a few hundred distinct counts in practice).
    const qreal dpr = painter.device()->devicePixelRatioF();
    if (dpr != m_labelDpr || m_labels.size() > 2048) {
        m_labels.clear();
        m_labelDpr = dpr;
    }
    const QString text = render::compactCount(count);
    QStaticText &label = m_labels[text];
    if (label.text().isEmpty()) {
        label.setText(text);
        label.setTextFormat(Qt::PlainText);
        label.prepare(painter.transform(), painter.font());
    }
    return label;
}

void EventLayer::paintSymbols(QPainter *painter) const
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    QFont font = painter->font();
    font.setPixelSize(11);
    font.setBold(true);
    painter->setFont(font);
    // Each symbol is copied from an image drawn once: hundreds of antialiased circles per
    // frame would take far longer to draw.
    const qreal dpr = painter->device()->devicePixelRatioF();
    const auto stamp = [&](const QImage &image, QPointF centre) {
        const QSizeF half = image.deviceIndependentSize() / 2;
        painter->drawImage(centre - QPointF(half.width(), half.height()), image);
    };
    const qint64 selected = m_bridge ? m_bridge->selectedEvent() : 0;
    for (const Cluster &c : clusters()) {
        const double r = symbolRadius(c);
        if (c.single) {
            const MapPoint &p = *c.single;
            const bool area = p.precision == quint8(GeoPrecision::Admin1) ||
                p.precision == quint8(GeoPrecision::Country);
            const SymbolStyle style = area ? SymbolStyle::Area
                : p.size < 0               ? SymbolStyle::UnknownSize
                                           : SymbolStyle::Sized;
            stamp(symbolImage(style, p.type, r, dpr), c.position);
            if (p.datePrecision != quint8(DatePrecision::Day)) {
                // Known only to the month or year: a dashed halo says the day is uncertain.
                painter->setPen(QPen(typeColour(p.type), 1.2, Qt::DashLine));
                painter->setBrush(Qt::NoBrush);
                painter->drawEllipse(c.position, r + 3, r + 3);
            }
            if (selected && p.id == selected) {
                painter->setPen(QPen(QColor(0x11, 0x18, 0x20), 2.5));
                painter->setBrush(Qt::NoBrush);
                painter->drawEllipse(c.position, r + 4, r + 4);
            }
            continue;
        }
        stamp(symbolImage(SymbolStyle::Cluster, 0, r, dpr), c.position);
        painter->setPen(Qt::white);
        const QStaticText &label = countLabel(c.count, *painter);
        const QSizeF size = label.size();
        painter->drawStaticText(c.position - QPointF(size.width() / 2, size.height() / 2), label);
    }
}

void EventLayer::paint(QPainter *painter) const
{
    paintSymbols(painter);
    const QStringList entries = legendEntries();
    if (entries.isEmpty() || !legendShown())
        return;
    const QImage &image = legendImage(entries, painter->device()->devicePixelRatioF());
    painter->drawImage(legendPosition(image), image);
}

QRectF EventLayer::symbolsBounds() const
{
    QRectF bounds;
    for (const Cluster &c : clusters()) {
        // The selection ring reaches 5.25 px past the symbol; counts stay inside it.
        const double reach = symbolRadius(c) + 7;
        bounds |= QRectF(c.position.x() - reach, c.position.y() - reach, 2 * reach, 2 * reach);
    }
    return bounds;
}

void EventLayer::refresh()
{
    polish();
}

void EventLayer::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() != oldGeometry.size()) {
        publishView();
        m_placeLegend = true;
        refresh();
    }
}

void EventLayer::updatePolish()
{
    // The symbols' canvas covers what they cover, so that the frame redraws that much of
    // the map and no more; it is drawn again at every refresh.
    const QRectF symbols = symbolsBounds().intersected(boundingRect()).toAlignedRect();
    m_symbolCanvas->setVisible(!symbols.isEmpty());
    if (!symbols.isEmpty()) {
        m_symbolCanvas->setPosition(symbols.topLeft());
        m_symbolCanvas->setSize(symbols.size());
        m_symbolCanvas->update();
    }
    // The legend's, only when what it says or where it stands changes.
    const QStringList entries = legendEntries();
    m_legendCanvas->setVisible(!entries.isEmpty() && legendShown());
    if (!entries.isEmpty()) {
        const qreal dpr = window() ? window()->effectiveDevicePixelRatio() : 1.0;
        const QImage &image = legendImage(entries, dpr);
        if (std::exchange(m_placeLegend, false))
            m_legendCorner = quietestCorner(image.deviceIndependentSize());
        const QRectF box(legendPosition(image), image.deviceIndependentSize());
        if (box != QRectF(m_legendCanvas->position(), m_legendCanvas->size()) ||
            image.cacheKey() != m_legendDrawn) {
            m_legendCanvas->setPosition(box.topLeft());
            m_legendCanvas->setSize(box.size());
            m_legendCanvas->update();
            m_legendDrawn = image.cacheKey();
        }
    }
    // The grid that makes panning cheap is built on a worker once this frame is out: made
    // at once, it would take the core the first drawing of new events clusters on.
    if (m_bridge && m_bridge->events() && (!m_grid || m_grid->points() != m_bridge->events()))
        QMetaObject::invokeMethod(this, &EventLayer::buildGrid, Qt::QueuedConnection);
}

} // namespace placard
