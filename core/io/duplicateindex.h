// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"

#include "io/flattable.h"

#include <optional>
#include <vector>

namespace placard::io {

/// Finds events that duplicate one another: the same start day and type, and either the
/// same normalised place name or points within 1 km (placed at a locality or finer: the
/// centroid of a state is no place). Keys are computed apart (keysFor is
/// pure and thread-safe) so that a parsing thread can make them; the index itself is not
/// thread-safe. Names are compared by 64-bit hashes.
class DuplicateIndex {
public:
    /// What an event is compared by.
    struct Keys {
        quint64 name = 0; ///< 0 when the event names no place
        quint64 group = 0; ///< day and type
        bool placed = false;
        double latitude = 0;
        double longitude = 0;
    };
    /// A stored event a new one duplicates. Only its id: the tables hold a million of them,
    /// and every byte of an entry is megabytes to fault in before an import can start.
    struct Match {
        qint64 id = 0;
    };

    static Keys keysFor(const Event &event);
    /// Makes room for `events` more events, so that adding them rehashes nothing.
    void reserve(std::size_t events);
    void add(const Keys &keys, const Match &match);
    std::optional<Match> find(const Keys &keys) const;
    /// Asks the CPU to fetch what find() and add() will read for `keys`: called for a batch
    /// of rows ahead, their large tables' cache misses overlap instead of following one
    /// another.
    void prefetch(const Keys &keys) const;

    /// The place key events are compared by: place, locality and state, case-folded,
    /// with runs of spaces and punctuation collapsed.
    static QString placeKey(const Event &event);

private:
    struct Point {
        double latitude;
        double longitude;
        Match match;
    };
    // One bit per key, set when a key is added: most searches find nothing, and a clear bit
    // says so from this 2 MiB array instead of from the large hashes far out in memory.
    static constexpr int kSeenBits = 24;
    bool seen(quint64 key) const;
    /// Calls visit(cell key) for the cells a point within the radius of `keys` may be in,
    /// until it returns true; returns whether it did.
    template<typename Visit> static bool forNearCells(const Keys &keys, Visit &&visit);
    void markSeen(quint64 key);

    Column<quint64> m_seen;
    std::size_t m_added = 0;
    FlatTable<Match> m_byName;
    FlatTable<Point> m_byCell;
};

} // namespace placard::io
