// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/columnmapping.h"
#include "io/presets.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace placard::io;
using namespace Qt::StringLiterals;

namespace {

// CCC 2017–2020 (ccc_compiled_2017-2020.csv)
constexpr auto kCcc2017 =
    "date,locality,state,location_detail,online,type,title,macroevent,actors,organizations,"
    "participants,claims,valence,issues,size_text,size_low,size_high,arrests,injuries_crowd,"
    "injuries_police,property_damage_crowd,property_damage_police,chemical_agents,source_1,"
    "source_2,source_3,source_4,source_5,source_6,source_7,source_8,source_9,source_10,"
    "source_11,source_12,source_13,source_14,source_15,source_16,source_17,source_18,source_19,"
    "source_20,source_21,source_22,source_23,source_24,source_25,source_26,source_27,source_28,"
    "source_29,source_30,notes,lat,lon,resolved_locality,resolved_county,resolved_state,"
    "fips_code";

// CCC 2021–2024: the same core, with a "location" column, *_any flags and measures/deaths.
constexpr auto kCcc2021 =
    "date,locality,state,location,location_detail,online,type,title,macroevent,organizations,"
    "participants,claims,valence,issues,size_text,size_low,size_high,size_mean,size_cat,"
    "arrests,arrests_any,injuries_crowd,injuries_crowd_any,injuries_police,"
    "injuries_police_any,property_damage,property_damage_any,chemical_agents,"
    "participant_measures,police_measures,participant_deaths,police_deaths,misconduct,"
    "counter_protest,motive,source_1,source_2,source_3,notes,lat,lon,resolved_locality,"
    "resolved_county,resolved_state,fips_code";

// CCC 2025 as assumed: event_type for type; a BOM and other capitalisation to be tolerated.
constexpr auto kCcc2025 = "\xEF\xBB\xBF"
                          "Date,Locality,State,Location_Detail,Online,Event_Type,Title,"
                          "Organizations,Participants,Claims,Issues,Size_Text,Size_Low,"
                          "Size_High,Arrests,Source_1,Source_2,Notes,Lat,Lon";

constexpr auto kAcled =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp";

constexpr auto kCountLove =
    "Date,Location,Attendees,Event (legacy; see tags),Tags,Curated,Source,Total Articles";

constexpr auto kMassMobilization =
    "id,country,ccode,year,region,protest,protestnumber,startday,startmonth,startyear,endday,"
    "endmonth,endyear,protesterviolence,location,participants_category,participants,"
    "protesteridentity,protesterdemand1,protesterdemand2,protesterdemand3,protesterdemand4,"
    "stateresponse1,stateresponse2,stateresponse3,stateresponse4,stateresponse5,"
    "stateresponse6,stateresponse7,sources,notes";

QStringList splitHeader(const char *line)
{
    return QString::fromUtf8(line).split(u',');
}

// Expectations are "header=field" (the column with that header maps to that field) or
// "field:1,2" (columnsFor(field) lists exactly those columns; "field:" for none).
void checkExpectations(const Mapping &m, const QStringList &expectations)
{
    for (const QString &expectation : expectations) {
        const qsizetype eq = expectation.indexOf(u'=');
        if (eq > 0) {
            const QString header = expectation.left(eq);
            const std::optional<Field> field = fieldFromName(expectation.mid(eq + 1));
            QVERIFY2(field, qPrintable(expectation));
            const auto rule =
                std::find_if(m.columns.cbegin(), m.columns.cend(), [&](const ColumnRule &r) {
                    return normalizedHeader(r.header) == normalizedHeader(header);
                });
            QVERIFY2(rule != m.columns.cend(), qPrintable(expectation));
            QCOMPARE(fieldName(rule->field), fieldName(*field));
            continue;
        }
        const qsizetype colon = expectation.indexOf(u':');
        QVERIFY2(colon > 0, qPrintable(expectation));
        const std::optional<Field> field = fieldFromName(expectation.left(colon));
        QVERIFY2(field, qPrintable(expectation));
        QList<int> expected;
        const QString list = expectation.mid(colon + 1);
        if (!list.isEmpty()) {
            for (const QString &number : list.split(u','))
                expected.append(number.toInt());
        }
        QCOMPARE(m.columnsFor(*field), expected);
    }
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &contents)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        return {};
    return path;
}

} // namespace

class TestColumnMapping : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void presetNames_data();
    void presetNames();
    void detectFromHeader_data();
    void detectFromHeader();
    void presetOptions();
    void gdeltCsvHeader();
    void gdeltHeaderless();
    void headerlessOther_data();
    void headerlessOther();
    void synonyms_data();
    void synonyms();
    void dateOrderHint_data();
    void dateOrderHint();
    void commaLists();
    void hxlTags_data();
    void hxlTags();
    void hxlTagsFillIgnoredColumns();
    void genericFirstWins();
    void jsonRoundTrip();
    void malformedJson();
    void invalidMapping_data();
    void invalidMapping();
};

