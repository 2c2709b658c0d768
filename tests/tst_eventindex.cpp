// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/eventindex.h"

#include <QHash>
#include <QMap>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>

using namespace placard;

namespace {

const QStringList kTypes{QStringLiteral("protest"), QStringLiteral("march"),
                         QStringLiteral("rally"), QStringLiteral("vigil"),
                         QStringLiteral("strike")};
const QStringList kIssues{QStringLiteral("immigration"), QStringLiteral("policing"),
                          QStringLiteral("climate"),     QStringLiteral("labour"),
                          QStringLiteral("housing"),     QStringLiteral("education")};
const QStringList kActors{QStringLiteral("50501"), QStringLiteral("No Kings"),
                          QStringLiteral("Unidos"), QStringLiteral("Sunrise")};
const QList<QPair<QString, QString>> kRegions{{QStringLiteral("US"), QStringLiteral("MN")},
                                              {QStringLiteral("US"), QStringLiteral("NY")},
                                              {QStringLiteral("US"), QStringLiteral("CA")},
                                              {QStringLiteral("FR"), QString()},
                                              {QStringLiteral("IT"), QStringLiteral("Lombardia")}};

Event randomEvent(QRandomGenerator &rng, qint64 dataset)
{
    Event e;
    e.startDay = 20000 + int(rng.bounded(700));
    const int kind = int(rng.bounded(10));
    e.datePrecision = kind == 0 ? DatePrecision::Month : DatePrecision::Day;
    e.endDay = e.startDay + (kind == 0 ? 29 : kind == 1 ? int(rng.bounded(5)) : 0);
    e.type = kTypes.at(rng.bounded(kTypes.size()));
    const auto &[country, admin1] = kRegions.at(rng.bounded(kRegions.size()));
    e.country = country;
    e.admin1 = admin1;
    if (rng.bounded(8) != 0) {
        e.latitude = rng.bounded(120.0) - 60.0;
        e.longitude = rng.bounded(340.0) - 170.0;
        e.geoPrecision = GeoPrecision(1 + rng.bounded(4));
    }
    const int size = int(rng.bounded(4));
    if (size == 1)
        e.sizeLow = rng.bounded(5000);
    else if (size >= 2)
        e.sizeHigh = rng.bounded(50000);
    for (const QString &issue : kIssues) {
        if (rng.bounded(4) == 0)
            e.issues << issue;
    }
    for (const QString &actor : kActors) {
        if (rng.bounded(5) == 0)
            e.actors << actor;
    }
    e.title = QStringLiteral("Event %1").arg(rng.bounded(100000));
    e.datasetId = dataset;
    return e;
}

// The ids a query lists.
QList<qint64> idsOf(const Catalogue &catalogue, const char *query)
{
    QList<qint64> ids;
    sql::Statement q(catalogue.handle(), query);
    while (q.next())
        ids << q.int64(0);
    return ids;
}

// A catalogue of `count` random events spread over `datasets` imports.
std::unique_ptr<Catalogue> randomCatalogue(const QString &path, QRandomGenerator &rng, int count,
                                           int datasets)
{
    QString error;
    auto catalogue = Catalogue::create(path, &error);
    if (!catalogue)
        return nullptr;
    for (int d = 1; d <= datasets; ++d) {
        const QByteArray insert = "INSERT INTO datasets(id, file_name, imported_at) VALUES (" +
            QByteArray::number(d) + ", 'd', 0)";
        if (!sql::exec(catalogue->handle(), insert.constData(), &error))
            return nullptr;
    }
    QList<Event> events;
    for (int i = 0; i < count; ++i)
        events << randomEvent(rng, 1 + rng.bounded(datasets));
    if (!catalogue->insertEvents(events, &error))
        return nullptr;
    return catalogue;
}

QList<qint64> pick(QRandomGenerator &rng, const QList<qint64> &from, int most)
{
    QList<qint64> out;
    const int n = int(rng.bounded(most + 1));
    for (int i = 0; i < n; ++i) {
        const qint64 v = from.at(rng.bounded(from.size()));
        if (!out.contains(v))
            out << v;
    }
    return out;
}

QString list(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 v : ids)
        parts << QString::number(v);
    return parts.join(QLatin1Char(','));
}

