// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query/eventindex.h"

#include <QDockWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QListWidget;
class QTimer;

namespace placard {

/// The Filters dock: event types with their counts, words to search for, whether events of
/// unknown size count, and a live "N of M events". It edits a Filter; the window applies it.
class FiltersDock : public QDockWidget {
    Q_OBJECT

public:
    explicit FiltersDock(QWidget *parent = nullptr);

    /// Shows the types of a catalogue (id, name, number of events) and resets the filter.
    void setTypes(const QList<std::tuple<qint64, QString, qint64>> &types);
    /// The filter as the dock shows it; text is left to the window (full-text search).
    Filter filter() const;
    QString searchText() const;
    /// Shows how many events pass.
    void setCounts(qint64 shown, qint64 total);
    QString countText() const;
    /// Clears every condition.
    void clear();

Q_SIGNALS:
    void filterChanged();

private:
    QLineEdit *m_search;
    QListWidget *m_types;
    QCheckBox *m_unknownSize;
    QSpinBox *m_minSize;
    QCheckBox *m_placedLocally;
    QCheckBox *m_placedBroadly;
    QLabel *m_count;
    QTimer *m_typing;
};

} // namespace placard
