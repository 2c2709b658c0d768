// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/tileserver.h"

#include "geo/basemaprenderer.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtConcurrent/QtConcurrentRun>

namespace placard::geo {

namespace {
constexpr qsizetype kMaxRequestBytes = 8192;

QByteArray statusText(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    default:
        return "Error";
    }
}

// Compares without an early exit, so timing does not reveal how much of a token matched.
bool sameToken(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= unsigned(uchar(a[i]) ^ uchar(b[i]));
    return diff == 0;
}

bool parseNumber(QByteArrayView text, int &out)
{
    if (text.isEmpty() || text.size() > 7)
        return false;
    int v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}
} // namespace

TileProvider renderedTiles(std::shared_ptr<const BasemapRenderer> renderer, int tileSize)
{
    return [renderer, tileSize](int z, int x, int y) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        renderer->renderTile(z, x, y, tileSize).save(&buffer, "PNG");
        return png;
    };
}

TileServer::TileServer(std::shared_ptr<const BasemapRenderer> renderer, QObject *parent)
    : TileServer(renderedTiles(std::move(renderer)), parent)
{
}

TileServer::TileServer(TileProvider provider, QObject *parent)
    : QObject(parent)
    , m_provider(std::move(provider))
    , m_server(new QTcpServer(this))
    , m_cache(96 * 1024) // kilobytes of PNG
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    m_token = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
    connect(m_server, &QTcpServer::newConnection, this, &TileServer::onConnection);
}

TileServer::~TileServer() = default;

bool TileServer::start(QString *error)
{
    if (m_server->listen(QHostAddress::LocalHost, 0))
        return true;
    if (error)
        *error = QStringLiteral("cannot listen on 127.0.0.1: %1").arg(m_server->errorString());
    return false;
}

quint16 TileServer::port() const
{
    return m_server->serverPort();
}

QString TileServer::urlTemplate() const
{
    return QStringLiteral("http://127.0.0.1:%1/%2/%z/%x/%y.png").arg(port()).arg(m_token);
}

std::optional<TileServer::Tile> TileServer::parseTarget(const QByteArray &requestLine) const
{
    // "GET /TOKEN/z/x/y.png HTTP/1.1", nothing else.
    const QList<QByteArray> words = requestLine.trimmed().split(' ');
    if (words.size() != 3 || words[0] != "GET" || !words[2].startsWith("HTTP/1."))
        return std::nullopt;
    const QByteArray &target = words[1];
    if (!target.startsWith('/') || !target.endsWith(".png"))
        return std::nullopt;
    const QList<QByteArray> parts = target.mid(1, target.size() - 5).split('/');
    if (parts.size() != 4 || !sameToken(parts[0], m_token.toLatin1()))
        return std::nullopt;
    Tile t;
    if (!parseNumber(parts[1], t.z) || !parseNumber(parts[2], t.x) || !parseNumber(parts[3], t.y))
        return std::nullopt;
    if (t.z > kMaxZoom || t.x >= (1 << t.z) || t.y >= (1 << t.z))
        return std::nullopt;
    return t;
}

void TileServer::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (!socket->peerAddress().isLoopback()) {
            Q_EMIT refused(QStringLiteral("peer %1 is not on this machine")
                               .arg(socket->peerAddress().toString()));
            socket->abort();
            socket->deleteLater();
            continue;
        }
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void TileServer::onReadable(QTcpSocket *socket)
{
    if (socket->property("answered").toBool())
        return;
    if (!socket->canReadLine() && socket->bytesAvailable() < kMaxRequestBytes)
        return; // wait for the whole request line
    const QByteArray line = socket->readLine(kMaxRequestBytes);
    socket->setProperty("answered", true);
    const std::optional<Tile> tile = parseTarget(line);
    if (!tile) {
        Q_EMIT refused(QStringLiteral("refused request: %1")
                           .arg(QString::fromLatin1(line.left(120)).trimmed()));
        reply(socket, 404, QByteArray());
        return;
    }
    const QString key = QStringLiteral("%1/%2/%3").arg(tile->z).arg(tile->x).arg(tile->y);
    if (const QByteArray *png = m_cache.object(key)) {
        reply(socket, 200, *png);
        return;
    }
    auto *watcher = new QFutureWatcher<QByteArray>(this);
    QPointer<QTcpSocket> guard(socket);
    connect(watcher, &QFutureWatcher<QByteArray>::finished, this, [this, watcher, guard, key] {
        const QByteArray png = watcher->result();
        watcher->deleteLater();
        if (png.isEmpty()) {
            if (guard)
                reply(guard, 404, QByteArray());
            return;
        }
        m_cache.insert(key, new QByteArray(png), int(png.size() / 1024 + 1));
        if (guard)
            reply(guard, 200, png);
    });
    const TileProvider provider = m_provider;
    const Tile t = *tile;
    watcher->setFuture(QtConcurrent::run([provider, t] { return provider(t.z, t.x, t.y); }));
}

void TileServer::reply(QTcpSocket *socket, int status, const QByteArray &body)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + statusText(status) + "\r\n";
    const bool jpeg = body.startsWith("\xff\xd8");
    head += status == 200 ? QByteArray("Content-Type: ") + (jpeg ? "image/jpeg" : "image/png") +
            "\r\nCache-Control: max-age=604800\r\n"
                          : "Content-Type: text/plain\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
    socket->write(head);
    socket->write(body);
    socket->disconnectFromHost();
}

} // namespace placard::geo