void TestColumnMapping::presetNames_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<QString>("name");
    QTest::newRow("generic") << int(PresetId::Generic) << QStringLiteral("generic");
    QTest::newRow("ccc") << int(PresetId::Ccc) << QStringLiteral("ccc");
    QTest::newRow("acled") << int(PresetId::Acled) << QStringLiteral("acled");
    QTest::newRow("countlove") << int(PresetId::CountLove) << QStringLiteral("countlove");
    QTest::newRow("gdelt") << int(PresetId::Gdelt) << QStringLiteral("gdelt");
    QTest::newRow("mm") << int(PresetId::MassMobilization) << QStringLiteral("mm");
}

void TestColumnMapping::presetNames()
{
    QFETCH(int, preset);
    QFETCH(QString, name);
    const auto id = static_cast<PresetId>(preset);
    QCOMPARE(presetName(id), name);
    QCOMPARE(presetFromName(name), std::optional<PresetId>(id));
    QCOMPARE(presetFromName(name.toUpper()), std::optional<PresetId>(id));
    QCOMPARE(presetFromName(u"ccc2017"), std::nullopt);
}

void TestColumnMapping::detectFromHeader_data()
{
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QStringList>("expectations");

    QTest::newRow("ccc 2017") << splitHeader(kCcc2017) << QStringLiteral("ccc")
                              << QStringLiteral("ccc-2017")
                              << QStringList{
                                     QStringLiteral("date=date"),
                                     QStringLiteral("locality=locality"),
                                     QStringLiteral("state=admin1"),
                                     QStringLiteral("location_detail=place"),
                                     QStringLiteral("online=online"),
                                     QStringLiteral("type=event_type"),
                                     QStringLiteral("title=title"),
                                     QStringLiteral("macroevent=ignore"),
                                     QStringLiteral("participants=participants"),
                                     QStringLiteral("claims=claims"),
                                     QStringLiteral("valence=ignore"),
                                     QStringLiteral("issues=issues"),
                                     QStringLiteral("size_text=size_text"),
                                     QStringLiteral("arrests=arrests"),
                                     QStringLiteral("chemical_agents=ignore"),
                                     QStringLiteral("source_30=source"),
                                     QStringLiteral("notes=notes"),
                                     QStringLiteral("resolved_locality=ignore"),
                                     QStringLiteral("resolved_county=admin2"),
                                     QStringLiteral("fips_code=ignore"),
                                     QStringLiteral("organisers:8,9"),
                                     QStringLiteral("size_low:15"),
                                     QStringLiteral("size_high:16"),
                                     QStringLiteral("injuries:18,19"),
                                     QStringLiteral("property_damage:20,21"),
                                     QStringLiteral("latitude:54"),
                                     QStringLiteral("longitude:55"),
                                     QStringLiteral("source:23,24,25,26,27,28,29,30,31,32,"
                                                    "33,34,35,36,37,38,39,40,41,42,43,44,"
                                                    "45,46,47,48,49,50,51,52"),
                                 };
    QTest::newRow("ccc 2021") << splitHeader(kCcc2021) << QStringLiteral("ccc")
                              << QStringLiteral("ccc-2021")
                              << QStringList{
                                     QStringLiteral("location=ignore"),
                                     QStringLiteral("location_detail=place"),
                                     QStringLiteral("organizations=organisers"),
                                     QStringLiteral("size_mean=ignore"),
                                     QStringLiteral("arrests_any=ignore"),
                                     QStringLiteral("injuries_crowd_any=ignore"),
                                     QStringLiteral("property_damage=property_damage"),
                                     QStringLiteral("property_damage_any=ignore"),
                                     QStringLiteral("participant_deaths=deaths"),
                                     QStringLiteral("police_deaths=deaths"),
                                     QStringLiteral("counter_protest=ignore"),
                                     QStringLiteral("injuries:21,23"),
                                     QStringLiteral("source:35,36,37"),
                                     QStringLiteral("place:4"),
                                 };
    QTest::newRow("ccc 2025") << splitHeader(kCcc2025) << QStringLiteral("ccc")
                              << QStringLiteral("ccc-2025")
                              << QStringList{
                                     QStringLiteral("date=date"),
                                     QStringLiteral("event_type=event_type"),
                                     QStringLiteral("organizations=organisers"),
                                     QStringLiteral("size_text=size_text"),
                                     QStringLiteral("date:0"),
                                     QStringLiteral("place:3"),
                                     QStringLiteral("source:15,16"),
                                     QStringLiteral("latitude:18"),
                                     QStringLiteral("longitude:19"),
                                 };
    QTest::newRow("acled") << splitHeader(kAcled) << QStringLiteral("acled") << QString()
                           << QStringList{
                                  QStringLiteral("event_id_cnty=external_id"),
                                  QStringLiteral("event_date=date"),
                                  QStringLiteral("year=ignore"),
                                  QStringLiteral("time_precision=date_precision"),
                                  QStringLiteral("event_type=ignore"),
                                  QStringLiteral("sub_event_type=event_type"),
                                  QStringLiteral("actor2=ignore"),
                                  QStringLiteral("iso=ignore"),
                                  QStringLiteral("region=ignore"),
                                  QStringLiteral("country=country"),
                                  QStringLiteral("admin1=admin1"),
                                  QStringLiteral("admin2=admin2"),
                                  QStringLiteral("admin3=ignore"),
                                  QStringLiteral("location=locality"),
                                  QStringLiteral("geo_precision=geo_precision"),
                                  QStringLiteral("source=source"),
                                  QStringLiteral("source_scale=ignore"),
                                  QStringLiteral("notes=notes"),
                                  QStringLiteral("fatalities=deaths"),
                                  QStringLiteral("tags=tags"),
                                  QStringLiteral("timestamp=ignore"),
                                  QStringLiteral("organisers:7,8"),
                                  QStringLiteral("latitude:22"),
                                  QStringLiteral("longitude:23"),
                                  QStringLiteral("place:"),
                              };
    QTest::newRow("count love")
        << splitHeader(kCountLove) << QStringLiteral("countlove") << QString()
        << QStringList{
               QStringLiteral("date:0"),         QStringLiteral("place:1"),
               QStringLiteral("size_text:2"),    QStringLiteral("title:3"),
               QStringLiteral("tags:4"),         QStringLiteral("source:6"),
               QStringLiteral("Curated=ignore"), QStringLiteral("Total Articles=ignore"),
           };
    QTest::newRow("mass mobilization")
        << splitHeader(kMassMobilization) << QStringLiteral("mm") << QString()
        << QStringList{
               QStringLiteral("id=external_id"),
               QStringLiteral("country=country"),
               QStringLiteral("ccode=ignore"),
               QStringLiteral("year=ignore"),
               QStringLiteral("region=ignore"),
               QStringLiteral("protest=ignore"),
               QStringLiteral("startday=day"),
               QStringLiteral("startmonth=month"),
               QStringLiteral("startyear=year"),
               QStringLiteral("endday=end_day"),
               QStringLiteral("endmonth=end_month"),
               QStringLiteral("endyear=end_year"),
               QStringLiteral("location=place"),
               QStringLiteral("participants_category=ignore"),
               QStringLiteral("participants=size_text"),
               QStringLiteral("protesteridentity=participants"),
               QStringLiteral("stateresponse1=ignore"),
               QStringLiteral("sources=source"),
               QStringLiteral("notes=notes"),
               QStringLiteral("issues:18,19,20,21"),
               QStringLiteral("claims:"),
           };
    QTest::newRow("generic")
        << QStringList{QStringLiteral("Event Date"), QStringLiteral("City"),
                       QStringLiteral("State"),      QStringLiteral("Crowd Size"),
                       QStringLiteral("Latitude"),   QStringLiteral("Longitude"),
                       QStringLiteral("Whatever")}
        << QStringLiteral("generic") << QString()
        << QStringList{
               QStringLiteral("Event Date=date"),   QStringLiteral("City=locality"),
               QStringLiteral("State=admin1"),      QStringLiteral("Crowd Size=size_text"),
               QStringLiteral("Latitude=latitude"), QStringLiteral("Longitude=longitude"),
               QStringLiteral("Whatever=ignore"),
           };
    // CCC core columns without size_text are not enough for the CCC preset.
    QTest::newRow("ccc-like but not ccc")
        << QStringList{QStringLiteral("date"), QStringLiteral("locality"), QStringLiteral("state"),
                       QStringLiteral("issues"), QStringLiteral("title")}
        << QStringLiteral("generic") << QString()
        << QStringList{QStringLiteral("issues=issues"), QStringLiteral("title=title")};
}

