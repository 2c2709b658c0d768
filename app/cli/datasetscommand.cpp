// SPDX-License-Identifier: GPL-3.0-or-later
// placard-cli datasets: the imports a catalogue holds, and taking one back out.
#include "catalogue/catalogue.h"
#include "commands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>

namespace placard::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

QString importedAt(const Dataset &d)
{
    return QDateTime::fromSecsSinceEpoch(d.importedAt, QTimeZone::UTC).toString(Qt::ISODate);
}

int removeImport(Catalogue &catalogue, const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    const QList<Dataset> datasets = catalogue.datasets();
    const auto found = std::find_if(datasets.cbegin(), datasets.cend(),
                                    [id](const Dataset &d) { return d.id == id; });
    if (!ok || found == datasets.cend()) {
        printError(tr("no import %1 in %2 ('placard-cli datasets' lists them)")
                       .arg(text, catalogue.path()));
        return Failed;
    }
    const qint64 events = catalogue.eventsByDataset().value(id);
    QString error;
    if (!catalogue.removeDataset(id, &error)) {
        printError(tr("%1: import %2 not removed: %3").arg(catalogue.path(), text, error));
        return Failed;
    }
    printLine(tr("Removed import %1 (%2) and its %3 events")
                  .arg(QString::number(id), found->fileName, QString::number(events)));
    return Ok;
}

} // namespace

int datasetsCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("List the catalogue's imports, one dataset each, or remove one with its events."));
    parser.addHelpOption();
    addCatalogueOption(parser);
    parser.addOption({QStringLiteral("json"), tr("Print JSON.")});
    parser.addOption({QStringLiteral("remove"),
                      tr("Remove import ID: its events, their tags, sources and problems."),
                      QStringLiteral("ID")});
    parser.process(QStringList{QStringLiteral("placard-cli datasets")} + args);
    if (!parser.positionalArguments().isEmpty()) {
        printError(tr("datasets takes no arguments besides its options"));
        return Usage;
    }
    auto catalogue = openCatalogue(parser, false);
    if (!catalogue)
        return Failed;
    if (parser.isSet(QStringLiteral("remove")))
        return removeImport(*catalogue, parser.value(QStringLiteral("remove")));

    const QList<Dataset> datasets = catalogue->datasets();
    const QHash<qint64, qint64> events = catalogue->eventsByDataset();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const Dataset &d : datasets)
            list.append(QJsonObject{{QStringLiteral("id"), d.id},
                                    {QStringLiteral("file"), d.fileName},
                                    {QStringLiteral("format"), d.format},
                                    {QStringLiteral("sha256"), d.sha256},
                                    {QStringLiteral("imported_at"), importedAt(d)},
                                    {QStringLiteral("records"), d.records},
                                    {QStringLiteral("imported"), d.imported},
                                    {QStringLiteral("skipped"), d.skipped},
                                    {QStringLiteral("duplicates"), d.duplicates},
                                    {QStringLiteral("unplaced"), d.unplaced},
                                    {QStringLiteral("events"), events.value(d.id)}});
        printLine(QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Indented)).trimmed());
        return Ok;
    }
    if (datasets.isEmpty()) {
        printLine(tr("No imports in %1").arg(catalogue->path()));
        return Ok;
    }
    printLine(QStringLiteral("%1  %2  %3  %4  %5")
                  .arg(tr("ID").rightJustified(4), tr("IMPORTED (UTC)").leftJustified(20),
                       tr("RECORDS").rightJustified(10), tr("EVENTS").rightJustified(10),
                       tr("FILE")));
    for (const Dataset &d : datasets)
        printLine(QStringLiteral("%1  %2  %3  %4  %5")
                      .arg(QString::number(d.id).rightJustified(4), importedAt(d).leftJustified(20),
                           QString::number(d.records).rightJustified(10),
                           QString::number(events.value(d.id)).rightJustified(10), d.fileName));
    return Ok;
}

} // namespace placard::cli
