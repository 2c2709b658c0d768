// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/fipscodes.h"
#include "io/normalise.h"
#include "io/presets.h"
#include "io/rownormaliser.h"
#include "io/statustext.h"

#include <QRandomGenerator>
#include <QTest>

#include <charconv>
#include <cmath>
#include <limits>

using namespace placard::io;
using namespace Qt::StringLiterals;

namespace {

constexpr qlonglong kUnset = -1;

qlonglong orUnset(const std::optional<qint64> &value)
{
    return value ? qlonglong(*value) : kUnset;
}

} // namespace

class TestNormalise : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fipsCountries_data();
    void fipsCountries();
    void parseDate_data();
    void parseDate();
    void dateRange_data();
    void dateRange();
    void excelSerial_data();
    void excelSerial();
    void dayMonthOrder_data();
    void dayMonthOrder();
    void status_data();
    void status();
    void crowdSize_data();
    void crowdSize();
    void crowdSizeKeepsText();
    void number_data();
    void number();
    void plainDecimalsReadExactly();
    void integer_data();
    void integer();
    void coordinate_data();
    void coordinate();
    void latLon_data();
    void latLon();
    void longitudeFirst();
    void barePairs();
    void oneLineText();
    void checkLatLon_data();
    void checkLatLon();
    void multiValue_data();
    void multiValue();
    void rowsNormalisedIntoOne();
    void flag_data();
    void flag();
    void nullErrorPointers();

private:
    static void addDate(const char *name, const QString &text, QDate date, DatePrecision precision,
                        DayMonthOrder order = DayMonthOrder::Unknown, bool excel = false);
    static void addBadDate(const char *name, const QString &text, const QString &error,
                           DayMonthOrder order = DayMonthOrder::Unknown, bool excel = false);
};

// --- dates -------------------------------------------------------------------------------

void TestNormalise::addDate(const char *name, const QString &text, QDate date,
                            DatePrecision precision, DayMonthOrder order, bool excel)
{
    QTest::newRow(name) << text << int(order) << excel << date << int(precision) << QString();
}

void TestNormalise::addBadDate(const char *name, const QString &text, const QString &error,
                               DayMonthOrder order, bool excel)
{
    QTest::newRow(name) << text << int(order) << excel << QDate() << 0 << error;
}

void TestNormalise::parseDate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("order");
    QTest::addColumn<bool>("excel");
    QTest::addColumn<QDate>("date"); // invalid: parsing must fail
    QTest::addColumn<int>("precision");
    QTest::addColumn<QString>("error"); // a part of the expected error message

    const auto Day = DatePrecision::Day;
    const auto Month = DatePrecision::Month;
    const auto Year = DatePrecision::Year;
    const auto MonthFirst = DayMonthOrder::MonthFirst;
    const auto DayFirst = DayMonthOrder::DayFirst;
    const auto Unknown = DayMonthOrder::Unknown;
    const QDate jan30(2026, 1, 30);

    // ISO and its relatives
    addDate("iso", u"2026-01-30"_s, jan30, Day);
    addDate("iso surrounded by spaces", u"  2026-01-30 \t"_s, jan30, Day);
    addDate("iso with nbsp", u"\u00A02026-01-30\u00A0"_s, jan30, Day);
    addDate("iso T time", u"2026-01-30T12:00:00"_s, jan30, Day);
    addDate("iso T time Z", u"2026-01-30T23:59:59Z"_s, jan30, Day);
    addDate("iso T time offset", u"2026-01-30T12:00:00+02:00"_s, jan30, Day);
    addDate("iso T time millis offset", u"2026-01-30T12:00:00.123-05:00"_s, jan30, Day);
    addDate("iso space time", u"2026-01-30 12:00"_s, jan30, Day);
    addDate("iso single digits", u"2026-1-3"_s, QDate(2026, 1, 3), Day);
    addDate("yyyymmdd (GDELT)", u"20260130"_s, jan30, Day);
    addDate("yyyy/mm/dd", u"2026/01/30"_s, jan30, Day);
    addDate("yyyy.mm.dd", u"2026.01.30"_s, jan30, Day);
    addDate("leap day", u"2024-02-29"_s, QDate(2024, 2, 29), Day);

    // numeric, year last
    addDate("us unambiguous", u"1/30/2026"_s, jan30, Day);
    addDate("eu unambiguous", u"30/1/2026"_s, jan30, Day);
    addDate("dotted", u"30.01.2026"_s, jan30, Day);
    addDate("dashed", u"30-01-2026"_s, jan30, Day);
    addDate("two-digit year", u"1/30/26"_s, jan30, Day);
    addDate("two-digit year 00", u"1/30/00"_s, QDate(2000, 1, 30), Day);
    addDate("two-digit year 69", u"1/30/69"_s, QDate(2069, 1, 30), Day);
    addDate("two-digit year 70", u"1/30/70"_s, QDate(1970, 1, 30), Day);
    addDate("two-digit year 99", u"30.1.99"_s, QDate(1999, 1, 30), Day);
    addDate("month first", u"3/4/2025"_s, QDate(2025, 3, 4), Day, MonthFirst);
    addDate("day first", u"3/4/2025"_s, QDate(2025, 4, 3), Day, DayFirst);
    addDate("day first dotted", u"03.04.25"_s, QDate(2025, 4, 3), Day, DayFirst);
    addDate("same day and month", u"4/4/2025"_s, QDate(2025, 4, 4), Day);
    addDate("day first 31/12", u"31/12/2020"_s, QDate(2020, 12, 31), Day, DayFirst);
    addDate("month first with unambiguous", u"12/31/2020"_s, QDate(2020, 12, 31), Day, MonthFirst);
    addDate("us with time", u"1/30/2026 3:45 PM"_s, jan30, Day);
    addDate("eu with time", u"30.01.2026 14:05:00"_s, jan30, Day);
    addBadDate("ambiguous", u"3/4/2025"_s, u"ambiguous day/month order"_s);
    addBadDate("ambiguous two-digit year", u"01/02/03"_s, u"ambiguous day/month order"_s);
    addBadDate("31/12 month first", u"31/12/2020"_s, u"month 31 out of range"_s, MonthFirst);
    addBadDate("12/31 day first", u"12/31/2020"_s, u"month 31 out of range"_s, DayFirst);
    addBadDate("0/0/2020", u"0/0/2020"_s, u"month 0 out of range"_s);
    addBadDate("0/0/2020 day first", u"0/0/2020"_s, u"month 0 out of range"_s, DayFirst);
    addBadDate("13/13/2020", u"13/13/2020"_s, u"month 13 out of range"_s);
    addBadDate("30/2 day first", u"30/2/2025"_s, u"no such date 2025-02-30"_s, DayFirst);
    addBadDate("three-digit year", u"1/30/202"_s, u"not a date"_s);
    addBadDate("mixed separators", u"1/30-2026"_s, u"not a date"_s);
    addBadDate("trailing garbage", u"1/30/2026 garbage"_s, u"not a date"_s);

    // month names
    addDate("day month year", u"28 December 2022"_s, QDate(2022, 12, 28), Day);
    addDate("month day, year", u"December 28, 2022"_s, QDate(2022, 12, 28), Day);
    addDate("abbreviated", u"Jan 30, 2026"_s, jan30, Day);
    addDate("abbreviated with dot", u"Jan. 30, 2026"_s, jan30, Day);
    addDate("upper case", u"JAN 30 2026"_s, jan30, Day);
    addDate("lower case", u"january 30 2026"_s, jan30, Day);
    addDate("dd-mmm-yyyy", u"30-Jan-2026"_s, jan30, Day);
    addDate("dd-mmm-yy", u"30-Jan-26"_s, jan30, Day);
    addDate("dd/mmm/yyyy", u"30/jan/2026"_s, jan30, Day);
    addDate("yyyy-mmm-dd", u"2026-Jan-30"_s, jan30, Day);
    // 2026-01-30 is a Friday: the weekday is skipped, not checked.
    addDate("weekday (wrong)", u"Sat, 30 Jan 2026"_s, jan30, Day);
    addDate("weekday (full)", u"Friday, January 30, 2026"_s, jan30, Day);
    addDate("rfc 2822", u"Fri, 30 Jan 2026 12:00:00 +0000"_s, jan30, Day);
    addDate("with time and zone", u"30 Jan 2026 12:00:00 GMT"_s, jan30, Day);
    addDate("ordinal th", u"January 30th, 2026"_s, jan30, Day);
    addDate("ordinal st", u"1st March 2024"_s, QDate(2024, 3, 1), Day);
    addDate("ordinal nd", u"March 2nd, 2024"_s, QDate(2024, 3, 2), Day);
    addDate("ordinal rd sept", u"23rd Sept. 2025"_s, QDate(2025, 9, 23), Day);
    addDate("the ... of", u"the 30th of January 2026"_s, jan30, Day);
    addDate("may", u"May 1, 2025"_s, QDate(2025, 5, 1), Day);
    addBadDate("day 32", u"32 Jan 2026"_s, u"day 32 out of range"_s);
    addBadDate("31 February", u"February 31, 2025"_s, u"no such date 2025-02-31"_s);
    addBadDate("no year", u"Jan 5"_s, u"no year"_s);
    addBadDate("month only", u"January"_s, u"not a date"_s);
    addBadDate("two months", u"30 Jan Feb 2026"_s, u"not a date"_s);
    addBadDate("unknown word", u"30 Jamvier 2026"_s, u"not a date"_s);
    // other languages, accents or none, and their weekdays and fillers
    addDate("german", u"30. Januar 2026"_s, jan30, Day);
    addDate("german umlaut", u"3. M\u00e4rz 2026"_s, QDate(2026, 3, 3), Day);
    addDate("german umlaut decomposed", u"3. Ma\u0308rz 2026"_s, QDate(2026, 3, 3), Day);
    addDate("german ae", u"3. Maerz 2026"_s, QDate(2026, 3, 3), Day);
    addDate("german weekday", u"Freitag, 30. Januar 2026"_s, jan30, Day);
    addDate("german am", u"am 30. Jan. 2026"_s, jan30, Day);
    addDate("french", u"30 janvier 2026"_s, jan30, Day);
    addDate("french 1er", u"1er f\u00e9vrier 2026"_s, QDate(2026, 2, 1), Day);
    addDate("french weekday", u"vendredi 30 janvier 2026"_s, jan30, Day);
    addDate("french abbreviation", u"30 d\u00e9c. 2025"_s, QDate(2025, 12, 30), Day);
    addDate("french month and year", u"ao\u00fbt 2024"_s, QDate(2024, 8, 1), Month);
    addDate("spanish", u"30 de enero de 2026"_s, jan30, Day);
    addDate("spanish weekday", u"viernes, 30 de enero de 2026"_s, jan30, Day);
    addDate("spanish ordinal", u"1\u00ba de mayo de 2025"_s, QDate(2025, 5, 1), Day);
    addDate("italian", u"30 gennaio 2026"_s, jan30, Day);
    addDate("portuguese", u"30 de janeiro de 2026"_s, jan30, Day);
    addDate("portuguese weekday", u"sexta-feira, 30 de janeiro de 2026"_s, jan30, Day);
    addDate("portuguese cedilla", u"3 de mar\u00e7o de 2026"_s, QDate(2026, 3, 3), Day);
    addBadDate("start of two months", u"30 jui 2026"_s, u"not a date"_s); // juin, juillet
    addBadDate("bad ordinal", u"30xy Jan 2026"_s, u"not a date"_s);
    addBadDate("two years", u"Jan 2025 2026"_s, u"not a date"_s);

    // month and year precision
    addDate("mon yyyy", u"Aug 2024"_s, QDate(2024, 8, 1), Month);
    addDate("month yyyy", u"August 2024"_s, QDate(2024, 8, 1), Month);
    addDate("mon. yyyy", u"aug. 2024"_s, QDate(2024, 8, 1), Month);
    addDate("yyyy-mm", u"2024-08"_s, QDate(2024, 8, 1), Month);
    addDate("yyyy-mm-00", u"2025-06-00"_s, QDate(2025, 6, 1), Month);
    addDate("yyyymm00", u"20250600"_s, QDate(2025, 6, 1), Month);
    addDate("m/yyyy", u"8/2024"_s, QDate(2024, 8, 1), Month);
    addDate("mm.yyyy", u"08.2024"_s, QDate(2024, 8, 1), Month);
    addDate("yyyy", u"2025"_s, QDate(2025, 1, 1), Year);
    addDate("yyyy spaces", u" 2025 "_s, QDate(2025, 1, 1), Year);
    addDate("yyyy-00-00", u"2025-00-00"_s, QDate(2025, 1, 1), Year);
    addDate("yyyy-00", u"2025-00"_s, QDate(2025, 1, 1), Year);
    addDate("yyyy0000", u"20250000"_s, QDate(2025, 1, 1), Year);
    addBadDate("13/2024", u"13/2024"_s, u"month 13 out of range"_s);
    addBadDate("yyyy-00-dd", u"2025-00-15"_s, u"month 0 out of range"_s);
    addBadDate("database zero date", u"0000-00-00"_s, u"empty date"_s);
    addBadDate("database zero date and time", u"0000-00-00 00:00:00"_s, u"empty date"_s);
    addBadDate("zero date with slashes", u"00/00/0000"_s, u"empty date"_s);
    addDate("year 2000 is no zero date", u"2000-01-01"_s, QDate(2000, 1, 1), Day);

    // Excel serial day numbers
    addDate("excel 45000", u"45000"_s, QDate(2023, 3, 15), Day, Unknown, true);
    addDate("excel with time", u"45000.75"_s, QDate(2023, 3, 15), Day, Unknown, true);
    addDate("excel 20000", u"20000"_s, QDate(1954, 10, 3), Day, Unknown, true);
    addDate("excel 80000", u"80000"_s, QDate(2119, 1, 11), Day, Unknown, true);
    addDate("excel 43831", u" 43831 "_s, QDate(2020, 1, 1), Day, Unknown, true);
    addDate("excel on, iso still read", u"2026-01-30"_s, jan30, Day, Unknown, true);
    addDate("excel on, year still read", u"2025"_s, QDate(2025, 1, 1), Year, Unknown, true);
    addBadDate("excel off", u"45000"_s, u"not a date"_s);
    addBadDate("excel below range", u"19999"_s, u"not a date"_s, Unknown, true);
    addBadDate("excel above range", u"80001"_s, u"not a date"_s, Unknown, true);
    addBadDate("excel negative", u"-45000"_s, u"not a date"_s, Unknown, true);

    // invalid calendar dates and nasty input
    addBadDate("month 13", u"2025-13-01"_s, u"month 13 out of range"_s);
    addBadDate("february 30", u"2025-02-30"_s, u"no such date 2025-02-30"_s);
    addBadDate("not a leap year", u"2023-02-29"_s, u"no such date 2023-02-29"_s);
    addBadDate("yyyymmdd invalid", u"20251301"_s, u"month 13 out of range"_s);
    addBadDate("year zero", u"0000"_s, u"no such date 0000-01-01"_s);
    addBadDate("empty", QString(), u"empty date"_s);
    addBadDate("whitespace", u"  \t "_s, u"empty date"_s);
    addBadDate("NA", u"NA"_s, u"not a date"_s);
    addBadDate("garbage", u"garbage"_s, u"not a date"_s);
    addBadDate("1e5", u"1e5"_s, u"not a date"_s);
    addBadDate("dash", u"-"_s, u"not a date"_s);
    addBadDate("half", u"\u00BD"_s, u"not a date"_s);
    addBadDate("small number", u"123"_s, u"not a date"_s);
    addBadDate("iso with garbage", u"2026-01-30x"_s, u"not a date"_s);
    addBadDate("iso with bare T", u"2026-01-30T"_s, u"not a date"_s);
    addBadDate("iso three-digit month", u"2026-001-30"_s, u"not a date"_s);
    addBadDate("a megabyte of dates run together", u"2024-01-01"_s.repeated(100000),
               u"too long to be a date"_s);
    addBadDate("longer than any date", u"30 January 2026"_s + QString(106, u' ') + u"x"_s,
               u"too long to be a date"_s);
}

