// bench_staff: staff customer search and attempts pages at scale (bench/RESULTS.md, "Staff API:
// search and attempts at scale"). The server is `bench_flows serve --customers 0` (BenchServer);
// this program seeds its database, drives it and measures the floor.
//
//   bench_staff seed  DB --customers N --attempts M [--branch-day K]
//   bench_staff drive DB --state STATEFILE [--connections C] [--seconds T] [--warmup S]
//                     [--server-log FILE] [--label TEXT] [--customers N] [--think-ms MEAN]
//   bench_staff floor DB [--seconds T] [--customers N]
//
// DB: --engine sqlite --sqlite FILE | --engine postgresql --pg-host H --pg-port P --pg-user U
// --pg-db D.
//
// `seed` writes straight in SQL (SQLite: recursive CTE INSERT … SELECT; PostgreSQL: INSERT …
// SELECT generate_series) with the attempts indexes dropped and rebuilt, then adds the staff
// users through StaffAccounts. Every customer's data is a function of its id (below), so the
// driver and the floor know names, phones and accounts without reading them.
#include "BenchHttp.h"
#include "Database.h"
#include "KanaName.h"
#include "StaffAccounts.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QTimeZone>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace tc::bench {

namespace {

const QString institution = u"staffbench"_s;
const QString password = u"bench-password-2026"_s;
constexpr int Branches = 7;

// Forty common family names and forty given names: 1,600 full names, family names skewed
// towards the first of the list (the smaller of two draws), so a family-name prefix matches
// 1–5 % of all customers and a family name plus a given name's first kana some hundreds.
const QStringList families {
    u"サトウ"_s,   u"スズキ"_s,   u"タカハシ"_s, u"タナカ"_s,   u"ワタナベ"_s, u"イトウ"_s,
    u"ヤマモト"_s, u"ナカムラ"_s, u"コバヤシ"_s, u"カトウ"_s,   u"ヨシダ"_s,   u"ヤマダ"_s,
    u"ササキ"_s,   u"ヤマグチ"_s, u"マツモト"_s, u"イノウエ"_s, u"キムラ"_s,   u"ハヤシ"_s,
    u"シミズ"_s,   u"ヤマザキ"_s, u"モリ"_s,     u"アベ"_s,     u"イケダ"_s,   u"ハシモト"_s,
    u"ヤマシタ"_s, u"イシカワ"_s, u"ナカジマ"_s, u"マエダ"_s,   u"フジタ"_s,   u"オガワ"_s,
    u"ゴトウ"_s,   u"オカダ"_s,   u"ハセガワ"_s, u"ムラカミ"_s, u"コンドウ"_s, u"イシイ"_s,
    u"サイトウ"_s, u"サカモト"_s, u"エンドウ"_s, u"アオキ"_s};
const QStringList givens {
    u"タロウ"_s, u"ハナコ"_s,   u"ヒロシ"_s, u"ユミコ"_s, u"タケシ"_s, u"ケイコ"_s,   u"マコト"_s,
    u"アキラ"_s, u"サトシ"_s,   u"ヨウコ"_s, u"ミホ"_s,   u"ユウキ"_s, u"ダイスケ"_s, u"ショウタ"_s,
    u"ハルト"_s, u"ユイ"_s,     u"アオイ"_s, u"リク"_s,   u"ソウタ"_s, u"メイ"_s,     u"カズヤ"_s,
    u"ナオミ"_s, u"ツヨシ"_s,   u"マサル"_s, u"キヨシ"_s, u"ヒロミ"_s, u"ユウコ"_s,   u"トモコ"_s,
    u"ケンジ"_s, u"ジュンコ"_s, u"サクラ"_s, u"レン"_s,   u"ミサキ"_s, u"ショウコ"_s, u"タクヤ"_s,
    u"エミ"_s,   u"リョウ"_s,   u"カナ"_s,   u"ユウト"_s, u"マイ"_s};

// Customer i (1…N): these expressions in SQL, the same in C++.
const QString familySql =
    u"(CASE WHEN ((i * 2654435761) % 1000003) % 40 < ((i * 40503) % 999983) % 40 "
    "THEN ((i * 2654435761) % 1000003) % 40 ELSE ((i * 40503) % 999983) % 40 END)"_s;
const QString givenSql = u"(((i * 69069) % 1000033) % 40)"_s;
qint64 phoneNumber(qint64 i)
{
    return (i * 7919) % 100000000; // a bijection on 0…10^8-1: phones are unique
}
QString phoneOf(qint64 i)
{
    return u"090%1"_s.arg(phoneNumber(i), 8, 10, QChar(u'0'));
}
int branchOf(qint64 i) // 0…6: branch code 101…107
{
    return int(i % Branches);
}
QString branchCode(int branch)
{
    return QString::number(101 + branch);
}
QString accountNumberOf(qint64 i)
{
    return QString::number(1000000 + i);
}
int familyOf(qint64 i)
{
    return int(std::min(((i * 2654435761) % 1000003) % 40, ((i * 40503) % 999983) % 40));
}
int givenOf(qint64 i)
{
    return int(((i * 69069) % 1000033) % 40);
}
// Attempts: every fifth one goes to one of 10,000 "hot" accounts (1, 101, 201, …: ~200 attempts
// each), the rest uniformly over all accounts (~8 each); times uniformly over 400 days.
qint64 hotAccounts(qint64 customers)
{
    return std::max<qint64>(1, customers / 100);
}

struct DbOptions
{
    backend::DatabaseSettings settings;
    bool postgres() const { return settings.driver == backend::DatabaseDriver::PostgreSql; }
};

QSqlDatabase openPlain(const DbOptions &options, const QString &name)
{
    const backend::DatabaseSettings &s = options.settings;
    QSqlDatabase db =
        QSqlDatabase::addDatabase(options.postgres() ? u"QPSQL"_s : u"QSQLITE"_s, name);
    if (options.postgres()) {
        db.setHostName(s.host);
        db.setPort(s.port);
        db.setUserName(s.user);
        db.setDatabaseName(s.name);
    } else {
        db.setDatabaseName(s.sqlitePath);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=60000"_s);
    }
    if (!db.open())
        qFatal("open: %s", qPrintable(db.lastError().text()));
    return db;
}

void exec(QSqlDatabase &db, const QString &sql)
{
    QElapsedTimer timer;
    timer.start();
    QSqlQuery q(db);
    if (!q.exec(sql))
        qFatal("%s\n%s", qPrintable(sql.left(300)), qPrintable(q.lastError().text()));
    std::fprintf(stderr, "  %6.1f s  %s\n", double(timer.elapsed()) / 1000,
                 qPrintable(sql.simplified().left(90)));
}

qint64 scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    return q.value(0).toLongLong();
}

