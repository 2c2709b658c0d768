// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/sqlite.h"
#include "geo/basemaprenderer.h"
#include "geo/mbtiles.h"
#include "geo/tileexport.h"
#include "geo/tileserver.h"
#include "geo/webmercator.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace placard::geo;

class TestBasemap : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void deterministic();
    void landAndWater_data();
    void landAndWater();
    void noSeamsBetweenLandPieces();
    void highDpiTile();
    void darkStyle();
    void serverServesTiles();
    void serverRefuses_data();
    void serverRefuses();
    void exportMBTiles();
    void exportXyz();

private:
    QByteArray get(const QString &url, int *status);
    std::shared_ptr<const BasemapData> m_data;
    std::shared_ptr<BasemapRenderer> m_light;
};

void TestBasemap::initTestCase()
{
    QString error;
    m_data = BasemapData::load(BasemapData::defaultPath(), &error);
    QVERIFY2(m_data, qPrintable(error));
    QVERIFY(!m_data->land.isEmpty());
    QVERIFY(!m_data->places.isEmpty());
    m_light = std::make_shared<BasemapRenderer>(m_data, BasemapStyle::Light);
}

void TestBasemap::deterministic()
{
    const QImage a = m_light->renderTile(4, 3, 5);
    const QImage b = m_light->renderTile(4, 3, 5);
    QCOMPARE(a.size(), QSize(256, 256));
    QCOMPARE(a, b);
    const BasemapRenderer other(m_data, BasemapStyle::Light); // a fresh label cache
    QCOMPARE(other.renderTile(4, 3, 5), a);
}

void TestBasemap::landAndWater_data()
{
    QTest::addColumn<double>("lat");
    QTest::addColumn<double>("lon");
    QTest::addColumn<int>("zoom");
    QTest::addColumn<bool>("land");
    QTest::newRow("Kansas") << 38.5 << -98.0 << 5 << true;
    QTest::newRow("Sahara") << 23.0 << 12.0 << 4 << true;
    QTest::newRow("Siberia") << 62.0 << 95.0 << 3 << true;
    QTest::newRow("mid-Atlantic") << 30.0 << -40.0 << 4 << false;
    QTest::newRow("Pacific") << 0.0 << -150.0 << 3 << false;
    QTest::newRow("Lake Superior") << 47.7 << -87.5 << 7 << false;
    QTest::newRow("Minneapolis outskirts") << 45.05 << -93.45 << 9 << true;
}

void TestBasemap::landAndWater()
{
    QFETCH(double, lat);
    QFETCH(double, lon);
    QFETCH(int, zoom);
    QFETCH(bool, land);
    const mercator::TileId t = mercator::tileAt(lat, lon, zoom);
    const QImage tile = m_light->renderTile(t.z, t.x, t.y);
    const QPointF pixel = mercator::toPixel(lat, lon, zoom) - QPointF(t.x * 256.0, t.y * 256.0);
    const QColor expected = land ? m_light->landColour() : m_light->waterColour();
    QCOMPARE(tile.pixelColor(pixel.toPoint()).name(), expected.name());
}

void TestBasemap::noSeamsBetweenLandPieces()
{
    // Land is cut into 10° pieces; along a cut (120° E across Antarctica) the land colour
    // must show, within the rounding of antialiased edges, not a seam.
    const BasemapRenderer dark(m_data, BasemapStyle::Dark);
    const QColor land = dark.landColour();
    for (double lat : {-75.0, -80.0, -84.0}) {
        const mercator::TileId t = mercator::tileAt(lat, 120.0, 2);
        const QImage tile = dark.renderTile(t.z, t.x, t.y);
        const QPointF at = mercator::toPixel(lat, 120.0, 2) - QPointF(t.x * 256.0, t.y * 256.0);
        for (int dx : {0, 1}) {
            const QColor c = tile.pixelColor(int(at.x()) + dx - 1, int(at.y()));
            QVERIFY2(std::abs(c.red() - land.red()) <= 2 &&
                         std::abs(c.green() - land.green()) <= 2 &&
                         std::abs(c.blue() - land.blue()) <= 2,
                     qPrintable(QStringLiteral("%1 at %2° S").arg(c.name()).arg(-lat)));
        }
    }
}

void TestBasemap::highDpiTile()
{
    const QImage tile = m_light->renderTile(5, 7, 11, 512);
    QCOMPARE(tile.size(), QSize(512, 512));
    // The same place is land in the 256 and the 512 tile.
    const QImage small = m_light->renderTile(5, 7, 11, 256);
    QCOMPARE(tile.pixelColor(256, 256).name(), small.pixelColor(128, 128).name());
}

void TestBasemap::darkStyle()
{
    const BasemapRenderer dark(m_data, BasemapStyle::Dark);
    const mercator::TileId t = mercator::tileAt(30.0, -40.0, 4);
    QCOMPARE(dark.renderTile(t.z, t.x, t.y).pixelColor(128, 128).name(), dark.waterColour().name());
    QVERIFY(dark.waterColour().lightness() < 60);
    QVERIFY(m_light->waterColour().lightness() > 180);
}

QByteArray TestBasemap::get(const QString &url, int *status)
{
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(url)));
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

