// SPDX-License-Identifier: GPL-3.0-or-later
// The import wizard driven as a person would: every page, a place chosen among the
// geocoder's candidates, a duplicate policy, the import, its report, and undo; and a
// cancelled import that leaves the catalogue as it was.
#include "catalogue/catalogue.h"
#include "filtersdock.h"
#include "importrunpages.h"
#include "importwizard.h"
#include "mainwindow.h"
#include "mapbridge.h"
#include "mapwidget.h"
#include "pickpointdialog.h"
#include "problemtable.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(PlacardPlugin)

using namespace placard;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// One event already known, so that a row of the file duplicates it.
void addKnownEvent(Catalogue &catalogue)
{
    Event e;
    e.startDay = e.endDay = qint32(QDate(1970, 1, 1).daysTo(QDate(2026, 1, 30)));
    e.title = QStringLiteral("Roadside protest");
    e.type = QStringLiteral("protest");
    e.place = QStringLiteral("Livingston, Montana");
    e.country = QStringLiteral("US");
    e.latitude = 45.6625;
    e.longitude = -110.561;
    e.geoPrecision = GeoPrecision::Locality;
    e.coordinateOrigin = CoordinateOrigin::File;
    QList<Event> events{e};
    QString error;
    QVERIFY2(catalogue.insertEvents(events, &error), qPrintable(error));
}

// Goes to the next page once the current one is complete.
void next(ImportWizard &wizard)
{
    QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), 60000);
    wizard.next();
}

} // namespace

class TestImportWizard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void fullImport();
    void cancelledImport();
    void problemsCsv();
    void previewReadsExchangedCoordinates();
    void pickOnMap();
    void screenshots();
};

