// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/duplicateindex.h"

#include "catalogue/fnvhash.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace placard::io {

namespace {
// Points are filed in cells of a grid whose rows are 0.02° of latitude (2.2 km) and whose
// columns are as wide in kilometres at the row's poleward edge: a search for points within
// 1 km then looks in about four cells, where square 0.01° cells needed fifteen.
constexpr double kRowDegrees = 0.02;
constexpr double kRadiusMetres = 1000.0;
constexpr double kEarthRadiusMetres = 6371008.8;
constexpr double kDegreesPerRadian = 180.0 / std::numbers::pi;
// The radius as an angle at the centre of the Earth, a little over, so rounding loses no cell.
constexpr double kRadiusDegrees = kRadiusMetres / kEarthRadiusMetres * kDegreesPerRadian * 1.001;
constexpr size_t kSeed = 0x9e3779b97f4a7c15ULL;

double distanceMetres(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double rad = std::numbers::pi / 180.0;
    const double dLat = (lat2 - lat1) * rad;
    const double dLon = (lon2 - lon1) * rad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2) +
        std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthRadiusMetres * std::asin(std::min(1.0, std::sqrt(a)));
}

qint32 rowOf(double latitude)
{
    return qint32(std::floor(latitude / kRowDegrees));
}

// Degrees of longitude a column of `row` spans; only adding and finding must agree on it.
double computeColumnWidth(qint32 row)
{
    const double poleward =
        std::max(std::abs(row * kRowDegrees), std::abs((row + 1) * kRowDegrees));
    return kRowDegrees / std::max(1e-3, std::cos(std::min(90.0, poleward) / kDegreesPerRadian));
}

// The same from a table of the rows from pole to pole: a row's width was a cosine for every
// row a search and an addition visit, several a row.
double columnWidth(qint32 row)
{
    constexpr qint32 kRows = qint32(90.0 / kRowDegrees) + 2;
    static const std::vector<double> widths = [] {
        std::vector<double> w(std::size_t(2 * kRows));
        for (qint32 r = -kRows; r < kRows; ++r)
            w[std::size_t(r + kRows)] = computeColumnWidth(r);
        return w;
    }();
    return row >= -kRows && row < kRows ? widths[std::size_t(row + kRows)]
                                        : computeColumnWidth(row);
}

qint32 columnOf(double longitude, double width)
{
    return qint32(std::floor(longitude / width));
}

