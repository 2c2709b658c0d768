// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/basemaprenderer.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace placard::geo {

namespace {

struct Palette {
    QColor water, land, lake, river, coast, country, admin1, county, text, halo, dot;
};

Palette paletteFor(BasemapStyle style)
{
    if (style == BasemapStyle::Dark) {
        return {QColor(0x1d, 0x26, 0x2d), QColor(0x2c, 0x30, 0x34), QColor(0x1d, 0x26, 0x2d),
                QColor(0x27, 0x35, 0x40), QColor(0x3a, 0x44, 0x4c), QColor(0x6a, 0x70, 0x76),
                QColor(0x4d, 0x53, 0x59), QColor(0x3c, 0x41, 0x46), QColor(0xc9, 0xcd, 0xd1),
                QColor(0x1b, 0x1e, 0x21), QColor(0x9a, 0xa0, 0xa6)};
    }
    return {QColor(0xcf, 0xdc, 0xe5), QColor(0xf3, 0xf1, 0xec), QColor(0xcf, 0xdc, 0xe5),
            QColor(0xb4, 0xc8, 0xd6), QColor(0xa9, 0xbc, 0xc9), QColor(0x9c, 0x97, 0x93),
            QColor(0xbd, 0xb7, 0xb1), QColor(0xdc, 0xd7, 0xd0), QColor(0x4a, 0x4e, 0x52),
            QColor(0xf8, 0xf7, 0xf4), QColor(0x6f, 0x73, 0x77)};
}

// The smallest place rank labelled at a zoom (rank 1 are the biggest cities).
int maxRankAt(int zoom)
{
    if (zoom <= 2)
        return 1;
    if (zoom <= 3)
        return 2;
    if (zoom <= 4)
        return 3;
    if (zoom <= 6)
        return 4;
    if (zoom <= 8)
        return 5;
    return 6;
}

int fontSizeFor(int rank, int zoom)
{
    const int base = rank <= 1 ? 13 : rank == 2 ? 12 : rank == 3 ? 11 : 10;
    return zoom >= 9 && rank <= 3 ? base + 1 : base;
}

QFont labelFont(int pixelSize, bool capital)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(pixelSize);
    font.setWeight(capital ? QFont::DemiBold : QFont::Normal);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

} // namespace

