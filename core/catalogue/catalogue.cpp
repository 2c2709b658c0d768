// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/catalogue.h"

#include "catalogue/eventlinks.h"
#include "catalogue/eventwriter.h"
#include "catalogue/schema.h"

#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <sqlite3.h>

namespace placard {

namespace {

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

sql::Connection openConnection(const QString &path, int flags, QString *error)
{
    sqlite3 *raw = nullptr;
    // Every connection to a catalogue is used by one thread at a time (workers open their
    // own), so SQLite's per-call locking is not needed: it cost an import 12 %.
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw,
                                   flags | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, nullptr);
    sql::Connection db(raw);
    if (rc != SQLITE_OK) {
        setError(error, QStringLiteral("%1: %2").arg(path, sql::lastError(raw)));
        return {};
    }
    return db;
}

// Whether the file's own header, read without SQLite, names it a catalogue: what it says
// while a rollback journal beside it waits to be played back.
bool headerIsCatalogue(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(100);
    return header.size() == 100 && header.startsWith(QByteArrayView("SQLite format 3", 16)) &&
        qFromBigEndian<quint32>(header.constData() + 68) == quint32(schema::kApplicationId);
}

// A writer stopped in the middle of a transaction written directly into the file (see
// BulkWrite) leaves its rollback journal, which a read-only connection cannot play back.
// A connection that may write does so when it first reads, as SQLite does, putting the file
// back as it was before that transaction.
bool rollBackStoppedWrite(const QString &path)
{
    sql::Connection db = openConnection(path, SQLITE_OPEN_READWRITE, nullptr);
    return db && sql::exec(db.get(), "SELECT count(*) FROM sqlite_schema");
}

// Rolls back unless committed: no write of ours is ever left half-done.
class Transaction {
public:
    explicit Transaction(sqlite3 *db, QString *error)
        : m_db(db)
    {
        m_open = sql::exec(db, "BEGIN IMMEDIATE", error);
    }
    ~Transaction()
    {
        if (m_open)
            sql::exec(m_db, "ROLLBACK");
    }
    bool isOpen() const { return m_open; }
    bool commit(QString *error)
    {
        m_open = false;
        if (sql::exec(m_db, "COMMIT", error))
            return true;
        sql::exec(m_db, "ROLLBACK");
        return false;
    }

private:
    sqlite3 *m_db;
    bool m_open = false;
};

constexpr const char *kSelectEvent =
    "SELECT e.id, e.dataset_id, e.source_line, e.external_id, e.start_day, e.end_day, "
    "e.date_precision, e.status, e.title, t.name, e.place, e.locality, e.admin1, e.admin2, "
    "e.country, e.lat, e.lon, e.geo_precision, e.coord_origin, e.size_low, e.size_high, "
    "e.size_text, e.claims, e.arrests, e.injuries, e.deaths, e.property_damage, e.online, "
    "e.notes, e.created_at, e.updated_at, e.tag_ids, e.sources FROM events e "
    "LEFT JOIN event_types t ON t.id = "
    "e.type_id WHERE e.id = ?1";

} // namespace

bool configureConnection(sqlite3 *db, bool writable, QString *error)
{
    int ignored = 0;
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &ignored);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &ignored);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &ignored);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &ignored);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, &ignored);
    sqlite3_busy_timeout(db, 5000);
    if (!sql::exec(db, "PRAGMA foreign_keys=ON; PRAGMA trusted_schema=OFF;", error))
        return false;
    if (writable &&
        !sql::exec(db,
                   "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                   "PRAGMA journal_size_limit=67108864; "
                   "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;",
                   error))
        return false;
    return true;
}

Catalogue::Catalogue(sql::Connection db, const QString &path)
    : m_db(std::move(db))
    , m_path(path)
{
}

Catalogue::~Catalogue() = default;

