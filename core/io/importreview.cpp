// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/importreview.h"

#include "catalogue/catalogue.h"
#include "io/importsteps.h"

#include <algorithm>

namespace placard::io {

namespace {

constexpr qsizetype kMaxDuplicates = 1000;

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// Why a row the normaliser refused is left out.
QString skipReason(const NormalisedRow &row, const Mapping &mapping)
{
    if (row.filtered)
        return QStringLiteral("its event code is not %1")
            .arg(mapping.keepEventCodes.join(QStringLiteral(", ")));
    for (const ImportProblem &p : row.problems) {
        if (p.skipped)
            return p.message;
    }
    return QStringLiteral("not usable as an event");
}

// Suggestions for a place the import leaves unplaced; see UnplacedPlace::candidates.
QList<geo::GeocodeCandidate> suggestions(const geo::Geocoder &geocoder,
                                         const geo::GeocodeQuery &query)
{
    const QString head = query.text.section(QLatin1Char(','), 0, 0).trimmed();
    QList<geo::GeocodeCandidate> list;
    for (const geo::GeocodeQuery &q :
         {query, geo::GeocodeQuery{query.text, {}, {}, {}}, geo::GeocodeQuery{head, {}, {}, {}}}) {
        if (q.text.isEmpty() && q.admin1.isEmpty() && q.country.isEmpty())
            continue;
        for (const geo::GeocodeCandidate &c : geocoder.geocode(q, 5).candidates) {
            const bool seen = std::any_of(list.cbegin(), list.cend(), [&](const auto &u) {
                return u.name == c.name && u.admin1Code == c.admin1Code && u.country == c.country &&
                    u.precision == c.precision;
            });
            if (!seen && list.size() < 5)
                list.append(c);
        }
    }
    return list;
}

} // namespace

ImportReview reviewImport(const Catalogue &catalogue, const QString &path,
                          const ImportOptions &options, const std::atomic_bool *cancel,
                          const std::function<void(qint64 done, qint64 total)> &progress)
{
    ImportReview review;
    std::unique_ptr<RecordSource> source = openRecordSource(path, options, &review.error);
    if (!source)
        return review;
    review.format = source->format();
    review.layer = source->layer();
    review.delimiter = source->delimiter();
    const ImportPlan plan = planImport(*source, options);
    review.mapping = plan.mapping;
    if (!plan.error.isEmpty()) {
        review.error = plan.error;
        return review;
    }

    // The catalogue's events on a connection of our own: the caller's stays free.
    QString error;
    DuplicateIndex duplicates;
    {
        const sql::Connection reader = catalogue.openReader(&error);
        if (!reader) {
            review.error = QStringLiteral("cannot read the catalogue: %1").arg(error);
            return review;
        }
        const sql::Connection second = catalogue.openReader();
        addCatalogueEvents(reader.get(), duplicates, second.get());
    }

    const auto record = [&](const ImportProblem &p) {
        ++review.problemCount;
        if (review.problems.size() < ImportReport::kMaxProblems)
            review.problems.append(p);
    };
    for (const ImportProblem &p : plan.notes)
        record(p);

    struct Group {
        UnplacedPlace place;
        geo::GeocodeQuery query; ///< the first row's
    };
    QList<Group> groups;
    QHash<QString, qsizetype> groupOf;
    FilteredRows filtered;
    RowProcessor processor(plan, options);
    const auto take = [&](const SourceRecord &r) {
        ++review.records;
        RowOutcome outcome = processor.process(r);
        const NormalisedRow &row = outcome.row;
        for (const ImportProblem &p : row.problems)
            record(p);
        if (row.skipped) {
            if (row.filtered)
                filtered.add(row.event.sourceLine, row.filterColumn, row.filterValue);
            review.skipped.append({r.line, skipReason(row, plan.mapping)});
            return;
        }
        const Event &e = row.event;
        const DuplicateVerdict verdict =
            judgeDuplicate(duplicates, outcome.keys, options.duplicates);
        if (verdict.match) {
            // Rows of the file go into the index by their line, negated: catalogue ids are
            // positive.
            const qint64 id = verdict.match->id;
            ++review.duplicateRows;
            if (review.duplicates.size() < kMaxDuplicates)
                review.duplicates.append({r.line, e, id > 0 ? id : 0, id > 0 ? 0 : -id});
            if (verdict.action == DuplicateVerdict::Skip) {
                review.skipped.append({r.line,
                                       id > 0 ? QStringLiteral("duplicate of event %1").arg(id)
                                              : QStringLiteral("duplicate of line %1").arg(-id)});
                return;
            }
        }
        ++review.wouldImport;
        if (verdict.action == DuplicateVerdict::Insert) {
            duplicates.add(outcome.keys, {-r.line});
            if (outcome.geocoded >= 0)
                ++review.geocoded[std::size_t(outcome.geocoded)];
            if (!e.isPlaced())
                ++review.unplacedRows;
        }
        if (outcome.placeText.isEmpty())
            return;
        auto it = groupOf.constFind(outcome.placeText);
        if (it == groupOf.cend()) {
            it = groupOf.insert(outcome.placeText, groups.size());
            groups.append(
                {{outcome.placeText, 0, r.line, {}, outcome.unplacedReason}, placeQuery(e)});
        }
        ++groups[*it].place.rows;
    };

    const qint64 total = source->total();
    qint64 taken = 0;
    const auto step = [&](const SourceRecord &r) {
        take(r);
        if (++taken % 1024 == 0 && progress)
            progress(source->position(), total);
        return !isCancelled(cancel);
    };
    bool going = !isCancelled(cancel);
    for (std::size_t i = 0; going && i < plan.sample.size(); ++i)
        going = step(plan.sample[i]);
    for (SourceRecord r; going && source->read(r);)
        going = step(r);
    if (going && !source->errorString().isEmpty()) {
        review.error = source->errorString() + QStringLiteral("; nothing would be imported");
        return review;
    }
    if (going && progress)
        progress(source->position(), total);
    if (!going || isCancelled(cancel)) {
        review.cancelled = true;
        return review;
    }

    review.encoding = source->encoding();
    for (const ImportProblem &p : source->notes())
        record(p);
    if (const std::optional<ImportProblem> p = filtered.problem(plan.mapping))
        record(*p);

    std::stable_sort(groups.begin(), groups.end(), [](const Group &a, const Group &b) {
        return a.place.rows != b.place.rows ? a.place.rows > b.place.rows
                                            : a.place.firstLine < b.place.firstLine;
    });
    for (Group &g : groups) {
        if (isCancelled(cancel)) {
            review.cancelled = true;
            return review;
        }
        if (plan.geocoder)
            g.place.candidates = suggestions(*plan.geocoder, g.query);
        review.unplaced.append(std::move(g.place));
    }
    return review;
}

} // namespace placard::io
