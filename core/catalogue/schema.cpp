// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/schema.h"

#include "catalogue/sqlite.h"

#include <QMap>

#include <algorithm>
#include <vector>

#include <sqlite3.h>

namespace placard::schema {

namespace {

// Version 1. Dates are days since 1970-01-01; enums are small integers (see event.h).
// Tags and sources are many per event; the full-text index is contentless so that it
// stores no second copy of the text, and it is filled after the events of an import
// are committed (datasets.fts_done says whether that happened).
constexpr const char *kVersion1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE datasets(
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT,
  format TEXT,
  mapping TEXT,
  records INTEGER NOT NULL DEFAULT 0,
  imported INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  unplaced INTEGER NOT NULL DEFAULT 0,
  imported_at INTEGER NOT NULL,
  fts_done INTEGER NOT NULL DEFAULT 0);
CREATE TABLE event_types(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE);
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER REFERENCES datasets(id) ON DELETE CASCADE,
  source_line INTEGER,
  external_id TEXT,
  start_day INTEGER NOT NULL,
  end_day INTEGER NOT NULL,
  date_precision INTEGER NOT NULL DEFAULT 0,
  status INTEGER NOT NULL DEFAULT 0,
  title TEXT,
  type_id INTEGER REFERENCES event_types(id),
  place TEXT,
  locality TEXT,
  admin1 TEXT,
  admin2 TEXT,
  country TEXT,
  lat REAL,
  lon REAL,
  geo_precision INTEGER NOT NULL DEFAULT 0,
  coord_origin INTEGER NOT NULL DEFAULT 0,
  size_low INTEGER,
  size_high INTEGER,
  size_text TEXT,
  claims TEXT,
  arrests INTEGER,
  injuries INTEGER,
  deaths INTEGER,
  property_damage TEXT,
  online INTEGER NOT NULL DEFAULT 0,
  notes TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL);
CREATE INDEX events_dataset ON events(dataset_id);
CREATE TABLE tags(
  id INTEGER PRIMARY KEY,
  kind INTEGER NOT NULL,
  name TEXT NOT NULL COLLATE NOCASE,
  UNIQUE(kind, name));
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
CREATE TABLE import_problems(
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  col INTEGER NOT NULL,
  value TEXT,
  message TEXT NOT NULL,
  skipped INTEGER NOT NULL DEFAULT 0);
CREATE INDEX import_problems_dataset ON import_problems(dataset_id);
CREATE TABLE saved_views(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  filter TEXT NOT NULL,
  extent TEXT);
CREATE VIRTUAL TABLE events_fts USING fts5(
  title, place, claims, notes, tags,
  content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 2');
)sql";

// Version 2: the text index keeps no size of each event's columns (columnsize=0). Keeping
// them was a B-tree row per event, a third of the time an import's index took; without
// them a row leaves the index by the 'delete' command, given the text it was indexed with
// (EventWriter::unindexEvent). No index of the events by dataset either: it was a tenth of
// writing an import, for the rare removal of one (a scan). The events are indexed anew by
// version 3's step, which every upgrade now ends with.
constexpr const char *kVersion2 = R"sql(
DROP INDEX events_dataset;
DROP TABLE events_fts;
CREATE VIRTUAL TABLE events_fts USING fts5(
  title, place, claims, notes, tags,
  content='', columnsize=0, detail=none, tokenize='unicode61 remove_diacritics 2');
)sql";

// Version 3: the text index has one column, an event's texts joined by spaces. It keeps no
// column of a word (detail=none), so the one text holds the same words as five did, and FTS5
// takes each event in one call instead of five: a million events index in a fifth less
// time. FTS5 counts each column's words, so the index is made again rather than given rows
// of both shapes.
constexpr const char *kVersion3 = R"sql(
DROP TABLE events_fts;
CREATE VIRTUAL TABLE events_fts USING fts5(
  text, content='', columnsize=0, detail=none, tokenize='unicode61 remove_diacritics 2');
)sql";

