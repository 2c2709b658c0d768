// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/mapexport.h"

#include "catalogue/event.h"
#include "geo/webmercator.h"
#include "render/scalebar.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QImageWriter>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPaintEngine>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QtMath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace placard::render {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("MapExport", text);
}

// Layout sizes, in layout pixels (1/96 inch).
constexpr double kTitleFont = 24;
constexpr double kSubtitleFont = 15;
constexpr double kCaptionFont = 12;
constexpr double kFooterFont = 10;
constexpr double kCountFont = 11;
constexpr double kGap = 10; ///< between the page's blocks
constexpr double kLineGap = 4; ///< between title, subtitle and caption
constexpr double kInset = 10; ///< of the scale bar from the map's corner
constexpr double kClusterCell = 44; ///< as on the map
constexpr double kTouchCell = 18; ///< where two events' symbols would touch
constexpr std::size_t kStoryMarks = 300; ///< symbols a map may have with the finer grouping
constexpr double kPlatePad = 8; ///< round the legend when it is a key on the map
/// How far a symbol may reach from its event: the largest disc, its halo and pen.
constexpr double kSymbolReach = 22 + 3 + 1.5;
/// A fitted map zooms in no closer than this: one event shows its city, one placed only at a
/// state or country shows that much around it.
constexpr double kMaxFitZoom = 11;
constexpr double kAdmin1Zoom = 6;
constexpr double kCountryZoom = 4;
constexpr double kMaxZoom = 16;
constexpr int kMinDpi = 36;
constexpr int kMaxDpi = 1200;
constexpr int kMinPixels = 100;

/// The page's colours round the map.
struct PageColours {
    QColor paper, ink, text, muted, rule, plate;
};

PageColours pageColours(geo::BasemapStyle style)
{
    if (style == geo::BasemapStyle::Dark)
        return {QColor(0x16, 0x19, 0x1c), QColor(0xf1, 0xf2, 0xf3), QColor(0xcf, 0xd3, 0xd7),
                QColor(0x95, 0x9b, 0xa1), QColor(0x3a, 0x40, 0x46), QColor(0x16, 0x19, 0x1c, 200)};
    return {QColor(0xff, 0xff, 0xff), QColor(0x1a, 0x1d, 0x20), QColor(0x3d, 0x42, 0x47),
            QColor(0x6b, 0x71, 0x77), QColor(0xcf, 0xcb, 0xc5), QColor(0xff, 0xff, 0xff, 210)};
}

QFont pageFont(double layoutPixels, double scale, bool bold = false)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(1, int(std::lround(layoutPixels * scale))));
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

/// The height of `text` wrapped at `width`; 0 for no text.
double textHeight(const QString &text, const QFont &font, double width)
{
    if (text.isEmpty())
        return 0;
    return QFontMetricsF(font)
        .boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap | Qt::AlignLeft, text)
        .height();
}

double seconds(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e9;
}

} // namespace

std::optional<ExportFormat> formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1StringView("png"))
        return ExportFormat::Png;
    if (suffix == QLatin1StringView("svg"))
        return ExportFormat::Svg;
    if (suffix == QLatin1StringView("pdf"))
        return ExportFormat::Pdf;
    return std::nullopt;
}

QString presetName(ExportPreset preset)
{
    switch (preset) {
    case ExportPreset::Social:
        return QStringLiteral("social");
    case ExportPreset::Square:
        return QStringLiteral("square");
    case ExportPreset::A4Landscape:
        return QStringLiteral("a4-landscape");
    }
    return {};
}

std::optional<ExportPreset> presetFromName(const QString &name)
{
    for (ExportPreset p : {ExportPreset::Social, ExportPreset::Square, ExportPreset::A4Landscape}) {
        if (presetName(p) == name)
            return p;
    }
    return std::nullopt;
}

QSize pixelsForMillimetres(QSizeF mm, int dpi)
{
    return {int(std::lround(mm.width() * dpi / 25.4)), int(std::lround(mm.height() * dpi / 25.4))};
}

