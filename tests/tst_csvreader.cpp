// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvreader.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace placard::io;
using namespace Qt::StringLiterals;

namespace {

using Records = QList<QStringList>;

const QString kName = QStringLiteral("test.csv");

CsvOptions optionsFor(char delimiter, CsvOptions::Header header)
{
    CsvOptions options;
    if (delimiter != 0)
        options.delimiter = QLatin1Char(delimiter);
    options.header = header;
    return options;
}

// Reads every record; lines and missing flags are appended when asked for.
Records readAll(CsvReader &reader, QList<qint64> *lines = nullptr,
                QList<QList<bool>> *missing = nullptr)
{
    Records records;
    while (reader.readRecord()) {
        records.append(reader.fields());
        if (lines)
            lines->append(reader.lineNumber());
        if (missing) {
            QList<bool> flags;
            for (int i = 0; i < reader.fieldCount(); ++i)
                flags.append(reader.isMissing(i));
            missing->append(flags);
        }
    }
    return records;
}

QByteArray utf16(const QString &text, bool littleEndian)
{
    QByteArray out = littleEndian ? QByteArray("\xFF\xFE") : QByteArray("\xFE\xFF");
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const char low = char(u & 0xFF);
        const char high = char(u >> 8);
        if (littleEndian) {
            out.append(low);
            out.append(high);
        } else {
            out.append(high);
            out.append(low);
        }
    }
    return out;
}

QByteArray gdeltLikeLine(int id)
{
    QList<QByteArray> fields;
    fields << QByteArray::number(498084498 + id) << "20150101" << "201501" << "2015"
           << "2015.0027" << "USA" << "UNITED STATES" << "USA" << "" << "" << ""
           << "" << "" << "" << "" << "GOV" << "POLICE" << "USA" << "" << "" << "" << ""
           << "" << "" << "" << "1" << "0141" << "014" << "14" << "1" << "-6.5"
           << QByteArray::number(2 + id) << "1" << "2" << "-3.1" << "3"
           << "Paris, Ile-de-France, France" << "FR" << "FR00" << "" << "48.8667" << "2.33333"
           << "-1456928" << "4" << "Paris, Ile-de-France, France" << "FR" << "FR00" << ""
           << "48.8667" << "2.33333" << "-1456928" << "4" << "Paris, Ile-de-France, France"
           << "FR" << "FR00" << "" << "48.8667" << "2.33333" << "-1456928" << "20150101121500"
           << "http://example.org/news/2015/01/01/protest.html";
    Q_ASSERT(fields.size() == 61);
    return fields.join('\t') + '\n';
}

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void forcedEncoding();
    void parse_data();
    void parse();
    void crLineEndsPastTheFirstChunk();
    void longUnquotedFields();
    void nonAsciiAtEveryPlace();
    void warnings();
    void errors_data();
    void errors();
    void strayQuotes_data();
    void strayQuotes();
    void recordCap();
    void bom_data();
    void bom();
    void utf8MarkOverOlderBytes();
    void nulCharactersLeftOut();
    void utf16AcrossChunks();
    void cp1252_data();
    void cp1252();
    void mixedFile();
    void mojibake_data();
    void mojibake();
    void repairPositions();
    void sniff_data();
    void sniff();
    void header_data();
    void header();
    void preamble_data();
    void preamble();
    void repeatedHeader();
    void hxlRow_data();
    void hxlRow();
    void missing_data();
    void missing();
    void emptyFile();
    void onlyHeader();
    void raggedRecords();
    void crLineEndsAmongLf();
    void acrossChunks();
    void openMissingFile();
    void badDelimiter();
    void progress();
    void realFile();
    void throughput();
};

void TestCsvReader::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Records>("records");
    QTest::addColumn<QList<qint64>>("lines");

    QTest::newRow("simple") << QByteArray("a,b,c\n1,2,3\n")
                            << Records{{u"a"_s, u"b"_s, u"c"_s}, {u"1"_s, u"2"_s, u"3"_s}}
                            << QList<qint64>{1, 2};
    QTest::newRow("quoted") << QByteArray("\"a\",\"b c\",d\n")
                            << Records{{u"a"_s, u"b c"_s, u"d"_s}} << QList<qint64>{1};
    QTest::newRow("doubled quotes")
        << QByteArray("\"say \"\"hi\"\"\",x\n\"\"\"\"\n")
        << Records{{u"say \"hi\""_s, u"x"_s}, {u"\""_s}} << QList<qint64>{1, 2};
    QTest::newRow("delimiter in quotes")
        << QByteArray("\"a,b\",c\n") << Records{{u"a,b"_s, u"c"_s}} << QList<qint64>{1};
    QTest::newRow("newline in quotes")
        << QByteArray("\"line1\nline2\",x\nnext,y\n\"p\n\nq\",z\nlast,w\n")
        << Records{{u"line1\nline2"_s, u"x"_s},
                   {u"next"_s, u"y"_s},
                   {u"p\n\nq"_s, u"z"_s},
                   {u"last"_s, u"w"_s}}
        << QList<qint64>{1, 3, 4, 7};
    QTest::newRow("CRLF in quotes")
        << QByteArray("\"a\r\nb\",c\r\nd,e\r\n") << Records{{u"a\r\nb"_s, u"c"_s}, {u"d"_s, u"e"_s}}
        << QList<qint64>{1, 3};
    QTest::newRow("CRLF") << QByteArray("a,b\r\nc,d\r\n")
                          << Records{{u"a"_s, u"b"_s}, {u"c"_s, u"d"_s}} << QList<qint64>{1, 2};
    QTest::newRow("bare CR in unquoted field")
        << QByteArray("a\rb,c\nd,e\r\n") << Records{{u"a\rb"_s, u"c"_s}, {u"d"_s, u"e"_s}}
        << QList<qint64>{1, 2};
    QTest::newRow("bare CR at field end")
        << QByteArray("a\r,b\n") << Records{{u"a\r"_s, u"b"_s}} << QList<qint64>{1};
    QTest::newRow("bare CR in quoted field")
        << QByteArray("\"a\rb\",c\n") << Records{{u"a\rb"_s, u"c"_s}} << QList<qint64>{1};
    QTest::newRow("quote inside unquoted field")
        << QByteArray("ab\"c,5\" screen\n") << Records{{u"ab\"c"_s, u"5\" screen"_s}}
        << QList<qint64>{1};
    QTest::newRow("text after closing quote")
        << QByteArray("\"abc\"def,g\n\"x\"\"y\"z\"w,v\n")
        << Records{{u"abcdef"_s, u"g"_s}, {u"x\"yz\"w"_s, u"v"_s}} << QList<qint64>{1, 2};
    QTest::newRow("last line without newline")
        << QByteArray("a,b\nc,d") << Records{{u"a"_s, u"b"_s}, {u"c"_s, u"d"_s}}
        << QList<qint64>{1, 2};
    QTest::newRow("last quoted field without newline")
        << QByteArray("a,\"b\"") << Records{{u"a"_s, u"b"_s}} << QList<qint64>{1};
    QTest::newRow("blank lines skipped")
        << QByteArray("\na,b\n\n\r\nc,d\n\n") << Records{{u"a"_s, u"b"_s}, {u"c"_s, u"d"_s}}
        << QList<qint64>{2, 5};
    QTest::newRow("empty fields") << QByteArray(",,\n\"\",x\n")
                                  << Records{{u""_s, u""_s, u""_s}, {u""_s, u"x"_s}}
                                  << QList<qint64>{1, 2};
    QTest::newRow("trailing delimiter")
        << QByteArray("a,\nb,") << Records{{u"a"_s, u""_s}, {u"b"_s, u""_s}} << QList<qint64>{1, 2};
    QTest::newRow("CR at end of file")
        << QByteArray("a,b\r") << Records{{u"a"_s, u"b"_s}} << QList<qint64>{1};
    QTest::newRow("spaces kept") << QByteArray(" a , b \n") << Records{{u" a "_s, u" b "_s}}
                                 << QList<qint64>{1};
    QTest::newRow("Ctrl-Z at end of file")
        << QByteArray("a,b\r\nc,d\r\n\x1A") << Records{{u"a"_s, u"b"_s}, {u"c"_s, u"d"_s}}
        << QList<qint64>{1, 2};
    QTest::newRow("Ctrl-Z after the last field")
        << QByteArray("a,b\nc,d\x1A") << Records{{u"a"_s, u"b"_s}, {u"c"_s, u"d"_s}}
        << QList<qint64>{1, 2};
    QTest::newRow("Ctrl-Z inside is data") << QByteArray("a\x1A"
                                                         "b,c\n")
                                           << Records{{u"a\u001Ab"_s, u"c"_s}} << QList<qint64>{1};
    QTest::newRow("spreadsheet text formula")
        << QByteArray("=\"007\",\"=\"\"2026-01-30\"\"\",=\"\",=\"a\"b\",=1+1\n")
        << Records{{u"007"_s, u"2026-01-30"_s, u""_s, u"=\"a\"b\""_s, u"=1+1"_s}}
        << QList<qint64>{1};
    // "CSV (Macintosh)": no LF anywhere, so every CR ends a line, in quotes too.
    QTest::newRow("CR line ends") << QByteArray("a,b\rc,d\r\re,f")
                                  << Records{{u"a"_s, u"b"_s}, {u"c"_s, u"d"_s}, {u"e"_s, u"f"_s}}
                                  << QList<qint64>{1, 2, 4};
    QTest::newRow("CR line ends, line break in quotes")
        << QByteArray("\"x\ry\",b\rc,d\r") << Records{{u"x\ny"_s, u"b"_s}, {u"c"_s, u"d"_s}}
        << QList<qint64>{1, 3};
}

