// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"
#include "io/columnmapping.h"
#include "io/normalise.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <array>

namespace placard::io {

/// One input record, read through a mapping: the event it gives and what was wrong.
struct NormalisedRow {
    Event event;
    QList<ImportProblem> problems;
    bool skipped = false; ///< not usable as an event (the reason is among the problems)
    bool filtered = false; ///< left out on purpose by the mapping (e.g. a GDELT non-protest)
    /// When filtered: the column (1-based) and the value that decided it.
    int filterColumn = 0;
    QString filterValue;
    /// With tags as views (RowNormaliser::normalise()): the event's actors, participants,
    /// issues and other tags, in place of its lists. They view the record's fields, so are
    /// valid while the record is.
    QVarLengthArray<TagView, 16> tagViews;
};

/// Turns records of a mapped file into events, applying the value normalisers. A problem
/// in a cell is recorded with the line and column and the event is still made when it is
/// usable; an event without a usable date is skipped. Const after construction, so one
/// normaliser may serve several threads.
class RowNormaliser {
public:
    /// `dayMonthOrder` decides slashed dates such as 3/4/2025 (see detectDayMonthOrder);
    /// `coordinateOrder` which of a pair cell's bare numbers is the latitude, and with
    /// latitude and longitude columns, LongitudeFirst reads each as holding the other.
    RowNormaliser(const Mapping &mapping, DayMonthOrder dayMonthOrder,
                  PairOrder coordinateOrder = PairOrder::LatitudeFirst);

    /// The record's fields (missing values as null or empty strings), and its first line.
    /// With `tagsAsViews`, the tags are left as views of the fields (NormalisedRow::tagViews)
    /// rather than made strings of their own: an import makes a million rows' worth.
    NormalisedRow normalise(const QStringList &fields, qint64 line, bool tagsAsViews = false) const;
    /// The same into `row`, made new first: an import normalises a million rows into one.
    void normalise(const QStringList &fields, qint64 line, bool tagsAsViews,
                   NormalisedRow &row) const;

    /// The columns mapped to a field.
    const QList<int> &columns(Field field) const { return m_columns[std::size_t(field)]; }

private:
    void readDates(const QStringList &fields, qint64 line, NormalisedRow &row) const;
    void readPlace(const QStringList &fields, qint64 line, NormalisedRow &row) const;
    void readFipsCountry(qint64 line, NormalisedRow &row) const;
    void readSize(const QStringList &fields, qint64 line, NormalisedRow &row) const;
    void readCounts(const QStringList &fields, qint64 line, NormalisedRow &row) const;
    void readTags(const QStringList &fields, NormalisedRow &row) const;
    void readTagViews(const QStringList &fields, NormalisedRow &row) const;

    Mapping m_mapping;
    DayMonthOrder m_order;
    PairOrder m_coordinateOrder;
    bool m_allowExcelSerial;
    QDate m_latestLikelyDay; ///< later years are typing slips ("2206" for "2026")
    std::array<QList<int>, kFieldCount> m_columns;
};

/// A coordinate cell as a plain number, before its range is checked. A comma in a text without
/// a point is a decimal comma ("13,405" is 13.405 degrees): no coordinate has thousands.
std::optional<double> coordinateNumber(QStringView text);

/// The text of the first non-empty column mapped to a field, trimmed.
QStringView firstView(const QStringList &fields, const QList<int> &columns);
/// The same as a string of its own.
QString firstValue(const QStringList &fields, const QList<int> &columns);

} // namespace placard::io
