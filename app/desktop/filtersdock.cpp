// SPDX-License-Identifier: GPL-3.0-or-later
#include "filtersdock.h"

#include "collapsiblesection.h"
#include "query/filterjson.h"
#include "taglistfilter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace placard {

namespace {

constexpr int kLargestSize = 100'000'000;
constexpr int kTypeRowsShown = 8;

const char *const kTagObjectNames[] = {"issues", "actors", "participants", "otherTypes",
                                       "otherTags"};

QString tagTitle(TagKind kind)
{
    switch (kind) {
    case TagKind::Issue:
        return FiltersDock::tr("Issues");
    case TagKind::Actor:
        return FiltersDock::tr("Organisers and groups");
    case TagKind::Participant:
        return FiltersDock::tr("Participants");
    case TagKind::Type:
        return FiltersDock::tr("Further types");
    case TagKind::Other:
        break;
    }
    return FiltersDock::tr("Other tags");
}

QList<TagListFilter::Entry> idEntries(const QList<FilterChoices::Choice> &choices,
                                      const QString &nameless)
{
    QList<TagListFilter::Entry> entries;
    entries.reserve(choices.size());
    for (const FilterChoices::Choice &c : choices)
        entries.append({QString::number(c.id), c.name.isEmpty() ? nameless : c.name, c.count});
    return entries;
}

QStringList keys(const QList<qint64> &ids)
{
    QStringList out;
    for (qint64 id : ids)
        out << QString::number(id);
    return out;
}

// A list that is as tall as its rows, up to a few, and scrolls beyond.
void fitHeight(QListWidget *list, int mostRows)
{
    const int rows = std::clamp(list->count(), 1, mostRows);
    const int rowHeight =
        list->count() > 0 ? list->sizeHintForRow(0) : list->fontMetrics().height() + 4;
    list->setFixedHeight(rows * rowHeight + 2 * list->frameWidth());
}

QString titled(const QString &title, int chosen)
{
    return chosen > 0 ? QStringLiteral("%1 (%2)").arg(title, QLocale().toString(chosen)) : title;
}

} // namespace

FiltersDock::FiltersDock(QWidget *parent)
    : QDockWidget(tr("Filters"), parent)
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("filtersDock"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);

    // Always in sight: the count, Clear, the search and the saved views.
    m_count->setObjectName(QStringLiteral("count"));
    QFont bold = m_count->font();
    bold.setBold(true);
    m_count->setFont(bold);
    // The count changes with every filter: painting its own background, it is redrawn alone,
    // not the whole dock under it (2–4 ms at each change, measured).
    m_count->setAutoFillBackground(true);
    auto *clearButton = new QPushButton(tr("Clear"), this);
    clearButton->setObjectName(QStringLiteral("clear"));
    clearButton->setToolTip(tr("Show every event again"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_count, 1);
    top->addWidget(clearButton);
    layout->addLayout(top);
    m_search->setPlaceholderText(tr("Search titles, places, claims, notes, tags"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("search"));
    layout->addWidget(m_search);
    layout->addWidget(createSavedViews());

    // The conditions, in folding sections that scroll together.
    auto *sections = new QWidget;
    sections->setObjectName(QStringLiteral("sections"));
    auto *sectionLayout = new QVBoxLayout(sections);
    sectionLayout->setContentsMargins(0, 0, 4, 0);
    sectionLayout->setSpacing(2);
    m_typesSection = new CollapsibleSection(tr("Types"), createTypes(), sections);
    m_typesSection->setExpanded(true);
    sectionLayout->addWidget(m_typesSection);
    for (int kind = 0; kind < int(m_tags.size()); ++kind) {
        m_tags[kind] = new TagListFilter(true);
        m_tags[kind]->setObjectName(QLatin1String(kTagObjectNames[kind]));
        m_tagSections[kind] =
            new CollapsibleSection(tagTitle(TagKind(kind)), m_tags[kind], sections);
        m_tagSections[kind]->setVisible(false); // until the catalogue has such tags
        sectionLayout->addWidget(m_tagSections[kind]);
        connect(m_tags[kind], &TagListFilter::changed, this, &FiltersDock::edited);
    }
    m_tagSections[int(TagKind::Issue)]->setExpanded(true);
    m_sizeSection = new CollapsibleSection(tr("Crowd size"), createSize(), sections);
    sectionLayout->addWidget(m_sizeSection);
    m_placeSection = new CollapsibleSection(tr("Place"), createPlace(), sections);
    sectionLayout->addWidget(m_placeSection);
    m_datasets = new TagListFilter(false);
    m_datasets->setObjectName(QStringLiteral("datasets"));
    connect(m_datasets, &TagListFilter::changed, this, &FiltersDock::edited);
    m_datasetsSection = new CollapsibleSection(tr("Datasets"), m_datasets, sections);
    m_datasetsSection->setVisible(false); // until there are several
    sectionLayout->addWidget(m_datasetsSection);
    sectionLayout->addStretch(1);

    auto *scroll = new QScrollArea(body);
    scroll->setObjectName(QStringLiteral("sectionsScroll"));
    scroll->setWidget(sections);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(scroll, 1);
    setWidget(body);

    // Typing waits for a pause; clicks apply at once.
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, &FiltersDock::filterChanged);
    connect(clearButton, &QPushButton::clicked, this, &FiltersDock::clear);
    updateTitles();
}

