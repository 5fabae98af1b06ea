// Two auth-backend processes on one database, as production runs several instances behind a
// load balancer: a hundred wrong answers for one account, sent at once and spread over both
// instances, record exactly the institution's threshold of failures — never one more — and
// every instance then answers B84. On PostgreSQL and on SQLite (WAL, one machine).
#include "AuditKeys.h"
#include "Database.h"
#include "ErrorCodes.h"
#include "FlowService.h"
#include "TestBackend.h"
#include "TestCertificates.h"
#include "TestDatabases.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;

namespace {

const QString challenge = u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s;

// An instance of the real binary. `--demo --clock` pins the service clock to an open hour so
// the test does not depend on when it runs (the calendar closes at night and on some
// weekends); `--simulate off` keeps the training customers away.
class Instance final
{
public:
    bool start(const QString &config)
    {
        m_process.setProgram(QStringLiteral(AUTH_BACKEND_BINARY));
        m_process.setArguments({u"--demo"_s, u"--simulate"_s, u"off"_s, u"--clock"_s,
                                u"2026-11-24T14:00:00+09:00"_s, u"--config"_s, config});
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression listening(u"listening on https://127\\.0\\.0\\.1:(\\d+)"_s);
        QString output;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000) {
            m_process.waitForReadyRead(500);
            output += QString::fromUtf8(m_process.readAllStandardOutput());
            if (const auto match = listening.match(output); match.hasMatch()) {
                m_port = match.captured(1).toUShort();
                return true;
            }
            if (m_process.state() != QProcess::Running) {
                qWarning().noquote() << output << m_process.readAllStandardError();
                return false;
            }
        }
        return false;
    }
    ~Instance()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(15000))
            m_process.kill();
    }
    quint16 port() const { return m_port; }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace

class TestMultiInstance final : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    QNetworkRequest request(const test::TestCertificates &certificates, quint16 port,
                            const QString &path)
    {
        QNetworkRequest r(QUrl(u"https://127.0.0.1:%1%2"_s.arg(port).arg(path)));
        r.setSslConfiguration(
            test::TestCertificates::clientConfiguration(certificates.caCertificate()));
        r.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        r.setTransferTimeout(60000);
        return r;
    }

    QJsonObject postAndWait(const test::TestCertificates &certificates, quint16 port,
                            const QString &path, const QJsonObject &body, int *status = nullptr)
    {
        QNetworkReply *reply = m_network.post(request(certificates, port, path),
                                              QJsonDocument(body).toJson(QJsonDocument::Compact));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(60000))
            qFatal("no answer from %s", qPrintable(path));
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return json;
    }

