// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/rownormaliser.h"

#include "io/fipscodes.h"
#include "io/statustext.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace placard::io {

namespace {

// A JSON array of {"url", "outlet", "published"} objects (url required), as exports write it.
std::optional<QList<EventSource>> sourcesFromJson(QStringView text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    QList<EventSource> sources;
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        const QString url = o.value(QLatin1StringView("url")).toString().trimmed();
        if (!v.isObject() || url.isEmpty())
            return std::nullopt;
        sources.append({url, o.value(QLatin1StringView("outlet")).toString().trimmed(),
                        o.value(QLatin1StringView("published")).toString().trimmed()});
    }
    return sources;
}

// ACLED writes the crowd size among the tags ("crowd size=no report"): the first such tag
// is the event's size, not a tag.
bool takeSizeFromTag(QStringView tag, const QString &prefix, Event &e)
{
    if (!tag.startsWith(prefix, Qt::CaseInsensitive))
        return false;
    const QStringView text = tag.sliced(prefix.size()).trimmed();
    const CrowdSize size = parseCrowdSizeValue(text);
    if (e.sizeText.isEmpty())
        e.sizeText = text.toString();
    if (size.ok && !e.sizeLow && !e.sizeHigh) {
        e.sizeLow = size.low;
        e.sizeHigh = size.high;
    }
    return true;
}

const QDate kEpoch(1970, 1, 1);

// A latitude and a longitude cell as problems name them together.
QString pairText(QStringView lat, QStringView lon)
{
    return lat.toString() + QStringLiteral(", ") + lon.toString();
}

// A cell's text, trimmed, as a view of the record's field. The record's strings are the
// reader's to write the next record into: what an event keeps of them is copied
// (toString()), never shared, so that the reader reuses its memory and neither thread pays
// for counting references to it.
QStringView cell(const QStringList &fields, int column)
{
    if (column < 0 || column >= fields.size())
        return {};
    // Most cells have nothing to trim: those are not scanned again.
    const QStringView value = fields.at(column);
    if (value.isEmpty() || (!value.front().isSpace() && !value.back().isSpace()))
        return value;
    return value.trimmed();
}

// The cells of `columns` that are not empty (and that `keep` keeps), joined by
// `separator`.
QString joinCells(const QStringList &fields, const QList<int> &columns, QStringView separator,
                  bool (*keep)(QStringView) = nullptr)
{
    QString joined;
    for (int c : columns) {
        const QStringView v = cell(fields, c);
        if (v.isEmpty() || (keep && !keep(v)))
            continue;
        if (joined.isEmpty()) {
            joined = v.toString();
        } else {
            joined += separator;
            joined += v;
        }
    }
    return joined;
}

void problem(NormalisedRow &row, qint64 line, int column, const QString &value,
             const QString &message, bool skips = false)
{
    row.problems.append({line, column + 1, value, message, skips});
    if (skips)
        row.skipped = true;
}

// Earlier years in a list of demonstrations are typing slips ("0026", "1026").
const QDate kEarliestLikelyDay(1800, 1, 1);

qint32 dayNumber(const QDate &date)
{
    return qint32(kEpoch.daysTo(date));
}

placard::DatePrecision toCatalogue(io::DatePrecision p)
{
    return placard::DatePrecision(int(p));
}

// A date from separate year / month / day columns (Mass Mobilization).
std::optional<ParsedDate> dateFromParts(QStringView y, QStringView m, QStringView d, QString *error)
{
    const std::optional<qint64> year = parseInteger(y);
    if (!year || *year < 1 || *year > 9999) {
        *error = QStringLiteral("not a year");
        return std::nullopt;
    }
    // 0, nothing or no number: not known (the source writes 0 for an unknown month or day).
    const qint64 month = m.isEmpty() ? 0 : parseInteger(m).value_or(0);
    const qint64 day = d.isEmpty() ? 0 : parseInteger(d).value_or(0);
    if (month == 0)
        return ParsedDate{QDate(int(*year), 1, 1), DatePrecision::Year};
    if (month < 1 || month > 12) {
        *error = QStringLiteral("month %1 out of range").arg(month);
        return std::nullopt;
    }
    if (day == 0)
        return ParsedDate{QDate(int(*year), int(month), 1), DatePrecision::Month};
    const QDate date{int(*year), int(month), int(day)};
    if (!date.isValid()) {
        *error = QStringLiteral("no such day");
        return std::nullopt;
    }
    return ParsedDate{date, DatePrecision::Day};
}

