// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/field.h"

#include <array>

namespace placard::io {

namespace {
constexpr std::array<const char *, kFieldCount> kNames = {
    "ignore",       "date",
    "end_date",     "year",
    "month",        "day",
    "end_year",     "end_month",
    "end_day",      "date_precision",
    "title",        "event_type",
    "status",       "place",
    "locality",     "admin1",
    "admin2",       "country",
    "latitude",     "longitude",
    "coordinates",  "geo_precision",
    "size_text",    "size_low",
    "size_high",    "organisers",
    "participants", "claims",
    "issues",       "tags",
    "arrests",      "injuries",
    "deaths",       "property_damage",
    "online",       "notes",
    "source",       "source_outlet",
    "sources_json", "external_id",
    "event_code",
};
} // namespace

QString fieldName(Field field)
{
    return QString::fromLatin1(kNames[static_cast<std::size_t>(field)]);
}

std::optional<Field> fieldFromName(QStringView name)
{
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (name.compare(QLatin1StringView(kNames[i]), Qt::CaseInsensitive) == 0)
            return static_cast<Field>(i);
    }
    return std::nullopt;
}

bool fieldAllowsSeveralColumns(Field field)
{
    switch (field) {
    case Field::Ignore:
    case Field::EventType:
    case Field::Organisers:
    case Field::Participants:
    case Field::Issues:
    case Field::Tags:
    case Field::Injuries:
    case Field::Deaths:
    case Field::PropertyDamage:
    case Field::Notes:
    case Field::Source:
    case Field::Claims:
        return true;
    default:
        return false;
    }
}

} // namespace placard::io
