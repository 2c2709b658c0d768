// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinewidget.h"

#include "eventlayer.h"
#include "query/timelinecontroller.h"

#include <QDate>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace placard {

namespace {
const QDate kEpoch(1970, 1, 1);
constexpr double kAxisHeight = 18;
constexpr double kHandle = 5; ///< pixels either side of an edge that grab it
constexpr double kMinDays = 7; ///< the closest zoom shows a week
} // namespace

TimelineWidget::TimelineWidget(TimelineController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(controller, &TimelineController::activeRangeChanged, this,
            qOverload<>(&QWidget::update));
}

QSize TimelineWidget::sizeHint() const
{
    return {800, 110};
}

QSize TimelineWidget::minimumSizeHint() const
{
    return {200, 60};
}

QRectF TimelineWidget::plotRect() const
{
    return QRectF(6, 6, width() - 12, height() - 12 - kAxisHeight);
}

double TimelineWidget::xOfDay(double day) const
{
    const QRectF plot = plotRect();
    return plot.left() + (day - m_viewFirst) / (m_viewLast + 1 - m_viewFirst) * plot.width();
}

double TimelineWidget::dayAt(double x) const
{
    const QRectF plot = plotRect();
    return m_viewFirst + (x - plot.left()) / plot.width() * (m_viewLast + 1 - m_viewFirst);
}

void TimelineWidget::setView(double first, double last)
{
    if (last - first < kMinDays - 1)
        last = first + kMinDays - 1;
    m_viewFirst = first;
    m_viewLast = last;
    update();
    Q_EMIT viewChanged(viewFirst(), viewLast(),
                       binUnitFor(viewLast() - viewFirst() + 1, plotRect().width()));
}

void TimelineWidget::showExtent()
{
    if (!m_controller->hasExtent())
        return;
    // A little room either side, so the first and last bars are not under the frame.
    const double span = m_controller->extentLast() - m_controller->extentFirst() + 1;
    setView(m_controller->extentFirst() - span * 0.02, m_controller->extentLast() + span * 0.02);
}

void TimelineWidget::setHistogram(std::shared_ptr<const Histogram> histogram)
{
    m_histogram = std::move(histogram);
    update();
}

void TimelineWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    setView(m_viewFirst, m_viewLast); // the bin unit depends on the width
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const QRectF plot = plotRect();
    const Histogram *h = m_histogram.get();
    if (h && h->maxTotal > 0) {
        const double scale = plot.height() / double(h->maxTotal);
        for (std::size_t bin = 0; bin < h->starts.size(); ++bin) {
            const qint32 next = bin + 1 < h->starts.size() ? h->starts[bin + 1] : h->end;
            const double x0 = xOfDay(h->starts[bin]);
            const double x1 = xOfDay(next);
            if (x1 < plot.left() || x0 > plot.right())
                continue;
            // A hairline gap between bars while they are wide enough to show it.
            const double w = std::max(1.0, x1 - x0 - (x1 - x0 > 4 ? 1 : 0));
            double y = plot.bottom();
            for (std::size_t t = 0; t < h->types.size(); ++t) {
                const quint32 n = h->count(bin, t);
                if (n == 0)
                    continue;
                const double bar = n * scale;
                painter.fillRect(QRectF(x0, y - bar, w, bar), typeColour(h->types[t]));
                y -= bar;
            }
            // Events dated only to a month or year: the top of the bar, hatched.
            if (bin < h->imprecise.size() && h->imprecise[bin] > 0) {
                const double hatched = h->imprecise[bin] * scale;
                painter.fillRect(QRectF(x0, y, w, hatched),
                                 QBrush(QColor(255, 255, 255, 200), Qt::BDiagPattern));
            }
        }
    }
    if (m_controller->hasExtent()) {
        // Outside the active range is dimmed; the window has handles on its edges.
        const double a = xOfDay(m_controller->activeFirst());
        const double b = xOfDay(m_controller->activeLast() + 1);
        const QColor dim(255, 255, 255, 150);
        painter.fillRect(
            QRectF(plot.left(), plot.top(), std::max(0.0, a - plot.left()), plot.height()), dim);
        painter.fillRect(QRectF(b, plot.top(), std::max(0.0, plot.right() - b), plot.height()),
                         dim);
        const QColor accent = palette().highlight().color();
        painter.setPen(QPen(accent, 1.5));
        painter.setBrush(Qt::NoBrush);
        const double s = xOfDay(m_controller->windowStart());
        painter.drawRect(QRectF(s, plot.top(), b - s, plot.height()));
        painter.setBrush(accent);
        for (const double x : {s, b})
            painter.drawRoundedRect(QRectF(x - 3, plot.center().y() - 10, 6, 20), 2, 2);
    }
    if (m_controller->hasExtent()) {
        paintAxis(painter, plot);
    } else {
        // No dates to lay out: a line where the axis goes and a word on why it is empty.
        painter.setPen(palette().mid().color());
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()));
        painter.setPen(palette().placeholderText().color());
        painter.drawText(plot, Qt::AlignCenter, tr("No dated events to show"));
    }
    if (hasFocus()) {
        painter.setPen(QPen(palette().highlight().color(), 1, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void TimelineWidget::paintAxis(QPainter &painter, const QRectF &plot) const
{
    painter.setPen(palette().mid().color());
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()));
    // Labels at the starts of days, months or years, spaced to fit.
    const double pixelsPerDay = plot.width() / (m_viewLast + 1 - m_viewFirst);
    const int labelWidth = fontMetrics().horizontalAdvance(QStringLiteral("30 Sep 2026")) + 12;
    Period::Unit unit = Period::Day;
    int every = 1;
    if (pixelsPerDay * 7 < labelWidth) {
        unit = pixelsPerDay * 30 >= labelWidth ? Period::Month : Period::Year;
        const double unitPixels = pixelsPerDay * (unit == Period::Month ? 30.4 : 365.25);
        every = std::max(1, int(std::ceil(labelWidth / unitPixels)));
    } else {
        every = std::max(1, int(std::ceil(labelWidth / pixelsPerDay)));
    }
    const QLocale locale;
    painter.setPen(palette().text().color());
    qint32 day = periodStart(viewFirst(), unit);
    int index = 0;
    while (day <= viewLast()) {
        const QDate date = kEpoch.addDays(day);
        const bool show = unit == Period::Year ? date.year() % every == 0
            : unit == Period::Month            ? (date.month() - 1) % every == 0
                                               : index % every == 0;
        const double x = xOfDay(day);
        if (show && x >= plot.left() && x <= plot.right()) {
            const QString text = unit == Period::Year ? QString::number(date.year())
                : unit == Period::Month ? locale.toString(date, QStringLiteral("MMM yyyy"))
                                        : locale.toString(date, QStringLiteral("d MMM yyyy"));
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4));
            painter.drawText(QRectF(x + 3, plot.bottom() + 2, labelWidth, kAxisHeight),
                             Qt::AlignLeft | Qt::AlignVCenter, text);
        }
        day = addPeriod(day, {unit, 1});
        ++index;
    }
}

TimelineWidget::Drag TimelineWidget::dragAt(QPointF p) const
{
    const QRectF plot = plotRect();
    if (p.y() > plot.bottom())
        return Drag::Pan;
    if (!m_controller->hasExtent())
        return Drag::None;
    const double s = xOfDay(m_controller->windowStart());
    const double e = xOfDay(m_controller->windowEnd() + 1);
    if (std::abs(p.x() - s) <= kHandle)
        return Drag::ResizeStart;
    if (std::abs(p.x() - e) <= kHandle)
        return Drag::ResizeEnd;
    if (p.x() > s && p.x() < e && !m_controller->showsAll())
        return Drag::Move;
    return Drag::Brush;
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    m_drag = event->button() == Qt::MiddleButton ? Drag::Pan
        : event->button() == Qt::LeftButton      ? dragAt(event->position())
                                                 : Drag::None;
    m_pressX = event->position().x();
    m_pressDay = dayAt(m_pressX);
    m_pressStart = m_controller->windowStart();
    m_pressEnd = m_controller->windowEnd();
    m_pressViewFirst = m_viewFirst;
    if (m_drag == Drag::Pan)
        setCursor(Qt::ClosedHandCursor);
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    const double x = event->position().x();
    const qint32 day = qint32(std::floor(dayAt(x)));
    const qint32 pressDay = qint32(std::floor(m_pressDay));
    switch (m_drag) {
    case Drag::None: {
        const Drag d = dragAt(event->position());
        setCursor(d == Drag::Pan                                       ? Qt::OpenHandCursor
                      : d == Drag::ResizeStart || d == Drag::ResizeEnd ? Qt::SizeHorCursor
                      : d == Drag::Move                                ? Qt::SizeAllCursor
                                                                       : Qt::CrossCursor);
        return;
    }
    case Drag::Brush:
        if (std::abs(x - m_pressX) >= 3)
            m_controller->setWindow(std::min(pressDay, day), std::max(pressDay, day));
        return;
    case Drag::Move: {
        const qint32 shift = day - pressDay;
        m_controller->setWindow(m_pressStart + shift, m_pressEnd + shift);
        return;
    }
    case Drag::ResizeStart: // edges fall between days: the nearest boundary
        m_controller->setWindow(std::min(qint32(std::lround(dayAt(x))), m_pressEnd), m_pressEnd);
        return;
    case Drag::ResizeEnd:
        m_controller->setWindow(m_pressStart,
                                std::max(qint32(std::lround(dayAt(x))) - 1, m_pressStart));
        return;
    case Drag::Pan: {
        const double span = m_viewLast - m_viewFirst;
        const double first = m_pressViewFirst - (dayAt(x) - dayAt(m_pressX));
        setView(first, first + span);
        return;
    }
    }
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *event)
{
    // A click without a drag on the bars moves the window there.
    if (m_drag == Drag::Brush && std::abs(event->position().x() - m_pressX) < 3 &&
        !m_controller->showsAll())
        m_controller->jumpTo(qint32(std::floor(m_pressDay)));
    m_drag = Drag::None;
    unsetCursor();
}