void TestColumnMapping::detectFromHeader()
{
    QFETCH(QStringList, header);
    QFETCH(QString, preset);
    QFETCH(QString, variant);
    QFETCH(QStringList, expectations);

    const Mapping m = detectMapping(header, true, u',');
    QCOMPARE(presetName(m.preset), preset);
    QCOMPARE(m.presetVariant, variant);
    QCOMPARE(m.columns.size(), header.size());
    for (qsizetype i = 0; i < m.columns.size(); ++i) {
        QCOMPARE(m.columns.at(i).column, int(i));
        QCOMPARE(m.columns.at(i).header, header.at(i));
    }
    checkExpectations(m, expectations);
    if (QTest::currentTestFailed())
        return;

    // The named preset gives the same mapping as detection.
    QCOMPARE(presetMapping(m.preset, header, true), m);
}

void TestColumnMapping::presetOptions()
{
    const Mapping ccc = detectMapping(splitHeader(kCcc2017), true, u',');
    QCOMPARE(ccc.splitOnComma, false);
    QCOMPARE(ccc.dateOrder, QString());
    QCOMPARE(ccc.keepEventCodes, QStringList());
    QCOMPARE(ccc.geoPrecisionScheme, QString());
    QCOMPARE(ccc.sizeInTags, QString());

    const Mapping acled = detectMapping(splitHeader(kAcled), true, u',');
    QCOMPARE(acled.geoPrecisionScheme, QStringLiteral("acled"));
    QCOMPARE(acled.sizeInTags, QStringLiteral("crowd size="));
    QCOMPARE(acled.countryCodeScheme, QString());
    QCOMPARE(acled.splitOnComma, false);

    const Mapping countLove = detectMapping(splitHeader(kCountLove), true, u',');
    QCOMPARE(countLove.splitOnComma, false); // tags are separated by "; "

    const Mapping mm = detectMapping(splitHeader(kMassMobilization), true, u',');
    QCOMPARE(mm.splitOnComma, false); // demands such as "political behavior, process"
}