void TestNormalise::parseDate()
{
    QFETCH(QString, text);
    QFETCH(int, order);
    QFETCH(bool, excel);
    QFETCH(QDate, date);
    QFETCH(int, precision);
    QFETCH(QString, error);

    QString message = u"untouched"_s;
    const auto parsed =
        placard::io::parseDate(text, static_cast<DayMonthOrder>(order), excel, &message);
    if (date.isValid()) {
        QVERIFY2(parsed.has_value(), qPrintable(message));
        QCOMPARE(parsed->date, date);
        QCOMPARE(int(parsed->precision), precision);
        QCOMPARE(message, u"untouched"_s);
    } else {
        const QString got = parsed ? parsed->date.toString(Qt::ISODate) : QString();
        QVERIFY2(!parsed.has_value(), qPrintable(got));
        QVERIFY2(message.contains(error), qPrintable(message));
    }
}

void TestNormalise::dateRange_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("order");
    QTest::addColumn<QDate>("start"); // invalid: reading must fail
    QTest::addColumn<int>("precision");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<QString>("error"); // a part of the expected error message

    const int Day = int(DatePrecision::Day);
    const int Month = int(DatePrecision::Month);
    const int Unknown = int(DayMonthOrder::Unknown);
    const int DayFirst = int(DayMonthOrder::DayFirst);
    const QDate jan30(2026, 1, 30);
    const QDate feb2(2026, 2, 2);
    const auto row = [](const char *name, const QString &text, int order, QDate start,
                        int precision, QDate last) {
        QTest::newRow(name) << text << order << start << precision << last << QString();
    };
    const auto bad = [](const char *name, const QString &text, const QString &error) {
        QTest::newRow(name) << text << int(DayMonthOrder::Unknown) << QDate() << 0 << QDate()
                            << error;
    };

    row("iso interval", u"2026-01-30/2026-02-02"_s, Unknown, jan30, Day, feb2);
    row("iso to iso", u"2026-01-30 to 2026-02-02"_s, Unknown, jan30, Day, feb2);
    row("iso until iso", u"2026-01-30 until 2026-02-02"_s, Unknown, jan30, Day, feb2);
    row("spaced hyphen", u"2026-01-30 - 2026-02-02"_s, Unknown, jan30, Day, feb2);
    row("en dash", u"2026-01-30\u20132026-02-02"_s, Unknown, jan30, Day, feb2);
    row("em dash", u"2026-01-30 \u2014 2026-02-02"_s, Unknown, jan30, Day, feb2);
    row("numeric day first", u"30/01/2026 - 02/02/2026"_s, DayFirst, jan30, Day, feb2);
    row("numeric, first without year", u"30/01 - 02/02/2026"_s, DayFirst, jan30, Day, feb2);
    row("dotted, first without year", u"30.01. \u2013 02.02.2026"_s, DayFirst, jan30, Day, feb2);
    row("months named, first without year", u"30 Jan \u2013 2 Feb 2026"_s, Unknown, jan30, Day,
        feb2);
    row("days of one month", u"30\u201331 January 2026"_s, Unknown, jan30, Day, QDate(2026, 1, 31));
    row("days of one month, hyphen", u"30-31 January 2026"_s, Unknown, jan30, Day,
        QDate(2026, 1, 31));
    row("month first days", u"Jan 30-31, 2026"_s, Unknown, jan30, Day, QDate(2026, 1, 31));
    row("across a year end", u"30 Dec 2025 to 2 Jan 2026"_s, Unknown, QDate(2025, 12, 30), Day,
        QDate(2026, 1, 2));
    row("first without year across a year end", u"30 Dec \u2013 2 Jan 2026"_s, Unknown,
        QDate(2025, 12, 30), Day, QDate(2026, 1, 2));
    row("months", u"Aug\u2013Sep 2024"_s, Unknown, QDate(2024, 8, 1), Month, QDate(2024, 9, 30));
    row("spaces around", u"  2026-01-30 to 2026-02-02 "_s, Unknown, jan30, Day, feb2);

    bad("one date", u"2026-01-30"_s, u"not a date or a period"_s);
    bad("words", u"Spring 2026"_s, u"not a date or a period"_s);
    bad("second part not a date", u"2026-01-30 to later"_s, u"not a date or a period"_s);
    bad("first part not a date", u"soon to 2026-02-02"_s, u"not a date or a period"_s);
    bad("backwards", u"2026-02-02 to 2026-01-30"_s, u"ends before it starts"_s);
    bad("slash in a numeric date", u"30/01/2026/02/02/2026"_s, u"not a date or a period"_s);
    bad("nothing after the dash", u"2026-01-30 \u2013"_s, u"not a date or a period"_s);
    bad("a megabyte of days and months", u"1-2 Jan "_s.repeated(125000),
        u"too long to be a date"_s);
}

