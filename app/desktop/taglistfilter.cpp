// SPDX-License-Identifier: GPL-3.0-or-later
#include "taglistfilter.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QRadioButton>
#include <QVBoxLayout>

#include <algorithm>

namespace placard {

namespace {

constexpr int kRowsShown = 8; ///< rows the list shows before it scrolls

} // namespace

TagListFilter::TagListFilter(bool matchSwitch, QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_more(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_search->setObjectName(QStringLiteral("find"));
    m_search->setPlaceholderText(tr("Find"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("list"));
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_more->setObjectName(QStringLiteral("more"));
    m_more->setWordWrap(true);
    m_more->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    layout->addWidget(m_more);
    if (matchSwitch) {
        m_any = new QRadioButton(tr("Any of these"), this);
        m_all = new QRadioButton(tr("All of these"), this);
        m_any->setObjectName(QStringLiteral("any"));
        m_all->setObjectName(QStringLiteral("all"));
        m_any->setChecked(true);
        auto *row = new QHBoxLayout;
        row->addWidget(m_any);
        row->addWidget(m_all);
        row->addStretch(1);
        layout->addLayout(row);
        connect(m_all, &QRadioButton::toggled, this, [this] {
            if (!m_checked.isEmpty())
                Q_EMIT changed();
        });
    }
    connect(m_search, &QLineEdit::textChanged, this, &TagListFilter::fill);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const QString key = item->data(Qt::UserRole).toString();
        if (item->checkState() == Qt::Checked)
            m_checked.insert(key);
        else
            m_checked.remove(key);
        Q_EMIT changed();
    });
    fill();
}

void TagListFilter::setEntries(const QList<Entry> &entries)
{
    m_entries = entries;
    QSet<QString> keys;
    for (const Entry &e : entries)
        keys.insert(e.key);
    m_checked.intersect(keys);
    fill();
}

// Lists the entries that match the search, at most kShown of them, and every ticked one.
void TagListFilter::fill()
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    const QString needle = m_search->text().trimmed();
    const QLocale locale;
    int shown = 0;
    int matching = 0;
    for (const Entry &e : std::as_const(m_entries)) {
        const bool checked = m_checked.contains(e.key);
        const bool matches = needle.isEmpty() || e.label.contains(needle, Qt::CaseInsensitive);
        matching += matches ? 1 : 0;
        if (!checked && (!matches || shown >= kShown))
            continue;
        shown += checked ? 0 : 1;
        auto *item = new QListWidgetItem(
            QStringLiteral("%1 (%2)").arg(e.label, locale.toString(e.count)), m_list);
        item->setData(Qt::UserRole, e.key);
        item->setToolTip(e.label);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
    if (matching > shown)
        m_more->setText(tr("%1 more; type to find them").arg(locale.toString(matching - shown)));
    else if (m_list->count() == 0 && !needle.isEmpty())
        m_more->setText(tr("None found"));
    else
        m_more->clear();
    m_more->setVisible(!m_more->text().isEmpty());
    // Short lists take the room they need; long ones scroll.
    const int rows = std::clamp(m_list->count(), 1, kRowsShown);
    const int rowHeight =
        m_list->count() > 0 ? m_list->sizeHintForRow(0) : m_list->fontMetrics().height() + 4;
    m_list->setFixedHeight(rows * rowHeight + 2 * m_list->frameWidth());
    // A search box is only worth its room on a long list.
    m_search->setVisible(m_entries.size() > kRowsShown);
}

bool TagListFilter::contains(const QString &key) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
                       [&key](const Entry &e) { return e.key == key; });
}

QStringList TagListFilter::checkedKeys() const
{
    QStringList keys;
    for (const Entry &e : m_entries) {
        if (m_checked.contains(e.key))
            keys << e.key;
    }
    return keys;
}

QList<qint64> TagListFilter::checkedIds() const
{
    QList<qint64> ids;
    for (const QString &key : checkedKeys())
        ids << key.toLongLong();
    return ids;
}

void TagListFilter::setCheckedKeys(const QStringList &keys)
{
    const QSet<QString> wanted(keys.cbegin(), keys.cend());
    m_checked.clear();
    for (const Entry &e : std::as_const(m_entries)) {
        if (wanted.contains(e.key))
            m_checked.insert(e.key);
    }
    fill();
}

bool TagListFilter::matchAll() const
{
    return m_all && m_all->isChecked();
}

void TagListFilter::setMatchAll(bool all)
{
    if (!m_all)
        return;
    const QSignalBlocker a(m_any), b(m_all);
    (all ? m_all : m_any)->setChecked(true);
}

void TagListFilter::clear()
{
    m_checked.clear();
    setMatchAll(false);
    {
        const QSignalBlocker block(m_search);
        m_search->clear();
    }
    fill();
}

} // namespace placard
