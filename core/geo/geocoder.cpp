// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/geocoder.h"

#include "geo/placekey.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace placard::geo {

namespace {

// Texts that say an event had no single place.
const QStringList kNonPlaces = {
    QStringLiteral("national"),
    QStringLiteral("nationwide"),
    QStringLiteral("online"),
    QStringLiteral("virtual"),
    QStringLiteral("internet"),
    QStringLiteral("various"),
    QStringLiteral("multiple"),
    QStringLiteral("multiple locations"),
    QStringLiteral("unknown"),
    QStringLiteral("none"),
    QStringLiteral("na"),
    QStringLiteral("n a"),
    QStringLiteral("tbd"),
    QStringLiteral("worldwide"),
    QStringLiteral("global"),
    QStringLiteral("everywhere"),
    QStringLiteral("remote"),
    QStringLiteral("zoom"),
    QStringLiteral("multiple cities"),
    QStringLiteral("various locations"),
    QStringLiteral("various cities"),
    QStringLiteral("several cities"),
    QStringLiteral("countrywide"),
    QStringLiteral("livestream"),
    // The same in German, French, Spanish, Italian and Portuguese.
    QStringLiteral("bundesweit"),
    QStringLiteral("deutschlandweit"),
    QStringLiteral("virtuell"),
    QStringLiteral("unbekannt"),
    QStringLiteral("en ligne"),
    QStringLiteral("virtuel"),
    QStringLiteral("inconnu"),
    QStringLiteral("en linea"),
    QStringLiteral("nacional"),
    QStringLiteral("desconocido"),
    QStringLiteral("nazionale"),
    QStringLiteral("sconosciuto"),
    QStringLiteral("desconhecido"),
};

// Edit distance with transpositions, giving up beyond `limit`.
int editDistance(QStringView a, QStringView b, int limit)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    if (std::abs(n - m) > limit)
        return limit + 1;
    thread_local std::vector<int> prev2, prev, cur;
    prev2.assign(std::size_t(m + 1), 0);
    prev.assign(std::size_t(m + 1), 0);
    cur.assign(std::size_t(m + 1), 0);
    for (qsizetype j = 0; j <= m; ++j)
        prev[std::size_t(j)] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        cur[0] = int(i);
        int best = cur[0];
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = std::min({prev[std::size_t(j)] + 1, cur[std::size_t(j - 1)] + 1,
                              prev[std::size_t(j - 1)] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = std::min(v, prev2[std::size_t(j - 2)] + 1);
            cur[std::size_t(j)] = v;
            best = std::min(best, v);
        }
        if (best > limit)
            return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[std::size_t(m)];
}

// A small preference for bigger and more central places among namesakes.
double weight(const GazetteerPlace &p)
{
    double w = std::log10(double(p.population) + 10.0) / 8.0; // 0.125 … ~1
    if (p.feature == u"PPLC")
        w += 0.15;
    else if (p.feature.startsWith(u"PPLA"))
        w += 0.05;
    else if (p.feature == u"PPLX")
        w -= 0.1; // a section of a city
    if (p.zipCodes > 0)
        w += 0.05; // a post town: of namesakes of like size, the one people write
    if (p.kind == 1)
        w -= 0.25; // matched an alternate name only
    return w;
}

// Postal codes of US territories, which the gazetteer holds as countries.
QString usTerritory(const QString &key)
{
    if (key == u"pr" || key == u"puerto rico")
        return QStringLiteral("PR");
    if (key == u"gu" || key == u"guam")
        return QStringLiteral("GU");
    if (key == u"vi" || key == u"usvi" || key == u"us virgin islands")
        return QStringLiteral("VI");
    if (key == u"as" || key == u"american samoa")
        return QStringLiteral("AS");
    if (key == u"mp" || key == u"northern mariana islands")
        return QStringLiteral("MP");
    return {};
}

} // namespace

QString precisionName(PlacePrecision precision)
{
    switch (precision) {
    case PlacePrecision::Locality:
        return QStringLiteral("locality");
    case PlacePrecision::Admin1:
        return QStringLiteral("admin1");
    case PlacePrecision::Country:
        return QStringLiteral("country");
    }
    return {};
}

