// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/tileexport.h"

#include "catalogue/sqlite.h"
#include "geo/basemaprenderer.h"
#include "geo/webmercator.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentMap>

#include <sqlite3.h>

namespace placard::geo {

namespace {

struct Job {
    int z, x, y;
    QByteArray png;
};

QList<Job> tilesOf(int minZoom, int maxZoom, const QRectF &bbox)
{
    QList<Job> jobs;
    for (int z = minZoom; z <= maxZoom; ++z) {
        const int n = 1 << z;
        int x0 = 0, x1 = n - 1, y0 = 0, y1 = n - 1;
        if (!bbox.isNull()) {
            const mercator::TileId nw = mercator::tileAt(bbox.bottom(), bbox.left(), z);
            const mercator::TileId se = mercator::tileAt(bbox.top(), bbox.right(), z);
            x0 = nw.x;
            y0 = nw.y;
            x1 = se.x;
            y1 = se.y;
        }
        for (int x = x0; x <= x1; ++x) {
            for (int y = y0; y <= y1; ++y)
                jobs.append({z, x, y, {}});
        }
    }
    return jobs;
}

} // namespace

qint64 exportTiles(const BasemapRenderer &renderer, int minZoom, int maxZoom, const QRectF &bbox,
                   TileSink sink, const QString &destination, QString *error,
                   const std::atomic_bool *cancel,
                   const std::function<void(qint64, qint64)> &progress)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return qint64(-1);
    };
    if (minZoom < 0 || maxZoom > 14 || minZoom > maxZoom)
        return fail(
            QStringLiteral("zoom range %1-%2 is not within 0-14").arg(minZoom).arg(maxZoom));
    QList<Job> jobs = tilesOf(minZoom, maxZoom, bbox);

    sql::Connection db;
    sql::Statement insert;
    const QString partial = destination + QStringLiteral(".partial");
    if (sink == TileSink::MBTiles) {
        if (QFile::exists(destination))
            return fail(QStringLiteral("%1: the file exists already").arg(destination));
        QFile::remove(partial);
        sqlite3 *raw = nullptr;
        sqlite3_open_v2(partial.toUtf8().constData(), &raw,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        db.reset(raw);
        QString why;
        if (!sql::exec(
                raw,
                "CREATE TABLE metadata(name TEXT, value TEXT);"
                "CREATE TABLE tiles(zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
                "tile_data BLOB, PRIMARY KEY(zoom_level, tile_column, tile_row));"
                "BEGIN",
                &why))
            return fail(QStringLiteral("%1: %2").arg(partial, why));
        sql::Statement meta(raw, "INSERT INTO metadata(name, value) VALUES(?1, ?2)");
        const QRectF b =
            bbox.isNull() ? QRectF(QPointF(-180, -85.0511), QPointF(180, 85.0511)) : bbox;
        const QList<std::pair<QString, QString>> values{
            {QStringLiteral("name"),
             QStringLiteral("Placard basemap (%1)").arg(styleName(renderer.style()))},
            {QStringLiteral("format"), QStringLiteral("png")},
            {QStringLiteral("type"), QStringLiteral("baselayer")},
            {QStringLiteral("minzoom"), QString::number(minZoom)},
            {QStringLiteral("maxzoom"), QString::number(maxZoom)},
            {QStringLiteral("bounds"),
             QStringLiteral("%1,%2,%3,%4")
                 .arg(b.left())
                 .arg(b.top())
                 .arg(b.right())
                 .arg(b.bottom())},
            {QStringLiteral("attribution"),
             QStringLiteral("Natural Earth; US Census Bureau; GeoNames (CC BY 4.0)")},
        };
        for (const auto &[name, value] : values) {
            meta.bind(1, name).bind(2, value);
            meta.run();
        }
        insert = sql::Statement(raw,
                                "INSERT INTO tiles(zoom_level, tile_column, tile_row, tile_data) "
                                "VALUES(?1, ?2, ?3, ?4)");
    } else if (!QDir().mkpath(destination)) {
        return fail(QStringLiteral("%1: cannot create the folder").arg(destination));
    }

    qint64 done = 0;
    const qint64 total = jobs.size();
    constexpr qsizetype kChunk = 64;
    for (qsizetype start = 0; start < jobs.size(); start += kChunk) {
        if (cancel && cancel->load()) {
            db.reset();
            QFile::remove(partial);
            return fail(QStringLiteral("cancelled"));
        }
        QList<Job> chunk = jobs.mid(start, kChunk);
        QtConcurrent::blockingMap(chunk, [&renderer](Job &j) {
            QBuffer buffer(&j.png);
            buffer.open(QIODevice::WriteOnly);
            renderer.renderTile(j.z, j.x, j.y).save(&buffer, "PNG");
        });
        for (const Job &j : std::as_const(chunk)) {
            if (sink == TileSink::MBTiles) {
                insert.bind(1, qint64(j.z))
                    .bind(2, qint64(j.x))
                    .bind(3, qint64(mbtilesRow(j.z, j.y)));
                insert.bindBlob(4, j.png);
                if (!insert.run()) {
                    const QString why = insert.error();
                    db.reset();
                    QFile::remove(partial);
                    return fail(QStringLiteral("%1: %2").arg(destination, why));
                }
            } else {
                const QString dir = QStringLiteral("%1/%2/%3").arg(destination).arg(j.z).arg(j.x);
                QDir().mkpath(dir);
                QSaveFile f(QStringLiteral("%1/%2.png").arg(dir).arg(j.y));
                if (!f.open(QIODevice::WriteOnly) || f.write(j.png) != j.png.size() || !f.commit())
                    return fail(QStringLiteral("%1: %2").arg(f.fileName(), f.errorString()));
            }
            ++done;
        }
        if (progress)
            progress(done, total);
    }
    if (sink == TileSink::MBTiles) {
        QString why;
        if (!sql::exec(db.get(), "COMMIT", &why)) {
            db.reset();
            QFile::remove(partial);
            return fail(QStringLiteral("%1: %2").arg(destination, why));
        }
        insert = sql::Statement();
        db.reset();
        if (!QFile::rename(partial, destination))
            return fail(
                QStringLiteral("%1: cannot move the finished file into place").arg(destination));
    }
    return done;
}

} // namespace placard::geo