GeoPrecision precisionFromCode(const QString &scheme, QStringView text)
{
    const QString t = text.trimmed().toString().toLower();
    if (scheme == QLatin1StringView("gdelt")) {
        switch (t.toInt()) {
        case 1:
            return GeoPrecision::Country;
        case 2:
        case 5:
            return GeoPrecision::Admin1;
        case 3:
        case 4:
            return GeoPrecision::Locality;
        default:
            return GeoPrecision::Unplaced;
        }
    }
    if (scheme == QLatin1StringView("acled"))
        return t == QLatin1StringView("3") ? GeoPrecision::Admin1 : GeoPrecision::Locality;
    if (t == QLatin1StringView("exact") || t == QLatin1StringView("point"))
        return GeoPrecision::Exact;
    if (t == QLatin1StringView("locality") || t == QLatin1StringView("city") ||
        t == QLatin1StringView("town"))
        return GeoPrecision::Locality;
    if (t == QLatin1StringView("admin1") || t == QLatin1StringView("state") ||
        t == QLatin1StringView("province") || t == QLatin1StringView("region"))
        return GeoPrecision::Admin1;
    if (t == QLatin1StringView("country"))
        return GeoPrecision::Country;
    return GeoPrecision::Unplaced; // unknown: decided from the other fields
}

} // namespace

QStringView firstView(const QStringList &fields, const QList<int> &columns)
{
    for (int c : columns) {
        const QStringView v = cell(fields, c);
        if (!v.isEmpty())
            return v;
    }
    return {};
}

QString firstValue(const QStringList &fields, const QList<int> &columns)
{
    return firstView(fields, columns).toString();
}

RowNormaliser::RowNormaliser(const Mapping &mapping, DayMonthOrder dayMonthOrder,
                             PairOrder coordinateOrder)
    : m_mapping(mapping)
    , m_order(dayMonthOrder)
    , m_coordinateOrder(coordinateOrder)
    , m_allowExcelSerial(mapping.preset == PresetId::Generic)
    , m_latestLikelyDay(QDate::currentDate().year() + 10, 12, 31)
{
    for (const ColumnRule &rule : mapping.columns) {
        if (rule.field != Field::Ignore)
            m_columns[std::size_t(rule.field)].append(rule.column);
    }
    if (mapping.dateOrder == QLatin1StringView("mdy"))
        m_order = DayMonthOrder::MonthFirst;
    else if (mapping.dateOrder == QLatin1StringView("dmy"))
        m_order = DayMonthOrder::DayFirst;
}

namespace {
// Makes `row` equal to NormalisedRow(), member by member: a new row, written over the old,
// cost more than the rest of a short row's normalising. The size stops a member added later
// from being left out here.
static_assert(sizeof(void *) != 8 || sizeof(NormalisedRow) == 1056,
              "a member of NormalisedRow or Event is not cleared by clear()");
void clear(NormalisedRow &row)
{
    Event &e = row.event;
    for (QString *text :
         {&e.title, &e.type, &e.place, &e.locality, &e.admin1, &e.admin2, &e.country, &e.sizeText,
          &e.claims, &e.propertyDamage, &e.notes, &e.externalId})
        text->clear();
    for (QStringList *list : {&e.issues, &e.actors, &e.participants, &e.otherTypes, &e.tags})
        list->clear();
    e.sources.clear();
    e.id = 0;
    e.startDay = 0;
    e.endDay = 0;
    e.datePrecision = placard::DatePrecision::Day;
    e.status = EventStatus::Occurred;
    e.latitude.reset();
    e.longitude.reset();
    e.geoPrecision = GeoPrecision::Unplaced;
    e.coordinateOrigin = CoordinateOrigin::None;
    e.sizeLow.reset();
    e.sizeHigh.reset();
    e.arrests.reset();
    e.injuries.reset();
    e.deaths.reset();
    e.online = false;
    e.datasetId = 0;
    e.sourceLine = 0;
    e.createdAt = 0;
    e.updatedAt = 0;
    row.problems.clear();
    row.skipped = false;
    row.filtered = false;
    row.filterColumn = 0;
    row.filterValue.clear();
    row.tagViews.clear();
}
} // namespace

