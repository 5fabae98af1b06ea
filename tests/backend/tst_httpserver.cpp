// auth-backend's HTTPS transport over real TLS on 127.0.0.1: routing answers, the headers every
// answer carries, and each limit (body size, timeouts, connection cap, load shedding) proven
// from the outside. The server runs on a thread of its own so that clients here may block.
#include "ErrorCodes.h"
#include "TestCertificates.h"
#include "http/HttpServer.h"
#include "http/HttpStreamWriter.h"
#include "http/Router.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSemaphore>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#if defined(__SANITIZE_ADDRESS__)
// From <sanitizer/allocator_interface.h>, which GCC 12 on Debian does not install.
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#endif

#include <atomic>
#include <memory>
#include <optional>
#include <stdexcept>

using namespace Qt::StringLiterals;
using namespace tc::backend;
using namespace tc::backend::http;

namespace {

struct Reply
{
    bool complete = false;
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-cased names
    QByteArray body;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString code() const { return json().value(u"code"_s).toString(); }
};

// Reads one answer (Content-Length or chunked framing). Blocking: the server is elsewhere.
// Bytes of a following (pipelined) answer are kept on the socket for the next call.
Reply readReply(QSslSocket &socket, int timeoutMs = 5000)
{
    Reply reply;
    QElapsedTimer timer;
    timer.start();
    QByteArray buffer = socket.property("pendingReplyBytes").toByteArray();
    const auto fill = [&] {
        if (socket.bytesAvailable() == 0) {
            const int left = std::max(1, timeoutMs - static_cast<int>(timer.elapsed()));
            if (!socket.waitForReadyRead(left) && socket.bytesAvailable() == 0)
                return false;
        }
        buffer += socket.readAll();
        return true;
    };
    const auto done = [&](qsizetype used) {
        socket.setProperty("pendingReplyBytes", buffer.mid(used));
        reply.complete = true;
        return reply;
    };
    qsizetype headerEnd = -1;
    while ((headerEnd = buffer.indexOf("\r\n\r\n")) < 0) {
        if (!fill())
            return reply;
    }
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    reply.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            reply.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                 lines[i].mid(colon + 1).trimmed());
    }
    buffer.remove(0, headerEnd + 4);
    if (reply.headers.value("transfer-encoding") == "chunked") {
        for (;;) {
            qsizetype lineEnd = -1;
            while ((lineEnd = buffer.indexOf("\r\n")) < 0) {
                if (!fill())
                    return reply;
            }
            bool ok = false;
            const qsizetype size = buffer.left(lineEnd).toLongLong(&ok, 16);
            if (!ok)
                return reply;
            while (buffer.size() < lineEnd + 2 + size + 2) {
                if (!fill())
                    return reply;
            }
            reply.body += buffer.mid(lineEnd + 2, size);
            buffer.remove(0, lineEnd + 2 + size + 2);
            if (size == 0)
                return done(0);
        }
    }
    const qsizetype length = reply.headers.value("content-length").toLongLong();
    while (buffer.size() < length) {
        if (!fill())
            return reply;
    }
    reply.body = buffer.left(length);
    return done(length);
}

// VmRSS or VmHWM of this process, in KiB.
qint64 statusKiB(const char *field)
{
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field) + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Live heap in KiB under AddressSanitizer, -1 otherwise. ASan keeps freed blocks in quarantine
// (256 MB by default), so there RSS grows with every byte that passes through even when
// nothing is retained; the live heap is the honest measure.
qint64 liveHeapKiB()
{
#if defined(__SANITIZE_ADDRESS__)
    return static_cast<qint64>(__sanitizer_get_current_allocated_bytes() / 1024);
#else
    return -1;
#endif
}

} // namespace

class TestHttpServer final : public QObject
{
    Q_OBJECT

    tc::test::TestCertificates m_certificates;
    QThread m_thread;
    QObject m_anchor; // lives on m_thread: the context for calls into the server's thread
    HttpServer *m_server = nullptr;
    quint16 m_port = 0;

    // Handlers that block until released (shedding).
    QSemaphore m_gate;
    std::atomic<int> m_blocked = 0;
    qint64 m_peakHeap = -1;

    static ServerSettings testSettings()
    {
        ServerSettings settings;
        settings.listenHost = u"127.0.0.1"_s;
        settings.listenPort = 0;
        settings.maxConnections = 16;
        settings.maxBodyBytes = 64 * 1024;
        settings.idleTimeoutSeconds = 1;
        settings.requestTimeoutSeconds = 2;
        settings.maxRequestsInFlight = 8;
        return settings;
    }

