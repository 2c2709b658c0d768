// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/catalogue.h"
#include "io/importer.h"
#include "io/vectorsource.h"

#include <QDate>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <atomic>

using namespace placard;
using namespace placard::io;
using namespace Qt::StringLiterals;

namespace {

// The events every fixture holds, as points (x = longitude) in WGS 84.
struct Row {
    const char *date;
    const char *name;
    const char *type;
    int size;
    const char *description;
    double latitude;
    double longitude;
};

constexpr Row kRows[] = {
    {"2026-01-30", "Rally at City Hall", "rally", 2000, "Cold, but loud", 44.9778, -93.265},
    {"2026-02-01", "March for Peace", "march", 150, "Down Broadway", 40.7128, -74.006},
    {"2026-02-03", "Vigil in Ñuñoa", "vigil", 35, "Candles; songs", -33.4569, -70.5977},
};

qint32 dayOf(const char *iso)
{
    return qint32(QDate(1970, 1, 1).daysTo(QDate::fromString(QLatin1StringView(iso), Qt::ISODate)));
}

OGRSpatialReference crs(int epsg)
{
    OGRSpatialReference s;
    s.importFromEPSG(epsg);
    s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return s;
}

// The fixtures are written by GDAL itself; its warnings (shapefile names cut to ten
// characters) are expected and kept off the test log.
struct QuietGdal {
    QuietGdal() { CPLPushErrorHandler(CPLQuietErrorHandler); }
    ~QuietGdal() { CPLPopErrorHandler(); }
};

GDALDatasetUniquePtr createDataset(const char *driver, const QString &path)
{
    GDALDriver *d = GetGDALDriverManager()->GetDriverByName(driver);
    if (!d)
        return nullptr;
    return GDALDatasetUniquePtr(
        d->Create(QFile::encodeName(path).constData(), 0, 0, 0, GDT_Unknown, nullptr));
}

// A layer with the fields of kRows: date, name, type, size, description.
OGRLayer *createEventLayer(GDALDataset &ds, const char *name, const OGRSpatialReference *srs,
                           OGRwkbGeometryType type = wkbPoint, CSLConstList options = nullptr)
{
    OGRLayer *layer = ds.CreateLayer(name, srs, type, options);
    if (!layer)
        return nullptr;
    OGRFieldDefn date("date", OFTDate);
    OGRFieldDefn title("name", OFTString);
    OGRFieldDefn kind("type", OFTString);
    OGRFieldDefn size("size", OFTInteger);
    OGRFieldDefn description("description", OFTString);
    for (OGRFieldDefn *f : {&date, &title, &kind, &size, &description}) {
        if (layer->CreateField(f) != OGRERR_NONE)
            return nullptr;
    }
    return layer;
}

bool addEvent(OGRLayer &layer, const Row &row, const OGRGeometry *geometry)
{
    OGRFeature f(layer.GetLayerDefn());
    const int year = QByteArray(row.date, 4).toInt();
    const int month = QByteArray(row.date + 5, 2).toInt();
    const int day = QByteArray(row.date + 8, 2).toInt();
    f.SetField(f.GetFieldIndex("date"), year, month, day);
    f.SetField("name", row.name);
    f.SetField("type", row.type);
    f.SetField("size", row.size);
    f.SetField(f.GetDefnRef()->GetFieldIndex("descriptio") >= 0 ? "descriptio" : "description",
               row.description);
    if (geometry)
        f.SetGeometry(geometry);
    return layer.CreateFeature(&f) == OGRERR_NONE;
}

bool addPoints(OGRLayer &layer)
{
    for (const Row &row : kRows) {
        const OGRPoint p(row.longitude, row.latitude);
        if (!addEvent(layer, row, &p))
            return false;
    }
    return true;
}

std::unique_ptr<OGRGeometry> geometryFromWkt(const char *wkt)
{
    OGRGeometry *g = nullptr;
    OGRGeometryFactory::createFromWkt(wkt, nullptr, &g);
    return std::unique_ptr<OGRGeometry>(g);
}

} // namespace

class TestVectorImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void formats_data();
    void formats();
    void projectedLayerOfTwo();
    void nonPointGeometries();
    void geometryWinsOverAttributes();
    void layerWithoutGeometry();
    void fieldTexts();
    void gpxWaypoints();
    void cancelLeavesCatalogueAsItWas();
    void errorsNameTheFile();
    void csvStillCsv();

private:
    ImportReport import(const QString &file, const QString &layer = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Catalogue> m_catalogue;
    QString path(const QString &name) const { return m_dir->filePath(name); }
};

void TestVectorImport::initTestCase()
{
    GDALAllRegister();
}

void TestVectorImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_catalogue = Catalogue::create(path(u"c.placard"_s), &error);
    QVERIFY2(m_catalogue, qPrintable(error));
}

ImportReport TestVectorImport::import(const QString &file, const QString &layer)
{
    ImportOptions options;
    options.geocode = false; // placing names is tested in tst_importer
    options.layer = layer;
    Importer importer(*m_catalogue);
    return importer.importFile(file, options);
}

void TestVectorImport::formats_data()
{
    QTest::addColumn<QByteArray>("driver");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("notesKept");

    QTest::newRow("geojson") << "GeoJSON"_ba << u"events.geojson"_s << u"geojson"_s << true;
    QTest::newRow("gpkg") << "GPKG"_ba << u"events.gpkg"_s << u"gpkg"_s << true;
    QTest::newRow("kml") << "LIBKML"_ba << u"events.kml"_s << u"libkml"_s << true;
    QTest::newRow("kmz") << "LIBKML"_ba << u"events.kmz"_s << u"libkml"_s << true;
    // A shapefile cuts field names to ten characters: "descriptio" maps to nothing.
    QTest::newRow("shapefile") << "ESRI Shapefile"_ba << u"events.shp"_s << u"esri shapefile"_s
                               << false;
    QTest::newRow("flatgeobuf") << "FlatGeobuf"_ba << u"events.fgb"_s << u"flatgeobuf"_s << true;
}

void TestVectorImport::formats()
{
    QFETCH(QByteArray, driver);
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(bool, notesKept);

    {
        QuietGdal quiet;
        GDALDatasetUniquePtr ds = createDataset(driver.constData(), path(file));
        QVERIFY(ds);
        const OGRSpatialReference wgs84 = crs(4326);
        // FlatGeobuf's spatial index would reorder the features.
        const char *fgbOptions[] = {"SPATIAL_INDEX=NO", nullptr};
        OGRLayer *layer = createEventLayer(*ds, "events", &wgs84, wkbPoint,
                                           driver == "FlatGeobuf" ? fgbOptions : nullptr);
        QVERIFY(layer);
        QVERIFY(addPoints(*layer));
    }

    const ImportReport r = import(path(file));
    QVERIFY2(r.committed, qPrintable(r.error));
    QCOMPARE(r.records, 3);
    QCOMPARE(r.imported, 3);
    QCOMPARE(r.skipped, 0);
    QCOMPARE(r.unplaced, 0);
    QCOMPARE(r.problemCount, 0);
    QCOMPARE(r.format, format);
    QCOMPARE(r.layer, u"events"_s);
    QCOMPARE(r.toJson().value(u"format"_s).toString(), format);
    QCOMPARE(r.toJson().value(u"delimiter"_s).toString(), QString());
    QCOMPARE(m_catalogue->datasets().size(), 1);
    QCOMPARE(m_catalogue->datasets().constFirst().format, format);
    QCOMPARE(m_catalogue->datasets().constFirst().fileName, file);

    for (int i = 0; i < int(std::size(kRows)); ++i) {
        const Row &row = kRows[i];
        const std::optional<Event> e = m_catalogue->event(i + 1);
        QVERIFY(e);
        QCOMPARE(e->sourceLine, qint64(i + 1));
        QCOMPARE(e->startDay, dayOf(row.date));
        QCOMPARE(e->title, QString::fromUtf8(row.name));
        QCOMPARE(e->type, QString::fromUtf8(row.type));
        QCOMPARE(e->sizeLow, row.size);
        QCOMPARE(e->sizeHigh, row.size);
        QCOMPARE(e->notes, notesKept ? QString::fromUtf8(row.description) : QString());
        QCOMPARE(e->latitude, row.latitude);
        QCOMPARE(e->longitude, row.longitude);
        QCOMPARE(e->coordinateOrigin, CoordinateOrigin::File);
        QCOMPARE(e->datasetId, r.datasetId);
    }
}

