// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapwidget.h"

#include "mapbridge.h"

#include <QDir>
#include <QQmlEngine>
#include <QQmlError>
#include <QStandardPaths>

namespace placard {

MapWidget::MapWidget(QWidget *parent)
    : QQuickWidget(parent)
{
    setResizeMode(QQuickWidget::SizeRootObjectToView);
    setClearColor(QColor(0xdf, 0xe6, 0xeb));
    setMinimumSize(320, 240);

    m_bridge = engine()->singletonInstance<MapBridge *>("Placard", "MapBridge");
    Q_ASSERT(m_bridge);

    // Until the built-in basemap renders tiles, the map reads an empty local folder:
    // it shows only its background, and never asks the network for anything.
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    const QString tiles = cache + QStringLiteral("/tiles/basemap");
    QDir().mkpath(tiles);
    m_bridge->setTileSource(QUrl::fromLocalFile(tiles).toString() + QStringLiteral("/%z/%x/%y.png"),
                            cache + QStringLiteral("/qtlocation"), QString());
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
