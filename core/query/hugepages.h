// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <utility>
#include <vector>

namespace placard {

namespace hugepages {

/// Blocks from this size up are mapped on their own, in huge pages where the system allows.
constexpr std::size_t kFrom = std::size_t(4) << 20;

/// `bytes` (at least kFrom) of memory aligned to a huge page, which the kernel is asked to
/// back with huge pages; throws std::bad_alloc when there is none.
void *map(std::size_t bytes);
/// Gives back a block of map(bytes).
void unmap(void *block, std::size_t bytes) noexcept;

} // namespace hugepages

/// An allocator for the index's columns and the map's points, which hold tens of megabytes
/// and are made anew on opening and on every change: each 4 KiB page a program touches the
/// first time costs a fault into the kernel (measured here at about 10 µs, so 3 ms per MB,
/// more than the work that fills it), a 2 MiB huge page one fault for all of it. Smaller
/// blocks come from the heap as usual.
template<typename T> struct HugePages {
    using value_type = T;
    HugePages() noexcept = default;
    template<typename U> HugePages(const HugePages<U> &) noexcept { }

    T *allocate(std::size_t n)
    {
        if (n > std::size_t(-1) / sizeof(T))
            throw std::bad_array_new_length();
        const std::size_t bytes = n * sizeof(T);
        if (bytes >= hugepages::kFrom)
            return static_cast<T *>(hugepages::map(bytes));
        return std::allocator<T>().allocate(n);
    }
    void deallocate(T *p, std::size_t n) noexcept
    {
        if (n * sizeof(T) >= hugepages::kFrom)
            hugepages::unmap(p, n * sizeof(T));
        else
            std::allocator<T>().deallocate(p, n);
    }
    template<typename U> bool operator==(const HugePages<U> &) const noexcept { return true; }
};

/// The same, and a vector grows (resize()) without writing its new elements: for vectors
/// whose every new element is then written once, in place, by whoever fills them. The
/// elements are undefined until written, so T must need no constructor to run.
template<typename T> struct GrowsUnwritten : HugePages<T> {
    using value_type = T;
    GrowsUnwritten() noexcept = default;
    template<typename U> GrowsUnwritten(const GrowsUnwritten<U> &) noexcept { }
    template<typename U> struct rebind {
        using other = GrowsUnwritten<U>;
    };
    template<typename U> void construct(U *) noexcept { }
    template<typename U, typename... Args> void construct(U *p, Args &&...args)
    {
        std::construct_at(p, std::forward<Args>(args)...);
    }
};

/// A column of a million values: see HugePages.
template<typename T> using Column = std::vector<T, HugePages<T>>;

} // namespace placard
