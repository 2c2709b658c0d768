// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/catalogue.h"
#include "io/exporter.h"
#include "io/importer.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>

using namespace placard;
using namespace placard::io;
using namespace Qt::StringLiterals;

namespace {

qint32 day(int y, int m, int d)
{
    return qint32(QDate(1970, 1, 1).daysTo(QDate(y, m, d)));
}

// Varied events: unicode, several values per tag kind, two sources, sizes, month and
// year precision, an unplaced planned event, a cancelled online one.
QList<Event> fixtureEvents()
{
    Event a;
    a.startDay = day(2024, 5, 1);
    a.endDay = day(2024, 5, 2);
    a.title = u"Marcha por la educación — Ñuñoa"_s;
    a.type = u"march"_s;
    a.otherTypes = {u"strike"_s};
    a.place = u"Plaza Ñuñoa, frente al municipio"_s;
    a.locality = u"Ñuñoa"_s;
    a.admin1 = u"Región Metropolitana"_s;
    a.admin2 = u"Santiago"_s;
    a.country = u"CL"_s;
    a.latitude = -33.456912345678;
    a.longitude = -70.597712345678;
    a.geoPrecision = GeoPrecision::Exact;
    a.coordinateOrigin = CoordinateOrigin::File;
    a.sizeLow = 1000;
    a.sizeHigh = 2000;
    a.sizeText = u"1,000-2,000"_s;
    a.issues = {u"education"_s, u"labour"_s};
    a.actors = {u"Confech"_s, u"Colegio de Profesores"_s};
    a.participants = {u"students"_s, u"teachers"_s};
    a.tags = {u"youth"_s};
    a.claims = u"Free tuition, now"_s;
    a.arrests = 3;
    a.injuries = 1;
    a.deaths = 0;
    a.propertyDamage = u"broken windows"_s;
    a.notes = u"Line one\nLine two, with \"quotes\""_s;
    // Two outlets and a publication date: they come back whole through sources_json.
    a.sources = {{u"https://a.example/1"_s, u"El Mercurio"_s, u"2025-08-07"_s},
                 {u"https://b.example/2?x=1"_s, u"La Tercera"_s, QString()}};
    a.externalId = u"CL-1"_s;

    Event b;
    b.startDay = day(2024, 3, 1);
    b.endDay = day(2024, 3, 31);
    b.datePrecision = DatePrecision::Month;
    b.title = u"Grève générale à Lyon"_s;
    b.type = u"strike"_s;
    b.locality = u"Lyon"_s;
    b.country = u"FR"_s;
    b.latitude = 45.764043;
    b.longitude = 4.835659;
    b.geoPrecision = GeoPrecision::Locality;
    b.coordinateOrigin = CoordinateOrigin::Gazetteer; // comes back as File
    b.sizeText = u"large crowd"_s;
    b.sources = {{u"https://leprogres.example/greve"_s, u"Le Progrès"_s, QString()}};

    Event c;
    c.startDay = day(2025, 8, 6);
    c.endDay = c.startDay;
    c.status = EventStatus::Planned;
    c.title = u"広島 平和の灯 vigil"_s;
    c.type = u"vigil"_s;
    c.place = u"Peace Memorial Park"_s;
    c.country = u"JP"_s;
    c.issues = {u"peace"_s};
    c.notes = u"Unplaced on purpose"_s;

    Event d;
    d.startDay = day(2023, 1, 1);
    d.endDay = day(2023, 12, 31);
    d.datePrecision = DatePrecision::Year;
    d.status = EventStatus::Cancelled;
    d.title = u"Online sit-in"_s;
    d.type = u"sit-in"_s;
    d.admin1 = u"England"_s;
    d.country = u"GB"_s;
    d.latitude = 52.5;
    d.longitude = -1.5;
    d.geoPrecision = GeoPrecision::Admin1;
    d.coordinateOrigin = CoordinateOrigin::Manual; // comes back as File
    d.sizeLow = 12;
    d.online = true;
    d.tags = {u"digital"_s, u"climate"_s};
    return {a, b, c, d};
}

// What an import cannot give back whatever the format: the catalogue's own
// bookkeeping, and where coordinates came from (an imported point is from the file).
Event comparable(Event e)
{
    e.id = 0;
    e.datasetId = 0;
    e.sourceLine = 0;
    e.createdAt = 0;
    e.updatedAt = 0;
    e.coordinateOrigin = e.isPlaced() ? CoordinateOrigin::File : CoordinateOrigin::None;
    return e;
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void formatFromPath();
    void roundTrip_data();
    void roundTrip();
    void csvInjection();
    void csvBom();
    void cancelLeavesNoFile();
    void shapefileNames();
    void commandLine();
    void brokenSourcesJson();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QList<Event> readAll(const Catalogue &catalogue) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Catalogue> m_catalogue;
    QList<qint64> m_ids;
};

void TestExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_catalogue = Catalogue::create(path(u"source.placard"_s), &error);
    QVERIFY2(m_catalogue, qPrintable(error));
    QList<Event> events = fixtureEvents();
    QVERIFY2(m_catalogue->insertEvents(events, &error), qPrintable(error));
    for (const Event &e : std::as_const(events))
        m_ids << e.id;
}

