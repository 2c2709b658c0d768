// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/catalogue.h"
#include "catalogue/sqlite.h"
#include "commands.h"
#include "geo/basemaprenderer.h"
#include "geo/webmercator.h"
#include "query/eventindex.h"
#include "query/eventquery.h"
#include "render/animation.h"
#include "render/mapexport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace placard::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

/// "WxH" as two positive numbers.
std::optional<QSizeF> parseSize(const QString &text)
{
    const QStringList parts = text.toLower().split(QLatin1Char('x'));
    if (parts.size() != 2)
        return std::nullopt;
    bool okW = false, okH = false;
    const double w = parts[0].trimmed().toDouble(&okW);
    const double h = parts[1].trimmed().toDouble(&okH);
    if (!okW || !okH || !(w > 0) || !(h > 0))
        return std::nullopt;
    return QSizeF(w, h);
}

/// The first and last days of the events with these ids (all placed events when `ids` is
/// null), as dates; invalid when there are none.
std::pair<QDate, QDate> dayRange(const Catalogue &catalogue, const QList<qint64> *ids)
{
    sql::Statement q(catalogue.handle(),
                     "SELECT id, start_day, end_day FROM events "
                     "WHERE lat IS NOT NULL AND lon IS NOT NULL");
    qint64 first = std::numeric_limits<qint64>::max(), last = std::numeric_limits<qint64>::min();
    while (q.next()) {
        if (ids && !std::binary_search(ids->cbegin(), ids->cend(), q.int64(0)))
            continue;
        first = std::min(first, q.int64(1));
        last = std::max(last, q.int64(2));
    }
    if (first > last)
        return {};
    return {dateOfDay(first), dateOfDay(last)};
}

/// "Data: a.csv, b.csv and 3 more": where the catalogue's events came from.
QString datasetsCredit(const Catalogue &catalogue)
{
    QStringList names;
    for (const Dataset &d : catalogue.datasets()) {
        if (!d.fileName.isEmpty() && !names.contains(d.fileName))
            names << d.fileName;
    }
    if (names.isEmpty())
        return {};
    if (names.size() > 3)
        return tr("Data: %1 and %2 more")
            .arg(names.mid(0, 2).join(QStringLiteral(", ")))
            .arg(names.size() - 2);
    return tr("Data: %1").arg(names.join(QStringLiteral(", ")));
}

// --animate: the timeline played into frames (and a video), with the page settings given.
int animate(const QCommandLineParser &parser, const QString &out,
            render::MapExportSettings settings, const EventIndex &index, const Filter &filter,
            const QHash<qint64, QString> &typeNames,
            std::shared_ptr<const geo::BasemapRenderer> basemap, QDate first, QDate last)
{
    if (settings.format != render::ExportFormat::Png) {
        printError(tr("--animate writes PNG frames: give OUT.png"));
        return Usage;
    }
    const QString stepName = parser.value(QStringLiteral("animate"));
    const std::optional<Period::Unit> unit = stepName == QLatin1String("day") ? Period::Day
        : stepName == QLatin1String("week")                                   ? Period::Week
        : stepName == QLatin1String("month") ? std::optional(Period::Month)
                                             : std::nullopt;
    bool windowOk = false, fpsOk = false;
    const int window = parser.value(QStringLiteral("window")).toInt(&windowOk);
    const int fps = parser.value(QStringLiteral("fps")).toInt(&fpsOk);
    if (!unit || !windowOk || !fpsOk || window < 1 || fps < 1 || fps > 60) {
        printError(tr("--animate takes day, week or month; --window and --fps whole numbers "
                      "(fps 1 to 60)"));
        return Usage;
    }
    if (!first.isValid() || !last.isValid()) {
        printError(tr("no dated events to animate"));
        return Failed;
    }
    const QDate epoch(1970, 1, 1);
    const QList<render::AnimationFrame> frames = render::animationFrames(
        qint32(epoch.daysTo(first)), qint32(epoch.daysTo(last)), {*unit, window}, {*unit, 1},
        parser.isSet(QStringLiteral("cumulative")));
    render::Animation animation;
    if (!parser.isSet(QStringLiteral("caption")))
        settings.caption.clear(); // each frame's dates are its caption
    animation.settings = settings;
    animation.typeNames = typeNames;
    animation.basemap = std::move(basemap);
    animation.pointsFor = [&](const render::AnimationFrame &f) {
        Filter frame = filter;
        frame.fromDay = f.first;
        frame.toDay = f.last;
        return std::make_shared<const MapPoints>(index.mapPoints(frame));
    };
    QString error;
    if (!render::writeAnimation(out, frames, animation, &error)) {
        printError(error);
        return Failed;
    }
    printLine(tr("%1 … %2: %3 frames")
                  .arg(render::framePath(out, 1), render::framePath(out, int(frames.size())))
                  .arg(frames.size()));
    if (parser.isSet(QStringLiteral("video"))) {
        const QString video = parser.value(QStringLiteral("video"));
        if (const QString why = render::encodeVideo(out, int(frames.size()), fps, video);
            !why.isEmpty()) {
            printError(why);
            return Failed;
        }
        printLine(tr("%1: %2 frames at %3 a second").arg(video).arg(frames.size()).arg(fps));
    }
    return Ok;
}

} // namespace

int renderCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Draw a map of the events that match every filter given, with a title, legend, "
           "scale bar and credits, as PNG, or as SVG or PDF in vectors. The format follows "
           "the file's suffix. The map shows --bbox, else it fits the events."));
    parser.addHelpOption();
    addCatalogueOption(parser);
    parser.addPositionalArgument(QStringLiteral("out"), tr("OUT.png, OUT.svg or OUT.pdf"));
    parser.addOptions({
        {QStringLiteral("preset"),
         tr("social (1200x675 px, 144 dpi), square (1080x1080 px, 144 dpi) or a4-landscape "
            "(297x210 mm, 300 dpi); --size, --mm and --dpi change it."),
         QStringLiteral("NAME")},
        {QStringLiteral("size"), tr("Page size in pixels (default 1200x675)."),
         QStringLiteral("WxH")},
        {QStringLiteral("mm"), tr("Page size in millimetres; pixels follow from --dpi."),
         QStringLiteral("WxH")},
        {QStringLiteral("dpi"),
         tr("Dots per inch (default 96): text and symbols are as large on paper at any DPI."),
         QStringLiteral("N")},
        {QStringLiteral("bbox"), tr("Show W,S,E,N (degrees) rather than fit the events."),
         QStringLiteral("W,S,E,N")},
        {QStringLiteral("title"), tr("The map's title."), QStringLiteral("T")},
        {QStringLiteral("subtitle"), tr("A line under the title."), QStringLiteral("S")},
        {QStringLiteral("caption"),
         tr("The line under the subtitle (default: the events' dates and number)."),
         QStringLiteral("TEXT")},
        {QStringLiteral("credit"),
         tr("The source credit, bottom left (default: the catalogue's imported files)."),
         QStringLiteral("TEXT")},
        {QStringLiteral("style"), tr("light or dark (default light)."), QStringLiteral("STYLE"),
         QStringLiteral("light")},
        {QStringLiteral("no-legend"), tr("Leave out the legend.")},
        {QStringLiteral("no-scale-bar"), tr("Leave out the scale bar.")},
        {QStringLiteral("no-clusters"),
         tr("Draw every event on its own rather than group those that fall together.")},
        {QStringLiteral("from"), tr("Active on or after DATE (YYYY-MM-DD)."),
         QStringLiteral("DATE")},
        {QStringLiteral("to"), tr("Active on or before DATE."), QStringLiteral("DATE")},
        {QStringLiteral("type"), tr("Of this type (repeatable: any)."), QStringLiteral("TYPE")},
        {QStringLiteral("tag"), tr("With this tag (repeatable: all)."), QStringLiteral("TAG")},
        {QStringLiteral("text"), tr("Containing these words."), QStringLiteral("WORDS")},
        {QStringLiteral("min-size"), tr("Known crowd size at least N."), QStringLiteral("N")},
        {QStringLiteral("animate"),
         tr("Play the timeline into numbered PNG frames OUT-00001.png…, one per STEP (day, "
            "week or month), each stamped with its dates."),
         QStringLiteral("STEP")},
        {QStringLiteral("window"), tr("With --animate: each frame shows N steps (default 1)."),
         QStringLiteral("N"), QStringLiteral("1")},
        {QStringLiteral("cumulative"), tr("With --animate: each frame shows every day so far.")},
        {QStringLiteral("video"),
         tr("With --animate: also encode the frames into this MP4 file (needs ffmpeg)."),
         QStringLiteral("FILE")},
        {QStringLiteral("fps"), tr("With --video: frames a second (default 4)."),
         QStringLiteral("N"), QStringLiteral("4")},
    });
    parser.process(QStringList{QStringLiteral("placard-cli render")} + args);
    if (parser.positionalArguments().size() != 1) {
        printError(tr("render takes one OUT.png, OUT.svg or OUT.pdf; see --help"));
        return Usage;
    }
    const QString out = parser.positionalArguments().constFirst();
    render::MapExportSettings settings;
    if (const auto format = render::formatForPath(out))
        settings.format = *format;
    else {
        printError(tr("%1: the file name must end in .png, .svg or .pdf").arg(out));
        return Usage;
    }

    // The page: a preset, then the sizes given.
    if (parser.isSet(QStringLiteral("preset"))) {
        const auto preset = render::presetFromName(parser.value(QStringLiteral("preset")));
        if (!preset) {
            printError(tr("--preset: social, square or a4-landscape"));
            return Usage;
        }
        settings.applyPreset(*preset);
    }
    if (parser.isSet(QStringLiteral("size")) && parser.isSet(QStringLiteral("mm"))) {
        printError(tr("give --size or --mm, not both"));
        return Usage;
    }
    if (parser.isSet(QStringLiteral("size"))) {
        const auto size = parseSize(parser.value(QStringLiteral("size")));
        if (!size || size->width() != std::floor(size->width()) ||
            size->height() != std::floor(size->height())) {
            printError(tr("--size: expected WxH in whole pixels, e.g. 1200x675"));
            return Usage;
        }
        settings.pixels = size->toSize();
        settings.millimetres.reset();
    }
    if (parser.isSet(QStringLiteral("mm"))) {
        const auto size = parseSize(parser.value(QStringLiteral("mm")));
        if (!size) {
            printError(tr("--mm: expected WxH in millimetres, e.g. 297x210"));
            return Usage;
        }
        settings.millimetres = *size;
    }
    if (parser.isSet(QStringLiteral("dpi"))) {
        bool ok = false;
        settings.dpi = parser.value(QStringLiteral("dpi")).toInt(&ok);
        if (!ok) {
            printError(tr("--dpi: expected a whole number, e.g. 300"));
            return Usage;
        }
    }
    std::optional<std::array<double, 4>> box;
    if (!readBbox(parser, box, false))
        return Usage;
    if (box) {
        const auto &v = *box;
        settings.extent =
            QRectF(geo::mercator::toWorld(v[3], v[0]), geo::mercator::toWorld(v[1], v[2]));
    }
    const QString style = parser.value(QStringLiteral("style"));
    if (style != QLatin1StringView("light") && style != QLatin1StringView("dark")) {
        printError(tr("--style: light or dark"));
        return Usage;
    }
    settings.style =
        style == QLatin1StringView("dark") ? geo::BasemapStyle::Dark : geo::BasemapStyle::Light;
    settings.title = parser.value(QStringLiteral("title"));
    settings.subtitle = parser.value(QStringLiteral("subtitle"));
    settings.legend = !parser.isSet(QStringLiteral("no-legend"));
    settings.scaleBar = !parser.isSet(QStringLiteral("no-scale-bar"));
    settings.clusters = !parser.isSet(QStringLiteral("no-clusters"));

    // The filters, as `query` takes them.
    EventQuery query;
    if (!readFilterOptions(parser, query, false))
        return Usage;
    const bool filtered = query.from || query.to || !query.types.isEmpty() ||
        !query.tags.isEmpty() || !query.text.isEmpty() || query.minSize;

    auto catalogue = openCatalogue(parser, false);
    if (!catalogue)
        return Failed;
    QString error;
    std::optional<QList<qint64>> ids;
    if (filtered) {
        ids = query.run(*catalogue, &error);
        if (!ids) {
            printError(error);
            return Failed;
        }
    }
    EventIndex index;
    index.rebuild(*catalogue);
    Filter filter;
    if (ids)
        filter.textIds = *ids; // exactly the events the query found
    auto points = std::make_shared<const MapPoints>(index.mapPoints(filter));
    QHash<qint64, QString> typeNames;
    {
        sql::Statement q(catalogue->handle(), "SELECT id, name FROM event_types");
        while (q.next())
            typeNames.insert(q.int64(0), q.text(1));
    }
    settings.credit = parser.isSet(QStringLiteral("credit"))
        ? parser.value(QStringLiteral("credit"))
        : datasetsCredit(*catalogue);

    auto data = geo::BasemapData::load(geo::BasemapData::defaultPath(), &error);
    if (!data) {
        printError(error);
        return Failed;
    }
    auto basemap = std::make_shared<const geo::BasemapRenderer>(data, settings.style);

    // The caption by default: the events' dates, within the filter's, and how many the map
    // shows (known once the map is laid out).
    const bool ownCaption = !parser.isSet(QStringLiteral("caption"));
    if (!ownCaption)
        settings.caption = parser.value(QStringLiteral("caption"));
    auto [first, last] = dayRange(*catalogue, ids ? &*ids : nullptr);
    if (query.from && first.isValid())
        first = std::max(first, *query.from);
    if (query.to && last.isValid())
        last = std::min(last, *query.to);
    const auto defaultCaption = [&](qsizetype shown) {
        const QString count = shown == 1
            ? tr("1 event")
            : tr("%1 events").arg(QLocale(QLocale::English).toString(qint64(shown)));
        const QString dates = render::dateRangeText(first, last);
        return dates.isEmpty() ? count : QStringLiteral("%1 · %2").arg(dates, count);
    };
    if (ownCaption)
        settings.caption = defaultCaption(qsizetype(points->size()));
    if (parser.isSet(QStringLiteral("animate")))
        return animate(parser, out, settings, index, filter, typeNames, basemap, first, last);
    auto page = std::make_unique<render::MapExport>(settings, points, typeNames, basemap);
    if (ownCaption && page->error().isEmpty() && page->eventsShown() != qsizetype(points->size())) {
        settings.caption = defaultCaption(page->eventsShown());
        page = std::make_unique<render::MapExport>(settings, points, typeNames, basemap);
    }
    if (!page->write(out, &error)) {
        printError(error);
        return Failed;
    }
    const QSize px = settings.pixelSize();
    printLine(tr("%1: %2 × %3 px at %4 dpi; events on the map: %5, as %6 symbols")
                  .arg(out)
                  .arg(px.width())
                  .arg(px.height())
                  .arg(settings.dpi)
                  .arg(page->eventsShown())
                  .arg(page->symbolsDrawn()));
    return Ok;
}

} // namespace placard::cli
