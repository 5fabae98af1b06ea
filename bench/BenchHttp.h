#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QSslSocket>

#include <functional>

namespace tc::bench {

// One kept-alive HTTPS connection of the load driver: a request at a time, answers parsed by
// Content-Length (the backend always sends it), the latency measured from the first byte
// written to the last byte of the answer read. Much cheaper per request than
// QNetworkAccessManager, so that the driver steals fewer of the cycles it measures.
class HttpClientConnection final : public QObject
{
    Q_OBJECT

public:
    struct Response
    {
        int status = 0; // 0: the connection failed before an answer
        QByteArray body;
        qint64 micros = 0;
    };
    using Callback = std::function<void(const Response &)>;
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    HttpClientConnection(quint16 port, const QSslConfiguration &tls, const QHostAddress &source,
                         QObject *parent = nullptr);
    ~HttpClientConnection() override;

    // Connects (TLS handshake included); `ready` is called with false on failure.
    void open(std::function<void(bool)> ready);
    void send(const QByteArray &method, const QByteArray &path, const QByteArray &body,
              const QByteArray &contentType, const Headers &headers, Callback done);

private:
    void onReadyRead();
    void fail();

    quint16 m_port;
    QHostAddress m_source;
    QSslSocket m_socket;
    QByteArray m_buffer;
    QElapsedTimer m_timer;
    Callback m_pending;
    std::function<void(bool)> m_ready;
    QByteArray m_queued; // a request waiting for the reconnect after the server closed
};

} // namespace tc::bench
