// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/filterjson.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace placard {

namespace {

constexpr int kVersion = 1;
// JSON numbers are doubles: whole numbers are exact up to 2^53.
constexpr double kLargestExact = 9007199254740992.0;

const char *const kPrecisionNames[] = {"unplaced", "exact", "locality", "admin1", "country"};

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray out;
    for (qint64 id : ids)
        out.append(id);
    return out;
}

// Reading: each helper returns false and sets the error on anything unexpected.
class Reader {
public:
    explicit Reader(const QJsonObject &json)
        : m_json(json)
    {
    }

    QString error;

    bool wholeNumber(const QJsonValue &v, const QString &what, double lowest, double highest,
                     qint64 *out)
    {
        const double d = v.toDouble(std::numeric_limits<double>::quiet_NaN());
        if (!v.isDouble() || !std::isfinite(d) || std::trunc(d) != d || d < lowest || d > highest) {
            error = QStringLiteral("%1 is not a whole number in range").arg(what);
            return false;
        }
        *out = qint64(d);
        return true;
    }
    bool ids(const QJsonValue &v, const QString &what, QList<qint64> *out)
    {
        if (!v.isArray()) {
            error = QStringLiteral("%1 is not a list").arg(what);
            return false;
        }
        for (const QJsonValue item : v.toArray()) {
            qint64 id = 0;
            if (!wholeNumber(item, what, -kLargestExact, kLargestExact, &id))
                return false;
            out->append(id);
        }
        return true;
    }
    bool ids(const char *key, QList<qint64> *out)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        return v.isUndefined() || ids(v, QLatin1String(key), out);
    }
    bool texts(const char *key, QStringList *out)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isArray()) {
            error = QStringLiteral("%1 is not a list").arg(QLatin1String(key));
            return false;
        }
        for (const QJsonValue item : v.toArray()) {
            if (!item.isString()) {
                error =
                    QStringLiteral("%1 holds something that is not text").arg(QLatin1String(key));
                return false;
            }
            out->append(item.toString());
        }
        return true;
    }
    template<typename T>
    bool number(const char *key, double lowest, double highest, std::optional<T> *out)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        qint64 n = 0;
        if (!wholeNumber(v, QLatin1String(key), lowest, highest, &n))
            return false;
        *out = T(n);
        return true;
    }
    bool boolean(const char *key, bool *out)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isBool()) {
            error = QStringLiteral("%1 is not true or false").arg(QLatin1String(key));
            return false;
        }
        *out = v.toBool();
        return true;
    }
    bool text(const char *key, QString *out)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isString()) {
            error = QStringLiteral("%1 is not text").arg(QLatin1String(key));
            return false;
        }
        *out = v.toString();
        return true;
    }
    bool tagRules(QList<Filter::TagRule> *out)
    {
        const QJsonValue v = m_json.value(QLatin1String("tagRules"));
        if (v.isUndefined())
            return true;
        if (!v.isArray()) {
            error = QStringLiteral("tagRules is not a list");
            return false;
        }
        for (const QJsonValue item : v.toArray()) {
            const QJsonObject rule = item.toObject();
            const QJsonValue all = rule.value(QLatin1String("all"));
            if (!item.isObject() || !(all.isUndefined() || all.isBool())) {
                error = QStringLiteral("tagRules holds something that is not a tag rule");
                return false;
            }
            Filter::TagRule r;
            r.all = all.toBool(false);
            if (!ids(rule.value(QLatin1String("tags")), QStringLiteral("tagRules.tags"), &r.tagIds))
                return false;
            out->append(r);
        }
        return true;
    }
    bool precisions(QList<GeoPrecision> *out)
    {
        QStringList names;
        if (!texts("precisions", &names))
            return false;
        for (const QString &name : names) {
            const auto *it = std::find_if(std::begin(kPrecisionNames), std::end(kPrecisionNames),
                                          [&](const char *n) { return name == QLatin1String(n); });
            if (it == std::end(kPrecisionNames)) {
                error = QStringLiteral("unknown precision \"%1\"").arg(name.left(40));
                return false;
            }
            out->append(GeoPrecision(it - std::begin(kPrecisionNames)));
        }
        return true;
    }

private:
    const QJsonObject &m_json;
};

} // namespace

QJsonObject filterToJson(const Filter &f, const QString &searchText)
{
    QJsonObject json;
    json.insert(QLatin1String("version"), kVersion);
    if (!searchText.isEmpty())
        json.insert(QLatin1String("search"), searchText);
    if (f.fromDay)
        json.insert(QLatin1String("fromDay"), *f.fromDay);
    if (f.toDay)
        json.insert(QLatin1String("toDay"), *f.toDay);
    if (!f.typeIds.isEmpty())
        json.insert(QLatin1String("types"), idArray(f.typeIds));
    if (!f.tagRules.isEmpty()) {
        QJsonArray rules;
        for (const Filter::TagRule &r : f.tagRules)
            rules.append(QJsonObject{{QLatin1String("tags"), idArray(r.tagIds)},
                                     {QLatin1String("all"), r.all}});
        json.insert(QLatin1String("tagRules"), rules);
    }
    if (f.minSize)
        json.insert(QLatin1String("minSize"), *f.minSize);
    if (f.maxSize)
        json.insert(QLatin1String("maxSize"), *f.maxSize);
    json.insert(QLatin1String("includeUnknownSize"), f.includeUnknownSize);
    if (!f.countries.isEmpty())
        json.insert(QLatin1String("countries"), QJsonArray::fromStringList(f.countries));
    if (!f.regions.isEmpty())
        json.insert(QLatin1String("regions"), QJsonArray::fromStringList(f.regions));
    if (!f.precisions.isEmpty()) {
        QJsonArray names;
        for (GeoPrecision p : f.precisions) {
            const auto i = std::size_t(p);
            if (i < std::size(kPrecisionNames))
                names.append(QLatin1String(kPrecisionNames[i]));
        }
        json.insert(QLatin1String("precisions"), names);
    }
    if (!f.datasets.isEmpty())
        json.insert(QLatin1String("datasets"), idArray(f.datasets));
    return json;
}

std::optional<Filter> filterFromJson(const QJsonObject &json, QString *searchText, QString *error)
{
    Filter f;
    QString search;
    std::optional<qint64> version;
    Reader r(json);
    constexpr double minDay = std::numeric_limits<qint32>::min();
    constexpr double maxDay = std::numeric_limits<qint32>::max();
    bool ok = r.number("version", 1, kLargestExact, &version);
    if (ok && version.value_or(kVersion) > kVersion) {
        r.error = QStringLiteral("the view was saved by a later version of Placard");
        ok = false;
    }
    ok = ok && r.text("search", &search) && r.number("fromDay", minDay, maxDay, &f.fromDay) &&
        r.number("toDay", minDay, maxDay, &f.toDay) && r.ids("types", &f.typeIds) &&
        r.tagRules(&f.tagRules) && r.number("minSize", -kLargestExact, kLargestExact, &f.minSize) &&
        r.number("maxSize", -kLargestExact, kLargestExact, &f.maxSize) &&
        r.boolean("includeUnknownSize", &f.includeUnknownSize) &&
        r.texts("countries", &f.countries) && r.texts("regions", &f.regions) &&
        r.precisions(&f.precisions) && r.ids("datasets", &f.datasets);
    if (!ok) {
        if (error)
            *error = r.error;
        return std::nullopt;
    }
    if (searchText)
        *searchText = search;
    return f;
}

} // namespace placard
