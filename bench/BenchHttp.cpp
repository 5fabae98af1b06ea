#include "BenchHttp.h"

using namespace Qt::StringLiterals;

namespace tc::bench {

HttpClientConnection::HttpClientConnection(quint16 port, const QSslConfiguration &tls,
                                           const QHostAddress &source, QObject *parent)
    : QObject(parent), m_port(port), m_source(source)
{
    m_socket.setSslConfiguration(tls);
    m_socket.setPeerVerifyName(u"127.0.0.1"_s);
    connect(&m_socket, &QSslSocket::encrypted, this, [this] {
        if (m_ready) {
            auto ready = std::move(m_ready);
            m_ready = nullptr;
            ready(true);
        }
        if (!m_queued.isEmpty()) {
            m_socket.write(m_queued);
            m_queued.clear();
        }
    });
    connect(&m_socket, &QSslSocket::readyRead, this, &HttpClientConnection::onReadyRead);
    connect(&m_socket, &QAbstractSocket::errorOccurred, this, [this] { fail(); });
    connect(&m_socket, &QAbstractSocket::disconnected, this, [this] { fail(); });
    connect(&m_socket, &QSslSocket::sslErrors, this, [](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            qWarning("TLS: %s", qPrintable(error.errorString()));
    });
}

HttpClientConnection::~HttpClientConnection()
{
    // The socket is destroyed after the callbacks: it must not call them on its way out.
    disconnect(&m_socket, nullptr, this, nullptr);
    m_socket.abort();
}

void HttpClientConnection::open(std::function<void(bool)> ready)
{
    m_ready = std::move(ready);
    m_buffer.clear();
    if (!m_source.isNull())
        m_socket.bind(m_source, 0);
    m_socket.connectToHostEncrypted(u"127.0.0.1"_s, m_port);
}

void HttpClientConnection::fail()
{
    if (m_ready) {
        auto ready = std::move(m_ready);
        m_ready = nullptr;
        ready(false);
        return;
    }
    if (m_pending) {
        auto done = std::move(m_pending);
        m_pending = nullptr;
        done(Response {0, {}, m_timer.nsecsElapsed() / 1000});
    }
}

void HttpClientConnection::send(const QByteArray &method, const QByteArray &path,
                                const QByteArray &body, const QByteArray &contentType,
                                const Headers &headers, Callback done)
{
    QByteArray request;
    request.reserve(256 + body.size());
    request += method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!body.isEmpty() || method == "POST") {
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        if (!contentType.isEmpty())
            request += "Content-Type: " + contentType + "\r\n";
    }
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    request += "\r\n";
    request += body;
    m_pending = std::move(done);
    m_timer.start();
    if (m_socket.state() != QAbstractSocket::ConnectedState || !m_socket.isEncrypted()) {
        // The server closed a kept-alive connection (idle timeout): reconnect, then send.
        m_queued = request;
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            open({});
        return;
    }
    m_socket.write(request);
}

void HttpClientConnection::onReadyRead()
{
    m_buffer += m_socket.readAll();
    while (m_pending) {
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QByteArray head = m_buffer.left(headEnd);
        int status = 0;
        qsizetype length = 0;
        bool close = false;
        const QList<QByteArray> lines = head.split('\n');
        if (!lines.isEmpty()) {
            const QList<QByteArray> parts = lines.first().split(' ');
            if (parts.size() >= 2)
                status = parts.at(1).toInt();
        }
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "connection" && value.toLower() == "close")
                close = true;
        }
        const qsizetype total = headEnd + 4 + length;
        if (m_buffer.size() < total)
            return;
        Response response {status, m_buffer.mid(headEnd + 4, length),
                           m_timer.nsecsElapsed() / 1000};
        m_buffer.remove(0, total);
        auto done = std::move(m_pending);
        m_pending = nullptr;
        if (close) {
            m_socket.disconnectFromHost();
            m_socket.abort();
        }
        done(response);
    }
}

} // namespace tc::bench
