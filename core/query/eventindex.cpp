// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/eventindex.h"

#include "catalogue/eventlinks.h"
#include "geo/webmercator.h"
#include "query/helperthread.h"

#include <QFileInfo>
#include <QThread>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>
#include <exception>
#include <latch>
#include <limits>
#include <memory>
#include <numeric>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace placard {

namespace {

/// Catalogues of fewer events are read on one connection.
constexpr qint64 kParallelFrom = 100000;
/// A span of ids wider than this is counted before the rows are read.
constexpr qint64 kCountFrom = 16000000;

// What can be worked out in SQL is: each column read costs a call into SQLite, and opening a
// large catalogue reads a million rows. The precision byte holds the place's precision in its
// low four bits, the date's above.
constexpr const char *kColumns =
    "SELECT id, start_day, end_day, lat, lon, coalesce(type_id, 0), "
    "coalesce(size_high, size_low, -1), (geo_precision & 15) | ((date_precision & 15) << 4), "
    "coalesce(dataset_id, 0), country, admin1, tag_ids FROM events";

/// Numbers the distinct strings a load meets, by their UTF-8 bytes: a million rows name a
/// few hundred countries and regions, so each becomes a QString once, not once per row.
class StringNumbers {
public:
    explicit StringNumbers(std::vector<QString> &strings)
        : m_strings(strings)
    {
    }
    /// The number of a string, −1 for an empty one.
    qint32 get(std::string_view bytes)
    {
        if (bytes.empty())
            return -1;
        if (const auto it = m_ids.find(bytes); it != m_ids.end())
            return it->second;
        const qint32 id = qint32(m_strings.size());
        m_strings.push_back(QString::fromUtf8(bytes.data(), qsizetype(bytes.size())));
        m_ids.emplace(std::string(bytes), id);
        return id;
    }
    /// The number of "COUNTRY/ADMIN1".
    qint32 region(std::string_view country, std::string_view admin1)
    {
        m_key.assign(country).append(1, '/').append(admin1);
        return get(m_key);
    }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept
        {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::vector<QString> &m_strings;
    std::unordered_map<std::string, qint32, Hash, std::equal_to<>> m_ids;
    std::string m_key; ///< reused for every region
};

std::string_view view(QByteArrayView bytes)
{
    return {bytes.data(), std::size_t(bytes.size())};
}

/// Appends the row `q` stands on (the columns of kColumns) to a set of columns, numbering
/// its country and region with `numbers`.
template<typename Rows> void appendRow(const sql::Statement &q, Rows &into, StringNumbers &numbers)
{
    into.ids.push_back(q.int64(0));
    into.start.push_back(qint32(q.int64(1)));
    into.end.push_back(qint32(q.int64(2)));
    if (q.isNull(3) || q.isNull(4)) {
        into.x.push_back(std::numeric_limits<float>::quiet_NaN());
        into.y.push_back(std::numeric_limits<float>::quiet_NaN());
    } else {
        const QPointF w = geo::mercator::toWorld(q.real(3), q.real(4));
        into.x.push_back(float(w.x()));
        into.y.push_back(float(w.y()));
    }
    into.type.push_back(q.int64(5));
    into.size.push_back(q.int64(6));
    into.precision.push_back(quint8(q.int64(7)));
    into.dataset.push_back(q.int64(8));
    const std::string_view country = view(q.bytes(9));
    into.country.push_back(numbers.get(country));
    into.region.push_back(q.isNull(10) ? -1 : numbers.region(country, view(q.bytes(10))));
    const std::size_t firstTag = into.tags.size();
    forEachId(q.bytes(11), [&into](qint64 tag) { into.tags.push_back(tag); });
    // Stored ascending; a catalogue from elsewhere may not be.
    if (!std::is_sorted(into.tags.begin() + firstTag, into.tags.end()))
        std::sort(into.tags.begin() + firstTag, into.tags.end());
    into.tagOffset.push_back(quint32(into.tags.size()));
}

/// Dense numbers for the event type ids a pass meets, in the order met: by an array for
/// the usual small ids, by a hash for any other a catalogue may hold (ids are whatever its
/// rows say, past any array or below zero).
class TypeNumbers {
public:
    static constexpr quint64 kSmall = 4096;
    static constexpr std::size_t kNone = std::size_t(-1);

