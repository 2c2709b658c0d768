// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

namespace placard::render {

/// How many colours typeColour() cycles through.
inline constexpr int kTypeColours = 10;

/// Which of the kTypeColours colours an event type gets: types 1…10 each their own, then
/// round again; 0 (no type) shares the first. By id, so that a type keeps its colour from
/// session to session and from the map to an export.
int typeColourIndex(qint64 typeId);

/// The colour of an event type, the same on the map, in its legend and in exports:
/// distinct, print-safe hues that read on the light and the dark basemap.
QColor typeColour(qint64 typeId);

} // namespace placard::render