void TestVectorImport::projectedLayerOfTwo()
{
    const QString file = path(u"two.gpkg"_s);
    // Known places, written in UTM zone 15N (EPSG:32615) and read back in WGS 84.
    const double known[][2] = {{44.9778, -93.265}, {46.7867, -92.1005}, {43.6591, -92.9735}};
    {
        GDALDatasetUniquePtr ds = createDataset("GPKG", file);
        QVERIFY(ds);
        const OGRSpatialReference wgs84 = crs(4326);
        const OGRSpatialReference utm = crs(32615);
        OGRLayer *plain = createEventLayer(*ds, "events", &wgs84);
        QVERIFY(plain);
        QVERIFY(addPoints(*plain));
        OGRLayer *projected = createEventLayer(*ds, "projected", &utm);
        QVERIFY(projected);
        std::unique_ptr<OGRCoordinateTransformation> forward(
            OGRCreateCoordinateTransformation(&wgs84, &utm));
        QVERIFY(forward);
        for (int i = 0; i < 3; ++i) {
            double x = known[i][1], y = known[i][0];
            QVERIFY(forward->Transform(1, &x, &y));
            QVERIFY(x > 100000 && x < 900000 && y > 4000000); // metres, not degrees
            const OGRPoint p(x, y);
            QVERIFY(addEvent(*projected, kRows[i], &p));
        }
    }

    // The layer list, in the file's order.
    QString error;
    const std::optional<QList<VectorLayerInfo>> layers = listVectorLayers(file, &error);
    QVERIFY2(layers, qPrintable(error));
    QCOMPARE(layers->size(), 2);
    QCOMPARE(layers->at(0).name, u"events"_s);
    QCOMPARE(layers->at(0).featureCount, 3);
    QCOMPARE(layers->at(0).geometryType, u"Point"_s);
    QCOMPARE(layers->at(1).name, u"projected"_s);
    QCOMPARE(layers->at(1).featureCount, 3);

    // Two layers with features: one must be chosen.
    const ImportReport unchosen = import(file);
    QVERIFY(!unchosen.committed);
    QVERIFY2(unchosen.error.contains(u"two.gpkg"_s) && unchosen.error.contains(u"“events”"_s) &&
                 unchosen.error.contains(u"“projected”"_s),
             qPrintable(unchosen.error));
    QCOMPARE(m_catalogue->eventCount(), 0);

    const ImportReport r = import(file, u"projected"_s);
    QVERIFY2(r.committed, qPrintable(r.error));
    QCOMPARE(r.imported, 3);
    QCOMPARE(r.layer, u"projected"_s);
    QCOMPARE(r.toJson().value(u"layer"_s).toString(), u"projected"_s);
    QCOMPARE(r.problemCount, 0);
    for (int i = 0; i < 3; ++i) {
        const Event e = *m_catalogue->event(i + 1);
        QCOMPARE(e.title, QString::fromUtf8(kRows[i].name));
        QVERIFY2(std::abs(*e.latitude - known[i][0]) < 1e-6,
                 qPrintable(QString::number(*e.latitude, 'g', 17)));
        QVERIFY2(std::abs(*e.longitude - known[i][1]) < 1e-6,
                 qPrintable(QString::number(*e.longitude, 'g', 17)));
    }
}

