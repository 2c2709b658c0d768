// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/geocoder.h"
#include "geo/placekey.h"

#include <QTest>

#include <cmath>

using namespace placard::geo;

class TestGeocoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keys_data();
    void keys();
    void mojibake_data();
    void mojibake();
    void places_data();
    void places();
    void postTownTellsNamesakesApart();
    void withColumns_data();
    void withColumns();
    void nonPlaces_data();
    void nonPlaces();
    void candidatesAreRanked();
    void refusesOtherFiles();

private:
    std::shared_ptr<const Gazetteer> m_gazetteer;
    std::unique_ptr<Geocoder> m_geocoder;
};

void TestGeocoder::initTestCase()
{
    QString error;
    m_gazetteer = Gazetteer::open(Gazetteer::defaultPath(), &error);
    QVERIFY2(m_gazetteer, qPrintable(error));
    m_geocoder = std::make_unique<Geocoder>(m_gazetteer);
}

void TestGeocoder::keys_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("key");
    QTest::newRow("saint") << QStringLiteral("St. Paul") << QStringLiteral("saint paul");
    QTest::newRow("sainte") << QStringLiteral("Ste. Genevieve")
                            << QStringLiteral("sainte genevieve");
    QTest::newRow("fort") << QStringLiteral("Ft Collins") << QStringLiteral("fort collins");
    QTest::newRow("mount") << QStringLiteral("Mt. Vernon") << QStringLiteral("mount vernon");
    QTest::newRow("initials") << QStringLiteral("Washington, D.C.")
                              << QStringLiteral("washington dc");
    QTest::newRow("diacritics") << QStringLiteral("Española") << QStringLiteral("espanola");
    QTest::newRow("sharp s") << QStringLiteral("Großenhain") << QStringLiteral("grossenhain");
    QTest::newRow("apostrophe") << QStringLiteral("Coeur d’Alene")
                                << QStringLiteral("coeur dalene");
    QTest::newRow("ascii apostrophe")
        << QStringLiteral("Coeur d'Alene") << QStringLiteral("coeur dalene");
    QTest::newRow("hyphen") << QStringLiteral("Winston-Salem") << QStringLiteral("winston salem");
    QTest::newRow("ampersand") << QStringLiteral("Bosnia & Herzegovina")
                               << QStringLiteral("bosnia and herzegovina");
    QTest::newRow("north") << QStringLiteral("N. Las Vegas") << QStringLiteral("north las vegas");
    QTest::newRow("lone letter stays") << QStringLiteral("N") << QStringLiteral("n");
    QTest::newRow("usa") << QStringLiteral("U.S.A.") << QStringLiteral("usa");
    QTest::newRow("spaces") << QStringLiteral("  Los   Angeles ") << QStringLiteral("los angeles");
    QTest::newRow("nothing") << QStringLiteral(" .,- ") << QString();
}

void TestGeocoder::keys()
{
    QFETCH(QString, text);
    QFETCH(QString, key);
    QCOMPARE(placeKey(text), key);
}

void TestGeocoder::mojibake_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("repaired");
    QTest::newRow("doña") << QStringLiteral("DoÃ±a Ana") << QStringLiteral("Doña Ana");
    QTest::newRow("apostrophe") << QStringLiteral("Coeur dâ€™Alene")
                                << QStringLiteral("Coeur d’Alene");
    QTest::newRow("clean") << QStringLiteral("Doña Ana") << QStringLiteral("Doña Ana");
    QTest::newRow("not cp1252") << QStringLiteral("Москва") << QStringLiteral("Москва");
    QTest::newRow("lone Ã") << QStringLiteral("Ã") << QStringLiteral("Ã");
}

void TestGeocoder::mojibake()
{
    QFETCH(QString, text);
    QFETCH(QString, repaired);
    QCOMPARE(repairMojibake(text), repaired);
}

