// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinecontroller.h"

#include <QDate>

#include <algorithm>

namespace placard {

namespace {
const QDate kEpoch(1970, 1, 1);
}

qint32 addPeriod(qint32 day, const Period &period, int times)
{
    const int n = period.count * times;
    switch (period.unit) {
    case Period::Day:
        return day + n;
    case Period::Week:
        return day + 7 * n;
    case Period::Month:
        return qint32(kEpoch.daysTo(kEpoch.addDays(day).addMonths(n)));
    case Period::Year:
        return qint32(kEpoch.daysTo(kEpoch.addDays(day).addYears(n)));
    }
    return day;
}

TimelineController::TimelineController(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!stepForward())
            pause();
    });
    setSpeed(m_speed);
}

void TimelineController::setExtent(qint32 first, qint32 last)
{
    const bool wasAll = showsAll() || m_end < m_start;
    m_first = first;
    m_last = last;
    if (wasAll)
        moveWindow(first, last);
    else
        setWindow(m_start, m_end);
}

void TimelineController::setWindow(qint32 start, qint32 end)
{
    if (end < start)
        std::swap(start, end);
    const qint32 length = end - start;
    if (length >= m_last - m_first) {
        moveWindow(m_first, m_last);
        return;
    }
    // Keep the length: slide the window back inside rather than cutting it.
    if (start < m_first) {
        start = m_first;
        end = start + length;
    }
    if (end > m_last) {
        end = m_last;
        start = end - length;
    }
    moveWindow(start, end);
}

void TimelineController::setWindowLength(const Period &length)
{
    setWindow(m_start, std::max(m_start, addPeriod(m_start, length) - 1));
}

void TimelineController::showAll()
{
    moveWindow(m_first, m_last);
}

void TimelineController::setStep(const Period &step)
{
    if (step.count > 0)
        m_step = step;
}

void TimelineController::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    Q_EMIT activeRangeChanged(activeFirst(), activeLast());
}

void TimelineController::setSpeed(double stepsPerSecond)
{
    m_speed = std::clamp(stepsPerSecond, 0.1, 60.0);
    m_timer.setInterval(int(1000.0 / m_speed));
}

bool TimelineController::stepForward()
{
    if (!hasExtent())
        return false;
    const qint32 length = m_end - m_start;
    if (m_end >= m_last) {
        if (!m_loop || showsAll())
            return false;
        moveWindow(m_first, m_first + length);
        return true;
    }
    const qint32 start = addPeriod(m_start, m_step);
    setWindow(start, start + length);
    return true;
}

bool TimelineController::stepBack()
{
    if (!hasExtent())
        return false;
    const qint32 length = m_end - m_start;
    if (m_start <= m_first) {
        if (!m_loop || showsAll())
            return false;
        moveWindow(m_last - length, m_last);
        return true;
    }
    const qint32 start = addPeriod(m_start, m_step, -1);
    setWindow(start, start + length);
    return true;
}

void TimelineController::jumpTo(qint32 day)
{
    setWindow(day, day + (m_end - m_start));
}

void TimelineController::play()
{
    if (isPlaying() || !hasExtent())
        return;
    // Playing from the end, or over everything, starts again from the beginning.
    if (showsAll())
        setWindowLength({Period::Week, 1});
    if (m_end >= m_last)
        moveWindow(m_first, m_first + (m_end - m_start));
    m_timer.start();
    Q_EMIT playingChanged(true);
}

void TimelineController::pause()
{
    if (!isPlaying())
        return;
    m_timer.stop();
    Q_EMIT playingChanged(false);
}

void TimelineController::moveWindow(qint32 start, qint32 end)
{
    if (start == m_start && end == m_end)
        return;
    m_start = start;
    m_end = end;
    Q_EMIT activeRangeChanged(activeFirst(), activeLast());
}

} // namespace placard