// The top bits of a multiplicative hash: well mixed whatever the key's own bits are.
// Keys are FNV-1a hashes (fnvhash.h) finished by splitmix64's mixer, so that every bit
// depends on every unit (the tables and the seen bits take different bits). They live as
// long as one import; a general-purpose hash, and a case-folded copy of the type, cost more
// than the rest of a row's keys.
quint64 mixed(quint64 h)
{
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

// The day and the type, its letters folded: "March" and "march" are one type.
quint64 groupKey(qint32 day, const QString &type)
{
    quint64 h = fnvStep(fnvStep(kFnvOffset, char16_t(quint32(day))), char16_t(quint32(day) >> 16));
    const bool ascii =
        std::all_of(type.cbegin(), type.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (!ascii)
        return mixed(fnvHash(type.toCaseFolded(), h));
    for (const QChar c : type) {
        const char16_t u = c.unicode();
        h = fnvStep(h, u >= u'A' && u <= u'Z' ? char16_t(u + (u'a' - u'A')) : u);
    }
    return mixed(h);
}

quint64 seenBit(quint64 key, int bits)
{
    return (key * 0x9e3779b97f4a7c15ULL) >> (64 - bits);
}

quint64 cellKey(quint64 group, qint32 row, qint32 column)
{
    return qHashMulti(kSeed, group, row, column);
}
} // namespace

namespace {
// The place key (see placeKey()) written into `key`: made once a row, it is kept off the heap.
using KeyBuffer = QVarLengthArray<char16_t, 256>;
void writePlaceKey(const Event &event, KeyBuffer &key)
{
    key.clear();
    bool space = false;
    for (const QString *part : {&event.place, &event.locality, &event.admin1}) {
        for (const QChar c : *part) {
            const char16_t u = c.unicode();
            const bool ascii = u < 0x80;
            if (ascii ? (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') ||
                        (u >= u'A' && u <= u'Z')
                      : c.isLetterOrNumber()) {
                if (space && !key.isEmpty())
                    key.append(u' ');
                key.append(ascii ? (u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u)
                                 : c.toCaseFolded().unicode());
                space = false;
            } else {
                space = true;
            }
        }
        space = true;
    }
}
} // namespace

QString DuplicateIndex::placeKey(const Event &event)
{
    KeyBuffer key;
    writePlaceKey(event, key);
    return QStringView(key.constData(), key.size()).toString();
}

DuplicateIndex::Keys DuplicateIndex::keysFor(const Event &event)
{
    Keys keys;
    keys.group = groupKey(event.startDay, event.type);
    KeyBuffer place;
    writePlaceKey(event, place);
    if (!place.isEmpty()) // never 0
        keys.name = mixed(fnvHash(QStringView(place.constData(), place.size()), keys.group)) | 1;
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

bool DuplicateIndex::seen(quint64 key) const
{
    if (m_seen.empty())
        return false;
    const quint64 bit = seenBit(key, kSeenBits);
    return (m_seen[bit / 64] >> (bit % 64)) & 1;
}

void DuplicateIndex::markSeen(quint64 key)
{
    if (m_seen.empty())
        m_seen.resize((std::size_t(1) << kSeenBits) / 64);
    const quint64 bit = seenBit(key, kSeenBits);
    m_seen[bit / 64] |= quint64(1) << (bit % 64);
}

void DuplicateIndex::reserve(std::size_t events)
{
    m_byName.reserve(m_added + events);
    m_byCell.reserve(m_added + events);
}

void DuplicateIndex::add(const Keys &keys, const Match &match)
{
    ++m_added;
    if (keys.name) {
        markSeen(keys.name);
        m_byName.insert(keys.name, match, true);
    }
    if (keys.placed) {
        const qint32 row = rowOf(keys.latitude);
        const quint64 cell = cellKey(keys.group, row, columnOf(keys.longitude, columnWidth(row)));
        markSeen(cell);
        m_byCell.insert(cell, {keys.latitude, keys.longitude, match}, false);
    }
}

template<typename Visit> bool DuplicateIndex::forNearCells(const Keys &keys, Visit &&visit)
{
    const double lat = keys.latitude;
    const double lon = keys.longitude;
    // Any point within the radius lies within this many degrees of longitude: both points
    // are at most `poleward` from the equator, where a degree of longitude is shortest.
    const double poleward = std::min(90.0, std::abs(lat) + kRadiusDegrees);
    const double cosPoleward = std::cos(poleward / kDegreesPerRadian);
    const double reach =
        cosPoleward * 180.0 > kRadiusDegrees ? kRadiusDegrees / cosPoleward : 180.0;
    for (qint32 row = rowOf(lat - kRadiusDegrees); row <= rowOf(lat + kRadiusDegrees); ++row) {
        const double width = columnWidth(row);
        // Across the antimeridian a neighbour's longitude differs by about 360°.
        for (const double shift : {-360.0, 0.0, 360.0}) {
            const double west = std::max(-180.0, lon + shift - reach);
            const double east = std::min(180.0, lon + shift + reach);
            if (west > east)
                continue;
            for (qint32 column = columnOf(west, width); column <= columnOf(east, width); ++column) {
                if (visit(cellKey(keys.group, row, column)))
                    return true;
            }
        }
    }
    return false;
}

std::optional<DuplicateIndex::Match> DuplicateIndex::find(const Keys &keys) const
{
    if (keys.name && seen(keys.name)) {
        std::optional<Match> named;
        m_byName.forEach(keys.name, [&](const Match &m) { named = m; });
        if (named)
            return named;
    }
    if (!keys.placed || m_byCell.isEmpty())
        return std::nullopt;
    std::optional<Match> near;
    forNearCells(keys, [&](quint64 cell) {
        if (!seen(cell))
            return false;
        // The latest event there within the radius.
        m_byCell.forEach(cell, [&](const Point &p) {
            if (distanceMetres(keys.latitude, keys.longitude, p.latitude, p.longitude) <=
                kRadiusMetres)
                near = p.match;
        });
        return near.has_value();
    });
    return near;
}

void DuplicateIndex::prefetch(const Keys &keys) const
{
    if (m_seen.empty())
        return;
    const auto touch = [this](quint64 key) {
#if defined(__GNUC__)
        __builtin_prefetch(&m_seen[seenBit(key, kSeenBits) / 64]);
#else
        Q_UNUSED(key);
#endif
    };
    if (keys.name) {
        touch(keys.name);
        m_byName.prefetch(keys.name);
    }
    if (keys.placed) {
        forNearCells(keys, [&](quint64 cell) {
            touch(cell);
            return false;
        });
        const qint32 row = rowOf(keys.latitude);
        m_byCell.prefetch(cellKey(keys.group, row, columnOf(keys.longitude, columnWidth(row))));
    }
}

} // namespace placard::io
