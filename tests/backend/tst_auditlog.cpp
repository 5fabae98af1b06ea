// The audit chain: appends link every row to the one before under the head row's lock, signed
// checkpoints go to the table and to the file, and verify names the first broken link after each
// kind of tampering by hand in the database, on SQLite and PostgreSQL.
#include "AuditChain.h"
#include "AuditKeys.h"
#include "AuditLog.h"
#include "AuditVerify.h"
#include "Clock.h"
#include "Database.h"
#include "Directory.h"
#include "RetentionJob.h"
#include "TestDatabases.h"
#include "TestEngines.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QtEndian>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;
using namespace tc::backend;
using namespace tc::backend::audit;

Q_DECLARE_METATYPE(tc::backend::audit::BreakKind)

namespace {

const QDateTime start = QDateTime(QDate(2026, 11, 24), QTime(5, 0), Qt::UTC);

struct Fixture
{
    std::unique_ptr<Database> database;
    std::unique_ptr<ManualClock> clock;
    std::unique_ptr<AuditLog> log;
    QString checkpointFile;
};

AuditRecord record(int i, qint64 atMs)
{
    return {.atMs = atMs,
            .institutionId = i % 3 == 0 ? u"gunma-mirai"_s : u"hyogo-himawari"_s,
            .staffId = i % 4 == 0 ? std::nullopt : std::optional<qint64>(100 + i % 4),
            .username = u"teller%1"_s.arg(i % 4),
            .role = u"teller"_s,
            .action = i % 2 ? u"customer.view"_s : u"lock.release"_s,
            .target = u"account:%1"_s.arg(1000 + i),
            .reason = i % 2 ? QString() : u"本人確認済み (%1)"_s.arg(i),
            .sourceAddress = u"10.0.0.%1"_s.arg(i % 250),
            .details = QJsonObject {{u"i"_s, i}, {u"note"_s, u"データ"_s}}};
}

QString message(const auto &result)
{
    return result ? QString() : result.error().message;
}

} // namespace

class TestAuditLog final : public QObject
{
    Q_OBJECT

    test::TestDatabases m_databases;
    QTemporaryDir m_dir;
    SigningKey m_key;
    int m_serial = 0;

    Fixture make(const QString &engine, int everyRows = 1000, int everySeconds = 60,
                 const std::optional<DatabaseSettings> &existing = std::nullopt)
    {
        Fixture f;
        auto opened = Database::open(existing ? *existing : m_databases.create(engine));
        if (!opened)
            qFatal("open: %s", qPrintable(opened.error().message));
        f.database = std::move(opened.value());
        f.clock = std::make_unique<ManualClock>(start);
        f.checkpointFile = m_dir.filePath(u"checkpoints-%1.log"_s.arg(++m_serial));
        f.log = std::make_unique<AuditLog>(*f.database, *f.clock, m_key, f.checkpointFile,
                                           everyRows, everySeconds);
        return f;
    }

    // Two "instances" on one database: Database and AuditLog objects of their own, as two
    // backend processes would have.
    std::pair<Fixture, Fixture> twoInstances(const QString &engine, int everyRows)
    {
        const DatabaseSettings settings = m_databases.create(engine);
        return {make(engine, everyRows, 60, settings), make(engine, everyRows, 60, settings)};
    }

    static Status append(Fixture &f, int i)
    {
        return f.database->transaction<Success>([&](QSqlDatabase &db) -> Status {
            return f.log->append(db, record(i, f.clock->now().toMSecsSinceEpoch()));
        });
    }

    // Appends rows 1..count, letting each due checkpoint finish before the next append so the
    // checkpoints fall exactly every everyRows rows.
    static void appendRows(Fixture &f, int count)
    {
        for (int i = 1; i <= count; ++i) {
            const Status appended = append(f, i);
            if (!appended)
                qFatal("append: %s", qPrintable(appended.error().message));
            f.log->waitForIdle();
            f.clock->advance(1000);
        }
    }

    static void exec(Fixture &f, const QString &sql, const QVariantList &values = {})
    {
        Result<Statement> done = runQuery(f.database->connection(), sql, values);
        if (!done)
            qFatal("%s: %s", qPrintable(sql), qPrintable(done.error().message));
    }

    static QVariant scalar(Fixture &f, const QString &sql, const QVariantList &values = {})
    {
        Result<Statement> done = runQuery(f.database->connection(), sql, values);
        if (!done || !done.value().next())
            qFatal("%s: %s", qPrintable(sql), qPrintable(message(done)));
        return done.value().value(0);
    }

