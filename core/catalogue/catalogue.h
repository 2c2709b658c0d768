// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"
#include "catalogue/schema.h"
#include "catalogue/sqlite.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace placard {

class LogCopyStop;

/// A Placard catalogue: one SQLite file (".placard") of events, their tags and sources,
/// and the imports they came from.
///
/// A catalogue file is untrusted input. open() reads it first without writing, with
/// SQLite's defensive mode on, triggers, views and extension loading off and no trusted
/// schema; it refuses a file whose application id, version or schema is not Placard's,
/// leaving it untouched. One Catalogue is one connection: use it from one thread at a
/// time. Every change made through it is announced by changed().
class Catalogue : public QObject {
    Q_OBJECT

public:
    /// What a change touched.
    enum class ChangeKind { Added, Updated, Removed, Reset };
    Q_ENUM(ChangeKind)

    ~Catalogue() override;

    /// Creates a new, empty catalogue; refuses to overwrite an existing file.
    static std::unique_ptr<Catalogue> create(const QString &path, QString *error);
    /// Opens an existing catalogue read-write, migrating an older schema. An upgrade takes
    /// seconds for a large catalogue: `upgrading`, when given, is told how far it has come,
    /// on this thread, first (0, total) before it begins; returning false stops it, and the
    /// file is left as it was (the error then says so). Completing the text index of an
    /// import that was stopped before it made it takes seconds too: `indexing` is told in
    /// events, the same way, and returning false stops it; the catalogue is then not opened,
    /// and the index is completed when it is next opened.
    static std::unique_ptr<Catalogue> open(const QString &path, QString *error,
                                           const schema::MigrationProgress &upgrading = {},
                                           const schema::MigrationProgress &indexing = {});
    /// Opens the catalogue, creating it when the file does not exist.
    static std::unique_ptr<Catalogue> openOrCreate(const QString &path, QString *error,
                                                   const schema::MigrationProgress &upgrading = {},
                                                   const schema::MigrationProgress &indexing = {});

    QString path() const { return m_path; }
    /// The connection, for core units that write in bulk (importer) inside a transaction.
    sqlite3 *handle() const { return m_db.get(); }
    /// A new read-only connection to the same file, configured like this one, for reading
    /// on another thread (it sees what this connection has committed).
    sql::Connection openReader(QString *error = nullptr) const;
    /// Copies what the write-ahead log holds of committed transactions into the file,
    /// through a connection of its own, so that it may run on another thread while this
    /// connection writes. Neither readers nor the writer are waited for: pages they may
    /// still need stay in the log for a later copy. `stop`, from another thread, ends the
    /// copy early (the rest stays in the log). The number of pages copied, or nothing when
    /// the file cannot be opened, is not in WAL mode, or the copy was stopped.
    std::optional<int> copyLogToFile(LogCopyStop *stop = nullptr, QString *error = nullptr) const;

    // Reading
    std::optional<Event> event(qint64 id) const;
    /// Ids in ascending order after `afterId`, at most `limit` of them: pages of events.
    QList<qint64> eventIds(qint64 afterId = 0, int limit = 1000) const;
    qint64 eventCount() const;
    qint64 unplacedCount() const;
    QList<Dataset> datasets() const;
    std::optional<Dataset> dataset(qint64 id) const;
    QList<ImportProblem> problems(qint64 datasetId, int limit = 1000, int offset = 0) const;
    /// How many problems each import recorded, by dataset id (none: absent).
    QHash<qint64, qint64> problemCounts() const;
    /// How many events each import still holds, by dataset id: some may have been deleted
    /// since (none: absent).
    QHash<qint64, qint64> eventsByDataset() const;
    /// Ids of events whose text matches a full-text query (FTS5 syntax, words ANDed).
    QList<qint64> searchText(const QString &query, QString *error = nullptr) const;

    // Writing; each call is one transaction.
    /// Inserts events (ids are set); all or nothing.
    bool insertEvents(QList<Event> &events, QString *error = nullptr);
    /// Replaces a stored event.
    bool updateEvent(Event &event, QString *error = nullptr);
    /// Deletes events by id.
    bool deleteEvents(const QList<qint64> &ids, QString *error = nullptr);
    /// Removes an import: its dataset record, its events and their problems.
    bool removeDataset(qint64 datasetId, QString *error = nullptr);

    /// Tells listeners that another connection (an import) changed the file.
    void announceExternalChange(ChangeKind kind, const QList<qint64> &ids = {});

    /// Checks the file with PRAGMA integrity_check; empty when it is sound.
    QString integrityProblems() const;

Q_SIGNALS:
    /// Emitted after every committed change; ids are empty for Reset.
    void changed(placard::Catalogue::ChangeKind kind, const QList<qint64> &ids);
    void datasetsChanged();

private:
    Catalogue(sql::Connection db, const QString &path);
    /// False with `stopped` set when `indexing` stopped it.
    bool completeTextIndex(QString *error, const schema::MigrationProgress &indexing,
                           bool *stopped);

    sql::Connection m_db;
    QString m_path;
};

/// Stops a Catalogue::copyLogToFile() running on another thread, or about to.
class LogCopyStop {
public:
    /// Interrupts the copy; one that has not begun will not.
    void stop();

private:
    friend class Catalogue;
    std::mutex m_mutex;
    sqlite3 *m_running = nullptr; ///< the copying connection, while it copies
    bool m_stopped = false;
};

/// Applies Placard's connection settings: defensive mode, no triggers, views or
/// extensions, untrusted schema, foreign keys; WAL when writable.
bool configureConnection(sqlite3 *db, bool writable, QString *error);

} // namespace placard
