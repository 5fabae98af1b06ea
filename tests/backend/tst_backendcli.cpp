// auth-backend's command line and configuration file, driven through the real binary: what an
// operator sees when starting the service with a good or a broken configuration.
#include "BackendMain.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestBackendCli final : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QTemporaryDir m_dir;

    Run run(const QStringList &arguments)
    {
        QProcess process;
        process.setProgram(QStringLiteral(AUTH_BACKEND_BINARY));
        process.setArguments(arguments);
        process.start();
        if (!process.waitForFinished(30000))
            qFatal("auth-backend did not finish");
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QString writeConfig(const QString &name, const QByteArray &body)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size())
            qFatal("cannot write the test configuration");
        return path;
    }

    static QByteArray validBody()
    {
        return "[server]\nlisten = 127.0.0.1:0\nmax_connections = 64\n"
               "[tls]\ncertificate = server.pem\nprivate_key = server.key\n"
               "[security]\npin_key_file = pin.key\n[telephony]\nwebhook_secret_file = hook.key\n"
               "[audit]\nsigning_key_file = audit.key\ncheckpoint_file = audit-checkpoints.log\n"
               "[database]\ndriver = sqlite\nsqlite_path = data/backend.sqlite\n"
               "[calendar]\nmidnight_minutes = 2\n";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        writeConfig(u"server.pem"_s, "-----BEGIN CERTIFICATE-----\n");
        writeConfig(u"server.key"_s, "-----BEGIN PRIVATE KEY-----\n");
        writeConfig(u"pin.key"_s, QByteArray(32, 'p'));
        writeConfig(u"hook.key"_s, QByteArray(32, 'h'));
    }

    void helpAndVersion()
    {
        const Run help = run({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(u"--config"_s));
        QVERIFY(help.out.contains(u"--check-config"_s));

        const Run version = run({u"--version"_s});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), u"auth-backend " TC_VERSION ""_s);

        const Run keys = run({u"--help-config"_s});
        QCOMPARE(keys.exitCode, 0);
        QVERIFY(keys.out.contains(u"server/max_body_bytes"_s));
        QVERIFY(keys.out.contains(u"tls/certificate"_s));
    }

    void acceptsAValidConfiguration()
    {
        const QString path = writeConfig(u"valid.ini"_s, validBody());
        const Run result = run({u"--check-config"_s, u"--config"_s, path});
        QCOMPARE(result.exitCode, int(tc::backend::ExitOk));
        QVERIFY2(result.out.contains(u"is valid"_s), qPrintable(result.out + result.err));
    }

    void rejectsABadConfiguration_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("mentions");

        const QByteArray valid = validBody();
        QTest::newRow("typo in a key")
            << valid + "[server]\nmax_conections = 10\n"
            << QStringList {u"server/max_conections"_s, u"did you mean server/max_connections"_s};
        QTest::newRow("unknown section") << valid + "[smtp]\nhost = mail\n"
                                         << QStringList {u"smtp/host"_s, u"unknown key"_s};
        QTest::newRow("key outside any section")
            << "debug = true\n" + valid << QStringList {u"debug"_s, u"unknown key"_s};
        QTest::newRow("not a number")
            << QByteArray(valid).replace("= 64", "= sixty-four")
            << QStringList {u"server/max_connections"_s, u"expected an integer"_s};
        QTest::newRow("out of range")
            << QByteArray(valid).replace("midnight_minutes = 2", "midnight_minutes = 600")
            << QStringList {u"calendar/midnight_minutes"_s, u"expected 0 to 60"_s};
        QTest::newRow("bad choice")
            << QByteArray(valid).replace("driver = sqlite", "driver = oracle")
            << QStringList {u"database/driver"_s, u"postgresql"_s};
        QTest::newRow("bad address") << QByteArray(valid).replace("127.0.0.1:0", "localhost")
                                     << QStringList {u"server/listen"_s, u"host:port"_s};
        QTest::newRow("missing required key")
            << QByteArray(valid).replace("private_key = server.key\n", "")
            << QStringList {u"tls/private_key"_s, u"required key is missing"_s};
        QTest::newRow("unreadable certificate")
            << QByteArray(valid).replace("server.pem", "absent.pem")
            << QStringList {u"tls/certificate"_s, u"absent.pem"_s};
        QTest::newRow("line without equals sign")
            << valid + "[server]\nidle_timeout_seconds 30\n"
            << QStringList {u":20:"_s, u"idle_timeout_seconds 30"_s};
        QTest::newRow("invalid UTF-8") << valid + "[database]\nname = \xff\xfe\n"
                                       << QStringList {u"not valid UTF-8"_s};
        QTest::newRow("unterminated section") << valid + "[server\n" << QStringList {u"[server"_s};
        QTest::newRow("comma in a number") << QByteArray(valid).replace("= 64", "= 6,4")
                                           << QStringList {u"server/max_connections"_s};
    }

    void rejectsABadConfiguration()
    {
        QFETCH(QByteArray, body);
        QFETCH(QStringList, mentions);
        const QString path =
            writeConfig(QString::fromLatin1(QTest::currentDataTag()) + u".ini"_s, body);
        const Run result = run({u"--check-config"_s, u"--config"_s, path});
        QCOMPARE(result.exitCode, int(tc::backend::ExitConfig));
        for (const QString &mention : mentions)
            QVERIFY2(result.err.contains(mention), qPrintable(result.err));
        QVERIFY2(result.err.contains(path), "the message names the file");
    }

    void rejectsAMissingFile()
    {
        const QString path = m_dir.filePath(u"nowhere.ini"_s);
        const Run result = run({u"--config"_s, path});
        QCOMPARE(result.exitCode, int(tc::backend::ExitConfig));
        QVERIFY(result.err.contains(path));
        QVERIFY(result.err.contains(u"no such file"_s));
    }

    void configFromEnvironment()
    {
        const QString path = writeConfig(u"env.ini"_s, validBody());
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"TC_BACKEND_CONFIG"_s, path);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(AUTH_BACKEND_BINARY), {u"--check-config"_s});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(QString::fromUtf8(process.readAllStandardOutput()).contains(path));
    }

    void rejectsBadCommandLines_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown option") << QStringList {u"--frobnicate"_s};
        QTest::newRow("unknown command") << QStringList {u"launch-missiles"_s};
        QTest::newRow("option missing its value") << QStringList {u"--config"_s};
    }

    void rejectsBadCommandLines()
    {
        QFETCH(QStringList, arguments);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, int(tc::backend::ExitUsage));
        QVERIFY(result.err.contains(u"--help"_s));
    }
};

QTEST_GUILESS_MAIN(TestBackendCli)
#include "tst_backendcli.moc"
