// The staff API over real HTTPS against the same BackendService auth-backend runs, on SQLite and
// PostgreSQL: every endpoint as every role, from the customer's branch, another branch and
// another institution; masking; search; paging; early release with and without two-person
// control; revocation and app suspension seen by the account API on the next call; reports;
// and the audit rows each call leaves.
#include "Directory.h"
#include "ErrorCodes.h"
#include "MustSucceed.h"
#include "Protocol.h"
#include "StaffAccounts.h"
#include "TestBackend.h"
#include "TestDirectory.h"
#include "TestEngines.h"
#include "TestFlow.h"
#include "TokyoTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;
using test::must;
using test::mustDo;
using test::mustRun;
using test::StandardData;
using test::TestBackend;

namespace {

const QString staffPassword = u"correct horse battery staple"_s;
const QString otherInstitution = u"gunma-mirai"_s;

// One backend per engine with two institutions, three branches, customers in each and staff of
// every role, signed in once.
struct Fixture
{
    std::unique_ptr<TestBackend> backend;
    QHash<QString, QString> tokens; // user name → access token
    qint64 customerA = 0; // hyogo, branch 001 (the standard customer)
    qint64 accountA = 0;
    qint64 customerB = 0; // hyogo, branch 002
    qint64 accountB = 0;
    qint64 linkageB = 0;
    qint64 customerC = 0; // gunma
};

QString signIn(TestBackend &b, const QString &username)
{
    const auto reply = b.postJson(u"/api/v1/staff/session"_s,
                                  {{u"username"_s, username}, {u"password"_s, staffPassword}});
    if (reply.status != 200)
        qFatal("sign-in of %s: %d %s", qPrintable(username), reply.status, reply.body.constData());
    return reply.json.value(u"access_token"_s).toString();
}

std::unique_ptr<Fixture> makeFixture(const QString &engine)
{
    using namespace backend;
    auto f = std::make_unique<Fixture>();
    f->backend = std::make_unique<TestBackend>();
    mustDo(f->backend->start(engine), "backend");
    TestBackend &b = *f->backend;
    QSqlDatabase db = b.service().database().connection();
    const StandardData &data = b.data();
    f->accountA = data.accountId;
    f->customerA = test::customerOfAccount(db, f->accountA);

    const test::ScopeCustomers scope =
        test::addScopeCustomers(db, otherInstitution, u"お客様サポート室"_s);
    f->customerB = scope.customerB;
    f->accountB = scope.accountB;
    f->customerC = scope.customerC;
    // A linkage of customer B, as a completed flow would leave it.
    const qint64 nowMs = b.clock().now().toMSecsSinceEpoch();
    auto linkage = mustRun(db,
                           u"INSERT INTO linkages (institution_id, account_id, client_app_id, "
                           "scope, granted_at, expires_at) SELECT ?, ?, id, 'accounts', ?, ? "
                           "FROM client_apps WHERE client_id = ? RETURNING id"_s,
                           {StandardData::institution, f->accountB, nowMs,
                            nowMs + 30LL * 86400 * 1000, StandardData::clientId},
                           "linkage B");
    linkage.next();
    f->linkageB = linkage.value(0).toLongLong();
    linkage.finish(); // an open result set would keep this thread's next commit from ending

    staff::StaffAccounts &accounts = b.service().staffAccounts();
    const auto add = [&](const QString &institution, const QString &username, staff::StaffRole role,
                         const QString &branch) {
        must(accounts.addStaff({.institutionId = institution,
                                .username = username,
                                .displayName = username,
                                .role = role,
                                .branchCode = branch,
                                .password = staffPassword}),
             "staff");
        f->tokens.insert(username, signIn(b, username));
    };
    add(StandardData::institution, u"teller001"_s, staff::StaffRole::Teller, u"001"_s);
    add(StandardData::institution, u"teller002"_s, staff::StaffRole::Teller, u"002"_s);
    add(StandardData::institution, u"support"_s, staff::StaffRole::Support, {});
    add(StandardData::institution, u"supervisor"_s, staff::StaffRole::Supervisor, {});
    add(StandardData::institution, u"supervisor2"_s, staff::StaffRole::Supervisor, {});
    add(otherInstitution, u"gunma.supervisor"_s, staff::StaffRole::Supervisor, {});
    return f;
}

} // namespace

class TestStaffApi final : public QObject
{
    Q_OBJECT

    test::EngineFixtures<Fixture> fixture {makeFixture};