void TestCsvReader::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(Records, records);
    QFETCH(QList<qint64>, lines);

    QBuffer buffer(&input);
    CsvReader reader(optionsFor(',', CsvOptions::Header::No));
    QVERIFY(reader.open(&buffer, kName));
    QList<qint64> actualLines;
    QCOMPARE(readAll(reader, &actualLines), records);
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(actualLines, lines);
    QCOMPARE(reader.stats().records, qint64(records.size()));
}

void TestCsvReader::crLineEndsPastTheFirstChunk()
{
    // CR-only lines well past the start the reader decides on, and past its buffer's chunks.
    QByteArray input("n,name\r");
    for (int i = 1; i <= 30000; ++i)
        input += QByteArray::number(i) + ",row " + QByteArray::number(i) + "\r";
    QBuffer buffer(&input);
    CsvReader reader(optionsFor(',', CsvOptions::Header::Auto));
    QVERIFY(reader.open(&buffer, kName));
    QList<qint64> lines;
    const Records records = readAll(reader, &lines);
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(reader.header(), QStringList({u"n"_s, u"name"_s}));
    QCOMPARE(records.size(), 30000);
    QCOMPARE(records.front(), QStringList({u"1"_s, u"row 1"_s}));
    QCOMPARE(records.back(), QStringList({u"30000"_s, u"row 30000"_s}));
    QCOMPARE(lines.back(), 30001);
}

void TestCsvReader::longUnquotedFields()
{
    // Fields of 0 to 60 bytes, so that delimiters, line ends and bare CRs (data) fall at
    // every place in and across the sixteen-byte blocks the reader scans; records end in LF
    // or CRLF. Every field reads back as written.
    QRandomGenerator random(20261202);
    const QByteArray letters("abcdefghij ;|.\r");
    Records expected;
    QByteArray input;
    for (int r = 0; r < 400; ++r) {
        QStringList record;
        const int fields = 1 + int(random.bounded(8));
        for (int f = 0; f < fields; ++f) {
            QByteArray field;
            for (int n = int(random.bounded(61)); n > 0; --n)
                field += letters[int(random.bounded(letters.size()))];
            // A CR that ends a field before a line end would be a CRLF: keep it inside.
            while (field.endsWith('\r'))
                field.chop(1);
            if (field.isEmpty())
                field = "x";
            input += (f ? "," : "") + field;
            record << QString::fromLatin1(field);
        }
        input += random.bounded(2) ? "\r\n" : "\n";
        expected << record;
    }
    QBuffer buffer(&input);
    CsvReader reader(optionsFor(',', CsvOptions::Header::No));
    QVERIFY(reader.open(&buffer, kName));
    QCOMPARE(readAll(reader), expected);
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
}

void TestCsvReader::nonAsciiAtEveryPlace()
{
    // ASCII fields are widened eight bytes at a time, the last eight overlapping: a byte
    // beyond ASCII at any place in a field of 1 to 40 bytes sends the field to the decoder,
    // as UTF-8 ("\u00f1", two bytes) or as Windows-1252 ("\u00e9" alone, not UTF-8). The
    // same column changes length from record to record, and is empty between some.
    Records expected;
    QByteArray input;
    const auto add = [&](const QByteArray &bytes, const QString &text) {
        input += QByteArray::number(expected.size()) + ',' + bytes + ",end\n";
        expected << QStringList{QString::number(expected.size()), text, u"end"_s};
    };
    for (int length = 1; length <= 40; ++length) {
        QByteArray ascii;
        for (int i = 0; i < length; ++i)
            ascii += char('a' + i % 26);
        add(ascii, QString::fromLatin1(ascii));
        for (int at = 0; at < length; ++at) {
            QByteArray utf8 = ascii;
            utf8.replace(at, 1, "\xC3\xB1");
            QString text = QString::fromLatin1(ascii);
            text[at] = QChar(0x00f1);
            add(utf8, text);
            QByteArray cp1252 = ascii;
            cp1252[at] = char(0xE9);
            text[at] = QChar(0x00e9);
            add(cp1252, text);
        }
        add(QByteArray(), QString());
    }
    QBuffer buffer(&input);
    CsvReader reader(optionsFor(',', CsvOptions::Header::No));
    QVERIFY(reader.open(&buffer, kName));
    const Records records = readAll(reader);
    QCOMPARE(records.size(), expected.size());
    for (qsizetype i = 0; i < records.size(); ++i)
        QCOMPARE(records.at(i), expected.at(i));
    QCOMPARE(reader.stats().cp1252Fields, 40 * 41 / 2);
    QCOMPARE(reader.stats().encoding, u"mixed UTF-8/Windows-1252"_s);
}

void TestCsvReader::warnings()
{
    QByteArray input("a,b\n\"abc\"def,\"x\"y\n");
    QBuffer buffer(&input);
    CsvReader reader(optionsFor(',', CsvOptions::Header::No));
    QVERIFY(reader.open(&buffer, kName));
    QCOMPARE(readAll(reader), (Records{{u"a"_s, u"b"_s}, {u"abcdef"_s, u"xy"_s}}));
    QCOMPARE(reader.warnings(),
             (QStringList{u"test.csv:2:1: text after the closing quote was kept in the field"_s,
                          u"test.csv:2:2: text after the closing quote was kept in the field"_s}));
    QCOMPARE(reader.location(1), u"test.csv:2:2"_s);
    QCOMPARE(reader.warningCount(), 2);
}

void TestCsvReader::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("goodRecords");
    QTest::addColumn<QString>("error");

    QByteArray longField("x,y\nshort,ok\nz,");
    longField.append(QByteArray((1 << 20) + 10, 'a'));
    longField.append(",end\n");
    QTest::newRow("field over 1 MiB")
        << longField << 2 << u"test.csv:3:2: field longer than 1048576 bytes"_s;

    QByteArray longQuoted("x,y\nz,\"");
    longQuoted.append(QByteArray(3 << 20, 'b'));
    // A quote that never closes is read as data (see strayQuotes), and then the field is
    // still too long.
    QTest::newRow("unterminated quote over 1 MiB")
        << longQuoted << 1 << u"test.csv:2:2: field longer than 1048576 bytes"_s;
}

