// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query/eventindex.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace placard {

/// A Filter and the words searched for, as JSON for saved views: every field of Filter but
/// textIds, which the search text gives again (ids would go stale as the catalogue changes).
/// Only conditions that are set are written; version 1 is the only format so far.
QJsonObject filterToJson(const Filter &filter, const QString &searchText = {});

/// Reads what filterToJson() wrote. The object may come from an untrusted file: anything that
/// is not a well-formed filter (a wrong type, an id that is not a whole number, an unknown
/// precision, a later version) gives nullopt and *error, never a partial filter. Unknown keys
/// are ignored. textIds is left unset; *searchText receives the search text.
std::optional<Filter> filterFromJson(const QJsonObject &json, QString *searchText = nullptr,
                                     QString *error = nullptr);

} // namespace placard