QString quoted(const QStringList &texts)
{
    QStringList parts;
    for (const QString &t : texts)
        parts << QLatin1Char('\'') + QString(t).replace(QLatin1Char('\''), QStringLiteral("''")) +
                QLatin1Char('\'');
    return parts.join(QLatin1Char(','));
}

// The same filter as an SQL condition on events e: the reference the index must agree with.
QString whereOf(const Filter &f)
{
    QStringList where{QStringLiteral("1")};
    if (f.fromDay)
        where << QStringLiteral("end_day >= %1").arg(*f.fromDay);
    if (f.toDay)
        where << QStringLiteral("start_day <= %1").arg(*f.toDay);
    if (!f.typeIds.isEmpty())
        where << QStringLiteral("type_id IN (%1)").arg(list(f.typeIds));
    for (const Filter::TagRule &r : f.tagRules) {
        if (r.tagIds.isEmpty())
            continue;
        const QString count =
            QStringLiteral("(SELECT count(*) FROM json_each(e.tag_ids) t WHERE t.value IN (%1))")
                .arg(list(r.tagIds));
        where << (r.all ? QStringLiteral("%1 = %2").arg(count).arg(r.tagIds.size())
                        : count + QStringLiteral(" > 0"));
    }
    const QString size = QStringLiteral("coalesce(size_high, size_low)");
    if (f.minSize || f.maxSize) {
        QStringList range;
        if (f.minSize)
            range << QStringLiteral("%1 >= %2").arg(size).arg(*f.minSize);
        if (f.maxSize)
            range << QStringLiteral("%1 <= %2").arg(size).arg(*f.maxSize);
        where << QStringLiteral("((%1 IS NULL AND %2) OR (%3))")
                     .arg(size, f.includeUnknownSize ? QStringLiteral("1") : QStringLiteral("0"),
                          range.join(QStringLiteral(" AND ")));
    } else if (!f.includeUnknownSize) {
        where << size + QStringLiteral(" IS NOT NULL");
    }
    if (!f.countries.isEmpty())
        where << QStringLiteral("country IN (%1)").arg(quoted(f.countries));
    if (!f.regions.isEmpty())
        where << QStringLiteral("country || '/' || admin1 IN (%1)").arg(quoted(f.regions));
    if (f.textIds)
        where << QStringLiteral("id IN (%1)").arg(list(*f.textIds));
    if (!f.precisions.isEmpty()) {
        QList<qint64> p;
        for (GeoPrecision g : f.precisions)
            p << qint64(g);
        where << QStringLiteral("geo_precision IN (%1)").arg(list(p));
    }
    if (!f.datasets.isEmpty())
        where << QStringLiteral("coalesce(dataset_id, 0) IN (%1)").arg(list(f.datasets));
    return where.join(QStringLiteral(" AND "));
}

QList<qint64> bySql(const Catalogue &catalogue, const Filter &f)
{
    const QByteArray sqlText =
        QStringLiteral("SELECT id FROM events e WHERE %1 ORDER BY id").arg(whereOf(f)).toUtf8();
    sql::Statement q(catalogue.handle(), sqlText.constData());
    QList<qint64> ids;
    while (q.next())
        ids << q.int64(0);
    return ids;
}

Filter randomFilter(QRandomGenerator &rng, const QList<qint64> &types, const QList<qint64> &tags,
                    const QList<qint64> &allIds)
{
    Filter f;
    if (rng.bounded(2)) {
        f.fromDay = 20000 + int(rng.bounded(700));
        if (rng.bounded(3))
            f.toDay = *f.fromDay + int(rng.bounded(90));
    } else if (rng.bounded(4) == 0) {
        f.toDay = 20000 + int(rng.bounded(700));
    }
    if (rng.bounded(3) == 0)
        f.typeIds = pick(rng, types, 3);
    for (int r = int(rng.bounded(3)); r > 0; --r)
        f.tagRules.append({pick(rng, tags, 3), rng.bounded(2) == 0});
    if (rng.bounded(3) == 0)
        f.minSize = rng.bounded(20000);
    if (rng.bounded(4) == 0)
        f.maxSize = rng.bounded(60000);
    f.includeUnknownSize = rng.bounded(2) == 0;
    if (rng.bounded(4) == 0)
        f.countries = QStringList{kRegions.at(rng.bounded(kRegions.size())).first};
    if (rng.bounded(5) == 0) {
        const auto &[c, a] = kRegions.at(rng.bounded(kRegions.size()));
        f.regions = QStringList{c + QLatin1Char('/') + a, QStringLiteral("US/ZZ")};
    }
    if (rng.bounded(5) == 0) {
        QList<qint64> text = pick(rng, allIds, 300);
        std::sort(text.begin(), text.end());
        f.textIds = text;
    }
    if (rng.bounded(4) == 0)
        f.precisions = {GeoPrecision(rng.bounded(5)), GeoPrecision(rng.bounded(5))};
    if (rng.bounded(4) == 0)
        f.datasets = {qint64(1 + rng.bounded(3))};
    return f;
}

