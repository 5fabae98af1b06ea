#include "HttpConnection.h"

#include "ErrorCodes.h"
#include "HttpLogging.h"
#include "HttpStreamWriter.h"

#include <QDateTime>
#include <QLocale>
#include <QScopedValueRollback>
#include <QSslSocket>

#include <http_parser.h>

using namespace Qt::StringLiterals;

namespace tc::backend::http {
namespace {

// Bytes taken from the socket per parser pass; with the socket's own read buffer this bounds
// what one connection holds in memory however fast the client sends.
constexpr qint64 ReadChunkBytes = 16 * 1024;
// After refusing a request whose body is still arriving, keep reading (and dropping) for a
// moment before closing: closing with unread data makes the kernel send a reset, which can
// destroy our answer in the client's buffers before it reads it (Apache and nginx linger too).
// Lingering ends once the client has been quiet for a moment, or at the latest after LingerMs.
constexpr int LingerMs = 1000;
constexpr int LingerQuietMs = 200;
constexpr qint64 LingerMaxBytes = 4 * 1024 * 1024;
// A streaming client that stops reading is dropped rather than buffered for.
constexpr qint64 StreamBacklogBytes = 1024 * 1024;

bool isToken(const QByteArray &name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

bool isFieldValue(const QByteArray &value)
{
    for (const char c : value) {
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    return true;
}

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'")
        .toLatin1();
}

} // namespace

HttpConnection::HttpConnection(quint64 id, QSslSocket *socket, const Limits &limits,
                               Dispatcher dispatcher, QObject *parent)
    : QObject(parent), m_id(id), m_socket(socket), m_limits(limits),
      m_dispatcher(std::move(dispatcher)), m_peer(socket->peerAddress()), m_parser(limits.parser)
{
    m_socket->setParent(this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    m_quietTimer.setSingleShot(true);
    connect(&m_quietTimer, &QTimer::timeout, this, &HttpConnection::endLinger);
    connect(m_socket, &QSslSocket::readyRead, this, &HttpConnection::processInput);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QAbstractSocket::disconnected, this, &HttpConnection::finish);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &HttpConnection::onSocketError);
    // The TLS handshake and the first request share one deadline: a client that connects and
    // then says nothing (or one byte a second) holds a slot no longer than that.
    m_timer.start(m_limits.requestTimeoutMs);
}

HttpConnection::~HttpConnection()
{
    if (m_streamWriter)
        m_streamWriter->detach();
}

void HttpConnection::processInput()
{
    // sendResponse() may run inside the dispatcher call below; the loop then simply continues.
    if (m_inProcessInput)
        return;
    const QScopedValueRollback guard(m_inProcessInput, true);
    for (;;) {
        switch (m_state) {
        case State::Closed:
        case State::Handling:
        case State::Streaming:
            // Unread bytes stay in the socket, whose read buffer is bounded: a client sending
            // while its request is handled is slowed down by TCP, not buffered for.
            return;
        case State::Closing: {
            const qint64 available = m_socket->bytesAvailable();
            if (available > 0) {
                m_discarded += m_socket->skip(available);
                if (m_discarded > LingerMaxBytes)
                    abortConnection();
                else if (m_lingering)
                    m_quietTimer.start(LingerQuietMs);
            }
            return;
        }
        case State::Receiving:
        case State::Idle:
            break;
        }

        if (m_input.isEmpty()) {
            m_input = m_socket->read(ReadChunkBytes);
            if (m_input.isEmpty())
                return;
        }
        if (m_state == State::Idle) {
            m_state = State::Receiving;
            m_timer.start(m_limits.requestTimeoutMs);
        }

        const qsizetype used = m_parser.feed(m_input);
        m_input.remove(0, used);
        if (m_parser.takeContinueRequest()
            && m_parser.status() == HttpRequestParser::Status::NeedMore)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");

        switch (m_parser.status()) {
        case HttpRequestParser::Status::NeedMore:
            if (used == 0 && !m_input.isEmpty()) {
                // Cannot happen with a conforming parser; never spin on it.
                refuse(HttpResponse::error(codes::MalformedRequest));
                return;
            }
            continue;
        case HttpRequestParser::Status::Failed: {
            qCDebug(lcHttp).noquote()
                << "refused a request from" << m_peer.toString() << "-" << m_parser.failureReason();
            HttpResponse response;
            switch (m_parser.failure()) {
            case HttpRequestParser::Failure::BodyTooLarge:
                response = HttpResponse::error(codes::PayloadTooLarge);
                break;
            case HttpRequestParser::Failure::HeadersTooLarge:
                response = HttpResponse::error(codes::MalformedRequest);
                response.status = 431;
                break;
            case HttpRequestParser::Failure::Malformed:
            case HttpRequestParser::Failure::None:
                response = HttpResponse::error(codes::MalformedRequest);
                break;
            }
            refuse(response);
            return;
        }
        case HttpRequestParser::Status::Complete: {
            m_timer.stop();
            m_state = State::Handling;
            m_keepAlive = m_parser.keepAlive();
            HttpRequest request = m_parser.takeRequest();
            request.peer = m_peer;
            m_requestHttpMinor = request.httpMinorVersion;
            m_dispatcher(*this, std::move(request));
            continue;
        }
        }
    }
}

void HttpConnection::sendResponse(const HttpResponse &response)
{
    if (m_state != State::Handling)
        return;
    if (response.isStream()) {
        m_socket->write(head(response, false, true));
        m_state = State::Streaming;
        m_streamWriter = std::shared_ptr<HttpStreamWriter>(new HttpStreamWriter(this));
        try {
            response.streamOpened(m_streamWriter);
        } catch (const std::exception &e) {
            qCWarning(lcHttp) << "a stream's opening callback threw:" << e.what();
            abortConnection();
        } catch (...) {
            qCWarning(lcHttp) << "a stream's opening callback threw";
            abortConnection();
        }
        return;
    }

    m_socket->write(head(response, m_keepAlive, false));
    if (response.status != 204 && response.status != 304)
        m_socket->write(response.body);
    if (!m_keepAlive) {
        closeAfterWrite(false);
        return;
    }
    m_state = State::Idle;
    m_timer.start(m_limits.idleTimeoutMs);
    // A pipelined request may already be waiting, without a new readyRead to come.
    processInput();
}

void HttpConnection::writeStreamChunk(const QByteArray &data)
{
    if (m_state != State::Streaming || data.isEmpty())
        return;
    if (m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() > StreamBacklogBytes) {
        qCInfo(lcHttp) << "dropping a stream whose client does not read";
        abortConnection();
        return;
    }
    m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
}

void HttpConnection::finishStream()
{
    if (m_state != State::Streaming)
        return;
    m_socket->write("0\r\n\r\n");
    closeAfterWrite(false);
}

void HttpConnection::refuse(const HttpResponse &response)
{
    // Refused mid-request: the rest of the request is never read, so the connection cannot be
    // reused; answer and close.
    m_keepAlive = false;
    m_socket->write(head(response, false, false));
    m_socket->write(response.body);
    closeAfterWrite(true);
}

void HttpConnection::closeAfterWrite(bool linger)
{
    m_state = State::Closing;
    m_linger = linger;
    m_input.clear();
    // Also bounds how long a client that never reads our answer can keep the connection.
    m_timer.start(m_limits.requestTimeoutMs);
    onBytesWritten();
}

void HttpConnection::onBytesWritten()
{
    if (m_state != State::Closing || !allWritten() || m_disconnecting)
        return;
    if (m_linger) {
        if (!m_lingering) {
            m_lingering = true;
            m_timer.start(LingerMs);
            m_quietTimer.start(LingerQuietMs);
            processInput();
        }
        return;
    }
    m_disconnecting = true;
    m_socket->disconnectFromHost();
}

void HttpConnection::endLinger()
{
    if (m_state != State::Closing || !m_lingering || m_disconnecting)
        return;
    m_quietTimer.stop();
    // Sends TLS close_notify; a peer that never lets it be written is aborted by the timer.
    m_disconnecting = true;
    m_socket->disconnectFromHost();
    m_timer.start(LingerMs);
}

bool HttpConnection::allWritten() const
{
    return m_socket->bytesToWrite() == 0 && m_socket->encryptedBytesToWrite() == 0;
}

void HttpConnection::onTimeout()
{
    switch (m_state) {
    case State::Receiving:
        qCDebug(lcHttp).noquote() << "request timeout, closing connection from"
                                  << m_peer.toString();
        abortConnection();
        break;
    case State::Idle:
        abortConnection();
        break;
    case State::Closing:
        if (m_lingering && !m_disconnecting)
            endLinger();
        else
            abortConnection();
        break;
    case State::Handling:
    case State::Streaming:
    case State::Closed:
        break;
    }
}

void HttpConnection::onSocketError()
{
    // Handshake failures, resets and the peer closing all end the connection the same way.
    if (m_socket->error() != QAbstractSocket::RemoteHostClosedError)
        qCDebug(lcHttp).noquote() << "connection from" << m_peer.toString()
                                  << "ended:" << m_socket->errorString();
    abortConnection();
}

void HttpConnection::abortConnection()
{
    if (m_state == State::Closed)
        return;
    m_socket->abort();
    finish();
}

void HttpConnection::finish()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_timer.stop();
    m_quietTimer.stop();
    m_input.clear();
    if (m_streamWriter)
        m_streamWriter->detach();
    Q_EMIT closed(m_id);
}