GeoPrecision toGeoPrecision(PlacePrecision precision)
{
    switch (precision) {
    case PlacePrecision::Locality:
        return GeoPrecision::Locality;
    case PlacePrecision::Admin1:
        return GeoPrecision::Admin1;
    case PlacePrecision::Country:
        return GeoPrecision::Country;
    }
    return GeoPrecision::Unplaced;
}

const GeocodeResult &MemoGeocoder::geocode(const GeocodeQuery &query)
{
    const QString key = query.text + QChar(0x1F) + query.locality + QChar(0x1F) + query.admin1 +
        QChar(0x1F) + query.country;
    auto it = m_answers.find(key);
    if (it == m_answers.end())
        it = m_answers.insert(key, m_geocoder.geocode(query, 1));
    return *it;
}

struct Geocoder::Context {
    const Country *country = nullptr;
    const Admin1 *admin1 = nullptr;
    QString admin1Text; ///< given but not recognised: the search is not narrowed by it
};

Geocoder::Geocoder(std::shared_ptr<const Gazetteer> gazetteer)
    : m_gazetteer(std::move(gazetteer))
{
}

GeocodeCandidate Geocoder::fromPlace(const GazetteerPlace &p, double score) const
{
    const Admin1 *a = m_gazetteer->admin1(p.country, p.admin1);
    return {p.latitude,
            p.longitude,
            PlacePrecision::Locality,
            p.name,
            a ? a->name : QString(),
            p.admin1,
            p.country,
            score,
            p.population,
            p.kind != 1};
}

GeocodeCandidate Geocoder::fromAdmin1(const Admin1 &a, double score) const
{
    return {a.latitude, a.longitude, PlacePrecision::Admin1, a.name, a.name, a.code,
            a.country,  score};
}

GeocodeCandidate Geocoder::fromCountry(const Country &c, double score) const
{
    return {c.latitude, c.longitude, PlacePrecision::Country, c.name, QString(), QString(),
            c.code,     score};
}

const Country *Geocoder::isoCountry(const QString &text) const
{
    const bool code = text.size() == 2 && text.at(0).isUpper() && text.at(1).isUpper() &&
        text.at(0).unicode() < 0x80 && text.at(1).unicode() < 0x80;
    return code ? m_gazetteer->country(text) : nullptr;
}

bool Geocoder::cityMeant(const QString &key, const Admin1 &state) const
{
    // The state's largest place, and whether it carries the name itself ("Tel Aviv",
    // "Bern", "Hamburg": the state is named after its city).
    const auto places = m_gazetteer->keysInAdmin1(state.country, state.code);
    qint64 largest = -1;
    qint64 largestId = 0;
    for (const auto &[k, p] : *places) {
        if (p.population > largest) {
            largest = p.population;
            largestId = p.id;
        }
    }
    for (const auto &[k, p] : *places) {
        if (p.id == largestId && k == key)
            return true;
    }
    // A city of a million in the same country ("New York"), or one bearing the name as its
    // own that is larger than anything in the state ("St. Louis" is Missouri's, not the
    // Senegalese region's); "Washington" stays the state, Seattle being larger than DC.
    for (const GazetteerPlace &p : m_gazetteer->placesByKey(key)) {
        if ((p.population >= 1000000 && p.country == state.country) ||
            (p.kind == 0 && p.population > largest))
            return true;
    }
    return false;
}

bool Geocoder::nearAdmin1(const GeocodeCandidate &candidate, const Admin1 &admin1) const
{
    // Within kNearKm of a place of the subdivision: its populated places, post towns
    // included, are close enough together that this follows its border.
    constexpr double kNearKm = 30;
    constexpr double kKmPerDegree = 111.2;
    const double reach = kNearKm / kKmPerDegree;
    const double cosLat = std::cos(candidate.latitude * std::numbers::pi / 180);
    const auto places = m_gazetteer->keysInAdmin1(admin1.country, admin1.code);
    for (const auto &[key, p] : *places) {
        const double dLat = p.latitude - candidate.latitude;
        const double dLon = (p.longitude - candidate.longitude) * cosLat;
        if (std::abs(dLat) < reach && dLat * dLat + dLon * dLon < reach * reach)
            return true;
    }
    return false;
}

GeocodeResult Geocoder::geocode(const QString &text, int maxCandidates) const
{
    return geocode(GeocodeQuery{text, {}, {}, {}}, maxCandidates);
}