void TestCsvReader::strayQuotes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Records>("records");
    QTest::addColumn<QList<CsvPosition>>("strays");

    QTest::newRow("to the end of the file")
        << QByteArray("a,b\nc,\"never\nends\n")
        << Records{{u"a"_s, u"b"_s}, {u"c"_s, u"\"never"_s}, {u"ends"_s}}
        << QList<CsvPosition>{{2, 2}};
    QTest::newRow("after a multi-line field")
        << QByteArray("\"x\ny\",1\n\"z") << Records{{u"x\ny"_s, u"1"_s}, {u"\"z"_s}}
        << QList<CsvPosition>{{3, 1}};
    QTest::newRow("after a quoted field that closes")
        << QByteArray("\"ok\",1\n\"stray,2") << Records{{u"ok"_s, u"1"_s}, {u"\"stray"_s, u"2"_s}}
        << QList<CsvPosition>{{2, 1}};
    // Closed on a later line by the quote that opens a later field: read in pairs from
    // there on, every field after it would be out of step.
    QTest::newRow("closed by a later field's quote")
        << QByteArray("a,\"stray\nb,\"x\",c\nd,\"y\"\n")
        << Records{{u"a"_s, u"\"stray"_s}, {u"b"_s, u"x"_s, u"c"_s}, {u"d"_s, u"y"_s}}
        << QList<CsvPosition>{{1, 2}};
    QTest::newRow("spaces after a multi-line field's closing quote")
        << QByteArray("a,\"two\nlines\" ,b\n") << Records{{u"a"_s, u"two\nlines "_s, u"b"_s}}
        << QList<CsvPosition>{};
    // Past the longest field without closing: the quote is stray, though more follows.
    QByteArray past("x,y\nz,\"open\n");
    for (int i = 0; i < 40000; ++i)
        past.append("row,").append(QByteArray::number(i)).append("\n");
    Records pastRecords{{u"x"_s, u"y"_s}, {u"z"_s, u"\"open"_s}};
    for (int i = 0; i < 40000; ++i)
        pastRecords.append({u"row"_s, QString::number(i)});
    QTest::newRow("past the longest field") << past << pastRecords << QList<CsvPosition>{{2, 2}};
}

void TestCsvReader::strayQuotes()
{
    QFETCH(QByteArray, input);
    QFETCH(Records, records);
    QFETCH(QList<CsvPosition>, strays);

    QBuffer buffer(&input);
    CsvOptions options = optionsFor(',', CsvOptions::Header::No);
    options.maxFieldBytes = 100000;
    CsvReader reader(options);
    QVERIFY(reader.open(&buffer, kName));
    QCOMPARE(readAll(reader), records);
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QList<CsvPosition> positions;
    for (const CsvField &f : reader.stats().strayQuotes) {
        positions.append({f.line, f.column});
        // What the field holds, its quote included: one of the records' fields there.
        QVERIFY2(f.text.startsWith(u'"'), qPrintable(f.text));
        QVERIFY(std::any_of(records.cbegin(), records.cend(), [&f](const QStringList &r) {
            return r.value(f.column - 1) == f.text;
        }));
    }
    QCOMPARE(positions, strays);
    QCOMPARE(reader.stats().strayQuoteCount, qint64(strays.size()));
}

void TestCsvReader::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(int, goodRecords);
    QFETCH(QString, error);

    QBuffer buffer(&input);
    CsvReader reader(optionsFor(',', CsvOptions::Header::No));
    QVERIFY(reader.open(&buffer, kName));
    QCOMPARE(readAll(reader).size(), goodRecords);
    QVERIFY(reader.hasError());
    QCOMPARE(reader.errorString(), error);
    QVERIFY(!reader.readRecord());
}

void TestCsvReader::recordCap()
{
    CsvOptions options = optionsFor(',', CsvOptions::Header::No);
    options.maxFieldBytes = 100;
    options.maxRecordBytes = 1000;
    QByteArray input("a,b\n");
    for (int i = 0; i < 20; ++i)
        input.append(QByteArray(90, 'c') + ',');
    input.append("\n");
    QBuffer buffer(&input);
    CsvReader reader(options);
    QVERIFY(reader.open(&buffer, kName));
    QCOMPARE(readAll(reader).size(), 1);
    QCOMPARE(reader.errorString(), u"test.csv:2: record longer than 1000 bytes"_s);
}

void TestCsvReader::bom_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("encoding");

    const QString text = u"name,count\r\nJos\u00e9 \u2019q\u2019,12\nZo\u00eb \U0001F600,3\n"_s;
    QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF" + text.toUtf8()) << u"UTF-8 (BOM)"_s;
    QTest::newRow("UTF-16LE") << utf16(text, true) << u"UTF-16LE"_s;
    QTest::newRow("UTF-16BE") << utf16(text, false) << u"UTF-16BE"_s;
    // Without the mark, UTF-16 shows in the zero bytes of its Latin letters.
    QTest::newRow("UTF-16LE, no BOM") << utf16(text, true).mid(2) << u"UTF-16LE"_s;
    QTest::newRow("UTF-16BE, no BOM") << utf16(text, false).mid(2) << u"UTF-16BE"_s;
}

void TestCsvReader::bom()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, encoding);

    QBuffer buffer(&input);
    CsvReader reader;
    QVERIFY(reader.open(&buffer, kName));
    QCOMPARE(reader.delimiter(), u',');
    QVERIFY(reader.hasHeader());
    QCOMPARE(reader.header(), (QStringList{u"name"_s, u"count"_s}));
    QCOMPARE(
        readAll(reader),
        (Records{{u"Jos\u00e9 \u2019q\u2019"_s, u"12"_s}, {u"Zo\u00eb \U0001F600"_s, u"3"_s}}));
    QCOMPARE(reader.stats().encoding, encoding);
    QCOMPARE(reader.stats().cp1252Fields, 0);
}

void TestCsvReader::crLineEndsAmongLf()
{
    // A line ending in CR alone among lines ending in LF runs on into the next: read as two
    // records where the fields before that CR are exactly the header's. Bare CRs elsewhere
    // (inside a quoted or unquoted field) stay data, in records with too many fields too.
    QByteArray input("d,t,x\n"
                     "1,rally,a\r"
                     "2,march,b\n"
                     "3,\"vi\rgil\",c\n"
                     "4,vi\rgil,d\r"
                     "5,rally,e\n"
                     "6,sit\rin,f,g,h\n");
    QBuffer buffer(&input);
    CsvReader reader;
    QVERIFY(reader.open(&buffer, kName));
    QVERIFY(reader.hasHeader());
    QList<qint64> lines;
    const Records records = readAll(reader, &lines);
    QCOMPARE(records,
             (Records{{u"1"_s, u"rally"_s, u"a"_s},
                      {u"2"_s, u"march"_s, u"b"_s},
                      {u"3"_s, u"vi\rgil"_s, u"c"_s},
                      {u"4"_s, u"vi\rgil"_s, u"d"_s},
                      {u"5"_s, u"rally"_s, u"e"_s},
                      {u"6"_s, u"sit\rin"_s, u"f"_s, u"g"_s, u"h"_s}}));
    // Each CR that ended a record counts as a line's end, as editors show it.
    QCOMPARE(lines, (QList<qint64>{2, 3, 4, 5, 6, 7}));
    QCOMPARE(reader.stats().crLineEnds, (QList<qint64>{2, 5}));
    QCOMPARE(reader.stats().crLineEndCount, 2);
    QCOMPARE(reader.stats().records, 6);

    // Without a header, a record's width is the one most of the first records have: a CR that
    // ends a line ends a record there too, the first line's included, whether the header is
    // told to be missing or found missing.
    struct Headless {
        QByteArray input;
        Records records;
        QList<qint64> crLineEnds;
    };
    const QList<Headless> cases{
        {"1,rally,a\n2,march,b\r3,march,c\n4,vi\rgil,d\n",
         {{u"1"_s, u"rally"_s, u"a"_s},
          {u"2"_s, u"march"_s, u"b"_s},
          {u"3"_s, u"march"_s, u"c"_s},
          {u"4"_s, u"vi\rgil"_s, u"d"_s}},
         {2}},
        {"1,rally,a\r2,march,b\n3,march,c\n4,sit\rin,d\n",
         {{u"1"_s, u"rally"_s, u"a"_s},
          {u"2"_s, u"march"_s, u"b"_s},
          {u"3"_s, u"march"_s, u"c"_s},
          {u"4"_s, u"sit\rin"_s, u"d"_s}},
         {1}},
    };
    for (const CsvOptions::Header header : {CsvOptions::Header::No, CsvOptions::Header::Auto}) {
        for (Headless c : cases) {
            QBuffer headlessBuffer(&c.input);
            CsvReader headless(optionsFor(',', header));
            QVERIFY(headless.open(&headlessBuffer, kName));
            QVERIFY(!headless.hasHeader());
            QCOMPARE(headless.expectedFieldCount(), 3);
            QList<qint64> headlessLines;
            QCOMPARE(readAll(headless, &headlessLines), c.records);
            QCOMPARE(headlessLines, (QList<qint64>{1, 2, 3, 4}));
            QCOMPARE(headless.stats().crLineEnds, c.crLineEnds);
            QCOMPARE(headless.stats().crLineEndCount, c.crLineEnds.size());
        }
    }
    // A CR inside the first record's field stays data.
    QByteArray inside("1,ral\rly,a\n2,march,b\n");
    QBuffer insideBuffer(&inside);
    CsvReader insideHeadless(optionsFor(',', CsvOptions::Header::No));
    QVERIFY(insideHeadless.open(&insideBuffer, kName));
    QCOMPARE(readAll(insideHeadless),
             (Records{{u"1"_s, u"ral\rly"_s, u"a"_s}, {u"2"_s, u"march"_s, u"b"_s}}));
    QCOMPARE(insideHeadless.stats().crLineEndCount, 0);
}