/// Fails unless the clusters mapPoints() gathers with the points for a view are those
/// clusterPoints() makes of the points afterwards: the same groups, in the same order, with
/// the same single events (positions to rounding: sums are taken in another order).
void compareGatheredClusters(const EventIndex &index, const Filter &f)
{
    const QPointF centre(0.45, 0.38);
    const QSizeF viewport(1024, 768);
    for (const double zoom : {1.5, 3.0}) {
        ClusterBuilder cells(centre, zoom, viewport);
        MapPoints points;
        index.mapPoints(f, points, nullptr, &cells);
        const std::vector<Cluster> gathered = cells.finish(points);
        const std::vector<Cluster> direct = clusterPoints(points, centre, zoom, viewport);
        QCOMPARE(gathered.size(), direct.size());
        for (std::size_t k = 0; k < direct.size(); ++k) {
            QCOMPARE(gathered[k].count, direct[k].count);
            QCOMPARE(gathered[k].knownSize, direct[k].knownSize);
            QCOMPARE(gathered[k].unknownSize, direct[k].unknownSize);
            QCOMPARE(gathered[k].single, direct[k].single);
            QVERIFY(std::abs(gathered[k].position.x() - direct[k].position.x()) < 1e-6);
            QVERIFY(std::abs(gathered[k].position.y() - direct[k].position.y()) < 1e-6);
        }
    }
}

} // namespace

class TestEventIndex : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void agreesWithSql();
    void timeWindowOverlap();
    void histogramAgreesWithSql();
    void largeCatalogueReadInParallel();
};

void TestEventIndex::agreesWithSql()
{
    QTemporaryDir dir;
    QString error;
    QRandomGenerator rng(20260130);
    auto catalogue = randomCatalogue(dir.filePath(QStringLiteral("i.placard")), rng, 3000, 3);
    QVERIFY(catalogue);

    EventIndex index;
    index.rebuild(*catalogue);
    QCOMPARE(index.size(), 3000);
    QObject::connect(catalogue.get(), &Catalogue::changed, catalogue.get(),
                     [&](Catalogue::ChangeKind kind, const QList<qint64> &ids) {
                         index.applyChange(*catalogue, kind, ids);
                     });

    const QList<qint64> types = idsOf(*catalogue, "SELECT id FROM event_types");
    const QList<qint64> tags = idsOf(*catalogue, "SELECT id FROM tags");
    QList<qint64> ids = catalogue->eventIds(0, 100000);
    QCOMPARE(index.matching(Filter{}), ids);
    const auto check = [&](int rounds) {
        for (int i = 0; i < rounds; ++i) {
            const Filter f = randomFilter(rng, types, tags, ids);
            const QList<qint64> expected = bySql(*catalogue, f);
            const QList<qint64> actual = index.matching(f);
            if (actual != expected)
                QFAIL(qPrintable(QStringLiteral("filter %1: index %2 events, SQL %3")
                                     .arg(i)
                                     .arg(actual.size())
                                     .arg(expected.size())));
            if (i % 10 == 0)
                compareGatheredClusters(index, f);
        }
    };
    check(200);

    // Kept in step with edits, removals and additions through the change signal.
    QVERIFY(catalogue->deleteEvents({1, 2, 3, 500, 2999}, &error));
    Event changed = *catalogue->event(10);
    changed.type = QStringLiteral("march");
    changed.startDay = 19000;
    changed.endDay = 19400;
    changed.issues = {QStringLiteral("housing")};
    QVERIFY(catalogue->updateEvent(changed, &error));
    QList<Event> more;
    for (int i = 0; i < 50; ++i)
        more << randomEvent(rng, 2);
    QVERIFY(catalogue->insertEvents(more, &error));
    QCOMPARE(index.size(), 3000 - 5 + 50);
    ids = catalogue->eventIds(0, 100000);
    QCOMPARE(index.matching(Filter{}), ids);
    check(100);
    QVERIFY(catalogue->removeDataset(2, &error));
    QCOMPARE(index.size(), catalogue->eventCount());
    check(50);
}

