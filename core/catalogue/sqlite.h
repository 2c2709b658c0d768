// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <bit>
#include <memory>
#include <optional>
#include <type_traits>
#include <vector>

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

/// Binds a statement's parameters, passing over a NULL or a number that is already bound
/// at that place: a statement of many rows run again and again binds the same NULLs and
/// constants (the dataset, the times) row after row, and SQLite takes longer to bind one than
/// this takes to compare. Text is always bound. Only for a statement run with
/// runKeepingBindings() and bound through this alone.
class SameValueBinder {
public:
    SameValueBinder(Statement &statement, int parameters)
        : m_statement(statement)
        , m_slots(std::size_t(parameters) + 1)
    {
    }

    SameValueBinder &bind(int index, qint64 value)
    {
        Slot &slot = m_slots[std::size_t(index)];
        if (slot.kind != Kind::Integer || slot.bits != value) {
            slot = {Kind::Integer, value};
            m_statement.bind(index, value);
        }
        return *this;
    }
    SameValueBinder &bind(int index, double value)
    {
        Slot &slot = m_slots[std::size_t(index)];
        const qint64 bits = std::bit_cast<qint64>(value);
        if (slot.kind != Kind::Real || slot.bits != bits) {
            slot = {Kind::Real, bits};
            m_statement.bind(index, value);
        }
        return *this;
    }
    SameValueBinder &bindNull(int index)
    {
        Slot &slot = m_slots[std::size_t(index)];
        if (slot.kind != Kind::Null) {
            slot = {Kind::Null, 0};
            m_statement.bindNull(index);
        }
        return *this;
    }
    /// As Statement::bindStatic(): empty binds NULL.
    SameValueBinder &bindStatic(int index, QByteArrayView utf8)
    {
        if (utf8.isEmpty())
            return bindNull(index);
        m_slots[std::size_t(index)] = {Kind::Text, 0};
        m_statement.bindStatic(index, utf8);
        return *this;
    }
    template<typename T> SameValueBinder &bind(int index, const std::optional<T> &value)
    {
        return value
            ? bind(index,
                   static_cast<std::conditional_t<std::is_floating_point_v<T>, double, qint64>>(
                       *value))
            : bindNull(index);
    }

private:
    enum class Kind : quint8 { Unknown, Null, Integer, Real, Text };
    struct Slot {
        Kind kind = Kind::Unknown;
        qint64 bits = 0;
    };
    Statement &m_statement;
    std::vector<Slot> m_slots; ///< by parameter index
};

} // namespace placard::sql
