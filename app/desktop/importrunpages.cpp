// SPDX-License-Identifier: GPL-3.0-or-later
#include "importrunpages.h"

#include "catalogue/catalogue.h"
#include "geo/gazetteer.h"
#include "importwizard.h"
#include "io/field.h"
#include "pickpointdialog.h"
#include "problemtable.h"
#include "query/eventquery.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace placard {

namespace {

void setRow(QTableWidget *table, int row, const QStringList &cells)
{
    for (int c = 0; c < cells.size(); ++c)
        table->setItem(row, c, new QTableWidgetItem(cells[c]));
}

QString eventSummary(const Event &e)
{
    QStringList parts{QLocale().toString(dateOfDay(e.startDay), QLocale::ShortFormat)};
    if (!e.title.isEmpty())
        parts << e.title;
    if (!e.place.isEmpty())
        parts << e.place;
    return parts.join(QStringLiteral(" · "));
}

} // namespace

ImportReviewPage::ImportReviewPage(ImportWizard *wizard)
    : m_wizard(wizard)
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Stop"), this))
    , m_summary(new QLabel(this))
    , m_policy(new QComboBox(this))
    , m_tabs(new QTabWidget(this))
    , m_skipped(makeReportTable(this, QStringLiteral("skippedTable"), {tr("Line"), tr("Why")}))
    , m_unplaced(makeReportTable(this, QStringLiteral("unplacedTable"),
                                 {tr("Place"), tr("Rows"), tr("Put them at")}))
    , m_duplicates(makeReportTable(this, QStringLiteral("duplicatesTable"),
                                   {tr("Line"), tr("Row"), tr("Looks like")}))
    , m_problems(makeReportTable(this, QStringLiteral("problemsTable"),
                                 {tr("Line"), tr("Column"), tr("Value"), tr("Problem")}))
{
    setTitle(tr("Review"));
    setSubTitle(tr("What the import will do with every row. Nothing is written yet."));
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setWordWrap(true);
    m_policy->setObjectName(QStringLiteral("duplicatePolicy"));
    m_policy->addItem(tr("Skip them"), int(io::DuplicatePolicy::Skip));
    m_policy->addItem(tr("Import them anyway"), int(io::DuplicatePolicy::Keep));
    m_policy->addItem(tr("Update the existing events"), int(io::DuplicatePolicy::Update));
    m_tabs->setObjectName(QStringLiteral("reviewTabs"));
    m_tabs->addTab(m_unplaced, QString());
    m_tabs->addTab(m_duplicates, QString());
    m_tabs->addTab(m_skipped, QString());
    m_tabs->addTab(m_problems, QString());
    auto *running = new QHBoxLayout;
    running->addWidget(m_progress, 1);
    running->addWidget(m_cancel);
    auto *policy = new QHBoxLayout;
    auto *policyLabel = new QLabel(tr("Possible &duplicates:"), this);
    policyLabel->setBuddy(m_policy);
    policy->addWidget(policyLabel);
    policy->addWidget(m_policy);
    policy->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(running);
    layout->addWidget(m_summary);
    layout->addLayout(policy);
    layout->addWidget(m_tabs, 1);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_cancelFlag)
            m_cancelFlag->store(true);
    });
    connect(m_policy, &QComboBox::currentIndexChanged, this, [this] {
        m_wizard->setDuplicatePolicy(io::DuplicatePolicy(m_policy->currentData().toInt()));
    });
}

ImportReviewPage::~ImportReviewPage()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

void ImportReviewPage::initializePage()
{
    m_running = true;
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_summary->setText(tr("Reading the whole file…"));
    m_tabs->setEnabled(false);
    m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    const auto cancel = m_cancelFlag;
    const Catalogue *catalogue = m_wizard->catalogue();
    const QString path = m_wizard->path();
    const io::ImportOptions options = m_wizard->options();
    QPointer<QProgressBar> bar = m_progress;
    auto *watcher = new QFutureWatcher<std::shared_ptr<io::ImportReview>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, cancel] {
        watcher->deleteLater();
        if (cancel != m_cancelFlag) // a newer review started
            return;
        m_wizard->setReview(std::make_unique<io::ImportReview>(*watcher->result()));
        m_running = false;
        show();
    });
    watcher->setFuture(QtConcurrent::run([catalogue, path, options, cancel, bar] {
        return std::make_shared<io::ImportReview>(io::reviewImport(
            *catalogue, path, options, cancel.get(), [bar](qint64 done, qint64 total) {
                QMetaObject::invokeMethod(bar, [bar, done, total] {
                    if (bar && total > 0)
                        bar->setValue(int(100 * done / total));
                });
            }));
    }));
    Q_EMIT completeChanged();
}

