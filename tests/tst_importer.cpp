// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/catalogue.h"
#include "catalogue/sqlite.h"
#include "ftsindexcheck.h"
#include "geo/geocoder.h"
#include "io/duplicateindex.h"
#include "io/flattable.h"
#include "io/importcommand.h"
#include "io/importer.h"
#include "io/importsteps.h"
#include "io/placer.h"
#include "io/sample.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sqlite3.h>

#include <atomic>
#include <thread>

#include <cmath>
#include <csignal>
#include <numbers>

using namespace placard;
using namespace placard::io;
using namespace Qt::StringLiterals;

namespace {

const QString kMessy = QStringLiteral(PLACARD_TEST_DATA "/messy-events.csv");

// Everything a catalogue holds, as text, in a fixed order: "equal in content".
QString contentDump(const Catalogue &catalogue)
{
    QStringList out;
    for (const char *table :
         {"datasets", "event_types", "events", "tags", "import_problems", "saved_views"}) {
        const QByteArray sql = QByteArray("SELECT * FROM ") + table + " ORDER BY 1, 2";
        sql::Statement q(catalogue.handle(), sql.constData());
        while (q.next()) {
            QStringList row{QString::fromLatin1(table)};
            for (int c = 0; c < q.columnCount(); ++c)
                row << q.text(c);
            out << row.join(QLatin1Char('|'));
        }
    }
    out << QString::number(catalogue.searchText(QStringLiteral("rally")).size());
    return out.join(QLatin1Char('\n'));
}

// Writes an event list of `rows` distinct events in a simple CCC-like layout.
QString writeEventList(const QString &path, int rows)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("date,locality,state,type,title,size_text,issues,lat,lon,notes\n");
    for (int i = 0; i < rows; ++i) {
        const QDate day = QDate(2020, 1, 1).addDays(i % 1500);
        f.write(QStringLiteral("%1,Town %2,MN,protest,\"Protest number %3\",hundreds,issue%4; "
                               "immigration,%5,%6,\"Notes, with a comma\"\n")
                    .arg(day.toString(Qt::ISODate))
                    .arg(i)
                    .arg(i)
                    .arg(i % 7)
                    .arg(40.0 + (i % 1000) * 0.01, 0, 'f', 4)
                    .arg(-100.0 + (i / 1000) * 0.05, 0, 'f', 4)
                    .toUtf8());
    }
    return path;
}

// A source that only says how far it has read, for the estimate of its records.
class ReadSoFar : public RecordSource {
public:
    ReadSoFar(qint64 position, qint64 total)
        : m_position(position)
        , m_total(total)
    {
    }
    QString displayName() const override { return QStringLiteral("so-far"); }
    QStringList header() const override { return {}; }
    bool hasHeader() const override { return false; }
    bool read(SourceRecord &) override { return false; }
    QString errorString() const override { return {}; }
    Mapping autoMapping(std::optional<PresetId>, const QStringList &) const override { return {}; }
    QString format() const override { return QStringLiteral("csv"); }
    qint64 position() const override { return m_position; }
    qint64 total() const override { return m_total; }

private:
    qint64 m_position;
    qint64 m_total;
};

} // namespace

class TestImporter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void messyFile();
    void messyProblems();
    void duplicatesAcrossImports_data();
    void duplicatesAcrossImports();
    void tagsReadAsFromLists_data();
    void tagsReadAsFromLists();
    void catalogueEventsReadOnASecondThread();
    void textIndexHoldsTheImportedWords();
    void expectedRecordsSlightlyOver_data();
    void expectedRecordsSlightlyOver();
    void duplicatesWithinOneFile_data();
    void duplicatesWithinOneFile();
    void cancelLeavesCatalogueAsItWas();
    void undoImport();
    void undoAndRedoRunOffTheCallingThread();
    void killedImportLeavesNoTrace_data();
    void killedImportLeavesNoTrace();
    void cliListsAndRemovesImports();
    void sampleCatalogue();
    void placesNamesOnly();
    void unknownTownsAreNotDuplicates();
    void duplicatePointsWithinOneKilometre();
    void flatTableKeepsOrderAsItGrows();
    void placesUnplacedLater();
    void namesWithNulCharacters();
    void catalogueBusyNamesBoth();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Catalogue> m_catalogue;
    QString path(const QString &name) const { return m_dir->filePath(name); }
};

void TestImporter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_catalogue = Catalogue::create(path(QStringLiteral("c.placard")), &error);
    QVERIFY2(m_catalogue, qPrintable(error));
}