NormalisedRow RowNormaliser::normalise(const QStringList &fields, qint64 line,
                                       bool tagsAsViews) const
{
    NormalisedRow row;
    normalise(fields, line, tagsAsViews, row);
    return row;
}

void RowNormaliser::normalise(const QStringList &fields, qint64 line, bool tagsAsViews,
                              NormalisedRow &row) const
{
    clear(row);
    Event &e = row.event;
    e.sourceLine = line;

    if (!m_mapping.keepEventCodes.isEmpty() && !columns(Field::EventCode).isEmpty()) {
        const QStringView code = firstView(fields, columns(Field::EventCode));
        bool keep = false;
        for (const QString &prefix : m_mapping.keepEventCodes)
            keep = keep || code.startsWith(prefix);
        if (!keep) {
            row.filtered = true;
            row.filterColumn = columns(Field::EventCode).constFirst() + 1;
            row.filterValue = code.toString();
            row.skipped = true;
            return;
        }
    }

    readDates(fields, line, row);
    if (row.skipped)
        return;

    e.title = firstValue(fields, columns(Field::Title));
    // The first type is the event's, any others are tags; read as views, so that the one
    // string made is the event's own.
    QVarLengthArray<QStringView, 16> types;
    for (int c : columns(Field::EventType)) {
        const QVarLengthArray<QStringView, 16> parts =
            multiValueParts(cell(fields, c), m_mapping.splitOnComma);
        types.append(parts.constData(), parts.size());
    }
    if (!types.isEmpty()) {
        e.type = types.front().toString().toLower();
        for (qsizetype i = 1; i < types.size(); ++i)
            e.otherTypes << types[i].toString().toLower();
    }
    if (const QStringView status = firstView(fields, columns(Field::Status)); !status.isEmpty()) {
        const std::optional<EventStatus> read = statusFromText(status);
        e.status = read.value_or(EventStatus::Occurred);
        if (!read)
            problem(row, line, columns(Field::Status).constFirst(), status.toString(),
                    QStringLiteral("unknown status; read as occurred"));
    }

    readPlace(fields, line, row);
    readSize(fields, line, row);
    readCounts(fields, line, row);

    if (tagsAsViews)
        readTagViews(fields, row);
    else
        readTags(fields, row);

    e.claims = joinCells(fields, columns(Field::Claims), u"; ");
    e.notes = joinCells(fields, columns(Field::Notes), u"\n");
    e.propertyDamage = joinCells(fields, columns(Field::PropertyDamage), u"; ",
                                 [](QStringView v) { return parseFlag(v) != false; });

    if (const QStringView online = firstView(fields, columns(Field::Online)); !online.isEmpty()) {
        const std::optional<bool> flag = parseFlag(online);
        if (flag)
            e.online = *flag;
        else
            problem(row, line, columns(Field::Online).constFirst(), online.toString(),
                    QStringLiteral("not a yes/no value"));
    }

    const QString outlet = firstValue(fields, columns(Field::SourceOutlet));
    e.sources.reserve(columns(Field::Source).size());
    for (int c : columns(Field::Source)) {
        const QStringView v = cell(fields, c);
        if (v.isEmpty())
            continue;
        if (!v.contains(QLatin1Char(';'))) {
            e.sources.append({v.toString(), outlet, QString()});
            continue;
        }
        // Several URLs in one cell (ACLED, hand-made lists) become several sources.
        for (QString &part : splitMultiValue(v))
            e.sources.append({std::move(part), outlet, QString()});
    }
    // Placard's own exports carry every source whole; they win over the columns above.
    if (const QStringView json = firstView(fields, columns(Field::SourcesJson)); !json.isEmpty()) {
        if (const std::optional<QList<EventSource>> sources = sourcesFromJson(json))
            e.sources = *sources;
        else
            problem(row, line, columns(Field::SourcesJson).constFirst(), json.toString(),
                    QStringLiteral("not a JSON list of sources; the source columns are used"));
    }
    e.externalId = firstValue(fields, columns(Field::ExternalId));
}

