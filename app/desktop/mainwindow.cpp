// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "aboutdialog.h"
#include "catalogue/catalogue.h"
#include "catalogue/eventcommands.h"
#include "catalogue/savedviews.h"
#include "dataexport.h"
#include "detailsdock.h"
#include "eventeditdialog.h"
#include "filtersdock.h"
#include "geo/geocoder.h"
#include "geo/webmercator.h"
#include "importsdialog.h"
#include "importwizard.h"
#include "io/importcommand.h"
#include "io/placer.h"
#include "mapbridge.h"
#include "mapexportdialog.h"
#include "mapwidget.h"
#include "preferencesdialog.h"
#include "query/eventindex.h"
#include "query/eventquery.h"
#include "query/eventtablemodel.h"
#include "query/filterchoices.h"
#include "query/filterjson.h"
#include "query/mapextent.h"
#include "tabledock.h"
#include "timelinedock.h"
#include "timelinewidget.h"

#include <QAction>
#include <QApplication>
#include <QDate>
#include <QDesktopServices>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QScopedValueRollback>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolTip>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace placard {

namespace {
// From this many events on, the filters' choices are read on a worker thread, and the table
// and the histogram follow a filter change a moment after the map.
constexpr qsizetype kChoicesInBackgroundFrom = 100000;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_stack(new QStackedWidget(this))
    , m_map(new MapWidget(m_stack))
    , m_errorPage(new QLabel(m_stack))
    , m_zoomLabel(new QLabel(this))
    , m_catalogueLabel(new QLabel(this))
{
    setWindowTitle(tr("Placard"));
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    resize(1280, 800);

    m_errorPage->setObjectName(QStringLiteral("mapErrorPage"));
    m_errorPage->setAlignment(Qt::AlignCenter);
    m_errorPage->setWordWrap(true);
    m_errorPage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorPage->setMargin(48);
    m_stack->addWidget(m_map);
    m_stack->addWidget(m_errorPage);
    setCentralWidget(m_stack);

    m_undo = new QUndoStack(this);
    createDocks();
    createMenus();
    m_catalogueLabel->setObjectName(QStringLiteral("catalogueSummary"));
    statusBar()->addWidget(m_catalogueLabel, 1);
    statusBar()->addPermanentWidget(m_zoomLabel);
    connect(m_map->bridge(), &MapBridge::zoomLevelChanged, this, &MainWindow::updateZoomLabel);
    connect(m_map, &MapWidget::loadFailed, this, &MainWindow::showMapError);
    connect(m_map->bridge(), &MapBridge::eventHovered, this,
            [this](qint64 id, QPoint at) { QToolTip::showText(at, eventTooltip(id), m_map); });
    connect(m_map->bridge(), &MapBridge::clusterHovered, this,
            [this](int count, qint64 known, int unknown, QPoint at) {
                QString text = tr("<b>%1 events</b>").arg(QLocale().toString(count));
                if (known > 0)
                    text +=
                        tr("<br>%1 people known to have taken part").arg(QLocale().toString(known));
                if (unknown > 0)
                    text += tr("<br>%1 of unknown size").arg(QLocale().toString(unknown));
                QToolTip::showText(at, text, m_map);
            });
    connect(m_map->bridge(), &MapBridge::hoverEnded, this, [] { QToolTip::hideText(); });
    connect(m_map->bridge(), &MapBridge::eventsChosen, this, &MainWindow::offerEvents);
    connect(m_map->bridge(), &MapBridge::selectionChanged, this, &MainWindow::selectEvent);
    connect(m_map->bridge(), &MapBridge::placeClicked, this, &MainWindow::placeAt);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(escape, &QShortcut::activated, this, [this] {
        if (m_placing)
            stopPlacing(tr("Placing cancelled"));
    });
    updateCatalogueSummary();
}

MainWindow::~MainWindow() = default;

void MainWindow::offerEvents(const QList<qint64> &ids, QPoint globalPosition)
{
    // Events at one place: a menu of their titles and dates, the first few dozen of them;
    // the table lists them all once filtered to that place.
    constexpr qsizetype kShown = 30;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("clusterEvents"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QLocale locale;
    for (qsizetype i = 0; i < std::min(ids.size(), kShown); ++i) {
        const std::optional<Event> e = m_catalogue ? m_catalogue->event(ids[i]) : std::nullopt;
        if (!e)
            continue;
        const QString title = e->title.isEmpty() ? tr("(untitled)") : e->title;
        const QString day =
            locale.toString(QDate(1970, 1, 1).addDays(e->startDay), QLocale::ShortFormat);
        QAction *action = menu->addAction(tr("%1 — %2").arg(day, title));
        const qint64 id = ids[i];
        connect(action, &QAction::triggered, this,
                [this, id] { m_map->bridge()->setSelectedEvent(id); });
    }
    if (ids.size() > kShown) {
        menu->addSeparator();
        menu->addAction(tr("%1 more in the table").arg(locale.toString(ids.size() - kShown)))
            ->setEnabled(false);
    }
    menu->popup(globalPosition);
}

void MainWindow::createDocks()
{
    m_filters = new FiltersDock(this);
    addDockWidget(Qt::LeftDockWidgetArea, m_filters);
    connect(m_filters, &FiltersDock::filterChanged, this, &MainWindow::showEvents);
    connect(m_filters, &FiltersDock::saveViewRequested, this, &MainWindow::saveCurrentView);
    connect(m_filters, &FiltersDock::viewChosen, this, [this](const QString &name) {
        QString error;
        if (!recallView(name, &error))
            QMessageBox::warning(this, tr("Saved View"),
                                 tr("The view “%1” cannot be shown: %2").arg(name, error));
    });
    connect(m_filters, &FiltersDock::deleteViewRequested, this, [this](const QString &name) {
        const QString error = m_catalogue ? removeView(*m_catalogue, name) : QString();
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Delete View"), error);
        refreshSavedViews();
    });

    m_details = new DetailsDock(this);
    addDockWidget(Qt::RightDockWidgetArea, m_details);
    connect(m_details, &DetailsDock::editRequested, this, &MainWindow::editSelectedEvent);
    connect(m_details, &DetailsDock::placeRequested, this, &MainWindow::startPlacing);
    // Source links open only when clicked, and only web addresses.
    connect(m_details, &DetailsDock::linkActivated, this, [](const QUrl &url) {
        if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            QDesktopServices::openUrl(url);
    });

    m_timeline = new TimelineDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_timeline);
    connect(m_timeline->controller(), &TimelineController::activeRangeChanged, this,
            &MainWindow::showEvents);
    connect(m_timeline->timeline(), &TimelineWidget::viewChanged, this,
            &MainWindow::refreshHistogram);
    // While playing, the map shows the dates it is at.
    const auto showPlayingRange = [this] {
        TimelineController *c = m_timeline->controller();
        m_map->bridge()->setTimeLabel(
            c->isPlaying() ? dayRangeText(c->activeFirst(), c->activeLast()) : QString());
    };
    connect(m_timeline->controller(), &TimelineController::activeRangeChanged, this,
            showPlayingRange);
    connect(m_timeline->controller(), &TimelineController::playingChanged, this, showPlayingRange);

    m_table = new TableDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_table);
    tabifyDockWidget(m_timeline, m_table);
    m_timeline->raise();
    m_tableUpdate = new QTimer(this);
    m_tableUpdate->setSingleShot(true);
    connect(m_tableUpdate, &QTimer::timeout, this, &MainWindow::refreshTable);
    m_histogramUpdate = new QTimer(this);
    m_histogramUpdate->setSingleShot(true);
    m_histogramUpdate->setInterval(30);
    connect(m_histogramUpdate, &QTimer::timeout, this, &MainWindow::refreshHistogram);
    connect(m_table, &TableDock::eventSelected, this, &MainWindow::selectEvent);
    connect(m_table, &TableDock::eventActivated, this, [this](qint64 id) {
        const std::optional<Event> e = m_catalogue ? m_catalogue->event(id) : std::nullopt;
        if (e && e->isPlaced())
            Q_EMIT m_map->bridge()->zoomToRequested(*e->latitude, *e->longitude,
                                                    std::max(10.0, m_map->bridge()->zoomLevel()));
    });
    // The map keeps most of the window; the docks start at a useful, modest size.
    resizeDocks({m_filters, m_details}, {270, 260}, Qt::Horizontal);
    resizeDocks({m_timeline}, {170}, Qt::Vertical);
}

