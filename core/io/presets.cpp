// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/presets.h"

#include <QSet>

#include <span>

namespace placard::io {

namespace {

struct PresetColumn {
    const char *key; // normalised header
    Field field;
};

// Columns each preset knows, keyed by normalizedHeader(). Field::Ignore marks a known column
// that is deliberately not imported (so the generic synonyms do not pick it up).

constexpr PresetColumn kCccColumns[] = {
    {"date", Field::Date},
    {"locality", Field::Locality},
    {"state", Field::Admin1},
    {"locationdetail", Field::Place},
    {"online", Field::Online},
    {"type", Field::EventType},
    {"eventtype", Field::EventType},
    {"title", Field::Title},
    {"macroevent", Field::Ignore},
    {"actors", Field::Organisers},
    {"organizations", Field::Organisers},
    {"participants", Field::Participants},
    {"claims", Field::Claims},
    {"valence", Field::Ignore},
    {"issues", Field::Issues},
    {"sizetext", Field::SizeText},
    {"sizelow", Field::SizeLow},
    {"sizehigh", Field::SizeHigh},
    {"sizemean", Field::Ignore},
    {"sizecat", Field::Ignore},
    {"arrests", Field::Arrests},
    {"arrestsany", Field::Ignore},
    {"injuriescrowd", Field::Injuries},
    {"injuriespolice", Field::Injuries},
    {"participantinjuries", Field::Injuries},
    {"policeinjuries", Field::Injuries},
    {"injuriescrowdany", Field::Ignore},
    {"injuriespoliceany", Field::Ignore},
    {"propertydamagecrowd", Field::PropertyDamage},
    {"propertydamagepolice", Field::PropertyDamage},
    {"propertydamage", Field::PropertyDamage},
    {"propertydamageany", Field::Ignore}, // a 0/1 summary of the columns above
    {"chemicalagents", Field::Ignore},
    {"participantmeasures", Field::Ignore},
    {"policemeasures", Field::Ignore},
    {"participantdeaths", Field::Deaths},
    {"policedeaths", Field::Deaths}, // deaths are summed over both columns
    {"misconduct", Field::Ignore},
    {"counterprotest", Field::Ignore},
    {"motive", Field::Ignore},
    {"notes", Field::Notes},
    {"lat", Field::Latitude},
    {"lon", Field::Longitude},
    {"resolvedlocality", Field::Ignore},
    {"resolvedcounty", Field::Admin2},
    {"resolvedstate", Field::Ignore},
    {"fipscode", Field::Ignore},
};

constexpr PresetColumn kAcledColumns[] = {
    {"eventidcnty", Field::ExternalId},
    {"eventdate", Field::Date},
    {"timeprecision", Field::DatePrecision},
    {"subeventtype", Field::EventType},
    {"actor1", Field::Organisers},
    {"assocactor1", Field::Organisers},
    {"country", Field::Country},
    {"admin1", Field::Admin1},
    {"admin2", Field::Admin2},
    {"location", Field::Locality},
    {"latitude", Field::Latitude},
    {"longitude", Field::Longitude},
    {"geoprecision", Field::GeoPrecision},
    {"source", Field::Source},
    {"notes", Field::Notes},
    {"fatalities", Field::Deaths},
    {"tags", Field::Tags},
    // older exports
    {"eventidnocnty", Field::Ignore},
    {"dataid", Field::Ignore},
    {"iso3", Field::Ignore},
};

constexpr PresetColumn kCountLoveColumns[] = {
    {"date", Field::Date},          {"location", Field::Place},
    {"attendees", Field::SizeText}, {"eventlegacyseetags", Field::Title},
    {"event", Field::Title},        {"tags", Field::Tags},
    {"source", Field::Source},
};

constexpr PresetColumn kGdeltColumns[] = {
    {"globaleventid", Field::ExternalId},       {"sqldate", Field::Date},
    {"actor1name", Field::Organisers},          {"eventrootcode", Field::EventCode},
    {"cameocodedescription", Field::EventType}, {"actiongeotype", Field::GeoPrecision},
    {"actiongeofullname", Field::Place},        {"actiongeocountrycode", Field::Country},
    {"actiongeoadm1code", Field::Admin1},       {"actiongeolat", Field::Latitude},
    {"actiongeolong", Field::Longitude},        {"sourceurl", Field::Source},
};

constexpr PresetColumn kMassMobilizationColumns[] = {
    {"id", Field::ExternalId},
    {"country", Field::Country},
    {"startday", Field::Day},
    {"startmonth", Field::Month},
    {"startyear", Field::Year},
    {"endday", Field::EndDay},
    {"endmonth", Field::EndMonth},
    {"endyear", Field::EndYear},
    {"location", Field::Place},
    {"participants", Field::SizeText},
    {"protesteridentity", Field::Participants},
    {"protesterdemand1", Field::Issues},
    {"protesterdemand2", Field::Issues},
    {"protesterdemand3", Field::Issues},
    {"protesterdemand4", Field::Issues},
    {"sources", Field::Source},
    {"notes", Field::Notes},
};

// Fixed layouts, as the datasets document them.

constexpr const char *kAcledLayout[] = {
    "event_id_cnty", "event_date",     "year",     "time_precision", "disorder_type",
    "event_type",    "sub_event_type", "actor1",   "assoc_actor_1",  "inter1",
    "actor2",        "assoc_actor_2",  "inter2",   "interaction",    "civilian_targeting",
    "iso",           "region",         "country",  "admin1",         "admin2",
    "admin3",        "location",       "latitude", "longitude",      "geo_precision",
    "source",        "source_scale",   "notes",    "fatalities",     "tags",
    "timestamp",
};

constexpr const char *kCountLoveLayout[] = {
    "Date", "Location", "Attendees", "Event (legacy; see tags)",
    "Tags", "Curated",  "Source",    "Total Articles",
};

constexpr const char *kGdeltLayout[] = {
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
};
static_assert(std::size(kGdeltLayout) == 61);

constexpr int kGdeltEventCodeColumn = 26; // the CSV export inserts its description after it

constexpr const char *kMassMobilizationLayout[] = {
    "id",
    "country",
    "ccode",
    "year",
    "region",
    "protest",
    "protestnumber",
    "startday",
    "startmonth",
    "startyear",
    "endday",
    "endmonth",
    "endyear",
    "protesterviolence",
    "location",
    "participants_category",
    "participants",
    "protesteridentity",
    "protesterdemand1",
    "protesterdemand2",
    "protesterdemand3",
    "protesterdemand4",
    "stateresponse1",
    "stateresponse2",
    "stateresponse3",
    "stateresponse4",
    "stateresponse5",
    "stateresponse6",
    "stateresponse7",
    "sources",
    "notes",
};

QStringList toList(std::span<const char *const> names)
{
    QStringList list;
    list.reserve(static_cast<qsizetype>(names.size()));
    for (const char *name : names)
        list.append(QString::fromLatin1(name));
    return list;
}

QStringList gdeltCsvLayout()
{
    QStringList layout = toList(kGdeltLayout);
    layout.insert(kGdeltEventCodeColumn + 1, QStringLiteral("CAMEOCodeDescription"));
    return layout;
}

// Placard's exports (README.md, "Export layout"), with the shapefile's short names: every
// column is its field, so a reader's own columns (KML's "id") never take one of them.
const PresetColumn kPlacardColumns[] = {
    {"placardid", Field::Ignore},
    {"date", Field::Date},
    {"enddate", Field::EndDate},
    {"dateprecision", Field::DatePrecision},
    {"dateprec", Field::DatePrecision},
    {"status", Field::Status},
    {"title", Field::Title},
    {"type", Field::EventType},
    {"place", Field::Place},
    {"locality", Field::Locality},
    {"admin1", Field::Admin1},
    {"admin2", Field::Admin2},
    {"country", Field::Country},
    {"latitude", Field::Latitude},
    {"longitude", Field::Longitude},
    {"geoprecision", Field::GeoPrecision},
    {"geoprec", Field::GeoPrecision},
    {"sizelow", Field::SizeLow},
    {"sizehigh", Field::SizeHigh},
    {"sizetext", Field::SizeText},
    {"issues", Field::Issues},
    {"organisers", Field::Organisers},
    {"participants", Field::Participants},
    {"particip", Field::Participants},
    {"tags", Field::Tags},
    {"claims", Field::Claims},
    {"arrests", Field::Arrests},
    {"injuries", Field::Injuries},
    {"deaths", Field::Deaths},
    {"propertydamage", Field::PropertyDamage},
    {"propdmg", Field::PropertyDamage},
    {"online", Field::Online},
    {"notes", Field::Notes},
    {"source", Field::Source},
    {"sourceoutlet", Field::SourceOutlet},
    {"outlet", Field::SourceOutlet},
    {"sourcesjson", Field::SourcesJson},
    {"srcjson", Field::SourcesJson},
    {"externalid", Field::ExternalId},
    {"extid", Field::ExternalId},
};

std::span<const PresetColumn> presetColumns(PresetId preset)
{
    switch (preset) {
    case PresetId::Placard:
        return kPlacardColumns;
    case PresetId::Ccc:
        return kCccColumns;
    case PresetId::Acled:
        return kAcledColumns;
    case PresetId::CountLove:
        return kCountLoveColumns;
    case PresetId::Gdelt:
        return kGdeltColumns;
    case PresetId::MassMobilization:
        return kMassMobilizationColumns;
    case PresetId::Generic:
        break;
    }
    return {};
}

// The field a preset gives a column it knows; nothing for columns it does not know.
std::optional<Field> presetField(PresetId preset, const QString &key)
{
    for (const PresetColumn &column : presetColumns(preset)) {
        if (key == QLatin1StringView(column.key))
            return column.field;
    }
    for (const QString &name : presetLayout(preset, QStringLiteral("gdelt-csv"))) {
        if (key == normalizedHeader(name))
            return Field::Ignore;
    }
    return std::nullopt;
}

QString cccVariant(const QSet<QString> &keys)
{
    if (keys.contains(QStringLiteral("eventtype")))
        return QStringLiteral("ccc-2025");
    for (const char *key : {"participantmeasures", "policemeasures", "participantdeaths",
                            "policedeaths", "misconduct", "counterprotest", "motive"}) {
        if (keys.contains(QLatin1StringView(key)))
            return QStringLiteral("ccc-2021");
    }
    return QStringLiteral("ccc-2017");
}

struct Signature {
    PresetId preset;
    std::initializer_list<const char *> required; // all present
    std::initializer_list<const char *> distinctive; // at least minDistinctive present
    int minDistinctive;
};

const Signature kSignatures[] = {
    {PresetId::Placard,
     {"placardid"},
     {"sourcesjson", "srcjson", "dateprecision", "dateprec", "geoprecision", "geoprec"},
     1},
    {PresetId::Acled,
     {"eventdate"},
     {"eventidcnty", "timeprecision", "disordertype", "subeventtype", "actor1", "assocactor1",
      "inter1", "interaction", "civiliantargeting", "geoprecision", "sourcescale", "fatalities",
      "admin1"},
     5},
    {PresetId::Gdelt,
     {"globaleventid", "sqldate"},
     {"eventcode", "eventrootcode", "quadclass", "goldsteinscale", "actor1name",
      "actiongeofullname", "actiongeolat", "sourceurl"},
     4},
    {PresetId::MassMobilization,
     {"startday", "startmonth", "startyear"},
     {"protest", "protestnumber", "protesterviolence", "participantscategory", "protesteridentity",
      "protesterdemand1", "stateresponse1", "ccode", "endday", "endyear"},
     3},
    {PresetId::Ccc,
     {"date", "locality", "state", "sizetext", "issues"},
     {"sizelow", "sizehigh", "locationdetail", "macroevent", "valence", "claims", "title", "online",
      "fipscode", "resolvedlocality"},
     1},
    {PresetId::CountLove,
     {"date", "location", "attendees"},
     {"eventlegacyseetags", "curated", "totalarticles", "tags", "source"},
     2},
};

bool looksLikeGdeltRecord(const QStringList &record)
{
    if (record.size() < 2)
        return false;
    const QString id = record.at(0).trimmed();
    const QString date = record.at(1).trimmed();
    if (id.isEmpty() || date.size() != 8)
        return false;
    for (QChar c : id + date) {
        if (!c.isDigit())
            return false;
    }
    return true;
}

} // namespace

QStringList presetLayout(PresetId preset, const QString &variant)
{
    switch (preset) {
    case PresetId::Acled:
        return toList(kAcledLayout);
    case PresetId::CountLove:
        return toList(kCountLoveLayout);
    case PresetId::Gdelt:
        return variant == QLatin1StringView("gdelt-csv") ? gdeltCsvLayout() : toList(kGdeltLayout);
    case PresetId::MassMobilization:
        return toList(kMassMobilizationLayout);
    case PresetId::Generic:
    case PresetId::Ccc:
    case PresetId::Placard:
        break;
    }
    return {};
}

Mapping presetMapping(PresetId preset, const QStringList &header, bool hasHeader)
{
    QStringList names = header;
    QString variant;
    if (preset == PresetId::Gdelt) {
        variant = !hasHeader && header.size() == std::ssize(kGdeltLayout)
            ? QStringLiteral("gdelt-headerless")
            : QStringLiteral("gdelt-csv");
    }
    if (!hasHeader) {
        const QStringList layout = presetLayout(preset, variant);
        names = layout.size() == header.size() ? layout : QStringList(header.size(), QString());
    }

    Mapping m;
    m.preset = preset;
    m.presetVariant = variant;

    QSet<QString> keys;
    QList<Field> fields(names.size(), Field::Ignore);
    QList<bool> known(names.size(), false);
    QList<bool> taken(kFieldCount, false);
    auto assign = [&](qsizetype column, Field field) {
        const auto index = static_cast<qsizetype>(field);
        if (field == Field::Ignore || (taken.at(index) && !fieldAllowsSeveralColumns(field)))
            return;
        taken[index] = true;
        fields[column] = field;
    };
    // First the columns the preset knows, so that they win over look-alikes elsewhere…
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString key = normalizedHeader(names.at(i));
        keys.insert(key);
        if (const std::optional<Field> field = presetField(preset, key)) {
            known[i] = true;
            assign(i, *field);
        }
    }
    // …then the others by the generic synonyms.
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (!known.at(i))
            assign(i, fieldForHeader(names.at(i)));
    }
    for (qsizetype i = 0; i < names.size(); ++i)
        m.columns.append({static_cast<int>(i), names.at(i), fields.at(i)});
    if (const qsizetype date = fields.indexOf(Field::Date); date >= 0)
        m.dateOrder = dateOrderHint(names.at(date));

    switch (preset) {
    case PresetId::Ccc:
        m.presetVariant = cccVariant(keys);
        break;
    case PresetId::Acled:
        m.geoPrecisionScheme = QStringLiteral("acled");
        m.sizeInTags = QStringLiteral("crowd size=");
        break;
    case PresetId::Gdelt:
        m.keepEventCodes = {QStringLiteral("14")};
        m.geoPrecisionScheme = QStringLiteral("gdelt");
        m.countryCodeScheme = QStringLiteral("fips");
        break;
    case PresetId::Generic:
    case PresetId::CountLove:
    case PresetId::MassMobilization:
    case PresetId::Placard:
        break;
    }
    return m;
}

