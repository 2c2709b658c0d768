// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query/clusters.h"
#include "query/timelinecontroller.h"
#include "render/mapexport.h"

#include <atomic>
#include <functional>
#include <memory>

namespace placard::render {

/// One frame of an animation: the active range of days it shows, both included.
struct AnimationFrame {
    qint32 first = 0;
    qint32 last = 0;
    friend bool operator==(const AnimationFrame &, const AnimationFrame &) = default;
};

/// The frames of playing the timeline over [extentFirst, extentLast] once, as the timeline
/// plays it (the same controller): a window of `window` from the first day, moved by `step`
/// until it reaches the last day; cumulative frames all start on the first day.
QList<AnimationFrame> animationFrames(qint32 extentFirst, qint32 extentLast, const Period &window,
                                      const Period &step, bool cumulative);

/// What to draw: the page settings (their caption, if any, goes before each frame's dates),
/// the events of a frame, the type names and the basemap.
struct Animation {
    MapExportSettings settings;
    std::function<std::shared_ptr<const MapPoints>(const AnimationFrame &)> pointsFor;
    QHash<qint64, QString> typeNames;
    std::shared_ptr<const geo::BasemapRenderer> basemap;
};

/// The file of frame `index` (from 1) for a path such as "out/map.png": "out/map-00001.png".
QString framePath(const QString &path, int index);

/// Writes one PNG per frame (framePath()), each stamped with its dates, all on the same map
/// extent (the settings' or, when none, the one that fits every frame's events) so that
/// nothing jumps between frames. Stops at the first error (*error names the file) or when
/// cancelled, removing the frames written. `progress` gets frames done and their number.
bool writeAnimation(const QString &path, const QList<AnimationFrame> &frames,
                    const Animation &animation, QString *error,
                    const std::atomic_bool *cancel = nullptr,
                    const std::function<void(int done, int total)> &progress = {});

/// Whether ffmpeg is installed (looked for on the PATH when asked).
bool canEncodeVideo();
/// Encodes the frames writeAnimation() wrote for `path` into an MP4 (H.264) at `fps`; empty
/// on success, else why (ffmpeg missing or failing).
QString encodeVideo(const QString &path, int frameCount, int fps, const QString &video);

} // namespace placard::render
