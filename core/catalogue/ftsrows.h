// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/sqlite.h"

#include <QByteArray>
#include <QHash>

#include <vector>

namespace placard {

/// An event's text as the full-text index takes it, in UTF-8: its title, place, locality,
/// admin1, country, claims, notes, type's and tags' names, joined by spaces.
struct FtsRow {
    qint64 id = 0;
    QByteArray text;
};

/// Many events' texts for the index, one after another: one allocation for a chunk of
/// events rather than one for each.
struct FtsChunk {
    QByteArray text; ///< the events' texts one after another
    std::vector<qint64> ids;
    std::vector<qsizetype> ends; ///< where each event's text ends in `text`

    std::size_t size() const { return ids.size(); }
    QByteArrayView textAt(std::size_t i) const
    {
        const qsizetype begin = i == 0 ? 0 : ends[i - 1];
        return QByteArrayView(text).sliced(begin, ends[i] - begin);
    }
    /// Empty, keeping the text's memory to be filled again.
    void clear()
    {
        text.resize(0);
        ids.clear();
        ends.clear();
    }
};

/// Reads the full-text rows of one dataset's events in id order, with the names of their
/// types and tags from tables read once: a correlated subquery per event took longer than
/// the indexing itself. Uses its connection from one thread. The events are
/// found by their dataset from `fromId` on: nothing indexes the dataset of an event (the
/// index was a tenth of writing an import), and an import knows where its ids begin.
class FtsRowReader {
public:
    /// Which events: those of the dataset, or those the index holds but the dataset's (the
    /// events entered by hand and those of every other import whose index is made).
    enum class Rows { OfDataset, IndexedOutsideDataset };

    FtsRowReader(sqlite3 *db, qint64 datasetId, qint64 fromId = 0, Rows rows = Rows::OfDataset);

    /// False at the end, or on an error (then error() says which).
    bool next(FtsRow &row);
    /// The next event's text added to `chunk`; false as next().
    bool appendNext(FtsChunk &chunk);
    QString error() const { return m_error; }

private:
    /// Moves to the next event.
    bool advance();
    /// Appends the event's text (FtsRow) to `text`.
    void appendText(QByteArray &text);

    QHash<qint64, QByteArray> m_tagNames;
    QHash<qint64, QByteArray> m_typeNames;
    sql::Statement m_events;
    QString m_error;
};

} // namespace placard
