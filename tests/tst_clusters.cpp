// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/webmercator.h"
#include "query/clusters.h"
#include "query/helperthread.h"
#include "query/mappointfacts.h"
#include "query/mappointpool.h"

#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <cstdint>
#include <limits>
#include <thread>

#if defined(__linux__)
#include <sched.h>
#endif

using namespace placard;

namespace {
MapPoint at(double lat, double lon, qint64 id, qint32 size = -1)
{
    const QPointF w = geo::mercator::toWorld(lat, lon);
    return {float(w.x()), float(w.y()), id, 1, size, 2};
}
} // namespace

class TestClusters : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void projection();
    void grouping();
    void acrossTheAntimeridian();
    void addAllAgreesWithAdd();
    void gridAgreesWithDirect_data();
    void gridAgreesWithDirect();
    void facts();
    void pool();
    void hugePageColumns();
    void helperThreadRunsElsewhere();
};

void TestClusters::projection()
{
    const QPointF centre = geo::mercator::toWorld(0, 0);
    QCOMPARE(worldToScreen(centre, centre, 3, QSizeF(800, 600)), QPointF(400, 300));
    // One tile (256 px at zoom 0 spans the world) to the east at zoom 0: a quarter turn is 64 px.
    const QPointF east = worldToScreen(geo::mercator::toWorld(0, 90), centre, 0, QSizeF(800, 600));
    QVERIFY(std::abs(east.x() - 464.0) < 1e-6);
    QVERIFY(std::abs(east.y() - 300.0) < 1e-6);
}

void TestClusters::grouping()
{
    // Minneapolis and Saint Paul fall together at zoom 4, apart at zoom 11; Paris stays alone.
    const MapPoints points{at(44.9778, -93.265, 1, 2000), at(44.9537, -93.09, 2),
                           at(48.8566, 2.3522, 3, 500)};
    const QPointF centre = geo::mercator::toWorld(45, -60);
    const auto far = clusterPoints(points, centre, 2, QSizeF(1200, 800));
    QCOMPARE(far.size(), std::size_t(2));
    QCOMPARE(far[0].count, 2);
    QCOMPARE(far[0].knownSize, 2000);
    QCOMPARE(far[0].unknownSize, 1);
    QVERIFY(!far[0].single);
    QCOMPARE(far[1].count, 1);
    QCOMPARE(far[1].single->id, 3);
    const auto near =
        clusterPoints(points, geo::mercator::toWorld(44.96, -93.18), 11, QSizeF(1200, 800));
    QCOMPARE(near.size(), std::size_t(2)); // Paris is off screen
    QCOMPARE(near[0].single->id, 1);
    QCOMPARE(near[1].single->id, 2);
    // Same input, same output.
    const auto again = clusterPoints(points, centre, 2, QSizeF(1200, 800));
    QCOMPARE(again.size(), far.size());
    QCOMPARE(again[0].position, far[0].position);
}

void TestClusters::acrossTheAntimeridian()
{
    // Fiji's two sides, seen from 179° E: both on screen, near each other.
    const MapPoints points{at(-17.8, 178.5, 1), at(-16.5, -179.9, 2)};
    const auto clusters =
        clusterPoints(points, geo::mercator::toWorld(-17, 179.5), 6, QSizeF(800, 600), 10);
    QCOMPARE(clusters.size(), std::size_t(2));
    QVERIFY(std::abs(clusters[0].position.x() - clusters[1].position.x()) < 400);
}

