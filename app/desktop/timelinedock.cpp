// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinedock.h"

#include "timelinewidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace placard {

namespace {
const QDate kEpoch(1970, 1, 1);

// The speed slider runs over a logarithmic scale: 0 is one step every ten seconds,
// 100 is sixty steps a second.
double speedOf(int position)
{
    return 0.1 * std::pow(600.0, position / 100.0);
}
int positionOf(double speed)
{
    return int(std::lround(100.0 * std::log(speed / 0.1) / std::log(600.0)));
}
} // namespace

QString dayRangeText(qint32 first, qint32 last)
{
    const QLocale locale;
    const QDate a = kEpoch.addDays(first);
    const QDate b = kEpoch.addDays(last);
    if (a == b)
        return locale.toString(a, QStringLiteral("d MMM yyyy"));
    if (a.year() == b.year() && a.month() == b.month())
        return QStringLiteral("%1 – %2").arg(a.day()).arg(
            locale.toString(b, QStringLiteral("d MMM yyyy")));
    if (a.year() == b.year())
        return QStringLiteral("%1 – %2").arg(locale.toString(a, QStringLiteral("d MMM")),
                                             locale.toString(b, QStringLiteral("d MMM yyyy")));
    return QStringLiteral("%1 – %2").arg(locale.toString(a, QStringLiteral("d MMM yyyy")),
                                         locale.toString(b, QStringLiteral("d MMM yyyy")));
}

TimelineDock::TimelineDock(QWidget *parent)
    : QDockWidget(tr("Timeline"), parent)
    , m_controller(new TimelineController(this))
    , m_timeline(new TimelineWidget(m_controller, this))
    , m_back(new QToolButton(this))
    , m_play(new QToolButton(this))
    , m_forward(new QToolButton(this))
    , m_length(new QSpinBox(this))
    , m_unit(new QComboBox(this))
    , m_speed(new QSlider(Qt::Horizontal, this))
    , m_speedLabel(new QLabel(this))
    , m_loop(new QCheckBox(tr("Loop"), this))
    , m_cumulative(new QCheckBox(tr("Cumulative"), this))
    , m_jump(new QDateEdit(this))
    , m_all(new QToolButton(this))
    , m_range(new QLabel(this))
{
    setObjectName(QStringLiteral("timelineDock"));
    m_back->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    m_back->setToolTip(tr("Step back (←)"));
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setToolTip(tr("Play through time (Space)"));
    m_forward->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    m_forward->setToolTip(tr("Step forward (→)"));
    m_play->setObjectName(QStringLiteral("play"));
    m_length->setRange(1, 999);
    m_length->setValue(1);
    m_length->setObjectName(QStringLiteral("windowLength"));
    m_unit->addItems({tr("days"), tr("weeks"), tr("months"), tr("years")});
    m_unit->setCurrentIndex(Period::Week);
    m_unit->setObjectName(QStringLiteral("windowUnit"));
    m_speed->setRange(0, 100);
    m_speed->setValue(positionOf(m_controller->speed()));
    m_speed->setMaximumWidth(140);
    m_speed->setToolTip(tr("Speed"));
    m_speed->setObjectName(QStringLiteral("speed"));
    m_jump->setCalendarPopup(true);
    m_jump->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_jump->setToolTip(tr("Jump to a date"));
    m_jump->setObjectName(QStringLiteral("jumpTo"));
    m_all->setText(tr("All"));
    m_all->setToolTip(tr("Show every date and the whole timeline"));
    m_range->setObjectName(QStringLiteral("activeRange"));
    QFont bold = m_range->font();
    bold.setBold(true);
    m_range->setFont(bold);
    m_loop->setObjectName(QStringLiteral("loop"));
    m_cumulative->setObjectName(QStringLiteral("cumulative"));

    auto *controls = new QHBoxLayout;
    controls->setSpacing(6);
    controls->addWidget(m_back);
    controls->addWidget(m_play);
    controls->addWidget(m_forward);
    controls->addSpacing(8);
    controls->addWidget(m_range);
    controls->addStretch(1);
    controls->addWidget(new QLabel(tr("Window:"), this));
    controls->addWidget(m_length);
    controls->addWidget(m_unit);
    controls->addSpacing(8);
    controls->addWidget(new QLabel(tr("Speed:"), this));
    controls->addWidget(m_speed);
    controls->addWidget(m_speedLabel);
    controls->addSpacing(8);
    controls->addWidget(m_loop);
    controls->addWidget(m_cumulative);
    controls->addSpacing(8);
    controls->addWidget(m_jump);
    controls->addWidget(m_all);
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setSpacing(2);
    layout->addLayout(controls);
    layout->addWidget(m_timeline, 1);
    setWidget(body);

    connect(m_back, &QToolButton::clicked, m_controller, &TimelineController::stepBack);
    connect(m_forward, &QToolButton::clicked, m_controller, &TimelineController::stepForward);
    connect(m_play, &QToolButton::clicked, this, [this] {
        if (m_controller->isPlaying())
            m_controller->pause();
        else
            m_controller->play();
    });
    connect(m_length, &QSpinBox::valueChanged, this, &TimelineDock::applyLength);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &TimelineDock::applyLength);
    connect(m_speed, &QSlider::valueChanged, this, [this](int position) {
        m_controller->setSpeed(speedOf(position));
        updateControls();
    });
    connect(m_loop, &QCheckBox::toggled, m_controller, &TimelineController::setLoop);
    connect(m_cumulative, &QCheckBox::toggled, this, [this](bool on) {
        m_controller->setMode(on ? TimelineController::Mode::Cumulative
                                 : TimelineController::Mode::Sliding);
    });
    connect(m_jump, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (m_controller->showsAll())
            applyLength();
        m_controller->jumpTo(qint32(kEpoch.daysTo(date)));
    });
    connect(m_all, &QToolButton::clicked, this, [this] {
        m_controller->pause();
        m_controller->showAll();
        m_timeline->showExtent();
    });
    connect(m_controller, &TimelineController::activeRangeChanged, this,
            &TimelineDock::updateControls);
    connect(m_controller, &TimelineController::playingChanged, this, &TimelineDock::updateControls);
    m_controller->setStep({Period::Week, 1});
    updateControls();
}

