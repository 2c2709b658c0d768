// SPDX-License-Identifier: GPL-3.0-or-later
#include "importcommand.h"

#include "catalogue/catalogue.h"

#include <QFileInfo>

namespace placard::io {

ImportCommand::ImportCommand(Catalogue *catalogue, const QString &path, ImportOptions options,
                             qint64 datasetId)
    : QUndoCommand(QObject::tr("Import %1").arg(QFileInfo(path).fileName()))
    , m_catalogue(catalogue)
    , m_path(path)
    , m_options(std::move(options))
    , m_datasetId(datasetId)
{
}

bool ImportCommand::runOwn(const QString &what,
                           const std::function<bool(Catalogue &, QString *)> &work, QString *error)
{
    if (!m_catalogue) {
        *error = QObject::tr("The catalogue is closed.");
        return false;
    }
    const QString path = m_catalogue->path();
    bool ok = false;
    const auto run = [&] {
        auto own = Catalogue::open(path, error);
        ok = own && work(*own, error);
    };
    if (m_runner)
        m_runner(what, run);
    else
        run();
    if (m_catalogue)
        m_catalogue->announceExternalChange(Catalogue::ChangeKind::Reset);
    return ok;
}

void ImportCommand::undo()
{
    QString error;
    const qint64 datasetId = m_datasetId;
    const bool ok = runOwn(
        QObject::tr("Removing the events of %1…").arg(QFileInfo(m_path).fileName()),
        [datasetId](Catalogue &own, QString *why) { return own.removeDataset(datasetId, why); },
        &error);
    if (!ok) {
        if (m_onError)
            m_onError(error);
        return;
    }
    m_done = false;
}

void ImportCommand::redo()
{
    if (m_done || !m_catalogue)
        return;
    ImportReport report;
    const QString path = m_path;
    const ImportOptions options = m_options;
    QString error;
    const bool ok = runOwn(
        QObject::tr("Importing %1 again…").arg(QFileInfo(m_path).fileName()),
        [&report, path, options](Catalogue &own, QString *why) {
            report = Importer(own).importFile(path, options);
            *why = report.error;
            return report.committed;
        },
        &error);
    if (!ok) {
        if (m_onError)
            m_onError(error);
        return;
    }
    m_datasetId = report.datasetId;
    m_done = true;
}

} // namespace placard::io
