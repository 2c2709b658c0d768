// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query/hugepages.h"

#include <QtGlobal>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace placard::io {

/// A hash table of 64-bit hash keys in one array (open addressing, linear probing), for the
/// duplicate index's million entries: no allocation per entry and one cache miss per
/// probe, where QMultiHash allocated a node for each. Key 0 is taken to mean an empty slot,
/// so a key of 0 is stored as 1. Nothing is ever removed. The array is in huge pages: its
/// probes land anywhere in tens of megabytes, each a TLB miss and, the first time, a page
/// fault in small pages.
template<typename Value> class FlatTable {
public:
    /// Makes room for `count` entries at once, so that filling it needs no rehashing.
    void reserve(std::size_t count)
    {
        const std::size_t size = std::max<std::size_t>(1024, count * 10 / 7 + 1);
        if (size > m_slots.size())
            rehash(size);
    }

    /// Adds an entry; with `replace`, an entry of the same key takes the new value instead.
    void insert(quint64 key, const Value &value, bool replace)
    {
        if ((m_count + 1) * 10 > m_slots.size() * 7)
            rehash(m_slots.empty() ? 1024 : m_slots.size() * 2);
        key = key ? key : 1;
        std::size_t i = home(key);
        for (; m_slots[i].key; i = next(i)) {
            if (replace && m_slots[i].key == key) {
                m_slots[i].value = value;
                return;
            }
        }
        m_slots[i] = {key, value};
        ++m_count;
    }

    /// Calls `visit` with every value of `key`, in the order they were added.
    template<typename Visit> void forEach(quint64 key, Visit &&visit) const
    {
        if (m_slots.empty())
            return;
        key = key ? key : 1;
        for (std::size_t i = home(key); m_slots[i].key; i = next(i)) {
            if (m_slots[i].key == key)
                visit(m_slots[i].value);
        }
    }

    bool isEmpty() const { return m_count == 0; }

    /// Asks the CPU to fetch the slot where `key`'s search begins.
    void prefetch(quint64 key) const
    {
#if defined(__GNUC__)
        if (!m_slots.empty())
            __builtin_prefetch(&m_slots[home(key ? key : 1)]);
#else
        Q_UNUSED(key);
#endif
    }

private:
    struct Slot {
        quint64 key = 0;
        Value value{};
    };

    /// Where `key`'s run starts: the high half of a product maps the key's mixed bits onto
    /// any size, so the table need not round up to a power of two (up to twice the
    /// memory to fault in before an import starts).
    std::size_t home(quint64 key) const
    {
        // 32 bits of the mixed key times a size below 2^32.
        const quint64 mixed = (key * 0x9e3779b97f4a7c15ULL) >> 32;
        return std::size_t((mixed * quint64(m_slots.size())) >> 32);
    }
    std::size_t next(std::size_t i) const { return i + 1 == m_slots.size() ? 0 : i + 1; }

    void rehash(std::size_t size)
    {
        Q_ASSERT(size < (quint64(1) << 32)); // see home()
        Column<Slot> old;
        old.swap(m_slots);
        m_slots.resize(size);
        // Re-adding in the old array's order keeps the values of a key in the order added.
        // Within a run of slots, an earlier-added value of a key is never behind a later
        // one, so walking each run from its start gives the same order.
        std::size_t start = 0;
        while (start < old.size() && old[start].key)
            ++start; // begin after an empty slot: no run wraps into the walk's beginning
        for (std::size_t n = 0; n < old.size(); ++n) {
            const Slot &s = old[(start + n) % old.size()];
            if (!s.key)
                continue;
            std::size_t i = home(s.key);
            while (m_slots[i].key)
                i = next(i);
            m_slots[i] = s;
        }
    }

    Column<Slot> m_slots;
    std::size_t m_count = 0;
};

} // namespace placard::io