void TestClusters::addAllAgreesWithAdd()
{
    // addAll() places its points two coordinates at a time; add() one by one. Both must put
    // every point in the same cell, with the same sums, whatever the point: on a cell's edge
    // (screen positions exactly k·44 px), just inside or outside the margin, unplaced, across
    // the antimeridian, and in runs that end anywhere.
    QRandomGenerator rng(20261202);
    MapPoints points;
    const double step = 44.0 / 256.0; // one cell at zoom 0, exact in binary
    for (int j = -12; j <= 12; ++j) {
        for (int i = -12; i <= 12; ++i)
            points.push_back({float(0.5 + i * step), float(0.5 + j * step), qint64(points.size()),
                              1, i % 3 == 0 ? -1 : 10 * (i + 13), 2});
    }
    const float nan = std::numeric_limits<float>::quiet_NaN();
    points.push_back({nan, nan, qint64(points.size()), 1, 5, 0});
    points.push_back({0.02f, 0.5f, qint64(points.size()), 1, 7, 2}); // seen across the antimeridian
    points.push_back({0.98f, 0.5f, qint64(points.size()), 1, 7, 2});
    for (int i = 0; i < 20000; ++i)
        points.push_back({float(rng.bounded(1.0)), float(rng.bounded(1.0)), qint64(points.size()),
                          1, qint32(rng.bounded(3)) - 1, 2});
    struct View {
        QPointF centre;
        double zoom;
        QSizeF viewport;
    };
    const View views[] = {{{0.5, 0.5}, 0.0, {880, 440}},
                          {{0.5, 0.5}, 1.0, {1024, 768}},
                          {{0.99, 0.5}, 3.0, {800, 600}},
                          {{0.01, 0.4}, 5.5, {1300, 700}},
                          {{0.3, 0.7}, 6.0, {640, 480}}};
    for (const View &v : views) {
        ClusterBuilder one(v.centre, v.zoom, v.viewport);
        for (std::size_t i = 0; i < points.size(); ++i) {
            const MapPoint &p = points[i];
            if (!std::isnan(p.x))
                one.add(one.project(p.x, p.y), i, p.size);
        }
        ClusterBuilder all(v.centre, v.zoom, v.viewport);
        for (std::size_t from = 0; from < points.size(); from += 700) // runs end anywhere
            all.addAll(points.data() + from, std::min<std::size_t>(700, points.size() - from),
                       from);
        QCOMPARE(all.clusterCount(), one.clusterCount());
        const auto expected = one.finish(points);
        const auto actual = all.finish(points);
        QCOMPARE(actual.size(), expected.size());
        QVERIFY(actual.size() > 1);
        for (std::size_t k = 0; k < expected.size(); ++k) {
            QCOMPARE(actual[k].count, expected[k].count);
            QCOMPARE(actual[k].knownSize, expected[k].knownSize);
            QCOMPARE(actual[k].unknownSize, expected[k].unknownSize);
            QCOMPARE(actual[k].single, expected[k].single);
            QCOMPARE(actual[k].position, expected[k].position); // the same sums, in the same order
        }
    }
}

void TestClusters::gridAgreesWithDirect_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("direct on one thread") << 30000;
    QTest::newRow("direct on two threads") << 130000; // past clusterPoints' threshold
}

void TestClusters::gridAgreesWithDirect()
{
    // Dense spots and sparse scatter, with points on the world's edges: the grid must give
    // the same clusters, in the same order, as clustering every point directly.
    QFETCH(int, count);
    QRandomGenerator rng(20260130);
    auto points = std::make_shared<MapPoints>();
    const QPointF spots[] = {{44.98, -93.27}, {40.71, -74.0}, {45.46, 9.19}, {-33.9, 151.2}};
    for (int i = 0; i < count; ++i) {
        MapPoint p;
        if (i % 3 == 0) {
            p = at(rng.bounded(170.0) - 85.0, rng.bounded(360.0) - 180.0, i + 1);
        } else {
            const QPointF s = spots[i % 4];
            p = at(s.x() + rng.bounded(2.0) - 1.0, s.y() + rng.bounded(2.0) - 1.0, i + 1);
        }
        p.size = i % 5 == 0 ? -1 : qint64(rng.bounded(5000));
        p.type = 1 + i % 6;
        points->push_back(p);
    }
    points->push_back(at(0, 180, count + 1));
    points->push_back(at(0, -180, count + 2));
    points->push_back(at(85.05, 0, count + 3));
    const ClusterGrid grid(points);
    QCOMPARE(grid.points().get(), points.get());
    int views = 0;
    for (const double zoom : {0.0, 1.5, 2.5, 4.0, 6.3, 9.0, 12.0}) {
        for (int v = 0; v < 12; ++v) {
            const QPointF centre(rng.bounded(1.0), 0.2 + rng.bounded(0.6));
            const QSizeF viewport(800 + rng.bounded(600), 500 + rng.bounded(400));
            const auto direct = clusterPoints(*points, centre, zoom, viewport);
            const auto fromGrid = grid.clusters(centre, zoom, viewport);
            QCOMPARE(fromGrid.size(), direct.size());
            for (std::size_t k = 0; k < direct.size(); ++k) {
                QCOMPARE(fromGrid[k].count, direct[k].count);
                QCOMPARE(fromGrid[k].knownSize, direct[k].knownSize);
                QCOMPARE(fromGrid[k].unknownSize, direct[k].unknownSize);
                QCOMPARE(fromGrid[k].single ? fromGrid[k].single->id : 0,
                         direct[k].single ? direct[k].single->id : 0);
                // Sums taken in another order: equal to rounding.
                QVERIFY(std::abs(fromGrid[k].position.x() - direct[k].position.x()) < 1e-3);
                QVERIFY(std::abs(fromGrid[k].position.y() - direct[k].position.y()) < 1e-3);
            }
            ++views;
        }
    }
    QCOMPARE(views, 84);
}

