// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/mappointfacts.h"

#include <algorithm>
#include <bit>

namespace placard {

void MapPointFacts::addLarge(qint32 type)
{
    // Type ids are row ids of event types: past 4096 is rare, and so are distinct ones.
    if (std::find(m_large.begin(), m_large.end(), type) == m_large.end())
        m_large.push_back(type);
}

void MapPointFacts::addAll(const MapPoint *points, std::size_t n)
{
    quint64 firstTypes = 0; // ids 0 to 63, the usual ones, as bits of one word
    bool anySized = false, anyUnknown = false, anyArea = false, anyImprecise = false;
    for (std::size_t k = 0; k < n; ++k) {
        const MapPoint &p = points[k];
        if (quint32(p.type) < 64)
            firstTypes |= quint64(1) << p.type;
        else if (quint32(p.type) < m_small.size())
            m_small.set(std::size_t(p.type));
        else
            addLarge(p.type);
        anySized |= p.size >= 0;
        anyUnknown |= p.size < 0;
        anyArea |= p.precision == quint8(GeoPrecision::Admin1) ||
            p.precision == quint8(GeoPrecision::Country);
        anyImprecise |= p.datePrecision != quint8(DatePrecision::Day);
    }
    for (; firstTypes != 0; firstTypes &= firstTypes - 1)
        m_small.set(std::size_t(std::countr_zero(firstTypes)));
    sized |= anySized;
    unknown |= anyUnknown;
    area |= anyArea;
    imprecise |= anyImprecise;
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
    facts.addAll(points.data(), points.size());
    facts.finish();
    return facts;
}

} // namespace placard
