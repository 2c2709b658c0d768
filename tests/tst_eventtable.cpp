// SPDX-License-Identifier: GPL-3.0-or-later
// The table's model (pages read from the catalogue, sorting, refresh) and undoable edits.
#include "catalogue/catalogue.h"
#include "catalogue/eventcommands.h"
#include "query/eventtablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace placard;

namespace {

// 300 events: event i is titled "Event NNN", starts on day 20000 + (i * 7) % 300, has a
// crowd of i * 10 people when i is even and an unknown crowd when it is odd.
std::unique_ptr<Catalogue> makeCatalogue(const QTemporaryDir &dir)
{
    QString error;
    auto catalogue = Catalogue::create(dir.filePath(QStringLiteral("t.placard")), &error);
    if (!catalogue)
        return nullptr;
    QList<Event> events;
    for (int i = 0; i < 300; ++i) {
        Event e;
        e.title = QStringLiteral("Event %1").arg(i, 3, 10, QLatin1Char('0'));
        e.startDay = e.endDay = 20000 + (i * 7) % 300;
        e.type = i % 3 == 0 ? QStringLiteral("march") : QStringLiteral("rally");
        e.place = QStringLiteral("Town %1").arg(i % 10);
        e.country = QStringLiteral("US");
        if (i % 2 == 0)
            e.sizeHigh = i * 10;
        events << e;
    }
    if (!catalogue->insertEvents(events, &error))
        return nullptr;
    return catalogue;
}

QList<qint64> allIds(const Catalogue &c)
{
    return c.eventIds(0, 100000);
}

} // namespace

class TestEventTable : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pagesAndCells();
    void sorting();
    void placeOrCity();
    void modelTester();
    void refreshAfterEdit();
    void undoableEdits();
};

void TestEventTable::pagesAndCells()
{
    QTemporaryDir dir;
    auto catalogue = makeCatalogue(dir);
    QVERIFY(catalogue);
    EventTableModel model;
    QList<qint64> ids = allIds(*catalogue);
    std::reverse(ids.begin(), ids.end()); // given in any order, shown by id
    model.setEvents(catalogue.get(), ids);
    QCOMPARE(model.rowCount(), 300);
    QCOMPARE(model.columnCount(), int(EventTableModel::ColumnCount));
    QCOMPARE(model.pagesRead(), 0); // nothing read before a cell is asked for
    QCOMPARE(model.idAt(0), ids.last());
    QCOMPARE(model.data(model.index(0, EventTableModel::Title)).toString(),
             QStringLiteral("Event 000"));
    QCOMPARE(model.data(model.index(0, EventTableModel::Size)).toString(), QStringLiteral("0"));
    QCOMPARE(model.data(model.index(1, EventTableModel::Size)).toString(), QString());
    QCOMPARE(model.data(model.index(4, EventTableModel::Size)).toString(), QStringLiteral("40"));
    QCOMPARE(model.data(model.index(3, EventTableModel::Type)).toString(), QStringLiteral("march"));
    QCOMPARE(model.data(model.index(1, EventTableModel::Precision)).toString(),
             QStringLiteral("unplaced"));
    QCOMPARE(model.data(model.index(2, EventTableModel::Date), EventTableModel::SortRole).toInt(),
             20014);
    QCOMPARE(model.pagesRead(), 1);
    QCOMPARE(model.data(model.index(299, EventTableModel::Title)).toString(),
             QStringLiteral("Event 299"));
    QCOMPARE(model.pagesRead(), 2); // row 299 is on the third page; the second was never read
    QCOMPARE(model.rowOf(ids.first()), 299);
    QCOMPARE(model.rowOf(-5), -1);

    // A subset.
    model.setEvents(catalogue.get(), {ids.last(), ids.first()});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(1, EventTableModel::Title)).toString(),
             QStringLiteral("Event 299"));
}

