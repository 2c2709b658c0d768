// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvreader.h"

#include <QFile>
#include <QIODevice>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace placard::io {

namespace {

constexpr qsizetype kChunk = qsizetype(1) << 20;
constexpr qsizetype kSniffBytes = qsizetype(64) << 10;
constexpr int kSniffLines = 1000;
constexpr int kHeaderSampleRecords = 50;
constexpr qsizetype kMaxWarnings = 1000;
constexpr int kMaxRepairRounds = 3;

// Windows-1252 bytes 0x80-0x9F. The five undefined bytes map to the C1 control of the
// same number (as in the WHATWG encoding standard).
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

// The Windows-1252 byte of a code point above U+00FF, or 0 when there is none.
uchar cp1252Byte(char32_t cp)
{
    if (cp < 0x0152 || cp > 0x2122)
        return 0;
    for (std::size_t i = 0; i < kCp1252High.size(); ++i) {
        if (kCp1252High[i] == cp)
            return uchar(0x80 + i);
    }
    return 0;
}

// Strict UTF-8 to UTF-16 (no overlong forms, no surrogates, nothing above U+10FFFF).
// Returns the number of UTF-16 units written to out (at most n), or -1 when the input
// is not valid UTF-8. *latin tells whether every code point is at most U+00FF or a
// Windows-1252 character, that is whether the text could be double-encoded UTF-8.
qsizetype decodeUtf8(const uchar *s, qsizetype n, char16_t *out, bool *latin)
{
    const uchar *const e = s + n;
    char16_t *o = out;
    bool onlyLatin = true;
    while (s < e) {
        const uchar c = *s;
        if (c < 0x80) {
            *o++ = c;
            ++s;
            continue;
        }
        char32_t cp;
        if (c < 0xC2) {
            return -1;
        } else if (c < 0xE0) {
            if (e - s < 2 || (s[1] & 0xC0) != 0x80)
                return -1;
            cp = (char32_t(c & 0x1F) << 6) | (s[1] & 0x3F);
            s += 2;
        } else if (c < 0xF0) {
            if (e - s < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
                return -1;
            cp = (char32_t(c & 0x0F) << 12) | (char32_t(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
            if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
                return -1;
            s += 3;
        } else if (c < 0xF5) {
            if (e - s < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
                (s[3] & 0xC0) != 0x80)
                return -1;
            cp = (char32_t(c & 0x07) << 18) | (char32_t(s[1] & 0x3F) << 12) |
                (char32_t(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
            if (cp < 0x10000 || cp > 0x10FFFF)
                return -1;
            s += 4;
        } else {
            return -1;
        }
        if (cp < 0x10000) {
            *o++ = char16_t(cp);
        } else {
            *o++ = char16_t(0xD800 + ((cp - 0x10000) >> 10));
            *o++ = char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF));
        }
        if (cp > 0xFF && cp1252Byte(cp) == 0)
            onlyLatin = false;
    }
    *latin = onlyLatin;
    return o - out;
}

enum class Kind { Empty, Missing, Numeric, Date, Word, Text };

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || uchar(c) >= 0x80;
}

bool looksNumeric(QByteArrayView v)
{
    int digits = 0;
    char previous = 0;
    for (qsizetype i = 0; i < v.size(); ++i) {
        const char c = v[i];
        if (isDigit(c)) {
            ++digits;
        } else if (c == '+' || c == '-') {
            if (i != 0 && previous != 'e' && previous != 'E')
                return false;
        } else if (c == 'e' || c == 'E') {
            if (digits == 0)
                return false;
        } else if (c == '%') {
            if (i != v.size() - 1)
                return false;
        } else if (c != '.' && c != ',') {
            return false;
        }
        previous = c;
    }
    return digits > 0;
}

bool looksLikeDate(QByteArrayView v)
{
    if (!isDigit(v.front()))
        return false;
    int digits = 0;
    bool separator = false;
    for (char c : v) {
        if (isDigit(c))
            ++digits;
        else if (c == '-' || c == '/' || c == '.' || c == ':')
            separator = true;
        else if (c != 'T' && c != 'Z' && c != ' ' && c != '+')
            return false;
    }
    return separator && digits >= 4;
}

bool looksLikeWord(QByteArrayView v)
{
    if (v.size() > 64 || !(isLetter(v.front()) || v.front() == '_'))
        return false;
    return std::all_of(v.begin(), v.end(), [](char c) {
        return isLetter(c) || isDigit(c) || c == '_' || c == ' ' || c == '-' || c == '.' ||
            c == '(' || c == ')' || c == '/' || c == '#';
    });
}

QByteArrayView trimmedView(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

} // namespace

QStringList CsvOptions::defaultMissingTokens()
{
    return {QString(),
            QStringLiteral("NA"),
            QStringLiteral("N/A"),
            QStringLiteral("n/a"),
            QStringLiteral("null"),
            QStringLiteral("NULL"),
            QStringLiteral("nan"),
            QStringLiteral("NaN"),
            QStringLiteral("-")};
}

CsvReader::CsvReader(CsvOptions options)
    : m_options(std::move(options))
{
    for (const QString &token : std::as_const(m_options.missingTokens)) {
        const QString trimmed = token.trimmed();
        if (trimmed.isEmpty()) {
            m_emptyIsMissing = true;
            continue;
        }
        m_tokenBytes.append(trimmed.toUtf8());
        m_tokens.append(trimmed);
        m_tokenStarts[std::min<std::size_t>(trimmed.front().unicode(), 127)] = true;
        m_maxTokenLength = std::max(m_maxTokenLength, trimmed.size());
    }
}

CsvReader::~CsvReader() = default;

bool CsvReader::open(const QString &path)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        m_device = nullptr;
        m_error = QStringLiteral("%1: cannot open the file: %2").arg(path, file->errorString());
        return false;
    }
    QIODevice *device = file.get();
    const bool ok = open(device, path);
    m_file = std::move(file);
    return ok;
}

bool CsvReader::open(QIODevice *device, const QString &displayName)
{
    m_file.reset();
    m_device = device;
    m_name = displayName;
    m_bom = Bom::None;
    m_raw.clear();
    m_buf.clear();
    m_pos = m_end = 0;
    m_eof = false;
    m_bytesRead = 0;
    m_totalBytes = -1;
    m_line = 1;
    m_delimiter = ',';
    m_hasHeader = false;
    m_header.clear();
    m_expectedFields = 0;
    m_spans.clear();
    m_recordLine = 0;
    m_count = 0;
    m_error.clear();
    m_warnings.clear();
    m_warningCount = 0;
    m_utf8Fields = 0;
    m_stats = CsvStats();

    if (!device) {
        m_error = QStringLiteral("%1: no device").arg(displayName);
        return false;
    }
    if (!device->isOpen() && !device->open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("%1: cannot open: %2").arg(displayName, device->errorString());
        m_device = nullptr;
        return false;
    }
    if (!device->isReadable()) {
        m_error = QStringLiteral("%1: the device is not readable").arg(displayName);
        m_device = nullptr;
        return false;
    }
    if (!device->isSequential())
        m_totalBytes = device->size();
    return start();
}

bool CsvReader::start()
{
    // The first chunk is read raw so that a BOM can be seen before any conversion.
    m_buf.resize(kChunk);
    qint64 n = m_device->read(m_buf.data(), kChunk);
    while (n == 0 && m_device->isSequential() && m_device->waitForReadyRead(30000))
        n = m_device->read(m_buf.data(), kChunk);
    if (n < 0) {
        setError(0, 0, QStringLiteral("read error: %1").arg(m_device->errorString()));
        return false;
    }
    m_bytesRead = n;
    m_end = n;
    const auto *b = reinterpret_cast<const uchar *>(m_buf.constData());
    // UTF-32's marks begin as UTF-16's would: refused by name rather than read as garbage.
    if (n >= 4 &&
        ((b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) ||
         (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF))) {
        setError(0, 0,
                 QStringLiteral("the file is UTF-32 text, which is not read here: save it as "
                                "UTF-8 (or UTF-16) and import it again"));
        return false;
    }
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        m_bom = Bom::Utf8;
        m_pos = 3;
    } else if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
        m_bom = Bom::Utf16Le;
    } else if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
        m_bom = Bom::Utf16Be;
    }
    const qsizetype bomBytes = m_bom == Bom::Utf16Le || m_bom == Bom::Utf16Be ? 2 : 0;
    if (m_bom == Bom::None) {
        // UTF-16 written without a byte-order mark: text in Latin letters has a zero in
        // every other byte, which no CSV in an 8-bit encoding has.
        const qsizetype sample = std::min<qsizetype>(n, 4096) & ~qsizetype(1);
        qsizetype evenZeros = 0;
        qsizetype oddZeros = 0;
        for (qsizetype i = 0; i < sample; i += 2) {
            evenZeros += b[i] == 0;
            oddZeros += b[i + 1] == 0;
        }
        const qsizetype pairs = sample / 2;
        if (pairs >= 2 && oddZeros * 2 > pairs && evenZeros * 20 < pairs)
            m_bom = Bom::Utf16Le;
        else if (pairs >= 2 && evenZeros * 2 > pairs && oddZeros * 20 < pairs)
            m_bom = Bom::Utf16Be;
    }
    if (m_bom == Bom::Utf16Le || m_bom == Bom::Utf16Be) {
        m_utf16 = QStringDecoder(m_bom == Bom::Utf16Le ? QStringDecoder::Utf16LE
                                                       : QStringDecoder::Utf16BE);
        const QString text =
            m_utf16.decode(QByteArrayView(m_buf.constData() + bomBytes, n - bomBytes));
        m_buf = text.toUtf8();
        m_pos = 0;
        m_end = m_buf.size();
    }
    if (n == 0)
        m_eof = true;
    updateEncoding();

    while (!m_eof && m_end - m_pos < kSniffBytes) {
        if (!fillBuffer() && hasError())
            return false;
    }
    // Files saved as "CSV (Macintosh)" end every line in CR alone. Where the start of a file
    // has CRs and no LF at all, its CRs end lines; elsewhere a bare CR is data.
    if (const QByteArrayView start(m_buf.constData() + m_pos, m_end - m_pos);
        !start.contains('\n') && start.contains('\r')) {
        m_crLines = true;
        crToLf(m_pos, m_end);
    }
    // Excel's "sep=;" first line names the delimiter; it is no record.
    char declared = 0;
    if (const QByteArrayView start(m_buf.constData() + m_pos,
                                   std::min<qsizetype>(m_end - m_pos, 6));
        start.size() >= 5 && start.first(4).compare("sep=", Qt::CaseInsensitive) == 0 &&
        (start.size() == 5 || start[5] == '\n' || start[5] == '\r')) {
        declared = start[4];
        m_pos += start.size();
        if (m_pos < m_end && m_buf[m_pos] == '\n' && m_buf[m_pos - 1] == '\r')
            ++m_pos;
        ++m_line;
    }
    const qsizetype sampleSize = std::min(m_end - m_pos, kSniffBytes);
    const QByteArrayView sample(m_buf.constData() + m_pos, sampleSize);
    const bool complete = m_eof && sampleSize == m_end - m_pos;

    if (!m_options.delimiter.isNull())
        m_delimiter = char(m_options.delimiter.toLatin1());
    else if (declared != 0)
        m_delimiter = declared;
    else
        sniffDelimiter(sample, complete);

    if (m_delimiter == 0 || uchar(m_delimiter) >= 0x80 || m_delimiter == '"' ||
        m_delimiter == '\n' || m_delimiter == '\r') {
        const char16_t shown =
            m_options.delimiter.isNull() ? uchar(m_delimiter) : m_options.delimiter.unicode();
        const QString message =
            QStringLiteral("unusable delimiter U+%1")
                .arg(QString::number(uint(shown), 16).toUpper().rightJustified(4, u'0'));
        if (m_options.delimiter.isNull() && declared != 0)
            setError(m_line - 1, 1, QStringLiteral("the sep= line names an ") + message);
        else
            setError(0, 0, message);
        return false;
    }
    // Bytes that end an unquoted stretch: the delimiter, LF and CR (a CR is data unless
    // an LF follows it).
    m_stop.fill(false);
    m_stop[uchar(m_delimiter)] = true;
    m_stop['\n'] = true;
    m_stop['\r'] = true;

    bool header = m_options.header == CsvOptions::Header::Yes;
    std::vector<Peeked> first;
    if (m_options.header != CsvOptions::Header::Yes)
        first = peekRecords();
    if (m_options.header == CsvOptions::Header::Auto) {
        first.erase(first.begin(), first.begin() + qsizetype(skipPreamble(first)));
        header = detectHeader(first);
    }
    if (hasError())
        return false;
    // Without a header, a record's width is the one most of the first records have (the
    // narrower of two as common): so a first record that a CR alone joined to the next is
    // read as the two it is, as a later one is.
    if (!header && !first.empty()) {
        std::map<std::size_t, int> widths;
        for (const Peeked &record : first)
            ++widths[record.fields.size()];
        const auto common =
            std::max_element(widths.begin(), widths.end(),
                             [](const auto &x, const auto &y) { return x.second < y.second; });
        m_expectedFields = int(common->first);
    }
    if (header) {
        if (nextRecord()) {
            m_hasHeader = true;
            m_header.reserve(m_count);
            for (int i = 0; i < m_count; ++i)
                m_header.append(m_fields[i].trimmed());
            m_expectedFields = m_count;
        }
        m_count = 0;
        if (hasError())
            return false;
        skipHxlRow();
    }
    return true;
}

