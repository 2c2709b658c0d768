// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/basemaprenderer.h"
#include "query/clusters.h"
#include "render/legend.h"

#include <QDate>
#include <QHash>
#include <QRectF>
#include <QSize>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace placard::render {

/// What an export writes: a raster image or a true vector page (paths and text).
enum class ExportFormat { Png, Svg, Pdf };
/// The format a file name asks for by its suffix (.png, .svg, .pdf), if any.
std::optional<ExportFormat> formatForPath(const QString &path);

/// Page setups a newsroom asks for most.
enum class ExportPreset {
    Social, ///< 1200 × 675 pixels at 144 dpi: a link preview or a post
    Square, ///< 1080 × 1080 pixels at 144 dpi
    A4Landscape, ///< 297 × 210 mm at 300 dpi (3508 × 2480 pixels)
};
/// "social", "square", "a4-landscape".
QString presetName(ExportPreset preset);
std::optional<ExportPreset> presetFromName(const QString &name);

/// The largest side of an export, in pixels at its DPI (for every format: an SVG or PDF page
/// is laid out at its DPI too, so a large page needs a lower DPI).
inline constexpr int kMaxExportPixels = 8000;
/// The unit of every size on an export's page is the layout pixel, 1/96 inch, as on a screen:
/// at 96 dpi an export's symbols and text are the map's; at 300 dpi they are 3.125 times as
/// many pixels and the same size on paper.
inline constexpr double kLayoutDpi = 96;

/// The pixels a page of `millimetres` has at `dpi`, each side rounded to the nearest pixel.
QSize pixelsForMillimetres(QSizeF millimetres, int dpi);

/// How an export looks. Sizes of text and symbols follow from the DPI (see kLayoutDpi).
struct MapExportSettings {
    ExportFormat format = ExportFormat::Png;
    QSize pixels{1200, 675}; ///< the page in pixels, unless millimetres are given
    std::optional<QSizeF> millimetres; ///< the page on paper; its pixels then follow from dpi
    int dpi = 96;
    /// The world rectangle (Web Mercator world coordinates, see geo::mercator) the map must
    /// show, widened to the map's shape; none: fitted to the events.
    std::optional<QRectF> extent;
    QString title;
    QString subtitle;
    QString caption; ///< the date range and such, under the subtitle
    QString credit; ///< the source of the data, bottom left
    QString attribution; ///< the basemap's credit, bottom right; the built-in one's when empty
    geo::BasemapStyle style = geo::BasemapStyle::Light;
    double margin = 20; ///< round the page, in layout pixels
    bool legend = true;
    bool scaleBar = true;
    /// Events that fall together are drawn as one symbol with their number, as on the map:
    /// those whose symbols would touch (18-pixel cells) while that leaves at most 300 symbols,
    /// so that a story-sized selection shows every place; else in the map's own 44-pixel
    /// cells, as thousands of events at country scale need. Then symbols that would overlap
    /// beyond their rims (a town astride a cell's edge) become one. False draws every
    /// event, the largest first.
    bool clusters = true;

    /// Sets the page size and DPI of a preset; everything else stays.
    void applyPreset(ExportPreset preset);
    /// The page in pixels.
    QSize pixelSize() const;
    /// The page on paper.
    QSizeF pageMillimetres() const;
    /// Device pixels per layout pixel.
    double scale() const { return dpi / kLayoutDpi; }
};

/// Where the parts of a page go, in device pixels.
struct MapLayout {
    QRectF page;
    QRectF title;
    QRectF subtitle;
    QRectF caption;
    QRectF legend; ///< above the map, or a key in a corner of it; empty when there is none
    QRectF map;
    QRectF scaleBar; ///< in the map's bottom-left corner; empty when there is none
    QRectF footer;
};

/// How long the parts of an export took, in seconds.
struct ExportTimings {
    double layout = 0; ///< fitting the extent, clustering, laying out the legend
    double basemap = 0;
    double events = 0;
    double text = 0; ///< titles, legend, scale bar, credits
    double encode = 0; ///< writing the file (PNG compression; SVG or PDF output)
};

