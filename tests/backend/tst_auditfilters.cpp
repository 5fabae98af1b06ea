// GET /api/v1/staff/audit's filters and GET /api/v1/staff/audit/chain over real HTTPS on SQLite
// and PostgreSQL: staff user, customer (its own rows and those of its accounts), action and
// period (Tokyo days or instants), each alone and combined, paged at every size without
// duplicates or gaps; bad values (G01); supervisors only (S04), audited; another institution's
// rows never; the customer column filled in for rows written before it existed (migration 8);
// and the chain's state, intact up to its head and checkpoint or broken at the edited row.
#include "AuditLog.h"
#include "Directory.h"
#include "ErrorCodes.h"
#include "Migrations.h"
#include "MustSucceed.h"
#include "Protocol.h"
#include "TestBackend.h"
#include "TestDatabases.h"
#include "TestDirectory.h"
#include "TestEngines.h"
#include "TokyoTime.h"

#include <QJsonArray>
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

const QString gunma = u"gunma-mirai"_s;
constexpr qint64 day = 24 * 60 * 60 * 1000;

// A row of the institution's log as the database holds it: what the expectations filter.
struct StoredRow
{
    qint64 seq = 0;
    qint64 atMs = 0;
    QString username;
    QString action;
    QString target;
};

struct Fixture
{
    std::unique_ptr<TestBackend> backend;
    QHash<QString, QString> tokens; // user name → access token
    qint64 customerA = 0;
    qint64 accountA = 0;
    qint64 customerB = 0;
    qint64 customerC = 0; // of the other institution
    QDate firstDay; // the Tokyo day of the first actions; two more days follow
};

TestBackend::Reply call(Fixture &f, const QString &user, const QByteArray &method,
                        const QString &path, const QByteArray &body = {})
{
    QList<std::pair<QByteArray, QByteArray>> headers {TestBackend::bearer(f.tokens.value(user))};
    if (!body.isEmpty())
        headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
    return f.backend->request(method, path, body, headers);
}