void TestImporter::messyFile()
{
    Importer importer(*m_catalogue);
    const ImportReport r = importer.importCsv(kMessy, {});
    QVERIFY2(r.committed, qPrintable(r.error));
    QCOMPARE(r.records, 10);
    QCOMPARE(r.imported, 8);
    QCOMPARE(r.skipped, 2);
    QCOMPARE(r.duplicates, 1);
    QCOMPARE(r.unplaced, 1); // the short row names no place
    QCOMPARE(r.geocoded, (std::array<qint64, 3>{2, 0, 0}));
    QCOMPARE(r.records, r.imported + r.skipped);
    QCOMPARE(r.delimiter, QLatin1Char(','));
    QCOMPARE(r.encoding, QStringLiteral("Windows-1252")); // its only non-ASCII bytes
    QCOMPARE(m_catalogue->eventCount(), 8);

    const Event rally = *m_catalogue->event(1);
    QCOMPARE(rally.sourceLine, 2);
    QCOMPARE(rally.startDay, 20483); // 2026-01-30
    QCOMPARE(rally.title, QStringLiteral("Rally at City Hall"));
    QCOMPARE(rally.type, QStringLiteral("rally"));
    QCOMPARE(rally.actors, (QStringList{QStringLiteral("Unidos MN"), QStringLiteral("50501")}));
    QCOMPARE(rally.issues,
             (QStringList{QStringLiteral("immigration"), QStringLiteral("policing")}));
    QCOMPARE(rally.notes, QStringLiteral("Cold, but \"loud\""));
    QCOMPARE(rally.sizeLow, 2000);
    QCOMPARE(rally.sizeHigh, 2000);
    QCOMPARE(rally.sizeText, QStringLiteral("thousands"));
    QCOMPARE(rally.latitude, 44.9778);
    QCOMPARE(rally.longitude, -93.265);
    QCOMPARE(rally.geoPrecision, GeoPrecision::Exact);
    QCOMPARE(rally.coordinateOrigin, CoordinateOrigin::File);
    QCOMPARE(rally.sources.size(), 1);
    QCOMPARE(rally.sources[0].url, QStringLiteral("https://news.example/1"));
    QCOMPARE(rally.datasetId, r.datasetId);

    const Event march = *m_catalogue->event(2);
    QCOMPARE(march.startDay, 20484); // 01/31/2026, month first
    QCOMPARE(march.notes, QStringLiteral("Two lines\nof notes"));
    QCOMPARE(march.sizeLow, 1000);
    QCOMPARE(march.sizeHigh, 2000);

    const Event vigil = *m_catalogue->event(3);
    QCOMPARE(vigil.sourceLine, 6); // the quoted newline counts as a line
    QCOMPARE(vigil.latitude, 45.6621);
    QCOMPARE(vigil.longitude, -110.5605);

    // "NA" coordinates: placed from "Charlotte, NC" by the gazetteer, and marked so.
    const Event walkout = *m_catalogue->event(4);
    QVERIFY(walkout.isPlaced());
    QCOMPARE(walkout.coordinateOrigin, CoordinateOrigin::Gazetteer);
    QCOMPARE(walkout.geoPrecision, GeoPrecision::Locality);
    QVERIFY(std::abs(*walkout.latitude - 35.227) < 0.01);
    QVERIFY(std::abs(*walkout.longitude - -80.843) < 0.01);
    QCOMPARE(walkout.sizeLow, 24);
    const Event shortRow = *m_catalogue->event(7);
    QVERIFY(!shortRow.isPlaced());
    QCOMPARE(shortRow.geoPrecision, GeoPrecision::Unplaced);

    const Event month = *m_catalogue->event(6);
    QCOMPARE(month.datePrecision, placard::DatePrecision::Month);
    QCOMPARE(month.startDay, 20485); // 2026-02-01
    QCOMPARE(month.endDay, 20512); // 2026-02-28
    QCOMPARE(month.sizeText, QStringLiteral("lots"));
    QVERIFY(!month.sizeLow);

    const Event pena = *m_catalogue->event(8);
    QCOMPARE(pena.title, QStringLiteral("Peña rally"));
    QCOMPARE(pena.locality, QStringLiteral("Española"));
    QCOMPARE(pena.sizeLow, 500);
    QVERIFY(!pena.sizeHigh);

    const QList<Dataset> datasets = m_catalogue->datasets();
    QCOMPARE(datasets.size(), 1);
    QCOMPARE(datasets[0].fileName, QStringLiteral("messy-events.csv"));
    QCOMPARE(datasets[0].records, 10);
    QCOMPARE(datasets[0].imported, 8);
    QCOMPARE(datasets[0].skipped, 2);
    QFile file(kMessy);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(datasets[0].sha256,
             QString::fromLatin1(
                 QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()));
    QCOMPARE(m_catalogue->searchText(QStringLiteral("loud")), QList<qint64>{1});
    QCOMPARE(m_catalogue->searchText(QStringLiteral("espanola")), QList<qint64>{8});
}

void TestImporter::textIndexHoldsTheImportedWords()
{
    // An import's events go into the index with their texts joined into one; edits and
    // removals take them out with the five texts apart. Either way the index holds what one
    // built afresh from the events holds, word for word and event for event.
    Importer importer(*m_catalogue);
    ImportReport r = importer.importCsv(kMessy, {});
    QVERIFY2(r.committed, qPrintable(r.error));
    QCOMPARE(r.imported, 8);
    const QString list = writeEventList(path(u"list.csv"_s), 30);
    r = importer.importCsv(list, {});
    QVERIFY2(r.committed, qPrintable(r.error));
    QCOMPARE(r.imported, 30);
    QVERIFY2(sql::pragmaText(m_catalogue->handle(), "PRAGMA journal_mode") == u"wal"_s,
             "indexed as the desktop app and the CLI index: read on a second connection");
    test::compareWithFreshIndex(*m_catalogue);
    QCOMPARE(m_catalogue->searchText(u"espanola"_s), QList<qint64>{8});
    QCOMPARE(m_catalogue->searchText(u"comma issue3"_s), (QList<qint64>{12, 19, 26, 33}));
    QCOMPARE(m_catalogue->searchText(u"town 17"_s), QList<qint64>{26});

    QString error;
    Event edited = *m_catalogue->event(12);
    edited.title = u"Vigil at the capitol"_s;
    edited.issues = {u"housing"_s};
    QVERIFY2(m_catalogue->updateEvent(edited, &error), qPrintable(error));
    QVERIFY2(m_catalogue->deleteEvents({1, 8, 20}, &error), qPrintable(error));
    test::compareWithFreshIndex(*m_catalogue);
    QCOMPARE(m_catalogue->searchText(u"espanola"_s), QList<qint64>{});
    QCOMPARE(m_catalogue->searchText(u"comma issue3"_s), (QList<qint64>{19, 26, 33}));
    QCOMPARE(m_catalogue->searchText(u"capitol housing"_s), QList<qint64>{12});

    QVERIFY2(m_catalogue->removeDataset(2, &error), qPrintable(error));
    test::compareWithFreshIndex(*m_catalogue);
    QCOMPARE(m_catalogue->searchText(u"comma"_s), QList<qint64>{});
    QVERIFY2(m_catalogue->removeDataset(1, &error), qPrintable(error));
    QCOMPARE(test::indexWords(m_catalogue->handle(), "main", "events_fts"), QStringList());
}

void TestImporter::messyProblems()
{
    Importer importer(*m_catalogue);
    const ImportReport r = importer.importCsv(kMessy, {});
    QVERIFY(r.committed);
    QStringList got;
    for (const ImportProblem &p : r.problems)
        got << QStringLiteral("%1:%2 %3 [%4]%5")
                   .arg(p.line)
                   .arg(p.column)
                   .arg(p.message, p.value, p.skipped ? QStringLiteral(" skipped") : QString());
    const QStringList expected{
        QStringLiteral("5:1 unreadable date (not a date): the row is skipped [not a date] skipped"),
        QStringLiteral("6:7 latitude and longitude were swapped; exchanged [-110.5605, 45.6621]"),
        QStringLiteral("8:8 longitude 200 out of range: the event is kept unplaced [95, 200]"),
        QStringLiteral("9:1 duplicate of event 1; skipped [] skipped"),
        QStringLiteral("10:9 crowd size not understood; the text is kept [lots]"),
        QStringLiteral("11:4 3 fields where the header has 13 []"),
    };
    QCOMPARE(got, expected);
    QCOMPARE(r.problemCount, 6);
    const QList<ImportProblem> stored = m_catalogue->problems(r.datasetId);
    QCOMPARE(stored.size(), 6);
    QCOMPARE(stored[2].line, 8);
    QCOMPARE(stored[2].column, 8);
    QCOMPARE(stored[2].value, QStringLiteral("95, 200"));
}

