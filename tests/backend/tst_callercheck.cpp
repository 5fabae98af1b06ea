// POST /api/v1/staff/customers/{id}/caller-check and the identity proof of releases and
// revocations, over real HTTPS on SQLite and PostgreSQL: per-field match / no match / not given,
// never the stored values; the 10 minutes a passed check stands; the limits per customer and per
// staff user (429 S12); scope (404 S06); the audit rows; and the rule of core/StaffPermissions.h
// (support: a passed check of that customer by the same user, else 403 S11; tellers: the document
// seen at the counter or such a check, else 400 S13; supervisors: the reason).
#include "BackendConfig.h"
#include "Directory.h"
#include "ErrorCodes.h"
#include "MustSucceed.h"
#include "StaffAccounts.h"
#include "TestBackend.h"
#include "TestDirectory.h"
#include "TestEngines.h"
#include "TestFlow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;
using test::must;
using test::mustDo;
using test::mustRun;
using test::StandardData;
using test::TestBackend;

namespace {

const QString otherInstitution = u"gunma-mirai"_s;
constexpr int FailuresPerCustomer = 3;
constexpr int ChecksPerStaff = 6;

struct Fixture
{
    std::unique_ptr<TestBackend> backend;
    QHash<QString, QString> tokens; // user name → access token
    qint64 customerA = 0; // データタロウ, branch 001, 1980-04-01, 0786310000
    qint64 accountA = 0; // 001 ordinary 1234567
    qint64 customerB = 0; // ｽﾏ ﾊﾅｺ, branch 002, 1975-06-30, 0787350000
    qint64 customerC = 0; // another institution

    TestBackend &b() { return *backend; }