void TestEventIndex::timeWindowOverlap()
{
    QTemporaryDir dir;
    QString error;
    auto catalogue = Catalogue::create(dir.filePath(QStringLiteral("t.placard")), &error);
    QList<Event> events(3);
    events[0].startDay = 100; // a month-long event
    events[0].endDay = 129;
    events[1].startDay = events[1].endDay = 120;
    events[2].startDay = events[2].endDay = 140;
    QVERIFY(catalogue->insertEvents(events, &error));
    EventIndex index;
    index.rebuild(*catalogue);
    Filter f;
    f.fromDay = 125;
    f.toDay = 130;
    QCOMPARE(index.matching(f), QList<qint64>{1});
    f.fromDay = 110;
    f.toDay = 120;
    QCOMPARE(index.matching(f), (QList<qint64>{1, 2}));
    f.fromDay = 130;
    f.toDay = 139;
    QCOMPARE(index.matching(f), QList<qint64>{});
    f.toDay = 140;
    QCOMPARE(index.matching(f), QList<qint64>{3});
}

void TestEventIndex::histogramAgreesWithSql()
{
    QTemporaryDir dir;
    QString error;
    QRandomGenerator rng(20260131);
    auto catalogue = randomCatalogue(dir.filePath(QStringLiteral("h.placard")), rng, 2000, 2);
    QVERIFY(catalogue);
    // Type ids a hand-edited catalogue may hold: far past any array, and below zero.
    QVERIFY(sql::exec(catalogue->handle(),
                      "INSERT INTO event_types(id, name) VALUES (5000000000, 'huge'), "
                      "(-3, 'negative'); UPDATE events SET type_id = 5000000000 WHERE id % 7 = 0; "
                      "UPDATE events SET type_id = -3 WHERE id % 11 = 0;"));
    EventIndex index;
    index.rebuild(*catalogue);
    const QList<qint64> types = idsOf(*catalogue, "SELECT id FROM event_types");
    const QList<qint64> tags = idsOf(*catalogue, "SELECT id FROM tags");
    QList<qint64> ids = catalogue->eventIds(0, 100000);
    const Period::Unit units[] = {Period::Day, Period::Week, Period::Month, Period::Year};
    for (int round = 0; round < 60; ++round) {
        // Every fifth filter tests nothing but dates (the histogram's direct path).
        Filter f = round % 5 == 0 ? Filter{} : randomFilter(rng, types, tags, ids);
        f.fromDay.reset(); // the histogram shows every date in its span
        f.toDay.reset();
        const qint32 first = 19990 + qint32(rng.bounded(400));
        const qint32 last = first + qint32(rng.bounded(500));
        const Period::Unit unit = units[round % 4];
        const Histogram h = index.histogram(f, first, last, unit);
        // SQL: the events that pass, counted by start day and type, binned here.
        QMap<std::pair<qint32, qint64>, quint32> expected;
        const QByteArray text =
            QStringLiteral("SELECT start_day, type_id, count(*) FROM events e WHERE %1 AND "
                           "start_day BETWEEN %2 AND %3 GROUP BY start_day, type_id")
                .arg(whereOf(f))
                .arg(first)
                .arg(last)
                .toUtf8();
        sql::Statement q(catalogue->handle(), text.constData());
        while (q.next())
            expected[{periodStart(qint32(q.int64(0)), unit), q.int64(1)}] += quint32(q.int64(2));
        QMap<std::pair<qint32, qint64>, quint32> actual;
        quint32 tallest = 0;
        for (std::size_t b = 0; b < h.starts.size(); ++b) {
            for (std::size_t t = 0; t < h.types.size(); ++t) {
                if (h.count(b, t))
                    actual[{h.starts[b], h.types[t]}] = h.count(b, t);
            }
            tallest = std::max(tallest, h.total(b));
        }
        QCOMPARE(actual, expected);
        QCOMPARE(h.maxTotal, tallest);
        // Events dated only to the month or year, per bin.
        QMap<qint32, quint32> impreciseExpected, impreciseActual;
        const QByteArray impreciseSql =
            QStringLiteral("SELECT start_day, count(*) FROM events e WHERE %1 AND start_day "
                           "BETWEEN %2 AND %3 AND date_precision <> 0 GROUP BY start_day")
                .arg(whereOf(f))
                .arg(first)
                .arg(last)
                .toUtf8();
        sql::Statement iq(catalogue->handle(), impreciseSql.constData());
        while (iq.next())
            impreciseExpected[periodStart(qint32(iq.int64(0)), unit)] += quint32(iq.int64(1));
        for (std::size_t b = 0; b < h.starts.size(); ++b) {
            if (h.imprecise[b])
                impreciseActual[h.starts[b]] = h.imprecise[b];
        }
        QCOMPARE(impreciseActual, impreciseExpected);
        QCOMPARE(h.starts.front(), periodStart(first, unit));
        QVERIFY(h.end > last);
    }
}