    std::shared_ptr<Router> makeRouter()
    {
        auto router = std::make_shared<Router>();
        router->add("GET", u"/api/v1/health"_s, [](const HttpRequest &) {
            return HttpResponse::json(200, QJsonObject {{u"status"_s, u"ok"_s}});
        });
        const auto echoId = [](const HttpRequest &request) {
            return HttpResponse::json(200, QJsonObject {{u"id"_s, request.pathParam(u"id"_s)}});
        };
        router->add("GET", u"/api/v1/flows/{id}/account"_s, echoId);
        router->add("POST", u"/api/v1/flows/{id}/account"_s, echoId);
        router->add("GET", u"/api/v1/flows/special/account"_s, [](const HttpRequest &) {
            return HttpResponse::json(200, QJsonObject {{u"special"_s, true}});
        });
        router->add("POST", u"/api/v1/upload"_s, [](const HttpRequest &request) {
            return HttpResponse::json(
                200,
                QJsonObject {{u"bytes"_s, request.body.size()},
                             {u"sha256"_s,
                              QString::fromLatin1(
                                  QCryptographicHash::hash(request.body, QCryptographicHash::Sha256)
                                      .toHex())}});
        });
        router->add("GET", u"/api/v1/throw"_s, [](const HttpRequest &) -> HttpResponse {
            throw std::runtime_error("handler failure on purpose");
        });
        router->add("GET", u"/api/v1/block"_s, [this](const HttpRequest &) {
            ++m_blocked;
            const bool released = m_gate.tryAcquire(1, 10000);
            --m_blocked;
            return HttpResponse::json(200, QJsonObject {{u"released"_s, released}});
        });
        router->add("GET", u"/api/v1/stream"_s, [](const HttpRequest &) {
            return HttpResponse::stream(200, "text/event-stream",
                                        [](std::shared_ptr<HttpStreamWriter> writer) {
                                            writer->write("data: one\n\n");
                                            writer->write("data: two\n\n");
                                            writer->finish();
                                        });
        });
        return router;
    }

    void startServer(const ServerSettings &settings)
    {
        stopServer();
        std::optional<tc::Result<quint16>> port;
        const QSslConfiguration tls = m_certificates.serverConfiguration();
        std::shared_ptr<const Router> router = makeRouter();
        QMetaObject::invokeMethod(
            &m_anchor,
            [&] {
                m_server = new HttpServer(settings, tls, router);
                port = m_server->listen();
            },
            Qt::BlockingQueuedConnection);
        if (!port || !*port)
            qFatal("listen failed: %s", qPrintable(port ? port->error().message : QString()));
        m_port = port->value();
    }

