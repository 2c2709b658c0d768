// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/statustext.h"

#include "io/normalise.h"

#include <array>

namespace placard::io {

namespace {
struct StatusWord {
    const char *prefix; ///< lower case, without accents: matches a word that starts with it
    EventStatus status;
};

// Prefixes, so that "cancelled"/"canceled"/"cancellation" or "prevu"/"prevue" need one entry;
// each is long enough to mean one thing only.
constexpr std::array kWords{
    StatusWord{"occur", EventStatus::Occurred},
    StatusWord{"held", EventStatus::Occurred},
    StatusWord{"happened", EventStatus::Occurred},
    StatusWord{"took place", EventStatus::Occurred},
    StatusWord{"stattgefunden", EventStatus::Occurred},
    StatusWord{"durchgefuhrt", EventStatus::Occurred},
    StatusWord{"realis", EventStatus::Occurred}, // réalisé (fr), realisiert (de)
    StatusWord{"realiz", EventStatus::Occurred}, // realizada (es, pt), realizzata (it)
    StatusWord{"effectu", EventStatus::Occurred},
    StatusWord{"ocorr", EventStatus::Occurred}, // ocorreu (pt)
    StatusWord{"svolt", EventStatus::Occurred}, // svolta (it)
    StatusWord{"avvenut", EventStatus::Occurred}, // avvenuta (it)
    StatusWord{"vond plaats", EventStatus::Occurred}, // nl
    StatusWord{"plaatsgevonden", EventStatus::Occurred},
    StatusWord{"plan", EventStatus::Planned},
    StatusWord{"announc", EventStatus::Planned},
    StatusWord{"upcoming", EventStatus::Planned},
    StatusWord{"scheduled", EventStatus::Planned},
    StatusWord{"called for", EventStatus::Planned},
    StatusWord{"geplant", EventStatus::Planned},
    StatusWord{"angekundigt", EventStatus::Planned},
    StatusWord{"prevu", EventStatus::Planned},
    StatusWord{"annonce", EventStatus::Planned},
    StatusWord{"programad", EventStatus::Planned},
    StatusWord{"convocad", EventStatus::Planned},
    StatusWord{"previst", EventStatus::Planned}, // prevista (es, pt, it)
    StatusWord{"agendad", EventStatus::Planned},
    StatusWord{"planejad", EventStatus::Planned}, // planejada (pt-BR)
    StatusWord{"programmat", EventStatus::Planned}, // programmata (it)
    StatusWord{"gepland", EventStatus::Planned}, // nl
    StatusWord{"aangekondigd", EventStatus::Planned},
    StatusWord{"cancel", EventStatus::Cancelled},
    StatusWord{"called off", EventStatus::Cancelled},
    StatusWord{"postponed", EventStatus::Cancelled},
    StatusWord{"abgesagt", EventStatus::Cancelled},
    StatusWord{"verschoben", EventStatus::Cancelled},
    StatusWord{"annul", EventStatus::Cancelled}, // annulé (fr), annullata (it)
    StatusWord{"suspendid", EventStatus::Cancelled},
    StatusWord{"aplazad", EventStatus::Cancelled},
    StatusWord{"adiad", EventStatus::Cancelled}, // adiada (pt)
    StatusWord{"rinviat", EventStatus::Cancelled},
    StatusWord{"afgelast", EventStatus::Cancelled}, // nl
    StatusWord{"geannuleerd", EventStatus::Cancelled},
    StatusWord{"uitgesteld", EventStatus::Cancelled},
};
} // namespace

std::optional<EventStatus> statusFromText(QStringView text)
{
    const QString t = withoutAccents(text.trimmed()).toLower();
    if (t.isEmpty())
        return EventStatus::Occurred;
    for (const StatusWord &word : kWords) {
        if (t.startsWith(QLatin1StringView(word.prefix)))
            return word.status;
    }
    return std::nullopt;
}

} // namespace placard::io