void TestCsvReader::nulCharactersLeftOut()
{
    // NUL bytes (damage, or padding) are left out of the fields that hold them, quoted or
    // not, and those fields are listed; the other records are read as they are.
    const char data[] = "type,place\nra\0lly,\"Ber\0\0lin\"\nmarch,Rome\n\0,Oslo\n";
    QByteArray input(data, sizeof data - 1);
    QCOMPARE(input.count('\0'), 4);
    QBuffer buffer(&input);
    CsvReader reader;
    QVERIFY(reader.open(&buffer, kName));
    QVERIFY(reader.hasHeader());
    QCOMPARE(readAll(reader),
             (Records{{u"rally"_s, u"Berlin"_s}, {u"march"_s, u"Rome"_s}, {QString(), u"Oslo"_s}}));
    QCOMPARE(reader.stats().nulFieldCount, 3);
    QCOMPARE(reader.stats().nulRemoved,
             (QList<CsvField>{{2, 1, u"rally"_s}, {2, 2, u"Berlin"_s}, {4, 1, QString()}}));
}

void TestCsvReader::utf8MarkOverOlderBytes()
{
    // A UTF-8 byte-order mark before Windows-1252 bytes: those fields are read as
    // Windows-1252 and listed, the others as UTF-8.
    QByteArray input("\xEF\xBB\xBFname,place,count\ncaf\xE9,Z\xC3\xBCrich,12\n\x93q\x94,Bern,3\n");
    QBuffer buffer(&input);
    CsvReader reader;
    QVERIFY(reader.open(&buffer, kName));
    QVERIFY(reader.hasHeader());
    QCOMPARE(readAll(reader),
             (Records{{u"caf\u00e9"_s, u"Z\u00fcrich"_s, u"12"_s},
                      {u"\u201cq\u201d"_s, u"Bern"_s, u"3"_s}}));
    QCOMPARE(reader.stats().encoding, u"UTF-8 (BOM)"_s);
    QCOMPARE(reader.stats().notUtf8.size(), 2);
    QCOMPARE(reader.stats().notUtf8[0].line, 2);
    QCOMPARE(reader.stats().notUtf8[0].column, 1);
    QCOMPARE(reader.stats().notUtf8[0].text, u"caf\u00e9"_s);
    QCOMPARE(reader.stats().notUtf8[1].line, 3);
    QCOMPARE(reader.stats().notUtf8[1].column, 1);
}

void TestCsvReader::utf16AcrossChunks()
{
    QString text = u"id;name\n"_s;
    for (int i = 0; i < 100000; ++i)
        text += QString::number(i) + u";Zo\u00eb \u20ac\n"_s;
    QByteArray input = utf16(text, true);
    QVERIFY(input.size() > 2 << 20);
    QBuffer buffer(&input);
    CsvReader reader;
    QVERIFY(reader.open(&buffer, kName));
    QCOMPARE(reader.delimiter(), u';');
    QVERIFY(reader.hasHeader());
    qint64 count = 0;
    while (reader.readRecord()) {
        QCOMPARE(reader.fieldCount(), 2);
        if (reader.field(0) != QString::number(count) || reader.field(1) != u"Zo\u00eb \u20ac"_s)
            QFAIL(qPrintable(reader.location(0)));
        ++count;
    }
    QVERIFY(!reader.hasError());
    QCOMPARE(count, 100000);
    QCOMPARE(reader.lineNumber(), 100001);
    QCOMPARE(reader.stats().encoding, u"UTF-16LE"_s);
}

void TestCsvReader::cp1252_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("cp1252Fields");

    QTest::newRow("n tilde") << QByteArray("Pe\xF1"
                                           "a")
                             << u"Pe\u00f1a"_s << 1;
    QTest::newRow("right single quote") << QByteArray("\x92") << u"\u2019"_s << 1;
    QTest::newRow("smart quotes") << QByteArray("\x93quoted\x94") << u"\u201cquoted\u201d"_s << 1;
    QTest::newRow("euro and dashes")
        << QByteArray("\x80 5 \x96 6 \x97 7") << u"\u20ac 5 \u2013 6 \u2014 7"_s << 1;
    QTest::newRow("latin-1 letters") << QByteArray("Mayag\xFC"
                                                   "ez Hag\xE5t\xF1"
                                                   "a")
                                     << u"Mayag\u00fcez Hag\u00e5t\u00f1a"_s << 1;
    QTest::newRow("undefined bytes are C1 controls")
        << QByteArray("\x81\x8D\x8F\x90\x9D") << u"\u0081\u008d\u008f\u0090\u009d"_s << 1;
    QTest::newRow("valid UTF-8 stays UTF-8") << QByteArray("Pe\xC3\xB1"
                                                           "a")
                                             << u"Pe\u00f1a"_s << 0;
    QTest::newRow("ASCII") << QByteArray("plain") << u"plain"_s << 0;
}

void TestCsvReader::cp1252()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(int, cp1252Fields);

    QByteArray input = "x," + bytes + '\n';
    QBuffer buffer(&input);
    CsvReader reader(optionsFor(',', CsvOptions::Header::No));
    QVERIFY(reader.open(&buffer, kName));
    QVERIFY(reader.readRecord());
    QCOMPARE(reader.fieldCount(), 2);
    QCOMPARE(reader.field(1), text);
    QVERIFY(!reader.readRecord());
    QCOMPARE(reader.stats().cp1252Fields, cp1252Fields);
    QCOMPARE(reader.stats().repairedFields, 0);
}

void TestCsvReader::mixedFile()
{
    QByteArray input("place,lat\n"
                     "Pe\xF1"
                     "a,1.5\n"
                     "Espa\xC3\xB1"
                     "ola,2.5\n"
                     "Coeur d\x92"
                     "Alene,3\n"
                     "plain,4\n");
    QBuffer buffer(&input);
    CsvReader reader;
    QVERIFY(reader.open(&buffer, kName));
    QVERIFY(reader.hasHeader());
    QCOMPARE(readAll(reader),
             (Records{{u"Pe\u00f1a"_s, u"1.5"_s},
                      {u"Espa\u00f1ola"_s, u"2.5"_s},
                      {u"Coeur d\u2019Alene"_s, u"3"_s},
                      {u"plain"_s, u"4"_s}}));
    QCOMPARE(reader.stats().cp1252Fields, 2);
    QCOMPARE(reader.stats().encoding, u"mixed UTF-8/Windows-1252"_s);

    QByteArray onlyCp1252("Pe\xF1"
                          "a\n");
    QBuffer buffer2(&onlyCp1252);
    CsvReader reader2(optionsFor(',', CsvOptions::Header::No));
    QVERIFY(reader2.open(&buffer2, kName));
    QVERIFY(reader2.readRecord());
    QCOMPARE(reader2.stats().encoding, u"Windows-1252"_s);

    QByteArray ascii("a,b\n");
    QBuffer buffer3(&ascii);
    CsvReader reader3;
    QVERIFY(reader3.open(&buffer3, kName));
    readAll(reader3);
    QCOMPARE(reader3.stats().encoding, u"UTF-8"_s);
}