QByteArray HttpConnection::head(const HttpResponse &response, bool keepAlive, bool chunked) const
{
    const char *reason = http_status_str(static_cast<http_status>(response.status));
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + (qstrcmp(reason, "<unknown>") == 0 ? "Status" : reason) + "\r\n";

    // Set by the transport alone: framing, connection handling and the headers every answer of
    // a bank's backend must carry whatever a handler does.
    static const QByteArray managed[] = {"content-length",
                                         "transfer-encoding",
                                         "connection",
                                         "cache-control",
                                         "date",
                                         "server",
                                         "x-content-type-options",
                                         "strict-transport-security"};
    bool hasCsp = false;
    bool hasReferrerPolicy = false;
    for (const auto &[name, value] : response.headers) {
        const QByteArray lower = name.toLower();
        if (std::find(std::begin(managed), std::end(managed), lower) != std::end(managed))
            continue;
        if (!isToken(name) || !isFieldValue(value)) {
            qCWarning(lcHttp) << "dropped an invalid response header" << name;
            continue;
        }
        hasCsp = hasCsp || lower == "content-security-policy";
        hasReferrerPolicy = hasReferrerPolicy || lower == "referrer-policy";
        out += name + ": " + value + "\r\n";
    }
    if (!hasCsp)
        out += "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n";
    if (!hasReferrerPolicy)
        out += "Referrer-Policy: no-referrer\r\n";
    out += "Cache-Control: no-store\r\n"
           "X-Content-Type-Options: nosniff\r\n"
           "Strict-Transport-Security: max-age=31536000\r\n"
           "Server: auth-backend\r\n"
           "Date: "
        + httpDate() + "\r\n";
    if (chunked)
        out += "Transfer-Encoding: chunked\r\n";
    else if (response.status != 204 && response.status != 304)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (!keepAlive)
        out += "Connection: close\r\n";
    else if (m_requestHttpMinor == 0)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    return out;
}

} // namespace tc::backend::http
