// SPDX-License-Identifier: GPL-3.0-or-later
#include "filtersdock.h"
#include "query/filterjson.h"
#include "taglistfilter.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace placard;

namespace {

using Choice = FilterChoices::Choice;

FilterChoices sampleChoices()
{
    FilterChoices c;
    c.total = 16;
    c.types = {{1, {}, QStringLiteral("protest"), 10},
               {2, {}, QStringLiteral("march"), 5},
               {0, {}, {}, 1}};
    c.tags[TagKind::Issue] = {{11, {}, QStringLiteral("climate"), 8},
                              {12, {}, QStringLiteral("housing"), 4},
                              {13, {}, QStringLiteral("labour"), 2}};
    c.tags[TagKind::Actor] = {{21, {}, QStringLiteral("Sunrise"), 3},
                              {22, {}, QStringLiteral("50501"), 2}};
    c.tags[TagKind::Other] = {{41, {}, QStringLiteral("misc"), 1}};
    c.countries = {{0, QStringLiteral("FR"), QStringLiteral("FR"), 2},
                   {0, QStringLiteral("US"), QStringLiteral("US"), 14}};
    c.regions = {{0, QStringLiteral("FR/IDF"), QStringLiteral("IDF"), 2},
                 {0, QStringLiteral("US/MN"), QStringLiteral("MN"), 9},
                 {0, QStringLiteral("US/NY"), QStringLiteral("NY"), 5}};
    c.datasets = {{0, {}, {}, 1},
                  {1, {}, QStringLiteral("ccc.csv"), 10},
                  {2, {}, QStringLiteral("acled.csv"), 5}};
    return c;
}

/// A dock with the sample choices in a shown window of 1280 × 800, as the application has it.
FiltersDock *inWindow(QMainWindow &window)
{
    auto *dock = new FiltersDock(&window);
    window.addDockWidget(Qt::LeftDockWidgetArea, dock);
    window.setCentralWidget(new QWidget);
    window.resize(1280, 800);
    dock->setChoices(sampleChoices());
    window.show();
    return dock;
}

QListWidget *listOf(const FiltersDock &dock, const char *name)
{
    auto *filter = dock.findChild<TagListFilter *>(QLatin1String(name));
    return filter ? filter->findChild<QListWidget *>(QStringLiteral("list")) : nullptr;
}

QStringList texts(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

// Ticks or unticks the row that shows this text, as a click would.
void tick(QListWidget *list, const QString &text, bool on = true)
{
    const QList<QListWidgetItem *> items = list->findItems(text, Qt::MatchExactly);
    QVERIFY2(items.size() == 1, qPrintable(text));
    items.first()->setCheckState(on ? Qt::Checked : Qt::Unchecked);
}

bool same(const Filter &a, const Filter &b)
{
    return filterToJson(a) == filterToJson(b);
}

QByteArray json(const Filter &f)
{
    return QJsonDocument(filterToJson(f)).toJson(QJsonDocument::Compact);
}

// Runs `answer` on the next modal dialog, once it is shown.
void whenDialog(std::function<void(QWidget *)> answer)
{
    QTimer::singleShot(0, qApp, [answer] {
        if (QWidget *dialog = QApplication::activeModalWidget())
            answer(dialog);
        else
            whenDialog(answer);
    });
}

} // namespace

class TestFiltersDock : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsChoices();
    void ticksMakeTheFilter();
    void setFilterRestores();
    void clearResetsAll();
    void refreshKeepsChoices();
    void longTagLists();
    void savedViews();
    void fitsTheWindow();
    void countRepaintsAlone();
};