    TestBackend::Reply call(const QString &user, const QByteArray &method, const QString &path,
                            const QJsonObject &body = {})
    {
        QList<std::pair<QByteArray, QByteArray>> headers {TestBackend::bearer(tokens.value(user))};
        QByteArray payload;
        if (!body.isEmpty()) {
            headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
            payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        return backend->request(method, path, payload, headers);
    }

    TestBackend::Reply check(const QString &user, qint64 customer, const QJsonObject &said)
    {
        return call(user, "POST", u"/api/v1/staff/customers/%1/caller-check"_s.arg(customer), said);
    }

    // What customer A would say on the phone.
    static QJsonObject rightA()
    {
        return {{u"name_kana"_s, u"でーた たろう"_s},
                {u"birth_date"_s, u"1980-04-01"_s},
                {u"phone"_s, u"078-631-0000"_s}};
    }

    QString passedCheckOfA(const QString &user)
    {
        const auto reply = check(user, customerA, rightA());
        if (reply.status != 200 || !reply.json.value(u"passed"_s).toBool())
            qWarning("caller check: %d %s", reply.status, reply.body.constData());
        return reply.json.value(u"check_id"_s).toString();
    }

    TestBackend::Reply release(const QString &user, const QJsonObject &proof)
    {
        QJsonObject body = proof;
        body.insert(u"reason"_s, u"お客様からの電話"_s);
        return call(user, "DELETE", u"/api/v1/staff/accounts/%1/locks/identity"_s.arg(accountA),
                    body);
    }

    // Past the sessions' and the limits' windows: every user signs in again.
    void anHourLater()
    {
        backend->clock().advance(3601LL * 1000);
        signInAll();
    }

    void signInAll()
    {
        for (auto it = tokens.begin(); it != tokens.end(); ++it)
            it.value() = backend->signInStaff(it.key());
    }

    QJsonObject lastAuditDetails(const QString &user, const QString &action)
    {
        auto q = mustRun(backend->service().database().connection(),
                         u"SELECT details FROM audit_log WHERE username = ? AND action = ? "
                         "ORDER BY seq DESC LIMIT 1"_s,
                         {user, action}, "audit row");
        if (!q.next())
            return {};
        return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    }
};

std::unique_ptr<Fixture> makeFixture(const QString &engine)
{
    using namespace backend;
    auto f = std::make_unique<Fixture>();
    f->backend = std::make_unique<TestBackend>();
    mustDo(f->backend->start(engine,
                             [](BackendSettings &settings) {
                                 settings.staff.callerCheckFailuresPerCustomerPerHour =
                                     FailuresPerCustomer;
                                 settings.staff.callerChecksPerStaffPerHour = ChecksPerStaff;
                             }),
           "backend");
    TestBackend &b = *f->backend;
    QSqlDatabase db = b.service().database().connection();
    f->accountA = b.data().accountId;
    f->customerA = test::customerOfAccount(db, f->accountA);
    const test::ScopeCustomers scope =
        test::addScopeCustomers(db, otherInstitution, u"お客様サポート室"_s);
    f->customerB = scope.customerB;
    f->customerC = scope.customerC;
    using staff::StaffRole;
    f->tokens.insert(u"support"_s, b.staffToken(u"support"_s, StaffRole::Support, {}));
    f->tokens.insert(u"support2"_s, b.staffToken(u"support2"_s, StaffRole::Support, {}));
    f->tokens.insert(u"teller001"_s, b.staffToken(u"teller001"_s, StaffRole::Teller, u"001"_s));
    f->tokens.insert(u"teller002"_s, b.staffToken(u"teller002"_s, StaffRole::Teller, u"002"_s));
    f->tokens.insert(u"supervisor"_s, b.staffToken(u"supervisor"_s, StaffRole::Supervisor, {}));
    f->tokens.insert(u"gunma.support"_s,
                     b.staffToken(u"gunma.support"_s, StaffRole::Support, {}, otherInstitution));
    return f;
}

// Locks customer A's identity step as a customer would: five flows with a wrong birth date.
void lockIdentity(TestBackend &b)
{
    for (int i = 0; i < 5; ++i)
        test::flow::wrongIdentity(b, test::flow::accountStep(b));
}

QString code(const TestBackend::Reply &reply)
{
    return reply.json.value(u"code"_s).toString();
}

} // namespace

class TestCallerCheck final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldResults_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QJsonObject>("said");
        QTest::addColumn<QStringList>("expected"); // name, birth date, phone, account
        QTest::addColumn<bool>("passed");
        const QString m = u"match"_s, n = u"no_match"_s, g = u"not_given"_s;
        const QJsonObject right = Fixture::rightA();
        const auto with = [&right](const QString &key, const QString &value) {
            QJsonObject changed = right;
            changed.insert(key, value);
            return changed;
        };
        for (const QString &engine : test::TestDatabases::engines()) {
            const auto row = [&](const char *name, const QJsonObject &said,
                                 const QStringList &expected, bool passed) {
                QTest::addRow("%s/%s", qPrintable(engine), name)
                    << engine << said << expected << passed;
            };
            row("all right, hiragana and hyphens", right, {m, m, m, g}, true);
            row("half-width kana, no space", with(u"name_kana"_s, u"ﾃﾞｰﾀﾀﾛｳ"_s), {m, m, m, g},
                true);
            row("wrong name", with(u"name_kana"_s, u"データ ハナコ"_s), {n, m, m, g}, false);
            row("wrong birth date", with(u"birth_date"_s, u"1980-04-02"_s), {m, n, m, g}, false);
            row("wrong phone", with(u"phone"_s, u"090-1111-2222"_s), {m, m, n, g}, false);
            QJsonObject withAccount = right;
            withAccount.insert(u"branch_code"_s, u"001"_s);
            withAccount.insert(u"account_number"_s, u"1234567"_s);
            row("with the account", withAccount, {m, m, m, m}, true);
            withAccount.insert(u"account_number"_s, u"7654321"_s);
            row("with a wrong account", withAccount, {m, m, m, n}, false);
            row("phone only", {{u"phone"_s, u"0786310000"_s}}, {g, g, m, g}, false);
        }
    }

    void fieldResults()
    {
        QFETCH(QString, engine);
        QFETCH(QJsonObject, said);
        QFETCH(QStringList, expected);
        QFETCH(bool, passed);
        const auto f = makeFixture(engine);
        const auto reply = f->check(u"support"_s, f->customerA, said);
        QVERIFY2(reply.status == 200, reply.body.constData());
        const Result<protocol::CallerCheckResult> result =
            protocol::CallerCheckResult::fromJson(reply.json);
        QVERIFY(result);
        QCOMPARE(QStringList({result->nameKana, result->birthDate, result->phone, result->account}),
                 expected);
        QCOMPARE(result->passed, passed);
        QCOMPARE(result->customerId, f->customerA);
        QVERIFY(result->checkId.size() >= 32);
        QCOMPARE(result->expiresAt, f->b().clock().now().addSecs(600));
        // Never the stored values, in any form.
        for (const QByteArray &stored :
             {QByteArray("1980"), QByteArray("0786310000"), u"タロウ"_s.toUtf8(), u"ﾀﾛｳ"_s.toUtf8(),
              QByteArray("1234567")})
            QVERIFY2(!reply.body.contains(stored), reply.body.constData());
        // Nor what the caller said, in the audit row.
        auto audit = mustRun(f->b().service().database().connection(),
                             u"SELECT target, details FROM audit_log "
                             "WHERE action = 'customer.caller_check'"_s,
                             {}, "audit row");
        QVERIFY(audit.next());
        QCOMPARE(audit.value(0).toString(), u"customer:%1"_s.arg(f->customerA));
        const QString details = audit.value(1).toString();
        for (const QString &key :
             {u"name_kana"_s, u"birth_date"_s, u"phone"_s, u"account_number"_s}) {
            if (said.contains(key))
                QVERIFY2(!details.contains(said.value(key).toString()), qPrintable(details));
        }
        const QJsonObject row = QJsonDocument::fromJson(details.toUtf8()).object();
        QCOMPARE(row.value(u"result"_s).toString(), u"ok"_s);
        QCOMPARE(row.value(u"passed"_s).toBool(), passed);
        QCOMPARE(row.value(u"check_id"_s).toString(), result->checkId);
        QCOMPARE(row.value(u"fields"_s).toObject(), reply.json.value(u"fields"_s).toObject());
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QByteArray>("body");
        for (const QString &engine : test::TestDatabases::engines()) {
            const auto row = [&](const char *name, const QByteArray &body) {
                QTest::addRow("%s/%s", qPrintable(engine), name) << engine << body;
            };
            row("nothing given", "{}");
            row("account only", R"({"branch_code":"001","account_number":"1234567"})");
            row("half an account", R"({"phone":"0786310000","branch_code":"001"})");
            row("bad date", R"({"birth_date":"1980-4-1"})");
            row("latin name", R"({"name_kana":"DATA TARO"})");
            row("letters in phone", R"({"phone":"078-DATA"})");
            row("unknown field", R"({"phone":"0786310000","pin":"4321"})");
            row("not json", "phone=0786310000");
        }
    }

    void badInput()
    {
        QFETCH(QString, engine);
        QFETCH(QByteArray, body);
        const auto f = makeFixture(engine);
        const auto reply = f->b().request(
            "POST", u"/api/v1/staff/customers/%1/caller-check"_s.arg(f->customerA), body,
            {TestBackend::bearer(f->tokens.value(u"support"_s)),
             {"Content-Type", "application/json"}});
        QVERIFY2(reply.status == 400, reply.body.constData());
        QCOMPARE(code(reply), QString(codes::MalformedRequest));
    }

    void scope_data() { test::addEngineRows(); }
    void scope()
    {
        QFETCH(QString, engine);
        const auto f = makeFixture(engine);
        // A teller of another branch, staff of another institution, a customer that does not
        // exist: all "no such customer".
        for (const auto &[user, customer] :
             {std::pair {u"teller002"_s, f->customerA},
              std::pair {u"gunma.support"_s, f->customerA}, std::pair {u"support"_s, f->customerC},
              std::pair {u"support"_s, qint64(999999)}}) {
            const auto reply = f->check(user, customer, Fixture::rightA());
            QVERIFY2(reply.status == 404, reply.body.constData());
            QCOMPARE(code(reply), QString(codes::StaffNotFound));
        }
        // A teller of the customer's branch may check; a supervisor has no use for it.
        QCOMPARE(f->check(u"teller001"_s, f->customerA, Fixture::rightA()).status, 200);
        const auto supervisor = f->check(u"supervisor"_s, f->customerA, Fixture::rightA());
        QCOMPARE(supervisor.status, 403);
        QCOMPARE(code(supervisor), QString(codes::StaffForbidden));
        QCOMPARE(f->lastAuditDetails(u"teller002"_s, u"customer.caller_check"_s)
                     .value(u"result"_s)
                     .toString(),
                 QString(codes::StaffNotFound));
    }

    void validForTenMinutes_data() { test::addEngineRows(); }
    void validForTenMinutes()
    {
        QFETCH(QString, engine);
        const auto f = makeFixture(engine);
        const QString checkId = f->passedCheckOfA(u"support"_s);
        const QJsonObject proof {{u"reason_kind"_s, u"phone_caller_check"_s},
                                 {u"caller_check_id"_s, checkId}};
        // Accepted as proof (there is simply no lock to release: S09).
        QCOMPARE(code(f->release(u"support"_s, proof)), QString(codes::StaffNothingToRelease));
        f->b().clock().advance(599LL * 1000);
        f->signInAll();
        QCOMPARE(code(f->release(u"support"_s, proof)), QString(codes::StaffNothingToRelease));
        f->b().clock().advance(1000);
        f->signInAll();
        const auto expired = f->release(u"support"_s, proof);
        QCOMPARE(expired.status, 403);
        QCOMPARE(code(expired), QString(codes::StaffCallerCheckRequired));
    }

    void limits_data() { test::addEngineRows(); }
    void limits()
    {
        QFETCH(QString, engine);
        const auto f = makeFixture(engine);
        QJsonObject wrong = Fixture::rightA();
        wrong.insert(u"birth_date"_s, u"1981-04-01"_s);
        // Failed checks of one customer, whoever makes them.
        for (int i = 0; i < FailuresPerCustomer; ++i) {
            const auto failed = f->check(i % 2 ? u"support2"_s : u"support"_s, f->customerA, wrong);
            QCOMPARE(failed.status, 200);
            QCOMPARE(failed.json.value(u"passed"_s).toBool(), false);
        }
        for (const QString &user : {u"support"_s, u"support2"_s, u"teller001"_s}) {
            const auto limited = f->check(user, f->customerA, Fixture::rightA());
            QVERIFY2(limited.status == 429, limited.body.constData());
            QCOMPARE(code(limited), QString(codes::StaffCallerCheckLimited));
        }
        QCOMPARE(f->lastAuditDetails(u"teller001"_s, u"customer.caller_check"_s)
                     .value(u"result"_s)
                     .toString(),
                 QString(codes::StaffCallerCheckLimited));
        // Other customers are not concerned.
        QCOMPARE(f->check(u"support"_s, f->customerB, {{u"phone"_s, u"0787350000"_s}}).status, 200);
        // An hour later the customer may be checked again.
        f->anHourLater();
        QCOMPARE(f->passedCheckOfA(u"support"_s).isEmpty(), false);

        // Checks of one staff user, passed ones included.
        f->anHourLater();
        for (int i = 0; i < ChecksPerStaff; ++i)
            QCOMPARE(f->check(u"support"_s, f->customerA, Fixture::rightA()).status, 200);
        QCOMPARE(code(f->check(u"support"_s, f->customerB, {{u"phone"_s, u"0787350000"_s}})),
                 QString(codes::StaffCallerCheckLimited));
        QCOMPARE(f->check(u"support2"_s, f->customerA, Fixture::rightA()).status, 200);
    }

    void supportNeedsAPassedCheck_data() { test::addEngineRows(); }
    void supportNeedsAPassedCheck()
    {
        QFETCH(QString, engine);
        const auto f = makeFixture(engine);
        lockIdentity(f->b());
        const auto refuse = [&f](const QString &user, const QJsonObject &proof) {
            const auto reply = f->release(user, proof);
            QVERIFY2(reply.status == 403, reply.body.constData());
            QCOMPARE(code(reply), QString(codes::StaffCallerCheckRequired));
        };
        refuse(u"support"_s, {});
        refuse(
            u"support"_s,
            {{u"reason_kind"_s, u"counter_document"_s}, {u"identity_document"_s, u"passport"_s}});
        refuse(u"support"_s, {{u"caller_check_id"_s, u"cc_made_up"_s}});
        // A failed check, a check of another customer, another agent's check.
        QJsonObject wrong = Fixture::rightA();
        wrong.insert(u"phone"_s, u"0786319999"_s);
        refuse(u"support"_s,
               {{u"caller_check_id"_s,
                 f->check(u"support"_s, f->customerA, wrong).json[u"check_id"_s].toString()}});
        const QString ofB = f->check(u"support"_s, f->customerB,
                                     {{u"name_kana"_s, u"スマ ハナコ"_s},
                                      {u"birth_date"_s, u"1975-06-30"_s},
                                      {u"phone"_s, u"0787350000"_s}})
                                .json[u"check_id"_s]
                                .toString();
        refuse(u"support"_s, {{u"caller_check_id"_s, ofB}});
        refuse(u"support"_s, {{u"caller_check_id"_s, f->passedCheckOfA(u"support2"_s)}});
        QCOMPARE(f->release(u"support"_s, {}).json.value(u"code"_s).toString(),
                 QString(codes::StaffCallerCheckRequired));

        const QString checkId = f->passedCheckOfA(u"support"_s);
        const auto released = f->release(
            u"support"_s,
            {{u"reason_kind"_s, u"phone_caller_check"_s}, {u"caller_check_id"_s, checkId}});
        QVERIFY2(released.status == 200, released.body.constData());
        const QJsonObject audit = f->lastAuditDetails(u"support"_s, u"lock.release"_s);
        QCOMPARE(audit.value(u"result"_s).toString(), u"ok"_s);
        QCOMPARE(audit.value(u"reason_kind"_s).toString(), u"phone_caller_check"_s);
        QCOMPARE(audit.value(u"caller_check_id"_s).toString(), checkId);

        // The same check stands for a revocation of that customer's linkage.
        const QString access = test::flow::linkedTokens(f->b()).value(u"access_token"_s).toString();
        const auto linkages = f->call(u"support"_s, "GET",
                                      u"/api/v1/staff/customers/%1/linkages"_s.arg(f->customerA));
        const qint64 linkageId = linkages.json[u"linkages"_s][0][u"id"_s].toInteger();
        const QString linkagePath = u"/api/v1/staff/linkages/%1"_s.arg(linkageId);
        // `?reason=` alone, as before, is a reason without proof.
        QCOMPARE(code(f->call(u"support"_s, "DELETE", linkagePath + u"?reason=x"_s)),
                 QString(codes::StaffCallerCheckRequired));
        QCOMPARE(code(f->call(u"support"_s, "DELETE", linkagePath,
                              {{u"reason"_s, u"不正利用の疑い"_s}, {u"caller_check_id"_s, ofB}})),
                 QString(codes::StaffCallerCheckRequired));
        QCOMPARE(test::flow::accountsMe(f->b(), access).status, 200);
        const auto revoked = f->call(u"support"_s, "DELETE", linkagePath,
                                     {{u"reason"_s, u"不正利用の疑い"_s},
                                      {u"reason_kind"_s, u"phone_caller_check"_s},
                                      {u"caller_check_id"_s, checkId}});
        QVERIFY2(revoked.status == 200, revoked.body.constData());
        QCOMPARE(test::flow::accountsMe(f->b(), access).status, 401);
    }

    void tellerNamesTheDocument_data() { test::addEngineRows(); }
    void tellerNamesTheDocument()
    {
        QFETCH(QString, engine);
        const auto f = makeFixture(engine);
        const auto proofRequired = [&f](const QJsonObject &proof) {
            const auto reply = f->release(u"teller001"_s, proof);
            QVERIFY2(reply.status == 400, reply.body.constData());
            QCOMPARE(code(reply), QString(codes::StaffIdentityProofRequired));
        };
        proofRequired({});
        proofRequired({{u"reason_kind"_s, u"other"_s}});
        proofRequired({{u"reason_kind"_s, u"counter_document"_s}});
        const auto badCheck = f->release(
            u"teller001"_s,
            {{u"reason_kind"_s, u"phone_caller_check"_s}, {u"caller_check_id"_s, u"cc_x"_s}});
        QCOMPARE(badCheck.status, 403);
        QCOMPARE(code(badCheck), QString(codes::StaffCallerCheckRequired));
        const auto badDocument = f->release(u"teller001"_s,
                                            {{u"reason_kind"_s, u"counter_document"_s},
                                             {u"identity_document"_s, u"library_card"_s}});
        QCOMPARE(code(badDocument), QString(codes::MalformedRequest));
        // Proof accepted: nothing to release (S09), then a real release.
        QCOMPARE(code(f->release(u"teller001"_s,
                                 {{u"reason_kind"_s, u"phone_caller_check"_s},
                                  {u"caller_check_id"_s, f->passedCheckOfA(u"teller001"_s)}})),
                 QString(codes::StaffNothingToRelease));
        QCOMPARE(code(f->release(u"supervisor"_s, {})), QString(codes::StaffNothingToRelease));
        lockIdentity(f->b());
        const auto released = f->release(u"teller001"_s,
                                         {{u"reason_kind"_s, u"counter_document"_s},
                                          {u"identity_document"_s, u"my_number_card"_s}});
        QVERIFY2(released.status == 200, released.body.constData());
        const QJsonObject audit = f->lastAuditDetails(u"teller001"_s, u"lock.release"_s);
        QCOMPARE(audit.value(u"reason_kind"_s).toString(), u"counter_document"_s);
        QCOMPARE(audit.value(u"identity_document"_s).toString(), u"my_number_card"_s);

        // Under two-person control the request is the action: the same proof.
        mustRun(f->b().service().database().connection(),
                u"UPDATE institutions SET early_release_needs_approval = 1 WHERE id = ?"_s,
                {StandardData::institution}, "two-person on");
        lockIdentity(f->b());
        proofRequired({});
        const auto requested = f->release(
            u"teller001"_s,
            {{u"reason_kind"_s, u"counter_document"_s}, {u"identity_document"_s, u"passport"_s}});
        QVERIFY2(requested.status == 202, requested.body.constData());
        QCOMPARE(f->lastAuditDetails(u"teller001"_s, u"lock.release"_s)
                     .value(u"identity_document"_s)
                     .toString(),
                 u"passport"_s);
    }
};

QTEST_GUILESS_MAIN(TestCallerCheck)
#include "tst_callercheck.moc"
