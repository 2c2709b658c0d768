// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"

#include <QPointer>
#include <QUndoCommand>

#include <functional>

namespace placard {

class Catalogue;

/// One edit of one event, undoable: it stores the event before and after and writes
/// whichever is wanted. The change is written when the command is made (so a refused
/// edit never reaches the undo stack); pushing it does not write it again.
class EditEventCommand : public QUndoCommand {
public:
    /// Writes `after` over the stored event; isValid() says whether that worked.
    EditEventCommand(Catalogue *catalogue, Event before, Event after, const QString &text);

    /// Whether the first write succeeded; error() says why not.
    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    /// Called when a later undo or redo cannot be written (the file became read-only…).
    void setErrorHandler(std::function<void(const QString &)> handler)
    {
        m_onError = std::move(handler);
    }

    void undo() override;
    void redo() override;

private:
    bool write(Event event);

    QPointer<Catalogue> m_catalogue;
    Event m_before;
    Event m_after;
    bool m_written = false; ///< the constructor wrote `after` already
    QString m_error;
    std::function<void(const QString &)> m_onError;
};

/// The event with its coordinates set where a person put it on the map.
Event placedByHand(Event event, double latitude, double longitude);

} // namespace placard