void MapExportSettings::applyPreset(ExportPreset preset)
{
    switch (preset) {
    case ExportPreset::Social:
        pixels = {1200, 675};
        millimetres.reset();
        dpi = 144;
        break;
    case ExportPreset::Square:
        pixels = {1080, 1080};
        millimetres.reset();
        dpi = 144;
        break;
    case ExportPreset::A4Landscape:
        millimetres = QSizeF(297, 210);
        dpi = 300;
        break;
    }
}

QSize MapExportSettings::pixelSize() const
{
    return millimetres ? pixelsForMillimetres(*millimetres, dpi) : pixels;
}

QSizeF MapExportSettings::pageMillimetres() const
{
    return millimetres ? *millimetres : QSizeF(pixels) * 25.4 / dpi;
}

QString basemapAttribution()
{
    return tr("Basemap: Natural Earth, US Census Bureau");
}

QString dateRangeText(const QDate &first, const QDate &last)
{
    const QLocale locale(QLocale::English);
    const auto full = [&](const QDate &d) {
        return locale.toString(d, QStringLiteral("d MMMM yyyy"));
    };
    if (!first.isValid() || !last.isValid())
        return {};
    if (first >= last)
        return full(first);
    if (first.year() != last.year())
        return QStringLiteral("%1 – %2").arg(full(first), full(last));
    if (first.month() != last.month())
        return QStringLiteral("%1 – %2").arg(locale.toString(first, QStringLiteral("d MMMM")),
                                             full(last));
    return QStringLiteral("%1–%2").arg(first.day()).arg(full(last));
}

MapExport::MapExport(const MapExportSettings &settings, std::shared_ptr<const MapPoints> points,
                     const QHash<qint64, QString> &typeNames,
                     std::shared_ptr<const geo::BasemapRenderer> basemap)
    : m_settings(settings)
    , m_points(points ? std::move(points) : std::make_shared<const MapPoints>())
    , m_typeNames(typeNames)
    , m_basemap(std::move(basemap))
{
    if (m_settings.attribution.isEmpty() && m_basemap)
        m_settings.attribution = basemapAttribution();
    QElapsedTimer timer;
    timer.start();
    plan();
    m_planSeconds = seconds(timer);
}

double MapExport::headerHeight(double width)
{
    // Title, subtitle and caption, each wrapped to the page, one under the other.
    const double s = m_settings.scale();
    const double top = m_settings.margin * s;
    double y = top;
    const auto place = [&](const QString &text, const QFont &font, QRectF &rect) {
        const double h = textHeight(text, font, width);
        if (h <= 0) {
            rect = QRectF(m_layout.page.left() + top, y, width, 0);
            return;
        }
        if (y > top)
            y += kLineGap * s;
        rect = QRectF(m_layout.page.left() + top, y, width, h);
        y += h;
    };
    place(m_settings.title, pageFont(kTitleFont, s, true), m_layout.title);
    place(m_settings.subtitle, pageFont(kSubtitleFont, s), m_layout.subtitle);
    place(m_settings.caption, pageFont(kCaptionFont, s), m_layout.caption);
    return y - top;
}

