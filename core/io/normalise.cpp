// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/normalise.h"

#include "io/maplink.h"

#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <iterator>
#include <limits>
#include <memory>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

using namespace Qt::StringLiterals;

namespace placard::io {

namespace {

// --- character helpers -------------------------------------------------------------------

constexpr bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

constexpr bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

constexpr char16_t asciiLower(char16_t c)
{
    return (c >= u'A' && c <= u'Z') ? char16_t(c - u'A' + u'a') : c;
}

constexpr char16_t asciiUpper(char16_t c)
{
    return (c >= u'a' && c <= u'z') ? char16_t(c - u'a' + u'A') : c;
}

bool isMinus(QChar c)
{
    return c == u'-' || c == u'\u2212';
}

/// Sets *error to message when error is not null.
void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

/// Reads a run of ASCII digits at pos (advancing it). Returns the number of digits read;
/// value receives their value as long as it fits (callers bound the digit count).
int readDigits(QStringView s, qsizetype &pos, qint64 &value)
{
    value = 0;
    int count = 0;
    while (pos < s.size() && isDigit(s[pos])) {
        if (count < 18)
            value = value * 10 + (s[pos].unicode() - u'0');
        ++count;
        ++pos;
    }
    return count;
}

/// Reads minDigits..maxDigits ASCII digits at pos as a whole run; false otherwise.
bool readSmall(QStringView s, qsizetype &pos, int minDigits, int maxDigits, int &value)
{
    qint64 v = 0;
    const int count = readDigits(s, pos, v);
    if (count < minDigits || count > maxDigits)
        return false;
    value = static_cast<int>(v);
    return true;
}

/// A small case-insensitive ASCII word matcher over a view, for the hand-written grammars.
class Cursor {
public:
    explicit Cursor(QStringView text)
        : m_text(text)
    {
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    char16_t peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead].unicode() : u'\0';
    }
    qsizetype pos() const { return m_pos; }
    void setPos(qsizetype pos) { m_pos = pos; }
    void advance(qsizetype count = 1) { m_pos += count; }
    QStringView rest() const { return m_text.sliced(m_pos); }

    bool skipSpaces()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && m_text[m_pos].isSpace())
            ++m_pos;
        return m_pos != start;
    }

    bool eat(char16_t c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }

    /// Eats word (ASCII, any case) when it is not followed by another letter.
    bool eatWord(QLatin1StringView word) { return eatPhrase(word); }

    /// Eats the words of phrase (ASCII, any case, separated by single spaces there) with
    /// any run of spaces between them, when the last is not followed by another letter.
    bool eatPhrase(QLatin1StringView phrase)
    {
        qsizetype pos = m_pos;
        for (const char c : phrase) {
            if (c == ' ') {
                const qsizetype before = pos;
                while (pos < m_text.size() && m_text[pos].isSpace())
                    ++pos;
                if (pos == before)
                    return false;
            } else if (pos >= m_text.size() ||
                       asciiLower(m_text[pos].unicode()) != asciiLower(char16_t(c))) {
                return false;
            } else {
                ++pos;
            }
        }
        if (pos < m_text.size() && isAsciiLetter(m_text[pos]) && !phrase.isEmpty() &&
            isAsciiLetter(phrase.back()))
            return false;
        m_pos = pos;
        return true;
    }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

// --- dates -------------------------------------------------------------------------------

struct MonthName {
    QLatin1StringView name; ///< lower case, without accents
    int month;
};

// English first, then German, French, Spanish, Italian and Portuguese: event lists come
// from many hands ("30. Januar 2026", "30 janvier 2026", "30 de enero de 2026").
constexpr MonthName kMonths[] = {
    {"january"_L1, 1},    {"february"_L1, 2},  {"march"_L1, 3},     {"april"_L1, 4},
    {"may"_L1, 5},        {"june"_L1, 6},      {"july"_L1, 7},      {"august"_L1, 8},
    {"september"_L1, 9},  {"october"_L1, 10},  {"november"_L1, 11}, {"december"_L1, 12},
    {"januar"_L1, 1},     {"februar"_L1, 2},   {"marz"_L1, 3},      {"maerz"_L1, 3},
    {"mai"_L1, 5},        {"juni"_L1, 6},      {"juli"_L1, 7},      {"oktober"_L1, 10},
    {"dezember"_L1, 12},  {"janvier"_L1, 1},   {"fevrier"_L1, 2},   {"mars"_L1, 3},
    {"avril"_L1, 4},      {"juin"_L1, 6},      {"juillet"_L1, 7},   {"aout"_L1, 8},
    {"septembre"_L1, 9},  {"octobre"_L1, 10},  {"novembre"_L1, 11}, {"decembre"_L1, 12},
    {"enero"_L1, 1},      {"febrero"_L1, 2},   {"marzo"_L1, 3},     {"abril"_L1, 4},
    {"mayo"_L1, 5},       {"junio"_L1, 6},     {"julio"_L1, 7},     {"agosto"_L1, 8},
    {"septiembre"_L1, 9}, {"setiembre"_L1, 9}, {"octubre"_L1, 10},  {"noviembre"_L1, 11},
    {"diciembre"_L1, 12}, {"gennaio"_L1, 1},   {"febbraio"_L1, 2},  {"aprile"_L1, 4},
    {"maggio"_L1, 5},     {"giugno"_L1, 6},    {"luglio"_L1, 7},    {"settembre"_L1, 9},
    {"ottobre"_L1, 10},   {"dicembre"_L1, 12}, {"janeiro"_L1, 1},   {"fevereiro"_L1, 2},
    {"marco"_L1, 3},      {"maio"_L1, 5},      {"junho"_L1, 6},     {"julho"_L1, 7},
    {"setembro"_L1, 9},   {"outubro"_L1, 10},  {"dezembro"_L1, 12},
};

constexpr QLatin1StringView kWeekdays[] = {
    "monday"_L1,    "tuesday"_L1, "wednesday"_L1, "thursday"_L1, "friday"_L1,     "saturday"_L1,
    "sunday"_L1,    "montag"_L1,  "dienstag"_L1,  "mittwoch"_L1, "donnerstag"_L1, "freitag"_L1,
    "samstag"_L1,   "sonntag"_L1, "lundi"_L1,     "mardi"_L1,    "mercredi"_L1,   "jeudi"_L1,
    "vendredi"_L1,  "samedi"_L1,  "dimanche"_L1,  "lunes"_L1,    "martes"_L1,     "miercoles"_L1,
    "jueves"_L1,    "viernes"_L1, "sabado"_L1,    "domingo"_L1,  "lunedi"_L1,     "martedi"_L1,
    "mercoledi"_L1, "giovedi"_L1, "venerdi"_L1,   "domenica"_L1, "segunda"_L1,    "terca"_L1,
    "quarta"_L1,    "quinta"_L1,  "sexta"_L1,     "feira"_L1,
};

/// Words between a date's parts that say nothing: "the 5th of May", "30 de enero de 2026",
/// "le 30 janvier", "am 30. Januar".
constexpr QLatin1StringView kFillers[] = {"of"_L1, "the"_L1, "de"_L1, "del"_L1,
                                          "le"_L1, "den"_L1, "am"_L1};

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

/// A word in lower case without its accents ("März" is "marz").
QString foldedWord(QStringView word)
{
    const QString plain = withoutAccents(word);
    QString folded;
    folded.reserve(plain.size());
    for (const QChar c : plain) {
        if (c.isLetter())
            folded.append(c.toLower());
    }
    return folded;
}

/// 1..12 when word is a month's name or the start of one, at least three letters ("Sep",
/// "Sept", "févr", "Okt"), in one of the languages above; 0 otherwise, and for a start
/// that more than one month's names share ("jui": juin or juillet).
int monthFromName(QStringView word)
{
    if (word.size() < 3)
        return 0;
    const QString folded = foldedWord(word);
    int month = 0;
    for (const MonthName &m : kMonths) {
        if (folded.size() <= m.name.size() && m.name.startsWith(folded)) {
            if (month != 0 && month != m.month)
                return 0;
            month = m.month;
        }
    }
    return month;
}

bool isWeekdayName(QStringView word)
{
    if (word.size() < 3)
        return false;
    const QString folded = foldedWord(word);
    if (folded == "weds"_L1)
        return true;
    for (const QLatin1StringView day : kWeekdays) {
        if (folded.size() <= day.size() && day.startsWith(folded))
            return true;
    }
    return false;
}

bool isFiller(QStringView word)
{
    return std::any_of(std::begin(kFillers), std::end(kFillers), [&](QLatin1StringView f) {
        return word.compare(f, Qt::CaseInsensitive) == 0;
    });
}

/// Whether rest is the time-of-day tail of a date-time ("12:00:00Z", "12:00 PM",
/// "12:00:00.000+02:00", "12:00:00 GMT"). Only its shape is checked.
bool isTimeSuffix(QStringView rest)
{
    rest = rest.trimmed();
    if (rest.isEmpty() || !isDigit(rest.front()))
        return false;
    // A trailing AM/PM or zone name of up to four letters.
    qsizetype end = rest.size();
    while (end > 0 && isAsciiLetter(rest[end - 1]))
        --end;
    if (rest.size() - end > 4)
        return false;
    bool colon = false;
    for (qsizetype i = 0; i < end; ++i) {
        const char16_t c = rest[i].unicode();
        if (c == u':')
            colon = true;
        else if (!isDigit(rest[i]) && c != u'.' && c != u',' && c != u'+' && c != u'-' &&
                 !rest[i].isSpace())
            return false;
    }
    return colon;
}