    TypeNumbers()
        : m_small(kSmall, kNone)
    {
    }
    /// The number of `type`, or kNone the first time, when number() gives it one.
    std::size_t find(qint64 type) const
    {
        if (quint64(type) < kSmall)
            return m_small[std::size_t(type)];
        const auto it = m_large.find(type);
        return it == m_large.end() ? kNone : it->second;
    }
    std::size_t number(qint64 type)
    {
        if (quint64(type) < kSmall)
            return m_small[std::size_t(type)] = m_count++;
        return m_large[type] = m_count++;
    }

private:
    std::vector<std::size_t> m_small;
    std::unordered_map<qint64, std::size_t> m_large;
    std::size_t m_count = 0;
};

/// A filter's list of values, asked about once per row: a bitmap when the values are small
/// (type and dataset ids are), else sorted and searched.
template<typename T> class ValueSet {
public:
    template<typename Range>
    explicit ValueSet(const Range &values)
        : m_values(values.begin(), values.end())
    {
        std::sort(m_values.begin(), m_values.end());
        m_values.erase(std::unique(m_values.begin(), m_values.end()), m_values.end());
        m_small = !m_values.empty() && m_values.front() >= 0 && m_values.back() < T(kSmall);
        for (T v : m_values) {
            if (m_small)
                m_bits.set(std::size_t(v));
        }
    }
    bool empty() const { return m_values.empty(); }
    bool contains(T v) const
    {
        if (m_small)
            return v >= 0 && v < T(kSmall) && m_bits.test(std::size_t(v));
        return std::binary_search(m_values.begin(), m_values.end(), v);
    }
    /// Clears pass[k] for each of `n` values not in the set: for small values, without a
    /// branch per value.
    void keep(const T *values, quint8 *pass, std::size_t n) const
    {
        if (!m_small) {
            for (std::size_t k = 0; k < n; ++k)
                pass[k] &= quint8(contains(values[k]));
            return;
        }
        for (std::size_t k = 0; k < n; ++k) {
            const auto v = std::make_unsigned_t<T>(values[k]);
            pass[k] &= quint8(v < kSmall) & quint8(m_bits[std::size_t(v) & (kSmall - 1)]);
        }
    }

private:
    static constexpr std::size_t kSmall = 4096;
    std::vector<T> m_values;
    std::bitset<kSmall> m_bits;
    bool m_small = false;
};

} // namespace

void EventIndex::Columns::reserve(std::size_t rows, std::size_t tagCount)
{
    ids.reserve(rows);
    start.reserve(rows);
    end.reserve(rows);
    x.reserve(rows);
    y.reserve(rows);
    type.reserve(rows);
    size.reserve(rows);
    precision.reserve(rows);
    dataset.reserve(rows);
    country.reserve(rows);
    region.reserve(rows);
    tagOffset.reserve(rows + 1);
    tags.reserve(tagCount);
}

void EventIndex::Columns::append(const Columns &from, std::size_t i)
{
    ids.push_back(from.ids[i]);
    start.push_back(from.start[i]);
    end.push_back(from.end[i]);
    x.push_back(from.x[i]);
    y.push_back(from.y[i]);
    type.push_back(from.type[i]);
    size.push_back(from.size[i]);
    precision.push_back(from.precision[i]);
    dataset.push_back(from.dataset[i]);
    country.push_back(from.country[i]);
    region.push_back(from.region[i]);
    tags.insert(tags.end(), from.tags.begin() + from.tagOffset[i],
                from.tags.begin() + from.tagOffset[i + 1]);
    tagOffset.push_back(quint32(tags.size()));
}

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

void EventIndex::readRange(sqlite3 *db, qint64 first, qint64 last, Columns &into)
{
    StringNumbers numbers(into.strings);
    const QByteArray text = QByteArray(kColumns) + " WHERE id BETWEEN ?1 AND ?2 ORDER BY id";
    sql::Statement q(db, text.constData());
    q.bind(1, first).bind(2, last);
    while (q.next())
        appendRow(q, into, numbers);
}

void EventIndex::readIds(sqlite3 *db, const QList<qint64> &ids, Columns &into)
{
    StringNumbers numbers(into.strings);
    const QByteArray one = QByteArray(kColumns) + " WHERE id = ?1";
    sql::Statement q(db, one.constData());
    for (qint64 id : ids) {
        q.bind(1, id);
        if (q.next())
            appendRow(q, into, numbers);
        q.reset();
    }
}

void EventIndex::internStrings(Columns &rows)
{
    std::vector<qint32> ids(rows.strings.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        ids[i] = intern(rows.strings[i]);
    for (qint32 &c : rows.country) {
        if (c >= 0)
            c = ids[std::size_t(c)];
    }
    for (qint32 &r : rows.region) {
        if (r >= 0)
            r = ids[std::size_t(r)];
    }
    rows.strings.clear();
}

void EventIndex::setRows(std::vector<Columns> parts)
{
    std::size_t n = 0;
    for (const Columns &part : parts)
        n += part.rows();
    // Row i (counting through the parts, in id order) goes to row rank[i] in (start day, id)
    // order. Every column is then copied in id order to its rank: reading from one place
    // and writing to one place per day, which the cache follows, where reading each row from
    // where it was would miss the cache at nearly every row of a million.
    Column<quint32> rank;
    rank.reserve(n);
    qint32 low = std::numeric_limits<qint32>::max(), high = std::numeric_limits<qint32>::min();
    m_maxSpan = 0;
    for (const Columns &part : parts) {
        for (std::size_t i = 0; i < part.rows(); ++i) {
            low = std::min(low, part.start[i]);
            high = std::max(high, part.start[i]);
            m_maxSpan = std::max(m_maxSpan, part.end[i] - part.start[i]);
        }
    }
    const qint64 span = n > 0 ? qint64(high) - low + 1 : 0;
    if (span <= qint64(4 * n + 65536)) {
        // A counting sort over the days: linear for any plausible span of days.
        std::vector<quint32> next(std::size_t(span) + 1, 0);
        for (const Columns &part : parts) {
            for (qint32 s : part.start)
                ++next[std::size_t(s - low + 1)];
        }
        std::partial_sum(next.begin(), next.end(), next.begin());
        for (const Columns &part : parts) {
            for (qint32 s : part.start)
                rank.push_back(next[std::size_t(s - low)]++);
        }
    } else {
        Column<qint32> start;
        start.reserve(n);
        for (const Columns &part : parts)
            start.insert(start.end(), part.start.begin(), part.start.end());
        std::vector<quint32> order(n);
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(),
                         [&](quint32 a, quint32 b) { return start[a] < start[b]; });
        rank.resize(n);
        for (std::size_t k = 0; k < n; ++k)
            rank[order[k]] = quint32(k);
    }
    const auto scatter = [&](auto member) {
        auto &to = m_rows.*member;
        to.resize(n);
        const quint32 *at = rank.data();
        for (const Columns &part : parts) {
            for (const auto &value : part.*member)
                to[*at++] = value;
        }
    };
    // Two threads share the columns: the copying waits on memory more than on the processor.
    const auto someColumns = [&] {
        scatter(&Columns::ids);
        scatter(&Columns::x);
        scatter(&Columns::y);
        scatter(&Columns::dataset);
        scatter(&Columns::country);
        // The tags: each row's count at its rank, their offsets, then the tags themselves.
        Column<quint32> &offset = m_rows.tagOffset;
        offset.assign(n + 1, 0);
        const quint32 *at = rank.data();
        for (const Columns &part : parts) {
            for (std::size_t i = 0; i < part.rows(); ++i)
                offset[*at++ + 1] = part.tagOffset[i + 1] - part.tagOffset[i];
        }
        std::partial_sum(offset.begin(), offset.end(), offset.begin());
        m_rows.tags.resize(offset.back());
        at = rank.data();
        for (const Columns &part : parts) {
            for (std::size_t i = 0; i < part.rows(); ++i) {
                std::copy(part.tags.begin() + part.tagOffset[i],
                          part.tags.begin() + part.tagOffset[i + 1],
                          m_rows.tags.begin() + offset[*at++]);
            }
        }
    };
    {
        std::optional<HelperThread> helper;
        if (qint64(n) >= kParallelFrom)
            helper.emplace(someColumns);
        else
            someColumns();
        scatter(&Columns::start);
        scatter(&Columns::end);
        scatter(&Columns::type);
        scatter(&Columns::size);
        scatter(&Columns::precision);
        scatter(&Columns::region);
        m_sortedIds.clear();
        m_sortedIds.reserve(n);
        for (const Columns &part : parts)
            m_sortedIds.insert(m_sortedIds.end(), part.ids.begin(), part.ids.end());
    }
    m_rowOfId = std::move(rank);
}

void EventIndex::setRows(Columns rows)
{
    std::vector<Columns> parts;
    parts.push_back(std::move(rows));
    setRows(std::move(parts));
}

void EventIndex::rebuild(const Catalogue &catalogue)
{
    m_stringIds.clear();
    sqlite3 *db = catalogue.handle();
    // The span of ids bounds the count of events, enough to plan the reading: counting them
    // would read the whole table once more (a tenth of a second at a million). Only a span
    // of ids far wider than any catalogue is checked by counting.
    qint64 first = 0, last = -1;
    {
        sql::Statement q(db, "SELECT (SELECT min(id) FROM events), (SELECT max(id) FROM events)");
        if (q.next() && !q.isNull(0)) {
            first = q.int64(0);
            last = q.int64(1);
        }
    }
    qint64 count = last - first + 1;
    if (count > kCountFrom) {
        sql::Statement q(db, "SELECT count(*) FROM events");
        count = q.next() ? q.int64(0) : 0;
    }
    // Reading is mostly SQLite's work: a large catalogue is read in ranges of ids at once,
    // each on a read-only connection of its own, whose small page cache is reused as the scan
    // goes (the catalogue's own would grow to 64 MB of pages read once, each new page a fault
    // into the kernel). Not while the catalogue's connection is in a transaction, which other
    // connections would not see; the catalogue's connection reads when no other opens.
    int parts = 1;
    std::vector<sql::Connection> connections;
    if (count >= kParallelFrom && sqlite3_get_autocommit(db) &&
        QFileInfo(catalogue.path()).isFile()) {
        parts = std::clamp(QThread::idealThreadCount(), 1, 4);
        for (int k = 0; k < parts; ++k) {
            // The catalogue's own readers: each used by one thread, without SQLite's locking
            // round every call (twenty a row here).
            sql::Connection connection = catalogue.openReader(nullptr);
            if (!connection)
                break;
            connections.push_back(std::move(connection));
        }
        parts = std::max(1, int(connections.size()));
    }
    // Range k is ids [bounds[k], bounds[k + 1] − 1]; the last ends at `last` itself.
    std::vector<qint64> bounds(std::size_t(parts) + 1, first);
    for (int k = 1; k < parts; ++k)
        bounds[std::size_t(k)] = first + qint64((double(last) - double(first)) * k / parts);
    std::vector<Columns> chunks(static_cast<std::size_t>(parts));
    const auto read = [&](sqlite3 *connection, int k) {
        const qint64 to = k + 1 < parts ? bounds[std::size_t(k) + 1] - 1 : last;
        chunks[std::size_t(k)].reserve(
            std::size_t(std::min(to - bounds[std::size_t(k)] + 1, count)), 0);
        readRange(connection, bounds[std::size_t(k)], to, chunks[std::size_t(k)]);
    };
    // The other ranges on helpers started on the other processors (see HelperThread); what
    // one throws (memory) is thrown here once all are done.
    std::vector<std::exception_ptr> failures(static_cast<std::size_t>(parts));
    {
        std::vector<std::unique_ptr<HelperThread>> others;
        for (int k = 1; k < parts; ++k) {
            others.push_back(std::make_unique<HelperThread>([&, k] {
                try {
                    read(connections[std::size_t(k)].get(), k);
                } catch (...) {
                    failures[std::size_t(k)] = std::current_exception();
                }
            }));
        }
        try {
            read(connections.empty() ? db : connections[0].get(), 0);
        } catch (...) {
            failures[0] = std::current_exception();
        }
    }
    for (const std::exception_ptr &failure : failures) {
        if (failure)
            std::rethrow_exception(failure);
    }
    for (Columns &chunk : chunks)
        internStrings(chunk);
    setRows(std::move(chunks));
}

void EventIndex::applyChange(const Catalogue &catalogue, Catalogue::ChangeKind kind,
                             const QList<qint64> &ids)
{
    if (kind == Catalogue::ChangeKind::Reset ||
        (ids.isEmpty() && kind != Catalogue::ChangeKind::Removed)) {
        rebuild(catalogue);
        return;
    }
    QList<qint64> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    Columns changed;
    if (kind != Catalogue::ChangeKind::Removed) {
        readIds(catalogue.handle(), sorted, changed);
        internStrings(changed);
    }
    // The rows kept and the changed ones in their new state, merged in id order.
    Columns rows;
    rows.reserve(m_sortedIds.size() + changed.rows(), m_rows.tags.size() + changed.tags.size());
    std::size_t c = 0;
    auto gone = sorted.cbegin();
    for (std::size_t k = 0; k < m_sortedIds.size(); ++k) {
        const qint64 id = m_sortedIds[k];
        for (; c < changed.rows() && changed.ids[c] < id; ++c)
            rows.append(changed, c);
        while (gone != sorted.cend() && *gone < id)
            ++gone;
        if (gone != sorted.cend() && *gone == id)
            continue; // removed, or replaced by its new state
        rows.append(m_rows, m_rowOfId[k]);
    }
    for (; c < changed.rows(); ++c)
        rows.append(changed, c);
    setRows(std::move(rows));
}

std::pair<std::size_t, std::size_t> EventIndex::rowRange(const Filter &f) const
{
    // Only rows starting in [fromDay − longest span, toDay] can overlap the window.
    std::size_t begin = 0;
    std::size_t end = m_rows.ids.size();
    if (f.fromDay) {
        const qint64 lowest = qint64(*f.fromDay) - m_maxSpan;
        begin = std::size_t(std::lower_bound(m_rows.start.begin(), m_rows.start.end(), lowest) -
                            m_rows.start.begin());
    }
    if (f.toDay)
        end = std::size_t(std::upper_bound(m_rows.start.begin(), m_rows.start.end(), *f.toDay) -
                          m_rows.start.begin());
    return {begin, std::max(begin, end)};
}

template<typename OnMatch> void EventIndex::scan(const Filter &f, OnMatch &&onMatch) const
{
    scan(f, 0, m_rows.rows(), std::forward<OnMatch>(onMatch));
}

template<typename OnMatch>
void EventIndex::scan(const Filter &f, std::size_t fromRow, std::size_t toRow,
                      OnMatch &&onMatch) const
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
        return;

