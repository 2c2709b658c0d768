// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/preparedevent.h"

#include <QList>
#include <QString>

#include <vector>

struct sqlite3;

namespace placard::io {

/// The types and tags an import adds, and whether a row it writes uses them. Names get their
/// ids on the parsing thread, before duplicates are judged on the writing one, so a name
/// only skipped duplicates had would otherwise stay in the catalogue, naming no event.
class AddedNames {
public:
    /// The ids the import's first new type and tag get (NameDictionary::nextTypeId()…).
    AddedNames(qint64 firstType, qint64 firstTag);
    /// Names the import added, as the dictionary handed them out.
    void add(const QList<NewName> &names);
    /// A row written (inserted or updated) uses its type and tags.
    void use(const PreparedEvent &prepared);
    /// Deletes the added names no written row used; false and `error` when that fails.
    bool removeUnused(sqlite3 *db, QString &error) const;

private:
    const qint64 m_firstType;
    const qint64 m_firstTag;
    std::vector<char> m_typeUsed; ///< by id from m_firstType
    std::vector<char> m_tagUsed; ///< by id from m_firstTag
};

} // namespace placard::io
