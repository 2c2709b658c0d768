// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/mbtiles.h"

#include "catalogue/sqlite.h"
#include "geo/tileexport.h"

#include <QFileInfo>
#include <QMutex>

#include <sqlite3.h>

namespace placard::geo {

TileProvider mbtilesTiles(const QString &path, QString *error)
{
    if (!QFileInfo(path).isFile()) {
        if (error)
            *error = QStringLiteral("%1: no such file").arg(path);
        return {};
    }
    sqlite3 *raw = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &raw,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, sql::lastError(raw));
        sqlite3_close(raw);
        return {};
    }
    int ignored = 0;
    sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, &ignored);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &ignored);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &ignored);
    struct Source {
        sql::Connection db;
        sql::Statement tile;
        QMutex mutex;
    };
    auto source = std::make_shared<Source>();
    source->db.reset(raw);
    source->tile =
        sql::Statement(raw,
                       "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 "
                       "AND tile_row = ?3");
    if (!source->tile.isValid()) {
        if (error)
            *error =
                QStringLiteral("%1 is not an MBTiles file (%2)").arg(path, sql::lastError(raw));
        return {};
    }
    return [source](int z, int x, int y) {
        QMutexLocker lock(&source->mutex);
        source->tile.bind(1, qint64(z)).bind(2, qint64(x)).bind(3, qint64(mbtilesRow(z, y)));
        QByteArray bytes;
        if (source->tile.next())
            bytes = source->tile.bytes(0).toByteArray();
        source->tile.reset();
        return bytes;
    };
}

} // namespace placard::geo