void MainWindow::importEvents(const QString &path)
{
    if (!m_catalogue) {
        QMessageBox::information(this, tr("Import Events"),
                                 tr("Open or create a catalogue first (File ▸ New Catalogue)."));
        return;
    }
    ImportWizard wizard(m_catalogue.get(), path, this);
    if (wizard.exec() != QDialog::Accepted || !wizard.report())
        return;
    adoptImport(wizard.path(), wizard.options(), *wizard.report(), wizard.showImported());
}

void MainWindow::adoptImport(const QString &path, const io::ImportOptions &options,
                             const io::ImportReport &report, bool showOnly)
{
    if (!report.committed)
        return;
    auto *command = new io::ImportCommand(m_catalogue.get(), path, options, report.datasetId);
    command->setErrorHandler(
        [this](const QString &why) { QMessageBox::warning(this, tr("Import"), why); });
    // Undoing or redoing a large import takes seconds: the window keeps drawing meanwhile,
    // behind a dialog that says what is being done (shown after a moment, so that a small
    // import's does not flash by). Clicks and keys wait until the work is done: another
    // change begun meanwhile would find the catalogue half way.
    command->setRunner(
        [this](const QString &what, const std::function<void()> &work) { runBusy(what, work); });
    m_undo->push(command);
    if (showOnly) {
        Filter only;
        only.datasets = {report.datasetId};
        m_filters->setFilter(only, QString());
        m_timeline->controller()->showAll();
        zoomToEvents();
    }
    statusBar()->showMessage(
        tr("%1 events imported from %2")
            .arg(QLocale().toString(report.imported), QFileInfo(path).fileName()),
        10000);
}

void MainWindow::runBusy(const QString &what, const std::function<void()> &work,
                         const QString &title)
{
    QProgressDialog dialog(what, QString(), 0, 0, this);
    dialog.setWindowTitle(title.isEmpty() ? tr("Import") : title);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setCancelButton(nullptr); // one transaction: it completes or leaves no trace
    dialog.setMinimumDuration(300);
    dialog.setValue(0); // counts that moment from now, not from the dialog's making
    QEventLoop loop;
    QFutureWatcher<void> watcher;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run(work));
    if (!watcher.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
}

