// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query/clusters.h"

#include <memory>
#include <mutex>
#include <vector>

namespace placard {

/// Vectors of map points handed out as shared pointers that come back here, memory and all,
/// when their last holder lets go, on whatever thread that is. A million points are 32 MB,
/// and fresh pages from the system cost more than the filter that fills them.
class MapPointPool : public std::enable_shared_from_this<MapPointPool> {
public:
    static std::shared_ptr<MapPointPool> create();

    /// An empty vector, with the capacity of one given back earlier when there is one.
    std::shared_ptr<MapPoints> take();
    /// Vectors waiting to be taken again.
    std::size_t idle() const;

private:
    MapPointPool() = default;
    void giveBack(MapPoints *points);

    static constexpr std::size_t kKept = 2;
    mutable std::mutex m_mutex;
    std::vector<std::unique_ptr<MapPoints>> m_idle;
};

} // namespace placard
