// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/catalogue.h"
#include "commands.h"
#include "io/importer.h"
#include "io/normalise.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <csignal>

namespace placard::cli {

namespace {
std::atomic_bool g_interrupted{false};

void onInterrupt(int)
{
    g_interrupted.store(true);
}
} // namespace

int importCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("cli",
                                    "Import an event list as one dataset: a CSV file "
                                    "(.csv, .tsv, .txt) or a vector file GDAL reads "
                                    "(GeoPackage, GeoJSON, KML/KMZ, Shapefile, "
                                    "FlatGeobuf, GPX…)."));
    parser.addHelpOption();
    addCatalogueOption(parser);
    parser.addOptions({
        {QStringLiteral("preset"),
         QCoreApplication::translate(
             "cli", "auto, ccc, acled, countlove, gdelt, mm or generic (default auto)."),
         QStringLiteral("NAME"), QStringLiteral("auto")},
        {QStringLiteral("mapping"),
         QCoreApplication::translate("cli", "A column mapping saved as JSON."),
         QStringLiteral("JSON")},
        {QStringLiteral("duplicates"),
         QCoreApplication::translate("cli", "skip, keep or update (default skip)."),
         QStringLiteral("POLICY"), QStringLiteral("skip")},
        {QStringLiteral("layer"),
         QCoreApplication::translate("cli", "The layer of a vector file with several layers."),
         QStringLiteral("NAME")},
        {QStringLiteral("report"),
         QCoreApplication::translate("cli", "Write the import report as JSON."),
         QStringLiteral("OUT.json")},
    });
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QCoreApplication::translate("cli", "The file."));
    parser.process(QStringList{QStringLiteral("placard-cli import")} + args);
    if (parser.positionalArguments().size() != 1) {
        printError(QCoreApplication::translate(
            "cli", "import takes one FILE; see 'placard-cli import --help'"));
        return Usage;
    }
    const QString file = parser.positionalArguments().constFirst();
    if (!QFileInfo(file).isFile()) {
        printError(QFileInfo(file).isDir()
                       ? QCoreApplication::translate("cli", "%1: a folder, not a file").arg(file)
                       : QCoreApplication::translate("cli", "%1: no such file").arg(file));
        return Failed;
    }

    io::ImportOptions options;
    const QString preset = parser.value(QStringLiteral("preset"));
    if (preset != QLatin1StringView("auto")) {
        options.preset = io::presetFromName(preset);
        if (!options.preset) {
            printError(QCoreApplication::translate("cli", "unknown preset '%1'").arg(preset));
            return Usage;
        }
    }
    if (parser.isSet(QStringLiteral("mapping"))) {
        QString error;
        options.mapping = io::Mapping::load(parser.value(QStringLiteral("mapping")), &error);
        if (!options.mapping) {
            printError(error);
            return Usage;
        }
    }
    const std::optional<io::DuplicatePolicy> policy =
        io::duplicatePolicyFromName(parser.value(QStringLiteral("duplicates")));
    if (!policy) {
        printError(QCoreApplication::translate("cli", "unknown duplicate policy '%1'")
                       .arg(parser.value(QStringLiteral("duplicates"))));
        return Usage;
    }
    options.duplicates = *policy;
    options.layer = parser.value(QStringLiteral("layer"));

    auto catalogue = openCatalogue(parser, true);
    if (!catalogue)
        return Failed;
    // Ctrl+C cancels cleanly: the transaction is rolled back.
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    io::Importer importer(*catalogue);
    const io::ImportReport report = importer.importFile(file, options, &g_interrupted);

    if (parser.isSet(QStringLiteral("report"))) {
        QSaveFile out(parser.value(QStringLiteral("report")));
        if (!out.open(QIODevice::WriteOnly) ||
            out.write(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented)) < 0 ||
            !out.commit()) {
            printError(QCoreApplication::translate("cli", "%1: cannot write the report: %2")
                           .arg(out.fileName(), out.errorString()));
            return Failed;
        }
    }
    if (!report.committed) {
        printError(report.error);
        return Failed;
    }
    printLine(
        QCoreApplication::translate("cli",
                                    "%1: %2 records, %3 imported, %4 skipped (%5 duplicates), "
                                    "%6 unplaced, %7 problems; preset %8; %9 s")
            .arg(QFileInfo(file).fileName())
            .arg(report.records)
            .arg(report.imported)
            .arg(report.skipped)
            .arg(report.duplicates)
            .arg(report.unplaced)
            .arg(report.problemCount)
            .arg(io::presetName(report.mapping.preset))
            .arg(report.seconds, 0, 'f', 2));
    const int shown = int(std::min<qsizetype>(report.problems.size(), 20));
    for (int i = 0; i < shown; ++i) {
        const ImportProblem &p = report.problems.at(i);
        printLine(QStringLiteral("  %1:%2:%3: %4%5")
                      .arg(QFileInfo(file).fileName())
                      .arg(p.line)
                      .arg(p.column)
                      .arg(p.message,
                           p.value.isEmpty()
                               ? QString()
                               : QStringLiteral(" [%1]").arg(io::oneLine(p.value.left(60)))));
    }
    if (report.problemCount > shown)
        printLine(QCoreApplication::translate("cli", "  … and %1 more (see --report)")
                      .arg(report.problemCount - shown));
    if (!report.error.isEmpty())
        printError(report.error);
    return Ok;
}

} // namespace placard::cli