void MainWindow::showImports()
{
    if (!m_catalogue) {
        QMessageBox::information(this, tr("Imports"),
                                 tr("Open or create a catalogue first (File ▸ New Catalogue)."));
        return;
    }
    ImportsDialog dialog(m_catalogue.get(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.choice() == ImportsDialog::Choice::Show) {
        Filter only;
        only.datasets = {dialog.chosenDataset()};
        m_filters->setFilter(only, QString());
        m_timeline->controller()->showAll();
        zoomToEvents();
    } else if (dialog.choice() == ImportsDialog::Choice::Remove) {
        QString error;
        if (!removeImport(dialog.chosenDataset(), dialog.chosenFile(), &error))
            QMessageBox::warning(this, tr("Remove Import"), error);
    }
}

bool MainWindow::removeImport(qint64 datasetId, const QString &fileName, QString *error)
{
    if (!m_catalogue)
        return false;
    const QString path = m_catalogue->path();
    bool ok = false;
    QString why;
    runBusy(tr("Removing the events of %1…").arg(fileName), [&] {
        auto own = Catalogue::open(path, &why);
        ok = own && own->removeDataset(datasetId, &why);
    });
    m_catalogue->announceExternalChange(Catalogue::ChangeKind::Reset);
    if (!ok) {
        if (error)
            *error = why;
        return false;
    }
    // Steps recorded before may name what is gone: undoing them could not be done right.
    m_undo->clear();
    statusBar()->showMessage(tr("Removed %1 and its events").arg(fileName), 10000);
    return true;
}

void MainWindow::exportMap()
{
    const MapBridge *bridge = m_map->bridge();
    // The world rectangle the map shows.
    const double scale = 256.0 * std::exp2(bridge->zoomLevel());
    const QPointF centre =
        geo::mercator::toWorld(bridge->centerLatitude(), bridge->centerLongitude());
    const QSizeF half = QSizeF(m_map->size()) / (2 * scale);
    const QRectF view(centre.x() - half.width(), centre.y() - half.height(), 2 * half.width(),
                      2 * half.height());
    const TimelineController *time = m_timeline->controller();
    QString caption;
    if (time->hasExtent())
        caption = dayRangeText(time->activeFirst(), time->activeLast());
    QStringList files;
    if (m_catalogue) {
        for (const Dataset &d : m_catalogue->datasets())
            files << d.fileName;
    }
    const QString credit =
        files.isEmpty() ? QString() : tr("Data: %1").arg(files.join(QStringLiteral(", ")));
    auto points = bridge->events() ? bridge->events() : std::make_shared<const MapPoints>();
    MapExportDialog dialog(points, bridge->typeNames(), view, caption, credit, this);
    if (time->hasExtent()) {
        // The animation plays the timeline as it is set: its window (a week when it shows
        // everything), its step and its mode.
        const Period window = time->showsAll()
            ? Period{Period::Week, 1}
            : Period{Period::Day, time->windowEnd() - time->windowStart() + 1};
        const Filter filter = currentFilter();
        const EventIndex *index = m_index.get();
        dialog.setAnimation(
            render::animationFrames(time->extentFirst(), time->extentLast(), window, time->step(),
                                    time->mode() == TimelineController::Mode::Cumulative),
            [index, filter](const render::AnimationFrame &f) {
                Filter frame = filter;
                frame.fromDay = f.first;
                frame.toDay = f.last;
                return std::make_shared<const MapPoints>(index->mapPoints(frame));
            });
    }
    dialog.exec();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    const QString path = urls.first().toLocalFile();
    // A catalogue opens; anything else is imported into the open one.
    if (path.endsWith(QStringLiteral(".placard"), Qt::CaseInsensitive)) {
        QString error;
        if (openCatalogue(path, &error))
            zoomToEvents();
        else
            QMessageBox::warning(this, tr("Open Catalogue"), error);
        return;
    }
    // After the drop has returned: the wizard is modal.
    QMetaObject::invokeMethod(this, [this, path] { importEvents(path); }, Qt::QueuedConnection);
}

void MainWindow::zoomToEvents()
{
    const std::shared_ptr<const MapPoints> points = m_map->bridge()->events();
    const std::optional<QRectF> extent = points ? pointsExtent(*points) : std::nullopt;
    if (!extent)
        return;
    // A margin as wide as a cluster's symbol, so that those at the edges show whole; a
    // single event or a street's worth is shown at a city's zoom, not at the tiles' closest.
    constexpr double kMargin = 48;
    constexpr double kClosest = 12;
    const MapFit fit = fitExtent(*extent, QSizeF(m_map->size()), kMargin, kClosest);
    Q_EMIT m_map->bridge()->zoomToRequested(fit.latitude, fit.longitude, fit.zoom);
}

void MainWindow::selectEvent(qint64 id)
{
    if (id && m_placing && id != m_placing)
        stopPlacing(QString());
    if (m_map->bridge()->selectedEvent() != id) {
        m_map->bridge()->setSelectedEvent(id); // comes back here through selectionChanged
        return;
    }
    m_table->selectEvent(id);
    showDetails(id);
}

void MainWindow::showDetails(qint64 id)
{
    const std::optional<Event> e = m_catalogue && id ? m_catalogue->event(id) : std::nullopt;
    QString datasetName;
    if (e && e->datasetId) {
        if (const std::optional<Dataset> d = m_catalogue->dataset(e->datasetId))
            datasetName = d->fileName;
    }
    m_details->setEvent(e, datasetName);
}

bool MainWindow::editEvent(const Event &edited, const QString &what, QString *error)
{
    const std::optional<Event> before = m_catalogue ? m_catalogue->event(edited.id) : std::nullopt;
    if (!before) {
        if (error)
            *error = tr("The event no longer exists.");
        return false;
    }
    if (*before == edited)
        return true;
    auto command = std::make_unique<EditEventCommand>(m_catalogue.get(), *before, edited, what);
    if (!command->isValid()) {
        if (error)
            *error = command->error();
        return false;
    }
    command->setErrorHandler([this](const QString &why) {
        QMessageBox::warning(this, tr("Undo"), tr("The change could not be written: %1").arg(why));
    });
    m_undo->push(command.release());
    return true;
}

void MainWindow::editSelectedEvent(qint64 id)
{
    const std::optional<Event> e = m_catalogue && id ? m_catalogue->event(id) : std::nullopt;
    if (!e)
        return;
    QStringList types;
    sql::Statement q(m_catalogue->handle(), "SELECT name FROM event_types ORDER BY name");
    while (q.next())
        types << q.text(0);
    EventEditDialog dialog(*e, types, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!editEvent(dialog.event(), tr("Edit “%1”").arg(e->title), &error))
        QMessageBox::warning(this, tr("Edit Event"), error);
}

void MainWindow::startPlacing(qint64 id)
{
    const std::optional<Event> e = m_catalogue && id ? m_catalogue->event(id) : std::nullopt;
    if (!e)
        return;
    m_placing = id;
    m_map->bridge()->setPlacing(true);
    statusBar()->showMessage(
        tr("Click on the map where “%1” took place (Esc cancels)").arg(e->title));
}

void MainWindow::stopPlacing(const QString &message)
{
    m_placing = 0;
    m_map->bridge()->setPlacing(false);
    statusBar()->showMessage(message, 5000);
}

void MainWindow::placeAt(double latitude, double longitude)
{
    const qint64 id = std::exchange(m_placing, 0);
    const std::optional<Event> e = m_catalogue && id ? m_catalogue->event(id) : std::nullopt;
    if (!e) {
        stopPlacing(QString());
        return;
    }
    QString error;
    if (!editEvent(placedByHand(*e, latitude, longitude), tr("Place “%1”").arg(e->title), &error)) {
        stopPlacing(QString());
        QMessageBox::warning(this, tr("Place on Map"), error);
        return;
    }
    stopPlacing(tr("“%1” placed at %2, %3")
                    .arg(e->title)
                    .arg(latitude, 0, 'f', 4)
                    .arg(longitude, 0, 'f', 4));
    selectEvent(id);
}

bool MainWindow::openCatalogue(const QString &path, QString *error)
{
    // Opening upgrades a catalogue an older Placard made and finishes a text index an import
    // left to make: seconds for a large one. So it is done off this thread, behind a dialog
    // shown after a moment, and the window keeps drawing. Both show how far they have come
    // and can be cancelled: an upgrade is one transaction, and the file stays as it was; an
    // index stopped is completed at the next opening.
    std::unique_ptr<Catalogue> catalogue;
    QString why;
    QThread *const here = thread();
    const QString name = QFileInfo(path).fileName();
    QProgressDialog dialog(tr("Opening %1…").arg(name), QString(), 0, 0, this);
    dialog.setWindowTitle(tr("Open Catalogue"));
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    dialog.setMinimumDuration(300);
    dialog.setValue(0);
    std::atomic_bool stop = false;
    connect(&dialog, &QProgressDialog::canceled, &dialog, [&stop] { stop = true; });
    QEventLoop loop;
    bool counting = false; // the dialog takes clicks (Cancel) only while work is counted
    constexpr int kSteps = 1000;
    // Progress told from the opening thread, with what the dialog then says.
    const auto progressSaying = [&](const QString &label) -> schema::MigrationProgress {
        return [&, label](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                &dialog,
                [&, label, done, total] {
                    if (dialog.labelText() != label) {
                        dialog.setLabelText(label);
                        dialog.setCancelButtonText(tr("Cancel"));
                        dialog.setMaximum(kSteps);
                        dialog.show();
                    }
                    if (!counting) {
                        counting = true;
                        loop.quit(); // to wait again, taking clicks
                    }
                    dialog.setValue(total > 0 ? int(done * kSteps / total) : 0);
                },
                Qt::QueuedConnection);
            return !stop.load();
        };
    };
    const schema::MigrationProgress upgrading =
        progressSaying(tr("Upgrading %1 for this version of Placard (once)…").arg(name));
    const schema::MigrationProgress indexing = progressSaying(
        tr("Completing the text index an interrupted import left unfinished in %1…").arg(name));
    QFutureWatcher<void> watcher;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([&] {
        catalogue = Catalogue::open(path, &why, upgrading, indexing);
        if (catalogue)
            catalogue->moveToThread(here);
    }));
    while (!watcher.isFinished())
        loop.exec(counting ? QEventLoop::AllEvents : QEventLoop::ExcludeUserInputEvents);
    if (!catalogue) {
        if (error)
            *error = why;
        return false;
    }
    adopt(std::move(catalogue));
    return true;
}

