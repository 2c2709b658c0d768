// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace placard::io {

/// The event fields a column of an imported file can be mapped to. The names (see
/// fieldName()) are stable: they appear in saved mappings and import reports.
enum class Field {
    Ignore, ///< the column is not imported
    Date, ///< start date (any format the date normaliser reads)
    EndDate, ///< end date
    Year, ///< start year, with Month and Day (Mass Mobilization layout)
    Month, ///< start month number
    Day, ///< start day of month
    EndYear, ///< end year
    EndMonth, ///< end month number
    EndDay, ///< end day of month
    DatePrecision, ///< ACLED time_precision (1 day, 2 week/month, 3 month/year) or words
    Title, ///< short title of the event
    EventType, ///< event type(s), multi-valued
    Status, ///< occurred / planned / cancelled
    Place, ///< the place as written ("Los Angeles (Grand Park)")
    Locality, ///< city or town
    Admin1, ///< state or province
    Admin2, ///< county or district
    Country, ///< country name or code
    Latitude, ///< decimal degrees or with hemisphere letters
    Longitude, ///< decimal degrees or with hemisphere letters
    Coordinates, ///< both in one cell ("6.37° N, 2.39° E", "44.9, -93.1")
    GeoPrecision, ///< exact / locality / admin1 / country, or a dataset's code
    SizeText, ///< crowd size as words or a range ("thousands", "1,000-2,000")
    SizeLow, ///< crowd size, low estimate (number)
    SizeHigh, ///< crowd size, high estimate (number)
    Organisers, ///< organisers / actors, multi-valued
    Participants, ///< participant groups, multi-valued
    Claims, ///< what the event was about, free text
    Issues, ///< issue tags, multi-valued
    Tags, ///< other tags, multi-valued (ACLED "tags" may carry "crowd size=…")
    Arrests, ///< number of arrests
    Injuries, ///< number of injuries (summed when several columns map here)
    Deaths, ///< number of deaths
    PropertyDamage, ///< property damage: yes/no or a description
    Online, ///< online-only flag
    Notes, ///< free notes (several columns are joined)
    Source, ///< a source URL or description (several columns allowed)
    SourceOutlet, ///< the outlet of the source
    SourcesJson, ///< every source as a JSON array of {"url", "outlet", "published"}; when
                 ///< valid it replaces what Source and SourceOutlet give (Placard's exports)
    ExternalId, ///< the dataset's own id of the row
    EventCode, ///< a dataset's event code (GDELT EventRootCode) used by filters
};

/// Number of Field values.
inline constexpr int kFieldCount = static_cast<int>(Field::EventCode) + 1;

/// Stable lower-case name of a field ("date", "end_date", "size_low"…).
QString fieldName(Field field);

/// The field with that stable name, if any.
std::optional<Field> fieldFromName(QStringView name);

/// Whether several columns may map to this field (values are then combined).
bool fieldAllowsSeveralColumns(Field field);

} // namespace placard::io
