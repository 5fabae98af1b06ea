// The silent sign-in at start: Session keeps the rotating refresh token in a real keychain
// (gnome-keyring in a private D-Bus session: run through scripts/with-keyring) and signs in
// with it on the next start, against the real backend. Without any D-Bus (a child process) the
// password sign-in still works and the keychain's failure is reported once.
#include "BackendClient.h"
#include "KeychainStore.h"
#include "Session.h"
#include "TestBackend.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;
using tc::Result;
using tc::Success;
using tc::client::BackendClient;
using tc::client::KeychainError;
using tc::client::KeychainStore;
using tc::client::Session;
using tc::test::TestBackend;

namespace {

const QString childArgument = u"--child-without-dbus"_s;
constexpr int waitMs = 15'000;

std::unique_ptr<BackendClient> clientOf(const TestBackend &backend)
{
    return std::make_unique<BackendClient>(tc::client::ConnectionSettings {
        .baseUrl = QUrl(backend.baseUrl()), .pinnedCa = {backend.certificates().caCertificate()}});
}

// The child's part of withoutDBus(): a password sign-in with a keychain that cannot work, then
// a resume. Prints what the console would notice.
int childWithoutDBus()
{
    const std::unique_ptr<TestBackend> backend = TestBackend::started(u"sqlite"_s);
    backend->staffToken(u"nodbus.teller"_s, tc::backend::staff::StaffRole::Teller);
    KeychainStore keychain;
    const std::unique_ptr<BackendClient> client = clientOf(*backend);
    Session session(client.get());
    session.setKeychain(&keychain);
    QSignalSpy signedIn(&session, &Session::signedIn);
    QSignalSpy keychainFailed(&session, &Session::keychainFailed);
    session.signIn(u"nodbus.teller"_s, TestBackend::staffPassword);
    if (!signedIn.wait(waitMs) || !QTest::qWaitFor([&] { return !keychainFailed.isEmpty(); }))
        return 2;
    const auto error = keychainFailed.constFirst().constFirst().value<KeychainError>();
    std::printf("signed-in %d\nkeychain-failed %d %d\n", int(session.state()),
                int(keychainFailed.size()), int(error.kind));

    Session restarted(client.get());
    restarted.setKeychain(&keychain);
    QSignalSpy resumeFailed(&restarted, &Session::resumeFailed);
    restarted.resume(u"nodbus.teller"_s);
    if (!resumeFailed.wait(waitMs))
        return 3;
    std::printf("resume-failed %d\n", int(restarted.state()));
    return 0;
}

} // namespace

class TestSilentSignIn final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void restartSignsInSilently();
    void signOutForgets();
    void lockForgetsUnlockRemembers();
    void sessionEndedOnServer();
    void reusedRefreshTokenEndsEverything();
    void unreachableBackendKeepsTheToken();
    void withoutDBusPasswordStillWorks();

private:
    // Signs in with the password through a Session of its own; answers the staff session.
    tc::protocol::StaffSession signIn(const QString &username);
    // What the keychain keeps for the user on the test backend.
    Result<QString, KeychainError> kept(const QString &username);
    void keep(const QString &username, const QString &token);
    QString key(const QString &username) const;

    std::unique_ptr<TestBackend> m_backend;
    KeychainStore m_keychain;
};

void TestSilentSignIn::initTestCase()
{
    m_backend = TestBackend::started(u"sqlite"_s);
    for (const QString &name : {u"resume.teller"_s, u"signout.teller"_s, u"lock.teller"_s,
                                u"ended.teller"_s, u"reused.teller"_s})
        m_backend->staffToken(name, tc::backend::staff::StaffRole::Teller);
}

QString TestSilentSignIn::key(const QString &username) const
{
    return KeychainStore::refreshTokenKey(QUrl(m_backend->baseUrl()), username);
}

Result<QString, KeychainError> TestSilentSignIn::kept(const QString &username)
{
    std::optional<Result<QString, KeychainError>> answer;
    m_keychain.read(key(username), this, [&answer](auto r) { answer.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, waitMs))
        return KeychainError {.detail = u"no answer"_s};
    return *answer;
}

void TestSilentSignIn::keep(const QString &username, const QString &token)
{
    bool done = false;
    m_keychain.write(key(username), token, this, [&done](auto r) { done = bool(r); });
    QVERIFY(QTest::qWaitFor([&done] { return done; }, waitMs));
}

