// The console's staff session against the real backend: sign-in, lock and unlock by password,
// idle lock, sign-out ending the tokens on the server.
#include "BackendClient.h"
#include "Session.h"
#include "TestBackend.h"

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

QTEST_MAIN(TestSession)
#include "tst_session.moc"