bool MainWindow::newCatalogue(const QString &path, QString *error)
{
    auto catalogue = Catalogue::create(path, error);
    if (!catalogue)
        return false;
    adopt(std::move(catalogue));
    return true;
}

void MainWindow::adopt(std::unique_ptr<Catalogue> catalogue)
{
    // Undo steps and the selection belong to the catalogue being closed.
    m_undo->clear();
    if (m_placing)
        stopPlacing(QString());
    m_map->bridge()->setSelectedEvent(0);
    m_table->model()->setEvents(nullptr, {});
    m_catalogue = std::move(catalogue);
    m_typeNamesStale = true;
    m_index = std::make_unique<EventIndex>();
    m_index->rebuild(*m_catalogue);
    {
        const QScopedValueRollback hold(m_holdEvents, true);
        refreshFilterTypes();
        refreshTimelineExtent();
    }
    connect(m_catalogue.get(), &Catalogue::changed, this,
            [this](Catalogue::ChangeKind kind, const QList<qint64> &ids) {
                m_index->applyChange(*m_catalogue, kind, ids);
                m_typeNamesStale = true;
                m_table->model()->invalidateOrders();
                refreshFilterTypes();
                if (kind != Catalogue::ChangeKind::Updated)
                    refreshTimelineExtent();
                showEvents();
                updateCatalogueSummary();
                const qint64 selected = m_map->bridge()->selectedEvent();
                if (selected && m_catalogue->event(selected))
                    selectEvent(selected);
                else
                    selectEvent(0);
            });
    showEvents();
    setWindowFilePath(m_catalogue->path());
    setWindowTitle(tr("%1 — Placard").arg(QFileInfo(m_catalogue->path()).fileName()));
    updateCatalogueSummary();
}