void TestClusters::facts()
{
    // Two parts of a set of points, as two threads gather them, then merged: types past the
    // bitmap (4096) once each, ascending after the small ones.
    const auto point = [](qint32 type, qint32 size, GeoPrecision geo, DatePrecision date) {
        return MapPoint{0.5f, 0.5f, 1, type, size, quint8(geo), quint8(date)};
    };
    MapPointFacts first;
    const MapPoint some[] = {point(7000, -1, GeoPrecision::Locality, DatePrecision::Day),
                             point(3, -1, GeoPrecision::Exact, DatePrecision::Day),
                             point(5000, -1, GeoPrecision::Locality, DatePrecision::Day)};
    first.addAll(some, 3);
    // Ids at both ends of the first word's bits and one past them, in a second run.
    const MapPoint more[] = {point(100, -1, GeoPrecision::Exact, DatePrecision::Day),
                             point(63, -1, GeoPrecision::Exact, DatePrecision::Day),
                             point(64, -1, GeoPrecision::Exact, DatePrecision::Day)};
    first.addAll(more, 3);
    QCOMPARE(first.unknown, true);
    QCOMPARE(first.sized, false);
    QCOMPARE(first.area, false);
    QCOMPARE(first.imprecise, false);
    MapPointFacts second;
    const MapPoint others[] = {point(5000, 120, GeoPrecision::Admin1, DatePrecision::Day),
                               point(0, 0, GeoPrecision::Locality, DatePrecision::Month)};
    second.addAll(others, 2);
    first.merge(second);
    first.finish();
    QCOMPARE(first.types, (QList<qint64>{0, 3, 63, 64, 100, 5000, 7000}));
    QCOMPARE(first.sized, true); // a size of 0 is known
    QCOMPARE(first.unknown, true);
    QCOMPARE(first.area, true);
    QCOMPARE(first.imprecise, true);
    const MapPointFacts country =
        MapPointFacts::of({point(2, -1, GeoPrecision::Country, DatePrecision::Year)});
    QCOMPARE(country.types, QList<qint64>{2});
    QCOMPARE(country.area, true);
    QCOMPARE(country.imprecise, true);
    QCOMPARE(country.sized, false);
}

void TestClusters::pool()
{
    // A vector comes back with its memory when its last holder lets go, on any thread; at
    // most two wait; one still held when the pool goes is simply freed.
    std::shared_ptr<MapPointPool> pool = MapPointPool::create();
    std::shared_ptr<MapPoints> a = pool->take();
    a->resize(1000);
    const MapPoint *memory = a->data();
    std::shared_ptr<MapPoints> held = a;
    a.reset();
    QCOMPARE(pool->idle(), std::size_t(0));
    std::thread([&held] { held.reset(); }).join();
    QCOMPARE(pool->idle(), std::size_t(1));
    std::shared_ptr<MapPoints> again = pool->take();
    QCOMPARE(pool->idle(), std::size_t(0));
    QVERIFY(again->empty());
    QCOMPARE(again->capacity(), std::size_t(1000));
    QCOMPARE(static_cast<const MapPoint *>(again->data()), memory);
    std::vector<std::shared_ptr<MapPoints>> many{pool->take(), pool->take(), pool->take()};
    many.clear();
    QCOMPARE(pool->idle(), std::size_t(2));
    pool.reset();
    again.reset(); // the pool is gone: freed, not given back
}