std::unique_ptr<Fixture> makeFixture(const QString &engine)
{
    using namespace backend;
    auto f = std::make_unique<Fixture>();
    f->backend = TestBackend::started(engine);
    TestBackend &b = *f->backend;
    QSqlDatabase db = b.service().database().connection();
    f->accountA = b.data().accountId;
    f->customerA = test::customerOfAccount(db, f->accountA);
    f->customerB =
        must(Directory::addCustomer(
                 db, {StandardData::institution, u"ｽﾏ ﾊﾅｺ"_s, QDate(1975, 6, 30), u"0787350000"_s}),
             "customer B");
    mustDo(Directory::addInstitution(db,
                                     {.id = gunma,
                                      .name = u"ぐんまみらい信用組合"_s,
                                      .authenticationNumbers = {u"0120000009"_s}}),
           "institution C");
    f->customerC = must(
        Directory::addCustomer(db, {gunma, u"ｸﾞﾝﾏ ｼﾞﾛｳ"_s, QDate(1988, 2, 2), u"0272000000"_s}),
        "customer C");
    must(Directory::addBranch(db, {gunma, u"101"_s, u"本店"_s, {}}), "branch 101");
    using staff::StaffRole;
    f->tokens.insert(u"teller001"_s, b.staffToken(u"teller001"_s, StaffRole::Teller, u"001"_s));
    f->tokens.insert(u"supervisor"_s, b.staffToken(u"supervisor"_s, StaffRole::Supervisor, {}));
    f->tokens.insert(u"gunma.supervisor"_s,
                     b.staffToken(u"gunma.supervisor"_s, StaffRole::Supervisor, {}, gunma));
    // A day later the sessions have ended: everyone signs in again (audited like the first).
    const auto signInAll = [&] {
        for (const QString &username : f->tokens.keys())
            f->tokens.insert(username, b.signInStaff(username));
    };

    // Three Tokyo days of staff actions, each audited as it happens.
    f->firstDay = tokyoDate(b.clock().now());
    const QString a = QString::number(f->customerA);
    const QString b2 = QString::number(f->customerB);
    const auto must200 = [&](const QString &user, const QByteArray &method, const QString &path,
                             const QByteArray &body = {}) {
        const TestBackend::Reply reply = call(*f, user, method, path, body);
        if (reply.status == 0 || reply.status >= 500)
            qFatal("%s %s: %d", method.constData(), qPrintable(path), reply.status);
    };
    must200(u"teller001"_s, "GET", u"/api/v1/staff/customers/"_s + a);
    must200(u"supervisor"_s, "GET", u"/api/v1/staff/customers/"_s + b2);
    // Refused (nothing to release) and still the customer's row: the target names its account.
    must200(u"supervisor"_s, "DELETE",
            u"/api/v1/staff/accounts/%1/locks/identity"_s.arg(f->accountA),
            R"({"reason":"窓口で本人確認のうえ解除"})");
    b.clock().advance(day);
    signInAll();
    must200(u"teller001"_s, "GET", u"/api/v1/staff/customers/%1/attempts"_s.arg(a));
    must200(u"teller001"_s, "GET", u"/api/v1/staff/customers/"_s + b2);
    must200(u"supervisor"_s, "DELETE", u"/api/v1/staff/linkages/999999"_s,
            R"({"reason":"お客様の依頼"})");
    must200(u"gunma.supervisor"_s, "GET", u"/api/v1/staff/customers/%1"_s.arg(f->customerC));
    // Another institution's staff probing customer A: their institution's row, never A's.
    must200(u"gunma.supervisor"_s, "GET", u"/api/v1/staff/customers/"_s + a);
    b.clock().advance(day);
    signInAll();
    must200(u"supervisor"_s, "GET", u"/api/v1/staff/customers/"_s + a);
    must200(u"supervisor"_s, "GET", u"/api/v1/staff/customers/%1/linkages"_s.arg(a));
    return f;
}

QList<StoredRow> storedRows(Fixture &f, const QString &institution)
{
    auto q = mustRun(f.backend->service().database().connection(),
                     u"SELECT seq, at, username, action, target FROM audit_log "
                     "WHERE institution_id = ?"_s,
                     {institution}, "stored rows");
    QList<StoredRow> rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toString()});
    return rows;
}

// One case of the filter table: the parameters and what they mean.
struct Filter
{
    QString username;
    QString action;
    bool customerA = false;
    int fromDay = -1; // days after the first day, -1 none
    int toDay = -1;
    bool instants = false; // the period as ISO 8601 instants instead of Tokyo days
};

} // namespace

Q_DECLARE_METATYPE(Filter)

class TestAuditFilters final : public QObject
{
    Q_OBJECT

    test::EngineFixtures<Fixture> fixture {makeFixture};

    static QString query(const Fixture &f, const Filter &filter)
    {
        QStringList items;
        if (!filter.username.isEmpty())
            items << u"username="_s + filter.username;
        if (!filter.action.isEmpty())
            items << u"action="_s + filter.action;
        if (filter.customerA)
            items << u"customer=%1"_s.arg(f.customerA);
        const auto bound = [&](int offset, bool isEnd) {
            const QDate date = f.firstDay.addDays(offset);
            if (!filter.instants)
                return date.toString(Qt::ISODate);
            const QDateTime instant = tokyoMidnight(isEnd ? date.addDays(1) : date);
            return QString::fromLatin1(
                QUrl::toPercentEncoding(instant.toOffsetFromUtc(9 * 3600).toString(Qt::ISODate)));
        };
        if (filter.fromDay >= 0)
            items << u"from="_s + bound(filter.fromDay, false);
        if (filter.toDay >= 0)
            items << u"to="_s + bound(filter.toDay, true);
        return items.join(u'&');
    }