QString MainWindow::eventTooltip(qint64 id) const
{
    if (!m_catalogue)
        return {};
    const std::optional<Event> e = m_catalogue->event(id);
    if (!e)
        return {};
    const QLocale locale;
    QString when = locale.toString(dateOfDay(e->startDay), QLocale::LongFormat);
    if (e->datePrecision == DatePrecision::Month)
        when = locale.toString(dateOfDay(e->startDay), QStringLiteral("MMMM yyyy"));
    else if (e->datePrecision == DatePrecision::Year)
        when = QString::number(dateOfDay(e->startDay).year());
    else if (e->endDay != e->startDay)
        when += QStringLiteral(" – ") + locale.toString(dateOfDay(e->endDay), QLocale::LongFormat);
    // The place as written, else the city (many lists give only the city and the region),
    // then the region where it does not name it.
    QStringList place;
    if (const QString &named = e->place.isEmpty() ? e->locality : e->place; !named.isEmpty())
        place << named;
    if (!e->admin1.isEmpty() && !place.join(u' ').contains(e->admin1))
        place << e->admin1;
    QString size = e->sizeText;
    if (size.isEmpty() && (e->sizeLow || e->sizeHigh))
        size = locale.toString(e->sizeHigh.value_or(e->sizeLow.value_or(0)));
    QString html = QStringLiteral("<b>%1</b><br>%2<br>%3")
                       .arg(e->title.toHtmlEscaped(), when.toHtmlEscaped(),
                            place.join(QStringLiteral(", ")).toHtmlEscaped());
    if (!size.isEmpty())
        html += tr("<br>Crowd: %1").arg(size.toHtmlEscaped());
    if (e->status == EventStatus::Planned)
        html += tr("<br><i>planned</i>");
    return html;
}

void MainWindow::refreshFilterTypes()
{
    refreshSavedViews();
    if (!m_catalogue || m_index->size() < kChoicesInBackgroundFrom) {
        QString error;
        m_filters->setChoices(m_catalogue ? filterChoices(*m_catalogue, &error) : FilterChoices{});
        if (!error.isEmpty())
            statusBar()->showMessage(tr("The filters could not read the catalogue: %1").arg(error));
        return;
    }
    // A large catalogue's choices take a scan of every event and tag: they are read on a
    // worker, through a connection of its own, while the map already shows. A newer request
    // (another change) makes an older answer stale.
    const quint64 request = ++m_choicesRequest;
    QString error;
    auto reader = std::make_shared<sql::Connection>(m_catalogue->openReader(&error));
    if (!*reader) {
        statusBar()->showMessage(tr("The filters could not read the catalogue: %1").arg(error));
        return;
    }
    auto *watcher = new QFutureWatcher<std::pair<FilterChoices, QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request] {
        watcher->deleteLater();
        if (request != m_choicesRequest)
            return;
        const auto &[choices, why] = watcher->result();
        m_filters->setChoices(choices);
        if (!why.isEmpty())
            statusBar()->showMessage(tr("The filters could not read the catalogue: %1").arg(why));
    });
    watcher->setFuture(QtConcurrent::run([reader] {
        QString why;
        FilterChoices choices = filterChoices(reader->get(), &why);
        return std::pair{std::move(choices), why};
    }));
}

void MainWindow::refreshSavedViews()
{
    QStringList names;
    if (m_catalogue) {
        for (const SavedView &view : savedViews(*m_catalogue))
            names << view.name;
    }
    m_filters->setSavedViews(names);
}

