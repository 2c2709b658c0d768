// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/hugepages.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace placard::hugepages {

namespace {

constexpr std::size_t kHugePage = std::size_t(2) << 20;

std::size_t roundUp(std::size_t bytes)
{
    return (bytes + kHugePage - 1) & ~(kHugePage - 1);
}

} // namespace

#if defined(__linux__)

void *map(std::size_t bytes)
{
    const std::size_t size = roundUp(bytes);
    // A huge page must start on a boundary of its size: map one more and trim both ends.
    const std::size_t mapped = size + kHugePage;
    void *raw = ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        throw std::bad_alloc();
    const auto start = reinterpret_cast<std::uintptr_t>(raw);
    const std::uintptr_t aligned = (start + kHugePage - 1) & ~std::uintptr_t(kHugePage - 1);
    if (aligned > start)
        ::munmap(raw, aligned - start);
    if (const std::uintptr_t tail = start + mapped - (aligned + size); tail > 0)
        ::munmap(reinterpret_cast<void *>(aligned + size), tail);
    void *block = reinterpret_cast<void *>(aligned);
    // Advice only: where huge pages are off, the block works in small pages all the same.
    ::madvise(block, size, MADV_HUGEPAGE);
    return block;
}

void unmap(void *block, std::size_t bytes) noexcept
{
    ::munmap(block, roundUp(bytes));
}

#else

void *map(std::size_t bytes)
{
    return ::operator new(roundUp(bytes), std::align_val_t(kHugePage));
}

void unmap(void *block, std::size_t) noexcept
{
    ::operator delete(block, std::align_val_t(kHugePage));
}

#endif

} // namespace placard::hugepages
