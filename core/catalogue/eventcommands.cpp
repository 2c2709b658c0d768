// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventcommands.h"

#include "catalogue/catalogue.h"

namespace placard {

EditEventCommand::EditEventCommand(Catalogue *catalogue, Event before, Event after,
                                   const QString &text)
    : QUndoCommand(text)
    , m_catalogue(catalogue)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    m_written = write(m_after);
    if (!m_written && m_error.isEmpty())
        m_error = QObject::tr("The catalogue is closed.");
    setObsolete(!m_written);
}

bool EditEventCommand::write(Event event)
{
    if (!m_catalogue)
        return false;
    QString why;
    if (m_catalogue->updateEvent(event, &why))
        return true;
    m_error = why;
    return false;
}

void EditEventCommand::redo()
{
    if (std::exchange(m_written, false))
        return;
    if (!write(m_after) && m_onError)
        m_onError(m_error);
}

void EditEventCommand::undo()
{
    if (!write(m_before) && m_onError)
        m_onError(m_error);
}

Event placedByHand(Event event, double latitude, double longitude)
{
    event.latitude = latitude;
    event.longitude = longitude;
    event.geoPrecision = GeoPrecision::Exact;
    event.coordinateOrigin = CoordinateOrigin::Manual;
    return event;
}

} // namespace placard