void TestVectorImport::nonPointGeometries()
{
    const QString file = path(u"shapes.geojson"_s);
    {
        GDALDatasetUniquePtr ds = createDataset("GeoJSON", file);
        QVERIFY(ds);
        const OGRSpatialReference wgs84 = crs(4326);
        OGRLayer *layer = createEventLayer(*ds, "shapes", &wgs84, wkbUnknown);
        QVERIFY(layer);
        const char *wkt[] = {
            "POINT (-93.265 44.9778)",
            "POLYGON ((-94 44,-92 44,-92 46,-94 46,-94 44))", // centroid -93 45
            "LINESTRING (-90 40,-88 40)", // centroid -89 40
            nullptr, // no geometry: unplaced
            "MULTIPOINT ((-80.5 35.25))", // one point: that point, no warning
        };
        for (int i = 0; i < 5; ++i) {
            Row row = kRows[0];
            const QByteArray name = "Shape " + QByteArray::number(i + 1);
            row.name = name.constData();
            const std::unique_ptr<OGRGeometry> g = wkt[i] ? geometryFromWkt(wkt[i]) : nullptr;
            QVERIFY(!wkt[i] || g);
            QVERIFY(addEvent(*layer, row, g.get()));
        }
    }

    const ImportReport r = import(file);
    QVERIFY2(r.committed, qPrintable(r.error));
    QCOMPARE(r.records, 5);
    QCOMPARE(r.imported, 5);
    QCOMPARE(r.unplaced, 1);
    // One warning per record that is not a point, on its latitude column (after the five
    // attributes), naming the geometry type.
    QCOMPARE(r.problemCount, 2);
    QCOMPARE(r.problems.at(0).line, 2);
    QCOMPARE(r.problems.at(0).column, 6);
    QCOMPARE(r.problems.at(0).value, u"Polygon"_s);
    QVERIFY2(r.problems.at(0).message.contains(u"centroid of the Polygon"_s),
             qPrintable(r.problems.at(0).message));
    QVERIFY(!r.problems.at(0).skipped);
    QCOMPARE(r.problems.at(1).line, 3);
    QCOMPARE(r.problems.at(1).value, u"Line String"_s);

    const std::pair<double, double> expected[] = {
        {44.9778, -93.265}, {45, -93}, {40, -89}, {0, 0}, {35.25, -80.5}};
    for (int i = 0; i < 5; ++i) {
        const Event e = *m_catalogue->event(i + 1);
        QCOMPARE(e.title, u"Shape %1"_s.arg(i + 1));
        if (i == 3) {
            QVERIFY(!e.isPlaced());
            continue;
        }
        QCOMPARE(e.latitude, expected[i].first);
        QCOMPARE(e.longitude, expected[i].second);
    }
}

void TestVectorImport::geometryWinsOverAttributes()
{
    // Attributes "lat"/"lon" map to coordinates in a CSV file; here the geometry wins.
    const QString file = path(u"both.geojson"_s);
    {
        GDALDatasetUniquePtr ds = createDataset("GeoJSON", file);
        QVERIFY(ds);
        const OGRSpatialReference wgs84 = crs(4326);
        OGRLayer *layer = createEventLayer(*ds, "both", &wgs84);
        QVERIFY(layer);
        OGRFieldDefn lat("lat", OFTReal);
        OGRFieldDefn lon("Longitude", OFTReal);
        QCOMPARE(layer->CreateField(&lat), OGRERR_NONE);
        QCOMPARE(layer->CreateField(&lon), OGRERR_NONE);
        OGRFeature f(layer->GetLayerDefn());
        f.SetField(f.GetFieldIndex("date"), 2026, 1, 30);
        f.SetField("name", "Both");
        f.SetField("lat", 10.5);
        f.SetField("Longitude", 20.5);
        const OGRPoint p(-93.265, 44.9778);
        f.SetGeometry(&p);
        QCOMPARE(layer->CreateFeature(&f), OGRERR_NONE);
    }

    QString error;
    const std::unique_ptr<VectorSource> source = VectorSource::open(file, {}, &error);
    QVERIFY2(source, qPrintable(error));
    // An attribute named "longitude" would clash: the geometry's columns say so. (GeoJSON
    // keeps only the fields a feature sets.)
    QCOMPARE(source->header(),
             (QStringList{u"date"_s, u"name"_s, u"lat"_s, u"Longitude"_s, u"geometry latitude"_s,
                          u"geometry longitude"_s}));
    QCOMPARE(source->latitudeColumn(), 4);
    QCOMPARE(source->longitudeColumn(), 5);
    const Mapping m = source->autoMapping(std::nullopt, {});
    QCOMPARE(m.columnsFor(Field::Latitude), QList<int>{4});
    QCOMPARE(m.columnsFor(Field::Longitude), QList<int>{5});
    QCOMPARE(m.columns.at(2).field, Field::Ignore);
    QCOMPARE(m.columns.at(3).field, Field::Ignore);

    const ImportReport r = import(file);
    QVERIFY2(r.committed, qPrintable(r.error));
    const Event e = *m_catalogue->event(1);
    QCOMPARE(e.latitude, 44.9778);
    QCOMPARE(e.longitude, -93.265);
}

