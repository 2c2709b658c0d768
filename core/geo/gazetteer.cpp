// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/gazetteer.h"

#include "catalogue/sqlite.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

#include <sqlite3.h>

namespace placard::geo {

namespace {
constexpr int kApplicationId = 0x504C475A; // "PLGZ"
constexpr int kSchemaVersion = 2; // build-gazetteer.py USER_VERSION: places.zip_codes

sql::Connection openReadOnly(const QString &path, QString *error)
{
    // immutable: the file never changes under us, so SQLite may skip all locking.
    const QByteArray uri = QUrl::fromLocalFile(path).toEncoded() + "?immutable=1";
    sqlite3 *raw = nullptr;
    const int rc =
        sqlite3_open_v2(uri.constData(), &raw,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    sql::Connection db(raw);
    if (rc != SQLITE_OK) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, sql::lastError(raw));
        return {};
    }
    int ignored = 0;
    sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, &ignored);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &ignored);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &ignored);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_VIEW, 0, &ignored);
    return db;
}
} // namespace

struct Gazetteer::Connection {
    sql::Connection db;
    sql::Statement byKey;
    sql::Statement inAdmin1;
};

Gazetteer::~Gazetteer() = default;

QString Gazetteer::defaultPath()
{
    const QString env = qEnvironmentVariable("PLACARD_GAZETTEER");
    if (!env.isEmpty())
        return env;
#ifdef PLACARD_BUILD_RESOURCES_DIR
    const QString built = QStringLiteral(PLACARD_BUILD_RESOURCES_DIR "/gazetteer.sqlite");
    if (QFileInfo::exists(built))
        return built;
#endif
    const QString installed = QStandardPaths::locate(QStandardPaths::GenericDataLocation,
                                                     QStringLiteral("placard/gazetteer.sqlite"));
    if (!installed.isEmpty())
        return installed;
    return QCoreApplication::applicationDirPath() +
        QStringLiteral("/../share/placard/gazetteer.sqlite");
}

std::shared_ptr<const Gazetteer> Gazetteer::open(const QString &path, QString *error)
{
    if (!QFileInfo(path).isFile()) {
        if (error)
            *error = QStringLiteral("%1: no gazetteer file").arg(path);
        return nullptr;
    }
    sql::Connection db = openReadOnly(path, error);
    if (!db)
        return nullptr;
    {
        sql::Statement id(db.get(), "PRAGMA application_id");
        if (!id.next() || id.int64(0) != kApplicationId) {
            if (error)
                *error = QStringLiteral("%1 is not a Placard gazetteer").arg(path);
            return nullptr;
        }
    }
    {
        sql::Statement version(db.get(), "PRAGMA user_version");
        if (!version.next() || version.int64(0) != kSchemaVersion) {
            if (error)
                *error = QStringLiteral("%1: gazetteer format %2, this build reads format %3")
                             .arg(path)
                             .arg(version.int64(0))
                             .arg(kSchemaVersion);
            return nullptr;
        }
    }
    std::shared_ptr<Gazetteer> g(new Gazetteer);
    g->m_path = path;
    sql::Statement admin1(db.get(), "SELECT country, code, name, lat, lon, population FROM admin1");
    while (admin1.next()) {
        g->m_admin1Codes.insert(admin1.text(0) + QLatin1Char('.') + admin1.text(1),
                                int(g->m_admin1.size()));
        g->m_admin1.push_back({admin1.text(0), admin1.text(1), admin1.text(2), admin1.real(3),
                               admin1.real(4), admin1.int64(5)});
    }
    sql::Statement admin1Names(db.get(), "SELECT key, country, code FROM admin1_names");
    while (admin1Names.next()) {
        const int index = g->m_admin1Codes.value(
            admin1Names.text(1) + QLatin1Char('.') + admin1Names.text(2), -1);
        if (index >= 0)
            g->m_admin1Keys[admin1Names.text(0)].append(index);
    }
    sql::Statement countries(db.get(), "SELECT code, name, lat, lon, population FROM countries");
    while (countries.next()) {
        g->m_countryCodes.insert(countries.text(0), int(g->m_countries.size()));
        g->m_countries.push_back({countries.text(0), countries.text(1), countries.real(2),
                                  countries.real(3), countries.int64(4)});
    }
    sql::Statement countryNames(db.get(), "SELECT key, code FROM country_names");
    while (countryNames.next()) {
        const int index = g->m_countryCodes.value(countryNames.text(1), -1);
        if (index >= 0)
            g->m_countryKeys[countryNames.text(0)].append(index);
    }
    if (g->m_admin1.empty() || g->m_countries.empty()) {
        if (error)
            *error =
                QStringLiteral("%1: the gazetteer holds no subdivisions or countries").arg(path);
        return nullptr;
    }
    auto first = std::make_unique<Connection>();
    first->db = std::move(db);
    g->release(std::move(first));
    return g;
}

