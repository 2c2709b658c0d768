// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/timelinecontroller.h"

#include <QDate>
#include <QSignalSpy>
#include <QTest>

using namespace placard;

namespace {
qint32 day(int y, int m, int d)
{
    return qint32(QDate(1970, 1, 1).daysTo(QDate(y, m, d)));
}
} // namespace

class TestTimeline : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void periods_data();
    void periods();
    void steps_data();
    void steps();
    void windowStaysInside();
    void cumulative();
    void playing();
};

void TestTimeline::periods_data()
{
    QTest::addColumn<qint32>("from");
    QTest::addColumn<int>("unit");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("times");
    QTest::addColumn<qint32>("expected");
    QTest::newRow("3 days") << day(2026, 1, 30) << int(Period::Day) << 3 << 1 << day(2026, 2, 2);
    QTest::newRow("week back") << day(2026, 1, 30) << int(Period::Week) << 1 << -1
                               << day(2026, 1, 23);
    QTest::newRow("month from the 31st")
        << day(2026, 1, 31) << int(Period::Month) << 1 << 1 << day(2026, 2, 28);
    QTest::newRow("month in a leap year")
        << day(2024, 1, 31) << int(Period::Month) << 1 << 1 << day(2024, 2, 29);
    QTest::newRow("2 months x 3") << day(2025, 11, 15) << int(Period::Month) << 2 << 3
                                  << day(2026, 5, 15);
    QTest::newRow("year from 29 Feb")
        << day(2024, 2, 29) << int(Period::Year) << 1 << 1 << day(2025, 2, 28);
}

void TestTimeline::periods()
{
    QFETCH(qint32, from);
    QFETCH(int, unit);
    QFETCH(int, count);
    QFETCH(int, times);
    QFETCH(qint32, expected);
    QCOMPARE(addPeriod(from, {Period::Unit(unit), count}, times), expected);
}

void TestTimeline::steps_data()
{
    QTest::addColumn<int>("unit");
    QTest::addColumn<bool>("loop");
    QTest::addColumn<int>("forward"); // steps, negative: back
    QTest::addColumn<qint32>("start");
    QTest::addColumn<qint32>("end");
    QTest::addColumn<int>("moved");
    // Extent 1 Jan – 31 Mar 2026, window 1–7 Jan.
    QTest::newRow("one day") << int(Period::Day) << false << 1 << day(2026, 1, 2) << day(2026, 1, 8)
                             << 1;
    QTest::newRow("two weeks") << int(Period::Week) << false << 2 << day(2026, 1, 15)
                               << day(2026, 1, 21) << 2;
    QTest::newRow("one month") << int(Period::Month) << false << 1 << day(2026, 2, 1)
                               << day(2026, 2, 7) << 1;
    // Months: 1 Feb, 1 Mar, then clamped to end on 31 Mar (25–31), then nothing moves.
    QTest::newRow("to the end") << int(Period::Month) << false << 5 << day(2026, 3, 25)
                                << day(2026, 3, 31) << 3;
    QTest::newRow("loop wraps") << int(Period::Month) << true << 4 << day(2026, 1, 1)
                                << day(2026, 1, 7) << 4;
    QTest::newRow("back at start")
        << int(Period::Day) << false << -1 << day(2026, 1, 1) << day(2026, 1, 7) << 0;
    QTest::newRow("back loops") << int(Period::Day) << true << -1 << day(2026, 3, 25)
                                << day(2026, 3, 31) << 1;
}

void TestTimeline::steps()
{
    QFETCH(int, unit);
    QFETCH(bool, loop);
    QFETCH(int, forward);
    QFETCH(qint32, start);
    QFETCH(qint32, end);
    QFETCH(int, moved);
    TimelineController c;
    c.setExtent(day(2026, 1, 1), day(2026, 3, 31));
    c.setWindow(day(2026, 1, 1), day(2026, 1, 7));
    c.setStep({Period::Unit(unit), 1});
    c.setLoop(loop);
    int count = 0;
    for (int i = 0; i < std::abs(forward); ++i)
        count += (forward > 0 ? c.stepForward() : c.stepBack()) ? 1 : 0;
    QCOMPARE(c.windowStart(), start);
    QCOMPARE(c.windowEnd(), end);
    QCOMPARE(count, moved);
}