void TimelineWidget::zoomBy(double factor, double aroundDay)
{
    // The view's right edge is the end of its last day; the day under the pointer stays put.
    const double first = aroundDay - (aroundDay - m_viewFirst) * factor;
    const double last = aroundDay + (m_viewLast + 1 - aroundDay) * factor - 1;
    // Not wider than a few times the data, not closer than a week.
    const double extent = m_controller->hasExtent()
        ? m_controller->extentLast() - m_controller->extentFirst() + 1
        : 3650;
    if (last - first > std::max(extent * 3, 60.0) || last - first < kMinDays - 1)
        return;
    setView(first, last);
}

void TimelineWidget::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    zoomBy(std::pow(0.8, steps), dayAt(event->position().x()));
    event->accept();
}

void TimelineWidget::keyPressEvent(QKeyEvent *event)
{
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const qint32 s = m_controller->windowStart();
    const qint32 e = m_controller->windowEnd();
    switch (event->key()) {
    case Qt::Key_Left:
        if (shift)
            m_controller->setWindow(s, std::max(s, e - 1));
        else
            m_controller->stepBack();
        break;
    case Qt::Key_Right:
        if (shift)
            m_controller->setWindow(s, e + 1);
        else
            m_controller->stepForward();
        break;
    case Qt::Key_Home:
        m_controller->jumpTo(m_controller->extentFirst());
        break;
    case Qt::Key_End:
        m_controller->jumpTo(m_controller->extentLast());
        break;
    case Qt::Key_Space:
        if (m_controller->isPlaying())
            m_controller->pause();
        else
            m_controller->play();
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(0.8, (m_viewFirst + m_viewLast) / 2);
        break;
    case Qt::Key_Minus:
        zoomBy(1.25, (m_viewFirst + m_viewLast) / 2);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool TimelineWidget::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    // The bin under the pointer: its dates and how many events of each type.
    auto *help = static_cast<QHelpEvent *>(event);
    const Histogram *h = m_histogram.get();
    const int bin = h ? h->binOf(qint32(std::floor(dayAt(help->pos().x())))) : -1;
    if (bin < 0 || h->total(std::size_t(bin)) == 0) {
        QToolTip::hideText();
        return true;
    }
    const QLocale locale;
    const QDate first = kEpoch.addDays(h->starts[std::size_t(bin)]);
    const qint32 nextDay =
        std::size_t(bin) + 1 < h->starts.size() ? h->starts[std::size_t(bin) + 1] : h->end;
    const QDate last = kEpoch.addDays(nextDay - 1);
    QString text =
        QStringLiteral("<b>%1</b>")
            .arg(first == last
                     ? locale.toString(first, QLocale::ShortFormat)
                     : QStringLiteral("%1 – %2").arg(locale.toString(first, QLocale::ShortFormat),
                                                     locale.toString(last, QLocale::ShortFormat)));
    text += tr("<br>%1 events").arg(locale.toString(h->total(std::size_t(bin))));
    if (std::size_t(bin) < h->imprecise.size() && h->imprecise[std::size_t(bin)] > 0)
        text += tr(" (%1 dated only to the month or year, hatched)")
                    .arg(locale.toString(h->imprecise[std::size_t(bin)]));
    for (std::size_t t = 0; t < h->types.size(); ++t) {
        if (const quint32 n = h->count(std::size_t(bin), t))
            text += QStringLiteral("<br><span style='color:%1'>■</span> %2: %3")
                        .arg(typeColour(h->types[t]).name(),
                             m_typeNames.value(h->types[t]).toHtmlEscaped(), locale.toString(n));
    }
    QToolTip::showText(help->globalPos(), text, this);
    return true;
}

} // namespace placard
