// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"
#include "catalogue/preparedevent.h"
#include "catalogue/sqlite.h"

#include <QHash>

#include <functional>

#include <array>
#include <vector>

namespace placard {

struct FtsRow;

/// Writes events, with their type, tags and sources, through one connection. Used inside
/// a transaction the caller opens, and rolls back when a call fails: a failing statement of
/// many rows may leave its first rows written. Keeps its statements prepared and the ids of
/// types and tags cached, so that a million inserts cost little more than the rows
/// themselves. Not thread-safe: one writer per connection and thread.
class EventWriter {
public:
    explicit EventWriter(sqlite3 *db);
    EventWriter(const EventWriter &) = delete; // its binder refers to its own statement
    EventWriter &operator=(const EventWriter &) = delete;

    /// Inserts an event; sets event.id, createdAt and updatedAt. False and error() on failure.
    bool insert(Event &event);
    /// Inserts an event prepared on another thread; sets its id. Its names must exist; its
    /// text is packed here when that thread left it (packTexts()). It is written by flush()
    /// at the latest, so `prepared` must live until then.
    bool insertPrepared(PreparedEvent &prepared);
    /// Writes the events insertPrepared() keeps back to write many at once; call it before
    /// the prepared events are freed and before committing.
    bool flush();
    /// Adds types and tags a NameDictionary handed out.
    bool insertNames(const QList<NewName> &names);
    /// Replaces every field of a stored event (its id) and its tags and sources.
    bool update(Event &event);
    /// Adds the events of a dataset to the full-text index. Given a second connection to
    /// the same catalogue (which sees the events committed), reads their text through it
    /// on a second thread. `indexed`, when given, is told how many events are in every
    /// thousand or so; returning false stops the indexing, which then fails.
    bool indexDataset(qint64 datasetId, sqlite3 *reader = nullptr,
                      const std::function<bool(qint64 indexed)> &indexed = {});
    /// Adds one stored event to the full-text index, unless its import's index is still to
    /// be made (it is then indexed with the rest of the import).
    bool indexEvent(const Event &event);
    /// Removes one stored event from the full-text index, where it is: the index keeps no
    /// text, so it is given the event's text as stored. Called before the event's text,
    /// tags or row change.
    bool unindexEvent(qint64 id);
    /// Removes the events of a dataset from the full-text index, before they are deleted.
    bool unindexDataset(qint64 datasetId);

    QString error() const { return m_error; }
    /// The first id this writer gave an event; 0 before it gave one or nextId() was asked.
    qint64 firstId() const { return m_firstId; }
    /// The id the next inserted event will get, the one after each following insert: for a
    /// caller that must know ids before it inserts (an import judging duplicates on another
    /// thread). 0 when the catalogue cannot be read.
    qint64 nextId();

private:
    PreparedEvent prepare(const Event &event);
    bool writePending(bool all);
    bool insertFts(const FtsRow &row);
    qint64 typeId(const QString &name);
    qint64 tagId(TagKind kind, const QString &name);
    bool fail(const sql::Statement &statement);
    /// Whether a stored event is in the full-text index: it is unless its import's index
    /// is still to be made.
    bool isIndexed(qint64 id);
    bool deleteFts(const FtsRow &row);

    sqlite3 *m_db;
    sql::Statement m_insertEvent;
    sql::Statement m_updateEvent;
    sql::Statement m_insertTag;
    sql::Statement m_findTag;
    sql::Statement m_insertType;
    sql::Statement m_findType;
    sql::Statement m_insertFts;
    sql::Statement m_deleteFts; ///< FTS5's 'delete' command, given the indexed text
    sql::Statement m_ftsRow; ///< one stored event's text as the index has it
    sql::Statement m_isIndexed;
    sql::Statement m_insertTagWithId;
    sql::Statement m_insertTypeWithId;
    // A row per statement cost SQLite more in the statement's own work than in the row:
    // events wait here and go many to a statement.
    static constexpr int kEventsPerInsert = 64;

    sql::Statement m_insertEvents; ///< kEventsPerInsert rows
    sql::SameValueBinder m_insertEventsBinder; ///< binds m_insertEvents
    std::vector<const PreparedEvent *> m_pendingEvents; ///< alive until flush()
    qint64 m_nextId = 0; ///< the id the next event gets; 0 until looked up
    qint64 m_firstId = 0; ///< the first id this writer gave; 0 before it gave one
    QHash<QString, qint64> m_types;
    QHash<QString, qint64> m_tags; ///< key: kind digit + lower-case name
    QString m_error;
};

/// The text of an event's tags as the full-text index holds it.
QString tagText(const Event &event);

} // namespace placard
