// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QChar>
#include <QList>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

class QIODevice;
class QFile;

namespace placard::io {

/// How a CsvReader reads a file. The defaults suit messy real-world event lists.
struct CsvOptions {
    /// How the first record is treated.
    enum class Header {
        Auto, ///< decided by a heuristic on the first records (see CsvReader)
        Yes, ///< the first record is the header
        No, ///< there is no header: the first record is data
    };

    /// The field delimiter, an ASCII character other than '"', CR and LF; a null QChar
    /// means "sniff among ',', ';', tab and '|'".
    QChar delimiter = QChar();
    Header header = Header::Auto;
    /// How bytes that are not ASCII are read when the file has no byte-order mark.
    enum class Encoding {
        Auto, ///< UTF-8 where a field is valid UTF-8, else Windows-1252, field by field
        Utf8, ///< always UTF-8; invalid bytes become U+FFFD
        Windows1252, ///< always Windows-1252
    };
    Encoding encoding = Encoding::Auto;
    /// A field equal to one of these after trimming white space is missing.
    QStringList missingTokens = defaultMissingTokens();
    /// Undo double-encoded UTF-8 ("DoÃ±a Ana" becomes "Doña Ana").
    bool repairMojibake = true;
    /// A field longer than this many bytes is an error.
    qsizetype maxFieldBytes = qsizetype(1) << 20;
    /// A record longer than this many bytes is an error.
    qsizetype maxRecordBytes = qsizetype(16) << 20;

    static QStringList defaultMissingTokens();
};

/// A place in the file: 1-based physical line and 1-based column (field index).
struct CsvPosition {
    qint64 line = 0;
    int column = 0;
    friend bool operator==(const CsvPosition &, const CsvPosition &) = default;
};

/// A field the reader read leniently: where it is, and what it holds (its first 200
/// characters).
struct CsvField {
    qint64 line = 0;
    int column = 0;
    QString text;
    friend bool operator==(const CsvField &, const CsvField &) = default;
};

/// What a CsvReader saw so far; final once readRecord() returned false.
struct CsvStats {
    qint64 records = 0; ///< data records returned (the header is not counted)
    qint64 cp1252Fields = 0; ///< fields that were not UTF-8 and were read as Windows-1252
    qint64 repairedFields = 0; ///< fields whose double-encoded UTF-8 was repaired
    /// "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "UTF-8", "Windows-1252" or
    /// "mixed UTF-8/Windows-1252" (a file that is pure ASCII says "UTF-8").
    QString encoding;
    /// Where the first kMaxRepairPositions repaired fields are.
    QList<CsvPosition> repairs;
    /// Quoted fields with text after their closing quote (kept in the field): the first
    /// kMaxRepairPositions of them.
    QList<CsvField> trailingText;
    /// Fields that begin with a quote that never closes, read with the quote as data: the
    /// first kMaxRepairPositions of them, and how many in all.
    QList<CsvField> strayQuotes;
    qint64 strayQuoteCount = 0;
    /// Fields that are not UTF-8 in a file that begins with UTF-8's byte-order mark, read as
    /// Windows-1252 (an editor added the mark to an older file): the first
    /// kMaxRepairPositions of them.
    QList<CsvField> notUtf8;
    /// Fields that held NUL characters, which were left out: the first kMaxRepairPositions
    /// of them, and how many in all. A NUL is no text: a damaged file, or one written by a
    /// program that pads with them; and SQLite compares text only up to one.
    QList<CsvField> nulRemoved;
    qint64 nulFieldCount = 0;
    /// Lines before the header that were left out (a title, a note), with their text.
    struct Skipped {
        qint64 line = 0;
        QString text;
    };
    QList<Skipped> preamble;
    /// The HXL hashtag row below the header ("#date,#adm1+name,#geo+lat"), left out of the
    /// records; line 0 when there is none.
    Skipped hxlRow;
    /// Lines that repeat the header (files joined one after the other), left out of the
    /// records: the first kMaxRepairPositions of them, and how many in all.
    QList<qint64> repeatedHeaders;
    qint64 repeatedHeaderCount = 0;
    /// Records that ended in a CR alone in a file whose lines end in LF (or CRLF), found by
    /// their running on into too many fields: the lines of the first kMaxRepairPositions of
    /// them, and how many in all.
    QList<qint64> crLineEnds;
    qint64 crLineEndCount = 0;

