// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/mappointpool.h"

namespace placard {

std::shared_ptr<MapPointPool> MapPointPool::create()
{
    return std::shared_ptr<MapPointPool>(new MapPointPool);
}

std::shared_ptr<MapPoints> MapPointPool::take()
{
    std::unique_ptr<MapPoints> points;
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            points = std::move(m_idle.back());
            m_idle.pop_back();
        }
    }
    if (!points)
        points = std::make_unique<MapPoints>();
    points->clear();
    // The pool may be gone by the time the last holder lets go: then the vector is freed.
    std::weak_ptr<MapPointPool> pool = weak_from_this();
    return std::shared_ptr<MapPoints>(points.release(), [pool](MapPoints *given) {
        if (const std::shared_ptr<MapPointPool> alive = pool.lock())
            alive->giveBack(given);
        else
            delete given;
    });
}

std::size_t MapPointPool::idle() const
{
    std::lock_guard lock(m_mutex);
    return m_idle.size();
}

void MapPointPool::giveBack(MapPoints *points)
{
    std::unique_ptr<MapPoints> owned(points);
    std::lock_guard lock(m_mutex);
    if (m_idle.size() < kKept)
        m_idle.push_back(std::move(owned));
}

} // namespace placard
