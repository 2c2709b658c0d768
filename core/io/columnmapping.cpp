// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/columnmapping.h"

#include <QSet>

#include "io/normalise.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <span>

namespace placard::io {

namespace {

constexpr std::array<const char *, 7> kPresetNames = {"generic", "ccc", "acled",  "countlove",
                                                      "gdelt",   "mm",  "placard"};

constexpr auto kFormat = "placard-column-mapping";
constexpr int kVersion = 1;

struct Synonym {
    const char *key; // normalised header
    Field field;
};

// Generic synonyms, keyed by normalizedHeader(). Patterns (source_N, injuries…, property
// damage…) are handled in fieldForHeader().
constexpr Synonym kSynonyms[] = {
    {"date", Field::Date},
    {"eventdate", Field::Date},
    {"startdate", Field::Date},
    {"datestart", Field::Date},
    {"when", Field::Date},
    {"enddate", Field::EndDate},
    {"dateend", Field::EndDate},
    {"year", Field::Year},
    {"startyear", Field::Year},
    {"month", Field::Month},
    {"startmonth", Field::Month},
    {"day", Field::Day},
    {"startday", Field::Day},
    {"endyear", Field::EndYear},
    {"endmonth", Field::EndMonth},
    {"endday", Field::EndDay},
    {"timeprecision", Field::DatePrecision},
    {"dateprecision", Field::DatePrecision},
    {"dateprec", Field::DatePrecision}, // Placard's shapefile export
    {"title", Field::Title},
    {"name", Field::Title},
    {"event", Field::Title},
    {"eventname", Field::Title},
    {"eventtitle", Field::Title},
    {"headline", Field::Title},
    {"protestname", Field::Title},
    {"protesttitle", Field::Title},
    {"demonstrationname", Field::Title},
    {"type", Field::EventType},
    {"eventtype", Field::EventType},
    {"category", Field::EventType},
    {"status", Field::Status},
    {"location", Field::Place},
    {"place", Field::Place},
    {"where", Field::Place},
    {"venue", Field::Place},
    {"locationdetail", Field::Place},
    {"city", Field::Locality},
    {"town", Field::Locality},
    {"locality", Field::Locality},
    {"citytown", Field::Locality},
    {"municipality", Field::Locality},
    {"state", Field::Admin1},
    {"province", Field::Admin1},
    {"region", Field::Admin1},
    {"admin1", Field::Admin1},
    {"stateterritory", Field::Admin1},
    {"stateprovince", Field::Admin1},
    {"county", Field::Admin2},
    {"admin2", Field::Admin2},
    {"district", Field::Admin2},
    {"country", Field::Country},
    {"nation", Field::Country},
    {"lat", Field::Latitude},
    {"latitude", Field::Latitude},
    {"y", Field::Latitude},
    {"lon", Field::Longitude},
    {"lng", Field::Longitude},
    {"long", Field::Longitude},
    {"longitude", Field::Longitude},
    {"x", Field::Longitude},
    {"coordinates", Field::Coordinates},
    {"coords", Field::Coordinates},
    {"latlon", Field::Coordinates},
    {"latlng", Field::Coordinates},
    {"latlong", Field::Coordinates},
    {"geometry", Field::Coordinates}, // a point as WKT, "POINT(-122.68 45.52)"
    {"geom", Field::Coordinates},
    {"wkt", Field::Coordinates},
    {"maplink", Field::Coordinates}, // a link to a web map, "https://maps.google.com/?q=…"
    {"mapurl", Field::Coordinates},
    {"googlemaps", Field::Coordinates},
    {"googlemapslink", Field::Coordinates},
    {"geouri", Field::Coordinates},
    {"geoprecision", Field::GeoPrecision},
    {"precision", Field::GeoPrecision},
    {"geoprec", Field::GeoPrecision}, // Placard's shapefile export
    {"size", Field::SizeText},
    {"crowd", Field::SizeText},
    {"crowdsize", Field::SizeText},
    {"sizetext", Field::SizeText},
    {"attendees", Field::SizeText},
    {"attendance", Field::SizeText},
    {"turnout", Field::SizeText},
    {"participantscount", Field::SizeText},
    {"numberofparticipants", Field::SizeText},
    {"participantsnumber", Field::SizeText},
    {"participantsestimate", Field::SizeText},
    {"estimatedparticipants", Field::SizeText},
    {"numparticipants", Field::SizeText},
    {"sizeestimate", Field::SizeText},
    {"estimatedsize", Field::SizeText},
    {"crowdestimate", Field::SizeText},
    {"estimatedcrowd", Field::SizeText},
    {"estimatedcrowdsize", Field::SizeText},
    {"crowdcount", Field::SizeText},
    {"headcount", Field::SizeText},
    {"numberofprotesters", Field::SizeText},
    {"numberofpeople", Field::SizeText},
    {"peaksize", Field::SizeText},
    {"peakcrowd", Field::SizeText},
    {"peakcrowdsize", Field::SizeText},
    {"sizelow", Field::SizeLow},
    {"sizemin", Field::SizeLow},
    {"sizehigh", Field::SizeHigh},
    {"minsize", Field::SizeLow},
    {"lowestimate", Field::SizeLow},
    {"crowdlow", Field::SizeLow},
    {"maxsize", Field::SizeHigh},
    {"highestimate", Field::SizeHigh},
    {"crowdhigh", Field::SizeHigh},
    {"sizemax", Field::SizeHigh},
    {"organizers", Field::Organisers},
    {"organisers", Field::Organisers},
    {"organizer", Field::Organisers},
    {"organiser", Field::Organisers},
    {"organizations", Field::Organisers},
    {"organisations", Field::Organisers},
    {"actors", Field::Organisers},
    {"actor1", Field::Organisers},
    {"participants", Field::Participants},
    {"particip", Field::Participants}, // Placard's shapefile export
    {"keyparticipants", Field::Participants},
    {"participantgroups", Field::Participants},
    {"claims", Field::Claims},
    {"claim", Field::Claims},
    {"demands", Field::Claims},
    {"demand", Field::Claims},
    {"motivations", Field::Claims},
    {"motivation", Field::Claims},
    {"grievances", Field::Claims},
    {"grievance", Field::Claims},
    {"issues", Field::Issues},
    {"issue", Field::Issues},
    {"topics", Field::Issues},
    {"topic", Field::Issues},
    {"tags", Field::Tags},
    {"tag", Field::Tags},
    {"keywords", Field::Tags},
    {"arrests", Field::Arrests},
    {"arrested", Field::Arrests},
    {"deaths", Field::Deaths},
    {"fatalities", Field::Deaths},
    {"killed", Field::Deaths},
    {"online", Field::Online},
    {"propdmg", Field::PropertyDamage}, // Placard's shapefile export
    {"notes", Field::Notes},
    {"note", Field::Notes},
    {"description", Field::Notes},
    {"comments", Field::Notes},
    {"comment", Field::Notes},
    {"source", Field::Source},
    {"sources", Field::Source},
    {"sourceurl", Field::Source},
    {"url", Field::Source},
    {"urls", Field::Source},
    {"link", Field::Source},
    {"links", Field::Source},
    {"outlet", Field::SourceOutlet},
    {"sourceoutlet", Field::SourceOutlet},
    {"sourcesjson", Field::SourcesJson},
    {"srcjson", Field::SourcesJson}, // Placard's shapefile export
    {"publication", Field::SourceOutlet},
    {"publisher", Field::SourceOutlet},
    {"id", Field::ExternalId},
    {"eventid", Field::ExternalId},
    {"externalid", Field::ExternalId},
    {"extid", Field::ExternalId}, // Placard's shapefile export
    {"eventcode", Field::EventCode},
    {"cameocode", Field::EventCode},
};

// Lists kept in other languages: German, French, Spanish, Portuguese, Italian (keys have
// no accents: "Länge" is "lange"). Words that also mean something else in English files
// ("data", "land") are left out.
constexpr Synonym kOtherLanguageSynonyms[] = {
    {"datum", Field::Date},
    {"fecha", Field::Date},
    {"enddatum", Field::EndDate},
    {"datefin", Field::EndDate},
    {"fechafin", Field::EndDate},
    {"titel", Field::Title},
    {"titre", Field::Title},
    {"titulo", Field::Title},
    {"titolo", Field::Title},
    {"typ", Field::EventType},
    {"statut", Field::Status},
    {"tipo", Field::EventType},
    {"ort", Field::Place},
    {"lieu", Field::Place},
    {"lugar", Field::Place},
    {"luogo", Field::Place},
    {"stadt", Field::Locality},
    {"gemeinde", Field::Locality},
    {"ville", Field::Locality},
    {"commune", Field::Locality},
    {"ciudad", Field::Locality},
    {"municipio", Field::Locality},
    {"cidade", Field::Locality},
    {"citta", Field::Locality},
    {"comune", Field::Locality},
    {"bundesland", Field::Admin1},
    {"provincia", Field::Admin1},
    {"estado", Field::Admin1},
    {"regione", Field::Admin1},
    {"departement", Field::Admin2},
    {"landkreis", Field::Admin2},
    {"kreis", Field::Admin2},
    {"pays", Field::Country},
    {"pais", Field::Country},
    {"paese", Field::Country},
    {"staat", Field::Country},
    {"breite", Field::Latitude},
    {"breitengrad", Field::Latitude},
    {"latitud", Field::Latitude},
    {"latitudine", Field::Latitude},
    {"lange", Field::Longitude},
    {"laenge", Field::Longitude},
    {"langengrad", Field::Longitude},
    {"laengengrad", Field::Longitude},
    {"longitud", Field::Longitude},
    {"longitudine", Field::Longitude},
    {"teilnehmerzahl", Field::SizeText},
    {"teilnehmende", Field::SizeText},
    {"teilnehmer", Field::SizeText},
    {"nombredeparticipants", Field::SizeText},
    {"asistentes", Field::SizeText},
    {"numerodeparticipantes", Field::SizeText},
    {"partecipanti", Field::SizeText},
    {"veranstalter", Field::Organisers},
    {"organisateurs", Field::Organisers},
    {"organisateur", Field::Organisers},
    {"organizadores", Field::Organisers},
    {"organizzatori", Field::Organisers},
    {"forderungen", Field::Claims},
    {"revendications", Field::Claims},
    {"demandas", Field::Claims},
    {"reivindicacoes", Field::Claims},
    {"rivendicazioni", Field::Claims},
    {"thema", Field::Issues},
    {"themen", Field::Issues},
    {"theme", Field::Issues},
    {"tema", Field::Issues},
    {"temas", Field::Issues},
    {"festnahmen", Field::Arrests},
    {"arrestations", Field::Arrests},
    {"detenidos", Field::Arrests},
    {"beschreibung", Field::Notes},
    {"anmerkungen", Field::Notes},
    {"bemerkungen", Field::Notes},
    {"descripcion", Field::Notes},
    {"notas", Field::Notes},
    {"descricao", Field::Notes},
    {"descrizione", Field::Notes},
    {"quelle", Field::Source},
    {"quellen", Field::Source},
    {"fuente", Field::Source},
    {"fonte", Field::Source},
};

QString tr(const char *text)
{
    return QCoreApplication::translate("placard::io::Mapping", text);
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool allDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (!c.isDigit())
            return false;
    }
    return true;
}

// Reads an optional string member; false (with *error set) when it has another type.
bool readString(const QJsonObject &object, QLatin1StringView key, QString *out, QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString())
        return fail(error, tr("\"%1\" must be a string").arg(key));
    *out = value.toString();
    return true;
}