void MainWindow::saveCurrentView(const QString &name)
{
    if (!m_catalogue)
        return;
    Filter filter = m_filters->filter();
    const TimelineController *time = m_timeline->controller();
    if (time->hasExtent() && !time->showsAll()) {
        filter.fromDay = time->windowStart();
        filter.toDay = time->windowEnd();
    }
    const MapBridge *bridge = m_map->bridge();
    SavedView view{name, filterToJson(filter, m_filters->searchText()), bridge->centerLatitude(),
                   bridge->centerLongitude(), bridge->zoomLevel()};
    const QString error = saveView(*m_catalogue, view);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Save View"), error);
        return;
    }
    refreshSavedViews();
    statusBar()->showMessage(tr("View “%1” saved").arg(name), 5000);
}

bool MainWindow::recallView(const QString &name, QString *error)
{
    const std::optional<SavedView> view =
        m_catalogue ? savedView(*m_catalogue, name, error) : std::nullopt;
    if (!view)
        return false;
    QString searchText;
    const std::optional<Filter> filter = filterFromJson(view->filter, &searchText, error);
    if (!filter)
        return false;
    TimelineController *time = m_timeline->controller();
    if (filter->fromDay && filter->toDay)
        time->setWindow(*filter->fromDay, *filter->toDay);
    else
        time->showAll();
    m_filters->setFilter(*filter, searchText);
    if (view->hasExtent())
        Q_EMIT m_map->bridge()->zoomToRequested(view->latitude, view->longitude, view->zoom);
    return true;
}

Filter MainWindow::currentFilter() const
{
    Filter filter = m_filters->filter();
    if (m_catalogue && !m_filters->searchText().isEmpty())
        filter.textIds = m_catalogue->searchText(m_filters->searchText());
    return filter;
}

Filter MainWindow::currentFilterWithTime() const
{
    Filter filter = currentFilter();
    const TimelineController *time = m_timeline->controller();
    if (time->hasExtent() && !time->showsAll()) {
        filter.fromDay = time->activeFirst();
        filter.toDay = time->activeLast();
    }
    return filter;
}

void MainWindow::showEvents()
{
    if (m_holdEvents)
        return;
    if (m_typeNamesStale) {
        m_typeNamesStale = false;
        QHash<qint64, QString> typeNames;
        if (m_catalogue) {
            sql::Statement q(m_catalogue->handle(), "SELECT id, name FROM event_types");
            while (q.next())
                typeNames.insert(q.int64(0), q.text(1));
        }
        m_map->bridge()->setTypeNames(typeNames);
        m_timeline->timeline()->setTypeNames(typeNames);
    }
    // The map's frame is asked for first: its widget waits a few milliseconds after a
    // request before it draws, and that wait passes while the points are gathered.
    m_map->quickWindow()->update();
    Filter filter = currentFilter();
    const TimelineController *time = m_timeline->controller();
    // In a large catalogue the map comes first; the table and the histogram (which shows
    // every date of what the other filters pass) follow a moment later.
    const bool large = m_index && m_index->size() >= kChoicesInBackgroundFrom;
    if (sender() != time) {
        if (large)
            m_histogramUpdate->start();
        else
            refreshHistogram();
    }
    if (time->hasExtent() && !time->showsAll()) {
        filter.fromDay = time->activeFirst();
        filter.toDay = time->activeLast();
    }
    // The points are written into a vector of an earlier change that nothing holds any more.
    std::shared_ptr<MapPoints> points = m_pointPool->take();
    MapPointFacts facts;
    // The clusters of the map's view are gathered with the points, in the same pass.
    const std::optional<LayerView> view = m_map->bridge()->layerView();
    std::optional<ClusterBuilder> cells;
    if (view)
        cells.emplace(view->center, view->zoom, view->size);
    if (m_index)
        m_index->mapPoints(filter, *points, &facts, cells ? &*cells : nullptr);
    std::optional<ViewClusters> clusters;
    if (cells)
        clusters = ViewClusters{*view, cells->finish(*points)};
    m_filters->setCounts(qint64(points->size()), m_index ? m_index->size() : 0);
    m_map->bridge()->setEvents(std::move(points), std::move(facts), std::move(clusters));
    // A brushed or playing timeline moves many times a second; the table (which reads the
    // catalogue) follows once it rests.
    if (sender() == time)
        m_tableUpdate->start(time->isPlaying() ? 300 : 150);
    else if (large)
        m_tableUpdate->start(50);
    else
        refreshTable();
}

void MainWindow::refreshTable()
{
    m_tableUpdate->stop();
    const Filter filter = currentFilterWithTime();
    // The table lists unplaced events too: they are the ones to place by hand.
    m_table->model()->setEvents(m_catalogue.get(),
                                m_index ? m_index->matching(filter) : QList<qint64>{});
    m_table->selectEvent(m_map->bridge()->selectedEvent());
}

void MainWindow::refreshHistogram()
{
    m_histogramUpdate->stop();
    const TimelineWidget *timeline = m_timeline->timeline();
    if (!m_index) {
        m_timeline->timeline()->setHistogram(nullptr);
        return;
    }
    const Filter filter = currentFilter();
    m_timeline->timeline()->setHistogram(std::make_shared<Histogram>(
        m_index->histogram(filter, timeline->viewFirst(), timeline->viewLast(),
                           binUnitFor(timeline->viewLast() - timeline->viewFirst() + 1,
                                      timeline->plotRect().width()))));
}

