// bench_audit: what the audit chain costs (see bench/RESULTS.md, section "Audit").
//
//   bench_audit --engine sqlite --sqlite FILE | --engine postgresql --pg-host H --pg-port P
//               --pg-user U --pg-db D   [--transactions N] [--rows R] [--threads T]
//
// (a) append overhead: N transactions that insert one attempt row, alone, with a second
//     attempt row (the cost of any further row: the floor) and with AuditLog::append of the
//     staff action beside it, alternating in blocks; single thread latency and T-thread
//     throughput.
// (b) verify throughput: a chain of R rows (checkpoints every 1,000) walked by audit::verify.
#include "AuditChain.h"
#include "AuditKeys.h"
#include "AuditLog.h"
#include "AuditVerify.h"
#include "Clock.h"
#include "Database.h"
#include "Directory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <libpq-fe.h>
#include <sys/resource.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace tc;
using namespace tc::backend;

namespace {

const QString institution = u"hyogo-himawari"_s;

void print(const QString &line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

[[noreturn]] void fail(const QString &what, const QString &why)
{
    std::fprintf(stderr, "bench_audit: %s: %s\n", qPrintable(what), qPrintable(why));
    std::exit(1);
}

audit::AuditRecord staffAction(qint64 i, qint64 atMs)
{
    return {.atMs = atMs,
            .institutionId = institution,
            .staffId = 40 + i % 17,
            .username = u"teller%1"_s.arg(40 + i % 17, 4, 10, QChar(u'0')),
            .role = u"teller"_s,
            .action = i % 5 ? u"customer.view"_s : u"lock.release"_s,
            .target = u"customer:%1"_s.arg(100000 + i % 4000),
            .reason = i % 5 ? QString() : u"本人確認済み、窓口にて"_s,
            .sourceAddress = u"192.168.10.%1"_s.arg(i % 200),
            .details = QJsonObject {{u"branch"_s, u"001"_s}, {u"masked"_s, false}}};
}

Status insertAttempt(const QSqlDatabase &db, qint64 i, qint64 atMs)
{
    Result<Statement> done =
        runQuery(db,
                 u"INSERT INTO attempts (institution_id, flow_id, at, step, outcome, code, "
                 "source_address, name_kana) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                 {institution, u"flow-%1"_s.arg(i), atMs, u"customer"_s, u"failed"_s, u"B21"_s,
                  u"203.0.113.%1"_s.arg(i % 250), u"ﾃﾞｰﾀ ﾀﾛｳ"_s},
                 u"attempt"_s);
    if (!done)
        return done.error();
    return Success {};
}

struct Stats
{
    double meanUs = 0;
    double p50Us = 0;
    double p99Us = 0;
};

Stats stats(std::vector<qint64> nanos)
{
    std::sort(nanos.begin(), nanos.end());
    Stats s;
    double sum = 0;
    for (qint64 n : nanos)
        sum += double(n);
    s.meanUs = sum / double(nanos.size()) / 1000.0;
    s.p50Us = double(nanos[nanos.size() / 2]) / 1000.0;
    s.p99Us = double(nanos[std::min(nanos.size() - 1, nanos.size() * 99 / 100)]) / 1000.0;
    return s;
}

// What a transaction carries besides its attempt row: nothing, a second attempt row (what any
// further row of the transaction costs: the floor under an audit row), or the audit row.
enum class Companion { None, SecondInsert, AuditRow };
constexpr std::array companions {Companion::None, Companion::SecondInsert, Companion::AuditRow};

QString companionLabel(Companion companion)
{
    static const std::array labels {u"attempt insert alone"_s, u"attempt insert + 2nd insert"_s,
                                    u"attempt insert + audit row"_s};
    return labels.at(size_t(companion));
}

QString overhead(double with, double without)
{
    const double delta = with - without;
    return u"%1%2 us (%3 %)"_s.arg(delta >= 0 ? u"+"_s : QString())
        .arg(delta, 0, 'f', 1)
        .arg(100.0 * delta / without, 0, 'f', 1);
}

void measureAppend(Database &database, audit::AuditLog &log, const Clock &clock, int transactions,
                   int threads)
{
    std::atomic<qint64> serial {0};
    const auto oneTransaction = [&](Companion companion) {
        const qint64 i = ++serial;
        const qint64 now = clock.now().toMSecsSinceEpoch();
        const Status done = database.transaction<Success>([&](QSqlDatabase &db) -> Status {
            if (Status inserted = insertAttempt(db, i, now); !inserted)
                return inserted;
            switch (companion) {
            case Companion::None:
                return Success {};
            case Companion::SecondInsert:
                return insertAttempt(db, ++serial, now);
            case Companion::AuditRow:
                return log.append(db, staffAction(i, now));
            }
            return Success {};
        });
        if (!done)
            fail(u"transaction"_s, done.error().message);
    };
    // Warm up every path (statement caches, first head row).
    for (int i = 0; i < 200; ++i) {
        for (Companion companion : companions)
            oneTransaction(companion);
    }
    std::array<std::vector<qint64>, companions.size()> nanos;
    const int blocks = 20;
    const int perBlock = std::max(1, transactions / blocks);
    QElapsedTimer timer;
    for (int block = 0; block < blocks; ++block) {
        for (size_t mode = 0; mode < companions.size(); ++mode) {
            for (int i = 0; i < perBlock; ++i) {
                timer.start();
                oneTransaction(companions[mode]);
                nanos[mode].push_back(timer.nsecsElapsed());
            }
        }
    }
    std::array<Stats, companions.size()> measured;
    print(u"append, 1 thread, %1 transactions each:"_s.arg(nanos[0].size()));
    for (size_t mode = 0; mode < companions.size(); ++mode) {
        measured[mode] = stats(nanos[mode]);
        print(u"  %1 mean %2 us  p50 %3 us  p99 %4 us"_s
                  .arg(companionLabel(companions[mode]).leftJustified(28))
                  .arg(measured[mode].meanUs, 0, 'f', 1)
                  .arg(measured[mode].p50Us, 0, 'f', 1)
                  .arg(measured[mode].p99Us, 0, 'f', 1));
    }
    const Stats &alone = measured[0];
    const Stats &second = measured[1];
    const Stats &audited = measured[2];
    print(u"  audit row: mean %1, p50 %2"_s.arg(overhead(audited.meanUs, alone.meanUs),
                                                overhead(audited.p50Us, alone.p50Us)));
    print(u"  2nd insert: mean %1, p50 %2"_s.arg(overhead(second.meanUs, alone.meanUs),
                                                 overhead(second.p50Us, alone.p50Us)));

    if (threads <= 1)
        return;
    std::array<double, companions.size()> rates {};
    for (int round = 0; round < 2; ++round) {
        for (size_t mode = 0; mode < companions.size(); ++mode) {
            QList<QThread *> workers;
            QElapsedTimer wall;
            wall.start();
            for (int t = 0; t < threads; ++t) {
                workers << QThread::create([&, mode] {
                    for (int i = 0; i < transactions / threads; ++i)
                        oneTransaction(companions[mode]);
                });
                workers.constLast()->start();
            }
            for (QThread *worker : std::as_const(workers)) {
                worker->wait();
                delete worker;
            }
            const double rate =
                double(transactions / threads * threads) * 1e9 / double(wall.nsecsElapsed());
            rates[mode] = std::max(rates[mode], rate);
        }
    }
    print(u"append, %1 threads (best of 2): alone %2 tx/s, with 2nd insert %3 tx/s (%4 %), with "
          "audit row %5 tx/s (%6 %)"_s.arg(threads)
              .arg(rates[0], 0, 'f', 0)
              .arg(rates[1], 0, 'f', 0)
              .arg(100.0 * (rates[1] - rates[0]) / rates[0], 0, 'f', 1)
              .arg(rates[2], 0, 'f', 0)
              .arg(100.0 * (rates[2] - rates[0]) / rates[0], 0, 'f', 1));
}

// Writes a valid chain of `count` rows straight into the tables (the append path would take
// minutes for a million rows on PostgreSQL), with a signed checkpoint every 1,000 rows.
void buildChain(Database &database, const audit::SigningKey &key, const QString &checkpointFile,
                qint64 count)
{
    QSqlDatabase db = database.connection();
    for (const QString &sql : {u"DELETE FROM audit_log"_s, u"DELETE FROM audit_checkpoints"_s,
                               u"DELETE FROM audit_head"_s}) {
        if (!runQuery(db, sql))
            fail(sql, u"failed"_s);
    }
    QFile::remove(checkpointFile);
    audit::ChainHasher hasher;
    QByteArray prev = audit::genesisHash();
    const qint64 base = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
    QList<audit::Checkpoint> checkpoints;
    PGconn *pg = nullptr;
    if (database.isPostgreSql()) {
        const QVariant handle = db.driver()->handle();
        pg = *static_cast<PGconn *const *>(handle.constData());
        PGresult *r = PQexec(pg,
                             "COPY audit_log (seq, at, institution_id, staff_id, username, "
                             "role, action, target, reason, source_address, details, "
                             "prev_hash, hash) FROM STDIN");
        if (PQresultStatus(r) != PGRES_COPY_IN)
            fail(u"copy"_s, QString::fromUtf8(PQerrorMessage(pg)));
        PQclear(r);
    } else if (!db.transaction()) {
        fail(u"begin"_s, u"failed"_s);
    }
    QByteArray copyBuffer;
    for (qint64 seq = 1; seq <= count; ++seq) {
        const audit::AuditRecord r = staffAction(seq, base + seq * 50);
        QByteArray details;
        const QByteArray hash = audit::recordHash(hasher, prev, seq, r, details);
        if (pg) {
            copyBuffer += QByteArray::number(seq) + '\t' + QByteArray::number(r.atMs) + '\t'
                + r.institutionId.toUtf8() + '\t' + QByteArray::number(*r.staffId) + '\t'
                + r.username.toUtf8() + '\t' + r.role.toUtf8() + '\t' + r.action.toUtf8() + '\t'
                + r.target.toUtf8() + '\t' + r.reason.toUtf8() + '\t' + r.sourceAddress.toUtf8()
                + '\t' + details + "\t\\\\x" + prev.toHex() + "\t\\\\x" + hash.toHex() + '\n';
            if (copyBuffer.size() > (1 << 20) || seq == count) {
                if (PQputCopyData(pg, copyBuffer.constData(), int(copyBuffer.size())) != 1)
                    fail(u"copy data"_s, QString::fromUtf8(PQerrorMessage(pg)));
                copyBuffer.clear();
            }
        } else {
            Result<Statement> inserted = runQuery(
                db,
                u"INSERT INTO audit_log (seq, at, institution_id, staff_id, username, role, "
                "action, target, reason, source_address, details, prev_hash, hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                {seq, r.atMs, r.institutionId, *r.staffId, r.username, r.role, r.action, r.target,
                 r.reason.isNull() ? u""_s : r.reason, r.sourceAddress, QString::fromUtf8(details),
                 prev, hash});
            if (!inserted)
                fail(u"insert"_s, inserted.error().message);
        }
        if (seq % 1000 == 0 || seq == count)
            checkpoints << audit::signCheckpoint(key, seq, hash, r.atMs, u"periodic"_s);
        prev = hash;
    }
    if (pg) {
        if (PQputCopyEnd(pg, nullptr) != 1)
            fail(u"copy end"_s, QString::fromUtf8(PQerrorMessage(pg)));
        while (PGresult *r = PQgetResult(pg)) {
            if (PQresultStatus(r) != PGRES_COMMAND_OK)
                fail(u"copy"_s, QString::fromUtf8(PQresultErrorMessage(r)));
            PQclear(r);
        }
        if (!db.transaction())
            fail(u"begin"_s, u"failed"_s);
    }
    for (const audit::Checkpoint &c : std::as_const(checkpoints)) {
        if (!runQuery(db,
                      u"INSERT INTO audit_checkpoints (seq, hash, at, kind, signature) "
                      "VALUES (?, ?, ?, ?, ?)"_s,
                      {c.seq, c.hash, c.atMs, c.kind, c.signature}))
            fail(u"checkpoint"_s, u"insert failed"_s);
        if (!audit::appendCheckpointLine(checkpointFile, c))
            fail(u"checkpoint"_s, u"file"_s);
    }
    if (!runQuery(db,
                  u"INSERT INTO audit_head (id, seq, hash, checkpoint_seq, checkpoint_at) "
                  "VALUES (1, ?, ?, ?, ?)"_s,
                  {count, prev, count, base}))
        fail(u"head"_s, u"insert failed"_s);
    if (!db.commit())
        fail(u"commit"_s, u"failed"_s);
    if (pg)
        PQclear(PQexec(pg, "VACUUM ANALYZE audit_log"));
}

