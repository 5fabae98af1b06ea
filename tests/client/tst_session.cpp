// The console's staff session against the real backend: sign-in, lock and unlock by password,
// idle lock, sign-out ending the tokens on the server.
#include "BackendClient.h"
#include "Session.h"
#include "TestBackend.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using tc::client::BackendClient;
using tc::client::ClientError;
using tc::client::Session;
using tc::test::TestBackend;

class TestSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signInLockUnlockSignOut();
    void idleLocks();
    void refreshesBeforeExpiry();
    void wakingPastTheLimitLocks();

private:
    std::unique_ptr<TestBackend> m_backend;
};

void TestSession::initTestCase()
{
    m_backend = TestBackend::started(u"sqlite"_s);
    m_backend->staffToken(u"session.teller"_s, tc::backend::staff::StaffRole::Teller);
}

void TestSession::signInLockUnlockSignOut()
{
    BackendClient client({.baseUrl = QUrl(m_backend->baseUrl()),
                          .pinnedCa = {m_backend->certificates().caCertificate()}});
    Session session(&client);
    QSignalSpy failed(&session, &Session::signInFailed);
    QSignalSpy signedIn(&session, &Session::signedIn);

    session.signIn(u"session.teller"_s, u"wrong password"_s);
    QVERIFY(failed.wait());
    QCOMPARE(failed.constLast().constFirst().value<ClientError>().code, u"S01"_s);
    QCOMPARE(session.state(), Session::State::SignedOut);

    session.signIn(u"session.teller"_s, TestBackend::staffPassword);
    QVERIFY(signedIn.wait());
    QCOMPARE(session.state(), Session::State::SignedIn);
    QCOMPARE(session.staff().role, u"teller"_s);
    QVERIFY(client.hasAccessToken());

    QSignalSpy locked(&session, &Session::locked);
    QSignalSpy unlocked(&session, &Session::unlocked);
    session.lock();
    QCOMPARE(locked.size(), 1);
    QCOMPARE(session.state(), Session::State::Locked);
    session.unlock(u"wrong password"_s);
    QVERIFY(failed.wait());
    QCOMPARE(session.state(), Session::State::Locked);
    session.unlock(TestBackend::staffPassword);
    QVERIFY(unlocked.wait());
    QCOMPARE(session.state(), Session::State::SignedIn);

    const QString token = session.staff().accessToken;
    QSignalSpy signedOut(&session, &Session::signedOut);
    session.signOut();
    QCOMPARE(signedOut.size(), 1);
    QVERIFY(!client.hasAccessToken());
    // The server ended the session: its token no longer works.
    QTRY_COMPARE(
        m_backend
            ->request("GET", u"/api/v1/staff/service-status"_s, {}, {TestBackend::bearer(token)})
            .status,
        401);
}

void TestSession::idleLocks()
{
    BackendClient client({.baseUrl = QUrl(m_backend->baseUrl()),
                          .pinnedCa = {m_backend->certificates().caCertificate()}});
    Session session(&client);
    session.setIdleLockSeconds(1);
    QSignalSpy signedIn(&session, &Session::signedIn);
    session.signIn(u"session.teller"_s, TestBackend::staffPassword);
    QVERIFY(signedIn.wait());
    QSignalSpy locked(&session, &Session::locked);
    QVERIFY(locked.wait(15000));
    QCOMPARE(session.state(), Session::State::Locked);
}

void TestSession::refreshesBeforeExpiry()
{
    // Access tokens of 10 s: the session refreshes at 80 % of that, before the token expires.
    constexpr int lifetimeSeconds = 10;
    TestBackend backend;
    const tc::Status started = backend.start(u"sqlite"_s, [](tc::backend::BackendSettings &s) {
        s.staff.accessTokenSeconds = lifetimeSeconds;
    });
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    backend.staffToken(u"refresh.teller"_s, tc::backend::staff::StaffRole::Teller);

    BackendClient client(
        {.baseUrl = QUrl(backend.baseUrl()), .pinnedCa = {backend.certificates().caCertificate()}});
    Session session(&client);
    QSignalSpy signedIn(&session, &Session::signedIn);
    QSignalSpy expired(&session, &Session::expired);
    session.signIn(u"refresh.teller"_s, TestBackend::staffPassword);
    QVERIFY(signedIn.wait());
    QCOMPARE(session.staff().expiresIn, lifetimeSeconds);
    const QString firstAccess = session.staff().accessToken;
    const QString firstRefresh = session.staff().refreshToken;
    QElapsedTimer sinceSignIn;
    sinceSignIn.start();

    QTRY_VERIFY_WITH_TIMEOUT(session.staff().accessToken != firstAccess, 20000);
    // Before the old token's end (the backend's clock stands still; this machine's does not).
    QVERIFY2(sinceSignIn.elapsed() < lifetimeSeconds * 1000,
             qPrintable(QString::number(sinceSignIn.elapsed())));
    QVERIFY(session.staff().refreshToken != firstRefresh); // it rotates
    QCOMPARE(session.state(), Session::State::SignedIn);
    QCOMPARE(session.staff().username, u"refresh.teller"_s);

    // The new token works for calls.
    std::optional<tc::Result<QJsonObject, ClientError>> answer;
    client.get(u"/api/v1/staff/service-status"_s, {}, this,
               [&answer](tc::Result<QJsonObject, ClientError> a) { answer = std::move(a); });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 20000);
    QVERIFY(answer->hasValue());

    // A second refresh comes after another 8 s, one at a time: still one session, never ended.
    const QString secondAccess = session.staff().accessToken;
    QTRY_VERIFY_WITH_TIMEOUT(session.staff().accessToken != secondAccess, 20000);
    QCOMPARE(expired.size(), 0);
    QCOMPARE(session.state(), Session::State::SignedIn);
    session.signOut();
}

void TestSession::wakingPastTheLimitLocks()
{
    // The machine sleeps: no timer runs, the wall clock jumps. The first check after waking
    // locks, though the timers themselves saw almost no time pass.
    BackendClient client({.baseUrl = QUrl(m_backend->baseUrl()),
                          .pinnedCa = {m_backend->certificates().caCertificate()}});
    Session session(&client);
    QDateTime now = QDateTime::currentDateTimeUtc();
    session.setWallClock([&now] { return now; });
    session.setIdleLockSeconds(10 * 60);
    QSignalSpy signedIn(&session, &Session::signedIn);
    session.signIn(u"session.teller"_s, TestBackend::staffPassword);
    QVERIFY(signedIn.wait());

    // Input keeps it open: a key press 9 minutes in restarts the idle time.
    now = now.addSecs(9 * 60);
    // (The filter looks at the event's type only; this library has no GUI events to build.)
    QEvent key(QEvent::KeyPress);
    QCoreApplication::sendEvent(&client, &key);
    now = now.addSecs(9 * 60);
    QSignalSpy locked(&session, &Session::locked);
    QVERIFY(!locked.wait(6000)); // a check ran: 9 minutes since the key press, still open
    QCOMPARE(session.state(), Session::State::SignedIn);

    now = now.addSecs(2 * 60); // asleep over the limit
    QVERIFY(locked.wait(10000));
    QCOMPARE(session.state(), Session::State::Locked);
    session.signOut();
}

QTEST_MAIN(TestSession)
#include "tst_session.moc"