namespace {
// An HXL hashtag with its attributes: "#geo+lat", "#adm1 +name".
bool isHxlTag(QByteArrayView field)
{
    const QByteArrayView t = trimmedView(field);
    if (t.size() < 2 || t[0] != '#' || !std::isalpha(uchar(t[1])))
        return false;
    for (const char c : t) {
        if (!(std::isalnum(uchar(c)) || c == '#' || c == '+' || c == '_' || c == ' '))
            return false;
    }
    return true;
}
} // namespace

void CsvReader::skipHxlRow()
{
    // Humanitarian data sets carry a row of HXL hashtags below the header: it names the
    // columns, and is no event.
    const std::vector<Peeked> next = peekRecords();
    if (next.empty())
        return;
    const Peeked &row = next.front();
    int tags = 0;
    for (const QByteArray &field : row.fields) {
        if (trimmedView(field).isEmpty())
            continue;
        if (!isHxlTag(field))
            return;
        ++tags;
    }
    if (tags < 2)
        return;
    for (const QByteArray &field : row.fields)
        m_hxlTags.append(QString::fromLatin1(trimmedView(field)));
    QByteArrayList parts(row.fields.begin(), row.fields.end());
    m_stats.hxlRow = {row.line, QString::fromLatin1(parts.join(m_delimiter))};
    m_pos = row.end;
    m_line = row.endLine;
}

