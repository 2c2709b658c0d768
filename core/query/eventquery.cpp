// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/eventquery.h"

#include "catalogue/catalogue.h"

#include <algorithm>
#include <sqlite3.h>

namespace placard {

namespace {
const QDate kEpoch(1970, 1, 1);

QList<QPair<QString, qint64>> counts(sqlite3 *db, const char *sql)
{
    QList<QPair<QString, qint64>> result;
    sql::Statement q(db, sql);
    while (q.next())
        result.append({q.text(0), q.int64(1)});
    return result;
}
} // namespace

qint32 dayNumber(const QDate &date)
{
    return qint32(kEpoch.daysTo(date));
}

QDate dateOfDay(qint64 day)
{
    return kEpoch.addDays(day);
}

std::optional<QList<qint64>> EventQuery::run(const Catalogue &catalogue, QString *error) const
{
    QStringList where;
    QList<QVariant> binds;
    if (from) {
        where << QStringLiteral("e.end_day >= ?");
        binds << dayNumber(*from);
    }
    if (to) {
        where << QStringLiteral("e.start_day <= ?");
        binds << dayNumber(*to);
    }
    if (!types.isEmpty()) {
        QStringList marks;
        for (const QString &t : types) {
            marks << QStringLiteral("?");
            binds << t;
        }
        where << QStringLiteral("e.type_id IN (SELECT id FROM event_types WHERE name IN (%1))")
                     .arg(marks.join(QLatin1Char(',')));
    }
    for (const QString &tag : tags) {
        where << QStringLiteral("e.id IN (SELECT et.event_id FROM event_tags et JOIN tags t ON "
                                "t.id = et.tag_id WHERE t.name = ?)");
        binds << tag;
    }
    if (minSize) {
        where << QStringLiteral("coalesce(e.size_high, e.size_low) >= ?");
        binds << *minSize;
    }
    if (bbox) {
        const auto [west, south, east, north] = *bbox;
        where << QStringLiteral("e.lat BETWEEN ? AND ?");
        binds << south << north;
        if (west <= east) {
            where << QStringLiteral("e.lon BETWEEN ? AND ?");
            binds << west << east;
        } else { // across the antimeridian
            where << QStringLiteral("(e.lon >= ? OR e.lon <= ?)");
            binds << west << east;
        }
    }
    QList<qint64> textIds;
    if (!text.trimmed().isEmpty()) {
        QString why;
        textIds = catalogue.searchText(text, &why);
        if (!why.isEmpty()) {
            if (error)
                *error = why;
            return std::nullopt;
        }
    }
    const QString sqlText =
        QStringLiteral("SELECT e.id FROM events e%1 ORDER BY e.id")
            .arg(where.isEmpty() ? QString()
                                 : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")));
    const QByteArray utf8 = sqlText.toUtf8();
    sql::Statement q(catalogue.handle(), utf8.constData());
    if (!q.isValid()) {
        if (error)
            *error = q.error();
        return std::nullopt;
    }
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant &v = binds.at(i);
        if (v.typeId() == QMetaType::Double)
            q.bind(i + 1, v.toDouble());
        else if (v.typeId() == QMetaType::QString)
            q.bind(i + 1, v.toString());
        else
            q.bind(i + 1, v.toLongLong());
    }
    QList<qint64> ids;
    const bool byText = !text.trimmed().isEmpty();
    while (q.next()) {
        const qint64 id = q.int64(0);
        if (!byText || std::binary_search(textIds.cbegin(), textIds.cend(), id))
            ids << id;
    }
    return ids;
}

CatalogueStats CatalogueStats::of(const Catalogue &catalogue)
{
    sqlite3 *db = catalogue.handle();
    CatalogueStats s;
    s.events = catalogue.eventCount();
    s.unplaced = catalogue.unplacedCount();
    sql::Statement range(db, "SELECT min(start_day), max(end_day) FROM events");
    if (range.next() && !range.isNull(0)) {
        s.first = dateOfDay(range.int64(0));
        s.last = dateOfDay(range.int64(1));
    }
    s.byType = counts(db,
                      "SELECT coalesce(t.name, '(none)'), count(*) AS n FROM events e LEFT "
                      "JOIN event_types t ON t.id = e.type_id GROUP BY e.type_id ORDER BY n "
                      "DESC, 1");
    s.byYear = counts(db,
                      "SELECT strftime('%Y', start_day * 86400, 'unixepoch') AS y, count(*) "
                      "FROM events GROUP BY y ORDER BY y");
    s.byRegion = counts(db,
                        "SELECT CASE WHEN admin1 IS NULL THEN coalesce(country, '(none)') "
                        "ELSE coalesce(country, '?') || '-' || admin1 END AS r, count(*) AS n "
                        "FROM events GROUP BY r ORDER BY n DESC, r");
    return s;
}

} // namespace placard