void TestImportWizard::fullImport()
{
    QTemporaryDir dir;
    MainWindow window;
    QString error;
    QVERIFY(window.newCatalogue(dir.filePath(QStringLiteral("c.placard")), &error));
    Catalogue *catalogue = window.catalogue();
    addKnownEvent(*catalogue);
    const QString csv = dir.filePath(QStringLiteral("events.csv"));
    writeFile(csv,
              "date,title,type,place,country,lat,lon,size\n"
              "2026-01-30,Roadside protest,protest,\"Livingston, Montana\",US,45.6625,"
              "-110.561,200\n"
              "2026-01-30,Vigil B,vigil,\"Spingfeld, Narnia\",Narnia,,,\n"
              "2026-01-31,Vigil C,vigil,\"Spingfeld, Narnia\",Narnia,,,\n"
              "not a date,Rally D,protest,Boston,US,42.36,-71.06,\n"
              "2026-02-01,March E,march,Minneapolis,US,44.98,-93.27,1000\n"
              "2026-02-01,March E,march,Minneapolis,US,44.98,-93.27,1000\n");

    ImportWizard wizard(catalogue, csv, &window);
    wizard.show();
    QCOMPARE(wizard.currentId(), int(ImportWizard::SourcePage));
    next(wizard);

    // Preview: six records, read as CSV with commas and a header.
    QCOMPARE(wizard.currentId(), int(ImportWizard::PreviewPage));
    auto *preview = wizard.findChild<QTableWidget *>(QStringLiteral("previewTable"));
    QCOMPARE(preview->rowCount(), 6);
    QCOMPARE(preview->columnCount(), 8);
    QCOMPARE(preview->item(1, 3)->text(), QStringLiteral("Spingfeld, Narnia"));
    const QString detected = wizard.findChild<QLabel *>(QStringLiteral("detected"))->text();
    QVERIFY2(detected.contains(QStringLiteral("delimiter: comma")), qPrintable(detected));
    // The date the import cannot read is shown in red with the reason, its row as skipped.
    QCOMPARE(preview->item(3, 0)->background().color(), QColor(0xf8, 0xd7, 0xd3));
    QVERIFY(!preview->item(3, 0)->toolTip().isEmpty());
    QVERIFY(preview->verticalHeaderItem(3)->toolTip().startsWith(QStringLiteral("Skipped: ")));
    QCOMPARE(preview->item(4, 0)->background().style(), Qt::NoBrush);
    // Another delimiter changes the preview at once; back to detecting.
    auto *delimiter = wizard.findChild<QComboBox *>(QStringLiteral("delimiter"));
    delimiter->setCurrentIndex(2); // semicolon
    QCOMPARE(preview->columnCount(), 1);
    delimiter->setCurrentIndex(0);
    QCOMPARE(preview->columnCount(), 8);
    auto *encoding = wizard.findChild<QComboBox *>(QStringLiteral("encoding"));
    encoding->setCurrentIndex(2); // Windows-1252, whatever the bytes
    QCOMPARE(wizard.options().csv.encoding, io::CsvOptions::Encoding::Windows1252);
    encoding->setCurrentIndex(0);
    next(wizard);

    // Columns: each column's field, as recognised.
    QCOMPARE(wizard.currentId(), int(ImportWizard::ColumnsPage));
    auto *columns = wizard.findChild<QTableWidget *>(QStringLiteral("columnsTable"));
    QCOMPARE(columns->rowCount(), 8);
    const auto fieldOf = [&](int row) {
        return qobject_cast<QComboBox *>(columns->cellWidget(row, 1))->currentText();
    };
    QCOMPARE(fieldOf(0), QStringLiteral("date"));
    QCOMPARE(fieldOf(3), QStringLiteral("place"));
    QCOMPARE(fieldOf(5), QStringLiteral("latitude"));
    QVERIFY2(columns->item(0, 3)->text().startsWith(QStringLiteral("1 of 6 — “not a date”")),
             qPrintable(columns->item(0, 3)->text()));
    QCOMPARE(columns->item(1, 3)->text(), QString());
    QCOMPARE(columns->item(3, 2)->text(),
             QStringLiteral("Livingston, Montana  ·  Spingfeld, Narnia  ·  Boston"));
    // No list column holds a comma: they stay whole, and the box says so; ticking it
    // changes the mapping.
    auto *commaLists = wizard.findChild<QCheckBox *>(QStringLiteral("commaLists"));
    QVERIFY(commaLists);
    QVERIFY(!commaLists->isChecked());
    commaLists->setChecked(true);
    QVERIFY(wizard.mapping().splitOnComma);
    commaLists->setChecked(false);
    QVERIFY(!wizard.mapping().splitOnComma);
    next(wizard);

    // Review: the bad date skipped, Springfield (in no known country) not found, two
    // possible duplicates.
    QCOMPARE(wizard.currentId(), int(ImportWizard::ReviewPage));
    QTRY_VERIFY_WITH_TIMEOUT(wizard.review(), 60000);
    const io::ImportReview &review = *wizard.review();
    QVERIFY2(review.error.isEmpty(), qPrintable(review.error));
    QCOMPARE(review.records, 6);
    // With duplicates skipped (the default): the bad date and both duplicates.
    QCOMPARE(review.skipped.size(), 3);
    QList<qint64> skippedLines;
    for (const io::SkippedRow &row : review.skipped)
        skippedLines << row.line;
    QCOMPARE(skippedLines, (QList<qint64>{2, 5, 7}));
    QCOMPARE(review.wouldImport, 3);
    auto *unplaced = wizard.findChild<QTableWidget *>(QStringLiteral("unplacedTable"));
    QCOMPARE(unplaced->rowCount(), 1);
    QCOMPARE(unplaced->item(0, 0)->text(), QStringLiteral("Spingfeld, Narnia"));
    QCOMPARE(unplaced->item(0, 1)->text(), QStringLiteral("2"));
    auto *choice = qobject_cast<QComboBox *>(unplaced->cellWidget(0, 2));
    QVERIFY(choice);
    // The misspelling defeats the gazetteer: leave unplaced, find the place by another name,
    // or pick it on a map.
    QCOMPARE(choice->itemText(choice->count() - 2), QStringLiteral("Find another place…"));
    auto *reviewPage = qobject_cast<ImportReviewPage *>(wizard.currentPage());
    QVERIFY(reviewPage);
    QCOMPARE(choice->itemText(choice->count() - 1), QStringLiteral("Pick on the map…"));
    reviewPage->pickPoint(0, 10.5, 20.25); // as the map dialog returns it
    QCOMPARE(choice->currentText(), QStringLiteral("10.5000, 20.2500 (picked on the map)"));
    const io::ImportOptions::PlacePick picked =
        wizard.options().places.value(QStringLiteral("Spingfeld, Narnia"));
    QCOMPARE(picked.latitude, 10.5);
    QCOMPARE(picked.longitude, 20.25);
    QCOMPARE(picked.precision, GeoPrecision::Exact);
    QVERIFY(!reviewPage->searchPlace(0, QStringLiteral("Nowhere-at-all, Narnia")));
    QVERIFY(reviewPage->searchPlace(0, QStringLiteral("Springfield, Illinois")));
    QCOMPARE(choice->currentIndex(), 1);
    QVERIFY2(choice->currentText().startsWith(QStringLiteral("Springfield, Illinois, US")),
             qPrintable(choice->currentText()));
    QVERIFY(wizard.options().places.contains(QStringLiteral("Spingfeld, Narnia")));
    const io::ImportOptions::PlacePick pick =
        wizard.options().places.value(QStringLiteral("Spingfeld, Narnia"));
    QVERIFY(std::abs(pick.latitude - 39.80) < 0.05 && std::abs(pick.longitude + 89.64) < 0.05);
    QCOMPARE(pick.precision, GeoPrecision::Locality);
    auto *duplicates = wizard.findChild<QTableWidget *>(QStringLiteral("duplicatesTable"));
    QCOMPARE(duplicates->rowCount(), 2);
    QCOMPARE(duplicates->item(0, 0)->text(), QStringLiteral("2"));
    QVERIFY(duplicates->item(0, 2)->text().contains(QStringLiteral("Roadside protest")));
    QCOMPARE(duplicates->item(1, 0)->text(), QStringLiteral("7"));
    QCOMPARE(duplicates->item(1, 2)->text(), QStringLiteral("line 6 of this file"));
    auto *policy = wizard.findChild<QComboBox *>(QStringLiteral("duplicatePolicy"));
    policy->setCurrentIndex(1); // import them anyway…
    policy->setCurrentIndex(0); // … no: skip them
    QCOMPARE(wizard.options().duplicates, io::DuplicatePolicy::Skip);
    next(wizard);

    // Import, then the report.
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ImportWizard::ReportPage), 60000);
    const io::ImportReport &report = *wizard.report();
    QVERIFY2(report.committed, qPrintable(report.error));
    QCOMPARE(report.records, 6);
    QCOMPARE(report.imported, 3);
    QCOMPARE(report.skipped, 3);
    QCOMPARE(report.duplicates, 2);
    QVERIFY(wizard.findChild<QLabel *>(QStringLiteral("reportSummary"))
                ->text()
                .startsWith(QStringLiteral("3 of 6 records imported")));

    // The catalogue, exactly.
    QCOMPARE(catalogue->eventCount(), 4);
    const QList<Dataset> datasets = catalogue->datasets();
    QCOMPARE(datasets.size(), 1);
    QCOMPARE(datasets[0].fileName, QStringLiteral("events.csv"));
    QCOMPARE(datasets[0].records, 6);
    QCOMPARE(datasets[0].imported, 3);
    QCOMPARE(datasets[0].duplicates, 2);
    int vigils = 0;
    for (const qint64 id : catalogue->eventIds()) {
        const Event e = *catalogue->event(id);
        if (e.title.startsWith(QStringLiteral("Vigil"))) {
            ++vigils;
            QCOMPARE(e.latitude, std::optional<double>(pick.latitude));
            QCOMPARE(e.longitude, std::optional<double>(pick.longitude));
            QCOMPARE(e.coordinateOrigin, CoordinateOrigin::Manual);
            QCOMPARE(e.geoPrecision, GeoPrecision::Locality);
        } else if (e.title == QStringLiteral("March E")) {
            QCOMPARE(e.latitude, std::optional<double>(44.98));
            QCOMPARE(e.sizeHigh.value_or(e.sizeLow.value_or(-1)), 1000);
            QCOMPARE(e.coordinateOrigin, CoordinateOrigin::File);
        } else {
            QCOMPARE(e.title, QStringLiteral("Roadside protest"));
            QCOMPARE(e.datasetId, 0);
        }
    }
    QCOMPARE(vigils, 2);

    // The window shows only the new events, and Undo removes the import.
    wizard.accept();
    window.adoptImport(wizard.path(), wizard.options(), report, wizard.showImported());
    QCOMPARE(window.filtersDock()->countText(), QStringLiteral("3 of 4 events"));
    QCOMPARE(window.undoStack()->undoText(), QStringLiteral("Import events.csv"));
    window.undoStack()->undo();
    QCOMPARE(catalogue->eventCount(), 1);
    QVERIFY(catalogue->datasets().isEmpty());
    window.undoStack()->redo(); // imported again, with the same choices
    QCOMPARE(catalogue->eventCount(), 4);
    QCOMPARE(catalogue->datasets().size(), 1);
}

