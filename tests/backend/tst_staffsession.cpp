// Staff sign-in and sessions over real HTTPS against the BackendService auth-backend runs, on
// SQLite and PostgreSQL: passwords, the one S01 answer, lockout, TOTP, refresh rotation and
// reuse, sign-out, disabling, idle and absolute limits (moved by the test's clock), bad input.
#include "Database.h"
#include "ErrorCatalog.h"
#include "ErrorCodes.h"
#include "StaffAccounts.h"
#include "TestBackend.h"
#include "TestEngines.h"
#include "Totp.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QtConcurrent>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;
using backend::staff::StaffRole;
using test::StandardData;
using test::TestBackend;

namespace {

const QString password = TestBackend::staffPassword;

} // namespace

class TestStaffSession final : public QObject
{
    Q_OBJECT

    static std::unique_ptr<TestBackend>
    startBackend(const QString &engine,
                 const std::function<void(backend::BackendSettings &)> &adjust = {})
    {
        auto backend = std::make_unique<TestBackend>();
        if (Status started = backend->start(engine, adjust); !started)
            qFatal("backend: %s", qPrintable(started.error().message));
        return backend;
    }

    static void addTeller(TestBackend &b, const QString &username = u"tanaka"_s)
    {
        test::addStaff(b.service().database(), StandardData::institution, username,
                       StaffRole::Teller, u"001"_s, password);
    }

    static TestBackend::Reply signIn(TestBackend &b, const QString &username,
                                     const QString &pass = password, const QString &totp = {})
    {
        QJsonObject body {{u"username"_s, username}, {u"password"_s, pass}};
        if (!totp.isEmpty())
            body.insert(u"totp"_s, totp);
        return b.postJson(u"/api/v1/staff/session"_s, body);
    }

    static TestBackend::Reply refresh(TestBackend &b, const QString &token)
    {
        return b.postJson(u"/api/v1/staff/session/refresh"_s, {{u"refresh_token"_s, token}});
    }

    // What every staff endpoint asks: does this access token still work?
    static bool works(TestBackend &b, const QString &accessToken)
    {
        return b.service()
            .staffAccounts()
            .authenticate("Bearer " + accessToken.toLatin1(), u"127.0.0.1"_s)
            .hasValue();
    }

    static void expectCode(const TestBackend::Reply &reply, int status, QLatin1StringView code)
    {
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.json.value(u"code"_s).toString(), QString(code));
        const CatalogEntry *entry = ErrorCatalog::builtIn().find(QString(code));
        QVERIFY(entry);
        QCOMPARE(reply.json.value(u"message"_s).toString(), entry->customerMessage);
    }

    static QVariant column(TestBackend &b, const QString &sql, const QString &username)
    {
        auto q = backend::runQuery(b.service().database().connection(), sql, {username});
        if (!q || !q.value().next())
            qFatal("query failed: %s", qPrintable(sql));
        return q.value().value(0);
    }

    // One backend for the tests of bad input, which change nothing.
    std::unique_ptr<TestBackend> m_shared;
    QString m_sharedEngine;
    TestBackend &shared(const QString &engine)
    {
        if (!m_shared || m_sharedEngine != engine) {
            m_shared.reset();
            m_shared = startBackend(engine);
            m_sharedEngine = engine;
            addTeller(*m_shared);
        }
        return *m_shared;
    }