void TestColumnMapping::gdeltCsvHeader()
{
    QFile file(QStringLiteral(PLACARD_SOURCE_DIR "/../shared/data/gdelt2_events_sample.csv"));
    if (!file.open(QIODevice::ReadOnly))
        QSKIP("shared GDELT sample not available");
    const QStringList header = QString::fromUtf8(file.readLine().trimmed()).split(u',');
    QCOMPARE(header.size(), 62);

    const Mapping m = detectMapping(header, true, u',');
    QCOMPARE(m.preset, PresetId::Gdelt);
    QCOMPARE(m.presetVariant, QStringLiteral("gdelt-csv"));
    QCOMPARE(m.keepEventCodes, QStringList{QStringLiteral("14")});
    QCOMPARE(m.geoPrecisionScheme, QStringLiteral("gdelt"));
    QCOMPARE(m.countryCodeScheme, QStringLiteral("fips"));
    checkExpectations(m,
                      {
                          QStringLiteral("GLOBALEVENTID=external_id"),
                          QStringLiteral("SQLDATE=date"),
                          QStringLiteral("Year=ignore"),
                          QStringLiteral("Actor1Name=organisers"),
                          QStringLiteral("EventCode=ignore"),
                          QStringLiteral("CAMEOCodeDescription=event_type"),
                          QStringLiteral("EventRootCode=event_code"),
                          QStringLiteral("Actor1Geo_Lat=ignore"),
                          QStringLiteral("ActionGeo_Type=geo_precision"),
                          QStringLiteral("ActionGeo_FullName=place"),
                          QStringLiteral("ActionGeo_CountryCode=country"),
                          QStringLiteral("ActionGeo_ADM1Code=admin1"),
                          QStringLiteral("ActionGeo_ADM2Code=ignore"),
                          QStringLiteral("SOURCEURL=source"),
                          QStringLiteral("external_id:0"),
                          QStringLiteral("event_type:27"),
                          QStringLiteral("event_code:29"),
                          QStringLiteral("latitude:57"),
                          QStringLiteral("longitude:58"),
                          QStringLiteral("source:61"),
                          QStringLiteral("organisers:6"),
                      });
    QCOMPARE(presetLayout(PresetId::Gdelt, QStringLiteral("gdelt-csv")), header);
}

void TestColumnMapping::gdeltHeaderless()
{
    QStringList fields(61);
    fields[0] = QStringLiteral("1228000001");
    fields[1] = QStringLiteral("20250301");
    fields[6] = QStringLiteral("PROTESTER");
    fields[26] = QStringLiteral("141");
    fields[28] = QStringLiteral("14");
    fields[51] = QStringLiteral("4");
    fields[52] = QStringLiteral("Paris, Ile-de-France, France");
    fields[53] = QStringLiteral("FR");
    fields[56] = QStringLiteral("48.8667");
    fields[57] = QStringLiteral("2.33333");
    fields[60] = QStringLiteral("https://example.org/story");
    const QStringList record = fields.join(u'\t').split(u'\t');
    QCOMPARE(record.size(), 61);

    const Mapping m = detectMapping({}, false, u'\t', record);
    QCOMPARE(m.preset, PresetId::Gdelt);
    QCOMPARE(m.presetVariant, QStringLiteral("gdelt-headerless"));
    QCOMPARE(m.columns.size(), 61);
    QCOMPARE(m.columns.at(28).header, QStringLiteral("EventRootCode"));
    checkExpectations(m,
                      {
                          QStringLiteral("external_id:0"),
                          QStringLiteral("date:1"),
                          QStringLiteral("organisers:6"),
                          QStringLiteral("event_code:28"),
                          QStringLiteral("event_type:"),
                          QStringLiteral("geo_precision:51"),
                          QStringLiteral("place:52"),
                          QStringLiteral("country:53"),
                          QStringLiteral("admin1:54"),
                          QStringLiteral("latitude:56"),
                          QStringLiteral("longitude:57"),
                          QStringLiteral("source:60"),
                      });
    QCOMPARE(m.keepEventCodes, QStringList{QStringLiteral("14")});

    // The same record with the wrong delimiter or one field short is not GDELT.
    QCOMPARE(detectMapping({}, false, u',', record).preset, PresetId::Generic);
    QCOMPARE(detectMapping({}, false, u'\t', record.mid(1)).preset, PresetId::Generic);
}

