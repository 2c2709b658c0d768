// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/catalogue.h"
#include "catalogue/eventcommands.h"
#include "dataexport.h"
#include "detailsdock.h"
#include "eventlayer.h"
#include "filtersdock.h"
#include "geo/basemaprenderer.h"
#include "geo/tileexport.h"
#include "geo/tileserver.h"
#include "geo/webmercator.h"
#include "importsdialog.h"
#include "io/importer.h"
#include "io/sample.h"
#include "mainwindow.h"
#include "mapbridge.h"
#include "mapexportdialog.h"
#include "mapwidget.h"
#include "preferencesdialog.h"
#include "query/eventtablemodel.h"
#include "render/symbols.h"
#include "tabledock.h"
#include "timelinedock.h"
#include "timelinewidget.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QFile>
#include <QGeoCoordinate>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMetaProperty>
#include <QPushButton>
#include <QQuickItem>
#include <QQuickPaintedItem>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>
#include <QUndoStack>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <cmath>
#include <limits>

Q_IMPORT_QML_PLUGIN(PlacardPlugin)

using namespace placard;

namespace {

// Reads a property of a Q_GADGET value (such as QGeoMapType) by name.
QVariant gadgetProperty(const QVariant &gadget, const char *name)
{
    const QMetaObject *mo = gadget.metaType().metaObject();
    if (!mo)
        return {};
    const int index = mo->indexOfProperty(name);
    return index < 0 ? QVariant() : mo->property(index).readOnGadget(gadget.constData());
}

QObject *pluginParameter(QObject *plugin, const QString &name)
{
    const QList<QObject *> children = plugin->findChildren<QObject *>();
    for (QObject *child : children) {
        if (child->property("name").toString() == name)
            return child;
    }
    return nullptr;
}

// The map (QML's Map) of a window whose map page is loaded.
QObject *mapOf(MainWindow &window)
{
    auto *view =
        window.mapWidget()->rootObject()->findChild<QQuickItem *>(QStringLiteral("mapView"));
    return view ? view->property("map").value<QObject *>() : nullptr;
}

// Where the map draws a coordinate, in its pixels, off screen too; NaN when it cannot say.
QPointF pixelOn(QObject *map, const QGeoCoordinate &c)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QPointF p(nan, nan);
    QMetaObject::invokeMethod(map, "fromCoordinate", Q_RETURN_ARG(QPointF, p),
                              Q_ARG(QGeoCoordinate, c), Q_ARG(bool, false));
    return p;
}

// Builds the sample catalogue in `dir` and opens it in a window with its map loaded.
void openSample(MainWindow &window, const QTemporaryDir &dir)
{
    const QString sample = dir.filePath(QStringLiteral("sample.placard"));
    QString error;
    QVERIFY2(io::buildSampleCatalogue(sample, &error), qPrintable(error));
    QVERIFY(window.loadMap(MapWidget::defaultPage()));
    QVERIFY2(window.openCatalogue(sample, &error), qPrintable(error));
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear(); // every run starts from the defaults
    }
    void mapLoadsOffline();
    void menusHaveOnlyLiveEntries();
    void brokenPageShowsError();
    void opensCatalogues();
    void placesUnplacedEvents();
    void tileSources();
    void eventLayerAgreesWithMap();
    void legendFitsTheMap();
    void zoomsToEvents();
    void importsShownAndRemoved();
    void germanTranslation();
    void filtersDock();
    void tableDetailsAndEditing();
    void timelineAndSavedViews();
    void exportsData();
    void exportsMap();
};

void TestMainWindow::mapLoadsOffline()
{
    MainWindow window;
    QVERIFY(window.loadMap(MapWidget::defaultPage()));
    // The map alone, so that Greenland is inside it at the starting zoom.
    window.tableDock()->hide();
    window.detailsDock()->hide();
    window.filtersDock()->hide();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.showsMapError());

    QQuickItem *root = window.mapWidget()->rootObject();
    QVERIFY(root);
    auto *view = root->findChild<QQuickItem *>(QStringLiteral("mapView"));
    QVERIFY(view);
    auto *map = view->property("map").value<QObject *>();
    QVERIFY(map);

    auto *plugin = map->property("plugin").value<QObject *>();
    QVERIFY(plugin);
    QCOMPARE(plugin->property("name").toString(), QStringLiteral("osm"));
    QObject *repo =
        pluginParameter(plugin, QStringLiteral("osm.mapping.providersrepository.disabled"));
    QVERIFY(repo);
    QCOMPARE(repo->property("value").toBool(), true);
    QObject *host = pluginParameter(plugin, QStringLiteral("osm.mapping.custom.host"));
    QVERIFY(host);
    const QString hostTemplate = host->property("value").toString();
    // The built-in basemap's loopback server, with its token: nothing leaves the machine.
    QVERIFY2(window.mapWidget()->tileServer(), qPrintable(window.mapWidget()->basemapError()));
    QCOMPARE(hostTemplate,
             QStringLiteral("http://127.0.0.1:%1/%2/%z/%x/%y.png")
                 .arg(window.mapWidget()->tileServer()->port())
                 .arg(window.mapWidget()->tileServer()->token()));
    QCOMPARE(hostTemplate, window.mapWidget()->bridge()->tileUrlTemplate());

    // The active map type must be the custom (local) one, never a built-in online style.
    const QVariant active = map->property("activeMapType");
    QVERIFY(active.isValid());
    const int customStyle = 100; // QGeoMapType::CustomMap
    QCOMPARE(gadgetProperty(active, "style").toInt(), customStyle);

    // The basemap arrives through the custom host: water in the Atlantic at the centre
    // (30° N, 40° W), land inside Greenland where Web Mercator puts it.
    const QPoint centre = window.mapWidget()->mapTo(&window, window.mapWidget()->rect().center());
    const double zoom = map->property("zoomLevel").toDouble();
    const QPointF offset =
        geo::mercator::toPixel(72.0, -40.0, zoom) - geo::mercator::toPixel(30.0, -40.0, zoom);
    const QPoint greenland = centre + offset.toPoint();
    QTRY_COMPARE_WITH_TIMEOUT(window.grab().toImage().pixelColor(centre).name(),
                              QStringLiteral("#cfdce5"), 15000);
    // The map scales tiles at a fractional zoom, so the land colour comes within a few
    // levels of the tile's, far from the water's.
    const auto landAt = [&](QPoint p) {
        const QColor c = window.grab().toImage().pixelColor(p);
        return std::abs(c.red() - 0xf3) <= 6 && std::abs(c.green() - 0xf1) <= 6 &&
            std::abs(c.blue() - 0xec) <= 6;
    };
    QTRY_VERIFY_WITH_TIMEOUT(landAt(greenland), 15000);
    QCOMPARE(window.grab().toImage().size(), window.size() * window.devicePixelRatio());

    // The bridge follows the map's zoom, and View ▸ Zoom In changes it.
    const double before = map->property("zoomLevel").toDouble();
    QCOMPARE(window.mapWidget()->bridge()->zoomLevel(), before);
    QSignalSpy zoomed(window.mapWidget()->bridge(), &MapBridge::zoomLevelChanged);
    Q_EMIT window.mapWidget()->bridge()->zoomRequested(1);
    QCOMPARE(zoomed.count(), 1);
    QCOMPARE(map->property("zoomLevel").toDouble(), std::round(before) + 1.0);
}