void TestImporter::duplicatesAcrossImports_data()
{
    QTest::addColumn<DuplicatePolicy>("policy");
    QTest::addColumn<qint64>("imported");
    QTest::addColumn<qint64>("skipped");
    QTest::addColumn<qint64>("events");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("tags");
    // A tag only the skipped rows name is not kept, naming no event.
    const QStringList first{QStringLiteral("immigration"), QStringLiteral("issue0"),
                            QStringLiteral("issue1"), QStringLiteral("issue2")};
    const QStringList both = first + QStringList{QStringLiteral("retold")};
    QTest::newRow("skip") << DuplicatePolicy::Skip << qint64(0) << qint64(3) << qint64(3)
                          << QStringLiteral("Protest number 1") << first;
    QTest::newRow("keep") << DuplicatePolicy::Keep << qint64(3) << qint64(0) << qint64(6)
                          << QStringLiteral("Protest number 1") << both;
    QTest::newRow("update") << DuplicatePolicy::Update << qint64(3) << qint64(0) << qint64(3)
                            << QStringLiteral("Second telling of 1") << both;
}

void TestImporter::duplicatesAcrossImports()
{
    QFETCH(DuplicatePolicy, policy);
    QFETCH(qint64, imported);
    QFETCH(qint64, skipped);
    QFETCH(qint64, events);
    QFETCH(QString, title);
    QFETCH(QStringList, tags);
    const QString first = writeEventList(path(QStringLiteral("a.csv")), 3);
    QFile second(path(QStringLiteral("b.csv")));
    QVERIFY(second.open(QIODevice::WriteOnly));
    // The same events told again: same day, type and place name, points 100 m away.
    second.write("date,locality,state,type,title,issues,lat,lon\n"
                 "2020-01-01,Town 0,MN,protest,Second telling of 0,retold,40.0009,-100.0\n"
                 "2020-01-02,Town 1,MN,protest,Second telling of 1,retold,40.0109,-100.0\n"
                 "2020-01-03,Elsewhere,MN,protest,Second telling of 2,,40.0209,-100.0\n");
    second.close();
    Importer importer(*m_catalogue);
    QVERIFY(importer.importCsv(first, {}).committed);
    ImportOptions options;
    options.duplicates = policy;
    const ImportReport r = importer.importCsv(second.fileName(), options);
    QVERIFY2(r.committed, qPrintable(r.error));
    QCOMPARE(r.records, 3);
    QCOMPARE(r.duplicates, 3); // the third by distance, under 1 km
    QCOMPARE(r.imported, imported);
    QCOMPARE(r.skipped, skipped);
    QCOMPARE(m_catalogue->eventCount(), events);
    QCOMPARE(m_catalogue->event(2)->title, title);
    QStringList stored;
    for (sql::Statement names(m_catalogue->handle(), "SELECT name FROM tags ORDER BY name");
         names.next();)
        stored << names.text(0);
    QCOMPARE(stored, tags);
    if (policy == DuplicatePolicy::Update) {
        QCOMPARE(m_catalogue->event(2)->datasetId, 1); // stays with the first import
        QCOMPARE(m_catalogue->searchText(QStringLiteral("telling")), (QList<qint64>{1, 2, 3}));
    }
}

void TestImporter::tagsReadAsFromLists_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("events");
    QTest::addColumn<QStringList>("firstTags"); // the first event's, as kind:name
    QTest::addColumn<QString>("firstSize");
    // Two columns of organisers, repeats across them and within a cell in other cases,
    // '|' and ';', spaces, a column empty in one row.
    QTest::newRow("organisers in two columns")
        << QByteArray("date,locality,state,type,title,actors,organizations,participants,issues,"
                      "lat,lon\n"
                      "2024-01-01,Town A,MN,protest,T1,Org A; org b,ORG B; Org C,"
                      "students|Students;teachers, Energy; energy ; economy,44.0,-93.0\n"
                      "2024-01-02,Town B,MN,protest,T2,,org a;Org D,,climate,44.1,-93.0\n"
                      "2024-01-03,Town C,MN,rally,T3,Org D,,,,44.2,-93.0\n")
        << 3 << QStringList{QStringLiteral("0:Energy"),  QStringLiteral("0:economy"),
                            QStringLiteral("1:Org A"),   QStringLiteral("1:Org C"),
                            QStringLiteral("1:org b"),   QStringLiteral("2:students"),
                            QStringLiteral("2:teachers")}
        << QString();
    // ACLED: the first "crowd size=" tag is the size, a second one stays a tag.
    const QByteArray acledHeader =
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
        "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
        "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
        "source,source_scale,notes,fatalities,tags,timestamp\n";
    const auto acledRow = [](const char *id, const char *day, const char *assoc, const char *tags) {
        return QByteArray(id) + ',' + day + ",2024,1,Demonstrations,Protests,Peaceful protest," +
            "Protesters (France)," + assoc + ",6,,,,60,,250,Europe,France,Ile-de-France,Paris,," +
            "Paris,48.8566,2.3522,1,Le Monde,National,A march.,0,\"" + tags + "\",1700000000\n";
    };
    QTest::newRow("ACLED crowd size among the tags")
        << acledHeader +
            acledRow("FRA1", "2024-03-01", "\"CGT; Students (France)\"",
                     "crowd size=around 200; women; Crowd Size=50") +
            acledRow("FRA2", "2024-03-02", "CGT", "women; crowd size=no report")
        << 2
        << QStringList{QStringLiteral("1:CGT"), QStringLiteral("1:Protesters (France)"),
                       QStringLiteral("1:Students (France)"), QStringLiteral("4:Crowd Size=50"),
                       QStringLiteral("4:women")}
        << QStringLiteral("around 200");
}

