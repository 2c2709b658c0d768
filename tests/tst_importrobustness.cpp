// SPDX-License-Identifier: GPL-3.0-or-later
// Messy real-world CSV files must be accounted for: every record is either imported or
// skipped (records == imported + skipped), every problem names its line and column, and a
// file that cannot be read leaves the catalogue as it was, with an error naming the file.
#include "catalogue/catalogue.h"
#include "io/csvreader.h"
#include "io/fipscodes.h"
#include "io/importer.h"
#include "io/normalise.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace placard;
using namespace placard::io;
using namespace Qt::StringLiterals;

namespace {

/// A problem the import must report: exact line and column, part of the message.
struct ProblemSpec {
    qint64 line = 0;
    int column = 0;
    QString message;
};

/// What one import must give, built by chained calls. `events` checks the stored events in
/// id order, one map per event, only the keys it holds (see checkEvent()).
struct Expect {
    bool committed = true;
    qint64 records = 0;
    qint64 imported = 0;
    qint64 skipped = 0;
    qint64 duplicates = 0;
    qint64 updated = 0;
    qint64 unplaced = 0;
    QList<ProblemSpec> problems;
    QStringList error; ///< parts of the error, which must also name the file
    QString encoding; ///< checked when not empty
    QChar delimiter; ///< checked when not null
    QList<QVariantMap> events;
    QString bug; ///< a known importer bug makes the outcome differ (see messyFiles())

    /// Committed, with these counts.
    static Expect counts(qint64 records, qint64 imported, qint64 skipped)
    {
        Expect e;
        e.records = records;
        e.imported = imported;
        e.skipped = skipped;
        return e;
    }
    /// Not committed, nothing counted; the error names the file and holds these parts.
    static Expect failure(const QStringList &errorParts = {})
    {
        Expect e;
        e.committed = false;
        e.error = errorParts;
        return e;
    }
    Expect &withDuplicates(qint64 found, qint64 updatedEvents = 0)
    {
        duplicates = found;
        updated = updatedEvents;
        return *this;
    }
    Expect &withUnplaced(qint64 count)
    {
        unplaced = count;
        return *this;
    }
    Expect &withProblems(const QList<ProblemSpec> &list)
    {
        problems = list;
        return *this;
    }
    Expect &withEncoding(const QString &name)
    {
        encoding = name;
        return *this;
    }
    Expect &withDelimiter(QChar c)
    {
        delimiter = c;
        return *this;
    }
    Expect &withEvents(const QList<QVariantMap> &list)
    {
        events = list;
        return *this;
    }
    Expect &knownBug(const QString &description)
    {
        bug = description;
        return *this;
    }
};

} // namespace

Q_DECLARE_METATYPE(Expect)
Q_DECLARE_METATYPE(placard::io::DuplicatePolicy)

namespace {

const QDate kEpoch(1970, 1, 1);

const QByteArray kHeader = "date,title,locality,state,lat,lon,size_text,issues\n";

QString describe(const QList<ImportProblem> &problems)
{
    QStringList lines;
    for (const ImportProblem &p : problems)
        lines << u"  %1:%2: %3 [%4]"_s.arg(p.line).arg(p.column).arg(p.message, p.value.left(40));
    return lines.join(u'\n');
}

// Keys: line, title, titleLength, date, endDate, place, locality, admin1, country, type,
// lat, lon (null: unplaced), geo, sizeLow, sizeHigh (null: unset), sizeText, issues,
// externalId. Fails the current test on the first difference.
void checkEvent(const Event &e, const QVariantMap &expect)
{
    for (auto it = expect.cbegin(); it != expect.cend(); ++it) {
        const QString &key = it.key();
        const QVariant &v = it.value();
        const QByteArray what =
            "event line " + QByteArray::number(e.sourceLine) + ", " + key.toUtf8();
        if (key == "line"_L1) {
            QCOMPARE(e.sourceLine, v.toLongLong());
        } else if (key == "title"_L1) {
            QCOMPARE(e.title, v.toString());
        } else if (key == "titleLength"_L1) {
            QCOMPARE(qint64(e.title.size()), v.toLongLong());
        } else if (key == "date"_L1) {
            QCOMPARE(kEpoch.addDays(e.startDay), v.toDate());
        } else if (key == "endDate"_L1) {
            QCOMPARE(kEpoch.addDays(e.endDay), v.toDate());
        } else if (key == "place"_L1) {
            QCOMPARE(e.place, v.toString());
        } else if (key == "locality"_L1) {
            QCOMPARE(e.locality, v.toString());
        } else if (key == "admin1"_L1) {
            QCOMPARE(e.admin1, v.toString());
        } else if (key == "country"_L1) {
            QCOMPARE(e.country, v.toString());
        } else if (key == "type"_L1) {
            QCOMPARE(e.type, v.toString());
        } else if (key == "lat"_L1 || key == "lon"_L1) {
            const std::optional<double> &value = key == "lat"_L1 ? e.latitude : e.longitude;
            if (v.isNull()) {
                QVERIFY2(!value.has_value(), what.constData());
            } else {
                QVERIFY2(value.has_value(), what.constData());
                QCOMPARE(*value, v.toDouble());
            }
        } else if (key == "geo"_L1) {
            QCOMPARE(int(e.geoPrecision), v.toInt());
        } else if (key == "sizeLow"_L1 || key == "sizeHigh"_L1) {
            const std::optional<qint64> &value = key == "sizeLow"_L1 ? e.sizeLow : e.sizeHigh;
            if (v.isNull()) {
                QVERIFY2(!value.has_value(), what.constData());
            } else {
                QVERIFY2(value.has_value(), what.constData());
                QCOMPARE(*value, v.toLongLong());
            }
        } else if (key == "sizeText"_L1) {
            QCOMPARE(e.sizeText, v.toString());
        } else if (key == "issues"_L1) {
            QCOMPARE(e.issues, v.toStringList());
        } else if (key == "externalId"_L1) {
            QCOMPARE(e.externalId, v.toString());
        } else {
            QFAIL(qPrintable(u"unknown key %1 in the expected event"_s.arg(key)));
        }
    }
}

QList<Event> storedEvents(const Catalogue &catalogue)
{
    QList<Event> events;
    qint64 after = 0;
    for (;;) {
        const QList<qint64> ids = catalogue.eventIds(after, 1000);
        if (ids.isEmpty())
            break;
        for (qint64 id : ids) {
            if (const std::optional<Event> e = catalogue.event(id))
                events.append(*e);
        }
        after = ids.constLast();
    }
    return events;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// One GDELT 2.0 record as the raw files have it: 61 tab-separated columns, no header.
QByteArray gdeltRecord(const char *id, const char *date, const char *rootCode,
                       const char *eventCode, const char *geoType, const char *fullName,
                       const char *country, const char *lat, const char *lon)
{
    QList<QByteArray> f(61);
    const auto set = [&f](int column, const QByteArray &value) {
        f[column - 1] = value;
    };
    set(1, id);
    set(2, date);
    set(3, QByteArray(date).left(6)); // MonthYear
    set(4, QByteArray(date).left(4)); // Year
    set(5, "2025.2630"); // FractionDate
    set(6, "FRA");
    set(7, "FRANCE"); // Actor1Name
    set(26, "1"); // IsRootEvent
    set(27, eventCode);
    set(28, eventCode); // EventBaseCode
    set(29, rootCode);
    set(30, "3"); // QuadClass
    set(31, "-6.5"); // GoldsteinScale
    set(32, "10");
    set(33, "1");
    set(34, "10");
    set(35, "-3.2");
    set(52, geoType);
    set(53, fullName);
    set(54, country);
    set(55, QByteArray(country) + "00"); // ActionGeo_ADM1Code
    set(57, lat);
    set(58, lon);
    set(59, "-1456928");
    set(60, "20250405101500"); // DATEADDED
    set(61, QByteArray("https://news.example/") + id);
    return f.join('\t') + '\n';
}

// A literal's bytes, NULs included.
template<qsizetype N> QByteArray bytes(const char (&literal)[N])
{
    return QByteArray(literal, N - 1);
}

QVariant none()
{
    return QVariant();
}

QString binaryPath(const char *relative)
{
    return QString::fromUtf8(PLACARD_BINARY_DIR) + QLatin1Char('/') + QString::fromUtf8(relative);
}

} // namespace

class TestImportRobustness : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void messyFiles_data();
    void messyFiles();
    void realGdeltSample();
    void realCccLocationLookupHasNoDate();
    void manyColumnsNoneADate();
    void mutatedFilesAccountForEveryRecord();
    void cliImportReport();
    void cliMissingFile();

private:
    struct Imported {
        std::unique_ptr<Catalogue> catalogue;
        ImportReport report;
    };
    // Imports a file into a fresh catalogue in dir; QVERIFY-style failure leaves catalogue
    // null.
    static Imported importInto(const QTemporaryDir &dir, const QString &file,
                               const ImportOptions &options);
};