void TestMainWindow::menusHaveOnlyLiveEntries()
{
    MainWindow window;
    QStringList titles;
    for (QAction *menu : window.menuBar()->actions())
        titles << menu->text();
    QCOMPARE(titles,
             (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&View"),
                          QStringLiteral("&Help")}));
    for (QAction *menu : window.menuBar()->actions()) {
        for (QAction *action : menu->menu()->actions()) {
            // These wait for something to act on: a catalogue with unplaced events (see
            // below), a step to undo or redo, a selected event.
            static const QStringList waiting{QStringLiteral("&Place Unplaced Events"),
                                             QStringLiteral("&Undo"),
                                             QStringLiteral("&Redo"),
                                             QStringLiteral("&Edit Event…"),
                                             QStringLiteral("Zoom to &Events"),
                                             QStringLiteral("Place Event on the &Map")};
            if (action->isSeparator() || waiting.contains(action->text())) {
                QVERIFY2(action->isSeparator() || !action->isEnabled(), qPrintable(action->text()));
                continue;
            }
            QVERIFY2(action->isEnabled(), qPrintable(action->text()));
            QVERIFY2(!action->text().isEmpty(), "an action without a text");
        }
    }
}

void TestMainWindow::brokenPageShowsError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile broken(dir.filePath(QStringLiteral("Broken.qml")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("import QtQuick\nimport NoSuchModule\nItem {}\n");
    broken.close();

    MainWindow window;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("NoSuchModule")));
    QVERIFY(!window.loadMap(QUrl::fromLocalFile(broken.fileName())));
    QVERIFY(window.showsMapError());
    QVERIFY(window.mapErrorText().contains(
        QStringLiteral("module &quot;NoSuchModule&quot; is not installed")));
}

void TestMainWindow::opensCatalogues()
{
    QTemporaryDir dir;
    const QString sample = dir.filePath(QStringLiteral("sample.placard"));
    QString error;
    QVERIFY2(io::buildSampleCatalogue(sample, &error), qPrintable(error));

    MainWindow window;
    QCOMPARE(window.catalogueSummary(), QStringLiteral("No catalogue open"));
    // The events are put on the map once, whatever the docks set up on the way.
    QSignalSpy shown(window.mapWidget()->bridge(), &MapBridge::eventsChanged);
    QVERIFY2(window.openCatalogue(sample, &error), qPrintable(error));
    // Opened on another thread (an upgrade can take seconds), then handed to this one.
    QCOMPARE(window.catalogue()->thread(), window.thread());
    QCOMPARE(shown.count(), 1);
    QCOMPARE(window.mapWidget()->bridge()->events()->size(), std::size_t(16));
    QCOMPARE(window.catalogueSummary(), QStringLiteral("16 events in sample.placard"));
    QCOMPARE(window.windowTitle(), QStringLiteral("sample.placard — Placard"));

    // A file that is not a catalogue is refused and the open one stays.
    const QString bogus = dir.filePath(QStringLiteral("bogus.placard"));
    QFile f(bogus);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("date,title\n2026-01-30,not a database\n");
    f.close();
    QVERIFY(!window.openCatalogue(bogus, &error));
    QVERIFY2(error.startsWith(bogus + QStringLiteral(" is not a Placard catalogue")),
             qPrintable(error));
    QCOMPARE(window.catalogue()->path(), sample);

    // Changes through the catalogue update the summary.
    QVERIFY(window.catalogue()->deleteEvents({1}));
    QCOMPARE(window.catalogueSummary(), QStringLiteral("15 events in sample.placard"));

    QVERIFY(window.newCatalogue(dir.filePath(QStringLiteral("new.placard")), &error));
    QCOMPARE(window.catalogueSummary(), QStringLiteral("0 events in new.placard"));
}

void TestMainWindow::placesUnplacedEvents()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("u.placard"));
    QString error;
    {
        auto catalogue = Catalogue::create(file, &error);
        QVERIFY(catalogue);
        Event a;
        a.startDay = a.endDay = 20483;
        a.place = QStringLiteral("Livingston, Montana");
        Event b = a;
        b.place = QStringLiteral("online");
        QList<Event> events{a, b};
        QVERIFY(catalogue->insertEvents(events, &error));
    }
    MainWindow window;
    QAction *place = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        for (QAction *action : menu->menu()->actions()) {
            if (action->text() == QStringLiteral("&Place Unplaced Events"))
                place = action;
        }
    }
    QVERIFY(place);
    QVERIFY(!place->isEnabled());
    QVERIFY(window.openCatalogue(file, &error));
    QVERIFY(place->isEnabled());
    QCOMPARE(window.catalogueSummary(), QStringLiteral("2 events, 2 unplaced in u.placard"));
    QCOMPARE(window.placeUnplacedEvents(),
             QStringLiteral("1 events placed (1 at a town or city, 0 at a state, 0 at a country); "
                            "1 still unplaced"));
    QCOMPARE(window.catalogueSummary(), QStringLiteral("2 events, 1 unplaced in u.placard"));
    QCOMPARE(window.catalogue()->event(1)->coordinateOrigin, CoordinateOrigin::Gazetteer);
}