QString CsvReader::noted(int column) const
{
    constexpr qsizetype kShown = 200;
    return column >= 1 && column <= m_count ? m_fields[column - 1].left(kShown) : QString();
}

void CsvReader::crToLf(qsizetype from, qsizetype to)
{
    char *const data = m_buf.data();
    std::replace(data + from, data + to, '\r', '\n');
}

bool CsvReader::fillBuffer()
{
    if (m_eof)
        return false;
    if (m_pos > 0) {
        std::memmove(m_buf.data(), m_buf.constData() + m_pos, std::size_t(m_end - m_pos));
        m_end -= m_pos;
        m_pos = 0;
    }
    // Grow geometrically so that a long record is not re-parsed once per chunk.
    const qsizetype want = std::max(kChunk, m_end);
    for (;;) {
        const qsizetype before = m_end;
        qint64 n;
        if (m_bom == Bom::Utf16Le || m_bom == Bom::Utf16Be) {
            m_raw.resize(want);
            n = m_device->read(m_raw.data(), want);
            if (n > 0) {
                const QString text = m_utf16.decode(QByteArrayView(m_raw.constData(), n));
                const QByteArray utf8 = text.toUtf8();
                if (m_buf.size() < m_end + utf8.size())
                    m_buf.resize(m_end + utf8.size());
                std::memcpy(m_buf.data() + m_end, utf8.constData(), std::size_t(utf8.size()));
                m_end += utf8.size();
            }
        } else {
            if (m_buf.size() < m_end + want)
                m_buf.resize(m_end + want);
            n = m_device->read(m_buf.data() + m_end, want);
            if (n > 0)
                m_end += n;
        }
        if (n < 0) {
            setError(m_line, 0, QStringLiteral("read error: %1").arg(m_device->errorString()));
            return false;
        }
        if (n > 0) {
            m_bytesRead += n;
            if (m_crLines)
                crToLf(before, m_end);
            return true;
        }
        if (m_device->isSequential() && m_device->waitForReadyRead(30000))
            continue;
        m_eof = true;
        // Ctrl-Z ended text files under DOS, and old Windows programs still write one last.
        while (m_end > m_pos && m_buf[m_end - 1] == '\x1A')
            --m_end;
        return false;
    }
}

