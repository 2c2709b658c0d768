// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/webmercator.h"
#include "render/animation.h"

#include <QDate>
#include <QDir>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace placard;
using namespace placard::render;

namespace {
qint32 day(int y, int m, int d)
{
    return qint32(QDate(1970, 1, 1).daysTo(QDate(y, m, d)));
}
} // namespace

class TestAnimation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void frames();
    void writesEveryFrame();
};

void TestAnimation::frames()
{
    // January by weeks: 1–7, 8–14, 15–21, 22–28, then the last week that fits, 25–31.
    const QList<AnimationFrame> weeks = animationFrames(
        day(2026, 1, 1), day(2026, 1, 31), {Period::Week, 1}, {Period::Week, 1}, false);
    QCOMPARE(weeks,
             (QList<AnimationFrame>{{day(2026, 1, 1), day(2026, 1, 7)},
                                    {day(2026, 1, 8), day(2026, 1, 14)},
                                    {day(2026, 1, 15), day(2026, 1, 21)},
                                    {day(2026, 1, 22), day(2026, 1, 28)},
                                    {day(2026, 1, 25), day(2026, 1, 31)}}));
    // Cumulative by days over three days: each frame starts on the first.
    const QList<AnimationFrame> growing =
        animationFrames(day(2026, 1, 1), day(2026, 1, 3), {Period::Day, 1}, {Period::Day, 1}, true);
    QCOMPARE(growing,
             (QList<AnimationFrame>{{day(2026, 1, 1), day(2026, 1, 1)},
                                    {day(2026, 1, 1), day(2026, 1, 2)},
                                    {day(2026, 1, 1), day(2026, 1, 3)}}));
    QVERIFY(animationFrames(5, 4, {}, {}, false).isEmpty());
}

void TestAnimation::writesEveryFrame()
{
    // An event a day in three cities; each frame shows the days in its range.
    struct Dated {
        qint32 day;
        MapPoint point;
    };
    const auto at = [](double lat, double lon, qint64 id) {
        const QPointF w = geo::mercator::toWorld(lat, lon);
        return MapPoint{float(w.x()), float(w.y()), id, 1, 500, 2, 0};
    };
    const QList<Dated> events{{day(2026, 1, 1), at(44.98, -93.27, 1)},
                              {day(2026, 1, 2), at(41.88, -87.63, 2)},
                              {day(2026, 1, 3), at(40.71, -74.0, 3)}};
    Animation animation;
    animation.settings.pixels = QSize(320, 240);
    animation.settings.title = QStringLiteral("Three days");
    animation.typeNames = {{1, QStringLiteral("protest")}};
    animation.pointsFor = [&](const AnimationFrame &f) {
        auto points = std::make_shared<MapPoints>();
        for (const Dated &e : events) {
            if (e.day >= f.first && e.day <= f.last)
                points->push_back(e.point);
        }
        return std::shared_ptr<const MapPoints>(points);
    };
    const QList<AnimationFrame> frames = animationFrames(day(2026, 1, 1), day(2026, 1, 3),
                                                         {Period::Day, 1}, {Period::Day, 1}, false);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jan.png"));
    QCOMPARE(framePath(path, 7), dir.filePath(QStringLiteral("jan-00007.png")));
    QList<int> seen;
    QString error;
    QVERIFY2(writeAnimation(path, frames, animation, &error, nullptr,
                            [&](int done, int total) { seen << done * 10 + total; }),
             qPrintable(error));
    QCOMPARE(seen, (QList<int>{13, 23, 33}));
    // Every frame, none skipped, the same size; each differs from the next (its dates and its
    // event), on one extent.
    QImage previous;
    for (int i = 1; i <= 3; ++i) {
        const QImage image(framePath(path, i));
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(320, 240));
        if (!previous.isNull())
            QVERIFY(image != previous);
        previous = image;
    }
    QVERIFY(!QFile::exists(framePath(path, 4)));

    // Cancelled: the frames written are removed again.
    std::atomic_bool cancel{false};
    const QString other = dir.filePath(QStringLiteral("stop.png"));
    QVERIFY(!writeAnimation(other, frames, animation, &error, &cancel,
                            [&](int done, int) { cancel = done == 2; }));
    QCOMPARE(error, QStringLiteral("cancelled"));
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("stop-*")}), QStringList());

    // The video, when ffmpeg is there.
    if (!canEncodeVideo()) {
        QVERIFY(encodeVideo(path, 3, 2, dir.filePath(QStringLiteral("jan.mp4")))
                    .startsWith(QStringLiteral("ffmpeg is not installed")));
        return;
    }
    QCOMPARE(encodeVideo(path, 3, 2, dir.filePath(QStringLiteral("jan.mp4"))), QString());
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("jan.mp4"))).size() > 0);
}

QTEST_MAIN(TestAnimation) // text is drawn: a QGuiApplication
#include "tst_animation.moc"