QList<Event> TestExport::readAll(const Catalogue &catalogue) const
{
    QList<Event> events;
    for (qint64 id : catalogue.eventIds(0, 100))
        events << *catalogue.event(id);
    return events;
}

void TestExport::formatFromPath()
{
    QCOMPARE(exportFormatForPath(u"a/b.GPKG"_s), ExportFormat::GeoPackage);
    QCOMPARE(exportFormatForPath(u"b.geojson"_s), ExportFormat::GeoJson);
    QCOMPARE(exportFormatForPath(u"b.kml"_s), ExportFormat::Kml);
    QCOMPARE(exportFormatForPath(u"b.fgb"_s), ExportFormat::FlatGeobuf);
    QCOMPARE(exportFormatForPath(u"b.shp"_s), ExportFormat::Shapefile);
    QCOMPARE(exportFormatForPath(u"b.csv"_s), ExportFormat::Csv);
    QVERIFY(!exportFormatForPath(u"b.xlsx"_s));
    QString error;
    QVERIFY(!exportEvents(*m_catalogue, m_ids, path(u"x.xlsx"_s), {}, &error));
    QVERIFY(error.contains(u"unknown export format"_s));
}

void TestExport::roundTrip_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("gpkg") << u"events.gpkg"_s;
    QTest::newRow("geojson") << u"events.geojson"_s;
    QTest::newRow("kml") << u"events.kml"_s;
    QTest::newRow("fgb") << u"events.fgb"_s;
    QTest::newRow("shp") << u"events.shp"_s;
    QTest::newRow("csv") << u"events.csv"_s;
}

