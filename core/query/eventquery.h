// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>

#include <optional>

namespace placard {

class Catalogue;

/// A filter over the catalogue answered with SQL (and FTS5 for text), for the command
/// line and one-off questions; interactive views use the in-memory index instead.
struct EventQuery {
    std::optional<QDate> from; ///< events active on or after this day
    std::optional<QDate> to; ///< events active on or before this day
    QStringList types; ///< any of these types (case-insensitive)
    QStringList tags; ///< every one of these tags, of any kind
    QString text; ///< full-text words, all required
    std::optional<qint64> minSize; ///< known size (high, else low) at least this
    std::optional<std::array<double, 4>> bbox; ///< west, south, east, north in degrees

    /// Ids of matching events, ascending; false and *error on a bad query.
    std::optional<QList<qint64>> run(const Catalogue &catalogue, QString *error) const;
};

/// Counts that describe a catalogue.
struct CatalogueStats {
    qint64 events = 0;
    qint64 unplaced = 0;
    std::optional<QDate> first;
    std::optional<QDate> last;
    QList<QPair<QString, qint64>> byType; ///< descending by count
    QList<QPair<QString, qint64>> byYear; ///< ascending by year
    QList<QPair<QString, qint64>> byRegion; ///< "US-MN", "FR"…, descending by count

    static CatalogueStats of(const Catalogue &catalogue);
};

/// Day number (days since 1970-01-01) of a date, and back.
qint32 dayNumber(const QDate &date);
QDate dateOfDay(qint64 day);

} // namespace placard