Mapping detectMapping(const QStringList &header, bool hasHeader, QChar delimiter,
                      const QStringList &firstRecord)
{
    if (!hasHeader) {
        const QStringList &record = firstRecord.isEmpty() ? header : firstRecord;
        const qsizetype size = record.size();
        if (looksLikeGdeltRecord(record) &&
            ((delimiter == u'\t' && size == std::ssize(kGdeltLayout)) ||
             (delimiter == u',' && size == std::ssize(kGdeltLayout) + 1)))
            return presetMapping(PresetId::Gdelt, record, false);
        return presetMapping(PresetId::Generic, QStringList(size, QString()), false);
    }

    QSet<QString> keys;
    for (const QString &name : header)
        keys.insert(normalizedHeader(name));
    std::optional<PresetId> best;
    int bestScore = 0;
    for (const Signature &signature : kSignatures) {
        bool complete = true;
        for (const char *key : signature.required)
            complete = complete && keys.contains(QLatin1StringView(key));
        int distinctive = 0;
        for (const char *key : signature.distinctive)
            distinctive += keys.contains(QLatin1StringView(key)) ? 1 : 0;
        if (!complete || distinctive < signature.minDistinctive)
            continue;
        const int score = static_cast<int>(signature.required.size()) + distinctive;
        if (score > bestScore) {
            best = signature.preset;
            bestScore = score;
        }
    }
    return presetMapping(best.value_or(PresetId::Generic), header, true);
}

} // namespace placard::io
