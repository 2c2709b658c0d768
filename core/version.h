// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace placard {

/// The version of Placard, as "MAJOR.MINOR.PATCH".
QString version();

/// The versions of the libraries Placard runs on (Qt, SQLite, GDAL), one per line.
QString libraryVersions();

} // namespace placard