void TestEventIndex::largeCatalogueReadInParallel()
{
    // Past 100,000 events the index reads ranges of ids on several connections at once; what
    // it holds must be the same as one reading.
    QTemporaryDir dir;
    QString error;
    QRandomGenerator rng(20260201);
    auto catalogue = randomCatalogue(dir.filePath(QStringLiteral("big.placard")), rng, 101000, 2);
    QVERIFY(catalogue);
    EventIndex index;
    index.rebuild(*catalogue);
    QCOMPARE(index.size(), 101000);
    const QList<qint64> ids = catalogue->eventIds(0, 200000);
    QCOMPARE(index.matching(Filter{}), ids);
    const QList<qint64> types = idsOf(*catalogue, "SELECT id FROM event_types");
    const QList<qint64> tags = idsOf(*catalogue, "SELECT id FROM tags");
    // Past 100,000 rows the map's points are also written on two threads: the same events as
    // SQL finds, in (start day, id) order, with their fields, and facts that agree with them.
    QHash<qint64, qint64> rank;
    QHash<qint64, std::array<qint64, 4>> fields; // type, size, geo and date precision
    {
        sql::Statement q(catalogue->handle(),
                         "SELECT id, coalesce(type_id, 0), coalesce(size_high, size_low, -1), "
                         "geo_precision, date_precision FROM events ORDER BY start_day, id");
        while (q.next()) {
            rank.insert(q.int64(0), rank.size());
            fields.insert(q.int64(0), {q.int64(1), q.int64(2), q.int64(3), q.int64(4)});
        }
    }
    MapPoints points;
    for (int i = 0; i < 25; ++i) {
        const Filter f = randomFilter(rng, types, tags, ids);
        QList<qint64> expected = bySql(*catalogue, f);
        QCOMPARE(index.matching(f), expected);
        std::sort(expected.begin(), expected.end(),
                  [&](qint64 a, qint64 b) { return rank.value(a) < rank.value(b); });
        MapPointFacts facts;
        index.mapPoints(f, points, &facts);
        QList<qint64> shown;
        for (const MapPoint &p : points) {
            shown << p.id;
            const std::array<qint64, 4> want = fields.value(p.id);
            QCOMPARE(qint64(p.type), want[0]);
            QCOMPARE(qint64(p.size), want[1]);
            QCOMPARE(qint64(p.precision), want[2]);
            QCOMPARE(qint64(p.datePrecision), want[3]);
        }
        QCOMPARE(shown, expected);
        const MapPointFacts one = MapPointFacts::of(points);
        QCOMPARE(facts.types, one.types);
        QCOMPARE(facts.sized, one.sized);
        QCOMPARE(facts.unknown, one.unknown);
        QCOMPARE(facts.area, one.area);
        QCOMPARE(facts.imprecise, one.imprecise);
        // The clusters gathered with the points on two threads, too.
        if (i % 5 == 0)
            compareGatheredClusters(index, f);
    }
    // Inside a transaction other connections would not see the catalogue's own writes: the
    // index then reads on the catalogue's connection alone, and sees them.
    QVERIFY(sql::exec(catalogue->handle(), "BEGIN", &error));
    QVERIFY(sql::exec(catalogue->handle(), "DELETE FROM events WHERE id <= 1000", &error));
    EventIndex inside;
    inside.rebuild(*catalogue);
    QCOMPARE(inside.size(), 100000);
    QVERIFY(sql::exec(catalogue->handle(), "ROLLBACK", &error));
}

QTEST_GUILESS_MAIN(TestEventIndex)
#include "tst_eventindex.moc"
