// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/catalogue.h"
#include "commands.h"
#include "io/sample.h"
#include "query/eventquery.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace placard::cli {

namespace {

QString csvCell(const QString &text)
{
    QString t = text;
    // Neutralise spreadsheet formulas (a plain number such as -74.0036 is none), then quote
    // as RFC 4180 asks.
    bool number = false;
    t.toDouble(&number);
    if (!t.isEmpty() && !number && QStringLiteral("=+-@\t\r").contains(t.front()))
        t.prepend(QLatin1Char('\''));
    if (t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('"')) ||
        t.contains(QLatin1Char('\n')) || t.contains(QLatin1Char('\r')) ||
        t.contains(QLatin1Char('\'')))
        return QLatin1Char('"') + t.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
            QLatin1Char('"');
    return t;
}

QString number(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'f', 6) : QString();
}

QString number(const std::optional<qint64> &v)
{
    return v ? QString::number(*v) : QString();
}

} // namespace

int queryCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("cli", "List the events that match every filter given."));
    parser.addHelpOption();
    addCatalogueOption(parser);
    addFilterOptions(parser);
    parser.addOptions({
        {QStringLiteral("format"), QCoreApplication::translate("cli", "csv or json (default csv)."),
         QStringLiteral("FORMAT"), QStringLiteral("csv")},
    });
    parser.process(QStringList{QStringLiteral("placard-cli query")} + args);

    EventQuery query;
    if (!readFilterOptions(parser, query))
        return Usage;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1StringView("csv") && format != QLatin1StringView("json")) {
        printError(QCoreApplication::translate("cli", "--format: csv or json"));
        return Usage;
    }

    auto catalogue = openCatalogue(parser, false);
    if (!catalogue)
        return Failed;
    QString error;
    const std::optional<QList<qint64>> ids = query.run(*catalogue, &error);
    if (!ids) {
        printError(error);
        return Failed;
    }
    QJsonArray array;
    if (format == QLatin1StringView("csv"))
        printLine(QStringLiteral(
            "id,start,end,title,type,place,locality,admin1,country,latitude,longitude,"
            "size_low,size_high,size_text"));
    for (qint64 id : *ids) {
        const std::optional<Event> e = catalogue->event(id);
        if (!e)
            continue;
        const QString start = dateOfDay(e->startDay).toString(Qt::ISODate);
        const QString end = dateOfDay(e->endDay).toString(Qt::ISODate);
        if (format == QLatin1StringView("csv")) {
            QStringList cells{QString::number(e->id),
                              start,
                              end,
                              e->title,
                              e->type,
                              e->place,
                              e->locality,
                              e->admin1,
                              e->country,
                              number(e->latitude),
                              number(e->longitude),
                              number(e->sizeLow),
                              number(e->sizeHigh),
                              e->sizeText};
            for (QString &c : cells)
                c = csvCell(c);
            printLine(cells.join(QLatin1Char(',')));
        } else {
            QJsonObject o{{QStringLiteral("id"), e->id},
                          {QStringLiteral("start"), start},
                          {QStringLiteral("end"), end},
                          {QStringLiteral("title"), e->title},
                          {QStringLiteral("type"), e->type},
                          {QStringLiteral("place"), e->place},
                          {QStringLiteral("locality"), e->locality},
                          {QStringLiteral("admin1"), e->admin1},
                          {QStringLiteral("country"), e->country}};
            if (e->isPlaced()) {
                o.insert(QStringLiteral("latitude"), *e->latitude);
                o.insert(QStringLiteral("longitude"), *e->longitude);
            }
            if (e->sizeLow)
                o.insert(QStringLiteral("size_low"), *e->sizeLow);
            if (e->sizeHigh)
                o.insert(QStringLiteral("size_high"), *e->sizeHigh);
            array.append(o);
        }
    }
    if (format == QLatin1StringView("json"))
        printLine(
            QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)).trimmed());
    return Ok;
}

int statsCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("cli", "Count the catalogue's events."));
    parser.addHelpOption();
    addCatalogueOption(parser);
    parser.addOption({QStringLiteral("json"), QCoreApplication::translate("cli", "Print JSON.")});
    parser.process(QStringList{QStringLiteral("placard-cli stats")} + args);
    auto catalogue = openCatalogue(parser, false);
    if (!catalogue)
        return Failed;
    const CatalogueStats s = CatalogueStats::of(*catalogue);
    const auto toObject = [](const QList<QPair<QString, qint64>> &list) {
        QJsonObject o;
        for (const auto &[key, count] : list)
            o.insert(key, count);
        return o;
    };
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o{{QStringLiteral("events"), s.events},
                      {QStringLiteral("unplaced"), s.unplaced},
                      {QStringLiteral("by_type"), toObject(s.byType)},
                      {QStringLiteral("by_year"), toObject(s.byYear)},
                      {QStringLiteral("by_region"), toObject(s.byRegion)}};
        if (s.first) {
            o.insert(QStringLiteral("first"), s.first->toString(Qt::ISODate));
            o.insert(QStringLiteral("last"), s.last->toString(Qt::ISODate));
        }
        printLine(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).trimmed());
        return Ok;
    }
    printLine(
        QCoreApplication::translate("cli", "%1 events, %2 unplaced").arg(s.events).arg(s.unplaced));
    if (s.first)
        printLine(QCoreApplication::translate("cli", "from %1 to %2")
                      .arg(s.first->toString(Qt::ISODate), s.last->toString(Qt::ISODate)));
    const auto section = [](const QString &title, const QList<QPair<QString, qint64>> &list) {
        printLine(title);
        for (const auto &[key, count] : list)
            printLine(QStringLiteral("  %1 %2").arg(key.leftJustified(24),
                                                    QString::number(count).rightJustified(9)));
    };
    section(QCoreApplication::translate("cli", "By type:"), s.byType);
    section(QCoreApplication::translate("cli", "By year:"), s.byYear);
    section(QCoreApplication::translate("cli", "By region:"), s.byRegion);
    return Ok;
}

int sampleCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("cli", "Create a catalogue holding the sample events."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("out"),
                                 QCoreApplication::translate("cli", "The new catalogue file."));
    parser.process(QStringList{QStringLiteral("placard-cli sample")} + args);
    if (parser.positionalArguments().size() != 1) {
        printError(QCoreApplication::translate("cli", "sample takes one OUT.placard"));
        return Usage;
    }
    QString error;
    if (!io::buildSampleCatalogue(parser.positionalArguments().constFirst(), &error)) {
        printError(error);
        return Failed;
    }
    printLine(QCoreApplication::translate("cli", "%1: sample catalogue created")
                  .arg(parser.positionalArguments().constFirst()));
    return Ok;
}

} // namespace placard::cli
