// SPDX-License-Identifier: GPL-3.0-or-later
#include "tabledock.h"

#include "query/eventtablemodel.h"

#include <QHeaderView>
#include <QTableView>

namespace placard {

TableDock::TableDock(QWidget *parent)
    : QDockWidget(tr("Table"), parent)
    , m_model(new EventTableModel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("tableDock"));
    m_view->setObjectName(QStringLiteral("eventTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setCornerButtonEnabled(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows it does not show, so a million
    // rows cost no more than a screenful.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[EventTableModel::ColumnCount] = {9, 26, 10, 14, 8, 6, 11, 6};
    for (int c = 0; c < EventTableModel::ColumnCount; ++c)
        header->resizeSection(c, widths[c] * em);
    header->setSectionResizeMode(EventTableModel::Title, QHeaderView::Stretch);
    connect(header, &QHeaderView::sortIndicatorChanged, m_model,
            [this](int column, Qt::SortOrder order) { m_model->sort(column, order); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_selecting)
                    Q_EMIT eventSelected(current.isValid() ? m_model->idAt(current.row()) : 0);
            });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT eventActivated(m_model->idAt(index.row()));
    });
    setWidget(m_view);
}

void TableDock::selectEvent(qint64 id)
{
    m_selecting = true;
    const int row = id ? m_model->rowOf(id) : -1;
    if (row < 0) {
        m_view->selectionModel()->clear();
    } else {
        const QModelIndex index = m_model->index(row, 0);
        m_view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    }
    m_selecting = false;
}

qint64 TableDock::selectedEvent() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() && m_view->selectionModel()->isRowSelected(current.row())
        ? m_model->idAt(current.row())
        : 0;
}

} // namespace placard
