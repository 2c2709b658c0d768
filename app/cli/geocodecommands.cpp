// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/catalogue.h"
#include "commands.h"
#include "geo/geocoder.h"
#include "io/placer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace placard::cli {

namespace {

std::shared_ptr<const geo::Geocoder> openGeocoder()
{
    QString error;
    auto gazetteer = geo::Gazetteer::open(geo::Gazetteer::defaultPath(), &error);
    if (!gazetteer) {
        printError(error);
        return nullptr;
    }
    return std::make_shared<geo::Geocoder>(gazetteer);
}

QString describe(const QString &query, const geo::GeocodeResult &r, bool json)
{
    if (json) {
        QJsonObject o{{QStringLiteral("query"), query}};
        if (!r.isPlaced()) {
            o.insert(QStringLiteral("error"), r.unplacedReason);
        } else {
            const geo::GeocodeCandidate &c = r.candidates.constFirst();
            o.insert(QStringLiteral("lat"), c.latitude);
            o.insert(QStringLiteral("lon"), c.longitude);
            o.insert(QStringLiteral("precision"), geo::precisionName(c.precision));
            o.insert(QStringLiteral("name"), c.name);
            o.insert(QStringLiteral("admin1"), c.admin1);
            o.insert(QStringLiteral("country"), c.country);
            o.insert(QStringLiteral("score"), std::round(c.score * 1000) / 1000);
        }
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    if (!r.isPlaced())
        return QStringLiteral("%1\tunplaced: %2").arg(query, r.unplacedReason);
    const geo::GeocodeCandidate &c = r.candidates.constFirst();
    return QStringLiteral("%1\t%2, %3, %4\t%5 %6\t%7\t%8")
        .arg(query, c.name, c.admin1, c.country)
        .arg(c.latitude, 0, 'f', 5)
        .arg(c.longitude, 0, 'f', 5)
        .arg(geo::precisionName(c.precision))
        .arg(c.score, 0, 'f', 2);
}

} // namespace

int geocodeCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Place names with the offline gazetteer, never the network."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("batch"),
         QCoreApplication::translate("cli",
                                     "Read one query a line from FILE (- for standard input)."),
         QStringLiteral("FILE")},
        {QStringLiteral("json"),
         QCoreApplication::translate("cli", "Print one JSON object a line.")},
    });
    parser.addPositionalArgument(QStringLiteral("query"),
                                 QCoreApplication::translate("cli", "Place names."),
                                 QStringLiteral("[QUERY…]"));
    parser.process(QStringList{QStringLiteral("placard-cli geocode")} + args);
    const bool json = parser.isSet(QStringLiteral("json"));
    if (parser.positionalArguments().isEmpty() && !parser.isSet(QStringLiteral("batch"))) {
        printError(QCoreApplication::translate("cli", "geocode needs a QUERY or --batch FILE"));
        return Usage;
    }
    auto geocoder = openGeocoder();
    if (!geocoder)
        return Failed;
    for (const QString &q : parser.positionalArguments())
        printLine(describe(q, geocoder->geocode(q), json));
    if (parser.isSet(QStringLiteral("batch"))) {
        const QString name = parser.value(QStringLiteral("batch"));
        QFile file;
        const bool ok = name == QLatin1StringView("-")
            ? file.open(stdin, QIODevice::ReadOnly)
            : (file.setFileName(name), file.open(QIODevice::ReadOnly));
        if (!ok) {
            printError(QCoreApplication::translate("cli", "%1: %2").arg(name, file.errorString()));
            return Failed;
        }
        while (!file.atEnd()) {
            QByteArray line = file.readLine();
            if (line.endsWith('\n'))
                line.chop(1);
            if (line.endsWith('\r'))
                line.chop(1);
            const QString query = QString::fromUtf8(line);
            printLine(describe(query, geocoder->geocode(query), json));
        }
    }
    return Ok;
}

int placeCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Place the catalogue's events that have no coordinates."));
    parser.addHelpOption();
    addCatalogueOption(parser);
    parser.process(QStringList{QStringLiteral("placard-cli place")} + args);
    auto catalogue = openCatalogue(parser, false);
    if (!catalogue)
        return Failed;
    auto geocoder = openGeocoder();
    if (!geocoder)
        return Failed;
    const io::PlacingReport r = io::placeUnplacedEvents(*catalogue, *geocoder);
    if (!r.error.isEmpty()) {
        printError(r.error);
        return Failed;
    }
    printLine(
        QCoreApplication::translate("cli",
                                    "%1 unplaced events: %2 placed at a locality, %3 at a state, "
                                    "%4 at a country; %5 still unplaced")
            .arg(r.unplaced)
            .arg(r.placed[0])
            .arg(r.placed[1])
            .arg(r.placed[2])
            .arg(r.stillUnplaced));
    return Ok;
}

} // namespace placard::cli