int expandTwoDigitYear(int year)
{
    return year < 70 ? 2000 + year : 1900 + year;
}

QString isoText(int year, int month, int day)
{
    return u"%1-%2-%3"_s.arg(year, 4, 10, '0'_L1).arg(month, 2, 10, '0'_L1).arg(day, 2, 10, '0'_L1);
}

/// A date of the given precision, validated.
std::optional<ParsedDate> makeDate(int year, int month, int day, DatePrecision precision,
                                   QString *error)
{
    if (month < 1 || month > 12) {
        if (error)
            *error = u"month %1 out of range"_s.arg(month);
        return std::nullopt;
    }
    if (day < 1 || day > 31) {
        if (error)
            *error = u"day %1 out of range"_s.arg(day);
        return std::nullopt;
    }
    const QDate date(year, month, day);
    if (!date.isValid()) {
        if (error)
            *error = u"no such date %1"_s.arg(isoText(year, month, day));
        return std::nullopt;
    }
    return ParsedDate{date, precision};
}

/// Year-first parts where 00 stands for an unknown month or day; day < 0 when absent.
std::optional<ParsedDate> makeYearFirstDate(int year, int month, int day, QString *error)
{
    if (month == 0 && day <= 0)
        return makeDate(year, 1, 1, DatePrecision::Year, error);
    if (day <= 0)
        return makeDate(year, month, 1, DatePrecision::Month, error);
    return makeDate(year, month, day, DatePrecision::Day, error);
}

/// "2026-01-30", "2026/1/30", "2026.01.30", "2024-08", "2025-00-00", with a time tail after
/// 'T' or a space. False when text does not have that shape.
bool tryYearFirst(QStringView t, std::optional<ParsedDate> &out, QString *error)
{
    const qsizetype n = t.size();
    if (n < 6)
        return false;
    for (qsizetype i = 0; i < 4; ++i) {
        if (!isDigit(t[i]))
            return false;
    }
    const char16_t sep = t[4].unicode();
    if (sep != u'-' && sep != u'/' && sep != u'.')
        return false;
    qsizetype pos = 0;
    int year = 0;
    readSmall(t, pos, 4, 4, year);
    pos = 5;
    int month = 0;
    if (!readSmall(t, pos, 1, 2, month))
        return false;
    int day = -1;
    if (pos < n && t[pos] == sep) {
        ++pos;
        if (!readSmall(t, pos, 1, 2, day))
            return false;
    }
    if (pos < n) {
        const char16_t c = t[pos].unicode();
        if (day < 0 || !(c == u'T' || c == u't' || t[pos].isSpace()) ||
            !isTimeSuffix(t.sliced(pos + 1)))
            return false;
    }
    out = makeYearFirstDate(year, month, day, error);
    return true;
}

/// The parts of a numeric date with the year last: "1/30/2026", "30.01.26", "8/2024".
struct NumericDate {
    int parts = 0; ///< 3 for day, month and year; 2 for month and year
    int first = 0;
    int second = 0; ///< unused when parts == 2
    int year = 0; ///< expanded to four digits
    char16_t separator = 0; ///< '/', '.' or '-'
};

bool splitNumericDate(QStringView t, NumericDate &d)
{
    const qsizetype n = t.size();
    qsizetype pos = 0;
    if (!readSmall(t, pos, 1, 2, d.first) || pos >= n)
        return false;
    const char16_t sep = t[pos].unicode();
    if (sep != u'/' && sep != u'.' && sep != u'-')
        return false;
    d.separator = sep;
    ++pos;
    qint64 value = 0;
    const int digits = readDigits(t, pos, value);
    if (digits == 4 && pos == n) {
        d.parts = 2;
        d.year = static_cast<int>(value);
        return true;
    }
    if (digits < 1 || digits > 2 || pos >= n || t[pos] != sep)
        return false;
    d.second = static_cast<int>(value);
    ++pos;
    const int yearDigits = readDigits(t, pos, value);
    if (yearDigits != 2 && yearDigits != 4)
        return false;
    if (pos < n && !(t[pos].isSpace() && isTimeSuffix(t.sliced(pos + 1))))
        return false;
    d.parts = 3;
    d.year =
        yearDigits == 2 ? expandTwoDigitYear(static_cast<int>(value)) : static_cast<int>(value);
    return true;
}

std::optional<ParsedDate> numericDate(const NumericDate &d, DayMonthOrder order, QString *error)
{
    if (d.parts == 2)
        return makeDate(d.year, d.first, 1, DatePrecision::Month, error);
    int month = 0;
    int day = 0;
    switch (order) {
    case DayMonthOrder::MonthFirst:
        month = d.first;
        day = d.second;
        break;
    case DayMonthOrder::DayFirst:
        day = d.first;
        month = d.second;
        break;
    case DayMonthOrder::Unknown:
        if (d.first == d.second || (d.first <= 12 && d.second > 12)) {
            month = d.first;
            day = d.second;
        } else if (d.first > 12 && d.second <= 12) {
            day = d.first;
            month = d.second;
        } else if (d.first <= 12 && d.second <= 12) {
            setError(error, u"ambiguous day/month order"_s);
            return std::nullopt;
        } else {
            setError(error, u"not a date: neither part can be the month"_s);
            return std::nullopt;
        }
        break;
    }
    return makeDate(d.year, month, day, DatePrecision::Day, error);
}

/// Dates with a month's name (English, German, French, Spanish, Italian, Portuguese); weekday
/// names and fillers ("the", "of", "de", "le"…) are skipped.
std::optional<ParsedDate> textDate(QStringView t, QString *error)
{
    struct Number {
        int value = 0;
        int digits = 0;
        bool ordinal = false;
    };
    std::array<Number, 2> numbers;
    int numberCount = 0;
    int month = 0;
    int numbersBeforeMonth = -1;
    const qsizetype n = t.size();
    qsizetype pos = 0;
    const auto notADate = [error] {
        setError(error, u"not a date"_s);
        return std::nullopt;
    };
    while (pos < n) {
        const QChar c = t[pos];
        const char16_t u = c.unicode();
        if (c.isSpace() || u == u',' || u == u'.' || u == u'-' || u == u'/') {
            ++pos;
            continue;
        }
        const qsizetype start = pos;
        if (isDigit(c)) {
            qint64 value = 0;
            const int digits = readDigits(t, pos, value);
            if (pos < n && t[pos] == u':') {
                if (!isTimeSuffix(t.sliced(start)))
                    return notADate();
                break;
            }
            if (digits > 4 || numberCount == 2)
                return notADate();
            Number number{static_cast<int>(value), digits, false};
            if (pos < n && (t[pos] == u'\u00BA' || t[pos] == u'\u00AA' || t[pos] == u'\u00B0')) {
                ++pos; // "1º de mayo"
                number.ordinal = true;
            } else if (pos < n && isAsciiLetter(t[pos])) {
                const qsizetype suffixStart = pos;
                while (pos < n && isAsciiLetter(t[pos]))
                    ++pos;
                const QStringView suffix = t.sliced(suffixStart, pos - suffixStart);
                if (!(suffix.compare("st"_L1, Qt::CaseInsensitive) == 0 ||
                      suffix.compare("nd"_L1, Qt::CaseInsensitive) == 0 ||
                      suffix.compare("rd"_L1, Qt::CaseInsensitive) == 0 ||
                      suffix.compare("th"_L1, Qt::CaseInsensitive) == 0 ||
                      suffix.compare("er"_L1, Qt::CaseInsensitive) == 0)) // "1er mai"
                    return notADate();
                number.ordinal = true;
            }
            numbers[static_cast<std::size_t>(numberCount++)] = number;
        } else if (c.isLetter()) {
            // Letters with their accents ("März", "février"), and the marks that may follow
            // them when the text is decomposed.
            while (pos < n && (t[pos].isLetter() || t[pos].isMark()))
                ++pos;
            const QStringView word = t.sliced(start, pos - start);
            if (const int m = monthFromName(word)) {
                if (month != 0)
                    return notADate();
                month = m;
                numbersBeforeMonth = numberCount;
            } else if (!isWeekdayName(word) && !isFiller(word)) {
                return notADate();
            }
        } else {
            return notADate();
        }
    }
    if (month == 0 || numberCount == 0)
        return notADate();
    if (numberCount == 1) {
        const Number &year = numbers[0];
        if (year.digits != 4 || year.ordinal) {
            setError(error, u"no year in date"_s);
            return std::nullopt;
        }
        return makeDate(year.value, month, 1, DatePrecision::Month, error);
    }
    const Number *day = nullptr;
    const Number *year = nullptr;
    if (numbers[0].digits == 4 && numbers[1].digits <= 2) {
        year = &numbers[0];
        day = &numbers[1];
    } else if (numbers[1].digits == 4 && numbers[0].digits <= 2) {
        day = &numbers[0];
        year = &numbers[1];
    } else if (numbers[0].digits <= 2 && numbers[1].digits <= 2 && numbersBeforeMonth < 2) {
        // "30-Jan-26", "Jan 30, 26": the day comes first, then a two-digit year.
        day = &numbers[0];
        year = &numbers[1];
    } else {
        return notADate();
    }
    if (year->ordinal)
        return notADate();
    const int yearValue = year->digits == 4 ? year->value : expandTwoDigitYear(year->value);
    return makeDate(yearValue, month, day->value, DatePrecision::Day, error);
}

