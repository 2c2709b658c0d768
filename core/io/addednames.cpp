// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/addednames.h"

#include "catalogue/sqlite.h"

namespace placard::io {

namespace {
void mark(std::vector<char> &used, qint64 index)
{
    if (index >= 0 && std::size_t(index) < used.size())
        used[std::size_t(index)] = 1;
}

bool removeUnmarked(sqlite3 *db, const char *sql, const std::vector<char> &used, qint64 first,
                    QString &error)
{
    sql::Statement statement(db, sql);
    for (std::size_t i = 0; i < used.size(); ++i) {
        if (used[i])
            continue;
        statement.bind(1, first + qint64(i));
        if (!statement.run()) {
            error = statement.error();
            return false;
        }
    }
    return true;
}
} // namespace

AddedNames::AddedNames(qint64 firstType, qint64 firstTag)
    : m_firstType(firstType)
    , m_firstTag(firstTag)
{
}

void AddedNames::add(const QList<NewName> &names)
{
    for (const NewName &n : names) {
        const bool type = n.kind < 0;
        std::vector<char> &used = type ? m_typeUsed : m_tagUsed;
        const qint64 index = n.id - (type ? m_firstType : m_firstTag);
        if (index >= 0 && std::size_t(index) >= used.size())
            used.resize(std::size_t(index) + 1);
    }
}

void AddedNames::use(const PreparedEvent &prepared)
{
    mark(m_typeUsed, prepared.typeId - m_firstType);
    for (const qint64 id : prepared.tagIds)
        mark(m_tagUsed, id - m_firstTag);
}

bool AddedNames::removeUnused(sqlite3 *db, QString &error) const
{
    return removeUnmarked(db, "DELETE FROM event_types WHERE id = ?1", m_typeUsed, m_firstType,
                          error) &&
        removeUnmarked(db, "DELETE FROM tags WHERE id = ?1", m_tagUsed, m_firstTag, error);
}

} // namespace placard::io
