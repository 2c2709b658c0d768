// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QCache>
#include <QHash>

#include <memory>
#include <vector>

namespace placard {

class Catalogue;

/// The events that pass the filter, one row each, for a table view. It holds only their
/// ids; the cells are read from the catalogue a page at a time when the view asks for them
/// (never all rows at once), and a few pages are kept. Sorting asks SQLite for the order of
/// the whole catalogue by that column once, then keeps the rows that pass in that order.
class EventTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Date, Title, Type, Place, Region, Country, Size, Precision, ColumnCount };
    /// The event id of a row, under this role of any column.
    static constexpr int IdRole = Qt::UserRole + 1;
    /// The value a column sorts by (day, size…), under this role.
    static constexpr int SortRole = Qt::UserRole + 2;
    /// Rows read from the catalogue at a time.
    static constexpr int PageSize = 128;

    explicit EventTableModel(QObject *parent = nullptr);

    /// Shows these events of a catalogue (ids in any order; they are shown sorted by the
    /// current sort column). The catalogue must outlive the model or be replaced first.
    void setEvents(const Catalogue *catalogue, QList<qint64> ids);
    /// Forgets cached cells of these events (after an edit) and tells the views.
    void refreshEvents(const QList<qint64> &ids);
    /// Forgets the catalogue's sort orders (after any change to it).
    void invalidateOrders() { m_orders.clear(); }

    qint64 idAt(int row) const;
    /// The row of an event, or −1 when it is not shown.
    int rowOf(qint64 id) const;
    /// Pages read from the catalogue since the events were set, for tests.
    int pagesRead() const { return m_pagesRead; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    struct Cells {
        qint64 id = 0;
        QVariant display[ColumnCount];
        QVariant sortKey[ColumnCount];
        int precision = 0; ///< GeoPrecision, for the decoration of unplaced rows
    };
    const Cells *cellsOf(int row) const;
    void applyOrder();

    const Catalogue *m_catalogue = nullptr;
    std::vector<qint64> m_ids; ///< the rows, in display order
    int m_sortColumn = -1; ///< −1: by id, the catalogue's order
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    mutable QCache<int, std::vector<Cells>> m_pages{64};
    /// The whole catalogue's ids in each column's order, read once per column.
    QHash<int, std::shared_ptr<const std::vector<qint64>>> m_orders;
    mutable int m_pagesRead = 0;
};

} // namespace placard
