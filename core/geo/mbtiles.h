// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/tileserver.h"

#include <QString>

namespace placard::geo {

/// A provider reading an MBTiles file (SQLite; rows count from the south, the TMS flip),
/// opened read-only with SQLite's defensive settings; nullptr provider and *error when the
/// file is not an MBTiles file.
TileProvider mbtilesTiles(const QString &path, QString *error);

} // namespace placard::geo
