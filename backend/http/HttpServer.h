#pragma once

#include "BackendConfig.h"
#include "Result.h"
#include "Router.h"

#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace tc::backend::http {

class HttpConnection;

// auth-backend's HTTPS server: our own HTTP/1.1 over a QTcpServer that wraps each accepted
// socket in TLS itself (as qBittorrent's Http::Server does), so that every limit is ours: the
// connection cap, the handshake/request and idle timeouts, the body limit, load shedding.
// Networking runs on the thread the server lives in; handlers run on its thread pool.
class HttpServer final : public QObject
{
    Q_OBJECT

public:
    // Counters for tests and monitoring; readable from any thread.
    struct Stats
    {
        int openConnections = 0;
        int peakConnections = 0;
        qint64 acceptedConnections = 0;
        qint64 rejectedConnections = 0; // closed at once because of the connection cap
        int requestsInFlight = 0;
        qint64 shedRequests = 0; // answered 503 A02 because of maxRequestsInFlight
    };

    // `tls` must carry the certificate chain and key; TlsPolicy decides everything else.
    HttpServer(const ServerSettings &settings, const QSslConfiguration &tls,
               std::shared_ptr<const Router> router, QObject *parent = nullptr);
    // Waits for running handlers to return.
    ~HttpServer() override;
    Q_DISABLE_COPY_MOVE(HttpServer)

    // Starts listening on settings.listenHost:listenPort (port 0: any free port). Returns the
    // port, or why the server cannot serve (bad address, port taken, TLS unusable).
    Result<quint16> listen();
    // Stops accepting; open connections run on.
    void close();

    Stats stats() const;

private:
    class Listener;

    void accept(qintptr socketDescriptor);
    void dispatch(HttpConnection &connection, HttpRequest &&request);
    void finishRequest(quint64 connectionId, const HttpResponse &response);
    void removeConnection(quint64 id);

    const ServerSettings m_settings;
    QSslConfiguration m_tls;
    const std::shared_ptr<const Router> m_router;
    Listener *m_listener; // child
    QThreadPool m_pool;
    QHash<quint64, HttpConnection *> m_connections; // children
    quint64 m_nextConnectionId = 0;

    std::atomic<int> m_openConnections = 0;
    std::atomic<int> m_peakConnections = 0;
    std::atomic<qint64> m_acceptedConnections = 0;
    std::atomic<qint64> m_rejectedConnections = 0;
    std::atomic<int> m_requestsInFlight = 0;
    std::atomic<qint64> m_shedRequests = 0;
};

} // namespace tc::backend::http
