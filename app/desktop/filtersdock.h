// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"
#include "query/eventindex.h"
#include "query/filterchoices.h"

#include <QDockWidget>

#include <array>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTimer;

namespace placard {

class CollapsibleSection;
class TagListFilter;

/// The Filters dock: a live "N of M events", words to search for, saved views, and in folding
/// sections the event types, the tags of each kind (any or all of them), the crowd size range,
/// countries and regions, how precisely events are placed, and the datasets, each choice with
/// its number of events. It edits a Filter and names views; the window applies the filter and
/// stores the views (with the map extent).
class FiltersDock : public QDockWidget {
    Q_OBJECT

public:
    explicit FiltersDock(QWidget *parent = nullptr);

    /// Shows what a catalogue offers (see filterChoices()). Choices a person made that still
    /// exist are kept: unticked types, ticked tags, countries, regions and datasets. Emits
    /// filterChanged() only when the filter is no longer the same.
    void setChoices(const FilterChoices &choices);
    /// Shows only the types (id, name, number of events); setChoices() shows everything.
    void setTypes(const QList<std::tuple<qint64, QString, qint64>> &types);
    /// The filter as the dock shows it. The time window (fromDay, toDay) and textIds are left
    /// to the window: it runs the full-text search for searchText().
    Filter filter() const;
    QString searchText() const;
    /// Shows a filter (of a saved view) and its search words, then emits filterChanged() once.
    /// Choices the current catalogue does not offer are dropped; the time window is ignored.
    void setFilter(const Filter &filter, const QString &searchText);
    /// Shows how many events pass.
    void setCounts(qint64 shown, qint64 total);
    QString countText() const;
    /// Lists the saved views by name; the chosen one stays chosen while it exists.
    void setSavedViews(const QStringList &names);
    QStringList savedViews() const;
    /// The saved view last chosen or saved, or empty.
    QString currentView() const;
    /// Clears every condition and emits filterChanged().
    void clear();

Q_SIGNALS:
    /// A person changed a condition (typing waits for a pause), or setFilter() or clear() ran.
    void filterChanged();
    /// Save the current filter and map extent under this name (replacing is confirmed).
    void saveViewRequested(const QString &name);
    /// A person chose a saved view: the window loads it and calls setFilter().
    void viewChosen(const QString &name);
    /// Delete this saved view.
    void deleteViewRequested(const QString &name);

private:
    QWidget *createSavedViews();
    QWidget *createTypes();
    QWidget *createSize();
    QWidget *createPlace();
    void setTypeChoices(const QList<FilterChoices::Choice> &types);
    void edited();
    void updateTitles();
    void askToSaveView();

    QLineEdit *m_search;
    QLabel *m_count;
    QTimer *m_typing;
    // Saved views
    QComboBox *m_views = nullptr;
    QPushButton *m_deleteView = nullptr;
    QString m_savingView; ///< asked to be saved, not yet listed
    // Sections
    QListWidget *m_types = nullptr;
    CollapsibleSection *m_typesSection = nullptr;
    std::array<TagListFilter *, 5> m_tags{}; ///< by TagKind
    std::array<CollapsibleSection *, 5> m_tagSections{};
    QSpinBox *m_minSize = nullptr;
    QSpinBox *m_maxSize = nullptr;
    QCheckBox *m_unknownSize = nullptr;
    CollapsibleSection *m_sizeSection = nullptr;
    TagListFilter *m_countries = nullptr;
    QLabel *m_countriesLabel = nullptr;
    TagListFilter *m_regions = nullptr;
    QLabel *m_regionsLabel = nullptr;
    QCheckBox *m_placedLocally = nullptr;
    QCheckBox *m_placedBroadly = nullptr;
    CollapsibleSection *m_placeSection = nullptr;
    TagListFilter *m_datasets = nullptr;
    CollapsibleSection *m_datasetsSection = nullptr;
};

} // namespace placard
