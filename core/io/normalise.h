// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Value normalisers used by the CSV importer. Every function here is pure: it reads only
// its arguments and constant tables, allocates nothing on success paths except where a
// QString or QStringList is returned, and is safe to call from any number of threads.

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVarLengthArray>

#include <optional>
#include <utility>

namespace placard::io {

// --- dates -------------------------------------------------------------------------------

enum class DatePrecision { Day = 0, Month = 1, Year = 2 };

/// A parsed date. For Month and Year precision, date is the first day of that period.
struct ParsedDate {
    QDate date;
    DatePrecision precision = DatePrecision::Day;
};

/// How an all-numeric date such as "3/4/2025" is to be read.
enum class DayMonthOrder { Unknown, MonthFirst, DayFirst };

/// Parses one date: ISO with or without a time, YYYYMMDD, numeric with the year last ("order"
/// decides D/M vs M/D; with Unknown only unambiguous values such as "30/1/2026" or "4/4/2026"
/// are read; two-digit years 00-69 → 20xx, 70-99 → 19xx), English month names ("Sat, 30 Jan
/// 2026", "January 30th, 2026"; the weekday is skipped, not checked), month or year precision
/// ("Aug 2024", "8/2024", "2025-06-00", "2025", "2025-00-00") and Excel serials 20000-80000
/// when allowExcelSerial. On failure returns std::nullopt and sets *error (if not null) to a
/// short English reason such as "ambiguous day/month order" or "no such date 2025-02-30".
std::optional<ParsedDate> parseDate(QStringView text, DayMonthOrder order = DayMonthOrder::Unknown,
                                    bool allowExcelSerial = false, QString *error = nullptr);

/// The last day of the period a date of that precision stands for: the day itself, the last
/// of its month or of its year.
QDate periodEnd(const QDate &start, DatePrecision precision);

/// A period written in one cell: its first day (with the precision it was written to) and
/// its last day.
struct ParsedRange {
    ParsedDate start;
    QDate last;
};

/// Reads a period written in one cell, as hand-made lists give events of several days:
/// "2026-01-30/2026-02-02" (ISO 8601), "2026-01-30 to 2026-02-02", "30/01/2026 - 02/02/2026",
/// "30 Jan – 2 Feb 2026", "30–31 January 2026", "Jan 30-31, 2026", "Jan–Mar 2026". The first
/// part may leave out what the second gives (the year, or the month and year); the last day
/// is the end of the second part's period ("Aug–Sep 2024" ends on 30 September). Each part is
/// read by parseDate() with `order`. std::nullopt, with *error set, unless both parts are
/// dates and the second does not come before the first.
std::optional<ParsedRange> parseDateRange(QStringView text,
                                          DayMonthOrder order = DayMonthOrder::Unknown,
                                          QString *error = nullptr);

/// Whether a date is a database's way of writing none: only zeros ("0000-00-00",
/// "0000-00-00 00:00:00", "00/00/0000").
bool isEmptyDate(QStringView text);

/// The date an Excel serial day number stands for in the 1900 date system, which counts the
/// nonexistent 1900-02-29 as serial 60 (so 61 is 1900-03-01 and 45000 is 2023-03-15); a
/// fractional part is dropped. std::nullopt for 60, below 1, past 9999-12-31 or not finite.
std::optional<QDate> dateFromExcelSerial(double serial);

/// Decides the order of a whole column of numeric day/month/year dates ("3/4/2025",
/// "30.01.2026"): MonthFirst when some value has a middle part > 12 and none has a first
/// part > 12, DayFirst the other way round. When nothing decides it, *ambiguous is set true
/// if some value was ambiguous, and the order is DayFirst if every such value is written with
/// dots ("05.04.2025"), else Unknown. Unknown when the column contradicts itself (then
/// *conflict is set true). Values of other shapes are ignored; both flags start false.
DayMonthOrder detectDayMonthOrder(const QList<QString> &samples, bool *ambiguous = nullptr,
                                  bool *conflict = nullptr);

// --- crowd sizes and numbers -------------------------------------------------------------

/// A crowd size estimate. low and high are equal for a single figure; either may be unset
/// for an open bound ("500+" has no high, "<50" no low). text is the cell as written.
struct CrowdSize {
    std::optional<qint64> low;
    std::optional<qint64> high;
    QString text;
    bool ok = true;
};

/// Reads a crowd size as the Crowd Counting Consortium codes words ("dozens" 24, "hundreds"
/// 200, "thousands" 2000, "tens of thousands" 20000…), figures with qualifiers ("about 500",
/// "500+", "<50", "more than 500"), ranges ("1,000-2,000", "1000 to 2000"), multipliers
/// ("5k", "1.5k", "2m", "2 million"), "100s"/"1000s" (twice the unit) and thousands
/// separators. Empty text gives ok=true with nothing set; unreadable text gives ok=false.
/// text always keeps the original cell.
CrowdSize parseCrowdSize(QStringView text);
/// The same, sharing the text rather than copying it.
CrowdSize parseCrowdSize(const QString &text);
/// The same without the text (CrowdSize::text left empty): for callers that keep the cell
/// themselves.
CrowdSize parseCrowdSizeValue(QStringView text);

/// Reads a number: optional leading '+' or '-', thousands separators (',' or a space in
/// groups of three, or '.' when it occurs more than once as in "1.234.567"), a decimal
/// part after '.', and an exponent when there are no separators ("1e5"). Surrounding spaces
/// are ignored. std::nullopt for anything else, including "NA", "inf" and "1,5".
std::optional<double> parseNumber(QStringView text);

/// As parseNumber(), but the value must be a whole number that fits in qint64 ("500.0" is
/// read as 500, "1.5" is std::nullopt). Plain digit strings are read exactly.
std::optional<qint64> parseInteger(QStringView text);

// --- coordinates -------------------------------------------------------------------------

enum class Axis { Latitude, Longitude };

/// Reads one coordinate in decimal degrees or degrees-minutes-seconds, with a sign or a
/// hemisphere letter before or after ("44.9537 N", "N 44.9537", "44°57'13\"N",
/// "44° 57.2' N"). ',' is a decimal separator when the text has no '.'. axis decides the
/// allowed letters (N/S for latitude; E, W and O for "oeste"/"ouest" = west for longitude)
/// and the range (±90, ±180). On failure std::nullopt and *error (if not null) says why.
std::optional<double> parseCoordinate(QStringView text, Axis axis, QString *error = nullptr);

/// A latitude/longitude pair. swapped is true when the two values were exchanged because
/// the first one could not be a latitude (see checkLatLon()).
struct LatLon {
    double latitude = 0;
    double longitude = 0;
    bool swapped = false;
};

/// Which of two bare numbers of a coordinate pair comes first: people mostly write the
/// latitude first, GeoJSON and many programs the longitude.
enum class PairOrder { LatitudeFirst, LongitudeFirst };

/// Reads both coordinates from one cell: "6.37° N, 2.39° E", "44.9, -93.1", "44.9 -93.1",
/// "44,9; -93,1", "[-93.1, 44.9]", "POINT(-93.1 44.9)" (WKT, lon lat; an EWKT "SRID=4326;"
/// prefix is allowed). Hemisphere letters decide which value is which ("2.39° E, 6.37° N");
/// without them `order` does, unless checkLatLon() swaps them. A link to a web map and a
/// GeoJSON point are read too (see maplink.h). Values are range-checked.
std::optional<LatLon> parseLatLon(QStringView text, QString *error = nullptr,
                                  PairOrder order = PairOrder::LatitudeFirst);

/// The two bare numbers of a pair cell in the order written ("44.9, -93.1", "[-93.1, 44.9]"),
/// std::nullopt for anything whose order is known otherwise (hemisphere letters, WKT, a map
/// link, a GeoJSON point) or that is not a pair: what decides a column's PairOrder.
std::optional<std::pair<double, double>> barePair(QStringView text);

/// Checks a pair read from two columns. Both finite and in range: returned as is. |lat| > 90
/// but |lat| <= 180 and |lon| <= 90: returned exchanged with swapped = true. Otherwise
/// std::nullopt with *error such as "latitude 123.4 out of range". *suspicious (if not null)
/// is set true for (0, 0), which is returned, and false otherwise.
std::optional<LatLon> checkLatLon(double latitude, double longitude, QString *error = nullptr,
                                  bool *suspicious = nullptr);

// --- multi-valued and flag cells ---------------------------------------------------------

/// Splits a multi-valued cell on ';' and '|' (and ',' when splitOnComma), trims each part,
/// and drops empty parts and case-insensitive duplicates, keeping the first spelling and the
/// original order.
QStringList splitMultiValue(QStringView text, bool splitOnComma = false);
/// The same as views into `text`.
QVarLengthArray<QStringView, 16> multiValueParts(QStringView text, bool splitOnComma = false);
/// The same; a cell of one value with nothing to trim is shared, not copied.
QStringList splitMultiValue(const QString &text, bool splitOnComma = false);

/// Reads a yes/no cell, ignoring case and surrounding spaces: "1", "true", "yes", "y", "x",
/// "online" → true; "0", "false", "no", "n" and empty → false; anything else std::nullopt.
std::optional<bool> parseFlag(QStringView text);

/// Text without its accents ("Länge" is "Lange", "País" "Pais"), its other characters as
/// they are: lists are typed with accents or without. Plain ASCII comes back as it is.
QString withoutAccents(QStringView text);

/// Text for a one-line message: control characters shown as escapes ("\n", "\r", "\t",
/// "\u0000"), as a header name or a value with a line break would split the message.
QString oneLine(QStringView text);

/// The text with its parts in brackets left out ("500 (est.)" → "500 ", "Size [m]" →
/// "Size "); std::nullopt when the brackets do not pair up.
std::optional<QString> withoutBrackets(QStringView text);

} // namespace placard::io
