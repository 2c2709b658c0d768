// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/catalogue.h"
#include "query/clusters.h"
#include "query/histogram.h"
#include "query/hugepages.h"
#include "query/mappointfacts.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>
#include <vector>

namespace placard {

/// What the map, the timeline and the table show: every condition given must hold.
struct Filter {
    /// Events active on some day of [fromDay, toDay] (days since 1970-01-01).
    std::optional<qint32> fromDay;
    std::optional<qint32> toDay;
    QList<qint64> typeIds; ///< any of these event types (empty: all)
    /// Tags of one kind, matched as any or all of them; several rules must all hold.
    struct TagRule {
        QList<qint64> tagIds;
        bool all = false;
    };
    QList<TagRule> tagRules;
    std::optional<qint64> minSize; ///< known crowd size (high, else low) at least this
    std::optional<qint64> maxSize; ///< … and at most this
    bool includeUnknownSize = true; ///< events of unknown size pass the size range
    QStringList countries; ///< any of these country codes or names, as stored
    QStringList regions; ///< any of these "COUNTRY/ADMIN1" pairs, as stored
    std::optional<QList<qint64>> textIds; ///< ids a full-text search returned, ascending
    QList<GeoPrecision> precisions; ///< any of these
    QList<qint64> datasets; ///< any of these imports
};

/// An in-memory, columnar, time-sorted snapshot of what filters need, so that filtering a
/// million events needs no SQL: id, days, Web Mercator position, type, size, tags,
/// precision, dataset, country and region. Built from a catalogue and kept in step with it
/// through applyChange(). Not thread-safe for writing; const functions may run concurrently.
class EventIndex {
public:
    /// Reads every event of the catalogue.
    void rebuild(const Catalogue &catalogue);
    /// Follows one change the catalogue announced.
    void applyChange(const Catalogue &catalogue, Catalogue::ChangeKind kind,
                     const QList<qint64> &ids);

    qsizetype size() const { return qsizetype(m_rows.ids.size()); }
    /// Ids of the events that pass the filter, ascending.
    QList<qint64> matching(const Filter &filter) const;
    /// What the map draws of the events that pass the filter, in time order.
    MapPoints mapPoints(const Filter &filter) const;
    /// The same into `out`, which is cleared and keeps its capacity: a caller that recycles
    /// the vector of a million points saves fresh pages from the system at every change.
    /// With `facts`, also what the points hold, and with `clusters` (a builder nothing has
    /// been added to), the clusters of its view, both gathered in the same pass: another pass
    /// over a million points written moments before would read them all from memory again.
    /// Past 100,000 rows the work is shared with a second thread.
    void mapPoints(const Filter &filter, MapPoints &out, MapPointFacts *facts = nullptr,
                   ClusterBuilder *clusters = nullptr) const;
    /// How many events each type id has (0: no type), read from memory: what the filters
    /// show beside each type, without a pass of SQL over every event.
    QHash<qint64, qint64> typeCounts() const;
    /// How many events have no coordinates.
    qint64 unplacedCount() const;
    /// The first start day and the last end day of all events (first > last when empty).
    std::pair<qint32, qint32> dayExtent() const;
    /// The events that pass the filter (its time range aside) and start in [first, last],
    /// counted by `unit` and type: what the timeline draws.
    Histogram histogram(const Filter &filter, qint32 first, qint32 last, Period::Unit unit) const;

private:
    /// Rows being loaded or rebuilt, in id order, before they become the columns below: one
    /// vector per field, as there.
    struct Columns {
        Column<qint64> ids;
        Column<qint32> start;
        Column<qint32> end;
        Column<float> x; ///< Web Mercator world x in [0, 1], NaN when unplaced
        Column<float> y;
        Column<qint64> type;
        Column<qint64> size; ///< -1 unknown
        Column<quint8> precision;
        Column<qint64> dataset;
        Column<qint32> country; ///< index into m_stringIds, -1 none
        Column<qint32> region;
        /// Tags of row i, ascending: tags[tagOffset[i] … tagOffset[i+1]).
        Column<quint32> tagOffset{0};
        Column<qint64> tags;
        /// While loading: the strings that country and region number, until internStrings().
        std::vector<QString> strings;

        std::size_t rows() const { return ids.size(); }
        void reserve(std::size_t rows, std::size_t tagCount);
        /// Appends row i of another set of columns.
        void append(const Columns &from, std::size_t i);
    };
    /// Reads the events with ids in [first, last] and their tags, in id order, onto the end
    /// of `into`, their countries and regions numbered in into.strings. Touches nothing of
    /// the index, so that ranges may be read at once, each on a connection of its own.
    static void readRange(sqlite3 *db, qint64 first, qint64 last, Columns &into);
    /// The same for some events, by ascending id.
    static void readIds(sqlite3 *db, const QList<qint64> &ids, Columns &into);
    /// Numbers the countries and regions of rows as the index does.
    void internStrings(Columns &rows);
    /// Makes the index from rows in id order: those of the parts one after the other.
    void setRows(std::vector<Columns> parts);
    void setRows(Columns rows);
    qint32 intern(const QString &s);
    /// Calls onMatch(row) for each row that passes the filter, in row order.
    template<typename OnMatch> void scan(const Filter &filter, OnMatch &&onMatch) const;
    /// The same over rows [first, last) of those the filter's time window reaches.
    template<typename OnMatch>
    void scan(const Filter &filter, std::size_t fromRow, std::size_t toRow,
              OnMatch &&onMatch) const;
    /// The rows a filter's time window can reach: [first, last).
    std::pair<std::size_t, std::size_t> rowRange(const Filter &filter) const;

    Columns m_rows; ///< in (start day, id) order
    // Id order, for matching() to list ids ascending without sorting them.
    Column<qint64> m_sortedIds; ///< every id, ascending
    Column<quint32> m_rowOfId; ///< the row of m_sortedIds[k]
    qint32 m_maxSpan = 0; ///< longest end − start, to bound the scan for a time window
    QHash<QString, qint32> m_stringIds;
};

} // namespace placard