void TestImportWizard::cancelledImport()
{
    QTemporaryDir dir;
    QString error;
    auto catalogue = Catalogue::create(dir.filePath(QStringLiteral("c.placard")), &error);
    QVERIFY2(catalogue, qPrintable(error));
    addKnownEvent(*catalogue);
    // Enough rows that the import is still running when Cancel is pressed.
    QByteArray csv = "date,title,type,lat,lon\n";
    for (int i = 0; i < 60000; ++i)
        csv += "2026-01-30,Rally " + QByteArray::number(i) + ",protest,45." +
            QByteArray::number(i % 1000) + ",-93." + QByteArray::number(i % 997) + "\n";
    const QString path = dir.filePath(QStringLiteral("big.csv"));
    writeFile(path, csv);

    ImportWizard wizard(catalogue.get(), path);
    wizard.show();
    next(wizard);
    next(wizard);
    next(wizard);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.review(), 120000);
    QCOMPARE(wizard.review()->records, 60000);
    next(wizard);
    QCOMPARE(wizard.currentId(), int(ImportWizard::ImportPage));
    auto *progress = wizard.findChild<QProgressBar *>(QStringLiteral("importProgress"));
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0 || wizard.report(), 60000);
    QVERIFY2(!wizard.report(), "the import finished before Cancel: make the file larger");
    QTest::mouseClick(wizard.findChild<QPushButton *>(QStringLiteral("cancelImport")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ImportWizard::ReportPage), 60000);
    QVERIFY(wizard.report()->cancelled);
    QVERIFY(!wizard.report()->committed);
    QCOMPARE(wizard.findChild<QLabel *>(QStringLiteral("reportSummary"))->text(),
             QStringLiteral("The import was cancelled: the catalogue is as it was."));
    QCOMPARE(catalogue->eventCount(), 1);
    QVERIFY(catalogue->datasets().isEmpty());
    QCOMPARE(catalogue->integrityProblems(), QString());
}

