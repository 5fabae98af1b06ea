// `auth-backend staff …` driven through the real binary against a temporary configuration, on
// SQLite and PostgreSQL: add (password on standard input, TOTP URI printed once), passwd,
// disable, enable, reset-totp, list, and the refusals an operator can meet.
#include "Clock.h"
#include "Database.h"
#include "Directory.h"
#include "ErrorCodes.h"
#include "StaffAccounts.h"
#include "TestDatabases.h"
#include "TestEngines.h"
#include "Totp.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;

class TestStaffCommand final : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    struct Setup
    {
        std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>();
        std::unique_ptr<test::TestDatabases> databases = std::make_unique<test::TestDatabases>();
        backend::DatabaseSettings database;
        std::unique_ptr<backend::Database> db;
        QString config;
    };

    static void writeFile(const QString &path, const QByteArray &body)
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size())
            qFatal("cannot write %s", qPrintable(path));
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }

    // A configuration for the engine, and the database with an institution and its office 001.
    static std::unique_ptr<Setup> setUp(const QString &engine)
    {
        auto s = std::make_unique<Setup>();
        s->database = s->databases->create(engine);
        const QDir dir(s->dir->path());
        writeFile(dir.filePath(u"server.pem"_s), "-----BEGIN CERTIFICATE-----\n");
        writeFile(dir.filePath(u"server.key"_s), "-----BEGIN PRIVATE KEY-----\n");
        writeFile(dir.filePath(u"pin.key"_s), QByteArray(40, 'p'));
        writeFile(dir.filePath(u"hook.key"_s), QByteArray(40, 'h'));
        QByteArray config = "[server]\nlisten = 127.0.0.1:0\n"
                            "[tls]\ncertificate = server.pem\nprivate_key = server.key\n"
                            "[security]\npin_key_file = pin.key\n"
                            "[telephony]\nwebhook_secret_file = hook.key\n"
                            // The audit key is not read by the staff command; the file must
                            // name it all the same.
                            "[audit]\nsigning_key_file = audit.key\n"
                            "checkpoint_file = audit-checkpoints.log\n[database]\n";
        const backend::DatabaseSettings &d = s->database;
        if (d.driver == backend::DatabaseDriver::Sqlite) {
            config += "driver = sqlite\nsqlite_path = " + d.sqlitePath.toUtf8() + "\n";
        } else {
            config += "driver = postgresql\nhost = " + d.host.toUtf8()
                + "\nport = " + QByteArray::number(d.port) + "\nname = " + d.name.toUtf8()
                + "\nuser = " + d.user.toUtf8() + "\n";
            if (!d.passwordFile.isEmpty())
                config += "password_file = " + d.passwordFile.toUtf8() + "\n";
        }
        s->config = dir.filePath(u"auth-backend.ini"_s);
        writeFile(s->config, config);

        auto opened = backend::Database::open(d);
        if (!opened)
            qFatal("database: %s", qPrintable(opened.error().message));
        s->db = std::move(opened.value());
        QSqlDatabase db = s->db->connection();
        if (!backend::Directory::addInstitution(
                db, {.id = u"hyogo-himawari"_s, .name = u"兵庫ひまわり信用組合"_s})
            || !backend::Directory::addBranch(db,
                                              {u"hyogo-himawari"_s, u"001"_s, u"本店営業部"_s, {}}))
            qFatal("cannot seed the institution");
        return s;
    }

    static Run run(const Setup &s, QStringList arguments, const QByteArray &input = {})
    {
        arguments.prepend(u"staff"_s);
        arguments << u"--config"_s << s.config;
        QProcess process;
        process.setProgram(QStringLiteral(AUTH_BACKEND_BINARY));
        process.setArguments(arguments);
        process.start();
        if (!process.waitForStarted(30000))
            qFatal("auth-backend did not start");
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000))
            qFatal("auth-backend did not finish");
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    static QStringList addTeller(const QString &username)
    {
        return {u"add"_s,
                u"--institution"_s,
                u"hyogo-himawari"_s,
                u"--username"_s,
                username,
                u"--display-name"_s,
                u"田中 花子"_s,
                u"--role"_s,
                u"teller"_s,
                u"--branch"_s,
                u"001"_s};
    }

    // Signs in the way the API does, in this process, on the same database.
    static Result<backend::staff::StaffSignIn>
    signIn(Setup &s, const QString &username, const QString &password, const QString &totp = {})
    {
        const backend::SystemClock clock;
        backend::staff::StaffAccounts accounts(*s.db, clock, {}, QByteArray(40, 'p'));
        return accounts.signIn(username, password, totp, u"test"_s);
    }