void TestColumnMapping::headerlessOther_data()
{
    QTest::addColumn<QStringList>("record");
    QTest::addColumn<QChar>("delimiter");
    QTest::newRow("three fields") << QStringList{QStringLiteral("2025-03-01"),
                                                 QStringLiteral("Paris"), QStringLiteral("200")}
                                  << QChar(u',');
    QStringList notGdelt(61, QStringLiteral("x"));
    QTest::newRow("61 fields, not GDELT data") << notGdelt << QChar(u'\t');
}

void TestColumnMapping::headerlessOther()
{
    QFETCH(QStringList, record);
    QFETCH(QChar, delimiter);
    const Mapping m = detectMapping({}, false, delimiter, record);
    QCOMPARE(m.preset, PresetId::Generic);
    QCOMPARE(m.columns.size(), record.size());
    for (qsizetype i = 0; i < m.columns.size(); ++i)
        QCOMPARE(m.columns.at(i), (ColumnRule{int(i), QString(), Field::Ignore}));
}

void TestColumnMapping::synonyms_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("field");
    const struct {
        const char *header;
        const char *field;
    } rows[] = {
        {"Event Date", "date"},
        {"event_date", "date"},
        {"Date (dd/mm/yyyy)", "date"},
        {"Latitude (WGS84)", "latitude"},
        {"Map link", "coordinates"},
        {"Number of participants", "size_text"},
        {"participants_estimate", "size_text"},
        {"Estimated crowd size", "size_text"},
        {"high_estimate", "size_high"},
        {"Participants", "participants"},
        {"Protest Name", "title"},
        {"Peak Size", "size_text"},
        {"Key Participants", "participants"},
        {"Motivations", "claims"},
        {"Google Maps", "coordinates"},
        {"Longitude [deg]", "longitude"},
        {"Size (low)", "size_low"},
        {"(note) City", "locality"},
        {"Size (est.", "ignore"},
        {"(unknown)", "ignore"},
        {"DATE", "date"},
        {"\xEF\xBB\xBF"
         "date",
         "date"},
        {"\xC3\xAF\xC2\xBB\xC2\xBF"
         "Date",
         "date"},
        {"\"date\"", "date"},
        {"lat", "latitude"},
        {"Latitude", "latitude"},
        {"y", "latitude"},
        {"lon", "longitude"},
        {"lng", "longitude"},
        {"LONG", "longitude"},
        {"longitude", "longitude"},
        {"x", "longitude"},
        {"geometry", "coordinates"},
        {"WKT", "coordinates"},
        {"city", "locality"},
        {"Town", "locality"},
        {"locality", "locality"},
        {"CityTown", "locality"},
        {"state", "admin1"},
        {"Province", "admin1"},
        {"region", "admin1"},
        {"admin1", "admin1"},
        {"StateTerritory", "admin1"},
        {"county", "admin2"},
        {"ADMIN2", "admin2"},
        {"country", "country"},
        {"Nation", "country"},
        {"location", "place"},
        {"place", "place"},
        {"Where", "place"},
        {"Location", "place"},
        {"title", "title"},
        {"Name", "title"},
        {"event", "title"},
        {"Headline", "title"},
        {"type", "event_type"},
        {"event_type", "event_type"},
        {"Category", "event_type"},
        {"size", "size_text"},
        {"crowd", "size_text"},
        {"Attendees", "size_text"},
        {"participants count", "size_text"},
        {"crowd_size", "size_text"},
        {"size_low", "size_low"},
        {"Size High", "size_high"},
        {"organizers", "organisers"},
        {"Organisers", "organisers"},
        {"organizations", "organisers"},
        {"actors", "organisers"},
        {"actor1", "organisers"},
        {"participants", "participants"},
        {"issues", "issues"},
        {"Topics", "issues"},
        {"tags", "tags"},
        {"claims", "claims"},
        {"Demands", "claims"},
        {"claim", "claims"},
        {"notes", "notes"},
        {"Description", "notes"},
        {"comments", "notes"},
        {"source", "source"},
        {"URL", "source"},
        {"link", "source"},
        {"source_1", "source"},
        {"source_30", "source"},
        {"Sources", "source"},
        {"arrests", "arrests"},
        {"injuries", "injuries"},
        {"injuries_crowd", "injuries"},
        {"Injuries (police)", "injuries"},
        {"injuries_crowd_any", "ignore"},
        {"deaths", "deaths"},
        {"Fatalities", "deaths"},
        {"killed", "deaths"},
        {"property_damage", "property_damage"},
        {"property_damage_crowd", "property_damage"},
        {"online", "online"},
        {"end_date", "end_date"},
        {"EndDate", "end_date"},
        {"status", "status"},
        {"id", "external_id"},
        {"Event ID", "external_id"},
        {"event_code", "event_code"},
        {"source_x", "ignore"},
        {"colour", "ignore"},
        // Other languages, with and without their accents.
        {"Datum", "date"},
        {"Fecha", "date"},
        {"Länge", "longitude"},
        {"Laenge", "longitude"},
        {"Breite", "latitude"},
        {"Latitud", "latitude"},
        {"Ort", "place"},
        {"Lieu", "place"},
        {"Ciudad", "locality"},
        {"Città", "locality"},
        {"País", "country"},
        {"Pays", "country"},
        {"Bundesland", "admin1"},
        {"Département", "admin2"},
        {"Teilnehmer", "size_text"},
        {"Nombre de participants", "size_text"},
        {"Titel", "title"},
        {"Título", "title"},
        {"Veranstalter", "organisers"},
        {"Forderungen", "claims"},
        {"Quelle", "source"},
        {"Beschreibung", "notes"},
        {"Descripción", "notes"},
        {"Data", "ignore"}, // a date in Portuguese and Italian, anything in English
        {"Land", "ignore"},
        {"", "ignore"},
        {"  ", "ignore"},
    };
    for (const auto &row : rows) {
        QTest::addRow("[%s]", row.header)
            << QString::fromUtf8(row.header) << QString::fromLatin1(row.field);
    }
}