void ImportReviewPage::cleanupPage()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
    m_cancelFlag.reset();
    m_running = false;
}

bool ImportReviewPage::isComplete() const
{
    const io::ImportReview *r = m_wizard->review();
    return !m_running && r && r->error.isEmpty() && !r->cancelled;
}

void ImportReviewPage::show()
{
    m_progress->hide();
    m_cancel->hide();
    m_tabs->setEnabled(true);
    const io::ImportReview *r = m_wizard->review();
    Q_EMIT completeChanged();
    if (!r)
        return;
    if (!r->error.isEmpty()) {
        m_summary->setText(r->error);
        return;
    }
    if (r->cancelled) {
        m_summary->setText(tr("Stopped. Go back and forward again to review the file."));
        return;
    }
    const QLocale locale;
    m_summary->setText(tr("%1 records: %2 will be imported, %3 skipped. Places not found: %4. "
                          "Possible duplicates: %5.")
                           .arg(locale.toString(r->records), locale.toString(r->wouldImport),
                                locale.toString(qint64(r->skipped.size())),
                                locale.toString(qint64(r->unplaced.size())),
                                locale.toString(qint64(r->duplicates.size()))));
    m_tabs->setTabText(0, tr("Places not found (%1)").arg(r->unplaced.size()));
    m_tabs->setTabText(1, tr("Possible duplicates (%1)").arg(r->duplicates.size()));
    m_tabs->setTabText(2, tr("Skipped rows (%1)").arg(r->skipped.size()));
    m_tabs->setTabText(3, tr("Problems (%1)").arg(r->problems.size()));

    m_unplaced->setRowCount(int(r->unplaced.size()));
    const io::ImportOptions options = m_wizard->options();
    for (int i = 0; i < r->unplaced.size(); ++i) {
        const io::UnplacedPlace &place = r->unplaced[i];
        setRow(m_unplaced, i, {place.text, locale.toString(place.rows)});
        auto *choice = new QComboBox(m_unplaced);
        choice->setObjectName(QStringLiteral("placeChoice%1").arg(i));
        m_unplaced->setCellWidget(i, 2, choice);
        offer(i, place.candidates);
    }
    m_duplicates->setRowCount(int(r->duplicates.size()));
    for (int i = 0; i < r->duplicates.size(); ++i) {
        const io::PossibleDuplicate &d = r->duplicates[i];
        QString like = tr("line %1 of this file").arg(d.earlierLine);
        if (d.existingEventId) {
            const std::optional<Event> e = m_wizard->catalogue()->event(d.existingEventId);
            like = e ? eventSummary(*e) : tr("event %1").arg(d.existingEventId);
        }
        setRow(m_duplicates, i, {QString::number(d.line), eventSummary(d.row), like});
    }
    m_skipped->setRowCount(int(r->skipped.size()));
    for (int i = 0; i < r->skipped.size(); ++i)
        setRow(m_skipped, i, {QString::number(r->skipped[i].line), r->skipped[i].reason});
    fillProblems(m_problems, r->problems);
    // Open on the first list that has something to decide or read.
    const qsizetype sizes[] = {r->unplaced.size(), r->duplicates.size(), r->skipped.size(),
                               r->problems.size()};
    for (int tab = 0; tab < 4; ++tab) {
        if (sizes[tab] > 0) {
            m_tabs->setCurrentIndex(tab);
            break;
        }
    }
    for (QTableWidget *t : {m_unplaced, m_duplicates, m_skipped, m_problems})
        t->resizeColumnToContents(0);
    m_unplaced->setColumnWidth(0, std::min(m_unplaced->columnWidth(0), 300));
    m_duplicates->setColumnWidth(1, 330);
}