/// Text made only of ASCII digits with at most one '.' between digits.
bool isPlainNumber(QStringView t, bool &hasFraction)
{
    hasFraction = false;
    if (t.isEmpty() || !isDigit(t.front()) || !isDigit(t.back()))
        return false;
    for (const QChar c : t) {
        if (c == u'.') {
            if (hasFraction)
                return false;
            hasFraction = true;
        } else if (!isDigit(c)) {
            return false;
        }
    }
    return true;
}

// --- numbers -----------------------------------------------------------------------------

/// A number rewritten for std::from_chars: sign, digits, '.' and exponent only.
struct NumberBuffer {
    std::array<char, 64> chars{};
    std::size_t size = 0;
    bool integral = true;

    bool push(char c)
    {
        if (size == chars.size())
            return false;
        chars[size++] = c;
        return true;
    }
    bool pushDigit(QChar c) { return push(static_cast<char>(c.unicode())); }
};

/// Checks the syntax described at parseNumber() and copies the number into out.
bool cleanNumber(QStringView text, NumberBuffer &out)
{
    const QStringView t = text.trimmed();
    const qsizetype n = t.size();
    qsizetype pos = 0;
    if (pos < n && t[pos] == u'+') {
        ++pos;
    } else if (pos < n && isMinus(t[pos])) {
        out.push('-');
        ++pos;
    }
    int digits = 0;
    int firstGroup = 0;
    while (pos < n && isDigit(t[pos])) {
        if (!out.pushDigit(t[pos++]))
            return false;
        ++firstGroup;
    }
    digits += firstGroup;

    // Thousands separators: ',' or a space, or '.' when there are several of them.
    char16_t separator = 0;
    if (firstGroup >= 1 && firstGroup <= 3 && pos < n) {
        const QChar c = t[pos];
        const bool severalDots = c == u'.' && t.sliced(pos + 1).contains(u'.');
        if (c == u',' || c.isSpace() || severalDots) {
            while (pos + 3 < n && t[pos] == c && isDigit(t[pos + 1]) && isDigit(t[pos + 2]) &&
                   isDigit(t[pos + 3]) && (pos + 4 == n || !isDigit(t[pos + 4]))) {
                for (qsizetype i = 1; i <= 3; ++i) {
                    if (!out.pushDigit(t[pos + i]))
                        return false;
                }
                digits += 3;
                pos += 4;
                separator = c.unicode();
            }
            if (separator == 0)
                return false;
        }
    }
    if (pos < n && t[pos] == u'.') {
        if (separator == u'.')
            return false;
        ++pos;
        out.push('.');
        out.integral = false;
        while (pos < n && isDigit(t[pos])) {
            if (!out.pushDigit(t[pos++]))
                return false;
            ++digits;
        }
    }
    if (digits == 0)
        return false;
    if (pos < n && (t[pos] == u'e' || t[pos] == u'E')) {
        if (separator != 0)
            return false;
        ++pos;
        out.push('e');
        out.integral = false;
        if (pos < n && (t[pos] == u'+' || isMinus(t[pos]))) {
            out.push(t[pos] == u'+' ? '+' : '-');
            ++pos;
        }
        int exponentDigits = 0;
        while (pos < n && isDigit(t[pos])) {
            if (!out.pushDigit(t[pos++]))
                return false;
            ++exponentDigits;
        }
        if (exponentDigits == 0)
            return false;
    }
    return pos == n;
}

