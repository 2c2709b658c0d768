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
    /// Runs the work of an undo or redo (`what` names it) and returns when it is done: a
    /// window runs it on another thread behind a progress dialog, since a large import takes
    /// seconds either way. Without one it runs on the calling thread. The work writes through
    /// a connection of its own; the catalogue then announces the change.
    using Runner = std::function<void(const QString &what, const std::function<void()> &work)>;
    void setRunner(Runner runner) { m_runner = std::move(runner); }

    void undo() override;
    void redo() override;

private:
    QPointer<Catalogue> m_catalogue;
    QString m_path;
    ImportOptions m_options;
    qint64 m_datasetId;
    bool m_done = true; ///< the import ran before the command was made
    std::function<void(const QString &)> m_onError;
    Runner m_runner;

    /// Runs `work` on a connection of its own through the runner; false and *error when the
    /// catalogue cannot be opened or the work fails.
    bool runOwn(const QString &what, const std::function<bool(Catalogue &, QString *)> &work,
                QString *error);
};

} // namespace placard::io
