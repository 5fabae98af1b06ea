// GET /api/v1/staff/attempts, the console's branch activity view, over real HTTPS on SQLite and
// PostgreSQL: who sees which branch (tellers their own, everyone else any branch of their
// institution or all of it), the period (today in Tokyo unless given; days or instants), the
// code and outcome filters, keyset paging without duplicates or gaps (ties of time included),
// bad parameters, the audit row of each call, and the branch of a real customer's attempt.
#include "Directory.h"
#include "ErrorCatalog.h"
#include "ErrorCodes.h"
#include "MustSucceed.h"
#include "Protocol.h"
#include "StaffAccounts.h"
#include "TestBackend.h"
#include "TestDatabases.h"
#include "TestDirectory.h"
#include "TestEngines.h"
#include "TestFlow.h"
#include "TokyoTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrl>
#include <QtTest>

#include <algorithm>

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

// One attempt row the fixture wrote, as the expectations need it.
struct Seeded
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString institution;
    QString branch; // empty: the attempt named no account
    QString code;
    QString outcome;
};

struct Fixture
{
    std::unique_ptr<TestBackend> backend;
    QHash<QString, QString> tokens; // user name → access token
    QList<Seeded> attempts;
    qint64 customerA = 0;
    QDateTime todayStart; // 00:00 Tokyo of the backend's today
};

std::unique_ptr<Fixture> makeFixture(const QString &engine)
{
    using namespace backend;
    auto f = std::make_unique<Fixture>();
    f->backend = TestBackend::started(engine);
    TestBackend &b = *f->backend;
    QSqlDatabase db = b.service().database().connection();
    const qint64 accountA = b.data().accountId;
    f->customerA = test::customerOfAccount(db, accountA);
    const test::ScopeCustomers scope = test::addScopeCustomers(db, otherInstitution, u"本店"_s);
    const qint64 accountB = scope.accountB;
    const qint64 accountC = scope.accountC;
    must(Directory::addBranch(db, {StandardData::institution, u"003"_s, u"明石支店"_s, {}}),
         "branch 003");

    // Attempts written as the flow writes them (the branch is the database's to fill in).
    f->todayStart = tokyoMidnight(tokyoDate(b.clock().now()));
    const qint64 today = f->todayStart.toMSecsSinceEpoch();
    const qint64 yesterday =
        tokyoMidnight(tokyoDate(b.clock().now()).addDays(-1)).toMSecsSinceEpoch();
    constexpr qint64 minute = 60 * 1000;
    const auto add = [&](const QString &institution, std::optional<qint64> account,
                         const QString &branch, qint64 atMs, const QString &outcome,
                         const QString &code) {
        auto q = mustRun(
            db,
            u"INSERT INTO attempts (institution_id, account_id, flow_id, "
            "client_app_id, at, step, outcome, code, source_address, name_kana) "
            "SELECT ?, ?, 'flow', id, ?, 'customer', ?, ?, '203.0.113.7', "
            "'ﾃﾞｰﾀﾀﾛｳ' FROM client_apps WHERE client_id = ? RETURNING id"_s,
            {institution, account ? QVariant(*account) : QVariant(QMetaType::fromType<qint64>()),
             atMs, outcome, code.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : code,
             StandardData::clientId},
            "attempt");
        if (!q.next())
            qFatal("attempt: no id");
        f->attempts.append({q.value(0).toLongLong(), atMs, institution, branch, code, outcome});
    };
    const QString hyogo = StandardData::institution;
    for (int i = 0; i < 23; ++i) {
        const QString code = i % 3 == 0 ? QString() : i % 3 == 1 ? u"B21"_s : u"D01"_s;
        add(hyogo, accountA, u"001"_s, today + i * 20 * minute,
            code.isEmpty() ? u"success"_s : u"failure"_s, code);
    }
    add(hyogo, accountA, u"001"_s, today + 8 * 60 * minute, u"refused"_s, u"B84"_s);
    // Two attempts in the same millisecond: the page boundary may fall between them.
    add(hyogo, accountA, u"001"_s, today + 8 * 60 * minute + 1, u"failure"_s, u"B21"_s);
    add(hyogo, accountA, u"001"_s, today + 8 * 60 * minute + 1, u"failure"_s, u"D01"_s);
    for (int i = 0; i < 7; ++i)
        add(hyogo, accountB, u"002"_s, today + (30 * i + 7) * minute, u"failure"_s, u"B21"_s);
    add(hyogo, std::nullopt, QString(), today + 90 * minute, u"failure"_s, u"B11"_s);
    for (int i = 0; i < 3; ++i)
        add(hyogo, accountA, u"001"_s, yesterday + (600 + i) * minute, u"failure"_s, u"B21"_s);
    for (int i = 0; i < 2; ++i)
        add(otherInstitution, accountC, u"101"_s, today + (60 + i) * minute, u"failure"_s,
            u"B21"_s);

    staff::StaffAccounts &accounts = b.service().staffAccounts();
    const auto addStaff = [&](const QString &institution, const QString &username,
                              staff::StaffRole role, const QString &branch) {
        must(accounts.addStaff({.institutionId = institution,
                                .username = username,
                                .displayName = username,
                                .role = role,
                                .branchCode = branch,
                                .password = staffPassword}),
             "staff");
        f->tokens.insert(username, b.signInStaff(username, staffPassword));
    };
    addStaff(hyogo, u"teller001"_s, staff::StaffRole::Teller, u"001"_s);
    addStaff(hyogo, u"teller002"_s, staff::StaffRole::Teller, u"002"_s);
    addStaff(hyogo, u"support"_s, staff::StaffRole::Support, {});
    addStaff(hyogo, u"supervisor"_s, staff::StaffRole::Supervisor, {});
    addStaff(otherInstitution, u"gunma.supervisor"_s, staff::StaffRole::Supervisor, {});
    return f;
}