void TestMainWindow::tileSources()
{
    MainWindow window;
    QVERIFY(window.loadMap(MapWidget::defaultPage()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QPoint centre = window.mapWidget()->mapTo(&window, window.mapWidget()->rect().center());
    const auto centreColour = [&] {
        return window.grab().toImage().pixelColor(centre).name();
    };
    QTRY_COMPARE_WITH_TIMEOUT(centreColour(), QStringLiteral("#cfdce5"), 15000);

    // The built-in basemap in dark, through a new server.
    const QString lightTemplate = window.mapWidget()->bridge()->tileUrlTemplate();
    geo::TileSourceSettings dark;
    dark.style = geo::BasemapStyle::Dark;
    QString error;
    QVERIFY2(window.setTileSource(dark, &error), qPrintable(error));
    QVERIFY(window.mapWidget()->bridge()->tileUrlTemplate() != lightTemplate);
    QTRY_COMPARE_WITH_TIMEOUT(centreColour(), QStringLiteral("#1d262d"), 15000);
    QCOMPARE(geo::TileSourceSettings::load(QSettings()), dark); // remembered

    // An XYZ folder of light tiles, read through file://.
    QTemporaryDir dir;
    const auto data = geo::BasemapData::load(geo::BasemapData::defaultPath(), &error);
    QVERIFY(data);
    const geo::BasemapRenderer light(data, geo::BasemapStyle::Light);
    QVERIFY(geo::exportTiles(light, 0, 4, QRectF(), geo::TileSink::XyzFolder,
                             dir.filePath(QStringLiteral("xyz")), &error) > 0);
    geo::TileSourceSettings xyz{geo::TileSourceKind::XyzFolder, dir.filePath(QStringLiteral("xyz")),
                                geo::BasemapStyle::Light};
    QVERIFY2(window.setTileSource(xyz, &error), qPrintable(error));
    QVERIFY(window.mapWidget()->bridge()->tileUrlTemplate().startsWith(QStringLiteral("file:///")));
    QTRY_COMPARE_WITH_TIMEOUT(centreColour(), QStringLiteral("#cfdce5"), 15000);

    // An MBTiles file of dark tiles, through the loopback server.
    const geo::BasemapRenderer darkRenderer(data, geo::BasemapStyle::Dark);
    const QString mbtiles = dir.filePath(QStringLiteral("dark.mbtiles"));
    QVERIFY(geo::exportTiles(darkRenderer, 0, 4, QRectF(), geo::TileSink::MBTiles, mbtiles,
                             &error) > 0);
    QVERIFY2(window.setTileSource({geo::TileSourceKind::MBTiles, mbtiles, geo::BasemapStyle::Light},
                                  &error),
             qPrintable(error));
    QVERIFY(window.mapWidget()->bridge()->tileUrlTemplate().startsWith(
        QStringLiteral("http://127.0.0.1:")));
    QTRY_COMPARE_WITH_TIMEOUT(centreColour(), QStringLiteral("#1d262d"), 15000);

    // A source that is gone: refused with the reason, and the map falls back to nothing.
    QVERIFY(!window.setTileSource({geo::TileSourceKind::MBTiles,
                                   dir.filePath(QStringLiteral("gone.mbtiles")),
                                   geo::BasemapStyle::Light},
                                  &error));
    QCOMPARE(error,
             dir.filePath(QStringLiteral("gone.mbtiles")) + QStringLiteral(": no such file"));

    // OpenStreetMap is only configured here, never loaded: a test makes no connection.
    MapWidget widget;
    geo::TileSourceSettings osm;
    osm.kind = geo::TileSourceKind::OpenStreetMap;
    QVERIFY(widget.applyTileSource(osm));
    QCOMPARE(widget.bridge()->tileUrlTemplate(), QString::fromLatin1(geo::kOpenStreetMapTemplate));
    QCOMPARE(widget.bridge()->attribution(), QString::fromUtf8(geo::kOpenStreetMapAttribution));
    QVERIFY(widget.bridge()->userAgent().startsWith(QStringLiteral("Placard/")));

    // The preferences dialog shows and returns the same settings.
    PreferencesDialog dialog(xyz);
    QCOMPARE(dialog.tileSource(), xyz);
    dialog.setTileSource(osm);
    QCOMPARE(dialog.tileSource(), osm);
    QSettings().clear();
}

void TestMainWindow::eventLayerAgreesWithMap()
{
    QTemporaryDir dir;
    MainWindow window;
    openSample(window, dir);
    if (QTest::currentTestFailed())
        return;
    // The map as wide as before the table and details docks: the clusters below depend on it.
    window.tableDock()->hide();
    window.detailsDock()->hide();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QQuickItem *root = window.mapWidget()->rootObject();
    auto *layer = root->findChild<EventLayer *>(QStringLiteral("eventLayer"));
    QVERIFY(layer);
    QObject *map = mapOf(window);
    QVERIFY(map);

    // The layer projects exactly as the map does, to half a pixel, at several zooms.
    const QList<QGeoCoordinate> places{
        {44.9778, -93.265}, {48.8566, 2.3522}, {-33.87, 151.21}, {64.1, -21.9}, {34.05, -118.24}};
    for (double zoom : {2.5, 4.0, 7.3, 11.0}) {
        map->setProperty("zoomLevel", zoom);
        map->setProperty("center", QVariant::fromValue(QGeoCoordinate(40.0, -90.0)));
        QCOMPARE(layer->zoomLevel(), zoom);
        for (const QGeoCoordinate &c : places) {
            const QPointF onMap = pixelOn(map, c);
            const QPointF onLayer = layer->project(c);
            QVERIFY2(std::abs(onMap.x() - onLayer.x()) <= 0.5 &&
                         std::abs(onMap.y() - onLayer.y()) <= 0.5,
                     qPrintable(QStringLiteral("zoom %1: map %2,%3 layer %4,%5")
                                    .arg(zoom)
                                    .arg(onMap.x())
                                    .arg(onMap.y())
                                    .arg(onLayer.x())
                                    .arg(onLayer.y())));
        }
    }

    // All 16 sample events are drawn; at the world view the New York events share a cluster.
    map->setProperty("zoomLevel", 2.5);
    map->setProperty("center", QVariant::fromValue(QGeoCoordinate(30.0, -40.0)));
    int drawn = 0;
    int biggest = 0;
    for (const Cluster &c : layer->visibleClusters()) {
        drawn += c.count;
        biggest = std::max(biggest, c.count);
    }
    QCOMPARE(drawn, 16);
    QVERIFY(biggest >= 3);
    // A change of filter brings the clusters of this view, gathered with the new points, and
    // the layer takes them: they are what clustering the points afterwards gives.
    MapBridge *bridge = window.mapWidget()->bridge();
    const LayerView view{
        geo::mercator::toWorld(layer->center().latitude(), layer->center().longitude()), 2.5,
        layer->size()};
    QVERIFY(bridge->layerView() == view);
    QSignalSpy eventsSet(bridge, &MapBridge::eventsChanged);
    auto *types = window.filtersDock()->findChild<QListWidget *>(QStringLiteral("types"));
    types->item(1)->setCheckState(Qt::Unchecked);
    QCOMPARE(eventsSet.count(), 1);
    QVERIFY(!bridge->takeClusters()); // taken
    std::vector<Cluster> expected =
        clusterPoints(*bridge->events(), view.center, view.zoom, view.size);
    render::mergeOverlapping(expected);
    const std::vector<Cluster> adopted = layer->visibleClusters();
    QCOMPARE(adopted.size(), expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
        QCOMPARE(adopted[k].count, expected[k].count);
        QCOMPARE(adopted[k].single, expected[k].single);
        QVERIFY(std::abs(adopted[k].position.x() - expected[k].position.x()) < 1e-6);
        QVERIFY(std::abs(adopted[k].position.y() - expected[k].position.y()) < 1e-6);
    }
    types->item(1)->setCheckState(Qt::Checked);
    // View ▸ Legend takes the legend off the map (it may cover events) and back, and is
    // remembered.
    auto *legendAction = window.findChild<QAction *>(QStringLiteral("showLegend"));
    QVERIFY(legendAction && legendAction->isChecked());
    const QList<QQuickPaintedItem *> canvases = layer->findChildren<QQuickPaintedItem *>();
    QCOMPARE(canvases.size(), 2); // the symbols', then the legend's
    QTRY_VERIFY(canvases.at(1)->isVisible());
    legendAction->trigger();
    QVERIFY(!bridge->legendShown());
    QTRY_VERIFY(!canvases.at(1)->isVisible());
    QVERIFY(canvases.at(0)->isVisible());
    QCOMPARE(QSettings().value(QStringLiteral("map/legend")).toBool(), false);
    legendAction->trigger();
    QTRY_VERIFY(canvases.at(1)->isVisible());
    QCOMPARE(QSettings().value(QStringLiteral("map/legend")).toBool(), true);
    // The legend gets out of the way: with the Twin Cities' events under it, it moves, once
    // the map is still, to a corner that hides none; it stays there when they leave.
    {
        const QRectF before = layer->legendBox();
        QVERIFY(!before.isEmpty());
        const double zoom = 6.0;
        const double scale = 256.0 * std::exp2(zoom);
        const QPointF twinCities = geo::mercator::toWorld(44.9778, -93.2650);
        const QPointF under = before.center();
        const QPointF centre = geo::mercator::fromWorld(
            twinCities - (under - QPointF(layer->width() / 2, layer->height() / 2)) / scale);
        map->setProperty("zoomLevel", zoom);
        map->setProperty("center", QVariant::fromValue(QGeoCoordinate(centre.y(), centre.x())));
        // Events whose symbol has its centre under the box (or within 4 px of it).
        const auto hidden = [&](const QRectF &box) {
            int events = 0;
            for (const Cluster &c : layer->visibleClusters()) {
                if (box.adjusted(-4, -4, 4, 4).contains(c.position))
                    events += c.count;
            }
            return events;
        };
        QVERIFY(hidden(before) > 0);
        QTRY_VERIFY(layer->legendBox() != before);
        const QRectF moved = layer->legendBox();
        QCOMPARE(moved.size(), before.size());
        QCOMPARE(hidden(moved), 0);
        QVERIFY(moved.top() < before.top() || moved.left() > before.left());
        map->setProperty("center", QVariant::fromValue(QGeoCoordinate(44.9778, -93.2650)));
        QTest::qWait(900); // past the rest after which the corner is chosen again
        QCOMPARE(layer->legendBox(), moved);
    }
    // On screen: the layer draws through a canvas as big as the symbols' extent (not the
    // whole map), and every cluster shows its dark disc there (looked at beside its count).
    auto *canvas = layer->findChild<QQuickPaintedItem *>();
    QVERIFY(canvas);
    QTRY_VERIFY(canvas->isVisible() && canvas->width() > 0);
    QVERIFY(canvas->width() * canvas->height() < 0.6 * layer->width() * layer->height());
    QTRY_VERIFY([&] {
        const QImage shown = window.mapWidget()->grabFramebuffer();
        for (const Cluster &c : layer->visibleClusters()) {
            if (c.single)
                continue;
            const double r = render::clusterRadius(c.count);
            const QPointF at = layer->mapToScene(c.position - QPointF(0.55 * r, 0.55 * r)) *
                shown.devicePixelRatio();
            if (shown.pixelColor(at.toPoint()).lightness() > 110)
                return false;
        }
        return true;
    }());
    // The legend comes from the data: the sample's types, then the symbol styles it uses.
    QCOMPARE(layer->legendEntries(),
             (QStringList{
                 QStringLiteral("protest"), QStringLiteral("march"), QStringLiteral("walkout"),
                 QStringLiteral("sit-in"), QStringLiteral("size unknown"),
                 QStringLiteral("placed at state or country"),
                 QStringLiteral("date: month or year only"), QStringLiteral("several events")}));
    // The church protest in St. Paul is known only to its month: marked so on the map, and
    // the legend's entry goes when no such event is shown.
    {
        sql::Statement q(window.catalogue()->handle(),
                         "SELECT id FROM events WHERE title = 'Church protest in St. Paul'");
        QVERIFY(q.next());
        Event e = *window.catalogue()->event(q.int64(0));
        QCOMPARE(e.datePrecision, DatePrecision::Month);
        const auto events = window.mapWidget()->bridge()->events();
        const auto it = std::find_if(events->cbegin(), events->cend(),
                                     [&](const MapPoint &p) { return p.id == e.id; });
        QVERIFY(it != events->cend());
        QCOMPARE(it->datePrecision, quint8(DatePrecision::Month));
        QCOMPARE(it->precision, quint8(e.geoPrecision));
        e.datePrecision = DatePrecision::Day;
        QVERIFY(window.catalogue()->updateEvent(e));
        QVERIFY(!layer->legendEntries().contains(QStringLiteral("date: month or year only")));
        e.datePrecision = DatePrecision::Month;
        QVERIFY(window.catalogue()->updateEvent(e));
        QVERIFY(layer->legendEntries().contains(QStringLiteral("date: month or year only")));
        // A type new to the catalogue is named on the map and in its legend at once.
        const QString type = e.type;
        e.type = QStringLiteral("vigil");
        QVERIFY(window.catalogue()->updateEvent(e));
        QVERIFY(window.mapWidget()->bridge()->typeNames().values().contains(e.type));
        QVERIFY(layer->legendEntries().contains(e.type));
        e.type = type;
        QVERIFY(window.catalogue()->updateEvent(e));
        QVERIFY(!layer->legendEntries().contains(QStringLiteral("vigil")));
    }
    // Hovering an event names it; the symbol under a point is the one drawn there. Close
    // enough to Milan that it is not clustered with Paris.
    map->setProperty("zoomLevel", 6.0);
    map->setProperty("center", QVariant::fromValue(QGeoCoordinate(45.46, 9.19)));
    const QList<qint64> milan = window.catalogue()->searchText(QStringLiteral("olympic"));
    QCOMPARE(milan.size(), 1);
    QPointF milanAt;
    for (const Cluster &c : layer->visibleClusters()) {
        if (c.single && c.single->id == milan[0])
            milanAt = c.position;
    }
    QVERIFY(!milanAt.isNull());
    QCOMPARE(layer->symbolAt(milanAt + QPointF(2, 1))->single->id, milan[0]);
    QVERIFY(!layer->symbolAt(QPointF(5, 5)));
    QCOMPARE(
        window.eventTooltip(milan[0]),
        QStringLiteral(
            "<b>Milan protest against ICE at the Olympic Games</b><br>%1 – %2<br>Milan, Lombardia")
            .arg(QLocale().toString(QDate(2026, 1, 26), QLocale::LongFormat),
                 QLocale().toString(QDate(2026, 1, 30), QLocale::LongFormat)));
    // An event named only by its city and state, as most of CCC's are.
    Event cityOnly = *window.catalogue()->event(milan[0]);
    cityOnly.id = 0;
    cityOnly.datasetId = 0;
    cityOnly.place.clear();
    cityOnly.locality = QStringLiteral("Peoria");
    cityOnly.admin1 = QStringLiteral("IL");
    QList<Event> added{cityOnly};
    QVERIFY(window.catalogue()->insertEvents(added));
    QVERIFY2(window.eventTooltip(added[0].id).endsWith(QStringLiteral("<br>Peoria, IL")),
             qPrintable(window.eventTooltip(added[0].id)));
    QVERIFY(window.catalogue()->deleteEvents({added[0].id}));
    QSignalSpy hovered(window.mapWidget()->bridge(), &MapBridge::eventHovered);
    QTest::mouseMove(window.mapWidget(), (milanAt + QPointF(30, 30)).toPoint());
    QTest::mouseMove(window.mapWidget(), milanAt.toPoint());
    QTRY_VERIFY(hovered.count() >= 1);
    QCOMPARE(hovered.last().at(0).toLongLong(), milan[0]);

    // A click on an event selects it; a click on a cluster zooms in on it.
    QTest::mouseClick(window.mapWidget(), Qt::LeftButton, {}, milanAt.toPoint());
    QTRY_COMPARE(window.mapWidget()->bridge()->selectedEvent(), milan[0]);
    QCOMPARE(window.detailsDock()->eventId(), milan[0]);
    QCOMPARE(window.tableDock()->selectedEvent(), milan[0]);
    const auto biggestCluster = [&] {
        Cluster best;
        for (const Cluster &c : layer->visibleClusters()) {
            if (c.count > best.count)
                best = c;
        }
        return best;
    };
    map->setProperty("zoomLevel", 2.5);
    map->setProperty("center", QVariant::fromValue(QGeoCoordinate(30.0, -40.0)));
    // At no zoom does a symbol's number hide under its neighbour's: rims may touch, centres
    // stay apart (a grid alone does not see to that: at zoom 4.75 two of these overlap).
    for (double zoom = 2.0; zoom <= 8.0; zoom += 0.25) {
        map->setProperty("zoomLevel", zoom);
        map->setProperty("center", QVariant::fromValue(QGeoCoordinate(42.0, -90.0)));
        const std::vector<Cluster> shown = layer->visibleClusters();
        for (std::size_t i = 0; i < shown.size(); ++i) {
            for (std::size_t j = i + 1; j < shown.size(); ++j) {
                const QPointF d = shown[i].position - shown[j].position;
                const double reach =
                    0.8 * (render::symbolRadius(shown[i]) + render::symbolRadius(shown[j]));
                QVERIFY2(QPointF::dotProduct(d, d) >= reach * reach,
                         qPrintable(QStringLiteral("zoom %1").arg(zoom)));
            }
        }
    }
    map->setProperty("zoomLevel", 2.5);
    map->setProperty("center", QVariant::fromValue(QGeoCoordinate(30.0, -40.0)));
    const Cluster newYork = biggestCluster();
    QTest::mouseClick(window.mapWidget(), Qt::LeftButton, {}, newYork.position.toPoint());
    QTRY_COMPARE(map->property("zoomLevel").toDouble(), 4.0);
    const QGeoCoordinate centre = map->property("center").value<QGeoCoordinate>();
    QVERIFY2(std::abs(centre.latitude() - 40.7) < 2.0 && std::abs(centre.longitude() + 74.0) < 2.5,
             qPrintable(centre.toString()));
    QCOMPARE(window.mapWidget()->bridge()->selectedEvent(), milan[0]); // unchanged by the zoom
    QVERIFY(layer->inseparableEvents(newYork.position).isEmpty()); // zooming parts them

    // Two events placed only at the country's centre share one point: zooming cannot part
    // them, so a click offers them by name, and choosing one selects it.
    QList<qint64> together;
    {
        sql::Statement q(window.catalogue()->handle(),
                         "SELECT id FROM events WHERE abs(lat - 39.8283) < 1e-3 AND "
                         "abs(lon + 98.5795) < 1e-3 ORDER BY id");
        while (q.next())
            together << q.int64(0);
    }
    QCOMPARE(together.size(), 2);
    map->setProperty("zoomLevel", 9.0);
    map->setProperty("center", QVariant::fromValue(QGeoCoordinate(39.8283, -98.5795)));
    std::optional<Cluster> pair;
    for (const Cluster &c : layer->visibleClusters()) {
        if (c.count == 2)
            pair = c;
    }
    QVERIFY(pair);
    QCOMPARE(layer->inseparableEvents(pair->position), together);
    QSignalSpy offered(window.mapWidget()->bridge(), &MapBridge::eventsChosen);
    QTest::mouseClick(window.mapWidget(), Qt::LeftButton, {}, pair->position.toPoint());
    QTRY_COMPARE(offered.count(), 1);
    QCOMPARE(offered.last().at(0).value<QList<qint64>>(), together);
    QCOMPARE(map->property("zoomLevel").toDouble(), 9.0); // no zoom
    auto *menu = window.findChild<QMenu *>(QStringLiteral("clusterEvents"));
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), 2);
    QVERIFY(menu->actions().at(1)->text().endsWith(window.catalogue()->event(together[1])->title));
    menu->actions().at(1)->trigger();
    QCOMPARE(window.mapWidget()->bridge()->selectedEvent(), together[1]);
    menu->close();

    // Deleting events removes them from the map through the change signal.
    map->setProperty("zoomLevel", 2.5);
    map->setProperty("center", QVariant::fromValue(QGeoCoordinate(30.0, -40.0)));
    QVERIFY(window.catalogue()->deleteEvents({1, 2}));
    drawn = 0;
    for (const Cluster &c : layer->visibleClusters())
        drawn += c.count;
    QCOMPARE(drawn, 14);
}

