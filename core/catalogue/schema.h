// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

struct sqlite3;

namespace placard::schema {

/// Placard's SQLite application id ("PLCD"), stored in the file header.
inline constexpr int kApplicationId = 0x504C4344;
/// The schema version this build writes, stored as PRAGMA user_version.
inline constexpr int kCurrentVersion = 3;

/// Creates the current schema in an empty database, inside the caller's transaction.
bool create(sqlite3 *db, QString *error);

/// Brings a database of an older schema version up to kCurrentVersion, one step at a
/// time, inside the caller's transaction.
bool migrate(sqlite3 *db, int fromVersion, QString *error);

/// Checks that the objects in a database are exactly those Placard creates for its
/// version, any from 1 to kCurrentVersion (same names, types and SQL): no trigger, no view,
/// no foreign table. The database is only read.
bool validate(sqlite3 *db, int version, QString *error);

} // namespace placard::schema