void TestVectorImport::layerWithoutGeometry()
{
    // A table without geometries keeps its attribute coordinates; a shapefile without a
    // .prj is read as longitude/latitude, with a note.
    const QString table = path(u"table.gpkg"_s);
    const QString bare = path(u"bare.shp"_s);
    {
        QuietGdal quiet;
        GDALDatasetUniquePtr ds = createDataset("GPKG", table);
        QVERIFY(ds);
        OGRLayer *layer = createEventLayer(*ds, "table", nullptr, wkbNone);
        QVERIFY(layer);
        OGRFieldDefn lat("latitude", OFTReal);
        OGRFieldDefn lon("longitude", OFTReal);
        QCOMPARE(layer->CreateField(&lat), OGRERR_NONE);
        QCOMPARE(layer->CreateField(&lon), OGRERR_NONE);
        OGRFeature f(layer->GetLayerDefn());
        f.SetField(f.GetFieldIndex("date"), 2026, 1, 30);
        f.SetField("name", "Table");
        f.SetField("latitude", 44.9778);
        f.SetField("longitude", -93.265);
        QCOMPARE(layer->CreateFeature(&f), OGRERR_NONE);

        GDALDatasetUniquePtr shp = createDataset("ESRI Shapefile", bare);
        QVERIFY(shp);
        OGRLayer *points = createEventLayer(*shp, "bare", nullptr);
        QVERIFY(points);
        QVERIFY(addPoints(*points));
    }

    const ImportReport r = import(table);
    QVERIFY2(r.committed, qPrintable(r.error));
    QCOMPARE(r.imported, 1);
    const Event e = *m_catalogue->event(1);
    QCOMPARE(e.latitude, 44.9778);
    QCOMPARE(e.longitude, -93.265);

    const ImportReport b = import(bare);
    QVERIFY2(b.committed, qPrintable(b.error));
    QCOMPARE(b.imported, 3);
    QCOMPARE(b.problemCount, 1);
    QCOMPARE(b.problems.at(0).line, 0);
    QVERIFY2(b.problems.at(0).message.contains(u"no coordinate reference system"_s),
             qPrintable(b.problems.at(0).message));
    QCOMPARE(m_catalogue->event(2)->latitude, kRows[0].latitude);
    QCOMPARE(m_catalogue->event(2)->longitude, kRows[0].longitude);
}