CsvReader::Parse CsvReader::parseRecord()
{
    for (;;) {
        const Parse parse = parseOnce();
        if (parse != Parse::Retry)
            return parse;
    }
}

CsvReader::Parse CsvReader::parseOnce()
{
    const char *const base = m_buf.constData();
    const char *const end = base + m_end;
    const char *p = base + m_pos;

    // Blank lines (LF or CRLF alone) are skipped; their lines still count.
    for (;;) {
        if (p == end) {
            m_pos = p - base;
            return m_eof ? Parse::End : Parse::NeedMore;
        }
        if (*p == '\n') {
            ++p;
            ++m_line;
            continue;
        }
        if (*p == '\r') {
            if (p + 1 == end) {
                if (m_eof) {
                    ++p;
                    continue;
                }
                m_pos = p - base;
                return Parse::NeedMore;
            }
            if (p[1] == '\n') {
                p += 2;
                ++m_line;
                continue;
            }
        }
        break;
    }
    m_pos = p - base;
    const char *const recordStart = p;
    const qint64 startLine = m_line;
    qint64 lines = 0;
    m_spans.clear();

    const std::array<bool, 256> &stop = m_stop;
    // The CRs outside quotes not followed by LF, read as data.
    m_bareCrs.clear();
    std::vector<const char *> &bareCrs = m_bareCrs;

    const auto needMore = [&](const char *fieldStart, bool quoted) {
        // A quoted field's two quotes are not part of its length.
        if (end - fieldStart - (quoted ? 2 : 0) > m_options.maxFieldBytes) {
            setError(
                startLine + lines, int(m_spans.size()) + 1,
                quoted ? QStringLiteral("quoted field longer than %1 bytes (unterminated "
                                        "quote?)")
                             .arg(m_options.maxFieldBytes)
                       : QStringLiteral("field longer than %1 bytes").arg(m_options.maxFieldBytes));
            return Parse::Error;
        }
        if (end - recordStart > m_options.maxRecordBytes) {
            setError(startLine, 0,
                     QStringLiteral("record longer than %1 bytes").arg(m_options.maxRecordBytes));
            return Parse::Error;
        }
        return Parse::NeedMore;
    };

    // Scans an unquoted stretch from q; nullptr when more input is needed.
#if defined(__SSE2__)
    const __m128i delimiters = _mm_set1_epi8(m_delimiter);
    const __m128i lineFeeds = _mm_set1_epi8('\n');
    const __m128i returns = _mm_set1_epi8('\r');
#endif
    // The first byte from q on that ends an unquoted stretch, or end: sixteen bytes at a
    // time where the CPU can: a third fewer instructions to split a record.
    const auto findStop = [&](const char *q) {
#if defined(__SSE2__)
        for (; end - q >= 16; q += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(q));
            const __m128i hits = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, delimiters), _mm_cmpeq_epi8(v, lineFeeds)),
                _mm_cmpeq_epi8(v, returns));
            if (const int mask = _mm_movemask_epi8(hits))
                return q + std::countr_zero(unsigned(mask));
        }
