// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/field.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace placard::io {

/// The dataset layouts Placard knows (see presets.h). Their names (presetName()) are stable:
/// they appear in saved mappings.
enum class PresetId {
    Generic,
    Ccc,
    Acled,
    CountLove,
    Gdelt,
    MassMobilization,
    Placard, ///< Placard's own data exports (every column named as its field)
};

/// Stable lower-case name of a preset: "generic", "ccc", "acled", "countlove", "gdelt", "mm".
QString presetName(PresetId preset);

/// The preset with that stable name (case-insensitive), if any.
std::optional<PresetId> presetFromName(QStringView name);

/// What one input column is imported as.
struct ColumnRule {
    int column = -1; ///< zero-based index of the input column
    QString header; ///< the column's header as read (empty for headerless input)
    Field field = Field::Ignore;

    bool operator==(const ColumnRule &) const = default;
};

/// How the columns of one input file map to event fields, with the dataset options the
/// importer applies. A Mapping from fromJson() or load() is valid: known names only, column
/// numbers unique and non-negative, and a field that takes one column mapped at most once.
struct Mapping {
    PresetId preset = PresetId::Generic;
    QString presetVariant; ///< "ccc-2017", "ccc-2021", "ccc-2025", "gdelt-headerless", "gdelt-csv"…
    QList<ColumnRule> columns; ///< one per input column, in order
    bool splitOnComma = false; ///< multi-valued fields also split on ','
    QString dateOrder; ///< "", "mdy" or "dmy": forced order for slashed dates
    QStringList keepEventCodes; ///< keep only rows whose EventCode starts with one; empty = all
    QString geoPrecisionScheme; ///< "", "gdelt" or "acled": how GeoPrecision codes read
    QString countryCodeScheme; ///< "", "fips" (FIPS 10-4, as GDELT) or "iso"
    QString sizeInTags; ///< prefix of a crowd size carried in Tags ("crowd size=" for ACLED)

    /// All input columns mapped to a field, in column order.
    QList<int> columnsFor(Field field) const;

    /// The mapping as a JSON object (format "placard-column-mapping", version 1).
    QJsonObject toJson() const;
    /// Reads and validates a mapping; on failure returns nothing and says why in *error.
    static std::optional<Mapping> fromJson(const QJsonObject &object, QString *error);

    /// Writes the mapping as indented JSON, atomically.
    bool save(const QString &path, QString *error) const;
    /// Reads a mapping written by save() (or by hand); the error names the file.
    static std::optional<Mapping> load(const QString &path, QString *error);

    bool operator==(const Mapping &) const = default;
};

/// A header reduced for comparison: byte-order-mark remnants dropped, lower case, letters and
/// digits only ("Event Date", "event_date" and "\uFEFFEVENT-DATE" all give "eventdate").
QString normalizedHeader(QStringView header);

/// The field a header names by Placard's generic synonyms ("lat", "Latitude", "y" →
/// Field::Latitude…); Field::Ignore when the header is not recognised.
Field fieldForHeader(QStringView header);
/// The order of day and month a date column's name gives ("Date (dd/mm/yyyy)" → "dmy",
/// "Datum TT.MM.JJJJ" → "dmy", "date (MM/DD/YYYY)" → "mdy"); empty when it gives none.
QString dateOrderHint(QStringView header);
/// Whether a column name is one of the German, French, Spanish, Portuguese or Italian names
/// Placard knows ("Datum", "ciudad"): a list that is not kept in English.
bool isOtherLanguageHeader(QStringView header);

/// The field an HXL hashtag names ("#geo+lat" → Field::Latitude, "#adm1+name" →
/// Field::Admin1, "#date" → Field::Date…), its attributes in any order; Field::Ignore for
/// other tags.
Field fieldForHxlTag(QStringView tag);

/// Maps the columns a mapping ignores by their HXL hashtags (one per column, as
/// CsvReader::hxlTags() gives them), where the field is not taken already.
void mapHxlTags(Mapping &mapping, const QStringList &tags);

/// Decides, for a generic mapping, whether commas separate the values of its list columns
/// (organisers, participants, issues, tags, types): when some cells of those columns in
/// `records` hold a comma and none a ';' or '|', as hand-made lists write "climate, youth".
/// Sets mapping.splitOnComma and returns true then; a preset's mapping is left alone.
bool decideCommaLists(Mapping &mapping, const QList<QStringList> &records);

/// The generic mapping of a header: each column mapped by fieldForHeader(); a field that takes
/// one column gets the first column naming it, later ones are ignored.
Mapping genericMapping(const QStringList &header);

} // namespace placard::io
