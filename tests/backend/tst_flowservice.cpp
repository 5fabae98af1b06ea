// The customer flow of the seeds (screens ① to ⑥) against a real database, SQLite and
// PostgreSQL, with the clock under the test's control: every rule answers with its catalog code.
#include "Crypto.h"
#include "Database.h"
#include "ErrorCodes.h"
#include "FlowService.h"
#include "TestBackend.h"
#include "TestDatabases.h"
#include "TestEngines.h"
#include "TokyoTime.h"

#include <QUrlQuery>
#include <QtConcurrent>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;
using namespace tc::backend;

namespace {

const QString redirect = test::StandardData::redirectUri;
const QString challenge = u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s; // RFC 7636 example

} // namespace

class TestFlowService final : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        std::unique_ptr<Database> database;
        std::unique_ptr<ManualClock> clock;
        std::unique_ptr<FlowService> flows;
        qint64 accountId = 0;
        qint64 otherAccountId = 0;
    };

    test::TestDatabases m_databases;
    RequestOrigin m_origin {u"192.0.2.10"_s};

    Fixture makeFixture(const QString &engine)
    {
        Fixture f;
        auto opened = Database::open(m_databases.create(engine));
        if (!opened)
            qFatal("%s", qPrintable(opened.error().message));
        f.database = std::move(opened.value());
        f.clock = std::make_unique<ManualClock>(test::tokyoTime(2026, 11, 24, 14, 0));
        // The tests drive hundreds of steps from one address within one simulated minute.
        f.flows = std::make_unique<FlowService>(
            *f.database, *f.clock, QByteArray(32, 'k'),
            FlowSettings {.callsPerAddressPerMinute = 100000, .flowsPerAppPerMinute = 100000});
        const test::StandardData data = test::seedStandardData(*f.database, *f.flows);
        f.accountId = data.accountId;
        f.otherAccountId = data.noCardAccountId;
        return f;
    }

    QString newFlow(Fixture &f)
    {
        const auto created = f.flows->create({u"hyogo-himawari"_s, u"creco"_s, redirect, u"xyz"_s,
                                              challenge, u"S256"_s, u"accounts"_s},
                                             m_origin);
        if (!created)
            qFatal("create flow: %s", qPrintable(created.error().message));
        return created->flowId;
    }

    static CustomerInput rightCustomer()
    {
        return {u"ﾃﾞｰﾀ ﾀﾛｳ"_s, u"1980-04-01"_s, u"078-631-0000"_s, u"taro@example.jp"_s,
                u"taro@example.jp"_s};
    }
    static CustomerInput wrongCustomer()
    {
        CustomerInput input = rightCustomer();
        input.birthDate = u"1980-04-02"_s;
        return input;
    }

    QString flowAtCustomerStep(Fixture &f)
    {
        const QString id = newFlow(f);
        const auto account =
            f.flows->submitAccount(id, {u"001"_s, u"ordinary"_s, u"1234567"_s}, m_origin);
        if (!account)
            qFatal("account step: %s", qPrintable(account.error().message));
        return id;
    }

    QString flowAtPinStep(Fixture &f)
    {
        const QString id = flowAtCustomerStep(f);
        const auto phone = f.flows->submitCustomer(id, rightCustomer(), m_origin);
        if (!phone)
            qFatal("customer step: %s", qPrintable(phone.error().message));
        if (!f.flows->recordCall(u"0786310000"_s, phone->destinationNumber, f.clock->now()))
            qFatal("call");
        if (!f.flows->confirmPhone(id, m_origin))
            qFatal("phone step");
        return id;
    }

    static int countRows(Fixture &f, const QString &sql, const QVariantList &values = {})
    {
        auto query = runQuery(f.database->connection(), sql, values);
        if (!query || !query.value().next())
            qFatal("count failed");
        return query.value().value(0).toInt();
    }

