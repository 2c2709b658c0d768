// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"

#include <QHash>

#include <optional>

namespace placard::io {

/// Finds events that duplicate one another: the same start day and type, and either the
/// same normalised place name or points within 1 km. Not thread-safe.
class DuplicateIndex {
public:
    /// A stored event a new one duplicates.
    struct Match {
        qint64 id = 0;
        qint64 datasetId = 0;
    };

    void add(const Event &event);
    std::optional<Match> find(const Event &event) const;
    qsizetype size() const { return m_size; }

    /// The place key events are compared by: place, locality and state, case-folded,
    /// with runs of spaces and punctuation collapsed.
    static QString placeKey(const Event &event);

private:
    struct Point {
        double lat;
        double lon;
        Match match;
    };
    struct Cell {
        qint32 day;
        size_t type;
        qint32 y;
        qint32 x;
        friend bool operator==(const Cell &, const Cell &) = default;
    };
    friend size_t qHash(const Cell &c, size_t seed) noexcept
    {
        return qHashMulti(seed, c.day, c.type, c.y, c.x);
    }
    static QString nameKey(const Event &event);

    QHash<QString, Match> m_byName;
    QHash<Cell, QList<Point>> m_byCell;
    qsizetype m_size = 0;
};

} // namespace placard::io
