// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline with a large catalogue, driven without a person: an offscreen main window
// opens a catalogue and its timeline's window is brushed across the data, a day at a time.
// Measures each brush move until the map and the timeline have both drawn it, the histogram
// on its own, and SQL computing the same histograms with GROUP BY as the baseline.
// See README.md for what each figure includes.
#include "benchwindow.h"
#include "catalogue/catalogue.h"
#include "catalogue/sqlite.h"
#include "eventlayer.h"
#include "filtersdock.h"
#include "mainwindow.h"
#include "mapbridge.h"
#include "mapwidget.h"
#include "query/eventindex.h"
#include "query/histogram.h"
#include "query/timelinecontroller.h"
#include "timelinedock.h"
#include "timelinewidget.h"

#include <QApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QGeoCoordinate>
#include <QHash>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <sqlite3.h>

#include <algorithm>
#include <functional>
#include <vector>

Q_IMPORT_QML_PLUGIN(PlacardPlugin)

using namespace placard;
using namespace placard::bench;

namespace {

QString ms(double value, int decimals = 1)
{
    return QString::number(value, 'f', decimals);
}

/// The offscreen platform warns each time the window's size constraints change (the
/// timeline dock's range label does that on most moves); a desktop platform applies them
/// silently. Those warnings are counted, not written, so that they cost no time measured.
int sizeHintWarnings = 0;
QtMessageHandler defaultHandler = nullptr;

void dropSizeHintWarnings(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    if (text.contains(QLatin1String("does not support propagateSizeHints"))) {
        ++sizeHintWarnings;
        return;
    }
    defaultHandler(type, context, text);
}

/// One clock for every time stamp below, in milliseconds.
double now()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return double(clock.nsecsElapsed()) / 1e6;
}

/// Median milliseconds of `reps` calls of `work`.
double medianMs(int reps, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < reps; ++i) {
        const double start = now();
        work();
        times << now() - start;
    }
    return quantile(times, 0.5);
}

QString dayText(qint32 day)
{
    return QDate(1970, 1, 1).addDays(day).toString(Qt::ISODate);
}

const char *unitName(Period::Unit unit)
{
    switch (unit) {
    case Period::Day:
        return "day";
    case Period::Week:
        return "week";
    case Period::Month:
        return "month";
    case Period::Year:
        return "year";
    }
    return "?";
}

/// What a brush move changes on screen, each counted when it is done and time-stamped:
/// frames of the map's scene (QQuickWidget renders on the GUI thread, so afterRendering
/// comes after every item of the frame, the event layer included, has been painted) and
/// paints of the timeline widget (the filter delivers the widget's paint event itself, so
/// that the time stamp is taken after the widget has drawn).
class Updates : public QObject {
public:
    Updates(QQuickWindow *map, QWidget *timeline)
        : m_timeline(timeline)
    {
        connect(
            map, &QQuickWindow::afterRendering, this,
            [this] {
                ++m_frames;
                m_frameAt = now();
                check();
            },
            Qt::DirectConnection);
        timeline->installEventFilter(this);
    }
    int frames() const { return m_frames; }
    int paints() const { return m_paints; }
    double frameAt() const { return m_frameAt; }
    double paintAt() const { return m_paintAt; }
    /// How long the timeline widget's last paint event took.
    double paintMs() const { return m_paintMs; }

    /// Runs the event loop until `done` holds (checked after each frame and paint); false
    /// after `timeoutMs`.
    bool waitUntil(const std::function<bool()> &done, int timeoutMs = 10000)
    {
        if (done())
            return true;
        QEventLoop loop;
        QTimer timeout;
        timeout.setSingleShot(true);
        connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
        m_loop = &loop;
        m_done = done;
        timeout.start(timeoutMs);
        loop.exec();
        m_loop = nullptr;
        m_done = nullptr;
        return done();
    }
    /// Runs the event loop until nothing has been drawn for `quietMs` (tiles loaded, the
    /// table refreshed), at most `timeoutMs`.
    void settle(int quietMs = 600, int timeoutMs = 20000)
    {
        const double start = now();
        int seen = -1;
        while (seen != m_frames + m_paints && now() - start < timeoutMs) {
            seen = m_frames + m_paints;
            QEventLoop loop;
            QTimer::singleShot(quietMs, &loop, &QEventLoop::quit);
            loop.exec();
        }
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched != m_timeline || event->type() != QEvent::Paint)
            return false;
        const double start = now();
        static_cast<QObject *>(m_timeline)->event(event); // TimelineWidget::paintEvent
        m_paintAt = now();
        m_paintMs = m_paintAt - start;
        ++m_paints;
        check();
        return true;
    }

