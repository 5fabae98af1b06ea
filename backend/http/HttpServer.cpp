#include "HttpServer.h"

#include "ErrorCodes.h"
#include "HttpConnection.h"
#include "HttpLogging.h"
#include "TlsPolicy.h"

#include <QElapsedTimer>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QThread>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tc::backend::http {
namespace {

// The socket's own buffer of decrypted input. With the parser's read chunk this is all one
// connection holds of what a client sends, however fast it sends: the rest waits in the
// kernel, and TCP flow control slows the sender (back-pressure).
constexpr qint64 SocketReadBufferBytes = 64 * 1024;

HttpResponse runHandler(const Router::Handler &handler, const HttpRequest &request,
                        const QString &pattern)
{
    try {
        return handler(request);
    } catch (const std::exception &e) {
        qCWarning(lcHttp).noquote()
            << "handler of" << request.method << pattern << "threw:" << e.what();
    } catch (...) {
        qCWarning(lcHttp).noquote()
            << "handler of" << request.method << pattern << "threw a non-standard exception";
    }
    return HttpResponse::error(codes::SystemError);
}

} // namespace

class HttpServer::Listener final : public QTcpServer
{
public:
    explicit Listener(HttpServer *server) : QTcpServer(server), m_server(server) { }

protected:
    // Not QSslServer: the TLS socket is made here so that the connection cap applies before
    // any handshake work, and the handshake falls under our request deadline (QSslServer in
    // Qt 6.4 has no handshake timeout).
    void incomingConnection(qintptr socketDescriptor) override
    {
        m_server->accept(socketDescriptor);
    }

private:
    HttpServer *const m_server;
};

HttpServer::HttpServer(const ServerSettings &settings, const QSslConfiguration &tls,
                       std::shared_ptr<const Router> router, QObject *parent)
    : QObject(parent), m_settings(settings), m_tls(tls), m_router(std::move(router)),
      m_listener(new Listener(this))
{
    // Handlers mostly wait for the database, so more threads than cores pay off; more than
    // the in-flight limit could never be busy.
    m_pool.setMaxThreadCount(std::clamp(QThread::idealThreadCount() * 4, 1,
                                        std::max(1, m_settings.maxRequestsInFlight)));
    m_pool.setObjectName(u"tc.backend.http handlers"_s);
}

HttpServer::~HttpServer()
{
    m_listener->close();
    for (HttpConnection *connection : std::as_const(m_connections))
        delete connection;
    m_connections.clear();
    // Handlers may still run; their answers are queued to this object and dropped with it.
    m_pool.waitForDone();
}

Result<quint16> HttpServer::listen()
{
    Result<QSslConfiguration> hardened = TlsPolicy::hardened(m_tls);
    if (!hardened)
        return hardened.error();
    m_tls = hardened.value();
    if (m_tls.localCertificate().isNull() || m_tls.privateKey().isNull())
        return Error {u"tls"_s, u"the server has no certificate or private key"_s};

    QHostAddress address;
    const QString host = m_settings.listenHost;
    if (host.isEmpty() || host == u"*")
        address = QHostAddress::Any;
    else if (host == u"localhost")
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(host))
        return Error {u"server/listen"_s, u"not an IP address: "_s + host};

    if (!m_listener->listen(address, m_settings.listenPort))
        return Error {u"server/listen"_s,
                      u"cannot listen on "_s + host + u':' + QString::number(m_settings.listenPort)
                          + u": "_s + m_listener->errorString()};
    qCInfo(lcHttp).noquote() << "listening on" << address.toString() << "port"
                             << m_listener->serverPort();
    return m_listener->serverPort();
}

void HttpServer::close()
{
    m_listener->close();
}

HttpServer::Stats HttpServer::stats() const
{
    return {m_openConnections.load(),     m_peakConnections.load(),  m_acceptedConnections.load(),
            m_rejectedConnections.load(), m_requestsInFlight.load(), m_shedRequests.load()};
}