void TestColumnMapping::synonyms()
{
    QFETCH(QString, header);
    QFETCH(QString, field);
    QCOMPARE(fieldName(fieldForHeader(header)), field);
}

void TestColumnMapping::dateOrderHint_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("order");
    QTest::newRow("dd/mm/yyyy") << u"Date (dd/mm/yyyy)"_s << u"dmy"_s;
    QTest::newRow("German") << u"Datum (TT.MM.JJJJ)"_s << u"dmy"_s;
    QTest::newRow("French") << u"date JJ/MM/AAAA"_s << u"dmy"_s;
    QTest::newRow("Italian") << u"data [gg-mm-aaaa]"_s << u"dmy"_s;
    QTest::newRow("MM/DD/YYYY") << u"Event date (MM/DD/YYYY)"_s << u"mdy"_s;
    QTest::newRow("no separators") << u"date ddmmyyyy"_s << u"dmy"_s;
    QTest::newRow("year first") << u"date (yyyy-mm-dd)"_s << QString();
    QTest::newRow("German year first") << u"Datum JJJJ-MM-TT"_s << QString();
    QTest::newRow("no hint") << u"date"_s << QString();
    QTest::newRow("summary is no hint") << u"summary"_s << QString();
}

void TestColumnMapping::dateOrderHint()
{
    QFETCH(QString, header);
    QFETCH(QString, order);
    QCOMPARE(placard::io::dateOrderHint(header), order);
    // The mapping of a header with that date column carries the order.
    const Mapping m = detectMapping({header, u"city"_s}, true, u',');
    if (fieldForHeader(header) == Field::Date)
        QCOMPARE(m.dateOrder, order);
}

void TestColumnMapping::commaLists()
{
    const QStringList header{u"date"_s, u"issues"_s, u"organisers"_s, u"notes"_s};
    const auto decided = [&](const QList<QStringList> &records, bool *split) {
        Mapping m = genericMapping(header);
        const bool changed = decideCommaLists(m, records);
        *split = m.splitOnComma;
        return changed;
    };
    bool split = false;
    // Commas in a list column, no ';' or '|' anywhere in them: commas separate values.
    QVERIFY(decided({{u"2026-01-30"_s, u"climate, youth"_s, u"FFF"_s, u"a, b"_s},
                     {u"2026-01-31"_s, u"housing"_s, u""_s, u""_s}},
                    &split));
    QVERIFY(split);
    // One ';' in a list column: the file separates with ';', and its commas are text.
    QVERIFY(!decided({{u"2026-01-30"_s, u"climate, youth"_s, u"FFF"_s, u""_s},
                      {u"2026-01-31"_s, u"housing; rent"_s, u""_s, u""_s}},
                     &split));
    QVERIFY(!split);
    QVERIFY(!decided({{u"2026-01-30"_s, u"climate"_s, u"Unions | Students"_s, u""_s},
                      {u"2026-01-31"_s, u"a, b"_s, u""_s, u""_s}},
                     &split));
    QVERIFY(!split);
    // Commas only outside list columns (notes): nothing to split.
    QVERIFY(!decided({{u"2026-01-30"_s, u"climate"_s, u"FFF"_s, u"a, b"_s}}, &split));
    QVERIFY(!split);
    // A preset decides for itself.
    Mapping ccc = presetMapping(PresetId::Ccc, {u"date"_s, u"issues"_s}, true);
    QVERIFY(!decideCommaLists(ccc, {{u"2026-01-30"_s, u"a, b"_s}}));
    QVERIFY(!ccc.splitOnComma);
}

