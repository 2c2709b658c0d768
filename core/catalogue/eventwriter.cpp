// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/eventwriter.h"

#include "catalogue/boundedqueue.h"
#include "catalogue/ftsrows.h"

#include <QDateTime>

#include <sqlite3.h>

#include <thread>
#include <utility>
#include <vector>

namespace placard {

namespace {
constexpr const char *kEventColumns =
    "dataset_id, source_line, external_id, start_day, end_day, date_precision, status, title, "
    "type_id, place, locality, admin1, admin2, country, lat, lon, geo_precision, coord_origin, "
    "size_low, size_high, size_text, claims, arrests, injuries, deaths, property_damage, online, "
    "notes, created_at, updated_at, tag_ids, sources";

QByteArray updateSql()
{
    return QByteArray(
        "UPDATE events SET dataset_id=?1, source_line=?2, external_id=?3, start_day=?4, "
        "end_day=?5, date_precision=?6, status=?7, title=?8, type_id=?9, place=?10, "
        "locality=?11, admin1=?12, admin2=?13, country=?14, lat=?15, lon=?16, "
        "geo_precision=?17, coord_origin=?18, size_low=?19, size_high=?20, size_text=?21, "
        "claims=?22, arrests=?23, injuries=?24, deaths=?25, property_damage=?26, online=?27, "
        "notes=?28, created_at=?29, updated_at=?30, tag_ids=?31, sources=?32 WHERE id=?33");
}

// "INSERT INTO table(columns) VALUES(?1,…),(…),…" for `rows` rows of `columns` values.
QByteArray multiRowInsert(const char *head, int columns, int rows)
{
    QByteArray sql = QByteArray(head) + " VALUES";
    int n = 0;
    for (int r = 0; r < rows; ++r) {
        sql += r ? ",(" : "(";
        for (int c = 0; c < columns; ++c)
            sql += (c ? ",?" : "?") + QByteArray::number(++n);
        sql += ')';
    }
    return sql;
}

// Events are written with the ids the writer gives them, so that their links can follow.
// "OR FAIL": a statement of many rows that fails leaves the rows before the failing one
// written, where the default (ABORT) takes them back out. The writer's caller rolls the
// whole transaction back on any failure anyway, and only under FAIL does SQLite spare the
// statement its journal, a copy of every page the statement changes.
QByteArray insertEventsSql(int rows)
{
    return multiRowInsert(
        (QByteArray("INSERT OR FAIL INTO events(id, ") + kEventColumns + ")").constData(), 33,
        rows);
}

// One stored event's text as FtsRowReader makes it (the words are what must agree; spaces
// between empty parts are none). Plain || rather than concat_ws(), which SQLite has from
// 3.44 only.
constexpr const char *kSelectFtsRow =
    "SELECT coalesce(e.title, '') || ' ' || coalesce(e.place, '') || ' ' || "
    "coalesce(e.locality, '') || ' ' || coalesce(e.admin1, '') || ' ' || "
    "coalesce(e.country, '') || ' ' || coalesce(e.claims, '') || ' ' || coalesce(e.notes, '') "
    "|| ' ' || coalesce((SELECT group_concat(name, ' ') FROM ("
    "SELECT t.name FROM event_types t WHERE t.id = e.type_id UNION ALL "
    "SELECT g.name FROM json_each(CASE WHEN json_valid(e.tag_ids) THEN e.tag_ids END) l "
    "JOIN tags g ON g.id = l.value)), "
    "'') FROM events e WHERE e.id = ?1";

} // namespace

QString tagText(const Event &event)
{
    QStringList all;
    all << event.issues << event.actors << event.participants << event.otherTypes << event.tags;
    if (!event.type.isEmpty())
        all.prepend(event.type);
    return all.join(QLatin1Char(' '));
}

EventWriter::EventWriter(sqlite3 *db)
    : m_db(db)
    , m_insertEvent(db, insertEventsSql(1).constData())
    , m_updateEvent(db, updateSql().constData())
    , m_insertTag(db, "INSERT INTO tags(kind, name) VALUES(?1, ?2)")
    , m_findTag(db, "SELECT id FROM tags WHERE kind=?1 AND name=?2")
    , m_insertType(db, "INSERT INTO event_types(name) VALUES(?1)")
    , m_findType(db, "SELECT id FROM event_types WHERE name=?1")
    , m_insertFts(db, "INSERT INTO events_fts(rowid, text) VALUES(?1, ?2)")
    , m_deleteFts(db, "INSERT INTO events_fts(events_fts, rowid, text) VALUES('delete', ?1, ?2)")
    , m_ftsRow(db, kSelectFtsRow)
    , m_isIndexed(db,
                  "SELECT d.id IS NULL OR d.fts_done = 1 FROM events e "
                  "LEFT JOIN datasets d ON d.id = e.dataset_id WHERE e.id = ?1")
    , m_insertTagWithId(db, "INSERT INTO tags(id, kind, name) VALUES(?1, ?2, ?3)")
    , m_insertTypeWithId(db, "INSERT INTO event_types(id, name) VALUES(?1, ?2)")
    , m_insertEvents(db, insertEventsSql(kEventsPerInsert).constData())
    , m_insertEventsBinder(m_insertEvents, kEventsPerInsert * 33)
{
    m_pendingEvents.reserve(kEventsPerInsert);
}

bool EventWriter::fail(const sql::Statement &statement)
{
    m_error = statement.isValid() ? statement.error() : sql::lastError(m_db);
    return false;
}

qint64 EventWriter::typeId(const QString &name)
{
    const QString key = name.toCaseFolded();
    if (auto it = m_types.constFind(key); it != m_types.cend())
        return *it;
    qint64 id = 0;
    m_findType.bind(1, name);
    if (m_findType.next())
        id = m_findType.int64(0);
    m_findType.reset();
    if (id == 0) {
        m_insertType.bind(1, name);
        if (!m_insertType.run())
            return fail(m_insertType), 0;
        id = sqlite3_last_insert_rowid(m_db);
    }
    m_types.insert(key, id);
    return id;
}

qint64 EventWriter::tagId(TagKind kind, const QString &name)
{
    const QString key = QString::number(int(kind)) + name.toCaseFolded();
    if (auto it = m_tags.constFind(key); it != m_tags.cend())
        return *it;
    qint64 id = 0;
    m_findTag.bind(1, qint64(kind)).bind(2, name);
    if (m_findTag.next())
        id = m_findTag.int64(0);
    m_findTag.reset();
    if (id == 0) {
        m_insertTag.bind(1, qint64(kind)).bind(2, name);
        if (!m_insertTag.run())
            return fail(m_insertTag), 0;
        id = sqlite3_last_insert_rowid(m_db);
    }
    m_tags.insert(key, id);
    return id;
}

bool EventWriter::insertNames(const QList<NewName> &names)
{
    for (const NewName &n : names) {
        if (n.kind < 0) {
            m_insertTypeWithId.bind(1, n.id).bind(2, n.name);
            if (!m_insertTypeWithId.run())
                return fail(m_insertTypeWithId);
        } else {
            m_insertTagWithId.bind(1, n.id).bind(2, n.kind).bind(3, n.name);
            if (!m_insertTagWithId.run())
                return fail(m_insertTagWithId);
        }
    }
    return true;
}

// Binds the 32 columns of kEventColumns from ?first on, through a Statement or a
// SameValueBinder.
template<typename Binder> static void bindPrepared(Binder &s, const PreparedEvent &p, int first)
{
    const Event &e = p.event;
    using T = PreparedEvent;
    s.bind(first + 0, e.datasetId ? std::optional<qint64>(e.datasetId) : std::nullopt)
        .bind(first + 1, e.sourceLine ? std::optional<qint64>(e.sourceLine) : std::nullopt)
        .bindStatic(first + 2, p.at(p.text[T::ExternalId]))
        .bind(first + 3, qint64(e.startDay))
        .bind(first + 4, qint64(e.endDay))
        .bind(first + 5, qint64(e.datePrecision))
        .bind(first + 6, qint64(e.status))
        .bindStatic(first + 7, p.at(p.text[T::Title]))
        .bind(first + 8, p.typeId ? std::optional<qint64>(p.typeId) : std::nullopt)
        .bindStatic(first + 9, p.at(p.text[T::Place]))
        .bindStatic(first + 10, p.at(p.text[T::Locality]))
        .bindStatic(first + 11, p.at(p.text[T::Admin1]))
        .bindStatic(first + 12, p.at(p.text[T::Admin2]))
        .bindStatic(first + 13, p.at(p.text[T::Country]))
        .bind(first + 14, e.latitude)
        .bind(first + 15, e.longitude)
        .bind(first + 16, qint64(e.geoPrecision))
        .bind(first + 17, qint64(e.coordinateOrigin))
        .bind(first + 18, e.sizeLow)
        .bind(first + 19, e.sizeHigh)
        .bindStatic(first + 20, p.at(p.text[T::SizeText]))
        .bindStatic(first + 21, p.at(p.text[T::Claims]))
        .bind(first + 22, e.arrests)
        .bind(first + 23, e.injuries)
        .bind(first + 24, e.deaths)
        .bindStatic(first + 25, p.at(p.text[T::PropertyDamage]))
        .bind(first + 26, qint64(e.online ? 1 : 0))
        .bindStatic(first + 27, p.at(p.text[T::Notes]))
        .bind(first + 28, e.createdAt)
        .bind(first + 29, e.updatedAt)
        .bindStatic(first + 30, p.at(p.text[T::TagIds]))
        .bindStatic(first + 31, p.at(p.text[T::Sources]));
}

PreparedEvent EventWriter::prepare(const Event &event)
{
    // Ids from this connection: found, or added to the catalogue at once. Empty text is
    // stored as NULL, so "unknown" has one spelling in the catalogue.
    m_error.clear();
    return prepareEvent(
        Event(event), [this](const QString &name) { return typeId(name); },
        [this](TagKind kind, const QString &name) { return tagId(kind, name); });
}

bool EventWriter::insert(Event &event)
{
    PreparedEvent p = prepare(event);
    if (!m_error.isEmpty())
        return false;
    if (!insertPrepared(p) || !flush())
        return false;
    event.id = p.event.id;
    event.createdAt = p.event.createdAt;
    event.updatedAt = p.event.updatedAt;
    return true;
}

qint64 EventWriter::nextId()
{
    if (m_nextId == 0) {
        sql::Statement last(m_db, "SELECT coalesce(max(id), 0) FROM events");
        if (!last.next()) {
            fail(last);
            return 0;
        }
        m_nextId = last.int64(0) + 1;
        m_firstId = m_nextId;
    }
    return m_nextId;
}

bool EventWriter::insertPrepared(PreparedEvent &p)
{
    packTexts(p);
    Event &e = p.event;
    if (e.createdAt == 0)
        e.createdAt = QDateTime::currentSecsSinceEpoch();
    e.updatedAt = e.createdAt;
    if (nextId() == 0)
        return false;
    e.id = m_nextId++;
    m_pendingEvents.push_back(&p);
    return writePending(false);
}

bool EventWriter::update(Event &event)
{
    event.updatedAt = QDateTime::currentSecsSinceEpoch();
    PreparedEvent p = prepare(event);
    if (!m_error.isEmpty() || !flush()) // the event may be one kept back
        return false;
    bindPrepared(m_updateEvent, p, 1);
    m_updateEvent.bind(33, event.id);
    return m_updateEvent.run() || fail(m_updateEvent);
}

bool EventWriter::flush()
{
    return writePending(true);
}

// Writes what is kept back: full statements of kEventsPerInsert events, and with `all` the
// rest one row at a time. After a failure nothing stays kept back (the caller rolls the
// transaction back).
bool EventWriter::writePending(bool all)
{
    const auto failed = [this](const sql::Statement &statement) {
        m_pendingEvents.clear();
        return fail(statement);
    };
    constexpr int kColumns = 33; // the id, then kEventColumns
    while (m_pendingEvents.size() >= std::size_t(kEventsPerInsert)) {
        for (int r = 0; r < kEventsPerInsert; ++r) {
            const PreparedEvent &p = *m_pendingEvents[std::size_t(r)];
            m_insertEventsBinder.bind(kColumns * r + 1, p.event.id);
            bindPrepared(m_insertEventsBinder, p, kColumns * r + 2);
        }
        if (!m_insertEvents.runKeepingBindings())
            return failed(m_insertEvents);
        m_pendingEvents.erase(m_pendingEvents.begin(), m_pendingEvents.begin() + kEventsPerInsert);
    }
    if (all) {
        for (const PreparedEvent *p : m_pendingEvents) {
            m_insertEvent.bind(1, p->event.id);
            bindPrepared(m_insertEvent, *p, 2);
            if (!m_insertEvent.run())
                return failed(m_insertEvent);
        }
        m_pendingEvents.clear();
    }
    return true;
}

// Binds a row's id and text to ?1 and ?2 of an insert into the text index or a 'delete'.
static void bindFtsRow(sql::Statement &s, const FtsRow &row)
{
    s.bind(1, row.id).bindStatic(2, row.text);
}

bool EventWriter::insertFts(const FtsRow &row)
{
    bindFtsRow(m_insertFts, row);
    return m_insertFts.runKeepingBindings() || fail(m_insertFts);
}

bool EventWriter::indexDataset(qint64 datasetId, sqlite3 *reader,
                               const std::function<bool(qint64 indexed)> &indexed)
{
    constexpr std::size_t kChunk = 1024; // events read and told at a time
    qint64 count = 0;
    const auto stopped = [&] {
        if (!indexed || indexed(count))
            return false;
        m_error = QStringLiteral("stopped");
        return true;
    };
    // FTS5 gathers new terms in memory and writes them out as a segment each time that
    // holds 1 MiB by default; with 32 MiB, a million events index in three quarters of
    // the time (fewer, larger segments to write and merge). The setting is stored with
    // the index, in the same transaction.
    sql::Statement hashSize(
        m_db, "INSERT INTO events_fts(events_fts, rank) VALUES('hashsize', 33554432)");
    if (!hashSize.run())
        return fail(hashSize);
    QString readError;
    if (!reader) {
        FtsRowReader rows(m_db, datasetId, m_firstId);
        for (FtsRow row; rows.next(row);) {
            if (!insertFts(row))
                return false;
            if (++count % kChunk == 0 && stopped())
                return false;
        }
        if (count % kChunk != 0 && stopped()) // the last few told too
            return false;
        readError = rows.error();
    } else {
        // The text is read and put together on a second thread, through the reader, while
        // this one indexes it: reading was 40 % of the work.
        BoundedQueue<FtsChunk> queue;
        std::thread producer;
        const ProducerJoiner<FtsChunk> joiner{queue, producer};
        producer = std::thread([&] {
            FtsRowReader rows(reader, datasetId, m_firstId);
            FtsChunk chunk;
            while (rows.appendNext(chunk)) {
                if (chunk.size() < kChunk)
                    continue;
                if (queue.closed())
                    break;
                // A chunk given back is filled again, its memory ready.
                std::vector<FtsChunk> spent = queue.takeSpent();
                FtsChunk next = spent.empty() ? FtsChunk() : std::move(spent.back());
                next.clear();
                queue.push(std::exchange(chunk, std::move(next)));
            }
            readError = rows.error();
            if (chunk.size() > 0)
                queue.push(std::move(chunk));
            queue.finish();
        });
        bool ok = true;
        for (FtsChunk chunk; ok && queue.pop(chunk);) {
            for (std::size_t i = 0; ok && i < chunk.size(); ++i) {
                m_insertFts.bind(1, chunk.ids[i]).bindStatic(2, chunk.textAt(i));
                ok = m_insertFts.runKeepingBindings() || fail(m_insertFts);
            }
            count += qint64(chunk.size());
            ok = ok && !stopped();
            queue.giveBack(std::move(chunk));
        }
        queue.close();
        producer.join();
        if (!ok)
            return false;
    }
    if (!readError.isEmpty()) {
        m_error = readError;
        return false;
    }
    sql::Statement done(m_db, "UPDATE datasets SET fts_done=1 WHERE id=?1");
    done.bind(1, datasetId);
    return done.run() || fail(done);
}

bool EventWriter::isIndexed(qint64 id)
{
    m_isIndexed.bind(1, id);
    const bool indexed = m_isIndexed.next() && m_isIndexed.int64(0) == 1;
    m_isIndexed.reset();
    return indexed;
}

bool EventWriter::deleteFts(const FtsRow &row)
{
    bindFtsRow(m_deleteFts, row);
    return m_deleteFts.run() || fail(m_deleteFts);
}

bool EventWriter::indexEvent(const Event &event)
{
    if (!isIndexed(event.id))
        return true;
    QStringList parts{event.title,   event.place,  event.locality, event.admin1,
                      event.country, event.claims, event.notes,    tagText(event)};
    parts.removeAll(QString());
    m_insertFts.bind(1, event.id).bind(2, parts.join(QLatin1Char(' ')));
    return m_insertFts.run() || fail(m_insertFts);
}

bool EventWriter::unindexEvent(qint64 id)
{
    if (!isIndexed(id))
        return true;
    m_ftsRow.bind(1, id);
    if (!m_ftsRow.next()) {
        m_ftsRow.reset();
        return true;
    }
    FtsRow row;
    row.id = id;
    row.text = m_ftsRow.bytes(0).toByteArray();
    m_ftsRow.reset();
    return deleteFts(row);
}

bool EventWriter::unindexDataset(qint64 datasetId)
{
    sql::Statement done(m_db, "SELECT fts_done FROM datasets WHERE id = ?1");
    done.bind(1, datasetId);
    if (!done.next() || done.int64(0) != 1)
        return true;
    // The events leaving the index, and those it keeps (entered by hand, or of imports
    // whose index is made). A row costs about as much to take out as to put in, so the
    // fewer are written: the import's taken out one by one, or the index emptied at once and
    // the events that stay put back. Undoing a large import beside a few other events took
    // seconds row by row.
    sql::Statement counts(m_db,
                          "SELECT count(*) FILTER (WHERE e.dataset_id IS ?1), "
                          "count(*) FILTER (WHERE e.dataset_id IS NOT ?1 AND "
                          "(d.id IS NULL OR d.fts_done = 1)) "
                          "FROM events e LEFT JOIN datasets d ON d.id = e.dataset_id");
    counts.bind(1, datasetId);
    if (!counts.next())
        return fail(counts);
    const qint64 leaving = counts.int64(0);
    const qint64 staying = counts.int64(1);
    counts.reset();
    // Every row a reader gives put in or taken out; false at the first failure.
    const auto writeAll = [this](FtsRowReader &rows, bool (EventWriter::*write)(const FtsRow &)) {
        for (FtsRow row; rows.next(row);) {
            if (!(this->*write)(row))
                return false;
        }
        if (!rows.error().isEmpty()) {
            m_error = rows.error();
            return false;
        }
        return true;
    };
    if (staying < leaving) {
        sql::Statement clear(m_db, "INSERT INTO events_fts(events_fts) VALUES('delete-all')");
        if (!clear.run())
            return fail(clear);
        FtsRowReader kept(m_db, datasetId, 0, FtsRowReader::Rows::IndexedOutsideDataset);
        return writeAll(kept, &EventWriter::insertFts);
    }
    FtsRowReader leavingRows(m_db, datasetId);
    return writeAll(leavingRows, &EventWriter::deleteFts);
}

} // namespace placard