private:
    void check()
    {
        if (m_loop && m_done && m_done())
            m_loop->quit();
    }

    QWidget *m_timeline;
    int m_frames = 0;
    int m_paints = 0;
    double m_frameAt = 0;
    double m_paintAt = 0;
    double m_paintMs = 0;
    QEventLoop *m_loop = nullptr;
    std::function<bool()> m_done;
};

/// Runs the event loop for `msecs`.
void wait(double msecs)
{
    if (msecs <= 0)
        return;
    QEventLoop loop;
    QTimer::singleShot(qMax(1, qRound(msecs)), Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

/// Days with a count per type, as SQL gives them: (day, type id) → events, type 0 for none.
using DayCounts = QHash<std::pair<qint64, qint64>, qint64>;

/// The baseline: the histogram by day and type of the events starting in [first, last],
/// read row by row as a program would.
DayCounts sqlHistogram(sql::Statement &q, qint32 first, qint32 last)
{
    DayCounts counts;
    q.bind(1, qint64(first)).bind(2, qint64(last));
    while (q.next())
        counts.insert({q.int64(0), q.int64(1)}, q.int64(2)); // NULL type_id reads as 0
    q.reset();
    return counts;
}

/// A histogram by day in the form of sqlHistogram(), for comparing them.
DayCounts dayCounts(const Histogram &h)
{
    DayCounts counts;
    for (std::size_t bin = 0; bin < h.starts.size(); ++bin) {
        for (std::size_t t = 0; t < h.types.size(); ++t) {
            if (const quint32 n = h.count(bin, t))
                counts.insert({h.starts[bin], h.types[t]}, n);
        }
    }
    return counts;
}

bool sameHistogram(const Histogram &a, const Histogram &b)
{
    return a.unit == b.unit && a.starts == b.starts && a.end == b.end && a.types == b.types &&
        a.counts == b.counts;
}

} // namespace

int main(int argc, char *argv[])
{
    useOffscreenSoftwareRendering(); // the layer paints with QPainter either way
    QApplication app(argc, argv);
    defaultHandler = qInstallMessageHandler(dropSizeHintWarnings);
    QApplication::setApplicationName(QStringLiteral("placard-bench"));
    // Default settings (the built-in basemap, never online tiles), whatever the user chose.
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = QApplication::arguments();
    if (args.size() != 2) {
        err() << "usage: bench_timeline CATALOGUE\n";
        return 2;
    }
    const QString path = args.at(1);
    const double started = now();

    // --- the window as bench_map has it: the map at 1024×768, the United States at zoom 4.
    MainWindow window;
    const std::optional<BenchMap> bench = showBenchWindow(window, "bench_timeline");
    if (!bench)
        return 1;
    QQuickWidget *widget = bench->widget;
    EventLayer *layer = bench->layer;
    QObject *map = bench->map;
    map->setProperty("zoomLevel", 4.0);
    map->setProperty("center", QVariant::fromValue(QGeoCoordinate(39.0, -96.0)));
    TimelineDock *dock = window.timelineDock();
    TimelineController *controller = dock->controller();
    TimelineWidget *timeline = dock->timeline();
    Updates updates(widget->quickWindow(), timeline);
    updates.settle();

    QString error;
    if (!window.openCatalogue(path, &error)) {
        err() << "bench_timeline: " << error << Qt::endl;
        return 3;
    }
    updates.settle();
    if (!controller->hasExtent() || !timeline->isVisible()) {
        err() << "bench_timeline: the timeline shows no data\n";
        return 1;
    }
    const qint32 first = controller->extentFirst();
    const qint32 last = controller->extentLast();
    const qint32 span = last - first + 1;
    // The view the window chose (the extent and a little room), on whole days, so that asking
    // for it again changes nothing but makes the window compute its histogram once more.
    timeline->setView(timeline->viewFirst(), timeline->viewLast());
    updates.settle();
    const qint32 viewFirst = timeline->viewFirst();
    const qint32 viewLast = timeline->viewLast();
    const Period::Unit viewUnit =
        binUnitFor(viewLast - viewFirst + 1, timeline->plotRect().width());
    err() << "bench_timeline: " << window.mapWidget()->bridge()->events()->size()
          << " events, days " << dayText(first) << " … " << dayText(last) << " (" << span
          << "); the timeline " << timeline->width() << "×" << timeline->height() << " px shows "
          << (viewLast - viewFirst + 1) << " days in " << unitName(viewUnit) << " bins over "
          << timeline->plotRect().width() << " px" << Qt::endl;

    // --- brush moves: drags of the window across the data, as the timeline's Move drag does
    // (TimelineController::setWindow), paced like pointer moves at 60 Hz. Each move: the
    // window moves (the app's own path: MainWindow::showEvents makes the map's points for
    // it, the timeline widget repaints), the histogram of the view is computed again (the
    // app's own path too: TimelineWidget::viewChanged → MainWindow::refreshHistogram, which
    // a move alone does not do), until the map's next frame and the timeline's next paint.
    struct Drag {
        const char *name;
        qint32 length; ///< days in the window
        qint32 step; ///< days per move
        double at; ///< where the drag starts, as a fraction of the extent
        int moves;
    };
    const Drag drags[] = {
        {"7 days", 7, 1, 0.10, 50},   {"7 days", 7, 1, 0.35, 50},   {"7 days", 7, 1, 0.60, 50},
        {"7 days", 7, 1, 0.85, 50},   {"30 days", 30, 3, 0.20, 25}, {"30 days", 30, 3, 0.70, 25},
        {"1 year", 365, 7, 0.05, 25}, {"1 year", 365, 7, 0.50, 25},
    };
    const double pacingMs = 1000.0 / 60.0;
    struct Move {
        const char *kind;
        double totalMs; ///< from the move until both the map and the timeline have drawn it
        double windowMs; ///< setWindow(): the map's points, the other views
        double histogramMs; ///< the histogram of the view, computed and handed to the widget
        double frameMs; ///< from the move until the map's frame
        double paintMs; ///< from the move until the timeline's paint
        double timelinePaintMs; ///< the timeline widget's own paint
        std::size_t events; ///< events on the map
    };
    std::vector<Move> moves;
    bool timedOut = false;
    const auto runDrag = [&](const Drag &d, bool record) {
        const qint32 start0 = first + qint32(d.at * span);
        // Where the drag starts, then a rest, as a person grabs the window (the table, which
        // follows 150 ms after the last move, is refreshed then).
        controller->setWindow(start0, start0 + d.length - 1);
        updates.settle(400);
        double lastStart = 0;
        for (int i = 1; i <= d.moves; ++i) {
            wait(lastStart + pacingMs - now());
            const qint32 s = start0 + i * d.step;
            const int frames = updates.frames();
            const int paints = updates.paints();
            const double t0 = lastStart = now();
            controller->setWindow(s, s + d.length - 1);
            const double t1 = now();
            timeline->setView(viewFirst, viewLast);
            const double t2 = now();
            if (!updates.waitUntil(
                    [&] { return updates.frames() > frames && updates.paints() > paints; })) {
                err() << "bench_timeline: no frame within 10 s\n";
                timedOut = true;
            }
            if (record)
                moves.push_back({d.name, std::max(updates.frameAt(), updates.paintAt()) - t0,
                                 t1 - t0, t2 - t1, updates.frameAt() - t0, updates.paintAt() - t0,
                                 updates.paintMs(),
                                 window.mapWidget()->bridge()->events()->size()});
        }
    };
    runDrag({"warm-up", 7, 1, 0.5, 10}, false);
    for (const Drag &d : drags)
        runDrag(d, true);
    // The floor under every move: frames in which only the layer repaints, nothing new.
    updates.settle(400);
    QList<double> idleFrameMs;
    for (int i = 0; i < 12; ++i) {
        const int frames = updates.frames();
        const double t0 = now();
        layer->polish(); // the layer draws its canvases again
        if (!updates.waitUntil([&] { return updates.frames() > frames; }))
            timedOut = true;
        idleFrameMs << updates.frameAt() - t0;
    }
    if (timedOut) {
        err() << "bench_timeline: no frame within 10 s\n";
        return 1;
    }
    const auto column = [&](double Move::*field, const char *kind = nullptr) {
        QList<double> values;
        for (const Move &m : moves) {
            if (!kind || qstrcmp(m.kind, kind) == 0)
                values << m.*field;
        }
        return values;
    };
    const QList<double> totalMs = column(&Move::totalMs);
    for (const char *kind : {"7 days", "30 days", "1 year"}) {
        const QList<double> of = column(&Move::totalMs, kind);
        QList<double> events;
        for (const Move &m : moves) {
            if (qstrcmp(m.kind, kind) == 0)
                events << double(m.events);
        }
        err() << "bench_timeline: " << of.size() << " moves of a " << kind << " window: median "
              << ms(quantile(of, 0.5)) << " ms, p95 " << ms(quantile(of, 0.95)) << " ms, max "
              << ms(quantile(of, 1.0)) << " ms; median " << quantile(events, 0.5)
              << " events on the map" << Qt::endl;
    }
    err() << "bench_timeline: medians of a move: setWindow "
          << ms(quantile(column(&Move::windowMs), 0.5), 2) << " ms, the view's histogram "
          << ms(quantile(column(&Move::histogramMs), 0.5), 2) << " ms, until the map's frame "
          << ms(quantile(column(&Move::frameMs), 0.5)) << " ms, until the timeline's paint "
          << ms(quantile(column(&Move::paintMs), 0.5)) << " ms (the timeline's own paint "
          << ms(quantile(column(&Move::timelinePaintMs), 0.5), 2)
          << " ms); a map frame with nothing new " << ms(quantile(idleFrameMs, 0.5)) << " ms; "
          << sizeHintWarnings << " size hint warnings dropped" << Qt::endl;
    // The window's histogram, to compare with this program's own below.
    const Histogram *shown = timeline->histogram();
    const Histogram windowHistogram = shown ? *shown : Histogram{};
    const Filter filter = window.filtersDock()->filter(); // no search text here
    const double brushEndedAt = now();

    // --- the histogram on its own. The window's EventIndex is private to it, so this is an
    // index of our own, built from the same catalogue the same way.
    auto catalogue = Catalogue::open(path, &error);
    if (!catalogue) {
        err() << "bench_timeline: " << error << Qt::endl;
        return 1;
    }
    EventIndex index;
    index.rebuild(*catalogue);
    if (index.dayExtent() != std::pair{first, last}) {
        err() << "bench_timeline: the index covers other days than the window\n";
        return 1;
    }
    if (!sameHistogram(index.histogram(filter, viewFirst, viewLast, viewUnit), windowHistogram)) {
        err() << "bench_timeline: the window's histogram differs from the index's\n";
        return 1;
    }
    const qint32 monthFirst = first + span / 2;
    const qint32 monthLast = monthFirst + 29;
    const int histReps = 21;
    const double histDayMs =
        medianMs(histReps, [&] { index.histogram(Filter{}, first, last, Period::Day); });
    const double histWeekMs =
        medianMs(histReps, [&] { index.histogram(Filter{}, first, last, Period::Week); });
    const double histMonthMs =
        medianMs(histReps, [&] { index.histogram(Filter{}, first, last, Period::Month); });
    const double hist30dMs =
        medianMs(histReps, [&] { index.histogram(Filter{}, monthFirst, monthLast, Period::Day); });

    // --- the SQL baseline on the same catalogue: the same histograms by day and type. SQL at
    // its best: a read-only connection with SQLite's default settings, as the sqlite3 shell
    // has it. The catalogue's own connection (a larger page cache, temporary tables in
    // memory) sorts the groups more slowly; it is measured too, for the full extent.
    const char *groupBy = "SELECT start_day, type_id, count(*) FROM events "
                          "WHERE start_day BETWEEN ?1 AND ?2 GROUP BY start_day, type_id";
    sqlite3 *raw = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &raw, SQLITE_OPEN_READONLY, nullptr);
    sql::Connection plain(raw);
    sql::Statement q(plain.get(), groupBy);
    sql::Statement qCatalogue(catalogue->handle(), groupBy);
    if (!q.isValid() || !qCatalogue.isValid()) {
        err() << "bench_timeline: " << (q.isValid() ? qCatalogue.error() : q.error()) << Qt::endl;
        return 1;
    }
    // Once each, unmeasured (the file into the page cache), and to check that both agree.
    const DayCounts all = dayCounts(index.histogram(Filter{}, first, last, Period::Day));
    if (sqlHistogram(q, first, last) != all || sqlHistogram(qCatalogue, first, last) != all ||
        sqlHistogram(q, monthFirst, monthLast) !=
            dayCounts(index.histogram(Filter{}, monthFirst, monthLast, Period::Day))) {
        err() << "bench_timeline: SQL and the index count differently\n";
        return 1;
    }
    const int sqlReps = 5;
    const double sqlMs = medianMs(sqlReps, [&] { sqlHistogram(q, first, last); });
    const double sql30dMs = medianMs(sqlReps, [&] { sqlHistogram(q, monthFirst, monthLast); });
    const double sqlCatalogueMs = medianMs(sqlReps, [&] { sqlHistogram(qCatalogue, first, last); });
    err() << "bench_timeline: histograms and SQL took " << ms((now() - brushEndedAt) / 1000.0, 1)
          << " s, the whole run " << ms((now() - started) / 1000.0, 1)
          << " s; the 30-day window is " << dayText(monthFirst) << " … " << dayText(monthLast)
          << Qt::endl;

    const double p95 = quantile(totalMs, 0.95);
    result("timeline_brush_p50_ms", quantile(totalMs, 0.5), 1, "ms");
    result("timeline_brush_p95_ms", p95, 1, "ms");
    result("timeline_brush_max_ms", quantile(totalMs, 1.0), 1, "ms");
    result("timeline_brush_window_ms", quantile(column(&Move::windowMs), 0.5), 2, "ms");
    result("timeline_brush_hist_ms", quantile(column(&Move::histogramMs), 0.5), 2, "ms");
    result("timeline_idle_frame_ms", quantile(idleFrameMs, 0.5), 1, "ms");
    result("timeline_hist_ms", histDayMs, 2, "ms");
    result("timeline_hist_week_ms", histWeekMs, 2, "ms");
    result("timeline_hist_month_ms", histMonthMs, 2, "ms");
    result("timeline_hist_30d_ms", hist30dMs, 3, "ms");
    result("timeline_sql_ms", sqlMs, 1, "ms");
    result("timeline_sql_30d_ms", sql30dMs, 1, "ms");
    result("timeline_sql_catalogue_ms", sqlCatalogueMs, 1, "ms");
    const auto ratio = [](double a, double b) {
        return b > 0 ? a / b : 0.0;
    };
    result("timeline_sql_vs_hist", ratio(sqlMs, histDayMs), 1, "ratio");
    result("timeline_sql_30d_vs_hist_30d", ratio(sql30dMs, hist30dMs), 1, "ratio");
    result("timeline_sql_vs_brush_p95", ratio(sqlMs, p95), 1, "ratio");
    err() << "bench_timeline: goals: brush p95 ≤ 16 ms " << (p95 <= 16 ? "met" : "missed")
          << ", histogram ≤ 5 ms " << (histDayMs <= 5 ? "met" : "missed") << Qt::endl;
    return 0;
}
