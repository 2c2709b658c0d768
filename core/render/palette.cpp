// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/palette.h"

#include <algorithm>
#include <array>

namespace placard::render {

int typeColourIndex(qint64 typeId)
{
    return int(std::max<qint64>(0, typeId - 1) % kTypeColours);
}

QColor typeColour(qint64 typeId)
{
    static const std::array<QColor, kTypeColours> palette{
        QColor(0xc0, 0x39, 0x2b), QColor(0x29, 0x80, 0xb9), QColor(0x27, 0xae, 0x60),
        QColor(0x8e, 0x44, 0xad), QColor(0xd3, 0x54, 0x00), QColor(0x16, 0xa0, 0x85),
        QColor(0xb7, 0x95, 0x0b), QColor(0x8d, 0x55, 0x24), QColor(0xc2, 0x18, 0x5b),
        // Grey last: it reads as muted, so only a catalogue of ten types or more has it.
        QColor(0x7f, 0x8c, 0x8d)};
    return palette[std::size_t(typeColourIndex(typeId))];
}

} // namespace placard::render
