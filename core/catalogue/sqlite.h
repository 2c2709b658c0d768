// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace placard::sql {

/// Closes a connection when it goes out of scope.
struct ConnectionCloser {
    void operator()(sqlite3 *db) const;
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

/// Sets SQLite up for Placard; to be called first thing in main(), before any connection is
/// opened (SQLite takes its settings only then): false when it was too late.
bool configureLibrary();

/// The last error of a connection, as text.
QString lastError(sqlite3 *db);

/// Runs one or more statements that return no rows; false and *error on failure.
bool exec(sqlite3 *db, const char *sql, QString *error = nullptr);

/// The first column of the first row a pragma (or query) gives; nullopt without one.
std::optional<qint64> pragmaInt(sqlite3 *db, const char *sql);
/// The same as text; empty without one.
QString pragmaText(sqlite3 *db, const char *sql);

/// A prepared statement bound to one connection; not thread-safe, like the connection.
/// Text is bound as UTF-8 copied by SQLite, so temporaries may be passed.
class Statement {
public:
    Statement() = default;
    Statement(sqlite3 *db, const char *sql);
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    bool isValid() const { return m_stmt != nullptr; }
    QString error() const;

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &text); ///< null QString binds NULL
    Statement &bind(int index, const QByteArray &utf8); ///< null QByteArray binds NULL
    /// Binds without copying: `utf8` must live until the statement is reset.
    Statement &bindStatic(int index, const QByteArray &utf8);
    Statement &bindStatic(int index, QByteArrayView utf8); ///< the same; empty binds NULL
    Statement &bindNull(int index);
    Statement &bindBlob(int index, const QByteArray &bytes); ///< copied by SQLite
    template<typename T> Statement &bind(int index, const std::optional<T> &value)
    {
        return value
            ? bind(index,
                   static_cast<std::conditional_t<std::is_floating_point_v<T>, double, qint64>>(
                       *value))
            : bindNull(index);
    }

    /// Steps once: true when a row is available.
    bool next();
    /// Steps to completion, then resets and clears the bindings; false on error.
    bool run();
    /// The same, keeping the bindings: for statements run many times whose every parameter
    /// is bound anew before each run (clearing them cost more than some runs). Text bound
    /// with bindStatic() stays pointed to until then, unread.
    bool runKeepingBindings();
    void reset();

    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    /// The column's UTF-8 bytes, valid until the next step or reset.
    QByteArrayView bytes(int column) const;
    bool isNull(int column) const;
    int columnCount() const;
    template<typename T> std::optional<T> optional(int column) const
    {
        if (isNull(column))
            return std::nullopt;
        if constexpr (std::is_floating_point_v<T>)
            return static_cast<T>(real(column));
        else
            return static_cast<T>(int64(column));
    }

    /// SQLite's result of the last step.
    int resultCode() const { return m_rc; }

private:
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
    int m_rc = 0;
};

} // namespace placard::sql