void RowNormaliser::readTags(const QStringList &fields, NormalisedRow &row) const
{
    Event &e = row.event;
    const auto multi = [&](Field f) {
        // One column's values are already distinct (splitMultiValue leaves out repeats).
        if (columns(f).size() == 1)
            return splitMultiValue(cell(fields, columns(f).constFirst()), m_mapping.splitOnComma);
        QStringList values;
        for (int c : columns(f)) {
            QStringList parts = splitMultiValue(cell(fields, c), m_mapping.splitOnComma);
            if (values.isEmpty()) { // the first column with values: taken whole
                values = std::move(parts);
                continue;
            }
            values.reserve(values.size() + parts.size());
            for (const QString &v : std::as_const(parts)) {
                if (!values.contains(v, Qt::CaseInsensitive))
                    values << v;
            }
        }
        return values;
    };
    e.actors = multi(Field::Organisers);
    e.participants = multi(Field::Participants);
    e.issues = multi(Field::Issues);
    e.tags = multi(Field::Tags);
    if (!m_mapping.sizeInTags.isEmpty()) {
        for (qsizetype i = 0; i < e.tags.size(); ++i) {
            if (takeSizeFromTag(e.tags[i], m_mapping.sizeInTags, e)) {
                e.tags.removeAt(i);
                break;
            }
        }
    }
}

void RowNormaliser::readTagViews(const QStringList &fields, NormalisedRow &row) const
{
    // The same values as readTags(), in the same order.
    QVarLengthArray<TagView, 16> &views = row.tagViews;
    const auto multi = [&](Field f, TagKind kind) {
        const qsizetype first = views.size();
        for (int c : columns(f)) {
            const bool whole = views.size() == first; // the first column with values
            for (const QStringView part :
                 multiValueParts(cell(fields, c), m_mapping.splitOnComma)) {
                const bool repeated = !whole &&
                    std::any_of(views.cbegin() + first, views.cend(), [&](const TagView &v) {
                        return v.name.size() == part.size() &&
                            v.name.compare(part, Qt::CaseInsensitive) == 0;
                    });
                if (!repeated)
                    views.append({kind, part});
            }
        }
    };
    multi(Field::Organisers, TagKind::Actor);
    multi(Field::Participants, TagKind::Participant);
    multi(Field::Issues, TagKind::Issue);
    const qsizetype tags = views.size();
    multi(Field::Tags, TagKind::Other);
    if (!m_mapping.sizeInTags.isEmpty()) {
        for (qsizetype i = tags; i < views.size(); ++i) {
            if (takeSizeFromTag(views[i].name, m_mapping.sizeInTags, row.event)) {
                views.remove(i);
                break;
            }
        }
    }
}

