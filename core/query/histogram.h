// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query/timelinecontroller.h"

#include <QtGlobal>

#include <vector>

namespace placard {

/// Events counted by the calendar period they start in, stacked by type: what the
/// timeline draws. Bin i covers [starts[i], starts[i + 1]); the last ends at `end`.
struct Histogram {
    Period::Unit unit = Period::Day;
    std::vector<qint32> starts;
    qint32 end = 0; ///< the day after the last bin
    std::vector<qint64> types; ///< type ids, in stacking order (most events first)
    std::vector<quint32> counts; ///< starts.size() × types.size(), bin by bin
    quint32 maxTotal = 0; ///< the tallest bin
    /// Per bin, how many of its events are dated only to the month or year (counted in the
    /// bin of their first day, drawn hatched).
    std::vector<quint32> imprecise;

    quint32 count(std::size_t bin, std::size_t type) const
    {
        return counts[bin * types.size() + type];
    }
    quint32 total(std::size_t bin) const;
    /// The bin holding a day, or −1.
    int binOf(qint32 day) const;
};

/// The calendar unit that gives bins of at least `minPixels` for a span of days drawn
/// over `widthPixels`: days, weeks, months or years.
Period::Unit binUnitFor(qint32 spanDays, double widthPixels, double minPixels = 4.0);

/// The first day of the period that holds `day` (weeks start on Monday).
qint32 periodStart(qint32 day, Period::Unit unit);

/// The starts of the bins of `unit` covering [first, last], and the day after the last.
std::vector<qint32> binStarts(qint32 first, qint32 last, Period::Unit unit, qint32 *end);

} // namespace placard
