// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/placekey.h"

#include <QStringDecoder>
#include <QStringList>

namespace placard::geo {

namespace {

// Letters NFKD does not decompose, spelled as an English keyboard would.
QStringView spelledOut(char16_t c)
{
    switch (c) {
    case u'ß':
        return u"ss";
    case u'æ':
        return u"ae";
    case u'œ':
        return u"oe";
    case u'ø':
        return u"o";
    case u'ł':
        return u"l";
    case u'đ':
        return u"d";
    case u'ð':
        return u"d";
    case u'þ':
        return u"th";
    case u'ı':
        return u"i";
    case u'ŀ':
        return u"l";
    default:
        return {};
    }
}

bool isApostrophe(char16_t c)
{
    return c == u'\'' || c == u'\u2019' || c == u'\u2018' || c == u'`' || c == u'\u00B4' ||
        c == u'\u02BB' || c == u'\u02BC';
}

QString canonicalToken(const QString &token, bool first, bool last, qsizetype count)
{
    if (token == u"st")
        return QStringLiteral("saint");
    if (token == u"ste")
        return QStringLiteral("sainte");
    if (token == u"ft")
        return QStringLiteral("fort");
    if (token == u"mt")
        return QStringLiteral("mount");
    if (token == u"pt")
        return QStringLiteral("point");
    if (token == u"twp")
        return QStringLiteral("township");
    if (token == u"hts")
        return QStringLiteral("heights");
    if (token == u"spgs")
        return QStringLiteral("springs");
    if (token == u"bch")
        return QStringLiteral("beach");
    if (count > 1 && first) {
        if (token == u"n")
            return QStringLiteral("north");
        if (token == u"s")
            return QStringLiteral("south");
        if (token == u"e")
            return QStringLiteral("east");
        if (token == u"w")
            return QStringLiteral("west");
    }
    if (count > 1 && last && token == u"is")
        return QStringLiteral("island");
    return token;
}

} // namespace

QString placeKey(QStringView text)
{
    // 1–6: decompose, drop marks, lower-case, spell out, drop apostrophes, split.
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString flat;
    flat.reserve(decomposed.size());
    for (QChar ch : decomposed) {
        if (ch.category() == QChar::Mark_NonSpacing)
            continue;
        const QChar lower = ch.toLower();
        const char16_t c = lower.unicode();
        if (const QStringView s = spelledOut(c); !s.isEmpty()) {
            flat += s;
        } else if (isApostrophe(c)) {
            continue;
        } else if (c == u'&') {
            flat += QStringLiteral(" and ");
        } else if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
            flat += lower;
        } else {
            flat += QLatin1Char(' ');
        }
    }
    const QStringList raw = flat.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // 7: a run of single letters is one token ("d c" → "dc").
    QStringList tokens;
    bool inRun = false;
    for (const QString &t : raw) {
        if (t.size() == 1 && inRun) {
            tokens.last() += t;
        } else {
            tokens << t;
            inRun = t.size() == 1;
        }
    }
    // 8: common abbreviations, only in names of two or more words ("MT" alone is Montana).
    for (qsizetype i = 0; tokens.size() >= 2 && i < tokens.size(); ++i)
        tokens[i] = canonicalToken(tokens[i], i == 0, i == tokens.size() - 1, tokens.size());
    return tokens.join(QLatin1Char(' '));
}

QString repairMojibake(const QString &text)
{
    // Windows-1252's bytes 0x80–0x9F; the five it leaves undefined stay C1 controls.
    static constexpr char16_t kHigh[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    const auto toByte = [](char16_t c) -> int {
        if (c < 0x80 || (c >= 0xA0 && c <= 0xFF))
            return c;
        for (int i = 0; i < 32; ++i) {
            if (kHigh[i] == c)
                return 0x80 + i;
        }
        return -1;
    };
    QString current = text;
    for (int round = 0; round < 3; ++round) {
        QByteArray bytes;
        bytes.reserve(current.size());
        bool high = false;
        for (QChar ch : std::as_const(current)) {
            const int b = toByte(ch.unicode());
            if (b < 0)
                return current; // not representable in Windows-1252: not mojibake
            high = high || b >= 0x80;
            bytes.append(char(b));
        }
        if (!high)
            return current;
        QStringDecoder fromUtf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString repaired = fromUtf8.decode(bytes);
        if (fromUtf8.hasError() || repaired.isEmpty() ||
            repaired.contains(QChar::ReplacementCharacter) || repaired.size() >= current.size())
            return current;
        current = repaired;
    }
    return current;
}

} // namespace placard::geo