void TestVectorImport::fieldTexts()
{
    const QString file = path(u"types.geojson"_s);
    {
        GDALDatasetUniquePtr ds = createDataset("GeoJSON", file);
        QVERIFY(ds);
        const OGRSpatialReference wgs84 = crs(4326);
        OGRLayer *layer = ds->CreateLayer("types", &wgs84, wkbPoint, nullptr);
        QVERIFY(layer);
        OGRFieldDefn big("big", OFTInteger64);
        OGRFieldDefn fraction("fraction", OFTReal);
        OGRFieldDefn whole("whole", OFTReal);
        OGRFieldDefn flag("flag", OFTInteger);
        flag.SetSubType(OFSTBoolean);
        OGRFieldDefn day("day", OFTDate);
        OGRFieldDefn local("local", OFTDateTime);
        OGRFieldDefn utc("utc", OFTDateTime);
        OGRFieldDefn words("words", OFTStringList);
        OGRFieldDefn numbers("numbers", OFTIntegerList);
        OGRFieldDefn null("null", OFTString);
        for (OGRFieldDefn *f :
             {&big, &fraction, &whole, &flag, &day, &local, &utc, &words, &numbers, &null})
            QCOMPARE(layer->CreateField(f), OGRERR_NONE);
        OGRFeature f(layer->GetLayerDefn());
        f.SetField("big", GIntBig(1234567890123));
        f.SetField("fraction", 0.1);
        f.SetField("whole", 2000.0);
        f.SetField("flag", 1);
        f.SetField(f.GetFieldIndex("day"), 2026, 1, 30);
        f.SetField(f.GetFieldIndex("local"), 2026, 1, 30, 14, 5, 9.0f, 104); // +01:00
        f.SetField(f.GetFieldIndex("utc"), 2026, 1, 30, 23, 59, 58.25f, 100);
        const char *list[] = {"immigration", "policing", nullptr};
        f.SetField("words", list);
        const int ints[] = {3, 4};
        f.SetField(f.GetFieldIndex("numbers"), 2, ints);
        f.SetFieldNull(f.GetFieldIndex("null"));
        const OGRPoint p(-70.5977, -33.4569);
        f.SetGeometry(&p);
        QCOMPARE(layer->CreateFeature(&f), OGRERR_NONE);
    }

    QString error;
    const std::unique_ptr<VectorSource> source = VectorSource::open(file, {}, &error);
    QVERIFY2(source, qPrintable(error));
    QCOMPARE(source->format(), u"geojson"_s);
    QCOMPARE(source->total(), 1);
    QCOMPARE(
        source->header(),
        (QStringList{u"big"_s, u"fraction"_s, u"whole"_s, u"flag"_s, u"day"_s, u"local"_s, u"utc"_s,
                     u"words"_s, u"numbers"_s, u"null"_s, u"latitude"_s, u"longitude"_s}));
    SourceRecord record;
    QVERIFY(source->read(record));
    QCOMPARE(record.line, 1);
    QCOMPARE(record.fields,
             (QStringList{u"1234567890123"_s, u"0.1"_s, u"2000"_s, u"true"_s, u"2026-01-30"_s,
                          u"2026-01-30T14:05:09+01:00"_s, u"2026-01-30T23:59:58.250Z"_s,
                          u"immigration; policing"_s, u"3; 4"_s, QString(), u"-33.4569"_s,
                          u"-70.5977"_s}));
    QVERIFY(record.problems.isEmpty());
    QCOMPARE(source->position(), 1);
    QVERIFY(!source->read(record));
    QCOMPARE(source->errorString(), QString());
}

