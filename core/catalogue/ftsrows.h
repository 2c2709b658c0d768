// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/sqlite.h"

#include <QByteArray>
#include <QHash>

namespace placard {

/// An event's text as the full-text index takes it, in UTF-8.
struct FtsRow {
    qint64 id = 0;
    QByteArray title;
    QByteArray place; ///< place, locality, admin1 and country
    QByteArray claims;
    QByteArray notes;
    QByteArray tags; ///< the type's name and every tag's
};

/// Reads the full-text rows of one dataset's events in id order. It walks the events and,
/// beside them in the same order, their tag links: a correlated subquery per event took
/// longer than the indexing itself. Uses its connection from one thread. The events are
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
    QString error() const { return m_error; }

private:
    QHash<qint64, QByteArray> m_tagNames;
    QHash<qint64, QByteArray> m_typeNames;
    sql::Statement m_events;
    sql::Statement m_links;
    bool m_started = false;
    bool m_haveLink = false;
    QString m_error;
};

} // namespace placard
