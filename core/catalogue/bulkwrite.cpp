// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/bulkwrite.h"

#include "catalogue/sqlite.h"

#include <sqlite3.h>

#include <QByteArray>

#if defined(__linux__)
#include <fcntl.h>

#include <filesystem>
#include <system_error>
#endif

namespace placard {

namespace {

// KiB, as PRAGMA cache_size takes a negative size.
constexpr int kBulkCacheKiB = 8192;

#if defined(__linux__)
// A descriptor SQLite has open on the file at `path`, or -1. Not one of our own: closing a
// descriptor of a file drops every lock the process holds on it (POSIX locks belong to the
// process and the file), SQLite's included, and another program could then write beside it.
int sqliteDescriptor(const char *path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path file = fs::canonical(path, ec);
    if (ec)
        return -1;
    for (const fs::directory_entry &entry : fs::directory_iterator("/proc/self/fd", ec)) {
        if (fs::read_symlink(entry.path(), ec) == file && !ec)
            return std::stoi(entry.path().filename().string());
    }
    return -1;
}
#endif

} // namespace

BulkWrite::BulkWrite(sqlite3 *db)
    : m_db(db)
    , m_cacheSize(sql::pragmaInt(db, "PRAGMA cache_size").value_or(-2000))
    , m_autoCheckpoint(sql::pragmaInt(db, "PRAGMA wal_autocheckpoint").value_or(1000))
    , m_wal(sql::pragmaText(db, "PRAGMA journal_mode") == QLatin1StringView("wal"))
{
    const QByteArray settings = "PRAGMA foreign_keys=OFF; PRAGMA wal_autocheckpoint=0; "
                                "PRAGMA cache_size=-" +
        QByteArray::number(kBulkCacheKiB) + ';';
    sql::exec(db, settings.constData());
    if (!m_wal)
        return;
    // Leaving the log needs the catalogue alone: asked without waiting, since another
    // connection that has it open would hold it for as long as it stays open.
    const qint64 timeout = sql::pragmaInt(db, "PRAGMA busy_timeout").value_or(0);
    sqlite3_busy_timeout(db, 0);
    m_direct = sql::pragmaText(db, "PRAGMA journal_mode=DELETE") == QLatin1StringView("delete");
    sqlite3_busy_timeout(db, int(timeout));
#if defined(__linux__)
    if (m_direct) {
        if (const char *path = sqlite3_db_filename(db, "main"); path && *path)
            m_fd = sqliteDescriptor(path);
    }
#endif
}

void BulkWrite::writeBack()
{
#if defined(__linux__)
    if (m_fd >= 0)
        ::sync_file_range(m_fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
}

bool BulkWrite::endDirect()
{
    if (!m_direct)
        return true;
    // The switch writes the file's header, so any transaction must have ended.
    if (!sqlite3_get_autocommit(m_db))
        sql::exec(m_db, "ROLLBACK");
    m_direct = sql::pragmaText(m_db, "PRAGMA journal_mode=WAL") != QLatin1StringView("wal");
    return !m_direct;
}

BulkWrite::~BulkWrite()
{
    endDirect();
    // Passive: readers are not waited for; what they still need is copied later.
    QByteArray back =
        "PRAGMA foreign_keys=ON; PRAGMA cache_size=" + QByteArray::number(m_cacheSize) +
        "; PRAGMA wal_autocheckpoint=" + QByteArray::number(m_autoCheckpoint) + ';';
    if (m_wal)
        back += " PRAGMA wal_checkpoint(PASSIVE);";
    sql::exec(m_db, back.constData());
}

} // namespace placard
