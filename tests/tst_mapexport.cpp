// SPDX-License-Identifier: GPL-3.0-or-later
// Map export: a golden PNG of the sample catalogue, SVG and PDF as true vectors, page sizes,
// the fitted extent, the size limit, the legend, the scale bar and the captions.
//
// The golden image is tests/data/golden/mapexport-sample.png. After a deliberate change of the
// drawing, write it again with
//   PLACARD_UPDATE_GOLDEN=1 build/dev/tests/tst_mapexport goldenPng
// (inside packaging/dev exec, offscreen), look at it, and commit it with the change.
#include "catalogue/catalogue.h"
#include "catalogue/sqlite.h"
#include "geo/basemaprenderer.h"
#include "geo/webmercator.h"
#include "io/sample.h"
#include "query/eventindex.h"
#include "render/legend.h"
#include "render/mapexport.h"
#include "render/palette.h"
#include "render/scalebar.h"

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QtMath>

#include <numbers>

using namespace placard;
using namespace placard::render;

namespace {

/// How far two renderings may differ: fonts and antialiasing may move an edge by a pixel from
/// one FreeType or Qt build to another, nothing else.
constexpr int kChannelTolerance = 48; ///< per colour channel, of 255
constexpr double kMaxDifferentFraction = 0.01; ///< of all pixels

QString goldenPath()
{
    return QStringLiteral(PLACARD_TEST_DATA "/golden/mapexport-sample.png");
}

/// The settings of the golden image: small, every part of the page present.
MapExportSettings goldenSettings()
{
    MapExportSettings s;
    s.pixels = QSize(640, 400);
    s.dpi = 96;
    s.title = QStringLiteral("Protests against immigration agents");
    s.subtitle = QStringLiteral("Sample catalogue");
    s.caption = QStringLiteral("1 January – 28 March 2026 · 16 events");
    s.credit = QStringLiteral("Data: sample-events.csv");
    return s;
}

/// The first MediaBox of a PDF file, in points.
std::optional<QSizeF> mediaBox(const QByteArray &pdf)
{
    static const QRegularExpression box(
        QStringLiteral(R"(/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\])"));
    const QRegularExpressionMatch m = box.match(QString::fromLatin1(pdf));
    if (!m.hasMatch())
        return std::nullopt;
    return QSizeF(m.captured(3).toDouble() - m.captured(1).toDouble(),
                  m.captured(4).toDouble() - m.captured(2).toDouble());
}

} // namespace

class TestMapExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void goldenPng();
    void pngFile();
    void svgIsVector();
    void pdfPageSize_data();
    void pdfPageSize();
    void millimetresToPixels_data();
    void millimetresToPixels();
    void presets();
    void sizeLimit_data();
    void sizeLimit();
    void fitsTheEvents_data();
    void fitsTheEvents();
    void oneEventShowsItsCity();
    void extentAskedFor();
    void legendAndScaleBarCoverNoSymbol_data();
    void legendAndScaleBarCoverNoSymbol();
    void legendTellsWhatIsDrawn();
    void clusters();
    void scaleStep_data();
    void scaleStep();
    void scaleBarOnlyWhereItHolds();
    void sizeScale_data();
    void sizeScale();
    void dateRange_data();
    void dateRange();
    void formats();
    void palette();

private:
    MapExport sampleExport(const MapExportSettings &settings) const
    {
        return MapExport(settings, m_points, m_typeNames, m_basemap);
    }
    /// Points spread over the contiguous United States, for dense maps.
    static std::shared_ptr<const MapPoints> randomPoints(int count);

    QTemporaryDir m_dir;
    std::shared_ptr<const geo::BasemapRenderer> m_basemap;
    std::shared_ptr<const MapPoints> m_points;
    QHash<qint64, QString> m_typeNames;
};

void TestMapExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    auto data = geo::BasemapData::load(geo::BasemapData::defaultPath(), &error);
    QVERIFY2(data, qPrintable(error));
    m_basemap = std::make_shared<const geo::BasemapRenderer>(data, geo::BasemapStyle::Light);
    const QString path = m_dir.filePath(QStringLiteral("sample.placard"));
    QVERIFY2(io::buildSampleCatalogue(path, &error), qPrintable(error));
    auto catalogue = Catalogue::open(path, &error);
    QVERIFY2(catalogue, qPrintable(error));
    EventIndex index;
    index.rebuild(*catalogue);
    m_points = std::make_shared<const MapPoints>(index.mapPoints(Filter()));
    QCOMPARE(m_points->size(), std::size_t(16));
    sql::Statement q(catalogue->handle(), "SELECT id, name FROM event_types");
    while (q.next())
        m_typeNames.insert(q.int64(0), q.text(1));
    QVERIFY(m_typeNames.values().contains(QStringLiteral("protest")));
}

