// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/filterchoices.h"

#include "catalogue/catalogue.h"
#include "catalogue/eventlinks.h"
#include "catalogue/sqlite.h"

#include <QHash>

#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace placard {

namespace {

// Counts by text without making a string for every row: lookups take a string_view, and rows
// in a run of the same text (as files often list them) find their count at once.
class TextCounts {
public:
    void add(std::string_view key)
    {
        if (m_last && key == m_lastKey) {
            ++*m_last;
            return;
        }
        auto it = m_counts.find(key);
        if (it == m_counts.end())
            it = m_counts.emplace(std::string(key), 0).first;
        ++it->second;
        m_last = &it->second; // elements stay in place when the map grows
        m_lastKey = it->first;
    }
    auto begin() const { return m_counts.cbegin(); }
    auto end() const { return m_counts.cend(); }
    std::size_t size() const { return m_counts.size(); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const
        {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_map<std::string, qint64, Hash, std::equal_to<>> m_counts;
    qint64 *m_last = nullptr;
    std::string_view m_lastKey;
};

// Counts by id: in an array while ids are small, as INTEGER PRIMARY KEYs are; else hashed.
class IdCounts {
public:
    explicit IdCounts(qint64 largest)
        : m_dense(std::size_t(std::clamp<qint64>(largest + 1, 0, 1 << 20)), 0)
    {
    }
    void add(qint64 id)
    {
        if (id >= 0 && id < qint64(m_dense.size()))
            ++m_dense[std::size_t(id)];
        else
            ++m_sparse[id];
    }
    qint64 value(qint64 id) const
    {
        return id >= 0 && id < qint64(m_dense.size()) ? m_dense[std::size_t(id)]
                                                      : m_sparse.value(id);
    }

private:
    std::vector<qint64> m_dense;
    QHash<qint64, qint64> m_sparse;
};

qint64 largestId(sqlite3 *db, const char *table)
{
    const QByteArray text = QByteArray("SELECT max(id) FROM ") + table;
    sql::Statement q(db, text.constData());
    return q.next() ? q.int64(0) : 0;
}

std::string_view view(const sql::Statement &q, int column)
{
    const QByteArrayView bytes = q.bytes(column);
    return {bytes.data(), std::size_t(bytes.size())};
}

// The most events first, then by name, nameless last.
void sortByCount(QList<FilterChoices::Choice> &choices)
{
    std::sort(choices.begin(), choices.end(), [](const auto &a, const auto &b) {
        if (a.count != b.count)
            return a.count > b.count;
        if (a.name.isEmpty() != b.name.isEmpty())
            return b.name.isEmpty();
        const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
}

// Countries are counted by name, regions by "COUNTRY\0ADMIN1".
QList<FilterChoices::Choice> textChoices(const TextCounts &counts)
{
    QList<FilterChoices::Choice> out;
    out.reserve(qsizetype(counts.size()));
    for (const auto &[text, n] : counts) {
        const std::size_t split = text.find('\0');
        if (split == std::string::npos) {
            const QString country = QString::fromUtf8(text.data(), qsizetype(text.size()));
            out.append({0, country, country, n});
            continue;
        }
        const QString country = QString::fromUtf8(text.data(), qsizetype(split));
        const QString admin1 =
            QString::fromUtf8(text.data() + split + 1, qsizetype(text.size() - split - 1));
        out.append({0, country + QLatin1Char('/') + admin1, admin1, n});
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
        const int byKey = a.key.compare(b.key, Qt::CaseInsensitive);
        return byKey != 0 ? byKey < 0 : a.key < b.key;
    });
    return out;
}

// Rolls back a read transaction it began, unless there was one already.
class ReadTransaction {
public:
    explicit ReadTransaction(sqlite3 *db)
        : m_db(db)
        , m_own(sqlite3_get_autocommit(db) != 0 && sql::exec(db, "BEGIN"))
    {
    }
    ~ReadTransaction()
    {
        if (m_own)
            sql::exec(m_db, "ROLLBACK");
    }
    ReadTransaction(const ReadTransaction &) = delete;
    ReadTransaction &operator=(const ReadTransaction &) = delete;

private:
    sqlite3 *m_db;
    bool m_own;
};

bool failed(const sql::Statement &q, QString *error)
{
    if (q.isValid() && q.resultCode() == SQLITE_DONE)
        return false;
    if (error)
        *error = q.error();
    return true;
}

} // namespace

FilterChoices filterChoices(const Catalogue &catalogue, QString *error)
{
    return filterChoices(catalogue.handle(), error);
}

FilterChoices filterChoices(sqlite3 *db, QString *error)
{
    FilterChoices choices;
    if (!db) {
        if (error)
            *error = QStringLiteral("no catalogue");
        return choices;
    }
    const ReadTransaction transaction(db);

    // One pass over the events counts types, datasets, countries, regions and tags.
    IdCounts types(largestId(db, "event_types"));
    IdCounts tags(largestId(db, "tags"));
    IdCounts datasets(largestId(db, "datasets"));
    TextCounts countries;
    TextCounts regions;
    {
        sql::Statement q(db,
                         "SELECT coalesce(type_id, 0), coalesce(dataset_id, 0), country, admin1, "
                         "tag_ids FROM events");
        std::string region;
        while (q.next()) {
            ++choices.total;
            types.add(q.int64(0));
            datasets.add(q.int64(1));
            const std::string_view country = view(q, 2);
            if (!country.empty())
                countries.add(country);
            const std::string_view admin1 = view(q, 3);
            if (!admin1.empty()) {
                // EventIndex keys it "COUNTRY/ADMIN1", the country possibly empty.
                region.assign(country);
                region += '\0';
                region += admin1;
                regions.add(region);
            }
            forEachId(q.bytes(4), [&tags](qint64 tag) { tags.add(tag); });
        }
        if (failed(q, error))
            return choices;
    }

    {
        sql::Statement q(db, "SELECT id, name FROM event_types");
        while (q.next()) {
            if (const qint64 n = types.value(q.int64(0)); n > 0 && q.int64(0) != 0)
                choices.types.append({q.int64(0), {}, q.text(1), n});
        }
        if (failed(q, error))
            return choices;
        if (const qint64 untyped = types.value(0); untyped > 0)
            choices.types.append({0, {}, {}, untyped});
        sortByCount(choices.types);
    }
    {
        sql::Statement q(db, "SELECT id, kind, name FROM tags");
        while (q.next()) {
            const qint64 kind = q.int64(1);
            const qint64 n = tags.value(q.int64(0));
            if (n > 0 && kind >= qint64(TagKind::Issue) && kind <= qint64(TagKind::Other))
                choices.tags[TagKind(kind)].append({q.int64(0), {}, q.text(2), n});
        }
        if (failed(q, error))
            return choices;
        for (QList<FilterChoices::Choice> &list : choices.tags)
            sortByCount(list);
    }
    {
        sql::Statement q(db, "SELECT id, file_name FROM datasets ORDER BY id");
        if (const qint64 byHand = datasets.value(0); byHand > 0)
            choices.datasets.append({0, {}, {}, byHand});
        while (q.next()) {
            if (const qint64 n = datasets.value(q.int64(0)); n > 0 && q.int64(0) != 0)
                choices.datasets.append({q.int64(0), {}, q.text(1), n});
        }
        if (failed(q, error))
            return choices;
    }
    choices.countries = textChoices(countries);
    choices.regions = textChoices(regions);
    return choices;
}

} // namespace placard
