// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace placard {

/// How precisely an event's date is known; the start day is the period's first day.
enum class DatePrecision { Day = 0, Month = 1, Year = 2 };

/// Whether an event took place.
enum class EventStatus { Occurred = 0, Planned = 1, Cancelled = 2 };

/// How precisely an event is placed. Unplaced events have no coordinates.
enum class GeoPrecision { Unplaced = 0, Exact = 1, Locality = 2, Admin1 = 3, Country = 4 };

/// Where an event's coordinates came from.
enum class CoordinateOrigin { None = 0, File = 1, Gazetteer = 2, Manual = 3 };

/// The kinds of tags an event carries, many to many.
enum class TagKind { Issue = 0, Actor = 1, Participant = 2, Type = 3, Other = 4 };

/// A tag as a view of the text it was read from.
struct TagView {
    TagKind kind = TagKind::Other;
    QStringView name;
};

/// One source an event is known from.
struct EventSource {
    QString url; ///< a URL, or a description when there is none
    QString outlet; ///< the publication
    QString published; ///< publication date as ISO text, may be empty
    friend bool operator==(const EventSource &, const EventSource &) = default;
};

/// One demonstration as the catalogue stores it. Days count from 1970-01-01 (day 0);
/// coordinates are WGS 84 degrees.
struct Event {
    qint64 id = 0; ///< 0 until stored
    qint32 startDay = 0;
    qint32 endDay = 0; ///< equals startDay for one-day events
    DatePrecision datePrecision = DatePrecision::Day;
    EventStatus status = EventStatus::Occurred;
    QString title;
    QString type; ///< the event type ("protest", "march"…); further types are tags
    QString place; ///< the place as written in the source
    QString locality;
    QString admin1;
    QString admin2;
    QString country;
    std::optional<double> latitude;
    std::optional<double> longitude;
    GeoPrecision geoPrecision = GeoPrecision::Unplaced;
    CoordinateOrigin coordinateOrigin = CoordinateOrigin::None;
    std::optional<qint64> sizeLow;
    std::optional<qint64> sizeHigh;
    QString sizeText; ///< the crowd size as the source wrote it
    QStringList issues;
    QStringList actors;
    QStringList participants;
    QStringList otherTypes;
    QStringList tags;
    QString claims;
    std::optional<qint32> arrests;
    std::optional<qint32> injuries;
    std::optional<qint32> deaths;
    QString propertyDamage;
    bool online = false;
    QString notes;
    QList<EventSource> sources;
    qint64 datasetId = 0; ///< the import it came from, 0 when entered by hand
    qint64 sourceLine = 0; ///< line in the imported file
    QString externalId; ///< the dataset's own id
    qint64 createdAt = 0; ///< seconds since the epoch, UTC
    qint64 updatedAt = 0;

    bool isPlaced() const { return latitude.has_value() && longitude.has_value(); }
    friend bool operator==(const Event &, const Event &) = default;
};

/// One import, as recorded in the catalogue.
struct Dataset {
    qint64 id = 0;
    QString fileName;
    QString sha256;
    QString format; ///< "csv", "gpkg"…
    QString mapping; ///< the column mapping used, as JSON
    qint64 records = 0;
    qint64 imported = 0;
    qint64 skipped = 0;
    qint64 duplicates = 0;
    qint64 unplaced = 0;
    qint64 importedAt = 0; ///< seconds since the epoch, UTC
};

/// A problem found in one cell (or row, column 0) of an imported file.
struct ImportProblem {
    qint64 line = 0;
    int column = 0;
    QString value;
    QString message;
    bool skipped = false; ///< the row was not imported because of it
};

} // namespace placard
