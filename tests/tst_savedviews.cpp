// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/catalogue.h"
#include "catalogue/savedviews.h"
#include "query/filterjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace placard;

namespace {

// Every field of Filter set, but textIds, which a view does not keep.
Filter everyField()
{
    Filter f;
    f.fromDay = -3;
    f.toDay = 20123;
    f.typeIds = {4, 1, 9007199254740992};
    f.tagRules = {{{7, 3}, true}, {{12}, false}, {{}, true}};
    f.minSize = 100;
    f.maxSize = 250000;
    f.includeUnknownSize = false;
    f.countries = {QStringLiteral("US"), QStringLiteral("Côte d'Ivoire"), QString()};
    f.regions = {QStringLiteral("US/MN"), QStringLiteral("/Lombardia")};
    f.precisions = {GeoPrecision::Country, GeoPrecision::Exact, GeoPrecision::Unplaced,
                    GeoPrecision::Locality, GeoPrecision::Admin1};
    f.datasets = {0, 2};
    return f;
}

void compareFilters(const Filter &a, const Filter &b)
{
    QCOMPARE(a.fromDay, b.fromDay);
    QCOMPARE(a.toDay, b.toDay);
    QCOMPARE(a.typeIds, b.typeIds);
    QCOMPARE(a.tagRules.size(), b.tagRules.size());
    for (qsizetype i = 0; i < a.tagRules.size(); ++i) {
        QCOMPARE(a.tagRules.at(i).tagIds, b.tagRules.at(i).tagIds);
        QCOMPARE(a.tagRules.at(i).all, b.tagRules.at(i).all);
    }
    QCOMPARE(a.minSize, b.minSize);
    QCOMPARE(a.maxSize, b.maxSize);
    QCOMPARE(a.includeUnknownSize, b.includeUnknownSize);
    QCOMPARE(a.countries, b.countries);
    QCOMPARE(a.regions, b.regions);
    QCOMPARE(a.textIds, b.textIds);
    QCOMPARE(a.precisions, b.precisions);
    QCOMPARE(a.datasets, b.datasets);
}

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestSavedViews : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void jsonRoundTrip();
    void emptyFilter();
    void malformedJson_data();
    void malformedJson();
    void catalogueRoundTrip();
    void overwriteByName();
    void remove();
    void malformedRows();
    void badNames();

private:
    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Catalogue> m_catalogue;
};

void TestSavedViews::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    m_catalogue = Catalogue::create(m_dir->filePath(QStringLiteral("v.placard")), &error);
    QVERIFY2(m_catalogue, qPrintable(error));
}

void TestSavedViews::cleanup()
{
    m_catalogue.reset();
    delete m_dir;
    m_dir = nullptr;
}

void TestSavedViews::jsonRoundTrip()
{
    Filter f = everyField();
    f.textIds = QList<qint64>{1, 2, 3}; // not kept: the search text gives them again
    const QJsonObject json = filterToJson(f, QStringLiteral("no kings"));
    // Through text too, as the catalogue stores it.
    const QJsonObject reread =
        QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact)).object();
    QCOMPARE(reread, json);
    QString search, error;
    const std::optional<Filter> back = filterFromJson(reread, &search, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(search, QStringLiteral("no kings"));
    f.textIds.reset();
    compareFilters(*back, f);
}

void TestSavedViews::emptyFilter()
{
    const QJsonObject json = filterToJson(Filter{});
    QCOMPARE(json,
             parse(R"({"version": 1, "includeUnknownSize": true})")); // only what is set
    QString search = QStringLiteral("old");
    const std::optional<Filter> back = filterFromJson(json, &search);
    QVERIFY(back);
    QCOMPARE(search, QString());
    compareFilters(*back, Filter{});
    QVERIFY(filterFromJson(QJsonObject{})); // everything may be left out
}

