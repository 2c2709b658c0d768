// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "aboutdialog.h"
#include "catalogue/catalogue.h"
#include "filtersdock.h"
#include "geo/geocoder.h"
#include "io/placer.h"
#include "mapbridge.h"
#include "mapwidget.h"
#include "preferencesdialog.h"
#include "query/eventindex.h"
#include "query/eventquery.h"

#include <QAction>
#include <QApplication>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolTip>
#include <QtConcurrent/QtConcurrentRun>

namespace placard {

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
    resize(1280, 800);

    m_errorPage->setObjectName(QStringLiteral("mapErrorPage"));
    m_errorPage->setAlignment(Qt::AlignCenter);
    m_errorPage->setWordWrap(true);
    m_errorPage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorPage->setMargin(48);
    m_stack->addWidget(m_map);
    m_stack->addWidget(m_errorPage);
    setCentralWidget(m_stack);

    m_filters = new FiltersDock(this);
    addDockWidget(Qt::LeftDockWidgetArea, m_filters);
    connect(m_filters, &FiltersDock::filterChanged, this, &MainWindow::showEvents);
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
    connect(m_map->bridge(), &MapBridge::selectionChanged, this, [this](qint64 id) {
        const std::optional<Event> e = m_catalogue && id ? m_catalogue->event(id) : std::nullopt;
        statusBar()->showMessage(e ? tr("Selected: %1").arg(e->title) : QString());
    });
    updateCatalogueSummary();
}

MainWindow::~MainWindow() = default;

bool MainWindow::openCatalogue(const QString &path, QString *error)
{
    auto catalogue = Catalogue::open(path, error);
    if (!catalogue)
        return false;
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
    m_catalogue = std::move(catalogue);
    m_index = std::make_unique<EventIndex>();
    m_index->rebuild(*m_catalogue);
    refreshFilterTypes();
    connect(m_catalogue.get(), &Catalogue::changed, this,
            [this](Catalogue::ChangeKind kind, const QList<qint64> &ids) {
                m_index->applyChange(*m_catalogue, kind, ids);
                refreshFilterTypes();
                showEvents();
                updateCatalogueSummary();
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
    QStringList place{e->place};
    if (!e->admin1.isEmpty() && !e->place.contains(e->admin1))
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
    QList<std::tuple<qint64, QString, qint64>> types;
    if (m_catalogue) {
        sql::Statement q(m_catalogue->handle(),
                         "SELECT t.id, t.name, count(e.id) FROM event_types t JOIN events e "
                         "ON e.type_id = t.id GROUP BY t.id ORDER BY count(e.id) DESC, t.name");
        while (q.next())
            types.append({q.int64(0), q.text(1), q.int64(2)});
    }
    m_filters->setTypes(types);
}

void MainWindow::showEvents()
{
    QHash<qint64, QString> typeNames;
    if (m_catalogue) {
        sql::Statement q(m_catalogue->handle(), "SELECT id, name FROM event_types");
        while (q.next())
            typeNames.insert(q.int64(0), q.text(1));
    }
    m_map->bridge()->setTypeNames(typeNames);
    Filter filter = m_filters->filter();
    if (m_catalogue && !m_filters->searchText().isEmpty())
        filter.textIds = m_catalogue->searchText(m_filters->searchText());
    auto points = std::make_shared<std::vector<MapPoint>>(m_index ? m_index->mapPoints(filter)
                                                                  : std::vector<MapPoint>{});
    m_filters->setCounts(qint64(points->size()), m_index ? m_index->size() : 0);
    m_map->bridge()->setEvents(std::move(points));
}

QString MainWindow::catalogueSummary() const
{
    return m_catalogueLabel->text();
}

void MainWindow::updateCatalogueSummary()
{
    if (m_placeAction)
        m_placeAction->setEnabled(m_catalogue && m_catalogue->unplacedCount() > 0);
    if (!m_catalogue) {
        m_catalogueLabel->setText(tr("No catalogue open"));
        return;
    }
    const qint64 events = m_catalogue->eventCount();
    const qint64 unplaced = m_catalogue->unplacedCount();
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
    if (!openCatalogue(path, &error))
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
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
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