void MapExport::plan()
{
    const MapExportSettings &st = m_settings;
    if (st.dpi < kMinDpi || st.dpi > kMaxDpi) {
        m_error = tr("%1 dpi is out of range: %2 to %3").arg(st.dpi).arg(kMinDpi).arg(kMaxDpi);
        return;
    }
    if (st.millimetres && (!(st.millimetres->width() > 0) || !(st.millimetres->height() > 0))) {
        m_error = tr("the page size in millimetres must be positive");
        return;
    }
    const QSize px = st.pixelSize();
    if (px.width() > kMaxExportPixels || px.height() > kMaxExportPixels) {
        m_error = tr("the page would be %1 × %2 pixels at %3 dpi; at most %4 a side: make it "
                     "smaller or lower the DPI")
                      .arg(px.width())
                      .arg(px.height())
                      .arg(st.dpi)
                      .arg(kMaxExportPixels);
        return;
    }
    if (px.width() < kMinPixels || px.height() < kMinPixels) {
        m_error = tr("the page would be %1 × %2 pixels; at least %3 a side")
                      .arg(px.width())
                      .arg(px.height())
                      .arg(kMinPixels);
        return;
    }
    if (st.extent && (!(st.extent->width() > 0) || !(st.extent->height() > 0))) {
        m_error = tr("the map's extent is empty");
        return;
    }
    if (st.margin < 0) {
        m_error = tr("the margin cannot be negative");
        return;
    }

    const double s = st.scale();
    m_layout.page = QRectF(QPointF(0, 0), QSizeF(px));
    const double margin = st.margin * s;
    const double width = m_layout.page.width() - 2 * margin;
    const double header = headerHeight(width);

    // The footer: the credit on the left, the attribution on the right, or on two lines
    // when they do not fit side by side.
    const QFont footerFont = pageFont(kFooterFont, s);
    const QFontMetricsF footerMetrics(footerFont);
    double footer = 0;
    if (!st.credit.isEmpty() || !st.attribution.isEmpty()) {
        const double both = footerMetrics.horizontalAdvance(st.credit) +
            footerMetrics.horizontalAdvance(st.attribution) + 3 * kGap * s;
        const bool twoLines = !st.credit.isEmpty() && !st.attribution.isEmpty() && both > width;
        footer = textHeight(st.credit.isEmpty() ? st.attribution : st.credit, footerFont, width) +
            (twoLines ? footerMetrics.height() : 0);
    }
    m_layout.footer = QRectF(margin, m_layout.page.bottom() - margin - footer, width, footer);

    m_header = header;
    m_footer = footer;
    m_width = width;

    // The map first without a legend above it, then the legend as a key in a corner of the
    // map that no symbol reaches; failing that, above the map, which then has to shrink.
    LegendFacts facts = fitMap(0);
    if (!m_error.isEmpty())
        return;
    m_legend = std::make_unique<Legend>(facts, m_typeNames, s, pageColours(st.style).muted);
    m_facts = facts;
    if (!st.legend || m_legend->isEmpty())
        return;
    if (const std::optional<QRectF> corner = freeCorner()) {
        m_layout.legend = *corner;
        m_legendInset = true;
        return;
    }
    // The legend tells of what the map shows, and its height decides the map's: settled in a
    // few rounds, the legend only ever growing, so that it never leaves out what is drawn.
    for (int round = 0; round < 3; ++round) {
        m_legend = std::make_unique<Legend>(facts, m_typeNames, s, pageColours(st.style).muted);
        m_facts = facts;
        const LegendFacts seen = fitMap(m_legend->height(width));
        if (!m_error.isEmpty())
            return;
        const LegendFacts next = facts.united(seen);
        if (next == facts)
            break;
        facts = next;
    }
}