tc::protocol::StaffSession TestSilentSignIn::signIn(const QString &username)
{
    const auto client = clientOf(*m_backend);
    Session session(client.get());
    session.setKeychain(&m_keychain);
    QSignalSpy signedIn(&session, &Session::signedIn);
    session.signIn(username, TestBackend::staffPassword);
    if (!signedIn.wait(waitMs))
        return {};
    return session.staff();
    // The console quits here without signing out: the session stays open on the server.
}

void TestSilentSignIn::restartSignsInSilently()
{
    const tc::protocol::StaffSession first = signIn(u"resume.teller"_s);
    QVERIFY(!first.refreshToken.isEmpty());
    // Only the refresh token is kept (calls after it answer after it: the keychain runs them in
    // order).
    QCOMPARE(kept(u"resume.teller"_s).value(), first.refreshToken);

    // The next start: a new client and session, no password.
    const auto client = clientOf(*m_backend);
    Session session(client.get());
    session.setKeychain(&m_keychain);
    QSignalSpy signedIn(&session, &Session::signedIn);
    QSignalSpy resumeFailed(&session, &Session::resumeFailed);
    session.resume(u"resume.teller"_s);
    QVERIFY(signedIn.wait(waitMs));
    QVERIFY(resumeFailed.isEmpty());
    QCOMPARE(session.state(), Session::State::SignedIn);
    QCOMPARE(session.staff().username, u"resume.teller"_s);
    QCOMPARE(session.staff().role, u"teller"_s);
    QVERIFY(client->hasAccessToken());
    QCOMPARE(m_backend
                 ->request("GET", u"/api/v1/staff/service-status"_s, {},
                           {TestBackend::bearer(session.staff().accessToken)})
                 .status,
             200);
    // The token rotated: the keychain keeps the new one.
    QVERIFY(session.staff().refreshToken != first.refreshToken);
    QCOMPARE(kept(u"resume.teller"_s).value(), session.staff().refreshToken);
}

void TestSilentSignIn::signOutForgets()
{
    const auto client = clientOf(*m_backend);
    Session session(client.get());
    session.setKeychain(&m_keychain);
    QSignalSpy signedIn(&session, &Session::signedIn);
    session.signIn(u"signout.teller"_s, TestBackend::staffPassword);
    QVERIFY(signedIn.wait(waitMs));
    QVERIFY(kept(u"signout.teller"_s));

    session.signOut();
    const auto gone = kept(u"signout.teller"_s);
    QVERIFY(!gone);
    QCOMPARE(gone.error().kind, KeychainError::Kind::NotFound);

    // The next start asks for the password, with nothing to explain.
    Session restarted(client.get());
    restarted.setKeychain(&m_keychain);
    QSignalSpy resumeFailed(&restarted, &Session::resumeFailed);
    QSignalSpy keychainFailed(&restarted, &Session::keychainFailed);
    restarted.resume(u"signout.teller"_s);
    QVERIFY(resumeFailed.wait(waitMs));
    QCOMPARE(resumeFailed.constFirst().constFirst().toString(), QString());
    QVERIFY(keychainFailed.isEmpty());
    QCOMPARE(restarted.state(), Session::State::SignedOut);
}

void TestSilentSignIn::lockForgetsUnlockRemembers()
{
    const auto client = clientOf(*m_backend);
    Session session(client.get());
    session.setKeychain(&m_keychain);
    QSignalSpy signedIn(&session, &Session::signedIn);
    session.signIn(u"lock.teller"_s, TestBackend::staffPassword);
    QVERIFY(signedIn.wait(waitMs));

    // Restarting a locked console must not skip the password.
    session.lock();
    QCOMPARE(kept(u"lock.teller"_s).error().kind, KeychainError::Kind::NotFound);

    QSignalSpy unlocked(&session, &Session::unlocked);
    session.unlock(TestBackend::staffPassword);
    QVERIFY(unlocked.wait(waitMs));
    QCOMPARE(kept(u"lock.teller"_s).value(), session.staff().refreshToken);
}