void TestCsvReader::mojibake_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("repair");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("repaired");

    // The input is written to the file as UTF-8.
    QTest::newRow("Do\u00c3\u00b1a Ana")
        << u"Do\u00c3\u00b1a Ana County"_s << true << u"Do\u00f1a Ana County"_s << 1;
    QTest::newRow("caf\u00c3\u00a9") << u"caf\u00c3\u00a9"_s << true << u"caf\u00e9"_s << 1;
    QTest::newRow("double apostrophe")
        << u"Lee\u00e2\u20ac\u2122s Summit"_s << true << u"Lee\u2019s Summit"_s << 1;
    QTest::newRow("triple apostrophe")
        << u"Land O\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2 Lakes"_s << true
        << u"Land O\u2019 Lakes"_s << 1;
    QTest::newRow("\u00c3\u00a9t\u00c3\u00a9")
        << u"\u00c3\u00a9t\u00c3\u00a9"_s << true << u"\u00e9t\u00e9"_s << 1;
    QTest::newRow("degree sign") << u"20\u00c2\u00b0C"_s << true << u"20\u00b0C"_s << 1;
    QTest::newRow("repair off") << u"Do\u00c3\u00b1a Ana"_s << false << u"Do\u00c3\u00b1a Ana"_s
                                << 0;
    QTest::newRow("A tilde alone") << u"\u00c3"_s << true << u"\u00c3"_s << 0;
    QTest::newRow("A tilde and space") << u"\u00c3 la carte"_s << true << u"\u00c3 la carte"_s << 0;
    QTest::newRow("Sao Paulo") << u"S\u00e3o Paulo"_s << true << u"S\u00e3o Paulo"_s << 0;
    QTest::newRow("partly mojibake")
        << u"na\u00efve \u00c3\u00a9"_s << true << u"na\u00efve \u00c3\u00a9"_s << 0;
    QTest::newRow("euro sign") << u"\u20ac5"_s << true << u"\u20ac5"_s << 0;
    QTest::newRow("okina") << u"Kapa\u02bba"_s << true << u"Kapa\u02bba"_s << 0;
    QTest::newRow("Cyrillic") << u"\u0421\u0430\u043d\u043a\u0442"_s << true
                              << u"\u0421\u0430\u043d\u043a\u0442"_s << 0;
}

void TestCsvReader::mojibake()
{
    QFETCH(QString, input);
    QFETCH(bool, repair);
    QFETCH(QString, text);
    QFETCH(int, repaired);

    QByteArray bytes = input.toUtf8() + '\n';
    QBuffer buffer(&bytes);
    CsvOptions options = optionsFor(',', CsvOptions::Header::No);
    options.repairMojibake = repair;
    CsvReader reader(options);
    QVERIFY(reader.open(&buffer, kName));
    QVERIFY(reader.readRecord());
    QCOMPARE(reader.fieldCount(), 1);
    QCOMPARE(reader.field(0), text);
    QCOMPARE(reader.stats().repairedFields, repaired);
    QCOMPARE(reader.stats().repairs.size(), repaired);
    QCOMPARE(reader.stats().cp1252Fields, 0);
}

void TestCsvReader::repairPositions()
{
    QByteArray input("name,county\n"
                     "a,b\n"
                     "\"multi\nline\",Do\xC3\x83\xC2\xB1"
                     "a Ana\n"
                     "caf\xC3\x83\xC2\xA9,x\n");
    QBuffer buffer(&input);
    CsvReader reader;
    QVERIFY(reader.open(&buffer, kName));
    QVERIFY(reader.hasHeader());
    QCOMPARE(readAll(reader),
             (Records{{u"a"_s, u"b"_s},
                      {u"multi\nline"_s, u"Do\u00f1a Ana"_s},
                      {u"caf\u00e9"_s, u"x"_s}}));
    QCOMPARE(reader.stats().repairedFields, 2);
    QCOMPARE(reader.stats().repairs, (QList<CsvPosition>{{3, 2}, {5, 1}}));
}

void TestCsvReader::sniff_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QChar>("option");
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<QStringList>("first");

    QTest::newRow("comma") << QByteArray("a,b,c\n1,2,3\n") << QChar() << QChar(u',')
                           << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("semicolon with decimal commas")
        << QByteArray("a;b;c\n1,5;2,5;3\n4;5,25;6\n") << QChar() << QChar(u';')
        << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("tab with quoted commas and semicolons")
        << QByteArray("a\tb\tc\n\"x,y\"\t\"p;q\"\tz\n\"1,2,3\"\t\"4;5\"\t6\n") << QChar()
        << QChar(u'\t') << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("pipe with quoted commas")
        << QByteArray("a|b|c\n\"1,2,3\"|x|y\n\"4,5,6,7\"|z|w\n") << QChar() << QChar(u'|')
        << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("comma with quoted semicolons")
        << QByteArray("\"a;b\",c\n\"d;e;f\",g\n\"h\",i\n") << QChar() << QChar(u',')
        << QStringList{u"a;b"_s, u"c"_s};
    QTest::newRow("semicolon with quoted commas and pipes")
        << QByteArray("\"x, y\";2\n\"p, q, r\";3\n\"s|t\";4\n") << QChar() << QChar(u';')
        << QStringList{u"x, y"_s, u"2"_s};
    QTest::newRow("comma with quoted newlines")
        << QByteArray("a,b\n\"x;\ny;z\",1\n\"p\",2\n") << QChar() << QChar(u',')
        << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("comma, rows ending in empty cells, semicolons in a list")
        << QByteArray("date,city,tags\n2024-01-01,Boston,a; b\n2024-01-02,Chicago,a; b,\n"
                      "2024-01-03,Denver,a; b,,\n")
        << QChar() << QChar(u',') << QStringList{u"date"_s, u"city"_s, u"tags"_s};
    QTest::newRow("single column")
        << QByteArray("abc\ndef\n") << QChar() << QChar(u',') << QStringList{u"abc"_s};
    QTest::newRow("Excel's sep= line") << QByteArray("sep=;\na,b;c\n1,5;2\n") << QChar()
                                       << QChar(u';') << QStringList{u"a,b"_s, u"c"_s};
    QTest::newRow("Excel's sep= line, CRLF") << QByteArray("SEP=|\r\na|b\r\n1|2\r\n") << QChar()
                                             << QChar(u'|') << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("option overrides") << QByteArray("a;b,c\nd;e,f\n") << QChar(u';') << QChar(u';')
                                      << QStringList{u"a"_s, u"b,c"_s};
}

void TestCsvReader::sniff()
{
    QFETCH(QByteArray, input);
    QFETCH(QChar, option);
    QFETCH(QChar, delimiter);
    QFETCH(QStringList, first);

    QBuffer buffer(&input);
    CsvOptions options = optionsFor(0, CsvOptions::Header::No);
    options.delimiter = option;
    CsvReader reader(options);
    QVERIFY(reader.open(&buffer, kName));
    QCOMPARE(reader.delimiter(), delimiter);
    QVERIFY(reader.readRecord());
    QCOMPARE(reader.fields(), first);
}

