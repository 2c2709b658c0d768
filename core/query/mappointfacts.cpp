// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/mappointfacts.h"

#include <algorithm>

namespace placard {

void MapPointFacts::addLarge(qint32 type)
{
    // Type ids are row ids of event types: past 4096 is rare, and so are distinct ones.
    if (std::find(m_large.begin(), m_large.end(), type) == m_large.end())
        m_large.push_back(type);
}

void MapPointFacts::merge(const MapPointFacts &other)
{
    m_small |= other.m_small;
    for (qint32 t : other.m_large)
        addLarge(t);
    sized |= other.sized;
    unknown |= other.unknown;
    area |= other.area;
    imprecise |= other.imprecise;
}

void MapPointFacts::finish()
{
    types.clear();
    for (std::size_t t = 0; t < m_small.size(); ++t) {
        if (m_small.test(t))
            types.append(qint64(t));
    }
    std::sort(m_large.begin(), m_large.end());
    for (qint32 t : m_large)
        types.append(t);
    m_large.clear();
}

MapPointFacts MapPointFacts::of(const MapPoints &points)
{
    MapPointFacts facts;
    for (const MapPoint &p : points)
        facts.add(p);
    facts.finish();
    return facts;
}

} // namespace placard