void TestEventTable::sorting()
{
    QTemporaryDir dir;
    auto catalogue = makeCatalogue(dir);
    QVERIFY(catalogue);
    EventTableModel model;
    const QList<qint64> ids = allIds(*catalogue);
    // Every third event shown.
    QList<qint64> shown;
    for (qsizetype i = 0; i < ids.size(); i += 3)
        shown << ids[i];
    model.setEvents(catalogue.get(), shown);
    QCOMPARE(model.rowCount(), 100);

    model.sort(EventTableModel::Size, Qt::DescendingOrder);
    // Unknown sizes sort after every known one, so descending puts them first: events 3,
    // 9 … (odd multiples of 3) have no size; the largest known is event 294 (2,940).
    QCOMPARE(model.data(model.index(0, EventTableModel::Size)).toString(), QString());
    QCOMPARE(model.data(model.index(50, EventTableModel::Title)).toString(),
             QStringLiteral("Event 294"));
    QCOMPARE(model.data(model.index(99, EventTableModel::Title)).toString(),
             QStringLiteral("Event 000"));

    model.sort(EventTableModel::Date, Qt::AscendingOrder);
    qint64 previous = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const qint64 day =
            model.data(model.index(row, EventTableModel::Date), EventTableModel::SortRole)
                .toLongLong();
        QVERIFY(day >= previous);
        previous = day;
    }
    // Day 20000 is event 0's; the next shown day is 20003 (event 129: 903 % 300 = 3).
    QCOMPARE(model.data(model.index(0, EventTableModel::Title)).toString(),
             QStringLiteral("Event 000"));
    QCOMPARE(model.data(model.index(1, EventTableModel::Title)).toString(),
             QStringLiteral("Event 129"));

    model.sort(EventTableModel::Title, Qt::DescendingOrder);
    QCOMPARE(model.data(model.index(0, EventTableModel::Title)).toString(),
             QStringLiteral("Event 297"));

    // The same sort over a new filter: the same order, of the new rows.
    model.setEvents(catalogue.get(), {ids[5], ids[7], ids[6]});
    QCOMPARE(model.data(model.index(0, EventTableModel::Title)).toString(),
             QStringLiteral("Event 007"));
    QCOMPARE(model.data(model.index(2, EventTableModel::Title)).toString(),
             QStringLiteral("Event 005"));

    // A selection (persistent index) follows its event when the order changes.
    const QPersistentModelIndex selected(model.index(2, EventTableModel::Title));
    model.sort(EventTableModel::Title, Qt::AscendingOrder);
    QCOMPARE(selected.row(), 0);
    QCOMPARE(selected.data().toString(), QStringLiteral("Event 005"));
}

void TestEventTable::placeOrCity()
{
    // The Place column gives the place as written, else the city: lists that name only the
    // city (most of CCC's) show it rather than nothing.
    QTemporaryDir dir;
    QString error;
    auto catalogue = Catalogue::create(dir.filePath(QStringLiteral("p.placard")), &error);
    QVERIFY2(catalogue, qPrintable(error));
    const QList<std::pair<QString, QString>> places{
        {{}, QStringLiteral("Peoria")},
        {QStringLiteral("City Hall"), QStringLiteral("Wilmington")},
        {QStringLiteral("Boston"), QStringLiteral("Boston")},
        {QStringLiteral("Union Square"), {}},
        {{}, {}}};
    QList<Event> events;
    for (const auto &[place, locality] : places) {
        Event e;
        e.title = QStringLiteral("Rally");
        e.startDay = e.endDay = 20000;
        e.place = place;
        e.locality = locality;
        events << e;
    }
    QVERIFY2(catalogue->insertEvents(events, &error), qPrintable(error));
    EventTableModel model;
    model.setEvents(catalogue.get(), allIds(*catalogue));
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.data(model.index(row, EventTableModel::Place)).toString();
    QCOMPARE(shown,
             (QStringList{QStringLiteral("Peoria"), QStringLiteral("City Hall"),
                          QStringLiteral("Boston"), QStringLiteral("Union Square"), QString()}));
    // Sorted by what it shows.
    model.sort(EventTableModel::Place, Qt::AscendingOrder);
    shown.clear();
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.data(model.index(row, EventTableModel::Place)).toString();
    QCOMPARE(shown,
             (QStringList{QString(), QStringLiteral("Boston"), QStringLiteral("City Hall"),
                          QStringLiteral("Peoria"), QStringLiteral("Union Square")}));
}

