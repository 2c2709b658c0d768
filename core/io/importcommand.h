// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/importer.h"

#include <QPointer>
#include <QUndoCommand>

#include <functional>

namespace placard {
class Catalogue;
}

namespace placard::io {

/// An import as an undoable step: undo removes its dataset (events, problems and all);
/// redo imports the same file again with the same options. Made after the import has run,
/// so pushing it writes nothing.
class ImportCommand : public QUndoCommand {
public:
    ImportCommand(Catalogue *catalogue, const QString &path, ImportOptions options,
                  qint64 datasetId);

    qint64 datasetId() const { return m_datasetId; }
    /// Called when an undo or redo cannot be done (the file is gone…).
    void setErrorHandler(std::function<void(const QString &)> handler)
    {
        m_onError = std::move(handler);
    }

    void undo() override;
    void redo() override;

private:
    QPointer<Catalogue> m_catalogue;
    QString m_path;
    ImportOptions m_options;
    qint64 m_datasetId;
    bool m_done = true; ///< the import ran before the command was made
    std::function<void(const QString &)> m_onError;
};

} // namespace placard::io