void TestBasemap::serverServesTiles()
{
    TileServer server(m_light);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QVERIFY(server.urlTemplate().startsWith(QStringLiteral("http://127.0.0.1:")));
    QCOMPARE(server.token().size(), 32);
    QString url = server.urlTemplate();
    url.replace(QStringLiteral("%z"), QStringLiteral("4"))
        .replace(QStringLiteral("%x"), QStringLiteral("3"))
        .replace(QStringLiteral("%y"), QStringLiteral("5"));
    int status = 0;
    const QByteArray png = get(url, &status);
    QCOMPARE(status, 200);
    QImage image;
    QVERIFY(image.loadFromData(png, "PNG"));
    QCOMPARE(image.convertToFormat(QImage::Format_RGB32), m_light->renderTile(4, 3, 5));
    // A second request is served from the cache, identically.
    QCOMPARE(get(url, &status), png);
}

void TestBasemap::serverRefuses_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("no token") << QStringLiteral("/4/3/5.png");
    QTest::newRow("wrong token") << QStringLiteral("/0123456789abcdef0123456789abcdef/4/3/5.png");
    QTest::newRow("dot dot") << QStringLiteral("/TOKEN/../TOKEN/4/3/5.png");
    QTest::newRow("encoded dot dot") << QStringLiteral("/TOKEN/%2e%2e/4/3/5.png");
    QTest::newRow("too deep") << QStringLiteral("/TOKEN/13/0/0.png");
    QTest::newRow("x outside") << QStringLiteral("/TOKEN/2/4/0.png");
    QTest::newRow("negative") << QStringLiteral("/TOKEN/2/-1/0.png");
    QTest::newRow("not png") << QStringLiteral("/TOKEN/4/3/5.jpg");
    QTest::newRow("extra part") << QStringLiteral("/TOKEN/4/3/5/6.png");
    QTest::newRow("query") << QStringLiteral("/TOKEN/4/3/5.png?x=1");
    QTest::newRow("root") << QStringLiteral("/");
}

void TestBasemap::serverRefuses()
{
    QFETCH(QString, path);
    TileServer server(m_light);
    QString error;
    QVERIFY(server.start(&error));
    QSignalSpy refused(&server, &TileServer::refused);
    // A raw request, so that nothing on the way tidies the path; the server answers on
    // this thread, so the test waits with the event loop running.
    QTcpSocket socket;
    QByteArray response;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { response += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    socket.write("GET " +
                 QString(path).replace(QStringLiteral("TOKEN"), server.token()).toLatin1() +
                 " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState, 5000);
    QVERIFY2(response.startsWith("HTTP/1.1 404 Not Found\r\n"), response.constData());
    QVERIFY(response.endsWith("Content-Length: 0\r\nConnection: close\r\n\r\n"));
    QCOMPARE(refused.count(), 1);
    // And requests other than GET.
    QVERIFY(!server.parseTarget("POST /" + server.token().toLatin1() + "/1/0/0.png HTTP/1.1"));
    QVERIFY(server.parseTarget("GET /" + server.token().toLatin1() + "/1/0/0.png HTTP/1.1"));
}

void TestBasemap::exportMBTiles()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("world.mbtiles"));
    QString error;
    QCOMPARE(exportTiles(*m_light, 0, 2, QRectF(), TileSink::MBTiles, file, &error),
             qint64(1 + 4 + 16));
    QVERIFY(!QFile::exists(file + QStringLiteral(".partial")));
    // MBTiles rows count from the south: XYZ (2, 1, 0) is row 3.
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open_v2(file.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr),
             SQLITE_OK);
    {
        placard::sql::Statement q(
            db, "SELECT tile_data FROM tiles WHERE zoom_level=2 AND tile_column=1 AND tile_row=3");
        QVERIFY(q.next());
        QImage stored;
        QVERIFY(stored.loadFromData(q.bytes(0).toByteArray(), "PNG"));
        QCOMPARE(stored.convertToFormat(QImage::Format_RGB32), m_light->renderTile(2, 1, 0));
    }
    sqlite3_close(db);
    // The provider flips back.
    const TileProvider tiles = mbtilesTiles(file, &error);
    QVERIFY2(tiles, qPrintable(error));
    QImage served;
    QVERIFY(served.loadFromData(tiles(2, 1, 0), "PNG"));
    QCOMPARE(served.convertToFormat(QImage::Format_RGB32), m_light->renderTile(2, 1, 0));
    QVERIFY(tiles(3, 0, 0).isEmpty()); // not exported
    QCOMPARE(exportTiles(*m_light, 0, 0, QRectF(), TileSink::MBTiles, file, &error), qint64(-1));
    QCOMPARE(error, file + QStringLiteral(": the file exists already"));
    QVERIFY(!mbtilesTiles(dir.filePath(QStringLiteral("none.mbtiles")), &error));
}

void TestBasemap::exportXyz()
{
    QTemporaryDir dir;
    QString error;
    // Only the tiles that meet the box: Minnesota at zoom 5 and 6.
    const qint64 n = exportTiles(*m_light, 5, 6, QRectF(QPointF(-97.2, 43.5), QPointF(-89.5, 49.4)),
                                 TileSink::XyzFolder, dir.path(), &error);
    QVERIFY2(n > 0, qPrintable(error));
    const mercator::TileId minneapolis = mercator::tileAt(44.98, -93.27, 6);
    QImage tile(dir.filePath(QStringLiteral("6/%1/%2.png").arg(minneapolis.x).arg(minneapolis.y)));
    QCOMPARE(tile.convertToFormat(QImage::Format_RGB32),
             m_light->renderTile(6, minneapolis.x, minneapolis.y));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("6/0/0.png"))));
    QCOMPARE(exportTiles(*m_light, 3, 20, QRectF(), TileSink::XyzFolder, dir.path(), &error),
             qint64(-1));
    QCOMPARE(error, QStringLiteral("zoom range 3-20 is not within 0-14"));
}

QTEST_MAIN(TestBasemap)
#include "tst_basemap.moc"
