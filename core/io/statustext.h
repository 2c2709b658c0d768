// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"

#include <QStringView>

#include <optional>

namespace placard::io {

/// Reads an event's status as lists write it, in English, German, French, Spanish, Italian,
/// Portuguese or Dutch, with or without accents: "occurred", "held", "stattgefunden", "realizada" →
/// Occurred; "planned", "announced", "upcoming", "geplant", "prévue", "convocada" → Planned;
/// "cancelled", "called off", "postponed", "abgesagt", "annulée", "suspendida" → Cancelled (a
/// postponed event did not take place on its day). Empty text is Occurred. std::nullopt for
/// anything else.
std::optional<EventStatus> statusFromText(QStringView text);

} // namespace placard::io
