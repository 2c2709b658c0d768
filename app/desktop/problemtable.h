// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"

#include <QList>
#include <QString>
#include <QStringList>

class QTableWidget;
class QWidget;

namespace placard {

/// A read-only table of an import's findings (problems, rows left out…), one line a row.
QTableWidget *makeReportTable(QWidget *parent, const QString &name, const QStringList &labels);

/// Fills a table of four columns (line, column, value, problem) with the first 5,000
/// problems: more than anyone reads in a window; the CSV export holds them all.
void fillProblems(QTableWidget *table, const QList<ImportProblem> &problems);

/// Writes import problems as CSV (UTF-8, a header row; cells that a spreadsheet would run
/// as formulas are neutralised). False and *error naming the file when it cannot be written.
bool writeProblemsCsv(const QString &path, const QList<ImportProblem> &problems, QString *error);

} // namespace placard