    // The hash a row would have with this prev_hash: what an attacker who knows the (public)
    // chain format computes to make a forged row look genuine.
    static QByteArray rehash(Fixture &f, qint64 seq, const QByteArray &prevHash)
    {
        Result<Statement> row = runQuery(
            f.database->connection(),
            u"SELECT seq, at, institution_id, staff_id, username, role, action, target, reason, "
            "source_address, details FROM audit_log WHERE seq = ?"_s,
            {seq});
        if (!row || !row.value().next())
            qFatal("row %lld", static_cast<long long>(seq));
        QSqlQuery &q = row.value();
        QList<QByteArray> text;
        for (int column : {2, 4, 5, 6, 7, 8, 9, 10})
            text << q.value(column).toString().toUtf8();
        ChainFields fields {.seq = q.value(0).toLongLong(),
                            .atMs = q.value(1).toLongLong(),
                            .institutionId = text[0],
                            .staffId = q.value(3).isNull()
                                ? std::nullopt
                                : std::optional<qint64>(q.value(3).toLongLong()),
                            .username = text[1],
                            .role = text[2],
                            .action = text[3],
                            .target = text[4],
                            .reason = text[5],
                            .sourceAddress = text[6],
                            .details = text[7]};
        ChainHasher hasher;
        return hasher.hash(prevHash, fields);
    }

    static QByteArray hashOf(Fixture &f, qint64 seq)
    {
        return scalar(f, u"SELECT hash FROM audit_log WHERE seq = ?"_s, {seq}).toByteArray();
    }

    // Recomputes prev_hash and hash of rows from..to and the head, as an attacker would after
    // editing row `from`.
    static void rechain(Fixture &f, qint64 from, qint64 to)
    {
        QByteArray prev = hashOf(f, from - 1);
        for (qint64 seq = from; seq <= to; ++seq) {
            exec(f, u"UPDATE audit_log SET prev_hash = ? WHERE seq = ?"_s, {prev, seq});
            const QByteArray hash = rehash(f, seq, prev);
            exec(f, u"UPDATE audit_log SET hash = ? WHERE seq = ?"_s, {hash, seq});
            prev = hash;
        }
        exec(f, u"UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1"_s, {to, prev});
    }

    static void swapSeq(Fixture &f, qint64 a, qint64 b)
    {
        exec(f, u"UPDATE audit_log SET seq = ? WHERE seq = ?"_s, {qint64(-1), a});
        exec(f, u"UPDATE audit_log SET seq = ? WHERE seq = ?"_s, {a, b});
        exec(f, u"UPDATE audit_log SET seq = ? WHERE seq = ?"_s, {b, qint64(-1)});
    }

    static VerifyReport verifyNow(Fixture &f, const VerifyKey &key,
                                  qint64 rowsForTwoHalves = defaultRowsForTwoHalves)
    {
        Result<VerifyReport> report = verify(*f.database, key, f.checkpointFile, rowsForTwoHalves);
        if (!report)
            qFatal("verify: %s", qPrintable(report.error().message));
        return report.value();
    }
    VerifyReport verifyNow(Fixture &f, qint64 rowsForTwoHalves = defaultRowsForTwoHalves)
    {
        return verifyNow(f, m_key.publicKey(), rowsForTwoHalves);
    }

    // Starts every thread, waits for each and deletes it; false if one did not finish in time.
    [[nodiscard]] static bool runToEnd(const QList<QThread *> &threads)
    {
        for (QThread *thread : threads)
            thread->start();
        bool finished = true;
        for (QThread *thread : threads) {
            finished = thread->wait(120000) && finished;
            delete thread;
        }
        return finished;
    }

    // Rows 1..total, each seq once, and the chain intact as each instance verifies it.
    void expectLinearChain(Fixture &one, Fixture &two, int total)
    {
        QCOMPARE(scalar(one, u"SELECT COUNT(*) FROM audit_log"_s).toInt(), total);
        QCOMPARE(scalar(one, u"SELECT COUNT(DISTINCT seq) FROM audit_log"_s).toInt(), total);
        QCOMPARE(scalar(one, u"SELECT MIN(seq) FROM audit_log"_s).toLongLong(), 1);
        QCOMPARE(scalar(one, u"SELECT MAX(seq) FROM audit_log"_s).toLongLong(), total);
        for (Fixture *f : {&one, &two}) {
            const VerifyReport report = verifyNow(*f); // each with its own checkpoint file
            QVERIFY2(report.intact(), qPrintable(report.summary()));
            QCOMPARE(report.rowsChecked, total);
        }
    }

    static QList<QByteArray> fileLines(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QList<QByteArray> lines = file.readAll().split('\n');
        lines.removeAll(QByteArray());
        return lines;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Result<SigningKey> key = SigningKey::generate();
        QVERIFY(key);
        m_key = key.value();
    }