TestImportRobustness::Imported TestImportRobustness::importInto(const QTemporaryDir &dir,
                                                                const QString &file,
                                                                const ImportOptions &options)
{
    Imported result;
    QString error;
    result.catalogue = Catalogue::create(dir.filePath(u"test.placard"_s), &error);
    if (!result.catalogue) {
        qWarning("cannot create the catalogue: %s", qPrintable(error));
        return result;
    }
    Importer importer(*result.catalogue);
    // These cases are about reading files; placing names is tested in tst_importer.
    ImportOptions reading = options;
    reading.geocode = false;
    result.report = importer.importCsv(file, reading);
    return result;
}

void TestImportRobustness::messyFiles_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<DuplicatePolicy>("policy");
    QTest::addColumn<Expect>("expect");

    const auto add = [](const char *tag, const QByteArray &input, const Expect &expect,
                        DuplicatePolicy policy = DuplicatePolicy::Skip) {
        QTest::newRow(tag) << input << policy << expect;
    };
    const QByteArray goodRow = "2025-04-05,Good,Portland,OR,45.52,-122.68,,peace\n";
    const QVariantMap good = {{u"line"_s, 2}, {u"title"_s, u"Good"_s}};

    add("valid minimal",
        kHeader + "2025-04-05,Rally for Peace,Portland,OR,45.52,-122.68,about 500,peace\n",
        Expect::counts(1, 1, 0)
            .withEncoding(u"UTF-8"_s)
            .withDelimiter(u',')
            .withEvents({{{u"line"_s, 2},
                          {u"title"_s, u"Rally for Peace"_s},
                          {u"date"_s, QDate(2025, 4, 5)},
                          {u"endDate"_s, QDate(2025, 4, 5)},
                          {u"locality"_s, u"Portland"_s},
                          {u"admin1"_s, u"OR"_s},
                          {u"country"_s, u"US"_s},
                          {u"lat"_s, 45.52},
                          {u"lon"_s, -122.68},
                          {u"geo"_s, int(GeoPrecision::Locality)},
                          {u"sizeLow"_s, 500},
                          {u"sizeHigh"_s, 500},
                          {u"sizeText"_s, u"about 500"_s},
                          {u"issues"_s, QStringList{u"peace"_s}}}}));

    add("German list: headers, dates, decimal commas, thousands dots",
        QByteArray("Datum;Ort;Land;Breite;L\xc3\xa4nge;Teilnehmer;Titel\n"
                   "30.01.2026;Berlin;Deutschland;52,5200;13,4050;1.500;Demo gegen Rechts\n"
                   "31.01.2026;M\xc3\xbcnchen;Deutschland;48,1351;11,5820;\"2.000-3.000\";"
                   "Kundgebung\n"),
        Expect::counts(2, 2, 0).withDelimiter(u';').withEvents(
            {{{u"line"_s, 2},
              {u"date"_s, QDate(2026, 1, 30)},
              {u"place"_s, u"Berlin"_s},
              {u"lat"_s, 52.52},
              {u"lon"_s, 13.405},
              {u"sizeLow"_s, 1500},
              {u"sizeHigh"_s, 1500},
              {u"title"_s, u"Demo gegen Rechts"_s}},
             {{u"line"_s, 3},
              {u"date"_s, QDate(2026, 1, 31)},
              {u"place"_s, u"M\u00fcnchen"_s},
              {u"lat"_s, 48.1351},
              {u"lon"_s, 11.582},
              {u"sizeLow"_s, 2000},
              {u"sizeHigh"_s, 3000}}}));

    // Written by a European spreadsheet: every date could be either order, and the
    // coordinates have three decimals after a comma, which elsewhere would be thousands.
    add("European list: dotted dates that could be either order, three-decimal commas",
        QByteArray("Datum;Titel;Ort;Breitengrad;L\xe4ngengrad;Teilnehmer\r\n"
                   "05.04.2025;Demo f\xfcr Klimaschutz;Berlin;52,520;13,405;1.500\r\n"
                   "06.04.2025;Kundgebung;M\xfcnchen;48,137;11,575;ca. 300\r\n"),
        Expect::counts(2, 2, 0)
            .withDelimiter(u';')
            .withProblems({{2, 1, u"read as day/month, as dates with dots are written"_s}})
            .withEvents({{{u"line"_s, 2},
                          {u"date"_s, QDate(2025, 4, 5)},
                          {u"title"_s, u"Demo f\u00fcr Klimaschutz"_s},
                          {u"lat"_s, 52.52},
                          {u"lon"_s, 13.405},
                          {u"sizeLow"_s, 1500}},
                         {{u"line"_s, 3},
                          {u"date"_s, QDate(2025, 4, 6)},
                          {u"place"_s, u"M\u00fcnchen"_s},
                          {u"lat"_s, 48.137},
                          {u"lon"_s, 11.575},
                          {u"sizeLow"_s, 300}}}));

    // Month first is the United States' custom: a list kept in Spanish writes the day first.
    add("Spanish list: a date that could be either order, the point as WKT",
        QByteArray("fecha,titulo,ciudad,pais,geometry\n"
                   "05/04/2025,Marcha,Santiago,Chile,POINT(-70.6 -33.45)\n"),
        Expect::counts(1, 1, 0)
            .withProblems({{2, 1, u"read as day/month, as the column names are not in English"_s}})
            .withEvents({{{u"date"_s, QDate(2025, 4, 5)},
                          {u"title"_s, u"Marcha"_s},
                          {u"lat"_s, -33.45},
                          {u"lon"_s, -70.6}}}));

    add("text after a closing quote",
        kHeader + "2025-04-05,\"Rally\" for peace,Portland,OR,45.52,-122.68,,peace\n",
        Expect::counts(1, 1, 0)
            .withProblems({{2, 2, u"text after the closing quote was kept in the field"_s}})
            .withEvents({{{u"title"_s, u"Rally for peace"_s}}}));

    // Count Love's own layout; its list covers the United States only.
    add("Count Love",
        QByteArray("Date,Location,Attendees,Event (legacy; see tags),Tags,Curated,Source,"
                   "Total Articles\n"
                   "2017-01-15,\"Bowie State University, Bowie, MD\",1500,Healthcare "
                   "(Pro-Obamacare),Healthcare; For Affordable Care Act,Yes,"
                   "http://example.org/a,1\n"),
        Expect::counts(1, 1, 0).withUnplaced(1).withEvents(
            {{{u"date"_s, QDate(2017, 1, 15)},
              {u"title"_s, u"Healthcare (Pro-Obamacare)"_s},
              {u"place"_s, u"Bowie State University, Bowie, MD"_s},
              {u"country"_s, u"US"_s},
              {u"sizeLow"_s, 1500},
              {u"sizeHigh"_s, 1500}}}));

    add("a title above the header",
        "Protest events, compiled by volunteers\n\n" + kHeader + goodRow,
        Expect::counts(1, 1, 0)
            .withProblems({{1, 1, u"text above the header, left out"_s}})
            .withEvents({{{u"line"_s, 4}, {u"title"_s, u"Good"_s}}}));

    add("empty file", QByteArray(), Expect::failure());

    add("header only", kHeader, Expect::counts(0, 0, 0));

    add("unreadable date", kHeader + goodRow + "someday soon,Bad,Salem,OR,44.94,-123.03,,peace\n",
        Expect::counts(2, 1, 1).withProblems({{3, 1, u"unreadable date"_s}}).withEvents({good}));

    add("rows of empty cells below the data", kHeader + goodRow + ",,,,,,,\n , ,,,,,,\n",
        Expect::counts(3, 1, 2)
            .withProblems({{3, 1, u"empty row: skipped"_s}, {4, 1, u"empty row: skipped"_s}})
            .withEvents({good}));

    add("empty date", kHeader + goodRow + ",Bad,Salem,OR,44.94,-123.03,,peace\n",
        Expect::counts(2, 1, 1).withProblems({{3, 1, u"no date"_s}}).withEvents({good}));

    add("swapped coordinates", kHeader + "2025-04-05,Swapped,Portland,OR,123,45,,\n",
        Expect::counts(1, 1, 0)
            .withProblems({{2, 5, u"swapped"_s}})
            .withEvents({{{u"lat"_s, 45.0}, {u"lon"_s, 123.0}}}));

    add("coordinates out of range", kHeader + "2025-04-05,Nowhere,Portland,OR,95,200,,\n",
        Expect::counts(1, 1, 0)
            .withUnplaced(1)
            .withProblems({{2, 6, u"longitude 200 out of range"_s}})
            .withEvents({{{u"title"_s, u"Nowhere"_s},
                          {u"lat"_s, none()},
                          {u"lon"_s, none()},
                          {u"geo"_s, int(GeoPrecision::Unplaced)}}}));

    add("latitude out of range", kHeader + "2025-04-05,Nowhere,Portland,OR,95,100,,\n",
        Expect::counts(1, 1, 0)
            .withUnplaced(1)
            .withProblems({{2, 5, u"latitude 95 out of range"_s}})
            .withEvents({{{u"lat"_s, none()}, {u"lon"_s, none()}}}));

    add("coordinates NA", kHeader + "2025-04-05,No place,Portland,OR,NA,NA,,\n",
        Expect::counts(1, 1, 0).withUnplaced(1).withEvents(
            {{{u"lat"_s, none()}, {u"lon"_s, none()}}}));

    add("fewer fields than the header", kHeader + "2025-04-05,Short,Portland,OR\n",
        Expect::counts(1, 1, 0)
            .withUnplaced(1)
            .withProblems({{2, 5, u"4 fields where the header has 8"_s}})
            .withEvents({{{u"title"_s, u"Short"_s}, {u"admin1"_s, u"OR"_s}, {u"lat"_s, none()}}}));

    add("more fields than the header",
        kHeader + "2025-04-05,Long,Portland,OR,45.52,-122.68,hundreds,peace,extra,more\n",
        Expect::counts(1, 1, 0)
            .withProblems({{2, 9, u"10 fields where the header has 8"_s}})
            .withEvents({{{u"title"_s, u"Long"_s},
                          {u"sizeLow"_s, 200},
                          {u"issues"_s, QStringList{u"peace"_s}}}}));

    add("empty fields past the header",
        kHeader + "2025-04-05,Wide,Portland,OR,45.52,-122.68,hundreds,peace,,,\n" +
            "2025-04-06,Wider,Salem,OR,44.94,-123.03,,peace,, ,,text\n",
        Expect::counts(2, 2, 0)
            .withProblems({{3, 12, u"12 fields where the header has 8"_s}})
            .withEvents({{{u"title"_s, u"Wide"_s}}, {{u"title"_s, u"Wider"_s}}}));

    add("unterminated quote",
        kHeader + goodRow + "2025-04-06,\"Broken title,Salem,OR,44.94,-123.03,,peace\n" +
            "2025-04-07,Later,Eugene,OR,44.05,-123.09,,peace\n",
        Expect::counts(3, 3, 0)
            .withProblems({{3, 2, u"a quote that never closes was read as part of the field"_s}})
            .withEvents({good,
                         {{u"line"_s, 3}, {u"title"_s, u"\"Broken title"_s}},
                         {{u"line"_s, 4}, {u"title"_s, u"Later"_s}}}));

    QByteArray crlf = kHeader + goodRow + "2025-04-06,\"Two\r\nlines\",Salem,OR,,,,jobs\n" +
        "not a date,After,Eugene,OR,,,,\n";
    crlf.replace("\n", "\r\n").replace("\r\r\n", "\r\n");
    add("CRLF line ends", crlf,
        Expect::counts(3, 2, 1)
            .withUnplaced(1)
            .withProblems({{5, 1, u"unreadable date"_s}})
            .withEvents(
                {{{u"line"_s, 2}, {u"title"_s, u"Good"_s}, {u"issues"_s, QStringList{u"peace"_s}}},
                 {{u"line"_s, 3},
                  {u"title"_s, u"Two\r\nlines"_s},
                  {u"issues"_s, QStringList{u"jobs"_s}}}}));

    add("blank lines between records",
        kHeader + "\n" + goodRow + "\n\r\n" + "later,Bad,Salem,OR,,,,\n",
        Expect::counts(2, 1, 1)
            .withProblems({{6, 1, u"unreadable date"_s}})
            .withEvents({{{u"line"_s, 3}, {u"title"_s, u"Good"_s}}}));

    add("no line end at the end of the file",
        kHeader + goodRow + "2025-04-06,Last,Salem,OR,44.94,-123.03,,\"jobs\"",
        Expect::counts(2, 2, 0).withEvents(
            {good, {{u"title"_s, u"Last"_s}, {u"issues"_s, QStringList{u"jobs"_s}}}}));

    add("UTF-8 BOM",
        "\xEF\xBB\xBF" + kHeader +
            "2025-04-05,Marcha en Pe\xC3\xB1"
            "a,Portland,OR,45.52,-122.68,,peace\n",
        Expect::counts(1, 1, 0)
            .withEncoding(u"UTF-8 (BOM)"_s)
            .withEvents({{{u"title"_s, u"Marcha en Peña"_s}, {u"date"_s, QDate(2025, 4, 5)}}}));

    {
        QStringEncoder encoder(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        const QByteArray utf16 = encoder(QString::fromUtf8(kHeader) +
                                         u"2025-04-05,Marcha en Peña,Portland,OR,45.52,-122.68,"
                                         u"thousands,peace\n"_s);
        add("UTF-16LE with BOM", utf16,
            Expect::counts(1, 1, 0)
                .withEncoding(u"UTF-16LE"_s)
                .withEvents({{{u"title"_s, u"Marcha en Peña"_s},
                              {u"date"_s, QDate(2025, 4, 5)},
                              {u"lat"_s, 45.52},
                              {u"sizeLow"_s, 2000},
                              {u"issues"_s, QStringList{u"peace"_s}}}}));
    }

    add("Windows-1252",
        kHeader +
            "2025-04-05,Marcha en Pe\xF1"
            "a,Portland,OR,45.52,-122.68,,O\x92"
            "Brien\n",
        Expect::counts(1, 1, 0)
            .withEncoding(u"Windows-1252"_s)
            .withEvents({{{u"title"_s, u"Marcha en Peña"_s},
                          {u"issues"_s, QStringList{u"O\u2019Brien"_s}}}}));

    add("double-encoded UTF-8",
        kHeader +
            "2025-04-05,Vigil,Do\xC3\x83\xC2\xB1"
            "a Ana,NM,32.35,-106.76,,\n",
        Expect::counts(1, 1, 0)
            .withProblems({{2, 3, u"double-encoded UTF-8 repaired"_s}})
            .withEncoding(u"UTF-8"_s)
            .withEvents({{{u"locality"_s, u"Doña Ana"_s}}}));

    add("semicolon-delimited",
        "date;title;locality;state;lat;lon;size_text;issues\n"
        "2025-04-05;Rally;Portland;OR;45,52;-122,68;1,000;peace\n"
        "2025-04-06;Rally 2;Salem;OR;44,94;-123,03;2,500;peace, jobs\n",
        Expect::counts(2, 2, 0).withDelimiter(u';').withEvents(
            {{{u"title"_s, u"Rally"_s},
              {u"lat"_s, 45.52},
              {u"lon"_s, -122.68},
              {u"sizeLow"_s, 1000},
              {u"sizeHigh"_s, 1000}},
             {{u"title"_s, u"Rally 2"_s},
              {u"sizeLow"_s, 2500},
              {u"issues"_s, QStringList{u"peace, jobs"_s}}}}));

    add("tab-delimited",
        "date\ttitle\tlocality\tstate\tlat\tlon\tsize_text\tissues\n"
        "2025-04-05\tRally, with a comma\tPortland\tOR\t45.52\t-122.68\t\tpeace\n"
        "2025-04-06\tRally 2\tSalem\tOR\t44.94\t-123.03\tdozens\tjobs\n",
        Expect::counts(2, 2, 0).withDelimiter(u'\t').withEvents(
            {{{u"title"_s, u"Rally, with a comma"_s}, {u"locality"_s, u"Portland"_s}},
             {{u"title"_s, u"Rally 2"_s}, {u"sizeLow"_s, 24}}}));

    add("slashed dates decided day-first",
        kHeader + "3/4/2025,First,Portland,OR,45.52,-122.68,,\n" +
            "13/4/2025,Second,Salem,OR,44.94,-123.03,,\n",
        Expect::counts(2, 2, 0).withEvents(
            {{{u"date"_s, QDate(2025, 4, 3)}}, {{u"date"_s, QDate(2025, 4, 13)}}}));

    add("slashed dates all ambiguous",
        kHeader + "3/4/2025,First,Portland,OR,45.52,-122.68,,\n" +
            "5/6/2025,Second,Salem,OR,44.94,-123.03,,\n",
        Expect::counts(2, 2, 0)
            .withProblems({{2, 1, u"ambiguous"_s}})
            .withEvents({{{u"date"_s, QDate(2025, 3, 4)}}, {{u"date"_s, QDate(2025, 5, 6)}}}));

    add("slashed dates contradicting each other",
        kHeader + "13/4/2025,First,Portland,OR,,,,\n" + "4/14/2025,Second,Salem,OR,,,,\n" +
            "3/4/2025,Third,Eugene,OR,,,,\n",
        Expect::counts(3, 2, 1)
            .withUnplaced(2)
            .withProblems({{2, 1, u"mixes month/day and day/month"_s},
                           {4, 1, u"ambiguous day/month order"_s}})
            .withEvents({{{u"date"_s, QDate(2025, 4, 13)}}, {{u"date"_s, QDate(2025, 4, 14)}}}));

    add("Excel serial date in a generic file",
        "date,title,city,region,latitude,longitude\n45000,Serial,Portland,OR,45.52,-122.68\n",
        Expect::counts(1, 1, 0).withEvents({{{u"date"_s, QDate(2023, 3, 15)},
                                             {u"locality"_s, u"Portland"_s},
                                             {u"admin1"_s, u"OR"_s},
                                             {u"country"_s, QString()},
                                             {u"geo"_s, int(GeoPrecision::Exact)}}}));

    add("size thousands", kHeader + "2025-04-05,Big,Portland,OR,45.52,-122.68,thousands,\n",
        Expect::counts(1, 1, 0).withEvents(
            {{{u"sizeLow"_s, 2000}, {u"sizeHigh"_s, 2000}, {u"sizeText"_s, u"thousands"_s}}}));

    add("size range", kHeader + "2025-04-05,Range,Portland,OR,45.52,-122.68,\"1,000-2,000\",\n",
        Expect::counts(1, 1, 0).withEvents(
            {{{u"sizeLow"_s, 1000}, {u"sizeHigh"_s, 2000}, {u"sizeText"_s, u"1,000-2,000"_s}}}));

    add("size approximate", kHeader + "2025-04-05,About,Portland,OR,45.52,-122.68,~500,\n",
        Expect::counts(1, 1, 0).withEvents(
            {{{u"sizeLow"_s, 500}, {u"sizeHigh"_s, 500}, {u"sizeText"_s, u"~500"_s}}}));

    add("size garbage", kHeader + "2025-04-05,Lots,Portland,OR,45.52,-122.68,lots,\n",
        Expect::counts(1, 1, 0)
            .withProblems({{2, 7, u"crowd size not understood; the text is kept"_s}})
            .withEvents(
                {{{u"sizeLow"_s, none()}, {u"sizeHigh"_s, none()}, {u"sizeText"_s, u"lots"_s}}}));

    const qsizetype mib = qsizetype(1) << 20;
    add("field of exactly 1 MiB",
        kHeader + goodRow + "2025-04-06," + QByteArray(mib, 'x') + ",Salem,OR,,,,\n",
        Expect::counts(2, 2, 0).withUnplaced(1).withEvents(
            {good, {{u"titleLength"_s, qint64(mib)}}}));

    add("field over 1 MiB",
        kHeader + goodRow + "2025-04-06," + QByteArray(mib + 1, 'x') + ",Salem,OR,,,,\n",
        Expect::failure({u":3:2:"_s, u"field longer than 1048576 bytes"_s}));

    // A quoted field of exactly the limit is allowed, also when it closes the file.
    add("quoted field of exactly 1 MiB",
        kHeader + goodRow + "2025-04-06,Last,Salem,OR,,,,\"" + QByteArray(mib, 'x') + "\"\n",
        Expect::counts(2, 2, 0).withUnplaced(1).withEvents(
            {good, {{u"title"_s, u"Last"_s}, {u"issues"_s, QStringList{QString(mib, u'x')}}}}));
    add("quoted field of exactly 1 MiB at the end of the file",
        kHeader + goodRow + "2025-04-06,Last,Salem,OR,,,,\"" + QByteArray(mib, 'x') + "\"",
        Expect::counts(2, 2, 0).withUnplaced(1).withEvents(
            {good, {{u"title"_s, u"Last"_s}, {u"issues"_s, QStringList{QString(mib, u'x')}}}}));

    add("NUL bytes",
        kHeader + bytes("2025-04-05,Ral\0ly,Portland,OR,45.52,-122.68,,peace\n") +
            bytes("2025-04-0\0"
                  "6,Other,Salem,OR,44.94,-123.03,,peace\n") +
            "2025-04-07,After,Eugene,OR,44.05,-123.09,,peace\n",
        // Left out, and said where: a NUL is no text, and SQLite compares names only up to one.
        Expect::counts(3, 3, 0)
            .withProblems({{2, 2, u"NUL characters in the field were left out"_s},
                           {3, 1, u"NUL characters in the field were left out"_s}})
            .withEvents({{{u"title"_s, u"Rally"_s}},
                         {{u"title"_s, u"Other"_s}, {u"date"_s, QDate(2025, 4, 6)}},
                         {{u"title"_s, u"After"_s}}}));

    // A line ending in CR alone among LF lines (a file joined from another): read as the
    // two records it ends and begins, and told. A bare CR inside a field stays data.
    add("a CR line end among LF ones",
        kHeader + "2025-04-05,Rally,Portland,OR,45.52,-122.68,,peace\r" +
            "2025-04-06,Other,Salem,OR,44.94,-123.03,,peace\n" +
            "2025-04-07,Aft\rer,Eugene,OR,44.05,-123.09,,peace\n",
        Expect::counts(3, 3, 0)
            .withProblems({{2, 1,
                            u"the line ends in a carriage return (CR) alone, where the file's "
                            "other lines end in LF: read as two records"_s}})
            .withEvents({{{u"title"_s, u"Rally"_s}, {u"date"_s, QDate(2025, 4, 5)}},
                         {{u"title"_s, u"Other"_s}, {u"date"_s, QDate(2025, 4, 6)}},
                         {{u"title"_s, u"Aft\rer"_s}}}));

    // Hand-made lists write an event of several days in its date cell, and crowd sizes
    // with remarks; "unknown" is no size and no problem.
    add("periods in the date cell, sizes with remarks",
        kHeader +
            "\"30\xe2\x80\x93"
            "31 January 2026\",Strike,Portland,OR,45.52,-122.68,"
            "\"10,000 (police); 30,000 (organisers)\",labor\n"
            "2026-01-30/2026-02-02,Camp,Salem,OR,44.94,-123.03,500 (est.),housing\n"
            "\"Jan 30-31, 2026\",Vigil,Eugene,OR,44.05,-123.09,unknown,peace\n"
            "2026-02-02 to 2026-01-30,Backwards,Bend,OR,44.06,-121.31,,peace\n",
        Expect::counts(4, 3, 1)
            .withProblems({{5, 1, u"unreadable date (the period ends before it starts)"_s}})
            .withEvents({{{u"title"_s, u"Strike"_s},
                          {u"date"_s, QDate(2026, 1, 30)},
                          {u"endDate"_s, QDate(2026, 1, 31)},
                          {u"sizeLow"_s, 10000},
                          {u"sizeHigh"_s, 30000},
                          {u"sizeText"_s, u"10,000 (police); 30,000 (organisers)"_s}},
                         {{u"title"_s, u"Camp"_s},
                          {u"date"_s, QDate(2026, 1, 30)},
                          {u"endDate"_s, QDate(2026, 2, 2)},
                          {u"sizeLow"_s, 500},
                          {u"sizeHigh"_s, 500}},
                         {{u"title"_s, u"Vigil"_s},
                          {u"date"_s, QDate(2026, 1, 30)},
                          {u"endDate"_s, QDate(2026, 1, 31)},
                          {u"sizeLow"_s, none()},
                          {u"sizeText"_s, u"unknown"_s}}}));
    add("database zero dates and typing slips in the year",
        kHeader +
            "0000-00-00,Zero,Portland,OR,45.52,-122.68,,peace\n"
            "0026-01-30,Slip,Salem,OR,44.94,-123.03,,peace\n"
            "2206-01-30,Later slip,Eugene,OR,44.05,-123.09,,peace\n"
            "1968-05-10,Paris in May,Bend,OR,44.06,-121.31,,peace\n",
        Expect::counts(4, 3, 1)
            .withProblems(
                {{2, 1, u"no date: the row is skipped"_s},
                 {3, 1, u"year 26 is unlikely for an event; the date is kept as written"_s},
                 {4, 1, u"year 2206 is unlikely for an event; the date is kept as written"_s}})
            .withEvents({{{u"title"_s, u"Slip"_s}, {u"date"_s, QDate(26, 1, 30)}},
                         {{u"title"_s, u"Later slip"_s}, {u"date"_s, QDate(2206, 1, 30)}},
                         {{u"title"_s, u"Paris in May"_s}, {u"date"_s, QDate(1968, 5, 10)}}}));
    // Humanitarian data sets carry HXL hashtags below the header; they name columns whose
    // names Placard does not know, and are no event.
    add("HXL hashtag row",
        QByteArray("Fecha del evento,Departamento,Latitud decimal,Longitud decimal,Resumen\n"
                   "#date,#adm1+name,#geo+lat,#geo+lon,#description\n"
                   "2026-01-30,Cusco,-13.53,-71.97,Marcha docente\n"),
        Expect::counts(1, 1, 0)
            .withProblems({{2, 1,
                            u"HXL hashtags below the header, read as the columns' names, not "
                            "as an event"_s}})
            .withEvents({{{u"line"_s, 3},
                          {u"date"_s, QDate(2026, 1, 30)},
                          {u"admin1"_s, u"Cusco"_s},
                          {u"lat"_s, -13.53},
                          {u"lon"_s, -71.97}}}));
    // Column names with a unit or a format in brackets; the date column's format says
    // which number is the day, so nothing is ambiguous.
    add("units and formats in column names",
        QByteArray("Date (dd/mm/yyyy),City,Country,Size (est.),Latitude (WGS84),Longitude [deg]\n"
                   "05/04/2025,Berlin,DE,100,52.52,13.405\n"
                   "06/04/2025,Hamburg,DE,200,53.55,9.99\n"),
        Expect::counts(2, 2, 0).withEvents({{{u"date"_s, QDate(2025, 4, 5)},
                                             {u"locality"_s, u"Berlin"_s},
                                             {u"lat"_s, 52.52},
                                             {u"lon"_s, 13.405},
                                             {u"sizeLow"_s, 100}},
                                            {{u"date"_s, QDate(2025, 4, 6)},
                                             {u"locality"_s, u"Hamburg"_s},
                                             {u"sizeLow"_s, 200}}}));
    add("links to web maps",
        QByteArray("date,title,city,map link\n"
                   "2026-01-30,Rally,Berlin,https://maps.google.com/?q=52.52%2C13.405\n"
                   "2026-01-31,March,Lima,https://www.openstreetmap.org/#map=15/-12.05/-77.04\n"
                   "2026-02-01,Vigil,Cusco,https://www.google.com/maps/place/Cusco\n"),
        Expect::counts(3, 3, 0)
            .withProblems({{4, 4,
                            u"unreadable coordinates (not a latitude/longitude pair): the event "
                            "is kept unplaced"_s}})
            .withUnplaced(1)
            .withEvents({{{u"title"_s, u"Rally"_s}, {u"lat"_s, 52.52}, {u"lon"_s, 13.405}},
                         {{u"title"_s, u"March"_s}, {u"lat"_s, -12.05}, {u"lon"_s, -77.04}},
                         {{u"title"_s, u"Vigil"_s}, {u"locality"_s, u"Cusco"_s}}}));
    add("coordinates longitude first, as GeoJSON writes them",
        QByteArray("date,title,city,coordinates\n"
                   "2026-01-30,Rally,Minneapolis,\"[-93.265, 44.978]\"\n"
                   "2026-01-30,Rally,Berlin,\"[13.405, 52.52]\"\n"
                   "2026-01-31,March,Seattle,\"[-122.33, 47.61]\"\n"
                   "2026-01-31,Vigil,Paris,\"2.35° E, 48.86° N\"\n"
                   "2026-02-01,Rally,Tokyo,\"[139.69, 35.69]\"\n"),
        Expect::counts(5, 5, 0)
            .withProblems({{2, 4,
                            u"the coordinates give the longitude first (3 of the first 4 "
                            "records can only be read so): read longitude, latitude"_s}})
            .withEvents({{{u"lat"_s, 44.978}, {u"lon"_s, -93.265}},
                         {{u"lat"_s, 52.52}, {u"lon"_s, 13.405}},
                         {{u"lat"_s, 47.61}, {u"lon"_s, -122.33}},
                         {{u"lat"_s, 48.86}, {u"lon"_s, 2.35}},
                         {{u"lat"_s, 35.69}, {u"lon"_s, 139.69}}}));
    add("latitude and longitude columns holding each other",
        QByteArray("date,city,latitude,longitude\n"
                   "2026-01-30,Chicago,-87.63,41.88\n"
                   "2026-01-30,Denver,-104.99,39.74\n"
                   "2026-01-31,Phoenix,-112.07,33.45\n"
                   "2026-01-31,Seattle,-122.33,47.61\n"),
        Expect::counts(4, 4, 0)
            .withProblems({{2, 3,
                            u"the latitude column holds longitudes and the longitude column "
                            "latitudes (3 of the first 4 records can only be read so)"_s}})
            .withEvents({{{u"lat"_s, 41.88}, {u"lon"_s, -87.63}},
                         {{u"lat"_s, 39.74}, {u"lon"_s, -104.99}},
                         {{u"lat"_s, 33.45}, {u"lon"_s, -112.07}},
                         {{u"lat"_s, 47.61}, {u"lon"_s, -122.33}}}));
    add("a few swapped rows among columns as named",
        QByteArray("date,city,latitude,longitude\n"
                   "2026-01-30,Chicago,41.88,-87.63\n"
                   "2026-01-30,Denver,-104.99,39.74\n"
                   "2026-01-31,Boston,42.36,-71.06\n"
                   "2026-01-31,Berlin,52.52,13.405\n"
                   "2026-01-31,Phoenix,-112.07,33.45\n"
                   "2026-02-01,Atlanta,33.75,-84.39\n"
                   "2026-02-01,Detroit,42.33,-83.05\n"
                   "2026-02-01,Miami,25.76,-80.19\n"
                   "2026-02-02,Tampa,27.95,-82.46\n"
                   "2026-02-02,Toronto,43.65,-79.38\n"
                   "2026-02-02,Rome,41.9,12.5\n"
                   "2026-02-02,Madrid,40.42,-3.7\n"
                   "2026-02-02,Lisbon,38.72,-9.14\n"),
        Expect::counts(13, 13, 0)
            .withProblems({{3, 3, u"latitude and longitude were swapped; exchanged"_s},
                           {6, 3, u"latitude and longitude were swapped; exchanged"_s}})
            .withEvents({{{u"lat"_s, 41.88}, {u"lon"_s, -87.63}},
                         {{u"lat"_s, 39.74}, {u"lon"_s, -104.99}},
                         {{u"lat"_s, 42.36}, {u"lon"_s, -71.06}},
                         {{u"lat"_s, 52.52}, {u"lon"_s, 13.405}},
                         {{u"lat"_s, 33.45}, {u"lon"_s, -112.07}},
                         {{u"lat"_s, 33.75}, {u"lon"_s, -84.39}},
                         {{u"lat"_s, 42.33}, {u"lon"_s, -83.05}},
                         {{u"lat"_s, 25.76}, {u"lon"_s, -80.19}},
                         {{u"lat"_s, 27.95}, {u"lon"_s, -82.46}},
                         {{u"lat"_s, 43.65}, {u"lon"_s, -79.38}},
                         {{u"lat"_s, 41.9}, {u"lon"_s, 12.5}},
                         {{u"lat"_s, 40.42}, {u"lon"_s, -3.7}},
                         {{u"lat"_s, 38.72}, {u"lon"_s, -9.14}}}));
    add("commas separate list values when nothing else does",
        QByteArray("date,city,state,issues,organisers\n"
                   "2026-01-30,Portland,OR,\"climate, youth\",\"Sunrise, 350 PDX\"\n"
                   "2026-01-31,Salem,OR,housing,Tenants Union\n"),
        Expect::counts(2, 2, 0)
            .withUnplaced(2)
            .withProblems({{2, 0,
                            u"commas separate the values of the list columns (organisers, "
                            "issues, tags…), as none holds a ';'"_s}})
            .withEvents({{{u"issues"_s, QStringList{u"climate"_s, u"youth"_s}}},
                         {{u"issues"_s, QStringList{u"housing"_s}}}}));
    add("commas are text where ';' separates",
        QByteArray("date,city,state,issues\n"
                   "2026-01-30,Portland,OR,\"climate, energy; youth\"\n"),
        Expect::counts(1, 1, 0).withUnplaced(1).withEvents(
            {{{u"issues"_s, QStringList{u"climate, energy"_s, u"youth"_s}}}}));
    add("files joined, each with its header",
        kHeader + goodRow + kHeader + "2025-04-06,Second,Salem,OR,44.94,-123.03,,peace\n",
        Expect::counts(2, 2, 0)
            .withProblems(
                {{3, 1, u"the header again (files joined one after the other?): left out"_s}})
            .withEvents({good, {{u"line"_s, 4}, {u"title"_s, u"Second"_s}}}));
    add("a period in the date cell and an end date column",
        QByteArray("date,end_date,title,locality,state,lat,lon\n"
                   "30 Jan \xe2\x80\x93 2 Feb 2026,2026-02-05,Longer,Portland,OR,45.52,-122.68\n"
                   "30 Jan \xe2\x80\x93 2 Feb 2026,,Period,Salem,OR,44.94,-123.03\n"),
        Expect::counts(2, 2, 0).withEvents({{{u"title"_s, u"Longer"_s},
                                             {u"date"_s, QDate(2026, 1, 30)},
                                             {u"endDate"_s, QDate(2026, 2, 5)}},
                                            {{u"title"_s, u"Period"_s},
                                             {u"date"_s, QDate(2026, 1, 30)},
                                             {u"endDate"_s, QDate(2026, 2, 2)}}}));

    add("only blank lines", "\n\r\n\n\n", Expect::failure());
    add("a header name with a line break, no date column", QByteArray("\"fo\no\",bar\n1,2\n"),
        Expect::failure({u"no column holds the date of the events (columns: fo\\no, bar)"_s}));

    const QByteArray duplicates =
        "date,title,locality,state,type,lat,lon,size_text,issues\n"
        "2025-04-05,First title,Portland,OR,rally,45.52,-122.68,hundreds,peace\n"
        "2025-04-05,Second title,Portland,OR,rally,45.521,-122.681,thousands,peace\n";
    add("duplicates skipped", duplicates,
        Expect::counts(2, 1, 1)
            .withDuplicates(1)
            .withProblems({{3, 1, u"duplicate of event 1; skipped"_s}})
            .withEvents({{{u"title"_s, u"First title"_s}, {u"type"_s, u"rally"_s}}}),
        DuplicatePolicy::Skip);
    add("duplicates kept", duplicates,
        Expect::counts(2, 2, 0)
            .withDuplicates(1)
            .withProblems({{3, 1, u"duplicate of event 1; kept both"_s}})
            .withEvents({{{u"title"_s, u"First title"_s}}, {{u"title"_s, u"Second title"_s}}}),
        DuplicatePolicy::Keep);
    add("duplicates updated", duplicates,
        Expect::counts(2, 2, 0)
            .withDuplicates(1, 1)
            .withProblems({{3, 1, u"duplicate of event 1; updated it"_s}})
            .withEvents({{{u"title"_s, u"Second title"_s}, {u"sizeLow"_s, 2000}}}),
        DuplicatePolicy::Update);

    // GDELT writes FIPS 10-4 codes: China is "CH" (ISO: Switzerland), Switzerland "SZ"; the
    // first-level code carries the FIPS country ("CH22" → "22"); an unknown code is kept and
    // reported at its column.
    QByteArray beijing = gdeltRecord("2001", "20250405", "14", "141", "4",
                                     "Beijing, Beijing, China", "CH", "39.9289", "116.388");
    beijing.replace("\tCH00\t", "\tCH22\t");
    add("GDELT FIPS countries",
        beijing +
            gdeltRecord("2002", "20250405", "14", "141", "4", "Bern, Bern, Switzerland", "SZ",
                        "46.9167", "7.46667") +
            gdeltRecord("2003", "20250406", "14", "141", "4", "Nowhere", "QQ", "10", "10"),
        Expect::counts(3, 3, 0)
            .withProblems({{3, 54, u"not a FIPS 10-4 country code; kept as written"_s}})
            .withDelimiter(u'\t')
            .withEvents(
                {{{u"externalId"_s, u"2001"_s}, {u"country"_s, u"CN"_s}, {u"admin1"_s, u"22"_s}},
                 {{u"externalId"_s, u"2002"_s}, {u"country"_s, u"CH"_s}, {u"admin1"_s, QString()}},
                 {{u"externalId"_s, u"2003"_s}, {u"country"_s, u"QQ"_s}}}));
    add("GDELT headerless",
        gdeltRecord("1001", "20250405", "14", "141", "4", "Paris, Ile-de-France, France", "FR",
                    "48.8667", "2.33333") +
            gdeltRecord("1002", "20250405", "04", "040", "4", "Lyon, Rhone-Alpes, France", "FR",
                        "45.75", "4.85") +
            gdeltRecord("1003", "20250406", "19", "190", "1", "France", "FR", "46", "2"),
        Expect::counts(3, 1, 2)
            .withProblems(
                {{2, 29, u"2 rows left out, this the first: their event code is not 14"_s}})
            .withDelimiter(u'\t')
            .withEvents({{{u"line"_s, 1},
                          {u"externalId"_s, u"1001"_s},
                          {u"date"_s, QDate(2025, 4, 5)},
                          {u"place"_s, u"Paris, Ile-de-France, France"_s},
                          {u"country"_s, u"FR"_s},
                          {u"lat"_s, 48.8667},
                          {u"lon"_s, 2.33333},
                          {u"geo"_s, int(GeoPrecision::Locality)}}}));
}