void TestCsvReader::header_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("option");
    QTest::addColumn<bool>("hasHeader");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QStringList>("first");

    const int autoHeader = int(CsvOptions::Header::Auto);
    QTest::newRow("numbers below")
        << QByteArray("name,count\nx,1\n") << autoHeader << true
        << QStringList{u"name"_s, u"count"_s} << QStringList{u"x"_s, u"1"_s};
    QTest::newRow("dates below") << QByteArray("date,place\n2020-01-02,Paris\n") << autoHeader
                                 << true << QStringList{u"date"_s, u"place"_s}
                                 << QStringList{u"2020-01-02"_s, u"Paris"_s};
    QTest::newRow("free text below")
        << QByteArray("title , notes\nProtest,\"Crowd of about 200, peaceful\"\n") << autoHeader
        << true << QStringList{u"title"_s, u"notes"_s}
        << QStringList{u"Protest"_s, u"Crowd of about 200, peaceful"_s};
    QTest::newRow("numbers first") << QByteArray("1,2\n3,4\n") << autoHeader << false
                                   << QStringList() << QStringList{u"1"_s, u"2"_s};
    QTest::newRow("words throughout")
        << QByteArray("alpha,beta\ngamma,delta\n") << autoHeader << false << QStringList()
        << QStringList{u"alpha"_s, u"beta"_s};
    // Spreadsheet exports repeat names and leave some empty; a header all the same.
    QTest::newRow("duplicate names") << QByteArray("a,A\nx,1\n") << autoHeader << true
                                     << QStringList{u"a"_s, u"A"_s} << QStringList{u"x"_s, u"1"_s};
    QTest::newRow("empty name") << QByteArray("a,,c\n1,2,3\n") << autoHeader << true
                                << QStringList{u"a"_s, u""_s, u"c"_s}
                                << QStringList{u"1"_s, u"2"_s, u"3"_s};
    QTest::newRow("trailing empty names (Excel)")
        << QByteArray("date,place,,\n2020-01-02,Paris,,\n") << autoHeader << true
        << QStringList{u"date"_s, u"place"_s, u""_s, u""_s}
        << QStringList{u"2020-01-02"_s, u"Paris"_s, u""_s, u""_s};
    QTest::newRow("index column without a name (pandas)")
        << QByteArray(",date,place\n0,2020-01-02,Paris\n") << autoHeader << true
        << QStringList{u""_s, u"date"_s, u"place"_s}
        << QStringList{u"0"_s, u"2020-01-02"_s, u"Paris"_s};
    QTest::newRow("one name among empties")
        << QByteArray("Paris,,\n1,2,3\n") << autoHeader << false << QStringList()
        << QStringList{u"Paris"_s, u""_s, u""_s};
    QTest::newRow("missing token") << QByteArray("a,NA\nx,1\n") << autoHeader << false
                                   << QStringList() << QStringList{u"a"_s, u"NA"_s};
    const QByteArray gdelt = gdeltLikeLine(0) + gdeltLikeLine(1) + gdeltLikeLine(2);
    QTest::newRow("GDELT raw, 61 columns, tabs")
        << gdelt << autoHeader << false << QStringList()
        << QString::fromLatin1(gdeltLikeLine(0).chopped(1)).split(u'\t');
    QTest::newRow("forced yes") << QByteArray("1,2\n3,4\n") << int(CsvOptions::Header::Yes) << true
                                << QStringList{u"1"_s, u"2"_s} << QStringList{u"3"_s, u"4"_s};
    QTest::newRow("forced no") << QByteArray("name,count\nx,1\n") << int(CsvOptions::Header::No)
                               << false << QStringList() << QStringList{u"name"_s, u"count"_s};
}

void TestCsvReader::preamble_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QStringList>("first");
    QTest::addColumn<QList<qint64>>("skippedLines");
    QTest::addColumn<QStringList>("skippedText");

    const QByteArray body("date,title,city,state\n2025-04-05,March,Portland,OR\n"
                          "2025-04-06,Rally,Salem,OR\n");
    const QStringList header{u"date"_s, u"title"_s, u"city"_s, u"state"_s};
    const QStringList first{u"2025-04-05"_s, u"March"_s, u"Portland"_s, u"OR"_s};
    QTest::newRow("a title with a comma, a blank line")
        << QByteArray("Protests in Oregon, by volunteers\n\n") + body << header << first
        << QList<qint64>{1} << QStringList{u"Protests in Oregon, by volunteers"_s};
    QTest::newRow("a title and a note")
        << QByteArray("Protests\nSource: our own count\n") + body << header << first
        << QList<qint64>{1, 2} << QStringList{u"Protests"_s, u"Source: our own count"_s};
    QTest::newRow("none") << body << header << first << QList<qint64>{} << QStringList{};
    // Not a preamble: the lines after the short one do not agree on their width.
    QTest::newRow("ragged after") << QByteArray("Protests\n") + body + "2025-04-07,Walk,Bend\n"
                                  << QStringList{u"Protests"_s} << header << QList<qint64>{}
                                  << QStringList{};
    // Nor in a narrow file, where a line of one or two fields may be data.
    QTest::newRow("narrow file") << QByteArray(
                                        "Protests\ndate,title,city\n2025-04-05,March,Portland\n")
                                 << QStringList{u"Protests"_s}
                                 << QStringList{u"date"_s, u"title"_s, u"city"_s} << QList<qint64>{}
                                 << QStringList{};
}

void TestCsvReader::preamble()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, header);
    QFETCH(QStringList, first);
    QFETCH(QList<qint64>, skippedLines);
    QFETCH(QStringList, skippedText);

    QBuffer buffer(&input);
    CsvReader reader(optionsFor(',', CsvOptions::Header::Auto));
    QVERIFY(reader.open(&buffer, kName));
    QCOMPARE(reader.header(), header);
    QVERIFY(reader.readRecord());
    QCOMPARE(reader.fields(), first);
    QList<qint64> lines;
    QStringList texts;
    for (const CsvStats::Skipped &s : reader.stats().preamble) {
        lines << s.line;
        texts << s.text;
    }
    QCOMPARE(lines, skippedLines);
    QCOMPARE(texts, skippedText);
}

void TestCsvReader::repeatedHeader()
{
    // Two files joined: the second's header (with its byte-order mark, and spaces) is no
    // record; a row that only looks like part of the header is one.
    QByteArray input("date,city\n2026-01-30,Berlin\n\xEF\xBB\xBF"
                     "date, city\r\n"
                     "2026-01-31,Paris\ndate,Lyon\ndate,city\n");
    QBuffer buffer(&input);
    CsvReader reader(optionsFor(',', CsvOptions::Header::Auto));
    QVERIFY(reader.open(&buffer, kName));
    QList<qint64> lines;
    QCOMPARE(readAll(reader, &lines),
             (Records{{u"2026-01-30"_s, u"Berlin"_s},
                      {u"2026-01-31"_s, u"Paris"_s},
                      {u"date"_s, u"Lyon"_s}}));
    QCOMPARE(lines, (QList<qint64>{2, 4, 5}));
    QCOMPARE(reader.stats().repeatedHeaders, (QList<qint64>{3, 6}));
    QCOMPARE(reader.stats().repeatedHeaderCount, 2);
    QCOMPARE(reader.stats().records, 3);
}

void TestCsvReader::hxlRow_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<qint64>("line"); // of the HXL row, 0: none
    QTest::addColumn<QStringList>("first");

    QTest::newRow("HXL row") << QByteArray("date,state,lat\n#date,#adm1 +name,#geo+lat\n"
                                           "2026-01-30,OR,45.5\n")
                             << QStringList{u"#date"_s, u"#adm1 +name"_s, u"#geo+lat"_s}
                             << qint64(2) << QStringList{u"2026-01-30"_s, u"OR"_s, u"45.5"_s};
    QTest::newRow("HXL row with untagged columns")
        << QByteArray("id,date,lat\r\n,#date, #geo+lat \r\n1,2026-01-30,45.5\r\n")
        << QStringList{QString(), u"#date"_s, u"#geo+lat"_s} << qint64(2)
        << QStringList{u"1"_s, u"2026-01-30"_s, u"45.5"_s};
    QTest::newRow("one hashtag is data")
        << QByteArray("tag,count\n#metoo,5\n#blm,7\n") << QStringList() << qint64(0)
        << QStringList{u"#metoo"_s, u"5"_s};
    QTest::newRow("hashtags with other text are data")
        << QByteArray("a,b,c\n#x,#y,plain\n1,2,3\n") << QStringList() << qint64(0)
        << QStringList{u"#x"_s, u"#y"_s, u"plain"_s};
    QTest::newRow("no HXL row") << QByteArray("date,state\n2026-01-30,OR\n") << QStringList()
                                << qint64(0) << QStringList{u"2026-01-30"_s, u"OR"_s};
}

