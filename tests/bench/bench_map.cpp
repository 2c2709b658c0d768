// SPDX-License-Identifier: GPL-3.0-or-later
// The map with a large catalogue, driven without a person: an offscreen main window opens a
// catalogue, the Filters dock changes the filter, and the map pans in steps. Measures the
// time from opening to the first frame with the events, from a filter change to the frame
// with the new events, the event layer's work per frame while panning, and resident memory.
// See README.md for what each figure includes.
#include "benchwindow.h"
#include "catalogue/catalogue.h"
#include "eventlayer.h"
#include "filtersdock.h"
#include "geo/webmercator.h"
#include "mainwindow.h"
#include "mapbridge.h"
#include "mapwidget.h"
#include "query/clusters.h"
#include "query/eventindex.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGeoCoordinate>
#include <QImage>
#include <QListWidget>
#include <QPainter>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QtMath>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <cmath>
#include <functional>

Q_IMPORT_QML_PLUGIN(PlacardPlugin)

using namespace placard;
using namespace placard::bench;

namespace {

/// A field of /proc/self/status in MiB (VmRSS: resident now, VmHWM: peak).
double statusMiB(const QByteArray &field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

/// Frames rendered by the map's scene graph. QQuickWidget renders on the GUI thread, so
/// afterRendering comes after every item of the frame, the event layer included, has
/// been painted.
class Frames {
public:
    explicit Frames(QQuickWindow *window)
        : m_window(window)
    {
        QObject::connect(
            window, &QQuickWindow::afterRendering, window, [this] { ++m_count; },
            Qt::DirectConnection);
    }
    int count() const { return m_count; }
    QQuickWindow *window() const { return m_window; }
    /// Runs the event loop until a frame after `after` is rendered; false on timeout.
    bool waitAfter(int after, int timeoutMs = 10000)
    {
        if (m_count > after)
            return true;
        QEventLoop loop;
        QTimer timeout;
        timeout.setSingleShot(true);
        QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
        const auto done = QObject::connect(
            m_window, &QQuickWindow::afterRendering, &loop,
            [&loop, this, after] {
                if (m_count > after)
                    loop.quit();
            },
            Qt::DirectConnection);
        timeout.start(timeoutMs);
        loop.exec();
        QObject::disconnect(done);
        return m_count > after;
    }
    /// Runs the event loop until no frame has come for `quietMs` (tiles loaded), at most
    /// `timeoutMs`.
    void settle(int quietMs = 600, int timeoutMs = 20000)
    {
        QElapsedTimer total;
        total.start();
        int seen = -1;
        while (seen != m_count && total.elapsed() < timeoutMs) {
            seen = m_count;
            QEventLoop loop;
            QTimer::singleShot(quietMs, &loop, &QEventLoop::quit);
            loop.exec();
        }
    }

private:
    QQuickWindow *m_window;
    int m_count = 0;
};

/// Runs `change` (which must make the layer repaint) and returns milliseconds from its
/// start until the next frame is rendered; `syncMs` gets the part spent inside `change`,
/// `readyMs` the time until that frame's items are synchronised: with the software renderer
/// a painted item (each canvas of the layer) draws its image then, before the scene is
/// composed.
double timeToFrame(Frames &frames, const std::function<void()> &change, double *syncMs = nullptr,
                   double *readyMs = nullptr)
{
    const int before = frames.count();
    QElapsedTimer t;
    double ready = -1;
    const auto synchronised = QObject::connect(
        frames.window(), &QQuickWindow::afterSynchronizing, frames.window(),
        [&t, &ready] {
            if (ready < 0)
                ready = double(t.nsecsElapsed()) / 1e6;
        },
        Qt::DirectConnection);
    t.start();
    change();
    if (syncMs)
        *syncMs = double(t.nsecsElapsed()) / 1e6;
    if (!frames.waitAfter(before))
        err() << "bench_map: no frame within 10 s\n";
    const double ms = double(t.nsecsElapsed()) / 1e6;
    QObject::disconnect(synchronised);
    if (readyMs)
        *readyMs = ready;
    return ms;
}

template<typename T> T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found) {
        err() << "bench_map: no " << name << " in the window" << Qt::endl;
        std::exit(1);
    }
    return found;
}

} // namespace