void TestColumnMapping::hxlTags_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("field");
    const struct {
        const char *tag;
        const char *field;
    } rows[] = {
        {"#date", "date"},
        {"#date+start", "date"},
        {"#date +occurred", "date"},
        {"#date+end", "end_date"},
        {"#date+year", "ignore"},
        {"#date+reported", "ignore"},
        {"#event+type", "event_type"},
        {"#event+type+sub", "ignore"},
        {"#event+id", "external_id"},
        {"#event+code", "ignore"},
        {"#country+name", "country"},
        {"#country+code", "country"},
        {"#adm1+name", "admin1"},
        {"#ADM1 +Name", "admin1"},
        {"#adm1+code", "ignore"},
        {"#adm2+name", "admin2"},
        {"#loc+name", "locality"},
        {"#geo+lat", "latitude"},
        {"#geo+lon", "longitude"},
        {"#geo+coord", "coordinates"},
        {"#geo+precision", "ignore"},
        {"#affected+killed", "deaths"},
        {"#affected+injured", "injuries"},
        {"#description", "notes"},
        {"#org+name", "organisers"},
        {"#meta+source", "source"},
        {"#meta+url", "source"},
        {"#sector", "ignore"},
        {"date", "ignore"},
        {"", "ignore"},
    };
    for (const auto &row : rows)
        QTest::newRow(row.tag[0] ? row.tag : "empty")
            << QString::fromUtf8(row.tag) << QString::fromLatin1(row.field);
}

void TestColumnMapping::hxlTags()
{
    QFETCH(QString, tag);
    QFETCH(QString, field);
    QCOMPARE(fieldName(fieldForHxlTag(tag)), field);
}

void TestColumnMapping::hxlTagsFillIgnoredColumns()
{
    // Columns named in a way Placard does not know take their field from the tag; a
    // recognised column keeps its own, and a field already taken is not taken twice.
    Mapping m = genericMapping(
        {u"fecha_evento"_s, u"Breitengrad x"_s, u"lat"_s, u"lon"_s, u"region"_s, u"muertos"_s});
    QCOMPARE(m.columns.at(0).field, Field::Ignore);
    mapHxlTags(m,
               {u"#date"_s, u"#geo+lat"_s, u"#geo+lon"_s, u"#geo+lon"_s, u"#adm1+name"_s,
                u"#affected+killed"_s});
    const QList<Field> fields{Field::Date,      Field::Ignore, Field::Latitude,
                              Field::Longitude, Field::Admin1, Field::Deaths};
    for (qsizetype i = 0; i < fields.size(); ++i)
        QCOMPARE(m.columns.at(i).field, fields.at(i));
    // Fewer tags than columns: the rest stay as they are.
    Mapping few = genericMapping({u"x1"_s, u"x2"_s});
    mapHxlTags(few, {u"#date"_s});
    QCOMPARE(few.columns.at(0).field, Field::Date);
    QCOMPARE(few.columns.at(1).field, Field::Ignore);
}

void TestColumnMapping::genericFirstWins()
{
    const QStringList header = {QStringLiteral("lat"),        QStringLiteral("Latitude"),
                                QStringLiteral("Organizers"), QStringLiteral("actors"),
                                QStringLiteral("date"),       QStringLiteral("Event Date"),
                                QStringLiteral("url"),        QStringLiteral("source_2")};
    const Mapping m = genericMapping(header);
    QCOMPARE(m.preset, PresetId::Generic);
    QCOMPARE(m.columnsFor(Field::Latitude), QList<int>{0});
    QCOMPARE(m.columns.at(1).field, Field::Ignore);
    QCOMPARE(m.columnsFor(Field::Organisers), (QList<int>{2, 3}));
    QCOMPARE(m.columnsFor(Field::Date), QList<int>{4});
    QCOMPARE(m.columnsFor(Field::Source), (QList<int>{6, 7}));
    QCOMPARE(m.columnsFor(Field::Ignore), (QList<int>{1, 5}));
    QCOMPARE(detectMapping(header, true, u','), m);
}

void TestColumnMapping::jsonRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    Mapping custom = genericMapping(
        {QStringLiteral("Datum"), QStringLiteral("Ort"), QStringLiteral("Teilnehmende")});
    custom.columns[0].field = Field::Date;
    custom.columns[1].field = Field::Place;
    custom.columns[2].field = Field::SizeText;
    custom.splitOnComma = true;
    custom.dateOrder = QStringLiteral("dmy");
    custom.countryCodeScheme = QStringLiteral("iso");

    const QList<Mapping> mappings = {
        detectMapping(splitHeader(kAcled), true, u','),
        detectMapping(splitHeader(kCcc2021), true, u','),
        presetMapping(PresetId::Gdelt, QStringList(61), false),
        custom,
        Mapping{},
    };
    for (const Mapping &m : mappings) {
        const QString path = dir.filePath(QStringLiteral("mapping.json"));
        QString error;
        QVERIFY2(m.save(path, &error), qPrintable(error));
        const std::optional<Mapping> loaded = Mapping::load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(*loaded, m);
        QCOMPARE(loaded->toJson(), m.toJson());
    }

    const QJsonObject json = mappings.first().toJson();
    QCOMPARE(json.value(QLatin1StringView("format")).toString(),
             QStringLiteral("placard-column-mapping"));
    QCOMPARE(json.value(QLatin1StringView("preset")).toString(), QStringLiteral("acled"));
    QCOMPARE(json.value(QLatin1StringView("columns")).toArray().at(1).toObject(),
             (QJsonObject{{QLatin1StringView("column"), 1},
                          {QLatin1StringView("header"), QStringLiteral("event_date")},
                          {QLatin1StringView("field"), QStringLiteral("date")}}));
}

