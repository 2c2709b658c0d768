// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/placer.h"

#include "catalogue/catalogue.h"
#include "geo/geocoder.h"

#include <QHash>

#include <sqlite3.h>

namespace placard::io {

PlacingReport placeUnplacedEvents(Catalogue &catalogue, const geo::Geocoder &geocoder,
                                  const std::atomic_bool *cancel,
                                  const std::function<void(qint64, qint64)> &progress)
{
    PlacingReport report;
    sqlite3 *db = catalogue.handle();
    struct Row {
        qint64 id;
        geo::GeocodeQuery query;
    };
    QList<Row> rows;
    {
        sql::Statement q(
            db,
            "SELECT id, coalesce(place, locality), locality, admin1, country FROM events "
            "WHERE lat IS NULL OR lon IS NULL ORDER BY id");
        while (q.next())
            rows.append({q.int64(0), {q.text(1), q.text(2), q.text(3), q.text(4)}});
    }
    report.unplaced = rows.size();
    if (rows.isEmpty())
        return report;
    if (!sql::exec(db, "BEGIN IMMEDIATE", &report.error))
        return report;
    sql::Statement update(db,
                          "UPDATE events SET lat=?2, lon=?3, geo_precision=?4, coord_origin=?5, "
                          "updated_at=strftime('%s','now') WHERE id=?1");
    geo::MemoGeocoder memo(geocoder);
    QList<qint64> changed;
    qint64 done = 0;
    for (const Row &row : std::as_const(rows)) {
        if (cancel && cancel->load()) {
            sql::exec(db, "ROLLBACK");
            report.cancelled = true;
            return report;
        }
        const geo::GeocodeResult &answer = memo.geocode(row.query);
        if (answer.isPlaced()) {
            const geo::GeocodeCandidate &best = answer.candidates.constFirst();
            const GeoPrecision precision = geo::toGeoPrecision(best.precision);
            update.bind(1, row.id)
                .bind(2, best.latitude)
                .bind(3, best.longitude)
                .bind(4, qint64(precision))
                .bind(5, qint64(CoordinateOrigin::Gazetteer));
            if (!update.run()) {
                report.error = update.error();
                sql::exec(db, "ROLLBACK");
                return report;
            }
            ++report.placed[std::size_t(best.precision)];
            changed.append(row.id);
        } else {
            ++report.stillUnplaced;
        }
        if (progress && ++done % 1000 == 0)
            progress(done, rows.size());
    }
    if (!sql::exec(db, "COMMIT", &report.error)) {
        sql::exec(db, "ROLLBACK");
        return report;
    }
    catalogue.announceExternalChange(Catalogue::ChangeKind::Updated, changed);
    return report;
}

} // namespace placard::io