QWidget *FiltersDock::createSavedViews()
{
    auto *box = new QGroupBox(tr("Saved views"), this);
    box->setObjectName(QStringLiteral("savedViewsBox"));
    m_views = new QComboBox(box);
    m_views->setObjectName(QStringLiteral("savedViews"));
    m_views->setPlaceholderText(tr("Choose a view"));
    m_views->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_views->setMinimumContentsLength(10);
    auto *save = new QPushButton(tr("Save View…"), box);
    save->setObjectName(QStringLiteral("saveView"));
    save->setToolTip(tr("Name these filters and the map's extent to come back to them"));
    m_deleteView = new QPushButton(tr("Delete"), box);
    m_deleteView->setObjectName(QStringLiteral("deleteView"));
    m_deleteView->setEnabled(false);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_views);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(save);
    buttons->addWidget(m_deleteView);
    layout->addLayout(buttons);
    connect(m_views, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_deleteView->setEnabled(index >= 0); });
    connect(m_views, &QComboBox::activated, this,
            [this](int index) { Q_EMIT viewChosen(m_views->itemText(index)); });
    connect(save, &QPushButton::clicked, this, &FiltersDock::askToSaveView);
    connect(m_deleteView, &QPushButton::clicked, this, [this] {
        if (m_views->currentIndex() >= 0)
            Q_EMIT deleteViewRequested(m_views->currentText());
    });
    return box;
}

QWidget *FiltersDock::createTypes()
{
    m_types = new QListWidget;
    m_types->setObjectName(QStringLiteral("types"));
    m_types->setUniformItemSizes(true);
    m_types->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_types->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    fitHeight(m_types, kTypeRowsShown);
    connect(m_types, &QListWidget::itemChanged, this, &FiltersDock::edited);
    return m_types;
}

QWidget *FiltersDock::createSize()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    m_minSize = new QSpinBox(page);
    m_maxSize = new QSpinBox(page);
    m_minSize->setObjectName(QStringLiteral("minSize"));
    m_maxSize->setObjectName(QStringLiteral("maxSize"));
    m_minSize->setSpecialValueText(tr("any size"));
    m_maxSize->setSpecialValueText(tr("no limit"));
    for (QSpinBox *box : {m_minSize, m_maxSize}) {
        box->setRange(0, kLargestSize);
        box->setSingleStep(100);
        box->setGroupSeparatorShown(true);
        box->setAccelerated(true);
        connect(box, &QSpinBox::valueChanged, this, &FiltersDock::edited);
    }
    form->addRow(tr("At least"), m_minSize);
    form->addRow(tr("At most"), m_maxSize);
    m_unknownSize = new QCheckBox(tr("Include events of unknown size"), page);
    m_unknownSize->setObjectName(QStringLiteral("unknownSize"));
    m_unknownSize->setChecked(true);
    connect(m_unknownSize, &QCheckBox::toggled, this, &FiltersDock::edited);
    form->addRow(m_unknownSize);
    return page;
}