void TestNormalise::dateRange()
{
    QFETCH(QString, text);
    QFETCH(int, order);
    QFETCH(QDate, start);
    QFETCH(int, precision);
    QFETCH(QDate, last);
    QFETCH(QString, error);

    QString message = u"untouched"_s;
    const std::optional<ParsedRange> range =
        parseDateRange(text, static_cast<DayMonthOrder>(order), &message);
    if (start.isValid()) {
        QVERIFY2(range.has_value(), qPrintable(message));
        QCOMPARE(range->start.date, start);
        QCOMPARE(int(range->start.precision), precision);
        QCOMPARE(range->last, last);
        QCOMPARE(message, u"untouched"_s);
    } else {
        QVERIFY2(!range.has_value(), qPrintable(range->start.date.toString(Qt::ISODate)));
        QVERIFY2(message.contains(error), qPrintable(message));
    }
}

void TestNormalise::excelSerial_data()
{
    QTest::addColumn<double>("serial");
    QTest::addColumn<QDate>("date"); // invalid: no date
    QTest::newRow("1") << 1.0 << QDate(1900, 1, 1);
    QTest::newRow("59") << 59.0 << QDate(1900, 2, 28);
    QTest::newRow("60 phantom 1900-02-29") << 60.0 << QDate();
    QTest::newRow("60.5 phantom") << 60.5 << QDate();
    QTest::newRow("61") << 61.0 << QDate(1900, 3, 1);
    QTest::newRow("45000") << 45000.0 << QDate(2023, 3, 15);
    QTest::newRow("45000.999") << 45000.999 << QDate(2023, 3, 15);
    QTest::newRow("0") << 0.0 << QDate();
    QTest::newRow("negative") << -5.0 << QDate();
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << QDate();
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << QDate();
    QTest::newRow("9999-12-31") << 2958465.0 << QDate(9999, 12, 31);
    QTest::newRow("beyond 9999") << 2958466.0 << QDate();
}

void TestNormalise::excelSerial()
{
    QFETCH(double, serial);
    QFETCH(QDate, date);
    const auto result = dateFromExcelSerial(serial);
    QCOMPARE(result.has_value(), date.isValid());
    if (result)
        QCOMPARE(*result, date);
}

void TestNormalise::dayMonthOrder_data()
{
    QTest::addColumn<QStringList>("samples");
    QTest::addColumn<int>("order");
    QTest::addColumn<bool>("ambiguous");
    QTest::addColumn<bool>("conflict");
    const int unknown = int(DayMonthOrder::Unknown);
    const int monthFirst = int(DayMonthOrder::MonthFirst);
    const int dayFirst = int(DayMonthOrder::DayFirst);

    QTest::newRow("us") << QStringList{u"1/30/2026"_s, u"2/3/2026"_s} << monthFirst << false
                        << false;
    QTest::newRow("eu") << QStringList{u"30/1/2026"_s, u"3/2/2026"_s} << dayFirst << false << false;
    QTest::newRow("eu dotted") << QStringList{u"01.02.2026"_s, u"30.01.2026"_s} << dayFirst << false
                               << false;
    QTest::newRow("dashed two-digit years")
        << QStringList{u"12-25-25"_s} << monthFirst << false << false;
    QTest::newRow("with time") << QStringList{u"1/30/2026 3:45 PM"_s} << monthFirst << false
                               << false;
    QTest::newRow("spaces") << QStringList{u" 13/1/2026 "_s} << dayFirst << false << false;
    QTest::newRow("all ambiguous")
        << QStringList{u"1/2/2026"_s, u"3/4/2026"_s} << unknown << true << false;
    QTest::newRow("all ambiguous, dotted: day first")
        << QStringList{u"05.04.2025"_s, u"06.04.2025"_s} << dayFirst << true << false;
    QTest::newRow("ambiguous, dotted and slashed")
        << QStringList{u"05.04.2025"_s, u"6/4/2025"_s} << unknown << true << false;
    QTest::newRow("dotted but decided month first")
        << QStringList{u"05.04.2025"_s, u"04.30.2025"_s} << monthFirst << false << false;
    QTest::newRow("conflict") << QStringList{u"1/30/2026"_s, u"30/1/2026"_s, u"2/2/2026"_s}
                              << unknown << false << true;
    QTest::newRow("other shapes ignored")
        << QStringList{u"2026-01-30"_s, u"Jan 30, 2026"_s, u"NA"_s,
                       QString(),       u"8/2024"_s,       u"1/30/2026"_s}
        << monthFirst << false << false;
    QTest::newRow("nothing numeric")
        << QStringList{u"2026-01-30"_s, u"NA"_s} << unknown << false << false;
    QTest::newRow("empty") << QStringList() << unknown << false << false;
    QTest::newRow("equal parts only")
        << QStringList{u"4/4/2026"_s, u"11.11.2011"_s} << unknown << false << false;
    QTest::newRow("ambiguous then decided")
        << QStringList{u"1/2/2026"_s, u"5/6/2026"_s, u"25/6/2026"_s} << dayFirst << false << false;
}

void TestNormalise::dayMonthOrder()
{
    QFETCH(QStringList, samples);
    QFETCH(int, order);
    QFETCH(bool, ambiguous);
    QFETCH(bool, conflict);
    bool isAmbiguous = !ambiguous; // both flags must be written either way
    bool isConflict = !conflict;
    QCOMPARE(int(detectDayMonthOrder(samples, &isAmbiguous, &isConflict)), order);
    QCOMPARE(isAmbiguous, ambiguous);
    QCOMPARE(isConflict, conflict);
    QCOMPARE(int(detectDayMonthOrder(samples)), order);
}

// --- crowd sizes and numbers -------------------------------------------------------------

void TestNormalise::status_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("status"); // -1: not understood
    const int occurred = int(placard::EventStatus::Occurred);
    const int planned = int(placard::EventStatus::Planned);
    const int cancelled = int(placard::EventStatus::Cancelled);
    const struct {
        const char *text;
        int status;
    } rows[] = {
        {"", occurred},
        {"occurred", occurred},
        {"Held", occurred},
        {"took place", occurred},
        {"stattgefunden", occurred},
        {"réalisée", occurred},
        {"realizada", occurred},
        {"svolta", occurred},
        {"avvenuto", occurred},
        {"vond plaats", occurred},
        {"plaatsgevonden", occurred},
        {"planned", planned},
        {" Announced ", planned},
        {"upcoming", planned},
        {"called for", planned},
        {"geplant", planned},
        {"angekündigt", planned},
        {"prévue", planned},
        {"convocada", planned},
        {"prevista", planned},
        {"planejada", planned},
        {"programmata", planned},
        {"gepland", planned},
        {"aangekondigd", planned},
        {"cancelled", cancelled},
        {"Canceled", cancelled},
        {"called off", cancelled},
        {"postponed", cancelled},
        {"abgesagt", cancelled},
        {"verschoben", cancelled},
        {"annulée", cancelled},
        {"suspendida", cancelled},
        {"aplazada", cancelled},
        {"adiada", cancelled},
        {"annullata", cancelled},
        {"rinviata", cancelled},
        {"afgelast", cancelled},
        {"geannuleerd", cancelled},
        {"uitgesteld", cancelled},
        {"reported", -1},
        {"maybe", -1},
        {"1", -1},
    };
    for (const auto &row : rows)
        QTest::newRow(row.text[0] ? row.text : "empty")
            << QString::fromUtf8(row.text) << row.status;
}