void TestImportRobustness::messyFiles()
{
    QFETCH(QByteArray, input);
    QFETCH(DuplicatePolicy, policy);
    QFETCH(Expect, expect);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"input.csv"_s);
    QVERIFY(writeFile(file, input));
    ImportOptions options;
    options.duplicates = policy;
    const Imported result = importInto(dir, file, options);
    QVERIFY(result.catalogue);
    const Catalogue &catalogue = *result.catalogue;
    const ImportReport &report = result.report;

    // The outcome. A known bug is expected to show here, and makes the rest meaningless.
    const QByteArray bug = expect.bug.toUtf8();
    if (!bug.isEmpty())
        QEXPECT_FAIL("", bug.constData(), Continue);
    QVERIFY2(report.committed == expect.committed, qPrintable(report.error));
    if (!bug.isEmpty() && report.committed != expect.committed)
        return;
    QVERIFY(!report.cancelled);
    if (expect.committed) {
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    } else {
        QVERIFY2(report.error.contains(file), qPrintable(report.error));
        for (const QString &part : std::as_const(expect.error))
            QVERIFY2(report.error.contains(part), qPrintable(report.error));
    }
    QCOMPARE(report.records, expect.records);
    QCOMPARE(report.imported, expect.imported);
    QCOMPARE(report.skipped, expect.skipped);
    QCOMPARE(report.records, report.imported + report.skipped);
    QCOMPARE(report.duplicates, expect.duplicates);
    QCOMPARE(report.updated, expect.updated);
    QCOMPARE(report.unplaced, expect.unplaced);
    if (!expect.encoding.isEmpty())
        QCOMPARE(report.encoding, expect.encoding);
    if (!expect.delimiter.isNull())
        QCOMPARE(report.delimiter, expect.delimiter);

    // The problems, exactly, in order.
    QVERIFY2(report.problems.size() == expect.problems.size(),
             qPrintable(u"problems:\n"_s + describe(report.problems)));
    QCOMPARE(report.problemCount, qint64(expect.problems.size()));
    for (qsizetype i = 0; i < expect.problems.size(); ++i) {
        const ImportProblem &p = report.problems.at(i);
        const ProblemSpec &want = expect.problems.at(i);
        QCOMPARE(p.line, want.line);
        QCOMPARE(p.column, want.column);
        QVERIFY2(p.message.contains(want.message), qPrintable(p.message));
    }

    // The catalogue: sound, holding exactly the new events (an updated one counts as
    // imported but adds no event), and the problems stored with the dataset.
    QCOMPARE(catalogue.integrityProblems(), QString());
    QCOMPARE(catalogue.eventCount(), report.imported - report.updated);
    const QList<Dataset> datasets = catalogue.datasets();
    if (!expect.committed) {
        QCOMPARE(catalogue.eventCount(), qint64(0));
        QVERIFY(datasets.isEmpty());
        return;
    }
    QCOMPARE(datasets.size(), 1);
    QCOMPARE(datasets.constFirst().id, report.datasetId);
    QCOMPARE(datasets.constFirst().fileName, u"input.csv"_s);
    QCOMPARE(datasets.constFirst().records, report.records);
    QCOMPARE(datasets.constFirst().imported, report.imported);
    QCOMPARE(datasets.constFirst().skipped, report.skipped);
    QCOMPARE(datasets.constFirst().duplicates, report.duplicates);
    QCOMPARE(datasets.constFirst().unplaced, report.unplaced);
    const QList<ImportProblem> stored = catalogue.problems(report.datasetId, 100000);
    QCOMPARE(stored.size(), report.problems.size());
    for (qsizetype i = 0; i < stored.size(); ++i) {
        QCOMPARE(stored.at(i).line, report.problems.at(i).line);
        QCOMPARE(stored.at(i).column, report.problems.at(i).column);
        QCOMPARE(stored.at(i).message, report.problems.at(i).message);
    }
    QCOMPARE(catalogue.unplacedCount(), report.unplaced);

    const QList<Event> events = storedEvents(catalogue);
    QCOMPARE(events.size(), expect.events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(events.at(i).datasetId, report.datasetId);
        checkEvent(events.at(i), expect.events.at(i));
        if (QTest::currentTestFailed())
            return;
    }
}

