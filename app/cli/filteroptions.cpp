// SPDX-License-Identifier: GPL-3.0-or-later
// The event filters that query, export and render share.
#include "commands.h"
#include "query/eventquery.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>

#include <array>
#include <cmath>

namespace placard::cli {

void addFilterOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("from"),
         QCoreApplication::translate("cli", "Active on or after DATE (YYYY-MM-DD)."),
         QStringLiteral("DATE")},
        {QStringLiteral("to"), QCoreApplication::translate("cli", "Active on or before DATE."),
         QStringLiteral("DATE")},
        {QStringLiteral("type"),
         QCoreApplication::translate("cli", "Of this type (repeatable: any)."),
         QStringLiteral("TYPE")},
        {QStringLiteral("tag"),
         QCoreApplication::translate("cli", "With this tag (repeatable: all)."),
         QStringLiteral("TAG")},
        {QStringLiteral("text"), QCoreApplication::translate("cli", "Containing these words."),
         QStringLiteral("WORDS")},
        {QStringLiteral("min-size"),
         QCoreApplication::translate("cli", "Known crowd size at least N."), QStringLiteral("N")},
        {QStringLiteral("bbox"), QCoreApplication::translate("cli", "Inside W,S,E,N (degrees)."),
         QStringLiteral("W,S,E,N")},
    });
}

bool readFilterOptions(const QCommandLineParser &parser, EventQuery &query, bool bbox)
{
    for (const char *name : {"from", "to"}) {
        const QString option = QString::fromLatin1(name);
        if (!parser.isSet(option))
            continue;
        const QDate date = QDate::fromString(parser.value(option), Qt::ISODate);
        if (!date.isValid()) {
            printError(QCoreApplication::translate("cli", "--%1: '%2' is not a date YYYY-MM-DD")
                           .arg(option, parser.value(option)));
            return false;
        }
        (option == QLatin1StringView("from") ? query.from : query.to) = date;
    }
    query.types = parser.values(QStringLiteral("type"));
    query.tags = parser.values(QStringLiteral("tag"));
    query.text = parser.value(QStringLiteral("text"));
    if (parser.isSet(QStringLiteral("min-size"))) {
        bool ok = false;
        query.minSize = parser.value(QStringLiteral("min-size")).toLongLong(&ok);
        if (!ok) {
            printError(QCoreApplication::translate("cli", "--min-size: not a number"));
            return false;
        }
    }
    if (bbox) {
        std::optional<std::array<double, 4>> box;
        if (!readBbox(parser, box, true))
            return false;
        if (box)
            query.bbox = *box;
    }
    return true;
}

bool readBbox(const QCommandLineParser &parser, std::optional<std::array<double, 4>> &box,
              bool acrossAntimeridian)
{
    box.reset();
    if (!parser.isSet(QStringLiteral("bbox")))
        return true;
    const QStringList parts = parser.value(QStringLiteral("bbox")).split(QLatin1Char(','));
    std::array<double, 4> v{};
    bool ok = parts.size() == 4;
    for (int i = 0; ok && i < 4; ++i)
        v[std::size_t(i)] = parts.at(i).trimmed().toDouble(&ok);
    ok = ok && std::abs(v[0]) <= 180 && std::abs(v[2]) <= 180 && v[1] >= -90 && v[3] <= 90 &&
        (acrossAntimeridian ? v[1] <= v[3] : v[0] < v[2] && v[1] < v[3]);
    if (!ok) {
        printError(acrossAntimeridian
                       ? QCoreApplication::translate("cli", "--bbox: expected W,S,E,N in degrees")
                       : QCoreApplication::translate(
                             "cli", "--bbox: expected W,S,E,N in degrees with W < E and S < N"));
        return false;
    }
    box = v;
    return true;
}

} // namespace placard::cli
