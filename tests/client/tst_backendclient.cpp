// BackendClient against the real backend over HTTPS: answers as values, every failure as the
// ClientError staff are told about.
#include "BackendClient.h"
#include "TestBackend.h"

#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using tc::client::BackendClient;
using tc::client::ClientError;
using tc::test::TestBackend;

namespace {

using Answer = tc::Result<QJsonObject, ClientError>;

// Runs one call and waits for its answer.
Answer wait(const std::function<void(BackendClient::JsonCallback)> &call)
{
    std::optional<Answer> answer;
    call([&answer](Answer a) { answer = std::move(a); });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 20000))
        qFatal("no answer");
    return *answer;
}

// A TCP relay in front of the backend that hangs up on the first `drop` connections the moment
// it accepts them (a backend going away under a call) and pipes the others through.
class DroppingRelay final : public QObject
{
    Q_OBJECT

public:
    DroppingRelay(quint16 target, int drop) : m_target(target), m_drop(drop)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &DroppingRelay::accept);
        if (!m_server.listen(QHostAddress::LocalHost))
            qFatal("relay cannot listen");
    }
    quint16 port() const { return m_server.serverPort(); }
    int connectionsSeen() const { return m_seen; }

private:
    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            client->setParent(this);
            if (m_seen++ < m_drop) {
                client->abort();
                client->deleteLater();
                continue;
            }
            auto *backend = new QTcpSocket(client);
            connect(client, &QTcpSocket::readyRead, backend,
                    [client, backend] { backend->write(client->readAll()); });
            connect(backend, &QTcpSocket::readyRead, client,
                    [client, backend] { client->write(backend->readAll()); });
            connect(backend, &QTcpSocket::connected, client,
                    [client, backend] { backend->write(client->readAll()); });
            connect(backend, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            backend->connectToHost(QHostAddress::LocalHost, m_target);
        }
    }

    QTcpServer m_server;
    quint16 m_target;
    int m_drop;
    int m_seen = 0;
};

} // namespace

class TestBackendClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validatesSettings_data();
    void validatesSettings();
    void answersAreValues();
    void signInAndCatalogErrors();
    void sessionExpiredIsSignalled();
    void forbiddenSaysWhatTheRoleMayNot();
    void wrongCaIsTls();
    void getIsRetriedOnceAfterATransportFailure();
    void postIsNeverRetried();
    void backendGoneIsUnreachable();
    void closedPortIsUnreachable();
    void silentServerTimesOut();
    void abortIsCancelledAndDestroyedContextIsNotCalled();

private:
    tc::client::ConnectionSettings settings() const
    {
        return {.baseUrl = QUrl(m_backend->baseUrl()),
                .pinnedCa = {m_backend->certificates().caCertificate()}};
    }

    tc::client::ConnectionSettings through(const DroppingRelay &relay) const
    {
        // The certificate names 127.0.0.1 and localhost: the relay's address verifies too.
        return {.baseUrl = QUrl(u"https://127.0.0.1:%1"_s.arg(relay.port())),
                .pinnedCa = {m_backend->certificates().caCertificate()}};
    }
    quint16 backendPort() const { return quint16(QUrl(m_backend->baseUrl()).port()); }

    std::unique_ptr<TestBackend> m_backend;
};

void TestBackendClient::initTestCase()
{
    m_backend = TestBackend::started(u"sqlite"_s);
}

void TestBackendClient::validatesSettings_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("withCa");
    QTest::addColumn<bool>("valid");
    QTest::newRow("https with CA") << u"https://127.0.0.1:8443"_s << true << true;
    QTest::newRow("http") << u"http://127.0.0.1:8443"_s << true << false;
    QTest::newRow("no CA") << u"https://127.0.0.1:8443"_s << false << false;
    QTest::newRow("a path") << u"https://127.0.0.1:8443/api"_s << true << false;
    QTest::newRow("no host") << u"https://"_s << true << false;
}

void TestBackendClient::validatesSettings()
{
    QFETCH(QString, url);
    QFETCH(bool, withCa);
    QFETCH(bool, valid);
    tc::client::ConnectionSettings connection {.baseUrl = QUrl(url)};
    if (withCa)
        connection.pinnedCa = {m_backend->certificates().caCertificate()};
    QCOMPARE(connection.validate().isEmpty(), valid);
}