void TestSilentSignIn::sessionEndedOnServer()
{
    const tc::protocol::StaffSession first = signIn(u"ended.teller"_s);
    // Ended elsewhere (as an operator's `staff disable` or the idle limit would) while the
    // console was closed.
    QCOMPARE(m_backend
                 ->request("DELETE", u"/api/v1/staff/session"_s, {},
                           {TestBackend::bearer(first.accessToken)})
                 .status,
             204);

    const auto client = clientOf(*m_backend);
    Session session(client.get());
    session.setKeychain(&m_keychain);
    QSignalSpy resumeFailed(&session, &Session::resumeFailed);
    QSignalSpy signedIn(&session, &Session::signedIn);
    session.resume(u"ended.teller"_s);
    QVERIFY(resumeFailed.wait(waitMs));
    QVERIFY(signedIn.isEmpty());
    QCOMPARE(session.state(), Session::State::SignedOut);
    QVERIFY(!client->hasAccessToken());
    QVERIFY(resumeFailed.constFirst().constFirst().toString().contains(u"password"_s));
    // The dead token is not offered again.
    QCOMPARE(kept(u"ended.teller"_s).error().kind, KeychainError::Kind::NotFound);

    // And the password still works.
    session.signIn(u"ended.teller"_s, TestBackend::staffPassword);
    QVERIFY(signedIn.wait(waitMs));
}

void TestSilentSignIn::reusedRefreshTokenEndsEverything()
{
    const tc::protocol::StaffSession first = signIn(u"reused.teller"_s);
    const auto client = clientOf(*m_backend);
    Session resumed(client.get());
    resumed.setKeychain(&m_keychain);
    QSignalSpy signedIn(&resumed, &Session::signedIn);
    resumed.resume(u"reused.teller"_s);
    QVERIFY(signedIn.wait(waitMs));
    const QString rotatedAccess = resumed.staff().accessToken;

    // A copy of the keychain taken before the rotation (a backup, another machine) offers the
    // used token: the server takes it for stolen and ends the whole session.
    keep(u"reused.teller"_s, first.refreshToken);
    const auto otherClient = clientOf(*m_backend);
    Session copy(otherClient.get());
    copy.setKeychain(&m_keychain);
    QSignalSpy resumeFailed(&copy, &Session::resumeFailed);
    copy.resume(u"reused.teller"_s);
    QVERIFY(resumeFailed.wait(waitMs));
    QCOMPARE(copy.state(), Session::State::SignedOut);
    QVERIFY(!resumeFailed.constFirst().constFirst().toString().isEmpty());
    QCOMPARE(kept(u"reused.teller"_s).error().kind, KeychainError::Kind::NotFound);
    QCOMPARE(m_backend
                 ->request("GET", u"/api/v1/staff/service-status"_s, {},
                           {TestBackend::bearer(rotatedAccess)})
                 .status,
             401);
}

void TestSilentSignIn::unreachableBackendKeepsTheToken()
{
    // A port nothing listens on.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QUrl url(u"https://127.0.0.1:%1"_s.arg(closed.serverPort()));
    closed.close();
    const QString offlineKey = KeychainStore::refreshTokenKey(url, u"offline.teller"_s);
    bool written = false;
    m_keychain.write(offlineKey, u"still-good"_s, this, [&written](auto r) { written = bool(r); });
    QVERIFY(QTest::qWaitFor([&written] { return written; }, waitMs));

    BackendClient client({.baseUrl = url, .pinnedCa = {m_backend->certificates().caCertificate()}});
    Session session(&client);
    session.setKeychain(&m_keychain);
    QSignalSpy resumeFailed(&session, &Session::resumeFailed);
    session.resume(u"offline.teller"_s);
    QVERIFY(resumeFailed.wait(waitMs));
    QCOMPARE(session.state(), Session::State::SignedOut);
    QVERIFY(!resumeFailed.constFirst().constFirst().toString().isEmpty());
    // The network may come back: the token is kept for the next start.
    std::optional<Result<QString, KeychainError>> kept;
    m_keychain.read(offlineKey, this, [&kept](auto r) { kept.emplace(std::move(r)); });
    QVERIFY(QTest::qWaitFor([&kept] { return kept.has_value(); }, waitMs));
    QCOMPARE(kept->value(), u"still-good"_s);
}

void TestSilentSignIn::withoutDBusPasswordStillWorks()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"DBUS_SESSION_BUS_ADDRESS"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
        environment.remove(name);
    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {childArgument});
    QVERIFY2(child.waitForFinished(60'000), "the console hung without D-Bus");
    QCOMPARE(child.exitCode(), 0);
    const QStringList lines =
        QString::fromUtf8(child.readAllStandardOutput()).trimmed().split(u'\n');
    QCOMPARE(lines,
             QStringList({u"signed-in %1"_s.arg(int(Session::State::SignedIn)),
                          u"keychain-failed 1 %1"_s.arg(int(KeychainError::Kind::Unavailable)),
                          u"resume-failed %1"_s.arg(int(Session::State::SignedOut))}));
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (QCoreApplication::arguments().contains(childArgument))
        return childWithoutDBus();
    TestSilentSignIn test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_silentsignin.moc"
