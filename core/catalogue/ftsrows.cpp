// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/ftsrows.h"

#include "catalogue/eventlinks.h"

#include <sqlite3.h>

namespace placard {

FtsRowReader::FtsRowReader(sqlite3 *db, qint64 datasetId, qint64 fromId, Rows rows)
    : m_events(db,
               rows == Rows::OfDataset
                   ? "SELECT id, title, place, locality, admin1, country, claims, notes, type_id, "
                     "tag_ids FROM events WHERE id >= ?2 AND dataset_id = ?1 ORDER BY id"
                   : "SELECT e.id, e.title, e.place, e.locality, e.admin1, e.country, e.claims, "
                     "e.notes, e.type_id, e.tag_ids FROM events e LEFT JOIN datasets d ON d.id = "
                     "e.dataset_id WHERE e.id >= ?2 AND e.dataset_id IS NOT ?1 AND "
                     "(d.id IS NULL OR d.fts_done = 1) ORDER BY e.id")
{
    sql::Statement tags(db, "SELECT id, name FROM tags");
    while (tags.next())
        m_tagNames.insert(tags.int64(0), tags.bytes(1).toByteArray());
    sql::Statement types(db, "SELECT id, name FROM event_types");
    while (types.next())
        m_typeNames.insert(types.int64(0), types.bytes(1).toByteArray());
    if (!m_events.isValid() || !tags.isValid() || !types.isValid())
        m_error = sql::lastError(db);
    else if (tags.resultCode() != SQLITE_DONE)
        m_error = tags.error();
    else if (types.resultCode() != SQLITE_DONE)
        m_error = types.error();
    else
        m_events.bind(1, datasetId).bind(2, fromId);
}

bool FtsRowReader::advance()
{
    if (!m_error.isEmpty())
        return false;
    if (!m_events.next()) {
        if (m_events.resultCode() != SQLITE_DONE)
            m_error = m_events.error();
        return false;
    }
    return true;
}

void FtsRowReader::appendText(QByteArray &text)
{
    const qsizetype begin = text.size();
    const auto add = [&](QByteArrayView part) {
        if (part.isEmpty())
            return;
        if (text.size() > begin)
            text += ' ';
        text += part;
    };
    // title, place, locality, admin1, country, claims, notes
    for (int c = 1; c <= 7; ++c)
        add(m_events.bytes(c));
    if (!m_events.isNull(8))
        add(m_typeNames.value(m_events.int64(8)));
    forEachId(m_events.bytes(9), [&](qint64 tag) { add(m_tagNames.value(tag)); });
}

bool FtsRowReader::next(FtsRow &row)
{
    if (!advance())
        return false;
    row.id = m_events.int64(0);
    row.text.resize(0);
    appendText(row.text);
    return true;
}

bool FtsRowReader::appendNext(FtsChunk &chunk)
{
    if (!advance())
        return false;
    appendText(chunk.text);
    chunk.ids.push_back(m_events.int64(0));
    chunk.ends.push_back(chunk.text.size());
    return true;
}

} // namespace placard
