// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/eventindex.h"
#include "query/filterchoices.h"

#include <QTemporaryDir>
#include <QTest>

using namespace placard;

namespace {

using Choice = FilterChoices::Choice;

Event makeEvent(const QString &type, const QString &country, const QString &admin1, qint64 dataset)
{
    Event e;
    e.startDay = e.endDay = 20000;
    e.type = type;
    e.country = country;
    e.admin1 = admin1;
    e.datasetId = dataset;
    return e;
}

// The id of a tag or type by name, as the catalogue stored it.
qint64 idOf(const Catalogue &catalogue, const char *table, const QString &name)
{
    const QByteArray text = QByteArray("SELECT id FROM ") + table + " WHERE name = ?1";
    sql::Statement q(catalogue.handle(), text.constData());
    q.bind(1, name);
    return q.next() ? q.int64(0) : -1;
}

} // namespace

class TestFilterChoices : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void exactCounts();
    void agreeWithTheIndex();
    void emptyCatalogue();

private:
    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Catalogue> m_catalogue;
};

void TestFilterChoices::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    m_catalogue = Catalogue::create(m_dir->filePath(QStringLiteral("c.placard")), &error);
    QVERIFY2(m_catalogue, qPrintable(error));
    QVERIFY(sql::exec(m_catalogue->handle(),
                      "INSERT INTO datasets(id, file_name, imported_at) VALUES "
                      "(1, 'ccc.csv', 0), (2, 'acled.csv', 0), (3, 'empty.csv', 0)",
                      &error));
    QList<Event> events;
    Event e = makeEvent(QStringLiteral("protest"), QStringLiteral("US"), QStringLiteral("MN"), 1);
    e.issues = {QStringLiteral("climate"), QStringLiteral("housing")};
    e.actors = {QStringLiteral("Sunrise")};
    events << e;
    e = makeEvent(QStringLiteral("protest"), QStringLiteral("US"), QStringLiteral("NY"), 1);
    e.issues = {QStringLiteral("climate")};
    events << e;
    e = makeEvent(QStringLiteral("march"), QStringLiteral("FR"), QString(), 2);
    e.issues = {QStringLiteral("housing")};
    e.participants = {QStringLiteral("students")};
    events << e;
    e = makeEvent(QString(), QString(), QStringLiteral("Lombardia"), 0); // no type, no country
    e.tags = {QStringLiteral("misc")};
    e.otherTypes = {QStringLiteral("sit-in")};
    events << e;
    e = makeEvent(QStringLiteral("march"), QStringLiteral("US"), QStringLiteral("MN"), 2);
    e.actors = {QStringLiteral("Sunrise"), QStringLiteral("50501")};
    e.issues = {QStringLiteral("climate")};
    events << e;
    events << makeEvent(QStringLiteral("vigil"), QStringLiteral("Ägypten"), QStringLiteral("Giza"),
                        2);
    QVERIFY2(m_catalogue->insertEvents(events, &error), qPrintable(error));
    // A tag and a type no event has any more are not offered.
    QVERIFY(sql::exec(m_catalogue->handle(),
                      "INSERT INTO tags(kind, name) VALUES (0, 'unused'); "
                      "INSERT INTO event_types(name) VALUES ('unused')",
                      &error));
}

void TestFilterChoices::cleanup()
{
    m_catalogue.reset();
    delete m_dir;
    m_dir = nullptr;
}

