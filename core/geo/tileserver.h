// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCache>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QTcpServer;
class QTcpSocket;

namespace placard::geo {

class BasemapRenderer;

/// Where a TileServer's tiles come from: called on a pool thread with z, x, y (XYZ
/// scheme); returns PNG or JPEG bytes, or nothing for "no such tile".
using TileProvider = std::function<QByteArray(int z, int x, int y)>;

/// A provider that renders the built-in basemap, in tiles of 256 pixels or, for high-DPI
/// screens, 512 (the same area at twice the resolution).
TileProvider renderedTiles(std::shared_ptr<const BasemapRenderer> renderer, int tileSize = 256);

/// Hands tiles (the built-in basemap's, or an MBTiles file's) to Qt Location's osm plugin over HTTP
/// on the loopback interface: http://127.0.0.1:PORT/TOKEN/z/x/y.png, with a random port and a
/// random 128-bit token, so that no other page or program on the machine can guess the address.
/// Anything else — another peer address, method or path, a wrong token, a tile outside the
/// zoom range — is refused with 404 and never rendered. Tiles render on Qt's global thread
/// pool and are kept in a memory cache. Lives on the thread that created it.
class TileServer : public QObject {
    Q_OBJECT

public:
    explicit TileServer(TileProvider provider, QObject *parent = nullptr);
    /// Serves the built-in basemap drawn by `renderer`.
    explicit TileServer(std::shared_ptr<const BasemapRenderer> renderer, QObject *parent = nullptr);
    ~TileServer() override;

    /// Starts listening on 127.0.0.1 at a free port.
    bool start(QString *error);
    /// The osm plugin's custom-host template: "http://127.0.0.1:PORT/TOKEN/%z/%x/%y.png".
    QString urlTemplate() const;
    quint16 port() const;
    QString token() const { return m_token; }

    static constexpr int kMaxZoom = 12;

    /// Decides a request's target: the tile or nullopt. Public for tests.
    struct Tile {
        int z = 0;
        int x = 0;
        int y = 0;
    };
    std::optional<Tile> parseTarget(const QByteArray &requestLine) const;

Q_SIGNALS:
    /// A refused request, for tests and logs.
    void refused(const QString &reason);

private:
    void onConnection();
    void onReadable(QTcpSocket *socket);
    void reply(QTcpSocket *socket, int status, const QByteArray &body);

    TileProvider m_provider;
    QTcpServer *m_server;
    QString m_token;
    QCache<QString, QByteArray> m_cache;
};

} // namespace placard::geo