private Q_SLOTS:
    void cleanupTestCase() { m_shared.reset(); }

    void signInAndOut_data() { tc::test::addEngineRows(); }
    void signInAndOut()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine);
        addTeller(*b);
        const QString supportDesk = u"事務センター 078-000-0000 (平日 9:00–17:00)"_s;
        QVERIFY(backend::runQuery(b->service().database().connection(),
                                  u"UPDATE institutions SET support_desk = ? WHERE id = ?"_s,
                                  {supportDesk, StandardData::institution}));
        const auto reply = signIn(*b, u"tanaka"_s);
        QCOMPARE(reply.status, 200);
        const QJsonObject &j = reply.json;
        // What the console shows beside who signed in, and when it warns before the idle end.
        QCOMPARE(j.value(u"branch_name"_s).toString(), u"本店営業部"_s);
        QCOMPARE(j.value(u"support_desk"_s).toString(), supportDesk);
        QCOMPARE(j.value(u"idle_timeout_seconds"_s).toInt(), 900);
        QCOMPARE(j.value(u"token_type"_s).toString(), u"Bearer"_s);
        QCOMPARE(j.value(u"expires_in"_s).toInt(), 300);
        QCOMPARE(j.value(u"username"_s).toString(), u"tanaka"_s);
        QCOMPARE(j.value(u"display_name"_s).toString(), u"テスト tanaka"_s);
        QCOMPARE(j.value(u"role"_s).toString(), u"teller"_s);
        QCOMPARE(j.value(u"institution"_s).toString(), StandardData::institution);
        QCOMPARE(j.value(u"institution_name"_s).toString(), u"兵庫ひまわり信用組合"_s);
        QCOMPARE(j.value(u"branch_code"_s).toString(), u"001"_s);
        QCOMPARE(QDateTime::fromString(j.value(u"session_expires_at"_s).toString(), Qt::ISODate),
                 b->clock().now().addSecs(10 * 3600));
        const QString access = j.value(u"access_token"_s).toString();
        const QString refreshToken = j.value(u"refresh_token"_s).toString();
        QVERIFY(access.size() >= 43); // 256 bits, base64url
        QVERIFY(refreshToken.size() >= 43 && refreshToken != access);
        QVERIFY(!reply.body.contains(password.toUtf8()));

        const auto principal = b->service().staffAccounts().authenticate(
            "Bearer " + access.toLatin1(), u"127.0.0.1"_s);
        QVERIFY(principal);
        QCOMPARE(principal->username, u"tanaka"_s);
        QCOMPARE(principal->role, StaffRole::Teller);
        QCOMPARE(principal->institutionId, StandardData::institution);
        QCOMPARE(principal->branchId, b->data().branchId);
        QVERIFY(!works(*b, refreshToken)); // a refresh token is no bearer token
        QVERIFY(!works(*b, access + u"x"_s));

        // Only hashes are stored.
        auto stored = backend::runQuery(b->service().database().connection(),
                                        u"SELECT token_hash FROM staff_tokens"_s);
        QVERIFY(stored);
        while (stored.value().next()) {
            const QByteArray hash = stored.value().value(0).toByteArray();
            QCOMPARE(hash.size(), 32);
            QVERIFY(!hash.contains(access.toLatin1()));
        }

        const auto out =
            b->request("DELETE", u"/api/v1/staff/session"_s, {}, {TestBackend::bearer(access)});
        QCOMPARE(out.status, 204);
        QVERIFY(!works(*b, access));
        const auto again =
            b->request("DELETE", u"/api/v1/staff/session"_s, {}, {TestBackend::bearer(access)});
        expectCode(again, 401, codes::StaffSessionEnded);
        QVERIFY(again.header("WWW-Authenticate").startsWith("Bearer"));
        expectCode(refresh(*b, refreshToken), 401, codes::StaffSessionEnded);
    }

    void supportAndSupervisor_data() { tc::test::addEngineRows(); }
    void supportAndSupervisor()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine);
        test::addStaff(b->service().database(), StandardData::institution, u"sato"_s,
                       StaffRole::Support, {}, password);
        const auto reply = signIn(*b, u"sato"_s);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value(u"role"_s).toString(), u"support"_s);
        QVERIFY(reply.json.value(u"branch_code"_s).isNull());
        QVERIFY(reply.json.value(u"branch_name"_s).isNull());
        const QString token = b->staffToken(u"boss"_s, StaffRole::Supervisor);
        const auto principal =
            b->service().staffAccounts().authenticate("bearer " + token.toLatin1(), {});
        QVERIFY(principal);
        QCOMPARE(principal->role, StaffRole::Supervisor);
    }

    // Unknown user, wrong password, disabled, locked: one answer, byte for byte.
    void oneAnswerForEveryRefusal_data() { tc::test::addEngineRows(); }
    void oneAnswerForEveryRefusal()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine);
        addTeller(*b);
        addTeller(*b, u"gone"_s);
        QVERIFY(b->service().staffAccounts().disable(u"gone"_s));
        const auto wrong = signIn(*b, u"tanaka"_s, u"not the password"_s);
        expectCode(wrong, 401, codes::StaffSignInFailed);
        const auto unknown = signIn(*b, u"nobody"_s, u"not the password"_s);
        expectCode(unknown, 401, codes::StaffSignInFailed);
        QCOMPARE(unknown.body, wrong.body);
        const auto disabled = signIn(*b, u"gone"_s);
        QCOMPARE(disabled.status, 401);
        QCOMPARE(disabled.body, wrong.body);
        const auto oddName = signIn(*b, u"名前 with spaces"_s);
        QCOMPARE(oddName.status, 401);
        QCOMPARE(oddName.body, wrong.body);
    }

    // An unknown user name costs a full Argon2id verification too (against a dummy hash).
    void unknownUserTakesAsLong_data() { tc::test::addEngineRows(); }
    void unknownUserTakesAsLong()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine,
                              [](backend::BackendSettings &s) { s.staff.maxFailedSignIns = 100; });
        addTeller(*b);
        // The fastest of five: other load on the machine only ever adds time.
        const auto fastest = [&](const QString &username) {
            QList<qint64> times;
            for (int i = 0; i < 5; ++i) {
                QElapsedTimer timer;
                timer.start();
                if (signIn(*b, username, u"not the password"_s).status != 401)
                    return qint64(-1);
                times.append(timer.nsecsElapsed());
            }
            return *std::min_element(times.cbegin(), times.cend());
        };
        const qint64 known = fastest(u"tanaka"_s);
        const qint64 unknown = fastest(u"nobody"_s);
        qInfo() << "wrong password" << known / 1000000 << "ms, unknown user" << unknown / 1000000
                << "ms";
        QVERIFY(known > 0 && unknown > 0);
        // Without the dummy verification an unknown name would answer ~100 times faster.
        QVERIFY(unknown > known / 4 && unknown < known * 4);
    }

    void lockout_data() { tc::test::addEngineRows(); }
    void lockout()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine);
        addTeller(*b);
        // Failures must be consecutive: a success starts the count again.
        for (int i = 0; i < 4; ++i)
            expectCode(signIn(*b, u"tanaka"_s, u"wrong password"_s), 401, codes::StaffSignInFailed);
        QCOMPARE(signIn(*b, u"tanaka"_s).status, 200);
        QCOMPARE(
            column(*b, u"SELECT failed_logins FROM staff_users WHERE username = ?"_s, u"tanaka"_s)
                .toInt(),
            0);
        for (int i = 0; i < 5; ++i)
            expectCode(signIn(*b, u"tanaka"_s, u"wrong password"_s), 401, codes::StaffSignInFailed);
        // Locked: the right password gets the same answer, for 15 minutes.
        const auto locked = signIn(*b, u"tanaka"_s);
        expectCode(locked, 401, codes::StaffSignInFailed);
        QCOMPARE(
            column(*b, u"SELECT locked_until FROM staff_users WHERE username = ?"_s, u"tanaka"_s)
                .toLongLong(),
            b->clock().now().toMSecsSinceEpoch() + 15 * 60 * 1000);
        b->clock().advance(15 * 60 * 1000 - 1);
        expectCode(signIn(*b, u"tanaka"_s), 401, codes::StaffSignInFailed);
        // Wrong passwords while locked do not extend the lock.
        expectCode(signIn(*b, u"tanaka"_s, u"wrong password"_s), 401, codes::StaffSignInFailed);
        b->clock().advance(1);
        QCOMPARE(signIn(*b, u"tanaka"_s).status, 200);
    }

    // Concurrent wrong passwords each count exactly once (one UPDATE per failure).
    void concurrentFailuresCountExactly_data() { tc::test::addEngineRows(); }
    void concurrentFailuresCountExactly()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine,
                              [](backend::BackendSettings &s) { s.staff.maxFailedSignIns = 100; });
        addTeller(*b);
        auto &accounts = b->service().staffAccounts();
        QThreadPool pool;
        pool.setMaxThreadCount(8);
        QList<QFuture<bool>> attempts;
        for (int i = 0; i < 24; ++i) {
            attempts.append(QtConcurrent::run(&pool, [&accounts] {
                const auto result =
                    accounts.signIn(u"tanaka"_s, u"wrong password"_s, {}, u"127.0.0.1"_s);
                return !result && result.error().key == codes::StaffSignInFailed;
            }));
        }
        for (QFuture<bool> &attempt : attempts)
            QVERIFY(attempt.result());
        QCOMPARE(
            column(*b, u"SELECT failed_logins FROM staff_users WHERE username = ?"_s, u"tanaka"_s)
                .toInt(),
            24);
    }

    void concurrentFailuresLockOnce_data() { tc::test::addEngineRows(); }
    void concurrentFailuresLockOnce()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine);
        addTeller(*b);
        auto &accounts = b->service().staffAccounts();
        QThreadPool pool;
        pool.setMaxThreadCount(8);
        QList<QFuture<void>> attempts;
        for (int i = 0; i < 16; ++i) {
            attempts.append(QtConcurrent::run(&pool, [&accounts] {
                (void)accounts.signIn(u"tanaka"_s, u"wrong password"_s, {}, u"127.0.0.1"_s);
            }));
        }
        for (QFuture<void> &attempt : attempts)
            attempt.waitForFinished();
        expectCode(signIn(*b, u"tanaka"_s), 401, codes::StaffSignInFailed);
        QCOMPARE(
            column(*b, u"SELECT failed_logins FROM staff_users WHERE username = ?"_s, u"tanaka"_s)
                .toInt(),
            0); // the lock took the count; the rest found the account locked
    }

    void totp_data() { tc::test::addEngineRows(); }
    void totp()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine);
        auto &accounts = b->service().staffAccounts();
        QVERIFY(backend::runQuery(b->service().database().connection(),
                                  u"UPDATE institutions SET totp_required = 1"_s));
        const auto uri = accounts.addStaff({.institutionId = StandardData::institution,
                                            .username = u"yamada"_s,
                                            .displayName = u"山田"_s,
                                            .role = StaffRole::Teller,
                                            .branchCode = u"001"_s,
                                            .password = password,
                                            .withTotp = true});
        QVERIFY(uri);
        QVERIFY(uri->startsWith(u"otpauth://totp/"_s));
        const auto secret = backend::staff::Totp::fromBase32(
            QUrlQuery(QUrl(uri.value())).queryItemValue(u"secret"_s));
        QVERIFY(secret && secret->size() == 20);
        // The stored secret is sealed.
        const QByteArray stored =
            column(*b, u"SELECT totp_secret FROM staff_users WHERE username = ?"_s, u"yamada"_s)
                .toByteArray();
        QVERIFY(!stored.isEmpty() && !stored.contains(*secret));

        const auto code = [&](qint64 offsetSeconds = 0) {
            return backend::staff::Totp::codeAt(
                *secret, b->clock().now().toSecsSinceEpoch() + offsetSeconds);
        };
        // Right password, no code: S02. Wrong password, no code: S01 (S02 reveals nothing
        // to someone without the password).
        expectCode(signIn(*b, u"yamada"_s), 401, codes::StaffSecondFactorRequired);
        expectCode(signIn(*b, u"yamada"_s, u"wrong password"_s), 401, codes::StaffSignInFailed);
        expectCode(signIn(*b, u"yamada"_s, u"wrong password"_s, code()), 401,
                   codes::StaffSignInFailed);
        const QString wrongCode = code() == u"000000"_s ? u"000001"_s : u"000000"_s;
        expectCode(signIn(*b, u"yamada"_s, password, wrongCode), 401, codes::StaffSignInFailed);
        expectCode(signIn(*b, u"yamada"_s, password, code(-90)), 401, codes::StaffSignInFailed);
        QCOMPARE(signIn(*b, u"yamada"_s, password, code()).status, 200);
        // The same code again (a replay, or shoulder-surfing): refused.
        expectCode(signIn(*b, u"yamada"_s, password, code()), 401, codes::StaffSignInFailed);
        // The code of the step before is older than the one used: refused too.
        expectCode(signIn(*b, u"yamada"_s, password, code(-30)), 401, codes::StaffSignInFailed);
        b->clock().advance(30 * 1000);
        QCOMPARE(signIn(*b, u"yamada"_s, password, code()).status, 200);

        // A user without a TOTP secret where the institution requires one cannot sign in.
        addTeller(*b, u"notp"_s);
        expectCode(signIn(*b, u"notp"_s), 401, codes::StaffSignInFailed);
        const auto provisioned = accounts.resetTotp(u"notp"_s);
        QVERIFY(provisioned);
        expectCode(signIn(*b, u"notp"_s), 401, codes::StaffSecondFactorRequired);
        // reset-totp on yamada: the old secret stops working.
        b->clock().advance(30 * 1000);
        QVERIFY(accounts.resetTotp(u"yamada"_s));
        expectCode(signIn(*b, u"yamada"_s, password, code()), 401, codes::StaffSignInFailed);
    }

    void totpNotRequired_data() { tc::test::addEngineRows(); }
    void totpNotRequired()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine);
        addTeller(*b);
        // The institution does not require TOTP: a code given anyway is ignored.
        QCOMPARE(signIn(*b, u"tanaka"_s, password, u"123456"_s).status, 200);
        // A user who has a secret is asked for it all the same.
        QVERIFY(b->service().staffAccounts().resetTotp(u"tanaka"_s));
        expectCode(signIn(*b, u"tanaka"_s), 401, codes::StaffSecondFactorRequired);
    }

    void refreshRotates_data() { tc::test::addEngineRows(); }
    void refreshRotates()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine);
        addTeller(*b);
        const auto first = signIn(*b, u"tanaka"_s);
        QCOMPARE(first.status, 200);
        const QString refresh1 = first.json.value(u"refresh_token"_s).toString();
        b->clock().advance(60 * 1000);
        const auto second = refresh(*b, refresh1);
        QCOMPARE(second.status, 200);
        const QString access2 = second.json.value(u"access_token"_s).toString();
        const QString refresh2 = second.json.value(u"refresh_token"_s).toString();
        QVERIFY(refresh2 != refresh1);
        QVERIFY(access2 != first.json.value(u"access_token"_s).toString());
        QCOMPARE(second.json.value(u"username"_s).toString(), u"tanaka"_s);
        QCOMPARE(second.json.value(u"expires_in"_s).toInt(), 300);
        // The session's end does not move with a refresh.
        QCOMPARE(second.json.value(u"session_expires_at"_s),
                 first.json.value(u"session_expires_at"_s));
        QVERIFY(works(*b, access2));
        const auto third = refresh(*b, refresh2);
        QCOMPARE(third.status, 200);
        const QString access3 = third.json.value(u"access_token"_s).toString();
        const QString refresh3 = third.json.value(u"refresh_token"_s).toString();

        // refresh1 again: it may have been stolen. The whole session ends.
        expectCode(refresh(*b, refresh1), 401, codes::StaffSessionEnded);
        QVERIFY(!works(*b, access2));
        QVERIFY(!works(*b, access3));
        expectCode(refresh(*b, refresh3), 401, codes::StaffSessionEnded);
        QCOMPARE(column(*b,
                        u"SELECT s.end_reason FROM staff_sessions s JOIN staff_users u "
                        "ON u.id = s.staff_id WHERE u.username = ?"_s,
                        u"tanaka"_s)
                     .toString(),
                 u"refresh token reused"_s);
        // Unknown refresh tokens: S03 as well.
        expectCode(refresh(*b, u"no-such-token"_s), 401, codes::StaffSessionEnded);
    }

    void accessTokenExpires_data() { tc::test::addEngineRows(); }
    void accessTokenExpires()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine);
        addTeller(*b);
        const auto reply = signIn(*b, u"tanaka"_s);
        const QString access = reply.json.value(u"access_token"_s).toString();
        b->clock().advance(299 * 1000);
        QVERIFY(works(*b, access));
        b->clock().advance(1000);
        QVERIFY(!works(*b, access));
        QCOMPARE(refresh(*b, reply.json.value(u"refresh_token"_s).toString()).status, 200);
    }

    void signOutEndsOnlyThatSession_data() { tc::test::addEngineRows(); }
    void signOutEndsOnlyThatSession()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine);
        addTeller(*b);
        const QString desk = b->signInStaff(u"tanaka"_s);
        const QString laptop = b->signInStaff(u"tanaka"_s);
        QCOMPARE(b->request("DELETE", u"/api/v1/staff/session"_s, {}, {TestBackend::bearer(desk)})
                     .status,
                 204);
        QVERIFY(!works(*b, desk));
        QVERIFY(works(*b, laptop));
    }

    void disableEndsSessions_data() { tc::test::addEngineRows(); }
    void disableEndsSessions()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine);
        addTeller(*b);
        const auto one = signIn(*b, u"tanaka"_s);
        const QString two = b->signInStaff(u"tanaka"_s);
        QVERIFY(works(*b, two));
        QVERIFY(b->service().staffAccounts().disable(u"tanaka"_s));
        QVERIFY(!works(*b, one.json.value(u"access_token"_s).toString()));
        QVERIFY(!works(*b, two));
        expectCode(refresh(*b, one.json.value(u"refresh_token"_s).toString()), 401,
                   codes::StaffSessionEnded);
        expectCode(signIn(*b, u"tanaka"_s), 401, codes::StaffSignInFailed);
        QVERIFY(b->service().staffAccounts().enable(u"tanaka"_s));
        QCOMPARE(signIn(*b, u"tanaka"_s).status, 200);
        // The sessions that ended stay ended.
        QVERIFY(!works(*b, two));
    }

    // Even with its session rows untouched, a disabled account's tokens stop (authenticate
    // reads disabled_at itself).
    void disabledAtAloneStopsTokens_data() { tc::test::addEngineRows(); }
    void disabledAtAloneStopsTokens()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine);
        addTeller(*b);
        const QString token = b->signInStaff(u"tanaka"_s);
        QVERIFY(backend::runQuery(b->service().database().connection(),
                                  u"UPDATE staff_users SET disabled_at = 1"_s));
        QVERIFY(!works(*b, token));
    }

    void passwordChange_data() { tc::test::addEngineRows(); }
    void passwordChange()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine);
        addTeller(*b);
        const QString token = b->signInStaff(u"tanaka"_s);
        auto &accounts = b->service().staffAccounts();
        const Status tooShort = accounts.setPassword(u"tanaka"_s, u"short"_s);
        QVERIFY(!tooShort);
        QVERIFY(tooShort.error().message.contains(u"12 characters"_s));
        QVERIFY(accounts.setPassword(u"tanaka"_s, u"a brand new passphrase"_s));
        QVERIFY(!works(*b, token));
        expectCode(signIn(*b, u"tanaka"_s), 401, codes::StaffSignInFailed);
        QCOMPARE(signIn(*b, u"tanaka"_s, u"a brand new passphrase"_s).status, 200);
        const Status unknown = accounts.setPassword(u"nobody"_s, u"a brand new passphrase"_s);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().key, QString(codes::StaffNotFound));
    }

    void idleTimeout_data() { tc::test::addEngineRows(); }
    void idleTimeout()
    {
        QFETCH(QString, engine);
        // Long-lived access tokens, so that only the idle limit can stop them here.
        auto b = startBackend(
            engine, [](backend::BackendSettings &s) { s.staff.accessTokenSeconds = 3600; });
        addTeller(*b);
        const auto reply = signIn(*b, u"tanaka"_s);
        const QString access = reply.json.value(u"access_token"_s).toString();
        b->clock().advance(899 * 1000);
        QVERIFY(works(*b, access)); // a use: the idle clock starts again
        b->clock().advance(899 * 1000);
        QVERIFY(works(*b, access));
        // Uses closer together than 30 s are not written; the idle clock counts from the last
        // one written.
        b->clock().advance(20 * 1000);
        QVERIFY(works(*b, access));
        b->clock().advance(880 * 1000);
        QVERIFY(!works(*b, access));
        expectCode(refresh(*b, reply.json.value(u"refresh_token"_s).toString()), 401,
                   codes::StaffSessionEnded);
        QCOMPARE(column(*b,
                        u"SELECT s.end_reason FROM staff_sessions s JOIN staff_users u "
                        "ON u.id = s.staff_id WHERE u.username = ?"_s,
                        u"tanaka"_s)
                     .toString(),
                 u"idle timeout"_s);
    }

    // Refreshing does not count as use: a console left alone cannot keep its session.
    void refreshIsNoUse_data() { tc::test::addEngineRows(); }
    void refreshIsNoUse()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine);
        addTeller(*b);
        QString refreshToken = signIn(*b, u"tanaka"_s).json.value(u"refresh_token"_s).toString();
        for (int i = 0; i < 2; ++i) {
            b->clock().advance(299 * 1000);
            const auto next = refresh(*b, refreshToken);
            QCOMPARE(next.status, 200);
            refreshToken = next.json.value(u"refresh_token"_s).toString();
        }
        b->clock().advance(302 * 1000); // 900 s after sign-in, no staff call in between
        expectCode(refresh(*b, refreshToken), 401, codes::StaffSessionEnded);
    }

    void absoluteLifetime_data() { tc::test::addEngineRows(); }
    void absoluteLifetime()
    {
        QFETCH(QString, engine);
        auto b =
            startBackend(engine, [](backend::BackendSettings &s) { s.staff.sessionHours = 1; });
        addTeller(*b);
        const auto first = signIn(*b, u"tanaka"_s);
        QString refreshToken = first.json.value(u"refresh_token"_s).toString();
        // Busy all hour: a call and a refresh every 4 minutes.
        for (int minute = 4; minute < 60; minute += 4) {
            b->clock().advance(4 * 60 * 1000);
            const auto next = refresh(*b, refreshToken);
            QCOMPARE(next.status, 200);
            refreshToken = next.json.value(u"refresh_token"_s).toString();
            const QString access = next.json.value(u"access_token"_s).toString();
            QVERIFY(works(*b, access));
            if (minute == 56) // the access token ends with the session, not 5 minutes later
                QCOMPARE(next.json.value(u"expires_in"_s).toInt(), 240);
        }
        b->clock().advance(4 * 60 * 1000);
        expectCode(refresh(*b, refreshToken), 401, codes::StaffSessionEnded);
    }

    void rateLimited_data() { tc::test::addEngineRows(); }
    void rateLimited()
    {
        QFETCH(QString, engine);
        auto b = startBackend(engine, [](backend::BackendSettings &s) {
            s.staff.signInsPerAddressPerMinute = 3;
            s.staff.maxFailedSignIns = 100;
        });
        addTeller(*b);
        b->clock().set(QDateTime::fromSecsSinceEpoch(
            b->clock().now().toSecsSinceEpoch() / 60 * 60 + 1, Qt::UTC)); // a window's start
        for (int i = 0; i < 3; ++i)
            expectCode(signIn(*b, u"nobody"_s), 401, codes::StaffSignInFailed);
        expectCode(signIn(*b, u"tanaka"_s), 429, codes::TooManyRequests);
        b->clock().advance(60 * 1000);
        QCOMPARE(signIn(*b, u"tanaka"_s).status, 200);
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString session = u"/api/v1/staff/session"_s;
        const QString refreshPath = u"/api/v1/staff/session/refresh"_s;
        for (const QString &engine : test::TestDatabases::engines()) {
            const auto row = [&](const char *name, const QString &path, const QByteArray &body,
                                 int status, QLatin1StringView code) {
                QTest::addRow("%s %s", qPrintable(engine), name)
                    << engine << path << body << status << QString(code);
            };
            row("not json", session, "username=tanaka", 400, codes::MalformedRequest);
            row("empty", session, "", 400, codes::MalformedRequest);
            row("array", session, "[]", 400, codes::MalformedRequest);
            row("truncated", session, "{\"username\":\"tanaka\"", 400, codes::MalformedRequest);
            row("unknown field", session,
                R"({"username":"tanaka","password":"correct horse battery","admin":true})", 400,
                codes::MalformedRequest);
            row("number", session, R"({"username":42,"password":"correct horse battery"})", 400,
                codes::MalformedRequest);
            row("totp number", session,
                R"({"username":"tanaka","password":"correct horse battery","totp":123456})", 400,
                codes::MalformedRequest);
            row("no password", session, R"({"username":"tanaka"})", 400, codes::MalformedRequest);
            row("no username", session, R"({"password":"correct horse battery"})", 400,
                codes::MalformedRequest);
            row("long username", session,
                "{\"username\":\"" + QByteArray(65, 'a') + "\",\"password\":\"x\"}", 400,
                codes::MalformedRequest);
            row("refresh empty", refreshPath, "{}", 400, codes::MalformedRequest);
            row("refresh unknown field", refreshPath, R"({"refresh_token":"x","access_token":"y"})",
                400, codes::MalformedRequest);
            row("refresh number", refreshPath, R"({"refresh_token":7})", 400,
                codes::MalformedRequest);
        }
    }
    void badInput()
    {
        QFETCH(QString, engine);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        TestBackend &b = shared(engine);
        const auto reply = b.request("POST", path, body, {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.json.value(u"code"_s).toString(), code);
    }

    void deleteWithoutBearer_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("basic") << QByteArray("Basic dGFuYWthOng=");
        QTest::newRow("empty bearer") << QByteArray("Bearer ");
        QTest::newRow("unknown") << QByteArray("Bearer abcdefghijklmnopqrstuvwxyz");
        QTest::newRow("huge") << "Bearer " + QByteArray(4000, 'a');
    }
    void deleteWithoutBearer()
    {
        QFETCH(QByteArray, authorization);
        TestBackend &b = shared(u"sqlite"_s);
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        expectCode(b.request("DELETE", u"/api/v1/staff/session"_s, {}, headers), 401,
                   codes::StaffSessionEnded);
    }
};

QTEST_GUILESS_MAIN(TestStaffSession)
#include "tst_staffsession.moc"