void HttpServer::accept(qintptr socketDescriptor)
{
    if (m_connections.size() >= m_settings.maxConnections) {
        // Closed before any TLS work: a flood costs us an accept and a close, nothing more.
        // No answer is possible without a handshake, and that is what a flood would want.
        ++m_rejectedConnections;
        QTcpSocket refused;
        if (refused.setSocketDescriptor(socketDescriptor))
            refused.abort();
        qCDebug(lcHttp) << "connection cap reached, closed a new connection";
        return;
    }

    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        qCWarning(lcHttp) << "cannot take an accepted socket:" << socket->errorString();
        delete socket;
        return;
    }
    socket->setSslConfiguration(m_tls);
    socket->setReadBufferSize(SocketReadBufferBytes);

    HttpConnection::Limits limits;
    limits.parser.maxBodyBytes = m_settings.maxBodyBytes;
    limits.requestTimeoutMs = m_settings.requestTimeoutSeconds * 1000;
    limits.idleTimeoutMs = m_settings.idleTimeoutSeconds * 1000;

    const quint64 id = ++m_nextConnectionId;
    auto *connection = new HttpConnection(
        id, socket, limits,
        [this](HttpConnection &c, HttpRequest &&request) { dispatch(c, std::move(request)); },
        this);
    connect(connection, &HttpConnection::closed, this, &HttpServer::removeConnection);
    m_connections.insert(id, connection);
    ++m_acceptedConnections;
    const int open = ++m_openConnections;
    int peak = m_peakConnections.load();
    while (open > peak && !m_peakConnections.compare_exchange_weak(peak, open)) { }

    socket->startServerEncryption();
}

void HttpServer::removeConnection(quint64 id)
{
    if (HttpConnection *connection = m_connections.take(id)) {
        --m_openConnections;
        connection->deleteLater();
    }
}

void HttpServer::dispatch(HttpConnection &connection, HttpRequest &&request)
{
    Router::Match match = m_router->match(request.method, request.segments);
    switch (match.outcome) {
    case Router::Outcome::UnknownPath:
        connection.sendResponse(HttpResponse::error(codes::UnknownPath));
        return;
    case Router::Outcome::WrongMethod: {
        HttpResponse response = HttpResponse::error(codes::MethodNotAllowed);
        response.setHeader("Allow", match.allow);
        connection.sendResponse(response);
        return;
    }
    case Router::Outcome::Found:
        break;
    }

    // Shedding: past the limit the congestion message goes out at once instead of the
    // request waiting for a handler (and the client for a timeout).
    if (m_requestsInFlight.load() >= m_settings.maxRequestsInFlight) {
        ++m_shedRequests;
        // Built once: under overload this thread answers thousands of these a second.
        static const HttpResponse congested = [] {
            HttpResponse response = HttpResponse::error(codes::Congested);
            response.setHeader("Retry-After", "5");
            return response;
        }();
        connection.sendResponse(congested);
        return;
    }
    ++m_requestsInFlight;

    request.pathParams = std::move(match.params);
    const quint64 connectionId = connection.id();
    m_pool.start([this, connectionId, handler = std::move(match.handler),
                  pattern = std::move(match.pattern), request = std::move(request)] {
        QElapsedTimer timer;
        timer.start();
        const HttpResponse response = runHandler(handler, request, pattern);
        // Hundredths of a millisecond: the staff reads the benches pair with it take well under
        // one (bench/RESULTS.md).
        qCDebug(lcHttp).noquote() << request.method << pattern << response.status
                                  << QString::number(double(timer.nsecsElapsed()) / 1e6, 'f', 2)
                                  << "ms";
        // `this` outlives every task: the destructor waits for the pool.
        QMetaObject::invokeMethod(
            this, [this, connectionId, response] { finishRequest(connectionId, response); },
            Qt::QueuedConnection);
    });
}

void HttpServer::finishRequest(quint64 connectionId, const HttpResponse &response)
{
    --m_requestsInFlight;
    if (HttpConnection *connection = m_connections.value(connectionId))
        connection->sendResponse(response);
}

} // namespace tc::backend::http
