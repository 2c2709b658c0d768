// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/importsteps.h"

#include "catalogue/boundedqueue.h"
#include "catalogue/sqlite.h"

#include <algorithm>
#include <cmath>
#include <thread>
#include <utility>

namespace placard::io {

namespace {

// Decides the day/month order of the date column from the first records.
DayMonthOrder decideDateOrder(const RowNormaliser &normaliser, const Mapping &mapping,
                              const std::vector<SourceRecord> &sample, QList<ImportProblem> &notes)
{
    if (normaliser.columns(Field::Date).isEmpty())
        return DayMonthOrder::Unknown;
    const int column = normaliser.columns(Field::Date).constFirst();
    QList<QString> values;
    for (const SourceRecord &r : sample)
        values.append(r.fields.value(column));
    bool ambiguous = false;
    bool conflict = false;
    const DayMonthOrder order = detectDayMonthOrder(values, &ambiguous, &conflict);
    const qint64 line = sample.empty() ? 0 : sample.front().line;
    if (conflict) {
        notes.append({line, column + 1, QString(),
                      QStringLiteral("the date column mixes month/day and day/month order; "
                                     "dates that could be either are skipped"),
                      false});
    } else if (ambiguous && mapping.dateOrder.isEmpty()) {
        // Month first is the custom of the United States; a list kept in another language
        // writes the day first, as do dates with dots.
        const bool dotted = order == DayMonthOrder::DayFirst;
        const bool otherLanguage =
            std::any_of(mapping.columns.cbegin(), mapping.columns.cend(),
                        [](const ColumnRule &c) { return isOtherLanguageHeader(c.header); });
        const QString reading = dotted ? QStringLiteral("day/month, as dates with dots are written")
            : otherLanguage ? QStringLiteral("day/month, as the column names are not in English")
                            : QStringLiteral("month/day");
        notes.append({line, column + 1, QString(),
                      QStringLiteral("day/month order is ambiguous in the date column; read as "
                                     "%1 (set the mapping's date order to change it)")
                          .arg(reading),
                      false});
        return dotted || otherLanguage ? DayMonthOrder::DayFirst : DayMonthOrder::MonthFirst;
    }
    return order;
}

// Decides the coordinates' order from the first records, noting it when they are turned.
PairOrder decideCoordinateOrder(const RowNormaliser &normaliser,
                                const std::vector<SourceRecord> &sample,
                                QList<ImportProblem> &notes)
{
    QList<QStringList> records;
    records.reserve(qsizetype(sample.size()));
    for (const SourceRecord &r : sample)
        records << r.fields;
    CoordinateEvidence evidence;
    const PairOrder order = detectCoordinateOrder(normaliser, records, &evidence);
    if (order == PairOrder::LatitudeFirst)
        return order;
    const bool columns = !normaliser.columns(Field::Latitude).isEmpty() &&
        !normaliser.columns(Field::Longitude).isEmpty();
    const QString message = columns
        ? QStringLiteral("the latitude column holds longitudes and the longitude column "
                         "latitudes (%1 of the first %2 records can only be read so): both "
                         "are read exchanged")
        : QStringLiteral("the coordinates give the longitude first (%1 of the first %2 "
                         "records can only be read so): read longitude, latitude");
    notes.append({sample.front().line, evidence.column + 1, QString(),
                  message.arg(evidence.longitudeFirst).arg(evidence.read), false});
    return order;
}

/// A header's names for a message: the first 20, then how many more (a file may have thousands).
QString columnList(const QStringList &header)
{
    constexpr qsizetype kShown = 20;
    QStringList shown;
    for (const QString &name : header.first(std::min(kShown, header.size())))
        shown << oneLine(name);
    if (header.size() <= kShown)
        return shown.join(QStringLiteral(", "));
    return QStringLiteral("%1 and %2 more")
        .arg(shown.join(QStringLiteral(", ")))
        .arg(header.size() - kShown);
}
} // namespace

QString placeText(const Event &event)
{
    if (!event.place.isEmpty())
        return event.place;
    QStringList parts;
    for (const QString *part : {&event.locality, &event.admin1, &event.country}) {
        if (!part->isEmpty())
            parts << *part;
    }
    return parts.join(QStringLiteral(", "));
}

geo::GeocodeQuery placeQuery(const Event &event)
{
    return {event.place.isEmpty() ? event.locality : event.place, event.locality, event.admin1,
            event.country};
}

PairOrder detectCoordinateOrder(const RowNormaliser &normaliser, const QList<QStringList> &records,
                                CoordinateEvidence *evidence)
{
    const QList<int> &lat = normaliser.columns(Field::Latitude);
    const QList<int> &lon = normaliser.columns(Field::Longitude);
    const QList<int> &pair = normaliser.columns(Field::Coordinates);
    const bool columns = !lat.isEmpty() && !lon.isEmpty();
    CoordinateEvidence seen;
    if (!columns && pair.isEmpty()) {
        if (evidence)
            *evidence = seen;
        return PairOrder::LatitudeFirst;
    }
    seen.column = columns ? lat.constFirst() : pair.constFirst();
    for (const QStringList &fields : records) {
        std::optional<std::pair<double, double>> numbers;
        if (columns) {
            const std::optional<double> a = coordinateNumber(fields.value(lat.constFirst()));
            const std::optional<double> b = coordinateNumber(fields.value(lon.constFirst()));
            if (a && b)
                numbers = std::pair{*a, *b};
        } else {
            numbers = barePair(fields.value(pair.constFirst()));
        }
        if (!numbers)
            continue;
        const double first = std::abs(numbers->first);
        const double second = std::abs(numbers->second);
        ++seen.read;
        seen.longitudeFirst += first > 90 && first <= 180 && second <= 90;
        seen.latitudeFirst += second > 90 && second <= 180 && first <= 90;
    }
    if (evidence)
        *evidence = seen;
    // A typing slip or two in a list of places all within ±90 both ways must not turn it.
    if (seen.longitudeFirst < 3 || 4 * seen.longitudeFirst < seen.read ||
        seen.longitudeFirst < 10 * seen.latitudeFirst)
        return PairOrder::LatitudeFirst;
    return PairOrder::LongitudeFirst;
}

ImportPlan planImport(RecordSource &source, const ImportOptions &options)
{
    ImportPlan plan;
    for (SourceRecord r; plan.sample.size() < 2000 && source.read(r);)
        plan.sample.push_back(std::move(r));
    if (!source.errorString().isEmpty()) {
        plan.error = source.errorString();
        return plan;
    }
    if (plan.sample.empty() && source.header().isEmpty()) {
        plan.error = QStringLiteral("%1: the file holds no records").arg(source.displayName());
        return plan;
    }
    const QStringList firstRecord =
        plan.sample.empty() ? QStringList() : plan.sample.front().fields;
    plan.mapping =
        options.mapping ? *options.mapping : source.autoMapping(options.preset, firstRecord);
    if (!options.mapping) {
        QList<QStringList> values;
        values.reserve(qsizetype(plan.sample.size()));
        for (const SourceRecord &r : plan.sample)
            values << r.fields;
        if (decideCommaLists(plan.mapping, values))
            plan.notes.append({plan.sample.front().line, 0, QString(),
                               QStringLiteral("commas separate the values of the list columns "
                                              "(organisers, issues, tags…), as none holds a ';'"),
                               false});
    }

    const RowNormaliser probe(plan.mapping, DayMonthOrder::Unknown);
    const DayMonthOrder order = decideDateOrder(probe, plan.mapping, plan.sample, plan.notes);
    plan.normaliser.emplace(plan.mapping, order,
                            decideCoordinateOrder(probe, plan.sample, plan.notes));
    if (plan.normaliser->columns(Field::Date).isEmpty() &&
        plan.normaliser->columns(Field::Year).isEmpty()) {
        plan.error = source.hasHeader()
            ? QStringLiteral("%1: no column holds the date of the events (columns: %2); "
                             "name one \"date\", or give a column mapping")
                  .arg(source.displayName(), columnList(source.header()))
            : QStringLiteral("%1: the first line is not a header (it reads as data), so no "
                             "column is known to hold the date of the events; add a header "
                             "line, or give a column mapping")
                  .arg(source.displayName());
        return plan;
    }
    plan.expectedFields =
        source.hasHeader() ? int(source.header().size()) : int(firstRecord.size());

    // Rows without coordinates are placed from their names, once per distinct name.
    if (!options.geocode) {
        plan.noGeocoderReason = QStringLiteral("geocoding is off");
    } else if (options.geocoder) {
        plan.geocoder = options.geocoder;
    } else {
        QString why;
        if (auto gazetteer = geo::Gazetteer::open(geo::Gazetteer::defaultPath(), &why)) {
            plan.geocoder = std::make_shared<geo::Geocoder>(gazetteer);
        } else {
            plan.noGeocoderReason = QStringLiteral("no gazetteer (%1)").arg(why);
            plan.notes.append(
                {0, 0, QString(),
                 QStringLiteral("no gazetteer (%1): rows without coordinates stay unplaced")
                     .arg(why),
                 false});
        }
    }
    return plan;
}

qint64 expectedRecords(const RecordSource &source, const ImportPlan &plan)
{
    const auto sampled = qint64(plan.sample.size());
    const qint64 position = source.position();
    const qint64 total = source.total();
    if (sampled == 0 || position <= 0 || total <= position)
        return sampled;
    // A twentieth more: a table sized for a few less than come is rehashed near the end into
    // one twice its size (for a million rows, 80 MB more memory to take and a tenth of a second
    // on the writing thread), where one sized for a few more only leaves those slots empty.
    return qint64(double(sampled) * double(total) / double(position) * 1.05);
}

void addCatalogueEvents(sqlite3 *db, DuplicateIndex &index, sqlite3 *reader)
{
    if (const std::optional<qint64> count = sql::pragmaInt(db, "SELECT count(*) FROM events"))
        index.reserve(std::size_t(*count));
    using Block = std::vector<std::pair<DuplicateIndex::Keys, qint64>>;
    constexpr std::size_t kBlock = 1024;
    // Reads the events and makes their keys, a block at a time, in the catalogue's order.
    const auto read = [](sqlite3 *from, const auto &take) {
        sql::Statement existing(from,
                                "SELECT e.id, e.start_day, t.name, e.place, e.locality, e.admin1, "
                                "e.lat, e.lon, e.geo_precision FROM events e "
                                "LEFT JOIN event_types t ON t.id = e.type_id");
        Block block;
        block.reserve(kBlock);
        while (existing.next()) {
            Event e;
            e.startDay = qint32(existing.int64(1));
            e.type = existing.text(2);
            e.place = existing.text(3);
            e.locality = existing.text(4);
            e.admin1 = existing.text(5);
            e.latitude = existing.optional<double>(6);
            e.longitude = existing.optional<double>(7);
            e.geoPrecision = GeoPrecision(existing.int64(8));
            block.emplace_back(DuplicateIndex::keysFor(e), existing.int64(0));
            if (block.size() == kBlock) {
                if (!take(std::move(block)))
                    return;
                block = Block();
                block.reserve(kBlock);
            }
        }
        if (!block.empty())
            take(std::move(block));
    };
    // Added in order, with the index's tables read a few rows ahead: one after another,
    // their cache misses were half of loading a million events.
    const auto add = [&index](const Block &block) {
        constexpr std::size_t kAhead = 16;
        for (std::size_t i = 0; i < std::min(kAhead, block.size()); ++i)
            index.prefetch(block[i].first);
        for (std::size_t i = 0; i < block.size(); ++i) {
            if (i + kAhead < block.size())
                index.prefetch(block[i + kAhead].first);
            index.add(block[i].first, {block[i].second});
        }
    };
    if (!reader) {
        read(db, [&](Block &&block) {
            add(block);
            return true;
        });
        return;
    }
    // Reading and making keys was the other half: on a second thread, through the reader.
    BoundedQueue<Block> queue;
    std::thread producer;
    const ProducerJoiner<Block> joiner{queue, producer};
    producer = std::thread([&] {
        read(reader, [&](Block &&block) {
            queue.push(std::move(block));
            return !queue.closed();
        });
        queue.finish();
    });
    for (Block block; queue.pop(block);)
        add(block);
}

RowProcessor::RowProcessor(const ImportPlan &plan, const ImportOptions &options)
    : m_plan(plan)
    , m_options(options)
{
    if (plan.geocoder)
        m_memo.emplace(*plan.geocoder);
    const RowNormaliser &n = *plan.normaliser;
    m_placeColumn =
        n.columns(Field::Place)
            .value(0, n.columns(Field::Locality).value(0, n.columns(Field::Admin1).value(0, -1)));
}

RowOutcome RowProcessor::process(const SourceRecord &record, bool tagsAsViews)
{
    RowOutcome outcome;
    process(record, tagsAsViews, outcome);
    return outcome;
}

void RowProcessor::process(const SourceRecord &record, bool tagsAsViews, RowOutcome &outcome)
{
    const QStringList &fields = record.fields;
    const qint64 line = record.line;
    static_assert(sizeof(void *) != 8 || sizeof(RowOutcome) == 1152,
                  "a member of RowOutcome is not cleared here");
    outcome.geocoded = -1;
    outcome.picked = false;
    outcome.placeText.clear();
    outcome.unplacedReason.clear();
    outcome.keys = {};
    m_plan.normaliser->normalise(fields, line, tagsAsViews, outcome.row);
    outcome.row.problems.append(record.problems);
    if (fields.size() < m_plan.expectedFields) {
        // At the first missing field: where a spreadsheet shows the row going wrong.
        outcome.row.problems.prepend({line, int(fields.size()) + 1, QString(),
                                      QStringLiteral("%1 fields where the header has %2")
                                          .arg(fields.size())
                                          .arg(m_plan.expectedFields),
                                      false});
    } else if (fields.size() > m_plan.expectedFields) {
        // Spreadsheets often end every row with empty cells past the header's ("a,b,,,"):
        // nothing is lost there. Text past the header is, and is shown where it starts.
        for (qsizetype i = m_plan.expectedFields; i < fields.size(); ++i) {
            if (fields.at(i).trimmed().isEmpty())
                continue;
            outcome.row.problems.prepend({line, int(i) + 1, fields.at(i),
                                          QStringLiteral("%1 fields where the header has %2")
                                              .arg(fields.size())
                                              .arg(m_plan.expectedFields),
                                          false});
            break;
        }
    }
    if (!outcome.row.skipped) {
        place(outcome);
        outcome.keys = DuplicateIndex::keysFor(outcome.row.event);
    }
}

void RowProcessor::place(RowOutcome &outcome)
{
    Event &e = outcome.row.event;
    if (e.isPlaced())
        return;
    const geo::GeocodeQuery query = placeQuery(e);
    if (query.text.isEmpty() && query.admin1.isEmpty() && query.country.isEmpty())
        return; // names no place: nothing to ask, nothing to pick by
    const QString text = placeText(e);
    QString reason = m_plan.noGeocoderReason;
    if (m_memo) {
        const geo::GeocodeResult &answer = m_memo->geocode(query);
        if (answer.isPlaced()) {
            // The first answer is taken: the geocoder ranks and refuses by itself.
            const geo::GeocodeCandidate &best = answer.candidates.constFirst();
            e.latitude = best.latitude;
            e.longitude = best.longitude;
            e.coordinateOrigin = CoordinateOrigin::Gazetteer;
            e.geoPrecision = geo::toGeoPrecision(best.precision);
            outcome.geocoded = int(best.precision);
            return;
        }
        reason = answer.unplacedReason;
    }
    if (const auto pick = m_options.places.constFind(text); pick != m_options.places.cend()) {
        e.latitude = pick->latitude;
        e.longitude = pick->longitude;
        e.coordinateOrigin = CoordinateOrigin::Manual;
        e.geoPrecision = pick->precision;
        outcome.picked = true;
        return;
    }
    if (m_memo) {
        outcome.row.problems.append({e.sourceLine, m_placeColumn + 1, query.text,
                                     QStringLiteral("not placed: %1").arg(reason), false});
    }
    outcome.placeText = text;
    outcome.unplacedReason = reason;
}

DuplicateVerdict judgeDuplicate(const DuplicateIndex &index, const DuplicateIndex::Keys &keys,
                                DuplicatePolicy policy)
{
    DuplicateVerdict verdict;
    verdict.match = index.find(keys);
    if (verdict.match && policy == DuplicatePolicy::Skip)
        verdict.action = DuplicateVerdict::Skip;
    else if (verdict.match && policy == DuplicatePolicy::Update)
        verdict.action = DuplicateVerdict::Update;
    return verdict;
}

void FilteredRows::add(qint64 line, int column, const QString &value)
{
    if (m_count++ == 0)
        m_first = {line, column, value, QString(), true};
}

std::optional<ImportProblem> FilteredRows::problem(const Mapping &mapping) const
{
    if (m_count == 0)
        return std::nullopt;
    ImportProblem p = m_first;
    const QString codes = mapping.keepEventCodes.join(QStringLiteral(", "));
    p.message = m_count == 1
        ? QStringLiteral("row left out: its event code is not %1").arg(codes)
        : QStringLiteral("%1 rows left out, this the first: their event code is not %2")
              .arg(m_count)
              .arg(codes);
    return p;
}

} // namespace placard::io