int main(int argc, char *argv[])
{
    useOffscreenSoftwareRendering(); // the layer paints with QPainter either way
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("placard-bench"));
    // Default settings (the built-in basemap, never online tiles), whatever the user chose.
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = QApplication::arguments();
    if (args.size() != 2) {
        err() << "usage: bench_map CATALOGUE\n";
        return 2;
    }
    const QString path = args.at(1);

    MainWindow window;
    const std::optional<BenchMap> bench = showBenchWindow(window, "bench_map");
    if (!bench)
        return 1;
    QQuickWidget *widget = bench->widget;
    EventLayer *layer = bench->layer;
    QObject *map = bench->map;
    Frames frames(widget->quickWindow());
    const auto setView = [map](double lat, double lon, double zoom) {
        map->setProperty("zoomLevel", zoom);
        map->setProperty("center", QVariant::fromValue(QGeoCoordinate(lat, lon)));
    };
    // The United States, where the generated events are, filling the view.
    setView(39.0, -96.0, 4.0);
    frames.settle();
    err() << "bench_map: map " << layer->width() << "×" << layer->height() << " px, "
          << QString::number(statusMiB("VmRSS"), 'f', 0) << " MB resident before opening"
          << Qt::endl;

    // --- open: openCatalogue() until the first frame with the events is rendered.
    QString error;
    bool opened = false;
    double openSyncMs = 0;
    const double openMs =
        timeToFrame(frames, [&] { opened = window.openCatalogue(path, &error); }, &openSyncMs);
    if (!opened) {
        err() << "bench_map: " << error << Qt::endl;
        return 3;
    }
    const double rssMb = statusMiB("VmRSS");
    const std::size_t events = window.mapWidget()->bridge()->events()->size();
    err() << "bench_map: " << events << " events on the map; opening took "
          << QString::number(openSyncMs, 'f', 0) << " ms, then the first frame "
          << QString::number(openMs - openSyncMs, 'f', 0) << " ms" << Qt::endl;
    frames.settle();

    // --- filter changes, through the dock's own widgets, each until its frame is rendered.
    FiltersDock *dock = window.filtersDock();
    auto *types = child<QListWidget>(dock, "types");
    auto *minSize = child<QSpinBox>(dock, "minSize");
    auto *unknownSize = child<QCheckBox>(dock, "unknownSize");
    auto *placedBroadly = child<QCheckBox>(dock, "placedBroadly");
    // The filters' choices of a large catalogue are found in the background: on a busy
    // machine they may come after the map has settled.
    QElapsedTimer choices;
    choices.start();
    while (types->count() < 2 && choices.elapsed() < 20000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (types->count() < 2) {
        err() << "bench_map: the catalogue has fewer than two event types\n";
        return 1;
    }
    const QList<std::function<void()>> changes{
        [&] { types->item(0)->setCheckState(Qt::Unchecked); },
        [&] { types->item(1)->setCheckState(Qt::Unchecked); },
        [&] { types->item(0)->setCheckState(Qt::Checked); },
        [&] { types->item(1)->setCheckState(Qt::Checked); },
        [&] { minSize->setValue(100); },
        [&] { minSize->setValue(1000); },
        [&] { minSize->setValue(10000); },
        [&] { minSize->setValue(0); },
        [&] { unknownSize->setChecked(false); },
        [&] { unknownSize->setChecked(true); },
        [&] { placedBroadly->setChecked(false); },
        [&] { placedBroadly->setChecked(true); },
    };
    // The layer's own work for a frame, as a QQuickPaintedItem does it on update (clear its
    // image, paint()), timed directly so that the map's tiles and the software scene graph
    // do not blur it.
    const qreal dpr = widget->devicePixelRatio();
    QImage image(QSize(qCeil(layer->width() * dpr), qCeil(layer->height() * dpr)),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    QElapsedTimer t;
    const auto paintLayer = [&] {
        t.start();
        image.fill(Qt::transparent);
        QPainter painter(&image);
        layer->paint(&painter);
        return double(t.nsecsElapsed()) / 1e6;
    };

    // Two rounds at a person's pace: each change once the last one's deferred work (the
    // table, the histogram, the grid for panning) is done, 300 ms later. Then one round of
    // changes back to back, each as soon as the last one's frame is out, where that
    // deferred work falls inside the next change.
    QList<double> filterMs, filterSyncMs, filterReadyMs, filterBurstMs, filterLayerMs, idleFrameMs;
    for (int round = 0; round < 3; ++round) {
        for (const auto &change : changes) {
            double sync = 0;
            double ready = 0;
            const double ms = timeToFrame(frames, change, &sync, &ready);
            if (round == 2) {
                filterBurstMs << ms;
                continue;
            }
            filterMs << ms;
            filterSyncMs << sync;
            filterReadyMs << ready;
            QEventLoop rest;
            QTimer::singleShot(300, &rest, &QEventLoop::quit);
            rest.exec();
        }
    }
    // Where the time goes: once more with the layer's part timed on its own, then frames in
    // which nothing changes.
    for (const auto &change : changes) {
        const int before = frames.count();
        change();
        filterLayerMs << paintLayer();
        frames.waitAfter(before);
    }
    for (int i = 0; i < 12; ++i)
        idleFrameMs << timeToFrame(frames, [&] { layer->polish(); }); // canvases drawn again
    err() << "bench_map: " << filterMs.size() << " filter changes; medians: the window's work "
          << "inside the change (filter, points, other views) "
          << QString::number(quantile(filterSyncMs, 0.5), 'f', 1) << " ms, the layer's "
          << QString::number(quantile(filterLayerMs, 0.5), 'f', 1)
          << " ms, a frame with nothing new " << QString::number(quantile(idleFrameMs, 0.5), 'f', 1)
          << " ms" << Qt::endl;

    // The layer prepares for panning in the background after a change; a person takes
    // longer than that to start a pan.
    frames.settle();

    // --- pans: the map's centre moves 16 px east per frame, at three zooms.
    struct Pan {
        double lat, lon, zoom;
    };
    const Pan pans[] = {{39.0, -100.0, 3.5}, {40.5, -82.0, 6.5}, {40.73, -74.1, 11.0}};
    const int steps = 60;
    const double stepPx = 16;
    // perStep(move): move the centre one step (the layer follows through its QML binding).
    const auto panSteps = [&](const std::function<void(const std::function<void()> &)> &perStep) {
        for (const Pan &p : pans) {
            setView(p.lat, p.lon, p.zoom);
            const QPointF start = geo::mercator::toWorld(p.lat, p.lon);
            const double scale = 256.0 * std::exp2(p.zoom);
            for (int i = 1; i <= steps; ++i) {
                const QPointF lonLat =
                    geo::mercator::fromWorld({start.x() + i * stepPx / scale, start.y()});
                perStep([&] {
                    map->setProperty("center",
                                     QVariant::fromValue(QGeoCoordinate(lonLat.y(), lonLat.x())));
                });
            }
        }
    };
    // a) The layer's own work per frame, then a hover at the centre, as the pointer rests
    // on the moving map.
    QList<double> panMs, hoverMs;
    panSteps([&](const std::function<void()> &move) {
        move(); // the map's own work for the new centre is not the layer's
        panMs << paintLayer();
        t.start();
        const auto under = layer->symbolAt(QPointF(layer->width() / 2, layer->height() / 2));
        hoverMs << double(t.nsecsElapsed()) / 1e6;
        Q_UNUSED(under);
    });
    err() << "bench_map: the layer's work per pan step at zoom";
    for (std::size_t k = 0; k < std::size(pans); ++k) {
        const QList<double> at = panMs.mid(qsizetype(k) * steps, steps);
        err() << ' ' << pans[k].zoom << ": median " << QString::number(quantile(at, 0.5), 'f', 2)
              << " ms, p95 " << QString::number(quantile(at, 0.95), 'f', 2) << " ms"
              << (k + 1 < std::size(pans) ? ";" : "");
    }
    err() << Qt::endl;
    // b) Whole frames: from moving the centre until the widget's scene is rendered, the
    // map's own drawing included (tiles come from the loopback server on worker threads
    // meanwhile).
    QList<double> fullFrameMs;
    panSteps([&](const std::function<void()> &move) { fullFrameMs << timeToFrame(frames, move); });

    result("map_events", double(events), 0, "events");
    result("map_open_s", openMs / 1000.0, 2, "s");
    result("map_rss_mb", rssMb, 0, "MB");
    result("map_filter_ms", quantile(filterMs, 0.5), 1, "ms");
    result("map_filter_p95_ms", quantile(filterMs, 0.95), 1, "ms");
    result("map_filter_burst_ms", quantile(filterBurstMs, 0.5), 1, "ms");
    result("map_filter_sync_ms", quantile(filterSyncMs, 0.5), 1, "ms");
    result("map_filter_ready_ms", quantile(filterReadyMs, 0.5), 1, "ms");
    result("map_filter_ready_p95_ms", quantile(filterReadyMs, 0.95), 1, "ms");
    result("map_filter_layer_ms", quantile(filterLayerMs, 0.5), 1, "ms");
    result("map_idle_frame_ms", quantile(idleFrameMs, 0.5), 1, "ms");
    result("map_pan_frame_ms", quantile(panMs, 0.5), 2, "ms");
    result("map_pan_frame_p95_ms", quantile(panMs, 0.95), 2, "ms");
    result("map_pan_frame_max_ms", quantile(panMs, 1.0), 2, "ms");
    result("map_pan_full_frame_ms", quantile(fullFrameMs, 0.5), 1, "ms");
    result("map_hover_ms", quantile(hoverMs, 0.5), 3, "ms");
    result("map_peak_rss_mb", statusMiB("VmHWM"), 0, "MB");

    // Where the time goes, outside the window: the parts on their own, for whoever
    // works on them (standard error only).
    QElapsedTimer part;
    part.start();
    auto catalogue = Catalogue::open(path, &error);
    const double catalogueMs = double(part.nsecsElapsed()) / 1e6;
    if (catalogue) {
        EventIndex index;
        part.start();
        index.rebuild(*catalogue);
        const double rebuildMs = double(part.nsecsElapsed()) / 1e6;
        part.start();
        const QList<qint64> all = index.matching(Filter{});
        const double matchingMs = double(part.nsecsElapsed()) / 1e6;
        part.start();
        const MapPoints points = index.mapPoints(Filter{});
        const double pointsMs = double(part.nsecsElapsed()) / 1e6;
        part.start();
        const auto clusters =
            clusterPoints(points, geo::mercator::toWorld(39.0, -96.0), 4.0, QSizeF(1024, 768));
        const double clustersMs = double(part.nsecsElapsed()) / 1e6;
        // The view's clusters taken from points already written, on one thread (median of 15).
        QList<double> addAllMs;
        for (int i = 0; i < 15; ++i) {
            ClusterBuilder cells(geo::mercator::toWorld(39.0, -96.0), 4.0, QSizeF(1024, 768));
            part.start();
            cells.addAll(points.data(), points.size(), 0);
            addAllMs << double(part.nsecsElapsed()) / 1e6;
        }
        // As the window does it: into a vector of an earlier change, with and without the
        // view's clusters gathered in the same pass (medians of 15).
        MapPoints rot[3];
        QList<double> bareMs, withCellsMs;
        for (int i = 0; i < 15; ++i) {
            MapPoints &reused = rot[i % 3];
            part.start();
            index.mapPoints(Filter{}, reused, nullptr, nullptr);
            bareMs << double(part.nsecsElapsed()) / 1e6;
            ClusterBuilder cells(geo::mercator::toWorld(39.0, -96.0), 4.0, QSizeF(1024, 768));
            MapPointFacts facts;
            part.start();
            index.mapPoints(Filter{}, reused, &facts, &cells);
            withCellsMs << double(part.nsecsElapsed()) / 1e6;
        }
        // And after a rest, as a person's changes come: the other core has gone idle.
        QList<double> restedMs;
        for (int i = 0; i < 10; ++i) {
            QThread::msleep(300);
            MapPoints &reused = rot[i % 3];
            ClusterBuilder cells(geo::mercator::toWorld(39.0, -96.0), 4.0, QSizeF(1024, 768));
            MapPointFacts facts;
            part.start();
            index.mapPoints(Filter{}, reused, &facts, &cells);
            restedMs << double(part.nsecsElapsed()) / 1e6;
        }
        err() << "bench_map: parts: mapPoints(all) with the clusters after a rest of 300 ms "
              << QString::number(quantile(restedMs, 0.5), 'f', 1) << " ms" << Qt::endl;
        err() << "bench_map: parts: mapPoints(all) again into the same vector "
              << QString::number(quantile(bareMs, 0.5), 'f', 1) << " ms, with facts and the "
              << "clusters of the view (US, zoom 4) "
              << QString::number(quantile(withCellsMs, 0.5), 'f', 1) << " ms" << Qt::endl;
        err() << "bench_map: parts: ClusterBuilder::addAll over all the points, one thread, "
              << QString::number(quantile(addAllMs, 0.5), 'f', 1) << " ms" << Qt::endl;
        err() << "bench_map: parts: Catalogue::open " << QString::number(catalogueMs, 'f', 0)
              << " ms, EventIndex::rebuild " << QString::number(rebuildMs, 'f', 0)
              << " ms, matching(all) " << QString::number(matchingMs, 'f', 1)
              << " ms, mapPoints(all) " << QString::number(pointsMs, 'f', 1)
              << " ms, clusterPoints (US, zoom 4) " << QString::number(clustersMs, 'f', 1)
              << " ms for " << clusters.size() << " symbols" << Qt::endl;
    }
    return 0;
}
