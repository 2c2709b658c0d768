// SPDX-License-Identifier: GPL-3.0-or-later
#include "importsdialog.h"

#include "catalogue/catalogue.h"
#include "problemtable.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <limits>

namespace placard {

namespace {

// The problems shown for an import: fillProblems() shows no more; the export has them all.
constexpr int kProblemsShown = 5000;

} // namespace

ImportsDialog::ImportsDialog(const Catalogue *catalogue, QWidget *parent)
    : QDialog(parent)
    , m_catalogue(catalogue)
    , m_imports(
          makeReportTable(this, QStringLiteral("imports"),
                          {tr("File"), tr("Date"), tr("Records"), tr("Imported"), tr("Skipped"),
                           tr("Duplicates"), tr("Unplaced"), tr("Problems"), tr("Events now")}))
    , m_problemsLabel(new QLabel(this))
    , m_problems(makeReportTable(this, QStringLiteral("importProblems"),
                                 {tr("Line"), tr("Column"), tr("Value"), tr("Problem")}))
    , m_export(new QPushButton(tr("&Export Problems…"), this))
    , m_show(new QPushButton(tr("&Show on Map"), this))
    , m_remove(new QPushButton(tr("&Remove Import…"), this))
{
    setWindowTitle(tr("Imports"));
    m_datasets = catalogue->datasets();
    const QHash<qint64, qint64> events = catalogue->eventsByDataset();
    const QHash<qint64, qint64> problems = catalogue->problemCounts();
    const QLocale locale;
    m_imports->setRowCount(int(m_datasets.size()));
    m_imports->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_imports->setSelectionMode(QAbstractItemView::SingleSelection);
    m_imports->horizontalHeader()->setStretchLastSection(false);
    for (int row = 0; row < m_datasets.size(); ++row) {
        const Dataset &d = m_datasets[row];
        m_events << events.value(d.id);
        m_problemCounts << problems.value(d.id);
        const QStringList cells{
            d.fileName,
            locale.toString(QDateTime::fromSecsSinceEpoch(d.importedAt), QLocale::ShortFormat),
            locale.toString(d.records),
            locale.toString(d.imported),
            locale.toString(d.skipped),
            locale.toString(d.duplicates),
            locale.toString(d.unplaced),
            locale.toString(m_problemCounts.last()),
            locale.toString(m_events.last())};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c >= 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == 0)
                item->setToolTip(tr("SHA-256 %1").arg(d.sha256));
            m_imports->setItem(row, c, item);
        }
    }
    m_imports->resizeColumnsToContents();
    m_imports->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    connect(m_imports, &QTableWidget::itemSelectionChanged, this, &ImportsDialog::showSelected);

    m_export->setObjectName(QStringLiteral("exportProblems"));
    m_show->setObjectName(QStringLiteral("showImport"));
    m_remove->setObjectName(QStringLiteral("removeImport"));
    m_show->setToolTip(tr("Show only this import's events, and the map around them"));
    m_remove->setToolTip(tr("Remove this import's events from the catalogue"));
    connect(m_export, &QPushButton::clicked, this, &ImportsDialog::exportProblems);
    connect(m_show, &QPushButton::clicked, this, [this] { choose(Choice::Show); });
    connect(m_remove, &QPushButton::clicked, this, [this] { choose(Choice::Remove); });

    auto *problemsPane = new QWidget(this);
    auto *problemsLayout = new QVBoxLayout(problemsPane);
    problemsLayout->setContentsMargins(0, 0, 0, 0);
    auto *problemsHeader = new QHBoxLayout;
    problemsHeader->addWidget(m_problemsLabel, 1);
    problemsHeader->addWidget(m_export);
    problemsLayout->addLayout(problemsHeader);
    problemsLayout->addWidget(m_problems, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_imports);
    split->addWidget(problemsPane);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_show, QDialogButtonBox::ActionRole);
    buttons->addButton(m_remove, QDialogButtonBox::DestructiveRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(900, 560);

    if (!m_datasets.isEmpty())
        m_imports->selectRow(int(m_datasets.size()) - 1); // the latest first in mind
    showSelected();
}

const Dataset *ImportsDialog::selected() const
{
    const QList<QTableWidgetItem *> items = m_imports->selectedItems();
    return items.isEmpty() ? nullptr : &m_datasets[items.first()->row()];
}

qint64 ImportsDialog::chosenDataset() const
{
    const Dataset *d = selected();
    return d ? d->id : 0;
}

QString ImportsDialog::chosenFile() const
{
    const Dataset *d = selected();
    return d ? d->fileName : QString();
}

qint64 ImportsDialog::chosenEvents() const
{
    const QList<QTableWidgetItem *> items = m_imports->selectedItems();
    return items.isEmpty() ? 0 : m_events[items.first()->row()];
}

void ImportsDialog::showSelected()
{
    const Dataset *d = selected();
    m_show->setEnabled(d && chosenEvents() > 0);
    m_remove->setEnabled(d != nullptr);
    if (!d) {
        m_problemsLabel->setText(m_datasets.isEmpty()
                                     ? tr("The catalogue holds no imports.")
                                     : tr("Select an import to see its problems."));
        m_problems->setRowCount(0);
        m_export->setEnabled(false);
        return;
    }
    const qint64 count = m_problemCounts[m_imports->selectedItems().first()->row()];
    const QLocale locale;
    m_problemsLabel->setText(
        count == 0 ? tr("%1 recorded no problems.").arg(d->fileName)
            : count <= kProblemsShown
            ? tr("Problems %1 recorded: %2").arg(d->fileName, locale.toString(count))
            : tr("Problems %1 recorded: %2, the first %3 shown (Export Problems writes them all)")
                  .arg(d->fileName, locale.toString(count), locale.toString(kProblemsShown)));
    fillProblems(m_problems, m_catalogue->problems(d->id, kProblemsShown));
    m_problems->resizeColumnsToContents();
    m_problems->horizontalHeader()->setStretchLastSection(true);
    m_export->setEnabled(count > 0);
}

void ImportsDialog::choose(Choice choice)
{
    const Dataset *d = selected();
    if (!d)
        return;
    if (choice == Choice::Remove) {
        const auto answer = QMessageBox::question(
            this, tr("Remove Import"),
            tr("Remove %1 and its %2 events from the catalogue? This cannot be undone, and "
               "Edit ▸ Undo forgets what came before it.")
                .arg(d->fileName, QLocale().toString(chosenEvents())),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_choice = choice;
    accept();
}

void ImportsDialog::exportProblems()
{
    const Dataset *d = selected();
    if (!d)
        return;
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Problems"),
                                                      d->fileName.section(QLatin1Char('.'), 0, 0) +
                                                          QStringLiteral("-problems.csv"),
                                                      tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    QString error;
    if (!writeProblemsCsv(file, m_catalogue->problems(d->id, std::numeric_limits<int>::max()),
                          &error))
        QMessageBox::warning(this, tr("Export Problems"), error);
}

} // namespace placard
