// SPDX-License-Identifier: GPL-3.0-or-later
// The map frames the events: their extent the shorter way round the world, and the view
// that shows it.
#include "geo/webmercator.h"
#include "query/mapextent.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace placard;

namespace {
MapPoint at(double lat, double lon)
{
    const QPointF w = geo::mercator::toWorld(lat, lon);
    return {float(w.x()), float(w.y()), 1, 1, -1, 2};
}
MapPoint unplaced()
{
    const float nan = std::numeric_limits<float>::quiet_NaN();
    return {nan, nan, 2, 1, -1, 0};
}
MapPoints pointsOf(std::initializer_list<MapPoint> list)
{
    MapPoints points;
    for (const MapPoint &p : list)
        points.push_back(p);
    return points;
}
} // namespace

class TestMapExtent : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nothingPlaced();
    void onePoint();
    void twoContinents();
    void acrossTheAntimeridian();
    void aroundTheWorld();
    void fit();
    void fitOfOnePoint();
    void fitAcrossTheAntimeridian();
};

void TestMapExtent::nothingPlaced()
{
    QVERIFY(!pointsExtent(MapPoints()));
    QVERIFY(!pointsExtent(pointsOf({unplaced(), unplaced()})));
}

void TestMapExtent::onePoint()
{
    const MapPoint p = at(44.9778, -93.2650);
    const std::optional<QRectF> e = pointsExtent(pointsOf({unplaced(), p}));
    QVERIFY(e);
    QCOMPARE(*e, QRectF(QPointF(double(p.x), double(p.y)), QPointF(double(p.x), double(p.y))));
}

void TestMapExtent::twoContinents()
{
    const MapPoint losAngeles = at(34.0522, -118.2437);
    const MapPoint minneapolis = at(44.9778, -93.2650);
    const MapPoint paris = at(48.8566, 2.3522);
    const MapPoint oslo = at(59.9139, 10.7522);
    const std::optional<QRectF> e =
        pointsExtent(pointsOf({paris, losAngeles, unplaced(), oslo, minneapolis}));
    QVERIFY(e);
    QCOMPARE(*e,
             QRectF(QPointF(double(losAngeles.x), double(oslo.y)),
                    QPointF(double(oslo.x), double(losAngeles.y))));
}

void TestMapExtent::acrossTheAntimeridian()
{
    // Fiji lies on both sides of 180°: a sliver of the world, not the whole of it.
    const MapPoint suva = at(-18.1248, 178.4501);
    const MapPoint taveuni = at(-16.8, -179.97);
    std::optional<QRectF> e = pointsExtent(pointsOf({taveuni, suva}));
    QVERIFY(e);
    QCOMPARE(e->left(), double(suva.x));
    QCOMPARE(e->right(), double(taveuni.x) + 1.0);
    QVERIFY(e->width() < 0.01);

    // The Aleutians and the lower 48: from Attu east to Boston.
    const MapPoint attu = at(52.93, 173.2);
    const MapPoint adak = at(51.88, -176.66);
    const MapPoint boston = at(42.3601, -71.0589);
    e = pointsExtent(pointsOf({boston, adak, attu}));
    QVERIFY(e);
    QCOMPARE(*e,
             QRectF(QPointF(double(attu.x), double(attu.y)),
                    QPointF(double(boston.x) + 1.0, double(boston.y))));
}

void TestMapExtent::aroundTheWorld()
{
    // Events every 0.2° of longitude leave no gap: the whole width.
    MapPoints points;
    for (int i = 0; i < 1800; ++i)
        points.push_back(at(i % 2 ? 10.0 : -10.0, -180.0 + 0.2 * i));
    const std::optional<QRectF> e = pointsExtent(points);
    QVERIFY(e);
    QCOMPARE(*e, QRectF(QPointF(0.0, double(at(10.0, 0).y)), QPointF(1.0, double(at(-10.0, 0).y))));
}

void TestMapExtent::fit()
{
    // A quarter of the world wide, a sixteenth high, in 1024 × 768 pixels less 32 on each
    // side: the width decides, 960 pixels for 0.25 of 256·2^zoom.
    const QRectF extent(QPointF(0.25, 0.375), QPointF(0.5, 0.4375));
    const MapFit f = fitExtent(extent, QSizeF(1024, 768), 32, 12);
    QCOMPARE(f.zoom, std::log2(15.0));
    QCOMPARE(f.longitude, -45.0);
    QCOMPARE(f.latitude, geo::mercator::fromWorld(QPointF(0.375, 0.40625)).y());
    // Taller than wide: the height decides.
    const MapFit tall =
        fitExtent(QRectF(QPointF(0.5, 0.25), QPointF(0.51, 0.5)), QSizeF(800, 600), 44, 12);
    QCOMPARE(tall.zoom, std::log2((600.0 - 88.0) / (256.0 * 0.25)));
    // The whole world in a small view: no further out than zoom 0.
    QCOMPARE(fitExtent(QRectF(0, 0, 1, 1), QSizeF(200, 150), 10, 12).zoom, 0.0);
}

void TestMapExtent::fitOfOnePoint()
{
    const MapPoint p = at(44.9778, -93.2650);
    const MapFit f = fitExtent(*pointsExtent(pointsOf({p})), QSizeF(1024, 768), 32, 12.5);
    QCOMPARE(f.zoom, 12.5);
    const QPointF lonLat = geo::mercator::fromWorld(QPointF(p.x, p.y));
    QCOMPARE(f.latitude, lonLat.y());
    QCOMPARE(f.longitude, lonLat.x());
}

void TestMapExtent::fitAcrossTheAntimeridian()
{
    // Centred on the antimeridian, not on Africa.
    const MapFit f =
        fitExtent(QRectF(QPointF(0.99, 0.5), QPointF(1.01, 0.505)), QSizeF(1024, 768), 32, 12);
    QCOMPARE(f.longitude, -180.0);
    QCOMPARE(f.zoom, std::log2(960.0 / (256.0 * 0.02)));
}

QTEST_GUILESS_MAIN(TestMapExtent)
#include "tst_mapextent.moc"