    static TestBackend::Reply staffCall(Fixture &f, const QString &user, const QByteArray &method,
                                        const QString &path, const QJsonObject &body = {})
    {
        QList<std::pair<QByteArray, QByteArray>> headers {
            {"Authorization", "Bearer " + f.tokens.value(user).toLatin1()}};
        QByteArray payload;
        if (!body.isEmpty()) {
            headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
            payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        return f.backend->request(method, path, payload, headers);
    }

    // `body` with the identity proof `user`'s role needs to change something of a customer
    // (core/StaffPermissions.h): a teller names the document seen at the counter, support makes
    // a caller check with what the customer (A or B of the fixture) would say.
    static QJsonObject withProof(Fixture &f, const QString &user, qint64 customerId,
                                 QJsonObject body)
    {
        if (user.startsWith(u"teller"_s)) {
            body.insert(u"reason_kind"_s, u"counter_document"_s);
            body.insert(u"identity_document"_s, u"drivers_license"_s);
        } else if (user == u"support"_s) {
            const bool a = customerId == f.customerA;
            const auto check = staffCall(
                f, user, "POST", u"/api/v1/staff/customers/%1/caller-check"_s.arg(customerId),
                {{u"name_kana"_s, a ? u"ﾃﾞｰﾀ ﾀﾛｳ"_s : u"ｽﾏ ﾊﾅｺ"_s},
                 {u"birth_date"_s, a ? u"1980-04-01"_s : u"1975-06-30"_s},
                 {u"phone"_s, a ? StandardData::phone : u"0787350000"_s}});
            if (check.status != 200 || !check.json.value(u"passed"_s).toBool())
                qWarning("caller check of %lld: %s", customerId, check.body.constData());
            body.insert(u"reason_kind"_s, u"phone_caller_check"_s);
            body.insert(u"caller_check_id"_s, check.json.value(u"check_id"_s).toString());
        }
        return body;
    }

    // Locks the standard account's identity step: the institution's threshold of wrong
    // customer data, each in a flow of its own.
    static void lockIdentity(Fixture &f)
    {
        TestBackend &b = *f.backend;
        for (int i = 0; i < 5; ++i) {
            const QString flow = test::flow::startFlow(b);
            const auto account = b.postJson(flow + u"/account"_s,
                                            {{u"branch_code"_s, u"001"_s},
                                             {u"account_type"_s, u"ordinary"_s},
                                             {u"account_number"_s, u"1234567"_s}});
            QCOMPARE(account.status, 200);
            const auto wrong = b.postJson(flow + u"/customer"_s,
                                          {{u"name_kana"_s, u"ﾃﾞｰﾀ ﾀﾛｳ"_s},
                                           {u"birth_date"_s, u"1980-04-02"_s},
                                           {u"phone"_s, u"0786310000"_s},
                                           {u"email"_s, u"taro@example.jp"_s},
                                           {u"email_confirm"_s, u"taro@example.jp"_s}});
            QCOMPARE(wrong.status / 100, 4);
        }
    }

private Q_SLOTS:
    void cleanupTestCase() { fixture.clear(); }

    // The matrix: every customer-data endpoint as every role, on a customer of the caller's
    // branch (A, branch 001) and of another branch (B, 002), and from another institution.
    void scopeMatrix_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("call");
        QTest::addColumn<bool>("allowed");
        const QStringList calls {u"search"_s,   u"customer"_s, u"attempts"_s,
                                 u"linkages"_s, u"release"_s,  u"revoke"_s};
        // Who may act on which customer.
        const QList<std::tuple<QString, bool, bool>> users {
            {u"teller001"_s, true, false},
            {u"teller002"_s, false, true},
            {u"support"_s, true, true},
            {u"supervisor"_s, true, true},
            {u"gunma.supervisor"_s, false, false},
        };
        for (const QString &engine : test::TestDatabases::engines()) {
            for (const auto &[user, mayA, mayB] : users) {
                for (const QString &call : calls) {
                    for (const auto &[target, allowed] :
                         {std::pair {u"A"_s, mayA}, std::pair {u"B"_s, mayB}}) {
                        if (call == u"revoke"_s && target == u"A"_s)
                            continue; // A's linkage is the subject of revocationIsImmediate
                        QTest::addRow("%s/%s/%s/%s", qPrintable(engine), qPrintable(user),
                                      qPrintable(target), qPrintable(call))
                            << engine << user << target << call << allowed;
                    }
                }
            }
        }
    }

    void scopeMatrix()
    {
        QFETCH(QString, engine);
        QFETCH(QString, user);
        QFETCH(QString, target);
        QFETCH(QString, call);
        QFETCH(bool, allowed);
        Fixture &f = fixture(engine);
        const bool a = target == u"A"_s;
        const qint64 customer = a ? f.customerA : f.customerB;
        const qint64 account = a ? f.accountA : f.accountB;
        TestBackend::Reply reply;
        if (call == u"search"_s) {
            reply = staffCall(f, user, "GET",
                              u"/api/v1/staff/customers?branch_code=%1&account_number=%2"_s.arg(
                                  a ? u"001"_s : u"002"_s, a ? u"1234567"_s : u"2222222"_s));
            QCOMPARE(reply.status, 200);
            const QJsonArray found = reply.json.value(u"customers"_s).toArray();
            QCOMPARE(found.size(), allowed ? 1 : 0);
            if (allowed)
                QCOMPARE(found.first().toObject().value(u"id"_s).toInteger(), customer);
            return;
        }
        if (call == u"customer"_s)
            reply = staffCall(f, user, "GET", u"/api/v1/staff/customers/%1"_s.arg(customer));
        else if (call == u"attempts"_s)
            reply =
                staffCall(f, user, "GET", u"/api/v1/staff/customers/%1/attempts"_s.arg(customer));
        else if (call == u"linkages"_s)
            reply =
                staffCall(f, user, "GET", u"/api/v1/staff/customers/%1/linkages"_s.arg(customer));
        else if (call == u"release"_s)
            reply = staffCall(f, user, "DELETE",
                              u"/api/v1/staff/accounts/%1/locks/identity"_s.arg(account),
                              withProof(f, user, customer, {{u"reason"_s, u"本人確認済み"_s}}));
        else
            reply = staffCall(f, user, "DELETE", u"/api/v1/staff/linkages/%1"_s.arg(f.linkageB),
                              withProof(f, user, customer, {{u"reason"_s, u"お客様のお申し出"_s}}));
        if (!allowed) {
            QCOMPARE(reply.status, 404);
            QCOMPARE(reply.json.value(u"code"_s).toString(), QString(codes::StaffNotFound));
            return;
        }
        if (call == u"release"_s) {
            // In scope; there is simply no lock to release.
            QCOMPARE(reply.status, 409);
            QCOMPARE(reply.json.value(u"code"_s).toString(), QString(codes::StaffNothingToRelease));
        } else if (call == u"revoke"_s) {
            // The first allowed caller revokes; the later ones find it done.
            QVERIFY2(reply.status == 200
                         || reply.json.value(u"code"_s).toString()
                             == QString(codes::StaffAlreadyDone),
                     reply.body.constData());
        } else {
            QCOMPARE(reply.status, 200);
        }
    }