void TestEventTable::modelTester()
{
    QTemporaryDir dir;
    auto catalogue = makeCatalogue(dir);
    QVERIFY(catalogue);
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvents(catalogue.get(), allIds(*catalogue));
    model.sort(EventTableModel::Place, Qt::AscendingOrder);
    model.sort(EventTableModel::Type, Qt::DescendingOrder);
    model.setEvents(catalogue.get(), {});
    model.setEvents(catalogue.get(), allIds(*catalogue).mid(10, 40));
    model.refreshEvents({model.idAt(3)});
    QCOMPARE(model.rowCount(), 40);
}

void TestEventTable::refreshAfterEdit()
{
    QTemporaryDir dir;
    auto catalogue = makeCatalogue(dir);
    QVERIFY(catalogue);
    EventTableModel model;
    model.setEvents(catalogue.get(), allIds(*catalogue));
    QCOMPARE(model.data(model.index(5, EventTableModel::Title)).toString(),
             QStringLiteral("Event 005"));
    Event e = *catalogue->event(model.idAt(5));
    e.title = QStringLiteral("Renamed");
    QVERIFY(catalogue->updateEvent(e));
    // Cached until told.
    QCOMPARE(model.data(model.index(5, EventTableModel::Title)).toString(),
             QStringLiteral("Event 005"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refreshEvents({e.id});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 5);
    QCOMPARE(model.data(model.index(5, EventTableModel::Title)).toString(),
             QStringLiteral("Renamed"));
}

void TestEventTable::undoableEdits()
{
    QTemporaryDir dir;
    auto catalogue = makeCatalogue(dir);
    QVERIFY(catalogue);
    const qint64 id = allIds(*catalogue).at(1);
    const Event before = *catalogue->event(id);
    QVERIFY(!before.isPlaced());
    QSignalSpy changes(catalogue.get(), &Catalogue::changed);

    QUndoStack stack;
    auto *place = new EditEventCommand(
        catalogue.get(), before, placedByHand(before, 45.6625, -110.56), QStringLiteral("Place"));
    QVERIFY(place->isValid());
    QCOMPARE(changes.size(), 1); // written once, when made
    stack.push(place);
    QCOMPARE(changes.size(), 1); // pushing does not write it again
    Event placed = *catalogue->event(id);
    QCOMPARE(placed.latitude, std::optional<double>(45.6625));
    QCOMPARE(placed.longitude, std::optional<double>(-110.56));
    QCOMPARE(placed.geoPrecision, GeoPrecision::Exact);
    QCOMPARE(placed.coordinateOrigin, CoordinateOrigin::Manual);
    QCOMPARE(catalogue->unplacedCount(), 299);

    Event retitled = placed;
    retitled.title = QStringLiteral("Livingston rally");
    stack.push(new EditEventCommand(catalogue.get(), placed, retitled, QStringLiteral("Retitle")));
    QCOMPARE(catalogue->event(id)->title, QStringLiteral("Livingston rally"));

    stack.undo();
    QCOMPARE(catalogue->event(id)->title, QStringLiteral("Event 001"));
    QVERIFY(catalogue->event(id)->isPlaced());
    stack.undo();
    Event restored = *catalogue->event(id);
    QVERIFY(!restored.isPlaced());
    QCOMPARE(restored.geoPrecision, GeoPrecision::Unplaced);
    QCOMPARE(restored.coordinateOrigin, CoordinateOrigin::None);
    QCOMPARE(catalogue->unplacedCount(), 300);
    restored.updatedAt = before.updatedAt; // the only field an edit stamps anew
    QCOMPARE(restored, before);
    stack.redo();
    stack.redo();
    QCOMPARE(catalogue->event(id)->title, QStringLiteral("Livingston rally"));

    // An event that is gone: the command is refused and says why.
    Event ghost = before;
    ghost.id = 999999;
    EditEventCommand refused(catalogue.get(), ghost, ghost, QStringLiteral("Ghost"));
    QVERIFY(!refused.isValid());
    QVERIFY2(refused.error().contains(QStringLiteral("999999")), qPrintable(refused.error()));
}

QTEST_GUILESS_MAIN(TestEventTable)
#include "tst_eventtable.moc"