void TestSavedViews::malformedJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("later version") << QByteArray(R"({"version": 2})")
                                   << QStringLiteral("the view was saved by a later version "
                                                     "of Placard");
    QTest::newRow("version as text") << QByteArray(R"({"version": "1"})")
                                     << QStringLiteral("version is not a whole number in range");
    QTest::newRow("search not text")
        << QByteArray(R"({"search": 3})") << QStringLiteral("search is not text");
    QTest::newRow("types not a list")
        << QByteArray(R"({"types": 3})") << QStringLiteral("types is not a list");
    QTest::newRow("type id fraction") << QByteArray(R"({"types": [1.5]})")
                                      << QStringLiteral("types is not a whole number in range");
    QTest::newRow("type id text") << QByteArray(R"({"types": ["1"]})")
                                  << QStringLiteral("types is not a whole number in range");
    QTest::newRow("type id too large") << QByteArray(R"({"types": [1e300]})")
                                       << QStringLiteral("types is not a whole number in range");
    QTest::newRow("day out of range") << QByteArray(R"({"fromDay": 3000000000})")
                                      << QStringLiteral("fromDay is not a whole number in range");
    QTest::newRow("size null") << QByteArray(R"({"minSize": null})")
                               << QStringLiteral("minSize is not a whole number in range");
    QTest::newRow("unknown size not bool")
        << QByteArray(R"({"includeUnknownSize": 1})")
        << QStringLiteral("includeUnknownSize is not true or false");
    QTest::newRow("tag rules not a list")
        << QByteArray(R"({"tagRules": {"tags": [1]}})") << QStringLiteral("tagRules is not a list");
    QTest::newRow("tag rule not an object")
        << QByteArray(R"({"tagRules": [[1, 2]]})")
        << QStringLiteral("tagRules holds something that is not a tag rule");
    QTest::newRow("tag rule all not bool")
        << QByteArray(R"({"tagRules": [{"tags": [1], "all": "yes"}]})")
        << QStringLiteral("tagRules holds something that is not a tag rule");
    QTest::newRow("tag rule without tags") << QByteArray(R"({"tagRules": [{"all": true}]})")
                                           << QStringLiteral("tagRules.tags is not a list");
    QTest::newRow("tag id not a number")
        << QByteArray(R"({"tagRules": [{"tags": [{}]}]})")
        << QStringLiteral("tagRules.tags is not a whole number in range");
    QTest::newRow("countries not text")
        << QByteArray(R"({"countries": ["US", 1]})")
        << QStringLiteral("countries holds something that is not text");
    QTest::newRow("regions not a list")
        << QByteArray(R"({"regions": "US/MN"})") << QStringLiteral("regions is not a list");
    QTest::newRow("unknown precision") << QByteArray(R"({"precisions": ["exact", "street"]})")
                                       << QStringLiteral("unknown precision \"street\"");
    QTest::newRow("precision as number")
        << QByteArray(R"({"precisions": [1]})")
        << QStringLiteral("precisions holds something that is not text");
    QTest::newRow("datasets nested") << QByteArray(R"({"datasets": [[1]]})")
                                     << QStringLiteral("datasets is not a whole number in range");
}

void TestSavedViews::malformedJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const QJsonDocument document = QJsonDocument::fromJson(json);
    QVERIFY(document.isObject());
    QString search = QStringLiteral("unchanged"), actual;
    QVERIFY(!filterFromJson(document.object(), &search, &actual));
    QCOMPARE(actual, error);
    QCOMPARE(search, QStringLiteral("unchanged"));
}

void TestSavedViews::catalogueRoundTrip()
{
    SavedView view;
    view.name = QStringLiteral("  Minnesota, climate  ");
    view.filter = filterToJson(everyField(), QStringLiteral("climate"));
    view.latitude = 45.5;
    view.longitude = -93.25;
    view.zoom = 6.75;
    QCOMPARE(saveView(*m_catalogue, view), QString());
    SavedView noExtent;
    noExtent.name = QStringLiteral("all");
    noExtent.filter = filterToJson(Filter{});
    QCOMPARE(saveView(*m_catalogue, noExtent), QString());

    // Reopened from the file.
    const QString path = m_catalogue->path();
    m_catalogue.reset();
    QString error;
    m_catalogue = Catalogue::open(path, &error);
    QVERIFY2(m_catalogue, qPrintable(error));
    const QList<SavedView> views = savedViews(*m_catalogue, &error);
    QCOMPARE(error, QString());
    QCOMPARE(views.size(), 2);
    QCOMPARE(views.at(0).name, QStringLiteral("all"));
    QVERIFY(!views.at(0).hasExtent());
    QCOMPARE(views.at(1).name, QStringLiteral("Minnesota, climate")); // trimmed
    QCOMPARE(views.at(1).latitude, 45.5);
    QCOMPARE(views.at(1).longitude, -93.25);
    QCOMPARE(views.at(1).zoom, 6.75);
    QCOMPARE(views.at(1).filter, view.filter);

    const std::optional<SavedView> one =
        savedView(*m_catalogue, QStringLiteral("Minnesota, climate"));
    QVERIFY(one);
    QString search;
    const std::optional<Filter> f = filterFromJson(one->filter, &search, &error);
    QVERIFY2(f, qPrintable(error));
    QCOMPARE(search, QStringLiteral("climate"));
    compareFilters(*f, everyField());

    QVERIFY(!savedView(*m_catalogue, QStringLiteral("nothing"), &error));
    QCOMPARE(error, QStringLiteral("there is no view \"nothing\""));
}