    void keysRoundTripAndSign()
    {
        const QString path = m_dir.filePath(u"k.key"_s);
        const QString publicPath = m_dir.filePath(u"k.pub"_s);
        Result<SigningKey> made = writeNewSigningKey(path, publicPath);
        QVERIFY2(made, qPrintable(message(made)));
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
        QVERIFY(!writeNewSigningKey(path)); // never overwritten
        Result<SigningKey> read = SigningKey::readFile(path, u"audit/signing_key_file"_s);
        QVERIFY2(read, qPrintable(message(read)));
        Result<VerifyKey> publicKey = VerifyKey::readFile(publicPath, u"audit/public_key_file"_s);
        QVERIFY(publicKey);
        QCOMPARE(publicKey->fingerprint(), made->publicKey().fingerprint());
        const QByteArray signature = read->sign("message");
        QCOMPARE(signature.size(), 64);
        QVERIFY(publicKey->verify("message", signature));
        QVERIFY(!publicKey->verify("messagE", signature));
        QVERIFY(!m_key.publicKey().verify("message", signature));

        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
        const Result<SigningKey> loose = SigningKey::readFile(path, u"audit/signing_key_file"_s);
        QVERIFY(!loose);
        QVERIFY(loose.error().message.contains(u"chmod 600"_s));
        QFile pem(m_dir.filePath(u"rsa.key"_s));
        QVERIFY(pem.open(QIODevice::WriteOnly));
        pem.write("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
        pem.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        pem.close();
        QVERIFY(!SigningKey::readFile(pem.fileName(), u"audit/signing_key_file"_s));
    }

    void encodingIsUnambiguous()
    {
        // Moving bytes between neighbouring columns changes the hash.
        ChainHasher hasher;
        const QByteArray a = hasher.hash(genesisHash(), {.seq = 1, .username = "ab", .role = "c"});
        const QByteArray b = hasher.hash(genesisHash(), {.seq = 1, .username = "a", .role = "bc"});
        const QByteArray c = hasher.hash(genesisHash(), {.seq = 1, .staffId = 0});
        const QByteArray d = hasher.hash(genesisHash(), {.seq = 1});
        QCOMPARE(a.size(), 32);
        QVERIFY(a != b);
        QVERIFY(c != d);
        QCOMPARE(hasher.hash(genesisHash(), {.seq = 1, .username = "ab", .role = "c"}), a);
    }

    // PostgreSQL finishes a row's hash itself from the two parts around the seq it assigns; the
    // result must be the hash verify computes.
    void splitEncodingFinishesToTheSameHash_data()
    {
        QTest::addColumn<std::optional<qint64>>("staffId");
        QTest::addColumn<QString>("reason");
        QTest::newRow("staff member, Japanese reason")
            << std::optional<qint64>(42) << u"本人確認済み、窓口にて"_s;
        QTest::newRow("no staff id, empty reason") << std::optional<qint64>() << QString();
    }
    void splitEncodingFinishesToTheSameHash()
    {
        QFETCH(std::optional<qint64>, staffId);
        QFETCH(QString, reason);
        const QByteArray reasonBytes = reason.toUtf8();
        ChainFields fields {.seq = 0,
                            .atMs = 1'780'000'000'123,
                            .institutionId = "hyogo-himawari",
                            .staffId = staffId,
                            .username = "teller0040",
                            .role = "teller",
                            .action = "lock.release",
                            .target = "customer:100001",
                            .reason = reasonBytes,
                            .sourceAddress = "192.0.2.7",
                            .details = R"({"branch":"001"})"};
        const SplitEncoding split = encodingAroundSeq(fields);
        const QByteArray prev = QByteArray(32, '\x5a');
        for (qint64 seq : {qint64(1), qint64(300), qint64(1) << 40}) {
            QByteArray seqBytes(8, '\0');
            qToBigEndian(seq, seqBytes.data());
            const QByteArray encoded = prev + split.beforeSeq + seqBytes + split.afterSeq;
            const QByteArray finished =
                QCryptographicHash::hash(encoded, QCryptographicHash::Sha256);
            fields.seq = seq;
            ChainHasher hasher;
            QCOMPARE(finished, hasher.hash(prev, fields));
        }
    }

    void appendsAChainAndPagesIt_data() { tc::test::addEngineRows(); }
    void appendsAChainAndPagesIt()
    {
        QFETCH(QString, engine);
        Fixture f = make(engine);
        appendRows(f, 12);
        QCOMPARE(scalar(f, u"SELECT COUNT(*) FROM audit_log"_s).toInt(), 12);
        QCOMPARE(scalar(f, u"SELECT prev_hash FROM audit_log WHERE seq = 1"_s).toByteArray(),
                 genesisHash());
        for (qint64 seq = 2; seq <= 12; ++seq)
            QCOMPARE(
                scalar(f, u"SELECT prev_hash FROM audit_log WHERE seq = ?"_s, {seq}).toByteArray(),
                hashOf(f, seq - 1));
        QCOMPARE(scalar(f, u"SELECT seq FROM audit_head"_s).toLongLong(), 12);
        QCOMPARE(scalar(f, u"SELECT hash FROM audit_head"_s).toByteArray(), hashOf(f, 12));

        const VerifyReport report = verifyNow(f);
        QVERIFY2(report.intact(), qPrintable(report.summary()));
        QCOMPARE(report.rowsChecked, 12);
        QVERIFY(report.summary().contains(u"OK"_s));

        // A rolled-back action leaves no audit row and no gap.
        const Result<int> refused =
            f.database->transaction<int>([&](QSqlDatabase &db) -> Result<int> {
                if (Status appended = f.log->append(db, record(99, 0)); !appended)
                    return appended.error();
                return Error {u"A03"_s, u"the action failed"_s};
            });
        QVERIFY(!refused);
        QVERIFY(append(f, 13));
        QCOMPARE(scalar(f, u"SELECT MAX(seq) FROM audit_log"_s).toLongLong(), 13);
        QVERIFY(verifyNow(f).intact());

        // Newest first, one institution, with a cursor.
        QSqlDatabase db = f.database->connection();
        Result<AuditLog::Page> first =
            f.log->page(db, AuditLog::Query {.institutionId = u"hyogo-himawari"_s, .limit = 4});
        QVERIFY2(first, qPrintable(message(first)));
        QCOMPARE(first->rows.size(), 4);
        QCOMPARE(first->rows.at(0).seq, 13);
        QCOMPARE(first->rows.at(1).seq, 11); // 12 belongs to the other institution
        QVERIFY(first->next);
        QCOMPARE(first->next->seq, first->rows.constLast().seq);
        QCOMPARE(first->next->atMs, first->rows.constLast().record.atMs);
        const AuditRow &row = first->rows.at(1);
        const AuditRecord expected = record(11, row.record.atMs);
        QCOMPARE(row.record.username, expected.username);
        QCOMPARE(row.record.staffId, expected.staffId);
        QCOMPARE(row.record.action, expected.action);
        QCOMPARE(row.record.target, expected.target);
        QCOMPARE(row.record.sourceAddress, expected.sourceAddress);
        QCOMPARE(row.record.details, expected.details);
        QCOMPARE(row.hash, hashOf(f, 11));
        QList<qint64> seen;
        AuditLog::Query query {.institutionId = u"hyogo-himawari"_s, .limit = 3};
        do {
            Result<AuditLog::Page> page = f.log->page(db, query);
            QVERIFY(page);
            for (const AuditRow &r : page->rows)
                seen << r.seq;
            query.after = page->next;
        } while (query.after);
        QCOMPARE(seen, (QList<qint64> {13, 11, 10, 8, 7, 5, 4, 2, 1}));
    }

    void namesTheFirstBrokenLink_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<bool>("halves");
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<BreakKind>("kind");
        QTest::addColumn<qint64>("seq");
        // Walked in halves, 23 rows split after row 12.
        const QList<std::tuple<const char *, BreakKind, qint64>> cases {
            {"edit a column", BreakKind::RowEdited, 7},
            {"edit the details", BreakKind::RowEdited, 7},
            {"edit and rehash", BreakKind::RowEdited, 7},
            {"rewrite the chain", BreakKind::CheckpointMismatch, 10},
            {"delete a middle row", BreakKind::RowDeleted, 7},
            {"delete the first row", BreakKind::PurgedPrefixUncovered, 1},
            {"swap two rows", BreakKind::RowsReordered, 7},
            {"swap neighbours", BreakKind::RowsReordered, 7},
            {"insert a forged row", BreakKind::RowInserted, 7},
            {"forge a row after the head", BreakKind::RowInserted, 24},
            {"cut the tail", BreakKind::TailCut, 18},
            {"tamper a checkpoint line", BreakKind::CheckpointSignatureInvalid, 15},
            {"forge a checkpoint row", BreakKind::CheckpointSignatureInvalid, 12},
            {"edit a row of the upper half", BreakKind::RowEdited, 16},
            {"delete the upper half's first row", BreakKind::RowDeleted, 13},
            {"edit the lower half's last row and rehash", BreakKind::RowEdited, 12},
        };
        for (const QString &engine : test::TestDatabases::engines()) {
            for (const bool halves : {false, true}) {
                for (const auto &[tamper, kind, seq] : cases)
                    QTest::addRow("%s %s %s", qPrintable(engine), halves ? "halves" : "one pass",
                                  tamper)
                        << engine << halves << QString::fromLatin1(tamper) << kind << seq;
            }
        }
    }
    void namesTheFirstBrokenLink()
    {
        QFETCH(QString, engine);
        QFETCH(bool, halves);
        QFETCH(QString, tamper);
        QFETCH(BreakKind, kind);
        QFETCH(qint64, seq);
        Fixture f = make(engine, 5);
        appendRows(f, 23); // checkpoints at 5, 10, 15, 20
        QCOMPARE(fileLines(f.checkpointFile).size(), 4);
        const qint64 rowsForTwoHalves = halves ? 2 : defaultRowsForTwoHalves;
        const VerifyReport before = verifyNow(f, rowsForTwoHalves);
        QVERIFY2(before.intact(), qPrintable(before.summary()));
        QCOMPARE(before.rowsChecked, 23);
        QCOMPARE(before.firstSeq, 1);
        QCOMPARE(before.lastSeq, 23);
        QCOMPARE(before.checkpointsChecked, 4);

        if (tamper == u"edit a column"_s) {
            exec(f, u"UPDATE audit_log SET reason = ? WHERE seq = 7"_s, {u"nothing to see"_s});
        } else if (tamper == u"edit the details"_s) {
            exec(f, u"UPDATE audit_log SET details = ? WHERE seq = 7"_s, {u"{\"i\":8}"_s});
        } else if (tamper == u"edit and rehash"_s) {
            exec(f, u"UPDATE audit_log SET target = ? WHERE seq = 7"_s, {u"account:1"_s});
            exec(f, u"UPDATE audit_log SET hash = ? WHERE seq = 7"_s, {rehash(f, 7, hashOf(f, 6))});
        } else if (tamper == u"rewrite the chain"_s) {
            exec(f, u"UPDATE audit_log SET target = ? WHERE seq = 7"_s, {u"account:1"_s});
            rechain(f, 7, 23);
            exec(f, u"DELETE FROM audit_checkpoints"_s); // the file still has them
        } else if (tamper == u"delete a middle row"_s) {
            exec(f, u"DELETE FROM audit_log WHERE seq = 7"_s);
        } else if (tamper == u"delete the first row"_s) {
            exec(f, u"DELETE FROM audit_log WHERE seq = 1"_s);
        } else if (tamper == u"swap two rows"_s) {
            swapSeq(f, 7, 12);
        } else if (tamper == u"swap neighbours"_s) {
            swapSeq(f, 7, 8);
        } else if (tamper == u"insert a forged row"_s) {
            // Make room at 7, as an attacker must (seq is the primary key), and slip a row in
            // that links correctly to row 6 and carries a correct hash.
            exec(f, u"UPDATE audit_log SET seq = -seq WHERE seq >= 7"_s);
            exec(f, u"UPDATE audit_log SET seq = 1 - seq WHERE seq < 0"_s);
            const QByteArray prev = hashOf(f, 6);
            exec(f,
                 u"INSERT INTO audit_log (seq, at, institution_id, staff_id, username, role, "
                 "action, target, reason, source_address, details, prev_hash, hash) "
                 "VALUES (7, 0, 'hyogo-himawari', 1, 'supervisor', 'supervisor', "
                 "'lock.release', 'account:1', 'approved', '', '{}', ?, ?)"_s,
                 {prev, QByteArray(32, 'x')});
            exec(f, u"UPDATE audit_log SET hash = ? WHERE seq = 7"_s, {rehash(f, 7, prev)});
            exec(f, u"UPDATE audit_head SET seq = 24, hash = ? WHERE id = 1"_s, {hashOf(f, 24)});
        } else if (tamper == u"forge a row after the head"_s) {
            const QByteArray prev = hashOf(f, 23);
            exec(f,
                 u"INSERT INTO audit_log (seq, at, institution_id, staff_id, username, role, "
                 "action, target, reason, source_address, details, prev_hash, hash) "
                 "VALUES (24, 0, 'hyogo-himawari', 1, 'x', 'teller', 'customer.view', '', '', "
                 "'', '{}', ?, ?)"_s,
                 {prev, QByteArray(32, 'x')});
            exec(f, u"UPDATE audit_log SET hash = ? WHERE seq = 24"_s, {rehash(f, 24, prev)});
        } else if (tamper == u"cut the tail"_s) {
            // Rows 18–23 go, and the head and the table's checkpoints are made to agree: only
            // the checkpoint line of seq 20 in the file remembers them.
            exec(f, u"DELETE FROM audit_log WHERE seq >= 18"_s);
            exec(f, u"DELETE FROM audit_checkpoints WHERE seq >= 18"_s);
            exec(f, u"UPDATE audit_head SET seq = 17, hash = ?, checkpoint_seq = 15 WHERE id = 1"_s,
                 {hashOf(f, 17)});
        } else if (tamper == u"tamper a checkpoint line"_s) {
            QList<QByteArray> lines = fileLines(f.checkpointFile);
            QVERIFY(lines.at(2).contains("\"seq\":15"));
            const QByteArray hex = hashOf(f, 15).toHex();
            QByteArray other = hex;
            other[0] = other[0] == '0' ? '1' : '0';
            lines[2].replace(hex, other);
            QFile file(f.checkpointFile);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(lines.join('\n') + '\n');
        } else if (tamper == u"edit a row of the upper half"_s) {
            exec(f, u"UPDATE audit_log SET reason = ? WHERE seq = 16"_s, {u"nothing to see"_s});
        } else if (tamper == u"delete the upper half's first row"_s) {
            exec(f, u"DELETE FROM audit_log WHERE seq = 13"_s);
        } else if (tamper == u"edit the lower half's last row and rehash"_s) {
            exec(f, u"UPDATE audit_log SET target = ? WHERE seq = 12"_s, {u"account:1"_s});
            exec(f, u"UPDATE audit_log SET hash = ? WHERE seq = 12"_s,
                 {rehash(f, 12, hashOf(f, 11))});
        } else if (tamper == u"forge a checkpoint row"_s) {
            exec(f,
                 u"INSERT INTO audit_checkpoints (seq, hash, at, kind, signature) "
                 "VALUES (12, ?, 0, 'periodic', ?)"_s,
                 {hashOf(f, 12), QByteArray(64, 's')});
        } else {
            QFAIL("unknown tamper");
        }

        const VerifyReport report = verifyNow(f, rowsForTwoHalves);
        QVERIFY2(!report.intact(), qPrintable(report.summary()));
        QVERIFY2(report.broken->kind == kind && report.broken->seq == seq,
                 qPrintable(report.summary()));
        QVERIFY(
            report.summary().contains(u"BROKEN at seq %1: %2"_s.arg(seq).arg(breakKindName(kind))));
    }

