// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapwidget.h"

#include "geo/basemapdata.h"
#include "geo/basemaprenderer.h"
#include "geo/tileserver.h"
#include "mapbridge.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QQmlEngine>
#include <QQmlError>
#include <QStandardPaths>
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

    // The built-in basemap, served on the loopback interface only. Without it the map
    // reads an empty local folder: it shows only its background and still never asks the
    // network for anything.
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QString urlTemplate;
    QString attribution;
    if (auto basemap = geo::BasemapData::load(geo::BasemapData::defaultPath(), &m_basemapError)) {
        auto renderer = std::make_shared<geo::BasemapRenderer>(basemap, geo::BasemapStyle::Light);
        m_tileServer = new geo::TileServer(renderer, this);
        if (m_tileServer->start(&m_basemapError)) {
            urlTemplate = m_tileServer->urlTemplate();
            attribution = tr("Basemap: Natural Earth, US Census Bureau; places © GeoNames");
        } else {
            delete m_tileServer;
            m_tileServer = nullptr;
        }
    }
    if (urlTemplate.isEmpty()) {
        const QString tiles = cache + QStringLiteral("/tiles/none");
        QDir().mkpath(tiles);
        urlTemplate = QUrl::fromLocalFile(tiles).toString() + QStringLiteral("/%z/%x/%y.png");
    }
    // The osm plugin's own tile cache, one per basemap file, style and drawing version, so a
    // change never shows old tiles.
    const QFileInfo basemapFile(geo::BasemapData::defaultPath());
    const QString cacheName = QStringLiteral("/qtlocation-builtin-%1-%2-%3-%4")
                                  .arg(geo::BasemapRenderer::kVersion)
                                  .arg(geo::styleName(geo::BasemapStyle::Light))
                                  .arg(basemapFile.size())
                                  .arg(basemapFile.lastModified().toSecsSinceEpoch());
    m_bridge->setTileSource(urlTemplate, cache + cacheName, attribution);
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
