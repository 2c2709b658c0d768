// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <memory>
#include <mutex>
#include <vector>

struct sqlite3;

namespace placard::geo {

/// A populated place of the gazetteer.
struct GazetteerPlace {
    qint64 id = 0; ///< GeoNames id
    QString name;
    double latitude = 0;
    double longitude = 0;
    QString country; ///< ISO 3166-1 alpha-2
    QString admin1; ///< GeoNames admin1 code ("MT" in the US)
    qint64 population = 0;
    QString feature; ///< GeoNames feature code (PPL, PPLA, PPLC, PPLX…)
    int kind = 0; ///< how the key matched: 0 its name, 1 an alternate name, 2 an alias
    int zipCodes = 0; ///< US ZIP codes whose post town this is (feature "POST": only that)
};

/// A first-level subdivision (state, province).
struct Admin1 {
    QString country;
    QString code;
    QString name;
    double latitude = 0;
    double longitude = 0;
    qint64 population = 0;
};

/// A country.
struct Country {
    QString code; ///< alpha-2
    QString name;
    double latitude = 0;
    double longitude = 0;
    qint64 population = 0;
};

/// Placard's offline gazetteer: the read-only SQLite file resources/gazetteer builds.
/// Subdivisions and countries are held in memory; places are looked up by key with
/// SQL on a pool of connections, so every function is thread-safe.
class Gazetteer {
public:
    ~Gazetteer();

    /// Opens a gazetteer file; nullptr and *error when it is missing or not one.
    static std::shared_ptr<const Gazetteer> open(const QString &path, QString *error);
    /// Where the gazetteer is: $PLACARD_GAZETTEER, the build tree, or the installed data.
    static QString defaultPath();

    /// Places whose name, alternate name or alias has this key (see placeKey()).
    QList<GazetteerPlace> placesByKey(const QString &key) const;
    /// The name keys of every place of a subdivision (names and aliases, not alternate
    /// names), for spelling-tolerant search; read once per subdivision, then shared.
    using KeyedPlaces = std::vector<std::pair<QString, GazetteerPlace>>;
    std::shared_ptr<const KeyedPlaces> keysInAdmin1(const QString &country,
                                                    const QString &admin1) const;

    /// Subdivisions whose name or code has this key.
    QList<const Admin1 *> admin1ByKey(const QString &key) const;
    const Admin1 *admin1(const QString &country, const QString &code) const;
    /// Countries whose name (in several languages) or alpha-3 code has this key.
    QList<const Country *> countriesByKey(const QString &key) const;
    const Country *country(const QString &code) const;

private:
    struct Connection;
    Gazetteer() = default;
    std::unique_ptr<Connection> acquire() const;
    void release(std::unique_ptr<Connection> connection) const;

    QString m_path;
    std::vector<Admin1> m_admin1;
    std::vector<Country> m_countries;
    QHash<QString, QList<int>> m_admin1Keys; ///< key -> indexes into m_admin1
    QHash<QString, int> m_admin1Codes; ///< "US.MT" -> index
    QHash<QString, QList<int>> m_countryKeys; ///< key -> indexes into m_countries
    QHash<QString, int> m_countryCodes;
    mutable QMutex m_poolMutex;
    mutable std::vector<std::unique_ptr<Connection>> m_pool;
    mutable std::once_flag m_keyedOnce;
    mutable QHash<QString, std::shared_ptr<const KeyedPlaces>>
        m_admin1Keyed; ///< filled once, then read-only
};

} // namespace placard::geo
