// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/duplicateindex.h"

#include <cmath>
#include <numbers>

namespace placard::io {

namespace {
constexpr double kCellDegrees = 0.01; // about 1.1 km of latitude
constexpr double kRadiusMetres = 1000.0;

double distanceMetres(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double r = 6371008.8;
    constexpr double rad = std::numbers::pi / 180.0;
    const double dLat = (lat2 - lat1) * rad;
    const double dLon = (lon2 - lon1) * rad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2) +
        std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * r * std::asin(std::min(1.0, std::sqrt(a)));
}
} // namespace

QString DuplicateIndex::placeKey(const Event &event)
{
    QString key;
    key.reserve(event.place.size() + event.locality.size() + event.admin1.size() + 2);
    bool space = false;
    for (const QString *part : {&event.place, &event.locality, &event.admin1}) {
        for (QChar c : *part) {
            if (c.isLetterOrNumber()) {
                if (space && !key.isEmpty())
                    key += QLatin1Char(' ');
                key += c.toCaseFolded();
                space = false;
            } else {
                space = true;
            }
        }
        space = true;
    }
    return key;
}

QString DuplicateIndex::nameKey(const Event &event)
{
    const QString place = placeKey(event);
    if (place.isEmpty())
        return {};
    return QString::number(event.startDay) + QLatin1Char('|') + event.type.toCaseFolded() +
        QLatin1Char('|') + place;
}

void DuplicateIndex::add(const Event &event)
{
    const Match match{event.id, event.datasetId};
    if (const QString key = nameKey(event); !key.isEmpty())
        m_byName.insert(key, match);
    if (event.isPlaced()) {
        const Cell cell{event.startDay, qHash(event.type.toCaseFolded()),
                        qint32(std::floor(*event.latitude / kCellDegrees)),
                        qint32(std::floor(*event.longitude / kCellDegrees))};
        m_byCell[cell].append({*event.latitude, *event.longitude, match});
    }
    ++m_size;
}

std::optional<DuplicateIndex::Match> DuplicateIndex::find(const Event &event) const
{
    if (const QString key = nameKey(event); !key.isEmpty()) {
        if (auto it = m_byName.constFind(key); it != m_byName.cend())
            return *it;
    }
    if (!event.isPlaced())
        return std::nullopt;
    const double lat = *event.latitude;
    const double lon = *event.longitude;
    const size_t type = qHash(event.type.toCaseFolded());
    const qint32 cy = qint32(std::floor(lat / kCellDegrees));
    const qint32 cx = qint32(std::floor(lon / kCellDegrees));
    const double cosLat = std::max(0.01, std::cos(lat * std::numbers::pi / 180.0));
    const qint32 reachX = qint32(std::ceil(kRadiusMetres / (111320.0 * kCellDegrees * cosLat)));
    for (qint32 y = cy - 1; y <= cy + 1; ++y) {
        for (qint32 x = cx - reachX; x <= cx + reachX; ++x) {
            auto it = m_byCell.constFind(Cell{event.startDay, type, y, x});
            if (it == m_byCell.cend())
                continue;
            for (const Point &p : *it) {
                if (distanceMetres(lat, lon, p.lat, p.lon) <= kRadiusMetres)
                    return p.match;
            }
        }
    }
    return std::nullopt;
}

} // namespace placard::io
