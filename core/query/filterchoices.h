// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"

#include <QList>
#include <QMap>
#include <QString>

struct sqlite3;

namespace placard {

class Catalogue;

/// Everything the Filters dock offers for one catalogue, each choice with the number of events
/// that have it. Only choices some event has are listed. The keys are what Filter holds: type,
/// tag and dataset ids, country and "COUNTRY/ADMIN1" region texts as stored.
struct FilterChoices {
    /// One choice: an id (type, tag, dataset) or a text key (country, region), and its events.
    struct Choice {
        qint64 id = 0;
        QString key; ///< the country or "COUNTRY/ADMIN1" region; empty for id choices
        QString name; ///< what to show; empty for "no type" (id 0) and "entered by hand" (id 0)
        qint64 count = 0;
        friend bool operator==(const Choice &, const Choice &) = default;
    };
    qint64 total = 0; ///< events in the catalogue
    QList<Choice> types; ///< most events first, then by name; id 0 for events of no type
    QMap<TagKind, QList<Choice>> tags; ///< per kind, the most used first, then by name
    QList<Choice> countries; ///< by name; events with no country are not listed
    QList<Choice> regions; ///< by key; events with no first-level division are not listed
    QList<Choice> datasets; ///< by id; id 0 for events entered by hand
};

/// Reads the choices of a catalogue in one read transaction (when none is open), with one scan
/// of the events and one of their tags: a few hundred milliseconds for a million events. Runs on
/// the catalogue's thread; filterChoices(sqlite3 *) may use another connection to the same file
/// on a worker thread instead.
/// On a failed read, *error says why and what was read so far is returned.
FilterChoices filterChoices(const Catalogue &catalogue, QString *error = nullptr);
FilterChoices filterChoices(sqlite3 *db, QString *error = nullptr);

} // namespace placard