void TestImportWizard::problemsCsv()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("problems.csv"));
    QList<ImportProblem> problems;
    problems << ImportProblem{5, 1, QStringLiteral("not a date"),
                              QStringLiteral("date not understood"), true};
    problems << ImportProblem{9, 4, QStringLiteral("=HYPERLINK(\"x\")"),
                              QStringLiteral("place, not found"), false};
    QString error;
    QVERIFY2(writeProblemsCsv(path, problems, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(),
             QByteArray("line,column,value,problem,row skipped\r\n"
                        "5,1,not a date,date not understood,yes\r\n"
                        "9,4,\"'=HYPERLINK(\"\"x\"\")\",\"place, not found\",no\r\n"));
}

void TestImportWizard::previewReadsExchangedCoordinates()
{
    // The columns named latitude and longitude hold each other: the preview reads them as the
    // import will, all exchanged, instead of reporting each row that shows it.
    QTemporaryDir dir;
    MainWindow window;
    QString error;
    QVERIFY(window.newCatalogue(dir.filePath(QStringLiteral("c.placard")), &error));
    const QString csv = dir.filePath(QStringLiteral("exchanged.csv"));
    writeFile(csv,
              "date,city,latitude,longitude\n"
              "2026-01-30,Denver,-104.99,39.74\n"
              "2026-01-30,Phoenix,-112.07,33.45\n"
              "2026-01-31,Seattle,-122.33,47.61\n"
              "2026-01-31,Chicago,-87.63,41.88\n"
              "2026-02-01,Reno,-119.81,91.5\n");
    ImportWizard wizard(window.catalogue(), csv, &window);
    wizard.show();
    next(wizard);
    next(wizard);
    QCOMPARE(wizard.currentId(), int(ImportWizard::ColumnsPage));
    // Only the last row, whose latitude is out of range however it is read.
    QCOMPARE(wizard.previewProblems().size(), 1);
    QCOMPARE(wizard.previewProblems().constFirst().first, 4);
    QVERIFY2(wizard.previewProblems().constFirst().second.message.contains(
                 QStringLiteral("latitude 91.5 out of range")),
             qPrintable(wizard.previewProblems().constFirst().second.message));
}