std::optional<double> toDouble(const NumberBuffer &buffer)
{
    double value = 0;
    const char *end = buffer.chars.data() + buffer.size;
    const auto [ptr, ec] = std::from_chars(buffer.chars.data(), end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// --- crowd sizes -------------------------------------------------------------------------

struct WordQuantity {
    QLatin1StringView phrase;
    qint64 value;
};

// Longer phrases first: "hundreds of thousands" must win over "hundreds". After English,
// German, French, Spanish, Italian and Portuguese, without accents (the text is matched so).
constexpr WordQuantity kWordQuantities[] = {
    {"hundreds of thousands"_L1, 200000},
    {"tens of thousands"_L1, 20000},
    {"several hundred thousand"_L1, 300000},
    {"several dozen"_L1, 36},
    {"several hundred"_L1, 300},
    {"several thousand"_L1, 3000},
    {"a few dozen"_L1, 36},
    {"a few hundred"_L1, 300},
    {"a few thousand"_L1, 3000},
    {"a dozen"_L1, 12},
    {"dozen"_L1, 12},
    {"dozens"_L1, 24},
    {"hundreds"_L1, 200},
    {"thousands"_L1, 2000},
    {"millions"_L1, 2000000},
    {"a hundred"_L1, 100},
    {"a thousand"_L1, 1000},
    {"a million"_L1, 1000000},
    {"a few"_L1, 3},
    {"few"_L1, 3},
    {"a handful"_L1, 5},
    {"handful"_L1, 5},
    {"a couple"_L1, 2},
    {"hunderttausende"_L1, 200000},
    {"zehntausende"_L1, 20000},
    {"mehrere hundert"_L1, 300},
    {"mehrere tausend"_L1, 3000},
    {"einige hundert"_L1, 300},
    {"einige tausend"_L1, 3000},
    {"dutzende"_L1, 24},
    {"hunderte"_L1, 200},
    {"tausende"_L1, 2000},
    {"des centaines de milliers"_L1, 200000},
    {"des dizaines de milliers"_L1, 20000},
    {"plusieurs centaines"_L1, 300},
    {"plusieurs milliers"_L1, 3000},
    {"quelques centaines"_L1, 300},
    {"quelques milliers"_L1, 3000},
    {"des dizaines"_L1, 24},
    {"des centaines"_L1, 200},
    {"des milliers"_L1, 2000},
    {"cientos de miles"_L1, 200000},
    {"decenas de miles"_L1, 20000},
    {"varios cientos"_L1, 300},
    {"varios miles"_L1, 3000},
    {"decenas"_L1, 24},
    {"docenas"_L1, 24},
    {"cientos"_L1, 200},
    {"centenares"_L1, 200},
    {"miles"_L1, 2000},
    {"millares"_L1, 2000},
    {"centinaia di migliaia"_L1, 200000},
    {"decine di migliaia"_L1, 20000},
    {"alcune centinaia"_L1, 300},
    {"alcune migliaia"_L1, 3000},
    {"decine"_L1, 24},
    {"centinaia"_L1, 200},
    {"migliaia"_L1, 2000},
    {"centenas de milhares"_L1, 200000},
    {"dezenas de milhares"_L1, 20000},
    {"algumas centenas"_L1, 300},
    {"alguns milhares"_L1, 3000},
    {"dezenas"_L1, 24},
    {"centenas"_L1, 200},
    {"milhares"_L1, 2000},
};

constexpr QLatin1StringView kCrowdNouns[] = {
    "people"_L1,       "persons"_L1,       "participants"_L1,  "protesters"_L1,
    "protestors"_L1,   "demonstrators"_L1, "marchers"_L1,      "attendees"_L1,
    "individuals"_L1,  "supporters"_L1,    "personen"_L1,      "menschen"_L1,
    "teilnehmende"_L1, "teilnehmer"_L1,    "demonstranten"_L1, "personnes"_L1,
    "manifestants"_L1, "personas"_L1,      "manifestantes"_L1, "persone"_L1,
    "manifestanti"_L1, "pessoas"_L1,
};

struct Quantity {
    double value = 0;
    double multiplier = 1; ///< set by "k", "m", "thousand", "million", "hundred"
};

bool isGroupSeparator(QChar c)
{
    return c == u',' || c == u'.' || c.isSpace();
}

/// A figure with optional thousands separators and decimal part, then an optional
/// multiplier ("k", "m", "thousand", "million", "hundred") or a plural "s" ("100s").
bool readCrowdFigure(Cursor &c, Quantity &q)
{
    const QStringView rest = c.rest();
    const qsizetype n = rest.size();
    qsizetype pos = 0;
    qint64 whole = 0;
    const int firstGroup = readDigits(rest, pos, whole);
    if (firstGroup == 0 || firstGroup > 15)
        return false;
    char16_t separator = 0;
    while (firstGroup <= 3 && pos + 3 < n && isGroupSeparator(rest[pos]) &&
           (separator == 0 || rest[pos] == separator) && isDigit(rest[pos + 1]) &&
           isDigit(rest[pos + 2]) && isDigit(rest[pos + 3]) &&
           (pos + 4 == n || !isDigit(rest[pos + 4])) && whole < 1000000000000LL) {
        separator = rest[pos].unicode();
        whole = whole * 1000 + (rest[pos + 1].unicode() - u'0') * 100 +
            (rest[pos + 2].unicode() - u'0') * 10 + (rest[pos + 3].unicode() - u'0');
        pos += 4;
    }
    double value = static_cast<double>(whole);
    // "1,5 Millionen", "2,5 mil": a decimal comma, taken only before a multiplier (a figure
    // of 1.5 people is none), so that "1,500" stays one thousand five hundred.
    const qsizetype beforeComma = pos;
    const bool decimalComma = separator == 0 && pos + 1 < n && rest[pos] == u',' &&
        isDigit(rest[pos + 1]) &&
        (pos + 2 == n || !isDigit(rest[pos + 2]) ||
         (pos + 3 < n && isDigit(rest[pos + 2]) && !isDigit(rest[pos + 3])));
    if (decimalComma ||
        (pos + 1 < n && rest[pos] == u'.' && separator != u'.' && isDigit(rest[pos + 1]))) {
        ++pos;
        double scale = 0.1;
        while (pos < n && isDigit(rest[pos])) {
            value += scale * (rest[pos].unicode() - u'0');
            scale /= 10;
            ++pos;
        }
    }
    c.advance(pos);
    q.value = value;
    q.multiplier = 1;

    const qsizetype afterFigure = c.pos();
    const bool apostrophe = c.eat(u'\'') || c.eat(u'\u2019');
    if (c.eatWord("s"_L1)) {
        // "100s", "1000's": like "hundreds", twice the unit.
        const bool powerOfTen = value == 10 || value == 100 || value == 1000 || value == 10000 ||
            value == 100000 || value == 1000000;
        if (!powerOfTen)
            return false;
        q.value = 2 * value;
        return true;
    }
    if (apostrophe)
        return false;
    c.setPos(afterFigure);
    c.skipSpaces();
    // "5 Tausend", "5 mil", "2 mila"; "1,5 Millionen", "2 millones", "3 milioni".
    if (c.eatWord("k"_L1) || c.eatWord("thousand"_L1) || c.eatWord("tausend"_L1) ||
        c.eatWord("mil"_L1) || c.eatWord("mila"_L1))
        q.multiplier = 1000;
    else if (c.eatWord("m"_L1) || c.eatWord("mn"_L1) || c.eatWord("million"_L1) ||
             c.eatWord("millionen"_L1) || c.eatWord("millions"_L1) || c.eatWord("millones"_L1) ||
             c.eatWord("milioni"_L1) || c.eatWord("milhoes"_L1))
        q.multiplier = 1000000;
    else if (c.eatWord("hundred"_L1))
        q.multiplier = 100;
    else
        c.setPos(afterFigure);
    if (decimalComma && q.multiplier == 1) {
        // No multiplier: the comma was not a decimal one; the figure ends before it.
        c.setPos(afterFigure - (pos - beforeComma));
        q.value = static_cast<double>(whole);
        return true;
    }
    q.value *= q.multiplier;
    return true;
}

bool readCrowdQuantity(Cursor &c, Quantity &q)
{
    if (!isAsciiLetter(QChar(c.peek())))
        return readCrowdFigure(c, q);
    for (const WordQuantity &word : kWordQuantities) {
        if (c.eatPhrase(word.phrase)) {
            q.value = static_cast<double>(word.value);
            q.multiplier = 1;
            return true;
        }
    }
    return readCrowdFigure(c, q);
}

enum class Bound { Exact, AtLeast, AtMost };

/// Eats leading qualifiers ("about", "more than", "<"…); false when they contradict.
bool readCrowdQualifiers(Cursor &c, Bound &bound, bool &between)
{
    // English, then German, French, Spanish, Italian and Portuguese, without accents.
    static constexpr QLatin1StringView kAtLeast[] = {
        "more than"_L1,     "over"_L1,         "at least"_L1,   "upwards of"_L1, "in excess of"_L1,
        "no fewer than"_L1, "no less than"_L1, "minimum"_L1,    "min"_L1,        "mehr als"_L1,
        "uber"_L1,          "ueber"_L1,        "mindestens"_L1, "plus de"_L1,    "au moins"_L1,
        "mas de"_L1,        "al menos"_L1,     "oltre"_L1,      "piu di"_L1,     "almeno"_L1,
        "mais de"_L1,       "pelo menos"_L1,
    };
    static constexpr QLatin1StringView kAtMost[] = {
        "fewer than"_L1,   "less than"_L1, "under"_L1,    "up to"_L1,    "at most"_L1,
        "no more than"_L1, "maximum"_L1,   "max"_L1,      "below"_L1,    "weniger als"_L1,
        "bis zu"_L1,       "hochstens"_L1, "moins de"_L1, "menos de"_L1, "meno di"_L1,
    };
    static constexpr QLatin1StringView kApproximately[] = {
        "approximately"_L1, "approx"_L1,       "about"_L1,
        "around"_L1,        "circa"_L1,        "ca"_L1,
        "roughly"_L1,       "some"_L1,         "estimated"_L1,
        "est"_L1,           "an estimated"_L1, "nearly"_L1,
        "etwa"_L1,          "rund"_L1,         "ungefahr"_L1,
        "environ"_L1,       "pres de"_L1,      "unos"_L1,
        "unas"_L1,          "alrededor de"_L1, "aproximadamente"_L1,
        "cerca de"_L1,      "quasi"_L1,        "quase"_L1,
    };
    const auto setBound = [&bound](Bound b) {
        if (bound != Bound::Exact && bound != b)
            return false;
        bound = b;
        return true;
    };
    for (;;) {
        c.skipSpaces();
        if (c.eat(u'>') || c.eat(u'\u2265')) {
            c.eat(u'=');
            if (!setBound(Bound::AtLeast))
                return false;
            continue;
        }
        if (c.eat(u'<') || c.eat(u'\u2264')) {
            c.eat(u'=');
            if (!setBound(Bound::AtMost))
                return false;
            continue;
        }
        if (c.eat(u'~') || c.eat(u'\u2248'))
            continue;
        if (c.peek() == u'c' || c.peek() == u'C') {
            // "c. 500" (not "c 500", which is too easily something else)
            if (c.peek(1) == u'.') {
                c.advance(2);
                continue;
            }
        }
        if (!isAsciiLetter(QChar(c.peek())))
            return true;
        bool matched = false;
        for (const QLatin1StringView phrase : kAtLeast) {
            if (c.eatPhrase(phrase)) {
                if (!setBound(Bound::AtLeast))
                    return false;
                matched = true;
                break;
            }
        }
        for (const QLatin1StringView phrase : kAtMost) {
            if (!matched && c.eatPhrase(phrase)) {
                if (!setBound(Bound::AtMost))
                    return false;
                matched = true;
            }
        }
        for (const QLatin1StringView phrase : kApproximately) {
            if (!matched && c.eatPhrase(phrase)) {
                c.eat(u'.');
                matched = true;
            }
        }
        if (!matched &&
            (c.eatWord("between"_L1) || c.eatWord("zwischen"_L1) || c.eatWord("entre"_L1) ||
             c.eatWord("tra"_L1) || c.eatWord("fra"_L1))) {
            between = true;
            matched = true;
        }
        if (!matched)
            return true;
    }
}

/// Eats "of people", "protesters" and the like after a quantity.
void skipCrowdNoun(Cursor &c)
{
    const qsizetype start = c.pos();
    c.skipSpaces();
    if (c.eatWord("of"_L1) || c.eatWord("de"_L1) || c.eatWord("di"_L1))
        c.skipSpaces();
    for (const QLatin1StringView noun : kCrowdNouns) {
        if (c.eatWord(noun))
            return;
    }
    c.setPos(start);
}

bool readRangeSeparator(Cursor &c, bool between)
{
    c.skipSpaces();
    if (between)
        return c.eatWord("and"_L1) || c.eatWord("und"_L1) || c.eatWord("et"_L1) ||
            c.eatWord("y"_L1) || c.eatWord("e"_L1);
    return c.eat(u'-') || c.eat(u'\u2013') || c.eat(u'\u2014') || c.eat(u'\u2212') ||
        c.eatWord("to"_L1) || c.eatWord("bis"_L1) || c.eatWord("a"_L1);
}

std::optional<qint64> crowdValue(double value)
{
    if (!std::isfinite(value) || value < 0 || value > 1e12)
        return std::nullopt;
    return static_cast<qint64>(std::llround(value));
}

bool parseCrowdInto(QStringView text, CrowdSize &size)
{
    Cursor c(text);
    Bound bound = Bound::Exact;
    bool between = false;
    if (!readCrowdQualifiers(c, bound, between))
        return false;
    c.skipSpaces();
    Quantity first;
    if (!readCrowdQuantity(c, first))
        return false;
    std::optional<Quantity> second;
    const qsizetype afterFirst = c.pos();
    if (bound == Bound::Exact && readRangeSeparator(c, between)) {
        c.skipSpaces();
        Quantity q;
        if (!readCrowdQuantity(c, q))
            return false;
        second = q;
    } else if (between) {
        return false;
    } else {
        c.setPos(afterFirst);
    }
    c.skipSpaces();
    if (!second) {
        if (c.eat(u'+') || c.eatPhrase("or more"_L1) || c.eatPhrase("plus"_L1)) {
            if (!(bound == Bound::Exact || bound == Bound::AtLeast))
                return false;
            bound = Bound::AtLeast;
        } else if (c.eatPhrase("or fewer"_L1) || c.eatPhrase("or less"_L1)) {
            if (!(bound == Bound::Exact || bound == Bound::AtMost))
                return false;
            bound = Bound::AtMost;
        }
    }
    skipCrowdNoun(c);
    c.skipSpaces();
    if (!c.atEnd())
        return false;

    if (second) {
        // "5-10k", "1-2 million": the multiplier of the second figure applies to the first.
        if (first.multiplier == 1 && second->multiplier != 1 &&
            first.value * second->multiplier <= second->value)
            first.value *= second->multiplier;
        const auto low = crowdValue(first.value);
        const auto high = crowdValue(second->value);
        if (!low || !high || *low > *high)
            return false;
        size.low = low;
        size.high = high;
        return true;
    }
    const auto value = crowdValue(first.value);
    if (!value)
        return false;
    if (bound != Bound::AtMost)
        size.low = value;
    if (bound != Bound::AtLeast)
        size.high = value;
    return true;
}

// --- coordinates -------------------------------------------------------------------------

struct RawCoordinate {
    double value = 0;
    char16_t hemisphere = 0; ///< 'N', 'S', 'E', 'W' or 'O'; 0 when none
    bool leadingHemisphere = false;
};

bool isHemisphereLetter(QChar c)
{
    switch (asciiUpper(c.unicode())) {
    case u'N':
    case u'S':
    case u'E':
    case u'W':
    case u'O':
        return true;
    default:
        return false;
    }
}

bool isLatitudeLetter(char16_t h)
{
    return h == u'N' || h == u'S';
}

bool isDegreeSign(QChar c)
{
    return c == u'\u00B0' || c == u'\u00BA' || c == u'\u02DA';
}

bool isMinuteSign(QChar c)
{
    return c == u'\'' || c == u'\u2032' || c == u'\u2019' || c == u'\u00B4';
}

bool isSecondSign(QChar c)
{
    return c == u'"' || c == u'\u2033' || c == u'\u201D';
}

/// Digits with an optional decimal part after decimalSeparator, at pos.
bool readDecimal(QStringView t, qsizetype &pos, char16_t decimalSeparator, double &value,
                 bool &fraction)
{
    NumberBuffer buffer;
    int digits = 0;
    while (pos < t.size() && isDigit(t[pos])) {
        if (!buffer.pushDigit(t[pos++]))
            return false;
        ++digits;
    }
    fraction = false;
    if (pos + 1 < t.size() && t[pos] == decimalSeparator && isDigit(t[pos + 1])) {
        fraction = true;
        buffer.push('.');
        ++pos;
        while (pos < t.size() && isDigit(t[pos])) {
            if (!buffer.pushDigit(t[pos++]))
                return false;
        }
    }
    if (digits == 0)
        return false;
    const auto v = toDouble(buffer);
    if (!v)
        return false;
    value = *v;
    return true;
}

void skipSpacesAt(QStringView t, qsizetype &pos)
{
    while (pos < t.size() && t[pos].isSpace())
        ++pos;
}

/// One coordinate without axis rules or range check.
std::optional<RawCoordinate> scanCoordinate(QStringView text, QString *error)
{
    const QStringView t = text.trimmed();
    const qsizetype n = t.size();
    const auto notACoordinate = [error, t] {
        if (error)
            *error = t.isEmpty() ? u"empty coordinate"_s
                                 : u"not a coordinate: %1"_s.arg(t.left(40).toString());
        return std::nullopt;
    };
    if (n == 0)
        return notACoordinate();
    const bool hasDot = t.contains(u'.');
    const bool hasComma = t.contains(u',');
    if (hasDot && hasComma)
        return notACoordinate();
    const char16_t decimalSeparator = hasComma ? u',' : u'.';

    RawCoordinate result;
    qsizetype pos = 0;
    if (isHemisphereLetter(t[0]) && (n == 1 || !isAsciiLetter(t[1]))) {
        result.hemisphere = asciiUpper(t[0].unicode());
        result.leadingHemisphere = true;
        ++pos;
        skipSpacesAt(t, pos);
    }
    bool negative = false;
    if (pos < n && t[pos] == u'+') {
        ++pos;
    } else if (pos < n && isMinus(t[pos])) {
        negative = true;
        ++pos;
    }
    double degrees = 0;
    double minutes = 0;
    double seconds = 0;
    bool fraction = false;
    if (!readDecimal(t, pos, decimalSeparator, degrees, fraction))
        return notACoordinate();
    skipSpacesAt(t, pos);
    if (pos < n && isDegreeSign(t[pos])) {
        ++pos;
        skipSpacesAt(t, pos);
        if (pos < n && isDigit(t[pos])) {
            if (fraction || !readDecimal(t, pos, decimalSeparator, minutes, fraction))
                return notACoordinate();
            skipSpacesAt(t, pos);
            if (pos < n && isMinuteSign(t[pos])) {
                ++pos;
                skipSpacesAt(t, pos);
                if (pos < n && isDigit(t[pos])) {
                    if (fraction || !readDecimal(t, pos, decimalSeparator, seconds, fraction))
                        return notACoordinate();
                    skipSpacesAt(t, pos);
                    if (pos < n && isSecondSign(t[pos]))
                        ++pos;
                    else if (pos + 1 < n && isMinuteSign(t[pos]) && isMinuteSign(t[pos + 1]))
                        pos += 2;
                    skipSpacesAt(t, pos);
                }
            }
        }
    } else if (!fraction && pos < n && (isDigit(t[pos]) || t[pos] == u':')) {
        // Degrees, minutes and seconds with spaces or colons between and no signs, as GPS
        // units and older lists write them: "48 51 24 N", "48:51:24N", "40 42.767 N".
        const auto readPart = [&](double &part) {
            if (t[pos] == u':') {
                ++pos;
                skipSpacesAt(t, pos);
            }
            if (pos == n || !isDigit(t[pos]) ||
                !readDecimal(t, pos, decimalSeparator, part, fraction))
                return false;
            skipSpacesAt(t, pos);
            return true;
        };
        if (!readPart(minutes))
            return notACoordinate();
        if (!fraction && pos < n && (isDigit(t[pos]) || t[pos] == u':') && !readPart(seconds))
            return notACoordinate();
    }
    if (pos + 1 == n && isHemisphereLetter(t[pos])) {
        if (result.hemisphere != 0)
            return notACoordinate();
        result.hemisphere = asciiUpper(t[pos].unicode());
        ++pos;
    }
    if (pos != n)
        return notACoordinate();
    if (minutes >= 60 || seconds >= 60) {
        setError(error, u"minutes and seconds must be below 60"_s);
        return std::nullopt;
    }
    double value = degrees + minutes / 60 + seconds / 3600;
    const bool southOrWest =
        result.hemisphere == u'S' || result.hemisphere == u'W' || result.hemisphere == u'O';
    if (negative) {
        if (result.hemisphere != 0 && !southOrWest) {
            setError(error, u"negative value with hemisphere %1"_s.arg(QChar(result.hemisphere)));
            return std::nullopt;
        }
        value = -value;
    } else if (southOrWest) {
        value = -value;
    }
    result.value = value;
    return result;
}

bool outOfRange(double value, Axis axis, QString *error)
{
    const double limit = axis == Axis::Latitude ? 90 : 180;
    if (std::abs(value) <= limit)
        return false;
    if (error)
        *error = u"%1 %2 out of range"_s.arg(
            axis == Axis::Latitude ? u"latitude"_s : u"longitude"_s, QString::number(value));
    return true;
}

/// Scores a split of a latitude/longitude cell into two coordinates: 2 when both or
/// neither carry a hemisphere letter, 1 when the first ends with one, else 0; -1 invalid.
int scoreSplit(QStringView left, QStringView right, RawCoordinate &a, RawCoordinate &b)
{
    const auto first = scanCoordinate(left, nullptr);
    if (!first)
        return -1;
    const auto second = scanCoordinate(right, nullptr);
    if (!second)
        return -1;
    a = *first;
    b = *second;
    if ((a.hemisphere == 0) == (b.hemisphere == 0))
        return 2;
    return (a.hemisphere != 0 && !a.leadingHemisphere) ? 1 : 0;
}

std::optional<LatLon> wktPoint(QStringView t, QString *error)
{
    Cursor c(t);
    c.eatWord("point"_L1);
    c.skipSpaces();
    if (!(c.eatWord("zm"_L1) || c.eatWord("z"_L1) || c.eatWord("m"_L1)))
        c.skipSpaces();
    c.skipSpaces();
    const QStringView rest = c.rest();
    if (!rest.startsWith(u'(') || !rest.endsWith(u')')) {
        setError(error, u"not a WKT point"_s);
        return std::nullopt;
    }
    const QStringView inner = rest.sliced(1, rest.size() - 2);
    std::array<double, 2> values{};
    int count = 0;
    for (const QStringView part : inner.tokenize(u' ', Qt::SkipEmptyParts)) {
        const auto v = parseNumber(part);
        if (!v || count == 4) {
            setError(error, u"not a WKT point"_s);
            return std::nullopt;
        }
        if (count < 2)
            values[static_cast<std::size_t>(count)] = *v;
        ++count;
    }
    if (count < 2) {
        setError(error, u"not a WKT point"_s);
        return std::nullopt;
    }
    // POINT(lat lon) is a common mistake: checkLatLon() swaps it back when it can tell.
    return checkLatLon(values[1], values[0], error);
}

} // namespace

// --- public: dates -----------------------------------------------------------------------

std::optional<QDate> dateFromExcelSerial(double serial)
{
    if (!std::isfinite(serial) || serial < 1 || serial > 2958465) // 2958465 is 9999-12-31
        return std::nullopt;
    const auto day = static_cast<qint64>(std::floor(serial));
    if (day == 60)
        return std::nullopt;
    // Excel counts a 1900-02-29 that never was, so from serial 61 on it is one day ahead.
    return day < 60 ? QDate(1899, 12, 31).addDays(day) : QDate(1899, 12, 30).addDays(day);
}

bool isEmptyDate(QStringView text)
{
    int zeros = 0;
    for (const QChar c : text) {
        if (c == u'0')
            ++zeros;
        else if (!(c == u'-' || c == u'/' || c == u'.' || c == u':' || c == u' ' || c == u'T'))
            return false;
    }
    return zeros >= 6;
}

/// Longer text is no date nor period ("Wednesday 30 January 2026 to Saturday 2 February 2026"
/// is 56 characters), and is not searched as one: a cell of a megabyte took minutes.
constexpr qsizetype kLongestDate = 120;

std::optional<ParsedDate> parseDate(QStringView text, DayMonthOrder order, bool allowExcelSerial,
                                    QString *error)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty() || isEmptyDate(t)) {
        setError(error, u"empty date"_s);
        return std::nullopt;
    }
    if (t.size() > kLongestDate) {
        setError(error, u"too long to be a date"_s);
        return std::nullopt;
    }

    NumericDate numeric;
    if (splitNumericDate(t, numeric))
        return numericDate(numeric, order, error);

    bool hasFraction = false;
    if (isPlainNumber(t, hasFraction)) {
        if (!hasFraction && t.size() == 4) {
            int year = 0;
            qsizetype pos = 0;
            readSmall(t, pos, 4, 4, year);
            return makeDate(year, 1, 1, DatePrecision::Year, error);
        }
        if (!hasFraction && t.size() == 8) {
            int year = 0;
            int month = 0;
            int day = 0;
            qsizetype pos = 0;
            readSmall(t.first(4), pos, 4, 4, year);
            pos = 0;
            readSmall(t.sliced(4, 2), pos, 2, 2, month);
            pos = 0;
            readSmall(t.sliced(6, 2), pos, 2, 2, day);
            return makeYearFirstDate(year, month, day, error);
        }
        const auto serial = parseNumber(t);
        if (serial && *serial >= 20000 && *serial <= 80000) {
            if (allowExcelSerial) {
                if (const auto date = dateFromExcelSerial(*serial))
                    return ParsedDate{*date, DatePrecision::Day};
            }
            setError(error, u"a number, not a date (Excel serial dates are not enabled)"_s);
            return std::nullopt;
        }
        setError(error, u"a number, not a date"_s);
        return std::nullopt;
    }

    std::optional<ParsedDate> result;
    if (tryYearFirst(t, result, error))
        return result;

    return textDate(t, error);
}

