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

void ImportCommand::undo()
{
    QString error;
    if (!m_catalogue || !m_catalogue->removeDataset(m_datasetId, &error)) {
        if (m_onError)
            m_onError(m_catalogue ? error : QObject::tr("The catalogue is closed."));
        return;
    }
    m_done = false;
}

void ImportCommand::redo()
{
    if (m_done || !m_catalogue)
        return;
    const ImportReport report = Importer(*m_catalogue).importFile(m_path, m_options);
    if (!report.committed) {
        if (m_onError)
            m_onError(report.error);
        return;
    }
    m_datasetId = report.datasetId; // the importer has announced the change
    m_done = true;
}

} // namespace placard::io
