// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventtablemodel.h"

#include "catalogue/catalogue.h"
#include "query/eventquery.h"

#include <QLocale>

#include <algorithm>

namespace placard {

namespace {

// What the Place column shows: the place as written, else the city (many lists, most of
// CCC's, give only the city).
#define PLACARD_PLACE_TEXT "coalesce(nullif(place, ''), locality)"

// The SQL each column sorts by; unknown sizes sort after every known one.
const char *const kSortSql[EventTableModel::ColumnCount] = {
    "SELECT id FROM events ORDER BY start_day, end_day, id",
    "SELECT id FROM events ORDER BY title COLLATE NOCASE, id",
    "SELECT e.id FROM events e LEFT JOIN event_types t ON t.id = e.type_id "
    "ORDER BY t.name COLLATE NOCASE, e.id",
    "SELECT id FROM events ORDER BY " PLACARD_PLACE_TEXT " COLLATE NOCASE, id",
    "SELECT id FROM events ORDER BY admin1 COLLATE NOCASE, id",
    "SELECT id FROM events ORDER BY country COLLATE NOCASE, id",
    "SELECT id FROM events ORDER BY coalesce(size_high, size_low) IS NULL, "
    "coalesce(size_high, size_low), id",
    "SELECT id FROM events ORDER BY geo_precision, id",
};

QString dateText(qint32 start, qint32 end, int precision)
{
    const QLocale locale;
    const QDate first = dateOfDay(start);
    if (precision == int(DatePrecision::Year))
        return QString::number(first.year());
    if (precision == int(DatePrecision::Month))
        return locale.toString(first, QStringLiteral("MMM yyyy"));
    QString text = locale.toString(first, QLocale::ShortFormat);
    if (end != start)
        text += QStringLiteral(" – ") + locale.toString(dateOfDay(end), QLocale::ShortFormat);
    return text;
}

QString precisionText(int precision)
{
    switch (GeoPrecision(precision)) {
    case GeoPrecision::Exact:
        return EventTableModel::tr("exact");
    case GeoPrecision::Locality:
        return EventTableModel::tr("town");
    case GeoPrecision::Admin1:
        return EventTableModel::tr("state");
    case GeoPrecision::Country:
        return EventTableModel::tr("country");
    case GeoPrecision::Unplaced:
        break;
    }
    return EventTableModel::tr("unplaced");
}

} // namespace

EventTableModel::EventTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void EventTableModel::setEvents(const Catalogue *catalogue, QList<qint64> ids)
{
    beginResetModel();
    if (catalogue != m_catalogue)
        m_orders.clear();
    m_catalogue = catalogue;
    m_ids.assign(ids.cbegin(), ids.cend());
    m_pages.clear();
    m_pagesRead = 0;
    applyOrder();
    endResetModel();
}

void EventTableModel::refreshEvents(const QList<qint64> &ids)
{
    for (const qint64 id : ids) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        m_pages.remove(row / PageSize);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void EventTableModel::applyOrder()
{
    if (m_sortColumn < 0 || m_sortColumn >= ColumnCount || !m_catalogue) {
        if (!std::is_sorted(m_ids.cbegin(), m_ids.cend())) // the index gives them sorted
            std::sort(m_ids.begin(), m_ids.end());
    } else {
        // Which ids are shown, as a bitmap over the id range: the catalogue's order is
        // read once and the shown ids picked from it, without a hash of a million entries.
        const qint64 maxId = m_ids.empty() ? 0 : *std::max_element(m_ids.cbegin(), m_ids.cend());
        std::vector<bool> shown(std::size_t(maxId) + 1, false);
        for (const qint64 id : m_ids) {
            if (id > 0)
                shown[std::size_t(id)] = true;
        }
        std::shared_ptr<const std::vector<qint64>> &order = m_orders[m_sortColumn];
        if (!order) {
            auto all = std::make_shared<std::vector<qint64>>();
            sql::Statement q(m_catalogue->handle(), kSortSql[m_sortColumn]);
            while (q.next())
                all->push_back(q.int64(0));
            order = std::move(all);
        }
        std::vector<qint64> ordered;
        ordered.reserve(m_ids.size());
        for (const qint64 id : *order) {
            if (id > 0 && id <= maxId && shown[std::size_t(id)])
                ordered.push_back(id);
        }
        m_ids = std::move(ordered);
    }
    if (m_sortOrder == Qt::DescendingOrder)
        std::reverse(m_ids.begin(), m_ids.end());
}

void EventTableModel::sort(int column, Qt::SortOrder order)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Persistent indexes (the selection) follow their event to its new row.
    const QModelIndexList before = persistentIndexList();
    QList<qint64> beforeIds;
    for (const QModelIndex &i : before)
        beforeIds << idAt(i.row());
    m_sortColumn = column;
    m_sortOrder = order;
    m_pages.clear();
    applyOrder();
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int row = rowOf(beforeIds[i]);
        after << (row < 0 ? QModelIndex() : index(row, before[i].column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

qint64 EventTableModel::idAt(int row) const
{
    return row >= 0 && std::size_t(row) < m_ids.size() ? m_ids[std::size_t(row)] : 0;
}

int EventTableModel::rowOf(qint64 id) const
{
    const auto it = std::find(m_ids.cbegin(), m_ids.cend(), id);
    return it == m_ids.cend() ? -1 : int(it - m_ids.cbegin());
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const EventTableModel::Cells *EventTableModel::cellsOf(int row) const
{
    if (!m_catalogue || row < 0 || std::size_t(row) >= m_ids.size())
        return nullptr;
    const int page = row / PageSize;
    if (const std::vector<Cells> *cached = m_pages.object(page))
        return &(*cached)[std::size_t(row % PageSize)];

    auto cells = std::make_unique<std::vector<Cells>>();
    const std::size_t first = std::size_t(page) * PageSize;
    const std::size_t last = std::min(m_ids.size(), first + PageSize);
    cells->resize(last - first);
    sql::Statement q(
        m_catalogue->handle(),
        "SELECT e.start_day, e.end_day, e.date_precision, e.title, t.name, " PLACARD_PLACE_TEXT
        ", e.admin1, e.country, e.size_low, e.size_high, "
        "e.size_text, e.geo_precision "
        "FROM events e LEFT JOIN event_types t ON t.id = e.type_id WHERE e.id = ?1");
    const QLocale locale;
    for (std::size_t i = first; i < last; ++i) {
        Cells &c = (*cells)[i - first];
        c.id = m_ids[i];
        q.reset();
        q.bind(1, c.id);
        if (!q.next())
            continue; // deleted meanwhile: an empty row until the next refresh
        const qint32 start = qint32(q.int64(0));
        const qint32 end = qint32(q.int64(1));
        c.display[Date] = dateText(start, end, int(q.int64(2)));
        c.sortKey[Date] = start;
        c.display[Title] = c.sortKey[Title] = q.text(3);
        c.display[Type] = c.sortKey[Type] = q.text(4);
        c.display[Place] = c.sortKey[Place] = q.text(5);
        c.display[Region] = c.sortKey[Region] = q.text(6);
        c.display[Country] = c.sortKey[Country] = q.text(7);
        const std::optional<qint64> size =
            q.isNull(9) ? q.optional<qint64>(8) : q.optional<qint64>(9);
        const QString sizeText = q.text(10);
        c.display[Size] = !sizeText.isEmpty() ? sizeText
            : size                            ? locale.toString(*size)
                                              : QString();
        if (size)
            c.sortKey[Size] = *size;
        c.precision = int(q.int64(11));
        c.display[Precision] = precisionText(c.precision);
        c.sortKey[Precision] = c.precision;
    }
    ++m_pagesRead;
    const std::vector<Cells> *stored = cells.get();
    m_pages.insert(page, cells.release());
    return &(*stored)[std::size_t(row % PageSize)];
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == IdRole)
        return idAt(index.row());
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole &&
        role != Qt::TextAlignmentRole)
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() == Size ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    const Cells *c = cellsOf(index.row());
    if (!c)
        return {};
    if (role == SortRole)
        return c->sortKey[index.column()];
    if (role == Qt::ToolTipRole)
        return index.column() == Title ? c->display[Title] : QVariant();
    return c->display[index.column()];
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Date:
        return tr("Date");
    case Title:
        return tr("Title");
    case Type:
        return tr("Type");
    case Place:
        return tr("Place");
    case Region:
        return tr("State");
    case Country:
        return tr("Country");
    case Size:
        return tr("Crowd");
    case Precision:
        return tr("Placed at");
    default:
        return {};
    }
}

} // namespace placard