// Drops the attempts table's indexes (not its primary key) and, on SQLite, its triggers;
// answers the statements that make them again.
std::vector<QString> attemptIndexesAndTriggers(QSqlDatabase &db, bool pg)
{
    QSqlQuery q(db);
    const QString catalog = pg
        ? u"SELECT indexname, indexdef, 'INDEX' FROM pg_indexes WHERE tablename = 'attempts' "
          "AND indexname NOT IN (SELECT conname FROM pg_constraint)"_s
        : u"SELECT name, sql, upper(type) FROM sqlite_master WHERE tbl_name = 'attempts' "
          "AND type IN ('index', 'trigger') AND sql IS NOT NULL"_s;
    if (!q.exec(catalog))
        qFatal("attempt indexes: %s", qPrintable(q.lastError().text()));
    std::vector<std::pair<QString, QString>> found; // drop, make
    while (q.next())
        found.emplace_back(u"DROP %1 %2"_s.arg(q.value(2).toString(), q.value(0).toString()),
                           q.value(1).toString());
    q.finish();
    std::vector<QString> make;
    for (const auto &[drop, definition] : found) {
        exec(db, drop);
        make.push_back(definition);
    }
    return make;
}

// `count` attempts of today (Tokyo) in the first branch (branch code 101), spread evenly from
// 00:00 JST to now over that branch's accounts, each its own flow: the branch activity view's
// worst day. Ids follow the `after` attempts already seeded.
void seedBranchDay(QSqlDatabase &db, bool pg, qint64 customers, qint64 after, qint64 count,
                   qint64 firstBranch, qint64 app, qint64 nowMs)
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    const QTimeZone tokyo("Asia/Tokyo");
    const qint64 dayStartMs =
        QDateTime(now.toTimeZone(tokyo).date(), QTime(0, 0), tokyo).toMSecsSinceEpoch();
    const qint64 spanMs = std::max<qint64>(1, nowMs - 60'000 - dayStartMs);
    const qint64 branchAccounts = std::max<qint64>(1, customers / Branches);
    const QString rows = pg
        ? u"generate_series(%1::bigint, %2) AS s(i)"_s.arg(after + 1).arg(after + count)
        : u"(WITH RECURSIVE s(i) AS (SELECT %1 UNION ALL SELECT i + 1 FROM s "
          "WHERE i < %2) SELECT i FROM s)"_s.arg(after + 1)
              .arg(after + count);
    exec(db, u"BEGIN"_s);
    exec(db,
         u"INSERT INTO attempts (id, institution_id, account_id, branch_id, flow_id, "
         "client_app_id, at, step, outcome, code, source_address) "
         "SELECT i, '%1', 7 * (((i * 48271) % 2147483647) % %2) + 7, %3, 'flow-' || i, %4, "
         "%5 + (i - %6) * %7 / %8, "
         "CASE i % 4 WHEN 0 THEN 'account' WHEN 1 THEN 'customer' WHEN 2 THEN 'pin' "
         "ELSE 'call' END, "
         "CASE WHEN i % 3 = 0 THEN 'refused' ELSE 'ok' END, "
         "CASE WHEN i % 3 = 0 THEN (CASE i % 2 WHEN 0 THEN 'B21' ELSE 'D01' END) END, "
         "'203.0.113.' || (i % 250) FROM %9"_s.arg(institution)
             .arg(branchAccounts)
             .arg(firstBranch)
             .arg(app)
             .arg(dayStartMs)
             .arg(after + 1)
             .arg(spanMs)
             .arg(count)
             .arg(rows));
    exec(db, u"COMMIT"_s);
}

