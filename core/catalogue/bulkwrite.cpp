// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/bulkwrite.h"

#include "catalogue/sqlite.h"

#include <sqlite3.h>

#include <QByteArray>

namespace placard {

namespace {

// KiB, as PRAGMA cache_size takes a negative size.
constexpr int kBulkCacheKiB = 8192;

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