QString styleName(BasemapStyle style)
{
    return style == BasemapStyle::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

BasemapRenderer::BasemapRenderer(std::shared_ptr<const BasemapData> data, BasemapStyle style)
    : m_data(std::move(data))
    , m_style(style)
{
}

QColor BasemapRenderer::waterColour() const
{
    return paletteFor(m_style).water;
}

QColor BasemapRenderer::landColour() const
{
    return paletteFor(m_style).land;
}

const QList<BasemapRenderer::Label> &BasemapRenderer::labelsFor(int zoom) const
{
    QMutexLocker lock(&m_labelMutex);
    if (auto it = m_labels.constFind(zoom); it != m_labels.cend())
        return **it;
    // Greedy placement, most populous first, over the whole world at this zoom: a label
    // is kept when its box (with a margin) meets no box kept before.
    auto labels = std::make_shared<QList<Label>>();
    const double scale = 256.0 * std::exp2(zoom);
    const int maxRank = maxRankAt(zoom);
    constexpr double cell = 128.0;
    QHash<quint64, QList<QRectF>> grid;
    const auto key = [](qint64 cx, qint64 cy) {
        return (quint64(cx) << 32) ^ quint64(cy & 0xffffffff);
    };
    for (const BasemapData::Place &p : m_data->places) {
        if (p.rank > maxRank)
            continue;
        const int size = fontSizeFor(p.rank, zoom);
        const QFontMetricsF metrics(labelFont(size, p.capital && p.rank <= 2));
        const QPointF at(p.world.x() * scale, p.world.y() * scale);
        const double w = metrics.horizontalAdvance(p.name) + 2;
        const double h = metrics.height() + 2;
        const double ascent = metrics.ascent();
        // Right of the dot, then left, above and below: the first that is free.
        const QPointF baselines[] = {
            {5, ascent / 2 - 1}, {-5 - w, ascent / 2 - 1}, {-w / 2, -5}, {-w / 2, 5 + ascent}};
        const QRectF dotBox(at.x() - 3, at.y() - 3, 6, 6);
        const auto collides = [&](const QRectF &box) {
            const qint64 x0 = qint64(std::floor(box.left() / cell)),
                         x1 = qint64(std::floor(box.right() / cell));
            const qint64 y0 = qint64(std::floor(box.top() / cell)),
                         y1 = qint64(std::floor(box.bottom() / cell));
            for (qint64 cx = x0; cx <= x1; ++cx) {
                for (qint64 cy = y0; cy <= y1; ++cy) {
                    for (const QRectF &other : grid.value(key(cx, cy))) {
                        if (other.intersects(box))
                            return true;
                    }
                }
            }
            return false;
        };
        QRectF box;
        QPointF baseline;
        bool free = false;
        for (const QPointF &b : baselines) {
            const QRectF text(at.x() + b.x(), at.y() + b.y() - ascent - 1, w, h);
            box = text.united(dotBox).adjusted(-3, -3, 3, 3);
            if (!collides(box)) {
                baseline = b;
                free = true;
                break;
            }
        }
        if (!free)
            continue;
        const qint64 x0 = qint64(std::floor(box.left() / cell)),
                     x1 = qint64(std::floor(box.right() / cell));
        const qint64 y0 = qint64(std::floor(box.top() / cell)),
                     y1 = qint64(std::floor(box.bottom() / cell));
        for (qint64 cx = x0; cx <= x1; ++cx) {
            for (qint64 cy = y0; cy <= y1; ++cy)
                grid[key(cx, cy)].append(box);
        }
        labels->append({p.world, p.name, size, p.capital && p.rank <= 2, baseline, box});
    }
    m_labels.insert(zoom, labels);
    return *labels;
}

QImage BasemapRenderer::renderTile(int z, int x, int y, int tileSize) const
{
    QImage image(tileSize, tileSize, QImage::Format_RGB32);
    const double n = std::exp2(z);
    const QRectF world(x / n, y / n, 1.0 / n, 1.0 / n);
    QPainter painter(&image);
    render(painter, QRectF(0, 0, tileSize, tileSize), world, z, tileSize / 256.0);
    painter.end();
    return image;
}

void BasemapRenderer::render(QPainter &painter, const QRectF &target, const QRectF &world, int zoom,
                             double pixelRatio) const
{
    const Palette c = paletteFor(m_style);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(target, c.water);
    painter.setClipRect(target);

    // World coordinates onto the target rectangle.
    const double sx = target.width() / world.width();
    const double sy = target.height() / world.height();
    const QTransform toTarget(sx, 0, 0, sy, target.left() - world.left() * sx,
                              target.top() - world.top() * sy);
    // Shapes reaching a little beyond the area, so strokes at the edge are whole.
    const QRectF reach = world.adjusted(-world.width() * 0.02, -world.height() * 0.02,
                                        world.width() * 0.02, world.height() * 0.02);

    const auto fill = [&](const QList<BasemapData::Shape> &shapes, const QColor &colour) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        for (const BasemapData::Shape &s : shapes) {
            if (s.bounds.intersects(reach))
                painter.drawPath(toTarget.map(s.path));
        }
    };
    const auto stroke = [&](const QList<BasemapData::Shape> &shapes, const QColor &colour,
                            double width, Qt::PenStyle style = Qt::SolidLine, int maxRank = 99) {
        QPen pen(colour, width * pixelRatio, style, Qt::RoundCap, Qt::RoundJoin);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        for (const BasemapData::Shape &s : shapes) {
            if (s.rank <= maxRank && s.bounds.intersects(reach))
                painter.drawPath(toTarget.map(s.path));
        }
    };

    // Land comes in pieces of a 10° grid; a hairline of its own colour hides the seams
    // antialiasing would leave between them.
    painter.setPen(QPen(c.land, 0.8 * pixelRatio));
    painter.setBrush(c.land);
    for (const BasemapData::Shape &s : zoom <= 5 ? m_data->landCoarse : m_data->land) {
        if (s.bounds.intersects(reach))
            painter.drawPath(toTarget.map(s.path));
    }
    if (zoom >= 7)
        stroke(m_data->countyBorders, c.county, 0.5);
    if (zoom >= 2)
        stroke(m_data->rivers, c.river, zoom >= 7 ? 1.0 : 0.7, Qt::SolidLine,
               zoom >= 6       ? 99
                   : zoom >= 4 ? 5
                               : 3);
    fill(m_data->lakes, c.lake);
    if (zoom >= 4)
        stroke(m_data->coastline, c.coast, zoom >= 7 ? 0.8 : 0.6);
    if (zoom >= 3)
        stroke(m_data->admin1Borders, c.admin1, zoom >= 6 ? 1.0 : 0.7,
               zoom >= 5 ? Qt::SolidLine : Qt::DashLine);
    stroke(m_data->countryBorders, c.country, zoom >= 5 ? 1.3 : zoom >= 3 ? 1.0 : 0.7);

    // Labels placed for this zoom; each drawn wherever it meets the area.
    if (zoom >= 2) {
        const double scale = 256.0 * std::exp2(zoom);
        const QRectF pixels(world.left() * scale, world.top() * scale, world.width() * scale,
                            world.height() * scale);
        const double toPixels = target.width() / pixels.width();
        for (const Label &l : labelsFor(zoom)) {
            if (!l.box.intersects(pixels))
                continue;
            const QPointF at = target.topLeft() +
                (QPointF(l.world.x() * scale, l.world.y() * scale) - pixels.topLeft()) * toPixels;
            const QFont font = labelFont(int(std::lround(l.size * pixelRatio)), l.capital);
            const double dot = (l.capital ? 3.2 : 2.4) * pixelRatio;
            painter.setPen(QPen(c.halo, 1.0 * pixelRatio));
            painter.setBrush(c.dot);
            painter.drawEllipse(at, dot, dot);
            QPainterPath text;
            text.addText(at + l.baseline * pixelRatio, font, l.text);
            painter.setPen(
                QPen(c.halo, 3.0 * pixelRatio, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(text);
            painter.setPen(Qt::NoPen);
            painter.setBrush(c.text);
            painter.drawPath(text);
        }
    }
    painter.restore();
}

} // namespace placard::geo