QDate periodEnd(const QDate &start, DatePrecision precision)
{
    switch (precision) {
    case DatePrecision::Month:
        return start.addMonths(1).addDays(-1);
    case DatePrecision::Year:
        return start.addYears(1).addDays(-1);
    case DatePrecision::Day:
        break;
    }
    return start;
}

namespace {
// The first run of exactly four digits in a text, as a year; empty when there is none.
QStringView fourDigitYear(QStringView t)
{
    for (qsizetype i = 0; i < t.size();) {
        if (!isDigit(t[i])) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < t.size() && isDigit(t[end]))
            ++end;
        if (end - i == 4)
            return t.sliced(i, 4);
        i = end;
    }
    return {};
}

// The first part of a period, completed from the second where it leaves something out:
// "30" of "30–31 January 2026" is the 30th of that month, "30 Jan" of "30 Jan – 2 Feb 2026"
// is of that year, "30/01" of "30/01 - 02/02/2026" too.
QString completedFirstPart(QStringView first, QStringView second)
{
    const QStringView year = fourDigitYear(second);
    if (year.isEmpty() || !fourDigitYear(first).isEmpty())
        return first.toString();
    const bool dayOnly =
        !first.isEmpty() && first.size() <= 2 && std::all_of(first.begin(), first.end(), isDigit);
    if (dayOnly) {
        // The second part's day, at its start or after its month ("Jan 31, 2026"), is
        // replaced by the first part's.
        qsizetype i = 0;
        while (i < second.size() && !isDigit(second[i]))
            ++i;
        qsizetype end = i;
        while (end < second.size() && isDigit(second[end]))
            ++end;
        if (end - i > 2)
            return first.toString();
        return second.first(i).toString() + first.toString() + second.sliced(end).toString();
    }
    const bool numeric =
        std::none_of(first.begin(), first.end(), [](QChar c) { return c.isLetter(); });
    if (numeric) {
        for (const QChar separator : {u'/', u'.', u'-'}) {
            if (!first.contains(separator))
                continue;
            QString completed = first.toString(); // "30.01." keeps its last dot
            if (!completed.endsWith(separator))
                completed += separator;
            return completed + year.toString();
        }
    }
    return first.toString() + u' ' + year.toString();
}
} // namespace