bool readChoice(const QJsonObject &object, QLatin1StringView key,
                std::initializer_list<QLatin1StringView> allowed, QString *out, QString *error)
{
    if (!readString(object, key, out, error))
        return false;
    for (QLatin1StringView choice : allowed) {
        if (*out == choice)
            return true;
    }
    QStringList quoted;
    for (QLatin1StringView choice : allowed)
        quoted << QStringLiteral("\"%1\"").arg(choice);
    return fail(error,
                tr("unknown %1 \"%2\" (expected one of %3)")
                    .arg(key, *out, quoted.join(QLatin1StringView(", "))));
}

} // namespace

QString presetName(PresetId preset)
{
    return QString::fromLatin1(kPresetNames[static_cast<std::size_t>(preset)]);
}

std::optional<PresetId> presetFromName(QStringView name)
{
    for (std::size_t i = 0; i < kPresetNames.size(); ++i) {
        if (name.compare(QLatin1StringView(kPresetNames[i]), Qt::CaseInsensitive) == 0)
            return static_cast<PresetId>(i);
    }
    return std::nullopt;
}

QList<int> Mapping::columnsFor(Field field) const
{
    QList<int> result;
    for (const ColumnRule &rule : columns) {
        if (rule.field == field)
            result.append(rule.column);
    }
    return result;
}