private Q_SLOTS:
    void completeFlow_data() { tc::test::addEngineRows(); }
    void completeFlow()
    {
        QFETCH(QString, engine);
        Fixture f = makeFixture(engine);
        const QString id = newFlow(f);

        const auto account =
            f.flows->submitAccount(id, {u"001"_s, u"ordinary"_s, u"1234567"_s}, m_origin);
        QVERIFY(account);
        QCOMPARE(account->step, u"customer"_s);

        const auto phone = f.flows->submitCustomer(id, rightCustomer(), m_origin);
        QVERIFY2(phone, qPrintable(phone ? QString() : phone.error().message));
        QCOMPARE(phone->registeredPhone, u"0786310000"_s);
        QVERIFY(QStringList({u"0120000001"_s, u"0120000002"_s, u"0120000003"_s})
                    .contains(phone->destinationNumber));
        QCOMPARE(phone->expiresAt, f.clock->now().addSecs(120));

        f.clock->advance(30'000);
        QVERIFY(f.flows->recordCall(u"078-631-0000"_s, phone->destinationNumber, f.clock->now()));
        const auto pinStep = f.flows->confirmPhone(id, m_origin);
        QVERIFY(pinStep);
        QCOMPARE(pinStep->step, u"pin"_s);

        const auto consent = f.flows->submitPin(id, u"4321"_s, m_origin);
        QVERIFY(consent);
        QCOMPARE(consent->clientName, u"しんくみアプリ with CRECO"_s);
        QCOMPARE(consent->periodDays, 30);

        const auto done = f.flows->decide(id, {true, u"allow"_s}, m_origin);
        QVERIFY(done);
        const QUrl url(done->redirectUri);
        QCOMPARE(url.toString(QUrl::RemoveQuery), redirect);
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(u"state"_s), u"xyz"_s);
        QVERIFY(query.queryItemValue(u"code"_s).size() >= 43); // 256 random bits

        QCOMPARE(countRows(f,
                           u"SELECT COUNT(*) FROM linkages WHERE account_id = ? "
                           "AND expires_at = ?"_s,
                           {f.accountId, f.clock->now().addDays(30).toMSecsSinceEpoch()}),
                 1);
        QCOMPARE(countRows(f, u"SELECT COUNT(*) FROM outbox WHERE recipient = ?"_s,
                           {u"taro@example.jp"_s}),
                 1);
        // The e-mail address is kept only for the notice; the flow forgets it.
        QCOMPARE(countRows(f, u"SELECT COUNT(*) FROM flows WHERE email IS NOT NULL"_s), 0);
        QCOMPARE(countRows(f,
                           u"SELECT COUNT(*) FROM attempts WHERE flow_id = ? "
                           "AND outcome = 'success'"_s,
                           {id}),
                 5);
        // A finished flow takes no more steps.
        QCOMPARE(f.flows->submitPin(id, u"4321"_s, m_origin).error().key,
                 QString(codes::StepOutOfOrder));
    }

    void accountStepRules_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QStringList>("input");
        QTest::addColumn<QString>("code");
        const QList<std::tuple<const char *, QStringList, QLatin1StringView>> cases {
            {"missing number", {u"001"_s, u"ordinary"_s, QString()}, codes::MissingFields},
            {"missing type", {u"001"_s, QString(), u"1234567"_s}, codes::MissingFields},
            {"letters in number", {u"001"_s, u"ordinary"_s, u"12a4567"_s}, codes::InvalidFormat},
            {"unknown type", {u"001"_s, u"current"_s, u"1234567"_s}, codes::InvalidFormat},
            {"no such account", {u"001"_s, u"ordinary"_s, u"1111111"_s}, codes::AccountNotEligible},
            {"no such branch", {u"009"_s, u"ordinary"_s, u"1234567"_s}, codes::AccountNotEligible},
            {"wrong type", {u"001"_s, u"savings"_s, u"1234567"_s}, codes::AccountNotEligible},
            {"no cash card", {u"001"_s, u"savings"_s, u"7654321"_s}, codes::AccountNotEligible},
            {"SQL in number", {u"001"_s, u"ordinary"_s, u"1' OR '1'='1"_s}, codes::InvalidFormat},
        };
        for (const QString &engine : test::TestDatabases::engines()) {
            for (const auto &[name, input, code] : cases)
                QTest::addRow("%s %s", qPrintable(engine), name)
                    << engine << input << QString(code);
        }
    }
    void accountStepRules()
    {
        QFETCH(QString, engine);
        QFETCH(QStringList, input);
        QFETCH(QString, code);
        Fixture f = makeFixture(engine);
        const QString id = newFlow(f);
        const auto answer = f.flows->submitAccount(id, {input[0], input[1], input[2]}, m_origin);
        QVERIFY(!answer);
        QCOMPARE(answer.error().key, code);
        QVERIFY(!answer.error().message.isEmpty());
        // Nothing here counts toward a lock, and the customer may try again.
        QCOMPARE(countRows(f, u"SELECT COUNT(*) FROM lock_counters"_s), 0);
        QVERIFY(f.flows->submitAccount(id, {u"001"_s, u"ordinary"_s, u"1234567"_s}, m_origin));
    }

    void identityLockAndRelease_data() { tc::test::addEngineRows(); }
    void identityLockAndRelease()
    {
        QFETCH(QString, engine);
        Fixture f = makeFixture(engine);
        const QString id = flowAtCustomerStep(f);
        for (int i = 1; i <= 4; ++i) {
            const auto answer = f.flows->submitCustomer(id, wrongCustomer(), m_origin);
            QCOMPARE(answer.error().key, QString(codes::IdentityMismatch));
        }
        QCOMPARE(f.flows->submitCustomer(id, wrongCustomer(), m_origin).error().key,
                 QString(codes::IdentityLockedNow));
        // Even the right data is refused while locked, at screen ② and at screen ①.
        QCOMPARE(f.flows->submitCustomer(id, rightCustomer(), m_origin).error().key,
                 QString(codes::IdentityLocked));
        const auto accountStep =
            f.flows->submitAccount(newFlow(f), {u"001"_s, u"ordinary"_s, u"1234567"_s}, m_origin);
        QCOMPARE(accountStep.error().key, QString(codes::IdentityLocked));
        QVERIFY(accountStep.error().message.contains(u"B84"_s));
        QCOMPARE(countRows(f, u"SELECT failures FROM lock_counters WHERE kind = 'identity'"_s), 5);

        // Still locked at the last millisecond of the Tokyo day; released at 00:00.
        f.clock->set(test::tokyoTime(2026, 11, 24, 23, 59, 59, 999));
        const QString late = newFlowAtAccountOrFail(f, codes::IdentityLocked);
        Q_UNUSED(late)
        f.clock->set(test::tokyoTime(2026, 11, 25, 0, 0, 0, 0));
        // 00:00 itself is inside the daily one-minute closure.
        QCOMPARE(f.flows
                     ->create({u"hyogo-himawari"_s, u"creco"_s, redirect, u"s"_s, challenge,
                               u"S256"_s, u"accounts"_s},
                              m_origin)
                     .error()
                     .key,
                 QString(codes::OutsideServiceHours));
        f.clock->set(test::tokyoTime(2026, 11, 25, 0, 1, 0, 0));
        const QString fresh = flowAtCustomerStep(f);
        QVERIFY(f.flows->submitCustomer(fresh, rightCustomer(), m_origin));
    }

    QString newFlowAtAccountOrFail(Fixture &f, QLatin1StringView expected)
    {
        const QString id = newFlow(f);
        const auto answer =
            f.flows->submitAccount(id, {u"001"_s, u"ordinary"_s, u"1234567"_s}, m_origin);
        if (answer || answer.error().key != QString(expected))
            qFatal("expected %s at the account step", expected.data());
        return id;
    }

    void concurrentWrongAttemptsCountExactly_data() { tc::test::addEngineRows(); }
    void concurrentWrongAttemptsCountExactly()
    {
        QFETCH(QString, engine);
        Fixture f = makeFixture(engine);
        QStringList ids;
        for (int i = 0; i < 100; ++i)
            ids << flowAtCustomerStep(f);
        QThreadPool pool;
        pool.setMaxThreadCount(16);
        QList<QFuture<QString>> answers;
        for (const QString &id : std::as_const(ids)) {
            answers << QtConcurrent::run(&pool, [&f, id, this] {
                const auto answer = f.flows->submitCustomer(id, wrongCustomer(), m_origin);
                return answer ? QString() : answer.error().key;
            });
        }
        QMap<QString, int> byCode;
        for (QFuture<QString> &answer : answers)
            ++byCode[answer.result()];
        QCOMPARE(byCode.value(QString(codes::IdentityMismatch)), 4);
        QCOMPARE(byCode.value(QString(codes::IdentityLockedNow)), 1);
        QCOMPARE(byCode.value(QString(codes::IdentityLocked)), 95);
        QCOMPARE(countRows(f, u"SELECT failures FROM lock_counters WHERE kind = 'identity'"_s), 5);
        QCOMPARE(countRows(f, u"SELECT COUNT(*) FROM attempts WHERE outcome = 'failure'"_s), 5);
        pool.waitForDone();
    }

    void phoneStep_data() { tc::test::addEngineRows(); }
    void phoneStep()
    {
        QFETCH(QString, engine);
        Fixture f = makeFixture(engine);

        // 確定する before calling: waiting for the call.
        QString id = flowAtCustomerStep(f);
        auto phone = f.flows->submitCustomer(id, rightCustomer(), m_origin);
        QVERIFY(phone);
        QCOMPARE(f.flows->confirmPhone(id, m_origin).error().key, QString(codes::AwaitingCall));

        // A call from another number does not verify.
        QVERIFY(f.flows->recordCall(u"09000000000"_s, phone->destinationNumber, f.clock->now()));
        QCOMPARE(f.flows->confirmPhone(id, m_origin).error().key,
                 QString(codes::CallFromUnregisteredNumber));
        // The registered number calling another destination does not verify either.
        const QString elsewhere =
            phone->destinationNumber == u"0120000001"_s ? u"0120000002"_s : u"0120000001"_s;
        QVERIFY(f.flows->recordCall(u"0786310000"_s, elsewhere, f.clock->now()));
        QVERIFY(!f.flows->confirmPhone(id, m_origin));

        // A call after 120 s proves nothing, and 確定する after 120 s voids the flow.
        f.clock->advance(120'001);
        QVERIFY(f.flows->recordCall(u"0786310000"_s, phone->destinationNumber, f.clock->now()));
        QCOMPARE(f.flows->confirmPhone(id, m_origin).error().key,
                 QString(codes::CallWindowExpired));
        QCOMPARE(f.flows->confirmPhone(id, m_origin).error().key, QString(codes::StepOutOfOrder));

        // In time, 確定する at 119 s after a call at 100 s goes through.
        id = flowAtCustomerStep(f);
        phone = f.flows->submitCustomer(id, rightCustomer(), m_origin);
        QVERIFY(phone);
        f.clock->advance(100'000);
        QVERIFY(f.flows->recordCall(u"0786310000"_s, phone->destinationNumber, f.clock->now()));
        f.clock->advance(19'000);
        QCOMPARE(f.flows->confirmPhone(id, m_origin)->step, u"pin"_s);
    }

    void pinLockTouchesNothingElse_data() { tc::test::addEngineRows(); }
    void pinLockTouchesNothingElse()
    {
        QFETCH(QString, engine);
        Fixture f = makeFixture(engine);
        const QString id = flowAtPinStep(f);
        QCOMPARE(f.flows->submitPin(id, u""_s, m_origin).error().key,
                 QString(codes::MissingFields));
        QCOMPARE(f.flows->submitPin(id, u"12345"_s, m_origin).error().key,
                 QString(codes::InvalidFormat));
        QCOMPARE(f.flows->submitPin(id, u"0000"_s, m_origin).error().key, QString(codes::WrongPin));
        QCOMPARE(f.flows->submitPin(id, u"1111"_s, m_origin).error().key, QString(codes::WrongPin));
        QCOMPARE(f.flows->submitPin(id, u"2222"_s, m_origin).error().key,
                 QString(codes::PinLockedNow));
        QCOMPARE(f.flows->submitPin(id, u"4321"_s, m_origin).error().key,
                 QString(codes::PinLocked));
        // The identity lock is untouched: the customer still passes screens ① and ②.
        QCOMPARE(countRows(f, u"SELECT COUNT(*) FROM lock_counters WHERE kind = 'identity'"_s), 0);
        const QString again = flowAtCustomerStep(f);
        QVERIFY(f.flows->submitCustomer(again, rightCustomer(), m_origin));
    }

    void consentCancelAndOrder_data() { tc::test::addEngineRows(); }
    void consentCancelAndOrder()
    {
        QFETCH(QString, engine);
        Fixture f = makeFixture(engine);
        QString id = flowAtPinStep(f);
        QVERIFY(f.flows->submitPin(id, u"4321"_s, m_origin));
        QCOMPARE(f.flows->decide(id, {false, u"allow"_s}, m_origin).error().key,
                 QString(codes::TermsNotAgreed));
        QCOMPARE(f.flows->decide(id, {true, u"maybe"_s}, m_origin).error().key,
                 QString(codes::MalformedRequest));
        const auto denied = f.flows->decide(id, {false, u"deny"_s}, m_origin);
        QVERIFY(denied);
        const QUrlQuery deniedQuery {QUrl(denied->redirectUri)};
        QCOMPARE(deniedQuery.queryItemValue(u"error"_s), u"access_denied"_s);
        QCOMPARE(deniedQuery.queryItemValue(u"state"_s), u"xyz"_s);
        QCOMPARE(countRows(f, u"SELECT COUNT(*) FROM linkages"_s), 0);

        // Steps out of order, and a flow that does not exist.
        id = newFlow(f);
        QCOMPARE(f.flows->submitPin(id, u"4321"_s, m_origin).error().key,
                 QString(codes::StepOutOfOrder));
        QCOMPARE(f.flows->confirmPhone(id, m_origin).error().key, QString(codes::StepOutOfOrder));
        QCOMPARE(f.flows->submitAccount(u"no-such-flow"_s, {}, m_origin).error().key,
                 QString(codes::FlowNotFound));

        // 中止する at any step ends the flow.
        QCOMPARE(f.flows->cancel(id, m_origin)->step, u"cancelled"_s);
        QCOMPARE(f.flows->submitAccount(id, {u"001"_s, u"ordinary"_s, u"1234567"_s}, m_origin)
                     .error()
                     .key,
                 QString(codes::StepOutOfOrder));
        QCOMPARE(f.flows->cancel(id, m_origin).error().key, QString(codes::StepOutOfOrder));
        const QString atPhone = flowAtCustomerStep(f);
        QVERIFY(f.flows->submitCustomer(atPhone, rightCustomer(), m_origin));
        QVERIFY(f.flows->cancel(atPhone, m_origin));
        QCOMPARE(countRows(f, u"SELECT COUNT(*) FROM attempts WHERE code = 'E03'"_s), 2);

        // An abandoned flow is forgotten after its lifetime.
        const QString abandoned = newFlow(f);
        f.clock->advance(31 * 60 * 1000);
        QCOMPARE(f.flows->cancel(abandoned, m_origin).error().key, QString(codes::FlowNotFound));
    }

    void rateLimitedPerAddress_data() { tc::test::addEngineRows(); }
    void rateLimitedPerAddress()
    {
        QFETCH(QString, engine);
        Fixture f = makeFixture(engine);
        FlowService limited(*f.database, *f.clock, QByteArray(32, 'k'),
                            FlowSettings {.callsPerAddressPerMinute = 5});
        const CreateFlowInput input {u"hyogo-himawari"_s, u"creco"_s, redirect,     u"s"_s,
                                     challenge,           u"S256"_s,  u"accounts"_s};
        const RequestOrigin guesser {u"203.0.113.7"_s};
        const auto created = limited.create(input, guesser);
        QVERIFY(created);
        // An enumerating client tries account numbers one after another.
        int refused = 0;
        for (int i = 0; i < 10; ++i) {
            const auto answer = limited.submitAccount(
                created->flowId, {u"001"_s, u"ordinary"_s, u"%1"_s.arg(1000000 + i)}, guesser);
            if (!answer && answer.error().key == QString(codes::TooManyRequests))
                ++refused;
        }
        QCOMPARE(refused, 6); // 1 creation + 4 guesses pass in the minute, the rest are refused
        // Another address is not affected, and the next minute the guesser may go on.
        QVERIFY(limited.create(input, RequestOrigin {u"198.51.100.1"_s}));
        f.clock->advance(60'000);
        QVERIFY(limited.create(input, guesser));
    }

    void createRules_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code");
        const QList<std::tuple<const char *, QString, QString, QLatin1StringView>> cases {
            {"unregistered redirect", u"redirect"_s, u"https://evil.example/cb"_s,
             codes::MalformedRequest},
            {"redirect prefix", u"redirect"_s, redirect + u"/more"_s, codes::MalformedRequest},
            {"plain PKCE", u"method"_s, u"plain"_s, codes::MalformedRequest},
            {"short challenge", u"challenge"_s, u"abc"_s, codes::MalformedRequest},
            {"unknown client", u"client"_s, u"other"_s, codes::MalformedRequest},
            {"unknown institution", u"institution"_s, u"gunma"_s, codes::MalformedRequest},
            {"unknown scope", u"scope"_s, u"payments"_s, codes::MalformedRequest},
        };
        for (const QString &engine : test::TestDatabases::engines()) {
            for (const auto &[name, field, value, code] : cases)
                QTest::addRow("%s %s", qPrintable(engine), name)
                    << engine << field << value << QString(code);
        }
    }
    void createRules()
    {
        QFETCH(QString, engine);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, code);
        Fixture f = makeFixture(engine);
        CreateFlowInput input {u"hyogo-himawari"_s, u"creco"_s, redirect,     u"xyz"_s,
                               challenge,           u"S256"_s,  u"accounts"_s};
        if (field == u"redirect"_s)
            input.redirectUri = value;
        else if (field == u"method"_s)
            input.codeChallengeMethod = value;
        else if (field == u"challenge"_s)
            input.codeChallenge = value;
        else if (field == u"client"_s)
            input.clientId = value;
        else if (field == u"institution"_s)
            input.institutionId = value;
        else if (field == u"scope"_s)
            input.scope = value;
        QCOMPARE(f.flows->create(input, m_origin).error().key, code);
    }

    void serviceHours_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QDateTime>("at");
        QTest::addColumn<bool>("open");
        for (const QString &engine : test::TestDatabases::engines()) {
            const QByteArray e = engine.toLatin1();
            QTest::addRow("%s daily 00:00", e.data())
                << engine << test::tokyoTime(2026, 11, 24, 0, 0, 30) << false;
            QTest::addRow("%s daily 04:00", e.data())
                << engine << test::tokyoTime(2026, 11, 24, 4, 2) << false;
            // 2026-12-13 is the 2nd Sunday of December: closed from Saturday 23:50.
            QTest::addRow("%s Saturday 23:55", e.data())
                << engine << test::tokyoTime(2026, 12, 12, 23, 55) << false;
            QTest::addRow("%s Sunday 06:59", e.data())
                << engine << test::tokyoTime(2026, 12, 13, 6, 59) << false;
            QTest::addRow("%s Sunday 07:00", e.data())
                << engine << test::tokyoTime(2026, 12, 13, 7, 0) << true;
            QTest::addRow("%s 2 January 19:30", e.data())
                << engine << test::tokyoTime(2027, 1, 2, 19, 30) << false;
            QTest::addRow("%s weekday noon", e.data())
                << engine << test::tokyoTime(2026, 11, 24, 12, 0) << true;
        }
    }
    void serviceHours()
    {
        QFETCH(QString, engine);
        QFETCH(QDateTime, at);
        QFETCH(bool, open);
        Fixture f = makeFixture(engine);
        f.clock->set(at);
        const auto created = f.flows->create({u"hyogo-himawari"_s, u"creco"_s, redirect, u"s"_s,
                                              challenge, u"S256"_s, u"accounts"_s},
                                             m_origin);
        QCOMPARE(bool(created), open);
        if (!open) {
            QCOMPARE(created.error().key, QString(codes::OutsideServiceHours));
            QCOMPARE(created.error().message,
                     u"ただ今の時間はサービスを行っておりません。ご了承下さい。"_s);
        }
    }
};

QTEST_GUILESS_MAIN(TestFlowService)
#include "tst_flowservice.moc"