// Version 3's index of the events in an id range, of imports whose index was made (the
// others' is made when the catalogue is opened, see Catalogue::completeTextIndex()).
constexpr const char *kVersion3Fill = R"sql(
INSERT INTO events_fts(rowid, text)
  SELECT e.id, coalesce(e.title, '') || ' ' || coalesce(e.place, '') || ' ' ||
         coalesce(e.locality, '') || ' ' || coalesce(e.admin1, '') || ' ' ||
         coalesce(e.country, '') || ' ' || coalesce(e.claims, '') || ' ' ||
         coalesce(e.notes, '') || ' ' || coalesce((SELECT group_concat(name, ' ') FROM (
            SELECT t.name FROM event_types t WHERE t.id = e.type_id
            UNION ALL
            SELECT g.name FROM event_tags l JOIN tags g ON g.id = l.tag_id
            WHERE l.event_id = e.id)), '')
  FROM events e LEFT JOIN datasets d ON d.id = e.dataset_id
  WHERE (d.id IS NULL OR d.fts_done = 1) AND e.id BETWEEN ?1 AND ?2
)sql";

// Version 4: an event's tag ids and its sources are columns of the event, each a JSON array
// ("[3,17,42]" in ascending order; [{"url": …, "outlet": …, "published": …}] with the empty
// members left out), NULL when it has none. As rows of their own they were four and a half
// B-tree rows to write per event beside the event's one: a fifth of an import's time, for
// links that are only ever read with their event or all together.
constexpr const char *kVersion4Columns = R"sql(
ALTER TABLE events ADD COLUMN tag_ids TEXT;
ALTER TABLE events ADD COLUMN sources TEXT;
)sql";

constexpr const char *kVersion4Drop = R"sql(
DROP TABLE event_tags;
DROP TABLE sources;
)sql";

// Version 4's columns of the events in an id range, from the tables they replace: one
// statement, so that each row is written once, and no "id IN (SELECT … FROM event_tags)",
// which SQLite answers by gathering every link anew for each range.
constexpr const char *kVersion4Fill = R"sql(
UPDATE events SET
  tag_ids = (SELECT nullif(json_group_array(tag_id), '[]') FROM (
      SELECT tag_id FROM event_tags WHERE event_id = events.id ORDER BY tag_id)),
  sources = (SELECT nullif(json_group_array(json(s)), '[]') FROM (
      SELECT json_patch('{}', json_object('url', nullif(url, ''), 'outlet', nullif(outlet, ''),
                                          'published', nullif(published, ''))) AS s
      FROM sources WHERE event_id = events.id ORDER BY position))
  WHERE id BETWEEN ?1 AND ?2
)sql";

// Events indexed at a time while upgrading: about a tenth of a second each, so that the
// upgrade shows its progress and stops soon when asked.
constexpr qint64 kFillChunk = 20000;

// Fills what the upgrade's steps add, a range of event ids at a time for all of them, so
// that the caller sees one progress from start to end: `fills` are statements of ?1 and ?2.
bool fillByRanges(sqlite3 *db, const QList<const char *> &fills, QString *error,
                  const MigrationProgress &progress)
{
    if (fills.isEmpty())
        return true;
    sql::Statement range(db, "SELECT min(id), max(id) FROM events");
    if (!range.next()) {
        if (error)
            *error = range.error();
        return false;
    }
    const qint64 first = range.int64(0);
    const qint64 last = range.int64(1);
    const qint64 total = last >= first && last > 0 ? last - first + 1 : 0;
    const auto stopped = [&](qint64 done) {
        if (!progress || progress(done, total))
            return false;
        if (error)
            *error = QStringLiteral("stopped");
        return true;
    };
    if (stopped(0))
        return false;
    std::vector<sql::Statement> statements;
    for (const char *fill : fills)
        statements.emplace_back(db, fill);
    for (qint64 from = first; total > 0 && from <= last; from += kFillChunk) {
        const qint64 to = std::min(last, from + kFillChunk - 1);
        for (sql::Statement &fill : statements) {
            fill.bind(1, from).bind(2, to);
            if (!fill.run()) {
                if (error)
                    *error = fill.error();
                return false;
            }
        }
        if (stopped(to - first + 1))
            return false;
    }
    return true;
}