void RowNormaliser::readDates(const QStringList &fields, qint64 line, NormalisedRow &row) const
{
    Event &e = row.event;
    std::optional<ParsedDate> start;
    std::optional<QDate> rangeLast; ///< the last day of a period in the date cell
    QString error;
    int dateColumn = -1;
    QStringView dateText;
    QString partsText; ///< year, month and day columns as one text, for messages
    if (!columns(Field::Date).isEmpty()) {
        dateColumn = columns(Field::Date).constFirst();
        dateText = cell(fields, dateColumn);
        if (!dateText.isEmpty())
            start = parseDate(dateText, m_order, m_allowExcelSerial, &error);
        // Hand-made lists write an event of several days in one cell ("30–31 January").
        if (!start && !dateText.isEmpty()) {
            QString rangeError;
            if (const std::optional<ParsedRange> range =
                    parseDateRange(dateText, m_order, &rangeError)) {
                start = range->start;
                rangeLast = range->last;
            } else if (rangeError.contains(u"ends before")) {
                error = rangeError;
            }
        }
    } else if (!columns(Field::Year).isEmpty()) {
        dateColumn = columns(Field::Year).constFirst();
        dateText = cell(fields, dateColumn);
        const QStringView m = firstView(fields, columns(Field::Month));
        const QStringView d = firstView(fields, columns(Field::Day));
        if (!dateText.isEmpty())
            start = dateFromParts(dateText, m, d, &error);
        partsText = QStringList{dateText.toString(), m.toString(), d.toString()}.join(u'-');
        dateText = partsText;
    }
    if (!start) {
        // Spreadsheets leave rows of empty cells (",,,,") below the data: said so, rather
        // than that a date is missing.
        const bool empty = std::all_of(fields.cbegin(), fields.cend(),
                                       [](const QString &f) { return f.trimmed().isEmpty(); });
        problem(row, line, dateColumn, dateText.toString(),
                empty ? QStringLiteral("empty row: skipped")
                    : dateText.isEmpty() || dateColumn < 0 || isEmptyDate(dateText)
                    ? QStringLiteral("no date: the row is skipped")
                    : QStringLiteral("unreadable date (%1): the row is skipped").arg(error),
                true);
        return;
    }
    e.startDay = dayNumber(start->date);
    e.datePrecision = toCatalogue(start->precision);
    if (const QStringView p = firstView(fields, columns(Field::DatePrecision)); !p.isEmpty()) {
        // ACLED time_precision: 1 the day, 2 within a week, 3 within a month.
        if (p == QLatin1StringView("3") ||
            p.compare(QLatin1StringView("month"), Qt::CaseInsensitive) == 0) {
            e.datePrecision = placard::DatePrecision::Month;
            start->date = QDate(start->date.year(), start->date.month(), 1);
            start->precision = DatePrecision::Month;
            e.startDay = dayNumber(start->date);
        } else if (p.compare(QLatin1StringView("year"), Qt::CaseInsensitive) == 0) {
            e.datePrecision = placard::DatePrecision::Year;
            start->date = QDate(start->date.year(), 1, 1);
            start->precision = DatePrecision::Year;
            e.startDay = dayNumber(start->date);
        }
    }
    // A typing slip ("0026", "2206") would stretch the timeline over centuries: the date is
    // kept, as it may be right, and shown to whoever keeps the list.
    if (start->date < kEarliestLikelyDay || start->date > m_latestLikelyDay)
        problem(row, line, dateColumn, dateText.toString(),
                QStringLiteral("year %1 is unlikely for an event; the date is kept as written")
                    .arg(start->date.year()));
    QDate end = rangeLast.value_or(periodEnd(start->date, start->precision));

    std::optional<ParsedDate> last;
    int endColumn = -1;
    QStringView endText;
    QString endError;
    if (!columns(Field::EndDate).isEmpty()) {
        endColumn = columns(Field::EndDate).constFirst();
        endText = cell(fields, endColumn);
        if (!endText.isEmpty())
            last = parseDate(endText, m_order, m_allowExcelSerial, &endError);
    } else if (!columns(Field::EndYear).isEmpty()) {
        endColumn = columns(Field::EndYear).constFirst();
        endText = cell(fields, endColumn);
        if (!endText.isEmpty())
            last = dateFromParts(endText, firstView(fields, columns(Field::EndMonth)),
                                 firstView(fields, columns(Field::EndDay)), &endError);
    }
    if (last) {
        const QDate lastDay = periodEnd(last->date, last->precision);
        if (lastDay < start->date)
            problem(row, line, endColumn, endText.toString(),
                    QStringLiteral("end date before the start date; ignored"));
        else
            end = lastDay;
    } else if (!endText.isEmpty()) {
        problem(row, line, endColumn, endText.toString(),
                QStringLiteral("unreadable end date (%1); ignored").arg(endError));
    }
    e.endDay = dayNumber(end);
}

