// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/bulkwrite.h"
#include "catalogue/catalogue.h"
#include "catalogue/eventlinks.h"
#include "catalogue/eventwriter.h"
#include "catalogue/preparedevent.h"
#include "catalogue/sqlite.h"
#include "ftsindexcheck.h"
#include "query/eventquery.h"
#include "query/filterchoices.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <thread>

using namespace placard;
using namespace placard::test;

namespace {

Event sampleEvent(int n)
{
    Event e;
    e.startDay = 20483 + n; // 2026-01-30 + n
    e.endDay = e.startDay;
    e.title = QStringLiteral("Rally %1 against ICE").arg(n);
    e.type = QStringLiteral("rally");
    e.place = QStringLiteral("Foley Square");
    e.locality = QStringLiteral("New York");
    e.admin1 = QStringLiteral("NY");
    e.country = QStringLiteral("US");
    e.latitude = 40.7142;
    e.longitude = -74.0036;
    e.geoPrecision = GeoPrecision::Exact;
    e.coordinateOrigin = CoordinateOrigin::File;
    e.sizeLow = 1000;
    e.sizeHigh = 2000;
    e.sizeText = QStringLiteral("1,000-2,000");
    e.issues = {QStringLiteral("immigration"), QStringLiteral("policing")};
    e.actors = {QStringLiteral("50501")};
    e.participants = {QStringLiteral("students")};
    e.otherTypes = {QStringLiteral("march")};
    e.tags = {QStringLiteral("solidarity")};
    e.claims = QStringLiteral("ICE out of our cities");
    e.arrests = 3;
    e.notes = QStringLiteral("Marched toward Washington Square Park.");
    e.sources = {{QStringLiteral("https://news.example/a"), QStringLiteral("Example News"),
                  QStringLiteral("2026-01-31")}};
    return e;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Changes a catalogue behind Placard's back, as a hostile file would be made.
void tamper(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    char *message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    QVERIFY2(rc == SQLITE_OK, message);
    sqlite3_exec(db, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

// Two imports without events yet: 7 indexed, 8 with its index still to be made.
bool addTwoImports(Catalogue &cat, QString *error)
{
    return sql::exec(cat.handle(),
                     "INSERT INTO datasets(id, file_name, imported_at, fts_done) "
                     "VALUES(7, 'indexed.csv', 0, 1), (8, 'pending.csv', 0, 0)",
                     error);
}

// A catalogue of three events: one entered by hand, one of an indexed import (7), one of an
// import whose index is still to be made (8), titled "Sit-in downtown".
bool createWithThreeEvents(const QString &file, QString *error)
{
    auto cat = Catalogue::create(file, error);
    if (!cat || !addTwoImports(*cat, error))
        return false;
    QList<Event> events{sampleEvent(0), sampleEvent(1), sampleEvent(2)};
    events[1].datasetId = 7;
    events[2].datasetId = 8;
    events[2].title = QStringLiteral("Sit-in downtown");
    return cat->insertEvents(events, error);
}

// Gives a catalogue of the current version the tables of tag links and sources that
// versions 1 to 3 kept, filled from its events' columns, and takes the columns out.
constexpr const char *kLinksAsTables = R"sql(
CREATE TABLE event_tags(
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id),
  PRIMARY KEY(event_id, tag_id)) WITHOUT ROWID;
CREATE TABLE sources(
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  url TEXT,
  outlet TEXT,
  published TEXT,
  PRIMARY KEY(event_id, position)) WITHOUT ROWID;
INSERT INTO event_tags SELECT e.id, l.value FROM events e, json_each(e.tag_ids) l;
INSERT INTO sources SELECT e.id, l.key, l.value->>'url', l.value->>'outlet', l.value->>'published'
  FROM events e, json_each(e.sources) l;
ALTER TABLE events DROP COLUMN sources;
ALTER TABLE events DROP COLUMN tag_ids;
)sql";

// Every event of a catalogue file, in id order.
QList<Event> eventsOf(const QString &file)
{
    QString error;
    auto cat = Catalogue::open(file, &error);
    QList<Event> events;
    if (!cat)
        return events;
    for (qint64 id : cat->eventIds())
        events << *cat->event(id);
    return events;
}

// Makes a catalogue of schema version 2 of one of the current version: its links in tables,
// its text index in five columns, holding the first two events (the third's import was not
// indexed yet).
void makeVersion2(const QString &file)
{
    tamper(file, kLinksAsTables);
    tamper(file, R"sql(
DROP TABLE events_fts;
CREATE VIRTUAL TABLE events_fts USING fts5(
  title, place, claims, notes, tags,
  content='', columnsize=0, detail=none, tokenize='unicode61 remove_diacritics 2');
INSERT INTO events_fts(rowid, title, place, tags) VALUES(1, 'Rally 0 against ICE', 'Foley', 'rally'),
  (2, 'Rally 1', 'Foley', 'rally');
PRAGMA user_version=2;
)sql");
}

} // namespace

class TestCatalogue : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void createRefusesExistingFile();
    void insertAndReadBack();
    void keptBackRowsWrittenWhole();
    void namesIgnoreCase();
    void pagesAndCounts();
    void stats();
    void libraryKeepsNoMemoryCount();
    void updateAndDelete();
    void removeDataset();
    void textSearch();
    void textIndexFollowsEveryChange();
    void removingAnImportKeepsTheOthersIndexed();
    void removingTheOnlyIndexedImportEmptiesTheIndex();
    void upgradesVersion1();
    void upgradesVersion2();
    void upgradeStopped_data();
    void upgradeStopped();
    void completingIndexTellsAndStops();
    void reopen();
    void readerConnection();
    void logCopiedBesideAWriter();
    void bulkWriteDirectWhenAlone();
    void openWhileWrittenDirectly();
    void hostile_data();
    void hostile();
    void linksWrittenByOthers();
    void linksWrittenAsJson();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const char *name) const { return m_dir->filePath(QString::fromLatin1(name)); }
};