int seed(const DbOptions &options, qint64 customers, qint64 attempts, qint64 branchDay)
{
    // The schema: the server (bench_flows serve) made it already; opening through Database
    // is harmless and gives StaffAccounts its connection below.
    auto database = backend::Database::open(options.settings);
    if (!database)
        qFatal("database: %s", qPrintable(database.error().message));
    QSqlDatabase db = openPlain(options, u"seed"_s);
    const bool pg = options.postgres();
    QElapsedTimer total;
    total.start();
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 span = 400LL * 86400 * 1000;
    const QString series = pg
        ? u"generate_series(1::bigint, %1) AS s(i)"_s
        : u"(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < %1) "
          "SELECT i FROM s)"_s;
    if (pg) {
        exec(db, u"SET synchronous_commit = off"_s);
        // No foreign-key triggers while seeding (the rows are consistent by construction).
        exec(db, u"SET session_replication_role = replica"_s);
        exec(db, u"SET maintenance_work_mem = '1GB'"_s);
        exec(db, u"SET work_mem = '256MB'"_s);
    } else {
        exec(db, u"PRAGMA foreign_keys = OFF"_s);
        exec(db, u"PRAGMA cache_size = -1000000"_s);
    }

    exec(db, u"BEGIN"_s);
    exec(db,
         u"INSERT INTO institutions (id, name) VALUES ('%1', 'スタッフベンチ信用組合')"_s.arg(
             institution));
    for (int b = 0; b < Branches; ++b)
        exec(db,
             u"INSERT INTO branches (institution_id, code, name) VALUES ('%1', '%2', '%3')"_s.arg(
                 institution, branchCode(b), u"支店%1"_s.arg(b + 1)));
    const qint64 firstBranch =
        scalar(db, u"SELECT min(id) FROM branches WHERE institution_id = '%1'"_s.arg(institution));
    exec(db,
         u"INSERT INTO client_apps (client_id, name, provider, secret_hash, redirect_uris) "
         "VALUES ('staffbench-app', 'ベンチアプリ', 'ベンチ', %1, '[]')"_s.arg(
             pg ? u"'\\x00'::bytea"_s : u"x'00'"_s));
    const qint64 app =
        scalar(db, u"SELECT id FROM client_apps WHERE client_id = 'staffbench-app'"_s);
    exec(db, u"CREATE TEMPORARY TABLE bench_family (n INTEGER PRIMARY KEY, kana TEXT, k TEXT)"_s);
    exec(db, u"CREATE TEMPORARY TABLE bench_given (n INTEGER PRIMARY KEY, kana TEXT, k TEXT)"_s);
    for (const auto &[table, names] :
         {std::pair(u"bench_family"_s, families), std::pair(u"bench_given"_s, givens)}) {
        QSqlQuery q(db);
        q.prepare(u"INSERT INTO %1 (n, kana, k) VALUES (?, ?, ?)"_s.arg(table));
        for (int n = 0; n < names.size(); ++n) {
            q.addBindValue(n);
            q.addBindValue(names.at(n));
            q.addBindValue(normalizedKanaName(names.at(n)));
            if (!q.exec())
                qFatal("names: %s", qPrintable(q.lastError().text()));
        }
    }
    // The name in the form customers give it (family, full-width space, given) and the
    // search key (normalizedKanaName: full-width katakana, no space).
    const QString birth = pg ? u"to_char(DATE '1940-01-01' + ((i * 48271) % 25000)::int, "
                               "'YYYY-MM-DD')"_s
                             : u"date('1940-01-01', '+' || ((i * 48271) % 25000) || ' days')"_s;
    const QString phone = pg ? u"'090' || lpad(((i * 7919) % 100000000)::text, 8, '0')"_s
                             : u"'090' || printf('%08d', (i * 7919) % 100000000)"_s;
    exec(db,
         u"INSERT INTO customers (id, institution_id, name_kana, birth_date, phone, name_key) "
         "SELECT s.i, '%1', f.kana || '　' || g.kana, %2, %3, f.k || g.k FROM "
         "(SELECT i, %4 AS fi, %5 AS gi FROM %6) s "
         "JOIN bench_family f ON f.n = s.fi JOIN bench_given g ON g.n = s.gi"_s.arg(
             institution, birth, phone, familySql, givenSql, series.arg(customers)));
    exec(db,
         // name_key as the accounts trigger would set it (PostgreSQL's does not fire in the
         // replica role of the seed).
         u"INSERT INTO accounts (id, institution_id, customer_id, branch_id, account_type, "
         "account_number, cash_card_issued, status, balance, name_key) "
         "SELECT c.id, '%1', c.id, %2 + c.id % 7, 'ordinary', %3, 1, 'active', 100000, "
         "c.name_key FROM customers c WHERE c.institution_id = '%1'"_s.arg(
             institution, QString::number(firstBranch),
             pg ? u"(1000000 + c.id)::text"_s : u"CAST(1000000 + c.id AS TEXT)"_s));
    exec(db, u"COMMIT"_s);

    // The attempts' indexes and (SQLite) the trigger that copies the account's branch onto each
    // row cost a write per row each: dropped for the load and made again afterwards from the
    // definitions the database holds (whatever the migrations made them). The load sets
    // branch_id itself (PostgreSQL's trigger does not fire in the seed's replica role).
    const std::vector<QString> rebuilt = attemptIndexesAndTriggers(db, pg);
    // Attempts in blocks of 2 M rows, one transaction each.
    const qint64 block = 2'000'000;
    const QString hot =
        u"((i * 2654435761) % 1000003) % %1 * 100 + 1"_s.arg(hotAccounts(customers));
    const QString uniform = u"((i * 48271) % 2147483647) % %1 + 1"_s.arg(customers);
    for (qint64 from = 0; from < attempts; from += block) {
        const qint64 count = std::min(block, attempts - from);
        const QString rows = pg
            ? u"generate_series(%1::bigint, %2) AS s(i)"_s.arg(from + 1).arg(from + count)
            : u"(WITH RECURSIVE s(i) AS (SELECT %1 UNION ALL SELECT i + 1 FROM s "
              "WHERE i < %2) SELECT i FROM s)"_s.arg(from + 1)
                  .arg(from + count);
        exec(db, u"BEGIN"_s);
        exec(db,
             u"INSERT INTO attempts (id, institution_id, account_id, branch_id, flow_id, "
             "client_app_id, at, step, outcome, code, source_address) "
             "SELECT i, '%1', a, %8 + a % 7, 'flow-' || i, %4, "
             "%5 - ((i * 16807) % %6), "
             "CASE i % 4 WHEN 0 THEN 'account' WHEN 1 THEN 'customer' WHEN 2 THEN 'pin' "
             "ELSE 'call' END, "
             "CASE WHEN i % 3 = 0 THEN 'refused' ELSE 'ok' END, "
             "CASE WHEN i % 3 = 0 THEN (CASE i % 2 WHEN 0 THEN 'B21' ELSE 'D01' END) END, "
             "'203.0.113.' || (i % 250) "
             "FROM (SELECT i, CASE WHEN i % 5 = 0 THEN %2 ELSE %3 END AS a FROM %7) r"_s.arg(
                 institution, hot, uniform, QString::number(app), QString::number(nowMs),
                 QString::number(span), rows, QString::number(firstBranch)));
        exec(db, u"COMMIT"_s);
    }
    if (branchDay > 0)
        seedBranchDay(db, pg, customers, attempts, branchDay, firstBranch, app, nowMs);
    for (const QString &definition : rebuilt)
        exec(db, definition);
    if (pg) {
        for (const QString &table : {u"customers"_s, u"accounts"_s, u"attempts"_s})
            exec(db,
                 u"SELECT setval(pg_get_serial_sequence('%1', 'id'), (SELECT max(id) FROM %1))"_s
                     .arg(table));
        // What autovacuum would have done by the time such a table is in use, and the
        // checkpoint that writes out what the load and the vacuum dirtied: a database in use is
        // not in the middle of writing out a bulk load.
        exec(db, u"VACUUM ANALYZE"_s);
        exec(db, u"CHECKPOINT"_s);
    } else {
        exec(db, u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    }
    db.close();
    // SQLite: what the server's hourly statistics refresh would have done by the time such
    // tables are in use (the running server's connections pick the statistics up).
    if (const Status refreshed = database.value()->refreshStatistics(); !refreshed)
        qFatal("refresh statistics: %s", qPrintable(refreshed.error().message));

    // Staff: a supervisor (all branches) and one teller per branch.
    backend::SystemClock clock;
    backend::staff::StaffAccounts accounts(*database.value(), clock, backend::StaffSettings {},
                                           QByteArray(32, 'k'));
    for (int b = -1; b < Branches; ++b) {
        backend::staff::NewStaff staff;
        staff.institutionId = institution;
        staff.username = b < 0 ? u"sb.supervisor"_s : u"sb.teller%1"_s.arg(b + 1);
        staff.displayName = staff.username;
        staff.role =
            b < 0 ? backend::staff::StaffRole::Supervisor : backend::staff::StaffRole::Teller;
        staff.branchCode = b < 0 ? QString() : branchCode(b);
        staff.password = password;
        if (const auto added = accounts.addStaff(staff); !added)
            qFatal("staff %s: %s", qPrintable(staff.username), qPrintable(added.error().message));
    }
    std::fprintf(stderr, "seeded %lld customers, %lld attempts in %.1f s\n",
                 static_cast<long long>(customers), static_cast<long long>(attempts),
                 double(total.elapsed()) / 1000);
    return 0;
}

// --- the workload, shared by the driver and the floor ---

enum class Op { Account, Name, Phone, Attempts };
const char *opName(Op op)
{
    switch (op) {
    case Op::Account:
        return "search by account";
    case Op::Name:
        return "search by name prefix";
    case Op::Phone:
        return "search by phone";
    case Op::Attempts:
        return "attempts page (50)";
    }
    return "";
}

struct Work
{
    Op op;
    qint64 customer; // the customer the search or the page is about
    QString nameKana; // the prefix, for Op::Name
};

// One request: 20 % each search kind, 40 % attempts pages. The customer is random among those
// the caller may see (a teller: its branch); a fifth of the attempts pages are of hot accounts.
// Name prefixes: the family name (half the time) or the family name and the given name's
// first kana.
Work nextWork(QRandomGenerator &random, qint64 customers, std::optional<int> branch)
{
    const auto pick = [&](qint64 candidate) {
        if (!branch)
            return candidate;
        // The nearest customer of the teller's branch at or above the candidate.
        qint64 c = candidate - branchOf(candidate) + *branch;
        if (c < 1)
            c += Branches;
        if (c > customers)
            c -= Branches;
        return c;
    };
    const int r = int(random.bounded(100));
    Work work {Op::Attempts, 0, {}};
    if (r < 20)
        work.op = Op::Account;
    else if (r < 40)
        work.op = Op::Name;
    else if (r < 60)
        work.op = Op::Phone;
    if (work.op == Op::Attempts && random.bounded(5) == 0)
        work.customer = pick(qint64(random.bounded(quint64(hotAccounts(customers)))) * 100 + 1);
    else
        work.customer = pick(1 + qint64(random.bounded(quint64(customers))));
    if (work.op == Op::Name) {
        work.nameKana = families.at(familyOf(work.customer));
        if (random.bounded(2) == 0)
            work.nameKana += givens.at(givenOf(work.customer)).left(1);
    }
    return work;
}

// Who each connection signs in as: connection k is the supervisor when k % 8 == 0, else the
// teller of branch k % 8 - 1.
std::optional<int> branchOfConnection(int k)
{
    return k % 8 == 0 ? std::nullopt : std::optional<int>(k % 8 - 1);
}
QString userOfConnection(int k)
{
    return k % 8 == 0 ? u"sb.supervisor"_s : u"sb.teller%1"_s.arg(k % 8);
}

struct Histogram
{
    std::vector<qint64> micros;
    double percentileMs(double p)
    {
        if (micros.empty())
            return 0;
        std::sort(micros.begin(), micros.end());
        const size_t rank = size_t(std::ceil(p / 100.0 * double(micros.size())));
        return double(micros.at(std::clamp<size_t>(rank, 1, micros.size()) - 1)) / 1000;
    }
};

void printTable(const QMap<QString, Histogram> &histograms, double seconds, const char *unit)
{
    std::printf("| %s | count | per s | p50 ms | p99 ms | max ms |\n", unit);
    std::printf("|---|---:|---:|---:|---:|---:|\n");
    for (auto it = histograms.cbegin(); it != histograms.cend(); ++it) {
        Histogram h = it.value();
        std::printf("| %s | %zu | %.0f | %.2f | %.2f | %.2f |\n", qPrintable(it.key()),
                    h.micros.size(), double(h.micros.size()) / seconds, h.percentileMs(50),
                    h.percentileMs(99), h.percentileMs(100));
    }
}

// --- the floor: the statements StaffStore runs for each call, straight on one connection ---

class Floor
{
public:
    Floor(QSqlDatabase db) : m_db(std::move(db)) { }

    void run(const Work &work, std::optional<int> branch, qint64 firstBranch)
    {
        const QVariant branchId = branch ? QVariant(firstBranch + *branch) : QVariant();
        const QString teller = branch ? u" AND a.branch_id = ?"_s : QString();
        const QString tellerExists = branch
            ? u" AND EXISTS (SELECT 1 FROM accounts a WHERE a.customer_id = c.id "
              "AND a.branch_id = ?)"_s
            : QString();
        QList<qint64> ids;
        const auto collect = [&](QSqlQuery &q) {
            while (q.next())
                ids.append(q.value(0).toLongLong());
        };
        switch (work.op) {
        case Op::Account: {
            QSqlQuery &q = query(
                u"SELECT DISTINCT a.customer_id FROM accounts a "
                "JOIN branches b ON b.id = a.branch_id "
                "WHERE b.institution_id = ? AND b.code = ? AND a.account_number = ?%1 "
                "ORDER BY a.customer_id LIMIT ?"_s.arg(teller),
                {institution, branchCode(branchOf(work.customer)), accountNumberOf(work.customer)},
                branchId);
            collect(q);
            break;
        }
        case Op::Name: {
            const QString key = normalizedKanaName(work.nameKana);
            const QString keyEnd = key + QChar(0xFFFF);
            QSqlQuery &q = branch
                ? query(u"SELECT DISTINCT a.customer_id, a.name_key FROM accounts a "
                        "WHERE a.name_key >= ? AND a.name_key < ? AND a.branch_id = ? "
                        "ORDER BY a.name_key, a.customer_id LIMIT ?"_s,
                        {key, keyEnd}, branchId)
                : query(u"SELECT c.id FROM customers c WHERE c.institution_id = ? "
                        "AND c.name_key >= ? AND c.name_key < ? "
                        "ORDER BY c.name_key, c.id LIMIT ?"_s,
                        {institution, key, keyEnd}, branchId);
            collect(q);
            break;
        }
        case Op::Phone: {
            QSqlQuery &q = query(u"SELECT c.id FROM customers c WHERE c.institution_id = ? "
                                 "AND c.phone = ?%1 ORDER BY c.id LIMIT ?"_s.arg(tellerExists),
                                 {institution, phoneOf(work.customer)}, branchId);
            collect(q);
            break;
        }
        case Op::Attempts: {
            QList<qint64> accounts = accountsOf({work.customer}, branchId);
            if (accounts.isEmpty())
                qFatal("floor: customer %lld has no account in scope",
                       static_cast<long long>(work.customer));
            // One account per customer here: the statement the server prepares for one.
            QSqlQuery &q =
                query(u"SELECT t.id, t.at, t.account_id, t.step, t.outcome, t.code, t.flow_id, "
                      "t.source_address, t.name_kana, c.name FROM attempts t "
                      "LEFT JOIN client_apps c ON c.id = t.client_app_id "
                      "WHERE t.account_id IN (?) AND (t.at < ? OR (t.at = ? AND t.id < ?)) "
                      "ORDER BY t.at DESC, t.id DESC LIMIT ?"_s,
                      {accounts.first(), std::numeric_limits<qint64>::max(),
                       std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::max(), 51},
                      {}, false);
            while (q.next())
                for (int c = 0; c < 10; ++c)
                    (void)q.value(c);
            return;
        }
        }
        if (ids.size() > 50)
            ids.resize(50);
        if (ids.isEmpty())
            return;
        // customersWithAccounts: the customers, then their accounts.
        QVariantList values;
        for (const qint64 id : ids)
            values << id;
        values << institution;
        const QString marks = QStringList(ids.size(), u"?"_s).join(u", "_s);
        QSqlQuery &c = query(u"SELECT id, name_kana, birth_date, phone FROM customers "
                             "WHERE id IN (%1) AND institution_id = ?"_s.arg(marks),
                             values, {}, false);
        while (c.next())
            for (int k = 0; k < 4; ++k)
                (void)c.value(k);
        accountsOf(ids, branchId);
    }

private:
    QList<qint64> accountsOf(const QList<qint64> &customers, const QVariant &branchId)
    {
        QVariantList values;
        for (const qint64 id : customers)
            values << id;
        values << institution;
        const QString marks = QStringList(customers.size(), u"?"_s).join(u", "_s);
        QSqlQuery &q =
            query(u"SELECT a.id, a.customer_id, a.branch_id, b.code, b.name, a.account_type, "
                  "a.account_number, a.cash_card_issued, a.status, a.moved_to_account_id "
                  "FROM accounts a JOIN branches b ON b.id = a.branch_id "
                  "WHERE a.customer_id IN (%1) AND a.institution_id = ?%2 "
                  "ORDER BY a.customer_id, b.code, a.account_type, a.account_number"_s.arg(
                      marks, branchId.isValid() ? u" AND a.branch_id = ?"_s : QString()),
                  values, branchId, false);
        QList<qint64> ids;
        while (q.next()) {
            for (int k = 1; k < 10; ++k)
                (void)q.value(k);
            ids.append(q.value(0).toLongLong());
        }
        return ids;
    }

    // A prepared statement per text, kept (the server keeps its statements too). `limited`:
    // the branch value (if any) and then SearchLimit + 1 are bound after `values`.
    QSqlQuery &query(const QString &sql, QVariantList values, const QVariant &branchId,
                     bool limited = true)
    {
        auto it = m_queries.find(sql);
        if (it == m_queries.end()) {
            auto q = std::make_unique<QSqlQuery>(m_db);
            if (!q->prepare(sql))
                qFatal("prepare: %s", qPrintable(q->lastError().text()));
            it = m_queries.emplace(sql, std::move(q)).first;
        }
        QSqlQuery &q = *it->second;
        if (branchId.isValid())
            values << branchId;
        if (limited)
            values << 51;
        for (int k = 0; k < values.size(); ++k)
            q.bindValue(k, values.at(k));
        if (!q.exec())
            qFatal("floor: %s\n%s", qPrintable(sql), qPrintable(q.lastError().text()));
        return q;
    }

    QSqlDatabase m_db;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_queries;
};

int floor(const DbOptions &options, qint64 customers, double seconds)
{
    QSqlDatabase db = openPlain(options, u"floor"_s);
    const qint64 firstBranch =
        scalar(db, u"SELECT min(id) FROM branches WHERE institution_id = '%1'"_s.arg(institution));
    Floor floor(db);
    QRandomGenerator random(42);
    QMap<QString, Histogram> histograms;
    for (int pass = 0; pass < 2; ++pass) { // a warm-up pass of a fifth, then the measured one
        QElapsedTimer window;
        window.start();
        const qint64 limitNs = qint64((pass == 0 ? seconds / 5 : seconds) * 1e9);
        int k = 0;
        while (window.nsecsElapsed() < limitNs) {
            const std::optional<int> branch = branchOfConnection(k++);
            const Work work = nextWork(random, customers, branch);
            QElapsedTimer timer;
            timer.start();
            floor.run(work, branch, firstBranch);
            if (pass == 1)
                histograms[QString::fromLatin1(opName(work.op))
                           + (branch ? u", teller"_s : u", supervisor"_s)]
                    .micros.push_back(timer.nsecsElapsed() / 1000);
        }
    }
    std::printf("\n### floor: the same statements on one connection of the bench process "
                "(%s, %.0f s)\n\n",
                options.postgres() ? "PostgreSQL" : "SQLite", seconds);
    printTable(histograms, seconds, "statements of");
    std::fflush(stdout);
    return 0;
}

// --- the driver ---

struct DriveOptions
{
    quint16 port = 0;
    QString caPath;
    int connections = 200;
    double seconds = 20;
    double warmup = 5;
    qint64 customers = 0;
    QString serverLog;
    QString label;
    int offset = 0; // connection k acts as connection k + offset (--offset 1: a teller first)
    // Mean pause between an answer and the session's next call (exponential; 0: closed loop,
    // each session calls again at once — the server saturated, whatever its capacity).
    double thinkMs = 0;
    std::optional<DbOptions> pgSampling; // PostgreSQL: sample lock waits while measuring
};

class Driver final : public QObject
{
    Q_OBJECT

public:
    explicit Driver(DriveOptions options) : m_options(std::move(options))
    {
        QFile ca(m_options.caPath);
        if (!ca.open(QIODevice::ReadOnly))
            qFatal("cannot read the CA %s", qPrintable(m_options.caPath));
        m_tls = QSslConfiguration::defaultConfiguration();
        m_tls.setCaCertificates(QSslCertificate::fromData(ca.readAll()));
        m_tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    }

    void start()
    {
        m_signInTimer.start();
        for (int k = 0; k < m_options.connections; ++k) {
            // Its own loopback address per connection: sign-ins are limited per address.
            const QHostAddress source(u"127.3.%1.%2"_s.arg(k / 250).arg(k % 250 + 1));
            auto client = std::make_unique<Client>();
            client->index = k + m_options.offset;
            client->branch = branchOfConnection(client->index);
            client->random.seed(quint32(1000 + k));
            client->conn = new HttpClientConnection(m_options.port, m_tls, source, this);
            Client *c = client.get();
            m_clients.push_back(std::move(client));
            c->conn->open([this, c](bool ok) {
                if (!ok)
                    qFatal("cannot connect to the bench server");
                signIn(*c);
            });
        }
    }

private:
    struct Client
    {
        HttpClientConnection *conn = nullptr;
        int index = 0;
        std::optional<int> branch;
        QByteArray bearer;
        QRandomGenerator random;
    };

    void signIn(Client &c)
    {
        const QByteArray body =
            QJsonDocument(
                QJsonObject {{u"username"_s, userOfConnection(c.index)}, {u"password"_s, password}})
                .toJson(QJsonDocument::Compact);
        c.conn->send("POST", "/api/v1/staff/session", body, "application/json", {},
                     [this, &c](const HttpClientConnection::Response &r) {
                         if (r.status != 200)
                             qFatal("sign-in %d: %d %s", c.index, r.status, r.body.constData());
                         m_signIns.micros.push_back(r.micros);
                         c.bearer = "Bearer "
                             + QJsonDocument::fromJson(r.body)
                                   .object()
                                   .value(u"access_token"_s)
                                   .toString()
                                   .toLatin1();
                         if (++m_signedIn == m_options.connections)
                             allSignedIn();
                     });
    }

    void allSignedIn()
    {
        std::fprintf(stderr, "%d sessions signed in in %.1f s (sign-in p50 %.0f ms)\n", m_signedIn,
                     double(m_signInTimer.elapsed()) / 1000, m_signIns.percentileMs(50));
        QTimer::singleShot(int(m_options.warmup * 1000), Qt::PreciseTimer, this, [this] {
            m_recording = true;
            if (!m_options.serverLog.isEmpty())
                m_logOffset = QFile(m_options.serverLog).size();
            if (m_options.pgSampling) {
                m_sampler = openPlain(*m_options.pgSampling, u"sampler"_s);
                connect(&m_sampleTimer, &QTimer::timeout, this, [this] { sample(); });
                m_sampleTimer.start(50);
            }
            m_window.start();
            QTimer::singleShot(int(m_options.seconds * 1000), Qt::PreciseTimer, this,
                               [this] { finish(); });
        });
        for (auto &c : m_clients)
            next(*c);
    }

    void sample()
    {
        QSqlQuery q(m_sampler);
        if (!q.exec(u"SELECT count(*) FILTER (WHERE wait_event_type = 'Lock'), "
                    "count(*) FILTER (WHERE state = 'active' AND wait_event_type IS DISTINCT "
                    "FROM 'Lock') FROM pg_stat_activity WHERE backend_type = 'client backend' "
                    "AND pid <> pg_backend_pid()"_s)
            || !q.next())
            return;
        ++m_samples;
        const int waiting = q.value(0).toInt();
        m_lockWaitSum += waiting;
        m_lockWaitMax = std::max(m_lockWaitMax, waiting);
        m_activeSum += q.value(1).toInt();
    }

    void next(Client &c)
    {
        if (m_done)
            return;
        const Work work = nextWork(c.random, m_options.customers, c.branch);
        QByteArray path;
        switch (work.op) {
        case Op::Account:
            path = "/api/v1/staff/customers?branch_code="
                + branchCode(branchOf(work.customer)).toLatin1()
                + "&account_number=" + accountNumberOf(work.customer).toLatin1();
            break;
        case Op::Name:
            path = "/api/v1/staff/customers?name_kana=" + QUrl::toPercentEncoding(work.nameKana);
            break;
        case Op::Phone:
            path = "/api/v1/staff/customers?phone=" + phoneOf(work.customer).toLatin1();
            break;
        case Op::Attempts:
            path = "/api/v1/staff/customers/" + QByteArray::number(work.customer)
                + "/attempts?limit=50";
            break;
        }
        c.conn->send(
            "GET", path, {}, {}, {{"Authorization", c.bearer}},
            [this, &c, op = work.op, path](const HttpClientConnection::Response &r) {
                const QString key = QString::fromLatin1(opName(op))
                    + (c.branch ? u", teller"_s : u", supervisor"_s);
                if (m_done)
                    return;
                if (r.status != 200) {
                    if (++m_errors[r.status] <= 3)
                        std::fprintf(stderr, "%s: %d %s\n", path.constData(), r.status,
                                     r.body.left(200).constData());
                } else if (m_recording) {
                    m_client[key].micros.push_back(r.micros);
                    ++m_requests;
                }
                if (m_options.thinkMs <= 0) {
                    next(c);
                    return;
                }
                // A person reading the answer before the next click.
                const double pause = -m_options.thinkMs * std::log(1.0 - c.random.generateDouble());
                QTimer::singleShot(int(pause), Qt::PreciseTimer, this, [this, &c] { next(c); });
            });
    }

    void finish()
    {
        m_done = true;
        m_sampleTimer.stop();
        const double elapsed = double(m_window.nsecsElapsed()) / 1e9;
        std::printf("\n### %s: %d connections, %.1f s measured\n\n", qPrintable(m_options.label),
                    m_options.connections, elapsed);
        std::printf("Client latency (TLS, kept-alive, from first byte written to last read):\n\n");
        printTable(m_client, elapsed, "call");
        std::printf("\n- requests/s: %.0f; errors:", double(m_requests) / elapsed);
        for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
            std::printf(" %d×%d", it.value(), it.key());
        std::printf("\n");
        if (!m_options.serverLog.isEmpty())
            serverTimes(elapsed);
        if (m_samples > 0)
            std::printf("- PostgreSQL, sampled every 50 ms: backends waiting on a lock mean "
                        "%.1f, max %d; other active backends mean %.1f (%d samples)\n",
                        double(m_lockWaitSum) / m_samples, m_lockWaitMax,
                        double(m_activeSum) / m_samples, m_samples);
        std::fflush(stdout);
        QCoreApplication::quit();
    }

    // Handler time (tc.backend.http debug line: "GET <pattern> <status> <ms> ms", in hundredths
    // of a millisecond) of the measured window.
    void serverTimes(double elapsed)
    {
        QFile log(m_options.serverLog);
        if (!log.open(QIODevice::ReadOnly) || !log.seek(m_logOffset))
            return;
        QMap<QString, Histogram> handler;
        while (!log.atEnd()) {
            const QList<QByteArray> words = log.readLine().simplified().split(' ');
            const qsizetype get = words.indexOf("GET");
            if (get < 0 || words.size() < get + 4 || words.at(get + 2) != "200")
                continue;
            const QByteArray &pattern = words.at(get + 1);
            const QString key = pattern.endsWith("/attempts") ? u"attempts page (50)"_s
                : pattern == "/api/v1/staff/customers"        ? u"searches (all kinds)"_s
                                                              : QString();
            if (!key.isEmpty())
                handler[key].micros.push_back(qint64(words.at(get + 3).toDouble() * 1000));
        }
        std::printf("\nServer handler time (tc.backend.http debug log):\n\n");
        printTable(handler, elapsed, "handler");
    }

    DriveOptions m_options;
    QSslConfiguration m_tls;
    std::vector<std::unique_ptr<Client>> m_clients;
    QElapsedTimer m_signInTimer;
    Histogram m_signIns;
    int m_signedIn = 0;
    bool m_recording = false;
    bool m_done = false;
    qint64 m_logOffset = 0;
    QElapsedTimer m_window;
    QMap<QString, Histogram> m_client;
    QMap<int, int> m_errors;
    qint64 m_requests = 0;
    QSqlDatabase m_sampler;
    QTimer m_sampleTimer;
    int m_samples = 0;
    qint64 m_lockWaitSum = 0;
    int m_lockWaitMax = 0;
    qint64 m_activeSum = 0;
};

} // namespace
} // namespace tc::bench