void TestColumnMapping::malformedJson()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path =
        writeFile(dir, QStringLiteral("broken.json"), R"({"preset": "ccc", "columns": [)");
    QVERIFY(!path.isEmpty());
    QString error;
    QCOMPARE(Mapping::load(path, &error), std::nullopt);
    QVERIFY2(error.startsWith(path + QStringLiteral(" is not valid JSON: ")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("at offset")), qPrintable(error));

    const QString array = writeFile(dir, QStringLiteral("array.json"), "[1, 2]");
    QCOMPARE(Mapping::load(array, &error), std::nullopt);
    QCOMPARE(error, array + QStringLiteral(" is not a column mapping: expected a JSON object"));

    const QString missing = dir.filePath(QStringLiteral("missing.json"));
    QCOMPARE(Mapping::load(missing, &error), std::nullopt);
    QVERIFY2(error.startsWith(QStringLiteral("cannot read ") + missing), qPrintable(error));

    const QString unknown =
        writeFile(dir, QStringLiteral("unknown.json"),
                  R"({"columns": [{"column": 0, "header": "Farbe", "field": "colour"}]})");
    QCOMPARE(Mapping::load(unknown, &error), std::nullopt);
    QCOMPARE(error, unknown + QStringLiteral(": column 1 (\"Farbe\"): unknown field \"colour\""));
}

void TestColumnMapping::invalidMapping_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown field")
        << QByteArray(R"({"columns": [{"header": "date", "field": "date"},
                                      {"header": "Farbe", "field": "colour"}]})")
        << QStringLiteral("column 2 (\"Farbe\"): unknown field \"colour\"");
    QTest::newRow("field not a string")
        << QByteArray(R"({"columns": [{"field": 3}]})")
        << QStringLiteral("column 1: \"field\" must be a field name");
    QTest::newRow("unknown preset") << QByteArray(R"({"preset": "ccc2030", "columns": []})")
                                    << QStringLiteral("unknown preset \"ccc2030\"");
    QTest::newRow("no columns") << QByteArray(R"({"preset": "ccc"})")
                                << QStringLiteral("\"columns\" must be an array of column rules");
    QTest::newRow("negative column")
        << QByteArray(R"({"columns": [{"column": -1, "field": "date"}]})")
        << QStringLiteral("column rule 1: \"column\" must be a non-negative whole number");
    QTest::newRow("fractional column")
        << QByteArray(R"({"columns": [{"column": 1.5, "field": "date"}]})")
        << QStringLiteral("column rule 1: \"column\" must be a non-negative whole number");
    QTest::newRow("duplicate column") << QByteArray(R"({"columns": [
            {"column": 0, "field": "date"}, {"column": 0, "field": "title"}]})")
                                      << QStringLiteral("column 1 has more than one rule");
    QTest::newRow("one-column field twice") << QByteArray(R"({"columns": [
            {"field": "date"}, {"field": "title"}, {"field": "date"}]})")
                                            << QStringLiteral("field \"date\" is mapped to "
                                                              "columns 1 and 3 but takes one "
                                                              "column");
    QTest::newRow("bad date order")
        << QByteArray(R"({"columns": [], "dateOrder": "ymd"})")
        << QStringLiteral("unknown dateOrder \"ymd\" (expected one of \"\", \"mdy\", \"dmy\")");
    QTest::newRow("bad geo scheme")
        << QByteArray(R"({"columns": [], "geoPrecisionScheme": "osm"})")
        << QStringLiteral("unknown geoPrecisionScheme \"osm\" (expected one of \"\", \"gdelt\", "
                          "\"acled\")");
    QTest::newRow("split not bool") << QByteArray(R"({"columns": [], "splitOnComma": "yes"})")
                                    << QStringLiteral("\"splitOnComma\" must be true or false");
    QTest::newRow("codes not strings")
        << QByteArray(R"({"columns": [], "keepEventCodes": [14]})")
        << QStringLiteral("\"keepEventCodes\" must be an array of strings");
    QTest::newRow("other format") << QByteArray(R"({"format": "qgis-style", "columns": []})")
                                  << QStringLiteral(
                                         "not a Placard column mapping (format \"qgis-style\")");
    QTest::newRow("newer version")
        << QByteArray(R"({"version": 2, "columns": []})")
        << QStringLiteral("mapping version 2 is newer than this Placard reads (1)");
}

void TestColumnMapping::invalidMapping()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QString message;
    QCOMPARE(Mapping::fromJson(document.object(), &message), std::nullopt);
    QCOMPARE(message, error);
    // A null error pointer is allowed.
    QCOMPARE(Mapping::fromJson(document.object(), nullptr), std::nullopt);
}

QTEST_GUILESS_MAIN(TestColumnMapping)
#include "tst_columnmapping.moc"