// What a listing should answer: the seeded attempts matching, newest first by (at, id).
QList<qint64> expectedIds(const Fixture &f, const std::function<bool(const Seeded &)> &matches)
{
    QList<Seeded> rows;
    for (const Seeded &row : f.attempts) {
        if (matches(row))
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end(), [](const Seeded &a, const Seeded &b) {
        return a.atMs != b.atMs ? a.atMs > b.atMs : a.id > b.id;
    });
    QList<qint64> ids;
    for (const Seeded &row : rows)
        ids.append(row.id);
    return ids;
}

QString userInstitution(const QString &user)
{
    return user.startsWith(u"gunma."_s) ? otherInstitution : StandardData::institution;
}

} // namespace

class TestBranchActivity final : public QObject
{
    Q_OBJECT

    test::EngineFixtures<Fixture> fixture {makeFixture};

    static TestBackend::Reply list(Fixture &f, const QString &user, const QString &query)
    {
        return f.backend->request(
            "GET", u"/api/v1/staff/attempts"_s + (query.isEmpty() ? QString() : u"?"_s + query), {},
            {TestBackend::bearer(f.tokens.value(user))});
    }

    // Every page of a listing, following next_cursor; fails the test on a duplicate, a page
    // larger than asked or an order that is not newest first.
    static QList<protocol::Attempt> allPages(Fixture &f, const QString &user, const QString &query,
                                             int limit, int *pageCount = nullptr)
    {
        QList<protocol::Attempt> rows;
        QSet<qint64> seen;
        QString cursor;
        int pages = 0;
        do {
            QString pageQuery = u"limit=%1"_s.arg(limit);
            if (!query.isEmpty())
                pageQuery += u'&' + query;
            if (!cursor.isEmpty())
                pageQuery += u"&cursor="_s + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
            const TestBackend::Reply reply = list(f, user, pageQuery);
            if (reply.status != 200) {
                qWarning("page %d: %d %s", pages, reply.status, reply.body.constData());
                return {};
            }
            const Result<protocol::AttemptsPage> page =
                protocol::AttemptsPage::fromJson(reply.json);
            if (!page) {
                qWarning("page %d does not decode: %s", pages, qPrintable(page.error().message));
                return {};
            }
            if (page->attempts.size() > limit)
                qWarning("page %d has %lld rows", pages,
                         static_cast<long long>(page->attempts.size()));
            for (const protocol::Attempt &attempt : page->attempts) {
                if (seen.contains(attempt.id))
                    qWarning("attempt %lld on two pages", static_cast<long long>(attempt.id));
                seen.insert(attempt.id);
                rows.append(attempt);
            }
            cursor = page->nextCursor;
            ++pages;
        } while (!cursor.isEmpty() && pages < 1000);
        if (pageCount)
            *pageCount = pages;
        return rows;
    }