std::optional<ParsedRange> parseDateRange(QStringView text, DayMonthOrder order, QString *error)
{
    const QStringView t = text.trimmed();
    const auto notARange = [error] {
        setError(error, u"not a date or a period"_s);
        return std::nullopt;
    };
    if (t.size() > kLongestDate) {
        setError(error, u"too long to be a date"_s);
        return std::nullopt;
    }
    // Where the period splits: words and dashes first; a slash only between ISO dates, as
    // in ISO 8601 ("2026-01-30/2026-02-02"); a bare hyphen only between two day numbers
    // ("30-31 January 2026", "Jan 30-31, 2026"), as it also joins a date's own parts.
    qsizetype at = -1;
    qsizetype width = 0;
    static constexpr std::array<QStringView, 8> kSeparators{
        u" to ", u" until ", u" till ", u" through ", u" thru ", u" - ", u"\u2013", u"\u2014"};
    for (const QStringView separator : kSeparators) {
        const qsizetype found = t.indexOf(separator, 0, Qt::CaseInsensitive);
        if (found > 0) {
            at = found;
            width = separator.size();
            break;
        }
    }
    if (at < 0) {
        const qsizetype slash = t.indexOf(u'/');
        if (slash == 10 && t.indexOf(u'/', slash + 1) < 0 && t.size() >= 4 && t[4] == u'-') {
            at = slash;
            width = 1;
        }
    }
    if (at < 0 && std::any_of(t.begin(), t.end(), [](QChar c) { return c.isLetter(); })) {
        for (qsizetype i = 1; i + 1 < t.size(); ++i) {
            if (t[i] == u'-' && isDigit(t[i - 1]) && isDigit(t[i + 1])) {
                at = i;
                width = 1;
                break;
            }
        }
    }
    if (at <= 0 || at + width >= t.size())
        return notARange();
    const QStringView first = t.first(at).trimmed();
    QStringView second = t.sliced(at + width).trimmed();
    if (first.isEmpty() || second.isEmpty())
        return notARange();

    std::optional<ParsedDate> last = parseDate(second, order, false, nullptr);
    QString secondText;
    if (!last) {
        // "Jan 30-31, 2026": the second part's month is the first part's leading word.
        qsizetype wordEnd = 0;
        while (wordEnd < first.size() && first[wordEnd].isLetter())
            ++wordEnd;
        if (wordEnd == 0)
            return notARange();
        secondText = first.first(wordEnd).toString() + u' ' + second.toString();
        second = secondText;
        last = parseDate(second, order, false, nullptr);
        if (!last)
            return notARange();
    }
    const QString firstText = completedFirstPart(first, second);
    std::optional<ParsedDate> start = parseDate(firstText, order, false, nullptr);
    if (!start)
        return notARange();
    const QDate lastDay = periodEnd(last->date, last->precision);
    // "30 Dec – 2 Jan 2026": a year borrowed from the second part may be one too many.
    if (lastDay < start->date && fourDigitYear(first).isEmpty())
        start->date = start->date.addYears(-1);
    if (lastDay < start->date) {
        setError(error, u"the period ends before it starts"_s);
        return std::nullopt;
    }
    return ParsedRange{*start, lastDay};
}

