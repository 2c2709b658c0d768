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
    addFilterOptions(parser);
    parser.addOptions({
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
    if (!readFilterOptions(parser, query))
        return Usage;

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