#endif
        while (q < end && !stop[uchar(*q)])
            ++q;
        return q;
    };
    const auto scanUnquoted = [&](const char *q) -> const char * {
        for (;;) {
            q = findStop(q);
            if (q == end)
                return m_eof ? q : nullptr;
            if (*q != '\r')
                return q;
            if (q + 1 == end)
                return m_eof ? q : nullptr;
            if (q[1] == '\n' || q - recordStart == m_crEndAt)
                return q;
            bareCrs.push_back(q);
            ++q; // a bare CR is data
        }
    };

    for (;;) {
        const char *const fieldStart = p;
        Span span{};
        const qsizetype fieldOffset = fieldStart - recordStart;
        if (p < end && *p == '"' &&
            std::find(m_quotesAsData.begin(), m_quotesAsData.end(), fieldOffset) ==
                m_quotesAsData.end()) {
            const qint64 fieldLine = startLine + lines;
            // A quote that never closes (by the end of the file, or within a field's longest)
            // is taken for a stray one, as typed by hand: the record is read again with it
            // as data, and that is told, instead of the rest of the file being one field.
            const auto quoteAsData = [&] {
                if (m_peeking)
                    return Parse::End; // the sample ends before: its quote may close later
                m_quotesAsData.push_back(fieldOffset);
                m_strayQuotes.push_back({fieldLine, int(m_spans.size()) + 1});
                m_pos = recordStart - base;
                return Parse::Retry;
            };
            const auto tooLong = [&] {
                return end - fieldStart - 2 > m_options.maxFieldBytes;
            };
            span.quoted = true;
            const char *q = p + 1;
            const char *closing;
            for (;;) {
                const auto *hit =
                    static_cast<const char *>(std::memchr(q, '"', std::size_t(end - q)));
                if (!hit) {
                    if (m_eof || tooLong())
                        return quoteAsData();
                    return needMore(fieldStart, true);
                }
                lines += std::count(q, hit, '\n');
                if (hit + 1 == end && !m_eof)
                    return tooLong() ? quoteAsData() : needMore(fieldStart, true);
                if (hit + 1 < end && hit[1] == '"') {
                    span.complex = true;
                    q = hit + 2;
                    continue;
                }
                closing = hit;
                break;
            }
            span.begin = (p + 1) - base;
            p = closing + 1;
            const char *tail = scanUnquoted(p);
            if (!tail)
                return tooLong() ? quoteAsData() : needMore(fieldStart, true);
            // Text after a closing quote on a later line means the opening quote was stray and
            // this "closing" one opened a later field: read as pairs, every quote after it
            // would be out of step. (Spaces after a closing quote are only untidy.)
            if (tail != p && startLine + lines != fieldLine &&
                std::any_of(p, tail, [](char c) { return c != ' ' && c != '\t'; }))
                return quoteAsData();
            if (tail != p) {
                span.complex = true;
                span.trailing = true;
                span.end = tail - base;
            } else {
                span.end = closing - base;
            }
            p = tail;
        } else {
            const char *q = scanUnquoted(p);
            if (!q)
                return needMore(fieldStart, false);
            span.begin = p - base;
            span.end = q - base;
            p = q;
        }
        if (span.end - span.begin > m_options.maxFieldBytes) {
            setError(startLine + lines, int(m_spans.size()) + 1,
                     QStringLiteral("field longer than %1 bytes").arg(m_options.maxFieldBytes));
            return Parse::Error;
        }
        m_spans.push_back(span);

        if (p == end)
            break;
        if (*p == m_delimiter) {
            ++p;
            continue;
        }
        if (*p == '\n') {
            ++p;
            ++lines;
            break;
        }
        // CR: CRLF, a CR that ends the file, or one read as a line's end (below).
        if (p + 1 < end && p[1] == '\n') {
            p += 2;
            ++lines;
        } else {
            ++p;
            lines += p - 1 - recordStart == m_crEndAt ? 1 : 0;
        }
        break;
    }
    // Lines ending in LF or CRLF, and among them some in CR alone (files joined, or lines
    // added on an older Mac): a record that runs on past a bare CR into as many more fields as
    // whole records would make, where the fields before that CR are exactly a record's, is
    // two records (or more: the rest is read the same way). A record's width is the header's,
    // or without one the most common among the first records' (see start()). Anywhere else a
    // bare CR stays data, as real exports hold them inside unquoted fields.
    const auto fields = qsizetype(m_spans.size());
    if (!bareCrs.empty() && m_crEndAt < 0 && m_expectedFields >= 2 && fields > m_expectedFields &&
        (fields - m_expectedFields) % (m_expectedFields - 1) == 0) {
        const Span &last = m_spans[std::size_t(m_expectedFields - 1)];
        for (const char *cr : bareCrs) {
            if (cr - base >= last.begin && cr - base <= last.end) {
                m_crEndAt = cr - recordStart;
                m_pos = recordStart - base;
                return Parse::Retry;
            }
        }
    }
    if (p - recordStart > m_options.maxRecordBytes) {
        setError(startLine, 0,
                 QStringLiteral("record longer than %1 bytes").arg(m_options.maxRecordBytes));
        return Parse::Error;
    }
    m_pos = p - base;
    m_recordLine = startLine;
    m_line = startLine + lines;
    // One look for NULs a record, rather than one a field.
    m_recordHasNul = std::memchr(recordStart, 0, std::size_t(p - recordStart)) != nullptr;
    return Parse::Record;
}

bool CsvReader::nextRecord()
{
    for (;;) {
        switch (parseRecord()) {
        case Parse::Record:
            m_quotesAsData.clear();
            if (m_crEndAt >= 0) {
                m_crEndAt = -1;
                if (m_stats.crLineEnds.size() < CsvStats::kMaxRepairPositions)
                    m_stats.crLineEnds.append(m_recordLine);
                ++m_stats.crLineEndCount;
            }
            decodeFields();
            for (const CsvPosition &at : std::as_const(m_strayQuotes)) {
                if (m_stats.strayQuotes.size() < CsvStats::kMaxRepairPositions)
                    m_stats.strayQuotes.append({at.line, at.column, noted(at.column)});
            }
            m_stats.strayQuoteCount += qint64(m_strayQuotes.size());
            m_strayQuotes.clear();
            return true;
        case Parse::End:
        case Parse::Error:
            m_count = 0;
            return false;
        case Parse::NeedMore:
            if (!fillBuffer() && hasError()) {
                m_count = 0;
                return false;
            }
            break;
        case Parse::Retry: // parseRecord() retries itself
            break;
        }
    }
}

bool CsvReader::isHeaderAgain() const
{
    if (!m_hasHeader || m_count != m_header.size())
        return false;
    for (int i = 0; i < m_count; ++i) {
        QStringView field = QStringView(m_fields[i]).trimmed();
        if (i == 0 && field.startsWith(u'\uFEFF')) // each joined file's byte-order mark
            field = field.sliced(1);
        if (field != m_header[i])
            return false;
    }
    return true;
}

bool CsvReader::readRecord()
{
    if (!m_device || hasError())
        return false;
    for (;;) {
        if (!nextRecord())
            return false;
        if (!isHeaderAgain())
            break;
        // Files joined one after the other repeat their header: it is left out, and told.
        if (m_stats.repeatedHeaders.size() < CsvStats::kMaxRepairPositions)
            m_stats.repeatedHeaders.append(m_recordLine);
        ++m_stats.repeatedHeaderCount;
    }
    ++m_stats.records;
    if (!m_hasHeader && m_expectedFields == 0)
        m_expectedFields = m_count;
    return true;
}

QString CsvReader::location(int i) const
{
    return QStringLiteral("%1:%2:%3").arg(m_name).arg(m_recordLine).arg(i + 1);
}

