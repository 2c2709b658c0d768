// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Checks that a catalogue's text index holds exactly the words of its events, for the tests
// of the catalogue and of the importer.

#include "catalogue/catalogue.h"
#include "catalogue/sqlite.h"

#include <QStringList>
#include <QTest>

namespace placard::test {

// The text index built afresh, in temp.fresh, from the events as the catalogue gives them
// back (title; place, locality, state and country; claims; notes; type and every tag),
// those it indexes (none of an import whose index is still to be made): what events_fts
// must equal, word for word, after any change.
inline bool buildFreshIndex(Catalogue &cat, QString *error)
{
    if (!sql::exec(cat.handle(),
                   "DROP TABLE IF EXISTS temp.fresh; "
                   "CREATE VIRTUAL TABLE temp.fresh USING fts5(title, place, claims, notes, "
                   "tags, content='', columnsize=0, detail=none, "
                   "tokenize='unicode61 remove_diacritics 2')",
                   error))
        return false;
    sql::Statement pending(cat.handle(), "SELECT id FROM datasets WHERE fts_done = 0");
    QList<qint64> notIndexed;
    while (pending.next())
        notIndexed << pending.int64(0);
    sql::Statement add(cat.handle(),
                       "INSERT INTO temp.fresh(rowid, title, place, claims, "
                       "notes, tags) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    for (qint64 id : cat.eventIds()) {
        const Event e = *cat.event(id);
        if (notIndexed.contains(e.datasetId))
            continue;
        QStringList tags{e.type};
        tags << e.issues << e.actors << e.participants << e.otherTypes << e.tags;
        add.bind(1, id)
            .bind(2, e.title)
            .bind(3, QStringList{e.place, e.locality, e.admin1, e.country}.join(u' '))
            .bind(4, e.claims)
            .bind(5, e.notes)
            .bind(6, tags.join(u' '));
        if (!add.run()) {
            *error = add.error();
            return false;
        }
    }
    return true;
}

// The words of a text index and how many events hold each, "word:count".
inline QStringList indexWords(sqlite3 *db, const char *schemaName, const char *table)
{
    sql::exec(db, "DROP TABLE IF EXISTS temp.words");
    const QByteArray vocab = QByteArray("CREATE VIRTUAL TABLE temp.words USING fts5vocab(") +
        schemaName + ", " + table + ", 'row')";
    if (!sql::exec(db, vocab.constData()))
        return {QStringLiteral("no vocabulary: ") + sql::lastError(db)};
    QStringList words;
    sql::Statement q(db, "SELECT term, doc FROM temp.words ORDER BY term");
    while (q.next())
        words << q.text(0) + QLatin1Char(':') + QString::number(q.int64(1));
    return words;
}

// Whether the catalogue's text index holds exactly the words of its events.
inline void compareWithFreshIndex(Catalogue &cat)
{
    QString error;
    QVERIFY2(buildFreshIndex(cat, &error), qPrintable(error));
    const QStringList fresh = indexWords(cat.handle(), "temp", "fresh");
    QVERIFY(fresh.size() > 10);
    QCOMPARE(indexWords(cat.handle(), "main", "events_fts"), fresh);
}

} // namespace placard::test