void TestGeocoder::places_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("admin1");
    QTest::addColumn<QString>("country");
    QTest::addColumn<PlacePrecision>("precision");
    const auto row = [](const char *tag, const QString &q, const QString &n, const QString &a,
                        const QString &c, PlacePrecision p = PlacePrecision::Locality) {
        QTest::newRow(tag) << q << n << a << c << p;
    };
    const QString us = QStringLiteral("US");
    row("city, state code", QStringLiteral("Livingston, MT"), QStringLiteral("Livingston"),
        QStringLiteral("MT"), us);
    row("city, state name", QStringLiteral("Livingston, Montana"), QStringLiteral("Livingston"),
        QStringLiteral("MT"), us);
    row("saint abbreviation", QStringLiteral("St. Paul, MN"), QStringLiteral("Saint Paul"),
        QStringLiteral("MN"), us);
    row("saint in full", QStringLiteral("Saint Paul, Minnesota"), QStringLiteral("Saint Paul"),
        QStringLiteral("MN"), us);
    row("fort", QStringLiteral("Ft. Collins, CO"), QStringLiteral("Fort Collins"),
        QStringLiteral("CO"), us);
    row("mount", QStringLiteral("Mt. Vernon, NY"), QStringLiteral("Mount Vernon"),
        QStringLiteral("NY"), us);
    row("case", QStringLiteral("CHARLOTTE, nc"), QStringLiteral("Charlotte"), QStringLiteral("NC"),
        us);
    row("no diacritics", QStringLiteral("Espanola, NM"), QStringLiteral("Española"),
        QStringLiteral("NM"), us);
    row("mojibake", QStringLiteral("DoÃ±a Ana, NM"), QStringLiteral("Doña Ana"),
        QStringLiteral("NM"), us);
    row("cp1252 apostrophe", QStringLiteral("Coeur d’Alene, ID"), QStringLiteral("Coeur d'Alene"),
        QStringLiteral("ID"), us);
    row("misspelt in state", QStringLiteral("Gainsville, FL"), QStringLiteral("Gainesville"),
        QStringLiteral("FL"), us);
    row("near spelling beats other state", QStringLiteral("Silver Springs, MD"),
        QStringLiteral("Silver Spring"), QStringLiteral("MD"), us);
    row("parentheses", QStringLiteral("Los Angeles (Grand Park)"), QStringLiteral("Los Angeles"),
        QStringLiteral("CA"), us);
    row("leading parentheses", QStringLiteral("(East) Chicago, IN"), QStringLiteral("East Chicago"),
        QStringLiteral("IN"), us);
    row("slash", QStringLiteral("SeaTac/Tacoma, WA"), QStringLiteral("SeaTac"),
        QStringLiteral("WA"), us);
    row("metro alias", QStringLiteral("Twin Cities"), QStringLiteral("Minneapolis"),
        QStringLiteral("MN"), us);
    row("landmark alias", QStringLiteral("Foley Square"), QStringLiteral("New York City"),
        QStringLiteral("NY"), us);
    row("abbreviation alias", QStringLiteral("NYC"), QStringLiteral("New York City"),
        QStringLiteral("NY"), us);
    row("district", QStringLiteral("Washington, DC"), QStringLiteral("Washington"),
        QStringLiteral("DC"), us);
    row("big city over state", QStringLiteral("New York"), QStringLiteral("New York City"),
        QStringLiteral("NY"), us);
    row("bare state", QStringLiteral("Colorado"), QStringLiteral("Colorado"), QStringLiteral("CO"),
        us, PlacePrecision::Admin1);
    row("bare name of a foreign region and a larger city", QStringLiteral("St. Louis"),
        QStringLiteral("St. Louis"), QStringLiteral("MO"), us);
    row("region named after its city", QStringLiteral("Tel Aviv"), QStringLiteral("Tel Aviv"),
        QStringLiteral("05"), QStringLiteral("IL"));
    row("country over its capital's other name", QStringLiteral("Mexico"), QStringLiteral("Mexico"),
        QString(), QStringLiteral("MX"), PlacePrecision::Country);
    row("state larger than a namesake city", QStringLiteral("Washington"),
        QStringLiteral("Washington"), QStringLiteral("WA"), us, PlacePrecision::Admin1);
    row("population decides", QStringLiteral("Paris"), QStringLiteral("Paris"),
        QStringLiteral("11"), QStringLiteral("FR"));
    row("state decides", QStringLiteral("Paris, TX"), QStringLiteral("Paris"), QStringLiteral("TX"),
        us);
    row("world city", QStringLiteral("Milan"), QStringLiteral("Milan"), QStringLiteral("09"),
        QStringLiteral("IT"));
    row("local name and country", QStringLiteral("Milano, Italia"), QStringLiteral("Milan"),
        QStringLiteral("09"), QStringLiteral("IT"));
    row("city, country", QStringLiteral("Munich, Germany"), QStringLiteral("Munich"),
        QStringLiteral("02"), QStringLiteral("DE"));
    row("country", QStringLiteral("France"), QStringLiteral("France"), QString(),
        QStringLiteral("FR"), PlacePrecision::Country);
    row("country in its language", QStringLiteral("Deutschland"), QStringLiteral("Germany"),
        QString(), QStringLiteral("DE"), PlacePrecision::Country);
    row("post town under 500 people", QStringLiteral("Hager City, WI"),
        QStringLiteral("Hager City"), QStringLiteral("WI"), us);
    row("short name, one slip", QStringLiteral("Lubock, TX"), QStringLiteral("Lubbock"),
        QStringLiteral("TX"), us);
    row("famous name, two slips", QStringLiteral("Cinncinati, OH"), QStringLiteral("Cincinnati"),
        QStringLiteral("OH"), us);
    row("hamlet name, two slips: the state", QStringLiteral("Hagr Cty, WI"),
        QStringLiteral("Wisconsin"), QStringLiteral("WI"), us, PlacePrecision::Admin1);
    row("own name beats another's old name", QStringLiteral("Stockton, NJ"),
        QStringLiteral("Stockton"), QStringLiteral("NJ"), us);
    row("well-known city, wrong state", QStringLiteral("Dallas, CA"), QStringLiteral("Dallas"),
        QStringLiteral("TX"), us);
    row("mid-sized city's name in another state: that state", QStringLiteral("Gresham, TN"),
        QStringLiteral("Tennessee"), QStringLiteral("TN"), us, PlacePrecision::Admin1);
    row("neighbourhood, city", QStringLiteral("Capitol Hill, Seattle"), QStringLiteral("Seattle"),
        QStringLiteral("WA"), us);
    row("city, region not known as one", QStringLiteral("Milano, Lombardia"),
        QStringLiteral("Milan"), QStringLiteral("09"), QStringLiteral("IT"));
    row("hyphens inside a list of parts", QStringLiteral("Marseille, Bouches-du-Rh\u00f4ne"),
        QStringLiteral("Marseille"), QStringLiteral("93"), QStringLiteral("FR"));
    row("code of two states: where the town is", QStringLiteral("Perth, WA"),
        QStringLiteral("Perth"), QStringLiteral("08"), QStringLiteral("AU"));
    row("code of two states: the other", QStringLiteral("Spokane, WA"), QStringLiteral("Spokane"),
        QStringLiteral("WA"), us);
    row("code of two territories", QStringLiteral("Yellowknife, NT"), QStringLiteral("Yellowknife"),
        QStringLiteral("13"), QStringLiteral("CA"));
    row("downtown", QStringLiteral("Downtown Chicago"), QStringLiteral("Chicago"),
        QStringLiteral("IL"), us);
    row("greater", QStringLiteral("Greater Boston"), QStringLiteral("Boston"), QStringLiteral("MA"),
        us);
    row("metro area", QStringLiteral("Denver metro area"), QStringLiteral("Denver"),
        QStringLiteral("CO"), us);
    row("a town whose name starts so", QStringLiteral("Central Falls, RI"),
        QStringLiteral("Central Falls"), QStringLiteral("RI"), us);
    row("state code without a comma", QStringLiteral("Austin TX"), QStringLiteral("Austin"),
        QStringLiteral("TX"), us);
    row("saint, state code without a comma", QStringLiteral("St. Paul MN"),
        QStringLiteral("Saint Paul"), QStringLiteral("MN"), us);
    row("landmark alias of another city, city", QStringLiteral("Union Square, San Francisco"),
        QStringLiteral("San Francisco"), QStringLiteral("CA"), us);
    row("country code, also a state's", QStringLiteral("Berlin, DE"), QStringLiteral("Berlin"),
        QStringLiteral("16"), QStringLiteral("DE"));
    row("country code, a state's holding no such place", QStringLiteral("Toronto, CA"),
        QStringLiteral("Toronto"), QStringLiteral("08"), QStringLiteral("CA"));
    row("state code holding the place", QStringLiteral("Wilmington, DE"),
        QStringLiteral("Wilmington"), QStringLiteral("DE"), us);
    row("country code without a comma", QStringLiteral("Paris FR"), QStringLiteral("Paris"),
        QStringLiteral("11"), QStringLiteral("FR"));
    row("zip code after the state", QStringLiteral("Minneapolis MN 55401"),
        QStringLiteral("Minneapolis"), QStringLiteral("MN"), us);
    row("town across the state line", QStringLiteral("Wheeling, OH"), QStringLiteral("Wheeling"),
        QStringLiteral("WV"), us);
    row("town over the state line, small", QStringLiteral("Port Jervis, NJ"),
        QStringLiteral("Port Jervis"), QStringLiteral("NY"), us);
    row("namesake far from the state: that state", QStringLiteral("Berkeley, NJ"),
        QStringLiteral("New Jersey"), QStringLiteral("NJ"), us, PlacePrecision::Admin1);
    row("two joined places", QStringLiteral("Hemet-San Jacinto, CA"), QStringLiteral("Hemet"),
        QStringLiteral("CA"), us);
    row("hyphenated name stays whole", QStringLiteral("Winston-Salem, NC"),
        QStringLiteral("Winston-Salem"), QStringLiteral("NC"), us);
    row("city left out", QStringLiteral("Lake Havasu, AZ"), QStringLiteral("Lake Havasu City"),
        QStringLiteral("AZ"), us);
    row("unknown town, known state", QStringLiteral("Nowheresvilleton, MT"),
        QStringLiteral("Montana"), QStringLiteral("MT"), us, PlacePrecision::Admin1);
}