void TestMapExport::goldenPng()
{
    const MapExport page = sampleExport(goldenSettings());
    QVERIFY2(page.error().isEmpty(), qPrintable(page.error()));
    QImage image(page.settings().pixelSize(), QImage::Format_RGB32);
    QPainter painter(&image);
    page.render(painter);
    painter.end();
    if (qEnvironmentVariableIsSet("PLACARD_UPDATE_GOLDEN")) {
        QVERIFY(image.save(goldenPath()));
        QSKIP("golden image written: look at it before committing it");
    }
    QImage golden(goldenPath());
    QVERIFY2(!golden.isNull(), qPrintable(goldenPath() + QStringLiteral(" is missing")));
    golden = golden.convertToFormat(QImage::Format_RGB32);
    QCOMPARE(golden.size(), image.size());
    qint64 different = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *a = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        const auto *b = reinterpret_cast<const QRgb *>(golden.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int d =
                std::max({std::abs(qRed(a[x]) - qRed(b[x])), std::abs(qGreen(a[x]) - qGreen(b[x])),
                          std::abs(qBlue(a[x]) - qBlue(b[x]))});
            different += d > kChannelTolerance;
        }
    }
    const double fraction = double(different) / (image.width() * image.height());
    if (fraction > kMaxDifferentFraction) {
        const QString actual = QStringLiteral(PLACARD_BINARY_DIR "/tst_mapexport-actual.png");
        image.save(actual);
        QFAIL(qPrintable(QStringLiteral("%1 % of the pixels differ from the golden image (at most "
                                        "%2 %); this rendering is in %3")
                             .arg(fraction * 100, 0, 'f', 2)
                             .arg(kMaxDifferentFraction * 100)
                             .arg(actual)));
    }
}

void TestMapExport::pngFile()
{
    MapExportSettings settings = goldenSettings();
    settings.dpi = 192; // twice the layout: the same page, twice the pixels
    settings.pixels = QSize(1280, 800);
    const QString path = m_dir.filePath(QStringLiteral("map.png"));
    QString error;
    QVERIFY2(exportMap(path, settings, m_points, m_typeNames, m_basemap, &error),
             qPrintable(error));
    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("png"));
    const QImage image = reader.read();
    QCOMPARE(image.size(), QSize(1280, 800));
    QCOMPARE(image.dotsPerMeterX(), int(std::lround(192 / 0.0254)));
    // Twice the pixels of the 96-dpi page, laid out alike: the map in the same place.
    const MapExport small = sampleExport(goldenSettings());
    const MapExport large = sampleExport(settings);
    // Fonts of twice the pixels are not exactly twice as tall: within a pixel.
    const QRectF a = large.layout().map, b = small.layout().map;
    QVERIFY(std::abs(a.top() - 2 * b.top()) < 1 && std::abs(a.height() - 2 * b.height()) < 1);
    QCOMPARE(a.left(), 2 * b.left());
    QVERIFY(std::abs(large.zoom() - small.zoom()) < 0.01);
}

void TestMapExport::svgIsVector()
{
    MapExportSettings settings = goldenSettings();
    settings.format = ExportFormat::Svg;
    settings.title = QStringLiteral("Vector title & <markup>");
    const QString path = m_dir.filePath(QStringLiteral("map.svg"));
    QString error;
    QVERIFY2(exportMap(path, settings, m_points, m_typeNames, m_basemap, &error),
             qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.startsWith("<?xml"));
    QVERIFY(svg.contains("<svg"));
    // The basemap and the symbols as paths, the words as text (escaped), no picture inside.
    QVERIFY(svg.count("<path") > 100);
    QVERIFY(svg.count("<text") >= 8);
    QVERIFY(svg.contains("Vector title &amp; &lt;markup&gt;"));
    QVERIFY(svg.contains(">protest<"));
    QVERIFY(svg.contains(">Data: sample-events.csv<"));
    QVERIFY(svg.contains(">Basemap: Natural Earth, US Census Bureau<"));
    QVERIFY(!svg.contains("<image"));
    // The physical size follows the DPI: 640 px at 96 dpi is 169.33 mm.
    QVERIFY2(svg.contains("width=\"169.33"), svg.left(600).constData());
}