QJsonObject Mapping::toJson() const
{
    QJsonArray columnArray;
    for (const ColumnRule &rule : columns) {
        columnArray.append(QJsonObject{{QLatin1StringView("column"), rule.column},
                                       {QLatin1StringView("header"), rule.header},
                                       {QLatin1StringView("field"), fieldName(rule.field)}});
    }
    return QJsonObject{
        {QLatin1StringView("format"), QLatin1StringView(kFormat)},
        {QLatin1StringView("version"), kVersion},
        {QLatin1StringView("preset"), presetName(preset)},
        {QLatin1StringView("presetVariant"), presetVariant},
        {QLatin1StringView("columns"), columnArray},
        {QLatin1StringView("splitOnComma"), splitOnComma},
        {QLatin1StringView("dateOrder"), dateOrder},
        {QLatin1StringView("keepEventCodes"), QJsonArray::fromStringList(keepEventCodes)},
        {QLatin1StringView("geoPrecisionScheme"), geoPrecisionScheme},
        {QLatin1StringView("countryCodeScheme"), countryCodeScheme},
        {QLatin1StringView("sizeInTags"), sizeInTags},
    };
}

std::optional<Mapping> Mapping::fromJson(const QJsonObject &object, QString *error)
{
    Mapping m;

    const QJsonValue format = object.value(QLatin1StringView("format"));
    if (!format.isUndefined() && format.toString() != QLatin1StringView(kFormat)) {
        fail(error, tr("not a Placard column mapping (format \"%1\")").arg(format.toString()));
        return std::nullopt;
    }
    const QJsonValue version = object.value(QLatin1StringView("version"));
    if (!version.isUndefined()) {
        if (!version.isDouble() || version.toDouble() < 1) {
            fail(error, tr("\"version\" must be a positive number"));
            return std::nullopt;
        }
        if (version.toDouble() > kVersion) {
            fail(error,
                 tr("mapping version %1 is newer than this Placard reads (%2)")
                     .arg(version.toDouble())
                     .arg(kVersion));
            return std::nullopt;
        }
    }

    QString presetText;
    if (!readString(object, QLatin1StringView("preset"), &presetText, error))
        return std::nullopt;
    if (!presetText.isEmpty()) {
        const std::optional<PresetId> preset = presetFromName(presetText);
        if (!preset) {
            fail(error, tr("unknown preset \"%1\"").arg(presetText));
            return std::nullopt;
        }
        m.preset = *preset;
    }
    if (!readString(object, QLatin1StringView("presetVariant"), &m.presetVariant, error))
        return std::nullopt;

    const QJsonValue columnsValue = object.value(QLatin1StringView("columns"));
    if (!columnsValue.isArray()) {
        fail(error, tr("\"columns\" must be an array of column rules"));
        return std::nullopt;
    }
    const QJsonArray columnArray = columnsValue.toArray();
    QList<int> firstColumnOf(kFieldCount, -1);
    QList<int> seenColumns;
    for (qsizetype i = 0; i < columnArray.size(); ++i) {
        if (!columnArray.at(i).isObject()) {
            fail(error, tr("column rule %1 is not an object").arg(i + 1));
            return std::nullopt;
        }
        const QJsonObject ruleObject = columnArray.at(i).toObject();
        ColumnRule rule;
        rule.column = static_cast<int>(i);
        const QJsonValue column = ruleObject.value(QLatin1StringView("column"));
        if (!column.isUndefined()) {
            const double number = column.toDouble(-1);
            if (!column.isDouble() || number < 0 || number > 1e6 ||
                number != static_cast<double>(static_cast<int>(number))) {
                fail(error,
                     tr("column rule %1: \"column\" must be a non-negative whole number")
                         .arg(i + 1));
                return std::nullopt;
            }
            rule.column = static_cast<int>(number);
        }
        if (seenColumns.contains(rule.column)) {
            fail(error, tr("column %1 has more than one rule").arg(rule.column + 1));
            return std::nullopt;
        }
        seenColumns.append(rule.column);
        if (!readString(ruleObject, QLatin1StringView("header"), &rule.header, error))
            return std::nullopt;
        const QJsonValue fieldValue = ruleObject.value(QLatin1StringView("field"));
        if (!fieldValue.isString()) {
            fail(error, tr("column %1: \"field\" must be a field name").arg(rule.column + 1));
            return std::nullopt;
        }
        const std::optional<Field> field = fieldFromName(fieldValue.toString());
        if (!field) {
            fail(error,
                 tr("column %1 (\"%2\"): unknown field \"%3\"")
                     .arg(rule.column + 1)
                     .arg(rule.header, fieldValue.toString()));
            return std::nullopt;
        }
        rule.field = *field;
        int &first = firstColumnOf[static_cast<int>(rule.field)];
        if (first >= 0 && !fieldAllowsSeveralColumns(rule.field)) {
            fail(error,
                 tr("field \"%1\" is mapped to columns %2 and %3 but takes one column")
                     .arg(fieldName(rule.field))
                     .arg(first + 1)
                     .arg(rule.column + 1));
            return std::nullopt;
        }
        if (first < 0)
            first = rule.column;
        m.columns.append(rule);
    }

    const QJsonValue split = object.value(QLatin1StringView("splitOnComma"));
    if (!split.isUndefined() && !split.isBool()) {
        fail(error, tr("\"splitOnComma\" must be true or false"));
        return std::nullopt;
    }
    m.splitOnComma = split.toBool(false);

    if (!readChoice(object, QLatin1StringView("dateOrder"),
                    {QLatin1StringView(""), QLatin1StringView("mdy"), QLatin1StringView("dmy")},
                    &m.dateOrder, error) ||
        !readChoice(object, QLatin1StringView("geoPrecisionScheme"),
                    {QLatin1StringView(""), QLatin1StringView("gdelt"), QLatin1StringView("acled")},
                    &m.geoPrecisionScheme, error) ||
        !readChoice(object, QLatin1StringView("countryCodeScheme"),
                    {QLatin1StringView(""), QLatin1StringView("fips"), QLatin1StringView("iso")},
                    &m.countryCodeScheme, error) ||
        !readString(object, QLatin1StringView("sizeInTags"), &m.sizeInTags, error))
        return std::nullopt;

    const QJsonValue codes = object.value(QLatin1StringView("keepEventCodes"));
    if (!codes.isUndefined() && !codes.isNull()) {
        if (!codes.isArray()) {
            fail(error, tr("\"keepEventCodes\" must be an array of strings"));
            return std::nullopt;
        }
        for (const QJsonValue &code : codes.toArray()) {
            if (!code.isString()) {
                fail(error, tr("\"keepEventCodes\" must be an array of strings"));
                return std::nullopt;
            }
            m.keepEventCodes.append(code.toString());
        }
    }
    return m;
}