void TestVectorImport::gpxWaypoints()
{
    // GPX has a fixed schema and five layers, four of them empty here: the waypoints are
    // chosen without asking. Its "time" is not a date column by name, so the mapping
    // is adjusted as a user would.
    const QString file = path(u"walk.gpx"_s);
    {
        GDALDatasetUniquePtr ds = createDataset("GPX", file);
        QVERIFY(ds);
        const OGRSpatialReference wgs84 = crs(4326);
        OGRLayer *layer = ds->CreateLayer("waypoints", &wgs84, wkbPoint, nullptr);
        QVERIFY(layer);
        for (const Row &row : kRows) {
            OGRFeature f(layer->GetLayerDefn());
            f.SetField("name", row.name);
            f.SetField("type", row.type);
            f.SetField(f.GetFieldIndex("time"), QByteArray(row.date, 4).toInt(),
                       QByteArray(row.date + 5, 2).toInt(), QByteArray(row.date + 8, 2).toInt(), 12,
                       0, 0.0f, 100);
            const OGRPoint p(row.longitude, row.latitude);
            f.SetGeometry(&p);
            QCOMPARE(layer->CreateFeature(&f), OGRERR_NONE);
        }
    }
    QString error;
    const std::optional<QList<VectorLayerInfo>> layers = listVectorLayers(file, &error);
    QVERIFY2(layers, qPrintable(error));
    QCOMPARE(layers->size(), 5);

    const std::unique_ptr<VectorSource> source = VectorSource::open(file, {}, &error);
    QVERIFY2(source, qPrintable(error));
    QCOMPARE(source->layer(), u"waypoints"_s);
    Mapping mapping = source->autoMapping(std::nullopt, {});
    for (ColumnRule &rule : mapping.columns) {
        if (rule.header == u"time"_s)
            rule.field = Field::Date;
    }
    ImportOptions options;
    options.geocode = false;
    options.mapping = mapping;
    Importer importer(*m_catalogue);
    const ImportReport r = importer.importFile(file, options);
    QVERIFY2(r.committed, qPrintable(r.error));
    QCOMPARE(r.format, u"gpx"_s);
    QCOMPARE(r.imported, 3);
    QCOMPARE(r.problemCount, 0);
    for (int i = 0; i < 3; ++i) {
        const Event e = *m_catalogue->event(i + 1);
        QCOMPARE(e.startDay, dayOf(kRows[i].date));
        QCOMPARE(e.title, QString::fromUtf8(kRows[i].name));
        QCOMPARE(e.type, QString::fromUtf8(kRows[i].type));
        QCOMPARE(e.latitude, kRows[i].latitude);
        QCOMPARE(e.longitude, kRows[i].longitude);
    }
}

void TestVectorImport::cancelLeavesCatalogueAsItWas()
{
    // In Web Mercator, and more features than the importer reads before its parsing
    // thread starts: reprojection goes on in another thread.
    const QString file = path(u"many.gpkg"_s);
    constexpr int kCount = 5000;
    {
        GDALDatasetUniquePtr ds = createDataset("GPKG", file);
        QVERIFY(ds);
        const OGRSpatialReference wgs84 = crs(4326);
        const OGRSpatialReference mercator = crs(3857);
        std::unique_ptr<OGRCoordinateTransformation> forward(
            OGRCreateCoordinateTransformation(&wgs84, &mercator));
        QVERIFY(forward);
        OGRLayer *layer = createEventLayer(*ds, "many", &mercator);
        QVERIFY(layer);
        QCOMPARE(layer->StartTransaction(), OGRERR_NONE);
        for (int i = 0; i < kCount; ++i) {
            Row row = kRows[i % 3];
            const QByteArray name = "Event " + QByteArray::number(i);
            row.name = name.constData();
            double x = row.longitude + i * 1e-4, y = row.latitude;
            QVERIFY(forward->Transform(1, &x, &y));
            const OGRPoint p(x, y);
            QVERIFY(addEvent(*layer, row, &p));
        }
        QCOMPARE(layer->CommitTransaction(), OGRERR_NONE);
    }

    ImportOptions options;
    options.geocode = false;
    options.duplicates = DuplicatePolicy::Keep;
    Importer importer(*m_catalogue);
    std::atomic_bool cancel{false};
    qint64 lastTotal = 0;
    int calls = 0;
    const ImportReport r =
        importer.importFile(file, options, &cancel, [&](qint64 done, qint64 total) {
            QVERIFY(done <= total);
            lastTotal = total;
            ++calls;
            cancel = true;
        });
    QVERIFY(r.cancelled);
    QVERIFY(!r.committed);
    QCOMPARE(calls, 1);
    QCOMPARE(lastTotal, kCount); // progress counts features
    QCOMPARE(m_catalogue->eventCount(), 0);
    QVERIFY(m_catalogue->datasets().isEmpty());

    const ImportReport again = importer.importFile(file, options);
    QVERIFY2(again.committed, qPrintable(again.error));
    QCOMPARE(again.imported, kCount);
    for (const ImportProblem &p : again.problems) // the same days, less than 1 km apart
        QVERIFY2(p.message.startsWith(u"duplicate of event"_s), qPrintable(p.message));

    for (const int i : {0, 2001, kCount - 1}) {
        const Event e = *m_catalogue->event(i + 1);
        QCOMPARE(e.title, u"Event %1"_s.arg(i));
        QCOMPARE(e.sourceLine, qint64(i + 1));
        QVERIFY(std::abs(*e.latitude - kRows[i % 3].latitude) < 1e-6);
        QVERIFY(std::abs(*e.longitude - (kRows[i % 3].longitude + i * 1e-4)) < 1e-6);
    }
}