void TestMainWindow::legendFitsTheMap()
{
    // With many types, the legend takes two columns, long names cut short, and counts the
    // types it has no room for; it never takes more than two fifths of the map's height.
    QTemporaryDir dir;
    MainWindow window;
    openSample(window, dir);
    if (QTest::currentTestFailed())
        return;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QQuickItem *root = window.mapWidget()->rootObject();
    auto *layer = root->findChild<EventLayer *>(QStringLiteral("eventLayer"));
    QVERIFY(layer);
    const auto fits = [&] {
        const double most = std::max(6 * 18 + 12, int((layer->height() * 0.4 - 12) / 18) * 18 + 12);
        return layer->legendSize().height() <= most + 3;
    };
    QTRY_VERIFY(!layer->legendShownEntries().isEmpty());
    const qsizetype sampleTypes = layer->legendEntries().size() - 4; // and four styles
    QCOMPARE(layer->legendShownEntries(), layer->legendEntries());

    const auto addTypes = [&](int from, int to) {
        QList<Event> events;
        for (int n = from; n < to; ++n) {
            Event e;
            e.startDay = 20483;
            e.endDay = e.startDay;
            e.title = QStringLiteral("Event %1").arg(n);
            e.type = QStringLiteral("type %1, with a long name as GDELT gives them").arg(n);
            e.latitude = -40.0 + n;
            e.longitude = 20.0 + 2 * n;
            e.geoPrecision = GeoPrecision::Exact;
            events << e;
        }
        QString error;
        QVERIFY2(window.catalogue()->insertEvents(events, &error), qPrintable(error));
    };
    // Six types more: two columns, no type left out.
    addTypes(0, 6);
    QTRY_COMPARE(layer->legendEntries().size(), sampleTypes + 6 + 4);
    QTRY_COMPARE(layer->legendShownEntries(), layer->legendEntries());
    QVERIFY(fits());
    QVERIFY(layer->legendSize().width() < 2 * (170 + 44));
    // Forty more: the types past the room are counted on one line, the styles all shown.
    addTypes(6, 46);
    const qsizetype types = sampleTypes + 46;
    QTRY_COMPARE(layer->legendEntries().size(), types + 4);
    QTRY_VERIFY(!layer->legendShownEntries().filter(QStringLiteral(" more type(s)")).isEmpty());
    QVERIFY(fits());
    const QStringList shown = layer->legendShownEntries();
    const qsizetype shownTypes = shown.size() - 1 - 4;
    QCOMPARE(shown.mid(0, shownTypes), layer->legendEntries().mid(0, shownTypes));
    QCOMPARE(shown[shownTypes], QStringLiteral("+ %1 more type(s)").arg(types - shownTypes));
    QCOMPARE(shown.mid(shownTypes + 1), layer->legendEntries().mid(types));
}

