// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/scalebar.h"

#include <QFont>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>

#include <cmath>

namespace placard::render {

namespace {

constexpr double kMetresPerMile = 1609.344;
constexpr double kMaxBar = 110; ///< layout pixels
constexpr double kFont = 10; ///< layout pixels
constexpr double kPad = 5;

QFont barFont(double scale)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(1, int(std::lround(kFont * scale))));
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

QString distanceText(double value)
{
    // 1,000 rather than 1000; 0.5 keeps its decimal.
    const QLocale locale(QLocale::English);
    return value >= 1 ? locale.toString(qint64(std::llround(value)))
                      : locale.toString(value, 'g', 3);
}

} // namespace

ScaleStep scaleStep(double metresPerPixel, double maxPixels, bool miles)
{
    ScaleStep step;
    if (!(metresPerPixel > 0) || !(maxPixels > 0))
        return step;
    const double unit = miles ? kMetresPerMile : 1000.0;
    const double most = maxPixels * metresPerPixel / unit; // in km or mi
    const double power = std::pow(10.0, std::floor(std::log10(most)));
    double distance = power;
    for (double m : {5.0, 2.0, 1.0}) {
        // A little slack, so that 2.9999 km is not taken for less than 3.
        if (m * power <= most * (1 + 1e-9)) {
            distance = m * power;
            break;
        }
    }
    step.distance = distance;
    step.pixels = distance * unit / metresPerPixel;
    if (!miles && distance < 1)
        step.label = QStringLiteral("%1 m").arg(distanceText(distance * 1000));
    else
        step.label = QStringLiteral("%1 %2").arg(
            distanceText(distance), miles ? QStringLiteral("mi") : QStringLiteral("km"));
    return step;
}

ScaleBar::ScaleBar(double metresPerPixel, double scale)
    : m_scale(scale)
    , m_km(scaleStep(metresPerPixel, kMaxBar * scale, false))
    , m_mi(scaleStep(metresPerPixel, kMaxBar * scale, true))
{
}

QSizeF ScaleBar::size() const
{
    // Two rows, each a bar and its label after it.
    const QFontMetricsF metrics(barFont(m_scale));
    const double gap = kPad * m_scale;
    const double rows = std::max(m_km.pixels + metrics.horizontalAdvance(m_km.label),
                                 m_mi.pixels + metrics.horizontalAdvance(m_mi.label));
    return {rows + 3 * gap, 2 * metrics.height() + 2 * gap};
}

void ScaleBar::draw(QPainter &painter, QPointF bottomLeft, const QColor &ink,
                    const QColor &plate) const
{
    const QFont font = barFont(m_scale);
    const QFontMetricsF metrics(font);
    const QSizeF box = size();
    const QRectF rect(bottomLeft.x(), bottomLeft.y() - box.height(), box.width(), box.height());
    const double gap = kPad * m_scale;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    painter.setBrush(plate);
    painter.drawRoundedRect(rect, 3 * m_scale, 3 * m_scale);
    painter.setFont(font);
    const double tick = 3 * m_scale;
    double y = rect.top() + gap + metrics.height() / 2;
    for (const ScaleStep *step : {&m_km, &m_mi}) {
        const double x0 = rect.left() + gap;
        const double x1 = x0 + step->pixels;
        painter.setPen(QPen(ink, 1.2 * m_scale, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        painter.drawLine(QPointF(x0, y), QPointF(x1, y));
        painter.drawLine(QPointF(x0, y - tick), QPointF(x0, y + tick));
        painter.drawLine(QPointF(x1, y - tick), QPointF(x1, y + tick));
        painter.setPen(ink);
        painter.drawText(QPointF(x1 + gap, y + (metrics.ascent() - metrics.descent()) / 2),
                         step->label);
        y += metrics.height();
    }
    painter.restore();
}

} // namespace placard::render