void TestNormalise::status()
{
    QFETCH(QString, text);
    QFETCH(int, status);
    const std::optional<placard::EventStatus> read = statusFromText(text);
    QCOMPARE(read ? int(*read) : -1, status);
}

void TestNormalise::crowdSize_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qlonglong>("low"); // kUnset: no value
    QTest::addColumn<qlonglong>("high");
    const auto row = [](const char *name, const QString &text, qlonglong low, qlonglong high) {
        QTest::newRow(name) << text << true << low << high;
    };
    const auto bad = [](const char *name, const QString &text) {
        QTest::newRow(name) << text << false << kUnset << kUnset;
    };

    row("empty", QString(), kUnset, kUnset);
    row("whitespace", u"  \u00A0 "_s, kUnset, kUnset);

    // words, as the Crowd Counting Consortium codes them
    row("a dozen", u"a dozen"_s, 12, 12);
    row("dozen", u"dozen"_s, 12, 12);
    row("dozens", u"dozens"_s, 24, 24);
    row("Dozens capitalised", u"Dozens"_s, 24, 24);
    row("several dozen", u"several dozen"_s, 36, 36);
    row("hundreds", u"hundreds"_s, 200, 200);
    row("several hundred", u"several hundred"_s, 300, 300);
    row("thousands", u"thousands"_s, 2000, 2000);
    row("THOUSANDS", u"THOUSANDS"_s, 2000, 2000);
    row("several thousand", u"several thousand"_s, 3000, 3000);
    row("tens of thousands", u"tens of thousands"_s, 20000, 20000);
    // the same in German, French, Spanish, Italian and Portuguese, with their qualifiers
    row("hunderte", u"Hunderte"_s, 200, 200);
    row("zehntausende", u"Zehntausende"_s, 20000, 20000);
    row("\u00fcber", u"\u00fcber 500 Menschen"_s, 500, kUnset);
    row("etwa tausend", u"etwa 5 Tausend"_s, 5000, 5000);
    row("bis", u"100 bis 200 Personen"_s, 100, 200);
    row("zwischen und", u"zwischen 100 und 200"_s, 100, 200);
    row("des milliers", u"des milliers"_s, 2000, 2000);
    row("des dizaines de milliers", u"des dizaines de milliers de manifestants"_s, 20000, 20000);
    row("environ", u"environ 300 personnes"_s, 300, 300);
    row("plus de", u"plus de 1 000 manifestants"_s, 1000, kUnset);
    row("miles", u"miles de personas"_s, 2000, 2000);
    row("m\u00e1s de", u"m\u00e1s de 200"_s, 200, kUnset);
    row("mil", u"unos 5 mil"_s, 5000, 5000);
    row("entre y", u"entre 300 y 400 personas"_s, 300, 400);
    row("millones", u"1,5 millones"_s, 1500000, 1500000);
    row("migliaia", u"migliaia di persone"_s, 2000, 2000);
    row("pi\u00f9 di", u"pi\u00f9 di 100"_s, 100, kUnset);
    row("centenas", u"centenas"_s, 200, 200);
    row("dezenas de milhares", u"dezenas de milhares de pessoas"_s, 20000, 20000);
    row("milh\u00f5es", u"2 milh\u00f5es"_s, 2000000, 2000000);
    bad("unknown language word", u"muchisimos"_s);
    row("decimal comma before k", u"2,5k"_s, 2500, 2500);
    bad("decimal comma alone", u"1,5"_s); // not a crowd of 1.5, nor of 15
    row("hundreds of thousands", u"hundreds of thousands"_s, 200000, 200000);
    row("several hundred thousand", u"several hundred thousand"_s, 300000, 300000);
    row("millions", u"millions"_s, 2000000, 2000000);
    row("a few", u"a few"_s, 3, 3);
    row("few", u"few"_s, 3, 3);
    row("a few hundred", u"a few hundred"_s, 300, 300);
    row("a handful", u"a handful"_s, 5, 5);
    row("handful", u"handful"_s, 5, 5);
    row("a hundred", u"a hundred"_s, 100, 100);
    row("a couple", u"a couple"_s, 2, 2);
    row("extra spaces", u"  tens   of  thousands "_s, 20000, 20000);
    row("hundreds of people", u"hundreds of people"_s, 200, 200);
    row("dozens of protesters", u"dozens of protesters"_s, 24, 24);
    row("500 people", u"500 people"_s, 500, 500);

    // approximations
    row("about 500", u"about 500"_s, 500, 500);
    row("tilde", u"~500"_s, 500, 500);
    row("tilde space", u"~ 500"_s, 500, 500);
    row("approx.", u"approx. 500"_s, 500, 500);
    row("approximately", u"Approximately 500"_s, 500, 500);
    row("c.", u"c. 500"_s, 500, 500);
    row("ca.", u"ca. 500"_s, 500, 500);
    row("circa", u"circa 500"_s, 500, 500);
    row("around", u"around 500"_s, 500, 500);
    row("about thousands", u"about thousands"_s, 2000, 2000);
    row("an estimated", u"an estimated 5,000"_s, 5000, 5000);

    // open bounds
    row("plus", u"500+"_s, 500, kUnset);
    row("plus with space", u"500 +"_s, 500, kUnset);
    row("greater than", u">500"_s, 500, kUnset);
    row("greater or equal", u">= 500"_s, 500, kUnset);
    row("more than", u"more than 500"_s, 500, kUnset);
    row("More than capitalised", u"More than 1,000"_s, 1000, kUnset);
    row("at least", u"at least 500"_s, 500, kUnset);
    row("over", u"over 500"_s, 500, kUnset);
    row("or more", u"500 or more"_s, 500, kUnset);
    row("thousands+", u"thousands+"_s, 2000, kUnset);
    row("less than sign", u"<50"_s, kUnset, 50);
    row("fewer than", u"fewer than 50"_s, kUnset, 50);
    row("less than", u"less than 50"_s, kUnset, 50);
    row("under", u"under 50"_s, kUnset, 50);
    row("up to", u"up to 50"_s, kUnset, 50);
    row("or fewer", u"50 or fewer"_s, kUnset, 50);
    row("more than several hundred", u"more than several hundred"_s, 300, kUnset);

    // ranges
    row("range separators", u"1,000-2,000"_s, 1000, 2000);
    row("range en dash spaces", u"1000 \u2013 2000"_s, 1000, 2000);
    row("range em dash", u"1000\u20142000"_s, 1000, 2000);
    row("range to", u"1000 to 2000"_s, 1000, 2000);
    row("range mixed", u"501-1,000"_s, 501, 1000);
    row("range between", u"between 100 and 200"_s, 100, 200);
    row("range k", u"5-10k"_s, 5000, 10000);
    row("range k both", u"5k-10k"_s, 5000, 10000);
    row("range million", u"1-2 million"_s, 1000000, 2000000);
    row("range keeps small first", u"500-2k"_s, 500, 2000);
    row("range equal", u"100-100"_s, 100, 100);
    row("range of words", u"hundreds-thousands"_s, 200, 2000);
    row("range spaces as separators", u"10 000 - 20 000"_s, 10000, 20000);

    // multipliers and plurals
    row("5k", u"5k"_s, 5000, 5000);
    row("5K", u"5K"_s, 5000, 5000);
    row("1.5k", u"1.5k"_s, 1500, 1500);
    row("5 thousand", u"5 thousand"_s, 5000, 5000);
    row("2m", u"2m"_s, 2000000, 2000000);
    row("2 million", u"2 million"_s, 2000000, 2000000);
    row("1.2 million", u"1.2 million"_s, 1200000, 1200000);
    row("3 hundred", u"3 hundred"_s, 300, 300);
    row("100s", u"100s"_s, 200, 200);
    row("1000s", u"1000s"_s, 2000, 2000);
    row("1,000s", u"1,000s"_s, 2000, 2000);
    row("100's", u"100's"_s, 200, 200);

    // figures
    row("plain", u"500"_s, 500, 500);
    row("zero", u"0"_s, 0, 0);
    row("spaces around", u"  42 "_s, 42, 42);
    row("comma thousands", u"12,500"_s, 12500, 12500);
    row("comma millions", u"1,250,000"_s, 1250000, 1250000);
    row("dot thousands", u"1.500"_s, 1500, 1500);
    row("dot millions", u"1.250.000"_s, 1250000, 1250000);
    row("space thousands", u"12 500"_s, 12500, 12500);
    row("nbsp thousands", u"12\u00A0500"_s, 12500, 12500);
    row("narrow nbsp thousands", u"12\u202F500"_s, 12500, 12500);
    row("float export", u"500.0"_s, 500, 500);
    row("decimal rounds", u"12.5"_s, 13, 13);

    // nobody counted: no size, and nothing wrong
    row("unknown", u"unknown"_s, kUnset, kUnset);
    row("Not reported", u"Not reported"_s, kUnset, kUnset);
    row("question mark", u"?"_s, kUnset, kUnset);

    // remarks in brackets, and several estimates
    row("estimate remark", u"500 (est.)"_s, 500, 500);
    row("bracketed source", u"about 2,000 [police]"_s, 2000, 2000);
    row("remark before", u"(police) 1,200"_s, 1200, 1200);
    row("two estimates", u"10,000 (police); 30,000 (organisers)"_s, 10000, 30000);
    row("estimates highest first", u"30,000 (organisers); 10,000 (police)"_s, 10000, 30000);
    row("estimate ranges", u"1,000-2,000 (police); 5,000 (organisers)"_s, 1000, 5000);
    row("open estimate", u"5,000 (police); 20,000+ (organisers)"_s, 5000, kUnset);
    bad("remark only", u"(est.)"_s);
    bad("unclosed bracket", u"500 (est."_s);
    bad("estimate in words", u"10,000 (police); many (organisers)"_s);
    bad("one estimate of two", u"10,000 (police);"_s);

    // not crowd sizes
    bad("NA", u"NA"_s);
    bad("lots", u"lots"_s);
    bad("garbage", u"lots of people"_s);
    bad("dash", u"-"_s);
    bad("negative", u"-5"_s);
    bad("exponent", u"1e5"_s);
    bad("half", u"\u00BD"_s);
    bad("5s is not a unit", u"5s"_s);
    bad("descending range", u"2000-1000"_s);
    bad("open range", u"1000-"_s);
    bad("both bounds", u"more than 50 or fewer"_s);
    bad("bound and range", u"more than 100-200"_s);
    bad("between without and", u"between 100"_s);
    bad("bad separator group", u"1,50"_s);
    bad("trailing text", u"500 and counting"_s);
    bad("km", u"5km"_s);
}