// Export, import into a new catalogue, and every field the layout carries is back.
void TestExport::roundTrip()
{
    QFETCH(QString, file);
    QString error;
    qint64 lastDone = 0;
    QVERIFY2(exportEvents(*m_catalogue, m_ids, path(file), {}, &error, nullptr,
                          [&](qint64 done, qint64 total) {
                              QCOMPARE(total, m_ids.size());
                              lastDone = done;
                          }),
             qPrintable(error));
    QCOMPARE(lastDone, m_ids.size());
    // Nothing is left beside the file but the file (and a shapefile's companions).
    const QStringList left = QDir(m_dir.path())
                                 .entryList({u".placard-export*"_s},
                                            QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(u' ')));

    auto imported = Catalogue::create(path(file + u"-back.placard"_s), &error);
    QVERIFY2(imported, qPrintable(error));
    ImportOptions options;
    options.geocode = false;
    options.duplicates = DuplicatePolicy::Keep;
    const ImportReport report = Importer(*imported).importFile(path(file), options);
    QVERIFY2(report.committed, qPrintable(report.error));
    QCOMPARE(report.imported, m_ids.size());
    QCOMPARE(report.unplaced, 1);

    const QList<Event> before = readAll(*m_catalogue);
    const QList<Event> after = readAll(*imported);
    QCOMPARE(after.size(), before.size());
    for (const Event &original : before) {
        auto it = std::find_if(after.begin(), after.end(),
                               [&](const Event &e) { return e.title == original.title; });
        QVERIFY2(it != after.end(), qPrintable(original.title));
        Event expected = comparable(original);
        Event actual = comparable(*it);
        // Coordinates pass through text in GeoJSON and KML: equal to far below a metre.
        if (expected.isPlaced()) {
            QVERIFY(actual.isPlaced());
            QVERIFY(std::abs(*actual.latitude - *expected.latitude) < 1e-9);
            QVERIFY(std::abs(*actual.longitude - *expected.longitude) < 1e-9);
            actual.latitude = expected.latitude;
            actual.longitude = expected.longitude;
        }
        QCOMPARE(actual.startDay, expected.startDay);
        QCOMPARE(actual.endDay, expected.endDay);
        QCOMPARE(actual.datePrecision, expected.datePrecision);
        QCOMPARE(actual.status, expected.status);
        QCOMPARE(actual.type, expected.type);
        QCOMPARE(actual.otherTypes, expected.otherTypes);
        QCOMPARE(actual.place, expected.place);
        QCOMPARE(actual.locality, expected.locality);
        QCOMPARE(actual.admin1, expected.admin1);
        QCOMPARE(actual.admin2, expected.admin2);
        QCOMPARE(actual.country, expected.country);
        QCOMPARE(actual.geoPrecision, expected.geoPrecision);
        QCOMPARE(actual.sizeLow, expected.sizeLow);
        QCOMPARE(actual.sizeHigh, expected.sizeHigh);
        QCOMPARE(actual.sizeText, expected.sizeText);
        QCOMPARE(actual.issues, expected.issues);
        QCOMPARE(actual.actors, expected.actors);
        QCOMPARE(actual.participants, expected.participants);
        QCOMPARE(actual.tags, expected.tags);
        QCOMPARE(actual.claims, expected.claims);
        QCOMPARE(actual.arrests, expected.arrests);
        QCOMPARE(actual.injuries, expected.injuries);
        QCOMPARE(actual.deaths, expected.deaths);
        QCOMPARE(actual.propertyDamage, expected.propertyDamage);
        QCOMPARE(actual.online, expected.online);
        QCOMPARE(actual.notes, expected.notes);
        QCOMPARE(actual.sources, expected.sources);
        // KML readers give each placemark an "id" ("events.1"…); the Placard layout is
        // recognised, so the external_id column keeps the field.
        QCOMPARE(actual.externalId, expected.externalId);
        // Every field, all at once, so that a field added later is not forgotten here.
        QVERIFY(actual == expected);
    }
}

