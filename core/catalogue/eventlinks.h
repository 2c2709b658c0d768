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
/// The most bytes appendIdList() writes for `count` ids.
constexpr qsizetype idListSpace(qsizetype count)
{
    return 21 * count + 2;
}

/// Whether `json` is a JSON array in Placard's own form: "[…]" of positive decimal
/// integers, no spaces.
bool isPlainIdList(QByteArrayView json);

/// The positive whole numbers among the elements of any JSON array; none for other text.
QList<qint64> idsFromAnyJson(QByteArrayView json);

/// Calls `f(id)` for each positive integer element of a JSON array, in order: quickly for
/// Placard's own form, through a JSON parser for any other (a catalogue file is untrusted,
/// and a digit inside a string or an object is no id).
template<typename F> void forEachId(QByteArrayView json, F &&f)
{
    if (!isPlainIdList(json)) {
        for (const qint64 id : idsFromAnyJson(json))
            f(id);
        return;
    }
    qint64 value = 0;
    for (const char c : json.sliced(1)) {
        if (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
        } else { // ',' or the closing ']'
            if (value > 0)
                f(value);
            value = 0;
        }
    }
}

/// The ids of a JSON array of integers.
QList<qint64> idList(QByteArrayView json);

/// Appends `sources` as a JSON array of objects with the members "url", "outlet" and
/// "published", each left out when empty; nothing when there are none.
void appendSourcesJson(QByteArray &out, const QList<EventSource> &sources);
/// The most bytes appendSourcesJson() writes for `sources`.
qsizetype sourcesJsonSpace(const QList<EventSource> &sources);

/// The sources of such an array; what is not an object with a string member is passed
/// over.
QList<EventSource> sourcesFromStoredJson(QByteArrayView json);

} // namespace placard