void ImportReviewPage::offer(int row, const QList<geo::GeocodeCandidate> &candidates)
{
    const io::ImportReview *r = m_wizard->review();
    auto *choice = qobject_cast<QComboBox *>(m_unplaced->cellWidget(row, 2));
    if (!r || !choice || row >= r->unplaced.size())
        return;
    const io::UnplacedPlace &place = r->unplaced[row];
    const QSignalBlocker block(choice);
    choice->disconnect(this);
    choice->clear();
    choice->addItem(place.reason.isEmpty() ? tr("Leave unplaced")
                                           : tr("Leave unplaced (%1)").arg(place.reason));
    for (const geo::GeocodeCandidate &c : candidates) {
        QStringList name{c.name};
        if (!c.admin1.isEmpty() && c.admin1 != c.name)
            name << c.admin1;
        if (!c.country.isEmpty())
            name << c.country;
        choice->addItem(
            tr("%1 (%2)").arg(name.join(QStringLiteral(", ")), geo::precisionName(c.precision)));
    }
    choice->addItem(tr("Find another place…"));
    choice->addItem(tr("Pick on the map…"));
    const QString text = place.text;
    connect(choice, &QComboBox::currentIndexChanged, this, [this, row, text, candidates](int k) {
        if (k == int(candidates.size()) + 2) { // "Pick on the map…"
            PickPointDialog dialog(text, this);
            if (dialog.exec() == QDialog::Accepted && dialog.point())
                pickPoint(row, dialog.point()->first, dialog.point()->second);
            else if (auto *box = qobject_cast<QComboBox *>(m_unplaced->cellWidget(row, 2)))
                box->setCurrentIndex(0);
            return;
        }
        if (k == int(candidates.size()) + 1) { // "Find another place…"
            bool ok = false;
            const QString other =
                QInputDialog::getText(this, tr("Find a Place"),
                                      tr("Where did the events at “%1” take place? A town, "
                                         "“Town, State” or “Town, Country”:")
                                          .arg(text),
                                      QLineEdit::Normal, text, &ok);
            if (!ok || other.trimmed().isEmpty() || !searchPlace(row, other)) {
                if (ok)
                    QMessageBox::information(this, tr("Find a Place"),
                                             tr("No place called “%1” is known.").arg(other));
                if (auto *box = qobject_cast<QComboBox *>(m_unplaced->cellWidget(row, 2)))
                    box->setCurrentIndex(0);
            }
            return;
        }
        if (k <= 0 || k > candidates.size()) {
            m_wizard->choosePlace(text, std::nullopt);
            return;
        }
        const geo::GeocodeCandidate &c = candidates[k - 1];
        m_wizard->choosePlace(text,
                              io::ImportOptions::PlacePick{c.latitude, c.longitude,
                                                           geo::toGeoPrecision(c.precision)});
    });
}

void ImportReviewPage::pickPoint(int row, double latitude, double longitude)
{
    const io::ImportReview *r = m_wizard->review();
    auto *choice = qobject_cast<QComboBox *>(m_unplaced->cellWidget(row, 2));
    if (!r || !choice || row >= r->unplaced.size())
        return;
    m_wizard->choosePlace(r->unplaced[row].text,
                          io::ImportOptions::PlacePick{latitude, longitude, GeoPrecision::Exact});
    // Shown as the choice, in place of "Pick on the map…".
    const QSignalBlocker block(choice);
    const int item = choice->count() - 1;
    choice->setItemText(
        item, tr("%1, %2 (picked on the map)").arg(latitude, 0, 'f', 4).arg(longitude, 0, 'f', 4));
    choice->setCurrentIndex(item);
}

bool ImportReviewPage::searchPlace(int row, const QString &text)
{
    if (!m_geocoder) {
        QString error;
        auto gazetteer = geo::Gazetteer::open(geo::Gazetteer::defaultPath(), &error);
        if (!gazetteer)
            return false;
        m_geocoder = std::make_shared<geo::Geocoder>(gazetteer);
    }
    const QList<geo::GeocodeCandidate> found = m_geocoder->geocode(text.trimmed(), 5).candidates;
    if (found.isEmpty())
        return false;
    offer(row, found);
    // The best answer is taken; the list offers the others.
    if (auto *choice = qobject_cast<QComboBox *>(m_unplaced->cellWidget(row, 2)))
        choice->setCurrentIndex(1);
    return true;
}

ImportRunPage::ImportRunPage(ImportWizard *wizard)
    : m_wizard(wizard)
    , m_progress(new QProgressBar(this))
    , m_rate(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel Import"), this))
{
    setTitle(tr("Importing"));
    setSubTitle(tr("Cancel leaves the catalogue exactly as it was."));
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_rate->setObjectName(QStringLiteral("importRate"));
    m_cancel->setObjectName(QStringLiteral("cancelImport"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_rate);
    layout->addWidget(m_cancel, 0, Qt::AlignLeft);
    layout->addStretch(1);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_cancelFlag)
            m_cancelFlag->store(true);
        m_cancel->setEnabled(false);
        m_rate->setText(tr("Cancelling…"));
    });
}

ImportRunPage::~ImportRunPage()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

