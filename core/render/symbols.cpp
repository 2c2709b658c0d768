// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/symbols.h"

#include "catalogue/event.h"
#include "render/palette.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace placard::render {

double eventRadius(qint64 size)
{
    return size >= 0 ? std::clamp(3.5 + std::sqrt(double(size)) / 12.0, 4.0, 22.0) : 5.0;
}

double clusterRadius(int count)
{
    return std::clamp(9.0 + 4.0 * std::log10(double(std::max(count, 1))), 10.0, 21.0);
}

Symbol symbolFor(const MapPoint &p)
{
    const bool area =
        p.precision == quint8(GeoPrecision::Admin1) || p.precision == quint8(GeoPrecision::Country);
    return {area             ? SymbolStyle::Area
                : p.size < 0 ? SymbolStyle::UnknownSize
                             : SymbolStyle::Sized,
            p.type, eventRadius(p.size), p.datePrecision != quint8(DatePrecision::Day), QColor()};
}

QString compactCount(int n)
{
    if (n < 1000)
        return QString::number(n);
    if (n < 10000)
        return QStringLiteral("%1k").arg(n / 1000.0, 0, 'f', 1);
    if (n < 1000000)
        return QStringLiteral("%1k").arg(n / 1000);
    return QStringLiteral("%1M").arg(n / 1000000.0, 0, 'f', 1);
}

QColor clusterFill()
{
    return QColor(0x33, 0x41, 0x4e, 225);
}

void drawSymbol(QPainter &painter, const Symbol &s, QPointF centre, double scale)
{
    // The same pens and fills as the map's event layer, so an export looks like the map.
    const QColor tint = s.colour.isValid() ? s.colour : typeColour(s.type);
    switch (s.style) {
    case SymbolStyle::Cluster:
        painter.setPen(QPen(QColor(255, 255, 255, 235), 1.5 * scale));
        painter.setBrush(clusterFill());
        break;
    case SymbolStyle::Area:
        painter.setPen(QPen(tint, 2.2 * scale, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        break;
    case SymbolStyle::UnknownSize:
        painter.setPen(QPen(tint, 2.0 * scale));
        painter.setBrush(QColor(255, 255, 255, 220));
        break;
    case SymbolStyle::Sized: {
        painter.setPen(QPen(QColor(255, 255, 255, 230), 1.2 * scale));
        QColor fill = tint;
        fill.setAlpha(215);
        painter.setBrush(fill);
        break;
    }
    }
    const double r = s.radius * scale;
    painter.drawEllipse(centre, r, r);
    if (s.dateHalo) {
        painter.setPen(QPen(tint, 1.2 * scale, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(centre, r + 3 * scale, r + 3 * scale);
    }
}

SymbolStamps::SymbolStamps(double scale)
    : m_scale(scale)
{
}

void SymbolStamps::stamp(QPainter &painter, const Symbol &s, QPointF centre)
{
    if (s.colour.isValid()) { // rare (the legend): not worth a key of its own
        drawSymbol(painter, s, centre, m_scale);
        return;
    }
    const quint64 quarters = quint64(std::lround(s.radius * 4));
    const quint64 colour = s.style == SymbolStyle::Cluster ? 0 : quint64(typeColourIndex(s.type));
    const quint64 key = quint64(s.style) | colour << 2 | quint64(s.dateHalo) << 8 | quarters << 9;
    QImage &image = m_images[key];
    if (image.isNull()) {
        // Wide enough for the halo and the widest pen, with a pixel to spare; an odd side
        // puts the centre in the middle of a pixel.
        const double reach = (quarters / 4.0 + 3 + 1.5) * m_scale;
        const int side = 2 * int(std::ceil(reach)) + 3;
        image = QImage(side, side, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing, true);
        Symbol exact = s;
        exact.radius = quarters / 4.0;
        drawSymbol(p, exact, QPointF(side / 2.0, side / 2.0), m_scale);
    }
    const double half = image.width() / 2.0;
    // Whole pixels: a copy at a fractional offset would be resampled.
    painter.drawImage(
        QPoint(int(std::lround(centre.x() - half)), int(std::lround(centre.y() - half))), image);
}

namespace {
/// Two symbols closer than this times their radii together become one: a rim may overlap, a
/// number (about 10 pixels each side of its centre) may not.
constexpr double kMergeReach = 0.8;
} // namespace

double symbolRadius(const Cluster &c)
{
    return c.single ? eventRadius(c.single->size) : clusterRadius(c.count);
}

// A sweep along x over a few thousand symbols, a few rounds in practice.
void mergeOverlapping(std::vector<Cluster> &clusters)
{
    // Each round merges at least one pair or ends it all, so this ends.
    for (;;) {
        std::vector<std::size_t> order(clusters.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return clusters[a].position.x() < clusters[b].position.x();
        });
        const double widest = 2 * 22.0; // no two symbols reach further apart than this
        std::vector<bool> gone(clusters.size(), false);
        bool merged = false;
        for (std::size_t oi = 0; oi < order.size(); ++oi) {
            const std::size_t i = order[oi];
            if (gone[i])
                continue;
            for (std::size_t oj = oi + 1; oj < order.size(); ++oj) {
                const std::size_t j = order[oj];
                Cluster &a = clusters[i];
                const Cluster &b = clusters[j];
                if (b.position.x() - a.position.x() > widest)
                    break;
                if (gone[j])
                    continue;
                const QPointF d = a.position - b.position;
                const double reach = kMergeReach * (symbolRadius(a) + symbolRadius(b));
                if (QPointF::dotProduct(d, d) >= reach * reach)
                    continue;
                // One cluster of both: its place the mean of all their events.
                const double n = a.count + b.count;
                a.position = (a.position * a.count + b.position * b.count) / n;
                a.count += b.count;
                a.knownSize += b.knownSize;
                a.unknownSize += b.unknownSize;
                a.single = nullptr;
                gone[j] = true;
                merged = true;
            }
        }
        if (!merged)
            return;
        // Keep the first-seen order of what is left.
        std::size_t kept = 0;
        for (std::size_t i = 0; i < clusters.size(); ++i) {
            if (!gone[i])
                clusters[kept++] = clusters[i];
        }
        clusters.resize(kept);
    }
}

} // namespace placard::render