bool Mapping::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, tr("cannot write %1: %2").arg(path, file.errorString()));
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return fail(error, tr("cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

std::optional<Mapping> Mapping::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, tr("cannot read %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(error,
             tr("%1 is not valid JSON: %2 at offset %3")
                 .arg(path, parseError.errorString())
                 .arg(parseError.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        fail(error, tr("%1 is not a column mapping: expected a JSON object").arg(path));
        return std::nullopt;
    }
    QString reason;
    std::optional<Mapping> mapping = fromJson(document.object(), &reason);
    if (!mapping)
        fail(error, tr("%1: %2").arg(path, reason));
    return mapping;
}

QString normalizedHeader(QStringView header)
{
    QStringView text = header.trimmed();
    // A UTF-8 byte-order mark decoded as Latin-1 or Windows-1252.
    constexpr QStringView kMisreadBom(u"\u00EF\u00BB\u00BF");
    while (text.startsWith(kMisreadBom))
        text = text.mid(kMisreadBom.size());
    // Letters without their accents ("Länge", "País"): a header is typed with them or not.
    const QString plain = withoutAccents(text);
    QString key;
    key.reserve(plain.size());
    for (QChar c : plain) {
        // Drops U+FEFF, quotes, spaces, underscores, other punctuation and combining marks.
        if (c.isLetterOrNumber())
            key.append(c.toLower());
    }
    return key;
}

Field fieldForHeader(QStringView header)
{
    const QString key = normalizedHeader(header);
    if (key.isEmpty())
        return Field::Ignore;
    for (const std::span<const Synonym> synonyms :
         {std::span<const Synonym>(kSynonyms), std::span<const Synonym>(kOtherLanguageSynonyms)}) {
        for (const Synonym &synonym : synonyms) {
            if (key == QLatin1StringView(synonym.key))
                return synonym.field;
        }
    }
    // source_1 … source_30 (Crowd Counting Consortium)
    if (key.startsWith(QLatin1StringView("source")) && allDigits(QStringView(key).mid(6)))
        return Field::Source;
    // injuries, injuries_crowd, injured…; not the yes/no summaries like injuries_crowd_any
    if (key.startsWith(QLatin1StringView("injur")) && !key.endsWith(QLatin1StringView("any")))
        return Field::Injuries;
    if (key.startsWith(QLatin1StringView("propertydamage")))
        return Field::PropertyDamage;
    // "Latitude (WGS84)", "Size [est.]": a unit or a note in brackets.
    if (header.contains(u'(') || header.contains(u'[')) {
        if (const std::optional<QString> bare = withoutBrackets(header);
            bare && bare->size() < header.size())
            return fieldForHeader(*bare);
    }
    return Field::Ignore;
}

QString dateOrderHint(QStringView header)
{
    // "Date (dd/mm/yyyy)", "Datum (TT.MM.JJJJ)", "date (JJ/MM/AAAA)", "fecha dd-mm-aaaa",
    // "data (gg/mm/aaaa)", "Event date (MM/DD/YYYY)". A year written first says nothing
    // of the order of numeric dates with the year last.
    static const QRegularExpression yearFirst(
        QStringLiteral("(yy|aa|jjjj)[./\\- ]?mm[./\\- ]?(dd|tt|jj|gg)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression dayFirst(QStringLiteral("(dd|tt|jj|gg)[./\\- ]?mm"),
                                             QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression monthFirst(QStringLiteral("mm[./\\- ]?(dd|tt|jj|gg)"),
                                               QRegularExpression::CaseInsensitiveOption);
    if (yearFirst.match(header).hasMatch())
        return {};
    if (dayFirst.match(header).hasMatch())
        return QStringLiteral("dmy");
    if (monthFirst.match(header).hasMatch())
        return QStringLiteral("mdy");
    return {};
}

bool isOtherLanguageHeader(QStringView header)
{
    const QString key = normalizedHeader(header);
    return std::any_of(std::begin(kOtherLanguageSynonyms), std::end(kOtherLanguageSynonyms),
                       [&key](const Synonym &s) { return key == QLatin1StringView(s.key); });
}

Field fieldForHxlTag(QStringView tag)
{
    // "#adm1 +name +v_pcode": the hashtag, then attributes.
    const QStringView t = tag.trimmed();
    const qsizetype plus = t.indexOf(u'+');
    const QString name = (plus < 0 ? t : t.first(plus)).trimmed().toString().toLower();
    QSet<QString> attributes;
    if (plus >= 0) {
        for (const QStringView part : t.sliced(plus + 1).tokenize(u'+', Qt::SkipEmptyParts))
            attributes.insert(part.trimmed().toString().toLower());
    }
    const auto has = [&attributes](const char *attribute) {
        return attributes.contains(QLatin1StringView(attribute));
    };
    if (name == u"#date")
        return has("end")                                    ? Field::EndDate
            : has("year") || has("month") || has("reported") ? Field::Ignore
                                                             : Field::Date;
    if (name == u"#event")
        return has("type") && !has("sub") ? Field::EventType
            : has("id")                   ? Field::ExternalId
                                          : Field::Ignore;
    if (name == u"#country")
        return Field::Country;
    if (name == u"#adm1")
        return has("code") && !has("name") ? Field::Ignore : Field::Admin1;
    if (name == u"#adm2")
        return has("code") && !has("name") ? Field::Ignore : Field::Admin2;
    if (name == u"#loc")
        return has("name") ? Field::Locality : Field::Ignore;
    if (name == u"#geo")
        return has("lat")  ? Field::Latitude
            : has("lon")   ? Field::Longitude
            : has("coord") ? Field::Coordinates
                           : Field::Ignore;
    if (name == u"#affected")
        return has("killed")  ? Field::Deaths
            : has("injured")  ? Field::Injuries
            : has("arrested") ? Field::Arrests
                              : Field::Ignore;
    if (name == u"#description")
        return Field::Notes;
    if (name == u"#org")
        return Field::Organisers;
    if (name == u"#meta")
        return has("source") || has("url") ? Field::Source : Field::Ignore;
    return Field::Ignore;
}

void mapHxlTags(Mapping &mapping, const QStringList &tags)
{
    QList<bool> taken(kFieldCount, false);
    for (const ColumnRule &rule : std::as_const(mapping.columns))
        taken[static_cast<qsizetype>(rule.field)] = true;
    for (ColumnRule &rule : mapping.columns) {
        if (rule.field != Field::Ignore || rule.column < 0 || rule.column >= tags.size())
            continue;
        const Field field = fieldForHxlTag(tags.at(rule.column));
        const auto index = static_cast<qsizetype>(field);
        if (field == Field::Ignore || (taken.at(index) && !fieldAllowsSeveralColumns(field)))
            continue;
        rule.field = field;
        taken[index] = true;
    }
}

bool decideCommaLists(Mapping &mapping, const QList<QStringList> &records)
{
    if (mapping.preset != PresetId::Generic || mapping.splitOnComma)
        return false;
    QList<int> lists;
    for (const Field f :
         {Field::EventType, Field::Organisers, Field::Participants, Field::Issues, Field::Tags})
        lists << mapping.columnsFor(f);
    bool commas = false;
    for (const QStringList &record : records) {
        for (const int c : std::as_const(lists)) {
            const QString &cell = c < record.size() ? record.at(c) : QString();
            if (cell.contains(u';') || cell.contains(u'|'))
                return false;
            commas = commas || cell.contains(u',');
        }
    }
    mapping.splitOnComma = commas;
    return commas;
}

Mapping genericMapping(const QStringList &header)
{
    Mapping m;
    QList<bool> taken(kFieldCount, false);
    for (qsizetype i = 0; i < header.size(); ++i) {
        Field field = fieldForHeader(header.at(i));
        const auto index = static_cast<qsizetype>(field);
        if (!fieldAllowsSeveralColumns(field) && taken.at(index))
            field = Field::Ignore;
        taken[index] = true;
        m.columns.append({static_cast<int>(i), header.at(i), field});
    }
    return m;
}

} // namespace placard::io
