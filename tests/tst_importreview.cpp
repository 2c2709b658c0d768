// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/catalogue.h"
#include "geo/geocoder.h"
#include "io/importer.h"
#include "io/importreview.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <thread>

using namespace placard;
using namespace placard::io;

namespace {

// Lines 2–10: a bad date, out-of-range coordinates (placed by name instead), a made-up town
// three times, a town the gazetteer knows, a duplicate of the catalogue's event, a duplicate
// of line 7, and a row that names no place.
const char kFixture[] = "date,location,country,type,title,lat,lon\n"
                        "2026-13-45,\"Duluth, MN\",,rally,Bad date,,\n"
                        "2026-02-02,\"Rochester, MN\",,march,Bad point,95.5,-92.46\n"
                        "2026-02-03,\"Springfeld, ZZ\",,vigil,First,,\n"
                        "2026-02-04,\"Springfeld, ZZ\",,vigil,Second,,\n"
                        "2026-02-05,\"Springfeld, ZZ\",,vigil,Third,,\n"
                        "2026-02-03,\"St. Paul, MN\",,protest,Placeable,,\n"
                        "2026-02-01,\"Minneapolis, MN\",,rally,Again,44.978,-93.265\n"
                        "2026-02-03,\"St. Paul, MN\",,protest,Repeat,,\n"
                        "2026-02-06,,,sit-in,Nowhere,,\n";

const QString kSpringfeld = QStringLiteral("Springfeld, ZZ");
const QString kNoSpringfeld = QStringLiteral("no place called \"Springfeld, ZZ\" in the gazetteer");

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

QStringList problemTexts(const QList<ImportProblem> &problems)
{
    QStringList out;
    for (const ImportProblem &p : problems) {
        out << QStringLiteral("%1:%2 %3 [%4]%5")
                   .arg(p.line)
                   .arg(p.column)
                   .arg(p.message, p.value, p.skipped ? QStringLiteral(" skipped") : QString());
    }
    return out;
}

} // namespace

class TestImportReview : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void reviewWritesNothing();
    void placesChosenByHand();
    void matchesImport_data();
    void matchesImport();
    void cancel();
    void unreadableFile();

private:
    ImportOptions options() const;
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::shared_ptr<const geo::Geocoder> m_geocoder;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Catalogue> m_catalogue;
    QString m_csv;
};

void TestImportReview::initTestCase()
{
    QString error;
    auto gazetteer = geo::Gazetteer::open(geo::Gazetteer::defaultPath(), &error);
    QVERIFY2(gazetteer, qPrintable(error));
    m_geocoder = std::make_shared<geo::Geocoder>(gazetteer);
}

// A catalogue holding one event, the rally line 8 repeats, and the fixture beside it.
void TestImportReview::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_catalogue = Catalogue::create(path(QStringLiteral("c.placard")), &error);
    QVERIFY2(m_catalogue, qPrintable(error));
    Event rally;
    rally.startDay = 20485; // 2026-02-01
    rally.endDay = rally.startDay;
    rally.type = QStringLiteral("rally");
    rally.title = QStringLiteral("Rally");
    rally.place = QStringLiteral("Minneapolis, MN");
    rally.latitude = 44.9778;
    rally.longitude = -93.265;
    rally.geoPrecision = GeoPrecision::Exact;
    rally.coordinateOrigin = CoordinateOrigin::File;
    QList<Event> events{rally};
    QVERIFY2(m_catalogue->insertEvents(events, &error), qPrintable(error));
    QCOMPARE(events[0].id, 1);

    m_csv = path(QStringLiteral("events.csv"));
    QFile f(m_csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kFixture);
}

ImportOptions TestImportReview::options() const
{
    ImportOptions o;
    o.geocoder = m_geocoder;
    return o;
}