void TestClusters::hugePageColumns()
{
    // A column grows from the heap into blocks of its own, aligned to a huge page, and keeps
    // its values on the way; copies and moves work across the two kinds of block.
    Column<qint64> values;
    for (qint64 v = 0; v < 1000000; ++v)
        values.push_back(v * 3 - 7);
    QVERIFY(values.capacity() * sizeof(qint64) >= hugepages::kFrom);
    QCOMPARE(reinterpret_cast<std::uintptr_t>(values.data()) % (std::uintptr_t(2) << 20),
             std::uintptr_t(0));
    for (qint64 v = 0; v < 1000000; ++v) {
        if (values[std::size_t(v)] != v * 3 - 7)
            QFAIL(qPrintable(QStringLiteral("value %1 lost").arg(v)));
    }
    Column<qint64> copy = values;
    QCOMPARE(copy, values);
    copy.resize(10);
    copy.shrink_to_fit();
    QCOMPARE(copy, Column<qint64>({-7, -4, -1, 2, 5, 8, 11, 14, 17, 20}));
    Column<qint64> moved = std::move(values);
    QCOMPARE(moved.size(), std::size_t(1000000));
    QCOMPARE(moved.back(), qint64(999999 * 3 - 7));

    // Points grow without being written: those written before stay.
    MapPoints points(2);
    points[0].id = 41;
    points[1].id = 42;
    points.resize(300000);
    QCOMPARE(points[0].id, qint64(41));
    QCOMPARE(points[1].id, qint64(42));
}

void TestClusters::helperThreadRunsElsewhere()
{
#if defined(__linux__)
    // The helper starts on a processor other than its creator's, even when that one is the only
    // idle one (left to itself, the system starts it there), then may use all those its
    // creator may; it does its work and is joined at the end of its scope.
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    QCOMPARE(sched_getaffinity(0, sizeof allowed, &allowed), 0);
    const int count = CPU_COUNT(&allowed);
    if (count < 2)
        QSKIP("a single processor: there is nowhere else to start");
    const int here = sched_getcpu();
    QVERIFY(here >= 0 && CPU_ISSET(here, &allowed));
    // Every processor but this thread's kept busy.
    std::atomic<bool> stop = false;
    std::vector<std::thread> spinners;
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
        if (cpu == here || !CPU_ISSET(cpu, &allowed))
            continue;
        spinners.emplace_back([&stop, cpu] {
            cpu_set_t one;
            CPU_ZERO(&one);
            CPU_SET(cpu, &one);
            sched_setaffinity(0, sizeof one, &one);
            while (!stop.load(std::memory_order_relaxed)) { }
        });
    }
    bool startedElsewhere = true;
    bool freeAfter = true;
    for (int round = 0; round < 10; ++round) {
        int first = -1;
        int avoided = -1;
        cpu_set_t helpers;
        CPU_ZERO(&helpers);
        {
            HelperThread helper([&] {
                first = sched_getcpu();
                sched_getaffinity(0, sizeof helpers, &helpers);
            });
            avoided = helper.avoided();
        }
        startedElsewhere =
            startedElsewhere && avoided >= 0 && first != avoided && CPU_ISSET(first, &allowed);
        freeAfter = freeAfter && CPU_EQUAL(&helpers, &allowed);
    }
    stop = true;
    for (std::thread &spinner : spinners)
        spinner.join();
    QVERIFY(startedElsewhere);
    QVERIFY(freeAfter);
#else
    QSKIP("processor placement is only done on Linux");
#endif
}

QTEST_GUILESS_MAIN(TestClusters)
#include "tst_clusters.moc"
