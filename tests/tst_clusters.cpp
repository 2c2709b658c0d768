// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/webmercator.h"
#include "query/clusters.h"

#include <QTest>

using namespace placard;

namespace {
MapPoint at(double lat, double lon, qint64 id, qint64 size = -1)
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
    const std::vector<MapPoint> points{at(44.9778, -93.265, 1, 2000), at(44.9537, -93.09, 2),
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
    const std::vector<MapPoint> points{at(-17.8, 178.5, 1), at(-16.5, -179.9, 2)};
    const auto clusters =
        clusterPoints(points, geo::mercator::toWorld(-17, 179.5), 6, QSizeF(800, 600), 10);
    QCOMPARE(clusters.size(), std::size_t(2));
    QVERIFY(std::abs(clusters[0].position.x() - clusters[1].position.x()) < 400);
}

QTEST_GUILESS_MAIN(TestClusters)
#include "tst_clusters.moc"