void TestImportReview::reviewWritesNothing()
{
    const QString file = m_catalogue->path();
    const QByteArray before = fileHash(file) + fileHash(file + QStringLiteral("-wal"));

    // On a worker thread, as the wizard runs it, while this one keeps the catalogue.
    ImportReview r;
    std::thread worker([&] { r = reviewImport(*m_catalogue, m_csv, options()); });
    worker.join();
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QVERIFY(!r.cancelled);
    QCOMPARE(r.format, QStringLiteral("csv"));
    QCOMPARE(r.delimiter, QLatin1Char(','));
    QCOMPARE(r.encoding, QStringLiteral("UTF-8"));
    QCOMPARE(r.records, 9);
    QCOMPARE(r.wouldImport, 6);
    QCOMPARE(r.skipped,
             (QList<SkippedRow>{
                 {2, QStringLiteral("unreadable date (month 13 out of range): the row is skipped")},
                 {8, QStringLiteral("duplicate of event 1")},
                 {9, QStringLiteral("duplicate of line 7")},
             }));
    QCOMPARE(problemTexts(r.problems),
             (QStringList{
                 QStringLiteral("2:1 unreadable date (month 13 out of range): the row is skipped "
                                "[2026-13-45] skipped"),
                 QStringLiteral("3:6 latitude 95.5 out of range: the event is kept unplaced "
                                "[95.5, -92.46]"),
                 QStringLiteral("4:2 not placed: %1 [Springfeld, ZZ]").arg(kNoSpringfeld),
                 QStringLiteral("5:2 not placed: %1 [Springfeld, ZZ]").arg(kNoSpringfeld),
                 QStringLiteral("6:2 not placed: %1 [Springfeld, ZZ]").arg(kNoSpringfeld),
             }));
    QCOMPARE(r.problemCount, r.problems.size());
    QCOMPARE(r.geocoded, (std::array<qint64, 3>{2, 0, 0}));
    QCOMPARE(r.unplacedRows, 4);

    QCOMPARE(r.duplicateRows, 2);
    QCOMPARE(r.duplicates.size(), 2);
    QCOMPARE(r.duplicates[0].line, 8);
    QCOMPARE(r.duplicates[0].existingEventId, 1);
    QCOMPARE(r.duplicates[0].earlierLine, 0);
    QCOMPARE(r.duplicates[0].row.title, QStringLiteral("Again"));
    QCOMPARE(r.duplicates[0].row.latitude, 44.978);
    QCOMPARE(r.duplicates[1].line, 9);
    QCOMPARE(r.duplicates[1].existingEventId, 0);
    QCOMPARE(r.duplicates[1].earlierLine, 7);
    QCOMPARE(r.duplicates[1].row.title, QStringLiteral("Repeat"));
    QCOMPARE(r.duplicates[1].row.coordinateOrigin, CoordinateOrigin::Gazetteer);

    // The row naming no place is unplaced but cannot be listed: nothing to choose a point for.
    QCOMPARE(r.unplaced.size(), 1);
    const UnplacedPlace &springfeld = r.unplaced[0];
    QCOMPARE(springfeld.text, kSpringfeld);
    QCOMPARE(springfeld.rows, 3);
    QCOMPARE(springfeld.firstLine, 4);
    QCOMPARE(springfeld.reason, kNoSpringfeld);
    QVERIFY(springfeld.candidates.isEmpty()); // looser questions find nothing either

    // Nothing written: the same events, imports and bytes.
    QCOMPARE(m_catalogue->eventCount(), 1);
    QCOMPARE(m_catalogue->datasets().size(), 0);
    QCOMPARE(fileHash(file) + fileHash(file + QStringLiteral("-wal")), before);
}

void TestImportReview::placesChosenByHand()
{
    ImportOptions o = options();
    o.duplicates = DuplicatePolicy::Skip;
    o.places.insert(kSpringfeld, {39.8, -89.65, GeoPrecision::Locality});

    // A second review shows the town placed.
    const ImportReview review = reviewImport(*m_catalogue, m_csv, o);
    QVERIFY2(review.error.isEmpty(), qPrintable(review.error));
    QVERIFY(review.unplaced.isEmpty());
    QCOMPARE(review.unplacedRows, 1); // the row naming no place

    Importer importer(*m_catalogue);
    const ImportReport report = importer.importFile(m_csv, o);
    QVERIFY2(report.committed, qPrintable(report.error));
    QCOMPARE(report.imported, review.wouldImport);
    QCOMPARE(report.skipped, review.skipped.size());
    QCOMPARE(report.records, review.records);
    QCOMPARE(report.unplaced, review.unplacedRows);
    QCOMPARE(report.duplicates, review.duplicateRows);
    QCOMPARE(report.geocoded, review.geocoded);
    QCOMPARE(report.imported, 6);
    QCOMPARE(report.skipped, 3);

    // The catalogue's rally, then the rows imported, in file order.
    QCOMPARE(m_catalogue->eventCount(), 7);
    QCOMPARE(m_catalogue->eventIds(), (QList<qint64>{1, 2, 3, 4, 5, 6, 7}));
    struct Expected {
        qint64 line;
        QString title;
        qint32 day;
        CoordinateOrigin origin;
        GeoPrecision precision;
        double latitude;
        double longitude;
    };
    const QList<Expected> expected{
        {3, QStringLiteral("Bad point"), 20486, CoordinateOrigin::Gazetteer, GeoPrecision::Locality,
         44.0216, -92.4699},
        {4, QStringLiteral("First"), 20487, CoordinateOrigin::Manual, GeoPrecision::Locality, 39.8,
         -89.65},
        {5, QStringLiteral("Second"), 20488, CoordinateOrigin::Manual, GeoPrecision::Locality, 39.8,
         -89.65},
        {6, QStringLiteral("Third"), 20489, CoordinateOrigin::Manual, GeoPrecision::Locality, 39.8,
         -89.65},
        {7, QStringLiteral("Placeable"), 20487, CoordinateOrigin::Gazetteer, GeoPrecision::Locality,
         44.9444, -93.0933},
        {10, QStringLiteral("Nowhere"), 20490, CoordinateOrigin::None, GeoPrecision::Unplaced, 0,
         0},
    };
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const Expected &x = expected[i];
        const Event e = *m_catalogue->event(i + 2);
        QCOMPARE(e.sourceLine, x.line);
        QCOMPARE(e.title, x.title);
        QCOMPARE(e.startDay, x.day);
        QCOMPARE(e.coordinateOrigin, x.origin);
        QCOMPARE(e.geoPrecision, x.precision);
        QCOMPARE(e.isPlaced(), x.origin != CoordinateOrigin::None);
        if (e.isPlaced()) {
            QVERIFY2(std::abs(*e.latitude - x.latitude) < 0.01, qPrintable(x.title));
            QVERIFY2(std::abs(*e.longitude - x.longitude) < 0.01, qPrintable(x.title));
        }
    }
    const Event rally = *m_catalogue->event(1);
    QCOMPARE(rally.title, QStringLiteral("Rally"));
    QCOMPARE(rally.datasetId, 0);
}

