// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace placard {

// An event's tag ids and sources as the catalogue stores them, in columns of the event (see
// schema version 4): JSON arrays, written and read here so that both sides agree.

/// Appends `ids` as a JSON array of integers: "[3,17,42]".
void appendIdList(QByteArray &out, const QList<qint64> &ids);

/// Calls `f(id)` for each positive integer of a JSON array of integers, in order. Whatever
/// else the text holds is passed over: a catalogue file is untrusted.
template<typename F> void forEachId(QByteArrayView json, F &&f)
{
    qint64 value = 0;
    bool inNumber = false;
    for (const char c : json) {
        if (c >= '0' && c <= '9') {
            if (value < (qint64(1) << 58))
                value = value * 10 + (c - '0');
            inNumber = true;
        } else {
            if (inNumber && value > 0)
                f(value);
            value = 0;
            inNumber = false;
        }
    }
    if (inNumber && value > 0)
        f(value);
}

/// The ids of a JSON array of integers.
QList<qint64> idList(QByteArrayView json);

/// Appends `sources` as a JSON array of objects with the members "url", "outlet" and
/// "published", each left out when empty; nothing when there are none.
void appendSourcesJson(QByteArray &out, const QList<EventSource> &sources);

/// The sources of such an array; what is not an object of strings is passed over.
QList<EventSource> sourcesFromStoredJson(QByteArrayView json);

} // namespace placard