DayMonthOrder detectDayMonthOrder(const QList<QString> &samples, bool *ambiguous, bool *conflict)
{
    bool monthFirst = false;
    bool dayFirst = false;
    bool undecided = false;
    bool allDotted = true; // of the undecided ones
    for (const QString &sample : samples) {
        NumericDate d;
        if (!splitNumericDate(QStringView(sample).trimmed(), d) || d.parts != 3)
            continue;
        if (d.first > 12 && d.second <= 12) {
            dayFirst = true;
        } else if (d.second > 12 && d.first <= 12) {
            monthFirst = true;
        } else if (d.first <= 12 && d.second <= 12 && d.first != d.second) {
            undecided = true;
            allDotted = allDotted && d.separator == u'.';
        }
    }
    if (ambiguous)
        *ambiguous = false;
    if (conflict)
        *conflict = false;
    if (monthFirst && dayFirst) {
        if (conflict)
            *conflict = true;
        return DayMonthOrder::Unknown;
    }
    if (monthFirst)
        return DayMonthOrder::MonthFirst;
    if (dayFirst)
        return DayMonthOrder::DayFirst;
    if (ambiguous)
        *ambiguous = undecided;
    // Dates written with dots ("05.04.2025") are day first wherever that is the custom
    // (Germany, Russia, Scandinavia...); month-first lists use slashes.
    return undecided && allDotted ? DayMonthOrder::DayFirst : DayMonthOrder::Unknown;
}

// --- public: crowd sizes and numbers -----------------------------------------------------

namespace {
// Words a size column holds when nobody counted: no size, and nothing wrong with the row.
bool isNoCount(QStringView t)
{
    static constexpr std::array<QStringView, 12> kWords{
        u"unknown",     u"unclear",     u"not known",  u"not reported",
        u"unreported",  u"unspecified", u"not stated", u"none given",
        u"no estimate", u"no figure",   u"?",          u"unk"};
    return std::any_of(kWords.begin(), kWords.end(),
                       [t](QStringView word) { return t.compare(word, Qt::CaseInsensitive) == 0; });
}

// A size with remarks around the figures: "500 (est.)" is 500; several estimates, as news
// reports give them ("10,000 (police); 30,000 (organisers)"), span the lowest to the
// highest. False when the text is not that either.
bool readCrowdRemarks(QStringView t, CrowdSize &size)
{
    if (isNoCount(t)) {
        size = CrowdSize();
        return true;
    }
    const std::optional<QString> bare = withoutBrackets(t);
    if (!bare || bare->size() == t.size() || bare->trimmed().isEmpty())
        return false;
    const QString &figures = *bare;
    if (CrowdSize plain; parseCrowdInto(QStringView(figures).trimmed(), plain)) {
        size = plain;
        return true;
    }
    std::optional<qint64> low;
    std::optional<qint64> high;
    bool open = false;
    int estimates = 0;
    for (const QStringView part : QStringView(figures).tokenize(u';', Qt::SkipEmptyParts)) {
        CrowdSize estimate;
        const QStringView figure = part.trimmed();
        if (figure.isEmpty())
            continue;
        if (!parseCrowdInto(figure, estimate))
            return false;
        const std::optional<qint64> least = estimate.low ? estimate.low : estimate.high;
        const std::optional<qint64> most = estimate.high ? estimate.high : estimate.low;
        if (!least)
            return false;
        open = open || !estimate.high;
        low = low ? std::min(*low, *least) : *least;
        high = high ? std::max(*high, *most) : *most;
        ++estimates;
    }
    if (estimates < 2)
        return false;
    size.low = low;
    size.high = open ? std::nullopt : high;
    size.ok = true;
    return true;
}

// parseCrowdSize() without its copy of the text.
CrowdSize readCrowdSize(QStringView text)
{
    CrowdSize size;
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return size;
    // Read without accents ("über 500", "más de 200"); the text is kept as written. Most
    // sizes are plain ASCII, read where they are.
    const bool ascii = isAscii(trimmed);
    const QString plain = ascii ? QString() : withoutAccents(trimmed);
    const QStringView t = ascii ? trimmed : QStringView(plain);
    if (!parseCrowdInto(t, size) && !readCrowdRemarks(t, size)) {
        size.low.reset();
        size.high.reset();
        size.ok = false;
    }
    return size;
}
// readCrowdSize() through a small cache of the last texts read on this thread: a list
// repeats the same few sizes ("hundreds", "about a dozen") in row after row, and reading
// one takes a hundred times longer than finding it again.
CrowdSize cachedCrowdSize(QStringView text)
{
    struct Entry {
        QString text;
        CrowdSize size;
    };
    constexpr std::size_t kEntries = 1024;
    thread_local std::unique_ptr<Entry[]> cache(new Entry[kEntries]);
    Entry &entry = cache[qHash(text) & (kEntries - 1)];
    if (entry.text.isNull() || entry.text != text) {
        entry.text = text.toString();
        entry.size = readCrowdSize(text);
        entry.size.text = QString(); // a copy of the entry is then only numbers
    }
    return entry.size;
}

} // namespace

CrowdSize parseCrowdSize(QStringView text)
{
    CrowdSize size = cachedCrowdSize(text);
    size.text = text.toString();
    return size;
}

CrowdSize parseCrowdSizeValue(QStringView text)
{
    return cachedCrowdSize(text);
}

CrowdSize parseCrowdSize(const QString &text)
{
    CrowdSize size = cachedCrowdSize(text);
    size.text = text;
    return size;
}

