// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/eventlinks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <cmath>

namespace placard {

namespace {
// Appends `text` as a JSON string, quoted, in UTF-8 (an unpaired surrogate as U+FFFD).
// Written out here rather than through toUtf8(): sources are written for every event of an
// import, and this makes no copy. The room for the worst case (six bytes a unit, "\u0001")
// is made first, so that each character is a store, not a call.
void appendJsonString(QByteArray &out, const QString &text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const qsizetype begin = out.size();
    out.resize(begin + 6 * text.size() + 2);
    char *o = out.data() + begin;
    *o++ = '"';
    const char16_t *c = reinterpret_cast<const char16_t *>(text.constData());
    const char16_t *end = c + text.size();
    for (; c < end; ++c) {
        const char32_t u = *c;
        if (u == u'"' || u == u'\\') {
            *o++ = '\\';
            *o++ = char(u);
        } else if (u < 0x20) {
            *o++ = '\\';
            *o++ = 'u';
            *o++ = '0';
            *o++ = '0';
            *o++ = kHex[u >> 4];
            *o++ = kHex[u & 15];
        } else if (u < 0x80) {
            *o++ = char(u);
        } else if (u < 0x800) {
            *o++ = char(0xC0 | (u >> 6));
            *o++ = char(0x80 | (u & 0x3F));
        } else if (QChar::isHighSurrogate(u) && c + 1 < end && QChar::isLowSurrogate(c[1])) {
            const char32_t cp = QChar::surrogateToUcs4(char16_t(u), c[1]);
            ++c;
            *o++ = char(0xF0 | (cp >> 18));
            *o++ = char(0x80 | ((cp >> 12) & 0x3F));
            *o++ = char(0x80 | ((cp >> 6) & 0x3F));
            *o++ = char(0x80 | (cp & 0x3F));
        } else {
            const char32_t cp = QChar::isSurrogate(u) ? char32_t(0xFFFD) : u;
            *o++ = char(0xE0 | (cp >> 12));
            *o++ = char(0x80 | ((cp >> 6) & 0x3F));
            *o++ = char(0x80 | (cp & 0x3F));
        }
    }
    *o++ = '"';
    out.resize(o - out.constData());
}
} // namespace

void appendIdList(QByteArray &out, const QList<qint64> &ids)
{
    // Room for the worst case first (20 characters and a comma an id), then plain stores.
    const qsizetype begin = out.size();
    out.resize(begin + 21 * ids.size() + 2);
    char *o = out.data() + begin;
    char *const limit = out.data() + out.size();
    *o++ = '[';
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            *o++ = ',';
        o = std::to_chars(o, limit, ids[i]).ptr;
    }
    *o++ = ']';
    out.resize(o - out.constData());
}

bool isPlainIdList(QByteArrayView json)
{
    if (json.size() < 2 || json.front() != '[' || json.back() != ']')
        return false;
    if (json.size() == 2)
        return true;
    int digits = 0;
    for (const char c : json.sliced(1, json.size() - 2)) {
        if (c >= '0' && c <= '9') {
            // No leading zero, and at most 18 digits: no overflow.
            if ((digits == 0 && c == '0') || ++digits > 18)
                return false;
        } else if (c == ',' && digits > 0) {
            digits = 0;
        } else {
            return false;
        }
    }
    return digits > 0;
}

QList<qint64> idsFromAnyJson(QByteArrayView json)
{
    QList<qint64> ids;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray());
    constexpr double kLargest = double(qint64(1) << 53); // exactly held by a double
    for (const QJsonValue &v : doc.array()) {
        const double d = v.toDouble(0);
        if (v.isDouble() && d >= 1 && d <= kLargest && d == std::floor(d))
            ids.append(qint64(d));
    }
    return ids;
}

QList<qint64> idList(QByteArrayView json)
{
    QList<qint64> ids;
    forEachId(json, [&ids](qint64 id) { ids.append(id); });
    return ids;
}

void appendSourcesJson(QByteArray &out, const QList<EventSource> &sources)
{
    if (sources.isEmpty())
        return;
    out += '[';
    for (qsizetype i = 0; i < sources.size(); ++i) {
        out += i ? ",{" : "{";
        bool first = true;
        for (const auto &[name, value] :
             {std::pair{"url", &sources[i].url}, std::pair{"outlet", &sources[i].outlet},
              std::pair{"published", &sources[i].published}}) {
            if (value->isEmpty())
                continue;
            if (!first)
                out += ',';
            first = false;
            out += '"';
            out += name;
            out += "\":";
            appendJsonString(out, *value);
        }
        out += '}';
    }
    out += ']';
}

QList<EventSource> sourcesFromStoredJson(QByteArrayView json)
{
    QList<EventSource> sources;
    if (json.isEmpty())
        return sources;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray());
    for (const QJsonValue &v : doc.array()) {
        if (!v.isObject())
            continue;
        const QJsonObject o = v.toObject();
        EventSource source{o.value(QLatin1StringView("url")).toString(),
                           o.value(QLatin1StringView("outlet")).toString(),
                           o.value(QLatin1StringView("published")).toString()};
        if (!source.url.isEmpty() || !source.outlet.isEmpty() || !source.published.isEmpty())
            sources.append(std::move(source));
    }
    return sources;
}

} // namespace placard