void TestNormalise::crowdSize()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qlonglong, low);
    QFETCH(qlonglong, high);
    const CrowdSize size = parseCrowdSize(text);
    QCOMPARE(size.ok, ok);
    QCOMPARE(orUnset(size.low), low);
    QCOMPARE(orUnset(size.high), high);
    QCOMPARE(size.text, text);
}

void TestNormalise::crowdSizeKeepsText()
{
    const CrowdSize bad = parseCrowdSize(u" not a number "_s);
    QVERIFY(!bad.ok);
    QCOMPARE(bad.text, u" not a number "_s);
    const CrowdSize empty = parseCrowdSize(QStringView());
    QVERIFY(empty.ok);
    QVERIFY(empty.text.isEmpty());
}

void TestNormalise::number_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");
    const auto row = [](const char *name, const QString &text, double value) {
        QTest::newRow(name) << text << true << value;
    };
    const auto bad = [](const char *name, const QString &text) {
        QTest::newRow(name) << text << false << 0.0;
    };
    row("integer", u"42"_s, 42);
    row("spaces", u"  42\t"_s, 42);
    row("plus", u"+42"_s, 42);
    row("minus", u"-42"_s, -42);
    row("unicode minus", u"\u221242"_s, -42);
    row("decimal", u"3.25"_s, 3.25);
    row("leading dot", u".5"_s, 0.5);
    row("trailing dot", u"5."_s, 5);
    row("negative decimal", u"-93.09"_s, -93.09);
    row("comma thousands", u"1,234"_s, 1234);
    row("comma thousands decimal", u"1,234,567.5"_s, 1234567.5);
    row("space thousands", u"1 234"_s, 1234);
    row("nbsp thousands", u"1\u00A0234\u00A0567"_s, 1234567);
    row("dot thousands", u"1.234.567"_s, 1234567);
    row("single dot is decimal", u"1.234"_s, 1.234);
    row("float artefact", u"120.98200000000001"_s, 120.98200000000001);
    row("exponent", u"1e5"_s, 100000);
    row("exponent R", u"1e+05"_s, 100000);
    row("exponent negative", u"2.5E-3"_s, 0.0025);
    row("leading zeros", u"007"_s, 7);
    row("zero", u"0"_s, 0);
    bad("empty", QString());
    bad("whitespace", u"   "_s);
    bad("NA", u"NA"_s);
    bad("nan", u"nan"_s);
    bad("inf", u"inf"_s);
    bad("garbage", u"12abc"_s);
    bad("dash", u"-"_s);
    bad("plus only", u"+"_s);
    bad("dot only", u"."_s);
    bad("half", u"\u00BD"_s);
    bad("decimal comma", u"1,5"_s);
    bad("european", u"1.234,5"_s);
    bad("bad group", u"1,2345"_s);
    bad("long first group", u"1234,567"_s);
    bad("dot groups then decimal", u"1.234.567.5"_s);
    bad("exponent with separators", u"1,000e3"_s);
    bad("exponent without digits", u"1e"_s);
    bad("double sign", u"--5"_s);
    bad("two spaces", u"1  234"_s);
    bad("arabic-indic digits", u"\u0664\u0662"_s);
    bad("overflow", u"1e400"_s);
}

void TestNormalise::number()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(double, value);
    const auto result = parseNumber(text);
    QCOMPARE(result.has_value(), valid);
    if (valid)
        QCOMPARE(*result, value);
}

void TestNormalise::plainDecimalsReadExactly()
{
    // Coordinates and figures as lists write them, 1 to 17 digits with the point anywhere:
    // each reads as the double std::from_chars gives, to the last bit.
    QRandomGenerator random(20261202);
    for (int i = 0; i < 200000; ++i) {
        const int digits = 1 + int(random.bounded(17));
        QByteArray text = random.bounded(2) ? "-" : "";
        for (int d = 0; d < digits; ++d)
            text += char('0' + random.bounded(10));
        if (const int point = int(random.bounded(digits + 1)); point > 0 && point < digits)
            text.insert(text.size() - digits + point, '.');
        double expected = 0;
        const auto [end, ec] = std::from_chars(text.constBegin(), text.constEnd(), expected);
        QVERIFY(ec == std::errc() && end == text.constEnd());
        const std::optional<double> got = parseNumber(QString::fromLatin1(text));
        QVERIFY2(got && std::signbit(*got) == std::signbit(expected) && *got == expected,
                 text.constData());
    }
}

void TestNormalise::integer_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qlonglong>("value");
    const auto row = [](const char *name, const QString &text, qlonglong value) {
        QTest::newRow(name) << text << true << value;
    };
    const auto bad = [](const char *name, const QString &text) {
        QTest::newRow(name) << text << false << 0LL;
    };
    row("integer", u"42"_s, 42);
    row("negative", u"-42"_s, -42);
    row("thousands", u"1,234,567"_s, 1234567);
    row("dot thousands", u"1.234.567"_s, 1234567);
    row("float export", u"500.0"_s, 500);
    row("exponent", u"1e5"_s, 100000);
    row("large exact", u"9007199254740993"_s, 9007199254740993LL);
    row("max", u"9223372036854775807"_s, std::numeric_limits<qint64>::max());
    row("min", u"-9223372036854775808"_s, std::numeric_limits<qint64>::min());
    bad("fraction", u"1.5"_s);
    bad("single dot is decimal", u"1.234"_s);
    bad("float artefact", u"120.98200000000001"_s);
    bad("overflow", u"9223372036854775808"_s);
    bad("overflow exponent", u"1e19"_s);
    bad("empty", QString());
    bad("NA", u"NA"_s);
    bad("dash", u"-"_s);
    bad("half", u"\u00BD"_s);
}

void TestNormalise::integer()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qlonglong, value);
    const auto result = parseInteger(text);
    QCOMPARE(result.has_value(), valid);
    if (valid)
        QCOMPARE(qlonglong(*result), value);
}

// --- coordinates -------------------------------------------------------------------------

