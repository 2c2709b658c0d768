// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline widget and dock, driven with the mouse and the keyboard.
#include "query/timelinecontroller.h"
#include "timelinedock.h"
#include "timelinewidget.h"

#include <QApplication>
#include <QDate>
#include <QDateEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

using namespace placard;

namespace {
qint32 day(int y, int m, int d)
{
    return qint32(QDate(1970, 1, 1).daysTo(QDate(y, m, d)));
}

// The middle of a day on the widget's bars.
QPoint at(const TimelineWidget &w, qint32 d)
{
    return QPoint(int(std::lround(w.xOfDay(d + 0.5))), int(w.plotRect().center().y()));
}

// The boundary before a day (a window edge), on the bars.
QPoint edge(const TimelineWidget &w, qint32 d)
{
    return QPoint(int(std::lround(w.xOfDay(d))), int(w.plotRect().center().y()));
}

void drag(QWidget *w, QPoint from, QPoint to)
{
    QTest::mousePress(w, Qt::LeftButton, {}, from);
    // Two moves: the first crosses the few pixels a click may wander.
    QTest::mouseMove(w, (from + to) / 2);
    QTest::mouseMove(w, to);
    QTest::mouseRelease(w, Qt::LeftButton, {}, to);
}
} // namespace

class TestTimelineWidget : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void brushMoveResize();
    void keyboard();
    void zoomAndPan();
    void histogramDrawn();
    void dockPlays();
};

void TestTimelineWidget::brushMoveResize()
{
    TimelineController c;
    c.setExtent(day(2026, 1, 1), day(2026, 3, 31));
    TimelineWidget w(&c);
    w.resize(900, 120);
    w.setView(day(2026, 1, 1), day(2026, 3, 31));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    drag(&w, at(w, day(2026, 1, 10)), at(w, day(2026, 1, 20)));
    QCOMPARE(c.windowStart(), day(2026, 1, 10));
    QCOMPARE(c.windowEnd(), day(2026, 1, 20));
    // Brushing leftwards works as well.
    drag(&w, at(w, day(2026, 2, 20)), at(w, day(2026, 2, 10)));
    QCOMPARE(c.windowStart(), day(2026, 2, 10));
    QCOMPARE(c.windowEnd(), day(2026, 2, 20));

    // Dragging inside the window moves it, keeping its length.
    drag(&w, at(w, day(2026, 2, 15)), at(w, day(2026, 2, 22)));
    QCOMPARE(c.windowStart(), day(2026, 2, 17));
    QCOMPARE(c.windowEnd(), day(2026, 2, 27));
    // Its edges resize it.
    drag(&w, edge(w, day(2026, 2, 28)), edge(w, day(2026, 3, 5)));
    QCOMPARE(c.windowEnd(), day(2026, 3, 4));
    drag(&w, edge(w, day(2026, 2, 17)), edge(w, day(2026, 2, 14)));
    QCOMPARE(c.windowStart(), day(2026, 2, 14));
    QCOMPARE(c.windowEnd(), day(2026, 3, 4));
    // Moved past the end, it stops there.
    drag(&w, at(w, day(2026, 2, 20)), at(w, day(2026, 4, 20)));
    QCOMPARE(c.windowEnd(), day(2026, 3, 31));
    QCOMPARE(c.windowStart(), day(2026, 3, 13)); // 18 days before, as from 14 Feb to 4 Mar
    // A click elsewhere moves the window there.
    QTest::mouseClick(&w, Qt::LeftButton, {}, at(w, day(2026, 1, 5)));
    QCOMPARE(c.windowStart(), day(2026, 1, 5));
    QCOMPARE(c.windowEnd(), day(2026, 1, 23));
}