// Not a check: with PLACARD_WIZARD_FILE set, walks a real file through every page and saves
// each page as PNG in PLACARD_SCREENSHOT_DIR, to be looked at by a person.
void TestImportWizard::screenshots()
{
    const QString file = qEnvironmentVariable("PLACARD_WIZARD_FILE");
    const QString out = qEnvironmentVariable("PLACARD_SCREENSHOT_DIR");
    if (file.isEmpty() || out.isEmpty())
        QSKIP("set PLACARD_WIZARD_FILE and PLACARD_SCREENSHOT_DIR to take screenshots");
    QTemporaryDir dir;
    QString error;
    auto catalogue = Catalogue::create(dir.filePath(QStringLiteral("c.placard")), &error);
    QVERIFY2(catalogue, qPrintable(error));
    ImportWizard wizard(catalogue.get(), file);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    const auto shoot = [&](const char *name) {
        QTest::qWait(200);
        QVERIFY(
            wizard.grab().save(QStringLiteral("%1/wizard-%2.png").arg(out, QLatin1String(name))));
    };
    shoot("1-source");
    next(wizard);
    shoot("2-preview");
    next(wizard);
    shoot("3-columns");
    next(wizard);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.review(), 300000);
    shoot("4-review");
    next(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ImportWizard::ReportPage), 300000);
    shoot("6-report");
}

void TestImportWizard::pickOnMap()
{
    PickPointDialog dialog(QStringLiteral("Spingfeld, Narnia"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    MapBridge *bridge = dialog.map()->bridge();
    QVERIFY(bridge->placing());
    QTRY_VERIFY(bridge->zoomLevel() > 0);
    const double latitude = bridge->centerLatitude();
    const double longitude = bridge->centerLongitude();
    // A click at the map's centre picks the map's centre.
    QTest::mouseClick(dialog.map(), Qt::LeftButton, {}, dialog.map()->rect().center());
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.point());
    // Within a pixel at zoom 2.5: about 0.4 degrees.
    QVERIFY2(std::abs(dialog.point()->first - latitude) < 0.5 &&
                 std::abs(dialog.point()->second - longitude) < 0.5,
             qPrintable(QStringLiteral("%1,%2 vs %3,%4")
                            .arg(dialog.point()->first)
                            .arg(dialog.point()->second)
                            .arg(latitude)
                            .arg(longitude)));
}

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
