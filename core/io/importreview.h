// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"
#include "geo/geocoder.h"
#include "io/importer.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <atomic>
#include <functional>

namespace placard {
class Catalogue;
}

namespace placard::io {

/// A row the import would leave out, and why.
struct SkippedRow {
    qint64 line = 0;
    QString reason;
    friend bool operator==(const SkippedRow &, const SkippedRow &) = default;
};

/// One distinct place text of the rows the import could not place (no coordinates, and
/// the geocoder found nothing sure enough), with what the geocoder suggests.
struct UnplacedPlace {
    /// The place as the rows give it: the place column, else locality, admin1 and country
    /// joined by ", " (see placeText()); the key of ImportOptions::places.
    QString text;
    qint64 rows = 0; ///< rows with this text the import would write unplaced
    qint64 firstLine = 0;
    /// Best first; may be empty. The import takes the geocoder's first answer whenever there
    /// is one, so these come from looser questions than the import asked: the first row's
    /// query, then its text without the row's state and country columns, then the text's
    /// first comma-separated part alone. Suggestions to choose from, not sure answers. The
    /// geocoder already falls back to a text's parts, the state and the country before it
    /// gives up, so in practice the list is nearly always empty.
    QList<geo::GeocodeCandidate> candidates;
    QString reason; ///< why the geocoder left it unplaced (or why there was no geocoder)
};

/// A row that looks like an event already in the catalogue or an earlier row of the file.
struct PossibleDuplicate {
    qint64 line = 0;
    Event row; ///< the row as it would be imported
    qint64 existingEventId = 0; ///< the catalogue's event, or 0 when it is an earlier row
    qint64 earlierLine = 0; ///< the earlier row, when existingEventId is 0
};

/// Everything an import would do, found without writing anything.
struct ImportReview {
    QString error; ///< why the file cannot be imported at all
    bool cancelled = false;
    qint64 records = 0;
    qint64 wouldImport = 0;
    QList<SkippedRow> skipped; ///< every row left out: unusable, filtered, duplicate skipped
    /// Cell and file problems as the import records them, first ImportReport::kMaxProblems;
    /// without its notes on duplicates, which `duplicates` lists.
    QList<ImportProblem> problems;
    qint64 problemCount = 0; ///< all of them
    QList<UnplacedPlace> unplaced; ///< most rows first, then by first line
    QList<PossibleDuplicate> duplicates; ///< first 1,000
    qint64 duplicateRows = 0; ///< all of them, as ImportReport::duplicates
    qint64 unplacedRows = 0; ///< new events left without coordinates, as ImportReport::unplaced
    std::array<qint64, 3> geocoded{}; ///< as ImportReport::geocoded
    Mapping mapping;
    QString encoding;
    QChar delimiter;
    QString format;
    QString layer; ///< the vector layer read; empty for CSV
};

/// Reads and normalises a whole file as Importer::importFile() would, with the same options
/// (mapping, duplicates, geocoding, place choices), and reports what it would do, writing
/// nothing. Runs on any thread; `catalogue` is only read (through its own reader connection,
/// which sees what the catalogue has committed). `progress` is called on the calling thread,
/// in bytes for CSV and features for vector files; a cancel returns with `cancelled` set.
ImportReview reviewImport(const Catalogue &catalogue, const QString &path,
                          const ImportOptions &options, const std::atomic_bool *cancel = nullptr,
                          const std::function<void(qint64 done, qint64 total)> &progress = {});

} // namespace placard::io
