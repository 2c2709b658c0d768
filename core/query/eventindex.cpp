// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/eventindex.h"

#include "geo/webmercator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace placard {

qint32 EventIndex::intern(const QString &s)
{
    if (s.isEmpty())
        return -1;
    auto it = m_stringIds.constFind(s);
    if (it != m_stringIds.cend())
        return *it;
    const qint32 id = qint32(m_stringIds.size());
    m_stringIds.insert(s, id);
    return id;
}

void EventIndex::load(const Catalogue &catalogue, const QList<qint64> *only, std::vector<Row> &rows)
{
    sqlite3 *db = catalogue.handle();
    QHash<qint64, qsizetype> at;
    const auto read = [&](sql::Statement &q) {
        while (q.next()) {
            Row r;
            r.id = q.int64(0);
            r.start = qint32(q.int64(1));
            r.end = qint32(q.int64(2));
            if (q.isNull(3) || q.isNull(4)) {
                r.x = r.y = std::numeric_limits<float>::quiet_NaN();
            } else {
                const QPointF w = geo::mercator::toWorld(q.real(3), q.real(4));
                r.x = float(w.x());
                r.y = float(w.y());
            }
            r.type = q.isNull(5) ? 0 : q.int64(5);
            r.size = !q.isNull(6) ? q.int64(6) : !q.isNull(7) ? q.int64(7) : -1;
            r.precision = quint8(q.int64(8));
            r.dataset = q.int64(9);
            r.country = intern(q.text(10));
            r.region = q.isNull(11) ? -1 : intern(q.text(10) + QLatin1Char('/') + q.text(11));
            at.insert(r.id, qsizetype(rows.size()));
            rows.push_back(std::move(r));
        }
    };
    const auto readTags = [&](sql::Statement &q) {
        while (q.next()) {
            const auto it = at.constFind(q.int64(0));
            if (it != at.cend())
                rows[std::size_t(*it)].tags.push_back(q.int64(1));
        }
    };
    constexpr const char *kColumns =
        "SELECT id, start_day, end_day, lat, lon, type_id, size_high, size_low, "
        "geo_precision, coalesce(dataset_id, 0), country, admin1 FROM events";
    if (!only) {
        sql::Statement q(db, kColumns);
        read(q);
        sql::Statement tags(db,
                            "SELECT event_id, tag_id FROM event_tags ORDER BY event_id, tag_id");
        readTags(tags);
        return;
    }
    const QByteArray one = QByteArray(kColumns) + " WHERE id = ?1";
    sql::Statement q(db, one.constData());
    sql::Statement tags(
        db, "SELECT event_id, tag_id FROM event_tags WHERE event_id = ?1 ORDER BY tag_id");
    for (qint64 id : *only) {
        q.bind(1, id);
        read(q);
        q.reset();
        tags.bind(1, id);
        readTags(tags);
        tags.reset();
    }
}

void EventIndex::setRows(std::vector<Row> rows)
{
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return a.start != b.start ? a.start < b.start : a.id < b.id;
    });
    const std::size_t n = rows.size();
    m_ids.resize(n);
    m_start.resize(n);
    m_end.resize(n);
    m_x.resize(n);
    m_y.resize(n);
    m_type.resize(n);
    m_size.resize(n);
    m_precision.resize(n);
    m_dataset.resize(n);
    m_country.resize(n);
    m_region.resize(n);
    m_tagOffset.assign(n + 1, 0);
    m_tags.clear();
    m_maxSpan = 0;
    for (std::size_t i = 0; i < n; ++i) {
        Row &r = rows[i];
        m_ids[i] = r.id;
        m_start[i] = r.start;
        m_end[i] = r.end;
        m_x[i] = r.x;
        m_y[i] = r.y;
        m_type[i] = r.type;
        m_size[i] = r.size;
        m_precision[i] = r.precision;
        m_dataset[i] = r.dataset;
        m_country[i] = r.country;
        m_region[i] = r.region;
        m_maxSpan = std::max(m_maxSpan, r.end - r.start);
        std::sort(r.tags.begin(), r.tags.end());
        m_tags.insert(m_tags.end(), r.tags.begin(), r.tags.end());
        m_tagOffset[i + 1] = quint32(m_tags.size());
    }
}

void EventIndex::rebuild(const Catalogue &catalogue)
{
    m_stringIds.clear();
    std::vector<Row> rows;
    load(catalogue, nullptr, rows);
    setRows(std::move(rows));
}