void ImportRunPage::initializePage()
{
    m_done = false;
    m_cancel->setEnabled(true);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_rate->clear();
    m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    const auto cancel = m_cancelFlag;
    const QString catalogue = m_wizard->catalogue()->path();
    const QString path = m_wizard->path();
    const io::ImportOptions options = m_wizard->options();
    const qint64 records = m_wizard->review() ? m_wizard->review()->records : 0;
    QPointer<ImportRunPage> page = this;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    // Back and Cancel would leave a running import behind; the page's own Cancel stops it.
    wizard()->button(QWizard::BackButton)->setEnabled(false);
    wizard()->button(QWizard::CancelButton)->setEnabled(false);
    auto *watcher = new QFutureWatcher<std::shared_ptr<io::ImportReport>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        auto report = std::make_unique<io::ImportReport>(*watcher->result());
        const bool changed = report->committed;
        m_wizard->setReport(std::move(report));
        if (changed)
            m_wizard->catalogue()->announceExternalChange(Catalogue::ChangeKind::Reset);
        m_done = true;
        wizard()->button(QWizard::CancelButton)->setEnabled(true);
        Q_EMIT completeChanged();
        wizard()->next();
    });
    watcher->setFuture(QtConcurrent::run([catalogue, path, options, cancel, page, clock, records] {
        // The import writes through a connection of its own; the window's catalogue hears
        // of it when it is done.
        QString error;
        auto own = Catalogue::open(catalogue, &error);
        if (!own) {
            auto failed = std::make_shared<io::ImportReport>();
            failed->error = error;
            return failed;
        }
        io::Importer importer(*own);
        importer.setIndexingStarted([page] {
            QMetaObject::invokeMethod(page, [page] {
                if (!page)
                    return;
                page->m_progress->setRange(0, 0); // busy: no count to show
                page->m_rate->setText(tr("Building the search index…"));
            });
        });
        return std::make_shared<io::ImportReport>(importer.importFile(
            path, options, cancel.get(), [page, clock, records](qint64 done, qint64 total) {
                QMetaObject::invokeMethod(page, [page, clock, records, done, total] {
                    if (!page || total <= 0)
                        return;
                    page->m_progress->setValue(int(100 * done / total));
                    const double seconds = clock->elapsed() / 1000.0;
                    if (records > 0 && seconds > 0.2)
                        page->m_rate->setText(
                            tr("about %1 records a second")
                                .arg(QLocale().toString(qint64(records * done / total / seconds))));
                });
            }));
    }));
}

bool ImportRunPage::isComplete() const
{
    return m_done;
}

ImportReportPage::ImportReportPage(ImportWizard *wizard)
    : m_wizard(wizard)
    , m_summary(new QLabel(this))
    , m_problems(makeReportTable(this, QStringLiteral("reportProblems"),
                                 {tr("Line"), tr("Column"), tr("Value"), tr("Problem")}))
{
    setTitle(tr("Report"));
    setFinalPage(true);
    m_summary->setObjectName(QStringLiteral("reportSummary"));
    m_summary->setWordWrap(true);
    auto *show = new QCheckBox(tr("&Show these events on the map"), this);
    show->setObjectName(QStringLiteral("showImported"));
    show->setChecked(true);
    auto *save = new QPushButton(tr("&Export Problems…"), this);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export Problems"), QString(),
                                                          tr("CSV files (*.csv)"));
        QString error;
        if (!file.isEmpty() && m_wizard->report() &&
            !writeProblemsCsv(file, m_wizard->report()->problems, &error))
            QMessageBox::warning(this, tr("Export Problems"), error);
    });
    auto *row = new QHBoxLayout;
    row->addWidget(show);
    row->addStretch(1);
    row->addWidget(save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(row);
    layout->addWidget(m_problems, 1);
}

void ImportReportPage::initializePage()
{
    const io::ImportReport *r = m_wizard->report();
    if (!r)
        return;
    const QLocale locale;
    if (r->cancelled)
        m_summary->setText(tr("The import was cancelled: the catalogue is as it was."));
    else if (!r->error.isEmpty())
        m_summary->setText(tr("Nothing was imported: %1").arg(r->error));
    else
        m_summary->setText(
            tr("%1 of %2 records imported in %3 s (%4 placed from their place names), %5 "
               "skipped, %6 duplicates, %7 unplaced. %8 problems were noted.")
                .arg(locale.toString(r->imported), locale.toString(r->records),
                     locale.toString(r->seconds, 'f', 1),
                     locale.toString(r->geocoded[0] + r->geocoded[1] + r->geocoded[2]),
                     locale.toString(r->skipped), locale.toString(r->duplicates),
                     locale.toString(r->unplaced), locale.toString(r->problemCount)));
    fillProblems(m_problems, r->problems);
    findChild<QCheckBox *>(QStringLiteral("showImported"))->setEnabled(r->committed);
}

} // namespace placard
