// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/catalogue.h"
#include "query/clusters.h"

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

    qsizetype size() const { return qsizetype(m_ids.size()); }
    /// Ids of the events that pass the filter, ascending.
    QList<qint64> matching(const Filter &filter) const;
    /// What the map draws of the events that pass the filter, in time order.
    std::vector<MapPoint> mapPoints(const Filter &filter) const;

private:
    struct Row {
        qint64 id;
        qint32 start;
        qint32 end;
        float x; ///< Web Mercator world x in [0, 1], NaN when unplaced
        float y;
        qint64 type;
        qint64 size; ///< -1 unknown
        quint8 precision;
        qint64 dataset;
        qint32 country; ///< index into m_strings, -1 none
        qint32 region;
        std::vector<qint64> tags; ///< ascending
    };
    void load(const Catalogue &catalogue, const QList<qint64> *only, std::vector<Row> &rows);
    void setRows(std::vector<Row> rows);
    qint32 intern(const QString &s);

    // Columns, in start-day order.
    std::vector<qint64> m_ids;
    std::vector<qint32> m_start;
    std::vector<qint32> m_end;
    std::vector<float> m_x;
    std::vector<float> m_y;
    std::vector<qint64> m_type;
    std::vector<qint64> m_size;
    std::vector<quint8> m_precision;
    std::vector<qint64> m_dataset;
    std::vector<qint32> m_country;
    std::vector<qint32> m_region;
    std::vector<quint32> m_tagOffset; ///< tags of row i: m_tags[m_tagOffset[i] … m_tagOffset[i+1])
    std::vector<qint64> m_tags;
    qint32 m_maxSpan = 0; ///< longest end − start, to bound the scan for a time window
    QHash<QString, qint32> m_stringIds;
};

} // namespace placard