    const auto [windowBegin, windowEnd] = rowRange(f);
    const std::size_t begin = std::max(windowBegin, fromRow);
    const std::size_t end = std::min(windowEnd, toRow);

    // Each condition made once into something cheap to ask per row.
    const ValueSet<qint64> types(f.typeIds);
    const ValueSet<qint64> datasets(f.datasets);
    const bool sizeRange = f.minSize || f.maxSize;
    const qint64 minSize = f.minSize.value_or(std::numeric_limits<qint64>::min());
    const qint64 maxSize = f.maxSize.value_or(std::numeric_limits<qint64>::max());
    std::bitset<256> precisions;
    for (GeoPrecision g : f.precisions) {
        if (int(g) >= 0 && int(g) < 256)
            precisions.set(std::size_t(g));
    }
    std::vector<const Filter::TagRule *> tagRules;
    for (const Filter::TagRule &rule : f.tagRules) {
        if (!rule.tagIds.isEmpty())
            tagRules.push_back(&rule);
    }

    // The rows are taken a block at a time, each condition tested over the block in a loop of
    // its own: the cheap ones without a branch per row (a million rows are tested at every
    // change), the costly ones only on the rows still in.
    constexpr std::size_t kBlock = 2048;
    std::array<quint8, kBlock> pass;
    std::array<quint32, kBlock> hits;
    const qint64 unknownPasses = f.includeUnknownSize ? 1 : 0;
    const bool sizeTested = sizeRange || !f.includeUnknownSize;
    for (std::size_t first = begin; first < end; first += kBlock) {
        const std::size_t n = std::min(kBlock, end - first);
        quint8 *in = pass.data();
        std::fill_n(in, n, quint8(1));
        if (f.fromDay) {
            const qint32 from = *f.fromDay;
            const qint32 *ends = m_rows.end.data() + first;
            for (std::size_t k = 0; k < n; ++k)
                in[k] &= quint8(ends[k] >= from);
        }
        if (!types.empty())
            types.keep(m_rows.type.data() + first, in, n);
        if (sizeTested) {
            const qint64 *sizes = m_rows.size.data() + first;
            for (std::size_t k = 0; k < n; ++k) {
                const qint64 size = sizes[k];
                in[k] &=
                    quint8(size < 0 ? unknownPasses : qint64(size >= minSize && size <= maxSize));
            }
        }
        if (!f.precisions.isEmpty()) {
            const quint8 *precision = m_rows.precision.data() + first;
            for (std::size_t k = 0; k < n; ++k)
                in[k] &= quint8(precisions[precision[k] & 0x0f]);
        }
        if (!datasets.empty())
            datasets.keep(m_rows.dataset.data() + first, in, n);
        const auto keepWhere = [&](auto &&passes) {
            for (std::size_t k = 0; k < n; ++k) {
                if (in[k] && !passes(first + k))
                    in[k] = 0;
            }
        };
        if (!countries.empty())
            keepWhere([&](std::size_t i) {
                return std::find(countries.begin(), countries.end(), m_rows.country[i]) !=
                    countries.end();
            });
        if (!regions.empty())
            keepWhere([&](std::size_t i) {
                return std::find(regions.begin(), regions.end(), m_rows.region[i]) != regions.end();
            });
        if (f.textIds)
            keepWhere([&](std::size_t i) {
                return std::binary_search(f.textIds->cbegin(), f.textIds->cend(), m_rows.ids[i]);
            });
        if (!tagRules.empty())
            keepWhere([&](std::size_t i) {
                const auto firstTag = m_rows.tags.begin() + m_rows.tagOffset[i];
                const auto lastTag = m_rows.tags.begin() + m_rows.tagOffset[i + 1];
                for (const Filter::TagRule *rule : tagRules) {
                    bool any = false;
                    bool all = true;
                    for (qint64 t : rule->tagIds) {
                        const bool has = std::binary_search(firstTag, lastTag, t);
                        any = any || has;
                        all = all && has;
                    }
                    if (rule->all ? !all : !any)
                        return false;
                }
                return true;
            });
        // The rows that passed, listed without a branch per row: which pass is hard to guess.
        std::size_t passed = 0;
        for (std::size_t k = 0; k < n; ++k) {
            hits[passed] = quint32(k);
            passed += in[k];
        }
        for (std::size_t h = 0; h < passed; ++h)
            onMatch(first + hits[h]);
    }
}

