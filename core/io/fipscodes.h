// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace placard::io {

/// The ISO 3166-1 alpha-2 code of a FIPS 10-4 country code, as GDELT writes countries
/// ("UK" → "GB", "CH" → "CN", "SZ" → "CH"): an empty string for the few FIPS codes that
/// name no ISO country (oceans, disputed islands), nothing for a code FIPS 10-4 does not
/// have. Case is ignored.
std::optional<QString> isoFromFips(QStringView fips);

} // namespace placard::io