void TestNormalise::coordinate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("axis");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("fuzzy"); // minutes or seconds: compare within 1e-9
    QTest::addColumn<QString>("error");
    const int lat = int(Axis::Latitude);
    const int lon = int(Axis::Longitude);
    const auto row = [](const char *name, const QString &text, int axis, double value,
                        bool fuzzy = false) {
        QTest::newRow(name) << text << axis << true << value << fuzzy << QString();
    };
    const auto bad = [](const char *name, const QString &text, int axis, const QString &error) {
        QTest::newRow(name) << text << axis << false << 0.0 << false << error;
    };
    row("decimal", u"44.9537"_s, lat, 44.9537);
    row("negative", u"-93.09"_s, lon, -93.09);
    row("plus", u"+44.9537"_s, lat, 44.9537);
    row("spaces", u" 44.9537 "_s, lat, 44.9537);
    row("integer", u"45"_s, lat, 45);
    row("N after", u"44.9537 N"_s, lat, 44.9537);
    row("S after", u"33.8688 S"_s, lat, -33.8688);
    row("W attached", u"93.09W"_s, lon, -93.09);
    row("E after", u"2.39 E"_s, lon, 2.39);
    row("O for oeste", u"58.38 O"_s, lon, -58.38);
    row("lower case w", u"93.09w"_s, lon, -93.09);
    row("N before", u"N 44.9537"_s, lat, 44.9537);
    row("S before attached", u"S33.8688"_s, lat, -33.8688);
    row("negative with W", u"-93.09 W"_s, lon, -93.09);
    row("degree sign", u"6.37\u00B0 N"_s, lat, 6.37);
    row("degree sign no letter", u"6.37\u00B0"_s, lat, 6.37);
    row("ordinal indicator as degree", u"6.37\u00BA N"_s, lat, 6.37);
    row("dms", u"44\u00B057'13\"N"_s, lat, 44 + 57.0 / 60 + 13.0 / 3600, true);
    row("dms west", u"93\u00B05'24\"W"_s, lon, -(93 + 5.0 / 60 + 24.0 / 3600), true);
    row("dms spaced", u"44\u00B0 57' 13\" N"_s, lat, 44 + 57.0 / 60 + 13.0 / 3600, true);
    row("dms primes", u"44\u00B057\u203213\u2033N"_s, lat, 44 + 57.0 / 60 + 13.0 / 3600, true);
    row("dms two apostrophes", u"44\u00B057'13''N"_s, lat, 44 + 57.0 / 60 + 13.0 / 3600, true);
    row("dms decimal seconds", u"44\u00B057'13.5\"N"_s, lat, 44 + 57.0 / 60 + 13.5 / 3600, true);
    row("decimal minutes", u"44\u00B0 57.2' N"_s, lat, 44 + 57.2 / 60, true);
    row("minutes without sign", u"44\u00B057 N"_s, lat, 44 + 57.0 / 60, true);
    row("negative dms", u"-33\u00B052'"_s, lat, -(33 + 52.0 / 60), true);
    row("dms with spaces", u"48 51 24 N"_s, lat, 48 + 51.0 / 60 + 24.0 / 3600, true);
    row("dms with spaces west", u"74 00 22W"_s, lon, -(74 + 0.0 / 60 + 22.0 / 3600), true);
    row("dms with colons", u"48:51:24N"_s, lat, 48 + 51.0 / 60 + 24.0 / 3600, true);
    row("dms with spaces negative", u"-12 02 47"_s, lat, -(12 + 2.0 / 60 + 47.0 / 3600), true);
    row("dms with spaces decimal minutes", u"N 40 42.767"_s, lat, 40 + 42.767 / 60, true);
    row("dms with spaces decimal comma", u"48 51 24,5 N"_s, lat, 48 + 51.0 / 60 + 24.5 / 3600,
        true);
    row("decimal comma", u"44,95"_s, lat, 44.95);
    row("decimal comma negative", u"-93,09"_s, lon, -93.09);
    row("decimal comma with letter", u"44,95 N"_s, lat, 44.95);
    row("limit 90", u"90"_s, lat, 90);
    row("limit -180", u"-180"_s, lon, -180);
    row("zero", u"0"_s, lat, 0);
    bad("latitude out of range", u"123.4"_s, lat, u"latitude 123.4 out of range"_s);
    bad("latitude south out of range", u"95 S"_s, lat, u"latitude -95 out of range"_s);
    bad("longitude out of range", u"180.5"_s, lon, u"longitude 180.5 out of range"_s);
    bad("E for latitude", u"44.9 E"_s, lat, u"hemisphere letter E not allowed for latitude"_s);
    bad("N for longitude", u"93.1 N"_s, lon, u"hemisphere letter N not allowed for longitude"_s);
    bad("negative with N", u"-44.9 N"_s, lat, u"negative value with hemisphere N"_s);
    bad("two letters", u"N 44.9 N"_s, lat, u"not a coordinate"_s);
    bad("minutes 60", u"44\u00B060'"_s, lat, u"below 60"_s);
    bad("fractional degrees then minutes", u"44.5\u00B030'"_s, lat, u"not a coordinate"_s);
    bad("both separators", u"1,044.9"_s, lat, u"not a coordinate"_s);
    bad("empty", QString(), lat, u"empty coordinate"_s);
    bad("whitespace", u"   "_s, lat, u"empty coordinate"_s);
    bad("NA", u"NA"_s, lat, u"not a coordinate"_s);
    bad("garbage", u"garbage"_s, lon, u"not a coordinate"_s);
    bad("dash", u"-"_s, lat, u"not a coordinate"_s);
    bad("half", u"\u00BD"_s, lat, u"not a coordinate"_s);
    bad("exponent", u"1e5"_s, lat, u"not a coordinate"_s);
    bad("pair", u"44.9 -93.1"_s, lat, u"not a coordinate"_s);
    bad("pair of whole numbers", u"44 -93"_s, lat, u"not a coordinate"_s);
    bad("minutes 60 with spaces", u"44 60 00"_s, lat, u"below 60"_s);
    bad("four numbers", u"44 5 6 7"_s, lat, u"not a coordinate"_s);
    bad("seconds after decimal minutes", u"44 5.5 6"_s, lat, u"not a coordinate"_s);
    bad("word", u"North 44.9"_s, lat, u"not a coordinate"_s);
}

void TestNormalise::coordinate()
{
    QFETCH(QString, text);
    QFETCH(int, axis);
    QFETCH(bool, valid);
    QFETCH(double, value);
    QFETCH(bool, fuzzy);
    QFETCH(QString, error);
    QString message = u"untouched"_s;
    const auto result = parseCoordinate(text, static_cast<Axis>(axis), &message);
    if (valid) {
        QVERIFY2(result.has_value(), qPrintable(message));
        if (fuzzy)
            QVERIFY2(std::abs(*result - value) < 1e-9,
                     qPrintable(QString::number(*result, 'g', 17)));
        else
            QCOMPARE(*result, value);
        QCOMPARE(message, u"untouched"_s);
    } else {
        QVERIFY(!result.has_value());
        QVERIFY2(message.contains(error), qPrintable(message));
    }
}

void TestNormalise::latLon_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("latitude");
    QTest::addColumn<double>("longitude");
    QTest::addColumn<bool>("swapped");
    QTest::addColumn<QString>("error");
    const auto row = [](const char *name, const QString &text, double lat, double lon,
                        bool swapped = false) {
        QTest::newRow(name) << text << true << lat << lon << swapped << QString();
    };
    const auto bad = [](const char *name, const QString &text, const QString &error) {
        QTest::newRow(name) << text << false << 0.0 << 0.0 << false << error;
    };
    row("comma", u"44.9, -93.1"_s, 44.9, -93.1);
    row("comma no space", u"44.9,-93.1"_s, 44.9, -93.1);
    row("space", u"44.9 -93.1"_s, 44.9, -93.1);
    row("semicolon", u"44.9; -93.1"_s, 44.9, -93.1);
    row("decimal commas with semicolon", u"44,9; -93,1"_s, 44.9, -93.1);
    row("decimal commas with space", u"44,9 -93,1"_s, 44.9, -93.1);
    row("decimal commas with comma", u"44,9, -93,1"_s, 44.9, -93.1);
    row("parentheses", u"(44.9, -93.1)"_s, 44.9, -93.1);
    row("geo URI", u"geo:52.52,13.405"_s, 52.52, 13.405);
    row("geo URI with altitude", u"geo:-33.87,151.21,30;u=10"_s, -33.87, 151.21);
    row("Google Maps place",
        u"https://www.google.com/maps/place/Berlin/@52.52,13.405,15z/data=!3m1"_s, 52.52, 13.405);
    row("Google Maps query", u"https://maps.google.com/?q=52.52,13.405"_s, 52.52, 13.405);
    row("Google Maps query encoded",
        u"https://www.google.com/maps/search/?api=1&query=52.52%2C-13.405"_s, 52.52, -13.405);
    row("OpenStreetMap marker",
        u"https://www.openstreetmap.org/?mlat=52.52&mlon=13.405#map=15/52.52/13.405"_s, 52.52,
        13.405);
    row("OpenStreetMap view", u"https://www.openstreetmap.org/#map=15/-22.9068/-43.1729"_s,
        -22.9068, -43.1729);
    row("Bing Maps", u"https://www.bing.com/maps?cp=52.52~13.405&lvl=15"_s, 52.52, 13.405);
    row("GeoJSON point, longitude first", u"{\"type\":\"Point\",\"coordinates\":[13.405,52.52]}"_s,
        52.52, 13.405);
    row("GeoJSON feature",
        u"{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[-71.97,-13.53]},\"properties\":{}}"_s,
        -13.53, -71.97);
    bad("map link without a point", u"https://www.google.com/maps/place/Berlin"_s,
        u"not a latitude/longitude pair"_s);
    bad("map link out of range", u"https://maps.google.com/?q=152.52,13.405"_s,
        u"latitude 152.52 out of range"_s);
    bad("GeoJSON polygon", u"{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}"_s,
        u"not a latitude/longitude pair"_s);
    row("brackets", u"[44.9, -93.1]"_s, 44.9, -93.1);
    row("hemispheres", u"6.37\u00B0 N, 2.39\u00B0 E"_s, 6.37, 2.39);
    row("hemispheres reversed", u"2.39\u00B0 E, 6.37\u00B0 N"_s, 6.37, 2.39);
    row("hemispheres south west", u"33.87 S 151.21 W"_s, -33.87, -151.21);
    row("hemispheres leading", u"N 44.9 W 93.1"_s, 44.9, -93.1);
    row("one hemisphere", u"44.9 N 93.1"_s, 44.9, 93.1);
    row("one hemisphere longitude first", u"93.1 W, 44.9"_s, 44.9, -93.1);
    row("dms pair", u"44\u00B057'13\"N 93\u00B05'24\"W"_s, 44 + 57.0 / 60 + 13.0 / 3600,
        -(93 + 5.0 / 60 + 24.0 / 3600));
    row("dms pair spaced", u"44\u00B0 57.2' N, 93\u00B0 5.4' W"_s, 44 + 57.2 / 60,
        -(93 + 5.4 / 60));
    row("wkt", u"POINT(-93.1 44.9)"_s, 44.9, -93.1);
    row("wkt spaced lower case", u" point ( -93.1   44.9 ) "_s, 44.9, -93.1);
    row("wkt z", u"POINT Z (-93.1 44.9 250)"_s, 44.9, -93.1);
    row("ewkt", u"SRID=4326;POINT(-93.1 44.9)"_s, 44.9, -93.1);
    row("wkt in lat lon order", u"POINT(44.9 -93.1)"_s, 44.9, -93.1, true);
    row("wkt ambiguous order kept", u"POINT(44.9 10.5)"_s, 10.5, 44.9);
    row("swapped", u"-93.1, 44.9"_s, 44.9, -93.1, true);
    row("null island", u"0, 0"_s, 0, 0);
    bad("wkt out of range", u"POINT(-93.1 144.9)"_s, u"latitude 144.9 out of range"_s);
    bad("wkt one number", u"POINT(-93.1)"_s, u"not a WKT point"_s);
    bad("wkt empty", u"POINT EMPTY"_s, u"not a WKT point"_s);
    bad("out of range", u"123.4, 200"_s, u"longitude 200 out of range"_s);
    bad("both too big", u"123.4, 100"_s, u"latitude 123.4 out of range"_s);
    bad("two latitudes", u"44.9 N, 33.1 S"_s, u"both coordinates are latitudes"_s);
    bad("two longitudes", u"44.9 E, 33.1 W"_s, u"both coordinates are longitudes"_s);
    bad("lettered out of range", u"95 N, 10 E"_s, u"latitude 95 out of range"_s);
    bad("one value", u"44.9"_s, u"not a latitude/longitude pair"_s);
    bad("three values", u"44.9, -93.1, 5"_s, u"not a latitude/longitude pair"_s);
    bad("empty", QString(), u"empty coordinates"_s);
    bad("NA", u"NA"_s, u"not a latitude/longitude pair"_s);
    bad("garbage", u"somewhere, else"_s, u"not a latitude/longitude pair"_s);
}