QList<GeocodeCandidate> Geocoder::localities(const QString &text, const Context &context) const
{
    const QString key = placeKey(text);
    if (key.isEmpty())
        return {};
    QList<GazetteerPlace> places = m_gazetteer->placesByKey(key);
    QList<std::pair<double, GazetteerPlace>> scored;
    for (const GazetteerPlace &p : std::as_const(places)) {
        if (context.country && p.country != context.country->code)
            continue;
        double s = 0.55 + 0.4 * weight(p);
        if (context.admin1) {
            if (p.admin1 == context.admin1->code)
                s += 0.3;
            else
                s -= 0.3; // coders mistype states: keep it, but behind any in the state
            if (p.kind == 1)
                s -= 0.2; // within a state, a place's own name beats another's old name
        }
        scored.append({s, p});
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    QList<GeocodeCandidate> result;
    for (const auto &[s, p] : std::as_const(scored))
        result.append(fromPlace(p, std::clamp(s, 0.0, 1.0)));
    return result;
}

QList<GeocodeCandidate> Geocoder::fuzzyLocalities(const QString &key, const Context &context) const
{
    // Only inside a known state, and only once the exact name failed there: one slip in
    // names of 5 letters or more; two from 11, or from 7 when the place is a city of some
    // size (a famous name is misspelled more than a hamlet's: "Cinncinati"). Shorter
    // names are too easily another real place, and with post towns in the gazetteer an
    // unknown name is mostly a typo.
    if (!context.admin1 || key.size() < 5)
        return {};
    const int limit = key.size() >= 7 ? 2 : 1;
    QList<std::pair<double, GazetteerPlace>> scored;
    const auto all = m_gazetteer->keysInAdmin1(context.admin1->country, context.admin1->code);
    for (const auto &[k, p] : *all) {
        if (std::abs(k.size() - key.size()) > limit)
            continue;
        // A slip rarely hits both of the first two letters: a cheap filter before the distance.
        if (k.at(0) != key.at(0) && k.at(1) != key.at(1))
            continue;
        const int d = editDistance(key, k, limit);
        if (d > limit || (d == 2 && key.size() < 11 && p.population < 50000))
            continue;
        scored.append({0.6 - 0.15 * d + 0.2 * weight(p), p});
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    QList<GeocodeCandidate> result;
    for (const auto &[s, p] : std::as_const(scored))
        result.append(fromPlace(p, std::clamp(s, 0.0, 1.0)));
    return result;
}

GeocodeResult Geocoder::geocode(const GeocodeQuery &query, int maxCandidates) const
{
    GeocodeResult result;
    Context context;
    const auto finish = [&](QList<GeocodeCandidate> list) {
        // One answer per place, best first.
        QList<GeocodeCandidate> unique;
        for (const GeocodeCandidate &c : list) {
            const bool seen =
                std::any_of(unique.cbegin(), unique.cend(), [&](const GeocodeCandidate &u) {
                    return u.name == c.name && u.admin1Code == c.admin1Code &&
                        u.country == c.country && u.precision == c.precision &&
                        std::abs(u.latitude - c.latitude) < 0.01 &&
                        std::abs(u.longitude - c.longitude) < 0.01; // not a namesake
                });
            if (!seen)
                unique.append(c);
            if (unique.size() >= maxCandidates)
                break;
        }
        result.candidates = unique;
        return result;
    };

    // No place has a name this long, and the ways of splitting one grow with its length (a
    // cell of 400 KB of "St. Paul, " took minutes).
    constexpr qsizetype kLongestPlace = 300;
    if (query.text.size() > kLongestPlace || query.locality.size() > kLongestPlace ||
        query.admin1.size() > kLongestPlace || query.country.size() > kLongestPlace) {
        result.unplacedReason = QStringLiteral("too long to be a place name");
        return result;
    }

    // Context from the row's own columns.
    if (const QString k = placeKey(repairMojibake(query.country)); !k.isEmpty()) {
        context.country = m_gazetteer->country(query.country.trimmed());
        if (!context.country || query.country.trimmed().size() != 2) {
            const QList<const Country *> found = m_gazetteer->countriesByKey(k);
            if (!found.isEmpty())
                context.country = found.constFirst();
        }
    }
    // The subdivision `text` names; of several ("WA": Washington or Western Australia), the
    // one where a place called `place` lies, else the most populous (codes like "CA" are US
    // first).
    const auto admin1For = [&](const QString &text, const QString &place) -> const Admin1 * {
        const QList<const Admin1 *> found = m_gazetteer->admin1ByKey(placeKey(text));
        QList<GazetteerPlace> places;
        if (found.size() > 1 && !place.isEmpty())
            places = m_gazetteer->placesByKey(placeKey(place));
        const Admin1 *best = nullptr;
        bool bestHasPlace = false;
        for (const Admin1 *a : found) {
            if (context.country && a->country != context.country->code)
                continue;
            const bool hasPlace =
                std::any_of(places.cbegin(), places.cend(), [a](const GazetteerPlace &p) {
                    return p.country == a->country && p.admin1 == a->code;
                });
            if (!best || (hasPlace && !bestHasPlace) ||
                (hasPlace == bestHasPlace && a->population > best->population)) {
                best = a;
                bestHasPlace = hasPlace;
            }
        }
        return best;
    };
    if (!query.admin1.trimmed().isEmpty()) {
        context.admin1 =
            admin1For(repairMojibake(query.admin1),
                      repairMojibake(query.text.isEmpty() ? query.locality : query.text));
        if (context.admin1 && !context.country)
            context.country = m_gazetteer->country(context.admin1->country);
        if (!context.admin1)
            context.admin1Text = query.admin1;
    }

    QString text = repairMojibake(query.text.isEmpty() ? query.locality : query.text).simplified();
    // A US ZIP code after an address ("Minneapolis MN 55401"): the gazetteer places towns.
    static const QRegularExpression zip(QStringLiteral("(\\S)[\\s,]+\\d{5}(-\\d{4})?$"));
    text.replace(zip, QStringLiteral("\\1"));
    if (text.isEmpty() && context.admin1)
        return finish({fromAdmin1(*context.admin1, 0.9)});
    if (text.isEmpty() && context.country)
        return finish({fromCountry(*context.country, 0.9)});

    const QString wholeKey = placeKey(text);
    if (wholeKey.isEmpty()) {
        result.unplacedReason = QStringLiteral("no place given");
        return result;
    }
    for (const QString &word : kNonPlaces) {
        if (wholeKey == word) {
            result.unplacedReason = QStringLiteral("not a single place (\"%1\")").arg(text);
            return result;
        }
    }
    static const QRegularExpression countyCount(
        QStringLiteral("^\\d+ .*(counties|cities|towns|states|locations)$"));
    if (countyCount.match(wholeKey).hasMatch()) {
        result.unplacedReason = QStringLiteral("several places (\"%1\")").arg(text);
        return result;
    }

    // Trailing qualifiers: "City, ST", "City, State, Country"; "Austin TX", "St. Paul MN"
    // (a state's code in capitals after a name that is no place as a whole).
    static const QRegularExpression trailingCode(QStringLiteral("^(.*\\S)\\s+([A-Z]{2})$"));
    if (!text.contains(QLatin1Char(','))) {
        if (const QRegularExpressionMatch m = trailingCode.match(text); m.hasMatch() &&
            (!m_gazetteer->admin1ByKey(placeKey(m.captured(2))).isEmpty() ||
             isoCountry(m.captured(2))) &&
            m_gazetteer->placesByKey(placeKey(text)).isEmpty())
            text = m.captured(1) + QStringLiteral(", ") + m.captured(2);
    }
    QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &p : parts)
        p = p.trimmed();
    parts.removeAll(QString());
    while (parts.size() > 1) {
        const QString last = parts.constLast();
        const QString lastKey = placeKey(last);
        if (lastKey.isEmpty() || lastKey == u"na") { // a missing value written out
            parts.removeLast();
            continue;
        }
        // US territories are states in US lists but countries in the gazetteer.
        if (const QString territory = usTerritory(lastKey);
            !territory.isEmpty() && (!context.country || context.country->code == u"US")) {
            context.country = m_gazetteer->country(territory);
            context.admin1 = nullptr;
            parts.removeLast();
            continue;
        }
        if (!context.country) {
            const QList<const Country *> c = m_gazetteer->countriesByKey(lastKey);
            if (!c.isEmpty()) {
                context.country = c.constFirst();
                parts.removeLast();
                continue;
            }
        }
        const QString rest = parts.first(parts.size() - 1).join(u", ");
        const Admin1 *a = admin1For(last, rest);
        // A country's ISO code ("Berlin, DE", "Toronto, CA"), unless it is also the code of
        // a state holding the place ("Los Angeles, CA").
        if (const Country *c = context.country ? nullptr : isoCountry(last)) {
            const QList<GazetteerPlace> places = m_gazetteer->placesByKey(placeKey(rest));
            const auto holds = [&](const QString &country, const QString &admin1) {
                return std::any_of(places.cbegin(), places.cend(), [&](const GazetteerPlace &p) {
                    return p.country == country && (admin1.isEmpty() || p.admin1 == admin1);
                });
            };
            if (!a || (!holds(a->country, a->code) && holds(c->code, QString()))) {
                context.country = c;
                parts.removeLast();
                continue;
            }
        }
        if (a) {
            context.admin1 = a;
            context.country = m_gazetteer->country(a->country);
            parts.removeLast();
            continue;
        }
        break;
    }
    const QString head = parts.join(QStringLiteral(", "));
    const QString headKey = placeKey(head);
    for (const QString &word : kNonPlaces) {
        if (headKey == word) {
            result.unplacedReason = QStringLiteral("not a single place (\"%1\")").arg(text);
            return result;
        }
    }

    // Alternatives: as written, without parentheses, the parenthesised part, each side of a slash.
    QStringList tries;
    static const QRegularExpression parens(QStringLiteral("\\(([^)]*)\\)"));
    const QString unwrapped = QString(head).replace(parens, QStringLiteral("\\1")).simplified();
    const QString withoutParens = QString(head).remove(parens).simplified();
    tries << head << unwrapped << withoutParens;
    for (auto it = parens.globalMatch(head); it.hasNext();)
        tries << it.next().captured(1).simplified();
    for (const QString &t : QStringList(tries)) {
        if (t.contains(QLatin1Char('/')))
            tries << t.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    }
    // "Lancaster City", "Scott Township": the name without the kind of municipality;
    // "Downtown Chicago", "Greater Boston", "Seattle area": the city, once the whole name is
    // unknown. One expression: it is tried on every alternative of every query.
    static const QRegularExpression qualifier(
        QStringLiteral("^(downtown|uptown|midtown|greater|metro|central)\\s+|\\s+(city|township|"
                       "twp\\.?|town|village|borough|boro|cdp|downtown|uptown|midtown|metro|"
                       "area|metro area)$"),
        QRegularExpression::CaseInsensitiveOption);
    for (const QString &t : QStringList(tries)) {
        if (const QString bare = QString(t).remove(qualifier); bare != t && !bare.isEmpty())
            tries << bare;
    }
    // "Hemet-San Jacinto", "Bay St Louis + Pass Christian": each of two joined places, after
    // the whole (so "Winston-Salem" stays one); "Lake Havasu": "Lake Havasu City". Not inside
    // a list of parts ("Marseille, Bouches-du-Rhône" is no place called "du"), and no piece
    // of fewer than three letters.
    static const QRegularExpression joined(QStringLiteral("\\s*[-+&]\\s*"));
    for (const QString &t : QStringList(tries)) {
        if (!t.contains(joined) || t.contains(QLatin1Char(',')))
            continue;
        for (const QString &piece : t.split(joined, Qt::SkipEmptyParts)) {
            if (piece.size() >= 3)
                tries << piece;
        }
    }
    for (const QString &t : QStringList(tries)) {
        if (!t.endsWith(QLatin1String(" city"), Qt::CaseInsensitive))
            tries << t + QLatin1String(" City");
    }
    // "Neighbourhood, City" the gazetteer does not know as one: the city alone ("Hell's
    // Kitchen, Manhattan", "Capitol Hill, Seattle"). But "City, Region" when the region is
    // not known as one and the first part names a place ten times the size of the last's
    // ("Milano, Lombardia" is Milan, not the village of Lombardía in Mexico).
    if (parts.size() > 1) {
        // Of places so named in their own or another language: an alias of ours names a
        // landmark ("Union Square, San Francisco" is not New York's).
        const auto population = [&](const QString &part) {
            qint64 most = -1;
            for (const GazetteerPlace &p : m_gazetteer->placesByKey(placeKey(part))) {
                if (p.kind != 2 && (!context.country || p.country == context.country->code))
                    most = std::max(most, p.population);
            }
            return most;
        };
        const qint64 last = population(parts.constLast());
        if (last < 0 || population(parts.constFirst()) >= 10 * std::max<qint64>(last, 1))
            tries << parts.constFirst() << parts.constLast();
        else
            tries << parts.constLast() << parts.constFirst();
    }
    tries.removeDuplicates();

    // A bare state or country name ("Colorado", "France") names that area, unless a city is
    // meant (see cityMeant()); a country's name names the country ("Mexico", not its capital).
    if (parts.size() == 1 && !context.admin1) {
        const QList<const Country *> countries = m_gazetteer->countriesByKey(wholeKey);
        const Admin1 *state = nullptr;
        for (const Admin1 *a : m_gazetteer->admin1ByKey(wholeKey)) {
            if ((!context.country || a->country == context.country->code) &&
                placeKey(a->name) == wholeKey)
                state = state && state->population > a->population ? state : a;
        }
        if (state || !countries.isEmpty()) {
            const QList<GeocodeCandidate> cities = localities(head, context);
            if (!countries.isEmpty() || !state || !cityMeant(wholeKey, *state)) {
                QList<GeocodeCandidate> list;
                const bool preferState = state &&
                    (countries.isEmpty() ||
                     (context.country && context.country->code == state->country));
                if (preferState)
                    list << fromAdmin1(*state, 0.9);
                for (const Country *c : countries)
                    list << fromCountry(*c, preferState ? 0.8 : 0.9);
                if (state && !preferState)
                    list << fromAdmin1(*state, 0.8);
                return finish(list + cities);
            }
        }
    }

    // Exact names first; with a state given, a near spelling inside it beats the exact
    // name in another state ("Silver Springs, MD" is Silver Spring).
    QList<GeocodeCandidate> elsewhere;
    for (const QString &t : std::as_const(tries)) {
        QList<GeocodeCandidate> found = localities(t, context);
        if (found.isEmpty())
            continue;
        const bool inState = !context.admin1 ||
            (found.constFirst().admin1Code == context.admin1->code &&
             found.constFirst().country == context.admin1->country);
        if (inState)
            return finish(found);
        if (elsewhere.isEmpty())
            elsewhere = found;
    }
    for (const QString &t : std::as_const(tries)) {
        QList<GeocodeCandidate> found = fuzzyLocalities(placeKey(t), context);
        if (!found.isEmpty())
            return finish(found + elsewhere);
    }
    // Not in the given state. A namesake in a state whose code is one slip away ("AK" for
    // Arkansas) is likely meant; otherwise the state itself comes first.
    if (context.admin1 && !elsewhere.isEmpty()) {
        const GeocodeCandidate &other = elsewhere.constFirst();
        const bool sameCountry = other.country == context.admin1->country && other.ownName;
        const bool slip = sameCountry && other.admin1Code.size() == 2 &&
            editDistance(other.admin1Code, context.admin1->code, 1) <= 1 &&
            other.population >= 20000; // a town of some size under its own name, not a hamlet
        // "Dallas, CA", "Anaheim, FL": a city everyone knows, filed under a wrong state. Only
        // the biggest: a township under a mid-sized city's name ("Berkeley, NJ") would be
        // sent across the country, where the state's centre is at least in the right state.
        const bool wellKnown = sameCountry && other.population >= 250000;
        if (slip || wellKnown)
            return finish(elsewhere + QList<GeocodeCandidate>{fromAdmin1(*context.admin1, 0.4)});
        // Across a state line: a town has suburbs in the next state, and lists file it under
        // theirs ("Wheeling, OH" is the city across the river in West Virginia). A namesake
        // close to the given state is meant; one far off is a township's namesake.
        for (const GeocodeCandidate &c : std::as_const(elsewhere)) {
            if (c.country == context.admin1->country && c.ownName && nearAdmin1(c, *context.admin1))
                return finish(QList<GeocodeCandidate>{c} + elsewhere +
                              QList<GeocodeCandidate>{fromAdmin1(*context.admin1, 0.4)});
        }
    }
    if (context.admin1)
        return finish(QList<GeocodeCandidate>{fromAdmin1(*context.admin1, 0.5)} + elsewhere);
    if (!elsewhere.isEmpty())
        return finish(elsewhere);
    if (context.country)
        return finish({fromCountry(*context.country, 0.5)});
    result.unplacedReason = QStringLiteral("no place called \"%1\" in the gazetteer").arg(text);
    return result;
}

} // namespace placard::geo