int main(int argc, char *argv[])
{
    using namespace tc;
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(u"command"_s, u"seed, drive or floor"_s);
    const QCommandLineOption engine(u"engine"_s, u"sqlite or postgresql"_s, u"engine"_s,
                                    u"sqlite"_s);
    const QCommandLineOption sqlite(u"sqlite"_s, u"SQLite file"_s, u"file"_s);
    const QCommandLineOption pgHost(u"pg-host"_s, u"PostgreSQL host"_s, u"host"_s, u"127.0.0.1"_s);
    const QCommandLineOption pgPort(u"pg-port"_s, u"PostgreSQL port"_s, u"port"_s, u"5432"_s);
    const QCommandLineOption pgUser(u"pg-user"_s, u"PostgreSQL user"_s, u"user"_s, u"postgres"_s);
    const QCommandLineOption pgDb(u"pg-db"_s, u"PostgreSQL database"_s, u"name"_s);
    const QCommandLineOption customers(u"customers"_s, u"customers"_s, u"n"_s, u"1000000"_s);
    const QCommandLineOption attempts(u"attempts"_s, u"attempts"_s, u"n"_s, u"10000000"_s);
    const QCommandLineOption branchDay(
        u"branch-day"_s, u"more attempts, of today in branch 101 (the console's bench)"_s, u"n"_s,
        u"0"_s);
    const QCommandLineOption stateFile(u"state"_s, u"bench_flows serve's state file"_s, u"file"_s);
    const QCommandLineOption connections(u"connections"_s, u"staff sessions"_s, u"n"_s, u"200"_s);
    const QCommandLineOption seconds(u"seconds"_s, u"measured seconds"_s, u"s"_s, u"20"_s);
    const QCommandLineOption warmup(u"warmup"_s, u"seconds before measuring"_s, u"s"_s, u"5"_s);
    const QCommandLineOption serverLog(u"server-log"_s, u"the server's stderr"_s, u"file"_s);
    const QCommandLineOption label(u"label"_s, u"name of the run"_s, u"text"_s, u"run"_s);
    const QCommandLineOption offset(u"offset"_s, u"connection k signs in as k + offset"_s, u"n"_s,
                                    u"0"_s);
    const QCommandLineOption think(u"think-ms"_s,
                                   u"mean pause between an answer and the next call (0: none)"_s,
                                   u"ms"_s, u"0"_s);
    parser.addOptions({engine, sqlite, pgHost, pgPort, pgUser, pgDb, customers, attempts, branchDay,
                       stateFile, connections, seconds, warmup, serverLog, label, offset, think});
    parser.addHelpOption();
    parser.process(app);

    bench::DbOptions db;
    if (parser.value(engine) == u"postgresql"_s) {
        db.settings.driver = backend::DatabaseDriver::PostgreSql;
        db.settings.host = parser.value(pgHost);
        db.settings.port = quint16(parser.value(pgPort).toUInt());
        db.settings.user = parser.value(pgUser);
        db.settings.name = parser.value(pgDb);
    } else {
        db.settings.driver = backend::DatabaseDriver::Sqlite;
        db.settings.sqlitePath = parser.value(sqlite);
    }
    const QString command = parser.positionalArguments().value(0);
    const qint64 n = parser.value(customers).toLongLong();
    if (command == u"seed"_s)
        return bench::seed(db, n, parser.value(attempts).toLongLong(),
                           parser.value(branchDay).toLongLong());
    if (command == u"floor"_s)
        return bench::floor(db, n, parser.value(seconds).toDouble());
    if (command != u"drive"_s)
        qFatal("usage: bench_staff seed|drive|floor … (see --help)");
    bench::DriveOptions options;
    QFile state(parser.value(stateFile));
    if (!state.open(QIODevice::ReadOnly))
        qFatal("--state: cannot read %s", qPrintable(parser.value(stateFile)));
    for (const QByteArray &line : state.readAll().split('\n')) {
        if (line.startsWith("port="))
            options.port = quint16(line.mid(5).toUInt());
        else if (line.startsWith("ca="))
            options.caPath = QString::fromUtf8(line.mid(3));
    }
    options.connections = parser.value(connections).toInt();
    options.seconds = parser.value(seconds).toDouble();
    options.warmup = parser.value(warmup).toDouble();
    options.customers = n;
    options.serverLog = parser.value(serverLog);
    options.label = parser.value(label);
    options.offset = parser.value(offset).toInt();
    bool thinkIsNumber = false;
    options.thinkMs = parser.value(think).toDouble(&thinkIsNumber);
    if (!thinkIsNumber || options.thinkMs < 0)
        qFatal("--think-ms: %s is not a number of milliseconds", qPrintable(parser.value(think)));
    if (db.postgres())
        options.pgSampling = db;
    bench::Driver driver(options);
    driver.start();
    return QCoreApplication::exec();
}

#include "bench_staff.moc"