void TestFiltersDock::showsChoices()
{
    FiltersDock dock;
    dock.setChoices(sampleChoices());
    QCOMPARE(texts(dock.findChild<QListWidget *>(QStringLiteral("types"))),
             (QStringList{QStringLiteral("protest (10)"), QStringLiteral("march (5)"),
                          QStringLiteral("No type (1)")}));
    QCOMPARE(texts(listOf(dock, "issues")),
             (QStringList{QStringLiteral("climate (8)"), QStringLiteral("housing (4)"),
                          QStringLiteral("labour (2)")}));
    QCOMPARE(texts(listOf(dock, "actors")),
             (QStringList{QStringLiteral("Sunrise (3)"), QStringLiteral("50501 (2)")}));
    QCOMPARE(texts(listOf(dock, "otherTags")), QStringList{QStringLiteral("misc (1)")});
    QVERIFY(texts(listOf(dock, "participants")).isEmpty());
    QCOMPARE(texts(listOf(dock, "countries")),
             (QStringList{QStringLiteral("FR (2)"), QStringLiteral("US (14)")}));
    // Regions name their country when there are several countries.
    QCOMPARE(texts(listOf(dock, "regions")),
             (QStringList{QStringLiteral("IDF, FR (2)"), QStringLiteral("MN, US (9)"),
                          QStringLiteral("NY, US (5)")}));
    QCOMPARE(texts(listOf(dock, "datasets")),
             (QStringList{QStringLiteral("Entered by hand (1)"), QStringLiteral("ccc.csv (10)"),
                          QStringLiteral("acled.csv (5)")}));
    // Sections only for the kinds of tags the catalogue has.
    dock.show();
    QVERIFY(dock.findChild<TagListFilter *>(QStringLiteral("issues"))->isVisible());
    QVERIFY(!dock.findChild<TagListFilter *>(QStringLiteral("participants"))
                 ->parentWidget()
                 ->isVisible());
    QVERIFY(same(dock.filter(), Filter{}));
    // So too for types: an empty catalogue has none to offer.
    auto *types = dock.findChild<QListWidget *>(QStringLiteral("types"));
    QVERIFY(types->isVisible());
    FiltersDock empty;
    empty.setChoices(FilterChoices{});
    empty.show();
    QVERIFY(!empty.findChild<QListWidget *>(QStringLiteral("types"))->isVisible());

    dock.setCounts(1234, 5678);
    QCOMPARE(dock.countText(), QStringLiteral("1,234 of 5,678 events"));
}

void TestFiltersDock::ticksMakeTheFilter()
{
    FiltersDock dock;
    dock.setChoices(sampleChoices());
    QSignalSpy changed(&dock, &FiltersDock::filterChanged);

    tick(dock.findChild<QListWidget *>(QStringLiteral("types")), QStringLiteral("march (5)"),
         false);
    QCOMPARE(changed.count(), 1);
    tick(listOf(dock, "issues"), QStringLiteral("climate (8)"));
    tick(listOf(dock, "issues"), QStringLiteral("labour (2)"));
    QCOMPARE(changed.count(), 3);
    dock.findChild<TagListFilter *>(QStringLiteral("issues"))
        ->findChild<QRadioButton *>(QStringLiteral("all"))
        ->click();
    QCOMPARE(changed.count(), 4);
    tick(listOf(dock, "actors"), QStringLiteral("50501 (2)"));
    // Any or all without a ticked tag changes nothing.
    dock.findChild<TagListFilter *>(QStringLiteral("otherTags"))
        ->findChild<QRadioButton *>(QStringLiteral("all"))
        ->click();
    QCOMPARE(changed.count(), 5);
    dock.findChild<QSpinBox *>(QStringLiteral("minSize"))->setValue(100);
    dock.findChild<QSpinBox *>(QStringLiteral("maxSize"))->setValue(5000);
    dock.findChild<QCheckBox *>(QStringLiteral("unknownSize"))->setChecked(false);
    tick(listOf(dock, "countries"), QStringLiteral("US (14)"));
    tick(listOf(dock, "regions"), QStringLiteral("MN, US (9)"));
    tick(listOf(dock, "regions"), QStringLiteral("NY, US (5)"));
    dock.findChild<QCheckBox *>(QStringLiteral("placedBroadly"))->setChecked(false);
    tick(listOf(dock, "datasets"), QStringLiteral("acled.csv (5)"));
    tick(listOf(dock, "datasets"), QStringLiteral("Entered by hand (1)"));
    QCOMPARE(changed.count(), 14);

    const Filter f = dock.filter();
    QCOMPARE(f.typeIds, (QList<qint64>{1, 0}));
    QCOMPARE(f.tagRules.size(), 2);
    QCOMPARE(f.tagRules.at(0).tagIds, (QList<qint64>{11, 13}));
    QCOMPARE(f.tagRules.at(0).all, true);
    QCOMPARE(f.tagRules.at(1).tagIds, QList<qint64>{22});
    QCOMPARE(f.tagRules.at(1).all, false);
    QCOMPARE(f.minSize, 100);
    QCOMPARE(f.maxSize, 5000);
    QCOMPARE(f.includeUnknownSize, false);
    QCOMPARE(f.countries, QStringList{QStringLiteral("US")});
    QCOMPARE(f.regions, (QStringList{QStringLiteral("US/MN"), QStringLiteral("US/NY")}));
    QCOMPARE(f.precisions, (QList<GeoPrecision>{GeoPrecision::Exact, GeoPrecision::Locality}));
    QCOMPARE(f.datasets, (QList<qint64>{0, 2}));
    QVERIFY(!f.fromDay && !f.toDay && !f.textIds);

    // Unticking the last issue drops the rule.
    tick(listOf(dock, "issues"), QStringLiteral("climate (8)"), false);
    tick(listOf(dock, "issues"), QStringLiteral("labour (2)"), false);
    QCOMPARE(dock.filter().tagRules.size(), 1);

    // The search words wait for a pause in the typing.
    changed.clear();
    QTest::keyClicks(dock.findChild<QLineEdit *>(QStringLiteral("search")),
                     QStringLiteral(" no kings "));
    QCOMPARE(changed.count(), 0);
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(dock.searchText(), QStringLiteral("no kings"));
}