void TestExport::csvInjection()
{
    const QStringList risky = {u"=cmd|' /C calc'!A0"_s, u"+1"_s, u"-2"_s, u"@SUM(A1)"_s, u"\tx"_s};
    QString error;
    auto catalogue = Catalogue::create(path(u"risky.placard"_s), &error);
    QVERIFY2(catalogue, qPrintable(error));
    QList<Event> events;
    for (const QString &title : risky) {
        Event e;
        e.startDay = day(2024, 1, 1);
        e.endDay = e.startDay;
        e.title = title;
        e.type = u"rally"_s;
        e.latitude = -10.5; // a number Placard writes is left as it is
        e.longitude = -20.25;
        e.geoPrecision = GeoPrecision::Exact;
        events << e;
    }
    QVERIFY2(catalogue->insertEvents(events, &error), qPrintable(error));
    QList<qint64> ids;
    for (const Event &e : std::as_const(events))
        ids << e.id;
    QVERIFY2(exportEvents(*catalogue, ids, path(u"risky.csv"_s), {}, &error), qPrintable(error));
    QFile file(path(u"risky.csv"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QVERIFY(lines.constFirst().startsWith("placard_id,date,end_date,date_precision,status,title,"));
    const int titleColumn = 5;
    const int latitudeColumn = 12;
    for (qsizetype i = 0; i < risky.size(); ++i) {
        const QByteArray line = lines.at(i + 1);
        // Simple split: no test cell holds a comma or quote except the first title.
        QList<QByteArray> cells = line.split(',');
        QByteArray title = cells.at(titleColumn);
        if (title.startsWith('"'))
            title = title.mid(1);
        QVERIFY2(title.startsWith('\''), line.constData());
        QCOMPARE(QString::fromUtf8(title.mid(1)).left(2), risky.at(i).left(2));
        QCOMPARE(cells.at(latitudeColumn), QByteArray("-10.5"));
        QCOMPARE(cells.at(latitudeColumn + 1), QByteArray("-20.25"));
    }
}

void TestExport::csvBom()
{
    QString error;
    ExportOptions options;
    QVERIFY2(exportEvents(*m_catalogue, m_ids, path(u"plain.csv"_s), options, &error),
             qPrintable(error));
    options.csvBom = true;
    QVERIFY2(exportEvents(*m_catalogue, m_ids, path(u"bom.csv"_s), options, &error),
             qPrintable(error));
    QFile plain(path(u"plain.csv"_s));
    QFile bom(path(u"bom.csv"_s));
    QVERIFY(plain.open(QIODevice::ReadOnly));
    QVERIFY(bom.open(QIODevice::ReadOnly));
    const QByteArray plainBytes = plain.readAll();
    const QByteArray bomBytes = bom.readAll();
    QVERIFY(plainBytes.startsWith("placard_id,"));
    QVERIFY(bomBytes.startsWith("\xEF\xBB\xBFplacard_id,"));
    QCOMPARE(bomBytes.mid(3), plainBytes);
    QVERIFY(plainBytes.contains("\r\n"));

    // The importer reads the byte-order mark as such.
    auto imported = Catalogue::create(path(u"bom-back.placard"_s), &error);
    QVERIFY2(imported, qPrintable(error));
    ImportOptions importOptions;
    importOptions.geocode = false;
    const ImportReport report = Importer(*imported).importFile(path(u"bom.csv"_s), importOptions);
    QVERIFY2(report.committed, qPrintable(report.error));
    QCOMPARE(report.imported, m_ids.size());
}

void TestExport::cancelLeavesNoFile()
{
    const std::atomic_bool cancel = true;
    for (const QString &name : {u"cancelled.gpkg"_s, u"cancelled.shp"_s, u"cancelled.csv"_s}) {
        QString error;
        QVERIFY(!exportEvents(*m_catalogue, m_ids, path(name), {}, &error, &cancel));
        QVERIFY(error.contains(u"cancelled"_s));
        const QStringList left = QDir(m_dir.path())
                                     .entryList({u"cancelled*"_s, u".placard-export*"_s},
                                                QDir::AllEntries | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u' ')));
    }
    // A failed export leaves an existing file as it was.
    QFile existing(path(u"kept.csv"_s));
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("old");
    existing.close();
    QString error;
    QVERIFY(!exportEvents(*m_catalogue, m_ids, path(u"kept.csv"_s), {}, &error, &cancel));
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("old"));
}