std::unique_ptr<Catalogue> Catalogue::create(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (info.exists() && info.size() > 0) {
        setError(error, QStringLiteral("%1: the file exists already").arg(path));
        return nullptr;
    }
    sql::Connection db = openConnection(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
    if (!db)
        return nullptr;
    QString why;
    // Larger pages suit a catalogue written in bulk and read in long scans.
    sql::exec(db.get(), "PRAGMA page_size=16384");
    if (!configureConnection(db.get(), true, &why)) {
        setError(error, QStringLiteral("%1: %2").arg(path, why));
        return nullptr;
    }
    {
        Transaction tx(db.get(), &why);
        if (!tx.isOpen() || !schema::create(db.get(), &why) || !tx.commit(&why)) {
            setError(error, QStringLiteral("%1: cannot create the catalogue: %2").arg(path, why));
            return nullptr;
        }
    }
    return std::unique_ptr<Catalogue>(new Catalogue(std::move(db), path));
}

std::unique_ptr<Catalogue> Catalogue::open(const QString &path, QString *error,
                                           const schema::MigrationProgress &upgrading,
                                           const schema::MigrationProgress &indexing)
{
    if (!QFileInfo(path).isFile()) {
        setError(error, QStringLiteral("%1: no such catalogue file").arg(path));
        return nullptr;
    }
    const QString notOurs = QStringLiteral("%1 is not a Placard catalogue: %2");
    int version = 0;
    {
        // First look, read-only: nothing is written to a file that may not be ours.
        sql::Connection probe = openConnection(path, SQLITE_OPEN_READONLY, error);
        if (!probe)
            return nullptr;
        QString why;
        configureConnection(probe.get(), false, &why);
        std::optional<qint64> applicationId = sql::pragmaInt(probe.get(), "PRAGMA application_id");
        if (!applicationId && sqlite3_extended_errcode(probe.get()) == SQLITE_READONLY_ROLLBACK &&
            headerIsCatalogue(path) && rollBackStoppedWrite(path))
            applicationId = sql::pragmaInt(probe.get(), "PRAGMA application_id");
        if (!applicationId && sqlite3_errcode(probe.get()) == SQLITE_BUSY) {
            setError(error,
                     QStringLiteral("%1 is being written by another program; try again when "
                                    "it has finished (%2)")
                         .arg(path, sql::lastError(probe.get())));
            return nullptr;
        }
        if (!applicationId) {
            setError(error, notOurs.arg(path, sql::lastError(probe.get())));
            return nullptr;
        }
        const int appId = int(*applicationId);
        if (appId != schema::kApplicationId) {
            setError(error,
                     notOurs.arg(path,
                                 QStringLiteral("its application id is %1")
                                     .arg(QString::number(quint32(appId), 16))));
            return nullptr;
        }
        version = int(sql::pragmaInt(probe.get(), "PRAGMA user_version").value_or(0));
        if (version > schema::kCurrentVersion) {
            setError(error,
                     QStringLiteral("%1 was made by a newer Placard (schema version %2; "
                                    "this one reads up to %3)")
                         .arg(path)
                         .arg(version)
                         .arg(schema::kCurrentVersion));
            return nullptr;
        }
        if (!schema::validate(probe.get(), version, &why)) {
            setError(error, notOurs.arg(path, why));
            return nullptr;
        }
    }
    sql::Connection db = openConnection(path, SQLITE_OPEN_READWRITE, error);
    if (!db)
        return nullptr;
    QString why;
    if (!configureConnection(db.get(), true, &why)) {
        setError(error, QStringLiteral("%1: %2").arg(path, why));
        return nullptr;
    }
    if (version < schema::kCurrentVersion) {
        bool stopped = false;
        const schema::MigrationProgress progress = [&](qint64 done, qint64 total) {
            stopped = upgrading && !upgrading(done, total);
            return !stopped;
        };
        Transaction tx(db.get(), &why);
        if (!tx.isOpen() || !schema::migrate(db.get(), version, &why, progress) ||
            !tx.commit(&why)) {
            setError(
                error,
                stopped
                    ? QStringLiteral("%1: upgrade stopped; the catalogue is unchanged").arg(path)
                    : QStringLiteral("%1: cannot upgrade the catalogue: %2").arg(path, why));
            return nullptr;
        }
    }
    std::unique_ptr<Catalogue> catalogue(new Catalogue(std::move(db), path));
    bool stopped = false;
    if (!catalogue->completeTextIndex(&why, indexing, &stopped)) {
        setError(error,
                 stopped ? QStringLiteral("%1: stopped before its text index was "
                                          "complete; it is completed when the catalogue "
                                          "is next opened")
                               .arg(path)
                         : QStringLiteral("%1: cannot complete the text index: %2").arg(path, why));
        return nullptr;
    }
    return catalogue;
}

std::unique_ptr<Catalogue> Catalogue::openOrCreate(const QString &path, QString *error,
                                                   const schema::MigrationProgress &upgrading,
                                                   const schema::MigrationProgress &indexing)
{
    const QFileInfo info(path);
    return info.exists() && info.size() > 0 ? open(path, error, upgrading, indexing)
                                            : create(path, error);
}

// An import stopped between committing its events and indexing their text leaves
// datasets with fts_done = 0; finish them now.
bool Catalogue::completeTextIndex(QString *error, const schema::MigrationProgress &indexing,
                                  bool *stopped)
{
    // The datasets and how many events each left to index: its count of imported events
    // (those it updated in other imports are indexed already, so the count may be high).
    QList<QPair<qint64, qint64>> pending;
    qint64 total = 0;
    {
        sql::Statement q(handle(), "SELECT id, imported FROM datasets WHERE fts_done = 0");
        while (q.next()) {
            pending.append({q.int64(0), q.int64(1)});
            total += q.int64(1);
        }
    }
    if (pending.isEmpty())
        return true;
    qint64 before = 0; // the events of the datasets indexed so far
    const auto tell = [&](qint64 indexed) {
        if (!indexing || indexing(std::min(total, before + indexed), total))
            return true;
        *stopped = true;
        return false;
    };
    if (!tell(0))
        return false;
    // The text is read on a second thread through a reader, as an import's is; only in WAL
    // mode can it read beside this connection's write transaction.
    const bool wal = sql::pragmaText(handle(), "PRAGMA journal_mode") == QLatin1StringView("wal");
    const sql::Connection reader = pending.isEmpty() || !wal ? sql::Connection() : openReader();
    for (const auto &[id, events] : std::as_const(pending)) {
        Transaction tx(handle(), error);
        EventWriter writer(handle());
        if (!tx.isOpen())
            return false;
        if (!writer.indexDataset(id, reader.get(), tell)) {
            setError(error, writer.error());
            return false;
        }
        if (!tx.commit(error))
            return false;
        before += events;
    }
    return true;
}

std::optional<Event> Catalogue::event(qint64 id) const
{
    sql::Statement q(handle(), kSelectEvent);
    q.bind(1, id);
    if (!q.next())
        return std::nullopt;
    Event e;
    e.id = q.int64(0);
    e.datasetId = q.int64(1);
    e.sourceLine = q.int64(2);
    e.externalId = q.text(3);
    e.startDay = qint32(q.int64(4));
    e.endDay = qint32(q.int64(5));
    e.datePrecision = DatePrecision(q.int64(6));
    e.status = EventStatus(q.int64(7));
    e.title = q.text(8);
    e.type = q.text(9);
    e.place = q.text(10);
    e.locality = q.text(11);
    e.admin1 = q.text(12);
    e.admin2 = q.text(13);
    e.country = q.text(14);
    e.latitude = q.optional<double>(15);
    e.longitude = q.optional<double>(16);
    e.geoPrecision = GeoPrecision(q.int64(17));
    e.coordinateOrigin = CoordinateOrigin(q.int64(18));
    e.sizeLow = q.optional<qint64>(19);
    e.sizeHigh = q.optional<qint64>(20);
    e.sizeText = q.text(21);
    e.claims = q.text(22);
    e.arrests = q.optional<qint32>(23);
    e.injuries = q.optional<qint32>(24);
    e.deaths = q.optional<qint32>(25);
    e.propertyDamage = q.text(26);
    e.online = q.int64(27) != 0;
    e.notes = q.text(28);
    e.createdAt = q.int64(29);
    e.updatedAt = q.int64(30);
    e.sources = sourcesFromStoredJson(q.bytes(32));

    // The names of its tags by kind, each kind's in the order of their ids (those stored).
    sql::Statement tags(handle(),
                        "SELECT kind, name FROM tags WHERE id IN (SELECT value FROM json_each(?1)) "
                        "ORDER BY kind, id");
    QByteArray ids;
    appendIdList(ids, idList(q.bytes(31))); // untrusted text made valid JSON
    tags.bind(1, ids);
    while (tags.next()) {
        const QString name = tags.text(1);
        switch (TagKind(tags.int64(0))) {
        case TagKind::Issue:
            e.issues << name;
            break;
        case TagKind::Actor:
            e.actors << name;
            break;
        case TagKind::Participant:
            e.participants << name;
            break;
        case TagKind::Type:
            e.otherTypes << name;
            break;
        case TagKind::Other:
            e.tags << name;
            break;
        }
    }
    return e;
}

QList<qint64> Catalogue::eventIds(qint64 afterId, int limit) const
{
    QList<qint64> ids;
    sql::Statement q(handle(), "SELECT id FROM events WHERE id > ?1 ORDER BY id LIMIT ?2");
    q.bind(1, afterId).bind(2, qint64(limit));
    while (q.next())
        ids << q.int64(0);
    return ids;
}

qint64 Catalogue::eventCount() const
{
    sql::Statement q(handle(), "SELECT count(*) FROM events");
    return q.next() ? q.int64(0) : 0;
}

qint64 Catalogue::unplacedCount() const
{
    sql::Statement q(handle(), "SELECT count(*) FROM events WHERE lat IS NULL OR lon IS NULL");
    return q.next() ? q.int64(0) : 0;
}

QList<Dataset> Catalogue::datasets() const
{
    QList<Dataset> result;
    sql::Statement q(handle(),
                     "SELECT id, file_name, sha256, format, mapping, records, imported, skipped, "
                     "duplicates, unplaced, imported_at FROM datasets ORDER BY id");
    while (q.next()) {
        result << Dataset{q.int64(0), q.text(1),  q.text(2),  q.text(3),  q.text(4),  q.int64(5),
                          q.int64(6), q.int64(7), q.int64(8), q.int64(9), q.int64(10)};
    }
    return result;
}

std::optional<Dataset> Catalogue::dataset(qint64 id) const
{
    for (const Dataset &d : datasets()) {
        if (d.id == id)
            return d;
    }
    return std::nullopt;
}

QList<ImportProblem> Catalogue::problems(qint64 datasetId, int limit, int offset) const
{
    QList<ImportProblem> result;
    sql::Statement q(handle(),
                     "SELECT line, col, value, message, skipped FROM import_problems "
                     "WHERE dataset_id = ?1 ORDER BY id LIMIT ?2 OFFSET ?3");
    q.bind(1, datasetId).bind(2, qint64(limit)).bind(3, qint64(offset));
    while (q.next())
        result << ImportProblem{q.int64(0), int(q.int64(1)), q.text(2), q.text(3), q.int64(4) != 0};
    return result;
}

QHash<qint64, qint64> Catalogue::problemCounts() const
{
    QHash<qint64, qint64> counts;
    sql::Statement q(handle(),
                     "SELECT dataset_id, count(*) FROM import_problems GROUP BY dataset_id");
    while (q.next())
        counts.insert(q.int64(0), q.int64(1));
    return counts;
}

QHash<qint64, qint64> Catalogue::eventsByDataset() const
{
    QHash<qint64, qint64> counts;
    sql::Statement q(handle(),
                     "SELECT dataset_id, count(*) FROM events "
                     "WHERE dataset_id IS NOT NULL GROUP BY dataset_id");
    while (q.next())
        counts.insert(q.int64(0), q.int64(1));
    return counts;
}

QList<qint64> Catalogue::searchText(const QString &query, QString *error) const
{
    // Each word becomes a quoted token (prefix match with a trailing *), so user text
    // cannot inject FTS5 syntax.
    QStringList terms;
    for (QString word : query.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const bool prefix = word.endsWith(QLatin1Char('*'));
        if (prefix)
            word.chop(1);
        word.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        if (!word.isEmpty())
            terms << QLatin1Char('"') + word + QLatin1Char('"') +
                    (prefix ? QStringLiteral("*") : QString());
    }
    QList<qint64> ids;
    if (terms.isEmpty())
        return ids;
    sql::Statement q(handle(),
                     "SELECT rowid FROM events_fts WHERE events_fts MATCH ?1 ORDER BY rowid");
    q.bind(1, terms.join(QStringLiteral(" AND ")));
    while (q.next())
        ids << q.int64(0);
    if (q.resultCode() != SQLITE_DONE)
        setError(error, q.error());
    return ids;
}

bool Catalogue::insertEvents(QList<Event> &events, QString *error)
{
    Transaction tx(handle(), error);
    if (!tx.isOpen())
        return false;
    EventWriter writer(handle());
    for (Event &e : events) {
        if (!writer.insert(e) || !writer.indexEvent(e)) {
            setError(error, writer.error());
            for (Event &undone : events)
                undone.id = 0;
            return false;
        }
    }
    if (!tx.commit(error))
        return false;
    QList<qint64> ids;
    for (const Event &e : events)
        ids << e.id;
    Q_EMIT changed(ChangeKind::Added, ids);
    return true;
}

sql::Connection Catalogue::openReader(QString *error) const
{
    sql::Connection db = openConnection(m_path, SQLITE_OPEN_READONLY, error);
    QString why;
    if (db && !configureConnection(db.get(), false, &why)) {
        setError(error, QStringLiteral("%1: %2").arg(m_path, why));
        return {};
    }
    return db;
}

void LogCopyStop::stop()
{
    const std::lock_guard lock(m_mutex);
    m_stopped = true;
    if (m_running)
        sqlite3_interrupt(m_running);
}

std::optional<int> Catalogue::copyLogToFile(LogCopyStop *stop, QString *error) const
{
    sql::Connection db = openConnection(m_path, SQLITE_OPEN_READWRITE, error);
    QString why;
    if (!db || !configureConnection(db.get(), false, &why) ||
        // A connection finds the log when it first reads the file.
        !sql::exec(db.get(), "SELECT count(*) FROM sqlite_schema", &why)) {
        if (db)
            setError(error, QStringLiteral("%1: %2").arg(m_path, why));
        return std::nullopt;
    }
    // The connection is known to `stop` only while it copies: it may not be interrupted
    // once it closes.
    const auto running = [stop](sqlite3 *connection) {
        if (!stop)
            return true;
        const std::lock_guard lock(stop->m_mutex);
        stop->m_running = connection;
        return !stop->m_stopped;
    };
    if (!running(db.get())) {
        running(nullptr);
        setError(error, QStringLiteral("%1: the copy was stopped").arg(m_path));
        return std::nullopt;
    }
    int logPages = -1;
    int copied = -1;
    const int rc =
        sqlite3_wal_checkpoint_v2(db.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &logPages, &copied);
    running(nullptr);
    if (rc != SQLITE_OK || copied < 0) {
        setError(error,
                 QStringLiteral("%1: %2").arg(m_path,
                                              rc != SQLITE_OK ? sql::lastError(db.get())
                                                              : QStringLiteral("not in WAL mode")));
        return std::nullopt;
    }
    return copied;
}

bool Catalogue::updateEvent(Event &event, QString *error)
{
    Transaction tx(handle(), error);
    if (!tx.isOpen())
        return false;
    {
        sql::Statement exists(handle(), "SELECT 1 FROM events WHERE id = ?1");
        exists.bind(1, event.id);
        if (!exists.next()) {
            setError(error, QStringLiteral("no event %1").arg(event.id));
            return false;
        }
    }
    EventWriter writer(handle());
    // Out of the text index with the text it went in with, before that changes.
    if (!writer.unindexEvent(event.id) || !writer.update(event) || !writer.indexEvent(event)) {
        setError(error, writer.error());
        return false;
    }
    if (!tx.commit(error))
        return false;
    Q_EMIT changed(ChangeKind::Updated, {event.id});
    return true;
}

bool Catalogue::deleteEvents(const QList<qint64> &ids, QString *error)
{
    Transaction tx(handle(), error);
    if (!tx.isOpen())
        return false;
    EventWriter writer(handle());
    sql::Statement del(handle(), "DELETE FROM events WHERE id = ?1");
    for (qint64 id : ids) {
        if (!writer.unindexEvent(id)) {
            setError(error, writer.error());
            return false;
        }
        del.bind(1, id);
        if (!del.run()) {
            setError(error, del.error());
            return false;
        }
    }
    if (!tx.commit(error))
        return false;
    Q_EMIT changed(ChangeKind::Removed, ids);
    return true;
}

bool Catalogue::removeDataset(qint64 datasetId, QString *error)
{
    // The rows are deleted here, a run of consecutive ids at a time, with the foreign keys
    // off (they can be turned off only outside a transaction): through the cascades from the
    // dataset, each event's tags and sources were looked up one by one, 11 s for an import of
    // a million events against 1.5 s.
    sql::exec(handle(), "PRAGMA foreign_keys=OFF");
    const struct KeysBack {
        sqlite3 *db;
        ~KeysBack() { sql::exec(db, "PRAGMA foreign_keys=ON"); }
    } keysBack{handle()};
    Transaction tx(handle(), error);
    if (!tx.isOpen())
        return false;
    QList<qint64> ids;
    std::vector<std::pair<qint64, qint64>> runs;
    {
        sql::Statement q(handle(), "SELECT id FROM events WHERE dataset_id = ?1 ORDER BY id");
        q.bind(1, datasetId);
        while (q.next()) {
            const qint64 id = q.int64(0);
            ids << id;
            if (!runs.empty() && runs.back().second + 1 == id)
                runs.back().second = id;
            else
                runs.emplace_back(id, id);
        }
    }
    // The types and tags its events use, as JSON arrays: those no other event uses go with
    // them, so that taking an import back out leaves the names as they were before it.
    const auto usedBy = [this, datasetId](const char *query) -> std::optional<QByteArray> {
        sql::Statement q(handle(), query);
        q.bind(1, datasetId);
        if (!q.next())
            return std::nullopt;
        return q.bytes(0).toByteArray();
    };
    const std::optional<QByteArray> usedTypes =
        usedBy("SELECT json_group_array(DISTINCT type_id) FROM events "
               "WHERE dataset_id = ?1 AND type_id IS NOT NULL");
    const std::optional<QByteArray> usedTags =
        usedBy("SELECT json_group_array(DISTINCT l.value) FROM events e, json_each(CASE WHEN "
               "json_valid(e.tag_ids) THEN e.tag_ids END) l WHERE e.dataset_id = ?1");
    if (!usedTypes || !usedTags) {
        setError(error, sql::lastError(handle()));
        return false;
    }
    EventWriter writer(handle());
    if (!writer.unindexDataset(datasetId)) {
        setError(error, writer.error());
        return false;
    }
    sql::Statement run(handle(), "DELETE FROM events WHERE id BETWEEN ?1 AND ?2");
    for (const auto &[first, last] : runs) {
        run.bind(1, first).bind(2, last);
        if (!run.run()) {
            setError(error, run.error());
            return false;
        }
    }
    sql::Statement problems(handle(), "DELETE FROM import_problems WHERE dataset_id = ?1");
    problems.bind(1, datasetId);
    sql::Statement del(handle(), "DELETE FROM datasets WHERE id = ?1");
    del.bind(1, datasetId);
    if (!problems.run() || !del.run()) {
        setError(error, sql::lastError(handle()));
        return false;
    }
    if (sqlite3_changes(handle()) == 0) {
        setError(error, QStringLiteral("no dataset %1").arg(datasetId));
        return false;
    }
    const auto dropUnused = [this](const char *query, const QByteArray &nameIds) {
        sql::Statement q(handle(), query);
        q.bind(1, nameIds);
        return q.run();
    };
    if (!dropUnused("DELETE FROM tags WHERE id IN (SELECT value FROM json_each(?1)) "
                    "AND id NOT IN (SELECT l.value FROM events e, json_each(CASE WHEN "
                    "json_valid(e.tag_ids) THEN e.tag_ids END) l)",
                    *usedTags) ||
        !dropUnused("DELETE FROM event_types WHERE id IN (SELECT value FROM json_each(?1)) "
                    "AND id NOT IN (SELECT type_id FROM events WHERE type_id IS NOT NULL)",
                    *usedTypes)) {
        setError(error, sql::lastError(handle()));
        return false;
    }
    if (!tx.commit(error))
        return false;
    Q_EMIT changed(ChangeKind::Removed, ids);
    Q_EMIT datasetsChanged();
    return true;
}

void Catalogue::announceExternalChange(ChangeKind kind, const QList<qint64> &ids)
{
    Q_EMIT changed(kind, ids);
    Q_EMIT datasetsChanged();
}

QString Catalogue::integrityProblems() const
{
    QStringList problems;
    sql::Statement q(handle(), "PRAGMA integrity_check");
    while (q.next()) {
        if (q.text(0) != QLatin1StringView("ok"))
            problems << q.text(0);
    }
    return problems.join(QLatin1Char('\n'));
}

} // namespace placard
