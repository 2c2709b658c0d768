// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataexport.h"

#include "catalogue/catalogue.h"
#include "io/exporter.h"

#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace placard {

QString writeDataFile(QWidget *parent, const QString &catalogue, const QList<qint64> &ids,
                      const QString &path, bool csvBom)
{
    auto cancel = std::make_shared<std::atomic_bool>(false);
    QProgressDialog progress(
        QObject::tr("Exporting %1 events…").arg(QLocale().toString(ids.size())),
        QObject::tr("Cancel"), 0, 100, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    QObject::connect(&progress, &QProgressDialog::canceled, &progress,
                     [cancel] { cancel->store(true); });
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<QString>::finished, &loop, &QEventLoop::quit);
    QPointer<QProgressDialog> bar = &progress;
    watcher.setFuture(QtConcurrent::run([catalogue, ids, path, csvBom, cancel, bar] {
        // A connection of the worker's own: the window's stays on its thread.
        QString error;
        auto own = Catalogue::open(catalogue, &error);
        if (!own)
            return error;
        io::ExportOptions options;
        options.csvBom = csvBom;
        if (!io::exportEvents(*own, ids, path, options, &error, cancel.get(),
                              [bar](qint64 done, qint64 total) {
                                  QMetaObject::invokeMethod(bar, [bar, done, total] {
                                      if (bar && total > 0)
                                          bar->setValue(int(100 * done / total));
                                  });
                              }))
            return cancel->load() ? QObject::tr("Cancelled; no file was written") : error;
        return QString();
    }));
    loop.exec();
    progress.reset();
    return watcher.result();
}

QString exportData(QWidget *parent, const QString &catalogue, const QList<qint64> &shown,
                   qint64 total)
{
    const QLocale locale;
    QList<qint64> ids = shown;
    if (shown.size() < total) {
        QMessageBox ask(QMessageBox::Question, QObject::tr("Export Data"),
                        QObject::tr("Export the %1 events the filters show, or all %2 events "
                                    "of the catalogue?")
                            .arg(locale.toString(shown.size()), locale.toString(total)),
                        QMessageBox::Cancel, parent);
        QPushButton *shownButton = ask.addButton(
            QObject::tr("%1 Shown").arg(locale.toString(shown.size())), QMessageBox::AcceptRole);
        QPushButton *allButton = ask.addButton(QObject::tr("All %1").arg(locale.toString(total)),
                                               QMessageBox::AcceptRole);
        ask.setDefaultButton(shownButton);
        ask.exec();
        if (ask.clickedButton() == allButton) {
            QString error;
            auto own = Catalogue::open(catalogue, &error);
            if (!own)
                return error;
            ids = own->eventIds(0, int(std::min<qint64>(total, std::numeric_limits<int>::max())));
        } else if (ask.clickedButton() != shownButton) {
            return {};
        }
    }
    QString selected;
    QString path = QFileDialog::getSaveFileName(
        parent, QObject::tr("Export Data"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        QObject::tr("GeoPackage (*.gpkg);;GeoJSON (*.geojson);;KML (*.kml);;FlatGeobuf (*.fgb);;"
                    "Shapefile (*.shp);;CSV (*.csv);;CSV for Excel (*.csv)"),
        &selected);
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty()) {
        const qsizetype dot = selected.indexOf(QLatin1String("*."));
        path += selected.mid(dot + 1, selected.indexOf(QLatin1Char(')'), dot) - dot - 1);
    }
    if (!io::exportFormatForPath(path)) {
        QMessageBox::warning(
            parent, QObject::tr("Export Data"),
            QObject::tr("%1: choose .gpkg, .geojson, .kml, .fgb, .shp or .csv").arg(path));
        return {};
    }
    const bool bom = selected.startsWith(QLatin1String("CSV for Excel"));
    const QString error = writeDataFile(parent, catalogue, ids, path, bom);
    if (!error.isEmpty()) {
        QMessageBox::warning(parent, QObject::tr("Export Data"), error);
        return error;
    }
    return QObject::tr("%1 events exported to %2")
        .arg(locale.toString(ids.size()), QFileInfo(path).fileName());
}

} // namespace placard
