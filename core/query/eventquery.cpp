// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/eventquery.h"

#include "catalogue/catalogue.h"

#include <algorithm>
#include <map>
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
        where << QStringLiteral("EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(e.tag_ids) "
                                "THEN e.tag_ids END) WHERE value IN "
                                "(SELECT id FROM tags WHERE name = ?))");
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
    // The counts, the range and the types and years in one pass over the events, rather
    // than a scan of the table for each: for a million events, a scan is a few tenths of a
    // second. Regions are grouped by SQLite, which does so without a string per event.
    sqlite3 *db = catalogue.handle();
    CatalogueStats s;
    std::map<qint64, qint64> types; // type id (0: none) -> events
    std::map<int, qint64> years;
    qint64 first = 0;
    qint64 last = 0;
    sql::Statement scan(db,
                        "SELECT coalesce(type_id, 0), start_day, end_day, "
                        "lat IS NULL OR lon IS NULL FROM events");
    while (scan.next()) {
        const qint64 start = scan.int64(1);
        const qint64 end = scan.int64(2);
        first = s.events == 0 ? start : std::min(first, start);
        last = s.events == 0 ? end : std::max(last, end);
        ++s.events;
        ++types[scan.int64(0)];
        ++years[dateOfDay(start).year()];
        s.unplaced += scan.int64(3);
    }
    if (s.events > 0) {
        s.first = dateOfDay(first);
        s.last = dateOfDay(last);
    }
    QHash<qint64, QString> typeNames;
    sql::Statement names(db, "SELECT id, name FROM event_types");
    while (names.next())
        typeNames.insert(names.int64(0), names.text(1));
    for (const auto &[id, count] : types)
        s.byType.append({typeNames.value(id, QStringLiteral("(none)")), count});
    std::stable_sort(s.byType.begin(), s.byType.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    for (const auto &[year, count] : years)
        s.byYear.append({QStringLiteral("%1").arg(year, 4, 10, QLatin1Char('0')), count});
    s.byRegion = counts(db,
                        "SELECT CASE WHEN admin1 IS NULL THEN coalesce(country, '(none)') "
                        "ELSE coalesce(country, '?') || '-' || admin1 END AS r, count(*) AS n "
                        "FROM events GROUP BY r ORDER BY n DESC, r");
    return s;
}

} // namespace placard