LegendFacts MapExport::fitMap(double legendAbove)
{
    const MapExportSettings &st = m_settings;
    const double s = st.scale();
    const double margin = st.margin * s;
    double y = margin + m_header;
    if (m_header > 0)
        y += kGap * s;
    m_layout.legend = QRectF(margin, y, m_width, legendAbove);
    if (legendAbove > 0)
        y += legendAbove + kGap * s;
    const double bottom = m_layout.footer.top() - (m_footer > 0 ? kGap * s : 0);
    m_layout.map = QRectF(margin, y, m_width, bottom - y);
    if (m_layout.map.height() < 60 * s || m_layout.map.width() < 60 * s) {
        m_error = tr("the page is too small for its title, legend and map: make it larger, or "
                     "shorten the title");
        return {};
    }

    // The bounds to show: the extent asked for, or the events'.
    const MapPoints &points = *m_points;
    QRectF bounds;
    double maxZoom = kMaxZoom;
    if (st.extent) {
        bounds = *st.extent;
    } else {
        float x0 = 2, x1 = -1, y0 = 2, y1 = -1;
        maxZoom = 0;
        for (const MapPoint &p : points) {
            if (std::isnan(p.x) || std::isnan(p.y))
                continue; // unplaced
            // No closer than the most precise event allows: a town, or its state or country.
            maxZoom = std::max(maxZoom,
                               p.precision == quint8(GeoPrecision::Country)      ? kCountryZoom
                                   : p.precision == quint8(GeoPrecision::Admin1) ? kAdmin1Zoom
                                                                                 : kMaxFitZoom);
            x0 = std::min(x0, p.x);
            x1 = std::max(x1, p.x);
            y0 = std::min(y0, p.y);
            y1 = std::max(y1, p.y);
        }
        bounds = x0 <= x1
            ? QRectF(QPointF(x0, y0), QPointF(x1, y1))
            // No events: the inhabited world.
            : QRectF(geo::mercator::toWorld(75, -170), geo::mercator::toWorld(-56, 180));
        if (x0 > x1)
            maxZoom = kMaxFitZoom;
    }
    // Device pixels per world unit: the bounds (with room for the symbols at their edge,
    // unless an extent was asked for) fill the map one way or the other.
    const QSizeF area = m_layout.map.size();
    const double padX = st.extent ? 0 : std::min(kSymbolReach * s, area.width() / 4);
    const double padY = st.extent ? 0 : std::min(kSymbolReach * s, area.height() / 4);
    double f = std::numeric_limits<double>::infinity();
    if (bounds.width() > 0)
        f = std::min(f, (area.width() - 2 * padX) / bounds.width());
    if (bounds.height() > 0)
        f = std::min(f, (area.height() - 2 * padY) / bounds.height());
    f = std::min(f, s * 256.0 * std::exp2(maxZoom));
    m_zoom = std::log2(f / (s * 256.0));
    QPointF centre = bounds.center();
    const double h = area.height() / f;
    // Keep the map on the world, north to south, where it can be.
    if (h >= 1)
        centre.setY(0.5);
    else
        centre.setY(std::clamp(centre.y(), h / 2, 1 - h / 2));
    m_extent = QRectF(centre.x() - area.width() / f / 2, centre.y() - h / 2, area.width() / f, h);
    // The basemap's detail is that of the zoom level below: its labels, placed for a smaller
    // map, then never meet.
    m_basemapZoom = std::clamp(int(std::floor(m_zoom + 1e-6)), 0, int(kMaxZoom));
    placeScaleBar();
    placeMarks();

    m_shown = 0;
    for (const MapPoint &p : points)
        m_shown += m_layout.map.contains(toPage(QPointF(p.x, p.y)));
    // The legend explains what is drawn: the types and styles of the lone symbols on the
    // map (an event inside a cluster shows neither), and the clusters.
    std::vector<quint32> single;
    bool clusters = false;
    for (const Mark &m : m_marks) {
        if (!m_layout.map.contains(m.centre))
            continue;
        if (m.point)
            single.push_back(quint32(m.point - points.data()));
        else
            clusters = true;
    }
    return LegendFacts::of(points, single, clusters);
}

void MapExport::placeScaleBar()
{
    m_metresPerPixel = 0;
    m_layout.scaleBar = QRectF();
    if (!m_settings.scaleBar)
        return;
    // Web Mercator's scale changes with latitude: a bar says little once the map spans a wide
    // band of it (a world map), and is left out there.
    const double north = geo::mercator::fromWorld(QPointF(0, m_extent.top())).y();
    const double south = geo::mercator::fromWorld(QPointF(0, m_extent.bottom())).y();
    const double spread = std::cos(qDegreesToRadians(std::min(std::abs(north), 85.0))) /
        std::cos(qDegreesToRadians(std::min(std::abs(south), 85.0)));
    if (std::max(spread, 1 / spread) >= 1.6)
        return;
    const double s = m_settings.scale();
    const double latitude = geo::mercator::fromWorld(m_extent.center()).y();
    m_metresPerPixel = geo::mercator::metresPerPixel(latitude, m_zoom) / s;
    const QSizeF size = ScaleBar(m_metresPerPixel, s).size();
    m_layout.scaleBar =
        QRectF(m_layout.map.left() + kInset * s, m_layout.map.bottom() - kInset * s - size.height(),
               size.width(), size.height());
}