void TestBackendClient::answersAreValues()
{
    BackendClient client(settings());
    const Answer health =
        wait([&](auto done) { client.get(u"/api/v1/health"_s, {}, this, std::move(done)); });
    QVERIFY(health);
    QCOMPARE(health.value().value(u"status"_s).toString(), u"ok"_s);
}

void TestBackendClient::signInAndCatalogErrors()
{
    m_backend->staffToken(u"client.teller"_s, tc::backend::staff::StaffRole::Teller);
    BackendClient client(settings());
    const Answer refused = wait([&](auto done) {
        client.send("POST", u"/api/v1/staff/session"_s,
                    {{u"username"_s, u"client.teller"_s}, {u"password"_s, u"wrong password"_s}},
                    this, std::move(done));
    });
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, ClientError::Kind::Catalog);
    QCOMPARE(refused.error().code, u"S01"_s);
    QCOMPARE(refused.error().httpStatus, 401);
    QVERIFY(refused.error().text().startsWith(u"S01: "_s));

    const Answer signedIn = wait([&](auto done) {
        client.send(
            "POST", u"/api/v1/staff/session"_s,
            {{u"username"_s, u"client.teller"_s}, {u"password"_s, TestBackend::staffPassword}},
            this, std::move(done));
    });
    QVERIFY(signedIn);
    client.setAccessToken(signedIn.value().value(u"access_token"_s).toString());
    const Answer unknown = wait([&](auto done) {
        client.get(u"/api/v1/staff/customers/999999"_s, {}, this, std::move(done));
    });
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind, ClientError::Kind::Catalog);
    QCOMPARE(unknown.error().code, u"S06"_s);

    // Sign-out answers 204: an empty object.
    const Answer signedOut = wait([&](auto done) {
        client.send("DELETE", u"/api/v1/staff/session"_s, {}, this, std::move(done));
    });
    QVERIFY(signedOut);
    QVERIFY(signedOut.value().isEmpty());
}

void TestBackendClient::sessionExpiredIsSignalled()
{
    BackendClient client(settings());
    client.setAccessToken(u"not-a-token"_s);
    QSignalSpy expired(&client, &BackendClient::sessionExpired);
    const Answer answer = wait([&](auto done) {
        client.get(u"/api/v1/staff/service-status"_s, {}, this, std::move(done));
    });
    QVERIFY(!answer);
    QCOMPARE(answer.error().kind, ClientError::Kind::SessionExpired);
    QCOMPARE(expired.size(), 1);
}

void TestBackendClient::forbiddenSaysWhatTheRoleMayNot()
{
    // Daily reports belong to supervisors.
    BackendClient client(settings());
    client.setAccessToken(
        m_backend->staffToken(u"client.reports.teller"_s, tc::backend::staff::StaffRole::Teller));
    QSignalSpy expired(&client, &BackendClient::sessionExpired);
    const Answer answer = wait([&](auto done) {
        client.get(u"/api/v1/staff/reports/daily"_s, QUrlQuery {{u"date"_s, u"2026-11-24"_s}}, this,
                   std::move(done));
    });
    QVERIFY(!answer);
    QCOMPARE(answer.error().code, u"S04"_s);
    QCOMPARE(answer.error().httpStatus, 403);
    QCOMPARE(answer.error().kind, ClientError::Kind::Forbidden);
    QVERIFY(!answer.error().text().isEmpty());
    QCOMPARE(expired.size(), 0);
}

void TestBackendClient::wrongCaIsTls()
{
    const QList<QSslCertificate> other =
        QSslCertificate::fromPath(m_backend->certificates().otherCaCertificatePath());
    QVERIFY(!other.isEmpty());
    BackendClient client({.baseUrl = QUrl(m_backend->baseUrl()), .pinnedCa = other});
    const Answer answer =
        wait([&](auto done) { client.get(u"/api/v1/health"_s, {}, this, std::move(done)); });
    QVERIFY(!answer);
    QCOMPARE(answer.error().kind, ClientError::Kind::Tls);
    QVERIFY(!answer.error().text().isEmpty());
    // The detail names the certificate problem for whoever sets the console up.
    QVERIFY2(answer.error().detail.contains(u"issuer"_s, Qt::CaseInsensitive)
                 || answer.error().detail.contains(u"certificate"_s, Qt::CaseInsensitive),
             qPrintable(answer.error().detail));
}