std::unique_ptr<Gazetteer::Connection> Gazetteer::acquire() const
{
    {
        QMutexLocker lock(&m_poolMutex);
        if (!m_pool.empty()) {
            std::unique_ptr<Connection> c = std::move(m_pool.back());
            m_pool.pop_back();
            return c;
        }
    }
    auto c = std::make_unique<Connection>();
    c->db = openReadOnly(m_path, nullptr);
    return c;
}

void Gazetteer::release(std::unique_ptr<Connection> connection) const
{
    QMutexLocker lock(&m_poolMutex);
    m_pool.push_back(std::move(connection));
}

QList<GazetteerPlace> Gazetteer::placesByKey(const QString &key) const
{
    QList<GazetteerPlace> result;
    std::unique_ptr<Connection> c = acquire();
    if (!c->db)
        return result;
    if (!c->byKey.isValid())
        c->byKey = sql::Statement(
            c->db.get(),
            "SELECT p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.population, "
            "p.feature, n.kind, p.zip_codes FROM names n JOIN places p ON p.id = n.place "
            "WHERE n.key = ?1");
    c->byKey.bind(1, key);
    while (c->byKey.next()) {
        result.append({c->byKey.int64(0), c->byKey.text(1), c->byKey.real(2), c->byKey.real(3),
                       c->byKey.text(4), c->byKey.text(5), c->byKey.int64(6), c->byKey.text(7),
                       int(c->byKey.int64(8)), int(c->byKey.int64(9))});
    }
    c->byKey.reset();
    release(std::move(c));
    return result;
}

std::shared_ptr<const Gazetteer::KeyedPlaces> Gazetteer::keysInAdmin1(const QString &country,
                                                                      const QString &admin1) const
{
    // Read every place's own names once, in one pass, on the first spelling-tolerant
    // search: a query per subdivision would scan the whole names table each time.
    std::call_once(m_keyedOnce, [this] {
        QHash<QString, std::shared_ptr<KeyedPlaces>> buckets;
        std::unique_ptr<Connection> c = acquire();
        if (!c->db)
            return;
        sql::Statement q(c->db.get(),
                         "SELECT n.key, p.id, p.name, p.lat, p.lon, p.country, p.admin1, "
                         "p.population, p.feature, n.kind, p.zip_codes FROM names n JOIN "
                         "places p ON p.id = n.place WHERE n.kind <> 1");
        while (q.next()) {
            GazetteerPlace place{q.int64(1),      q.text(2),       q.real(3),  q.real(4),
                                 q.text(5),       q.text(6),       q.int64(7), q.text(8),
                                 int(q.int64(9)), int(q.int64(10))};
            std::shared_ptr<KeyedPlaces> &bucket =
                buckets[place.country + QLatin1Char('.') + place.admin1];
            if (!bucket)
                bucket = std::make_shared<KeyedPlaces>();
            bucket->push_back({q.text(0), std::move(place)});
        }
        release(std::move(c));
        for (auto it = buckets.cbegin(); it != buckets.cend(); ++it)
            m_admin1Keyed.insert(it.key(), it.value());
    });
    static const auto empty = std::make_shared<const KeyedPlaces>();
    return m_admin1Keyed.value(country + QLatin1Char('.') + admin1, empty);
}

QList<const Admin1 *> Gazetteer::admin1ByKey(const QString &key) const
{
    QList<const Admin1 *> result;
    for (int i : m_admin1Keys.value(key))
        result.append(&m_admin1[std::size_t(i)]);
    return result;
}

const Admin1 *Gazetteer::admin1(const QString &country, const QString &code) const
{
    const int i = m_admin1Codes.value(country + QLatin1Char('.') + code, -1);
    return i < 0 ? nullptr : &m_admin1[std::size_t(i)];
}

QList<const Country *> Gazetteer::countriesByKey(const QString &key) const
{
    QList<const Country *> result;
    for (int i : m_countryKeys.value(key))
        result.append(&m_countries[std::size_t(i)]);
    return result;
}

const Country *Gazetteer::country(const QString &code) const
{
    const int i = m_countryCodes.value(code.toUpper(), -1);
    return i < 0 ? nullptr : &m_countries[std::size_t(i)];
}

} // namespace placard::geo