QWidget *FiltersDock::createPlace()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_countriesLabel = new QLabel(tr("Countries"), page);
    m_countries = new TagListFilter(false, page);
    m_countries->setObjectName(QStringLiteral("countries"));
    m_regionsLabel = new QLabel(tr("States and regions"), page);
    m_regions = new TagListFilter(false, page);
    m_regions->setObjectName(QStringLiteral("regions"));
    for (TagListFilter *list : {m_countries, m_regions})
        connect(list, &TagListFilter::changed, this, &FiltersDock::edited);
    layout->addWidget(m_countriesLabel);
    layout->addWidget(m_countries);
    layout->addWidget(m_regionsLabel);
    layout->addWidget(m_regions);
    layout->addWidget(new QLabel(tr("Placed"), page));
    m_placedLocally = new QCheckBox(tr("At a place or town"), page);
    m_placedBroadly = new QCheckBox(tr("Only at a state or country"), page);
    m_placedLocally->setObjectName(QStringLiteral("placedLocally"));
    m_placedBroadly->setObjectName(QStringLiteral("placedBroadly"));
    for (QCheckBox *box : {m_placedLocally, m_placedBroadly}) {
        box->setChecked(true);
        layout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &FiltersDock::edited);
    }
    // Until a catalogue has places.
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_countriesLabel, m_countries, m_regionsLabel, m_regions})
        w->setVisible(false);
    return page;
}

void FiltersDock::edited()
{
    updateTitles();
    Q_EMIT filterChanged();
}

void FiltersDock::updateTitles()
{
    int typesOff = 0;
    for (int i = 0; i < m_types->count(); ++i)
        typesOff += m_types->item(i)->checkState() == Qt::Checked ? 0 : 1;
    m_typesSection->setTitle(
        typesOff == 0
            ? tr("Types")
            : tr("Types (%1 of %2)").arg(m_types->count() - typesOff).arg(m_types->count()));
    for (int kind = 0; kind < int(m_tags.size()); ++kind)
        m_tagSections[kind]->setTitle(
            titled(tagTitle(TagKind(kind)), int(m_tags[kind]->checkedKeys().size())));
    const bool sized =
        m_minSize->value() > 0 || m_maxSize->value() > 0 || !m_unknownSize->isChecked();
    m_sizeSection->setTitle(sized ? tr("Crowd size (set)") : tr("Crowd size"));
    const int places = int(m_countries->checkedKeys().size() + m_regions->checkedKeys().size());
    const bool precision = !m_placedLocally->isChecked() || !m_placedBroadly->isChecked();
    m_placeSection->setTitle(titled(tr("Place"), places + (precision ? 1 : 0)));
    m_datasetsSection->setTitle(titled(tr("Datasets"), int(m_datasets->checkedKeys().size())));
}

void FiltersDock::setTypeChoices(const QList<FilterChoices::Choice> &types)
{
    const QSignalBlocker block(m_types);
    // Types the user had unticked stay unticked when the list is refreshed.
    QList<qint64> unticked;
    for (int i = 0; i < m_types->count(); ++i) {
        if (m_types->item(i)->checkState() != Qt::Checked)
            unticked << m_types->item(i)->data(Qt::UserRole).toLongLong();
    }
    m_types->clear();
    const QLocale locale;
    for (const FilterChoices::Choice &t : types) {
        const QString name = t.name.isEmpty() ? tr("No type") : t.name;
        auto *item = new QListWidgetItem(
            QStringLiteral("%1 (%2)").arg(name, locale.toString(t.count)), m_types);
        item->setData(Qt::UserRole, t.id);
        item->setToolTip(name);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(unticked.contains(t.id) ? Qt::Unchecked : Qt::Checked);
    }
    fitHeight(m_types, kTypeRowsShown);
    m_typesSection->setVisible(!types.isEmpty()); // as the tags: none, nothing to choose
}

void FiltersDock::setTypes(const QList<std::tuple<qint64, QString, qint64>> &types)
{
    QList<FilterChoices::Choice> choices;
    for (const auto &[id, name, count] : types)
        choices.append({id, {}, name, count});
    setTypeChoices(choices);
    updateTitles();
}

