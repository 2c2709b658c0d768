// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/webmercator.h"

#include <QTest>

using namespace placard::geo;

class TestWebMercator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tiles_data();
    void tiles();
    void pixels_data();
    void pixels();
    void roundTrip_data();
    void roundTrip();
    void clampsPoles();
    void metres();
    void resolution();
};

void TestWebMercator::tiles_data()
{
    QTest::addColumn<double>("lat");
    QTest::addColumn<double>("lon");
    QTest::addColumn<int>("zoom");
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("y");
    QTest::newRow("null island z0") << 0.0 << 0.0 << 0 << 0 << 0;
    QTest::newRow("paris z10") << 48.8566 << 2.3522 << 10 << 518 << 352;
    QTest::newRow("st paul z12") << 44.9537 << -93.09 << 12 << 988 << 1474;
    QTest::newRow("milan z8") << 45.4642 << 9.19 << 8 << 134 << 91;
    QTest::newRow("livingston z9") << 45.6621 << -110.5605 << 9 << 98 << 182;
    QTest::newRow("sydney z5") << -33.8688 << 151.2093 << 5 << 29 << 19;
    QTest::newRow("east edge") << 0.0 << 180.0 << 3 << 7 << 4;
    QTest::newRow("north pole clamps") << 90.0 << -180.0 << 4 << 0 << 0;
}

void TestWebMercator::tiles()
{
    QFETCH(double, lat);
    QFETCH(double, lon);
    QFETCH(int, zoom);
    QFETCH(int, x);
    QFETCH(int, y);
    const mercator::TileId expected{zoom, x, y};
    QCOMPARE(mercator::tileAt(lat, lon, zoom), expected);
}

void TestWebMercator::pixels_data()
{
    QTest::addColumn<double>("lat");
    QTest::addColumn<double>("lon");
    QTest::addColumn<double>("zoom");
    QTest::addColumn<int>("tileSize");
    QTest::addColumn<double>("px");
    QTest::addColumn<double>("py");
    QTest::newRow("origin") << 0.0 << 0.0 << 0.0 << 256 << 128.0 << 128.0;
    QTest::newRow("origin 512") << 0.0 << 0.0 << 1.0 << 512 << 512.0 << 512.0;
    QTest::newRow("west-north corner")
        << mercator::kMaxLatitude << -180.0 << 2.0 << 256 << 0.0 << 0.0;
    QTest::newRow("paris z10") << 48.8566 << 2.3522 << 10.0 << 256 << 132784.8197688889
                               << 90184.98169374722;
    QTest::newRow("st paul z12") << 44.9537 << -93.09 << 12.0 << 256 << 253143.72266666667
                                 << 377389.6820661777;
}

void TestWebMercator::pixels()
{
    QFETCH(double, lat);
    QFETCH(double, lon);
    QFETCH(double, zoom);
    QFETCH(int, tileSize);
    QFETCH(double, px);
    QFETCH(double, py);
    const QPointF p = mercator::toPixel(lat, lon, zoom, tileSize);
    // A millionth of a pixel: the formulas are the same, only rounding may differ.
    QVERIFY2(std::abs(p.x() - px) < 1e-6, qPrintable(QString::number(p.x(), 'f', 9)));
    QVERIFY2(std::abs(p.y() - py) < 1e-6, qPrintable(QString::number(p.y(), 'f', 9)));
}

void TestWebMercator::roundTrip_data()
{
    QTest::addColumn<double>("lat");
    QTest::addColumn<double>("lon");
    QTest::newRow("minneapolis") << 44.9778 << -93.265;
    QTest::newRow("los angeles") << 34.0522 << -118.2437;
    QTest::newRow("miami") << 25.7617 << -80.1918;
    QTest::newRow("southern") << -54.8019 << -68.303;
    QTest::newRow("dateline") << 10.0 << 179.999;
}

void TestWebMercator::roundTrip()
{
    QFETCH(double, lat);
    QFETCH(double, lon);
    for (double zoom : {0.0, 3.5, 12.0}) {
        const QPointF back = mercator::fromPixel(mercator::toPixel(lat, lon, zoom), zoom);
        QVERIFY(std::abs(back.y() - lat) < 1e-9);
        QVERIFY(std::abs(back.x() - lon) < 1e-9);
    }
}

void TestWebMercator::clampsPoles()
{
    const QPointF north = mercator::toWorld(90.0, 0.0);
    const QPointF south = mercator::toWorld(-90.0, 0.0);
    QVERIFY(std::abs(north.y()) < 1e-12);
    QVERIFY(std::abs(south.y() - 1.0) < 1e-12);
}

void TestWebMercator::metres()
{
    const QPointF m = mercator::toMetres(48.8566, 2.3522);
    QVERIFY(std::abs(m.x() - 261845.70624393807) < 1e-6);
    QVERIFY(std::abs(m.y() - 6250564.349543127) < 1e-6);
    const QPointF edge = mercator::toMetres(0.0, 180.0);
    QVERIFY(std::abs(edge.x() - 20037508.342789244) < 1e-6);
}

void TestWebMercator::resolution()
{
    // 156543.03392804097 m/px at the equator, zoom 0, 256-px tiles.
    QVERIFY(std::abs(mercator::metresPerPixel(0.0, 0.0) - 156543.03392804097) < 1e-6);
    QVERIFY(std::abs(mercator::metresPerPixel(60.0, 1.0) - 156543.03392804097 / 4.0) < 1e-6);
}

QTEST_GUILESS_MAIN(TestWebMercator)
#include "tst_webmercator.moc"
