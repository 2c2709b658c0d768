// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/sqlite.h"
#include "io/sample.h"
#include "mainwindow.h"
#include "mapbridge.h"
#include "mapwidget.h"
#include "version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(PlacardPlugin)

int main(int argc, char *argv[])
{
    placard::sql::configureLibrary();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("placard"));
    QApplication::setApplicationDisplayName(QStringLiteral("Placard"));
    QApplication::setOrganizationName(QStringLiteral("Placard"));
    QApplication::setApplicationVersion(placard::version());
    QApplication::setDesktopFileName(QStringLiteral("placard"));

    // The interface in the user's language where Placard has a translation.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("placard"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "A desktop atlas of demonstrations."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate(
            "main", "Save a picture of the window to FILE once the map has loaded, then quit."),
        QStringLiteral("FILE"));
    parser.addOption(screenshot);
    QCommandLineOption sample(
        QStringLiteral("sample"),
        QApplication::translate("main", "Open the sample catalogue (made on first use)."));
    parser.addOption(sample);
    QCommandLineOption center(
        QStringLiteral("center"),
        QApplication::translate("main", "Centre the map on LAT,LON (degrees)."),
        QStringLiteral("LAT,LON"));
    parser.addOption(center);
    QCommandLineOption zoom(QStringLiteral("zoom"),
                            QApplication::translate("main", "Show the map at this zoom level."),
                            QStringLiteral("ZOOM"));
    parser.addOption(zoom);
    parser.addPositionalArgument(QStringLiteral("catalogue"),
                                 QApplication::translate("main", "A catalogue to open."),
                                 QStringLiteral("[catalogue]"));
    parser.process(app);

    placard::MainWindow window;
    window.loadMap(placard::MapWidget::defaultPage());
    QString toOpen = parser.positionalArguments().value(0);
    QString error;
    if (parser.isSet(sample)) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        toOpen = dir + QStringLiteral("/sample.placard");
        if (!QFileInfo::exists(toOpen) && !placard::io::buildSampleCatalogue(toOpen, &error))
            toOpen.clear();
    }
    if (!toOpen.isEmpty() && !window.openCatalogue(toOpen, &error))
        QTextStream(stderr) << QStringLiteral("placard: ") << error << Qt::endl;
    else if (!error.isEmpty())
        QTextStream(stderr) << QStringLiteral("placard: ") << error << Qt::endl;
    window.show();
    if (parser.isSet(center) || parser.isSet(zoom)) {
        const QStringList parts = parser.value(center).split(QLatin1Char(','));
        bool okLat = parts.size() == 2, okLon = okLat, okZoom = true;
        placard::MapBridge *bridge = window.mapWidget()->bridge();
        const double lat = okLat ? parts[0].toDouble(&okLat) : bridge->centerLatitude();
        const double lon = okLon ? parts[1].toDouble(&okLon) : bridge->centerLongitude();
        const double z =
            parser.isSet(zoom) ? parser.value(zoom).toDouble(&okZoom) : bridge->zoomLevel();
        if ((parser.isSet(center) && !(okLat && okLon)) || !okZoom) {
            QTextStream(stderr) << QStringLiteral("placard: --center takes LAT,LON and --zoom a "
                                                  "number")
                                << Qt::endl;
            return 2;
        }
        Q_EMIT bridge->zoomToRequested(lat, lon, z);
    } else {
        // The events framed once the window is laid out and the map has its size.
        QTimer::singleShot(0, &window, [&window] { window.zoomToEvents(); });
    }

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        // Leave the map a moment to lay out, draw its first frames and, once still, put its
        // legend where it hides the fewest events (a large catalogue takes a second to open).
        QTimer::singleShot(2500, &window, [&window, file] {
            const bool ok = window.grab().save(file);
            QApplication::exit(ok ? 0 : 1);
        });
    }
    return QApplication::exec();
}