void TestCsvReader::hxlRow()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, tags);
    QFETCH(qint64, line);
    QFETCH(QStringList, first);

    QBuffer buffer(&input);
    CsvReader reader(optionsFor(',', CsvOptions::Header::Auto));
    QVERIFY(reader.open(&buffer, kName));
    QVERIFY(reader.hasHeader());
    QCOMPARE(reader.hxlTags(), tags);
    QCOMPARE(reader.stats().hxlRow.line, line);
    QVERIFY(reader.readRecord());
    QCOMPARE(reader.fields(), first);
    QCOMPARE(reader.lineNumber(), line == 0 ? 2 : 3);
}

void TestCsvReader::header()
{
    QFETCH(QByteArray, input);
    QFETCH(int, option);
    QFETCH(bool, hasHeader);
    QFETCH(QStringList, header);
    QFETCH(QStringList, first);

    QBuffer buffer(&input);
    CsvReader reader(optionsFor(0, CsvOptions::Header(option)));
    QVERIFY(reader.open(&buffer, kName));
    QCOMPARE(reader.hasHeader(), hasHeader);
    QCOMPARE(reader.header(), header);
    QVERIFY(reader.readRecord());
    QCOMPARE(reader.fields(), first);
    QCOMPARE(reader.lineNumber(), hasHeader ? 2 : 1);
    QCOMPARE(reader.expectedFieldCount(), int(first.size()));
}

void TestCsvReader::missing_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("tokens");
    QTest::addColumn<QList<bool>>("missing");

    const QByteArray line("NA,N/A,n/a,null,NULL,nan,NaN,-, NA ,\"\",,x,\"NA\",Na,0,--\n");
    QTest::newRow("default") << line << CsvReader::defaultMissingTokens()
                             << QList<bool>{true, true, true, true,  true, true,  true,  true,
                                            true, true, true, false, true, false, false, false};
    QTest::newRow("custom") << line << QStringList{u"Na"_s, u" -- "_s}
                            << QList<bool>{false, false, false, false, false, false, false, false,
                                           false, false, false, false, false, true,  false, true};
    QTest::newRow("custom with empty") << QByteArray("a,,\"\",x\n") << QStringList{u""_s, u"x"_s}
                                       << QList<bool>{false, true, true, true};
}

void TestCsvReader::missing()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, tokens);
    QFETCH(QList<bool>, missing);

    QBuffer buffer(&input);
    CsvOptions options = optionsFor(',', CsvOptions::Header::No);
    options.missingTokens = tokens;
    CsvReader reader(options);
    QVERIFY(reader.open(&buffer, kName));
    QVERIFY(reader.readRecord());
    QList<bool> actual;
    for (int i = 0; i < reader.fieldCount(); ++i)
        actual.append(reader.isMissing(i));
    QCOMPARE(actual, missing);
    // The raw text stays available.
    QCOMPARE(reader.field(0), input.startsWith("NA") ? u"NA"_s : u"a"_s);
}

void TestCsvReader::emptyFile()
{
    QByteArray input;
    QBuffer buffer(&input);
    CsvReader reader;
    QVERIFY(reader.open(&buffer, kName));
    QVERIFY(!reader.hasHeader());
    QCOMPARE(reader.header(), QStringList());
    QVERIFY(!reader.readRecord());
    QVERIFY(!reader.hasError());
    QCOMPARE(reader.stats().records, 0);
    QCOMPARE(reader.expectedFieldCount(), 0);
    QCOMPARE(reader.totalBytes(), 0);
}

void TestCsvReader::onlyHeader()
{
    QByteArray input("CityTown,StateTerritory\n");
    QBuffer buffer(&input);
    CsvReader reader;
    QVERIFY(reader.open(&buffer, kName));
    QVERIFY(reader.hasHeader());
    QCOMPARE(reader.header(), (QStringList{u"CityTown"_s, u"StateTerritory"_s}));
    QCOMPARE(reader.expectedFieldCount(), 2);
    QVERIFY(!reader.readRecord());
    QVERIFY(!reader.hasError());
    QCOMPARE(reader.stats().records, 0);
}

void TestCsvReader::raggedRecords()
{
    QByteArray input("a,b,c\n1,2\n3,4,5,6\n7,8,9\n");
    QBuffer buffer(&input);
    CsvReader reader(optionsFor(0, CsvOptions::Header::Yes));
    QVERIFY(reader.open(&buffer, kName));
    QCOMPARE(reader.expectedFieldCount(), 3);
    QCOMPARE(
        readAll(reader),
        (Records{{u"1"_s, u"2"_s}, {u"3"_s, u"4"_s, u"5"_s, u"6"_s}, {u"7"_s, u"8"_s, u"9"_s}}));
    QVERIFY(!reader.hasError());
}

void TestCsvReader::acrossChunks()
{
    // About 6 MB: records, quoted fields and CRLFs straddle the 1 MiB chunk boundaries.
    QByteArray input("id,text,n\r\n");
    const int count = 120000;
    for (int i = 0; i < count; ++i) {
        input.append(QByteArray::number(i));
        if (i % 3 == 0)
            input.append(",\"multi\r\nline, \"\"quoted\"\"\",");
        else
            input.append(",Pe\xF1"
                         "a caf\xC3\xA9 text,");
        input.append(QByteArray::number(i * 2));
        input.append("\r\n");
    }
    QBuffer buffer(&input);
    CsvReader reader;
    QVERIFY(reader.open(&buffer, kName));
    QVERIFY(reader.hasHeader());
    qint64 line = 2;
    int i = 0;
    const QString multi = u"multi\r\nline, \"quoted\""_s;
    // One field holds a Windows-1252 byte and UTF-8: it is decoded as Windows-1252 whole.
    const QString mixed = u"Pe\u00f1a caf\u00c3\u00a9 text"_s;
    while (reader.readRecord()) {
        if (reader.fieldCount() != 3 || reader.field(0) != QString::number(i) ||
            reader.field(1) != (i % 3 == 0 ? multi : mixed) ||
            reader.field(2) != QString::number(i * 2) || reader.lineNumber() != line)
            QFAIL(qPrintable(u"record %1 at %2: %3"_s.arg(i).arg(reader.location(0),
                                                                 reader.fields().join(u'|'))));
        line += i % 3 == 0 ? 2 : 1;
        ++i;
    }
    QVERIFY(!reader.hasError());
    QCOMPARE(i, count);
    QCOMPARE(reader.stats().cp1252Fields, qint64(count - count / 3));
}

void TestCsvReader::openMissingFile()
{
    CsvReader reader;
    QVERIFY(!reader.open(u"/nonexistent/events.csv"_s));
    QCOMPARE(reader.errorString(),
             u"/nonexistent/events.csv: cannot open the file: No such file or directory"_s);
    QVERIFY(!reader.readRecord());
}

void TestCsvReader::badDelimiter()
{
    QByteArray input("a,b\n");
    QBuffer buffer(&input);
    CsvReader reader(optionsFor('"', CsvOptions::Header::No));
    QVERIFY(!reader.open(&buffer, kName));
    QCOMPARE(reader.errorString(), u"test.csv: unusable delimiter U+0022"_s);
    QVERIFY(!reader.readRecord());

    // UTF-32, either way round: refused by name.
    for (const QByteArray &mark : {QByteArray("\xFF\xFE\0\0", 4), QByteArray("\0\0\xFE\xFF", 4)}) {
        QByteArray utf32 = mark + QByteArray("d\0\0\0", 4);
        QBuffer utf32Buffer(&utf32);
        CsvReader utf32Reader;
        QVERIFY(!utf32Reader.open(&utf32Buffer, kName));
        QCOMPARE(utf32Reader.errorString(),
                 u"test.csv: the file is UTF-32 text, which is not read here: save it as UTF-8 "
                 "(or UTF-16) and import it again"_s);
    }

    // Excel's first line naming a quote as the delimiter: said so, at that line.
    QByteArray declared("sep=\"\ndate,title\n2024-01-01,x\n");
    QBuffer declaredBuffer(&declared);
    CsvReader declaring;
    QVERIFY(!declaring.open(&declaredBuffer, kName));
    QCOMPARE(declaring.errorString(),
             u"test.csv:1:1: the sep= line names an unusable delimiter U+0022"_s);
}