void EventIndex::applyChange(const Catalogue &catalogue, Catalogue::ChangeKind kind,
                             const QList<qint64> &ids)
{
    if (kind == Catalogue::ChangeKind::Reset ||
        (ids.isEmpty() && kind != Catalogue::ChangeKind::Removed)) {
        rebuild(catalogue);
        return;
    }
    // Rebuild the rows from the columns, less the changed ones, plus their new state.
    QList<qint64> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    std::vector<Row> rows;
    rows.reserve(m_ids.size() + std::size_t(ids.size()));
    QHash<qint32, QString> names;
    for (auto it = m_stringIds.cbegin(); it != m_stringIds.cend(); ++it)
        names.insert(it.value(), it.key());
    for (std::size_t i = 0; i < m_ids.size(); ++i) {
        if (std::binary_search(sorted.cbegin(), sorted.cend(), m_ids[i]))
            continue;
        rows.push_back({m_ids[i], m_start[i], m_end[i], m_x[i], m_y[i], m_type[i], m_size[i],
                        m_precision[i], m_dataset[i], m_country[i], m_region[i],
                        std::vector<qint64>(m_tags.begin() + m_tagOffset[i],
                                            m_tags.begin() + m_tagOffset[i + 1])});
    }
    if (kind != Catalogue::ChangeKind::Removed)
        load(catalogue, &sorted, rows);
    setRows(std::move(rows));
}

QList<qint64> EventIndex::matching(const Filter &f) const
{
    const auto anyOf = [this](const QStringList &names) {
        std::vector<qint32> out;
        for (const QString &n : names) {
            if (auto it = m_stringIds.constFind(n); it != m_stringIds.cend())
                out.push_back(*it);
        }
        return out;
    };
    const std::vector<qint32> countries = anyOf(f.countries);
    const std::vector<qint32> regions = anyOf(f.regions);
    if ((!f.countries.isEmpty() && countries.empty()) || (!f.regions.isEmpty() && regions.empty()))
        return {};

    // Only rows starting in [fromDay − longest span, toDay] can overlap the window.
    std::size_t begin = 0;
    std::size_t end = m_ids.size();
    if (f.fromDay) {
        const qint64 lowest = qint64(*f.fromDay) - m_maxSpan;
        begin =
            std::size_t(std::lower_bound(m_start.begin(), m_start.end(), lowest) - m_start.begin());
    }
    if (f.toDay)
        end = std::size_t(std::upper_bound(m_start.begin(), m_start.end(), *f.toDay) -
                          m_start.begin());

    QList<qint64> result;
    for (std::size_t i = begin; i < end; ++i) {
        if (f.fromDay && m_end[i] < *f.fromDay)
            continue;
        if (!f.typeIds.isEmpty() && !f.typeIds.contains(m_type[i]))
            continue;
        if (f.minSize || f.maxSize) {
            if (m_size[i] < 0) {
                if (!f.includeUnknownSize)
                    continue;
            } else if ((f.minSize && m_size[i] < *f.minSize) ||
                       (f.maxSize && m_size[i] > *f.maxSize)) {
                continue;
            }
        } else if (!f.includeUnknownSize && m_size[i] < 0) {
            continue;
        }
        if (!countries.empty() &&
            std::find(countries.begin(), countries.end(), m_country[i]) == countries.end())
            continue;
        if (!regions.empty() &&
            std::find(regions.begin(), regions.end(), m_region[i]) == regions.end())
            continue;
        if (!f.precisions.isEmpty() && !f.precisions.contains(GeoPrecision(m_precision[i])))
            continue;
        if (!f.datasets.isEmpty() && !f.datasets.contains(m_dataset[i]))
            continue;
        if (f.textIds && !std::binary_search(f.textIds->cbegin(), f.textIds->cend(), m_ids[i]))
            continue;
        bool tagsPass = true;
        const auto first = m_tags.begin() + m_tagOffset[i];
        const auto last = m_tags.begin() + m_tagOffset[i + 1];
        for (const Filter::TagRule &rule : f.tagRules) {
            if (rule.tagIds.isEmpty())
                continue;
            bool any = false;
            bool all = true;
            for (qint64 t : rule.tagIds) {
                const bool has = std::binary_search(first, last, t);
                any = any || has;
                all = all && has;
            }
            if (rule.all ? !all : !any) {
                tagsPass = false;
                break;
            }
        }
        if (tagsPass)
            result.append(m_ids[i]);
    }
    std::sort(result.begin(), result.end());
    return result;
}

std::vector<MapPoint> EventIndex::mapPoints(const Filter &filter) const
{
    const QList<qint64> ids = matching(filter);
    std::vector<MapPoint> points;
    points.reserve(std::size_t(ids.size()));
    for (std::size_t i = 0; i < m_ids.size(); ++i) {
        if (std::binary_search(ids.cbegin(), ids.cend(), m_ids[i]))
            points.push_back({m_x[i], m_y[i], m_ids[i], m_type[i], m_size[i], m_precision[i]});
    }
    return points;
}

} // namespace placard