void FiltersDock::setChoices(const FilterChoices &choices)
{
    const QJsonObject before = filterToJson(filter());
    setTypeChoices(choices.types);
    for (int kind = 0; kind < int(m_tags.size()); ++kind) {
        const QList<FilterChoices::Choice> tags = choices.tags.value(TagKind(kind));
        m_tags[kind]->setEntries(idEntries(tags, {}));
        m_tagSections[kind]->setVisible(!tags.isEmpty());
    }
    QList<TagListFilter::Entry> countries;
    for (const FilterChoices::Choice &c : choices.countries)
        countries.append({c.key, c.name, c.count});
    m_countries->setEntries(countries);
    // Regions name their country when there are several.
    QStringList regionCountries;
    for (const FilterChoices::Choice &r : choices.regions) {
        const QString country = r.key.left(r.key.size() - r.name.size() - 1);
        if (!regionCountries.contains(country))
            regionCountries << country;
    }
    QList<TagListFilter::Entry> regions;
    for (const FilterChoices::Choice &r : choices.regions) {
        const QString country = r.key.left(r.key.size() - r.name.size() - 1);
        regions.append({r.key,
                        regionCountries.size() > 1 && !country.isEmpty()
                            ? QStringLiteral("%1, %2").arg(r.name, country)
                            : r.name,
                        r.count});
    }
    m_regions->setEntries(regions);
    // One country is no choice; a ticked one stays visible to be unticked.
    const bool showCountries = countries.size() > 1 || !m_countries->checkedKeys().isEmpty();
    m_countriesLabel->setVisible(showCountries);
    m_countries->setVisible(showCountries);
    m_regionsLabel->setVisible(!regions.isEmpty());
    m_regions->setVisible(!regions.isEmpty());
    m_datasets->setEntries(idEntries(choices.datasets, tr("Entered by hand")));
    m_datasetsSection->setVisible(choices.datasets.size() > 1 ||
                                  !m_datasets->checkedKeys().isEmpty());
    updateTitles();
    if (filterToJson(filter()) != before)
        Q_EMIT filterChanged();
}

Filter FiltersDock::filter() const
{
    Filter f;
    bool allTypes = true;
    for (int i = 0; i < m_types->count(); ++i) {
        const QListWidgetItem *item = m_types->item(i);
        if (item->checkState() == Qt::Checked)
            f.typeIds << item->data(Qt::UserRole).toLongLong();
        else
            allTypes = false;
    }
    if (allTypes)
        f.typeIds.clear();
    else if (f.typeIds.isEmpty())
        f.typeIds << -1; // nothing checked: nothing passes
    for (const TagListFilter *tags : m_tags) {
        const QList<qint64> ids = tags->checkedIds();
        if (!ids.isEmpty())
            f.tagRules.append({ids, tags->matchAll()});
    }
    if (m_minSize->value() > 0)
        f.minSize = m_minSize->value();
    if (m_maxSize->value() > 0)
        f.maxSize = m_maxSize->value();
    f.includeUnknownSize = m_unknownSize->isChecked();
    f.countries = m_countries->checkedKeys();
    f.regions = m_regions->checkedKeys();
    if (!m_placedLocally->isChecked() || !m_placedBroadly->isChecked()) {
        if (m_placedLocally->isChecked())
            f.precisions << GeoPrecision::Exact << GeoPrecision::Locality;
        if (m_placedBroadly->isChecked())
            f.precisions << GeoPrecision::Admin1 << GeoPrecision::Country;
        if (f.precisions.isEmpty())
            f.precisions << GeoPrecision::Unplaced; // the map draws none of those
    }
    f.datasets = m_datasets->checkedIds();
    return f;
}