void TestMapExport::pdfPageSize_data()
{
    QTest::addColumn<QSizeF>("millimetres");
    QTest::addColumn<QSize>("pixels");
    QTest::addColumn<int>("dpi");
    QTest::addColumn<QSizeF>("points");
    // QPageSize keeps whole points: each side is the millimetres in points, rounded (337.5
    // comes out of the conversion a hair below, so 337).
    QTest::newRow("A4 landscape, 300 dpi")
        << QSizeF(297, 210) << QSize() << 300 << QSizeF(842, 595);
    QTest::newRow("A5 portrait, 150 dpi") << QSizeF(148, 210) << QSize() << 150 << QSizeF(420, 595);
    QTest::newRow("social in pixels, 144 dpi")
        << QSizeF() << QSize(1200, 675) << 144 << QSizeF(600, 337);
    QTest::newRow("pixels at 72 dpi are points")
        << QSizeF() << QSize(800, 500) << 72 << QSizeF(800, 500);
}

void TestMapExport::pdfPageSize()
{
    QFETCH(QSizeF, millimetres);
    QFETCH(QSize, pixels);
    QFETCH(int, dpi);
    QFETCH(QSizeF, points);
    MapExportSettings settings = goldenSettings();
    settings.format = ExportFormat::Pdf;
    settings.dpi = dpi;
    if (millimetres.isValid())
        settings.millimetres = millimetres;
    else
        settings.pixels = pixels;
    const QString path = m_dir.filePath(QStringLiteral("map.pdf"));
    QString error;
    QVERIFY2(exportMap(path, settings, m_points, m_typeNames, m_basemap, &error),
             qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    const std::optional<QSizeF> box = mediaBox(pdf);
    QVERIFY(box);
    // Within half a point (rounding) of the page asked for, and exactly what QPageSize keeps.
    const QSizeF exact = settings.pageMillimetres() * 72 / 25.4;
    QVERIFY2(std::abs(box->width() - exact.width()) <= 0.5 + 1e-9 &&
                 std::abs(box->height() - exact.height()) <= 0.5 + 1e-9,
             qPrintable(QStringLiteral("%1 × %2 pt").arg(box->width()).arg(box->height())));
    QCOMPARE(*box, points);
    // Text stays text in an embedded font; no picture inside.
    QVERIFY(pdf.contains("/FontFile2") || pdf.contains("/FontFile"));
    QVERIFY(pdf.contains("DejaVuSans"));
    QVERIFY(!pdf.contains("/Subtype /Image"));
}

void TestMapExport::millimetresToPixels_data()
{
    QTest::addColumn<QSizeF>("millimetres");
    QTest::addColumn<int>("dpi");
    QTest::addColumn<QSize>("pixels");
    QTest::newRow("A4 landscape, 300 dpi") << QSizeF(297, 210) << 300 << QSize(3508, 2480);
    QTest::newRow("A4 portrait, 150 dpi") << QSizeF(210, 297) << 150 << QSize(1240, 1754);
    QTest::newRow("one inch, 96 dpi") << QSizeF(25.4, 25.4) << 96 << QSize(96, 96);
    QTest::newRow("100 × 50 mm, 72 dpi") << QSizeF(100, 50) << 72 << QSize(283, 142);
    QTest::newRow("A3 landscape, 600 dpi") << QSizeF(420, 297) << 600 << QSize(9921, 7016);
}

void TestMapExport::millimetresToPixels()
{
    QFETCH(QSizeF, millimetres);
    QFETCH(int, dpi);
    QFETCH(QSize, pixels);
    QCOMPARE(pixelsForMillimetres(millimetres, dpi), pixels);
    MapExportSettings settings;
    settings.millimetres = millimetres;
    settings.dpi = dpi;
    QCOMPARE(settings.pixelSize(), pixels);
    QCOMPARE(settings.pageMillimetres(), millimetres);
    QCOMPARE(settings.scale(), dpi / 96.0);
}

void TestMapExport::presets()
{
    MapExportSettings s;
    s.title = QStringLiteral("kept");
    s.applyPreset(ExportPreset::Social);
    QCOMPARE(s.pixelSize(), QSize(1200, 675));
    QCOMPARE(s.dpi, 144);
    s.applyPreset(ExportPreset::Square);
    QCOMPARE(s.pixelSize(), QSize(1080, 1080));
    s.applyPreset(ExportPreset::A4Landscape);
    QCOMPARE(s.pixelSize(), QSize(3508, 2480));
    QCOMPARE(s.dpi, 300);
    QCOMPARE(s.pageMillimetres(), QSizeF(297, 210));
    QCOMPARE(s.title, QStringLiteral("kept"));
    for (ExportPreset p : {ExportPreset::Social, ExportPreset::Square, ExportPreset::A4Landscape})
        QCOMPARE(presetFromName(presetName(p)), p);
    QVERIFY(!presetFromName(QStringLiteral("poster")));
    // Each preset lays out the sample without trouble.
    for (ExportPreset p : {ExportPreset::Social, ExportPreset::Square, ExportPreset::A4Landscape}) {
        MapExportSettings settings = goldenSettings();
        settings.applyPreset(p);
        const MapExport page = sampleExport(settings);
        QVERIFY2(page.error().isEmpty(), qPrintable(page.error()));
        QCOMPARE(page.eventsShown(), qsizetype(16));
    }
}

void TestMapExport::sizeLimit_data()
{
    QTest::addColumn<QSize>("pixels");
    QTest::addColumn<QSizeF>("millimetres");
    QTest::addColumn<int>("dpi");
    QTest::addColumn<QString>("error"); ///< a part of it; empty: accepted
    QTest::newRow("8000 a side") << QSize(8000, 8000) << QSizeF() << 96 << QString();
    QTest::newRow("8001 wide") << QSize(8001, 600) << QSizeF() << 96
                               << QStringLiteral("8001 × 600 pixels at 96 dpi; at most 8000");
    QTest::newRow("8001 high") << QSize(600, 8001) << QSizeF() << 96
                               << QStringLiteral("at most 8000 a side");
    QTest::newRow("A3 at 600 dpi")
        << QSize() << QSizeF(420, 297) << 600 << QStringLiteral("9921 × 7016 pixels at 600 dpi");
    QTest::newRow("A3 at 300 dpi") << QSize() << QSizeF(420, 297) << 300 << QString();
    QTest::newRow("too small") << QSize(99, 400) << QSizeF() << 96
                               << QStringLiteral("at least 100 a side");
    QTest::newRow("dpi too low") << QSize(800, 600) << QSizeF() << 10
                                 << QStringLiteral("10 dpi is out of range");
    QTest::newRow("no room for the map")
        << QSize(300, 100) << QSizeF() << 96 << QStringLiteral("too small for its title");
}

void TestMapExport::sizeLimit()
{
    QFETCH(QSize, pixels);
    QFETCH(QSizeF, millimetres);
    QFETCH(int, dpi);
    QFETCH(QString, error);
    MapExportSettings settings = goldenSettings();
    settings.dpi = dpi;
    if (millimetres.isValid())
        settings.millimetres = millimetres;
    else
        settings.pixels = pixels;
    const MapExport page = sampleExport(settings);
    if (error.isEmpty()) {
        QVERIFY2(page.error().isEmpty(), qPrintable(page.error()));
        return;
    }
    QVERIFY2(page.error().contains(error), qPrintable(page.error()));
    // Nothing is written, not even an empty file.
    const QString path = m_dir.filePath(QStringLiteral("refused.png"));
    QString why;
    QVERIFY(!page.write(path, &why));
    QCOMPARE(why, page.error());
    QVERIFY(!QFile::exists(path));
}

void TestMapExport::fitsTheEvents_data()
{
    QTest::addColumn<QSize>("pixels");
    QTest::addColumn<bool>("clusters");
    QTest::newRow("wide") << QSize(1200, 400) << true;
    QTest::newRow("square") << QSize(700, 700) << true;
    QTest::newRow("tall") << QSize(400, 1000) << true;
    QTest::newRow("wide, every event") << QSize(1200, 400) << false;
    QTest::newRow("tall, every event") << QSize(400, 1000) << false;
}

void TestMapExport::fitsTheEvents()
{
    QFETCH(QSize, pixels);
    QFETCH(bool, clusters);
    MapExportSettings settings = goldenSettings();
    settings.pixels = pixels;
    settings.clusters = clusters;
    const MapExport page = sampleExport(settings);
    QVERIFY2(page.error().isEmpty(), qPrintable(page.error()));
    // The map keeps its shape, holds every event, and every symbol is whole inside it.
    const QRectF map = page.layout().map;
    QCOMPARE(page.extent().width() / page.extent().height(), map.width() / map.height());
    for (const MapPoint &p : *m_points) {
        QVERIFY(page.extent().contains(QPointF(p.x, p.y)));
        QVERIFY(map.contains(page.toPage(QPointF(p.x, p.y))));
    }
    QCOMPARE(page.eventsShown(), qsizetype(m_points->size()));
    for (const QRectF &symbol : page.symbolBounds())
        QVERIFY2(
            map.contains(symbol),
            qPrintable(
                QStringLiteral("%1,%2 %3").arg(symbol.x()).arg(symbol.y()).arg(symbol.width())));
    if (!clusters)
        QCOMPARE(page.symbolsDrawn(), qsizetype(m_points->size()));
    else
        QVERIFY(page.symbolsDrawn() < qsizetype(m_points->size()));
    // Tight: the events reach two opposite sides of the map, give or take a symbol.
    double left = map.right(), right = map.left(), top = map.bottom(), bottom = map.top();
    for (const MapPoint &p : *m_points) {
        const QPointF at = page.toPage(QPointF(p.x, p.y));
        left = std::min(left, at.x());
        right = std::max(right, at.x());
        top = std::min(top, at.y());
        bottom = std::max(bottom, at.y());
    }
    const double room = 30; // the widest symbol's reach, at 96 dpi
    QVERIFY((left - map.left() < room && map.right() - right < room) ||
            (top - map.top() < room && map.bottom() - bottom < room));
}

void TestMapExport::oneEventShowsItsCity()
{
    const MapPoint paris{float(geo::mercator::toWorld(48.8566, 2.3522).x()),
                         float(geo::mercator::toWorld(48.8566, 2.3522).y()),
                         1,
                         1,
                         500,
                         2,
                         0};
    const auto one = std::make_shared<const MapPoints>(1, paris);
    const MapExport page(goldenSettings(), one, m_typeNames, m_basemap);
    QVERIFY(page.error().isEmpty());
    QCOMPARE(page.zoom(), 11.0);
    QVERIFY(std::abs(page.toPage(QPointF(paris.x, paris.y)).x() - page.layout().map.center().x()) <
            0.01);
    // One placed only at a country: the country round it, not a field.
    MapPoint country = paris;
    country.precision = quint8(GeoPrecision::Country);
    const MapExport wide(goldenSettings(), std::make_shared<const MapPoints>(1, country),
                         m_typeNames, m_basemap);
    QCOMPARE(wide.zoom(), 4.0);
    country.precision = quint8(GeoPrecision::Admin1);
    const MapExport state(goldenSettings(), std::make_shared<const MapPoints>(1, country),
                          m_typeNames, m_basemap);
    QCOMPARE(state.zoom(), 6.0);
    // No events at all: the inhabited world, and no legend.
    const MapExport none(goldenSettings(), std::make_shared<const MapPoints>(), m_typeNames,
                         m_basemap);
    QVERIFY(none.error().isEmpty());
    QVERIFY(none.extent().width() > 0.9);
    QVERIFY(none.legendTexts().isEmpty());
    QCOMPARE(none.symbolsDrawn(), qsizetype(0));
}

void TestMapExport::extentAskedFor()
{
    // The contiguous United States: the map shows at least that, centred, in the map's shape.
    MapExportSettings settings = goldenSettings();
    const QRectF asked(geo::mercator::toWorld(50, -125), geo::mercator::toWorld(24, -66));
    settings.extent = asked;
    settings.pixels = QSize(900, 900);
    const MapExport page = sampleExport(settings);
    QVERIFY(page.error().isEmpty());
    QVERIFY(page.extent().contains(asked.adjusted(1e-9, 1e-9, -1e-9, -1e-9)));
    QVERIFY(std::abs(page.extent().center().x() - asked.center().x()) < 1e-9);
    QVERIFY(std::abs(page.extent().center().y() - asked.center().y()) < 1e-9);
    QCOMPARE(page.extent().width(), asked.width()); // fills the width, being the longer side
    // Paris and Milan are outside.
    QCOMPARE(page.eventsShown(), qsizetype(14));
}

void TestMapExport::legendAndScaleBarCoverNoSymbol_data()
{
    QTest::addColumn<QSize>("pixels");
    QTest::addColumn<int>("dpi");
    QTest::addColumn<int>("events"); ///< random ones over the US; 0: the sample
    QTest::newRow("sample, social") << QSize(1200, 675) << 144 << 0;
    QTest::newRow("sample, small") << QSize(480, 320) << 96 << 0;
    QTest::newRow("sample, tall") << QSize(500, 900) << 96 << 0;
    QTest::newRow("2,000 events") << QSize(1200, 800) << 96 << 2000;
    QTest::newRow("20,000 events") << QSize(1500, 1000) << 96 << 20000;
}

void TestMapExport::legendAndScaleBarCoverNoSymbol()
{
    QFETCH(QSize, pixels);
    QFETCH(int, dpi);
    QFETCH(int, events);
    MapExportSettings settings = goldenSettings();
    settings.pixels = pixels;
    settings.dpi = dpi;
    const auto points = events ? randomPoints(events) : m_points;
    const MapExport page(settings, points, m_typeNames, m_basemap);
    QVERIFY2(page.error().isEmpty(), qPrintable(page.error()));
    const MapLayout &l = page.layout();
    QVERIFY(!l.legend.isEmpty());
    if (page.legendOnMap()) {
        QVERIFY(l.map.contains(l.legend));
        for (const QRectF &symbol : page.symbolBounds()) {
            // The symbols are circles: the corner of their square may reach under the key.
            const QPointF c = symbol.center();
            const double r = symbol.width() / 2;
            const double dx = std::max({l.legend.left() - c.x(), 0.0, c.x() - l.legend.right()});
            const double dy = std::max({l.legend.top() - c.y(), 0.0, c.y() - l.legend.bottom()});
            QVERIFY(dx * dx + dy * dy >= r * r);
        }
    } else {
        QVERIFY(l.legend.bottom() <= l.map.top());
    }
    // The title above the legend and the map, the footer below the map.
    QVERIFY(l.title.bottom() <= l.map.top());
    QVERIFY(l.caption.bottom() <= std::min(l.legend.top(), l.map.top()));
    QVERIFY(l.footer.top() >= l.map.bottom());
    QVERIFY(l.page.contains(l.footer));
    if (!l.scaleBar.isEmpty()) {
        QVERIFY(l.map.contains(l.scaleBar));
        QVERIFY(!l.scaleBar.intersects(l.legend));
    }
}

void TestMapExport::legendTellsWhatIsDrawn()
{
    // At the golden size the two New York events fall together, as do the two placed at the
    // centre of the United States and the two in the Twin Cities: the march, walkout and
    // sit-in are drawn only inside clusters, so their colours are nowhere and not explained.
    const MapExport page = sampleExport(goldenSettings());
    const LegendFacts &facts = page.legendFacts();
    QVERIFY(facts.clusters);
    QVERIFY(facts.unknownSize); // the sample gives no crowd sizes
    QVERIFY(facts.area); // Colorado
    QVERIFY(facts.sizeSteps.isEmpty());
    QStringList expected;
    for (qint64 t : facts.types)
        expected << m_typeNames.value(t);
    QCOMPARE(expected, QStringList{QStringLiteral("protest")});
    QCOMPARE(page.legendTexts(),
             (QStringList{QStringLiteral("protest"), QStringLiteral("size unknown"),
                          QStringLiteral("placed only at state or country"),
                          QStringLiteral("several events")}));
    // Every event on its own: every type and the month-dated church protest are drawn.
    MapExportSettings settings = goldenSettings();
    settings.clusters = false;
    const MapExport every = sampleExport(settings);
    QCOMPARE(every.legendFacts().types.size(), 4);
    QVERIFY(every.legendFacts().imprecise);
    QVERIFY(!every.legendFacts().clusters);
    QVERIFY(every.legendTexts().contains(QStringLiteral("date known to the month or year")));
    // Off: nothing is laid out for it.
    settings.legend = false;
    const MapExport without = sampleExport(settings);
    QVERIFY(without.legendTexts().isEmpty());
    QVERIFY(without.layout().legend.isEmpty());
}

void TestMapExport::clusters()
{
    // Many events over the United States group in the map's 44-pixel cells: no more symbols
    // than cells, and each counted once.
    const auto points = randomPoints(20000);
    MapExportSettings settings = goldenSettings();
    settings.pixels = QSize(1200, 800);
    const MapExport page(settings, points, m_typeNames, m_basemap);
    QVERIFY(page.error().isEmpty());
    const QRectF map = page.layout().map;
    const double cells = std::ceil(map.width() / 44 + 2) * std::ceil(map.height() / 44 + 2);
    QVERIFY(page.symbolsDrawn() > 100);
    QVERIFY(page.symbolsDrawn() <= cells);
    QCOMPARE(page.eventsShown(), qsizetype(20000));
    QVERIFY(page.legendFacts().clusters);
    // Symbols are drawn largest first, so that none hides a smaller one.
    const QList<QRectF> bounds = page.symbolBounds();
    for (qsizetype i = 1; i < bounds.size(); ++i)
        QVERIFY(bounds[i - 1].width() >= bounds[i].width());
}

void TestMapExport::scaleStep_data()
{
    QTest::addColumn<double>("metresPerPixel");
    QTest::addColumn<double>("maxPixels");
    QTest::addColumn<bool>("miles");
    QTest::addColumn<double>("distance");
    QTest::addColumn<double>("pixels");
    QTest::addColumn<QString>("label");
    QTest::newRow("100 km") << 1000.0 << 110.0 << false << 100.0 << 100.0
                            << QStringLiteral("100 km");
    QTest::newRow("500 km") << 4650.0 << 110.0 << false << 500.0 << 500000 / 4650.0
                            << QStringLiteral("500 km");
    QTest::newRow("2,000 km") << 20000.0 << 110.0 << false << 2000.0 << 100.0
                              << QStringLiteral("2,000 km");
    QTest::newRow("exactly 5 km") << 50.0 << 100.0 << false << 5.0 << 100.0
                                  << QStringLiteral("5 km");
    QTest::newRow("500 m") << 5.0 << 110.0 << false << 0.5 << 100.0 << QStringLiteral("500 m");
    QTest::newRow("100 mi") << 1609.344 << 110.0 << true << 100.0 << 100.0
                            << QStringLiteral("100 mi");
    QTest::newRow("200 mi") << 4650.0 << 110.0 << true << 200.0 << 200 * 1609.344 / 4650
                            << QStringLiteral("200 mi");
    QTest::newRow("0.2 mi") << 5.0 << 110.0 << true << 0.2 << 0.2 * 1609.344 / 5
                            << QStringLiteral("0.2 mi");
}

void TestMapExport::scaleStep()
{
    QFETCH(double, metresPerPixel);
    QFETCH(double, maxPixels);
    QFETCH(bool, miles);
    QFETCH(double, distance);
    QFETCH(double, pixels);
    QFETCH(QString, label);
    const ScaleStep step = render::scaleStep(metresPerPixel, maxPixels, miles);
    QCOMPARE(step.distance, distance);
    QVERIFY(std::abs(step.pixels - pixels) < 1e-9);
    QVERIFY(step.pixels <= maxPixels + 1e-9);
    QCOMPARE(step.label, label);
}

void TestMapExport::scaleBarOnlyWhereItHolds()
{
    // The United States: a bar, its kilometres true at the map's centre.
    MapExportSettings settings = goldenSettings();
    settings.pixels = QSize(900, 600);
    settings.extent = QRectF(geo::mercator::toWorld(50, -125), geo::mercator::toWorld(24, -66));
    const MapExport us = sampleExport(settings);
    QVERIFY(!us.layout().scaleBar.isEmpty());
    // What the bar says, against the ground distance along the centre's parallel.
    const QPointF centre = geo::mercator::fromWorld(us.extent().center());
    const double metresPerPixel = geo::mercator::metresPerPixel(centre.y(), us.zoom());
    const ScaleStep km = render::scaleStep(metresPerPixel, 110, false);
    const double degrees = km.pixels / (us.layout().map.width() / (us.extent().width() * 360));
    const double ground = degrees * std::numbers::pi / 180 * geo::mercator::kEarthRadius *
        std::cos(qDegreesToRadians(centre.y()));
    QVERIFY2(std::abs(ground - km.distance * 1000) < 1, qPrintable(QString::number(ground)));
    // The whole world: Mercator's scale changes too much from top to bottom for one bar.
    settings.extent = QRectF(geo::mercator::toWorld(70, -170), geo::mercator::toWorld(-50, 170));
    const MapExport world = sampleExport(settings);
    QVERIFY(world.layout().scaleBar.isEmpty());
    // Off when asked.
    settings.extent.reset();
    settings.scaleBar = false;
    QVERIFY(sampleExport(settings).layout().scaleBar.isEmpty());
}

void TestMapExport::sizeScale_data()
{
    QTest::addColumn<qint64>("largest");
    QTest::addColumn<QList<qint64>>("steps");
    QTest::newRow("none") << qint64(0) << QList<qint64>{};
    QTest::newRow("5") << qint64(5) << QList<qint64>{5};
    QTest::newRow("100") << qint64(100) << QList<qint64>{100};
    QTest::newRow("1,000") << qint64(1000) << QList<qint64>{100, 1000};
    QTest::newRow("3,000") << qint64(3000) << QList<qint64>{100, 2000}; // 1,000 looks like 2,000
    QTest::newRow("10,000") << qint64(10000) << QList<qint64>{100, 1000, 10000};
    QTest::newRow("70,000") << qint64(70000) << QList<qint64>{1000, 10000, 50000};
    QTest::newRow("a million") << qint64(1000000) << QList<qint64>{1000, 10000, 50000};
}

void TestMapExport::sizeScale()
{
    QFETCH(qint64, largest);
    QFETCH(QList<qint64>, steps);
    QCOMPARE(render::sizeScale(largest), steps);
}

void TestMapExport::dateRange_data()
{
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<QString>("text");
    QTest::newRow("one day") << QDate(2026, 1, 30) << QDate(2026, 1, 30)
                             << QStringLiteral("30 January 2026");
    QTest::newRow("one month") << QDate(2026, 1, 26) << QDate(2026, 1, 30)
                               << QStringLiteral("26–30 January 2026");
    QTest::newRow("one year") << QDate(2026, 1, 1) << QDate(2026, 3, 28)
                              << QStringLiteral("1 January – 28 March 2026");
    QTest::newRow("two years") << QDate(2025, 12, 30) << QDate(2026, 1, 2)
                               << QStringLiteral("30 December 2025 – 2 January 2026");
    QTest::newRow("none") << QDate() << QDate() << QString();
}

void TestMapExport::dateRange()
{
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(QString, text);
    QCOMPARE(dateRangeText(first, last), text);
}

void TestMapExport::formats()
{
    QCOMPARE(formatForPath(QStringLiteral("/tmp/a.png")), ExportFormat::Png);
    QCOMPARE(formatForPath(QStringLiteral("A.SVG")), ExportFormat::Svg);
    QCOMPARE(formatForPath(QStringLiteral("map.v2.pdf")), ExportFormat::Pdf);
    QVERIFY(!formatForPath(QStringLiteral("map.jpg")));
    QVERIFY(!formatForPath(QStringLiteral("png")));
    // An unwritable place: a clear error, no file.
    QString error;
    QVERIFY(!exportMap(QStringLiteral("/nonexistent/folder/map.png"), goldenSettings(), m_points,
                       m_typeNames, m_basemap, &error));
    QVERIFY2(error.startsWith(QStringLiteral("/nonexistent/folder/map.png: cannot write")),
             qPrintable(error));
}

void TestMapExport::palette()
{
    // The map's ten colours, shared by the map layer and exports, each its own.
    QCOMPARE(typeColour(1), QColor(0xc0, 0x39, 0x2b));
    QCOMPARE(typeColour(2), QColor(0x29, 0x80, 0xb9));
    QCOMPARE(typeColour(8), QColor(0x8d, 0x55, 0x24));
    QCOMPARE(typeColour(9), QColor(0xc2, 0x18, 0x5b));
    QCOMPARE(typeColour(10), QColor(0x7f, 0x8c, 0x8d));
    QSet<QRgb> colours;
    for (qint64 type = 1; type <= kTypeColours; ++type)
        colours.insert(typeColour(type).rgb());
    QCOMPARE(colours.size(), kTypeColours);
    QCOMPARE(typeColour(11), typeColour(1));
    QCOMPARE(typeColour(0), typeColour(1));
    QCOMPARE(typeColourIndex(17), 6);
}

std::shared_ptr<const MapPoints> TestMapExport::randomPoints(int count)
{
    QRandomGenerator random(7);
    auto points = std::make_shared<MapPoints>();
    points->reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        const QPointF w =
            geo::mercator::toWorld(random.bounded(26.0) + 25, random.bounded(55.0) - 122);
        const qint32 size = random.bounded(3) == 0 ? -1 : random.bounded(20000);
        points->push_back({float(w.x()), float(w.y()), i + 1, random.bounded(1, 6), size,
                           quint8(random.bounded(1, 5)), quint8(random.bounded(10) == 0 ? 1 : 0)});
    }
    return points;
}

QTEST_MAIN(TestMapExport)
#include "tst_mapexport.moc"