void TestExport::shapefileNames()
{
    for (const QString &name : exportColumns(ExportFormat::Shapefile))
        QVERIFY2(name.size() <= 10, qPrintable(name));
    const QStringList csv = exportColumns(ExportFormat::Csv);
    QVERIFY(csv.contains(u"latitude"_s));
    QVERIFY(!exportColumns(ExportFormat::GeoPackage).contains(u"latitude"_s));
    QCOMPARE(exportColumns(ExportFormat::Shapefile).size(),
             exportColumns(ExportFormat::GeoPackage).size());
}

// placard-cli query and export share their filters; numbers are never taken for formulas.
void TestExport::commandLine()
{
    const QString cli = QStringLiteral(PLACARD_BINARY_DIR "/app/cli/placard-cli");
    if (!QFile::exists(cli))
        QSKIP("placard-cli is not built");
    const auto run = [&](const QStringList &args, QByteArray *out, QByteArray *err) {
        QProcess child;
        child.start(cli, args);
        if (!child.waitForFinished(60000))
            return -1;
        *out = child.readAllStandardOutput();
        *err = child.readAllStandardError();
        return child.exitCode();
    };
    QByteArray out, err;
    const QString catalogue = path(QStringLiteral("cli.placard"));
    QCOMPARE(run({QStringLiteral("sample"), catalogue}, &out, &err), 0);
    QCOMPARE(run({QStringLiteral("query"), QStringLiteral("--catalogue"), catalogue,
                  QStringLiteral("--type"), QStringLiteral("march")},
                 &out, &err),
             0);
    QCOMPARE(out.split('\n').value(1).trimmed(),
             QByteArray("3,2026-01-30,2026-01-30,March from Foley Square to Washington Square "
                        "Park,march,Foley Square,New York,NY,US,40.714200,-74.003600,,,"));
    const QString csv = path(QStringLiteral("cli.csv"));
    QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--catalogue"), catalogue,
                  QStringLiteral("--min-size"), QStringLiteral("many"), csv},
                 &out, &err),
             2);
    QCOMPARE(err.trimmed(), QByteArray("placard-cli: --min-size: not a number"));
    QVERIFY(!QFile::exists(csv));
    QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--catalogue"), catalogue,
                  QStringLiteral("--type"), QStringLiteral("protest"), csv},
                 &out, &err),
             0);
    QCOMPARE(out.trimmed(), QByteArray("exported 13 event(s) to ") + csv.toUtf8());
}

// A sources_json cell that is not a list of sources is reported, and the source columns used.
void TestExport::brokenSourcesJson()
{
    const QString csv = path(u"broken.csv"_s);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("date,title,source,source_outlet,sources_json\n"
            "2026-01-30,Rally,https://x.example/1,Daily,[oops\n"
            "2026-01-31,March,https://x.example/2,Daily,\"[{\"\"url\"\":\"\"https://y.example\"\","
            "\"\"outlet\"\":\"\"Weekly\"\",\"\"published\"\":\"\"2026-02-01\"\"}]\"\n");
    f.close();
    QString error;
    auto catalogue = Catalogue::create(path(u"broken.placard"_s), &error);
    QVERIFY2(catalogue, qPrintable(error));
    io::ImportOptions options;
    options.geocode = false;
    const io::ImportReport report = io::Importer(*catalogue).importFile(csv, options);
    QVERIFY2(report.committed, qPrintable(report.error));
    QCOMPARE(report.imported, 2);
    const QList<qint64> ids = catalogue->eventIds();
    QCOMPARE(catalogue->event(ids[0])->sources,
             (QList<EventSource>{{u"https://x.example/1"_s, u"Daily"_s, QString()}}));
    QCOMPARE(catalogue->event(ids[1])->sources,
             (QList<EventSource>{{u"https://y.example"_s, u"Weekly"_s, u"2026-02-01"_s}}));
    QCOMPARE(report.problems.size(), 1);
    QCOMPARE(report.problems[0].line, 2);
    QCOMPARE(report.problems[0].column, 5);
    QCOMPARE(report.problems[0].message,
             u"not a JSON list of sources; the source columns are used"_s);
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
