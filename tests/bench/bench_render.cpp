// SPDX-License-Identifier: GPL-3.0-or-later
// Map export speed: a 3000 × 2000 PNG of 100,000 events over the contiguous United States,
// with title, legend, scale bar and the built-in basemap, as `placard-cli render` draws it.
// The events are made here, seeded, round the basemap's own towns; each run starts from a
// fresh basemap renderer (its labels placed again), as a one-off export does.
//
//   bench_render [OUT.png]     the last run's image is kept at OUT.png when given
#include "catalogue/event.h"
#include "geo/basemaprenderer.h"
#include "geo/webmercator.h"
#include "render/mapexport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace placard;

namespace {

constexpr int kEvents = 100000;
constexpr int kRuns = 5;

/// Events round the towns of the contiguous United States, more round larger ones, as event
/// lists are: a few jittered kilometres from the town, some placed only at a state, sizes
/// unknown for a third of them and spread over four orders of magnitude otherwise.
MapPoints makeEvents(const geo::BasemapData &data)
{
    struct Town {
        QPointF lonLat;
        double weight;
    };
    QList<Town> towns;
    double total = 0;
    for (const geo::BasemapData::Place &p : data.places) {
        const QPointF lonLat = geo::mercator::fromWorld(p.world);
        if (lonLat.x() < -124 || lonLat.x() > -67 || lonLat.y() < 25 || lonLat.y() > 49)
            continue;
        const double weight = std::sqrt(double(std::max<qint64>(p.population, 10000)));
        towns.append({lonLat, weight});
        total += weight;
    }
    std::vector<double> cumulative;
    double sum = 0;
    for (const Town &t : towns)
        cumulative.push_back(sum += t.weight / total);
    QRandomGenerator random(20260130);
    MapPoints events;
    events.reserve(kEvents);
    for (int i = 0; i < kEvents; ++i) {
        const double pick = random.generateDouble();
        const auto it = std::lower_bound(cumulative.begin(), cumulative.end(), pick);
        const Town &town = towns[std::min<qsizetype>(it - cumulative.begin(), towns.size() - 1)];
        const double r = 0.15 * std::sqrt(-2 * std::log(1 - random.generateDouble()));
        const double a = 2 * std::numbers::pi * random.generateDouble();
        const QPointF w = geo::mercator::toWorld(town.lonLat.y() + r * std::sin(a),
                                                 town.lonLat.x() + r * std::cos(a));
        const int typeDraw = random.bounded(100);
        const qint32 type = typeDraw < 55 ? 1
            : typeDraw < 75               ? 2
            : typeDraw < 85               ? 3
            : typeDraw < 93               ? 4
                                          : 5;
        const qint32 size =
            random.bounded(3) == 0 ? -1 : qint32(std::pow(10.0, 1 + 4 * random.generateDouble()));
        const int placeDraw = random.bounded(100);
        const GeoPrecision precision = placeDraw < 60 ? GeoPrecision::Locality
            : placeDraw < 95                          ? GeoPrecision::Exact
                                                      : GeoPrecision::Admin1;
        const DatePrecision date =
            random.bounded(20) == 0 ? DatePrecision::Month : DatePrecision::Day;
        events.push_back(
            {float(w.x()), float(w.y()), i + 1, type, size, quint8(precision), quint8(date)});
    }
    return events;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString keep = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();

    QString error;
    QElapsedTimer timer;
    timer.start();
    const auto data = geo::BasemapData::load(geo::BasemapData::defaultPath(), &error);
    if (!data) {
        err << error << "\n";
        return 1;
    }
    const double loadMs = timer.nsecsElapsed() / 1e6;
    const auto points = std::make_shared<const MapPoints>(makeEvents(*data));
    const QHash<qint64, QString> typeNames{{1, QStringLiteral("protest")},
                                           {2, QStringLiteral("march")},
                                           {3, QStringLiteral("rally")},
                                           {4, QStringLiteral("vigil")},
                                           {5, QStringLiteral("strike")}};

    render::MapExportSettings settings;
    settings.pixels = QSize(3000, 2000);
    settings.dpi = 96;
    settings.title = QStringLiteral("A year of protest");
    settings.subtitle = QStringLiteral("Demonstrations across the contiguous United States");
    settings.caption = QStringLiteral("1 January – 31 December 2025 · 100,000 events");
    settings.credit = QStringLiteral("Data: generated for the benchmark");

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("render.png"));
    QList<double> total, layout, basemap, events, text, encode;
    qsizetype symbols = 0, shown = 0;
    bool legendOnMap = false;
    for (int run = 0; run < kRuns; ++run) {
        auto renderer = std::make_shared<const geo::BasemapRenderer>(data, settings.style);
        timer.restart();
        const render::MapExport page(settings, points, typeNames, renderer);
        render::ExportTimings t;
        if (!page.write(path, &error, &t)) {
            err << error << "\n";
            return 1;
        }
        total.append(timer.nsecsElapsed() / 1e9);
        layout.append(t.layout);
        basemap.append(t.basemap);
        events.append(t.events);
        text.append(t.text);
        encode.append(t.encode);
        symbols = page.symbolsDrawn();
        shown = page.eventsShown();
        legendOnMap = page.legendOnMap();
    }
    const double pngMb = QFileInfo(path).size() / 1e6;
    if (!keep.isEmpty()) {
        QFile::remove(keep);
        QFile::copy(path, keep);
    }
    err << QStringLiteral("bench_render: %1 events, %2 on the map in %3 symbols, legend %4; "
                          "runs (s):")
               .arg(points->size())
               .arg(shown)
               .arg(symbols)
               .arg(legendOnMap ? QStringLiteral("on the map") : QStringLiteral("above it"));
    for (double s : total)
        err << " " << QString::number(s, 'f', 3);
    err << "\n";
    const auto ms = [](double seconds) {
        return QString::number(seconds * 1000, 'f', 0);
    };
    out << QStringLiteral("bench: render_100k_png_s = %1 s\n").arg(median(total), 0, 'f', 2);
    out << QStringLiteral("bench: render_layout_ms = %1 ms\n").arg(ms(median(layout)));
    out << QStringLiteral("bench: render_basemap_ms = %1 ms\n").arg(ms(median(basemap)));
    out << QStringLiteral("bench: render_events_ms = %1 ms\n").arg(ms(median(events)));
    out << QStringLiteral("bench: render_text_ms = %1 ms\n").arg(ms(median(text)));
    out << QStringLiteral("bench: render_encode_ms = %1 ms\n").arg(ms(median(encode)));
    out << QStringLiteral("bench: render_symbols = %1 symbols\n").arg(symbols);
    out << QStringLiteral("bench: render_png_mb = %1 MB\n").arg(pngMb, 0, 'f', 1);
    out << QStringLiteral("bench: render_basemap_load_ms = %1 ms\n").arg(loadMs, 0, 'f', 0);
    return 0;
}
