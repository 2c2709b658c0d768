// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/tilesource.h"

#include <QQuickWidget>
#include <QString>
#include <QUrl>

namespace placard {

class MapBridge;
namespace geo {
class BasemapRenderer;
class TileServer;
} // namespace geo

/// The map in the main window: a QQuickWidget that loads the map page with a
/// configured MapBridge. When the QML cannot load it reports why through
/// loadFailed(), so the window can show an error page instead of a blank map.
class MapWidget : public QQuickWidget {
    Q_OBJECT

public:
    explicit MapWidget(QWidget *parent = nullptr);
    ~MapWidget() override;

    /// Points the map at a tile source; it takes effect when the page is (re)loaded.
    /// Returns false, with basemapError() saying why, when the source cannot be used: the
    /// map then shows only its background.
    bool applyTileSource(const geo::TileSourceSettings &source);
    const geo::TileSourceSettings &tileSource() const { return m_source; }

    /// The URL of Placard's map page in the resources.
    static QUrl defaultPage();

    /// Loads a page (normally defaultPage()); returns false and emits loadFailed()
    /// when it has errors.
    bool load(const QUrl &page = defaultPage());

    /// The bridge the map page talks to; owned by the QML engine.
    MapBridge *bridge() const { return m_bridge; }

    /// The errors of the last load, one per line; empty when it loaded.
    QString errorText() const { return m_errorText; }

    /// The loopback server of the built-in basemap's tiles, or nullptr when the basemap
    /// could not be read (basemapError() says why).
    geo::TileServer *tileServer() const { return m_tileServer; }
    QString basemapError() const { return m_basemapError; }

Q_SIGNALS:
    void loadFailed(const QString &errors);

private:
    void renderPromptly();

    MapBridge *m_bridge = nullptr;
    geo::TileServer *m_tileServer = nullptr;
    QString m_basemapError;
    geo::TileSourceSettings m_source;
    QString m_errorText;
    bool m_renderQueued = false;
};

} // namespace placard