    void stopServer()
    {
        if (!m_server)
            return;
        m_gate.release(m_blocked.load() + 2); // never leave a handler waiting on us
        QMetaObject::invokeMethod(
            &m_anchor, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_server = nullptr;
        m_gate.acquire(m_gate.available());
    }

    std::unique_ptr<QSslSocket> newClient(const QSslCertificate &ca) const
    {
        auto socket = std::make_unique<QSslSocket>();
        socket->setSslConfiguration(tc::test::TestCertificates::clientConfiguration(ca));
        socket->connectToHostEncrypted(u"127.0.0.1"_s, m_port);
        return socket;
    }

    std::unique_ptr<QSslSocket> connected() const
    {
        std::unique_ptr<QSslSocket> socket = newClient(m_certificates.caCertificate());
        if (!socket->waitForEncrypted(5000))
            qWarning() << "handshake failed:" << socket->errorString();
        return socket;
    }

    static QByteArray get(const QByteArray &path, const QByteArray &extra = {})
    {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
    }

    Reply request(const QByteArray &raw)
    {
        std::unique_ptr<QSslSocket> socket = connected();
        socket->write(raw);
        return readReply(*socket);
    }

    static void verifyCommonHeaders(const Reply &reply)
    {
        QCOMPARE(reply.headers.value("cache-control"), "no-store");
        QCOMPARE(reply.headers.value("x-content-type-options"), "nosniff");
        QVERIFY(reply.headers.value("strict-transport-security").startsWith("max-age="));
        QCOMPARE(reply.headers.value("server"), "auth-backend");
        QVERIFY(!reply.headers.value("date").isEmpty());
    }

    static void verifyError(const Reply &reply, int status, QLatin1StringView code)
    {
        QVERIFY(reply.complete);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.headers.value("content-type"), "application/json; charset=utf-8");
        QCOMPARE(reply.code(), QString(code));
        QVERIFY(!reply.json().value(u"message"_s).toString().isEmpty());
        verifyCommonHeaders(reply);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QSslSocket::supportsSsl());
        QElapsedTimer timer;
        timer.start();
        const tc::Status created = m_certificates.create();
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        qInfo() << "test certificates made in" << timer.elapsed() << "ms";
        m_anchor.moveToThread(&m_thread);
        m_thread.start();
    }

    void init() { startServer(testSettings()); }

    void cleanup() { stopServer(); }

    void cleanupTestCase()
    {
        stopServer();
        m_thread.quit();
        m_thread.wait();
    }

    void healthAnswersJsonWithSecurityHeaders()
    {
        const Reply reply = request(get("/api/v1/health"));
        QVERIFY(reply.complete);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"ok"_s);
        QCOMPARE(reply.headers.value("content-type"), "application/json; charset=utf-8");
        verifyCommonHeaders(reply);
    }

    void routing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QByteArray>("allow");
        QTest::addColumn<QString>("id");

        QTest::newRow("found") << "GET"_ba
                               << "/api/v1/health"_ba << 200 << QString() << QByteArray()
                               << QString();
        QTest::newRow("path param")
            << "POST"_ba
            << "/api/v1/flows/f-123/account"_ba << 200 << QString() << QByteArray() << u"f-123"_s;
        QTest::newRow("decoded param") << "GET"_ba
                                       << "/api/v1/flows/%E3%81%82%20b/account"_ba << 200
                                       << QString() << QByteArray() << u"あ b"_s;
        QTest::newRow("literal beats param")
            << "GET"_ba
            << "/api/v1/flows/special/account"_ba << 200 << QString() << QByteArray() << QString();
        QTest::newRow("wrong method")
            << "POST"_ba
            << "/api/v1/health"_ba << 405 << QString(tc::codes::MethodNotAllowed) << "GET"_ba
            << QString();
        QTest::newRow("wrong method, two allowed")
            << "DELETE"_ba
            << "/api/v1/flows/x/account"_ba << 405 << QString(tc::codes::MethodNotAllowed)
            << "GET, POST"_ba << QString();
        QTest::newRow("unknown path")
            << "GET"_ba
            << "/api/v1/nowhere"_ba << 404 << QString(tc::codes::UnknownPath) << QByteArray()
            << QString();
        QTest::newRow("unknown path, other method")
            << "PATCH"_ba
            << "/api/v1/nowhere"_ba << 404 << QString(tc::codes::UnknownPath) << QByteArray()
            << QString();
        QTest::newRow("trailing slash")
            << "GET"_ba
            << "/api/v1/health/"_ba << 404 << QString(tc::codes::UnknownPath) << QByteArray()
            << QString();
        QTest::newRow("query ignored by routing")
            << "GET"_ba
            << "/api/v1/health?x=1&y=%E3%81%82"_ba << 200 << QString() << QByteArray() << QString();
    }

    void routing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QByteArray, allow);
        QFETCH(QString, id);

        const QByteArray body = method == "POST" || method == "PATCH" ? "{}"_ba : QByteArray();
        const Reply reply =
            request(method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY(reply.complete);
        QCOMPARE(reply.status, status);
        verifyCommonHeaders(reply);
        QCOMPARE(reply.headers.value("content-type"), "application/json; charset=utf-8");
        if (!code.isEmpty())
            QCOMPARE(reply.code(), code);
        QCOMPARE(reply.headers.value("allow"), allow);
        if (!id.isEmpty())
            QCOMPARE(reply.json().value(u"id"_s).toString(), id);
    }

    void malformedRequests_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");

        const QByteArray host = "Host: 127.0.0.1\r\n";
        QTest::newRow("garbage") << "GARBAGE\r\n\r\n"_ba << 400;
        QTest::newRow("unknown method") << "FROB /api/v1/health HTTP/1.1\r\n" + host + "\r\n"
                                        << 400;
        QTest::newRow("header without colon") << get("/api/v1/health", "NoColonHere\r\n") << 400;
        QTest::newRow("NUL in header")
            << get("/api/v1/health", "X-A: a<NUL>b\r\n").replace("<NUL>", QByteArray(1, '\0'))
            << 400;
        QTest::newRow("invalid UTF-8 in path") << get("/api/v1/%FF") << 400;
        QTest::newRow("overlong UTF-8 in path") << get("/api/v1/%C0%AF") << 400;
        QTest::newRow("%00 in path") << get("/api/v1/health%00") << 400;
        QTest::newRow("control character in path") << get("/api/v1/%0Ahealth") << 400;
        QTest::newRow("dot-dot") << get("/api/v1/../v1/health") << 400;
        QTest::newRow("encoded dot-dot") << get("/api/v1/%2e%2E/v1/health") << 400;
        QTest::newRow("encoded slash") << get("/api/v1/flows/a%2Fb/account") << 400;
        QTest::newRow("bad percent escape") << get("/api/v1/%zz") << 400;
        QTest::newRow("raw UTF-8 in path") << get("/api/v1/\xe3\x81\x82") << 400;
        QTest::newRow("backslash") << get("/api/v1\\health") << 400;
        QTest::newRow("invalid UTF-8 in query") << get("/api/v1/health?x=%FF") << 400;
        QTest::newRow("relative target") << "GET api/v1/health HTTP/1.1\r\n" + host + "\r\n" << 400;
        QTest::newRow("asterisk target") << "OPTIONS * HTTP/1.1\r\n" + host + "\r\n" << 400;
        QTest::newRow("absolute target") << "GET https://127.0.0.1/api/v1/health HTTP/1.1\r\n"
                + host + "\r\n" << 400;
        QTest::newRow("HTTP/2.0 version") << "GET /api/v1/health HTTP/2.0\r\n" + host + "\r\n"
                                          << 400;
        QTest::newRow("no Host") << "GET /api/v1/health HTTP/1.1\r\n\r\n"_ba << 400;
        QTest::newRow("two Host") << get("/api/v1/health", "Host: other\r\n") << 400;
        QTest::newRow("Content-Length and chunked") << "POST /api/v1/upload HTTP/1.1\r\n" + host
                + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                                                    << 400;
        QTest::newRow("two Content-Length") << "POST /api/v1/upload HTTP/1.1\r\n" + host
                + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"
                                            << 400;
        QTest::newRow("negative Content-Length") << "POST /api/v1/upload HTTP/1.1\r\n" + host
                + "Content-Length: -1\r\n\r\n" << 400;
        QTest::newRow("bad chunk size") << "POST /api/v1/upload HTTP/1.1\r\n" + host
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n"
                                        << 400;
        QTest::newRow("unknown transfer coding")
            << "POST /api/v1/upload HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip\r\n\r\nabc"
            << 400;
        QTest::newRow("headers over 16 KiB")
            << get("/api/v1/health", "X-Big: " + QByteArray(17 * 1024, 'a') + "\r\n") << 431;
        QByteArray many;
        for (int i = 0; i < 150; ++i)
            many += "X-H" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("too many headers") << get("/api/v1/health", many) << 431;
        QTest::newRow("target over 16 KiB") << get("/api/v1/" + QByteArray(17 * 1024, 'a')) << 431;
    }

    void malformedRequests()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);

        std::unique_ptr<QSslSocket> socket = connected();
        socket->write(raw);
        const Reply reply = readReply(*socket);
        verifyError(reply, status, tc::codes::MalformedRequest);
        QCOMPARE(reply.headers.value("connection"), "close");
        QVERIFY(socket->state() == QAbstractSocket::UnconnectedState
                || socket->waitForDisconnected(3000));

        // The server is unharmed.
        QCOMPARE(request(get("/api/v1/health")).status, 200);
    }

    void keepAliveAndPipelining()
    {
        std::unique_ptr<QSslSocket> socket = connected();
        socket->write(get("/api/v1/health"));
        QCOMPARE(readReply(*socket).status, 200);
        socket->write(get("/api/v1/flows/one/account"));
        Reply second = readReply(*socket);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json().value(u"id"_s).toString(), u"one"_s);

        // Pipelined: both in one write; answered one at a time, in order.
        socket->write(get("/api/v1/flows/a/account") + get("/api/v1/nowhere")
                      + get("/api/v1/flows/b/account"));
        QCOMPARE(readReply(*socket).json().value(u"id"_s).toString(), u"a"_s);
        QCOMPARE(readReply(*socket).status, 404);
        QCOMPARE(readReply(*socket).json().value(u"id"_s).toString(), u"b"_s);
        QCOMPARE(m_server->stats().openConnections, 1);

        // Connection: close is honoured.
        socket->write(get("/api/v1/health", "Connection: close\r\n"));
        const Reply last = readReply(*socket);
        QCOMPARE(last.status, 200);
        QCOMPARE(last.headers.value("connection"), "close");
        QVERIFY(socket->state() == QAbstractSocket::UnconnectedState
                || socket->waitForDisconnected(2000));
    }

    void http10ClosesAfterTheAnswer()
    {
        std::unique_ptr<QSslSocket> socket = connected();
        socket->write("GET /api/v1/health HTTP/1.0\r\n\r\n");
        const Reply reply = readReply(*socket);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.headers.value("connection"), "close");
        QVERIFY(socket->state() == QAbstractSocket::UnconnectedState
                || socket->waitForDisconnected(2000));
    }

    void bodiesWithinTheLimit_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");

        const QByteArray limit(64 * 1024, 'x');
        const auto chunked = [](const QByteArray &data) -> QByteArray {
            QByteArray out;
            for (qsizetype at = 0; at < data.size(); at += 10000) {
                const QByteArray piece = data.mid(at, 10000);
                out += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
            }
            return out + "0\r\n\r\n";
        };
        QTest::newRow("empty") << "Content-Length: 0\r\n"_ba << QByteArray() << 200;
        QTest::newRow("exactly the limit") << "Content-Length: 65536\r\n"_ba << limit << 200;
        QTest::newRow("one over the limit") << "Content-Length: 65537\r\n"_ba << limit + 'x' << 413;
        QTest::newRow("chunked, exactly the limit")
            << "Transfer-Encoding: chunked\r\n"_ba << chunked(limit) << 200;
        QTest::newRow("chunked, one over")
            << "Transfer-Encoding: chunked\r\n"_ba << chunked(limit + 'x') << 413;
    }

    void bodiesWithinTheLimit()
    {
        QFETCH(QByteArray, headers);
        QFETCH(QByteArray, body);
        QFETCH(int, status);

        std::unique_ptr<QSslSocket> socket = connected();
        socket->write("POST /api/v1/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n"
                      + body);
        const Reply reply = readReply(*socket);
        QCOMPARE(reply.status, status);
        verifyCommonHeaders(reply);
        if (status == 200) {
            const QByteArray payload =
                headers.startsWith("Transfer") ? QByteArray(64 * 1024, 'x') : body;
            QCOMPARE(reply.json().value(u"bytes"_s).toInteger(), payload.size());
            QCOMPARE(reply.json().value(u"sha256"_s).toString().toLatin1(),
                     QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex());
        } else {
            QCOMPARE(reply.code(), QString(tc::codes::PayloadTooLarge));
        }
    }

    void expectContinue()
    {
        std::unique_ptr<QSslSocket> socket = connected();
        socket->write("POST /api/v1/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n"
                      "Expect: 100-continue\r\n\r\n");
        QVERIFY(socket->waitForReadyRead(2000));
        QCOMPARE(socket->readAll(), "HTTP/1.1 100 Continue\r\n\r\n"_ba);
        socket->write("hello");
        const Reply reply = readReply(*socket);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"bytes"_s).toInt(), 5);

        // Over the limit: 413 at once, and no 100 Continue.
        socket->write("POST /api/v1/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      "Content-Length: 104857600\r\nExpect: 100-continue\r\n\r\n");
        const Reply refused = readReply(*socket);
        verifyError(refused, 413, tc::codes::PayloadTooLarge);
    }

    void contentLengthOverTheLimitRefusedAfterHeaders()
    {
        std::unique_ptr<QSslSocket> socket = connected();
        QElapsedTimer timer;
        timer.start();
        // Headers only: the answer must not wait for a body that never comes.
        socket->write("POST /api/v1/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      "Content-Length: 104857600\r\n\r\n");
        const Reply reply = readReply(*socket, 1500);
        verifyError(reply, 413, tc::codes::PayloadTooLarge);
        QCOMPARE(reply.headers.value("connection"), "close");
        QVERIFY(timer.elapsed() < 1500);
        QVERIFY(socket->state() == QAbstractSocket::UnconnectedState
                || socket->waitForDisconnected(3000));
    }

    void hugeUploadLeavesMemoryFlat_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::addColumn<bool>("stubborn");
        QTest::newRow("Content-Length: 100 MB") << false << false;
        QTest::newRow("chunked 100 MB") << true << false;
        // curl stops sending once it reads the 413; this client sends all 100 MB regardless.
        QTest::newRow("stubborn sender, 100 MB") << false << true;
    }

    void hugeUploadLeavesMemoryFlat()
    {
        QFETCH(bool, chunked);
        QFETCH(bool, stubborn);
        if (QStandardPaths::findExecutable(u"curl"_s).isEmpty())
            QSKIP("curl is not installed");

        // A sparse file: 100 MB of zeros that cost no disk and are streamed by curl, a separate
        // process, so that only the server's memory is in this process.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString bigFile = dir.filePath(u"big.bin"_s);
        {
            QFile file(bigFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            if (stubborn)
                file.write("POST /api/v1/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           "Content-Length: 104857600\r\n\r\n");
            QVERIFY(file.resize(file.size() + 100 * 1024 * 1024));
        }
        const QString url = u"https://127.0.0.1:%1/api/v1/upload"_s.arg(m_port);
        const auto runCurl = [&](bool huge) {
            QProcess curl;
            QStringList arguments {u"-sS"_s,
                                   u"-o"_s,
                                   u"/dev/null"_s,
                                   u"-w"_s,
                                   u"%{http_code}"_s,
                                   u"--cacert"_s,
                                   m_certificates.caCertificatePath(),
                                   u"-X"_s,
                                   u"POST"_s,
                                   u"-H"_s,
                                   u"Expect:"_s};
            if (huge && stubborn) {
                // openssl s_client writes its input whatever the server answers.
                curl.setStandardInputFile(bigFile);
                curl.start(u"openssl"_s,
                           {u"s_client"_s, u"-quiet"_s, u"-connect"_s,
                            u"127.0.0.1:%1"_s.arg(m_port), u"-CAfile"_s,
                            m_certificates.caCertificatePath()});
                qint64 peakRss = statusKiB("VmRSS:");
                while (!curl.waitForFinished(20)) {
                    peakRss = std::max(peakRss, statusKiB("VmRSS:"));
                    m_peakHeap = std::max(m_peakHeap, liveHeapKiB());
                }
                const QByteArray out = curl.readAllStandardOutput();
                return std::pair {
                    out.startsWith("HTTP/1.1 413 ") ? u"413"_s : QString::fromLatin1(out.left(40)),
                    peakRss};
            }
            if (!huge) {
                arguments << u"--data-binary"_s << u"small"_s;
            } else if (chunked) {
                arguments << u"-T"_s << u"-"_s;
                curl.setStandardInputFile(bigFile);
            } else {
                arguments << u"-T"_s << bigFile;
            }
            curl.start(u"curl"_s, arguments << url);
            qint64 peakRss = statusKiB("VmRSS:");
            while (!curl.waitForFinished(20))
                peakRss = std::max(peakRss, statusKiB("VmRSS:"));
            return std::pair {QString::fromLatin1(curl.readAllStandardOutput()), peakRss};
        };

        // Warm up (TLS, thread pool, first allocations) so the baseline is the steady state.
        QCOMPARE(runCurl(false).first, u"200"_s);
        QCOMPARE(runCurl(false).first, u"200"_s);

        const qint64 before = statusKiB("VmRSS:");
        const qint64 heapBefore = liveHeapKiB();
        m_peakHeap = heapBefore;
        // Resets VmHWM to the current RSS, so VmHWM afterwards is the peak during the upload
        // (and catches a spike between two polls).
        bool hwmReset = false;
        {
            QFile clearRefs(u"/proc/self/clear_refs"_s);
            hwmReset = clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
        }
        QElapsedTimer timer;
        timer.start();
        const auto [code, polledPeak] = runCurl(true);
        const qint64 elapsed = timer.elapsed();
        const qint64 hwm = hwmReset ? statusKiB("VmHWM:") : -1;
        const qint64 after = statusKiB("VmRSS:");
        const qint64 peak = std::max(polledPeak, hwm);
        qInfo().noquote() << QTest::currentDataTag() << "upload:" << code << "in" << elapsed
                          << "ms; RSS before" << before << "KiB, peak" << peak << "KiB (polled"
                          << polledPeak << ", VmHWM" << hwm << "), after" << after
                          << "KiB; peak growth" << (peak - before) << "KiB";
        QCOMPARE(code, u"413"_s);
        if (heapBefore >= 0) {
            qInfo() << "live heap before" << heapBefore << "KiB, peak" << m_peakHeap << "KiB, after"
                    << liveHeapKiB() << "KiB";
            QVERIFY2(m_peakHeap - heapBefore < 8 * 1024, "the live heap grew by 8 MiB or more");
            QVERIFY(liveHeapKiB() - heapBefore < 1024);
            // RSS includes the quarantine (bounded by what the server read: a few MiB).
            QVERIFY(peak - before < 32 * 1024);
        } else {
            QVERIFY2(peak - before < 8 * 1024, "the server's memory grew by 8 MiB or more");
            QVERIFY(after - before < 8 * 1024);
        }
        QTRY_COMPARE(m_server->stats().openConnections, 0);
    }

    void slowRequestClosedAtTheTimeout()
    {
        QElapsedTimer timer;
        timer.start();
        std::unique_ptr<QSslSocket> socket = connected();
        const QByteArray request = get("/api/v1/health");
        // One byte a second: every byte arrives well within any per-read timeout, but the
        // request as a whole must arrive within request_timeout (2 s here).
        for (qsizetype i = 0; i < request.size(); ++i) {
            socket->write(request.mid(i, 1));
            socket->flush();
            if (socket->waitForDisconnected(1000))
                break;
        }
        const qint64 elapsed = timer.elapsed();
        qInfo() << "slow client closed after" << elapsed << "ms";
        QCOMPARE(socket->state(), QAbstractSocket::UnconnectedState);
        QVERIFY(elapsed >= 1800 && elapsed < 3500);
        QVERIFY(socket->readAll().isEmpty());
    }

    void silentConnectionClosedAtTheTimeout_data()
    {
        QTest::addColumn<bool>("handshake");
        QTest::newRow("no TLS handshake") << false;
        QTest::newRow("handshake, then nothing") << true;
    }

    void silentConnectionClosedAtTheTimeout()
    {
        QFETCH(bool, handshake);
        QElapsedTimer timer;
        timer.start();
        std::unique_ptr<QAbstractSocket> socket;
        if (handshake) {
            socket = connected();
        } else {
            socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(u"127.0.0.1"_s, m_port);
            QVERIFY(socket->waitForConnected(2000));
        }
        QVERIFY(socket->waitForDisconnected(4000));
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(elapsed >= 1800 && elapsed < 3500, qPrintable(QString::number(elapsed)));
    }

    void idleKeepAliveClosed()
    {
        std::unique_ptr<QSslSocket> socket = connected();
        socket->write(get("/api/v1/health"));
        QCOMPARE(readReply(*socket).status, 200);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(socket->waitForDisconnected(3000));
        const qint64 elapsed = timer.elapsed();
        qInfo() << "idle connection closed after" << elapsed << "ms";
        QVERIFY(elapsed >= 800 && elapsed < 2500); // idle_timeout is 1 s here
        QTRY_COMPARE(m_server->stats().openConnections, 0);
    }

    void connectionCapHolds()
    {
        ServerSettings settings = testSettings();
        settings.maxConnections = 4;
        settings.requestTimeoutSeconds = 10;
        settings.idleTimeoutSeconds = 10;
        startServer(settings);

        std::vector<std::unique_ptr<QSslSocket>> clients;
        for (int i = 0; i < 10; ++i)
            clients.push_back(newClient(m_certificates.caCertificate()));
        const auto settled = [&] {
            return std::all_of(clients.begin(), clients.end(), [](const auto &c) {
                return c->isEncrypted() || c->state() == QAbstractSocket::UnconnectedState;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 5000);
        const auto served = std::count_if(clients.begin(), clients.end(),
                                          [](const auto &c) { return c->isEncrypted(); });
        QCOMPARE(served, 4);
        HttpServer::Stats stats = m_server->stats();
        QCOMPARE(stats.openConnections, 4);
        QCOMPARE(stats.peakConnections, 4);
        QCOMPARE(stats.rejectedConnections, 6);

        std::vector<std::unique_ptr<QSslSocket>> kept;
        for (auto &client : clients) {
            if (client->isEncrypted()) {
                client->write(get("/api/v1/health"));
                QCOMPARE(readReply(*client).status, 200);
                kept.push_back(std::move(client));
            }
        }
        // Two leave; two newcomers get in; the next is refused again.
        kept[0]->disconnectFromHost();
        kept[1]->disconnectFromHost();
        QTRY_COMPARE(m_server->stats().openConnections, 2);
        for (int i = 0; i < 2; ++i) {
            std::unique_ptr<QSslSocket> newcomer = connected();
            QVERIFY(newcomer->isEncrypted());
            newcomer->write(get("/api/v1/health"));
            QCOMPARE(readReply(*newcomer).status, 200);
            kept.push_back(std::move(newcomer));
        }
        std::unique_ptr<QSslSocket> refused = newClient(m_certificates.caCertificate());
        QVERIFY(!refused->waitForEncrypted(3000));
        stats = m_server->stats();
        QCOMPARE(stats.peakConnections, 4);
        QCOMPARE(stats.rejectedConnections, 7);
    }

    void loadSheddingAnswersCongestedAtOnce()
    {
        ServerSettings settings = testSettings();
        settings.maxRequestsInFlight = 2;
        settings.requestTimeoutSeconds = 10;
        settings.idleTimeoutSeconds = 10;
        startServer(settings);

        std::unique_ptr<QSslSocket> first = connected();
        std::unique_ptr<QSslSocket> second = connected();
        first->write(get("/api/v1/block"));
        second->write(get("/api/v1/block"));
        first->flush();
        second->flush();
        QTRY_COMPARE(m_server->stats().requestsInFlight, 2);

        QElapsedTimer timer;
        timer.start();
        const Reply shed = request(get("/api/v1/block"));
        const qint64 elapsed = timer.elapsed();
        verifyError(shed, 503, tc::codes::Congested);
        QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
        // Routing errors need no handler and are not shed.
        QCOMPARE(request(get("/api/v1/nowhere")).status, 404);
        QCOMPARE(m_server->stats().shedRequests, 1);

        m_gate.release(2);
        const Reply a = readReply(*first);
        const Reply b = readReply(*second);
        QCOMPARE(a.status, 200);
        QCOMPARE(b.status, 200);
        QVERIFY(a.json().value(u"released"_s).toBool());
        QTRY_COMPARE(m_server->stats().requestsInFlight, 0);
        QCOMPARE(request(get("/api/v1/health")).status, 200);
    }

    void throwingHandlerAnswers500AndServerGoesOn()
    {
        std::unique_ptr<QSslSocket> socket = connected();
        socket->write(get("/api/v1/throw"));
        const Reply reply = readReply(*socket);
        verifyError(reply, 500, tc::codes::SystemError);
        // Same connection, next request.
        socket->write(get("/api/v1/health"));
        QCOMPARE(readReply(*socket).status, 200);
        QCOMPARE(m_server->stats().requestsInFlight, 0);
    }

    void streamingResponse()
    {
        std::unique_ptr<QSslSocket> socket = connected();
        socket->write(get("/api/v1/stream"));
        const Reply reply = readReply(*socket);
        QVERIFY(reply.complete);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.headers.value("content-type"), "text/event-stream");
        QCOMPARE(reply.headers.value("transfer-encoding"), "chunked");
        verifyCommonHeaders(reply);
        QCOMPARE(reply.body, "data: one\n\ndata: two\n\n"_ba);
    }

    void wrongCaFailsTheHandshake()
    {
        std::unique_ptr<QSslSocket> socket = newClient(m_certificates.otherCaCertificate());
        QVERIFY(!socket->waitForEncrypted(5000));
        QVERIFY(!socket->sslHandshakeErrors().isEmpty());
        // The pinned CA still works.
        QCOMPARE(request(get("/api/v1/health")).status, 200);
    }

    void tlsVersionsAndCiphers_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("accepted");

        QTest::newRow("TLS 1.3") << QStringList {u"-tls1_3"_s} << true;
        QTest::newRow("TLS 1.3 CHACHA20")
            << QStringList {u"-tls1_3"_s, u"-ciphersuites"_s, u"TLS_CHACHA20_POLY1305_SHA256"_s}
            << true;
        QTest::newRow("TLS 1.3 AES-128-GCM")
            << QStringList {u"-tls1_3"_s, u"-ciphersuites"_s, u"TLS_AES_128_GCM_SHA256"_s} << true;
        QTest::newRow("TLS 1.3 AES-128-CCM")
            << QStringList {u"-tls1_3"_s, u"-ciphersuites"_s, u"TLS_AES_128_CCM_SHA256"_s} << false;
        QTest::newRow("TLS 1.2 ECDHE-ECDSA AES-GCM")
            << QStringList {u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-ECDSA-AES128-GCM-SHA256"_s} << true;
        QTest::newRow("TLS 1.2 ECDHE-ECDSA CHACHA20")
            << QStringList {u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-ECDSA-CHACHA20-POLY1305"_s} << true;
        QTest::newRow("TLS 1.2 ECDHE-ECDSA AES-CBC-SHA256")
            << QStringList {u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-ECDSA-AES128-SHA256"_s} << false;
        QTest::newRow("TLS 1.2 ECDHE-ECDSA AES-CBC-SHA1")
            << QStringList {u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-ECDSA-AES256-SHA:@SECLEVEL=0"_s}
            << false;
        QTest::newRow("TLS 1.1") << QStringList {u"-tls1_1"_s, u"-cipher"_s,
                                                 u"DEFAULT:@SECLEVEL=0"_s}
                                 << false;
        QTest::newRow("TLS 1.0") << QStringList {u"-tls1"_s, u"-cipher"_s, u"DEFAULT:@SECLEVEL=0"_s}
                                 << false;
    }

    void tlsVersionsAndCiphers()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, accepted);

        QProcess client;
        // Debian's system OpenSSL configuration forbids TLS < 1.2 on the client as well; without
        // it the client really offers the old protocol, so a refusal is the server's doing.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"OPENSSL_CONF"_s, u"/dev/null"_s);
        client.setProcessEnvironment(environment);
        client.setProcessChannelMode(QProcess::MergedChannels);
        client.start(u"openssl"_s,
                     QStringList {u"s_client"_s, u"-connect"_s, u"127.0.0.1:%1"_s.arg(m_port),
                                  u"-CAfile"_s, m_certificates.caCertificatePath(),
                                  u"-verify_return_error"_s, u"-brief"_s}
                         + arguments);
        client.closeWriteChannel();
        QVERIFY(client.waitForFinished(10000));
        const QString output = QString::fromLocal8Bit(client.readAll());
        QVERIFY2((client.exitCode() == 0) == accepted, qPrintable(output));
        if (!accepted) {
            // Refused by the server, not because the client could not offer it.
            QVERIFY2(!output.contains(u"no protocols available"_s)
                         && !output.contains(u"no cipher match"_s)
                         && !output.contains(u"no ciphers available"_s),
                     qPrintable(output));
        }
    }

    void routerPrefersLiteralSegments()
    {
        Router router;
        const auto answer = [](int status) {
            return
                [status](const HttpRequest &) { return HttpResponse::json(status, QJsonObject()); };
        };
        router.add("GET", u"/c/{id}"_s, answer(201));
        router.add("GET", u"/c/search"_s, answer(202));
        router.add("GET", u"/c/{id}/x/{y}"_s, answer(203));
        HttpRequest request;
        Router::Match match = router.match("GET", {u"c"_s, u"search"_s});
        QCOMPARE(match.handler(request).status, 202);
        match = router.match("GET", {u"c"_s, u"42"_s});
        QCOMPARE(match.handler(request).status, 201);
        QCOMPARE(match.params.value(u"id"_s), u"42"_s);
        match = router.match("GET", {u"c"_s, u"1"_s, u"x"_s, u"2"_s});
        QCOMPARE(match.params.value(u"y"_s), u"2"_s);
        QCOMPARE(match.pattern, u"/c/{id}/x/{y}"_s);
        QCOMPARE(router.match("GET", {u"c"_s, QString()}).outcome, Router::Outcome::UnknownPath);
        QCOMPARE(router.match("PUT", {u"c"_s, u"1"_s}).outcome, Router::Outcome::WrongMethod);
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
