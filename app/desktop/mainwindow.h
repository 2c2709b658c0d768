// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/importer.h"
#include "query/eventindex.h"
#include "query/mappointpool.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QStackedWidget;
class QTimer;
class QUndoStack;

namespace placard {

struct Event;
class Catalogue;
class EventIndex;
class DetailsDock;
class FiltersDock;
class TableDock;
class TimelineDock;
namespace geo {
struct TileSourceSettings;
}
class MapWidget;

/// Placard's main window: menus, status bar, and the map as central widget, or an
/// error page saying why the map could not load.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    MapWidget *mapWidget() const { return m_map; }
    /// True while the error page stands in for the map.
    bool showsMapError() const;
    /// The text of the error page (empty while the map shows).
    QString mapErrorText() const;

    /// Loads the map page; on failure the error page shows instead.
    bool loadMap(const QUrl &page);

    /// Opens a catalogue file in place of the current one; false and *error when it is
    /// refused (not a Placard catalogue, unreadable), leaving the current one open.
    bool openCatalogue(const QString &path, QString *error);
    /// Creates an empty catalogue and opens it.
    bool newCatalogue(const QString &path, QString *error);
    /// The open catalogue, or nullptr.
    Catalogue *catalogue() const { return m_catalogue.get(); }
    /// The text of the status bar's catalogue summary.
    QString catalogueSummary() const;
    FiltersDock *filtersDock() const { return m_filters; }
    TableDock *tableDock() const { return m_table; }
    DetailsDock *detailsDock() const { return m_details; }
    TimelineDock *timelineDock() const { return m_timeline; }
    QUndoStack *undoStack() const { return m_undo; }

    /// View ▸ Zoom to Events: the map frames the events the filters pass (nothing happens
    /// when none is placed). Opening a catalogue from the menu, by a drop or at start does it,
    /// and so does an import shown on its own.
    void zoomToEvents();

    /// Selects an event everywhere (map, table, details); 0 clears the selection.
    void selectEvent(qint64 id);
    /// Replaces a stored event with an edited one as one undoable step; false and *error
    /// when the catalogue refuses it.
    bool editEvent(const Event &edited, const QString &what, QString *error);
    /// Waits for a click on the map to place an event there (Esc cancels).
    void startPlacing(qint64 id);
    /// The event waiting for a click on the map, or 0.
    qint64 placingEvent() const { return m_placing; }

    /// Opens the import wizard (on a file, when given); after an import, Edit ▸ Undo
    /// removes the new dataset.
    void importEvents(const QString &path = {});
    /// File ▸ Imports: the catalogue's imports and their problems; the one chosen is shown
    /// alone on the map or removed.
    void showImports();
    /// Removes an import and its events (not undoable: the undo history is cleared, since
    /// its steps may refer to them), behind a busy dialog; false and *error on failure.
    bool removeImport(qint64 datasetId, const QString &fileName, QString *error = nullptr);
    /// File ▸ Export Map: the export dialog on the map as it is shown.
    void exportMap();
    /// Records a finished import as an undoable step and, when asked, shows only its events.
    void adoptImport(const QString &path, const io::ImportOptions &options,
                     const io::ImportReport &report, bool showOnly);

    /// Stores the current filter, time window and map extent under a name in the catalogue.
    void saveCurrentView(const QString &name);
    /// Shows a saved view; false and *error when it is missing or unreadable.
    bool recallView(const QString &name, QString *error);
    /// The tooltip of an event on the map: title, date, place, crowd size.
    QString eventTooltip(qint64 id) const;

    /// Places the open catalogue's unplaced events with the gazetteer, on a worker
    /// thread, behind a progress dialog with Cancel. Returns the status message.
    QString placeUnplacedEvents();

    /// Uses and remembers a tile source, reloading the map; false and *error when the source
    /// cannot be used (the map then shows only its background).
    bool setTileSource(const geo::TileSourceSettings &source, QString *error);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    /// Runs work on another thread behind a window-modal busy dialog that says `what`, titled
    /// `title` (else "Import"), shown when it takes more than a moment; input waits until it
    /// is done.
    void runBusy(const QString &what, const std::function<void()> &work,
                 const QString &title = QString());
    void offerEvents(const QList<qint64> &ids, QPoint globalPosition);
    void showMapError(const QString &errors);
    void updateZoomLabel();
    void updateCatalogueSummary();
    void showEvents();
    void refreshFilterTypes();
    void refreshSavedViews();
    void adopt(std::unique_ptr<Catalogue> catalogue);
    void chooseCatalogueToOpen();
    void chooseCatalogueToCreate();
    void createDocks();
    void editSelectedEvent(qint64 id);
    void placeAt(double latitude, double longitude);
    void stopPlacing(const QString &message);
    void showDetails(qint64 id);
    /// The filter of the docks and the timeline's active range.
    Filter currentFilter() const;
    /// … with the timeline's active range.
    Filter currentFilterWithTime() const;
    void refreshHistogram();
    void refreshTimelineExtent();
    void refreshTable();

    QStackedWidget *m_stack = nullptr;
    MapWidget *m_map = nullptr;
    QLabel *m_errorPage = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QLabel *m_catalogueLabel = nullptr;
    std::unique_ptr<Catalogue> m_catalogue;
    std::unique_ptr<EventIndex> m_index;
    /// Vectors of points for the map, recycled once nothing holds them.
    std::shared_ptr<MapPointPool> m_pointPool = MapPointPool::create();
    QAction *m_placeAction = nullptr;
    FiltersDock *m_filters = nullptr;
    TableDock *m_table = nullptr;
    DetailsDock *m_details = nullptr;
    TimelineDock *m_timeline = nullptr;
    QTimer *m_tableUpdate = nullptr; ///< the table follows a playing timeline less often
    QTimer *m_histogramUpdate = nullptr; ///< … and the histogram a filter, in a large catalogue
    /// While a catalogue is taken in, the docks it sets up would each show the events again:
    /// they are shown once, at the end.
    bool m_holdEvents = false;
    /// The type names the map and the timeline hold are read again at the next showEvents():
    /// set when a catalogue is taken in or changes.
    bool m_typeNamesStale = true;
    QUndoStack *m_undo = nullptr;
    qint64 m_placing = 0;
    quint64 m_choicesRequest = 0; ///< the latest reading of the filters' choices
};

} // namespace placard
