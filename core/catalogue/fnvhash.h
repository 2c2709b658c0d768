// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

namespace placard {

// 64-bit FNV-1a over UTF-16 code units: names and place keys are short, and a general-purpose
// hash cost more than the rest of looking them up.
inline constexpr quint64 kFnvOffset = 14695981039346656037ULL;
inline constexpr quint64 kFnvPrime = 1099511628211ULL;

/// One unit more into the hash `h`.
constexpr quint64 fnvStep(quint64 h, char16_t unit)
{
    return (h ^ unit) * kFnvPrime;
}

/// `text` into the hash `h` (a new hash by default).
inline quint64 fnvHash(QStringView text, quint64 h = kFnvOffset)
{
    for (const QChar c : text)
        h = fnvStep(h, c.unicode());
    return h;
}

} // namespace placard
