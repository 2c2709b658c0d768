// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query/timelinecontroller.h"

#include <QDockWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QSlider;
class QSpinBox;
class QToolButton;

namespace placard {

class TimelineWidget;

/// The Timeline dock under the map: the histogram with its active window, and the
/// controls to play through time (play/pause, steps, speed, window length, loop,
/// cumulative, jump to a date, show all).
class TimelineDock : public QDockWidget {
    Q_OBJECT

public:
    explicit TimelineDock(QWidget *parent = nullptr);

    TimelineController *controller() const { return m_controller; }
    TimelineWidget *timeline() const { return m_timeline; }
    /// Sets the days the catalogue covers, showing all of them.
    void setExtent(qint32 first, qint32 last);
    /// The label of the active range ("3 – 9 Feb 2026").
    QString rangeText() const;

private:
    void updateControls();
    void applyLength();
    Period::Unit unit() const;

    TimelineController *m_controller;
    TimelineWidget *m_timeline;
    QToolButton *m_back;
    QToolButton *m_play;
    QToolButton *m_forward;
    QSpinBox *m_length;
    QComboBox *m_unit;
    QSlider *m_speed;
    QLabel *m_speedLabel;
    QCheckBox *m_loop;
    QCheckBox *m_cumulative;
    QDateEdit *m_jump;
    QToolButton *m_all;
    QLabel *m_range;
};

/// "3 – 9 Feb 2026", "30 Jan 2026", "4 Jan 2026 – 1 Mar 2027": a range of days for people.
QString dayRangeText(qint32 first, qint32 last);

} // namespace placard
