// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/eventlinks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace placard {

namespace {
// The most bytes writeJsonString() writes for `text`: six a unit ("\u0001") and the quotes.
qsizetype jsonStringSpace(const QString &text)
{
    return 6 * text.size() + 2;
}

// Writes `text` as a JSON string, quoted, in UTF-8 (an unpaired surrogate as U+FFFD), at `o`,
// which has room for it (jsonStringSpace()); returns where it ended. Sources are written
// for every event of an import: a store a byte, no copy and no call.
char *writeJsonString(char *o, const QString &text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    *o++ = '"';
    const char16_t *c = reinterpret_cast<const char16_t *>(text.constData());
    const char16_t *end = c + text.size();
    for (; c < end; ++c) {
#if defined(__SSE2__)
        // Eight units at a time while they are ASCII with nothing to escape, as URLs are.
        while (end - c >= 8) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(c));
            const __m128i notAscii = _mm_and_si128(v, _mm_set1_epi16(qint16(0xFF80)));
            const __m128i special =
                _mm_or_si128(_mm_or_si128(_mm_cmplt_epi16(v, _mm_set1_epi16(0x20)),
                                          _mm_cmpeq_epi16(v, _mm_set1_epi16('"'))),
                             _mm_cmpeq_epi16(v, _mm_set1_epi16('\\')));
            const __m128i stop = _mm_or_si128(
                special,
                _mm_xor_si128(_mm_cmpeq_epi16(notAscii, _mm_setzero_si128()), _mm_set1_epi16(-1)));
            // The units before the first to stop at are written; the bytes after them are
            // written over next (the room is there: jsonStringSpace()).
            _mm_storel_epi64(reinterpret_cast<__m128i *>(o), _mm_packus_epi16(v, v));
            if (const int mask = _mm_movemask_epi8(stop)) {
                const int plain = std::countr_zero(unsigned(mask)) / 2;
                o += plain;
                c += plain;
                break;
            }
            o += 8;
            c += 8;
        }
        if (c == end)
            break;
#endif
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
    return o;
}

// A source's members: the name as written, with its quotes and colon, and the text.
struct Member {
    std::string_view key;
    const QString *text;
};
std::array<Member, 3> membersOf(const EventSource &s)
{
    return {{{"\"url\":", &s.url}, {"\"outlet\":", &s.outlet}, {"\"published\":", &s.published}}};
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

qsizetype sourcesJsonSpace(const QList<EventSource> &sources)
{
    qsizetype space = 2; // the brackets
    for (const EventSource &s : sources) {
        space += 3; // the braces and a comma
        for (const Member &m : membersOf(s))
            space += qsizetype(m.key.size()) + 1 + jsonStringSpace(*m.text);
    }
    return space;
}

void appendSourcesJson(QByteArray &out, const QList<EventSource> &sources)
{
    if (sources.isEmpty())
        return;
    const qsizetype begin = out.size();
    out.resize(begin + sourcesJsonSpace(sources));
    char *o = out.data() + begin;
    *o++ = '[';
    for (qsizetype i = 0; i < sources.size(); ++i) {
        if (i)
            *o++ = ',';
        *o++ = '{';
        bool first = true;
        for (const Member &m : membersOf(sources[i])) {
            if (m.text->isEmpty())
                continue;
            if (!first)
                *o++ = ',';
            first = false;
            o = std::copy(m.key.begin(), m.key.end(), o);
            o = writeJsonString(o, *m.text);
        }
        *o++ = '}';
    }
    *o++ = ']';
    out.resize(o - out.constData());
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
