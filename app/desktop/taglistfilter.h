// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSet>
#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;

namespace placard {

/// A searchable list of ticked choices, each with its number of events: the tags of one kind,
/// countries, regions or datasets. Nothing ticked is no condition. With a match switch the
/// ticked choices are to be matched as any or all of them. At most kShown choices are listed
/// at once, the first ones or those matching the search, and ticked ones always.
class TagListFilter : public QWidget {
    Q_OBJECT

public:
    /// One choice: a key (an id as text, a country…), what to show, and its events.
    struct Entry {
        QString key;
        QString label;
        qint64 count = 0;
    };
    static constexpr int kShown = 500;

    explicit TagListFilter(bool matchSwitch, QWidget *parent = nullptr);

    /// Replaces the choices, in the order to show them; ticks stay on keys that still exist.
    void setEntries(const QList<Entry> &entries);
    qsizetype entryCount() const { return m_entries.size(); }
    bool contains(const QString &key) const;
    /// The ticked keys in the order of the entries.
    QStringList checkedKeys() const;
    QList<qint64> checkedIds() const;
    /// Ticks these keys (those that exist) and unticks the rest, without changed().
    void setCheckedKeys(const QStringList &keys);
    bool matchAll() const;
    void setMatchAll(bool all);
    /// Unticks everything, matches any and forgets the search, without changed().
    void clear();

Q_SIGNALS:
    /// A person ticked or unticked a choice or switched between any and all.
    void changed();

private:
    void fill();

    QLineEdit *m_search;
    QListWidget *m_list;
    QLabel *m_more;
    QRadioButton *m_any = nullptr;
    QRadioButton *m_all = nullptr;
    QList<Entry> m_entries;
    QSet<QString> m_checked;
};

} // namespace placard