    void checkpointsEveryNRows_data() { tc::test::addEngineRows(); }
    void checkpointsEveryNRows()
    {
        QFETCH(QString, engine);
        Fixture f = make(engine, 5);
        appendRows(f, 12);
        Result<Statement> table = runQuery(f.database->connection(),
                                           u"SELECT seq, hash, at, kind, signature FROM "
                                           "audit_checkpoints ORDER BY seq"_s);
        QVERIFY(table);
        QList<Checkpoint> taken;
        while (table.value().next()) {
            taken << Checkpoint {
                table.value().value(0).toLongLong(), table.value().value(1).toByteArray(),
                table.value().value(2).toLongLong(), table.value().value(3).toString(),
                table.value().value(4).toByteArray()};
        }
        table.value().finish();
        QList<qint64> seqs;
        for (const Checkpoint &c : std::as_const(taken)) {
            QVERIFY(checkpointSignatureValid(m_key.publicKey(), c));
            QCOMPARE(c.kind, u"periodic"_s);
            QCOMPARE(c.hash, hashOf(f, c.seq));
            seqs << c.seq;
        }
        QCOMPARE(seqs, (QList<qint64> {5, 10}));
        const QList<QByteArray> lines = fileLines(f.checkpointFile);
        QCOMPARE(lines.size(), 2);
        const std::optional<Checkpoint> line = parseCheckpointLine(lines.at(1));
        QVERIFY(line);
        QCOMPARE(line->seq, 10);
        QVERIFY(checkpointSignatureValid(m_key.publicKey(), *line));
        QCOMPARE(QFileInfo(f.checkpointFile).permissions()
                     & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());
        const VerifyReport report = verifyNow(f);
        QVERIFY2(report.intact(), qPrintable(report.summary()));
        QCOMPARE(report.checkpointsChecked, 2); // the table's and the file's are the same two
        QCOMPARE(report.fileCheckpoints, 2);

        // Verified with another key, every checkpoint fails.
        Result<SigningKey> other = SigningKey::generate();
        QVERIFY(other);
        const VerifyReport wrongKey = verifyNow(f, other->publicKey());
        QVERIFY(!wrongKey.intact());
        QCOMPARE(wrongKey.broken->kind, BreakKind::CheckpointSignatureInvalid);
        QCOMPARE(wrongKey.broken->seq, 5);
    }