void TestGeocoder::places()
{
    QFETCH(QString, query);
    QFETCH(QString, name);
    QFETCH(QString, admin1);
    QFETCH(QString, country);
    QFETCH(PlacePrecision, precision);
    const GeocodeResult r = m_geocoder->geocode(query);
    QVERIFY2(r.isPlaced(), qPrintable(r.unplacedReason));
    const GeocodeCandidate &best = r.candidates.constFirst();
    QCOMPARE(best.name, name);
    QCOMPARE(best.admin1Code, admin1);
    QCOMPARE(best.country, country);
    QCOMPARE(best.precision, precision);
}

void TestGeocoder::postTownTellsNamesakesApart()
{
    // Pennsylvania has two Bryn Mawrs of like size; the one with the post office (near
    // Philadelphia, 40.02 N) is the one written, not the one near Pittsburgh (40.30 N).
    const GeocodeResult r = m_geocoder->geocode(QStringLiteral("Bryn Mawr, PA"), 2);
    QCOMPARE(r.candidates.size(), 2);
    QCOMPARE(r.candidates.at(0).name, QStringLiteral("Bryn Mawr"));
    QVERIFY2(std::abs(r.candidates.at(0).latitude - 40.0198) < 0.01,
             qPrintable(QString::number(r.candidates.at(0).latitude)));
    QVERIFY(std::abs(r.candidates.at(1).latitude - 40.3040) < 0.01);
}

