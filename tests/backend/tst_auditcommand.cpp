// `auth-backend audit verify`, `audit keygen` and `purge`, driven through the real binary against
// a temporary configuration and SQLite database: exit statuses and what the operator reads.
#include "AuditKeys.h"
#include "AuditLog.h"
#include "BackendConfig.h"
#include "BackendMain.h"
#include "Clock.h"
#include "Database.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;
using namespace tc::backend;

class TestAuditCommand final : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QTemporaryDir m_dir;

    static Run run(const QStringList &arguments)
    {
        QProcess process;
        process.setProgram(QStringLiteral(AUTH_BACKEND_BINARY));
        process.setArguments(arguments);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"TC_BACKEND_CONFIG"_s);
        process.setProcessEnvironment(environment);
        process.start();
        if (!process.waitForFinished(60000))
            qFatal("auth-backend did not finish");
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    void writeFile(const QString &name, const QByteArray &body, bool secret = false) const
    {
        QFile file(path(name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(body) != body.size())
            qFatal("cannot write %s", qPrintable(name));
        if (secret)
            file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }

    QString writeConfig(const QString &name, const QByteArray &audit) const
    {
        writeFile(
            name,
            "[server]\nlisten = 127.0.0.1:0\n"
            "[tls]\ncertificate = server.pem\nprivate_key = server.key\n"
            "[security]\npin_key_file = pin.key\n[telephony]\nwebhook_secret_file = hook.key\n"
            "[database]\ndriver = sqlite\nsqlite_path = audit.sqlite\n"
                + audit);
        return path(name);
    }

    QString standardConfig() const
    {
        return writeConfig(u"backend.ini"_s,
                           "[audit]\nsigning_key_file = signing.key\n"
                           "checkpoint_file = checkpoints.log\n");
    }

    // Exactly what the service would have written: 30 staff actions, a checkpoint every 10.
    void populate() const
    {
        Result<BackendSettings> settings = BackendConfig::load(standardConfig());
        QVERIFY2(settings, qPrintable(settings ? QString() : settings.error().message));
        Result<audit::SigningKey> key = audit::SigningKey::readFile(settings->audit.signingKeyFile,
                                                                    u"audit/signing_key_file"_s);
        QVERIFY(key);
        auto database = Database::open(settings->database);
        QVERIFY(database);
        ManualClock clock(QDateTime(QDate(2026, 11, 24), QTime(5, 0), Qt::UTC));
        audit::AuditLog log(*database.value(), clock, key.value(), settings->audit.checkpointFile,
                            10);
        for (int i = 1; i <= 30; ++i) {
            const Status appended =
                database.value()->transaction<Success>([&](QSqlDatabase &db) -> Status {
                    return log.append(db,
                                      {.atMs = clock.now().toMSecsSinceEpoch(),
                                       .institutionId = u"hyogo-himawari"_s,
                                       .staffId = 7,
                                       .username = u"yamada"_s,
                                       .role = u"teller"_s,
                                       .action = u"customer.view"_s,
                                       .target = u"customer:%1"_s.arg(i)});
                });
            QVERIFY(appended);
            log.waitForIdle();
        }
    }

    void sql(const QString &statement) const
    {
        Result<BackendSettings> settings = BackendConfig::load(standardConfig());
        QVERIFY(settings);
        auto database = Database::open(settings->database);
        QVERIFY(database);
        QVERIFY(runQuery(database.value()->connection(), statement));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        writeFile(u"server.pem"_s, "-----BEGIN CERTIFICATE-----\n");
        writeFile(u"server.key"_s, "-----BEGIN PRIVATE KEY-----\n", true);
        writeFile(u"pin.key"_s, QByteArray(32, 'p'), true);
        writeFile(u"hook.key"_s, QByteArray(32, 'h'), true);
    }

    void keygen()
    {
        const Run made = run({u"audit"_s, u"keygen"_s, u"--out"_s, path(u"signing.key"_s)});
        QCOMPARE(made.exitCode, 0);
        QVERIFY2(made.out.startsWith(u"-----BEGIN PUBLIC KEY-----"_s), qPrintable(made.out));
        QVERIFY(made.err.contains(u"fingerprint"_s));
        QCOMPARE(
            QFileInfo(path(u"signing.key"_s)).permissions()
                & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFile::Permissions());
        QVERIFY(audit::SigningKey::readFile(path(u"signing.key"_s), u"k"_s));
        writeFile(u"signing.pub"_s, made.out.toLatin1());

        const Run again = run({u"audit"_s, u"keygen"_s, u"--out"_s, path(u"signing.key"_s)});
        QCOMPARE(again.exitCode, 73);
        QVERIFY(again.err.contains(u"never overwritten"_s));
        QCOMPARE(run({u"audit"_s, u"keygen"_s}).exitCode, int(ExitUsage));
        QCOMPARE(run({u"audit"_s, u"sign"_s}).exitCode, int(ExitUsage));
        QCOMPARE(run({u"audit"_s, u"verify"_s, u"--out"_s, u"x"_s}).exitCode, int(ExitUsage));
    }

    void verifyIntactThenBroken()
    {
        populate();
        const QString config = standardConfig();
        const Run intact = run({u"audit"_s, u"verify"_s, u"--config"_s, config});
        QVERIFY2(intact.exitCode == 0, qPrintable(intact.out + intact.err));
        QVERIFY2(intact.out.contains(u"rows checked: 30 (seq 1–30)"_s), qPrintable(intact.out));
        QVERIFY(intact.out.contains(u"checkpoints checked: 3 (3 from the checkpoint file)"_s));
        QVERIFY(intact.out.contains(u"OK: the audit chain is intact"_s));

        // A verify-only machine: the public key alone.
        const QString publicOnly = writeConfig(u"verify-only.ini"_s,
                                               "[audit]\nsigning_key_file = absent.key\n"
                                               "checkpoint_file = checkpoints.log\n"
                                               "public_key_file = signing.pub\n");
        const Run withPublic = run({u"audit"_s, u"verify"_s, u"--config"_s, publicOnly});
        QVERIFY2(withPublic.exitCode == 0, qPrintable(withPublic.out + withPublic.err));

        sql(u"UPDATE audit_log SET target = 'customer:99' WHERE seq = 17"_s);
        const Run broken = run({u"audit"_s, u"verify"_s, u"--config"_s, config});
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.out.contains(u"BROKEN at seq 17: row-edited"_s), qPrintable(broken.out));
        sql(u"UPDATE audit_log SET target = 'customer:17' WHERE seq = 17"_s);
        QCOMPARE(run({u"audit"_s, u"verify"_s, u"--config"_s, config}).exitCode, 0);

        // The tail cut off in the database, head made to agree: the file remembers seq 30.
        sql(u"DELETE FROM audit_log WHERE seq > 24"_s);
        sql(u"DELETE FROM audit_checkpoints WHERE seq > 24"_s);
        sql(u"UPDATE audit_head SET seq = 24, hash = (SELECT hash FROM audit_log WHERE seq = 24)"_s);
        const Run cut = run({u"audit"_s, u"verify"_s, u"--config"_s, config});
        QCOMPARE(cut.exitCode, 1);
        QVERIFY2(cut.out.contains(u"BROKEN at seq 25: tail-cut"_s), qPrintable(cut.out));
    }

    void purgeCommand()
    {
        const Run purged = run({u"purge"_s, u"--config"_s, standardConfig()});
        QVERIFY2(purged.exitCode == 0, qPrintable(purged.out + purged.err));
        QVERIFY2(purged.out.contains(u"older than 400 days: 0 attempts, 0 events, 0 audit rows"_s),
                 qPrintable(purged.out));
    }

    void configErrors()
    {
        const QString noAudit = writeConfig(u"no-audit.ini"_s, {});
        const Run missing = run({u"audit"_s, u"verify"_s, u"--config"_s, noAudit});
        QCOMPARE(missing.exitCode, int(ExitConfig));
        QVERIFY2(missing.err.contains(u"audit/signing_key_file"_s), qPrintable(missing.err));
        QVERIFY(missing.err.contains(u"audit/checkpoint_file"_s));

        const QString absentKey = writeConfig(u"absent-key.ini"_s,
                                              "[audit]\nsigning_key_file = absent.key\n"
                                              "checkpoint_file = checkpoints.log\n");
        const Run noKey = run({u"audit"_s, u"verify"_s, u"--config"_s, absentKey});
        QCOMPARE(noKey.exitCode, int(ExitConfig));
        QVERIFY(noKey.err.contains(u"absent.key"_s));
        QCOMPARE(run({u"audit"_s, u"verify"_s, u"--config"_s, path(u"nowhere.ini"_s)}).exitCode,
                 int(ExitConfig));
    }
};

QTEST_GUILESS_MAIN(TestAuditCommand)
#include "tst_auditcommand.moc"