QList<qint64> EventIndex::matching(const Filter &filter) const
{
    const std::size_t n = m_rows.ids.size();
    std::vector<bool> pass(n, false);
    std::size_t count = 0;
    scan(filter, [&](std::size_t i) {
        pass[i] = true;
        ++count;
    });
    QList<qint64> ids;
    ids.reserve(qsizetype(count));
    if (count < n / 16) {
        // A few: sorting them is cheapest.
        for (std::size_t i = 0; i < n; ++i) {
            if (pass[i])
                ids.append(m_rows.ids[i]);
        }
        std::sort(ids.begin(), ids.end());
        return ids;
    }
    // Many: read them off in id order, in one pass and no sort.
    for (std::size_t k = 0; k < n; ++k) {
        if (pass[m_rowOfId[k]])
            ids.append(m_sortedIds[k]);
    }
    return ids;
}

MapPoints EventIndex::mapPoints(const Filter &filter) const
{
    MapPoints points;
    mapPoints(filter, points);
    return points;
}

void EventIndex::mapPoints(const Filter &filter, MapPoints &out, MapPointFacts *facts,
                           ClusterBuilder *clusters) const
{
    Q_ASSERT(!clusters || clusters->clusterCount() == 0);
    MapPointFacts ownFacts;
    MapPointFacts &gathered = facts ? *facts : ownFacts;
    gathered = {};
    // Past this many rows, the work is shared with a helper thread; it starts a moment
    // later, so this thread takes a little more than half the rows.
    constexpr std::size_t kParallelFrom = 100'000;
    const auto [begin, end] = rowRange(filter);
    const bool twoParts = end - begin >= kParallelFrom;
    const std::size_t middle = twoParts ? begin + (end - begin) * 27 / 50 : end;

    // First the rows that pass, part by part, so that each part knows where its points go;
    // then each part writes its points there, once, with what they hold and their clusters.
    // (Appending the later part's points to the earlier's would write them all twice.) The
    // lists of rows are the calling thread's, kept from one change to the next.
    thread_local std::vector<quint32> earlierRows;
    thread_local std::vector<quint32> laterRows;
    const auto findRows = [this, &filter](std::size_t first, std::size_t last,
                                          std::vector<quint32> &rows) {
        rows.clear();
        rows.reserve(last - first);
        scan(filter, first, last, [&rows](std::size_t i) { rows.push_back(quint32(i)); });
    };
    const auto writePoints = [this, &out](const std::vector<quint32> &rows, std::size_t offset,
                                          MapPointFacts &seen, ClusterBuilder *cells) {
        MapPoint *to = out.data() + offset;
        // The clusters are gathered block by block, from points still in the cache.
        constexpr std::size_t kBlock = 4096;
        for (std::size_t from = 0; from < rows.size(); from += kBlock) {
            const std::size_t until = std::min(rows.size(), from + kBlock);
            for (std::size_t k = from; k < until; ++k) {
                const std::size_t i = rows[k];
                const qint64 size = m_rows.size[i];
                to[k] = {m_rows.x[i],
                         m_rows.y[i],
                         m_rows.ids[i],
                         qint32(m_rows.type[i]),
                         size < 0
                             ? -1
                             : qint32(std::min<qint64>(size, std::numeric_limits<qint32>::max())),
                         quint8(m_rows.precision[i] & 0x0f),
                         quint8(m_rows.precision[i] >> 4)};
            }
            seen.addAll(to + from, until - from);
            if (cells)
                cells->addAll(to + from, until - from, offset + from);
        }
    };

    out.clear();
    if (!twoParts) {
        findRows(begin, end, earlierRows);
        out.resize(earlierRows.size());
        writePoints(earlierRows, 0, gathered, clusters);
        gathered.finish();
        return;
    }
    // One helper for both steps, on the other processor (see HelperThread). This thread writes its
    // points as soon as it has found its rows (they go first); the helper waits only for their
    // count, to know where its own go. Nothing may throw while the helper may wait, so all the
    // memory is had first: the output at its largest (growing it writes nothing), cut to size at
    // the end.
    std::vector<quint32> &earlier = earlierRows; // this thread's lists, for both threads
    std::vector<quint32> &later = laterRows;
    earlier.reserve(middle - begin);
    later.reserve(end - middle);
    out.resize(end - begin);
    MapPointFacts laterFacts;
    std::optional<ClusterBuilder> laterClusters;
    if (clusters)
        laterClusters.emplace(*clusters);
    std::latch earlierFound(1);
    {
        HelperThread helper([&] {
            findRows(middle, end, later);
            earlierFound.wait();
            writePoints(later, earlier.size(), laterFacts,
                        laterClusters ? &*laterClusters : nullptr);
        });
        findRows(begin, middle, earlier);
        earlierFound.count_down();
        writePoints(earlier, 0, gathered, clusters);
    }
    out.resize(earlier.size() + later.size());
    if (clusters)
        clusters->merge(*laterClusters, 0);
    gathered.merge(laterFacts);
    gathered.finish();
}