void TestVectorImport::errorsNameTheFile()
{
    const QString junk = path(u"notes.xyz"_s);
    {
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not geodata at all\n");
    }
    ImportReport r = import(junk);
    QVERIFY(!r.committed);
    QVERIFY2(r.error.startsWith(junk + u": not a CSV file nor a vector format"_s),
             qPrintable(r.error));

    r = import(path(u"missing.gpkg"_s));
    QVERIFY(!r.committed);
    QVERIFY2(r.error.contains(u"missing.gpkg"_s), qPrintable(r.error));

    const QString file = path(u"one.gpkg"_s);
    {
        GDALDatasetUniquePtr ds = createDataset("GPKG", file);
        QVERIFY(ds);
        const OGRSpatialReference wgs84 = crs(4326);
        OGRLayer *layer = createEventLayer(*ds, "events", &wgs84);
        QVERIFY(layer);
        QVERIFY(addPoints(*layer));
    }
    r = import(file, u"nope"_s);
    QVERIFY(!r.committed);
    QCOMPARE(r.error, file + u": no layer “nope” (layers: “events”)"_s);

    // A layer without a date column: the error names the file, the layer and the columns.
    const QString undated = path(u"undated.geojson"_s);
    {
        GDALDatasetUniquePtr ds = createDataset("GeoJSON", undated);
        QVERIFY(ds);
        const OGRSpatialReference wgs84 = crs(4326);
        OGRLayer *layer = ds->CreateLayer("undated", &wgs84, wkbPoint, nullptr);
        QVERIFY(layer);
        OGRFieldDefn name("name", OFTString);
        QCOMPARE(layer->CreateField(&name), OGRERR_NONE);
        OGRFeature f(layer->GetLayerDefn());
        f.SetField("name", "x");
        QCOMPARE(layer->CreateFeature(&f), OGRERR_NONE);
    }
    r = import(undated);
    QVERIFY(!r.committed);
    QCOMPARE(r.error,
             undated +
                 u", layer “undated”: no column holds the date of the events "
                 u"(columns: name, latitude, longitude); name one \"date\", or give a column "
                 u"mapping"_s);
    QCOMPARE(m_catalogue->eventCount(), 0);
}

void TestVectorImport::csvStillCsv()
{
    const QString csv = path(u"events.csv"_s);
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("date,title,lat,lon\n2026-01-30,Rally,44.9778,-93.265\n");
    }
    QVERIFY(isCsvPath(csv));
    QVERIFY(!isCsvPath(path(u"events.gpkg"_s)));
    const ImportReport r = import(csv);
    QVERIFY2(r.committed, qPrintable(r.error));
    QCOMPARE(r.format, u"csv"_s);
    QCOMPARE(r.layer, QString());
    QCOMPARE(r.delimiter, QLatin1Char(','));
    QCOMPARE(m_catalogue->event(1)->latitude, 44.9778);
}

QTEST_GUILESS_MAIN(TestVectorImport)
#include "tst_vectorimport.moc"
