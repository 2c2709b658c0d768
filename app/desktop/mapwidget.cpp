// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapwidget.h"

#include "geo/basemapdata.h"
#include "geo/basemaprenderer.h"
#include "geo/mbtiles.h"
#include "geo/tileserver.h"
#include "mapbridge.h"

#include <QAbstractEventDispatcher>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QQmlEngine>
#include <QQmlError>
#include <QSettings>
#include <QStandardPaths>
#include <QTimerEvent>
#include <QUrl>

namespace placard {

MapWidget::MapWidget(QWidget *parent)
    : QQuickWidget(parent)
{
    setResizeMode(QQuickWidget::SizeRootObjectToView);
    setClearColor(QColor(0xdf, 0xe6, 0xeb));
    setMinimumSize(320, 240);

    m_bridge = engine()->singletonInstance<MapBridge *>("Placard", "MapBridge");
    Q_ASSERT(m_bridge);
    connect(m_bridge, &MapBridge::eventsChanged, this, &MapWidget::renderPromptly);
    connect(m_bridge, &MapBridge::selectionChanged, this, &MapWidget::renderPromptly);

    applyTileSource(geo::TileSourceSettings::load(QSettings()));
}

MapWidget::~MapWidget() = default;

void MapWidget::renderPromptly()
{
    // QQuickWidget holds every frame back 5 ms behind a precise timer, so that a burst of
    // changes makes one frame. A new set of events (a filter, a brush of the timeline) is a
    // single change, and it comes between two pointer moves: once the event loop is back
    // (so that changes made together still make one frame), that timer is fired at once.
    if (m_renderQueued)
        return;
    m_renderQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_renderQueued = false;
            using namespace std::chrono_literals;
            const auto *dispatcher = QAbstractEventDispatcher::instance();
            for (const auto &timer : dispatcher->timersForObject(this)) {
                if (timer.timerType == Qt::PreciseTimer && timer.interval == 5ms) {
                    QTimerEvent event(timer.timerId);
                    QCoreApplication::sendEvent(this, &event);
                    return;
                }
            }
        },
        Qt::QueuedConnection);
}

bool MapWidget::applyTileSource(const geo::TileSourceSettings &source)
{
    delete m_tileServer;
    m_tileServer = nullptr;
    m_basemapError.clear();
    m_source = source;
    m_bridge->setHighDpiTiles(false);
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QString urlTemplate;
    QString attribution;
    QString cacheName;
    switch (source.kind) {
    case geo::TileSourceKind::BuiltIn: {
        // The built-in basemap, drawn on demand and served on the loopback interface only.
        // The data is read once and shared by both styles.
        static std::shared_ptr<const geo::BasemapData> basemap;
        if (!basemap)
            basemap = geo::BasemapData::load(geo::BasemapData::defaultPath(), &m_basemapError);
        if (basemap) {
            m_tileServer = new geo::TileServer(
                std::make_shared<geo::BasemapRenderer>(basemap, source.style), this);
            attribution = tr("Basemap: Natural Earth, US Census Bureau; places © GeoNames");
        }
        const QFileInfo file(geo::BasemapData::defaultPath());
        // One osm-plugin cache per basemap file, style and drawing version: a change never
        // shows old tiles.
        cacheName = QStringLiteral("builtin-%1-%2-%3-%4-%5")
                        .arg(geo::BasemapRenderer::kVersion)
                        .arg(m_bridge->highDpiTiles() ? 512 : 256)
                        .arg(geo::styleName(source.style))
                        .arg(file.size())
                        .arg(file.lastModified().toSecsSinceEpoch());
        break;
    }
    case geo::TileSourceKind::MBTiles:
        if (geo::TileProvider provider = geo::mbtilesTiles(source.path, &m_basemapError)) {
            m_tileServer = new geo::TileServer(provider, this);
            attribution = tr("Tiles: %1").arg(QFileInfo(source.path).fileName());
        }
        cacheName = QStringLiteral("mbtiles-%1").arg(qHash(source.path));
        break;
    case geo::TileSourceKind::XyzFolder:
        if (QFileInfo(source.path).isDir()) {
            urlTemplate =
                QUrl::fromLocalFile(source.path).toString() + QStringLiteral("/%z/%x/%y.png");
            attribution = tr("Tiles: %1").arg(QFileInfo(source.path).fileName());
        } else {
            m_basemapError = tr("%1: no such folder").arg(source.path);
        }
        cacheName = QStringLiteral("xyz-%1").arg(qHash(source.path));
        break;
    case geo::TileSourceKind::OpenStreetMap:
        urlTemplate = QString::fromLatin1(geo::kOpenStreetMapTemplate);
        attribution = QString::fromUtf8(geo::kOpenStreetMapAttribution);
        cacheName = QStringLiteral("openstreetmap");
        break;
    }
    if (m_tileServer) {
        if (m_tileServer->start(&m_basemapError)) {
            urlTemplate = m_tileServer->urlTemplate();
        } else {
            delete m_tileServer;
            m_tileServer = nullptr;
        }
    }
    const bool ok = !urlTemplate.isEmpty();
    if (!ok) {
        // Nothing to show: an empty local folder, so the map shows its background and still
        // never asks the network for anything.
        const QString tiles = cache + QStringLiteral("/tiles/none");
        QDir().mkpath(tiles);
        urlTemplate = QUrl::fromLocalFile(tiles).toString() + QStringLiteral("/%z/%x/%y.png");
        attribution.clear();
    }
    m_bridge->setTileSource(urlTemplate, cache + QStringLiteral("/qtlocation/") + cacheName,
                            attribution);
    return ok;
}

QUrl MapWidget::defaultPage()
{
    return QUrl(QStringLiteral("qrc:/qt/qml/Placard/qml/MapPage.qml"));
}

bool MapWidget::load(const QUrl &page)
{
    setSource(page);
    if (status() != QQuickWidget::Error && rootObject()) {
        m_errorText.clear();
        return true;
    }
    QStringList lines;
    for (const QQmlError &e : errors())
        lines << e.toString();
    if (lines.isEmpty())
        lines << tr("The map page %1 produced no item.").arg(page.toString());
    m_errorText = lines.join(QLatin1Char('\n'));
    Q_EMIT loadFailed(m_errorText);
    return false;
}

} // namespace placard