QHash<qint64, qint64> EventIndex::typeCounts() const
{
    // Type ids are small in practice: counted in an array, the odd large one in the hash.
    std::vector<qint64> small(4096, 0);
    QHash<qint64, qint64> counts;
    for (qint64 t : m_rows.type) {
        if (quint64(t) < small.size())
            ++small[std::size_t(t)];
        else
            ++counts[t];
    }
    for (std::size_t t = 0; t < small.size(); ++t) {
        if (small[t] > 0)
            counts.insert(qint64(t), small[t]);
    }
    return counts;
}

qint64 EventIndex::unplacedCount() const
{
    return std::count_if(m_rows.x.begin(), m_rows.x.end(), [](float x) { return std::isnan(x); });
}

std::pair<qint32, qint32> EventIndex::dayExtent() const
{
    if (m_rows.start.empty())
        return {0, -1};
    // Rows are in start-day order; the latest end may belong to any of them.
    return {m_rows.start.front(), *std::max_element(m_rows.end.cbegin(), m_rows.end.cend())};
}

namespace {
/// Whether a filter tests nothing but dates.
bool onlyTime(const Filter &f)
{
    return f.typeIds.isEmpty() && f.tagRules.isEmpty() && !f.minSize && !f.maxSize &&
        f.includeUnknownSize && f.countries.isEmpty() && f.regions.isEmpty() && !f.textIds &&
        f.precisions.isEmpty() && f.datasets.isEmpty();
}
} // namespace

