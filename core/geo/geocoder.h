// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"
#include "geo/gazetteer.h"

#include <QList>
#include <QString>

#include <memory>

namespace placard::geo {

/// How precisely a geocoded point stands for the place.
enum class PlacePrecision { Locality, Admin1, Country };

QString precisionName(PlacePrecision precision);

/// The catalogue's precision for a geocoded point.
GeoPrecision toGeoPrecision(PlacePrecision precision);

/// What to place: free text ("St. Paul, MN") and whatever columns a row has.
struct GeocodeQuery {
    QString text;
    QString locality;
    QString admin1; ///< name or code of the state or province
    QString country; ///< name, alpha-2 or alpha-3 code
};

/// One answer, with the gazetteer's names.
struct GeocodeCandidate {
    double latitude = 0;
    double longitude = 0;
    PlacePrecision precision = PlacePrecision::Locality;
    QString name;
    QString admin1; ///< the subdivision's name
    QString admin1Code; ///< its code ("MN")
    QString country; ///< alpha-2
    double score = 0; ///< 0–1, higher is surer
    qint64 population = 0; ///< of a locality, as the gazetteer has it
    bool ownName = true; ///< matched the place's own name, not an alternate or historical one
};

/// Ranked candidates, best first, or why there are none.
struct GeocodeResult {
    QList<GeocodeCandidate> candidates;
    QString unplacedReason;
    bool isPlaced() const { return !candidates.isEmpty(); }
};

/// Places names with the offline gazetteer: "City, ST", "City, State", "City, Country",
/// abbreviations (St., Ft., Mt.), case and diacritics, mojibake, small misspellings within a
/// given state, parentheses and slashes, landmarks and metro names through aliases, and
/// population-weighted choice among namesakes. Non-places ("nationwide", "online") stay
/// unplaced with a reason. Const and thread-safe.
class Geocoder {
public:
    explicit Geocoder(std::shared_ptr<const Gazetteer> gazetteer);

    GeocodeResult geocode(const GeocodeQuery &query, int maxCandidates = 5) const;
    GeocodeResult geocode(const QString &text, int maxCandidates = 5) const;

    const Gazetteer &gazetteer() const { return *m_gazetteer; }

private:
    struct Context;
    QList<GeocodeCandidate> localities(const QString &text, const Context &context) const;
    QList<GeocodeCandidate> fuzzyLocalities(const QString &key, const Context &context) const;
    GeocodeCandidate fromPlace(const GazetteerPlace &place, double score) const;
    GeocodeCandidate fromAdmin1(const Admin1 &admin1, double score) const;
    GeocodeCandidate fromCountry(const Country &country, double score) const;
    /// The country whose ISO 3166 code `text` is, written in capitals ("DE"); else null.
    const Country *isoCountry(const QString &text) const;
    /// Whether a bare name that names `state` means a city of that name instead.
    bool cityMeant(const QString &key, const Admin1 &state) const;
    /// Whether a place lies within a short drive of the subdivision (any of its places).
    bool nearAdmin1(const GeocodeCandidate &candidate, const Admin1 &admin1) const;

    std::shared_ptr<const Gazetteer> m_gazetteer;
};

/// A geocoder that answers each distinct query once: for long lists that repeat their
/// places. Keeps only the best candidate. Not thread-safe: one per thread.
class MemoGeocoder {
public:
    explicit MemoGeocoder(const Geocoder &geocoder)
        : m_geocoder(geocoder)
    {
    }
    const GeocodeResult &geocode(const GeocodeQuery &query);

private:
    const Geocoder &m_geocoder;
    QHash<QString, GeocodeResult> m_answers;
};

} // namespace placard::geo
