// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

namespace placard::render {

/// How many colours typeColour() cycles through.
inline constexpr int kTypeColours = 8;

/// Which of the kTypeColours colours an event type gets: types 1…8 each their own, then
/// round again; 0 (no type) shares the first.
int typeColourIndex(qint64 typeId);

/// The colour of an event type, the same on the map, in its legend and in exports:
/// distinct, print-safe hues that read on the light and the dark basemap.
QColor typeColour(qint64 typeId);

} // namespace placard::render
