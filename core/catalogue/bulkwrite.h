// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

struct sqlite3;

namespace placard {

/// A connection's settings for the length of one bulk write (an import), put back when it
/// ends however it ends.
///
/// - Foreign keys are off: the importer makes every id it links to, so the checks would only
///   repeat what it knows.
/// - The page cache is small: an import appends to its tables, so a few megabytes hold every
///   page it goes back to, and what it has finished with is written out as the cache fills
///   instead of being kept (the default 64 MB would be 64 MB more memory to take).
/// - When no other connection has the catalogue open, the rows are written with a rollback
///   journal instead of the write-ahead log ("direct"). Each page then goes into the file
///   once; through the log it went twice, into the log and later copied from it. The journal
///   keeps only the pages that held something before, so a failure, a cancel or a killed
///   process still leaves the catalogue as it was. Other connections wait meanwhile, as for
///   any writer. endDirect() goes back to the log, which the catalogue is always left in.
/// - Without direct writing, the log is not copied into the file automatically in the middle
///   of the write; a passive copy is made at the end.
class BulkWrite {
public:
    explicit BulkWrite(sqlite3 *db);
    ~BulkWrite();
    BulkWrite(const BulkWrite &) = delete;
    BulkWrite &operator=(const BulkWrite &) = delete;

    /// True while rows go straight into the file.
    bool isDirect() const { return m_direct; }
    /// Back to the write-ahead log, between transactions; false when the catalogue stays in
    /// the rollback journal because another connection holds it (it is put back in the log
    /// when next opened).
    bool endDirect();
    /// Starts writing to disk what the system holds of the file the rows go into, without
    /// waiting for it. A commit waits until they are on disk: for a million events, a
    /// fifth of a second of doing nothing when it was all left to then.
    void writeBack();

private:
    sqlite3 *m_db;
    qint64 m_cacheSize;
    qint64 m_autoCheckpoint;
    bool m_wal;
    bool m_direct = false;
    int m_fd = -1; ///< SQLite's descriptor of the file written, for writeBack()
};

} // namespace placard
