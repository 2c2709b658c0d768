// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QTableView;

namespace placard {

class Catalogue;
class EventTableModel;

/// The Table dock: the filtered events as rows (read from the catalogue a page at a time),
/// sortable by any column by clicking its header, its selection linked with the map's.
class TableDock : public QDockWidget {
    Q_OBJECT

public:
    explicit TableDock(QWidget *parent = nullptr);

    EventTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    /// Selects an event's row and scrolls to it (0 or an event not shown: no selection),
    /// without announcing it back.
    void selectEvent(qint64 id);
    /// The selected event, or 0.
    qint64 selectedEvent() const;

Q_SIGNALS:
    /// A person selected an event in the table (0: none).
    void eventSelected(qint64 id);
    /// A row was double-clicked or Enter pressed on it.
    void eventActivated(qint64 id);

private:
    EventTableModel *m_model;
    QTableView *m_view;
    bool m_selecting = false; ///< a selection made by selectEvent(), not by a person
};

} // namespace placard