void TestTimelineWidget::keyboard()
{
    TimelineController c;
    c.setExtent(day(2026, 1, 1), day(2026, 3, 31));
    c.setWindow(day(2026, 1, 10), day(2026, 1, 16));
    c.setStep({Period::Week, 1});
    TimelineWidget w(&c);
    w.resize(900, 120);
    w.setView(day(2026, 1, 1), day(2026, 3, 31));
    QTest::keyClick(&w, Qt::Key_Right);
    QCOMPARE(c.windowStart(), day(2026, 1, 17));
    QTest::keyClick(&w, Qt::Key_Left);
    QTest::keyClick(&w, Qt::Key_Left);
    QCOMPARE(c.windowStart(), day(2026, 1, 3));
    QTest::keyClick(&w, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(c.windowEnd(), day(2026, 1, 10));
    QTest::keyClick(&w, Qt::Key_Left, Qt::ShiftModifier);
    QTest::keyClick(&w, Qt::Key_Left, Qt::ShiftModifier);
    QCOMPARE(c.windowStart(), day(2026, 1, 3));
    QCOMPARE(c.windowEnd(), day(2026, 1, 8));
    QTest::keyClick(&w, Qt::Key_End);
    QCOMPARE(c.windowEnd(), day(2026, 3, 31));
    QCOMPARE(c.windowStart(), day(2026, 3, 26));
    QTest::keyClick(&w, Qt::Key_Home);
    QCOMPARE(c.windowStart(), day(2026, 1, 1));
    QTest::keyClick(&w, Qt::Key_Space);
    QVERIFY(c.isPlaying());
    QTest::keyClick(&w, Qt::Key_Space);
    QVERIFY(!c.isPlaying());
}

void TestTimelineWidget::zoomAndPan()
{
    TimelineController c;
    c.setExtent(day(2020, 1, 1), day(2026, 12, 31));
    TimelineWidget w(&c);
    w.resize(900, 120);
    QSignalSpy views(&w, &TimelineWidget::viewChanged);
    w.showExtent();
    QCOMPARE(views.size(), 1);
    // Seven years on 888 pixels: bars of a month.
    QCOMPARE(views.last().at(2).value<Period::Unit>(), Period::Month);
    const double span = w.viewLast() - w.viewFirst();

    // The wheel zooms around the pointer: the day under it stays put.
    const QPoint pointer = at(w, day(2023, 6, 1));
    const double dayUnder = w.dayAt(pointer.x());
    QWheelEvent wheel(pointer, w.mapToGlobal(pointer), {}, QPoint(0, 3 * 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&w, &wheel);
    QVERIFY2(std::abs(w.dayAt(pointer.x()) - dayUnder) < 0.01,
             qPrintable(QStringLiteral("%1 %2 %3 %4")
                            .arg(w.dayAt(pointer.x()))
                            .arg(dayUnder)
                            .arg(w.viewFirst())
                            .arg(w.viewLast())));
    QVERIFY(std::abs((w.viewLast() - w.viewFirst()) - span * 0.512) < 2);
    // 1,300 days on 888 pixels: bars of a week; four more turns, 90 days: bars of a day.
    QCOMPARE(views.last().at(2).value<Period::Unit>(), Period::Week);
    for (int i = 0; i < 4; ++i)
        QApplication::sendEvent(&w, &wheel);
    QCOMPARE(views.last().at(2).value<Period::Unit>(), Period::Day);

    // Dragging the date axis pans: the day under the pointer follows it.
    const int axisY = int(w.plotRect().bottom()) + 8;
    const double before = w.dayAt(300);
    QTest::mousePress(&w, Qt::LeftButton, {}, QPoint(300, axisY));
    QTest::mouseMove(&w, QPoint(350, axisY));
    QTest::mouseMove(&w, QPoint(400, axisY));
    QTest::mouseRelease(&w, Qt::LeftButton, {}, QPoint(400, axisY));
    QVERIFY(std::abs(w.dayAt(400) - before) < 0.01);
    QVERIFY(c.showsAll()); // panning leaves the active window alone
}

void TestTimelineWidget::histogramDrawn()
{
    // Two types over three days; the tallest bin fills the plot's height.
    TimelineController c;
    c.setExtent(day(2026, 1, 1), day(2026, 1, 7));
    TimelineWidget w(&c);
    w.resize(700, 120);
    w.setView(day(2026, 1, 1), day(2026, 1, 7));
    auto h = std::make_shared<Histogram>();
    h->unit = Period::Day;
    h->starts = {day(2026, 1, 1), day(2026, 1, 2), day(2026, 1, 3)};
    h->end = day(2026, 1, 4);
    h->types = {1, 2};
    h->counts = {3, 1, 0, 2, 1, 0};
    h->maxTotal = 4;
    w.setHistogram(h);
    const QImage image = w.grab().toImage();
    const QRectF plot = w.plotRect();
    const auto colourAt = [&](qint32 d, double fraction) {
        return image.pixelColor(int(w.xOfDay(d + 0.5)),
                                int(plot.bottom() - fraction * plot.height()));
    };
    // Day 1: type 1 (red) from the bottom to ¾, type 2 (blue) above it.
    QCOMPARE(colourAt(day(2026, 1, 1), 0.3).name(), QStringLiteral("#c0392b"));
    QCOMPARE(colourAt(day(2026, 1, 1), 0.9).name(), QStringLiteral("#2980b9"));
    // Day 2: two of type 2 only, half the height.
    QCOMPARE(colourAt(day(2026, 1, 2), 0.3).name(), QStringLiteral("#2980b9"));
    QVERIFY(colourAt(day(2026, 1, 2), 0.7).name() != QStringLiteral("#2980b9"));
    QCOMPARE(h->binOf(day(2026, 1, 3)), 2);
    QCOMPARE(h->total(0), 4u);
}

void TestTimelineWidget::dockPlays()
{
    TimelineDock dock;
    dock.resize(1100, 170);
    auto *play = dock.findChild<QToolButton *>(QStringLiteral("play"));
    auto *jump = dock.findChild<QDateEdit *>(QStringLiteral("jumpTo"));
    QVERIFY(play && jump);
    // Nothing dated: nothing to play or to jump to, and no date of 1970 in the box.
    dock.setExtent(0, -1);
    QCOMPARE(dock.rangeText(), QStringLiteral("No dates"));
    QVERIFY(!play->isEnabled());
    QVERIFY(!jump->isEnabled());
    QCOMPARE(jump->text(), QStringLiteral("—"));

    dock.setExtent(day(2026, 1, 1), day(2026, 1, 31));
    QCOMPARE(dock.rangeText(), QStringLiteral("All dates: 1 – 31 Jan 2026"));
    QVERIFY(play->isEnabled());
    QVERIFY(jump->isEnabled());
    QCOMPARE(jump->text(), QStringLiteral("2026-01-01"));
    TimelineController *c = dock.controller();
    c->setSpeed(60);
    QTest::mouseClick(play, Qt::LeftButton);
    QVERIFY(c->isPlaying());
    // It starts on a one-week window and steps by weeks: 1–7, 8–14 …
    QTRY_VERIFY(c->windowStart() >= day(2026, 1, 15));
    QTest::mouseClick(play, Qt::LeftButton);
    QVERIFY(!c->isPlaying());
    QCOMPARE(c->windowEnd() - c->windowStart(), 6);
    // Whole weeks from the first day, until the last week, which slides back to end on the
    // extent's last day: a busy machine may play that far before the pause lands.
    if (c->windowEnd() < day(2026, 1, 31))
        QCOMPARE((c->windowStart() - day(2026, 1, 1)) % 7, 0);
    else
        QCOMPARE(c->windowStart(), day(2026, 1, 25));
    QCOMPARE(dock.rangeText(), dayRangeText(c->windowStart(), c->windowEnd()));
    QCOMPARE(dayRangeText(day(2026, 1, 29), day(2026, 2, 4)),
             QStringLiteral("29 Jan – 4 Feb 2026"));
    QCOMPARE(dayRangeText(day(2025, 12, 29), day(2026, 1, 4)),
             QStringLiteral("29 Dec 2025 – 4 Jan 2026"));
}

QTEST_MAIN(TestTimelineWidget)
#include "tst_timelinewidget.moc"
