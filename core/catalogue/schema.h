// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

struct sqlite3;

namespace placard::schema {

/// Placard's SQLite application id ("PLCD"), stored in the file header.
inline constexpr int kApplicationId = 0x504C4344;
/// The schema version this build writes, stored as PRAGMA user_version.
inline constexpr int kCurrentVersion = 4;

/// Creates the current schema in an empty database, inside the caller's transaction.
bool create(sqlite3 *db, QString *error);

/// How far an upgrade has come, in steps of its own: (0, total) before the long part, then
/// after each piece of it. Returning false stops the upgrade; the caller then rolls back.
using MigrationProgress = std::function<bool(qint64 done, qint64 total)>;

/// Brings a database of an older schema version up to kCurrentVersion, one step at a
/// time, inside the caller's transaction. When `progress` stops it, `error` says "stopped".
bool migrate(sqlite3 *db, int fromVersion, QString *error, const MigrationProgress &progress = {});

/// Checks that the objects in a database are exactly those Placard creates for its
/// version, any from 1 to kCurrentVersion (same names, types and SQL): no trigger, no view,
/// no foreign table. The database is only read.
bool validate(sqlite3 *db, int version, QString *error);

} // namespace placard::schema