    static constexpr qsizetype kMaxRepairPositions = 1000;
};

/// A streaming, constant-memory CSV reader (RFC 4180, leniently).
///
/// The reader holds one chunk of the input plus the current record, never the whole file:
/// memory is bounded by CsvOptions::maxRecordBytes whatever the file size. It is not
/// thread-safe: use one instance from one thread at a time. It owns the QFile it opens by
/// path; a QIODevice passed to open() stays the caller's and must outlive the reading.
///
/// Decoding: a BOM (UTF-8, UTF-16LE, UTF-16BE) decides the encoding of the whole file.
/// Without one, each field is decoded on its own: as UTF-8 when it is valid UTF-8,
/// otherwise as Windows-1252, whose five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D)
/// become the C1 controls of the same number, as the WHATWG encoding standard and
/// Windows do (lossless, and double-encoded text containing them can still be repaired).
///
/// Header detection (Header::Auto), on the first 50 records (at most 1 MiB): the first
/// record is a header when its fields are all non-empty, not missing tokens, not
/// numeric, not date-like and unique, and either some later record has a numeric or
/// date-like field, or all header fields look like words/identifiers and some later
/// record has a field that does not (empty, missing, or free text), or it is the only
/// record. Otherwise there is no header.
///
/// Delimiter sniffing, on the first 64 KiB: for each candidate the number of fields of
/// each line (delimiters inside quotes do not count) is taken; the candidate whose most
/// frequent count is at least 2 and covers the largest share of lines wins, ties going to
/// the larger count, then to the order ',', tab, ';', '|'. Nothing usable gives ','.
class CsvReader {
public:
    explicit CsvReader(CsvOptions options = {});
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    /// Opens a file; false, with errorString() naming the file, when it cannot be read.
    bool open(const QString &path);
    /// Reads from a device (opened read-only here if it is not open yet). displayName
    /// is used in error and warning messages.
    bool open(QIODevice *device, const QString &displayName);

    QChar delimiter() const { return QChar(QLatin1Char(m_delimiter)); }
    bool hasHeader() const { return m_hasHeader; }
    QStringList header() const { return m_header; }
    /// The columns' HXL hashtags ("#geo+lat"), from the row of them below the header that
    /// humanitarian data sets carry; empty when there is none.
    QStringList hxlTags() const { return m_hxlTags; }
    /// The header's field count, or (without a header) the one most of the first records
    /// have, 0 if unknown.
    int expectedFieldCount() const { return m_expectedFields; }

    /// Reads the next record; false at the end of input or on an error (see hasError()).
    /// Blank lines are skipped.
    bool readRecord();

    int fieldCount() const { return m_count; }
    /// The decoded text of field i (0-based), also when it is a missing token ("NA").
    const QString &field(int i) const { return m_fields[i]; }
    /// Swaps the record's fields with `into`: the caller takes the texts (fieldCount() of
    /// them; `into` may hold more, spare), and the reader decodes later records into the
    /// caller's strings, so neither allocates again.
    void swapFields(QStringList &into) { m_fields.swap(into); }
    /// Whether field i is empty or a missing token, after trimming white space.
    bool isMissing(int i) const { return m_missing[std::size_t(i)] != 0; }
    /// Whether field i was quoted in the file.
    bool isQuoted(int i) const { return m_quoted[std::size_t(i)] != 0; }
    /// The fields of the current record (a copy).
    QStringList fields() const { return m_fields.mid(0, m_count); }
    /// 1-based physical line where the current record starts.
    qint64 lineNumber() const { return m_recordLine; }
    /// "name:line:column" for field i (0-based) of the current record.
    QString location(int i) const;

    /// Bytes taken from the device so far and its size (-1 when unknown), for progress.
    qint64 bytesRead() const { return m_bytesRead; }
    qint64 totalBytes() const { return m_totalBytes; }
    /// Bytes of the file the records read so far took, about (exactly for UTF-8 and 8-bit
    /// files): what is read but not yet parsed is left out.
    qint64 bytesParsed() const { return std::max<qint64>(0, m_bytesRead - (m_end - m_pos)); }

    bool hasError() const { return !m_error.isEmpty(); }
    /// The error, as "name:line:column: message" (or "name: message").
    QString errorString() const { return m_error; }
    /// Lenient repairs, each "name:line:column: message" (the first 1000).
    QStringList warnings() const { return m_warnings; }
    /// How many warnings there were in all (warnings() keeps the first 1000).
    qint64 warningCount() const { return m_warningCount; }
    const CsvStats &stats() const { return m_stats; }