void TestMainWindow::zoomsToEvents()
{
    QTemporaryDir dir;
    MainWindow window;
    openSample(window, dir);
    if (QTest::currentTestFailed())
        return;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QObject *map = mapOf(window);
    QVERIFY(map);
    auto *action = window.findChild<QAction *>(QStringLiteral("zoomToEvents"));
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    map->setProperty("zoomLevel", 9.0);
    map->setProperty("center", QVariant::fromValue(QGeoCoordinate(35.68, 139.69))); // Tokyo
    action->trigger();

    // Every placed event is on screen, at least 48 px in from the edges; the map is centred
    // on them and as close as that margin allows on one axis.
    constexpr double inf = std::numeric_limits<double>::infinity();
    double left = inf, right = -inf, top = inf, bottom = -inf;
    int placed = 0;
    for (const qint64 id : window.catalogue()->eventIds()) {
        const Event e = *window.catalogue()->event(id);
        if (!e.latitude || !e.longitude)
            continue;
        ++placed;
        const QPointF p = pixelOn(map, QGeoCoordinate(*e.latitude, *e.longitude));
        QVERIFY(!std::isnan(p.x()));
        left = std::min(left, p.x());
        right = std::max(right, p.x());
        top = std::min(top, p.y());
        bottom = std::max(bottom, p.y());
    }
    QCOMPARE(placed, 16);
    const QSizeF size = window.mapWidget()->size();
    const QString where = QStringLiteral("events in x %1–%2, y %3–%4 of %5×%6")
                              .arg(left)
                              .arg(right)
                              .arg(top)
                              .arg(bottom)
                              .arg(size.width())
                              .arg(size.height());
    QVERIFY2(left >= 47.5 && top >= 47.5 && right <= size.width() - 47.5 &&
                 bottom <= size.height() - 47.5,
             qPrintable(where));
    QVERIFY2(std::abs((left + right) / 2 - size.width() / 2) < 0.5 &&
                 std::abs((top + bottom) / 2 - size.height() / 2) < 0.5,
             qPrintable(where));
    QVERIFY2(std::abs(right - left - (size.width() - 96)) < 0.5 ||
                 std::abs(bottom - top - (size.height() - 96)) < 0.5,
             qPrintable(where));

    // An empty catalogue has nothing to frame.
    QString error;
    QVERIFY(window.newCatalogue(dir.filePath(QStringLiteral("empty.placard")), &error));
    QVERIFY(!action->isEnabled());
    map->setProperty("zoomLevel", 9.0);
    window.zoomToEvents();
    QCOMPARE(map->property("zoomLevel").toDouble(), 9.0);
}