void TestBackendClient::getIsRetriedOnceAfterATransportFailure()
{
    DroppingRelay relay(backendPort(), /*drop=*/1);
    BackendClient client(through(relay));
    const Answer health =
        wait([&](auto done) { client.get(u"/api/v1/health"_s, {}, this, std::move(done)); });
    QVERIFY2(health, qPrintable(health ? QString() : health.error().detail));
    QCOMPARE(relay.connectionsSeen(), 2);
}

void TestBackendClient::postIsNeverRetried()
{
    DroppingRelay relay(backendPort(), /*drop=*/1);
    BackendClient client(through(relay));
    const Answer answer = wait([&](auto done) {
        client.send("POST", u"/api/v1/staff/session"_s,
                    {{u"username"_s, u"nobody"_s}, {u"password"_s, u"x"_s}}, this, std::move(done));
    });
    QVERIFY(!answer);
    QCOMPARE(answer.error().kind, ClientError::Kind::Unreachable);
    QCOMPARE(answer.error().httpStatus, 0);
    QCOMPARE(relay.connectionsSeen(), 1);
}

void TestBackendClient::backendGoneIsUnreachable()
{
    // Gone for good: one retry, then the failure (and no third try).
    DroppingRelay relay(backendPort(), /*drop=*/100);
    BackendClient client(through(relay));
    const Answer answer =
        wait([&](auto done) { client.get(u"/api/v1/health"_s, {}, this, std::move(done)); });
    QVERIFY(!answer);
    QCOMPARE(answer.error().kind, ClientError::Kind::Unreachable);
    QCOMPARE(relay.connectionsSeen(), 2);
    QVERIFY(!answer.error().text().isEmpty());
}

void TestBackendClient::closedPortIsUnreachable()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    BackendClient client({.baseUrl = QUrl(u"https://127.0.0.1:%1"_s.arg(port)),
                          .pinnedCa = {m_backend->certificates().caCertificate()}});
    const Answer answer =
        wait([&](auto done) { client.get(u"/api/v1/health"_s, {}, this, std::move(done)); });
    QVERIFY(!answer);
    QCOMPARE(answer.error().kind, ClientError::Kind::Unreachable);
}

void TestBackendClient::silentServerTimesOut()
{
    // Accepts the connection and never says a word (not even the TLS handshake).
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    BackendClient client({.baseUrl = QUrl(u"https://127.0.0.1:%1"_s.arg(silent.serverPort())),
                          .pinnedCa = {m_backend->certificates().caCertificate()},
                          .transferTimeoutMs = 300});
    const Answer answer =
        wait([&](auto done) { client.get(u"/api/v1/health"_s, {}, this, std::move(done)); });
    QVERIFY(!answer);
    QCOMPARE(answer.error().kind, ClientError::Kind::Timeout);
}

void TestBackendClient::abortIsCancelledAndDestroyedContextIsNotCalled()
{
    BackendClient client(settings());
    std::optional<Answer> aborted;
    QNetworkReply *reply =
        client.get(u"/api/v1/health"_s, {}, this, [&aborted](Answer a) { aborted = std::move(a); });
    reply->abort();
    QTRY_VERIFY(aborted.has_value());
    QCOMPARE(aborted->error().kind, ClientError::Kind::Cancelled);

    bool called = false;
    {
        QObject context;
        client.get(u"/api/v1/health"_s, {}, &context, [&called](Answer) { called = true; });
    }
    // The next call's answer proves the first one's has come and gone.
    QVERIFY(wait([&](auto done) { client.get(u"/api/v1/health"_s, {}, this, std::move(done)); }));
    QTest::qWait(50);
    QVERIFY(!called);
}

QTEST_MAIN(TestBackendClient)
#include "tst_backendclient.moc"
