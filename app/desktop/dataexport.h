// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

class QWidget;

namespace placard {

/// File ▸ Export Data: asks for a file (GeoPackage, GeoJSON, KML, FlatGeobuf, Shapefile or
/// CSV) and whether to write the events shown or all of them, then writes it on a worker
/// thread behind a progress dialog with Cancel (a cancelled export leaves no file). Returns
/// the status message.
QString exportData(QWidget *parent, const QString &catalogue, const QList<qint64> &shown,
                   qint64 total);

/// Writes events of a catalogue file to a data file on a worker thread, behind a progress
/// dialog; the format comes from the extension. Empty on success, else why (or that it was
/// cancelled).
QString writeDataFile(QWidget *parent, const QString &catalogue, const QList<qint64> &ids,
                      const QString &path, bool csvBom);

} // namespace placard