void MainWindow::refreshTimelineExtent()
{
    const auto [first, last] = m_index ? m_index->dayExtent() : std::pair<qint32, qint32>{0, -1};
    m_timeline->setExtent(first, last);
}

QString MainWindow::catalogueSummary() const
{
    return m_catalogueLabel->text();
}

void MainWindow::updateCatalogueSummary()
{
    // From the index: counting a million rows in SQL would hold up every change.
    const qint64 unplaced = m_catalogue && m_index ? m_index->unplacedCount() : 0;
    if (m_placeAction)
        m_placeAction->setEnabled(unplaced > 0);
    if (!m_catalogue) {
        m_catalogueLabel->setText(tr("No catalogue open"));
        return;
    }
    const qint64 events = m_index->size();
    const QLocale locale;
    QString text = events == 1 ? tr("1 event") : tr("%1 events").arg(locale.toString(events));
    if (unplaced > 0)
        text += tr(", %1 unplaced").arg(locale.toString(unplaced));
    text += tr(" in %1").arg(QFileInfo(m_catalogue->path()).fileName());
    m_catalogueLabel->setText(text);
}

bool MainWindow::setTileSource(const geo::TileSourceSettings &source, QString *error)
{
    QSettings settings;
    source.save(settings);
    const bool ok = m_map->applyTileSource(source);
    if (!ok && error)
        *error = m_map->basemapError();
    loadMap(MapWidget::defaultPage());
    return ok;
}

QString MainWindow::placeUnplacedEvents()
{
    if (!m_catalogue)
        return tr("No catalogue open");
    QString error;
    auto gazetteer = geo::Gazetteer::open(geo::Gazetteer::defaultPath(), &error);
    if (!gazetteer) {
        QMessageBox::warning(this, tr("Place Unplaced Events"), error);
        return error;
    }
    // The worker writes through a connection of its own; this window's catalogue hears
    // of the change afterwards.
    const QString path = m_catalogue->path();
    auto cancel = std::make_shared<std::atomic_bool>(false);
    QProgressDialog progress(tr("Placing events…"), tr("Cancel"), 0, 100, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    connect(&progress, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
    QFutureWatcher<io::PlacingReport> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcher<io::PlacingReport>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([path, gazetteer, cancel, &progress]() {
        io::PlacingReport report;
        QString why;
        auto own = Catalogue::open(path, &why);
        if (!own) {
            report.error = why;
            return report;
        }
        const geo::Geocoder geocoder(gazetteer);
        return io::placeUnplacedEvents(
            *own, geocoder, cancel.get(), [&progress](qint64 done, qint64 total) {
                QMetaObject::invokeMethod(&progress, [&progress, done, total] {
                    progress.setValue(int(100 * done / std::max<qint64>(1, total)));
                });
            });
    }));
    loop.exec();
    progress.reset();
    const io::PlacingReport r = watcher.result();
    m_catalogue->announceExternalChange(Catalogue::ChangeKind::Updated);
    if (!r.error.isEmpty())
        return r.error;
    if (r.cancelled)
        return tr("Cancelled; no event was changed");
    return tr("%1 events placed (%2 at a town or city, %3 at a state, %4 at a country); %5 still "
              "unplaced")
        .arg(r.placed[0] + r.placed[1] + r.placed[2])
        .arg(r.placed[0])
        .arg(r.placed[1])
        .arg(r.placed[2])
        .arg(r.stillUnplaced);
}

void MainWindow::chooseCatalogueToOpen()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Catalogue"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Placard catalogues (*.placard);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (openCatalogue(path, &error))
        zoomToEvents();
    else
        QMessageBox::warning(this, tr("Open Catalogue"), error);
}

void MainWindow::chooseCatalogueToCreate()
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("New Catalogue"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Placard catalogues (*.placard)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".placard");
    // The dialog asked before overwriting; a new catalogue starts from an empty file.
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        QMessageBox::warning(this, tr("New Catalogue"), tr("%1 cannot be replaced.").arg(path));
        return;
    }
    QString error;
    if (!newCatalogue(path, &error))
        QMessageBox::warning(this, tr("New Catalogue"), error);
}

bool MainWindow::loadMap(const QUrl &page)
{
    if (!m_map->load(page))
        return false;
    m_stack->setCurrentWidget(m_map);
    updateZoomLabel();
    return true;
}

bool MainWindow::showsMapError() const
{
    return m_stack->currentWidget() == m_errorPage;
}

QString MainWindow::mapErrorText() const
{
    return showsMapError() ? m_errorPage->text() : QString();
}

void MainWindow::showMapError(const QString &errors)
{
    m_errorPage->setText(tr("<h2>The map could not be shown</h2>"
                            "<p>Placard's map page failed to load. This usually means a "
                            "Qt Location or Qt Quick module is missing from the "
                            "installation.</p><pre>%1</pre>")
                             .arg(errors.toHtmlEscaped()));
    m_stack->setCurrentWidget(m_errorPage);
}