void TestImportReview::matchesImport_data()
{
    QTest::addColumn<DuplicatePolicy>("policy");
    QTest::addColumn<bool>("geocode");
    QTest::newRow("skip") << DuplicatePolicy::Skip << true;
    QTest::newRow("keep") << DuplicatePolicy::Keep << true;
    QTest::newRow("update") << DuplicatePolicy::Update << true;
    QTest::newRow("keep, no geocoding") << DuplicatePolicy::Keep << false;
}

// Under every policy the review counts what the import then does, problems included.
void TestImportReview::matchesImport()
{
    QFETCH(DuplicatePolicy, policy);
    QFETCH(bool, geocode);
    ImportOptions o = options();
    o.duplicates = policy;
    o.geocode = geocode;
    const ImportReview review = reviewImport(*m_catalogue, m_csv, o);
    QVERIFY2(review.error.isEmpty(), qPrintable(review.error));
    Importer importer(*m_catalogue);
    const ImportReport report = importer.importFile(m_csv, o);
    QVERIFY2(report.committed, qPrintable(report.error));
    QCOMPARE(review.records, report.records);
    QCOMPARE(review.wouldImport, report.imported);
    QCOMPARE(review.skipped.size(), report.skipped);
    QCOMPARE(review.duplicateRows, report.duplicates);
    QCOMPARE(review.unplacedRows, report.unplaced);
    QCOMPARE(review.geocoded, report.geocoded);
    QCOMPARE(review.mapping, report.mapping);
    QList<ImportProblem> imported;
    for (const ImportProblem &p : report.problems) {
        if (!p.message.startsWith(QLatin1StringView("duplicate of event")))
            imported.append(p);
    }
    QCOMPARE(problemTexts(review.problems), problemTexts(imported));
    if (!geocode) {
        // Without a geocoder every named row without a point is listed, without candidates.
        QCOMPARE(review.unplaced.size(), 3);
        QCOMPARE(review.unplaced[1].text, QStringLiteral("St. Paul, MN"));
        QCOMPARE(review.unplaced[1].rows, 2); // line 9 is kept beside line 7
        QCOMPARE(review.unplaced[2].text, QStringLiteral("Rochester, MN"));
        QCOMPARE(review.unplaced[2].firstLine, 3);
        QCOMPARE(review.unplaced[0].text, kSpringfeld);
        QCOMPARE(review.unplaced[0].reason, QStringLiteral("geocoding is off"));
        QVERIFY(review.unplaced[0].candidates.isEmpty());
    }
}

void TestImportReview::cancel()
{
    std::atomic_bool cancel = false;
    int calls = 0;
    const ImportReview r =
        reviewImport(*m_catalogue, m_csv, options(), &cancel, [&](qint64 done, qint64 total) {
            ++calls;
            QCOMPARE(total, QFileInfo(m_csv).size());
            QVERIFY(done <= total);
            cancel = true;
        });
    QCOMPARE(calls, 1);
    QVERIFY(r.cancelled);
    QVERIFY(r.unplaced.isEmpty());

    const ImportReview early = reviewImport(*m_catalogue, m_csv, options(), &cancel);
    QVERIFY(early.cancelled);
    QCOMPARE(early.records, 0);
}

void TestImportReview::unreadableFile()
{
    const ImportReview missing =
        reviewImport(*m_catalogue, path(QStringLiteral("missing.csv")), options());
    QVERIFY(!missing.error.isEmpty());
    QFile f(path(QStringLiteral("nodate.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("title,location\nRally,\"St. Paul, MN\"\n");
    f.close();
    const ImportReview noDate = reviewImport(*m_catalogue, f.fileName(), options());
    QVERIFY2(noDate.error.contains(QLatin1StringView("no column holds the date")),
             qPrintable(noDate.error));
    QCOMPARE(noDate.records, 0);
}

QTEST_GUILESS_MAIN(TestImportReview)
#include "tst_importreview.moc"