void measureVerify(Database &database, const audit::SigningKey &key, const QString &checkpointFile,
                   qint64 rows, bool keepChain)
{
    QElapsedTimer timer;
    timer.start();
    if (keepChain && QFile::exists(checkpointFile)) {
        print(u"verify: reusing the chain of the previous run"_s);
    } else {
        buildChain(database, key, checkpointFile, rows);
        print(u"verify: chain of %1 rows with %2 checkpoints built in %3 s"_s.arg(rows)
                  .arg((rows + 999) / 1000)
                  .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    }
    std::vector<double> rates, cpuRates;
    const auto seconds = [](const timeval &t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    for (int run = 0; run < 5; ++run) {
        rusage before {};
        ::getrusage(RUSAGE_SELF, &before);
        Result<audit::VerifyReport> report =
            audit::verify(database, key.publicKey(), checkpointFile);
        rusage after {};
        ::getrusage(RUSAGE_SELF, &after);
        const double cpu = seconds(after.ru_utime) + seconds(after.ru_stime)
            - seconds(before.ru_utime) - seconds(before.ru_stime);
        if (!report)
            fail(u"verify"_s, report.error().message);
        if (!report->intact() || report->rowsChecked != rows)
            fail(u"verify"_s, report->summary());
        rates.push_back(double(report->rowsChecked) / report->seconds);
        cpuRates.push_back(double(report->rowsChecked) / cpu);
        print(u"  run %1: %2 rows, %3 checkpoints in %4 s = %5 rows/s; this process's CPU %6 s "
              "= %7 rows per CPU second"_s.arg(run + 1)
                  .arg(report->rowsChecked)
                  .arg(report->checkpointsChecked)
                  .arg(report->seconds, 0, 'f', 3)
                  .arg(rates.back(), 0, 'f', 0)
                  .arg(cpu, 0, 'f', 3)
                  .arg(cpuRates.back(), 0, 'f', 0));
    }
    std::sort(rates.begin(), rates.end());
    std::sort(cpuRates.begin(), cpuRates.end());
    print(u"verify: median %1 rows/s, best %2 rows/s (wall); median %3 rows per CPU second of "
          "this process"_s.arg(rates[rates.size() / 2], 0, 'f', 0)
              .arg(rates.back(), 0, 'f', 0)
              .arg(cpuRates[cpuRates.size() / 2], 0, 'f', 0));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption engine(u"engine"_s, u"sqlite or postgresql"_s, u"engine"_s,
                                    u"sqlite"_s);
    const QCommandLineOption sqlite(u"sqlite"_s, u"SQLite file"_s, u"file"_s);
    const QCommandLineOption pgHost(u"pg-host"_s, u"host"_s, u"host"_s, u"127.0.0.1"_s);
    const QCommandLineOption pgPort(u"pg-port"_s, u"port"_s, u"port"_s, u"5432"_s);
    const QCommandLineOption pgUser(u"pg-user"_s, u"user"_s, u"user"_s, u"postgres"_s);
    const QCommandLineOption pgDb(u"pg-db"_s, u"database"_s, u"name"_s, u"postgres"_s);
    const QCommandLineOption transactionsOption(u"transactions"_s, u"per mode"_s, u"n"_s,
                                                u"2000"_s);
    const QCommandLineOption rowsOption(u"rows"_s, u"chain length for verify"_s, u"n"_s,
                                        u"1000000"_s);
    const QCommandLineOption workdirOption(
        u"workdir"_s, u"keep the key, checkpoint file and SQLite file here"_s, u"dir"_s);
    const QCommandLineOption keepOption(u"keep-chain"_s,
                                        u"verify the chain a previous run left in --workdir"_s);
    const QCommandLineOption threadsOption(u"threads"_s, u"append threads"_s, u"n"_s, u"4"_s);
    parser.addOptions({engine, sqlite, pgHost, pgPort, pgUser, pgDb, transactionsOption, rowsOption,
                       threadsOption, workdirOption, keepOption});
    parser.process(app);

    QTemporaryDir temporary;
    const QDir dir(parser.isSet(workdirOption) ? parser.value(workdirOption) : temporary.path());
    DatabaseSettings settings;
    if (parser.value(engine) == u"postgresql"_s) {
        settings.driver = DatabaseDriver::PostgreSql;
        settings.host = parser.value(pgHost);
        settings.port = quint16(parser.value(pgPort).toUInt());
        settings.user = parser.value(pgUser);
        settings.name = parser.value(pgDb);
    } else {
        settings.sqlitePath =
            parser.isSet(sqlite) ? parser.value(sqlite) : dir.filePath(u"bench.sqlite"_s);
    }
    Result<std::unique_ptr<Database>> database = Database::open(settings);
    if (!database)
        fail(u"open"_s, database.error().message);
    {
        QSqlDatabase db = database.value()->connection();
        Result<Statement> known =
            runQuery(db, u"SELECT COUNT(*) FROM institutions WHERE id = ?"_s, {institution});
        const bool missing = known && known.value().next() && known.value().value(0).toInt() == 0;
        if (known)
            known.value().finish();
        if (missing) {
            if (!Directory::addInstitution(db,
                                           {.id = institution, .name = u"兵庫ひまわり信用組合"_s}))
                fail(u"seed"_s, u"institution"_s);
        }
    }
    const QString keyFile = dir.filePath(u"audit.key"_s);
    Result<audit::SigningKey> key = QFile::exists(keyFile)
        ? audit::SigningKey::readFile(keyFile, u"key"_s)
        : audit::writeNewSigningKey(keyFile);
    if (!key)
        fail(u"key"_s, key.error().message);
    const SystemClock clock;
    const QString checkpointFile = dir.filePath(u"checkpoints.log"_s);
    print(u"engine: %1"_s.arg(parser.value(engine)));
    if (parser.value(transactionsOption).toInt() > 0) {
        audit::AuditLog log(*database.value(), clock, key.value(), checkpointFile);
        measureAppend(*database.value(), log, clock, parser.value(transactionsOption).toInt(),
                      parser.value(threadsOption).toInt());
    }
    measureVerify(*database.value(), key.value(), checkpointFile,
                  parser.value(rowsOption).toLongLong(), parser.isSet(keepOption));
    return 0;
}