    static QList<qint64> idsOf(const QList<protocol::Attempt> &rows)
    {
        QList<qint64> ids;
        for (const protocol::Attempt &row : rows)
            ids.append(row.id);
        return ids;
    }

private Q_SLOTS:
    void cleanupTestCase() { fixture.clear(); }

    // Who sees which branch's attempts today; a branch outside the caller's scope answers as
    // one that does not exist.
    void scope_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("branchCode");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("branches"); // whose attempts the answer holds
        for (const QString &engine : test::TestDatabases::engines()) {
            const auto row = [&engine](const char *user, const char *branch, int status,
                                       const QStringList &branches) {
                QTest::addRow("%s/%s/%s", qPrintable(engine), user, *branch ? branch : "none")
                    << engine << QString::fromLatin1(user) << QString::fromLatin1(branch) << status
                    << branches;
            };
            row("teller001", "", 200, {u"001"_s});
            row("teller001", "001", 200, {u"001"_s});
            row("teller001", "002", 404, {});
            row("teller001", "999", 404, {});
            row("teller002", "", 200, {u"002"_s});
            row("teller002", "001", 404, {});
            row("support", "", 200, {u"001"_s, u"002"_s});
            row("support", "002", 200, {u"002"_s});
            row("support", "003", 200, {});
            row("support", "101", 404, {});
            row("supervisor", "", 200, {u"001"_s, u"002"_s});
            row("supervisor", "001", 200, {u"001"_s});
            row("gunma.supervisor", "", 200, {u"101"_s});
            row("gunma.supervisor", "001", 404, {});
        }
    }

    void scope()
    {
        QFETCH(QString, engine);
        QFETCH(QString, user);
        QFETCH(QString, branchCode);
        QFETCH(int, status);
        QFETCH(QStringList, branches);
        Fixture &f = fixture(engine);
        QString query = u"limit=200"_s;
        if (!branchCode.isEmpty())
            query += u"&branch_code="_s + branchCode;
        const qint64 refusalsBefore = f.backend->auditRows(user, u"attempts.list"_s, u"S06"_s);
        const TestBackend::Reply reply = list(f, user, query);
        QCOMPARE(reply.status, status);
        if (status != 200) {
            QCOMPARE(reply.json.value(u"code"_s).toString(), QString(codes::StaffNotFound));
            QCOMPARE(f.backend->auditRows(user, u"attempts.list"_s, u"S06"_s), refusalsBefore + 1);
            return;
        }
        const Result<protocol::AttemptsPage> page = protocol::AttemptsPage::fromJson(reply.json);
        QVERIFY2(page, page ? "" : qPrintable(page.error().message));
        const qint64 todayMs = f.todayStart.toMSecsSinceEpoch();
        const QString institution = userInstitution(user);
        QCOMPARE(idsOf(page->attempts), expectedIds(f, [&](const Seeded &row) {
                     return row.institution == institution && branches.contains(row.branch)
                         && row.atMs >= todayMs;
                 }));
        QVERIFY(page->nextCursor.isEmpty());
        for (const protocol::Attempt &attempt : page->attempts) {
            QVERIFY(branches.contains(attempt.branchCode));
            QVERIFY(attempt.customerId != 0);
            QVERIFY(attempt.account.startsWith(attempt.branchCode + u' '));
        }
    }

    // The rows carry what the view shows: account, customer, branch and the code's text.
    void rowFields_data() { tc::test::addEngineRows(); }
    void rowFields()
    {
        QFETCH(QString, engine);
        Fixture &f = fixture(engine);
        const TestBackend::Reply reply = list(f, u"teller001"_s, u"code=B84"_s);
        QCOMPARE(reply.status, 200);
        const Result<protocol::AttemptsPage> page = protocol::AttemptsPage::fromJson(reply.json);
        QVERIFY(page);
        QCOMPARE(page->attempts.size(), 1);
        const protocol::Attempt &attempt = page->attempts.first();
        QCOMPARE(attempt.branchCode, u"001"_s);
        QCOMPARE(attempt.customerId, f.customerA);
        QCOMPARE(attempt.accountId, f.backend->data().accountId);
        QCOMPARE(attempt.account, u"001 ordinary 1234567"_s);
        QCOMPARE(attempt.outcome, u"refused"_s);
        QCOMPARE(attempt.message, ErrorCatalog::builtIn().find(u"B84")->customerMessage);
        QCOMPARE(attempt.clientApp.isEmpty(), false);
        QCOMPARE(attempt.at, f.todayStart.addSecs(8 * 3600));
    }

    void filters_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("code"); // expected: every row of this code (empty: any)
        QTest::addColumn<QString>("outcome"); // expected: every row of this outcome (empty: any)
        QTest::addColumn<int>("fromDay"); // days relative to today: the period expected
        QTest::addColumn<int>("toDay"); // exclusive
        for (const QString &engine : test::TestDatabases::engines()) {
            const auto row = [&engine](const char *name, const QString &query, const char *code,
                                       const char *outcome, int fromDay, int toDay) {
                QTest::addRow("%s/%s", qPrintable(engine), name)
                    << engine << query << QString::fromLatin1(code) << QString::fromLatin1(outcome)
                    << fromDay << toDay;
            };
            row("code", u"code=B21"_s, "B21", "", 0, 1);
            row("code in lower case", u"code=d01"_s, "D01", "", 0, 1);
            row("outcome", u"outcome=success"_s, "", "success", 0, 1);
            row("code and outcome", u"code=B84&outcome=refused"_s, "B84", "refused", 0, 1);
            row("code and other outcome", u"code=B84&outcome=failure"_s, "B84", "failure", 0, 1);
            row("yesterday as days", u"from=2026-11-23&to=2026-11-23"_s, "", "", -1, 0);
            row("yesterday and today", u"from=2026-11-23"_s, "", "", -1, 1);
            row("to alone is that day", u"to=2026-11-23"_s, "", "", -1, 0);
            row("instants", u"from=2026-11-22T15:00:00Z&to=2026-11-24T00:00:00%2B09:00"_s, "", "",
                -1, 0);
            row("a day without attempts", u"from=2026-11-20&to=2026-11-20"_s, "", "", -4, -3);
        }
    }

    void filters()
    {
        QFETCH(QString, engine);
        QFETCH(QString, query);
        QFETCH(QString, code);
        QFETCH(QString, outcome);
        QFETCH(int, fromDay);
        QFETCH(int, toDay);
        Fixture &f = fixture(engine);
        const QDate today = tokyoDate(f.backend->clock().now());
        const qint64 from = tokyoMidnight(today.addDays(fromDay)).toMSecsSinceEpoch();
        const qint64 to = tokyoMidnight(today.addDays(toDay)).toMSecsSinceEpoch();
        const QList<protocol::Attempt> rows = allPages(f, u"supervisor"_s, query, 5);
        const QList<qint64> expected = expectedIds(f, [&](const Seeded &row) {
            return row.institution == StandardData::institution && !row.branch.isEmpty()
                && row.atMs >= from && row.atMs < to && (code.isEmpty() || row.code == code)
                && (outcome.isEmpty() || row.outcome == outcome);
        });
        QCOMPARE(idsOf(rows), expected);
        for (const protocol::Attempt &row : rows) {
            if (!code.isEmpty())
                QCOMPARE(row.code, code);
            if (!outcome.isEmpty())
                QCOMPARE(row.outcome, outcome);
        }
    }

    // Page sizes that put the boundary everywhere, the two attempts of one millisecond included:
    // every page continues exactly where the last stopped.
    void paging_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<int>("limit");
        for (const QString &engine : test::TestDatabases::engines()) {
            for (const int limit : {1, 2, 3, 7, 200})
                QTest::addRow("%s/%d", qPrintable(engine), limit) << engine << limit;
        }
    }

    void paging()
    {
        QFETCH(QString, engine);
        QFETCH(int, limit);
        Fixture &f = fixture(engine);
        const qint64 todayMs = f.todayStart.toMSecsSinceEpoch();
        const QList<qint64> expected = expectedIds(f, [&](const Seeded &row) {
            return row.institution == StandardData::institution && !row.branch.isEmpty()
                && row.atMs >= todayMs;
        });
        int pages = 0;
        const QList<protocol::Attempt> rows = allPages(f, u"support"_s, {}, limit, &pages);
        QCOMPARE(idsOf(rows), expected);
        QCOMPARE(pages, qMax(1, int((expected.size() + limit - 1) / limit)));
        // Support staff see the customers' other data masked, not the attempts' fields.
        QVERIFY(std::all_of(rows.cbegin(), rows.cend(),
                            [](const protocol::Attempt &row) { return row.customerId != 0; }));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("query");
        for (const QString &engine : test::TestDatabases::engines()) {
            const auto row = [&engine](const char *name, const QString &query) {
                QTest::addRow("%s/%s", qPrintable(engine), name) << engine << query;
            };
            row("from not a time", u"from=yesterday"_s);
            row("to not a date", u"to=2026-13-01"_s);
            row("instant without offset", u"from=2026-11-24T05:00:00"_s);
            row("from after to", u"from=2026-11-24&to=2026-11-23"_s);
            row("from equal to", u"from=2026-11-24T00:00:00Z&to=2026-11-24T00:00:00Z"_s);
            row("code unknown", u"code=Z99"_s);
            row("code not a code", u"code=B2"_s);
            row("outcome unknown", u"outcome=maybe"_s);
            row("limit zero", u"limit=0"_s);
            row("limit too large", u"limit=201"_s);
            row("limit not a number", u"limit=ten"_s);
            row("cursor not ours", u"cursor=%21%21"_s);
            row("cursor not a keyset", u"cursor=YWJj"_s);
            row("unknown parameter", u"branch=001"_s);
            row("parameter twice", u"code=B21&code=D01"_s);
        }
    }

    void badInput()
    {
        QFETCH(QString, engine);
        QFETCH(QString, query);
        Fixture &f = fixture(engine);
        const TestBackend::Reply reply = list(f, u"supervisor"_s, query);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json.value(u"code"_s).toString(), QString(codes::MalformedRequest));
        QVERIFY2(!reply.json.value(u"detail"_s).toString().isEmpty(), reply.body.constData());
    }

    void audited_data() { tc::test::addEngineRows(); }
    void audited()
    {
        QFETCH(QString, engine);
        Fixture &f = fixture(engine);
        const qint64 before = f.backend->auditRows(u"teller002"_s, u"attempts.list"_s, u"ok"_s);
        QCOMPARE(list(f, u"teller002"_s, u"code=B21"_s).status, 200);
        QCOMPARE(f.backend->auditRows(u"teller002"_s, u"attempts.list"_s, u"ok"_s), before + 1);
        // Without a session nothing is read, and there is no one to audit.
        const TestBackend::Reply anonymous = f.backend->request("GET", u"/api/v1/staff/attempts"_s);
        QCOMPARE(anonymous.status, 401);
    }

    // A customer's real step call lands in its branch's listing: the branch is taken from the
    // account when the flow writes the attempt (both engines' triggers).
    void realAttemptHasItsBranch_data() { tc::test::addEngineRows(); }
    void realAttemptHasItsBranch()
    {
        QFETCH(QString, engine);
        Fixture &f = fixture(engine);
        TestBackend &b = *f.backend;
        b.clock().advance(1000);
        const QString flow = test::flow::startFlow(b);
        QCOMPARE(b.postJson(flow + u"/account"_s,
                            {{u"branch_code"_s, u"001"_s},
                             {u"account_type"_s, u"ordinary"_s},
                             {u"account_number"_s, u"1234567"_s}})
                     .status,
                 200);
        const TestBackend::Reply reply = list(f, u"teller001"_s, u"limit=1"_s);
        QCOMPARE(reply.status, 200);
        const Result<protocol::AttemptsPage> page = protocol::AttemptsPage::fromJson(reply.json);
        QVERIFY(page);
        QCOMPARE(page->attempts.size(), 1);
        const protocol::Attempt &newest = page->attempts.first();
        QCOMPARE(newest.step, u"account"_s);
        QCOMPARE(newest.outcome, u"success"_s);
        QCOMPARE(newest.branchCode, u"001"_s);
        QCOMPARE(newest.customerId, f.customerA);
        QCOMPARE(newest.at, b.clock().now());
        // Not in the other branch's listing.
        const TestBackend::Reply other = list(f, u"teller002"_s, u"limit=1"_s);
        QCOMPARE(other.status, 200);
        QVERIFY(other.json[u"attempts"_s][0][u"id"_s].toInteger() != newest.id);
    }
};

QTEST_GUILESS_MAIN(TestBranchActivity)
#include "tst_branchactivity.moc"
