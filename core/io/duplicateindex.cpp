// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/duplicateindex.h"

#include <cmath>
#include <numbers>

namespace placard::io {

namespace {
constexpr double kCellDegrees = 0.01; // about 1.1 km of latitude
constexpr double kRadiusMetres = 1000.0;
constexpr size_t kSeed = 0x9e3779b97f4a7c15ULL;

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

quint64 cellKey(quint64 group, qint32 y, qint32 x)
{
    return qHashMulti(kSeed, group, y, x);
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

DuplicateIndex::Keys DuplicateIndex::keysFor(const Event &event)
{
    Keys keys;
    keys.group = qHashMulti(kSeed, event.startDay, event.type.toCaseFolded());
    if (const QString place = placeKey(event); !place.isEmpty())
        keys.name = qHashMulti(kSeed, keys.group, place) | 1; // never 0
    // A point stands for the place only at a locality or finer: a state's or a country's
    // centroid is shared by every event there whose town is unknown, which are not one.
    const bool pointIsThePlace =
        event.geoPrecision != GeoPrecision::Admin1 && event.geoPrecision != GeoPrecision::Country;
    if (event.isPlaced() && pointIsThePlace) {
        keys.placed = true;
        keys.latitude = *event.latitude;
        keys.longitude = *event.longitude;
    }
    return keys;
}

void DuplicateIndex::add(const Keys &keys, const Match &match)
{
    if (keys.name)
        m_byName.insert(keys.name, match);
    if (keys.placed) {
        const quint64 cell = cellKey(keys.group, qint32(std::floor(keys.latitude / kCellDegrees)),
                                     qint32(std::floor(keys.longitude / kCellDegrees)));
        m_byCell.insert(cell, {keys.latitude, keys.longitude, match});
    }
}

std::optional<DuplicateIndex::Match> DuplicateIndex::find(const Keys &keys) const
{
    if (keys.name) {
        if (auto it = m_byName.constFind(keys.name); it != m_byName.cend())
            return *it;
    }
    if (!keys.placed || m_byCell.isEmpty())
        return std::nullopt;
    const qint32 cy = qint32(std::floor(keys.latitude / kCellDegrees));
    const qint32 cx = qint32(std::floor(keys.longitude / kCellDegrees));
    const double cosLat = std::max(0.01, std::cos(keys.latitude * std::numbers::pi / 180.0));
    const qint32 reachX = qint32(std::ceil(kRadiusMetres / (111320.0 * kCellDegrees * cosLat)));
    for (qint32 y = cy - 1; y <= cy + 1; ++y) {
        for (qint32 x = cx - reachX; x <= cx + reachX; ++x) {
            const quint64 cell = cellKey(keys.group, y, x);
            for (auto it = m_byCell.constFind(cell); it != m_byCell.cend() && it.key() == cell;
                 ++it) {
                if (distanceMetres(keys.latitude, keys.longitude, it->latitude, it->longitude) <=
                    kRadiusMetres)
                    return it->match;
            }
        }
    }
    return std::nullopt;
}

} // namespace placard::io