void RowNormaliser::readFipsCountry(qint64 line, NormalisedRow &row) const
{
    // GDELT's countries are FIPS 10-4 codes, which say China for Switzerland's ISO code:
    // the catalogue keeps ISO codes. Its first-level codes start with the FIPS country
    // ("USCA"), then the subdivision ("CA", as the gazetteer has it; "00" none).
    Event &e = row.event;
    const QString fips = e.country;
    const std::optional<QString> iso = isoFromFips(fips);
    if (!iso) {
        problem(row, line, columns(Field::Country).constFirst(), fips,
                QStringLiteral("not a FIPS 10-4 country code; kept as written"));
        return;
    }
    e.country = *iso;
    if (e.admin1.startsWith(fips, Qt::CaseInsensitive)) {
        e.admin1 = e.admin1.mid(2);
        if (e.admin1 == u"00")
            e.admin1.clear();
    }
}

void RowNormaliser::readPlace(const QStringList &fields, qint64 line, NormalisedRow &row) const
{
    Event &e = row.event;
    e.place = firstValue(fields, columns(Field::Place));
    e.locality = firstValue(fields, columns(Field::Locality));
    e.admin1 = firstValue(fields, columns(Field::Admin1));
    e.admin2 = firstValue(fields, columns(Field::Admin2));
    e.country = firstValue(fields, columns(Field::Country));
    // The Crowd Counting Consortium and Count Love cover the United States only.
    if (e.country.isEmpty() &&
        (m_mapping.preset == PresetId::Ccc || m_mapping.preset == PresetId::CountLove))
        e.country = QStringLiteral("US");
    if (m_mapping.countryCodeScheme == u"fips" && !e.country.isEmpty())
        readFipsCountry(line, row);

    std::optional<LatLon> point;
    if (!columns(Field::Latitude).isEmpty() && !columns(Field::Longitude).isEmpty()) {
        int latColumn = columns(Field::Latitude).constFirst();
        int lonColumn = columns(Field::Longitude).constFirst();
        if (m_coordinateOrder == PairOrder::LongitudeFirst) // the columns hold each other
            std::swap(latColumn, lonColumn);
        const QStringView latText = cell(fields, latColumn);
        const QStringView lonText = cell(fields, lonColumn);
        if (!latText.isEmpty() || !lonText.isEmpty()) {
            QString error;
            // Read both without range checks first, so swapped columns can be recognised.
            const std::optional<double> lat = coordinateNumber(latText);
            const std::optional<double> lon = coordinateNumber(lonText);
            std::optional<double> latChecked =
                lat ? lat : parseCoordinate(latText, Axis::Latitude, &error);
            std::optional<double> lonChecked =
                lon ? lon : parseCoordinate(lonText, Axis::Longitude, &error);
            if (!latChecked) {
                problem(row, line, latColumn, latText.toString(),
                        QStringLiteral("unreadable latitude: the event is kept unplaced"));
            } else if (!lonChecked) {
                problem(row, line, lonColumn, lonText.toString(),
                        QStringLiteral("unreadable longitude: the event is kept unplaced"));
            } else {
                bool suspicious = false;
                point = checkLatLon(*latChecked, *lonChecked, &error, &suspicious);
                if (!point) {
                    const bool longitude = error.startsWith(QLatin1StringView("longitude"));
                    problem(row, line, longitude ? lonColumn : latColumn,
                            pairText(latText, lonText),
                            QStringLiteral("%1: the event is kept unplaced").arg(error));
                } else if (point->swapped) {
                    problem(row, line, latColumn, pairText(latText, lonText),
                            QStringLiteral("latitude and longitude were swapped; exchanged"));
                } else if (suspicious) {
                    problem(row, line, latColumn, pairText(latText, lonText),
                            QStringLiteral("coordinates 0, 0 are almost always a placeholder: the "
                                           "event is kept unplaced"));
                    point.reset();
                }
            }
        }
    } else if (!columns(Field::Coordinates).isEmpty()) {
        const int column = columns(Field::Coordinates).constFirst();
        const QStringView text = cell(fields, column);
        if (!text.isEmpty()) {
            QString error;
            point = parseLatLon(text, &error, m_coordinateOrder);
            if (!point)
                problem(row, line, column, text.toString(),
                        QStringLiteral("unreadable coordinates (%1): the event is kept unplaced")
                            .arg(error));
        }
    }

    GeoPrecision precision = GeoPrecision::Unplaced;
    if (const QStringView p = firstView(fields, columns(Field::GeoPrecision)); !p.isEmpty())
        precision = precisionFromCode(m_mapping.geoPrecisionScheme, p);
    if (point &&
        (m_mapping.geoPrecisionScheme != QLatin1StringView("gdelt") ||
         precision != GeoPrecision::Unplaced)) {
        e.latitude = point->latitude;
        e.longitude = point->longitude;
        e.coordinateOrigin = CoordinateOrigin::File;
        if (precision == GeoPrecision::Unplaced) {
            // Lists that give a town and a point geocoded the town.
            const bool geocodedTown =
                m_mapping.preset == PresetId::Ccc || m_mapping.preset == PresetId::CountLove;
            precision = geocodedTown ? GeoPrecision::Locality : GeoPrecision::Exact;
        }
        e.geoPrecision = precision;
    }
}

