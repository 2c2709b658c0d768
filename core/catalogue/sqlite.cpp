// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/sqlite.h"

#include <sqlite3.h>

#include <utility>

namespace placard::sql {

void ConnectionCloser::operator()(sqlite3 *db) const
{
    sqlite3_close_v2(db);
}

QString lastError(sqlite3 *db)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("no database");
}

bool configureLibrary()
{
    // SQLite counts every allocation under one global mutex for sqlite3_memory_used(), which
    // Placard never asks; an import's text index makes millions of allocations.
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
}

bool exec(sqlite3 *db, const char *sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = QString::fromUtf8(message ? message : "unknown SQLite error");
    sqlite3_free(message);
    return false;
}

std::optional<qint64> pragmaInt(sqlite3 *db, const char *sql)
{
    Statement q(db, sql);
    if (!q.isValid() || !q.next())
        return std::nullopt;
    return q.int64(0);
}

QString pragmaText(sqlite3 *db, const char *sql)
{
    Statement q(db, sql);
    return q.isValid() && q.next() ? q.text(0) : QString();
}

Statement::Statement(sqlite3 *db, const char *sql)
    : m_db(db)
{
    m_rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (m_rc != SQLITE_OK)
        m_stmt = nullptr;
}

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_db(other.m_db)
    , m_rc(other.m_rc)
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
        m_rc = other.m_rc;
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

QString Statement::error() const
{
    return lastError(m_db);
}

Statement &Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &text)
{
    if (text.isNull())
        return bindNull(index);
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &utf8)
{
    if (utf8.isNull())
        return bindNull(index);
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindStatic(int index, const QByteArray &utf8)
{
    return bindStatic(index, QByteArrayView(utf8));
}

Statement &Statement::bindStatic(int index, QByteArrayView utf8)
{
    if (utf8.isEmpty())
        return bindNull(index);
    sqlite3_bind_text(m_stmt, index, utf8.data(), int(utf8.size()), SQLITE_STATIC);
    return *this;
}

Statement &Statement::bindBlob(int index, const QByteArray &bytes)
{
    sqlite3_bind_blob(m_stmt, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::next()
{
    m_rc = sqlite3_step(m_stmt);
    return m_rc == SQLITE_ROW;
}

bool Statement::run()
{
    const bool ok = runKeepingBindings();
    sqlite3_clear_bindings(m_stmt);
    return ok;
}

bool Statement::runKeepingBindings()
{
    do {
        m_rc = sqlite3_step(m_stmt);
    } while (m_rc == SQLITE_ROW);
    const bool ok = m_rc == SQLITE_DONE;
    sqlite3_reset(m_stmt);
    return ok;
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

QByteArrayView Statement::bytes(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QByteArrayView(data, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

} // namespace placard::sql