    // The seqs the filter should answer, newest first by (at, seq), from the stored rows.
    static QList<qint64> expected(const Fixture &f, const QList<StoredRow> &rows,
                                  const Filter &filter)
    {
        const QSet<QString> targetsOfA {u"customer:%1"_s.arg(f.customerA),
                                        u"account:%1/lock:identity"_s.arg(f.accountA)};
        QList<StoredRow> matching;
        for (const StoredRow &row : rows) {
            if (!filter.username.isEmpty() && row.username != filter.username)
                continue;
            if (!filter.action.isEmpty() && row.action != filter.action)
                continue;
            if (filter.customerA && !targetsOfA.contains(row.target))
                continue;
            const QDate rowDay = tokyoDate(QDateTime::fromMSecsSinceEpoch(row.atMs, Qt::UTC));
            if (filter.fromDay >= 0 && rowDay < f.firstDay.addDays(filter.fromDay))
                continue;
            if (filter.toDay >= 0 && rowDay > f.firstDay.addDays(filter.toDay))
                continue;
            matching.append(row);
        }
        std::sort(matching.begin(), matching.end(), [](const StoredRow &x, const StoredRow &y) {
            return x.atMs != y.atMs ? x.atMs > y.atMs : x.seq > y.seq;
        });
        QList<qint64> seqs;
        for (const StoredRow &row : matching)
            seqs.append(row.seq);
        return seqs;
    }

    // Every page of a listing; fails on a duplicate or a page larger than asked.
    static QList<protocol::AuditRow> allPages(Fixture &f, const QString &user, const QString &q,
                                              int limit)
    {
        QList<protocol::AuditRow> rows;
        QSet<qint64> seen;
        QString cursor;
        int pages = 0;
        do {
            QString pageQuery = u"limit=%1"_s.arg(limit);
            if (!q.isEmpty())
                pageQuery += u'&' + q;
            if (!cursor.isEmpty())
                pageQuery += u"&cursor="_s + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
            const TestBackend::Reply reply =
                call(f, user, "GET", u"/api/v1/staff/audit?"_s + pageQuery);
            if (reply.status != 200) {
                qWarning("page %d: %d %s", pages, reply.status, reply.body.constData());
                return {};
            }
            const Result<protocol::AuditPage> page = protocol::AuditPage::fromJson(reply.json);
            if (!page) {
                qWarning("page %d does not decode: %s", pages, qPrintable(page.error().message));
                return {};
            }
            if (page->rows.size() > limit)
                qWarning("page %d has too many rows", pages);
            for (const protocol::AuditRow &row : page->rows) {
                if (seen.contains(row.seq))
                    qWarning("row %lld on two pages", static_cast<long long>(row.seq));
                seen.insert(row.seq);
                rows.append(row);
            }
            cursor = page->nextCursor;
            ++pages;
        } while (!cursor.isEmpty() && pages < 1000);
        return rows;
    }

    static QList<qint64> seqsOf(const QList<protocol::AuditRow> &rows)
    {
        QList<qint64> seqs;
        for (const protocol::AuditRow &row : rows)
            seqs.append(row.seq);
        return seqs;
    }

private Q_SLOTS:
    void cleanupTestCase() { fixture.clear(); }