void TestFiltersDock::setFilterRestores()
{
    Filter f;
    f.typeIds = {2};
    f.tagRules = {{{21, 22}, true}, {{12}, false}};
    f.minSize = 50;
    f.maxSize = 900;
    f.includeUnknownSize = false;
    f.countries = {QStringLiteral("FR")};
    f.regions = {QStringLiteral("FR/IDF")};
    f.precisions = {GeoPrecision::Admin1, GeoPrecision::Country};
    f.datasets = {1};

    FiltersDock dock;
    dock.setChoices(sampleChoices());
    QSignalSpy changed(&dock, &FiltersDock::filterChanged);
    dock.setFilter(f, QStringLiteral("climate strike"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(dock.searchText(), QStringLiteral("climate strike"));
    // The rules come back in the order of the kinds: issues, then actors.
    Filter expected = f;
    expected.tagRules = {{{12}, false}, {{21, 22}, true}};
    QCOMPARE(json(dock.filter()), json(expected));
    QCOMPARE(dock.findChild<QSpinBox *>(QStringLiteral("maxSize"))->value(), 900);
    QVERIFY(dock.findChild<TagListFilter *>(QStringLiteral("actors"))->matchAll());
    QTest::qWait(300); // no late signal from the search box
    QCOMPARE(changed.count(), 1);

    // Nothing ticked, all types; choices the catalogue lacks are dropped.
    Filter other;
    other.tagRules = {{{99}, true}};
    other.countries = {QStringLiteral("DE")};
    other.precisions = {GeoPrecision::Unplaced};
    dock.setFilter(other, {});
    Filter none;
    none.precisions = {GeoPrecision::Unplaced};
    QCOMPARE(json(dock.filter()), json(none));
    QCOMPARE(dock.searchText(), QString());

    // Every type unticked stays so.
    Filter noTypes;
    noTypes.typeIds = {-1};
    dock.setFilter(noTypes, {});
    QCOMPARE(dock.filter().typeIds, QList<qint64>{-1});
}

void TestFiltersDock::clearResetsAll()
{
    FiltersDock dock;
    dock.setChoices(sampleChoices());
    dock.setSavedViews({QStringLiteral("a")});
    auto *views = dock.findChild<QComboBox *>(QStringLiteral("savedViews"));
    views->setCurrentIndex(0);
    Filter f;
    f.typeIds = {1};
    f.tagRules = {{{11}, true}, {{41}, false}};
    f.minSize = 5;
    f.maxSize = 10;
    f.includeUnknownSize = false;
    f.countries = {QStringLiteral("US")};
    f.regions = {QStringLiteral("US/NY")};
    f.precisions = {GeoPrecision::Exact, GeoPrecision::Locality};
    f.datasets = {2};
    dock.setFilter(f, QStringLiteral("words"));
    QVERIFY(!same(dock.filter(), Filter{}));
    QSignalSpy changed(&dock, &FiltersDock::filterChanged);
    dock.findChild<QPushButton *>(QStringLiteral("clear"))->click();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(json(dock.filter()), json(Filter{}));
    QCOMPARE(dock.searchText(), QString());
    QVERIFY(!dock.findChild<TagListFilter *>(QStringLiteral("issues"))->matchAll());
    QCOMPARE(dock.currentView(), QString());
    QVERIFY(!dock.findChild<QPushButton *>(QStringLiteral("deleteView"))->isEnabled());
}

void TestFiltersDock::refreshKeepsChoices()
{
    FiltersDock dock;
    FilterChoices choices = sampleChoices();
    dock.setChoices(choices);
    tick(dock.findChild<QListWidget *>(QStringLiteral("types")), QStringLiteral("march (5)"),
         false);
    tick(listOf(dock, "issues"), QStringLiteral("housing (4)"));
    tick(listOf(dock, "regions"), QStringLiteral("IDF, FR (2)"));
    const Filter before = dock.filter();

    // New counts, a new tag: the choices stay, and the filter is the same, so no signal.
    QSignalSpy changed(&dock, &FiltersDock::filterChanged);
    choices.types[1].count = 6;
    choices.tags[TagKind::Issue].prepend({14, {}, QStringLiteral("peace"), 9});
    choices.tags[TagKind::Issue][2].count = 5;
    dock.setChoices(choices);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(json(dock.filter()), json(before));
    QCOMPARE(texts(listOf(dock, "issues")),
             (QStringList{QStringLiteral("peace (9)"), QStringLiteral("climate (8)"),
                          QStringLiteral("housing (5)"), QStringLiteral("labour (2)")}));
    QCOMPARE(listOf(dock, "issues")->item(2)->checkState(), Qt::Checked);

    // A ticked region that is gone is dropped, and the filter changed.
    choices.regions.removeFirst();
    dock.setChoices(choices);
    QCOMPARE(changed.count(), 1);
    QVERIFY(dock.filter().regions.isEmpty());
    QCOMPARE(dock.filter().typeIds, (QList<qint64>{1, 0}));
}

void TestFiltersDock::longTagLists()
{
    FilterChoices choices;
    for (int i = 1; i <= 1200; ++i)
        choices.tags[TagKind::Actor].append({i, {}, QStringLiteral("group %1").arg(i), 2000 - i});
    FiltersDock dock;
    dock.setChoices(choices);
    auto *actors = dock.findChild<TagListFilter *>(QStringLiteral("actors"));
    QListWidget *list = listOf(dock, "actors");
    QCOMPARE(list->count(), TagListFilter::kShown);
    QCOMPARE(list->item(0)->text(), QStringLiteral("group 1 (1,999)"));
    auto *more = actors->findChild<QLabel *>(QStringLiteral("more"));
    QCOMPARE(more->text(), QStringLiteral("700 more; type to find them"));

    // The search finds the rest; a ticked one stays listed when the search moves on.
    auto *find = actors->findChild<QLineEdit *>(QStringLiteral("find"));
    find->setText(QStringLiteral("group 1100"));
    QCOMPARE(texts(list), QStringList{QStringLiteral("group 1100 (900)")});
    tick(list, QStringLiteral("group 1100 (900)"));
    find->setText(QStringLiteral("group 2"));
    QCOMPARE(list->item(0)->text(), QStringLiteral("group 2 (1,998)"));
    QVERIFY(!list->findItems(QStringLiteral("group 1100 (900)"), Qt::MatchExactly).isEmpty());
    find->clear();
    QCOMPARE(list->count(), TagListFilter::kShown + 1);
    QCOMPARE(dock.filter().tagRules.size(), 1);
    QCOMPARE(dock.filter().tagRules.at(0).tagIds, QList<qint64>{1100});
    find->setText(QStringLiteral("nothing like it"));
    QCOMPARE(list->count(), 1); // the ticked one
    find->setText(QStringLiteral("zzz"));
    tick(list, QStringLiteral("group 1100 (900)"), false);
    find->setText(QStringLiteral("zzz "));
    QCOMPARE(list->count(), 0);
    QCOMPARE(more->text(), QStringLiteral("None found"));
}

void TestFiltersDock::savedViews()
{
    FiltersDock dock;
    dock.setChoices(sampleChoices());
    QSignalSpy chosen(&dock, &FiltersDock::viewChosen);
    QSignalSpy save(&dock, &FiltersDock::saveViewRequested);
    QSignalSpy remove(&dock, &FiltersDock::deleteViewRequested);
    auto *views = dock.findChild<QComboBox *>(QStringLiteral("savedViews"));
    auto *saveButton = dock.findChild<QPushButton *>(QStringLiteral("saveView"));
    auto *deleteButton = dock.findChild<QPushButton *>(QStringLiteral("deleteView"));
    dock.setSavedViews({QStringLiteral("Midwest"), QStringLiteral("Paris")});
    QCOMPARE(dock.savedViews(), (QStringList{QStringLiteral("Midwest"), QStringLiteral("Paris")}));
    QCOMPARE(dock.currentView(), QString());
    QVERIFY(!deleteButton->isEnabled());

    // Choosing one asks the window for it.
    views->setCurrentIndex(1);
    Q_EMIT views->activated(1);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("Paris"));
    QVERIFY(deleteButton->isEnabled());

    // Saving asks for a name, offering the current one.
    QString offered;
    whenDialog([&offered](QWidget *w) {
        auto *input = qobject_cast<QInputDialog *>(w);
        QVERIFY(input);
        offered = input->textValue();
        input->setTextValue(QStringLiteral("  Climate  "));
        input->accept();
    });
    saveButton->click();
    QCOMPARE(offered, QStringLiteral("Paris"));
    QCOMPARE(save.count(), 1);
    QCOMPARE(save.at(0).at(0).toString(), QStringLiteral("Climate"));
    dock.setSavedViews(
        {QStringLiteral("Climate"), QStringLiteral("Midwest"), QStringLiteral("Paris")});
    QCOMPARE(dock.currentView(), QStringLiteral("Climate"));

    // Overwriting a name asks first: cancelled, then confirmed.
    for (const auto button : {QMessageBox::Cancel, QMessageBox::Yes}) {
        whenDialog([button](QWidget *w) {
            auto *input = qobject_cast<QInputDialog *>(w);
            QVERIFY(input);
            input->setTextValue(QStringLiteral("Midwest"));
            whenDialog([button](QWidget *question) {
                auto *box = qobject_cast<QMessageBox *>(question);
                QVERIFY(box);
                box->button(button)->click();
            });
            input->accept();
        });
        saveButton->click();
    }
    QCOMPARE(save.count(), 2);
    QCOMPARE(save.at(1).at(0).toString(), QStringLiteral("Midwest"));

    // A cancelled or empty name saves nothing.
    whenDialog([](QWidget *w) { qobject_cast<QDialog *>(w)->reject(); });
    saveButton->click();
    whenDialog([](QWidget *w) {
        qobject_cast<QInputDialog *>(w)->setTextValue(QStringLiteral("   "));
        qobject_cast<QDialog *>(w)->accept();
    });
    saveButton->click();
    QCOMPARE(save.count(), 2);

    // Delete names the chosen view; once the window lists the views without it, none is.
    dock.setSavedViews(
        {QStringLiteral("Climate"), QStringLiteral("Midwest"), QStringLiteral("Paris")});
    QCOMPARE(dock.currentView(), QStringLiteral("Midwest"));
    deleteButton->click();
    QCOMPARE(remove.count(), 1);
    QCOMPARE(remove.at(0).at(0).toString(), QStringLiteral("Midwest"));
    dock.setSavedViews({QStringLiteral("Climate"), QStringLiteral("Paris")});
    QCOMPARE(dock.currentView(), QString());
    QVERIFY(!deleteButton->isEnabled());
    QCOMPARE(chosen.count(), 1);
}

void TestFiltersDock::fitsTheWindow()
{
    // In a window of 1280 × 800 the dock needs no sideways scrolling and keeps the count,
    // search and saved views in sight.
    QMainWindow window;
    FiltersDock *dock = inWindow(window);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *scroll = dock->findChild<QScrollArea *>(QStringLiteral("sectionsScroll"));
    QVERIFY(!scroll->horizontalScrollBar()->isVisible());
    QVERIFY(scroll->height() > 300);
    for (const char *name : {"count", "search", "savedViews"}) {
        auto *w = dock->findChild<QWidget *>(QLatin1String(name));
        QVERIFY2(w->isVisible() && w->height() >= w->minimumSizeHint().height(), name);
    }
    QVERIFY(dock->width() >= dock->widget()->minimumSizeHint().width());
}

void TestFiltersDock::countRepaintsAlone()
{
    // The count changes at every filter change: only the label is painted again, not the dock
    // under it (which took milliseconds of each change's frame).
    QMainWindow window;
    FiltersDock *dock = inWindow(window);
    dock->setCounts(16, 16);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(50); // the first paint is over
    struct PaintCounter : QObject {
        QHash<QObject *, int> paints;
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            if (event->type() == QEvent::Paint)
                ++paints[watched];
            return false;
        }
    } counter;
    auto *count = dock->findChild<QLabel *>(QStringLiteral("count"));
    QVERIFY(count);
    count->installEventFilter(&counter);
    dock->installEventFilter(&counter);
    dock->widget()->installEventFilter(&counter);
    dock->setCounts(9, 16);
    QTRY_VERIFY(counter.paints.value(count) > 0);
    QTest::qWait(20);
    QCOMPARE(dock->countText(), QStringLiteral("9 of 16 events"));
    QCOMPARE(counter.paints.value(dock), 0);
    QCOMPARE(counter.paints.value(dock->widget()), 0);
}

QTEST_MAIN(TestFiltersDock)
#include "tst_filtersdock.moc"