Histogram EventIndex::histogram(const Filter &filter, qint32 first, qint32 last,
                                Period::Unit unit) const
{
    Histogram h;
    h.unit = unit;
    h.starts = binStarts(first, last, unit, &h.end);
    if (h.starts.empty())
        return h;
    // A table from day to bin, so that each event costs one lookup.
    const qint32 origin = h.starts.front();
    std::vector<quint32> binOfDay(std::size_t(h.end - origin));
    for (std::size_t b = 0; b < h.starts.size(); ++b) {
        const qint32 next = b + 1 < h.starts.size() ? h.starts[b + 1] : h.end;
        std::fill(binOfDay.begin() + (h.starts[b] - origin), binOfDay.begin() + (next - origin),
                  quint32(b));
    }
    // A column of counts per type met, numbered densely in the order met.
    TypeNumbers numbers;
    std::vector<qint64> typeOfSlot;
    std::vector<std::vector<quint32>> columns;
    const auto columnOf = [&](qint64 type) -> std::vector<quint32> & {
        std::size_t slot = numbers.find(type);
        if (slot == TypeNumbers::kNone) {
            slot = numbers.number(type);
            typeOfSlot.push_back(type);
            columns.emplace_back(h.starts.size(), 0u);
        }
        return columns[slot];
    };
    h.imprecise.assign(h.starts.size(), 0);
    Filter f = filter;
    f.fromDay = first; // rows overlapping the span; those starting before it are skipped
    f.toDay = last;
    const auto count = [&](std::size_t i) {
        const qint32 start = m_rows.start[i];
        if (start < first)
            return;
        const quint32 bin = binOfDay[std::size_t(start - origin)];
        ++columnOf(m_rows.type[i])[bin];
        if (m_rows.precision[i] >> 4) // dated only to the month or year
            ++h.imprecise[bin];
    };
    if (onlyTime(filter)) {
        // Nothing but dates to test: rows are in start order, so each bin's rows are one run,
        // counted by type id straight into a small array (the odd other id into its column)
        // and moved to their columns per bin.
        auto row = std::lower_bound(m_rows.start.cbegin(), m_rows.start.cend(), first);
        std::vector<quint32> perType(TypeNumbers::kSmall, 0);
        std::vector<qint64> touched;
        for (std::size_t b = 0; b < h.starts.size(); ++b) {
            const qint32 next =
                std::min(b + 1 < h.starts.size() ? h.starts[b + 1] : h.end, last + 1);
            const auto runEnd = std::lower_bound(row, m_rows.start.cend(), next);
            quint32 imprecise = 0;
            for (auto i = std::size_t(row - m_rows.start.cbegin()),
                      end = std::size_t(runEnd - m_rows.start.cbegin());
                 i < end; ++i) {
                const qint64 type = m_rows.type[i];
                if (quint64(type) >= TypeNumbers::kSmall)
                    ++columnOf(type)[b];
                else if (perType[std::size_t(type)]++ == 0)
                    touched.push_back(type);
                imprecise += (m_rows.precision[i] >> 4) != 0;
            }
            h.imprecise[b] = imprecise;
            for (const qint64 type : touched)
                columnOf(type)[b] = std::exchange(perType[std::size_t(type)], 0);
            touched.clear();
            row = runEnd;
        }
    } else {
        scan(f, count);
    }
    // Stacked with the most frequent type at the bottom.
    std::vector<std::pair<quint64, std::size_t>> order;
    for (std::size_t s = 0; s < columns.size(); ++s) {
        quint64 sum = 0;
        for (const quint32 n : columns[s])
            sum += n;
        order.push_back({sum, s});
    }
    std::sort(order.begin(), order.end(), [&](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : typeOfSlot[a.second] < typeOfSlot[b.second];
    });
    const std::size_t bins = h.starts.size();
    h.counts.assign(bins * order.size(), 0);
    for (std::size_t t = 0; t < order.size(); ++t) {
        h.types.push_back(typeOfSlot[order[t].second]);
        const std::vector<quint32> &column = columns[order[t].second];
        for (std::size_t b = 0; b < bins; ++b)
            h.counts[b * order.size() + t] = column[b];
    }
    for (std::size_t b = 0; b < bins; ++b)
        h.maxTotal = std::max(h.maxTotal, h.total(b));
    return h;
}

} // namespace placard