    // Each filter alone and combined, at page sizes 1, 2 and 500: the same rows as the stored
    // log filtered by hand, newest first, none twice, none missing.
    void filters_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<Filter>("filter");
        const QList<std::pair<const char *, Filter>> cases {
            {"none", {}},
            {"staff user", {.username = u"teller001"_s}},
            {"another staff user", {.username = u"supervisor"_s}},
            {"action", {.action = u"customer.view"_s}},
            {"customer", {.customerA = true}},
            {"first day", {.fromDay = 0, .toDay = 0}},
            {"from the second day", {.fromDay = 1}},
            {"up to the second day", {.toDay = 1}},
            {"second day as instants", {.fromDay = 1, .toDay = 1, .instants = true}},
            {"staff user and customer", {.username = u"teller001"_s, .customerA = true}},
            {"customer and action", {.action = u"lock.release"_s, .customerA = true}},
            {"staff user, action, period",
             {.username = u"supervisor"_s, .action = u"customer.view"_s, .fromDay = 2}},
            {"customer and period", {.customerA = true, .fromDay = 1, .toDay = 2}},
            {"nothing matches", {.username = u"teller001"_s, .action = u"linkage.revoke"_s}},
        };
        for (const QString &engine : test::TestDatabases::engines()) {
            for (const auto &[name, filter] : cases)
                QTest::addRow("%s %s", qPrintable(engine), name) << engine << filter;
        }
    }

    void filters()
    {
        QFETCH(QString, engine);
        QFETCH(Filter, filter);
        Fixture &f = fixture(engine);
        // Each listing adds its own audit.read rows (newer than the rows it pages through).
        for (const int limit : {1, 2, 500}) {
            const QList<qint64> want =
                expected(f, storedRows(f, StandardData::institution), filter);
            const QList<protocol::AuditRow> rows =
                allPages(f, u"supervisor"_s, query(f, filter), limit);
            QCOMPARE(seqsOf(rows), want);
            if (filter.customerA && filter.username.isEmpty() && filter.action.isEmpty()
                && filter.fromDay < 0)
                QCOMPARE(want.size(), 5); // views, attempts, the release, linkages
        }
    }

    void rowsCarryTheirFields_data() { tc::test::addEngineRows(); }
    void rowsCarryTheirFields()
    {
        QFETCH(QString, engine);
        Fixture &f = fixture(engine);
        const QList<protocol::AuditRow> rows =
            allPages(f, u"supervisor"_s, u"action=lock.release"_s, 50);
        QCOMPARE(rows.size(), 1);
        const protocol::AuditRow &row = rows.at(0);
        QCOMPARE(row.username, u"supervisor"_s);
        QCOMPARE(row.role, u"supervisor"_s);
        QCOMPARE(row.target, u"account:%1/lock:identity"_s.arg(f.accountA));
        QCOMPARE(row.reason, u"窓口で本人確認のうえ解除"_s);
        QVERIFY(!row.result().isEmpty());
        QCOMPARE(row.sourceAddress, u"127.0.0.1"_s);
        QCOMPARE(row.hash.size(), 64);
        QCOMPARE(tokyoDate(row.at), f.firstDay);
    }

    // Bad or unknown values are G01 with a detail, for supervisors; nothing else is answered.
    void badValues_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("query");
        const QStringList queries {
            u"action=customer.delete"_s,
            u"action="_s,
            u"customer=abc"_s,
            u"customer=0"_s,
            u"customer=%C"_s, // another institution's customer
            u"customer=99999999"_s,
            u"username=nobody"_s,
            u"username=gunma.supervisor"_s,
            u"username="_s,
            u"from=2026-13-01"_s,
            u"from=yesterday"_s,
            u"to=2026-11-24T05:00:00"_s, // an instant without its offset
            u"from=2026-11-25&to=2026-11-24"_s,
            u"cursor=not-a-cursor"_s,
            u"limit=0"_s,
            u"limit=501"_s,
            u"branch=001"_s,
            u"action=audit.read&action=audit.read"_s,
        };
        for (const QString &engine : test::TestDatabases::engines()) {
            for (const QString &q : queries)
                QTest::addRow("%s %s", qPrintable(engine), qPrintable(q)) << engine << q;
        }
    }

    void badValues()
    {
        QFETCH(QString, engine);
        QFETCH(QString, query);
        Fixture &f = fixture(engine);
        query.replace(u"%C"_s, QString::number(f.customerC));
        const TestBackend::Reply reply =
            call(f, u"supervisor"_s, "GET", u"/api/v1/staff/audit?"_s + query);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json.value(u"code"_s).toString(), QString(codes::MalformedRequest));
        QVERIFY(!reply.json.value(u"detail"_s).toString().isEmpty());
    }

    // Staff see their institution's log only; only supervisors see it; every read is audited,
    // refusals included.
    void scope_data() { tc::test::addEngineRows(); }
    void scope()
    {
        QFETCH(QString, engine);
        Fixture &f = fixture(engine);
        const QList<qint64> gunmaWant = expected(f, storedRows(f, gunma), {});
        const QList<protocol::AuditRow> gunmaRows = allPages(f, u"gunma.supervisor"_s, {}, 500);
        QCOMPARE(seqsOf(gunmaRows), gunmaWant);
        QVERIFY(!gunmaRows.isEmpty());
        for (const protocol::AuditRow &row : gunmaRows)
            QCOMPARE(row.username, u"gunma.supervisor"_s);
        for (const protocol::AuditRow &row : allPages(f, u"supervisor"_s, {}, 500))
            QVERIFY(row.username != u"gunma.supervisor"_s);
        // The probe of customer A by the other institution is not among A's rows.
        for (const protocol::AuditRow &row :
             allPages(f, u"supervisor"_s, u"customer=%1"_s.arg(f.customerA), 500))
            QVERIFY(row.username != u"gunma.supervisor"_s);
        const TestBackend::Reply foreign = call(
            f, u"gunma.supervisor"_s, "GET", u"/api/v1/staff/audit?customer=%1"_s.arg(f.customerA));
        QCOMPARE(foreign.status, 400);

        for (const QString &path : {u"/api/v1/staff/audit"_s, u"/api/v1/staff/audit/chain"_s}) {
            const QString target =
                path.endsWith(u"chain"_s) ? u"audit:chain"_s : QStringLiteral("");
            const qint64 refusals = f.backend->auditRows(u"teller001"_s, u"audit.read"_s,
                                                         codes::StaffForbidden, target);
            const TestBackend::Reply refused = call(f, u"teller001"_s, "GET", path);
            QCOMPARE(refused.status, 403);
            QCOMPARE(refused.json.value(u"code"_s).toString(), QString(codes::StaffForbidden));
            QCOMPARE(f.backend->auditRows(u"teller001"_s, u"audit.read"_s, codes::StaffForbidden,
                                          target),
                     refusals + 1);
            const qint64 reads =
                f.backend->auditRows(u"supervisor"_s, u"audit.read"_s, u"ok"_s, target);
            QCOMPARE(call(f, u"supervisor"_s, "GET", path).status, 200);
            QCOMPARE(f.backend->auditRows(u"supervisor"_s, u"audit.read"_s, u"ok"_s, target),
                     reads + 1);
        }
        QCOMPARE(f.backend->request("GET", u"/api/v1/staff/audit"_s).status, 401);
    }

    // Rows written before migration 8 get their customer from the migration's statements.
    void backfilledCustomers_data() { tc::test::addEngineRows(); }
    void backfilledCustomers()
    {
        QFETCH(QString, engine);
        Fixture &f = fixture(engine);
        const QString q = u"customer=%1"_s.arg(f.customerA);
        const QList<qint64> before = seqsOf(allPages(f, u"supervisor"_s, q, 500));
        QVERIFY(!before.isEmpty());
        backend::Database &database = f.backend->service().database();
        QSqlDatabase db = database.connection();
        mustRun(db, u"UPDATE audit_log SET customer_id = NULL"_s, {}, "forget customers");
        QVERIFY(allPages(f, u"supervisor"_s, q, 500).isEmpty());
        const auto migration =
            std::find_if(backend::migrations().cbegin(), backend::migrations().cend(),
                         [](const backend::Migration &m) { return m.version == 8; });
        QVERIFY(migration != backend::migrations().cend());
        const backend::DatabaseDriver driver = database.isPostgreSql()
            ? backend::DatabaseDriver::PostgreSql
            : backend::DatabaseDriver::Sqlite;
        for (const QString &statement : migration->statements(driver)) {
            if (statement.startsWith(u"UPDATE audit_log"_s))
                mustRun(db, statement, {}, "backfill");
        }
        QCOMPARE(seqsOf(allPages(f, u"supervisor"_s, q, 500)), before);
    }

    // The chain's state: intact up to the head and the newest checkpoint; after a row is
    // edited in the database, broken at that row.
    void chainState_data() { tc::test::addEngineRows(); }
    void chainState()
    {
        QFETCH(QString, engine);
        // Backends of their own: the state is kept for minutes once verified.
        std::unique_ptr<TestBackend> intactBackend = TestBackend::started(engine);
        std::unique_ptr<TestBackend> brokenBackend = TestBackend::started(engine);
        for (TestBackend *b : {intactBackend.get(), brokenBackend.get()}) {
            const QString token =
                b->staffToken(u"supervisor"_s, backend::staff::StaffRole::Supervisor, {});
            for (int i = 0; i < 6; ++i)
                QCOMPARE(b->request("GET",
                                    u"/api/v1/staff/customers?branch_code=001&"
                                    "account_number=1234567"_s,
                                    {}, {TestBackend::bearer(token)})
                             .status,
                         200);
        }

        const auto chain = [](TestBackend &b) {
            const QString token = b.signInStaff(u"supervisor"_s);
            b.service().auditLog().waitForIdle();
            const TestBackend::Reply reply =
                b.request("GET", u"/api/v1/staff/audit/chain"_s, {}, {TestBackend::bearer(token)});
            if (reply.status != 200)
                qWarning("chain: %d %s", reply.status, reply.body.constData());
            return protocol::AuditChainState::fromJson(reply.json);
        };
        const auto headSeq = [](TestBackend &b) {
            auto q = mustRun(b.service().database().connection(),
                             u"SELECT MAX(seq) FROM audit_log"_s, {}, "head");
            q.next();
            return q.value(0).toLongLong();
        };

        // Intact: a checkpoint taken now is the one the state names.
        const auto checkpoint = intactBackend->service().auditLog().checkpointIfDue(true);
        QVERIFY(checkpoint && checkpoint.value());
        const Result<protocol::AuditChainState> intact = chain(*intactBackend);
        QVERIFY2(intact, intact ? "" : qPrintable(intact.error().message));
        QVERIFY(intact->intact);
        QCOMPARE(intact->brokenAtSeq, 0);
        QVERIFY(intact->breakKind.isEmpty());
        QCOMPARE(intact->checkpointSeq, (*checkpoint.value()).seq);
        QVERIFY(intact->checkpointAt.isValid());
        // The sign-in of the chain call is a row after the checkpoint; the audit.read row of
        // the call itself comes after the walk.
        QCOMPARE(intact->intactThroughSeq, headSeq(*intactBackend) - 1);
        QCOMPARE(intact->rowsChecked, intact->intactThroughSeq);
        QCOMPARE(intact->checkedAt, intactBackend->clock().now());

        // Broken: a row's reason edited by hand.
        const qint64 edited = 4;
        mustRun(brokenBackend->service().database().connection(),
                u"UPDATE audit_log SET reason = 'edited' WHERE seq = ?"_s, {edited}, "tamper");
        const Result<protocol::AuditChainState> broken = chain(*brokenBackend);
        QVERIFY2(broken, broken ? "" : qPrintable(broken.error().message));
        QVERIFY(!broken->intact);
        QCOMPARE(broken->brokenAtSeq, edited);
        QCOMPARE(broken->breakKind, u"row-edited"_s);
        QCOMPARE(broken->intactThroughSeq, edited - 1);
    }
};

QTEST_GUILESS_MAIN(TestAuditFilters)
#include "tst_auditfilters.moc"
