// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace placard::geo {

/// The key place names are compared by, the same as the gazetteer's build script makes:
/// diacritics and case dropped, a few letters spelled out (ß → ss), apostrophes removed,
/// other punctuation turned into spaces, runs of single letters joined ("D.C." → "dc")
/// and common abbreviations written out ("St." → "saint", "Ft" → "fort", "Mt" →
/// "mount"). Pure and thread-safe; an empty key means the text names nothing.
QString placeKey(QStringView text);

/// Undoes UTF-8 text that was decoded as Windows-1252 or Latin-1 once or twice
/// ("DoÃ±a Ana" → "Doña Ana"); other text is returned unchanged.
QString repairMojibake(const QString &text);

} // namespace placard::geo
