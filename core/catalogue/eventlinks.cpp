// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/eventlinks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace placard {

namespace {
// Appends `text` as a JSON string, quoted, in UTF-8 (an unpaired surrogate as U+FFFD).
// Written out here rather than through toUtf8(): sources are written for every event of an
// import, and this makes no copy.
void appendJsonString(QByteArray &out, const QString &text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    const char16_t *c = reinterpret_cast<const char16_t *>(text.constData());
    const char16_t *end = c + text.size();
    for (; c < end; ++c) {
        const char32_t u = *c;
        if (u == u'"' || u == u'\\') {
            out += '\\';
            out += char(u);
        } else if (u < 0x20) {
            out += "\\u00";
            out += kHex[u >> 4];
            out += kHex[u & 15];
        } else if (u < 0x80) {
            out += char(u);
        } else if (u < 0x800) {
            out += char(0xC0 | (u >> 6));
            out += char(0x80 | (u & 0x3F));
        } else if (QChar::isHighSurrogate(u) && c + 1 < end && QChar::isLowSurrogate(c[1])) {
            const char32_t cp = QChar::surrogateToUcs4(char16_t(u), c[1]);
            ++c;
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            const char32_t cp = QChar::isSurrogate(u) ? char32_t(0xFFFD) : u;
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }
    out += '"';
}
} // namespace

void appendIdList(QByteArray &out, const QList<qint64> &ids)
{
    out += '[';
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            out += ',';
        out += QByteArray::number(ids[i]);
    }
    out += ']';
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
        sources.append({o.value(QLatin1StringView("url")).toString(),
                        o.value(QLatin1StringView("outlet")).toString(),
                        o.value(QLatin1StringView("published")).toString()});
    }
    return sources;
}

} // namespace placard
