// SPDX-License-Identifier: GPL-3.0-or-later
#include "problemtable.h"

#include <QHeaderView>
#include <QSaveFile>
#include <QTableWidget>

#include <algorithm>

namespace placard {

namespace {

// A cell a spreadsheet would run as a formula starts with one of these.
QString neutralised(const QString &cell)
{
    static const QString risky = QStringLiteral("=+-@\t\r");
    return !cell.isEmpty() && risky.contains(cell.front()) ? QLatin1Char('\'') + cell : cell;
}

QString csvCell(const QString &cell)
{
    const QString c = neutralised(cell);
    if (!c.contains(QLatin1Char(',')) && !c.contains(QLatin1Char('"')) &&
        !c.contains(QLatin1Char('\n')) && !c.contains(QLatin1Char('\r')))
        return c;
    return QLatin1Char('"') + QString(c).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
        QLatin1Char('"');
}

} // namespace

QTableWidget *makeReportTable(QWidget *parent, const QString &name, const QStringList &labels)
{
    auto *table = new QTableWidget(parent);
    table->setObjectName(name);
    table->setColumnCount(int(labels.size()));
    table->setHorizontalHeaderLabels(labels);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    return table;
}

void fillProblems(QTableWidget *table, const QList<ImportProblem> &problems)
{
    const int shown = int(std::min<qsizetype>(problems.size(), 5000));
    table->setRowCount(shown);
    for (int i = 0; i < shown; ++i) {
        const ImportProblem &p = problems[i];
        const QStringList cells{QString::number(p.line),
                                p.column > 0 ? QString::number(p.column) : QString(), p.value,
                                p.message};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]); // a value or message cut by its column, whole
            table->setItem(i, c, item);
        }
    }
    // Line and column as narrow as their numbers; the value wide enough to read, the
    // message the rest.
    table->resizeColumnToContents(0);
    table->resizeColumnToContents(1);
    table->resizeColumnToContents(2);
    table->setColumnWidth(2, std::clamp(table->columnWidth(2), 80, 260));
}

bool writeProblemsCsv(const QString &path, const QList<ImportProblem> &problems, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    QByteArray out = "line,column,value,problem,row skipped\r\n";
    for (const ImportProblem &p : problems) {
        out += QStringList{QString::number(p.line),
                           p.column > 0 ? QString::number(p.column) : QString(), csvCell(p.value),
                           csvCell(p.message),
                           p.skipped ? QStringLiteral("yes") : QStringLiteral("no")}
                   .join(QLatin1Char(','))
                   .toUtf8() +
            "\r\n";
    }
    file.write(out);
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace placard
