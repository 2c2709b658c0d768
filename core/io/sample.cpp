// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/sample.h"

#include "catalogue/catalogue.h"
#include "io/importer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace placard::io {

QString sampleCsvResource()
{
    return QStringLiteral(":/placard/sample/sample-events.csv");
}

bool buildSampleCatalogue(const QString &path, QString *error)
{
    // The importer reads files; give it a real one under the sample's own name.
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("sample-events.csv"));
    if (!dir.isValid() || !QFile::copy(sampleCsvResource(), csv)) {
        if (error)
            *error = QStringLiteral("cannot unpack the sample events");
        return false;
    }
    auto catalogue = Catalogue::create(path, error);
    if (!catalogue)
        return false;
    Importer importer(*catalogue);
    const ImportReport report = importer.importCsv(csv, {});
    if (!report.committed || report.skipped > 0) {
        if (error)
            *error = report.error.isEmpty() ? QStringLiteral("the sample did not import cleanly")
                                            : report.error;
        catalogue.reset();
        QFile::remove(path);
        return false;
    }
    return true;
}

} // namespace placard::io