void FiltersDock::setFilter(const Filter &f, const QString &searchText)
{
    {
        const QSignalBlocker a(m_search), b(m_types), c(m_minSize), d(m_maxSize), e(m_unknownSize),
            g(m_placedLocally), h(m_placedBroadly);
        m_search->setText(searchText);
        m_typing->stop();
        for (int i = 0; i < m_types->count(); ++i) {
            QListWidgetItem *item = m_types->item(i);
            const bool on =
                f.typeIds.isEmpty() || f.typeIds.contains(item->data(Qt::UserRole).toLongLong());
            item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        }
        // Each rule goes to the kind of tags its ids belong to.
        std::array<QStringList, 5> ticked;
        std::array<bool, 5> all{};
        for (const Filter::TagRule &rule : f.tagRules) {
            const QStringList ids = keys(rule.tagIds);
            const auto kind = std::find_if(m_tags.cbegin(), m_tags.cend(), [&](auto *list) {
                return std::any_of(ids.cbegin(), ids.cend(),
                                   [list](const QString &id) { return list->contains(id); });
            });
            if (kind != m_tags.cend()) {
                ticked[std::size_t(kind - m_tags.cbegin())] << ids;
                all[std::size_t(kind - m_tags.cbegin())] = rule.all;
            }
        }
        for (int kind = 0; kind < int(m_tags.size()); ++kind) {
            m_tags[kind]->clear();
            m_tags[kind]->setCheckedKeys(ticked[kind]);
            m_tags[kind]->setMatchAll(all[kind]);
        }
        m_minSize->setValue(int(std::clamp<qint64>(f.minSize.value_or(0), 0, kLargestSize)));
        m_maxSize->setValue(int(std::clamp<qint64>(f.maxSize.value_or(0), 0, kLargestSize)));
        m_unknownSize->setChecked(f.includeUnknownSize);
        m_countries->clear();
        m_countries->setCheckedKeys(f.countries);
        m_regions->clear();
        m_regions->setCheckedKeys(f.regions);
        const auto has = [&f](GeoPrecision p) {
            return f.precisions.contains(p);
        };
        m_placedLocally->setChecked(f.precisions.isEmpty() || has(GeoPrecision::Exact) ||
                                    has(GeoPrecision::Locality));
        m_placedBroadly->setChecked(f.precisions.isEmpty() || has(GeoPrecision::Admin1) ||
                                    has(GeoPrecision::Country));
        m_datasets->clear();
        m_datasets->setCheckedKeys(keys(f.datasets));
    }
    updateTitles();
    Q_EMIT filterChanged();
}

QString FiltersDock::searchText() const
{
    return m_search->text().trimmed();
}

void FiltersDock::setCounts(qint64 shown, qint64 total)
{
    const QLocale locale;
    m_count->setText(tr("%1 of %2 events").arg(locale.toString(shown), locale.toString(total)));
}

QString FiltersDock::countText() const
{
    return m_count->text();
}

void FiltersDock::setSavedViews(const QStringList &names)
{
    const QString current = m_savingView.isEmpty() ? currentView() : m_savingView;
    m_savingView.clear();
    const QSignalBlocker block(m_views);
    m_views->clear();
    m_views->addItems(names);
    m_views->setCurrentIndex(int(names.indexOf(current)));
    m_deleteView->setEnabled(m_views->currentIndex() >= 0);
}

QStringList FiltersDock::savedViews() const
{
    QStringList names;
    for (int i = 0; i < m_views->count(); ++i)
        names << m_views->itemText(i);
    return names;
}

QString FiltersDock::currentView() const
{
    return m_views->currentIndex() >= 0 ? m_views->currentText() : QString();
}

void FiltersDock::askToSaveView()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save View"), tr("Name these filters and the map's extent:"),
                              QLineEdit::Normal, currentView(), &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return;
    if (savedViews().contains(name) &&
        QMessageBox::question(this, tr("Replace View"),
                              tr("There is a view named “%1” already. Replace it?").arg(name),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    m_savingView = name; // chosen once the window lists it (setSavedViews())
    Q_EMIT saveViewRequested(name);
}

void FiltersDock::clear()
{
    {
        const QSignalBlocker a(m_search), b(m_types), c(m_unknownSize), d(m_minSize), e(m_maxSize),
            g(m_placedLocally), h(m_placedBroadly), i(m_views);
        m_minSize->setValue(0);
        m_maxSize->setValue(0);
        m_placedLocally->setChecked(true);
        m_placedBroadly->setChecked(true);
        m_search->clear();
        m_typing->stop();
        for (int row = 0; row < m_types->count(); ++row)
            m_types->item(row)->setCheckState(Qt::Checked);
        m_unknownSize->setChecked(true);
        for (TagListFilter *list : m_tags)
            list->clear();
        m_countries->clear();
        m_regions->clear();
        m_datasets->clear();
        m_views->setCurrentIndex(-1); // the filter is no view's any more
        m_deleteView->setEnabled(false);
    }
    updateTitles();
    Q_EMIT filterChanged();
}

} // namespace placard