void TestNormalise::latLon()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(double, latitude);
    QFETCH(double, longitude);
    QFETCH(bool, swapped);
    QFETCH(QString, error);
    QString message = u"untouched"_s;
    const auto result = parseLatLon(text, &message);
    if (valid) {
        QVERIFY2(result.has_value(), qPrintable(message));
        // Exact unless minutes or seconds were divided.
        QVERIFY2(std::abs(result->latitude - latitude) < 1e-9,
                 qPrintable(QString::number(result->latitude, 'g', 17)));
        QVERIFY2(std::abs(result->longitude - longitude) < 1e-9,
                 qPrintable(QString::number(result->longitude, 'g', 17)));
        if (!text.contains(u'\''))
            QCOMPARE(result->latitude, latitude);
        QCOMPARE(result->swapped, swapped);
        QCOMPARE(message, u"untouched"_s);
    } else {
        QVERIFY(!result.has_value());
        QVERIFY2(message.contains(error), qPrintable(message));
    }
}

void TestNormalise::longitudeFirst()
{
    // Only bare numbers follow the order; letters, WKT, links and GeoJSON say it themselves.
    struct Row {
        QString text;
        double latitude;
        double longitude;
        bool swapped;
    };
    const QList<Row> rows{
        {u"[13.405, 52.52]"_s, 52.52, 13.405, false},
        {u"13.405 52.52"_s, 52.52, 13.405, false},
        {u"-93.1; 44.9"_s, 44.9, -93.1, false},
        {u"44.9, -93.1"_s, 44.9, -93.1, true}, // second past ±90: only a longitude
        {u"2.35° E, 48.86° N"_s, 48.86, 2.35, false},
        {u"48.86 N, 2.35 E"_s, 48.86, 2.35, false},
        {u"POINT(13.405 52.52)"_s, 52.52, 13.405, false},
        {u"geo:52.52,13.405"_s, 52.52, 13.405, false},
    };
    for (const Row &row : rows) {
        QString error;
        const std::optional<LatLon> point =
            parseLatLon(row.text, &error, PairOrder::LongitudeFirst);
        QVERIFY2(point.has_value(), qPrintable(row.text + u": "_s + error));
        QCOMPARE(point->latitude, row.latitude);
        QCOMPARE(point->longitude, row.longitude);
        QCOMPARE(point->swapped, row.swapped);
    }
    QVERIFY(!parseLatLon(u"200, 10"_s, nullptr, PairOrder::LongitudeFirst).has_value());
}

void TestNormalise::oneLineText()
{
    QCOMPARE(oneLine(u"Straße, 30 Jan"_s), u"Straße, 30 Jan"_s);
    QCOMPARE(oneLine(u"fo\no"_s), u"fo\\no"_s);
    QCOMPARE(oneLine(u"a\r\nb\tc"_s), u"a\\r\\nb\\tc"_s);
    QCOMPARE(oneLine(QStringView(u"x\0y", 3)), u"x\\u0000y"_s);
    QCOMPARE(oneLine(u"end\u2028\u001b"_s), u"end\\u2028\\u001b"_s);
}

void TestNormalise::barePairs()
{
    using Pair = std::pair<double, double>;
    QCOMPARE(barePair(u"44.9, -93.1"_s), std::optional<Pair>(Pair{44.9, -93.1}));
    QCOMPARE(barePair(u"[-93.1, 44.9]"_s), std::optional<Pair>(Pair{-93.1, 44.9}));
    QCOMPARE(barePair(u"(44,9; -93,1)"_s), std::optional<Pair>(Pair{44.9, -93.1}));
    QCOMPARE(barePair(u"-93.1 44.9"_s), std::optional<Pair>(Pair{-93.1, 44.9}));
    QCOMPARE(barePair(u"6.37° N, 2.39° E"_s), std::nullopt);
    QCOMPARE(barePair(u"POINT(-93.1 44.9)"_s), std::nullopt);
    QCOMPARE(barePair(u"https://maps.google.com/?q=52.52,13.405"_s), std::nullopt);
    QCOMPARE(barePair(u"{\"type\":\"Point\",\"coordinates\":[13.405,52.52]}"_s), std::nullopt);
    QCOMPARE(barePair(u"44.9"_s), std::nullopt);
    QCOMPARE(barePair(QString()), std::nullopt);
}

void TestNormalise::checkLatLon_data()
{
    QTest::addColumn<double>("latIn");
    QTest::addColumn<double>("lonIn");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("latOut");
    QTest::addColumn<double>("lonOut");
    QTest::addColumn<bool>("swapped");
    QTest::addColumn<bool>("suspicious");
    QTest::addColumn<QString>("error");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("in range") << 44.9 << -93.1 << true << 44.9 << -93.1 << false << false
                              << QString();
    QTest::newRow("limits") << -90.0 << 180.0 << true << -90.0 << 180.0 << false << false
                            << QString();
    QTest::newRow("swapped") << -93.1 << 44.9 << true << 44.9 << -93.1 << true << false
                             << QString();
    QTest::newRow("swapped at 180")
        << 180.0 << -90.0 << true << -90.0 << 180.0 << true << false << QString();
    QTest::newRow("null island") << 0.0 << 0.0 << true << 0.0 << 0.0 << false << true << QString();
    QTest::newRow("zero latitude only")
        << 0.0 << 10.0 << true << 0.0 << 10.0 << false << false << QString();
    QTest::newRow("latitude out") << 123.4 << 100.0 << false << 0.0 << 0.0 << false << false
                                  << u"latitude 123.4 out of range"_s;
    QTest::newRow("latitude beyond 180")
        << 190.0 << 10.0 << false << 0.0 << 0.0 << false << false << u"latitude 190 out of range"_s;
    QTest::newRow("longitude out") << 44.9 << -200.0 << false << 0.0 << 0.0 << false << false
                                   << u"longitude -200 out of range"_s;
    QTest::newRow("nan") << nan << 10.0 << false << 0.0 << 0.0 << false << false
                         << u"latitude is not a number"_s;
    QTest::newRow("inf") << 10.0 << inf << false << 0.0 << 0.0 << false << false
                         << u"longitude is not a number"_s;
}

void TestNormalise::checkLatLon()
{
    QFETCH(double, latIn);
    QFETCH(double, lonIn);
    QFETCH(bool, valid);
    QFETCH(double, latOut);
    QFETCH(double, lonOut);
    QFETCH(bool, swapped);
    QFETCH(bool, suspicious);
    QFETCH(QString, error);
    QString message = u"untouched"_s;
    bool isSuspicious = !suspicious;
    const auto result = placard::io::checkLatLon(latIn, lonIn, &message, &isSuspicious);
    QCOMPARE(result.has_value(), valid);
    QCOMPARE(isSuspicious, suspicious);
    if (valid) {
        QCOMPARE(result->latitude, latOut);
        QCOMPARE(result->longitude, lonOut);
        QCOMPARE(result->swapped, swapped);
        QCOMPARE(message, u"untouched"_s);
    } else {
        QCOMPARE(message, error);
    }
}

// --- multi-valued and flag cells ---------------------------------------------------------