void TestSavedViews::overwriteByName()
{
    SavedView view;
    view.name = QStringLiteral("view");
    Filter first;
    first.minSize = 10;
    view.filter = filterToJson(first);
    view.latitude = 1;
    view.longitude = 2;
    view.zoom = 3;
    QCOMPARE(saveView(*m_catalogue, view), QString());
    Filter second;
    second.maxSize = 20;
    view.filter = filterToJson(second, QStringLiteral("words"));
    view.latitude = view.longitude = view.zoom = std::nan("");
    QCOMPARE(saveView(*m_catalogue, view), QString());
    const QList<SavedView> views = savedViews(*m_catalogue);
    QCOMPARE(views.size(), 1);
    QCOMPARE(views.at(0).filter, filterToJson(second, QStringLiteral("words")));
    QVERIFY(!views.at(0).hasExtent());
    sql::Statement count(m_catalogue->handle(), "SELECT count(*) FROM saved_views");
    QVERIFY(count.next());
    QCOMPARE(count.int64(0), 1);
}

void TestSavedViews::remove()
{
    for (const QString &name : {QStringLiteral("a"), QStringLiteral("b")}) {
        SavedView view;
        view.name = name;
        QCOMPARE(saveView(*m_catalogue, view), QString());
    }
    QCOMPARE(removeView(*m_catalogue, QStringLiteral("a")), QString());
    QCOMPARE(removeView(*m_catalogue, QStringLiteral("not there")), QString());
    const QList<SavedView> views = savedViews(*m_catalogue);
    QCOMPARE(views.size(), 1);
    QCOMPARE(views.at(0).name, QStringLiteral("b"));
}

void TestSavedViews::malformedRows()
{
    // A catalogue from elsewhere may hold anything in these columns.
    QString error;
    QVERIFY2(sql::exec(m_catalogue->handle(),
                       "INSERT INTO saved_views(name, filter, extent) VALUES "
                       "('good', '{\"minSize\": 5}', '{\"latitude\": 1, \"longitude\": 2, "
                       "\"zoom\": 3}'), "
                       "('not json', '{\"minSize\": ', NULL), "
                       "('a list', '[1, 2]', NULL), "
                       "('binary', x'00ff10', NULL), "
                       "('bad extent', '{}', '{\"latitude\": 91, \"longitude\": 0, \"zoom\": 3}'), "
                       "('extent not json', '{}', 'nowhere'), "
                       "('extent text', '{}', '{\"latitude\": \"1\", \"longitude\": 0, "
                       "\"zoom\": 3}'), "
                       "('negative zoom', '{}', '{\"latitude\": 1, \"longitude\": 0, "
                       "\"zoom\": -1}')",
                       &error),
             qPrintable(error));
    const QList<SavedView> views = savedViews(*m_catalogue, &error);
    QCOMPARE(views.size(), 1);
    QCOMPARE(views.at(0).name, QStringLiteral("good"));
    QCOMPARE(error,
             QStringLiteral("the filter of view \"a list\" is not a JSON object; "
                            "the map extent of view \"bad extent\" is not well formed; "
                            "the filter of view \"binary\" is not a JSON object; "
                            "the map extent of view \"extent not json\" is not well formed; "
                            "the map extent of view \"extent text\" is not well formed; "
                            "the map extent of view \"negative zoom\" is not well formed; "
                            "the filter of view \"not json\" is not a JSON object"));
    QVERIFY(!savedView(*m_catalogue, QStringLiteral("not json"), &error));
    QCOMPARE(error, QStringLiteral("the filter of view \"not json\" is not a JSON object"));
    QVERIFY(savedView(*m_catalogue, QStringLiteral("good")));
}

void TestSavedViews::badNames()
{
    SavedView view;
    view.name = QStringLiteral("   ");
    QCOMPARE(saveView(*m_catalogue, view), QStringLiteral("a view needs a name"));
    view.name = QString(201, QLatin1Char('x'));
    QCOMPARE(saveView(*m_catalogue, view),
             QStringLiteral("the name is longer than 200 characters"));
    QVERIFY(savedViews(*m_catalogue).isEmpty());
}

QTEST_GUILESS_MAIN(TestSavedViews)
#include "tst_savedviews.moc"