Period::Unit TimelineDock::unit() const
{
    return Period::Unit(std::max(0, m_unit->currentIndex()));
}

void TimelineDock::applyLength()
{
    // Steps go by the window's unit: a two-week window moves a week at a time.
    m_controller->setStep({unit(), 1});
    m_controller->setWindowLength({unit(), m_length->value()});
}

void TimelineDock::setExtent(qint32 first, qint32 last)
{
    m_controller->pause();
    m_controller->setExtent(first, last);
    m_controller->showAll();
    {
        const QSignalBlocker block(m_jump); // a date moved into the new range is no jump
        m_jump->setDateRange(kEpoch.addDays(first), kEpoch.addDays(std::max(first, last)));
    }
    m_timeline->showExtent();
    updateControls();
}

QString TimelineDock::rangeText() const
{
    return m_range->text();
}

void TimelineDock::updateControls()
{
    const bool playing = m_controller->isPlaying();
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(playing ? tr("Pause (Space)") : tr("Play through time (Space)"));
    const double speed = m_controller->speed();
    m_speedLabel->setText(speed >= 1 ? tr("%1 steps/s").arg(speed, 0, 'f', speed < 10 ? 1 : 0)
                                     : tr("1 step / %1 s").arg(1 / speed, 0, 'f', 1));
    // Nothing dated: nothing to play, step through or jump to.
    const bool dated = m_controller->hasExtent();
    for (QWidget *control :
         std::initializer_list<QWidget *>{m_back, m_play, m_forward, m_jump, m_all})
        control->setEnabled(dated);
    // Shown in place of a date (1970-01-01) while the range is empty.
    m_jump->setSpecialValueText(dated ? QString() : QStringLiteral("—"));
    if (!dated) {
        m_range->setText(tr("No dates"));
        const QSignalBlocker block(m_jump);
        m_jump->setDate(m_jump->minimumDate());
        return;
    }
    m_range->setText(
        m_controller->showsAll()
            ? tr("All dates: %1")
                  .arg(dayRangeText(m_controller->extentFirst(), m_controller->extentLast()))
            : dayRangeText(m_controller->activeFirst(), m_controller->activeLast()));
    const QSignalBlocker block(m_jump);
    m_jump->setDate(kEpoch.addDays(m_controller->windowStart()));
}

} // namespace placard