/// One export of a map: the page laid out for its settings and events, then drawn onto any
/// QPainter or written to a file. The events are the map's points (see EventIndex::mapPoints)
/// and are drawn as the map draws them (render/symbols.h), over the built-in basemap in the
/// same style. Immutable after construction; write() and render() may run on any one thread.
class MapExport {
public:
    /// `basemap` may be null: the map is then plain water-coloured.
    MapExport(const MapExportSettings &settings, std::shared_ptr<const MapPoints> points,
              const QHash<qint64, QString> &typeNames,
              std::shared_ptr<const geo::BasemapRenderer> basemap);

    /// Why these settings cannot be exported; empty when they can.
    const QString &error() const { return m_error; }
    const MapExportSettings &settings() const { return m_settings; }
    const MapLayout &layout() const { return m_layout; }
    /// The world rectangle the map shows.
    QRectF extent() const { return m_extent; }
    /// The map's zoom in layout pixels (256 · 2^zoom of them round the world), as the
    /// interactive map counts it.
    double zoom() const { return m_zoom; }
    /// Where a world point lands on the page, in device pixels.
    QPointF toPage(QPointF world) const;
    /// What the legend explains (the lone symbols drawn and the clusters), and its lines.
    const LegendFacts &legendFacts() const { return m_facts; }
    /// Whether the legend is a key in a corner of the map (else it is above the map).
    bool legendOnMap() const { return m_legendInset; }
    QStringList legendTexts() const;
    /// Events inside the map, and symbols drawn for them.
    qsizetype eventsShown() const { return m_shown; }
    qsizetype symbolsDrawn() const { return qsizetype(m_marks.size()); }
    /// The square each symbol covers on the page, halo included, in drawing order.
    QList<QRectF> symbolBounds() const;

    /// Draws the page onto a painter whose device is pixelSize() large.
    void render(QPainter &painter, ExportTimings *timings = nullptr) const;
    /// Writes the page to `path` in the settings' format, whole or not at all.
    bool write(const QString &path, QString *error, ExportTimings *timings = nullptr) const;

private:
    /// One symbol on the page.
    struct Mark {
        QPointF centre; ///< device pixels
        Symbol symbol;
        int count = 1; ///< events it stands for
        const MapPoint *point = nullptr; ///< the event, when it stands for one
    };
    void plan();
    double headerHeight(double width);
    /// Lays out the map under a legend of that height, fits the extent, places the symbols
    /// and the scale bar; what the legend should say of the events shown.
    LegendFacts fitMap(double legendAbove);
    void placeScaleBar();
    void placeMarks();
    /// A corner of the map where the legend, as a column, covers no symbol.
    std::optional<QRectF> freeCorner() const;

    MapExportSettings m_settings;
    std::shared_ptr<const MapPoints> m_points;
    QHash<qint64, QString> m_typeNames;
    std::shared_ptr<const geo::BasemapRenderer> m_basemap;
    QString m_error;
    MapLayout m_layout;
    QRectF m_extent;
    double m_zoom = 0;
    int m_basemapZoom = 0;
    double m_header = 0; ///< heights of the title block and the footer
    double m_footer = 0;
    double m_width = 0; ///< of the page inside its margins
    double m_metresPerPixel = 0; ///< on the page at the map's centre; 0: no scale bar
    bool m_legendInset = false;
    LegendFacts m_facts;
    std::unique_ptr<Legend> m_legend;
    std::vector<Mark> m_marks; ///< in drawing order: the largest first
    qsizetype m_shown = 0;
    double m_planSeconds = 0;
};

/// Writes one export; false and *error when the settings or the file do not allow it.
bool exportMap(const QString &path, const MapExportSettings &settings,
               std::shared_ptr<const MapPoints> points, const QHash<qint64, QString> &typeNames,
               std::shared_ptr<const geo::BasemapRenderer> basemap, QString *error);

/// The dates of a map's events as a caption: "30 January 2026", "26–30 January 2026",
/// "26 January – 28 March 2026", "30 December 2025 – 2 January 2026".
QString dateRangeText(const QDate &first, const QDate &last);

/// The credit line of the built-in basemap.
QString basemapAttribution();

} // namespace placard::render