std::optional<QRectF> MapExport::freeCorner() const
{
    const double s = m_settings.scale();
    const double pad = kPlatePad * s;
    const QSizeF box(m_legend->columnWidth() + 2 * pad, m_legend->height(0, true) + 2 * pad);
    const QRectF map = m_layout.map.adjusted(kInset * s, kInset * s, -kInset * s, -kInset * s);
    if (box.width() > map.width() / 2 || box.height() > map.height() * 0.7)
        return std::nullopt;
    // Bottom left sits above the scale bar when there is one.
    const double bottomLeft =
        m_layout.scaleBar.isEmpty() ? map.bottom() : m_layout.scaleBar.top() - kInset * s / 2;
    const QRectF corners[] = {
        QRectF(map.topLeft(), box),
        QRectF(QPointF(map.right() - box.width(), map.top()), box),
        QRectF(QPointF(map.right() - box.width(), map.bottom() - box.height()), box),
        QRectF(QPointF(map.left(), bottomLeft - box.height()), box),
    };
    for (const QRectF &corner : corners) {
        if (corner.top() < map.top() || corner.intersects(m_layout.scaleBar))
            continue;
        // Free when no symbol (with its halo and a little air) reaches into it.
        const bool free = std::none_of(m_marks.cbegin(), m_marks.cend(), [&](const Mark &m) {
            const double r = (m.symbol.radius + 3 + 2) * s;
            const double dx =
                std::max({corner.left() - m.centre.x(), 0.0, m.centre.x() - corner.right()});
            const double dy =
                std::max({corner.top() - m.centre.y(), 0.0, m.centre.y() - corner.bottom()});
            return dx * dx + dy * dy < r * r;
        });
        if (free)
            return corner;
    }
    return std::nullopt;
}

void MapExport::placeMarks()
{
    const double s = m_settings.scale();
    const MapPoints &points = *m_points;
    m_marks.clear();
    if (m_settings.clusters) {
        // The map's grouping, in layout pixels, then onto the page. A story-sized selection
        // groups only events whose symbols would touch, so that every place shows; a dense
        // one groups as the map does, else thousands of symbols would bury each other.
        const QSizeF viewport = m_layout.map.size() / s;
        std::vector<Cluster> clusters =
            clusterPoints(points, m_extent.center(), m_zoom, viewport, kTouchCell);
        if (clusters.size() > kStoryMarks)
            clusters = clusterPoints(points, m_extent.center(), m_zoom, viewport, kClusterCell);
        mergeOverlapping(clusters);
        for (const Cluster &c : clusters) {
            const QPointF centre = m_layout.map.topLeft() + c.position * s;
            if (c.single)
                m_marks.push_back({centre, symbolFor(*c.single), 1, c.single});
            else
                m_marks.push_back(
                    {centre, Symbol{SymbolStyle::Cluster, 0, clusterRadius(c.count), false, {}},
                     c.count, nullptr});
        }
    } else {
        const QRectF reach = m_layout.map.adjusted(-kSymbolReach * s, -kSymbolReach * s,
                                                   kSymbolReach * s, kSymbolReach * s);
        for (const MapPoint &p : points) {
            const QPointF centre = toPage(QPointF(p.x, p.y));
            if (reach.contains(centre))
                m_marks.push_back({centre, symbolFor(p), 1, &p});
        }
    }
    // The largest below, so that none hides a smaller one; ties keep their order.
    std::stable_sort(m_marks.begin(), m_marks.end(), [](const Mark &a, const Mark &b) {
        return a.symbol.radius > b.symbol.radius;
    });
}

QPointF MapExport::toPage(QPointF world) const
{
    const double f = m_layout.map.width() / m_extent.width();
    return m_layout.map.center() + (world - m_extent.center()) * f;
}