QByteArrayView CsvReader::unescape(const Span &span, QByteArray &out) const
{
    const char *data = m_buf.constData() + span.begin;
    const qsizetype size = span.end - span.begin;
    if (!span.complex)
        return QByteArrayView(data, size);
    if (out.size() < size)
        out.resize(size);
    char *o = out.data();
    const char *s = data;
    const char *const e = data + size;
    while (s < e) {
        if (*s == '"') {
            if (s + 1 < e && s[1] == '"') {
                *o++ = '"';
                s += 2;
                continue;
            }
            ++s; // the closing quote; what follows is kept as it is
            break;
        }
        *o++ = *s++;
    }
    while (s < e)
        *o++ = *s++;
    return QByteArrayView(out.constData(), o - out.constData());
}

namespace {
// Writes the n bytes at s to o as UTF-16 code units; false when one of them is not ASCII
// (o then holds them widened as Latin-1). Most fields are a few bytes to a few dozen: eight
// at a time, the last eight overlapping the ones before, rather than a loop per byte.
bool widenAscii(const uchar *s, qsizetype n, char16_t *o)
{
#if defined(__SSE2__)
    if (n >= 8) {
        const __m128i zero = _mm_setzero_si128();
        int high = 0;
        const auto eight = [&](qsizetype i) {
            const __m128i v = _mm_loadl_epi64(reinterpret_cast<const __m128i *>(s + i));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(o + i), _mm_unpacklo_epi8(v, zero));
            high |= _mm_movemask_epi8(v) & 0xff;
        };
        for (qsizetype i = 0; i + 8 <= n; i += 8)
            eight(i);
        if (n % 8 != 0)
            eight(n - 8);
        return high == 0;
    }
#endif
    uchar seen = 0;
    for (qsizetype i = 0; i < n; ++i) {
        o[i] = s[i];
        seen |= s[i];
    }
    return seen < 0x80;
}

// Sets `out` to the bytes when they are ASCII, as most fields are; otherwise leaves it
// sized for them and returns false (CsvReader::decodeField() then decodes them).
inline bool setAsciiField(QString &out, QByteArrayView bytes)
{
    const qsizetype n = bytes.size();
    // Most files leave many fields empty: an empty field needs no memory of its own.
    if (n == 0) {
        if (!out.isDetached())
            out = QString();
        else if (!out.isEmpty())
            out.resize(0);
        return true;
    }
    // A string an earlier record's event still holds is made anew, not copied to be
    // written over. Many fields have the length they had in the last record: a date, a
    // code, a count.
    if (!out.isDetached())
        out = QString(n, Qt::Uninitialized);
    else if (out.size() != n)
        out.resize(n);
    return widenAscii(reinterpret_cast<const uchar *>(bytes.data()), n,
                      reinterpret_cast<char16_t *>(out.data()));
}
} // namespace

void CsvReader::decodeFields()
{
    m_count = int(m_spans.size());
    while (m_fields.size() < m_count)
        m_fields.append(QString());
    if (m_missing.size() < m_spans.size()) {
        m_missing.resize(m_spans.size());
        m_quoted.resize(m_spans.size());
    }
    // Taken once: indexing the list would ask whether to detach it at every field.
    QString *const fields = m_fields.data();
    for (int i = 0; i < m_count; ++i) {
        const Span &span = m_spans[std::size_t(i)];
        QByteArrayView bytes = span.complex
            ? unescape(span, m_scratch)
            : QByteArrayView(m_buf.constData() + span.begin, span.end - span.begin);
        // Spreadsheets keep a date or leading zeros as typed by writing a formula: ="007".
        if (bytes.size() >= 3 && bytes[0] == '=' && bytes[1] == '"' && bytes.back() == '"' &&
            !bytes.sliced(2, bytes.size() - 3).contains('"'))
            bytes = bytes.sliced(2, bytes.size() - 3);
        const bool nul = m_recordHasNul && bytes.contains('\0');
        if (nul) {
            m_nulScratch.resize(bytes.size());
            char *const out = m_nulScratch.data();
            bytes =
                QByteArrayView(out, std::remove_copy(bytes.begin(), bytes.end(), out, '\0') - out);
        }
        QString &text = fields[i];
        if (!setAsciiField(text, bytes))
            decodeField(text, bytes, i + 1);
        if (nul) {
            ++m_stats.nulFieldCount;
            if (m_stats.nulRemoved.size() < CsvStats::kMaxRepairPositions)
                m_stats.nulRemoved.append({m_recordLine, i + 1, text.left(200)});
        }
        if (span.trailing) {
            addWarning(m_recordLine, i + 1,
                       QStringLiteral("text after the closing quote was kept in the field"));
            if (m_stats.trailingText.size() < CsvStats::kMaxRepairPositions)
                m_stats.trailingText.append({m_recordLine, i + 1, noted(i + 1)});
        }
        m_quoted[std::size_t(i)] = span.quoted;

        bool missing = false;
        const QStringView view = text; // read as a view: no question of detaching
        // A field longer than every token, with nothing to trim at either end, is none.
        if (view.size() > m_maxTokenLength && !view.front().isSpace() && !view.back().isSpace()) {
            m_missing[std::size_t(i)] = false;
            continue;
        }
        // Most short fields ("0", "TX", "") have nothing to trim either.
        const bool padded = !view.isEmpty() && (view.front().isSpace() || view.back().isSpace());
        const QStringView trimmed = padded ? view.trimmed() : view;
        if (trimmed.isEmpty()) {
            missing = m_emptyIsMissing;
        } else if (trimmed.size() <= m_maxTokenLength &&
                   m_tokenStarts[std::min<std::size_t>(trimmed.front().unicode(), 127)]) {
            // Most short fields ("0", "TX") start as no token does, and are not compared.
            for (const QString &token : std::as_const(m_tokens)) {
                if (trimmed.size() == token.size() &&
                    std::equal(trimmed.begin(), trimmed.end(), token.begin())) {
                    missing = true;
                    break;
                }
            }
        }
        m_missing[std::size_t(i)] = missing;
    }
}

