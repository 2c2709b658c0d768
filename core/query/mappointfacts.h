// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"
#include "query/clusters.h"

#include <QList>

#include <bitset>
#include <vector>

namespace placard {

/// What a set of map points holds, as a legend tells it. Gathered while the points are
/// written (EventIndex::mapPoints), since another pass over a million of them costs as much
/// as a frame.
class MapPointFacts {
public:
    QList<qint64> types; ///< the type ids present, ascending; valid after finish()
    bool sized = false; ///< some crowd size is known
    bool unknown = false; ///< some is not
    bool area = false; ///< some event is placed only at a state or country
    bool imprecise = false; ///< some date is known only to the month or year

    /// Takes n points in, gathered in locals the compiler keeps in registers (members it
    /// would store back at every point).
    void addAll(const MapPoint *points, std::size_t n);
    /// Takes in what another part of the same points holds.
    void merge(const MapPointFacts &other);
    /// Lists the types; call once, after the last addAll() or merge().
    void finish();

    /// The facts of a whole set of points.
    static MapPointFacts of(const MapPoints &points);

private:
    void addLarge(qint32 type);

    std::bitset<4096> m_small;
    std::vector<qint32> m_large; ///< ids past the bitmap, distinct
};

} // namespace placard