void TestTimeline::windowStaysInside()
{
    TimelineController c;
    QSignalSpy ranges(&c, &TimelineController::activeRangeChanged);
    c.setExtent(day(2026, 1, 1), day(2026, 1, 31));
    QVERIFY(c.showsAll());
    QCOMPARE(ranges.size(), 1);
    QCOMPARE(ranges.last().at(0).toInt(), day(2026, 1, 1));
    QCOMPARE(ranges.last().at(1).toInt(), day(2026, 1, 31));
    c.setWindow(day(2026, 1, 28), day(2026, 2, 3)); // 7 days, slid back inside
    QCOMPARE(c.windowStart(), day(2026, 1, 25));
    QCOMPARE(c.windowEnd(), day(2026, 1, 31));
    c.setWindow(day(2026, 1, 10), day(2026, 1, 5)); // given backwards
    QCOMPARE(c.windowStart(), day(2026, 1, 5));
    QCOMPARE(c.windowEnd(), day(2026, 1, 10));
    c.setWindow(day(2025, 1, 1), day(2027, 1, 1)); // longer than the data: all of it
    QVERIFY(c.showsAll());
    c.jumpTo(day(2026, 1, 20));
    QVERIFY(c.showsAll()); // nowhere to go
    c.setWindow(day(2026, 1, 1), day(2026, 1, 1));
    c.setWindowLength({Period::Week, 2});
    QCOMPARE(c.windowEnd(), day(2026, 1, 14));
    c.jumpTo(day(2026, 1, 20));
    QCOMPARE(c.windowStart(), day(2026, 1, 18));
    QCOMPARE(c.windowEnd(), day(2026, 1, 31));
    const qsizetype before = ranges.size();
    c.setWindow(day(2026, 1, 18), day(2026, 1, 31)); // no change, no signal
    QCOMPARE(ranges.size(), before);
}

void TestTimeline::cumulative()
{
    TimelineController c;
    c.setExtent(day(2026, 1, 1), day(2026, 1, 31));
    c.setWindow(day(2026, 1, 10), day(2026, 1, 12));
    QSignalSpy ranges(&c, &TimelineController::activeRangeChanged);
    c.setMode(TimelineController::Mode::Cumulative);
    QCOMPARE(ranges.size(), 1);
    QCOMPARE(c.activeFirst(), day(2026, 1, 1));
    QCOMPARE(c.activeLast(), day(2026, 1, 12));
    c.stepForward();
    QCOMPARE(ranges.last().at(0).toInt(), day(2026, 1, 1));
    QCOMPARE(ranges.last().at(1).toInt(), day(2026, 1, 13));
    c.setMode(TimelineController::Mode::Sliding);
    QCOMPARE(ranges.last().at(0).toInt(), day(2026, 1, 11));
}

void TestTimeline::playing()
{
    TimelineController c;
    c.setExtent(day(2026, 1, 1), day(2026, 1, 10));
    c.setSpeed(1000); // clamped to 60 steps a second
    QCOMPARE(c.speed(), 60.0);
    c.setSpeed(0);
    QCOMPARE(c.speed(), 0.1);
    c.setSpeed(50);
    QSignalSpy playing(&c, &TimelineController::playingChanged);
    c.play(); // from "everything" it starts with a one-week window at the start
    QVERIFY(c.isPlaying());
    QCOMPARE(c.windowStart(), day(2026, 1, 1));
    QCOMPARE(c.windowEnd(), day(2026, 1, 7));
    // Three steps to the end (4–10 Jan), then it stops by itself.
    QTRY_VERIFY_WITH_TIMEOUT(!c.isPlaying(), 2000);
    QCOMPARE(c.windowStart(), day(2026, 1, 4));
    QCOMPARE(c.windowEnd(), day(2026, 1, 10));
    QCOMPARE(playing.size(), 2);
    // Played again from the end, it starts over; pause stops it.
    c.setLoop(true);
    c.play();
    QCOMPARE(c.windowStart(), day(2026, 1, 1));
    c.pause();
    QVERIFY(!c.isPlaying());
    QCOMPARE(playing.size(), 4);
}

QTEST_GUILESS_MAIN(TestTimeline)
#include "tst_timeline.moc"