QList<QRectF> MapExport::symbolBounds() const
{
    const double s = m_settings.scale();
    QList<QRectF> bounds;
    bounds.reserve(qsizetype(m_marks.size()));
    for (const Mark &m : m_marks) {
        const double r = (m.symbol.radius + (m.symbol.dateHalo ? 3.6 : 1.2)) * s;
        bounds.append(QRectF(m.centre.x() - r, m.centre.y() - r, 2 * r, 2 * r));
    }
    return bounds;
}

QStringList MapExport::legendTexts() const
{
    return m_settings.legend && m_legend ? m_legend->texts() : QStringList();
}

void MapExport::render(QPainter &painter, ExportTimings *timings) const
{
    if (!m_error.isEmpty())
        return;
    ExportTimings t;
    t.layout = m_planSeconds;
    QElapsedTimer timer;
    timer.start();
    const MapExportSettings &st = m_settings;
    const double s = st.scale();
    const PageColours c = pageColours(st.style);
    const QRectF map = m_layout.map;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(m_layout.page, c.paper);

    // The map: basemap, then the events, clipped to their rectangle.
    painter.save();
    painter.setClipRect(map);
    if (m_basemap)
        m_basemap->render(painter, map, m_extent, m_basemapZoom, s);
    else
        painter.fillRect(map, c.rule);
    t.basemap = seconds(timer);
    timer.restart();
    // A raster page copies each symbol from an image drawn once; a vector page draws them
    // all as shapes, so that they stay shapes.
    const bool raster =
        painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster;
    std::optional<SymbolStamps> stamps;
    if (raster)
        stamps.emplace(s);
    const QFont countFont = pageFont(kCountFont, s, true);
    painter.setFont(countFont);
    for (const Mark &m : m_marks) {
        if (stamps)
            stamps->stamp(painter, m.symbol, m.centre);
        else
            drawSymbol(painter, m.symbol, m.centre, s);
        if (m.count > 1) {
            const double r = m.symbol.radius * s;
            painter.setPen(Qt::white);
            painter.drawText(QRectF(m.centre.x() - r, m.centre.y() - r, 2 * r, 2 * r),
                             Qt::AlignCenter, compactCount(m.count));
        }
    }
    t.events = seconds(timer);
    timer.restart();
    if (m_metresPerPixel > 0)
        ScaleBar(m_metresPerPixel, s).draw(painter, m_layout.scaleBar.bottomLeft(), c.ink, c.plate);
    if (m_legendInset && m_legend) {
        // A key in a corner no symbol reaches, on a plate that lets the basemap show through.
        const double pad = kPlatePad * s;
        painter.setPen(QPen(c.rule, 0.8 * s));
        QColor plate = c.paper;
        plate.setAlpha(235);
        painter.setBrush(plate);
        painter.drawRoundedRect(m_layout.legend, 3 * s, 3 * s);
        m_legend->draw(painter, m_layout.legend.adjusted(pad, pad, -pad, -pad), c.text, true);
    }
    painter.restore();

    // Paper round the map, whatever a vector format made of the clip, and a hairline edge.
    painter.setPen(Qt::NoPen);
    painter.setBrush(c.paper);
    const QRectF page = m_layout.page;
    painter.drawRect(QRectF(page.left(), page.top(), page.width(), map.top() - page.top()));
    painter.drawRect(QRectF(page.left(), map.bottom(), page.width(), page.bottom() - map.bottom()));
    painter.drawRect(QRectF(page.left(), map.top(), map.left() - page.left(), map.height()));
    painter.drawRect(QRectF(map.right(), map.top(), page.right() - map.right(), map.height()));
    painter.setPen(QPen(c.rule, 1.0 * s));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(map);

    const auto text = [&](const QRectF &rect, const QString &words, const QFont &font,
                          const QColor &colour, int align = Qt::AlignLeft) {
        if (words.isEmpty() || rect.isEmpty())
            return;
        painter.setFont(font);
        painter.setPen(colour);
        painter.drawText(rect, Qt::TextWordWrap | Qt::AlignTop | align, words);
    };
    text(m_layout.title, st.title, pageFont(kTitleFont, s, true), c.ink);
    text(m_layout.subtitle, st.subtitle, pageFont(kSubtitleFont, s), c.text);
    text(m_layout.caption, st.caption, pageFont(kCaptionFont, s), c.muted);
    if (!m_legendInset && st.legend && m_legend && !m_layout.legend.isEmpty())
        m_legend->draw(painter, m_layout.legend, c.text);
    const QFont footerFont = pageFont(kFooterFont, s);
    const QRectF footer = m_layout.footer;
    if (!st.credit.isEmpty())
        text(footer, st.credit, footerFont, c.muted);
    if (!st.attribution.isEmpty()) {
        // Beside the credit when there is room, else under it.
        const QFontMetricsF metrics(footerFont);
        const bool under = !st.credit.isEmpty() &&
            metrics.horizontalAdvance(st.credit) + metrics.horizontalAdvance(st.attribution) +
                    3 * kGap * s >
                footer.width();
        const QRectF line = under ? QRectF(footer.left(), footer.bottom() - metrics.height(),
                                           footer.width(), metrics.height())
                                  : footer;
        text(line, st.attribution, footerFont, c.muted, Qt::AlignRight);
    }
    painter.restore();
    t.text = seconds(timer);
    if (timings)
        *timings = t;
}