    // Calls for supervisors only, and calls every role may make.
    void roleMatrix_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("call");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString forbidden = QString(codes::StaffForbidden);
        const QString notFound = QString(codes::StaffNotFound);
        for (const QString &engine : test::TestDatabases::engines()) {
            const auto row = [&](const QString &user, const QString &call, int status,
                                 const QString &code) {
                QTest::addRow("%s/%s/%s", qPrintable(engine), qPrintable(user), qPrintable(call))
                    << engine << user << call << status << code;
            };
            for (const QString &user : {u"teller001"_s, u"support"_s}) {
                row(user, u"report"_s, 403, forbidden);
                row(user, u"audit"_s, 403, forbidden);
                row(user, u"suspend"_s, 403, forbidden);
                row(user, u"approve"_s, 403, forbidden);
            }
            row(u"supervisor"_s, u"report"_s, 200, {});
            row(u"supervisor"_s, u"audit"_s, 200, {});
            row(u"supervisor"_s, u"approve"_s, 404, notFound);
            row(u"gunma.supervisor"_s, u"report"_s, 200, {});
            row(u"gunma.supervisor"_s, u"suspend"_s, 404, notFound); // not its app
            for (const QString &user :
                 {u"teller001"_s, u"support"_s, u"supervisor"_s, u"gunma.supervisor"_s}) {
                row(user, u"catalog"_s, 200, {});
                row(user, u"match"_s, 200, {});
                row(user, u"service-status"_s, 200, {});
                row(user, u"apps"_s, 200, {});
                row(user, u"release-requests"_s, 200, {});
            }
            row(u"nobody"_s, u"catalog"_s, 401, QString(codes::StaffSessionEnded));
            row(u"nobody"_s, u"report"_s, 401, QString(codes::StaffSessionEnded));
        }
    }

    void roleMatrix()
    {
        QFETCH(QString, engine);
        QFETCH(QString, user);
        QFETCH(QString, call);
        QFETCH(int, status);
        QFETCH(QString, code);
        Fixture &f = fixture(engine);
        const QString day = tokyoDate(f.backend->clock().now()).toString(Qt::ISODate);
        TestBackend::Reply reply;
        if (call == u"report"_s)
            reply = staffCall(f, user, "GET", u"/api/v1/staff/reports/daily?date="_s + day);
        else if (call == u"audit"_s)
            reply = staffCall(f, user, "GET", u"/api/v1/staff/audit"_s);
        else if (call == u"suspend"_s)
            reply = staffCall(f, user, "POST",
                              u"/api/v1/staff/apps/%1/suspension"_s.arg(StandardData::clientId),
                              {{u"reason"_s, u"契約違反の疑い"_s}});
        else if (call == u"approve"_s)
            reply = staffCall(f, user, "POST", u"/api/v1/staff/release-requests/999999/approve"_s);
        else if (call == u"catalog"_s)
            reply = staffCall(f, user, "GET", u"/api/v1/staff/catalog/B84"_s);
        else if (call == u"match"_s)
            reply = staffCall(f, user, "GET",
                              u"/api/v1/staff/catalog?message="_s
                                  + QString::fromLatin1(QUrl::toPercentEncoding(
                                      u"ただ今お取扱いできません。理由コードはB84です"_s)));
        else if (call == u"service-status"_s)
            reply = staffCall(f, user, "GET", u"/api/v1/staff/service-status"_s);
        else if (call == u"apps"_s)
            reply = staffCall(f, user, "GET", u"/api/v1/staff/apps"_s);
        else
            reply = staffCall(f, user, "GET", u"/api/v1/staff/release-requests"_s);
        QVERIFY2(reply.status == status, reply.body.constData());
        if (!code.isEmpty())
            QCOMPARE(reply.json.value(u"code"_s).toString(), code);
        if (call == u"match"_s)
            QCOMPARE(reply.json.value(u"matches"_s)[0][u"code"_s].toString(), u"B84"_s);
    }

    void supportSeesMaskedData_data() { tc::test::addEngineRows(); }
    void supportSeesMaskedData()
    {
        QFETCH(QString, engine);
        Fixture &f = fixture(engine);
        const QString path = u"/api/v1/staff/customers/%1"_s.arg(f.customerA);
        const auto full = staffCall(f, u"teller001"_s, "GET", path);
        QCOMPARE(full.status, 200);
        QCOMPARE(full.json.value(u"birth_date"_s).toString(), u"1980-04-01"_s);
        QCOMPARE(full.json.value(u"phone"_s).toString(), StandardData::phone);
        const auto masked = staffCall(f, u"support"_s, "GET", path);
        QCOMPARE(masked.status, 200);
        QCOMPARE(masked.json.value(u"birth_date"_s).toString(), u"1980-**-**"_s);
        QCOMPARE(masked.json.value(u"phone"_s).toString(), u"******0000"_s);
        QCOMPARE(masked.json.value(u"masked"_s).toBool(), true);
        QVERIFY(!masked.body.contains("0786310000"));
    }

    void searchByNameAndPhone_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("caller");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("found");
        for (const QString &engine : test::TestDatabases::engines()) {
            // Customer A banks at branch 001: its teller finds A, the teller of 002 does not.
            const auto row = [&](const char *name, const QString &query, int found) {
                for (const char *caller : {"supervisor", "teller001", "teller002"}) {
                    const bool sees = qstrcmp(caller, "teller002") != 0;
                    QTest::addRow("%s/%s/%s", qPrintable(engine), caller, name)
                        << engine << QString::fromLatin1(caller) << query << (sees ? found : 0);
                }
            };
            row("half-width kana", u"name_kana=ﾃﾞｰﾀ ﾀﾛｳ"_s, 1);
            row("full-width kana", u"name_kana=データ　タロウ"_s, 1);
            row("hiragana", u"name_kana=でーた"_s, 1);
            row("family name prefix", u"name_kana=ﾃﾞｰﾀ"_s, 1);
            row("no such name", u"name_kana=ｱｱｱ"_s, 0);
            row("phone with hyphens", u"phone=078-631-0000"_s, 1);
            row("phone of the other institution", u"phone=0272000000"_s, 0);
        }
    }

    void searchByNameAndPhone()
    {
        QFETCH(QString, engine);
        QFETCH(QString, caller);
        QFETCH(QString, query);
        QFETCH(int, found);
        Fixture &f = fixture(engine);
        const qsizetype equals = query.indexOf(u'=');
        const QString encoded = query.left(equals + 1)
            + QString::fromLatin1(QUrl::toPercentEncoding(query.mid(equals + 1)));
        const auto reply = staffCall(f, caller, "GET", u"/api/v1/staff/customers?"_s + encoded);
        QVERIFY2(reply.status == 200, reply.body.constData());
        const QJsonArray customers = reply.json.value(u"customers"_s).toArray();
        QCOMPARE(customers.size(), found);
        if (found)
            QCOMPARE(customers.first()[u"id"_s].toInteger(), f.customerA);
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString malformed = QString(codes::MalformedRequest);
        for (const QString &engine : test::TestDatabases::engines()) {
            const auto row = [&](const char *name, const QByteArray &method, const QString &path,
                                 const QByteArray &body, int status, const QString &code) {
                QTest::addRow("%s/%s", qPrintable(engine), name)
                    << engine << method << path << body << status << code;
            };
            row("two search criteria", "GET",
                u"/api/v1/staff/customers?phone=0786310000&name_kana=%EF%BE%83"_s, {}, 400,
                malformed);
            row("no criteria", "GET", u"/api/v1/staff/customers"_s, {}, 400, malformed);
            row("unknown parameter", "GET", u"/api/v1/staff/customers?name=x"_s, {}, 400,
                malformed);
            row("account without branch", "GET",
                u"/api/v1/staff/customers?account_number=1234567"_s, {}, 400, malformed);
            row("latin name", "GET", u"/api/v1/staff/customers?name_kana=DATA"_s, {}, 400,
                malformed);
            row("sql in phone", "GET", u"/api/v1/staff/customers?phone=%27%20OR%201%3D1--"_s, {},
                400, malformed);
            row("bad cursor", "GET", u"/api/v1/staff/customers/1/attempts?cursor=%21%21"_s, {}, 400,
                malformed);
            row("limit zero", "GET", u"/api/v1/staff/customers/1/attempts?limit=0"_s, {}, 400,
                malformed);
            row("non-numeric id", "GET", u"/api/v1/staff/customers/abc"_s, {}, 404,
                QString(codes::StaffNotFound));
            row("huge id", "GET", u"/api/v1/staff/customers/99999999999999999999999"_s, {}, 404,
                QString(codes::StaffNotFound));
            row("unknown lock kind", "DELETE", u"/api/v1/staff/accounts/1/locks/atm"_s,
                R"({"reason":"x"})", 404, QString(codes::StaffNotFound));
            row("release without reason", "DELETE", u"/api/v1/staff/accounts/1/locks/identity"_s,
                {}, 400, QString(codes::StaffReasonRequired));
            row("blank reason", "DELETE", u"/api/v1/staff/linkages/1"_s, R"({"reason":"   "})", 400,
                QString(codes::StaffReasonRequired));
            row("reason not text", "DELETE", u"/api/v1/staff/linkages/1"_s, R"({"reason":5})", 400,
                malformed);
            row("unknown field", "DELETE", u"/api/v1/staff/linkages/1"_s,
                R"({"reason":"x","force":true})", 400, malformed);
            row("malformed json", "DELETE", u"/api/v1/staff/linkages/1"_s, "{\"reason\":", 400,
                malformed);
            row("report without date", "GET", u"/api/v1/staff/reports/daily"_s, {}, 400, malformed);
            row("report bad date", "GET", u"/api/v1/staff/reports/daily?date=2026-02-30"_s, {}, 400,
                malformed);
            row("unknown code", "GET", u"/api/v1/staff/catalog/Z99"_s, {}, 404,
                QString(codes::StaffNotFound));
            row("empty message", "GET", u"/api/v1/staff/catalog?message="_s, {}, 400, malformed);
        }
    }

    void badInputIsRefused()
    {
        QFETCH(QString, engine);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        Fixture &f = fixture(engine);
        QList<std::pair<QByteArray, QByteArray>> headers {
            {"Authorization", "Bearer " + f.tokens.value(u"supervisor"_s).toLatin1()}};
        if (!body.isEmpty())
            headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
        const auto reply = f.backend->request(method, path, body, headers);
        QVERIFY2(reply.status == status, reply.body.constData());
        QCOMPARE(reply.json.value(u"code"_s).toString(), code);
    }

    void attemptsPageWithCursors_data() { tc::test::addEngineRows(); }
    void attemptsPageWithCursors()
    {
        QFETCH(QString, engine);
        Fixture &f = fixture(engine);
        TestBackend &b = *f.backend;
        // Four flows past the account step: four attempt rows of the standard account.
        for (int i = 0; i < 4; ++i) {
            b.clock().advance(1000);
            const QString flow = test::flow::startFlow(b);
            QCOMPARE(b.postJson(flow + u"/account"_s,
                                {{u"branch_code"_s, u"001"_s},
                                 {u"account_type"_s, u"ordinary"_s},
                                 {u"account_number"_s, u"1234567"_s}})
                         .status,
                     200);
        }
        QList<qint64> seen;
        QString cursor;
        int pages = 0;
        do {
            const auto reply =
                staffCall(f, u"teller001"_s, "GET",
                          u"/api/v1/staff/customers/%1/attempts?limit=2%2"_s.arg(f.customerA)
                              .arg(cursor.isEmpty() ? QString() : QString(u"&cursor="_s + cursor)));
            QVERIFY2(reply.status == 200, reply.body.constData());
            const QJsonArray rows = reply.json.value(u"attempts"_s).toArray();
            QVERIFY(rows.size() <= 2);
            for (const QJsonValue &row : rows) {
                const qint64 id = row[u"id"_s].toInteger();
                QVERIFY2(!seen.contains(id), "an attempt appeared on two pages");
                seen.append(id);
                QCOMPARE(row[u"account"_s].toString(), u"001 ordinary 1234567"_s);
                QCOMPARE(row[u"customer_id"_s].toInteger(), f.customerA);
                QCOMPARE(row[u"branch_code"_s].toString(), u"001"_s);
                // The registered name on every step, whatever the customer typed at ②.
                QCOMPARE(row[u"customer_name"_s].toString(), u"データタロウ"_s);
            }
            cursor = reply.json.value(u"next_cursor"_s).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 100);
        QVERIFY(seen.size() >= 4);
        // Newest first: ids fall (the clock only moves forward here).
        for (qsizetype i = 1; i < seen.size(); ++i)
            QVERIFY(seen[i] < seen[i - 1]);
    }

    void releaseLockEarly_data() { tc::test::addEngineRows(); }
    void releaseLockEarly()
    {
        QFETCH(QString, engine);
        Fixture &f = fixture(engine);
        lockIdentity(f);
        const QString detailPath = u"/api/v1/staff/customers/%1"_s.arg(f.customerA);
        auto detail = staffCall(f, u"teller001"_s, "GET", detailPath);
        QCOMPARE(detail.status, 200);
        const QJsonObject lock = detail.json[u"accounts"_s][0][u"locks"_s][0].toObject();
        QCOMPARE(lock.value(u"kind"_s).toString(), u"identity"_s);
        QCOMPARE(lock.value(u"locked"_s).toBool(), true);
        const QDateTime releaseAt =
            QDateTime::fromString(lock.value(u"release_at"_s).toString(), Qt::ISODateWithMs);
        QCOMPARE(releaseAt, nextTokyoMidnight(f.backend->clock().now()));

        const QString lockPath = u"/api/v1/staff/accounts/%1/locks/identity"_s.arg(f.accountA);
        QCOMPARE(staffCall(f, u"teller001"_s, "DELETE", lockPath).json.value(u"code"_s).toString(),
                 QString(codes::StaffReasonRequired));
        const auto released = staffCall(
            f, u"teller001"_s, "DELETE", lockPath,
            withProof(f, u"teller001"_s, f.customerA, {{u"reason"_s, u"免許証で本人確認"_s}}));
        QVERIFY2(released.status == 200, released.body.constData());
        // The customer may try again at once.
        const QString flow = test::flow::startFlow(*f.backend);
        QCOMPARE(f.backend
                     ->postJson(flow + u"/account"_s,
                                {{u"branch_code"_s, u"001"_s},
                                 {u"account_type"_s, u"ordinary"_s},
                                 {u"account_number"_s, u"1234567"_s}})
                     .status,
                 200);
        detail = staffCall(f, u"teller001"_s, "GET", detailPath);
        const QJsonArray history = detail.json.value(u"lock_history"_s).toArray();
        QVERIFY(history.size() >= 2);
        QCOMPARE(history[0][u"event"_s].toString(), u"released_by_staff"_s);
        QCOMPARE(history[0][u"staff"_s].toString(), u"teller001"_s);
        QCOMPARE(history[0][u"reason"_s].toString(), u"免許証で本人確認"_s);
        QCOMPARE(history[1][u"event"_s].toString(), u"locked"_s);
        // The live event says who released it and why, as the docs promise.
        auto event = mustRun(f.backend->service().database().connection(),
                             u"SELECT payload FROM events WHERE kind = 'release' "
                             "ORDER BY id DESC LIMIT 1"_s,
                             {}, "release event");
        QVERIFY(event.next());
        const QJsonObject payload =
            QJsonDocument::fromJson(event.value(0).toString().toUtf8()).object();
        QCOMPARE(payload.value(u"how"_s).toString(), u"released_by_staff"_s);
        QCOMPARE(payload.value(u"staff"_s).toString(), u"teller001"_s);
        QCOMPARE(payload.value(u"reason"_s).toString(), u"免許証で本人確認"_s);
        // A second release finds nothing to release.
        QCOMPARE(staffCall(f, u"teller001"_s, "DELETE", lockPath,
                           withProof(f, u"teller001"_s, f.customerA, {{u"reason"_s, u"再"_s}}))
                     .status,
                 409);
        // The daily report names who released it and why.
        const QString day = tokyoDate(f.backend->clock().now()).toString(Qt::ISODate);
        const auto report =
            staffCall(f, u"supervisor"_s, "GET",
                      u"/api/v1/staff/reports/daily?date=%1&branch_code=001"_s.arg(day));
        QVERIFY2(report.status == 200, report.body.constData());
        const QJsonObject branch = report.json[u"branches"_s][0].toObject();
        QCOMPARE(branch.value(u"branch_code"_s).toString(), u"001"_s);
        QVERIFY(branch[u"locks"_s][u"identity"_s].toInt() >= 1);
        QVERIFY(branch[u"failures_by_code"_s][u"B21"_s].toInt() >= 4);
        const QJsonArray early = branch.value(u"early_releases"_s).toArray();
        QVERIFY(!early.isEmpty());
        QCOMPARE(early.last()[u"staff"_s].toString(), u"teller001"_s);
        QCOMPARE(early.last()[u"reason"_s].toString(), u"免許証で本人確認"_s);
        QVERIFY(f.backend->auditRows(u"teller001"_s, u"lock.release"_s) >= 2);
    }

    void twoPersonControl_data() { tc::test::addEngineRows(); }
    void twoPersonControl()
    {
        QFETCH(QString, engine);
        Fixture &f = fixture(engine);
        QSqlDatabase db = f.backend->service().database().connection();
        mustRun(db, u"UPDATE institutions SET early_release_needs_approval = 1 WHERE id = ?"_s,
                {StandardData::institution}, "two-person on");
        lockIdentity(f);
        const QString lockPath = u"/api/v1/staff/accounts/%1/locks/identity"_s.arg(f.accountA);
        const auto requested = staffCall(
            f, u"teller001"_s, "DELETE", lockPath,
            withProof(f, u"teller001"_s, f.customerA, {{u"reason"_s, u"窓口で本人確認"_s}}));
        QVERIFY2(requested.status == 202, requested.body.constData());
        QCOMPARE(requested.json.value(u"code"_s).toString(), QString(codes::StaffApprovalPending));
        const qint64 requestId = requested.json.value(u"request_id"_s).toInteger();
        // Still locked; a second request for the same lock waits with the first.
        auto detail =
            staffCall(f, u"teller001"_s, "GET", u"/api/v1/staff/customers/%1"_s.arg(f.customerA));
        QCOMPARE(detail.json[u"accounts"_s][0][u"locks"_s][0][u"locked"_s].toBool(), true);
        QCOMPARE(detail.json[u"accounts"_s][0][u"pending_release_requests"_s].toArray().size(), 1);
        // The request is the action: support's needs a passed caller check too.
        QCOMPARE(staffCall(f, u"support"_s, "DELETE", lockPath, {{u"reason"_s, u"再"_s}})
                     .json.value(u"code"_s)
                     .toString(),
                 QString(codes::StaffCallerCheckRequired));
        QCOMPARE(staffCall(f, u"support"_s, "DELETE", lockPath,
                           withProof(f, u"support"_s, f.customerA, {{u"reason"_s, u"再"_s}}))
                     .json.value(u"code"_s)
                     .toString(),
                 QString(codes::StaffApprovalPending));
        const QString approve = u"/api/v1/staff/release-requests/%1/approve"_s.arg(requestId);
        QCOMPARE(staffCall(f, u"teller002"_s, "POST", approve).status, 403);
        const auto pendingList =
            staffCall(f, u"supervisor"_s, "GET", u"/api/v1/staff/release-requests"_s);
        const auto queue = protocol::ReleaseRequestList::fromJson(pendingList.json);
        QVERIFY2(queue, pendingList.body.constData());
        QCOMPARE(queue->requests.size(), 1);
        const protocol::ReleaseRequest &row = queue->requests.constFirst();
        QCOMPARE(row.id, requestId);
        QCOMPARE(row.status, u"pending"_s);
        QCOMPARE(row.account, u"001 ordinary 1234567"_s);
        QCOMPARE(row.accountNumber, u"1234567"_s);
        QCOMPARE(row.customerId, f.customerA);
        QVERIFY(!row.customerName.isEmpty());
        QCOMPARE(row.kind, u"identity"_s);
        QCOMPARE(row.requestedBy, u"teller001"_s);
        QCOMPARE(row.reason, u"窓口で本人確認"_s);
        // How the teller confirmed the identity goes with the request to the supervisor.
        QCOMPARE(row.reasonKind, u"counter_document"_s);
        QCOMPARE(row.identityDocument, u"drivers_license"_s);
        QVERIFY(row.lockedAt.isValid());
        QCOMPARE(row.releaseAt, tokyoMidnight(tokyoDate(f.backend->clock().now()).addDays(1)));
        QVERIFY(row.failuresToday >= 5);
        QVERIFY(!row.decidedAt.isValid());
        // The requester sees their own request; another teller sees none.
        QCOMPARE(staffCall(f, u"teller001"_s, "GET", u"/api/v1/staff/release-requests"_s)
                     .json.value(u"requests"_s)
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(staffCall(f, u"teller002"_s, "GET", u"/api/v1/staff/release-requests"_s)
                     .json.value(u"requests"_s)
                     .toArray()
                     .size(),
                 0);
        const auto approved = staffCall(f, u"supervisor"_s, "POST", approve);
        QVERIFY2(approved.status == 200, approved.body.constData());
        QCOMPARE(staffCall(f, u"supervisor2"_s, "POST", approve).json.value(u"code"_s).toString(),
                 QString(codes::StaffAlreadyDone));

        // A supervisor's own request needs another supervisor.
        lockIdentity(f);
        const auto own =
            staffCall(f, u"supervisor"_s, "DELETE", lockPath, {{u"reason"_s, u"電話で確認"_s}});
        QCOMPARE(own.status, 202);
        const QString approveOwn = u"/api/v1/staff/release-requests/%1/approve"_s.arg(
            own.json.value(u"request_id"_s).toInteger());
        const auto self = staffCall(f, u"supervisor"_s, "POST", approveOwn);
        QCOMPARE(self.status, 409);
        QCOMPARE(self.json.value(u"code"_s).toString(), QString(codes::StaffSameApprover));
        QCOMPARE(staffCall(f, u"supervisor2"_s, "POST", approveOwn).status, 200);
        mustRun(db, u"UPDATE institutions SET early_release_needs_approval = 0 WHERE id = ?"_s,
                {StandardData::institution}, "two-person off");
    }

    void revocationIsImmediate_data() { tc::test::addEngineRows(); }
    void revocationIsImmediate()
    {
        QFETCH(QString, engine);
        Fixture &f = fixture(engine);
        const QJsonObject tokens = test::flow::linkedTokens(*f.backend);
        const QString access = tokens.value(u"access_token"_s).toString();
        QCOMPARE(test::flow::accountsMe(*f.backend, access).status, 200);
        const auto linkages = staffCall(f, u"teller001"_s, "GET",
                                        u"/api/v1/staff/customers/%1/linkages"_s.arg(f.customerA));
        QCOMPARE(linkages.status, 200);
        qint64 linkageId = 0;
        for (const QJsonValue &link : linkages.json.value(u"linkages"_s).toArray()) {
            if (link[u"state"_s].toString() == u"active"_s)
                linkageId = link[u"id"_s].toInteger();
        }
        QVERIFY(linkageId > 0);
        const auto revoked =
            staffCall(f, u"teller001"_s, "DELETE", u"/api/v1/staff/linkages/%1"_s.arg(linkageId),
                      withProof(f, u"teller001"_s, f.customerA,
                                {{u"reason"_s, u"お客様のお申し出(窓口)"_s}}));
        QVERIFY2(revoked.status == 200, revoked.body.constData());
        const auto after = test::flow::accountsMe(*f.backend, access);
        QCOMPARE(after.status, 401);
        QCOMPARE(after.json.value(u"code"_s).toString(), QString(codes::LinkageRevoked));
        const auto listed = staffCall(f, u"teller001"_s, "GET",
                                      u"/api/v1/staff/customers/%1/linkages"_s.arg(f.customerA));
        bool found = false;
        for (const QJsonValue &link : listed.json.value(u"linkages"_s).toArray()) {
            if (link[u"id"_s].toInteger() == linkageId) {
                found = true;
                QCOMPARE(link[u"state"_s].toString(), u"revoked"_s);
                QCOMPARE(link[u"revoked_by"_s].toString(), u"staff:teller001"_s);
            }
        }
        QVERIFY(found);
    }

    void suspensionStopsEveryLinkage_data() { tc::test::addEngineRows(); }
    void suspensionStopsEveryLinkage()
    {
        QFETCH(QString, engine);
        Fixture &f = fixture(engine);
        const QString access =
            test::flow::linkedTokens(*f.backend).value(u"access_token"_s).toString();
        QCOMPARE(test::flow::accountsMe(*f.backend, access).status, 200);
        const QString path = u"/api/v1/staff/apps/%1/suspension"_s.arg(StandardData::clientId);
        QCOMPARE(staffCall(f, u"supervisor"_s, "POST", path).status, 400); // reason required
        QCOMPARE(
            staffCall(f, u"supervisor"_s, "POST", path, {{u"reason"_s, u"不適切なデータ取扱い"_s}})
                .status,
            200);
        const auto suspended = test::flow::accountsMe(*f.backend, access);
        QCOMPARE(suspended.status, 403); // F04's status in the catalog
        QCOMPARE(suspended.json.value(u"code"_s).toString(), QString(codes::ClientSuspended));
        QCOMPARE(staffCall(f, u"supervisor"_s, "POST", path, {{u"reason"_s, u"再"_s}}).status, 409);
        QCOMPARE(
            staffCall(f, u"supervisor2"_s, "DELETE", path, {{u"reason"_s, u"改善を確認"_s}}).status,
            200);
        QCOMPARE(test::flow::accountsMe(*f.backend, access).status, 200);
    }

    // Reads are audited, refusals included, and the audit log's own reads too.
    void callsAreAudited_data() { tc::test::addEngineRows(); }
    void callsAreAudited()
    {
        QFETCH(QString, engine);
        Fixture &f = fixture(engine);
        const qint64 viewsBefore = f.backend->auditRows(u"teller002"_s, u"customer.view"_s);
        QCOMPARE(
            staffCall(f, u"teller002"_s, "GET", u"/api/v1/staff/customers/%1"_s.arg(f.customerA))
                .status,
            404);
        QCOMPARE(f.backend->auditRows(u"teller002"_s, u"customer.view"_s), viewsBefore + 1);
        // Sign-ins, refused ones included, and sign-outs.
        QVERIFY(f.backend->auditRows(u"teller001"_s, u"session.sign_in"_s) >= 1);
        const qint64 signInsBefore = f.backend->auditRows(u"teller002"_s, u"session.sign_in"_s);
        const auto refused = f.backend->postJson(
            u"/api/v1/staff/session"_s,
            {{u"username"_s, u"teller002"_s}, {u"password"_s, u"not the password at all"_s}});
        QCOMPARE(refused.status, 401);
        QCOMPARE(f.backend->auditRows(u"teller002"_s, u"session.sign_in"_s), signInsBefore + 1);
        {
            auto q = mustRun(f.backend->service().database().connection(),
                             u"SELECT institution_id, details FROM audit_log WHERE username = ? "
                             "AND action = 'session.sign_in' ORDER BY seq DESC LIMIT 1"_s,
                             {u"teller002"_s}, "refused sign-in row");
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), StandardData::institution);
            QVERIFY(q.value(1).toString().contains(u"S01"_s));
        }
        const QString extra = signIn(*f.backend, u"teller002"_s);
        QCOMPARE(f.backend
                     ->request("DELETE", u"/api/v1/staff/session"_s, {},
                               {{"Authorization", "Bearer " + extra.toLatin1()}})
                     .status,
                 204);
        QVERIFY(f.backend->auditRows(u"teller002"_s, u"session.sign_out"_s) >= 1);
        const qint64 readsBefore = f.backend->auditRows(u"supervisor"_s, u"audit.read"_s);
        const auto page = staffCall(f, u"supervisor"_s, "GET", u"/api/v1/staff/audit?limit=5"_s);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json.value(u"rows"_s).toArray().size(), 5);
        QCOMPARE(f.backend->auditRows(u"supervisor"_s, u"audit.read"_s), readsBefore + 1);
        // Only the caller's institution.
        for (const QJsonValue &row : page.json.value(u"rows"_s).toArray())
            QVERIFY(row[u"username"_s].toString() != u"gunma.supervisor"_s);
        const auto next = staffCall(f, u"supervisor"_s, "GET",
                                    u"/api/v1/staff/audit?limit=5&cursor="_s
                                        + page.json.value(u"next_cursor"_s).toString());
        QCOMPARE(next.status, 200);
        QVERIFY(next.json[u"rows"_s][0][u"seq"_s].toInteger()
                < page.json[u"rows"_s][4][u"seq"_s].toInteger());
    }
};

QTEST_GUILESS_MAIN(TestStaffApi)
#include "tst_staffapi.moc"