namespace {
// A plain decimal ("-77.9109", "2024") of at most 15 digits, read without copying: its digits
// are an exact double, and so is the power of ten, so one division rounds it correctly, as
// from_chars would. Anything else (signs, separators, exponents, spaces) is left to the caller.
std::optional<double> plainDecimal(QStringView text)
{
    const qsizetype n = text.size();
    qsizetype pos = n > 0 && text[0] == u'-' ? 1 : 0;
    const bool negative = pos == 1;
    quint64 mantissa = 0;
    int digits = 0;
    int decimals = 0;
    bool point = false;
    for (; pos < n; ++pos) {
        const char16_t c = text[pos].unicode();
        if (c >= u'0' && c <= u'9') {
            mantissa = mantissa * 10 + (c - u'0');
            ++digits;
            decimals += point;
        } else if (c == u'.' && !point && digits > 0) {
            point = true;
        } else {
            return std::nullopt;
        }
    }
    if (digits == 0 || digits > 15 || (point && decimals == 0))
        return std::nullopt;
    constexpr double kTens[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const double value = double(mantissa) / kTens[decimals];
    return negative ? -value : value;
}
} // namespace

std::optional<double> parseNumber(QStringView text)
{
    if (const std::optional<double> plain = plainDecimal(text))
        return plain;
    NumberBuffer buffer;
    if (!cleanNumber(text, buffer))
        return std::nullopt;
    return toDouble(buffer);
}

std::optional<qint64> parseInteger(QStringView text)
{
    NumberBuffer buffer;
    if (!cleanNumber(text, buffer))
        return std::nullopt;
    if (buffer.integral) {
        qint64 value = 0;
        const char *end = buffer.chars.data() + buffer.size;
        const auto [ptr, ec] = std::from_chars(buffer.chars.data(), end, value);
        if (ec != std::errc() || ptr != end)
            return std::nullopt;
        return value;
    }
    const auto value = toDouble(buffer);
    // 2^63 is exactly representable; anything from it on does not fit.
    constexpr double limit = 9223372036854775808.0;
    if (!value || std::floor(*value) != *value || *value >= limit || *value < -limit)
        return std::nullopt;
    return static_cast<qint64>(*value);
}

// --- public: coordinates -----------------------------------------------------------------

std::optional<double> parseCoordinate(QStringView text, Axis axis, QString *error)
{
    const auto raw = scanCoordinate(text, error);
    if (!raw)
        return std::nullopt;
    if (raw->hemisphere != 0 && isLatitudeLetter(raw->hemisphere) != (axis == Axis::Latitude)) {
        if (error)
            *error = u"hemisphere letter %1 not allowed for %2"_s.arg(
                QString(QChar(raw->hemisphere)),
                axis == Axis::Latitude ? u"latitude"_s : u"longitude"_s);
        return std::nullopt;
    }
    if (outOfRange(raw->value, axis, error))
        return std::nullopt;
    return raw->value;
}

namespace {

/// A pair cell split into its two parts, or how it reads when its order is known otherwise.
struct SplitPair {
    std::optional<LatLon> known; ///< set for WKT, a map link, a GeoJSON point (or an error)
    bool isKnown = false;
    RawCoordinate a;
    RawCoordinate b;
};

SplitPair splitPair(QStringView text, QString *error)
{
    SplitPair split;
    QStringView t = text.trimmed();
    if (t.isEmpty()) {
        setError(error, u"empty coordinates"_s);
        split.isKnown = true;
        return split;
    }
    if (t.startsWith("srid="_L1, Qt::CaseInsensitive)) {
        const qsizetype semicolon = t.indexOf(u';');
        if (semicolon < 0) {
            setError(error, u"not a WKT point"_s);
            split.isKnown = true;
            return split;
        }
        t = t.sliced(semicolon + 1).trimmed();
    }
    split.isKnown = true;
    if (t.startsWith("point"_L1, Qt::CaseInsensitive)) {
        split.known = wktPoint(t, error);
        return split;
    }
    // A link to a web map, or a GeoJSON point: the order of their numbers is known.
    std::optional<RawPoint> point = pointFromMapLink(t);
    if (!point)
        point = pointFromGeoJson(t);
    if (point) {
        if (!outOfRange(point->latitude, Axis::Latitude, error) &&
            !outOfRange(point->longitude, Axis::Longitude, error))
            split.known = LatLon{point->latitude, point->longitude, false};
        return split;
    }
    if (t.size() >= 2 &&
        ((t.front() == u'(' && t.back() == u')') || (t.front() == u'[' && t.back() == u']')))
        t = t.sliced(1, t.size() - 2).trimmed();

    // Try splitting at each ';', then each ',', then each run of spaces; keep the best.
    int bestScore = -1;
    const auto trySplits = [&](auto isSeparator) {
        for (qsizetype i = 0; i < t.size(); ++i) {
            if (!isSeparator(t[i]))
                continue;
            qsizetype end = i + 1;
            while (end < t.size() && isSeparator(t[end]))
                ++end;
            RawCoordinate first;
            RawCoordinate second;
            const int score = scoreSplit(t.first(i), t.sliced(end), first, second);
            if (score > bestScore) {
                bestScore = score;
                split.a = first;
                split.b = second;
            }
            i = end - 1;
        }
        return bestScore >= 0;
    };
    const bool found = trySplits([](QChar c) { return c == u';'; }) ||
        trySplits([](QChar c) { return c == u','; }) ||
        trySplits([](QChar c) { return c.isSpace(); });
    if (!found) {
        setError(error, u"not a latitude/longitude pair"_s);
        return split;
    }
    split.isKnown = false;
    return split;
}

} // namespace

std::optional<LatLon> parseLatLon(QStringView text, QString *error, PairOrder order)
{
    const SplitPair split = splitPair(text, error);
    if (split.isKnown)
        return split.known;
    const RawCoordinate &a = split.a;
    const RawCoordinate &b = split.b;
    if (a.hemisphere == 0 && b.hemisphere == 0) {
        if (order == PairOrder::LongitudeFirst)
            return checkLatLon(b.value, a.value, error);
        return checkLatLon(a.value, b.value, error);
    }
    const bool aLatitude =
        a.hemisphere != 0 ? isLatitudeLetter(a.hemisphere) : !isLatitudeLetter(b.hemisphere);
    const bool bLatitude = b.hemisphere != 0 ? isLatitudeLetter(b.hemisphere) : !aLatitude;
    if (aLatitude == bLatitude) {
        setError(error,
                 aLatitude ? u"both coordinates are latitudes"_s
                           : u"both coordinates are longitudes"_s);
        return std::nullopt;
    }
    LatLon result;
    result.latitude = aLatitude ? a.value : b.value;
    result.longitude = aLatitude ? b.value : a.value;
    if (outOfRange(result.latitude, Axis::Latitude, error) ||
        outOfRange(result.longitude, Axis::Longitude, error))
        return std::nullopt;
    return result;
}

std::optional<std::pair<double, double>> barePair(QStringView text)
{
    const SplitPair split = splitPair(text, nullptr);
    if (split.isKnown || split.a.hemisphere != 0 || split.b.hemisphere != 0)
        return std::nullopt;
    return std::pair{split.a.value, split.b.value};
}

std::optional<LatLon> checkLatLon(double latitude, double longitude, QString *error,
                                  bool *suspicious)
{
    if (suspicious)
        *suspicious = false;
    if (!std::isfinite(latitude)) {
        setError(error, u"latitude is not a number"_s);
        return std::nullopt;
    }
    if (!std::isfinite(longitude)) {
        setError(error, u"longitude is not a number"_s);
        return std::nullopt;
    }
    if (outOfRange(longitude, Axis::Longitude, error))
        return std::nullopt;
    if (std::abs(latitude) > 90) {
        if (std::abs(latitude) <= 180 && std::abs(longitude) <= 90)
            return LatLon{longitude, latitude, true};
        outOfRange(latitude, Axis::Latitude, error);
        return std::nullopt;
    }
    if (suspicious && latitude == 0 && longitude == 0)
        *suspicious = true;
    return LatLon{latitude, longitude, false};
}

// --- public: multi-valued and flag cells -------------------------------------------------

namespace {
// The distinct pieces of a multi-valued cell, as views of it. They are found first and the
// list made once at its size: growing a list one piece at a time cost more than splitting.
// Where the next ';', '|' (or ',') is from `from` on, or n: eight characters at a time
// where the CPU can, since most cells are a few words with one separator or none.
qsizetype nextSeparator(const char16_t *s, qsizetype from, qsizetype n, bool splitOnComma)
{
    qsizetype i = from;
#if defined(__SSE2__)
    const __m128i semicolons = _mm_set1_epi16(';');
    const __m128i bars = _mm_set1_epi16('|');
    const __m128i commas = _mm_set1_epi16(splitOnComma ? ',' : ';');
    for (; n - i >= 8; i += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + i));
        const __m128i hits =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi16(v, semicolons), _mm_cmpeq_epi16(v, bars)),
                         _mm_cmpeq_epi16(v, commas));
        if (const int mask = _mm_movemask_epi8(hits))
            return i + std::countr_zero(unsigned(mask)) / 2;
    }
#endif
    for (; i < n; ++i) {
        const char16_t c = s[i];
        if (c == u';' || c == u'|' || (splitOnComma && c == u','))
            return i;
    }
    return n;
}

// Trimmed, without a call where there is nothing to trim, or one space before (after a
// separator), as with most pieces.
QStringView trimmedPiece(QStringView part)
{
    if (!part.isEmpty() && part.front() == u' ')
        part = part.sliced(1);
    if (part.isEmpty() || (!part.front().isSpace() && !part.back().isSpace()))
        return part;
    return part.trimmed();
}

QVarLengthArray<QStringView, 16> multiValuePieces(QStringView text, bool splitOnComma)
{
    QVarLengthArray<QStringView, 16> pieces;
    const char16_t *s = text.utf16();
    const qsizetype n = text.size();
    for (qsizetype start = 0; start <= n;) {
        const qsizetype i = nextSeparator(s, start, n, splitOnComma);
        const QStringView part = trimmedPiece(text.sliced(start, i - start));
        start = i + 1;
        if (part.isEmpty())
            continue;
        bool duplicate = false;
        for (const QStringView existing : pieces) {
            // Letters are compared folded one for one, so only pieces of a length can match.
            if (existing.size() == part.size() &&
                existing.compare(part, Qt::CaseInsensitive) == 0) {
                duplicate = true;
                break;
            }
        }
        if (!duplicate)
            pieces.append(part);
    }
    return pieces;
}
} // namespace

QVarLengthArray<QStringView, 16> multiValueParts(QStringView text, bool splitOnComma)
{
    return multiValuePieces(text, splitOnComma);
}

QStringList splitMultiValue(QStringView text, bool splitOnComma)
{
    const QVarLengthArray<QStringView, 16> pieces = multiValuePieces(text, splitOnComma);
    QStringList parts;
    parts.reserve(pieces.size());
    for (const QStringView piece : pieces)
        parts.append(piece.toString());
    return parts;
}

QStringList splitMultiValue(const QString &text, bool splitOnComma)
{
    const QVarLengthArray<QStringView, 16> pieces = multiValuePieces(text, splitOnComma);
    // A cell of one value, with nothing to trim, is shared rather than copied.
    if (pieces.size() == 1 && pieces.front().size() == text.size())
        return QStringList{text};
    QStringList parts;
    parts.reserve(pieces.size());
    for (const QStringView piece : pieces)
        parts.append(piece.toString());
    return parts;
}

std::optional<QString> withoutBrackets(QStringView text)
{
    QString bare;
    int depth = 0;
    for (const QChar c : text) {
        if (c == u'(' || c == u'[')
            ++depth;
        else if ((c == u')' || c == u']') && depth > 0)
            --depth;
        else if (depth == 0)
            bare += c;
    }
    if (depth != 0)
        return std::nullopt;
    return bare;
}

QString oneLine(QStringView text)
{
    const bool plain = std::none_of(text.begin(), text.end(), [](QChar c) {
        return c.unicode() < 0x20 || c.unicode() == 0x7F || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator;
    });
    if (plain)
        return text.toString();
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7F || c == QChar::LineSeparator ||
                c == QChar::ParagraphSeparator)
                out += u"\\u%1"_s.arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out;
}

QString withoutAccents(QStringView text)
{
    if (isAscii(text))
        return text.toString();
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString plain;
    plain.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (!c.isMark())
            plain.append(c);
    }
    return plain;
}

std::optional<bool> parseFlag(QStringView text)
{
    static constexpr std::array<QLatin1StringView, 6> kTrue = {
        "1"_L1, "true"_L1, "yes"_L1, "y"_L1, "x"_L1, "online"_L1,
    };
    static constexpr std::array<QLatin1StringView, 4> kFalse = {
        "0"_L1,
        "false"_L1,
        "no"_L1,
        "n"_L1,
    };
    if (text.size() == 1 && (text[0] == u'0' || text[0] == u'1'))
        return text[0] == u'1'; // as most lists write it
    const QStringView t = text.trimmed();
    if (t.isEmpty())
        return false;
    for (const QLatin1StringView word : kTrue) {
        if (t.compare(word, Qt::CaseInsensitive) == 0)
            return true;
    }
    for (const QLatin1StringView word : kFalse) {
        if (t.compare(word, Qt::CaseInsensitive) == 0)
            return false;
    }
    return std::nullopt;
}

} // namespace placard::io
