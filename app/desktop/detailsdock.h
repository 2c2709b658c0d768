// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"

#include <QDockWidget>

#include <optional>

class QPushButton;
class QTextBrowser;

namespace placard {

/// The Details dock: every field of the selected event, its sources as links that open in
/// the browser only when clicked, and buttons to edit it or put it on the map by hand.
class DetailsDock : public QDockWidget {
    Q_OBJECT

public:
    explicit DetailsDock(QWidget *parent = nullptr);

    /// Shows an event (with the name of the import it came from), or nothing.
    void setEvent(const std::optional<Event> &event, const QString &datasetName = {});
    qint64 eventId() const { return m_id; }
    /// The text shown, as plain text, for tests.
    QString plainText() const;
    QTextBrowser *browser() const { return m_text; }

    /// The HTML the dock shows for an event.
    static QString html(const Event &event, const QString &datasetName);

Q_SIGNALS:
    void editRequested(qint64 id);
    void placeRequested(qint64 id);
    /// A source link was clicked; the window opens it.
    void linkActivated(const QUrl &url);

private:
    QTextBrowser *m_text;
    QPushButton *m_edit;
    QPushButton *m_place;
    qint64 m_id = 0;
};

} // namespace placard