void RowNormaliser::readSize(const QStringList &fields, qint64 line, NormalisedRow &row) const
{
    Event &e = row.event;
    const auto number = [&](Field f) -> std::optional<qint64> {
        if (columns(f).isEmpty())
            return std::nullopt;
        const int c = columns(f).constFirst();
        const QStringView v = cell(fields, c);
        if (v.isEmpty())
            return std::nullopt;
        std::optional<qint64> n = parseInteger(v);
        if (!n) {
            const CrowdSize s = parseCrowdSizeValue(v);
            n = s.ok ? (s.low ? s.low : s.high) : std::nullopt;
        }
        if (!n || *n < 0) {
            problem(row, line, c, v.toString(), QStringLiteral("not a crowd size; ignored"));
            return std::nullopt;
        }
        return n;
    };
    e.sizeLow = number(Field::SizeLow);
    e.sizeHigh = number(Field::SizeHigh);
    if (!columns(Field::SizeText).isEmpty()) {
        const int c = columns(Field::SizeText).constFirst();
        e.sizeText = cell(fields, c).toString();
        if (!e.sizeText.isEmpty()) {
            const CrowdSize s = parseCrowdSizeValue(e.sizeText);
            if (!s.ok)
                problem(row, line, c, e.sizeText,
                        QStringLiteral("crowd size not understood; the text is kept"));
            else if (!e.sizeLow && !e.sizeHigh) {
                e.sizeLow = s.low;
                e.sizeHigh = s.high;
            }
        }
    }
    if (e.sizeLow && e.sizeHigh && *e.sizeHigh < *e.sizeLow) {
        problem(row, line, columns(Field::SizeHigh).value(0, -1), QString::number(*e.sizeHigh),
                QStringLiteral("high estimate below the low one; exchanged"));
        std::swap(e.sizeLow, e.sizeHigh);
    }
}

void RowNormaliser::readCounts(const QStringList &fields, qint64 line, NormalisedRow &row) const
{
    const auto sum = [&](Field f) -> std::optional<qint32> {
        std::optional<qint32> total;
        for (int c : columns(f)) {
            const QStringView v = cell(fields, c);
            if (v.isEmpty())
                continue;
            const std::optional<qint64> n = parseInteger(v);
            if (!n || *n < 0 || *n > 100000000) {
                problem(row, line, c, v.toString(), QStringLiteral("not a count; ignored"));
                continue;
            }
            total = total.value_or(0) + qint32(*n);
        }
        return total;
    };
    row.event.arrests = sum(Field::Arrests);
    row.event.injuries = sum(Field::Injuries);
    row.event.deaths = sum(Field::Deaths);
}

std::optional<double> coordinateNumber(QStringView text)
{
    if (!text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('.')) ||
        text.count(QLatin1Char(',')) != 1)
        return parseNumber(text);
    QString decimal = text.toString();
    decimal.replace(QLatin1Char(','), QLatin1Char('.'));
    return parseNumber(decimal);
}

} // namespace placard::io