void TestImporter::tagsReadAsFromLists()
{
    // An import reads tags as views of the record's text unless a duplicate may update an
    // event (then as lists of strings, for the writer). Both give the same events and tags.
    QFETCH(QByteArray, csv);
    QFETCH(int, events);
    QFETCH(QStringList, firstTags);
    QFETCH(QString, firstSize);
    QFile file(path(QStringLiteral("tags.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();
    QString error;
    std::unique_ptr<Catalogue> lists = Catalogue::create(path(QStringLiteral("l.placard")), &error);
    QVERIFY2(lists, qPrintable(error));
    ImportOptions update;
    update.duplicates = DuplicatePolicy::Update;
    ImportOptions keep;
    keep.duplicates = DuplicatePolicy::Keep;
    const ImportReport byViews = Importer(*m_catalogue).importCsv(file.fileName(), keep);
    const ImportReport byLists = Importer(*lists).importCsv(file.fileName(), update);
    QVERIFY2(byViews.committed, qPrintable(byViews.error));
    QVERIFY2(byLists.committed, qPrintable(byLists.error));
    QCOMPARE(byViews.imported, events);
    QCOMPARE(byLists.imported, events);
    const auto tagsOf = [](Catalogue &c) {
        QStringList out;
        for (sql::Statement t(c.handle(), "SELECT id, kind, name FROM tags ORDER BY id"); t.next();)
            out << QStringLiteral("%1 %2:%3").arg(t.int64(0)).arg(t.int64(1)).arg(t.text(2));
        return out;
    };
    QCOMPARE(tagsOf(*m_catalogue), tagsOf(*lists));
    for (qint64 id = 1; id <= events; ++id) {
        std::optional<Event> a = m_catalogue->event(id);
        std::optional<Event> b = lists->event(id);
        QVERIFY(a && b);
        a->createdAt = b->createdAt; // the imports' own times
        a->updatedAt = b->updatedAt;
        QCOMPARE(*a, *b);
    }
    const Event first = *m_catalogue->event(1);
    QStringList named;
    for (const auto &[kind, list] :
         {std::pair{0, &first.issues}, std::pair{1, &first.actors},
          std::pair{2, &first.participants}, std::pair{4, &first.tags}}) {
        for (const QString &name : *list)
            named << QStringLiteral("%1:%2").arg(kind).arg(name);
    }
    named.sort();
    QCOMPARE(named, firstTags); // sorted by code point
    QCOMPARE(first.sizeText, firstSize);
}

void TestImporter::expectedRecordsSlightlyOver_data()
{
    QTest::addColumn<int>("sampled");
    QTest::addColumn<qint64>("position");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("expected");
    // The sample's share of the file, and a twentieth more.
    QTest::newRow("2,000 of a fiftieth")
        << 2000 << qint64(520000) << qint64(26000000) << qint64(105000);
    QTest::newRow("100 of a tenth") << 100 << qint64(1000) << qint64(10000) << qint64(1050);
    QTest::newRow("the whole file sampled") << 300 << qint64(9000) << qint64(9000) << qint64(300);
    QTest::newRow("size unknown") << 300 << qint64(9000) << qint64(-1) << qint64(300);
    QTest::newRow("nothing sampled") << 0 << qint64(0) << qint64(9000) << qint64(0);
}

void TestImporter::expectedRecordsSlightlyOver()
{
    QFETCH(int, sampled);
    QFETCH(qint64, position);
    QFETCH(qint64, total);
    QFETCH(qint64, expected);
    ImportPlan plan;
    plan.sample.resize(std::size_t(sampled));
    QCOMPARE(expectedRecords(ReadSoFar(position, total), plan), expected);
}

void TestImporter::catalogueEventsReadOnASecondThread()
{
    // The catalogue's events go into the duplicate index the same, read on this thread or
    // on a second one through a reader, over several blocks: each found as itself.
    Importer importer(*m_catalogue);
    QVERIFY(
        importer.importCsv(writeEventList(path(QStringLiteral("list.csv")), 2500), {}).committed);
    QCOMPARE(m_catalogue->eventCount(), 2500);
    DuplicateIndex here;
    addCatalogueEvents(m_catalogue->handle(), here);
    DuplicateIndex beside;
    const sql::Connection reader = m_catalogue->openReader();
    QVERIFY(reader);
    addCatalogueEvents(m_catalogue->handle(), beside, reader.get());
    for (qint64 id = 1; id <= 2500; ++id) {
        const DuplicateIndex::Keys keys = DuplicateIndex::keysFor(*m_catalogue->event(id));
        QCOMPARE(here.find(keys).value_or(DuplicateIndex::Match{}).id, id);
        QCOMPARE(beside.find(keys).value_or(DuplicateIndex::Match{}).id, id);
    }
}

void TestImporter::duplicatesWithinOneFile_data()
{
    QTest::addColumn<DuplicatePolicy>("policy");
    QTest::addColumn<qint64>("events");
    QTest::addColumn<QString>("message");
    QTest::newRow("skip") << DuplicatePolicy::Skip << qint64(3000)
                          << QStringLiteral("duplicate of event %1; skipped");
    QTest::newRow("keep") << DuplicatePolicy::Keep << qint64(3003)
                          << QStringLiteral("duplicate of event %1; kept both");
    QTest::newRow("update") << DuplicatePolicy::Update << qint64(3000)
                            << QStringLiteral("duplicate of event %1; updated it");
}

void TestImporter::duplicatesWithinOneFile()
{
    // Rows told again later in the same file, thousands of rows (several batches) after
    // their first telling, and one told again twice: each names the event it repeats, by
    // the id that event got, whatever the policy.
    QFETCH(DuplicatePolicy, policy);
    QFETCH(qint64, events);
    QFETCH(QString, message);
    Importer importer(*m_catalogue);
    QVERIFY(importer.importCsv(kMessy, {}).committed); // ids of this file start after these
    const qint64 before = m_catalogue->eventCount();
    const QString file = writeEventList(path(QStringLiteral("again.csv")), 3000);
    QFile f(file);
    QVERIFY(f.open(QIODevice::Append));
    // Rows 5, 1200 and 5 again (0-based), each with another title.
    for (const int i : {5, 1200, 5})
        f.write(QStringLiteral("%1,Town %2,MN,protest,Retold %2,,,%3,%4,\n")
                    .arg(QDate(2020, 1, 1).addDays(i % 1500).toString(Qt::ISODate))
                    .arg(i)
                    .arg(40.0 + (i % 1000) * 0.01, 0, 'f', 4)
                    .arg(-100.0 + (i / 1000) * 0.05, 0, 'f', 4)
                    .toUtf8());
    f.close();
    ImportOptions options;
    options.duplicates = policy;
    const ImportReport r = importer.importCsv(file, options);
    QVERIFY2(r.committed, qPrintable(r.error));
    QCOMPARE(r.records, 3003);
    QCOMPARE(r.duplicates, 3);
    QCOMPARE(m_catalogue->eventCount(), before + events);
    const qint64 first = before + 1; // the id of row 0 of this file
    QStringList messages;
    for (const ImportProblem &p : r.problems) {
        if (p.message.startsWith(u"duplicate"))
            messages << p.message;
    }
    // With "keep", the first retelling of row 5 is an event too (the file's row 3000), and
    // the second retelling is found as a repeat of it, the latest.
    const qint64 secondMatch = policy == DuplicatePolicy::Keep ? first + 3000 : first + 5;
    QCOMPARE(
        messages,
        (QStringList{message.arg(first + 5), message.arg(first + 1200), message.arg(secondMatch)}));
    const QString expected = policy == DuplicatePolicy::Update ? QStringLiteral("Retold 5")
                                                               : QStringLiteral("Protest number 5");
    QCOMPARE(m_catalogue->event(first + 5)->title, expected);
    if (policy == DuplicatePolicy::Keep) {
        QCOMPARE(m_catalogue->event(first + 3000)->title, QStringLiteral("Retold 5"));
        QCOMPARE(m_catalogue->event(first + 3002)->title, QStringLiteral("Retold 5"));
    }
}

void TestImporter::cancelLeavesCatalogueAsItWas()
{
    Importer importer(*m_catalogue);
    QVERIFY(importer.importCsv(kMessy, {}).committed);
    const QString before = contentDump(*m_catalogue);
    const QString big = writeEventList(path(QStringLiteral("big.csv")), 20000);

    std::atomic_bool cancel{false};
    int calls = 0;
    int indexing = 0;
    importer.setIndexingStarted([&] { ++indexing; });
    const ImportReport r = importer.importCsv(big, {}, &cancel, [&](qint64 done, qint64 total) {
        QVERIFY(done > 0 && done <= total);
        if (++calls == 3)
            cancel = true; // midway: some thousands of rows are written by now
    });
    QVERIFY(r.cancelled);
    QVERIFY(!r.committed);
    QCOMPARE(r.error, big + QStringLiteral(": cancelled; the catalogue is unchanged"));
    QCOMPARE(calls, 3);
    QCOMPARE(indexing, 0); // stopped before its events were committed
    QCOMPARE(contentDump(*m_catalogue), before);
    QCOMPARE(m_catalogue->integrityProblems(), QString());

    // Cancelled once the events are committed, while their text is indexed: taken back out.
    cancel = false;
    importer.setIndexingStarted([&] {
        ++indexing;
        cancel = true;
    });
    const ImportReport late = importer.importCsv(big, {}, &cancel);
    QCOMPARE(indexing, 1);
    QVERIFY(late.cancelled);
    QVERIFY(!late.committed);
    QCOMPARE(late.error, r.error);
    QCOMPARE(contentDump(*m_catalogue), before);
    QCOMPARE(m_catalogue->integrityProblems(), QString());

    // And the same import, not cancelled, goes through afterwards, its indexing announced
    // once every row was read.
    qint64 lastDone = 0;
    importer.setIndexingStarted([&] {
        ++indexing;
        QCOMPARE(lastDone, QFileInfo(big).size());
    });
    const ImportReport again =
        importer.importCsv(big, {}, nullptr, [&](qint64 done, qint64) { lastDone = done; });
    QVERIFY(again.committed);
    QCOMPARE(again.imported, 20000);
    QCOMPARE(indexing, 2);
    QCOMPARE(m_catalogue->searchText(QStringLiteral("loud")).size(), 1);
}

void TestImporter::undoAndRedoRunOffTheCallingThread()
{
    // An import as an undoable step: its undo and redo run inside the runner given (a
    // window's runs them on another thread), each through a connection of its own, and the
    // window's catalogue hears of the change.
    Importer importer(*m_catalogue);
    const ImportReport r =
        importer.importCsv(writeEventList(path(QStringLiteral("u.csv")), 20), {});
    QVERIFY(r.committed);
    ImportCommand command(m_catalogue.get(), path(QStringLiteral("u.csv")), {}, r.datasetId);
    QStringList said;
    QList<bool> elsewhere;
    command.setRunner([&](const QString &what, const std::function<void()> &work) {
        said << what;
        const auto caller = std::this_thread::get_id();
        std::thread([&] {
            elsewhere << (std::this_thread::get_id() != caller);
            work();
        }).join();
    });
    QSignalSpy changed(m_catalogue.get(), &Catalogue::changed);
    command.undo();
    QCOMPARE(m_catalogue->eventCount(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<Catalogue::ChangeKind>(), Catalogue::ChangeKind::Reset);
    command.redo();
    QCOMPARE(m_catalogue->eventCount(), 20);
    QCOMPARE(m_catalogue->datasets().size(), 1);
    QCOMPARE(said,
             (QStringList{QStringLiteral("Removing the events of u.csv…"),
                          QStringLiteral("Importing u.csv again…")}));
    QCOMPARE(elsewhere, (QList<bool>{true, true}));
    QCOMPARE(m_catalogue->searchText(QStringLiteral("protest")).size(),
             qsizetype(m_catalogue->eventCount()));
}

void TestImporter::undoImport()
{
    Importer importer(*m_catalogue);
    QVERIFY(importer.importCsv(kMessy, {}).committed);
    const QString before = contentDump(*m_catalogue);
    const ImportReport r =
        importer.importCsv(writeEventList(path(QStringLiteral("e.csv")), 50), {});
    QVERIFY(r.committed);
    QCOMPARE(m_catalogue->eventCount(), 58);
    QVERIFY(m_catalogue->removeDataset(r.datasetId));
    QCOMPARE(m_catalogue->eventCount(), 8);
    // Its events go, with their tags and sources, and so do the tags no event uses now.
    sql::Statement left(m_catalogue->handle(),
                        "SELECT (SELECT count(*) FROM events WHERE id > 8), (SELECT count(*) FROM "
                        "tags WHERE id NOT IN (SELECT l.value FROM events, "
                        "json_each(events.tag_ids) l))");
    QVERIFY(left.next());
    QCOMPARE(left.int64(0), 0);
    QCOMPARE(left.int64(1), 0);
    QCOMPARE(m_catalogue->searchText(QStringLiteral("protest")), (QList<qint64>{5, 6, 7}));
    Q_UNUSED(before);
}

void TestImporter::killedImportLeavesNoTrace_data()
{
    QTest::addColumn<bool>("shared");
    // Alone, the import writes into the file with a rollback journal beside it; with
    // another connection open, into the write-ahead log.
    QTest::newRow("catalogue alone: direct") << false;
    QTest::newRow("catalogue open elsewhere: logged") << true;
}

void TestImporter::killedImportLeavesNoTrace()
{
    QFETCH(bool, shared);
    const QString cli = QStringLiteral(PLACARD_BINARY_DIR "/app/cli/placard-cli");
    if (!QFile::exists(cli))
        QSKIP("placard-cli is not built");
    const QString file = path(QStringLiteral("c.placard"));
    Importer importer(*m_catalogue);
    QVERIFY(importer.importCsv(kMessy, {}).committed);
    if (!shared)
        m_catalogue.reset();
    const qint64 sizeBefore = QFileInfo(file).size();
    const QString big = writeEventList(path(QStringLiteral("huge.csv")), 300000);

    QProcess child;
    child.start(cli, {QStringLiteral("import"), big, QStringLiteral("--catalogue"), file});
    QVERIFY(child.waitForStarted());
    // Kill it while its import transaction grows the file or the write-ahead log.
    const auto writing = [&] {
        if (shared)
            return QFileInfo(file + QStringLiteral("-wal")).size() >= 4 * 1024 * 1024;
        return QFileInfo::exists(file + QStringLiteral("-journal")) &&
            QFileInfo(file).size() >= sizeBefore + 4 * 1024 * 1024;
    };
    QElapsedTimer timer;
    timer.start();
    while (!writing() && timer.elapsed() < 60000 && child.state() == QProcess::Running)
        QThread::msleep(5);
    QCOMPARE(child.state(), QProcess::Running);
    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished());
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QCOMPARE(QFileInfo::exists(file + QStringLiteral("-journal")), !shared);

    m_catalogue.reset();
    QString error;
    auto reopened = Catalogue::open(file, &error);
    QVERIFY2(reopened, qPrintable(error));
    QCOMPARE(reopened->integrityProblems(), QString());
    QCOMPARE(reopened->eventCount(), 8);
    QCOMPARE(reopened->datasets().size(), 1);
    QCOMPARE(sql::pragmaText(reopened->handle(), "PRAGMA journal_mode"), QStringLiteral("wal"));
}

void TestImporter::cliListsAndRemovesImports()
{
    const QString cli = QStringLiteral(PLACARD_BINARY_DIR "/app/cli/placard-cli");
    if (!QFile::exists(cli))
        QSKIP("placard-cli is not built");
    const QString file = path(QStringLiteral("c.placard"));
    Importer importer(*m_catalogue);
    const ImportReport messy = importer.importCsv(kMessy, {});
    QVERIFY(messy.committed);
    const ImportReport ten =
        importer.importCsv(writeEventList(path(QStringLiteral("ten.csv")), 10), {});
    QVERIFY(ten.committed);
    m_catalogue.reset();
    const auto run = [&](const QStringList &args, int *exitCode = nullptr) {
        QProcess child;
        child.start(cli, QStringList{QStringLiteral("--catalogue"), file} + args);
        child.waitForFinished(60000);
        if (exitCode)
            *exitCode = child.exitCode();
        return std::pair(QString::fromUtf8(child.readAllStandardOutput()),
                         QString::fromUtf8(child.readAllStandardError()));
    };

    const QJsonArray listed =
        QJsonDocument::fromJson(
            run({QStringLiteral("datasets"), QStringLiteral("--json")}).first.toUtf8())
            .array();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed[0][QStringLiteral("id")].toInteger(), messy.datasetId);
    QCOMPARE(listed[0][QStringLiteral("file")].toString(), QStringLiteral("messy-events.csv"));
    QCOMPARE(listed[0][QStringLiteral("records")].toInteger(), messy.records);
    QCOMPARE(listed[0][QStringLiteral("imported")].toInteger(), messy.imported);
    QCOMPARE(listed[0][QStringLiteral("events")].toInteger(), 8);
    QCOMPARE(listed[1][QStringLiteral("id")].toInteger(), ten.datasetId);
    QCOMPARE(listed[1][QStringLiteral("file")].toString(), QStringLiteral("ten.csv"));
    QCOMPARE(listed[1][QStringLiteral("records")].toInteger(), 10);
    QCOMPARE(listed[1][QStringLiteral("events")].toInteger(), 10);
    QCOMPARE(listed[1][QStringLiteral("sha256")].toString().size(), 64);

    int code = -1;
    const auto [removed, quiet] = run(
        {QStringLiteral("datasets"), QStringLiteral("--remove"), QString::number(ten.datasetId)},
        &code);
    QCOMPARE(code, 0);
    QCOMPARE(removed.trimmed(),
             QStringLiteral("Removed import %1 (ten.csv) and its 10 events").arg(ten.datasetId));
    const auto [unknown, why] =
        run({QStringLiteral("datasets"), QStringLiteral("--remove"), QStringLiteral("99")}, &code);
    QCOMPARE(code, 1);
    QVERIFY2(why.contains(QStringLiteral("no import 99 in ") + file), qPrintable(why));

    QString error;
    auto reopened = Catalogue::open(file, &error);
    QVERIFY2(reopened, qPrintable(error));
    QCOMPARE(reopened->eventCount(), 8);
    QCOMPARE(reopened->datasets().size(), 1);
    QCOMPARE(reopened->integrityProblems(), QString());
    const QStringList lines = run({QStringLiteral("datasets")}).first.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[1].endsWith(QStringLiteral("messy-events.csv")), qPrintable(lines[1]));
}

void TestImporter::sampleCatalogue()
{
    const QString file = path(QStringLiteral("sample.placard"));
    QString error;
    QVERIFY2(buildSampleCatalogue(file, &error), qPrintable(error));
    auto sample = Catalogue::open(file, &error);
    QVERIFY(sample);
    QCOMPARE(sample->eventCount(), 16);
    QCOMPARE(sample->unplacedCount(), 0);
    QCOMPARE(sample->problems(1).size(), 0);
    const QList<qint64> milan = sample->searchText(QStringLiteral("olympic"));
    QCOMPARE(milan.size(), 1);
    const Event e = *sample->event(milan[0]);
    QCOMPARE(e.locality, QStringLiteral("Milano"));
    QCOMPARE(e.country, QStringLiteral("IT"));
    const QList<qint64> planned = sample->searchText(QStringLiteral("kings"));
    QCOMPARE(planned.size(), 1);
    QCOMPARE(sample->event(planned[0])->status, EventStatus::Planned);
    QCOMPARE(sample->event(planned[0])->startDay, 20540); // 2026-03-28
    QVERIFY(!buildSampleCatalogue(file, &error));
    QCOMPARE(error, file + QStringLiteral(": the file exists already"));
}

void TestImporter::placesNamesOnly()
{
    QFile f(path(QStringLiteral("names.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("date,location,type\n"
            "2026-01-30,\"St. Paul, MN\",protest\n"
            "2026-01-30,Twin Cities,protest\n"
            "2026-01-30,Colorado,protest\n"
            "2026-01-30,\"Milano, Italia\",protest\n"
            "2026-01-30,France,march\n"
            "2026-01-30,(national),walkout\n"
            "2026-01-30,Qwxzzyq,protest\n");
    f.close();
    Importer importer(*m_catalogue);
    const ImportReport r = importer.importCsv(f.fileName(), {});
    QVERIFY2(r.committed, qPrintable(r.error));
    QCOMPARE(r.records, 7);
    QCOMPARE(r.imported, 7);
    QCOMPARE(r.geocoded, (std::array<qint64, 3>{3, 1, 1}));
    QCOMPARE(r.unplaced, 2);
    const Event stPaul = *m_catalogue->event(1);
    QCOMPARE(stPaul.coordinateOrigin, CoordinateOrigin::Gazetteer);
    QCOMPARE(stPaul.geoPrecision, GeoPrecision::Locality);
    QVERIFY(std::abs(*stPaul.latitude - 44.944) < 0.02);
    QCOMPARE(m_catalogue->event(3)->geoPrecision, GeoPrecision::Admin1);
    QCOMPARE(m_catalogue->event(5)->geoPrecision, GeoPrecision::Country);
    QStringList unplaced;
    for (const ImportProblem &p : r.problems)
        unplaced << QStringLiteral("%1:%2 %3").arg(p.line).arg(p.column).arg(p.message);
    QCOMPARE(unplaced,
             (QStringList{
                 QStringLiteral("7:2 not placed: not a single place (\"(national)\")"),
                 QStringLiteral("8:2 not placed: no place called \"Qwxzzyq\" in the gazetteer"),
             }));
    QCOMPARE(r.toJson()
                 .value(QStringLiteral("geocoded"))
                 .toObject()
                 .value(QStringLiteral("admin1"))
                 .toInt(),
             1);

    // Turned off, nothing is placed.
    ImportOptions off;
    off.geocode = false;
    off.duplicates = DuplicatePolicy::Keep;
    const ImportReport r2 = importer.importCsv(f.fileName(), off);
    QCOMPARE(r2.unplaced, 7);
    QCOMPARE(r2.geocoded, (std::array<qint64, 3>{0, 0, 0}));
}

void TestImporter::namesWithNulCharacters()
{
    // Types and tags that differ only after a NUL: SQLite compares names only up to one, so
    // kept, they made two names one and the import failed on the second. The NULs are left
    // out and said where.
    QFile f(path(QStringLiteral("nul.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    const char data[] = "date,city,type,tags\n"
                        "2024-01-01,Oslo,rally\0 14,climate\0 a\n"
                        "2024-01-02,Bergen,rally\0 39,climate\0 b\n";
    f.write(data, sizeof data - 1);
    f.close();
    Importer importer(*m_catalogue);
    const ImportReport r = importer.importCsv(f.fileName(), {});
    QVERIFY2(r.committed, qPrintable(r.error));
    QCOMPARE(r.records, 2);
    QCOMPARE(r.imported, 2);
    QCOMPARE(m_catalogue->event(1)->type, u"rally 14"_s);
    QCOMPARE(m_catalogue->event(2)->type, u"rally 39"_s);
    QCOMPARE(m_catalogue->event(2)->tags, QStringList{u"climate b"_s});
    QStringList notes;
    for (const ImportProblem &p : r.problems) {
        if (p.message.contains(u"NUL"))
            notes << QStringLiteral("%1:%2 %3").arg(p.line).arg(p.column).arg(p.value);
    }
    QCOMPARE(notes,
             (QStringList{u"2:3 rally 14"_s, u"2:4 climate a"_s, u"3:3 rally 39"_s,
                          u"3:4 climate b"_s}));
}

void TestImporter::catalogueBusyNamesBoth()
{
    // Another program writing to the catalogue: the message names the file that was not
    // imported and the catalogue that could not be written, and nothing changes.
    QFile f(path(QStringLiteral("busy.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("date,city,type\n2024-01-01,Oslo,rally\n");
    f.close();
    sqlite3_busy_timeout(m_catalogue->handle(), 50); // not the usual five seconds' wait
    sql::Connection writer;
    {
        sqlite3 *raw = nullptr;
        QCOMPARE(sqlite3_open_v2(m_catalogue->path().toUtf8().constData(), &raw,
                                 SQLITE_OPEN_READWRITE, nullptr),
                 SQLITE_OK);
        writer = sql::Connection(raw);
    }
    QVERIFY(sql::exec(writer.get(), "BEGIN IMMEDIATE"));
    Importer importer(*m_catalogue);
    const ImportReport r = importer.importCsv(f.fileName(), {});
    QVERIFY(!r.committed);
    QCOMPARE(r.error,
             QStringLiteral("%1: not imported: cannot write to %2: database is locked")
                 .arg(f.fileName(), m_catalogue->path()));
    QVERIFY(sql::exec(writer.get(), "ROLLBACK"));
    QCOMPARE(m_catalogue->eventCount(), 0);
    QCOMPARE(m_catalogue->datasets().size(), 0);
}

void TestImporter::unknownTownsAreNotDuplicates()
{
    // Two towns the gazetteer does not know, in one state, on one day: both are placed at
    // the state's centroid, and stay two events (a state's centroid is no place). Two rows
    // of one known town that day are one event.
    QFile f(path(QStringLiteral("towns.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("date,locality,state,type\n"
            "2026-01-30,Zzyzxtown,MA,protest\n"
            "2026-01-30,Qqqvilleburg,MA,protest\n"
            "2026-01-30,Worcester,MA,protest\n"
            "2026-01-30,Worcester,MA,protest\n");
    f.close();
    Importer importer(*m_catalogue);
    ImportOptions options;
    options.duplicates = DuplicatePolicy::Skip;
    const ImportReport r = importer.importCsv(f.fileName(), options);
    QVERIFY2(r.committed, qPrintable(r.error));
    QCOMPARE(r.records, 4);
    QCOMPARE(r.imported, 3);
    QCOMPARE(r.duplicates, 1);
    QCOMPARE(r.geocoded, (std::array<qint64, 3>{1, 2, 0})); // of the events imported
    QCOMPARE(m_catalogue->event(1)->geoPrecision, GeoPrecision::Admin1);
    QCOMPARE(m_catalogue->event(2)->geoPrecision, GeoPrecision::Admin1);
    QCOMPARE(*m_catalogue->event(1)->latitude, *m_catalogue->event(2)->latitude);

    // Imported again, every row duplicates one in the catalogue, the two unknown towns by
    // their names.
    const ImportReport again = importer.importCsv(f.fileName(), options);
    QVERIFY2(again.committed, qPrintable(again.error));
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.duplicates, 4);
}

// Great-circle metres on the sphere the importer assumes (mean radius 6371008.8 m).
static double metresBetween(double lat1, double lon1, double lat2, double lon2)
{
    const double rad = std::numbers::pi / 180.0;
    const double s1 = std::sin((lat2 - lat1) * rad / 2);
    const double s2 = std::sin((lon2 - lon1) * rad / 2);
    const double a = s1 * s1 + std::cos(lat1 * rad) * std::cos(lat2 * rad) * s2 * s2;
    return 2 * 6371008.8 * std::asin(std::min(1.0, std::sqrt(a)));
}

void TestImporter::duplicatePointsWithinOneKilometre()
{
    // Points scattered over some 9 km around centres from the equator to near the pole,
    // on both sides of the antimeridian; every query is answered as a search of all points
    // would answer it: a match exactly when a point of the same group lies within 1 km.
    QRandomGenerator random(7);
    const QList<QPointF> centres{{0, 0},        {0.01, 179.995}, {-0.01, -179.995},
                                 {40.0, -93.0}, {-33.9, 18.4},   {64.1, -21.9},
                                 {78.2, 15.6},  {-85.0, 120.0},  {89.995, 0}};
    struct Stored {
        DuplicateIndex::Keys keys;
        qint64 id;
    };
    std::vector<Stored> stored;
    DuplicateIndex index;
    const auto near = [&](const QPointF &c) {
        DuplicateIndex::Keys k;
        k.placed = true;
        k.group = 1 + random.bounded(2);
        const double spread = 0.08;
        k.latitude = std::clamp(c.x() + (random.generateDouble() - 0.5) * spread, -90.0, 90.0);
        const double cosLat = std::max(0.02, std::cos(k.latitude * std::numbers::pi / 180));
        double lon = c.y() + (random.generateDouble() - 0.5) * spread / cosLat;
        if (lon > 180)
            lon -= 360;
        if (lon < -180)
            lon += 360;
        k.longitude = lon;
        return k;
    };
    for (const QPointF &c : centres) {
        for (int i = 0; i < 20; ++i) {
            const DuplicateIndex::Keys k = near(c);
            const qint64 id = qint64(stored.size()) + 1;
            stored.push_back({k, id});
            index.add(k, {id});
        }
    }
    int matches = 0;
    int misses = 0;
    for (const QPointF &c : centres) {
        for (int i = 0; i < 400; ++i) {
            const DuplicateIndex::Keys q = near(c);
            bool expected = false;
            for (const Stored &s : stored) {
                expected = expected ||
                    (s.keys.group == q.group &&
                     metresBetween(q.latitude, q.longitude, s.keys.latitude, s.keys.longitude) <=
                         1000.0);
            }
            const std::optional<DuplicateIndex::Match> found = index.find(q);
            QCOMPARE(found.has_value(), expected);
            if (!found) {
                ++misses;
                continue;
            }
            ++matches;
            const Stored &s = stored[std::size_t(found->id - 1)];
            QCOMPARE(s.keys.group, q.group);
            QVERIFY(metresBetween(q.latitude, q.longitude, s.keys.latitude, s.keys.longitude) <=
                    1000.0);
        }
    }
    // Both answers were put to the test in numbers.
    QVERIFY2(matches > 500 && misses > 500,
             qPrintable(QStringLiteral("%1 matches, %2 misses").arg(matches).arg(misses)));
}

void TestImporter::flatTableKeepsOrderAsItGrows()
{
    // 20,000 values under some 600 keys, many of whose home slots collide, added through
    // several doublings of the table: each key gives back its values in the order added;
    // a replacing insert keeps one value per key. Room made ahead (reserve) midway, larger
    // than all that comes, changes none of it.
    FlatTable<int> many;
    FlatTable<int> one;
    FlatTable<int> reserved;
    QHash<quint64, QList<int>> expected;
    // Keys sharing home slots, and keys whose home is the table's last slots, so that runs
    // of slots wrap round to its start.
    const auto keyOf = [](int i) {
        if (i % 3 == 1)
            return ~quint64(0) - quint64(i % 7);
        return quint64(i % 600) * (i % 3 == 0 ? 1024 : 1);
    };
    for (int i = 0; i < 20000; ++i) {
        many.insert(keyOf(i), i, false);
        one.insert(keyOf(i), i, true);
        if (i == 5000)
            reserved.reserve(40000);
        reserved.insert(keyOf(i), i, false);
        expected[keyOf(i) ? keyOf(i) : 1].append(i); // 0 is kept as 1
    }
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        QList<int> got;
        many.forEach(it.key(), [&](int v) { got.append(v); });
        QCOMPARE(got, it.value());
        QList<int> gotReserved;
        reserved.forEach(it.key(), [&](int v) { gotReserved.append(v); });
        QCOMPARE(gotReserved, it.value());
        QList<int> last;
        one.forEach(it.key(), [&](int v) { last.append(v); });
        QCOMPARE(last, QList<int>{it.value().constLast()});
    }
    int none = 0;
    many.forEach(quint64(601) << 32, [&](int) { ++none; });
    QCOMPARE(none, 0);
}

void TestImporter::placesUnplacedLater()
{
    QFile f(path(QStringLiteral("later.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("date,location\n2026-01-30,\"Livingston, Montana\"\n2026-01-30,online\n");
    f.close();
    Importer importer(*m_catalogue);
    ImportOptions off;
    off.geocode = false;
    QVERIFY(importer.importCsv(f.fileName(), off).committed);
    QCOMPARE(m_catalogue->unplacedCount(), 2);
    QString error;
    auto gazetteer = geo::Gazetteer::open(geo::Gazetteer::defaultPath(), &error);
    QVERIFY2(gazetteer, qPrintable(error));
    const geo::Geocoder geocoder(gazetteer);
    QSignalSpy spy(m_catalogue.get(), &Catalogue::changed);
    const PlacingReport p = placeUnplacedEvents(*m_catalogue, geocoder);
    QCOMPARE(p.unplaced, 2);
    QCOMPARE(p.placed, (std::array<qint64, 3>{1, 0, 0}));
    QCOMPARE(p.stillUnplaced, 1);
    QCOMPARE(spy.count(), 1);
    const Event e = *m_catalogue->event(1);
    QCOMPARE(e.coordinateOrigin, CoordinateOrigin::Gazetteer);
    QVERIFY(std::abs(*e.latitude - 45.662) < 0.01);
    QCOMPARE(m_catalogue->unplacedCount(), 1);
}

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