void TestMainWindow::importsShownAndRemoved()
{
    // Two imports, the second with problems: a row without a usable date, a latitude
    // out of range.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("c.placard"));
    QString error;
    auto catalogue = Catalogue::create(file, &error);
    QVERIFY2(catalogue, qPrintable(error));
    const auto importText = [&](const QString &name, const QByteArray &csv) {
        QFile f(dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(csv);
        f.close();
        return io::Importer(*catalogue).importCsv(f.fileName(), {});
    };
    const io::ImportReport first = importText(
        QStringLiteral("first.csv"),
        "date,title,lat,lon\n2026-01-30,Rally,44.98,-93.27\n2026-01-31,Vigil,40.71,-74.0\n");
    const io::ImportReport second = importText(QStringLiteral("second.csv"),
                                               "date,title,lat,lon\n2026-02-01,March,41.88,-87.63\n"
                                               "not a date,Sit-in,42.36,-71.06\n"
                                               "2026-02-02,Strike,95.0,10.0\n");
    QVERIFY(first.committed && second.committed);
    QCOMPARE(second.problems.size(), 2);
    catalogue.reset();

    MainWindow window;
    QVERIFY(window.loadMap(MapWidget::defaultPage()));
    QVERIFY2(window.openCatalogue(file, &error), qPrintable(error));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    {
        ImportsDialog dialog(window.catalogue(), &window);
        auto *imports = dialog.findChild<QTableWidget *>(QStringLiteral("imports"));
        QVERIFY(imports);
        QCOMPARE(imports->rowCount(), 2);
        QCOMPARE(imports->item(0, 0)->text(), QStringLiteral("first.csv"));
        QCOMPARE(imports->item(1, 0)->text(), QStringLiteral("second.csv"));
        QCOMPARE(imports->item(1, 2)->text(), QStringLiteral("3")); // records
        QCOMPARE(imports->item(1, 7)->text(), QStringLiteral("2")); // problems
        QCOMPARE(imports->item(1, 8)->text(), QStringLiteral("2")); // events now
        // The latest is selected, its problems listed as the import recorded them.
        QCOMPARE(dialog.chosenDataset(), second.datasetId);
        auto *problems = dialog.findChild<QTableWidget *>(QStringLiteral("importProblems"));
        QCOMPARE(problems->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            const ImportProblem &p = second.problems[row];
            QCOMPARE(problems->item(row, 0)->text(), QString::number(p.line));
            QCOMPARE(problems->item(row, 2)->text(), p.value);
            QCOMPARE(problems->item(row, 3)->text(), p.message);
        }
        imports->selectRow(0);
        QCOMPARE(problems->rowCount(), 0);
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("exportProblems"))->isEnabled());
        dialog.findChild<QPushButton *>(QStringLiteral("showImport"))->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.choice(), ImportsDialog::Choice::Show);
        QCOMPARE(dialog.chosenDataset(), first.datasetId);
    }

    // Removing one: its events go, the other import's stay, undo history is cleared; a
    // filter showing only the import removed shows everything again.
    Filter onlySecond;
    onlySecond.datasets = {second.datasetId};
    window.filtersDock()->setFilter(onlySecond, QString());
    QCOMPARE(window.filtersDock()->countText(), QStringLiteral("2 of 4 events"));
    Event renamed = *window.catalogue()->event(window.catalogue()->eventIds().first());
    renamed.title = QStringLiteral("Renamed");
    QVERIFY(window.editEvent(renamed, QStringLiteral("Rename"), &error));
    QCOMPARE(window.undoStack()->count(), 1);
    QVERIFY2(window.removeImport(second.datasetId, QStringLiteral("second.csv"), &error),
             qPrintable(error));
    QCOMPARE(window.catalogue()->eventCount(), 2);
    QCOMPARE(window.catalogue()->datasets().size(), 1);
    QCOMPARE(window.filtersDock()->countText(), QStringLiteral("2 of 2 events"));
    QCOMPARE(window.undoStack()->count(), 0);
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Removed second.csv and its events"));
    // Gone is gone: a second removal says so.
    QVERIFY(!window.removeImport(second.datasetId, QStringLiteral("second.csv"), &error));
    QCOMPARE(error, QStringLiteral("no dataset %1").arg(second.datasetId));
}

void TestMainWindow::filtersDock()
{
    QTemporaryDir dir;
    MainWindow window;
    openSample(window, dir);
    if (QTest::currentTestFailed())
        return;
    FiltersDock *dock = window.filtersDock();
    QCOMPARE(dock->countText(), QStringLiteral("16 of 16 events"));
    auto *types = dock->findChild<QListWidget *>(QStringLiteral("types"));
    QStringList names;
    for (int i = 0; i < types->count(); ++i)
        names << types->item(i)->text();
    QCOMPARE(names,
             (QStringList{QStringLiteral("protest (13)"), QStringLiteral("march (1)"),
                          QStringLiteral("sit-in (1)"), QStringLiteral("walkout (1)")}));
    const auto shown = [&] {
        return window.mapWidget()->bridge()->events()->size();
    };

    types->item(0)->setCheckState(Qt::Unchecked); // no protests
    QCOMPARE(dock->countText(), QStringLiteral("3 of 16 events"));
    QCOMPARE(shown(), std::size_t(3));
    for (int i = 1; i < types->count(); ++i)
        types->item(i)->setCheckState(Qt::Unchecked); // nothing
    QCOMPARE(dock->countText(), QStringLiteral("0 of 16 events"));

    dock->clear();
    QCOMPARE(dock->countText(), QStringLiteral("16 of 16 events"));
    auto *search = dock->findChild<QLineEdit *>(QStringLiteral("search"));
    QTest::keyClicks(search, QStringLiteral("olympic"));
    QTRY_COMPARE(dock->countText(), QStringLiteral("1 of 16 events")); // after the typing pause
    QCOMPARE(shown(), std::size_t(1));
    search->clear();
    QTRY_COMPARE(dock->countText(), QStringLiteral("16 of 16 events"));

    // Where events are placed: the sample has three placed only at a state or country.
    auto *broadly = dock->findChild<QCheckBox *>(QStringLiteral("placedBroadly"));
    broadly->setChecked(false);
    QCOMPARE(dock->countText(), QStringLiteral("13 of 16 events"));
    dock->findChild<QCheckBox *>(QStringLiteral("placedLocally"))->setChecked(false);
    QCOMPARE(dock->countText(), QStringLiteral("0 of 16 events"));
    dock->clear();
    // A minimum crowd: the sample gives no sizes, so only unknown sizes can pass.
    dock->findChild<QSpinBox *>(QStringLiteral("minSize"))->setValue(500);
    QCOMPARE(dock->countText(), QStringLiteral("16 of 16 events"));
    dock->findChild<QCheckBox *>(QStringLiteral("unknownSize"))->setChecked(false);
    QCOMPARE(dock->countText(), QStringLiteral("0 of 16 events"));
    dock->clear();
    QCOMPARE(dock->countText(), QStringLiteral("16 of 16 events"));

    // Unticked types stay unticked when the catalogue changes.
    types->item(1)->setCheckState(Qt::Unchecked); // no march
    QCOMPARE(dock->countText(), QStringLiteral("15 of 16 events"));
    QVERIFY(window.catalogue()->deleteEvents({1}));
    QCOMPARE(dock->countText(), QStringLiteral("14 of 15 events"));
    QCOMPARE(types->item(1)->checkState(), Qt::Unchecked);
}