void TestImportRobustness::realGdeltSample()
{
    const QString path =
        QStringLiteral(PLACARD_SOURCE_DIR "/../shared/data/gdelt2_events_sample.csv");
    if (!QFileInfo::exists(path))
        QSKIP("the GDELT sample is not there");

    // What the file holds, read independently of the importer's mapping.
    struct Row {
        QString country;
        QString lat;
        QString lon;
        QString geoType;
    };
    QHash<qint64, Row> protests; // by line
    qint64 records = 0;
    qint64 protestCount = 0;
    qint64 withoutDate = 0;
    {
        CsvReader reader;
        QVERIFY2(reader.open(path), qPrintable(reader.errorString()));
        QVERIFY(reader.hasHeader());
        const QStringList header = reader.header();
        const auto column = [&header](const char *name) {
            return int(header.indexOf(QString::fromLatin1(name)));
        };
        const int date = column("SQLDATE");
        const int root = column("EventRootCode");
        const int geoType = column("ActionGeo_Type");
        const int country = column("ActionGeo_CountryCode");
        const int lat = column("ActionGeo_Lat");
        const int lon = column("ActionGeo_Long");
        for (int c : {date, root, geoType, country, lat, lon})
            QVERIFY(c >= 0);
        while (reader.readRecord()) {
            ++records;
            if (reader.field(root).trimmed() != "14"_L1)
                continue;
            ++protestCount;
            if (!parseDate(reader.field(date))) {
                ++withoutDate;
                continue;
            }
            const auto text = [&reader](int c) {
                return reader.isMissing(c) ? QString() : reader.field(c).trimmed();
            };
            protests.insert(reader.lineNumber(),
                            {text(country), text(lat), text(lon), text(geoType)});
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    }
    QCOMPARE(records, qint64(6090));
    QCOMPARE(protestCount, qint64(67)); // as the data's SOURCE.md states
    const qint64 usable = protestCount - withoutDate;

    // With duplicates kept, every protest with a date is imported; by default (skip) the
    // rows GDELT coded twice from one article (same day, type and place) are skipped as
    // duplicates, each with a problem at its line.
    for (DuplicatePolicy policy : {DuplicatePolicy::Keep, DuplicatePolicy::Skip}) {
        const QByteArray policyName = duplicatePolicyName(policy).toUtf8();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ImportOptions options;
        options.duplicates = policy;
        const Imported result = importInto(dir, path, options);
        QVERIFY(result.catalogue);
        const ImportReport &report = result.report;
        QVERIFY2(report.committed, qPrintable(report.error));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.mapping.preset, PresetId::Gdelt);
        QCOMPARE(report.records, qint64(6090));
        QCOMPARE(report.imported + report.skipped, report.records);
        QCOMPARE(report.filtered, records - protestCount);
        if (policy == DuplicatePolicy::Keep) {
            QCOMPARE(report.imported, usable);
        } else {
            QVERIFY2(report.duplicates > 0, policyName.constData());
            QCOMPARE(report.imported, usable - report.duplicates);
            QCOMPARE(report.skipped, records - usable + report.duplicates + withoutDate);
            qint64 duplicateProblems = 0;
            for (const ImportProblem &p : report.problems) {
                if (!p.message.contains(u"duplicate of event"_s))
                    continue;
                ++duplicateProblems;
                QVERIFY2(protests.contains(p.line), qPrintable(QString::number(p.line)));
                QCOMPARE(p.column, 2); // named at the date's column, SQLDATE
            }
            QCOMPARE(duplicateProblems, report.duplicates);
        }
        QCOMPARE(result.catalogue->eventCount(), report.imported);
        QCOMPARE(result.catalogue->integrityProblems(), QString());

        const QList<Event> events = storedEvents(*result.catalogue);
        QCOMPARE(qint64(events.size()), report.imported);
        qint64 placed = 0;
        qint64 withCountry = 0;
        for (const Event &e : events) {
            QVERIFY2(protests.contains(e.sourceLine), qPrintable(QString::number(e.sourceLine)));
            const Row &row = protests.value(e.sourceLine);
            const QByteArray where = policyName + ", line " + QByteArray::number(e.sourceLine);
            // FIPS 10-4 as the file has it, ISO 3166 as the catalogue keeps it (the table is
            // tested on its own in tst_normalise).
            QVERIFY2(e.country == isoFromFips(row.country).value_or(row.country),
                     where.constData());
            withCountry += e.country.isEmpty() ? 0 : 1;
            const bool hasPoint = !row.lat.isEmpty() && !row.lon.isEmpty() && row.geoType != "0"_L1;
            QVERIFY2(e.isPlaced() == hasPoint, where.constData());
            if (hasPoint) {
                ++placed;
                QCOMPARE(*e.latitude, row.lat.toDouble());
                QCOMPARE(*e.longitude, row.lon.toDouble());
                QVERIFY2(e.geoPrecision != GeoPrecision::Unplaced, where.constData());
            }
        }
        QVERIFY(withCountry > 0);
        QVERIFY(placed > 0);
        QCOMPARE(report.unplaced, qint64(events.size()) - placed);
    }
}

