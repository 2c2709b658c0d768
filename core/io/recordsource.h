// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"
#include "io/columnmapping.h"

#include <QChar>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace placard::io {

/// One record as a source hands it to the importer.
struct SourceRecord {
    QStringList fields; ///< the field texts, a missing value empty
    qint64 line = 0; ///< what problems name as the line: the CSV line, the feature's number
    QList<ImportProblem> problems; ///< what the source itself found wrong with the record
};

/// A table the importer reads one record at a time: columns with names, then records of
/// field texts, so CSV files and vector layers go through the same mapping, normalising
/// and writing. A source streams (memory does not grow with the input) and is used from
/// one thread at a time, which may change between calls.
class RecordSource {
public:
    virtual ~RecordSource() = default;

    /// The file, or the file and layer, as messages name it.
    virtual QString displayName() const = 0;
    /// The column names; empty when a CSV file has no header.
    virtual QStringList header() const = 0;
    virtual bool hasHeader() const = 0;
    /// Reads the next record; false at the end or on an error (then errorString() is set).
    virtual bool read(SourceRecord &record) = 0;
    /// Why reading stopped early, naming the file (and layer and feature); empty if it did not.
    virtual QString errorString() const = 0;

    /// The mapping this source's columns get when the user gives none: the preset's when
    /// one is forced, otherwise the recognised preset or the generic synonyms.
    virtual Mapping autoMapping(std::optional<PresetId> preset,
                                const QStringList &firstRecord) const = 0;

    /// The format recorded with the dataset ("csv", "tsv", "gpkg", "geojson"…).
    virtual QString format() const = 0;
    /// How far reading got and how far it goes, in units of the source's choice (bytes,
    /// features); the total is -1 when unknown.
    virtual qint64 position() const = 0;
    virtual qint64 total() const = 0;

    /// The layer read, for a file that holds several; empty otherwise.
    virtual QString layer() const { return {}; }
    /// The text encoding read, when the source decodes text itself.
    virtual QString encoding() const { return {}; }
    /// The field delimiter of a delimited text file; null otherwise.
    virtual QChar delimiter() const { return {}; }
    /// Notes about the whole source, complete once read() returned false.
    virtual QList<ImportProblem> notes() const { return {}; }
};

} // namespace placard::io