void TestCsvReader::progress()
{
    QByteArray input("a,b\n1,2\n\"3\r\n3\",44\r\n5,6");
    QBuffer buffer(&input);
    CsvReader reader;
    QVERIFY(reader.open(&buffer, kName));
    QCOMPARE(reader.totalBytes(), qint64(input.size()));
    // What the records read so far took: the header and each record with its line end.
    QVERIFY(reader.readRecord());
    QCOMPARE(reader.bytesParsed(), qint64(8));
    QVERIFY(reader.readRecord());
    QCOMPARE(reader.bytesParsed(), qint64(19));
    readAll(reader);
    QCOMPARE(reader.bytesRead(), qint64(input.size()));
    QCOMPARE(reader.bytesParsed(), qint64(input.size()));
}

void TestCsvReader::realFile()
{
    const QString path =
        QStringLiteral(PLACARD_SOURCE_DIR "/../shared/data/ccc_location_lookup.csv");
    if (!QFile::exists(path))
        QSKIP("the Crowd Counting Consortium location lookup is not available");

    CsvReader reader;
    QVERIFY2(reader.open(path), qPrintable(reader.errorString()));
    QCOMPARE(reader.delimiter(), u',');
    QVERIFY(reader.hasHeader());
    QCOMPARE(reader.header(),
             (QStringList{u"CityTown"_s, u"StateTerritory"_s, u"lat"_s, u"lon"_s, u"locality"_s,
                          u"state"_s, u"county"_s, u"Location"_s}));
    QCOMPARE(reader.expectedFieldCount(), 8);

    // Rows checked against a hex dump of the file.
    QHash<qint64, QStringList> expected;
    // line 3: "(national)",NA,... (unquoted NA is missing)
    expected.insert(3,
                    {u"(national)"_s, u"NA"_s, u"36.804544"_s, u"-97.28087"_s, u"Blackwell"_s,
                     u"OK"_s, u"Kay County"_s, u"(national), NA"_s});
    // line 800: 0xF1 (Windows-1252)
    expected.insert(800,
                    {u"Ca\u00f1on City"_s, u"CO"_s, u"38.449406"_s, u"-105.225332"_s,
                     u"Ca\u00f1on City"_s, u"CO"_s, u"Fremont County"_s, u"Ca\u00f1on City, CO"_s});
    // line 1115: 0x92 (Windows-1252 right single quotation mark)
    expected.insert(1115,
                    {u"Coeur d\u2019Alene"_s, u"ID"_s, u"47.673463"_s, u"-116.781223"_s,
                     u"Coeur d'Alene"_s, u"ID"_s, u"Kootenai County"_s,
                     u"Coeur d\u2019Alene, ID"_s});
    // line 2310: 0xE5 and 0xF1
    expected.insert(2310,
                    {u"H\u00e5gat\u00f1a"_s, u"GU"_s, u"13.476282"_s, u"144.750223"_s,
                     u"Hag\u00e5t\u00f1a"_s, u"NA"_s, u"NA"_s, u"H\u00e5gat\u00f1a, GU"_s});
    // line 5633: UTF-8 C3 B1
    expected.insert(5633,
                    {u"La Cruces"_s, u"NM"_s, u"32.3199396"_s, u"-106.7636538"_s, u"Las Cruces"_s,
                     u"NM"_s, u"Do\u00f1a Ana County"_s, u"La Cruces, NM"_s});
    // line 10187: Cyrillic UTF-8 (not to be "repaired")
    expected.insert(10187,
                    {u"Saint Petersburg"_s, u"NA"_s, u"59.9310584"_s, u"30.3609097"_s,
                     u"Saint Petersburg"_s, u"Saint Petersburg"_s,
                     u"\u0421\u0430\u043d\u043a\u0442-\u041f\u0435\u0442\u0435\u0440"
                     u"\u0431\u0443\u0440\u0433"_s,
                     u"Saint Petersburg, NA"_s});

    qint64 records = 0;
    qint64 missing = 0;
    qint64 wrongCount = 0;
    int seen = 0;
    while (reader.readRecord()) {
        ++records;
        if (reader.fieldCount() != 8)
            ++wrongCount;
        for (int i = 0; i < reader.fieldCount(); ++i)
            missing += reader.isMissing(i) ? 1 : 0;
        const auto it = expected.constFind(reader.lineNumber());
        if (it != expected.constEnd()) {
            QCOMPARE(reader.fields(), *it);
            ++seen;
        }
        if (reader.lineNumber() == 3) {
            QVERIFY(reader.isMissing(1));
            QVERIFY(!reader.isQuoted(1));
            QVERIFY(!reader.isMissing(0));
        }
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(records, 10432);
    QCOMPARE(reader.stats().records, 10432);
    QCOMPARE(reader.lineNumber(), 10433);
    QCOMPARE(seen, expected.size());
    QCOMPARE(wrongCount, 0);
    QCOMPARE(missing, 1078);
    // 28 fields carry Windows-1252 bytes; the other non-ASCII text is UTF-8, and none
    // of it is double-encoded.
    QCOMPARE(reader.stats().cp1252Fields, 28);
    QCOMPARE(reader.stats().repairedFields, 0);
    QCOMPARE(reader.stats().encoding, u"mixed UTF-8/Windows-1252"_s);
    QCOMPARE(reader.bytesRead(), reader.totalBytes());
}

void TestCsvReader::throughput()
{
    QByteArray line;
    for (int i = 0; i < 20; ++i) {
        if (i)
            line.append(',');
        switch (i % 5) {
        case 0:
            line.append("12345.678");
            break;
        case 1:
            line.append("\"Portland, OR\"");
            break;
        case 2:
            line.append("2020-06-0");
            line.append(char('1' + i % 9));
            break;
        case 3:
            line.append("NA");
            break;
        default:
            line.append(i == 19 ? "Espa\xC3\xB1ola" : "protest against police");
            break;
        }
    }
    line.append('\n');
    QByteArray input("c0");
    for (int i = 1; i < 20; ++i)
        input.append(",c" + QByteArray::number(i));
    input.append('\n');
    while (input.size() < 20 * 1000 * 1000)
        input.append(line);

    QBuffer buffer(&input);
    QElapsedTimer timer;
    timer.start();
    CsvReader reader;
    QVERIFY(reader.open(&buffer, kName));
    qint64 fields = 0;
    while (reader.readRecord())
        fields += reader.fieldCount();
    const qint64 ns = timer.nsecsElapsed();
    QVERIFY(!reader.hasError());
    QCOMPARE(fields, reader.stats().records * 20);
    qDebug("CSV throughput: %.1f MB/s (%lld records, %.1f MB in %.3f s)",
           double(input.size()) / 1e6 / (double(ns) / 1e9), reader.stats().records,
           double(input.size()) / 1e6, double(ns) / 1e9);
}

void TestCsvReader::forcedEncoding()
{
    // "Doña" in UTF-8, and "café" in Windows-1252 (0xE9), in one file.
    QByteArray input("Do\xC3\xB1"
                     "a,caf\xE9\n");
    const auto read = [&](CsvOptions::Encoding encoding) {
        QBuffer buffer(&input);
        CsvOptions options = optionsFor(',', CsvOptions::Header::No);
        options.encoding = encoding;
        options.repairMojibake = false;
        CsvReader reader(options);
        if (!reader.open(&buffer, kName))
            return Records{};
        return readAll(reader);
    };
    // Field by field by default; forced, every field is read the one way.
    QCOMPARE(read(CsvOptions::Encoding::Auto), (Records{{u"Doña"_s, u"café"_s}}));
    QCOMPARE(read(CsvOptions::Encoding::Windows1252), (Records{{u"DoÃ±a"_s, u"café"_s}}));
    QCOMPARE(read(CsvOptions::Encoding::Utf8), (Records{{u"Doña"_s, u"caf\uFFFD"_s}}));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