    static QStringList defaultMissingTokens() { return CsvOptions::defaultMissingTokens(); }

private:
    enum class Parse { Record, End, NeedMore, Error, Retry };
    enum class Bom { None, Utf8, Utf16Le, Utf16Be };
    struct Span {
        qsizetype begin; ///< offset in m_buf of the first content byte
        qsizetype end; ///< offset one past the last content byte
        bool quoted;
        bool complex; ///< quoted with doubled quotes or text after the closing quote
        bool trailing; ///< text after the closing quote
    };

    bool start();
    bool fillBuffer();
    Parse parseRecord();
    Parse parseOnce();
    bool nextRecord();
    void decodeFields();
    /// The current record's field `column` (from 1) as a problem shows it.
    QString noted(int column) const;
    /// Makes the CRs of m_buf's bytes [from, to) LFs (see m_crLines).
    void crToLf(qsizetype from, qsizetype to);
    QByteArrayView unescape(const Span &span, QByteArray &out) const;
    /// Decodes a field that is not ASCII into `out`, already sized for its bytes.
    void decodeField(QString &out, QByteArrayView bytes, int column);
    void repairMojibake(QString &text, int column);
    void finishRepair(bool repaired, int column);
    void sniffDelimiter(QByteArrayView sample, bool complete);
    /// A record parsed ahead, and where the reader stands after it.
    struct Peeked {
        std::vector<QByteArray> fields;
        qint64 line = 0;
        qsizetype end = 0;
        qint64 endLine = 0;
    };
    std::vector<Peeked> peekRecords();
    /// Leaves out the lines above the header (see the .cpp); returns how many of `records`
    /// those were.
    std::size_t skipPreamble(const std::vector<Peeked> &records);
    bool detectHeader(const std::vector<Peeked> &records);
    /// Leaves out the HXL hashtag row below the header, if there is one (m_hxlTags).
    void skipHxlRow();
    /// Whether the record just read repeats the header.
    bool isHeaderAgain() const;
    void addWarning(qint64 line, int column, const QString &message);
    void setError(qint64 line, int column, const QString &message);
    void updateEncoding();

    CsvOptions m_options;
    QList<QByteArray> m_tokenBytes; ///< missing-value tokens, for raw bytes
    QList<QString> m_tokens; ///< the same, for decoded fields
    qsizetype m_maxTokenLength = 0;
    /// The first characters of the tokens (127 for any beyond ASCII).
    std::array<bool, 128> m_tokenStarts{};
    bool m_emptyIsMissing = false;

    std::unique_ptr<QFile> m_file;
    QIODevice *m_device = nullptr;
    QString m_name;
    Bom m_bom = Bom::None;
    QStringDecoder m_utf16;
    QByteArray m_raw; ///< raw bytes read from the device (UTF-16 input only)
    QByteArray m_buf; ///< UTF-8 (or unknown 8-bit) input: m_buf[m_pos, m_end) is unparsed
    qsizetype m_pos = 0;
    qsizetype m_end = 0;
    bool m_eof = false;
    bool m_crLines = false; ///< lines end in CR alone (classic Mac OS): read as LF
    bool m_peeking = false; ///< parsing ahead for the header (peekRecords())
    /// Where, in the record being parsed again, the bare CR that ends it is (from the
    /// record's start); -1 when none does. And the bare CRs of the record being parsed.
    qsizetype m_crEndAt = -1;
    std::vector<const char *> m_bareCrs;
    /// Where, in the record being parsed, an opening quote that never closes was found (from
    /// the record's start), to be read as data; and where those are in the file.
    std::vector<qsizetype> m_quotesAsData;
    std::vector<CsvPosition> m_strayQuotes;
    qint64 m_bytesRead = 0;
    qint64 m_totalBytes = -1;
    qint64 m_line = 1; ///< physical line at m_pos

    char m_delimiter = ',';
    std::array<bool, 256> m_stop{}; ///< bytes that end an unquoted stretch
    bool m_hasHeader = false;
    QStringList m_header;
    QStringList m_hxlTags;
    int m_expectedFields = 0;

    std::vector<Span> m_spans;
    bool m_recordHasNul = false; ///< a NUL byte somewhere in the current record
    QByteArray m_nulScratch;
    qint64 m_recordLine = 0;
    int m_count = 0;
    QList<QString> m_fields;
    std::vector<char> m_missing;
    std::vector<char> m_quoted;
    QByteArray m_scratch;
    QByteArray m_repairBytes;
    QString m_repairText;

    QString m_error;
    QStringList m_warnings;
    qint64 m_warningCount = 0;
    qint64 m_utf8Fields = 0; ///< non-ASCII fields decoded as UTF-8 (no BOM)
    CsvStats m_stats;
};

} // namespace placard::io