private Q_SLOTS:
    void lifecycle_data() { tc::test::addEngineRows(); }
    void lifecycle()
    {
        QFETCH(QString, engine);
        auto s = setUp(engine);

        const Run added = run(*s, addTeller(u"tanaka"_s), "first password 123\n");
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY(added.out.contains(u"tanaka"_s));
        QVERIFY(!added.out.contains(u"otpauth"_s));
        QVERIFY(!added.out.contains(u"first password"_s)
                && !added.err.contains(u"first password"_s));
        QVERIFY(signIn(*s, u"tanaka"_s, u"first password 123"_s));

        const Run support =
            run(*s,
                {u"add"_s, u"--institution"_s, u"hyogo-himawari"_s, u"--username"_s, u"sato"_s,
                 u"--display-name"_s, u"佐藤"_s, u"--role"_s, u"support"_s, u"--totp"_s},
                "support password\r\n");
        QVERIFY2(support.exitCode == 0, qPrintable(support.err));
        QCOMPARE(support.out.count(u"otpauth://totp/"_s), 1);
        QVERIFY(support.out.contains(u"issuer="_s));
        // The printed secret works.
        const QString uri =
            support.out.mid(support.out.indexOf(u"otpauth://"_s)).section(u'\n', 0, 0);
        const auto secret =
            backend::staff::Totp::fromBase32(QUrlQuery(QUrl(uri)).queryItemValue(u"secret"_s));
        QVERIFY(secret);
        const auto withCode =
            signIn(*s, u"sato"_s, u"support password"_s,
                   backend::staff::Totp::codeAt(*secret, QDateTime::currentSecsSinceEpoch()));
        QVERIFY2(withCode, qPrintable(withCode ? QString() : withCode.error().key));
        QCOMPARE(signIn(*s, u"sato"_s, u"support password"_s).error().key,
                 QString(codes::StaffSecondFactorRequired));

        const Run passwd = run(*s, {u"passwd"_s, u"tanaka"_s}, "second password 456\n");
        QVERIFY2(passwd.exitCode == 0, qPrintable(passwd.err));
        QVERIFY(!signIn(*s, u"tanaka"_s, u"first password 123"_s));
        QVERIFY(signIn(*s, u"tanaka"_s, u"second password 456"_s));

        const Run disabled = run(*s, {u"disable"_s, u"tanaka"_s});
        QCOMPARE(disabled.exitCode, 0);
        QVERIFY(!signIn(*s, u"tanaka"_s, u"second password 456"_s));
        Run list = run(*s, {u"list"_s});
        QCOMPARE(list.exitCode, 0);
        const QStringList lines = list.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3); // header, sato, tanaka
        QVERIFY(lines.at(1).contains(u"sato"_s) && lines.at(1).contains(u"support"_s)
                && lines.at(1).contains(u"yes"_s) && lines.at(1).contains(u"active"_s));
        QVERIFY(lines.at(2).contains(u"tanaka"_s) && lines.at(2).contains(u"teller"_s)
                && lines.at(2).contains(u"001"_s) && lines.at(2).contains(u"disabled"_s));

        QCOMPARE(run(*s, {u"enable"_s, u"tanaka"_s}).exitCode, 0);
        QVERIFY(signIn(*s, u"tanaka"_s, u"second password 456"_s));

        const Run reset = run(*s, {u"reset-totp"_s, u"tanaka"_s});
        QCOMPARE(reset.exitCode, 0);
        QCOMPARE(reset.out.count(u"otpauth://totp/"_s), 1);
        QCOMPARE(signIn(*s, u"tanaka"_s, u"second password 456"_s).error().key,
                 QString(codes::StaffSecondFactorRequired));

        list = run(*s, {u"list"_s, u"--institution"_s, u"gunma-mirai"_s});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(list.out.split(u'\n', Qt::SkipEmptyParts).size(), 1); // the header only
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const auto add = [](const QString &role, const QString &branch, const QString &user) {
            QStringList a {u"add"_s, u"--institution"_s,  u"hyogo-himawari"_s, u"--username"_s,
                           user,     u"--display-name"_s, u"テスト"_s,         u"--role"_s,
                           role};
            if (!branch.isEmpty())
                a << u"--branch"_s << branch;
            return a;
        };
        const QByteArray good = "long enough password\n";
        QTest::newRow("bad role") << add(u"manager"_s, u"001"_s, u"x1"_s) << good << 64
                                  << u"teller, support or supervisor"_s;
        QTest::newRow("teller without branch")
            << add(u"teller"_s, {}, u"x2"_s) << good << 64 << u"--branch"_s;
        QTest::newRow("short password") << add(u"teller"_s, u"001"_s, u"x3"_s)
                                        << QByteArray("short\n") << 65 << u"12 characters"_s;
        QTest::newRow("no password")
            << add(u"teller"_s, u"001"_s, u"x4"_s) << QByteArray() << 65 << u"standard input"_s;
        QTest::newRow("unknown branch")
            << add(u"teller"_s, u"999"_s, u"x5"_s) << good << 65 << u"no branch '999'"_s;
        QTest::newRow("taken") << add(u"teller"_s, u"001"_s, u"tanaka"_s) << good << 65
                               << u"taken"_s;
        QTest::newRow("bad user name")
            << add(u"teller"_s, u"001"_s, u"a b"_s) << good << 64 << u"--username"_s;
        QTest::newRow("missing option")
            << QStringList {u"add"_s, u"--username"_s, u"x6"_s} << good << 64 << u"--institution"_s;
        QTest::newRow("unknown command")
            << QStringList {u"remove"_s, u"tanaka"_s} << good << 64 << u"unknown command"_s;
        QTest::newRow("passwd unknown user")
            << QStringList {u"passwd"_s, u"nobody"_s} << good << 65 << u"no staff user"_s;
        QTest::newRow("passwd short") << QStringList {u"passwd"_s, u"tanaka"_s}
                                      << QByteArray("tiny\n") << 65 << u"12 characters"_s;
        QTest::newRow("disable unknown user")
            << QStringList {u"disable"_s, u"nobody"_s} << good << 65 << u"no staff user"_s;
        QTest::newRow("passwd without name")
            << QStringList {u"passwd"_s} << good << 64 << u"one USERNAME"_s;
        QTest::newRow("option of add") << QStringList {u"disable"_s, u"tanaka"_s, u"--totp"_s}
                                       << good << 64 << u"belongs to 'add'"_s;
    }
    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        if (!m_setup) {
            m_setup = setUp(u"sqlite"_s);
            QCOMPARE(run(*m_setup, addTeller(u"tanaka"_s), "long enough password\n").exitCode, 0);
        }
        const Run result = run(*m_setup, arguments, input);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
    }

    void badConfig()
    {
        QProcess process;
        process.setProgram(QStringLiteral(AUTH_BACKEND_BINARY));
        process.setArguments({u"staff"_s, u"list"_s, u"--config"_s, u"/nonexistent/x.ini"_s});
        process.start();
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 78);
    }

    void help()
    {
        QProcess process;
        process.setProgram(QStringLiteral(AUTH_BACKEND_BINARY));
        process.setArguments({u"staff"_s, u"--help"_s});
        process.start();
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().contains("reset-totp"));
    }

    void cleanupTestCase() { m_setup.reset(); }

private:
    std::unique_ptr<Setup> m_setup;
};

QTEST_GUILESS_MAIN(TestStaffCommand)
#include "tst_staffcommand.moc"
