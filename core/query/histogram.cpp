// SPDX-License-Identifier: GPL-3.0-or-later
#include "histogram.h"

#include <QDate>

#include <algorithm>

namespace placard {

namespace {
const QDate kEpoch(1970, 1, 1);
}

quint32 Histogram::total(std::size_t bin) const
{
    quint32 sum = 0;
    for (std::size_t t = 0; t < types.size(); ++t)
        sum += count(bin, t);
    return sum;
}

int Histogram::binOf(qint32 day) const
{
    if (starts.empty() || day < starts.front() || day >= end)
        return -1;
    return int(std::upper_bound(starts.cbegin(), starts.cend(), day) - starts.cbegin()) - 1;
}

Period::Unit binUnitFor(qint32 spanDays, double widthPixels, double minPixels)
{
    const double days = std::max(1, spanDays);
    const double pixelsPerDay = widthPixels / days;
    if (pixelsPerDay >= minPixels)
        return Period::Day;
    if (pixelsPerDay * 7 >= minPixels)
        return Period::Week;
    if (pixelsPerDay * 30.4 >= minPixels)
        return Period::Month;
    return Period::Year;
}

qint32 periodStart(qint32 day, Period::Unit unit)
{
    const QDate date = kEpoch.addDays(day);
    switch (unit) {
    case Period::Day:
        return day;
    case Period::Week:
        return day - (date.dayOfWeek() - 1);
    case Period::Month:
        return qint32(kEpoch.daysTo(QDate(date.year(), date.month(), 1)));
    case Period::Year:
        return qint32(kEpoch.daysTo(QDate(date.year(), 1, 1)));
    }
    return day;
}

std::vector<qint32> binStarts(qint32 first, qint32 last, Period::Unit unit, qint32 *end)
{
    std::vector<qint32> starts;
    qint32 day = periodStart(first, unit);
    while (day <= last) {
        starts.push_back(day);
        day = addPeriod(day, {unit, 1});
    }
    if (end)
        *end = day;
    return starts;
}

} // namespace placard
