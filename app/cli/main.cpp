// SPDX-License-Identifier: GPL-3.0-or-later
// placard-cli: Placard's jobs from a shell. Each subcommand lives in its own file.
#include "catalogue/sqlite.h"
#include "commands.h"
#include "version.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

namespace {

struct Command {
    const char *name;
    int (*run)(const QStringList &);
    const char *summary;
};

constexpr Command kCommands[] = {
    {"import", placard::cli::importCommand,
     "import an event list (CSV or a GIS file) into the catalogue"},
    {"query", placard::cli::queryCommand, "list events matching filters, as CSV or JSON"},
    {"export", placard::cli::exportCommand,
     "write events matching filters to GeoPackage, GeoJSON, KML, FlatGeobuf, Shapefile or CSV"},
    {"stats", placard::cli::statsCommand, "count the catalogue's events by type, year and region"},
    {"datasets", placard::cli::datasetsCommand,
     "list the catalogue's imports, or remove one with its events"},
    {"sample", placard::cli::sampleCommand, "create a catalogue holding the sample events"},
    {"geocode", placard::cli::geocodeCommand, "place names with the offline gazetteer"},
    {"place", placard::cli::placeCommand, "place the catalogue's events that have no coordinates"},
    {"tiles", placard::cli::tilesCommand,
     "render the built-in basemap to an XYZ folder or MBTiles file"},
    {"render", placard::cli::renderCommand,
     "draw a map of the events to a PNG, SVG or PDF file for publication"},
};

QString usage()
{
    QString text = QCoreApplication::translate(
        "cli",
        "Usage: placard-cli [--help] [--version] COMMAND [OPTIONS]\n\n"
        "Placard from the command line: a desktop atlas of demonstrations.\n\n"
        "Commands:\n");
    for (const Command &c : kCommands)
        text +=
            QStringLiteral("  %1  %2\n")
                .arg(QString::fromLatin1(c.name).leftJustified(8), QString::fromLatin1(c.summary));
    text += QCoreApplication::translate(
        "cli", "\n'placard-cli COMMAND --help' describes a command's options.\n");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    placard::sql::configureLibrary();
    // Drawing maps needs fonts, hence a GUI application; it never opens a window.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Our own copy of the arguments: QGuiApplication takes Qt's options (such as --style)
    // out of argv, and some of them are Placard's.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("placard"));
    QCoreApplication::setOrganizationName(QStringLiteral("Placard"));
    QCoreApplication::setApplicationVersion(placard::version());

    QStringList args = arguments.mid(1);
    if (args.isEmpty() || args.constFirst() == QLatin1StringView("--help") ||
        args.constFirst() == QLatin1StringView("-h")) {
        QTextStream(stdout) << usage();
        return args.isEmpty() ? placard::cli::Usage : placard::cli::Ok;
    }
    if (args.constFirst() == QLatin1StringView("--version") ||
        args.constFirst() == QLatin1StringView("-v")) {
        QTextStream(stdout) << QStringLiteral("placard-cli %1\n").arg(placard::version());
        return placard::cli::Ok;
    }
    // --catalogue may stand before the command too; it then applies to it.
    QStringList global;
    while (!args.isEmpty() && args.constFirst().startsWith(QLatin1StringView("--catalogue"))) {
        global << args.takeFirst();
        if (!global.constLast().contains(QLatin1Char('=')) && !args.isEmpty())
            global << args.takeFirst();
    }
    if (args.isEmpty()) {
        placard::cli::printError(QCoreApplication::translate("cli", "no command; see --help"));
        return placard::cli::Usage;
    }
    const QString name = args.takeFirst();
    args = global + args;
    for (const Command &c : kCommands) {
        if (name == QLatin1StringView(c.name))
            return c.run(args);
    }
    placard::cli::printError(
        QCoreApplication::translate("cli", "unknown command '%1'; see --help").arg(name));
    return placard::cli::Usage;
}
