// SPDX-License-Identifier: GPL-3.0-or-later
// placard-cli: Placard's jobs from a shell. Each subcommand lives in its own file.
#include "version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("placard-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Placard"));
    QCoreApplication::setApplicationVersion(placard::version());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Placard from the command line: a desktop atlas of demonstrations."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    if (!parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << QCoreApplication::translate(
                                   "cli", "placard-cli: unknown command '%1'; see --help")
                                   .arg(parser.positionalArguments().constFirst())
                            << Qt::endl;
        return 2;
    }
    parser.showHelp(0);
}