bool MapExport::write(const QString &path, QString *error, ExportTimings *timings) const
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!m_error.isEmpty())
        return fail(m_error);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("%1: cannot write: %2").arg(path, file.errorString()));
    const MapExportSettings &st = m_settings;
    const QSize px = st.pixelSize();
    ExportTimings t;
    QElapsedTimer timer;
    switch (st.format) {
    case ExportFormat::Png: {
        QImage image(px, QImage::Format_RGB32);
        const int dotsPerMetre = int(std::lround(st.dpi / 0.0254));
        image.setDotsPerMeterX(dotsPerMetre);
        image.setDotsPerMeterY(dotsPerMetre);
        QPainter painter(&image);
        render(painter, &t);
        painter.end();
        timer.start();
        QImageWriter writer(&file, "png");
        if (!writer.write(image))
            return fail(tr("%1: cannot write the image: %2").arg(path, writer.errorString()));
        break;
    }
    case ExportFormat::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(px);
        svg.setViewBox(QRect(QPoint(0, 0), px));
        svg.setResolution(st.dpi);
        svg.setTitle(st.title);
        QStringList about;
        for (const QString &part : {st.subtitle, st.caption, st.credit, st.attribution}) {
            if (!part.trimmed().isEmpty())
                about << part;
        }
        svg.setDescription(about.join(QStringLiteral(" — ")));
        QPainter painter;
        if (!painter.begin(&svg))
            return fail(tr("%1: cannot start the SVG drawing").arg(path));
        render(painter, &t);
        timer.start();
        painter.end();
        break;
    }
    case ExportFormat::Pdf: {
        QPdfWriter pdf(&file);
        pdf.setResolution(st.dpi);
        pdf.setPageLayout(QPageLayout(QPageSize(st.pageMillimetres(), QPageSize::Millimeter,
                                                QString(), QPageSize::ExactMatch),
                                      QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        pdf.setTitle(st.title);
        pdf.setCreator(QStringLiteral("Placard"));
        QPainter painter;
        if (!painter.begin(&pdf))
            return fail(tr("%1: cannot start the PDF drawing").arg(path));
        render(painter, &t);
        timer.start();
        painter.end();
        break;
    }
    }
    if (!file.commit())
        return fail(tr("%1: cannot write: %2").arg(path, file.errorString()));
    t.encode = seconds(timer);
    if (timings)
        *timings = t;
    return true;
}

bool exportMap(const QString &path, const MapExportSettings &settings,
               std::shared_ptr<const MapPoints> points, const QHash<qint64, QString> &typeNames,
               std::shared_ptr<const geo::BasemapRenderer> basemap, QString *error)
{
    const MapExport page(settings, std::move(points), typeNames, std::move(basemap));
    return page.write(path, error);
}

} // namespace placard::render