void TestFilterChoices::exactCounts()
{
    QString error;
    const FilterChoices c = filterChoices(*m_catalogue, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const Catalogue &cat = *m_catalogue;
    const auto type = [&](const char *name, qint64 n) {
        return Choice{idOf(cat, "event_types", QLatin1String(name)), {}, QLatin1String(name), n};
    };
    const auto tag = [&](const char *name, qint64 n) {
        return Choice{idOf(cat, "tags", QLatin1String(name)), {}, QLatin1String(name), n};
    };
    QCOMPARE(c.total, 6);
    // The most events first, then by name; events of no type as id 0 with no name.
    QCOMPARE(c.types,
             (QList<Choice>{type("march", 2), type("protest", 2), type("vigil", 1),
                            Choice{0, {}, {}, 1}}));
    QCOMPARE(c.tags.keys(),
             (QList<TagKind>{TagKind::Issue, TagKind::Actor, TagKind::Participant, TagKind::Type,
                             TagKind::Other}));
    QCOMPARE(c.tags.value(TagKind::Issue), (QList<Choice>{tag("climate", 3), tag("housing", 2)}));
    QCOMPARE(c.tags.value(TagKind::Actor), (QList<Choice>{tag("Sunrise", 2), tag("50501", 1)}));
    QCOMPARE(c.tags.value(TagKind::Participant), (QList<Choice>{tag("students", 1)}));
    QCOMPARE(c.tags.value(TagKind::Type), (QList<Choice>{tag("sit-in", 1)}));
    QCOMPARE(c.tags.value(TagKind::Other), (QList<Choice>{tag("misc", 1)}));
    QCOMPARE(c.countries,
             (QList<Choice>{{0, QStringLiteral("FR"), QStringLiteral("FR"), 1},
                            {0, QStringLiteral("US"), QStringLiteral("US"), 3},
                            {0, QStringLiteral("Ägypten"), QStringLiteral("Ägypten"), 1}}));
    QCOMPARE(c.regions,
             (QList<Choice>{{0, QStringLiteral("/Lombardia"), QStringLiteral("Lombardia"), 1},
                            {0, QStringLiteral("US/MN"), QStringLiteral("MN"), 2},
                            {0, QStringLiteral("US/NY"), QStringLiteral("NY"), 1},
                            {0, QStringLiteral("Ägypten/Giza"), QStringLiteral("Giza"), 1}}));
    // Entered by hand as id 0; a dataset without events is not offered.
    QCOMPARE(c.datasets,
             (QList<Choice>{{0, {}, {}, 1},
                            {1, {}, QStringLiteral("ccc.csv"), 2},
                            {2, {}, QStringLiteral("acled.csv"), 3}}));
}

void TestFilterChoices::agreeWithTheIndex()
{
    // Every choice, used alone, lets through as many events as its count says.
    const FilterChoices c = filterChoices(*m_catalogue);
    EventIndex index;
    index.rebuild(*m_catalogue);
    QCOMPARE(index.size(), c.total);
    for (const Choice &t : c.types) {
        Filter f;
        f.typeIds = {t.id};
        QCOMPARE(index.matching(f).size(), t.count);
    }
    for (const QList<Choice> &kind : c.tags) {
        for (const Choice &t : kind) {
            Filter f;
            f.tagRules = {{{t.id}, true}};
            QCOMPARE(index.matching(f).size(), t.count);
        }
    }
    for (const Choice &country : c.countries) {
        Filter f;
        f.countries = {country.key};
        QCOMPARE(index.matching(f).size(), country.count);
    }
    for (const Choice &region : c.regions) {
        Filter f;
        f.regions = {region.key};
        QCOMPARE(index.matching(f).size(), region.count);
    }
    for (const Choice &d : c.datasets) {
        Filter f;
        f.datasets = {d.id};
        QCOMPARE(index.matching(f).size(), d.count);
    }
}

void TestFilterChoices::emptyCatalogue()
{
    QVERIFY(m_catalogue->removeDataset(1));
    QVERIFY(m_catalogue->removeDataset(2));
    QVERIFY(m_catalogue->deleteEvents(m_catalogue->eventIds()));
    QString error;
    const FilterChoices c = filterChoices(*m_catalogue, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(c.total, 0);
    QVERIFY(c.types.isEmpty());
    QVERIFY(c.tags.isEmpty());
    QVERIFY(c.countries.isEmpty());
    QVERIFY(c.regions.isEmpty());
    QVERIFY(c.datasets.isEmpty());
}

QTEST_GUILESS_MAIN(TestFilterChoices)
#include "tst_filterchoices.moc"