    void checkpointsByTime_data() { tc::test::addEngineRows(); }
    void checkpointsByTime()
    {
        QFETCH(QString, engine);
        Fixture f = make(engine, 1000, 12);
        // Nothing appended yet: nothing to sign.
        Result<std::optional<Checkpoint>> none = f.log->checkpointIfDue();
        QVERIFY2(none, qPrintable(message(none)));
        QVERIFY(!none.value());

        QVERIFY(append(f, 1));
        QVERIFY(append(f, 2));
        Result<std::optional<Checkpoint>> first = f.log->checkpointIfDue();
        QVERIFY(first && first.value());
        QCOMPARE(first.value()->seq, 2);
        QCOMPARE(first.value()->atMs, start.toMSecsSinceEpoch());

        QVERIFY(append(f, 3));
        f.clock->advance(11'000);
        Result<std::optional<Checkpoint>> early = f.log->checkpointIfDue();
        QVERIFY(early && !early.value());
        f.clock->advance(1'000);
        Result<std::optional<Checkpoint>> due = f.log->checkpointIfDue();
        QVERIFY(due && due.value());
        QCOMPARE(due.value()->seq, 3);
        QCOMPARE(due.value()->atMs, start.toMSecsSinceEpoch() + 12'000);

        // The head has not moved since: however long it stays quiet, no new checkpoint.
        f.clock->advance(3'600'000);
        Result<std::optional<Checkpoint>> quiet = f.log->checkpointIfDue();
        QVERIFY(quiet && !quiet.value());
        QCOMPARE(fileLines(f.checkpointFile).size(), 2);
        QCOMPARE(scalar(f, u"SELECT checkpoint_seq FROM audit_head"_s).toLongLong(), 3);

        // The timer path (start() looks a few times a minute) takes the same decision.
        QVERIFY(append(f, 4));
        f.clock->advance(12'000);
        f.log->start(); // looks every second for everySeconds = 12
        QTRY_COMPARE_WITH_TIMEOUT(fileLines(f.checkpointFile).size(), 3, 10000);
        f.log->stop();
        QVERIFY(verifyNow(f).intact());
    }

    void purgeKeepsTheChainVerifiable_data() { tc::test::addEngineRows(); }
    void purgeKeepsTheChainVerifiable()
    {
        QFETCH(QString, engine);
        Fixture f = make(engine, 4);
        QSqlDatabase db = f.database->connection();
        QVERIFY(Directory::addInstitution(db, {.id = u"hyogo-himawari"_s, .name = u"兵庫"_s}));
        const auto addAttempt = [&](qint64 at) {
            exec(f,
                 u"INSERT INTO attempts (institution_id, at, step, outcome) "
                 "VALUES ('hyogo-himawari', ?, 'account', 'ok')"_s,
                 {at});
        };
        appendRows(f, 10); // checkpoints at 4 and 8
        for (int i = 0; i < 3; ++i)
            addAttempt(f.clock->now().toMSecsSinceEpoch());
        f.clock->advance(401LL * 24 * 3600 * 1000);
        for (int i = 11; i <= 15; ++i) {
            QVERIFY(append(f, i));
            f.log->waitForIdle();
        }
        addAttempt(f.clock->now().toMSecsSinceEpoch());

        RetentionJob job(*f.database, *f.clock, *f.log, 400);
        Result<PurgeReport> purged = job.run();
        QVERIFY2(purged, qPrintable(message(purged)));
        QCOMPARE(purged->attemptsDeleted, 3);
        QCOMPARE(purged->auditRowsDeleted, 10);
        QVERIFY(purged->purgedThroughSeq);
        QCOMPARE(*purged->purgedThroughSeq, 10);
        QCOMPARE(scalar(f, u"SELECT COUNT(*) FROM attempts"_s).toInt(), 1);
        QCOMPARE(scalar(f, u"SELECT MIN(seq) FROM audit_log"_s).toLongLong(), 11);
        // The purge is audited, as row 16.
        QCOMPARE(scalar(f, u"SELECT action FROM audit_log WHERE seq = 16"_s).toString(),
                 u"retention.purge"_s);
        const QJsonObject details =
            QJsonDocument::fromJson(
                scalar(f, u"SELECT details FROM audit_log WHERE seq = 16"_s).toString().toUtf8())
                .object();
        QCOMPARE(details.value(u"audit_rows_deleted"_s).toInt(), 10);
        f.log->waitForIdle(); // the purge row may have made a periodic checkpoint due
        const QList<QByteArray> lines = fileLines(f.checkpointFile);
        QCOMPARE(std::count_if(lines.cbegin(), lines.cend(),
                               [](const QByteArray &line) {
                                   return line.contains("\"kind\":\"purge\",\"seq\":10");
                               }),
                 1);

        VerifyReport report = verifyNow(f);
        QVERIFY2(report.intact(), qPrintable(report.summary()));
        QCOMPARE(report.rowsChecked, 6);
        QCOMPARE(report.purgedThroughSeq, std::optional<qint64>(10));
        QVERIFY(report.summary().contains(u"purged prefix"_s));

        // Nothing more to purge: a second run (another instance's) changes nothing.
        Result<PurgeReport> again = job.run();
        QVERIFY(again);
        QCOMPARE(again->auditRowsDeleted + again->attemptsDeleted, 0);
        QCOMPARE(scalar(f, u"SELECT MAX(seq) FROM audit_log"_s).toLongLong(), 16);

        // A later edit is still caught, and so is a purge checkpoint that was not signed.
        exec(f, u"UPDATE audit_log SET username = 'someone' WHERE seq = 13"_s);
        report = verifyNow(f);
        QVERIFY(!report.intact());
        QCOMPARE(report.broken->kind, BreakKind::RowEdited);
        QCOMPARE(report.broken->seq, 13);
        exec(f, u"UPDATE audit_log SET username = 'teller1' WHERE seq = 13"_s);
        QVERIFY(verifyNow(f).intact());
        // Deleting more of the prefix by hand is not covered by the signed purge checkpoint.
        exec(f, u"DELETE FROM audit_log WHERE seq = 11"_s);
        report = verifyNow(f);
        QVERIFY(!report.intact());
        QCOMPARE(report.broken->kind, BreakKind::PurgedPrefixUncovered);
        QCOMPARE(report.broken->seq, 11);
    }

    void concurrentAppendersStayLinear_data() { tc::test::addEngineRows(); }
    void concurrentAppendersStayLinear()
    {
        QFETCH(QString, engine);
        // Two instances, each with two threads on connections of their own.
        auto [one, two] = twoInstances(engine, 25);
        constexpr int threadsPerInstance = 2;
        constexpr int appendsPerThread = 40;
        std::atomic<int> failures {0};
        QList<QThread *> threads;
        for (Fixture *f : {&one, &two}) {
            for (int t = 0; t < threadsPerInstance; ++t) {
                threads << QThread::create([f, t, &failures] {
                    for (int i = 0; i < appendsPerThread; ++i) {
                        if (!append(*f, t * 1000 + i))
                            ++failures;
                    }
                });
            }
        }
        QVERIFY(runToEnd(threads));
        one.log->waitForIdle();
        two.log->waitForIdle();
        QCOMPARE(failures.load(), 0);
        // Checkpoints were taken on the way (how many depends on when the checkpoint worker got
        // the writer's turn among appenders that never pause; every one must verify).
        QVERIFY(scalar(one, u"SELECT COUNT(*) FROM audit_checkpoints"_s).toInt() >= 1);
        expectLinearChain(one, two, 2 * threadsPerInstance * appendsPerThread);
    }

    // A lone audited read's row (on PostgreSQL one statement outside any transaction) is
    // committed when appendCommitted returns: another instance sees it, chained.
    void appendCommittedAloneIsCommittedOnReturn_data() { tc::test::addEngineRows(); }
    void appendCommittedAloneIsCommittedOnReturn()
    {
        QFETCH(QString, engine);
        auto [one, other] = twoInstances(engine, 50);
        for (int i = 1; i <= 3; ++i) {
            QVERIFY(one.log->appendCommitted(record(i, 1000 + i)));
            QCOMPARE(scalar(other, u"SELECT COUNT(*) FROM audit_log"_s).toInt(), i);
            QCOMPARE(scalar(other, u"SELECT seq FROM audit_head WHERE id = 1"_s).toLongLong(), i);
        }
        QVERIFY(append(other, 4));
        QVERIFY(one.log->appendCommitted(record(5, 1005)));
        const VerifyReport report = verifyNow(other);
        QVERIFY2(report.intact(), qPrintable(report.summary()));
        QCOMPARE(report.rowsChecked, 5);
    }

    // Audited reads append through appendCommitted(): concurrent callers share a transaction.
    // Every caller's row must be in the chain exactly once, committed by the time it returns,
    // with seq contiguous and the chain intact beside appenders that use their own
    // transactions, across two instances.
    void groupCommitKeepsEveryRow_data() { tc::test::addEngineRows(); }
    void groupCommitKeepsEveryRow()
    {
        QFETCH(QString, engine);
        auto [one, two] = twoInstances(engine, 50);
        constexpr int committedThreads = 6;
        constexpr int appendsPerThread = 30;
        std::atomic<int> failures {0};
        std::atomic<int> missingOnReturn {0};
        QList<QThread *> threads;
        for (Fixture *f : {&one, &two}) {
            const int instance = f == &one ? 0 : 1;
            for (int t = 0; t < committedThreads; ++t) {
                threads << QThread::create([f, instance, t, &failures, &missingOnReturn] {
                    for (int i = 0; i < appendsPerThread; ++i) {
                        const int id = instance * 100000 + t * 1000 + i;
                        if (!f->log->appendCommitted(record(id, 1000 + i))) {
                            ++failures;
                            continue;
                        }
                        // Committed: another connection sees it now.
                        Result<Statement> seen =
                            runQuery(f->database->connection(),
                                     u"SELECT COUNT(*) FROM audit_log WHERE target = ?"_s,
                                     {u"account:%1"_s.arg(1000 + id)});
                        if (!seen || !seen.value().next() || seen.value().value(0).toInt() != 1)
                            ++missingOnReturn;
                    }
                });
            }
            // One appender in its own transactions, as a change's audit row is written.
            threads << QThread::create([f, instance, &failures] {
                for (int i = 0; i < appendsPerThread; ++i) {
                    if (!append(*f, instance * 100000 + 90000 + i))
                        ++failures;
                }
            });
        }
        QVERIFY(runToEnd(threads));
        one.log->waitForIdle();
        two.log->waitForIdle();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(missingOnReturn.load(), 0);
        const int total = 2 * (committedThreads + 1) * appendsPerThread;
        QCOMPARE(scalar(one, u"SELECT COUNT(DISTINCT target) FROM audit_log"_s).toInt(), total);
        QCOMPARE(scalar(one, u"SELECT seq FROM audit_head WHERE id = 1"_s).toLongLong(), total);
        expectLinearChain(one, two, total);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