void CsvReader::decodeField(QString &out, QByteArrayView bytes, int column)
{
    const auto *s = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype n = bytes.size();
    auto *o = reinterpret_cast<char16_t *>(out.data());

    const bool forced1252 =
        m_bom == Bom::None && m_options.encoding == CsvOptions::Encoding::Windows1252;
    bool latin = false;
    const qsizetype units = forced1252 ? -1 : decodeUtf8(s, n, o, &latin);
    if (units >= 0) {
        out.resize(units);
        if (m_bom == Bom::None && ++m_utf8Fields == 1)
            updateEncoding();
        if (latin && m_options.repairMojibake)
            repairMojibake(out, column);
        return;
    }
    // The person decides, or a UTF-16 file's mark: bytes that are not UTF-8 become U+FFFD.
    if (m_options.encoding == CsvOptions::Encoding::Utf8 ||
        (m_bom != Bom::None && m_bom != Bom::Utf8)) {
        out = QString::fromUtf8(bytes);
        return;
    }
    for (qsizetype i = 0; i < n; ++i)
        o[i] = s[i] >= 0x80 && s[i] < 0xA0 ? kCp1252High[s[i] - 0x80] : char16_t(s[i]);
    if (m_bom == Bom::Utf8) {
        // The mark says UTF-8, the bytes do not: read as the older files they likely came
        // from, and said where, rather than lost to U+FFFD.
        if (m_stats.notUtf8.size() < CsvStats::kMaxRepairPositions)
            m_stats.notUtf8.append({m_recordLine, column, out});
        return;
    }
    if (++m_stats.cp1252Fields == 1)
        updateEncoding();
}

void CsvReader::repairMojibake(QString &text, int column)
{
    bool repaired = false;
    for (int round = 0; round < kMaxRepairRounds; ++round) {
        // Back to the bytes the text would have been read from as Windows-1252/Latin-1.
        const qsizetype n = text.size();
        m_repairBytes.resize(n);
        auto *b = reinterpret_cast<uchar *>(m_repairBytes.data());
        const char16_t *t = reinterpret_cast<const char16_t *>(text.constData());
        for (qsizetype i = 0; i < n; ++i) {
            const char16_t c = t[i];
            if (c <= 0xFF) {
                b[i] = uchar(c);
            } else {
                b[i] = cp1252Byte(c);
                if (b[i] == 0) {
                    finishRepair(repaired, column);
                    return;
                }
            }
        }
        m_repairText.resize(n);
        bool latin = false;
        const qsizetype units =
            decodeUtf8(b, n, reinterpret_cast<char16_t *>(m_repairText.data()), &latin);
        // Valid UTF-8 with non-ASCII (b holds a byte >= 0x80 since text had a non-ASCII
        // character) is always shorter than the UTF-8 it came from.
        if (units < 0)
            break;
        m_repairText.resize(units);
        text.swap(m_repairText);
        repaired = true;
        if (!latin)
            break;
    }
    finishRepair(repaired, column);
}

void CsvReader::finishRepair(bool repaired, int column)
{
    if (!repaired)
        return;
    ++m_stats.repairedFields;
    if (m_stats.repairs.size() < CsvStats::kMaxRepairPositions)
        m_stats.repairs.append(CsvPosition{m_recordLine, column});
}

void CsvReader::sniffDelimiter(QByteArrayView sample, bool complete)
{
    static constexpr std::array<char, 4> kCandidates = {',', '\t', ';', '|'};
    std::vector<std::array<int, 4>> lines;
    std::array<int, 4> current{};
    bool inQuote = false;
    bool fieldStart = true;
    bool lineEmpty = true;
    for (qsizetype i = 0; i < sample.size(); ++i) {
        const char c = sample[i];
        if (inQuote) {
            if (c == '"') {
                if (i + 1 < sample.size() && sample[i + 1] == '"')
                    ++i;
                else
                    inQuote = false;
            }
            continue;
        }
        if (c == '\n') {
            if (!lineEmpty)
                lines.push_back(current);
            current = {};
            lineEmpty = true;
            fieldStart = true;
            if (lines.size() >= std::size_t(kSniffLines))
                break;
            continue;
        }
        if (c == '\r')
            continue;
        lineEmpty = false;
        if (c == '"' && fieldStart) {
            inQuote = true;
            fieldStart = false;
            continue;
        }
        if (c == ' ')
            continue;
        const auto *found = std::find(kCandidates.begin(), kCandidates.end(), c);
        if (found != kCandidates.end()) {
            ++current[std::size_t(found - kCandidates.begin())];
            fieldStart = true;
        } else {
            fieldStart = false;
        }
    }
    if (!lineEmpty && (complete || lines.empty()))
        lines.push_back(current);

    m_delimiter = ',';
    double bestShare = 0;
    int bestFields = 0;
    for (std::size_t k = 0; k < kCandidates.size(); ++k) {
        std::map<int, int> frequency;
        for (const auto &line : lines)
            ++frequency[line[k] + 1];
        int fields = 0;
        int count = 0;
        for (const auto &[f, c] : frequency) {
            if (c >= count) { // ties go to the larger field count
                fields = f;
                count = c;
            }
        }
        if (fields < 2)
            continue;
        // Lines with more fields count too: spreadsheets end some rows with empty cells.
        count = 0;
        for (const auto &line : lines)
            count += line[k] + 1 >= fields;
        const double share = double(count) / double(lines.size());
        if (share > bestShare + 1e-9 || (share > bestShare - 1e-9 && fields > bestFields)) {
            bestShare = share;
            bestFields = fields;
            m_delimiter = kCandidates[k];
        }
    }
}