void TestMainWindow::tableDetailsAndEditing()
{
    QTemporaryDir dir;
    MainWindow window;
    openSample(window, dir);
    window.filtersDock()->hide();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Catalogue *catalogue = window.catalogue();
    MapBridge *bridge = window.mapWidget()->bridge();
    EventTableModel *model = window.tableDock()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 16);
    const QList<qint64> ids = catalogue->eventIds();

    // Table → map and details.
    QTableView *table = window.tableDock()->view();
    const QRect cell = table->visualRect(model->index(1, EventTableModel::Title));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(bridge->selectedEvent(), model->idAt(1));
    QCOMPARE(window.detailsDock()->eventId(), model->idAt(1));
    QVERIFY(window.detailsDock()->plainText().startsWith(
        QStringLiteral("Los Angeles protest against federal immigration agents\n")));
    // Map → table: the row follows, and stays selected when the filter changes around it.
    bridge->setSelectedEvent(ids[5]);
    QCOMPARE(window.tableDock()->selectedEvent(), ids[5]);
    QCOMPARE(window.detailsDock()->eventId(), ids[5]);
    window.tableDock()->view()->horizontalHeader()->setSortIndicator(EventTableModel::Title,
                                                                     Qt::DescendingOrder);
    QCOMPARE(window.tableDock()->selectedEvent(), ids[5]);
    QStringList titles;
    for (const qint64 id : ids)
        titles << catalogue->event(id)->title;
    std::sort(titles.begin(), titles.end(), [](const QString &a, const QString &b) {
        return QString::compare(a, b, Qt::CaseInsensitive) > 0;
    });
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->data(model->index(row, EventTableModel::Title)).toString(), titles[row]);
    bridge->setSelectedEvent(0);
    QCOMPARE(window.tableDock()->selectedEvent(), 0);
    QCOMPARE(window.detailsDock()->eventId(), 0);

    // Details: every field, sources as links only when they are web addresses.
    Event event = *catalogue->event(ids[0]);
    event.sources = {{QStringLiteral("https://example.org/report?a=1&b=2"),
                      QStringLiteral("Example Daily"), QStringLiteral("2026-01-31")},
                     {QStringLiteral("A phone call with the organisers"), {}, {}}};
    event.sizeLow = 1000;
    event.sizeHigh = 2500;
    event.sizeText = QStringLiteral("thousands");
    QString error;
    QVERIFY2(window.editEvent(event, QStringLiteral("Add sources"), &error), qPrintable(error));
    bridge->setSelectedEvent(ids[0]);
    const QString html = DetailsDock::html(*catalogue->event(ids[0]), QString());
    QVERIFY2(html.contains(QStringLiteral("<a href='https://example.org/report?a=1&amp;b=2'>")),
             qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("<li>A phone call with the organisers</li>")));
    const QString text = window.detailsDock()->plainText();
    QVERIFY2(text.contains(QStringLiteral("1,000 – 2,500 (thousands)")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Example Daily, 2026-01-31")));
    QVERIFY(text.contains(QStringLiteral("sample-events.csv, line 2")));
    QVERIFY(text.contains(QStringLiteral("44.97780, -93.26500 (town or city; from the file)")));

    // Edits are undoable steps; the table and details follow them.
    QUndoStack *undo = window.undoStack();
    QCOMPARE(undo->count(), 1);
    Event renamed = event;
    renamed.title = QStringLiteral("Minneapolis march");
    QVERIFY(window.editEvent(renamed, QStringLiteral("Rename"), &error));
    QCOMPARE(undo->undoText(), QStringLiteral("Rename"));
    QVERIFY(window.detailsDock()->plainText().startsWith(QStringLiteral("Minneapolis march\n")));
    QCOMPARE(model->data(model->index(model->rowOf(ids[0]), EventTableModel::Title)).toString(),
             QStringLiteral("Minneapolis march"));
    // Through the menu: the status bar says what was undone.
    window.findChild<QAction *>(QStringLiteral("undo"))->trigger();
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Undone: Rename"));
    QCOMPARE(catalogue->event(ids[0])->title,
             QStringLiteral("Twin Cities protest against federal immigration agents"));
    QCOMPARE(model->data(model->index(model->rowOf(ids[0]), EventTableModel::Title)).toString(),
             QStringLiteral("Twin Cities protest against federal immigration agents"));
    undo->undo();
    QVERIFY(catalogue->event(ids[0])->sources.size() == 1);
    QVERIFY(!undo->canUndo());
    window.findChild<QAction *>(QStringLiteral("redo"))->trigger();
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Redone: ") + undo->text(0));
    QVERIFY(undo->text(0).size() > 0);
    QCOMPARE(catalogue->event(ids[0])->sources.size(), 2);

    // Placing an unplaced event by clicking on the map.
    Event unplaced = *catalogue->event(ids[3]);
    unplaced.latitude.reset();
    unplaced.longitude.reset();
    unplaced.geoPrecision = GeoPrecision::Unplaced;
    unplaced.coordinateOrigin = CoordinateOrigin::None;
    QVERIFY(window.editEvent(unplaced, QStringLiteral("Unplace"), &error));
    QCOMPARE(catalogue->unplacedCount(), 1);
    window.startPlacing(ids[3]);
    QCOMPARE(window.placingEvent(), ids[3]);
    QVERIFY(bridge->placing());
    QQuickItem *root = window.mapWidget()->rootObject();
    auto *area = root->findChild<QQuickItem *>(QStringLiteral("placingArea"));
    QVERIFY(area);
    QTRY_VERIFY(area->isVisible());
    auto *layer = root->findChild<EventLayer *>(QStringLiteral("eventLayer"));
    QVERIFY(layer);
    // The point 40 px right and 30 px below the centre, by the layer's own projection.
    const QPoint click = QPoint(int(layer->width() / 2) + 40, int(layer->height() / 2) + 30);
    const double scale = 256.0 * std::exp2(layer->zoomLevel());
    const QPointF centre =
        geo::mercator::toWorld(layer->center().latitude(), layer->center().longitude());
    const QPointF expected =
        geo::mercator::fromWorld(QPointF(centre.x() + (click.x() - layer->width() / 2) / scale,
                                         centre.y() + (click.y() - layer->height() / 2) / scale));
    QTest::mouseClick(window.mapWidget(), Qt::LeftButton, {}, click);
    QTRY_COMPARE(window.placingEvent(), 0);
    QVERIFY(!bridge->placing());
    const Event placed = *catalogue->event(ids[3]);
    QVERIFY(placed.isPlaced());
    QVERIFY2(std::abs(*placed.latitude - expected.y()) < 1e-3 &&
                 std::abs(*placed.longitude - expected.x()) < 1e-3,
             qPrintable(QStringLiteral("%1,%2 vs %3,%4")
                            .arg(*placed.latitude)
                            .arg(*placed.longitude)
                            .arg(expected.y())
                            .arg(expected.x())));
    QCOMPARE(placed.coordinateOrigin, CoordinateOrigin::Manual);
    QCOMPARE(placed.geoPrecision, GeoPrecision::Exact);
    QCOMPARE(catalogue->unplacedCount(), 0);
    QCOMPARE(undo->undoText(), QStringLiteral("Place “%1”").arg(placed.title));
    undo->undo();
    QCOMPARE(catalogue->unplacedCount(), 1);

    // Esc gives up placing, and a new catalogue forgets the undo steps.
    window.startPlacing(ids[3]);
    QTest::keyClick(&window, Qt::Key_Escape);
    QCOMPARE(window.placingEvent(), 0);
    QVERIFY(!bridge->placing());
    QVERIFY(window.newCatalogue(dir.filePath(QStringLiteral("empty.placard")), &error));
    QCOMPARE(undo->count(), 0);
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(window.detailsDock()->eventId(), 0);
}

void TestMainWindow::timelineAndSavedViews()
{
    QTemporaryDir dir;
    MainWindow window;
    openSample(window, dir);
    if (QTest::currentTestFailed())
        return;
    Catalogue *catalogue = window.catalogue();
    TimelineController *time = window.timelineDock()->controller();
    FiltersDock *filters = window.filtersDock();
    // The extent is the catalogue's first to last day.
    {
        sql::Statement q(catalogue->handle(), "SELECT min(start_day), max(end_day) FROM events");
        QVERIFY(q.next());
        QCOMPARE(time->extentFirst(), qint32(q.int64(0)));
        QCOMPARE(time->extentLast(), qint32(q.int64(1)));
    }
    const auto histogramTotal = [&] {
        const Histogram *h = window.timelineDock()->timeline()->histogram();
        quint32 sum = 0;
        for (std::size_t b = 0; h && b < h->starts.size(); ++b)
            sum += h->total(b);
        return sum;
    };
    QCOMPARE(histogramTotal(), 16u);
    const auto activeOn = [&](qint32 first, qint32 last) {
        sql::Statement q(catalogue->handle(),
                         "SELECT count(*) FROM events WHERE start_day <= ?1 AND end_day >= ?2");
        q.bind(1, qint64(last)).bind(2, qint64(first));
        return q.next() ? q.int64(0) : -1;
    };

    // Moving the window moves the map, the table and the count.
    const qint32 thirtieth = qint32(QDate(1970, 1, 1).daysTo(QDate(2026, 1, 30)));
    const qint32 first = time->extentFirst();
    time->setWindow(first, first);
    const qint64 onFirst = activeOn(first, first);
    QVERIFY(onFirst > 0 && onFirst < 16);
    QCOMPARE(filters->countText(), QStringLiteral("%1 of 16 events").arg(onFirst));
    QCOMPARE(qint64(window.mapWidget()->bridge()->events()->size()), onFirst);
    QTRY_COMPARE(qint64(window.tableDock()->model()->rowCount()), onFirst); // once the brush rests
    QCOMPARE(histogramTotal(), 16u); // the histogram shows every date
    time->setWindow(thirtieth, thirtieth);
    QCOMPARE(filters->countText(),
             QStringLiteral("%1 of 16 events").arg(activeOn(thirtieth, thirtieth)));

    // Other filters reshape the histogram.
    auto *types = filters->findChild<QListWidget *>(QStringLiteral("types"));
    QVERIFY(types);
    types->item(0)->setCheckState(Qt::Unchecked); // no protests
    QCOMPARE(histogramTotal(), 3u);

    // A saved view brings back the filter, the window and the map's extent.
    Q_EMIT window.mapWidget()->bridge()->zoomToRequested(44.98, -93.27, 6);
    QTRY_VERIFY(std::abs(window.mapWidget()->bridge()->zoomLevel() - 6) < 1e-9);
    const QString countThen = filters->countText();
    const double latitudeThen = window.mapWidget()->bridge()->centerLatitude();
    const double longitudeThen = window.mapWidget()->bridge()->centerLongitude();
    window.saveCurrentView(QStringLiteral("Thirtieth, no protests"));
    QCOMPARE(filters->savedViews(), QStringList{QStringLiteral("Thirtieth, no protests")});
    filters->clear();
    time->showAll();
    Q_EMIT window.mapWidget()->bridge()->worldRequested();
    QCOMPARE(filters->countText(), QStringLiteral("16 of 16 events"));
    QString error;
    QVERIFY2(window.recallView(QStringLiteral("Thirtieth, no protests"), &error),
             qPrintable(error));
    QCOMPARE(filters->countText(), countThen);
    QCOMPARE(time->windowStart(), thirtieth);
    QCOMPARE(time->windowEnd(), thirtieth);
    QCOMPARE(types->item(0)->checkState(), Qt::Unchecked);
    QTRY_VERIFY(std::abs(window.mapWidget()->bridge()->zoomLevel() - 6) < 1e-9);
    QVERIFY(std::abs(window.mapWidget()->bridge()->centerLatitude() - latitudeThen) < 1e-6);
    QVERIFY(std::abs(window.mapWidget()->bridge()->centerLongitude() - longitudeThen) < 1e-6);
    QVERIFY(!window.recallView(QStringLiteral("No such view"), &error));
    QVERIFY(!error.isEmpty());
}

void TestMainWindow::exportsData()
{
    QTemporaryDir dir;
    MainWindow window;
    openSample(window, dir);
    if (QTest::currentTestFailed())
        return;
    const QList<qint64> ids = window.catalogue()->eventIds().mid(2, 3);
    const QString out = dir.filePath(QStringLiteral("three.geojson"));
    QCOMPARE(writeDataFile(&window, window.catalogue()->path(), ids, out, false), QString());
    // Read back: the same three events.
    QString error;
    auto back = Catalogue::create(dir.filePath(QStringLiteral("back.placard")), &error);
    QVERIFY2(back, qPrintable(error));
    io::ImportOptions options;
    options.geocode = false;
    const io::ImportReport report = io::Importer(*back).importFile(out, options);
    QVERIFY2(report.committed, qPrintable(report.error));
    QCOMPARE(back->eventCount(), 3);
    QStringList titles, expected;
    for (const qint64 id : back->eventIds())
        titles << back->event(id)->title;
    for (const qint64 id : ids)
        expected << window.catalogue()->event(id)->title;
    titles.sort();
    expected.sort();
    QCOMPARE(titles, expected);
    // A file the format cannot be told from: refused, nothing written.
    const QString bad = dir.filePath(QStringLiteral("three.xyz"));
    QVERIFY(!writeDataFile(&window, window.catalogue()->path(), ids, bad, false).isEmpty());
    QVERIFY(!QFile::exists(bad));
}

void TestMainWindow::exportsMap()
{
    QTemporaryDir dir;
    MainWindow window;
    openSample(window, dir);
    if (QTest::currentTestFailed())
        return;
    MapBridge *bridge = window.mapWidget()->bridge();
    MapExportDialog dialog(bridge->events(), bridge->typeNames(), QRectF(0.2, 0.3, 0.2, 0.1125),
                           QStringLiteral("30 Jan 2026"),
                           QStringLiteral("Data: sample-events.csv"));
    // The social preset by default: the preview has its shape.
    QCOMPARE(dialog.settings().pixelSize(), QSize(1200, 675));
    QVERIFY(!dialog.preview().isNull());
    QVERIFY(std::abs(double(dialog.preview().width()) / dialog.preview().height() - 1200.0 / 675) <
            0.02);
    dialog.findChild<QLineEdit *>(QStringLiteral("title"))
        ->setText(QStringLiteral("A day against ICE"));
    auto *preset = dialog.findChild<QComboBox *>(QStringLiteral("preset"));
    preset->setCurrentIndex(1); // square
    dialog.updatePreview();
    QCOMPARE(dialog.settings().pixelSize(), QSize(1080, 1080));
    QCOMPARE(dialog.preview().width(), dialog.preview().height());
    QCOMPARE(dialog.settings().title, QStringLiteral("A day against ICE"));
    QCOMPARE(dialog.settings().extent, std::optional<QRectF>(QRectF(0.2, 0.3, 0.2, 0.1125)));
    dialog.findChild<QComboBox *>(QStringLiteral("extent"))->setCurrentIndex(1);
    QVERIFY(!dialog.settings().extent); // fitted to the events
    if (const QString shots = qEnvironmentVariable("PLACARD_SCREENSHOT_DIR"); !shots.isEmpty()) {
        dialog.updatePreview();
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.grab().save(shots + QStringLiteral("/export-dialog.png"));
    }
    // Written on a worker, in the format of the file's name.
    const QString svg = dir.filePath(QStringLiteral("map.svg"));
    QCOMPARE(dialog.exportTo(svg), QString());
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("A day against ICE"));
    QVERIFY(!dialog.exportTo(dir.filePath(QStringLiteral("map.tiff"))).isEmpty());

    // The animation: two frames, each with its own events, written and numbered.
    const QDate epoch(1970, 1, 1);
    const QList<render::AnimationFrame> frames{
        {qint32(epoch.daysTo(QDate(2026, 1, 26))), qint32(epoch.daysTo(QDate(2026, 1, 29)))},
        {qint32(epoch.daysTo(QDate(2026, 1, 30))), qint32(epoch.daysTo(QDate(2026, 1, 30)))}};
    QList<qint32> asked;
    dialog.setAnimation(frames, [&](const render::AnimationFrame &f) {
        asked << f.first;
        return bridge->events();
    });
    const QString frame = dir.filePath(QStringLiteral("anim.png"));
    QCOMPARE(dialog.exportAnimationTo(frame), QString());
    QVERIFY(asked.contains(frames[0].first) && asked.contains(frames[1].first));
    QCOMPARE(QImage(render::framePath(frame, 1)).size(), QSize(1080, 1080));
    QVERIFY(QFile::exists(render::framePath(frame, 2)));
    QVERIFY(!QFile::exists(render::framePath(frame, 3)));
}

void TestMainWindow::germanTranslation()
{
    QTranslator german;
    QVERIFY(german.load(QLocale(QLocale::German), QStringLiteral("placard"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&german);
    {
        MainWindow window;
        QStringList titles;
        for (QAction *menu : window.menuBar()->actions())
            titles << menu->text();
        QCOMPARE(titles,
                 (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"),
                              QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe")}));
        QCOMPARE(window.catalogueSummary(), QStringLiteral("Kein Katalog geöffnet"));
    }
    QCoreApplication::removeTranslator(&german);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
