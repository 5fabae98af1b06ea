#pragma once

#include "HttpRequestParser.h"
#include "HttpResponse.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

class QSslSocket;

namespace tc::backend::http {

class HttpStreamWriter;

// One client connection: TLS socket, timers, the parser, and the answer to the one request it
// handles at a time. Lives on the server's (network) thread; handlers never touch it.
class HttpConnection final : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        HttpRequestParser::Limits parser;
        int requestTimeoutMs = 10000; // handshake + first request, and each later request
        int idleTimeoutMs = 30000; // between requests on a kept-alive connection
    };
    // Receives each complete request; answers (at once or later) through sendResponse().
    using Dispatcher = std::function<void(HttpConnection &, HttpRequest &&)>;

    HttpConnection(quint64 id, QSslSocket *socket, const Limits &limits, Dispatcher dispatcher,
                   QObject *parent);
    ~HttpConnection() override;
    Q_DISABLE_COPY_MOVE(HttpConnection)

    quint64 id() const { return m_id; }

    // The answer to the request being handled; ignored when the client has gone meanwhile.
    void sendResponse(const HttpResponse &response);

    // HttpStreamWriter's queued calls.
    void writeStreamChunk(const QByteArray &data);
    void finishStream();

Q_SIGNALS:
    // Once, when the connection is over; the server then deletes it.
    void closed(quint64 id);

private:
    enum class State { Receiving, Handling, Idle, Streaming, Closing, Closed };

    void processInput();
    void refuse(const HttpResponse &response);
    void closeAfterWrite(bool linger);
    void onBytesWritten();
    void onTimeout();
    void endLinger();
    void onSocketError();
    void abortConnection();
    void finish();
    bool allWritten() const;
    QByteArray head(const HttpResponse &response, bool keepAlive, bool chunked) const;

    const quint64 m_id;
    QSslSocket *const m_socket; // child
    const Limits m_limits;
    const Dispatcher m_dispatcher;
    const QHostAddress m_peer;
    HttpRequestParser m_parser;
    QTimer m_timer; // the one deadline of the current state
    QTimer m_quietTimer; // while lingering: the client has stopped sending
    QByteArray m_input; // read from the socket, not yet parsed: at most one read chunk
    State m_state = State::Receiving;
    int m_requestHttpMinor = 1;
    bool m_keepAlive = false;
    bool m_linger = false;
    bool m_lingering = false;
    bool m_disconnecting = false;
    bool m_inProcessInput = false;
    qint64 m_discarded = 0;
    std::shared_ptr<HttpStreamWriter> m_streamWriter;
};

} // namespace tc::backend::http