void TestCatalogue::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCatalogue::createRefusesExistingFile()
{
    QFile f(path("x.placard"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not empty");
    f.close();
    QString error;
    QVERIFY(!Catalogue::create(f.fileName(), &error));
    QCOMPARE(error, f.fileName() + QStringLiteral(": the file exists already"));
    QCOMPARE(fileHash(f.fileName()),
             QCryptographicHash::hash("not empty", QCryptographicHash::Sha256));
}

void TestCatalogue::insertAndReadBack()
{
    QString error;
    auto cat = Catalogue::create(path("a.placard"), &error);
    QVERIFY2(cat, qPrintable(error));
    QSignalSpy spy(cat.get(), &Catalogue::changed);
    QList<Event> events{sampleEvent(0), sampleEvent(1)};
    events[1].latitude.reset();
    events[1].longitude.reset();
    events[1].geoPrecision = GeoPrecision::Unplaced;
    events[1].sizeLow.reset();
    QVERIFY2(cat->insertEvents(events, &error), qPrintable(error));
    QCOMPARE(events[0].id, 1);
    QCOMPARE(events[1].id, 2);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<Catalogue::ChangeKind>(), Catalogue::ChangeKind::Added);
    QCOMPARE(spy.at(0).at(1).value<QList<qint64>>(), (QList<qint64>{1, 2}));

    for (const Event &stored : events) {
        const std::optional<Event> back = cat->event(stored.id);
        QVERIFY(back);
        QCOMPARE(*back, stored);
    }
    QVERIFY(!cat->event(99));
    QCOMPARE(cat->unplacedCount(), 1);
}

void TestCatalogue::namesIgnoreCase()
{
    // A type or tag is one name however it is cased: the catalogue's own, and new ones as
    // first spelled; each new one is handed out once, to be written.
    QString error;
    auto cat = Catalogue::create(path("names.placard"), &error);
    QVERIFY2(cat, qPrintable(error));
    QList<Event> before{sampleEvent(0)}; // type "rally", issue "immigration"
    QVERIFY2(cat->insertEvents(before, &error), qPrintable(error));
    NameDictionary names(cat->handle());
    const qint64 rally = names.typeId(QStringLiteral("rally"));
    QCOMPARE(names.typeId(QStringLiteral("Rally")), rally);
    QCOMPARE(names.typeId(QStringLiteral("RALLY")), rally);
    const qint64 march = names.typeId(QStringLiteral("March"));
    QVERIFY(march != rally);
    QCOMPARE(names.typeId(QStringLiteral("march")), march);
    QCOMPARE(names.typeId(QStringLiteral("March")), march);
    const qint64 immigration = names.tagId(TagKind::Issue, QStringLiteral("Immigration"));
    QCOMPARE(names.tagId(TagKind::Issue, QStringLiteral("immigration")), immigration);
    QVERIFY(names.tagId(TagKind::Actor, QStringLiteral("immigration")) != immigration);
    const QList<NewName> added = names.takeNew();
    QCOMPARE(added.size(), 2);
    QCOMPARE(added[0].id, march);
    QCOMPARE(added[0].kind, -1);
    QCOMPARE(added[0].name, QStringLiteral("March"));
    QCOMPARE(added[1].kind, qint64(TagKind::Actor));
    QCOMPARE(added[1].name, QStringLiteral("immigration"));
    QCOMPARE(names.takeNew().size(), 0);
}

void TestCatalogue::keptBackRowsWrittenWhole()
{
    // The writer keeps events, links and sources back and writes many to a statement; with
    // foreign keys on, every event comes back exactly, whether it went in a full statement
    // or in the rest that flush() writes, with none to five tags and none to three sources,
    // and whether its text was packed as UTF-8 before (prepareEvent) or by the writer
    // (prepareNames leaves it to insertPrepared).
    QString error;
    auto cat = Catalogue::create(path("kept.placard"), &error);
    QVERIFY2(cat, qPrintable(error));
    QList<Event> before{sampleEvent(100)};
    QVERIFY2(cat->insertEvents(before, &error), qPrintable(error));
    sqlite3 *db = cat->handle();
    QVERIFY(sql::exec(db, "BEGIN"));
    NameDictionary names(db);
    QList<Event> expected;
    std::vector<PreparedEvent> prepared;
    prepared.reserve(75);
    for (int n = 0; n < 75; ++n) {
        Event e = sampleEvent(n);
        e.issues.clear();
        for (int k = 0; k < n % 6; ++k)
            e.issues << QStringLiteral("issue %1").arg(k);
        e.sources.clear();
        for (int k = 0; k < n % 4; ++k)
            e.sources.append({QStringLiteral("https://news.example/%1/%2").arg(n).arg(k),
                              QStringLiteral("Outlet %1").arg(k), QString()});
        if (n % 4 == 3) // text that JSON must escape, and characters beyond ASCII
            e.sources.last().published =
                QString::fromUtf8("\"quoted\" \\ back\tslash\nline \x01 Doña 東京 \U0001F4E2");
        if (n % 3 == 0) {
            e.title.clear();
            e.latitude.reset();
            e.longitude.reset();
            e.geoPrecision = GeoPrecision::Unplaced;
        }
        e.createdAt = 1767225600 + n;
        expected.append(e);
        prepared.push_back(n % 2 ? prepareNames(Event(e), names) : prepareEvent(Event(e), names));
        QCOMPARE(prepared.back().packed, n % 2 == 0);
        QCOMPARE(prepared.back().utf8.isEmpty(), n % 2 == 1);
    }
    EventWriter writer(db);
    QVERIFY2(writer.insertNames(names.takeNew()), qPrintable(writer.error()));
    for (PreparedEvent &p : prepared)
        QVERIFY2(writer.insertPrepared(p), qPrintable(writer.error()));
    QVERIFY2(writer.flush(), qPrintable(writer.error()));
    QVERIFY(sql::exec(db, "COMMIT"));

    int links = 0;
    int sources = 0;
    for (qsizetype n = 0; n < expected.size(); ++n) {
        Event &e = expected[n];
        e.id = n + 2; // after the event already there
        e.updatedAt = e.createdAt;
        QCOMPARE(prepared[std::size_t(n)].event.id, e.id);
        const std::optional<Event> back = cat->event(e.id);
        QVERIFY(back);
        QCOMPARE(*back, e);
        links += int(e.issues.size()) + 4; // the actor, participant, other type and tag
        sources += int(e.sources.size());
    }
    sql::Statement count(db,
                         "SELECT sum(json_array_length(tag_ids)), sum(json_array_length(sources)) "
                         "FROM events WHERE id > 1");
    QVERIFY(count.next());
    QCOMPARE(count.int64(0), qint64(links));
    QCOMPARE(count.int64(1), qint64(sources));
}

void TestCatalogue::pagesAndCounts()
{
    QString error;
    auto cat = Catalogue::create(path("p.placard"), &error);
    QList<Event> events;
    for (int i = 0; i < 25; ++i)
        events << sampleEvent(i);
    QVERIFY(cat->insertEvents(events, &error));
    QCOMPARE(cat->eventCount(), 25);
    QCOMPARE(cat->eventIds(0, 10), (QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    QCOMPARE(cat->eventIds(20, 10), (QList<qint64>{21, 22, 23, 24, 25}));
    QCOMPARE(cat->eventIds(25, 10), QList<qint64>{});
}

void TestCatalogue::initTestCase()
{
    QVERIFY(sql::configureLibrary()); // before any connection, as main() does
}

void TestCatalogue::libraryKeepsNoMemoryCount()
{
    // configureLibrary() turned SQLite's count of its memory off (a global mutex on every
    // allocation): a catalogue written and searched leaves it at zero.
    QString error;
    auto cat = Catalogue::create(path("memory.placard"), &error);
    QVERIFY2(cat, qPrintable(error));
    QList<Event> events{sampleEvent(0), sampleEvent(1)};
    QVERIFY2(cat->insertEvents(events, &error), qPrintable(error));
    QCOMPARE(cat->searchText(QStringLiteral("foley")), (QList<qint64>{1, 2}));
    QCOMPARE(sqlite3_memory_used(), 0);
}

void TestCatalogue::stats()
{
    // What placard-cli stats prints: totals, the date range, and counts by type, year and
    // region, each descending by count (ties by name) but the years, in order.
    QString error;
    auto cat = Catalogue::create(path("stats.placard"), &error);
    QVERIFY2(cat, qPrintable(error));
    QCOMPARE(CatalogueStats::of(*cat).events, 0);
    QVERIFY(!CatalogueStats::of(*cat).first);
    QList<Event> events{sampleEvent(0), sampleEvent(1), sampleEvent(2), sampleEvent(3)};
    events[0].type = QStringLiteral("march");
    events[0].startDay = events[0].endDay = 20148; // 2025-03-01
    events[1].type = QStringLiteral("march");
    events[1].endDay = events[1].startDay + 1; // 2026-01-31 to 2026-02-01
    events[1].admin1.clear();
    events[1].country = QStringLiteral("FR");
    events[1].latitude.reset();
    events[1].longitude.reset();
    events[2].type = QStringLiteral("vigil"); // 2026-02-01
    events[3].type.clear();
    events[3].startDay = events[3].endDay = 20088; // 2024-12-31
    events[3].admin1.clear();
    events[3].country.clear();
    events[3].longitude.reset();
    QVERIFY2(cat->insertEvents(events, &error), qPrintable(error));
    const CatalogueStats s = CatalogueStats::of(*cat);
    using Counts = QList<QPair<QString, qint64>>;
    QCOMPARE(s.events, 4);
    QCOMPARE(s.unplaced, 2);
    QCOMPARE(s.first, std::optional<QDate>(QDate(2024, 12, 31)));
    QCOMPARE(s.last, std::optional<QDate>(QDate(2026, 2, 1)));
    QCOMPARE(s.byType,
             (Counts{{QStringLiteral("march"), 2},
                     {QStringLiteral("(none)"), 1},
                     {QStringLiteral("vigil"), 1}}));
    QCOMPARE(s.byYear,
             (Counts{{QStringLiteral("2024"), 1},
                     {QStringLiteral("2025"), 1},
                     {QStringLiteral("2026"), 2}}));
    QCOMPARE(s.byRegion,
             (Counts{{QStringLiteral("US-NY"), 2},
                     {QStringLiteral("(none)"), 1},
                     {QStringLiteral("FR"), 1}}));
}

void TestCatalogue::updateAndDelete()
{
    QString error;
    auto cat = Catalogue::create(path("u.placard"), &error);
    QList<Event> events{sampleEvent(0), sampleEvent(1), sampleEvent(2)};
    QVERIFY(cat->insertEvents(events, &error));
    QSignalSpy spy(cat.get(), &Catalogue::changed);

    Event e = events[1];
    e.title = QStringLiteral("Vigil at City Hall");
    e.issues = {QStringLiteral("immigration")};
    e.sources.append({QStringLiteral("A second report"), QString(), QString()});
    QVERIFY2(cat->updateEvent(e, &error), qPrintable(error));
    const Event back = *cat->event(e.id);
    QCOMPARE(back.title, e.title);
    QCOMPARE(back.issues, e.issues);
    QCOMPARE(back.sources.size(), 2);
    QCOMPARE(back.sources[1].url, QStringLiteral("A second report"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<Catalogue::ChangeKind>(), Catalogue::ChangeKind::Updated);
    QCOMPARE(cat->searchText(QStringLiteral("vigil")), QList<qint64>{2});
    QCOMPARE(cat->searchText(QStringLiteral("against")), (QList<qint64>{1, 3}));
    QCOMPARE(cat->searchText(QStringLiteral("rally")), (QList<qint64>{1, 2, 3})); // the type

    Event missing = e;
    missing.id = 42;
    QVERIFY(!cat->updateEvent(missing, &error));
    QCOMPARE(error, QStringLiteral("no event 42"));

    QVERIFY(cat->deleteEvents({1, 3}, &error));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).value<Catalogue::ChangeKind>(), Catalogue::ChangeKind::Removed);
    QCOMPARE(cat->eventIds(), QList<qint64>{2});
    QCOMPARE(cat->searchText(QStringLiteral("against")), QList<qint64>{});
    sql::Statement orphans(cat->handle(),
                           "SELECT sum(json_array_length(tag_ids)), "
                           "sum(json_array_length(sources)) FROM events");
    QVERIFY(orphans.next());
    QCOMPARE(orphans.int64(0), 5); // event 2: immigration, 50501, students, march, solidarity
    QCOMPARE(orphans.int64(1), 2);
}

void TestCatalogue::removeDataset()
{
    QString error;
    auto cat = Catalogue::create(path("d.placard"), &error);
    QVERIFY(sql::exec(cat->handle(),
                      "INSERT INTO datasets(id, file_name, imported_at) VALUES(7, 'a.csv', 0);"
                      "INSERT INTO import_problems(dataset_id, line, col, value, message) "
                      "VALUES(7, 3, 2, 'x', 'bad date')",
                      &error));
    QList<Event> events{sampleEvent(0), sampleEvent(1), sampleEvent(2)};
    events[0].datasetId = 7;
    events[2].datasetId = 7;
    events[2].issues << QStringLiteral("only in the import");
    QVERIFY(cat->insertEvents(events, &error));
    QCOMPARE(cat->problems(7).size(), 1);
    QCOMPARE(cat->problems(7).at(0).message, QStringLiteral("bad date"));
    QSignalSpy spy(cat.get(), &Catalogue::changed);
    const auto count = [&cat](const char *query) {
        sql::Statement q(cat->handle(), query);
        return q.next() ? q.int64(0) : -1;
    };
    const qint64 tagsOfTwo = count("SELECT json_array_length(tag_ids) FROM events WHERE id = 2");
    const qint64 sourcesOfTwo = count("SELECT json_array_length(sources) FROM events WHERE id = 2");
    const qint64 allTags = count("SELECT count(*) FROM tags");
    QVERIFY(tagsOfTwo > 0 && sourcesOfTwo > 0);
    QVERIFY2(cat->removeDataset(7, &error), qPrintable(error));
    QCOMPARE(spy.at(0).at(1).value<QList<qint64>>(), (QList<qint64>{1, 3}));
    QCOMPARE(cat->eventIds(), QList<qint64>{2});
    QCOMPARE(cat->datasets().size(), 0);
    QCOMPARE(cat->problems(7).size(), 0);
    QCOMPARE(cat->searchText(QStringLiteral("rally")), QList<qint64>{2});
    // Event 2, between the two, keeps its tags and sources, and the tag only the others
    // used goes; nothing points at what went; the foreign keys, off for the removal, are on
    // again.
    QCOMPARE(count("SELECT sum(json_array_length(tag_ids)) FROM events"), tagsOfTwo);
    QCOMPARE(count("SELECT sum(json_array_length(sources)) FROM events"), sourcesOfTwo);
    QCOMPARE(count("SELECT count(*) FROM tags"), tagsOfTwo);
    QCOMPARE(allTags, tagsOfTwo + 1);
    QCOMPARE(count("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    QCOMPARE(count("SELECT count(*) FROM import_problems"), 0);
    QCOMPARE(count("PRAGMA foreign_keys"), 1);
    QVERIFY(!cat->removeDataset(7, &error));
    QCOMPARE(error, QStringLiteral("no dataset 7"));
}

void TestCatalogue::textSearch()
{
    QString error;
    auto cat = Catalogue::create(path("t.placard"), &error);
    QList<Event> events{sampleEvent(0), sampleEvent(1)};
    events[1].title = QStringLiteral("Manifestation à Paris");
    events[1].notes = QStringLiteral("Solidarité avec Minneapolis");
    events[1].issues = {QStringLiteral("labour")};
    QVERIFY(cat->insertEvents(events, &error));
    QCOMPARE(cat->searchText(QStringLiteral("paris")), QList<qint64>{2});
    QCOMPARE(cat->searchText(QStringLiteral("solidarite")), QList<qint64>{2}); // diacritics
    QCOMPARE(cat->searchText(QStringLiteral("minnea*")), QList<qint64>{2});
    QCOMPARE(cat->searchText(QStringLiteral("immigration")), QList<qint64>{1}); // a tag
    QCOMPARE(cat->searchText(QStringLiteral("against marched")), QList<qint64>{1}); // AND
    QCOMPARE(cat->searchText(QStringLiteral("foley")), (QList<qint64>{1, 2})); // place
    // FTS5 syntax in user text is taken literally, not as operators.
    QCOMPARE(cat->searchText(QStringLiteral("NOT \"paris")), QList<qint64>{});
    QCOMPARE(error, QString());
}

void TestCatalogue::textIndexFollowsEveryChange()
{
    // The index keeps no text: a change takes an event out with the text it went in with.
    // A wrong text would leave words behind (or take others' away), which the comparison
    // with an index built afresh shows.
    QString error;
    auto cat = Catalogue::create(path("f.placard"), &error);
    QVERIFY2(addTwoImports(*cat, &error), qPrintable(error));
    QList<Event> events{sampleEvent(0), sampleEvent(1), sampleEvent(2), sampleEvent(3),
                        sampleEvent(4)};
    events[1].datasetId = 7;
    events[2].datasetId = 7;
    events[3].datasetId = 8; // its import's index is still to be made
    events[4].title = QStringLiteral("Manifestation à Paris");
    QVERIFY2(cat->insertEvents(events, &error), qPrintable(error));
    compareWithFreshIndex(*cat);
    QCOMPARE(cat->searchText(QStringLiteral("manifestation")), QList<qint64>{5});
    QCOMPARE(cat->searchText(QStringLiteral("rally")), (QList<qint64>{1, 2, 3, 5}));

    Event e = *cat->event(2);
    e.title = QStringLiteral("Vigil at City Hall");
    e.issues = {QStringLiteral("housing")};
    e.place.clear();
    QVERIFY2(cat->updateEvent(e, &error), qPrintable(error));
    compareWithFreshIndex(*cat);
    QCOMPARE(cat->searchText(QStringLiteral("vigil")), QList<qint64>{2});
    QCOMPARE(cat->searchText(QStringLiteral("foley")), (QList<qint64>{1, 3, 5}));

    Event pending = *cat->event(4);
    pending.title = QStringLiteral("Sit-in downtown");
    QVERIFY2(cat->updateEvent(pending, &error), qPrintable(error));
    compareWithFreshIndex(*cat);
    QCOMPARE(cat->searchText(QStringLiteral("downtown")), QList<qint64>{});

    QVERIFY2(cat->deleteEvents({1, 4}, &error), qPrintable(error));
    compareWithFreshIndex(*cat);
    QCOMPARE(cat->searchText(QStringLiteral("rally")), (QList<qint64>{2, 3, 5})); // 2's type

    QVERIFY2(cat->removeDataset(7, &error), qPrintable(error));
    compareWithFreshIndex(*cat);
    QCOMPARE(cat->searchText(QStringLiteral("vigil")), QList<qint64>{});
    QCOMPARE(cat->searchText(QStringLiteral("rally")), QList<qint64>{5});
}

void TestCatalogue::removingAnImportKeepsTheOthersIndexed()
{
    // The index is mended either way round: with fewer events leaving than staying they
    // are taken out one by one; with more, the index is made again from those that stay.
    for (const int leaving : {1, 3}) {
        QString error;
        auto cat = Catalogue::create(path(leaving == 1 ? "k1.placard" : "k3.placard"), &error);
        QVERIFY2(addTwoImports(*cat, &error), qPrintable(error));
        QList<Event> events{sampleEvent(0), sampleEvent(1), sampleEvent(2), sampleEvent(3),
                            sampleEvent(4)};
        events[4].title = QStringLiteral("Manifestation à Paris");
        for (int i = 0; i < leaving; ++i)
            events[i].datasetId = 7;
        events[3].datasetId = 8; // not indexed yet: stays out
        QVERIFY2(cat->insertEvents(events, &error), qPrintable(error));
        QVERIFY2(cat->removeDataset(7, &error), qPrintable(error));
        compareWithFreshIndex(*cat);
        QCOMPARE(cat->searchText(QStringLiteral("manifestation")), QList<qint64>{5});
        QCOMPARE(cat->searchText(QStringLiteral("rally")).size(), 4 - leaving);
    }
}

void TestCatalogue::removingTheOnlyIndexedImportEmptiesTheIndex()
{
    // Removing the import that holds every indexed event empties the index at once; an
    // import whose index is still to be made stays out of it, and is indexed later.
    QString error;
    auto cat = Catalogue::create(path("o.placard"), &error);
    QVERIFY2(addTwoImports(*cat, &error), qPrintable(error));
    QList<Event> events{sampleEvent(0), sampleEvent(1), sampleEvent(2)};
    events[0].datasetId = 7;
    events[1].datasetId = 7;
    events[2].datasetId = 8;
    QVERIFY2(cat->insertEvents(events, &error), qPrintable(error));
    QCOMPARE(cat->searchText(QStringLiteral("rally")), (QList<qint64>{1, 2}));
    QVERIFY2(cat->removeDataset(7, &error), qPrintable(error));
    QCOMPARE(indexWords(cat->handle(), "main", "events_fts"), QStringList());
    QCOMPARE(cat->searchText(QStringLiteral("rally")), QList<qint64>{});
    cat.reset(); // opening again completes the pending import's index
    cat = Catalogue::open(path("o.placard"), &error);
    QVERIFY2(cat, qPrintable(error));
    QCOMPARE(cat->searchText(QStringLiteral("rally")), QList<qint64>{3});
    compareWithFreshIndex(*cat);
}

void TestCatalogue::upgradesVersion1()
{
    // A catalogue of schema version 1 (its text index with a size per event,
    // contentless_delete; an index of events by dataset) opens as version 4 with its index made
    // anew: the events it held, and those of an import whose index was still to be made.
    QString error;
    QVERIFY2(createWithThreeEvents(path("v1.placard"), &error), qPrintable(error));
    const QList<Event> before = eventsOf(path("v1.placard"));
    QCOMPARE(before.size(), 3);
    tamper(path("v1.placard"), kLinksAsTables);
    tamper(path("v1.placard"), R"sql(
CREATE INDEX events_dataset ON events(dataset_id);
DROP TABLE events_fts;
CREATE VIRTUAL TABLE events_fts USING fts5(
  title, place, claims, notes, tags,
  content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 2');
INSERT INTO events_fts(rowid, title) VALUES(1, 'Rally 0 against ICE'), (2, 'Rally 1');
PRAGMA user_version=1;
)sql");
    auto cat = Catalogue::open(path("v1.placard"), &error);
    QVERIFY2(cat, qPrintable(error));
    QCOMPARE(sql::pragmaInt(cat->handle(), "PRAGMA user_version"), std::optional<qint64>(4));
    QCOMPARE(eventsOf(path("v1.placard")), before); // their tags and sources too
    QCOMPARE(sql::pragmaInt(cat->handle(),
                            "SELECT count(*) FROM sqlite_schema WHERE name IN "
                            "('events_fts_docsize', 'events_dataset')"),
             std::optional<qint64>(0));
    QCOMPARE(sql::pragmaInt(cat->handle(), "SELECT min(fts_done) FROM datasets"),
             std::optional<qint64>(1));
    compareWithFreshIndex(*cat);
    QCOMPARE(cat->searchText(QStringLiteral("downtown")), QList<qint64>{3});
    QCOMPARE(cat->searchText(QStringLiteral("foley")), (QList<qint64>{1, 2, 3}));
    QCOMPARE(cat->integrityProblems(), QString());
}

void TestCatalogue::upgradesVersion2()
{
    // A catalogue of schema version 2 (its text index in five columns) opens as version 4 with
    // its index in one column, made anew. An event indexed in five columns taken out of the
    // one would leave FTS5's word counts below zero ("database disk image is malformed"), so
    // an edit and a removal after the upgrade show that no row of the old shape is left.
    QString error;
    QVERIFY2(createWithThreeEvents(path("v2.placard"), &error), qPrintable(error));
    const QList<Event> before = eventsOf(path("v2.placard"));
    QCOMPARE(before.size(), 3);
    makeVersion2(path("v2.placard"));
    // The caller is told before the upgrade, which can take seconds, and as it goes on: in
    // steps of the events' ids, here 1 to 3.
    QList<QPair<qint64, qint64>> told;
    const auto upgrading = [&told](qint64 done, qint64 total) {
        told.append({done, total});
        return true;
    };
    auto cat = Catalogue::open(path("v2.placard"), &error, upgrading);
    QVERIFY2(cat, qPrintable(error));
    QCOMPARE(told, (QList<QPair<qint64, qint64>>{{0, 3}, {3, 3}}));
    QCOMPARE(sql::pragmaInt(cat->handle(), "PRAGMA user_version"), std::optional<qint64>(4));
    QCOMPARE(eventsOf(path("v2.placard")), before); // their tags and sources too
    QCOMPARE(sql::pragmaInt(cat->handle(),
                            "SELECT count(*) FROM sqlite_schema WHERE name IN "
                            "('event_tags', 'sources')"),
             std::optional<qint64>(0));
    QCOMPARE(sql::pragmaInt(cat->handle(), "SELECT count(*) FROM pragma_table_info('events_fts')"),
             std::optional<qint64>(1));
    compareWithFreshIndex(*cat);
    QCOMPARE(cat->searchText(QStringLiteral("downtown")), QList<qint64>{3});

    Event e = *cat->event(2);
    e.title = QStringLiteral("Vigil at City Hall");
    QVERIFY2(cat->updateEvent(e, &error), qPrintable(error));
    QVERIFY2(cat->deleteEvents({1}, &error), qPrintable(error));
    compareWithFreshIndex(*cat);
    QCOMPARE(cat->searchText(QStringLiteral("vigil")), QList<qint64>{2});
    QCOMPARE(cat->searchText(QStringLiteral("foley")), (QList<qint64>{2, 3}));
    QCOMPARE(cat->integrityProblems(), QString());
    cat.reset();
    cat = Catalogue::open(path("v2.placard"), &error, upgrading);
    QVERIFY2(cat, qPrintable(error));
    QCOMPARE(told.size(), 2); // once only
}

void TestCatalogue::upgradeStopped_data()
{
    QTest::addColumn<qint64>("stopAt");
    QTest::newRow("before it begins") << qint64(0);
    QTest::newRow("with every event indexed") << qint64(3);
}

void TestCatalogue::upgradeStopped()
{
    // Stopping an upgrade (the desktop's Cancel) leaves the catalogue as it was: version 2,
    // its five-column index; opened again, it is upgraded.
    QFETCH(qint64, stopAt);
    QString error;
    QVERIFY2(createWithThreeEvents(path("stop.placard"), &error), qPrintable(error));
    makeVersion2(path("stop.placard"));
    auto cat = Catalogue::open(path("stop.placard"), &error,
                               [stopAt](qint64 done, qint64) { return done < stopAt; });
    QVERIFY(!cat);
    QCOMPARE(error,
             path("stop.placard") +
                 QStringLiteral(": upgrade stopped; the catalogue is "
                                "unchanged"));
    sqlite3 *raw = nullptr;
    QCOMPARE(sqlite3_open_v2(path("stop.placard").toUtf8().constData(), &raw, SQLITE_OPEN_READONLY,
                             nullptr),
             SQLITE_OK);
    const sql::Connection db(raw);
    QCOMPARE(sql::pragmaInt(db.get(), "PRAGMA user_version"), std::optional<qint64>(2));
    QCOMPARE(sql::pragmaInt(db.get(), "SELECT count(*) FROM pragma_table_info('events_fts')"),
             std::optional<qint64>(5));
    QCOMPARE(sql::pragmaInt(db.get(), "SELECT count(*) FROM event_tags"),
             std::optional<qint64>(18));
    QCOMPARE(sql::pragmaInt(db.get(),
                            "SELECT count(*) FROM pragma_table_info('events') WHERE "
                            "name IN ('tag_ids', 'sources')"),
             std::optional<qint64>(0));
    QCOMPARE(indexWords(db.get(), "main", "events_fts"),
             (QStringList{QStringLiteral("0:1"), QStringLiteral("1:1"), QStringLiteral("against:1"),
                          QStringLiteral("foley:2"), QStringLiteral("ice:1"),
                          QStringLiteral("rally:2")}));
    cat = Catalogue::open(path("stop.placard"), &error);
    QVERIFY2(cat, qPrintable(error));
    QCOMPARE(sql::pragmaInt(cat->handle(), "PRAGMA user_version"), std::optional<qint64>(4));
    compareWithFreshIndex(*cat);
}

void TestCatalogue::reopen()
{
    QString error;
    {
        auto cat = Catalogue::create(path("r.placard"), &error);
        QList<Event> events{sampleEvent(0)};
        QVERIFY(cat->insertEvents(events, &error));
    }
    auto cat = Catalogue::open(path("r.placard"), &error);
    QVERIFY2(cat, qPrintable(error));
    QCOMPARE(cat->eventCount(), 1);
    QCOMPARE(cat->event(1)->title, QStringLiteral("Rally 0 against ICE"));
    QCOMPARE(cat->integrityProblems(), QString());
    QVERIFY(!Catalogue::open(path("missing.placard"), &error));
    QCOMPARE(error, path("missing.placard") + QStringLiteral(": no such catalogue file"));
}

void TestCatalogue::hostile_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QString>("expected");
    QTest::newRow("trigger") << QByteArray("CREATE TRIGGER t AFTER INSERT ON events BEGIN "
                                           "DELETE FROM datasets; END;")
                             << QStringLiteral(
                                    "it holds a trigger \"t\" that Placard does not make");
    QTest::newRow("view") << QByteArray("CREATE VIEW v AS SELECT * FROM events;")
                          << QStringLiteral("it holds a view \"v\" that Placard does not make");
    QTest::newRow("foreign table")
        << QByteArray("CREATE TABLE secrets(x);")
        << QStringLiteral("it holds a table \"secrets\" that Placard does not make");
    QTest::newRow("changed table")
        << QByteArray("DROP TABLE saved_views; CREATE TABLE "
                      "saved_views(id INTEGER PRIMARY KEY, evil);")
        << QStringLiteral("its definition of \"saved_views\" is not Placard's");
    QTest::newRow("missing table")
        << QByteArray("DROP TABLE saved_views;") << QStringLiteral("it lacks \"saved_views\"");
    QTest::newRow("other application")
        << QByteArray("PRAGMA application_id=1234;") << QStringLiteral("its application id is 4d2");
    QTest::newRow("newer version") << QByteArray("PRAGMA user_version=99;")
                                   << QStringLiteral("made by a newer Placard (schema version 99");
}

void TestCatalogue::hostile()
{
    QFETCH(QByteArray, sql);
    QFETCH(QString, expected);
    const QString file = path("h.placard");
    {
        QString error;
        auto cat = Catalogue::create(file, &error);
        QVERIFY(cat);
    }
    tamper(file, sql.constData());
    const QByteArray before = fileHash(file);
    QString error;
    QVERIFY(!Catalogue::open(file, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(error.startsWith(file));
    QCOMPARE(fileHash(file), before);
    QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
}

void TestCatalogue::readerConnection()
{
    QString error;
    auto catalogue = Catalogue::create(path("r.placard"), &error);
    QVERIFY2(catalogue, qPrintable(error));
    QList<Event> events(3);
    for (Event &e : events)
        e.title = QStringLiteral("Rally");
    QVERIFY(catalogue->insertEvents(events, &error));
    sql::Connection reader = catalogue->openReader(&error);
    QVERIFY2(reader, qPrintable(error));
    {
        sql::Statement q(reader.get(), "SELECT count(*) FROM events");
        QVERIFY(q.next());
        QCOMPARE(q.int64(0), 3);
    }
    // Read-only: a write through it fails and changes nothing.
    QVERIFY(!sql::exec(reader.get(), "DELETE FROM events", &error));
    QCOMPARE(catalogue->eventCount(), 3);
    // It sees what the catalogue commits later.
    QList<Event> more(1);
    QVERIFY(catalogue->insertEvents(more, &error));
    sql::Statement q(reader.get(), "SELECT count(*) FROM events");
    QVERIFY(q.next());
    QCOMPARE(q.int64(0), 4);
}

void TestCatalogue::bulkWriteDirectWhenAlone()
{
    QString error;
    const QString file = path("bulk.placard");
    auto catalogue = Catalogue::create(file, &error);
    QVERIFY2(catalogue, qPrintable(error));
    sqlite3 *db = catalogue->handle();
    const auto pragma = [db](const char *sql) {
        return sql::pragmaText(db, sql);
    };
    QList<Event> events{sampleEvent(0)};
    QVERIFY2(catalogue->insertEvents(events, &error), qPrintable(error));
    {
        BulkWrite bulk(db);
        QVERIFY(bulk.isDirect());
        QCOMPARE(pragma("PRAGMA journal_mode"), QStringLiteral("delete"));
        QCOMPARE(pragma("PRAGMA foreign_keys"), QStringLiteral("0"));
        QCOMPARE(pragma("PRAGMA cache_size"), QStringLiteral("-8192"));
        QVERIFY(!QFileInfo::exists(file + QStringLiteral("-wal")));
        // Rolled back, a direct write leaves the file as it was.
        QVERIFY(sql::exec(db, "BEGIN IMMEDIATE; DELETE FROM events;"));
        QVERIFY(QFileInfo::exists(file + QStringLiteral("-journal")));
        QVERIFY(sql::exec(db, "ROLLBACK"));
        QCOMPARE(catalogue->eventCount(), 1);
        QVERIFY(bulk.endDirect());
        QVERIFY(!bulk.isDirect());
        QCOMPARE(pragma("PRAGMA journal_mode"), QStringLiteral("wal"));
    }
    QCOMPARE(pragma("PRAGMA foreign_keys"), QStringLiteral("1"));
    QCOMPARE(pragma("PRAGMA cache_size"), QStringLiteral("-65536"));
    QCOMPARE(pragma("PRAGMA wal_autocheckpoint"), QStringLiteral("1000"));

    // Another connection open on the catalogue keeps it in the log, at once.
    const sql::Connection reader = catalogue->openReader();
    QVERIFY(sql::exec(reader.get(), "SELECT count(*) FROM events"));
    {
        BulkWrite bulk(db);
        QVERIFY(!bulk.isDirect());
        QCOMPARE(pragma("PRAGMA journal_mode"), QStringLiteral("wal"));
        QCOMPARE(pragma("PRAGMA busy_timeout"), QStringLiteral("5000"));
    }
    QCOMPARE(pragma("PRAGMA journal_mode"), QStringLiteral("wal"));
}

void TestCatalogue::openWhileWrittenDirectly()
{
    // Opened while another program writes it directly, a catalogue is said to be busy, not
    // foreign.
    QString error;
    const QString file = path("busy.placard");
    auto catalogue = Catalogue::create(file, &error);
    QVERIFY2(catalogue, qPrintable(error));
    BulkWrite bulk(catalogue->handle());
    QVERIFY(bulk.isDirect());
    QVERIFY(sql::exec(catalogue->handle(), "BEGIN EXCLUSIVE"));
    QVERIFY(!Catalogue::open(file, &error));
    QCOMPARE(error,
             file +
                 QStringLiteral(" is being written by another program; try again when it "
                                "has finished (database is locked)"));
    QVERIFY(sql::exec(catalogue->handle(), "ROLLBACK"));
}

void TestCatalogue::logCopiedBesideAWriter()
{
    // Committed pages go from the write-ahead log into the file on another thread, while
    // this connection holds a write transaction open; the file alone then has them.
    QString error;
    const QString file = path("log.placard");
    auto catalogue = Catalogue::create(file, &error);
    QVERIFY2(catalogue, qPrintable(error));
    sqlite3 *db = catalogue->handle();
    QVERIFY(sql::exec(db, "PRAGMA wal_autocheckpoint=0; PRAGMA wal_checkpoint(TRUNCATE)"));
    QList<Event> events;
    for (int i = 0; i < 200; ++i)
        events << sampleEvent(i);
    QVERIFY2(catalogue->insertEvents(events, &error), qPrintable(error));
    const qint64 pageSize = sql::pragmaInt(db, "PRAGMA page_size").value_or(0);
    const qint64 logBytes = QFileInfo(file + QStringLiteral("-wal")).size();
    const qint64 logPages = (logBytes - 32) / (pageSize + 24); // WAL header, frame headers
    QVERIFY(logPages > 0);

    QVERIFY(sql::exec(db, "BEGIN IMMEDIATE"));
    QList<Event> more{sampleEvent(500)};
    EventWriter writer(db);
    QVERIFY2(writer.insert(more.front()), qPrintable(writer.error()));
    std::optional<int> copied;
    // Stopped before it began, a copy copies nothing.
    LogCopyStop stopped;
    stopped.stop();
    std::thread early([&] { copied = catalogue->copyLogToFile(&stopped, &error); });
    early.join();
    QVERIFY(!copied);
    QCOMPARE(error, file + QStringLiteral(": the copy was stopped"));
    QCOMPARE(QFileInfo(file + QStringLiteral("-wal")).size(), logBytes);
    LogCopyStop stop;
    std::thread copier([&] { copied = catalogue->copyLogToFile(&stop, &error); });
    copier.join();
    QVERIFY2(copied, qPrintable(error));
    QCOMPARE(*copied, int(logPages));
    QVERIFY(sql::exec(db, "COMMIT"));
    QCOMPARE(catalogue->eventCount(), 201);

    // The file without its log: the 200 events copied, not the one committed after.
    const QString alone = path("alone.placard");
    QVERIFY(QFile::copy(file, alone));
    auto copy = Catalogue::open(alone, &error);
    QVERIFY2(copy, qPrintable(error));
    QCOMPARE(copy->eventCount(), 200);
}

QTEST_GUILESS_MAIN(TestCatalogue)
void TestCatalogue::completingIndexTellsAndStops()
{
    // An import stopped between its events and their text index leaves the index to the
    // next opening, which tells how far it has come and can be stopped; stopped, the
    // catalogue is not opened and the index is left to the opening after.
    const QString file = path("pending.placard");
    QString error;
    QVERIFY2(createWithThreeEvents(file, &error), qPrintable(error));
    tamper(file, "UPDATE datasets SET imported = 1 WHERE id = 8");
    QList<QPair<qint64, qint64>> told;
    auto cat = Catalogue::open(file, &error, {}, [&told](qint64 done, qint64 total) {
        told.append({done, total});
        return false;
    });
    QVERIFY(!cat);
    QCOMPARE(error,
             file +
                 QStringLiteral(": stopped before its text index was complete; it is "
                                "completed when the catalogue is next opened"));
    QCOMPARE(told, (QList<QPair<qint64, qint64>>{{0, 1}}));
    {
        sqlite3 *raw = nullptr;
        QCOMPARE(sqlite3_open_v2(file.toUtf8().constData(), &raw, SQLITE_OPEN_READONLY, nullptr),
                 SQLITE_OK);
        const sql::Connection db(raw);
        QCOMPARE(sql::pragmaInt(db.get(), "SELECT fts_done FROM datasets WHERE id = 8"),
                 std::optional<qint64>(0));
    }
    told.clear();
    cat = Catalogue::open(file, &error, {}, [&told](qint64 done, qint64 total) {
        told.append({done, total});
        return true;
    });
    QVERIFY2(cat, qPrintable(error));
    QCOMPARE(told, (QList<QPair<qint64, qint64>>{{0, 1}, {1, 1}}));
    QCOMPARE(sql::pragmaInt(cat->handle(), "SELECT min(fts_done) FROM datasets"),
             std::optional<qint64>(1));
    QCOMPARE(cat->searchText(QStringLiteral("downtown")), QList<qint64>{3});
    compareWithFreshIndex(*cat);
    cat.reset();
    told.clear();
    cat = Catalogue::open(file, &error, {}, [&told](qint64 done, qint64 total) {
        told.append({done, total});
        return true;
    });
    QVERIFY2(cat, qPrintable(error));
    QCOMPARE(told.size(), 0); // nothing left to index
}

void TestCatalogue::linksWrittenByOthers()
{
    // A catalogue file is untrusted: the JSON of its events' tags and sources may be anything.
    // What is an id or a source is read, the rest passed over, and nothing fails.
    const QString file = path("j.placard");
    QString error;
    {
        auto cat = Catalogue::create(file, &error);
        QVERIFY(cat);
        QList<Event> events{sampleEvent(0), sampleEvent(1), sampleEvent(2)};
        QVERIFY2(cat->insertEvents(events, &error), qPrintable(error));
    }
    tamper(file, R"sql(
UPDATE events SET tag_ids = 'not json', sources = '{"url": "not in a list"}' WHERE id = 1;
UPDATE events SET
  tag_ids = '[' || (SELECT id FROM tags WHERE name = 'immigration') ||
            ', "7", {"a": 7}, -3, 2.5, 99999]',
  sources = '[1, {"url": 5}, {"url": "https://a.example/1", "outlet": "A"}]'
  WHERE id = 2;
)sql");
    auto cat = Catalogue::open(file, &error);
    QVERIFY2(cat, qPrintable(error));
    const Event one = *cat->event(1);
    QCOMPARE(one.issues, QStringList());
    QCOMPARE(one.actors, QStringList());
    QCOMPARE(one.sources, QList<EventSource>());
    const Event two = *cat->event(2);
    QCOMPARE(two.issues, QStringList{QStringLiteral("immigration")});
    QCOMPARE(two.actors, QStringList());
    QCOMPARE(two.tags, QStringList());
    QCOMPARE(two.sources,
             (QList<EventSource>{
                 {QStringLiteral("https://a.example/1"), QStringLiteral("A"), QString()}}));
    QCOMPARE(cat->event(3)->issues,
             (QStringList{QStringLiteral("immigration"), QStringLiteral("policing")}));

    EventQuery byTag;
    byTag.tags = {QStringLiteral("immigration")};
    QCOMPARE(byTag.run(*cat, &error), std::optional<QList<qint64>>(QList<qint64>{2, 3}));
    byTag.tags = {QStringLiteral("policing")};
    QCOMPARE(byTag.run(*cat, &error), std::optional<QList<qint64>>(QList<qint64>{3}));

    const FilterChoices choices = filterChoices(*cat, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(choices.total, 3);
    QStringList issues;
    for (const FilterChoices::Choice &c : choices.tags.value(TagKind::Issue))
        issues << QStringLiteral("%1 %2").arg(c.name).arg(c.count);
    QCOMPARE(issues, (QStringList{QStringLiteral("immigration 2"), QStringLiteral("policing 1")}));
}

void TestCatalogue::linksWrittenAsJson()
{
    // Tag ids: appended to what the buffer holds, the largest id whole.
    QByteArray ids("x");
    appendIdList(ids, {});
    appendIdList(ids, {3, 17, 42});
    appendIdList(ids, {std::numeric_limits<qint64>::max()});
    QCOMPARE(ids, QByteArray("x[][3,17,42][9223372036854775807]"));

    // Sources: empty members left out, JSON's escapes, UTF-8, a lone surrogate as U+FFFD.
    QByteArray sources;
    appendSourcesJson(sources, {});
    QCOMPARE(sources, QByteArray());
    const QString lone = QString(QChar(0xD83D)) + u'!';
    appendSourcesJson(sources,
                      {{QStringLiteral("https://a.example/1"), QString(), QString()},
                       {QStringLiteral("b"), QStringLiteral("Outlet \"B\" \\ 1"),
                        QString::fromUtf8("2026-01-30\t\x01 Doña \U0001F4E2")},
                       {QString(), lone, QString()}});
    QCOMPARE(sources,
             QByteArray("[{\"url\":\"https://a.example/1\"},"
                        "{\"url\":\"b\",\"outlet\":\"Outlet \\\"B\\\" \\\\ 1\","
                        "\"published\":\"2026-01-30\\u0009\\u0001 Do\xC3\xB1"
                        "a \xF0\x9F\x93\xA2\"},"
                        "{\"outlet\":\"\xEF\xBF\xBD!\"}]"));
    // And back, as a catalogue reads them.
    const QList<EventSource> back = sourcesFromStoredJson(sources);
    QCOMPARE(back.size(), 3);
    QCOMPARE(back[1].outlet, QStringLiteral("Outlet \"B\" \\ 1"));
    QCOMPARE(back[1].published, QString::fromUtf8("2026-01-30\t\x01 Doña \U0001F4E2"));
    QCOMPARE(back[2].outlet, QStringLiteral("\uFFFD!"));

    // Plain ASCII is written eight units at a time: a character to escape or to encode at
    // every place of a longer text, and the text around it whole.
    const QString plain = QStringLiteral("https://example.org/2026/01/30/story");
    const QList<std::pair<QString, QByteArray>> specials{
        {QStringLiteral("\""), "\\\""},          {QStringLiteral("\\"), "\\\\"},
        {QStringLiteral("\n"), "\\u000a"},       {QString(QChar(0x7F)), "\x7F"},
        {QStringLiteral("\u00f1"), "\xC3\xB1"},  {QStringLiteral("\u20ac"), "\xE2\x82\xAC"},
        {QString(QChar(0xDC00)), "\xEF\xBF\xBD"}};
    for (qsizetype at = 0; at <= plain.size(); ++at) {
        for (const auto &[special, bytes] : specials) {
            const QString url = plain.first(at) + special + plain.sliced(at);
            QByteArray json;
            appendSourcesJson(json, {{url, QString(), QString()}});
            QCOMPARE(json,
                     "[{\"url\":\"" + plain.first(at).toLatin1() + bytes +
                         plain.sliced(at).toLatin1() + "\"}]");
        }
    }
}

#include "tst_catalogue.moc"