void TestGeocoder::withColumns_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("admin1");
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("admin1Code");
    QTest::newRow("state column") << QStringLiteral("Paris") << QStringLiteral("TX") << QString()
                                  << QStringLiteral("Paris") << QStringLiteral("TX");
    QTest::newRow("country column") << QStringLiteral("Paris") << QString() << QStringLiteral("US")
                                    << QStringLiteral("Paris") << QStringLiteral("TX");
    QTest::newRow("state name column")
        << QStringLiteral("Livingston") << QStringLiteral("Montana") << QStringLiteral("US")
        << QStringLiteral("Livingston") << QStringLiteral("MT");
    QTest::newRow("state only") << QString() << QStringLiteral("Minnesota") << QStringLiteral("US")
                                << QStringLiteral("Minnesota") << QStringLiteral("MN");
}

void TestGeocoder::withColumns()
{
    QFETCH(QString, text);
    QFETCH(QString, admin1);
    QFETCH(QString, country);
    QFETCH(QString, name);
    QFETCH(QString, admin1Code);
    const GeocodeResult r = m_geocoder->geocode(GeocodeQuery{text, {}, admin1, country});
    QVERIFY2(r.isPlaced(), qPrintable(r.unplacedReason));
    QCOMPARE(r.candidates.constFirst().name, name);
    QCOMPARE(r.candidates.constFirst().admin1Code, admin1Code);
}

