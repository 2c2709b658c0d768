// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/catalogue.h"
#include "commands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextStream>

namespace placard::cli {

void addCatalogueOption(QCommandLineParser &parser)
{
    parser.addOption(
        {QStringLiteral("catalogue"),
         QCoreApplication::translate("cli",
                                     "The catalogue file (default: $PLACARD_CATALOGUE, "
                                     "else catalogue.placard in the user's data folder)."),
         QStringLiteral("PATH")});
}

QString cataloguePath(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("catalogue")))
        return parser.value(QStringLiteral("catalogue"));
    const QString env = qEnvironmentVariable("PLACARD_CATALOGUE");
    if (!env.isEmpty())
        return env;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/catalogue.placard");
}

std::unique_ptr<Catalogue> openCatalogue(const QCommandLineParser &parser, bool create)
{
    const QString path = cataloguePath(parser);
    QString error;
    // An older catalogue is upgraded once, and an interrupted import's text index completed,
    // in seconds for a large one: said when it begins, so that the wait is not taken for a
    // hang.
    const auto saying = [](const QString &message) -> schema::MigrationProgress {
        return [message](qint64 done, qint64) {
            if (done == 0)
                printError(message);
            return true;
        };
    };
    const schema::MigrationProgress upgrading =
        saying(QStringLiteral(
                   "%1 was made by an older Placard; upgrading it (once, this may take a while)")
                   .arg(path));
    const schema::MigrationProgress indexing =
        saying(QStringLiteral("%1: completing the text index an interrupted import left unfinished")
                   .arg(path));
    auto catalogue = create ? Catalogue::openOrCreate(path, &error, upgrading, indexing)
                            : Catalogue::open(path, &error, upgrading, indexing);
    if (!catalogue)
        printError(error);
    return catalogue;
}

void printError(const QString &message)
{
    QTextStream(stderr) << QStringLiteral("placard-cli: ") << message << Qt::endl;
}

void printLine(const QString &text)
{
    static QTextStream out(stdout);
    out << text << Qt::endl;
}

} // namespace placard::cli