// Makes the schema of `version` in an empty database: the first version, then each step.
bool createVersion(sqlite3 *db, int version, QString *error)
{
    if (!sql::exec(db, kVersion1, error))
        return false;
    if (version >= 2 && !sql::exec(db, kVersion2, error))
        return false;
    if (version >= 3 && !sql::exec(db, kVersion3, error))
        return false;
    return version < 4 ||
        (sql::exec(db, kVersion4Columns, error) && sql::exec(db, kVersion4Drop, error));
}

// The schema objects SQLite records for a database: name -> "type|sql".
QMap<QString, QString> objects(sqlite3 *db)
{
    QMap<QString, QString> result;
    sql::Statement q(db, "SELECT name, type, sql FROM sqlite_schema");
    while (q.next())
        result.insert(q.text(0), q.text(1) + QLatin1Char('|') + q.text(2));
    return result;
}

} // namespace

bool create(sqlite3 *db, QString *error)
{
    if (!createVersion(db, kCurrentVersion, error))
        return false;
    const QByteArray pragmas = QByteArray("PRAGMA application_id=") +
        QByteArray::number(kApplicationId) +
        "; PRAGMA user_version=" + QByteArray::number(kCurrentVersion) + ";";
    return sql::exec(db, pragmas.constData(), error);
}

bool migrate(sqlite3 *db, int fromVersion, QString *error, const MigrationProgress &progress)
{
    if (fromVersion < 1 || fromVersion > kCurrentVersion) {
        if (error)
            *error = QStringLiteral("no migration from schema version %1").arg(fromVersion);
        return false;
    }
    if (fromVersion < 2 && !sql::exec(db, kVersion2, error))
        return false;
    // The steps' DDL first, then every fill in one pass over the events, then what the
    // fills read from goes.
    QList<const char *> fills;
    if (fromVersion < 3) {
        if (!sql::exec(db, kVersion3, error))
            return false;
        fills << kVersion3Fill;
    }
    if (fromVersion < 4) {
        if (!sql::exec(db, kVersion4Columns, error))
            return false;
        fills << kVersion4Fill;
    }
    if (!fillByRanges(db, fills, error, progress))
        return false;
    if (fromVersion < 4 && !sql::exec(db, kVersion4Drop, error))
        return false;
    const QByteArray version = "PRAGMA user_version=" + QByteArray::number(kCurrentVersion);
    return sql::exec(db, version.constData(), error);
}

bool validate(sqlite3 *db, int version, QString *error)
{
    if (version < 1 || version > kCurrentVersion) {
        if (error)
            *error = QStringLiteral("unknown schema version %1").arg(version);
        return false;
    }
    // The reference is what this build creates, made in memory.
    sqlite3 *raw = nullptr;
    sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    sql::Connection reference(raw);
    QString createError;
    if (!createVersion(reference.get(), version, &createError)) {
        if (error)
            *error = createError;
        return false;
    }
    const QMap<QString, QString> expected = objects(reference.get());
    const QMap<QString, QString> actual = objects(db);
    for (auto it = actual.cbegin(); it != actual.cend(); ++it) {
        if (!expected.contains(it.key())) {
            if (error)
                *error = QStringLiteral("it holds a %1 \"%2\" that Placard does not make")
                             .arg(it.value().section(QLatin1Char('|'), 0, 0), it.key());
            return false;
        }
        if (expected.value(it.key()) != it.value()) {
            if (error)
                *error = QStringLiteral("its definition of \"%1\" is not Placard's").arg(it.key());
            return false;
        }
    }
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (!actual.contains(it.key())) {
            if (error)
                *error = QStringLiteral("it lacks \"%1\"").arg(it.key());
            return false;
        }
    }
    return true;
}

} // namespace placard::schema