void TestGeocoder::nonPlaces_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("reason");
    // A cell of 400 KB took minutes before it was refused at once.
    QTest::newRow("a list of places 400 KB long") << QStringLiteral("St. Paul, ").repeated(40000)
                                                  << QStringLiteral("too long to be a place name");
    QTest::newRow("301 characters")
        << QString(301, u'a') << QStringLiteral("too long to be a place name");
    QTest::newRow("national") << QStringLiteral("(national)")
                              << QStringLiteral("not a single place (\"(national)\")");
    QTest::newRow("nationwide") << QStringLiteral("Nationwide")
                                << QStringLiteral("not a single place (\"Nationwide\")");
    QTest::newRow("online") << QStringLiteral("online")
                            << QStringLiteral("not a single place (\"online\")");
    QTest::newRow("virtual") << QStringLiteral("Virtual")
                             << QStringLiteral("not a single place (\"Virtual\")");
    QTest::newRow("several cities") << QStringLiteral("Multiple cities")
                                    << QStringLiteral("not a single place (\"Multiple cities\")");
    QTest::newRow("en ligne") << QStringLiteral("En ligne")
                              << QStringLiteral("not a single place (\"En ligne\")");
    QTest::newRow("en l\u00ednea") << QStringLiteral("En l\u00ednea")
                                   << QStringLiteral("not a single place (\"En l\u00ednea\")");
    QTest::newRow("bundesweit") << QStringLiteral("bundesweit")
                                << QStringLiteral("not a single place (\"bundesweit\")");
    QTest::newRow("counties") << QStringLiteral("24 Ohio counties")
                              << QStringLiteral("several places (\"24 Ohio counties\")");
    QTest::newRow("empty") << QStringLiteral(" - ") << QStringLiteral("no place given");
    QTest::newRow("unknown") << QStringLiteral("Qwxzzyq")
                             << QStringLiteral("no place called \"Qwxzzyq\" in the gazetteer");
}

void TestGeocoder::nonPlaces()
{
    QFETCH(QString, query);
    QFETCH(QString, reason);
    const GeocodeResult r = m_geocoder->geocode(query);
    QVERIFY(!r.isPlaced());
    QCOMPARE(r.unplacedReason, reason);
}

void TestGeocoder::candidatesAreRanked()
{
    const GeocodeResult r = m_geocoder->geocode(QStringLiteral("Springfield"), 5);
    QCOMPARE(r.candidates.size(), 5);
    for (qsizetype i = 1; i < r.candidates.size(); ++i)
        QVERIFY(r.candidates[i - 1].score >= r.candidates[i].score);
    for (const GeocodeCandidate &c : r.candidates)
        QCOMPARE(c.name, QStringLiteral("Springfield"));
}

void TestGeocoder::refusesOtherFiles()
{
    QString error;
    QVERIFY(!Gazetteer::open(QStringLiteral("/nonexistent/gazetteer.sqlite"), &error));
    QCOMPARE(error, QStringLiteral("/nonexistent/gazetteer.sqlite: no gazetteer file"));
}

QTEST_GUILESS_MAIN(TestGeocoder)
#include "tst_geocoder.moc"