void TestNormalise::multiValue_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("splitOnComma");
    QTest::addColumn<QStringList>("parts");
    QTest::newRow("empty") << QString() << false << QStringList();
    QTest::newRow("whitespace") << u"  "_s << false << QStringList();
    QTest::newRow("one") << u" racism "_s << false << QStringList{u"racism"_s};
    QTest::newRow("semicolons") << u"racism; policing;housing"_s << false
                                << QStringList{u"racism"_s, u"policing"_s, u"housing"_s};
    QTest::newRow("pipes") << u"a|b | c"_s << false << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("comma kept") << u"Smith, John; Doe, Jane"_s << false
                                << QStringList{u"Smith, John"_s, u"Doe, Jane"_s};
    QTest::newRow("comma split") << u"a, b;c|d"_s << true
                                 << QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s};
    QTest::newRow("empties dropped") << u";; a ;; ;b;"_s << false << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("duplicates dropped") << u"Policing; racism; POLICING; Racism ;housing"_s << false
                                        << QStringList{u"Policing"_s, u"racism"_s, u"housing"_s};
    QTest::newRow("non-ascii case")
        << u"\u00C9cole; \u00E9cole"_s << false << QStringList{u"\u00C9cole"_s};
    QTest::newRow("only separators") << u" ; | , "_s << true << QStringList();
    QTest::newRow("spaces and tabs")
        << u"  a\t;\t b  |c  "_s << false << QStringList{u"a"_s, u"b"_s, u"c"_s};
    // Separators are looked for eight characters at a time: one at every place of a long
    // cell, and a comma that only splits when asked.
    const QString letters = u"abcdefghijklmnopqrstuvwx"_s;
    for (int at = 0; at < letters.size(); ++at) {
        for (const char16_t separator : {u';', u'|', u','}) {
            QString text = letters;
            text[at] = QChar(separator);
            QStringList parts;
            const bool split = separator != u',' || at % 2 == 0;
            if (!split) {
                parts << text;
            } else {
                if (at > 0)
                    parts << letters.first(at);
                if (at + 1 < letters.size())
                    parts << letters.sliced(at + 1);
            }
            QTest::addRow("'%c' at %d", char(separator), at)
                << text << (separator == u',' && at % 2 == 0) << parts;
        }
    }
}

void TestNormalise::multiValue()
{
    QFETCH(QString, text);
    QFETCH(bool, splitOnComma);
    QFETCH(QStringList, parts);
    QCOMPARE(splitMultiValue(text, splitOnComma), parts);
}

void TestNormalise::rowsNormalisedIntoOne()
{
    // An import normalises every row into the same NormalisedRow: nothing of one row may be
    // left in the next. Each row read so is compared with the same row read into a new one,
    // after rows that set what it leaves unset (sizes, counts, coordinates, tags, sources,
    // problems, a skipped row).
    const QStringList header{u"date"_s,      u"locality"_s, u"state"_s,     u"online"_s,
                             u"type"_s,      u"title"_s,    u"actors"_s,    u"participants"_s,
                             u"claims"_s,    u"issues"_s,   u"size_text"_s, u"size_low"_s,
                             u"size_high"_s, u"arrests"_s,  u"source_1"_s,  u"notes"_s,
                             u"lat"_s,       u"lon"_s};
    const RowNormaliser normaliser(presetMapping(PresetId::Ccc, header, true),
                                   DayMonthOrder::Unknown);
    const QList<QStringList> rows{
        {u"2026-01-30"_s, u"Cotonou"_s, u"LI"_s, u"1"_s, u"march; rally"_s, u"A march"_s,
         u"Union A; Union B"_s, u"students"_s, u"for wages"_s, u"labour; wages"_s, u"thousands"_s,
         u"1000"_s, u"5000"_s, u"12"_s, u"https://example.org/a"_s, u"long notes"_s, u"6.37"_s,
         u"2.39"_s},
        {u"2026-01-31"_s, u"Porto-Novo"_s, QString(), QString(), u"vigil"_s, QString(), QString(),
         QString(), QString(), QString(), QString(), QString(), QString(), QString(), QString(),
         QString(), QString(), QString()},
        {u"not a date"_s, u"Parakou"_s, u"BO"_s, u"0"_s, u"strike"_s, u"B"_s, u"Union C"_s,
         QString(), QString(), u"health"_s, u"dozens"_s, QString(), QString(), u"x"_s, QString(),
         QString(), u"95"_s, u"2.6"_s},
        {u"2026-02-01"_s, QString(), QString(), u"maybe"_s, QString(), u"C"_s, QString(),
         u"nurses"_s, QString(), QString(), u"~500"_s, QString(), QString(), QString(),
         u"https://example.org/b; https://example.org/c"_s, QString(), QString(), QString()},
    };
    for (const bool views : {false, true}) {
        NormalisedRow reused;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const NormalisedRow fresh = normaliser.normalise(rows[i], i + 2, views);
            normaliser.normalise(rows[i], i + 2, views, reused);
            QCOMPARE(reused.event, fresh.event);
            QCOMPARE(reused.skipped, fresh.skipped);
            QCOMPARE(reused.filtered, fresh.filtered);
            QCOMPARE(reused.filterColumn, fresh.filterColumn);
            QCOMPARE(reused.filterValue, fresh.filterValue);
            QCOMPARE(reused.problems.size(), fresh.problems.size());
            for (qsizetype p = 0; p < fresh.problems.size(); ++p) {
                QCOMPARE(reused.problems[p].column, fresh.problems[p].column);
                QCOMPARE(reused.problems[p].value, fresh.problems[p].value);
                QCOMPARE(reused.problems[p].message, fresh.problems[p].message);
            }
            QCOMPARE(reused.tagViews.size(), fresh.tagViews.size());
            for (qsizetype t = 0; t < fresh.tagViews.size(); ++t) {
                QCOMPARE(reused.tagViews[t].kind, fresh.tagViews[t].kind);
                QCOMPARE(reused.tagViews[t].name, fresh.tagViews[t].name);
            }
        }
        // What the rows were read to give, so that the comparisons above compare something.
        QCOMPARE(reused.event.sources.size(), 2);
        QVERIFY(!reused.event.arrests);
        QVERIFY(!reused.event.isPlaced());
    }
    const NormalisedRow first = normaliser.normalise(rows[0], 2);
    QCOMPARE(first.event.sizeLow, 1000);
    QCOMPARE(first.event.arrests, 12);
    QVERIFY(first.event.isPlaced());
    QCOMPARE(first.event.actors, (QStringList{u"Union A"_s, u"Union B"_s}));
    QVERIFY(normaliser.normalise(rows[2], 4).skipped);
}

void TestNormalise::flag_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("value"); // -1: not a flag
    const auto row = [](const QString &text, int value) {
        QTest::newRow(qPrintable(u"\"%1\""_s.arg(text))) << text << value;
    };
    for (const QString &yes : {u"1"_s, u"true"_s, u"TRUE"_s, u"True"_s, u"yes"_s, u"Yes"_s, u"y"_s,
                               u"Y"_s, u"x"_s, u"X"_s, u"online"_s, u"Online"_s, u" yes "_s})
        row(yes, 1);
    for (const QString &no : {u"0"_s, u"false"_s, u"FALSE"_s, u"no"_s, u"No"_s, u"n"_s, u"N"_s,
                              QString(), u"   "_s, u" 0 "_s})
        row(no, 0);
    for (const QString &neither : {u"NA"_s, u"maybe"_s, u"2"_s, u"-"_s, u"\u00BD"_s, u"1e5"_s,
                                   u"yes no"_s, u"1.0"_s, u"offline"_s})
        row(neither, -1);
}

void TestNormalise::flag()
{
    QFETCH(QString, text);
    QFETCH(int, value);
    const auto result = parseFlag(text);
    QCOMPARE(result ? int(*result) : -1, value);
}

void TestNormalise::nullErrorPointers()
{
    // The error and flag outputs are optional.
    QVERIFY(!placard::io::parseDate(u"garbage"_s));
    QVERIFY(!parseCoordinate(u"garbage"_s, Axis::Latitude));
    QVERIFY(!parseLatLon(u"garbage"_s));
    QVERIFY(!placard::io::checkLatLon(100, 100));
    QVERIFY(placard::io::checkLatLon(0, 0).has_value());
}

void TestNormalise::fipsCountries_data()
{
    QTest::addColumn<QString>("fips");
    QTest::addColumn<bool>("known");
    QTest::addColumn<QString>("iso");
    const auto row = [](const char *fips, const char *iso) {
        QTest::newRow(fips) << QString::fromLatin1(fips) << true << QString::fromLatin1(iso);
    };
    row("US", "US"); // the same in both
    row("FR", "FR");
    row("UK", "GB");
    row("GM", "DE");
    row("CH", "CN"); // China, where ISO's CH is Switzerland
    row("SZ", "CH");
    row("WZ", "SZ");
    row("AS", "AU"); // Australia, where ISO's AS is American Samoa
    row("AQ", "AS");
    row("RS", "RU");
    row("RI", "RS");
    row("NI", "NG");
    row("NU", "NI");
    row("SN", "SG");
    row("SG", "SN");
    row("KS", "KR");
    row("KN", "KP");
    row("IS", "IL");
    row("IC", "IS");
    row("EI", "IE");
    row("BM", "MM");
    row("IV", "CI");
    row("RP", "PH");
    row("SF", "ZA");
    row("TU", "TR");
    row("VM", "VN");
    row("GZ", "PS");
    row("WE", "PS");
    row("KV", "XK");
    row("OD", "SS");
    row("uk", "GB"); // case is ignored
    row("OS", ""); // oceans: no country
    row("PG", ""); // the Spratly Islands
    QTest::newRow("not FIPS") << u"QQ"_s << false << QString();
    QTest::newRow("ISO alpha-3") << u"GBR"_s << false << QString();
    QTest::newRow("one letter") << u"U"_s << false << QString();
    QTest::newRow("digits") << u"12"_s << false << QString();
    QTest::newRow("empty") << QString() << false << QString();
}

void TestNormalise::fipsCountries()
{
    QFETCH(QString, fips);
    QFETCH(bool, known);
    QFETCH(QString, iso);
    const std::optional<QString> got = isoFromFips(fips);
    QCOMPARE(got.has_value(), known);
    if (known)
        QCOMPARE(*got, iso);
}

QTEST_GUILESS_MAIN(TestNormalise)
#include "tst_normalise.moc"
