// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

namespace placard {

/// A length of calendar time: so many days, weeks, months or years.
struct Period {
    enum Unit { Day, Week, Month, Year };
    Unit unit = Day;
    int count = 1;
    friend bool operator==(const Period &, const Period &) = default;
};

/// Moves a day (days since 1970-01-01) forward or back by whole periods; months and years
/// keep the day of the month where they can (31 January + 1 month = 28 or 29 February).
qint32 addPeriod(qint32 day, const Period &period, int times = 1);

/// The time the map, table and timeline show, and how it moves when played (like QGIS's
/// temporal controller). The active window is [start, end], whole days, both included;
/// an event is active while its own span overlaps the active range. In cumulative mode the
/// active range runs from the start of the extent to the window's end.
class TimelineController : public QObject {
    Q_OBJECT

public:
    enum class Mode { Sliding, Cumulative };
    Q_ENUM(Mode)

    explicit TimelineController(QObject *parent = nullptr);

    /// The days the data covers; the window is kept inside it. Resets the window to the
    /// whole extent when it was unset.
    void setExtent(qint32 first, qint32 last);
    qint32 extentFirst() const { return m_first; }
    qint32 extentLast() const { return m_last; }
    bool hasExtent() const { return m_last >= m_first; }

    /// Sets the active window, clamped to the extent (its length kept where it fits).
    void setWindow(qint32 start, qint32 end);
    qint32 windowStart() const { return m_start; }
    qint32 windowEnd() const { return m_end; }
    /// Sets the window's length from its start, e.g. 1 week.
    void setWindowLength(const Period &length);
    /// Shows everything: the window is the whole extent.
    void showAll();
    bool showsAll() const { return m_start == m_first && m_end == m_last; }

    /// The active range [first, last] after the mode is applied.
    qint32 activeFirst() const { return m_mode == Mode::Cumulative ? m_first : m_start; }
    qint32 activeLast() const { return m_end; }

    Period step() const { return m_step; }
    void setStep(const Period &step);
    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    bool loops() const { return m_loop; }
    void setLoop(bool loop) { m_loop = loop; }
    /// Steps per second while playing, from 0.1 (one per ten seconds) to 60.
    double speed() const { return m_speed; }
    void setSpeed(double stepsPerSecond);

    /// Moves the window one step; at the end of the extent it wraps to the start when
    /// looping, otherwise it stops there (and playing stops). Returns whether it moved.
    bool stepForward();
    bool stepBack();
    /// Moves the window so that it starts on this day.
    void jumpTo(qint32 day);

    bool isPlaying() const { return m_timer.isActive(); }
    void play();
    void pause();

Q_SIGNALS:
    /// The active range changed (first and last day, both included).
    void activeRangeChanged(qint32 first, qint32 last);
    void playingChanged(bool playing);

private:
    void moveWindow(qint32 start, qint32 end);

    qint32 m_first = 0;
    qint32 m_last = -1;
    qint32 m_start = 0;
    qint32 m_end = -1;
    Period m_step{Period::Day, 1};
    Mode m_mode = Mode::Sliding;
    bool m_loop = false;
    double m_speed = 2.0;
    QTimer m_timer;
};

} // namespace placard
