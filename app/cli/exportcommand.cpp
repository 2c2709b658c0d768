// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/catalogue.h"
#include "commands.h"
#include "io/exporter.h"
#include "query/eventquery.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>

#include <array>
#include <cmath>

namespace placard::cli {

int exportCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli",
        "Write the events that match every filter given (all without filters) to a "
        "data file: GeoPackage, GeoJSON, KML, FlatGeobuf, Shapefile or CSV, chosen "
        "by OUT's extension. The layout is in README.md, \"Export layout\"."));
    parser.addHelpOption();
    addCatalogueOption(parser);
    // The filters of 'query', so that a query can be exported as it was listed.
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
        {QStringLiteral("bom"),
         QCoreApplication::translate("cli", "Start a CSV file with a byte-order mark (Excel).")},
    });
    parser.addPositionalArgument(
        QStringLiteral("OUT"),
        QCoreApplication::translate("cli",
                                    "The file to write: .gpkg, .geojson, .kml, .fgb, "
                                    ".shp or .csv (replaced when it exists)."));
    parser.process(QStringList{QStringLiteral("placard-cli export")} + args);

    if (parser.positionalArguments().size() != 1) {
        printError(QCoreApplication::translate("cli", "export: give one output file; see --help"));
        return Usage;
    }
    const QString out = parser.positionalArguments().constFirst();
    io::ExportOptions options;
    options.format = io::exportFormatForPath(out);
    if (!options.format) {
        printError(QCoreApplication::translate(
                       "cli", "%1: unknown format; use .gpkg, .geojson, .kml, .fgb, .shp or .csv")
                       .arg(out));
        return Usage;
    }
    options.csvBom = parser.isSet(QStringLiteral("bom"));

    EventQuery query;
    for (const char *name : {"from", "to"}) {
        const QString option = QString::fromLatin1(name);
        if (!parser.isSet(option))
            continue;
        const QDate date = QDate::fromString(parser.value(option), Qt::ISODate);
        if (!date.isValid()) {
            printError(QCoreApplication::translate("cli", "--%1: '%2' is not a date YYYY-MM-DD")
                           .arg(option, parser.value(option)));
            return Usage;
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
            return Usage;
        }
    }
    if (parser.isSet(QStringLiteral("bbox"))) {
        const QStringList parts = parser.value(QStringLiteral("bbox")).split(QLatin1Char(','));
        std::array<double, 4> box{};
        bool ok = parts.size() == 4;
        for (int i = 0; ok && i < 4; ++i)
            box[std::size_t(i)] = parts.at(i).trimmed().toDouble(&ok);
        if (!ok || box[1] > box[3] || box[1] < -90 || box[3] > 90 || std::abs(box[0]) > 180 ||
            std::abs(box[2]) > 180) {
            printError(QCoreApplication::translate("cli", "--bbox: expected W,S,E,N in degrees"));
            return Usage;
        }
        query.bbox = box;
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
    if (!io::exportEvents(*catalogue, *ids, out, options, &error)) {
        printError(error);
        return Failed;
    }
    printLine(
        QCoreApplication::translate("cli", "exported %n event(s) to %1", nullptr, int(ids->size()))
            .arg(out));
    return Ok;
}

} // namespace placard::cli
