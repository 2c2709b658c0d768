// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"
#include "io/columnmapping.h"
#include "io/csvreader.h"
#include "io/recordsource.h"

#include <QHash>
#include <QJsonObject>

#include <array>
#include <memory>

#include <atomic>
#include <functional>
#include <optional>

namespace placard {
class Catalogue;
namespace geo {
class Geocoder;
}
} // namespace placard

namespace placard::io {

/// What to do with a row that duplicates an event already in the catalogue or earlier in
/// the same file (same day and type, and the same place name or within 1 km).
enum class DuplicatePolicy { Skip, Keep, Update };

QString duplicatePolicyName(DuplicatePolicy policy);
std::optional<DuplicatePolicy> duplicatePolicyFromName(QStringView name);

struct ImportOptions {
    CsvOptions csv;
    /// The layer of a vector file to read; empty: the only layer, or the only one holding
    /// features (see VectorSource::open()).
    QString layer;
    std::optional<PresetId> preset; ///< force a preset; otherwise it is recognised
    std::optional<Mapping> mapping; ///< an explicit mapping wins over presets
    DuplicatePolicy duplicates = DuplicatePolicy::Skip;
    /// Place rows without coordinates from their place names (on by default).
    bool geocode = true;
    /// The geocoder to use; when null, the default gazetteer is opened if it exists.
    std::shared_ptr<const geo::Geocoder> geocoder;

    /// A point chosen by hand for a place the geocoder could not place.
    struct PlacePick {
        double latitude = 0;
        double longitude = 0;
        GeoPrecision precision = GeoPrecision::Locality;
    };
    /// Rows that would stay unplaced (no coordinates, and the geocoder found nothing or
    /// geocoding is off) and whose place text (placeText(), as UnplacedPlace::text) is a
    /// key are placed here, coordinateOrigin Manual. The points are taken as given.
    QHash<QString, PlacePick> places;
};

/// The place text of a row, as the import wizard shows it and ImportOptions::places is
/// keyed by: the place column, else locality, admin1 and country joined by ", " (those
/// given). Empty when the row names no place.
QString placeText(const Event &event);

/// The outcome of an import. records == imported + skipped always holds.
struct ImportReport {
    bool committed = false;
    bool cancelled = false;
    QString error; ///< why nothing was imported, naming file and line
    qint64 records = 0;
    qint64 imported = 0; ///< new events plus updated ones
    qint64 skipped = 0; ///< unusable, filtered out, or duplicates skipped
    qint64 duplicates = 0;
    qint64 updated = 0;
    qint64 unplaced = 0;
    qint64 filtered = 0;
    /// Rows placed by the geocoder, by precision: locality, admin1, country.
    std::array<qint64, 3> geocoded{};
    qint64 problemCount = 0; ///< all problems; `problems` keeps the first kMaxProblems
    double seconds = 0; ///< everything done, full-text index included
    double eventsSeconds = 0; ///< events committed and queryable
    qint64 datasetId = 0;
    Mapping mapping;
    QString format; ///< as recorded with the dataset: "csv", "gpkg", "geojson"…
    QString layer; ///< the vector layer read; empty for CSV
    QString encoding;
    QChar delimiter; ///< null for vector files
    QList<ImportProblem> problems;
    static constexpr qsizetype kMaxProblems = 100000;

    QJsonObject toJson() const;
};

/// Whether the importer reads a file as CSV: by its extension, .csv, .tsv or .txt.
bool isCsvPath(const QString &path);

/// Opens a file as the importer reads it: CSV (see isCsvPath()) with options.csv, any
/// other file as a vector layer through GDAL (options.layer, see VectorSource::open()).
/// Nothing, with *error naming the file, when it cannot be read.
std::unique_ptr<RecordSource> openRecordSource(const QString &path, const ImportOptions &options,
                                               QString *error);

/// Imports an event list into a catalogue as one dataset, in one transaction for the
/// events and one for their full-text index: a fatal error or a cancel leaves the
/// catalogue as it was. CSV files and vector layers go through the same column mapping
/// and normalising. Parsing and normalising run on a second thread while this one
/// writes. Call it on the thread that owns the catalogue; `cancel` and `progress` may
/// be used from others (progress is called on this thread, in bytes for CSV and in
/// features for vector files).
class Importer {
public:
    explicit Importer(Catalogue &catalogue);

    /// Told, on the importing thread, when the events are committed and their text index is
    /// being built (a few seconds for a million): the read progress is then complete, but
    /// the import is not done.
    void setIndexingStarted(std::function<void()> started)
    {
        m_indexingStarted = std::move(started);
    }

    /// Imports a CSV file or a vector file GDAL reads, as openRecordSource() decides.
    ImportReport importFile(const QString &path, const ImportOptions &options,
                            const std::atomic_bool *cancel = nullptr,
                            const std::function<void(qint64 done, qint64 total)> &progress = {});
    /// Imports a file as CSV whatever its name.
    ImportReport importCsv(const QString &path, const ImportOptions &options,
                           const std::atomic_bool *cancel = nullptr,
                           const std::function<void(qint64 done, qint64 total)> &progress = {});

private:
    ImportReport importSource(RecordSource &source, const QString &path,
                              const ImportOptions &options, const std::atomic_bool *cancel,
                              const std::function<void(qint64, qint64)> &progress);

    Catalogue &m_catalogue;
    std::function<void()> m_indexingStarted;
};

} // namespace placard::io