void MainWindow::updateZoomLabel()
{
    m_zoomLabel->setText(tr("Zoom %1").arg(m_map->bridge()->zoomLevel(), 0, 'f', 1));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *create =
        file->addAction(tr("&New Catalogue…"), this, &MainWindow::chooseCatalogueToCreate);
    create->setShortcut(QKeySequence::New);
    QAction *open =
        file->addAction(tr("&Open Catalogue…"), this, &MainWindow::chooseCatalogueToOpen);
    open->setShortcut(QKeySequence::Open);
    QAction *importAction = file->addAction(tr("&Import…"), this, [this] { importEvents(); });
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importAction->setStatusTip(tr("Import an event list (CSV) or a GIS file into the catalogue"));
    QAction *imports = file->addAction(tr("Im&ports…"), this, &MainWindow::showImports);
    imports->setObjectName(QStringLiteral("showImports"));
    imports->setStatusTip(tr("The catalogue's imports, their problems; show or remove one"));
    QAction *exportAction = file->addAction(tr("&Export Data…"), this, [this] {
        if (!m_catalogue)
            return;
        const QString message = exportData(
            this, m_catalogue->path(), m_index->matching(currentFilterWithTime()), m_index->size());
        if (!message.isEmpty())
            statusBar()->showMessage(message, 10000);
    });
    exportAction->setStatusTip(tr("Write the events to GeoPackage, GeoJSON, KML, FlatGeobuf, "
                                  "Shapefile or CSV"));
    QAction *exportMap = file->addAction(tr("Export &Map…"), this, &MainWindow::exportMap);
    exportMap->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportMap->setStatusTip(tr("Write the map as it is shown to PNG, SVG or PDF for publication"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    undo->setObjectName(QStringLiteral("undo"));
    redo->setObjectName(QStringLiteral("redo"));
    // What was undone or redone, said in the status bar: the change may be out of sight.
    connect(undo, &QAction::triggered, this, [this] {
        statusBar()->showMessage(tr("Undone: %1").arg(m_undo->text(m_undo->index())), 5000);
    });
    connect(redo, &QAction::triggered, this, [this] {
        statusBar()->showMessage(tr("Redone: %1").arg(m_undo->text(m_undo->index() - 1)), 5000);
    });
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *editEvent = edit->addAction(
        tr("&Edit Event…"), this, [this] { editSelectedEvent(m_map->bridge()->selectedEvent()); });
    editEvent->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *placeEvent = edit->addAction(tr("Place Event on the &Map"), this, [this] {
        startPlacing(m_map->bridge()->selectedEvent());
    });
    for (QAction *a : {editEvent, placeEvent}) {
        a->setEnabled(false);
        connect(m_map->bridge(), &MapBridge::selectionChanged, a,
                [a](qint64 id) { a->setEnabled(id != 0); });
    }
    edit->addSeparator();
    m_placeAction = edit->addAction(tr("&Place Unplaced Events"), this, [this] {
        statusBar()->showMessage(placeUnplacedEvents(), 10000);
    });
    m_placeAction->setStatusTip(
        tr("Find coordinates for events that have none, from their place names, "
           "with the offline gazetteer"));
    m_placeAction->setEnabled(false);
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("Pre&ferences…"), this, [this] {
        PreferencesDialog dialog(m_map->tileSource(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        QString error;
        if (!setTileSource(dialog.tileSource(), &error))
            QMessageBox::warning(this, tr("Preferences"), error);
    });
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn =
        view->addAction(tr("Zoom &In"), this, [this] { Q_EMIT m_map->bridge()->zoomRequested(1); });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), this,
                                       [this] { Q_EMIT m_map->bridge()->zoomRequested(-1); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *world = view->addAction(tr("&Whole World"), this,
                                     [this] { Q_EMIT m_map->bridge()->worldRequested(); });
    world->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction *toEvents = view->addAction(tr("Zoom to &Events"), this, &MainWindow::zoomToEvents);
    toEvents->setObjectName(QStringLiteral("zoomToEvents"));
    toEvents->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_0));
    toEvents->setEnabled(false);
    connect(m_map->bridge(), &MapBridge::eventsChanged, toEvents, [this, toEvents] {
        toEvents->setEnabled(m_map->bridge()->events() && !m_map->bridge()->events()->empty());
    });
    QAction *legend = view->addAction(tr("&Legend"));
    legend->setObjectName(QStringLiteral("showLegend"));
    legend->setCheckable(true);
    legend->setChecked(QSettings().value(QStringLiteral("map/legend"), true).toBool());
    m_map->bridge()->setLegendShown(legend->isChecked());
    connect(legend, &QAction::toggled, this, [this](bool on) {
        m_map->bridge()->setLegendShown(on);
        QSettings().setValue(QStringLiteral("map/legend"), on);
    });
    view->addSeparator();
    for (QDockWidget *dock :
         std::initializer_list<QDockWidget *>{m_filters, m_timeline, m_table, m_details})
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    QAction *fullScreen = view->addAction(tr("&Full Screen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence::FullScreen);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen
                          : windowState() & ~Qt::WindowFullScreen);
    });
    QAction *statusBarAction = view->addAction(tr("&Status Bar"));
    statusBarAction->setCheckable(true);
    statusBarAction->setChecked(true);
    connect(statusBarAction, &QAction::toggled, statusBar(), &QWidget::setVisible);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Placard"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

} // namespace placard
