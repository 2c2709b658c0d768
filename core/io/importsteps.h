// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"
#include "geo/geocoder.h"
#include "io/duplicateindex.h"
#include "io/importer.h"
#include "io/rownormaliser.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

struct sqlite3;

// The decisions an import makes, shared by Importer and reviewImport() so that a review
// reports exactly what the import would do.
namespace placard::io {

/// What an import decides from a file before its rows: mapping, date order, geocoder.
struct ImportPlan {
    QString error; ///< why the file cannot be imported; nothing else is set then
    Mapping mapping;
    std::vector<SourceRecord> sample; ///< the first records, read to decide; rows too
    std::optional<RowNormaliser> normaliser;
    int expectedFields = 0; ///< a record with another count is noted
    QList<ImportProblem> notes; ///< about the whole file, recorded before the rows
    std::shared_ptr<const geo::Geocoder> geocoder; ///< null: rows are not geocoded
    QString noGeocoderReason; ///< why geocoder is null
};

/// Reads the first records of `source` and decides how to read the rest.
ImportPlan planImport(RecordSource &source, const ImportOptions &options);

/// What detectCoordinateOrder() saw: records with two numbers, and those whose first (or
/// second) number can only be a longitude, being past ±90; the column of the first number.
struct CoordinateEvidence {
    int read = 0;
    int longitudeFirst = 0;
    int latitudeFirst = 0;
    int column = -1;
};

/// Which of the coordinates comes first in these records: as the columns are named (in a pair
/// cell, latitude first) unless the records say otherwise: when at least three and a quarter
/// of them can only be read longitude first, and hardly any the other way. Values within ±90
/// both ways cannot tell, and are read as named.
PairOrder detectCoordinateOrder(const RowNormaliser &normaliser, const QList<QStringList> &records,
                                CoordinateEvidence *evidence = nullptr);

/// How many records `source` holds in all, judged from the planned sample's share of it,
/// a little over rather than under (the duplicate index reserves room for them).
qint64 expectedRecords(const RecordSource &source, const ImportPlan &plan);

/// Adds the catalogue's events to `index`, each as a match by its id. Given `reader`, a
/// second connection to the same catalogue, they are read on a second thread while this one
/// adds them.
void addCatalogueEvents(sqlite3 *db, DuplicateIndex &index, sqlite3 *reader = nullptr);

/// What the geocoder is asked for a row without coordinates (empty when it names no place).
geo::GeocodeQuery placeQuery(const Event &event);

/// One record as the import treats it, before duplicates are looked for.
struct RowOutcome {
    NormalisedRow row;
    int geocoded = -1; ///< the geo::PlacePrecision the geocoder gave, if it placed the row
    bool picked = false; ///< placed from ImportOptions::places
    /// When the row stays unplaced: its place text (see placeText()), empty when it names
    /// no place, and why it could not be placed.
    QString placeText;
    QString unplacedReason;
    DuplicateIndex::Keys keys; ///< set when the row is not skipped
};

/// Normalises records and places those without coordinates: by the geocoder's first
/// answer, else by ImportOptions::places. Not thread-safe (it remembers the geocoder's
/// answers): one per thread.
class RowProcessor {
public:
    RowProcessor(const ImportPlan &plan, const ImportOptions &options);
    /// With `tagsAsViews`, the tags are views of the record's fields (see
    /// RowNormaliser::normalise()).
    RowOutcome process(const SourceRecord &record, bool tagsAsViews = false);
    /// The same into `outcome`, made new first (see RowNormaliser::normalise()).
    void process(const SourceRecord &record, bool tagsAsViews, RowOutcome &outcome);

private:
    void place(RowOutcome &outcome);

    const ImportPlan &m_plan;
    const ImportOptions &m_options;
    std::optional<geo::MemoGeocoder> m_memo;
    int m_placeColumn = -1;
};

/// What the import does with a usable row under a duplicate policy. A row inserted is
/// then added to the index (Update leaves the index as it is).
struct DuplicateVerdict {
    enum Action { Insert, Skip, Update };
    Action action = Insert;
    std::optional<DuplicateIndex::Match> match;
};
DuplicateVerdict judgeDuplicate(const DuplicateIndex &index, const DuplicateIndex::Keys &keys,
                                DuplicatePolicy policy);

/// The rows a mapping left out on purpose (GDELT events that are not protests), told once
/// at the first of them rather than once per row: a day of GDELT leaves out most of its rows.
class FilteredRows {
public:
    /// A row left out at `line`, by the `value` in `column` (1-based).
    void add(qint64 line, int column, const QString &value);
    qint64 count() const { return m_count; }
    /// The problem that tells them, when there are any.
    std::optional<ImportProblem> problem(const Mapping &mapping) const;

private:
    qint64 m_count = 0;
    ImportProblem m_first;
};

} // namespace placard::io