private Q_SLOTS:
    void concurrentWrongAnswersAcrossInstances_data()
    {
        QTest::addColumn<QString>("engine");
        for (const QString &engine : test::TestDatabases::engines())
            QTest::newRow(qPrintable(engine)) << engine;
    }

    void concurrentWrongAnswersAcrossInstances()
    {
        QFETCH(QString, engine);
        test::TestDatabases databases;
        test::TestCertificates certificates;
        QVERIFY(certificates.create());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const backend::DatabaseSettings database = databases.create(engine);
        const QByteArray pinKey(40, 'p');
        for (const auto &[name, content] :
             {std::pair {u"pin.key"_s, pinKey}, std::pair {u"hook.key"_s, QByteArray(40, 'h')}}) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
            file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        }

        QVERIFY(backend::audit::writeNewSigningKey(dir.filePath(u"audit.key"_s)));

        // Seed through the library, with the same PIN key the instances read.
        {
            auto opened = backend::Database::open(database);
            QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
            backend::ManualClock clock(test::quietTokyoAfternoon());
            backend::FlowService flows(*opened.value(), clock, pinKey, {});
            test::seedStandardData(*opened.value(), flows);
        }

        QString config = u"[server]\nlisten = 127.0.0.1:0\n"
                         "[tls]\ncertificate = %1\nprivate_key = %2\n"
                         "[security]\npin_key_file = %3\n"
                         "[telephony]\nwebhook_secret_file = %4\n"
                         "[limits]\ncalls_per_address_per_minute = 100000\n"
                         "[audit]\nsigning_key_file = audit.key\n"
                         "checkpoint_file = audit-checkpoints.log\n"_s.arg(
                             certificates.serverCertificatePath(), certificates.serverKeyPath(),
                             dir.filePath(u"pin.key"_s), dir.filePath(u"hook.key"_s));
        if (database.driver == backend::DatabaseDriver::PostgreSql)
            config += u"[database]\ndriver = postgresql\nhost = %1\nport = %2\nname = %3\n"
                      "user = %4\n"_s.arg(database.host)
                          .arg(database.port)
                          .arg(database.name, database.user);
        else
            config += u"[database]\ndriver = sqlite\nsqlite_path = %1\n"_s.arg(database.sqlitePath);
        QFile configFile(dir.filePath(u"auth-backend.ini"_s));
        QVERIFY(configFile.open(QIODevice::WriteOnly));
        configFile.write(config.toUtf8());
        configFile.close();

        Instance first, second;
        QVERIFY(first.start(configFile.fileName()));
        QVERIFY(second.start(configFile.fileName()));
        const QList<quint16> ports {first.port(), second.port()};

        // A hundred flows at screen ②, started on either instance.
        QStringList flows;
        for (int i = 0; i < 100; ++i) {
            const quint16 port = ports[i % 2];
            int status = 0;
            const QJsonObject created =
                postAndWait(certificates, port, u"/api/v1/flows"_s,
                            {{u"institution"_s, test::StandardData::institution},
                             {u"client_id"_s, test::StandardData::clientId},
                             {u"redirect_uri"_s, test::StandardData::redirectUri},
                             {u"state"_s, u"s"_s},
                             {u"code_challenge"_s, challenge},
                             {u"code_challenge_method"_s, u"S256"_s},
                             {u"scope"_s, u"accounts"_s}},
                            &status);
            QCOMPARE(status, 201);
            const QString id = created.value(u"flow_id"_s).toString();
            postAndWait(certificates, port, u"/api/v1/flows/%1/account"_s.arg(id),
                        {{u"branch_code"_s, u"001"_s},
                         {u"account_type"_s, u"ordinary"_s},
                         {u"account_number"_s, u"1234567"_s}},
                        &status);
            QCOMPARE(status, 200);
            flows << id;
        }

        // All at once, alternating instances; a flow may be continued by either instance.
        QList<QNetworkReply *> replies;
        for (int i = 0; i < flows.size(); ++i) {
            const QJsonObject wrong {{u"name_kana"_s, u"ﾃﾞｰﾀ ﾀﾛｳ"_s},
                                     {u"birth_date"_s, u"1980-04-02"_s},
                                     {u"phone"_s, u"0786310000"_s},
                                     {u"email"_s, u"taro@example.jp"_s},
                                     {u"email_confirm"_s, u"taro@example.jp"_s}};
            replies << m_network.post(request(certificates, ports[(i + 1) % 2],
                                              u"/api/v1/flows/%1/customer"_s.arg(flows[i])),
                                      QJsonDocument(wrong).toJson(QJsonDocument::Compact));
        }
        QMap<QString, int> byCode;
        for (QNetworkReply *reply : std::as_const(replies)) {
            if (!reply->isFinished()) {
                QSignalSpy finished(reply, &QNetworkReply::finished);
                QVERIFY(finished.wait(120000));
            }
            ++byCode
                [QJsonDocument::fromJson(reply->readAll()).object().value(u"code"_s).toString()];
            reply->deleteLater();
        }
        QCOMPARE(byCode.value(QString(codes::IdentityMismatch)), 4);
        QCOMPARE(byCode.value(QString(codes::IdentityLockedNow)), 1);
        QCOMPARE(byCode.value(QString(codes::IdentityLocked)), 95);

        auto opened = backend::Database::open(database);
        QVERIFY(opened);
        auto failures = backend::runQuery(opened.value()->connection(),
                                          u"SELECT failures FROM lock_counters "
                                          "WHERE kind = 'identity'"_s);
        QVERIFY(failures && failures.value().next());
        QCOMPARE(failures.value().value(0).toInt(), 5);
        auto attempts =
            backend::runQuery(opened.value()->connection(),
                              u"SELECT COUNT(*) FROM attempts WHERE outcome = 'failure'"_s);
        QVERIFY(attempts && attempts.value().next());
        QCOMPARE(attempts.value().value(0).toInt(), 5);
    }
};

QTEST_MAIN(TestMultiInstance)
#include "tst_multiinstance.moc"
