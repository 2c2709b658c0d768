// SPDX-License-Identifier: GPL-3.0-or-later
#include "filtersdock.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace placard {

FiltersDock::FiltersDock(QWidget *parent)
    : QDockWidget(tr("Filters"), parent)
    , m_search(new QLineEdit(this))
    , m_types(new QListWidget(this))
    , m_unknownSize(new QCheckBox(tr("Include events of unknown size"), this))
    , m_minSize(new QSpinBox(this))
    , m_placedLocally(new QCheckBox(tr("At a place or town"), this))
    , m_placedBroadly(new QCheckBox(tr("Only at a state or country"), this))
    , m_count(new QLabel(this))
    , m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("filtersDock"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    m_search->setPlaceholderText(tr("Search titles, places, claims, notes, tags"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("search"));
    m_types->setObjectName(QStringLiteral("types"));
    m_unknownSize->setChecked(true);
    m_unknownSize->setObjectName(QStringLiteral("unknownSize"));
    m_count->setObjectName(QStringLiteral("count"));
    QFont bold = m_count->font();
    bold.setBold(true);
    m_count->setFont(bold);
    auto *clearButton = new QPushButton(tr("Clear"), this);
    layout->addWidget(m_count);
    layout->addWidget(m_search);
    layout->addWidget(new QLabel(tr("Types"), this));
    layout->addWidget(m_types, 1);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(new QLabel(tr("Crowd of at least"), this));
    m_minSize->setRange(0, 10000000);
    m_minSize->setSingleStep(100);
    m_minSize->setGroupSeparatorShown(true);
    m_minSize->setSpecialValueText(tr("any size"));
    m_minSize->setObjectName(QStringLiteral("minSize"));
    sizeRow->addWidget(m_minSize, 1);
    layout->addLayout(sizeRow);
    layout->addWidget(m_unknownSize);
    layout->addWidget(new QLabel(tr("Placed"), this));
    for (QCheckBox *box : {m_placedLocally, m_placedBroadly}) {
        box->setChecked(true);
        layout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &FiltersDock::filterChanged);
    }
    m_placedLocally->setObjectName(QStringLiteral("placedLocally"));
    m_placedBroadly->setObjectName(QStringLiteral("placedBroadly"));
    layout->addWidget(clearButton);
    setWidget(body);

    // Typing waits for a pause; clicks apply at once.
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, &FiltersDock::filterChanged);
    connect(m_types, &QListWidget::itemChanged, this, &FiltersDock::filterChanged);
    connect(m_unknownSize, &QCheckBox::toggled, this, &FiltersDock::filterChanged);
    connect(m_minSize, &QSpinBox::valueChanged, this, &FiltersDock::filterChanged);
    connect(clearButton, &QPushButton::clicked, this, &FiltersDock::clear);
}

void FiltersDock::setTypes(const QList<std::tuple<qint64, QString, qint64>> &types)
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
    for (const auto &[id, name, count] : types) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1 (%2)").arg(name, locale.toString(count)), m_types);
        item->setData(Qt::UserRole, id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(unticked.contains(id) ? Qt::Unchecked : Qt::Checked);
    }
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
    f.includeUnknownSize = m_unknownSize->isChecked();
    if (m_minSize->value() > 0)
        f.minSize = m_minSize->value();
    if (!m_placedLocally->isChecked() || !m_placedBroadly->isChecked()) {
        if (m_placedLocally->isChecked())
            f.precisions << GeoPrecision::Exact << GeoPrecision::Locality;
        if (m_placedBroadly->isChecked())
            f.precisions << GeoPrecision::Admin1 << GeoPrecision::Country;
        if (f.precisions.isEmpty())
            f.precisions << GeoPrecision::Unplaced; // the map draws none of those
    }
    return f;
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

void FiltersDock::clear()
{
    {
        const QSignalBlocker a(m_search), b(m_types), c(m_unknownSize), d(m_minSize),
            e(m_placedLocally), g(m_placedBroadly);
        m_minSize->setValue(0);
        m_placedLocally->setChecked(true);
        m_placedBroadly->setChecked(true);
        m_search->clear();
        m_typing->stop();
        for (int i = 0; i < m_types->count(); ++i)
            m_types->item(i)->setCheckState(Qt::Checked);
        m_unknownSize->setChecked(true);
    }
    Q_EMIT filterChanged();
}

} // namespace placard