void TestImportRobustness::realCccLocationLookupHasNoDate()
{
    const QString path =
        QStringLiteral(PLACARD_SOURCE_DIR "/../shared/data/ccc_location_lookup.csv");
    if (!QFileInfo::exists(path))
        QSKIP("the Crowd Counting Consortium location lookup is not there");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Imported result = importInto(dir, path, {});
    QVERIFY(result.catalogue);
    const ImportReport &report = result.report;
    QVERIFY(!report.committed);
    QVERIFY2(report.error.contains(path), qPrintable(report.error));
    QVERIFY2(report.error.contains(u"no column holds the date"_s), qPrintable(report.error));
    QCOMPARE(report.records, report.imported + report.skipped);
    QCOMPARE(report.imported, qint64(0));
    QCOMPARE(result.catalogue->eventCount(), qint64(0));
    QVERIFY(result.catalogue->datasets().isEmpty());
    QCOMPARE(result.catalogue->integrityProblems(), QString());
}

void TestImportRobustness::manyColumnsNoneADate()
{
    // A wide file without a date column: the error names the first 20 columns and counts
    // the rest, rather than listing thousands.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList names;
    QStringList values;
    for (int c = 1; c <= 3000; ++c) {
        names << u"c%1"_s.arg(c);
        values << u"%1"_s.arg(c);
    }
    const QString path = dir.filePath(u"wide.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write((names.join(u',') + u'\n' + values.join(u',') + u'\n').toUtf8());
    file.close();
    const Imported result = importInto(dir, path, {});
    QVERIFY(result.catalogue);
    QCOMPARE(result.report.error,
             path + u": no column holds the date of the events (columns: "_s +
                 names.first(20).join(u", "_s) +
                 u" and 2980 more); name one \"date\", or give a column mapping"_s);
    QCOMPARE(result.catalogue->eventCount(), qint64(0));
}

void TestImportRobustness::mutatedFilesAccountForEveryRecord()
{
    // Files nobody wrote on purpose: real layouts cut, spliced and sprinkled with the bytes
    // that break readers (quotes, line ends, NUL, invalid UTF-8, huge fields), under every
    // preset and duplicate policy. Each import either commits with every record accounted
    // for and every problem at a line and column, or fails with the file named and the
    // catalogue left empty and sound.
    QList<QByteArray> seeds;
    for (const QString &path : {u"" PLACARD_SOURCE_DIR "/tests/data/messy-events.csv"_s,
                                u"" PLACARD_SOURCE_DIR "/resources/sample/sample-events.csv"_s}) {
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        seeds << f.readAll();
    }
    seeds << gdeltRecord("1001", "20250405", "14", "141", "4", "Paris, Ile-de-France, France", "FR",
                         "48.8667", "2.33333") +
            gdeltRecord("1002", "20250405", "04", "040", "4", "Lyon, Rhone-Alpes, France", "FR",
                        "45.75", "4.85");
    const QList<QByteArray> specials{"\"",
                                     "\"\"",
                                     "\r",
                                     "\n",
                                     "\r\n",
                                     QByteArray(1, '\0'),
                                     "\xff",
                                     "\xc3",
                                     "\xc3\x83\xc2\xb1",
                                     ",",
                                     ";",
                                     "\t",
                                     "NA",
                                     "1e309",
                                     "2025-00-00",
                                     "31/02/2024",
                                     "\xef\xbb\xbf",
                                     "\xe2\x80\x99",
                                     "90.0000001",
                                     "-180.5",
                                     "tens of thousands",
                                     "\xed\xa0\x80"};
    QRandomGenerator rng(20261202);
    const auto below = [&rng](qsizetype n) {
        return n > 0 ? qsizetype(rng.bounded(quint32(n))) : 0;
    };
    const QList<std::optional<PresetId>> presets{std::nullopt,
                                                 PresetId::Generic,
                                                 PresetId::Ccc,
                                                 PresetId::Acled,
                                                 PresetId::CountLove,
                                                 PresetId::Gdelt,
                                                 PresetId::MassMobilization};
    int committed = 0;
    for (int round = 0; round < 120; ++round) {
        QByteArray data = seeds.at(below(seeds.size()));
        for (int m = 0, edits = 1 + int(below(8)); m < edits; ++m) {
            const qsizetype at = below(data.size());
            switch (rng.bounded(7)) {
            case 0:
                if (!data.isEmpty())
                    data[at] = char(rng.bounded(256));
                break;
            case 1:
                data.insert(at, specials.at(below(specials.size())));
                break;
            case 2:
                data.remove(at, 1 + below(200));
                break;
            case 3:
                data.insert(at, data.mid(at, 1 + below(400)).repeated(1 + int(below(4))));
                break;
            case 4:
                data.truncate(at);
                break;
            case 5:
                data.insert(at, QByteArray(int(rng.bounded(2)) ? 70000 : 1100000, 'x'));
                break;
            default:
                data.insert(at, "\"" + QByteArray("a,b\n").repeated(1 + int(below(50))));
                break;
            }
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"mutant.csv"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
        file.close();
        ImportOptions options;
        options.preset = presets.at(below(presets.size()));
        options.duplicates = DuplicatePolicy(rng.bounded(3));
        const Imported result = importInto(dir, path, options);
        QVERIFY(result.catalogue);
        const ImportReport &report = result.report;
        const QByteArray context =
            "round " + QByteArray::number(round) + ": " + report.error.toUtf8().left(300);
        QVERIFY2(report.records == report.imported + report.skipped, context.constData());
        if (report.committed) {
            ++committed;
            QVERIFY2(report.error.isEmpty(), context.constData());
            for (const ImportProblem &p : report.problems)
                QVERIFY2(p.line >= 1 && p.column >= 0,
                         (context + " problem at " + QByteArray::number(p.line) + ":" +
                          QByteArray::number(p.column) + " " + p.message.toUtf8())
                             .constData());
            // Imported counts the events a duplicate updated, too.
            QCOMPARE(result.catalogue->eventCount(), report.imported - report.updated);
        } else {
            QVERIFY2(report.error.startsWith(path), context.constData());
            QCOMPARE(result.catalogue->eventCount(), qint64(0));
            QVERIFY(result.catalogue->datasets().isEmpty());
        }
        QCOMPARE(result.catalogue->integrityProblems(), QString());
    }
    // Most mutants still hold records worth importing.
    QVERIFY2(committed >= 60, QByteArray::number(committed).constData());
}

void TestImportRobustness::cliImportReport()
{
    const QString cli = binaryPath("app/cli/placard-cli");
    if (!QFileInfo(cli).isExecutable())
        QSKIP("placard-cli is not built");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"messy.csv"_s);
    QVERIFY(writeFile(file,
                      kHeader + "2025-04-05,Good,Portland,OR,45.52,-122.68,hundreds,peace\n" +
                          "someday,Bad date,Salem,OR,44.94,-123.03,,peace\n" +
                          "2025-04-06,Swapped,Eugene,OR,-123.09,44.05,lots,jobs\n"));
    const QString reportPath = dir.filePath(u"report.json"_s);
    QProcess process;
    process.start(cli,
                  {u"import"_s, file, u"--catalogue"_s, dir.filePath(u"cli.placard"_s),
                   u"--report"_s, reportPath});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());

    QFile reportFile(reportPath);
    QVERIFY(reportFile.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(reportFile.readAll(), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    const QJsonObject json = doc.object();
    QCOMPARE(json.value(u"committed"_s).toBool(), true);
    QCOMPARE(json.value(u"records"_s).toInteger(), qint64(3));
    QCOMPARE(json.value(u"imported"_s).toInteger(), qint64(2));
    QCOMPARE(json.value(u"skipped"_s).toInteger(), qint64(1));
    QCOMPARE(json.value(u"records"_s).toInteger(),
             json.value(u"imported"_s).toInteger() + json.value(u"skipped"_s).toInteger());
    QVERIFY(json.contains(u"duplicates"_s));
    QVERIFY(json.contains(u"unplaced"_s));
    QVERIFY(json.value(u"seconds"_s).isDouble());
    // The mapping the import used, as --mapping reads it: the columns and their fields.
    QString mappingError;
    const std::optional<Mapping> mapping =
        Mapping::fromJson(json.value(u"mapping"_s).toObject(), &mappingError);
    QVERIFY2(mapping, qPrintable(mappingError));
    QCOMPARE(mapping->columns.size(), 8);
    QCOMPARE(mapping->columns.at(0).field, Field::Date);
    QCOMPARE(mapping->columns.at(0).header, u"date"_s);
    QCOMPARE(mapping->columns.at(4).field, Field::Latitude);

    const QJsonArray problems = json.value(u"problems"_s).toArray();
    QList<ProblemSpec> want = {
        {3, 1, u"unreadable date"_s}, {4, 5, u"swapped"_s}, {4, 7, u"crowd size not understood"_s}};
    QCOMPARE(problems.size(), want.size());
    for (qsizetype i = 0; i < want.size(); ++i) {
        const QJsonObject p = problems.at(i).toObject();
        QVERIFY(p.value(u"line"_s).isDouble());
        QVERIFY(p.value(u"column"_s).isDouble());
        QVERIFY(p.value(u"message"_s).isString());
        QVERIFY(p.contains(u"value"_s));
        QCOMPARE(p.value(u"line"_s).toInteger(), want.at(i).line);
        QCOMPARE(p.value(u"column"_s).toInteger(), qint64(want.at(i).column));
        QVERIFY2(p.value(u"message"_s).toString().contains(want.at(i).message),
                 qPrintable(p.value(u"message"_s).toString()));
    }
}

void TestImportRobustness::cliMissingFile()
{
    const QString cli = binaryPath("app/cli/placard-cli");
    if (!QFileInfo(cli).isExecutable())
        QSKIP("placard-cli is not built");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(u"no-such-events.csv"_s);
    const QString catalogue = dir.filePath(u"cli.placard"_s);
    QProcess process;
    process.start(cli, {u"import"_s, missing, u"--catalogue"_s, catalogue});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY(process.exitCode() != 0);
    const QString stderrText = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(stderrText.contains(missing), qPrintable(stderrText));
    QVERIFY2(!QFileInfo::exists(catalogue), "a failed import created the catalogue");
}

QTEST_GUILESS_MAIN(TestImportRobustness)
#include "tst_importrobustness.moc"
