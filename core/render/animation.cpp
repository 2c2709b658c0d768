// SPDX-License-Identifier: GPL-3.0-or-later
#include "animation.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace placard::render {

namespace {
const QDate kEpoch(1970, 1, 1);
}

QList<AnimationFrame> animationFrames(qint32 extentFirst, qint32 extentLast, const Period &window,
                                      const Period &step, bool cumulative)
{
    QList<AnimationFrame> frames;
    if (extentLast < extentFirst)
        return frames;
    TimelineController controller;
    controller.setExtent(extentFirst, extentLast);
    controller.setMode(cumulative ? TimelineController::Mode::Cumulative
                                  : TimelineController::Mode::Sliding);
    controller.setStep(step);
    controller.setWindow(extentFirst, extentFirst);
    controller.setWindowLength(window);
    do {
        frames.append({controller.activeFirst(), controller.activeLast()});
    } while (controller.stepForward());
    return frames;
}

QString framePath(const QString &path, int index)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix().isEmpty() ? QStringLiteral("png") : info.suffix();
    return info.dir().filePath(QStringLiteral("%1-%2.%3")
                                   .arg(info.completeBaseName())
                                   .arg(index, 5, 10, QLatin1Char('0'))
                                   .arg(suffix));
}

bool writeAnimation(const QString &path, const QList<AnimationFrame> &frames,
                    const Animation &animation, QString *error, const std::atomic_bool *cancel,
                    const std::function<void(int done, int total)> &progress)
{
    const auto fail = [&](const QString &why, int written) {
        for (int i = 1; i <= written; ++i)
            QFile::remove(framePath(path, i));
        if (error)
            *error = why;
        return false;
    };
    if (frames.isEmpty())
        return fail(QObject::tr("%1: there are no dates to animate").arg(path), 0);
    MapExportSettings settings = animation.settings;
    settings.format = ExportFormat::Png;
    if (!settings.extent) {
        // One extent for every frame: the one that fits the events of the whole animation.
        const AnimationFrame all{frames.front().first, frames.back().last};
        const MapExport fitted(settings, animation.pointsFor(all), animation.typeNames, nullptr);
        if (!fitted.error().isEmpty())
            return fail(fitted.error(), 0);
        settings.extent = fitted.extent();
    }
    const QString before = animation.settings.caption;
    for (int i = 0; i < frames.size(); ++i) {
        if (cancel && cancel->load())
            return fail(QObject::tr("cancelled"), i);
        const AnimationFrame &f = frames[i];
        const QString dates = dateRangeText(kEpoch.addDays(f.first), kEpoch.addDays(f.last));
        settings.caption = before.isEmpty() ? dates : QStringLiteral("%1 · %2").arg(before, dates);
        const MapExport page(settings, animation.pointsFor(f), animation.typeNames,
                             animation.basemap);
        QString why;
        if (!page.error().isEmpty() || !page.write(framePath(path, i + 1), &why))
            return fail(page.error().isEmpty() ? why : page.error(), i);
        if (progress)
            progress(i + 1, int(frames.size()));
    }
    return true;
}

bool canEncodeVideo()
{
    return !QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty();
}

QString encodeVideo(const QString &path, int frameCount, int fps, const QString &video)
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        return QObject::tr("ffmpeg is not installed: the frames are written, the video is not");
    if (frameCount <= 0)
        return QObject::tr("no frames to encode");
    const QFileInfo info(path);
    const QString suffix = info.suffix().isEmpty() ? QStringLiteral("png") : info.suffix();
    const QString pattern =
        info.dir().filePath(QStringLiteral("%1-%05d.%2").arg(info.completeBaseName(), suffix));
    QProcess process;
    // Even sizes and yuv420p: what every player reads.
    process.start(ffmpeg,
                  {QStringLiteral("-y"), QStringLiteral("-loglevel"), QStringLiteral("error"),
                   QStringLiteral("-framerate"), QString::number(fps), QStringLiteral("-i"),
                   pattern, QStringLiteral("-vf"), QStringLiteral("pad=ceil(iw/2)*2:ceil(ih/2)*2"),
                   QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), video});
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return QObject::tr("ffmpeg failed on %1: %2")
            .arg(video, QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
    return {};
}

} // namespace placard::render