std::vector<CsvReader::Peeked> CsvReader::peekRecords()
{
    // Parse the first records of the buffer without consuming them.
    const qsizetype pos = m_pos;
    const qint64 line = m_line;
    const bool eof = m_eof;
    std::vector<Peeked> records;
    QByteArray scratch;
    // Pretend the input ends where the buffer ends, so that nothing is read here; a
    // last record cut by the buffer end is dropped below unless it is the only one.
    m_eof = true;
    m_peeking = true;
    while (records.size() < std::size_t(kHeaderSampleRecords)) {
        const qsizetype before = m_pos;
        if (parseRecord() != Parse::Record)
            break;
        if (!eof && m_pos == m_end && records.size() > 0 && before != m_pos)
            break;
        Peeked record{{}, m_recordLine, m_pos, m_line};
        record.fields.reserve(m_spans.size());
        for (const Span &span : m_spans)
            record.fields.push_back(unescape(span, scratch).toByteArray());
        records.push_back(std::move(record));
    }
    m_pos = pos;
    m_line = line;
    m_eof = eof;
    m_peeking = false;
    m_error.clear();
    m_spans.clear();
    return records;
}

std::size_t CsvReader::skipPreamble(const std::vector<Peeked> &records)
{
    // Lists kept by hand often start with a title or a note above the header ("Protests in
    // Oregon, compiled by …"): a line or a few with far fewer fields than every line after
    // them. They are left out, and told (stats().preamble), rather than read as the header.
    constexpr std::size_t kMaxPreamble = 10;
    std::size_t lead = 0;
    while (lead < records.size() && lead < kMaxPreamble &&
           records[lead].fields.size() * 2 <= records.back().fields.size())
        ++lead;
    if (lead == 0 || lead == records.size())
        return 0;
    // The rest must agree on their width, or the short lines may be the file's own shape.
    const std::size_t width = records[lead].fields.size();
    if (width < 4)
        return 0;
    for (std::size_t r = lead; r < records.size(); ++r) {
        if (records[r].fields.size() != width)
            return 0;
    }
    for (std::size_t r = 0; r < lead; ++r) {
        QByteArrayList parts(records[r].fields.begin(), records[r].fields.end());
        m_stats.preamble.append({records[r].line, QString::fromUtf8(parts.join(m_delimiter))});
    }
    m_pos = records[lead - 1].end;
    m_line = records[lead - 1].endLine;
    return lead;
}

bool CsvReader::detectHeader(const std::vector<Peeked> &records)
{
    if (records.empty())
        return false;

    const auto kind = [this](QByteArrayView raw) {
        const QByteArrayView v = trimmedView(raw);
        if (v.isEmpty())
            return Kind::Empty;
        for (const QByteArray &token : std::as_const(m_tokenBytes)) {
            if (v == token)
                return Kind::Missing;
        }
        if (looksNumeric(v))
            return Kind::Numeric;
        if (looksLikeDate(v))
            return Kind::Date;
        if (looksLikeWord(v))
            return Kind::Word;
        return Kind::Text;
    };

    // Spreadsheets write empty names for trailing or index columns, and repeat names
    // ("source, source"): neither says the line is data. A number or a date does.
    const std::vector<QByteArray> &first = records.front().fields;
    bool allWords = true;
    std::size_t named = 0;
    for (std::size_t i = 0; i < first.size(); ++i) {
        const Kind k = kind(first[i]);
        if (k == Kind::Empty)
            continue;
        if (k == Kind::Missing || k == Kind::Numeric || k == Kind::Date)
            return false;
        ++named;
        if (k != Kind::Word)
            allWords = false;
    }
    if (named == 0 || (first.size() > 1 && named < 2))
        return false;
    if (records.size() == 1)
        return allWords;
    bool differs = false;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const std::vector<QByteArray> &record = records[r].fields;
        for (std::size_t i = 0; i < record.size() && i < first.size(); ++i) {
            const Kind k = kind(record[i]);
            if (k == Kind::Numeric || k == Kind::Date)
                return true;
            if (k != Kind::Word)
                differs = true;
        }
    }
    return allWords && differs;
}

void CsvReader::addWarning(qint64 line, int column, const QString &message)
{
    ++m_warningCount;
    if (m_warnings.size() < kMaxWarnings)
        m_warnings.append(
            QStringLiteral("%1:%2:%3: %4").arg(m_name).arg(line).arg(column).arg(message));
}

void CsvReader::setError(qint64 line, int column, const QString &message)
{
    if (column > 0)
        m_error = QStringLiteral("%1:%2:%3: %4").arg(m_name).arg(line).arg(column).arg(message);
    else if (line > 0)
        m_error = QStringLiteral("%1:%2: %3").arg(m_name).arg(line).arg(message);
    else
        m_error = QStringLiteral("%1: %2").arg(m_name, message);
}

void CsvReader::updateEncoding()
{
    switch (m_bom) {
    case Bom::Utf8:
        m_stats.encoding = QStringLiteral("UTF-8 (BOM)");
        return;
    case Bom::Utf16Le:
        m_stats.encoding = QStringLiteral("UTF-16LE");
        return;
    case Bom::Utf16Be:
        m_stats.encoding = QStringLiteral("UTF-16BE");
        return;
    case Bom::None:
        break;
    }
    if (m_stats.cp1252Fields == 0)
        m_stats.encoding = QStringLiteral("UTF-8");
    else if (m_utf8Fields == 0)
        m_stats.encoding = QStringLiteral("Windows-1252");
    else
        m_stats.encoding = QStringLiteral("mixed UTF-8/Windows-1252");
}

} // namespace placard::io
