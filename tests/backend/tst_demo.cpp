// Training mode (`auth-backend --demo`): the demo data and its CSV, the simulated customers
// walking the flow over HTTPS against a real BackendService, the demo clock route, the `call`
// command and the command line, driven through the real binary where it matters.
#include "AuditKeys.h"
#include "BackendService.h"
#include "DemoApi.h"
#include "DemoData.h"
#include "ErrorCodes.h"
#include "FlowService.h"
#include "KanaName.h"
#include "Simulator.h"
#include "TestCertificates.h"
#include "TokyoTime.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace tc;
using namespace tc::backend;
using namespace tc::backend::demo;

namespace {

// A Tuesday afternoon in Tokyo, far from every maintenance window.
QDateTime tuesdayAfternoon()
{
    return QDateTime(QDate(2026, 11, 24), QTime(14, 0), tokyoTimeZone()).toUTC();
}

qint64 count(Database &database, const QString &sql, const QVariantList &values = {})
{
    auto query = runQuery(database.connection(), sql, values);
    if (!query || !query.value().next())
        qFatal("count failed: %s", qPrintable(sql));
    return query.value().value(0).toLongLong();
}

void writeKey(const QString &path, const QByteArray &key)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(key) != key.size())
        qFatal("cannot write %s", qPrintable(path));
}

} // namespace

class TestDemo final : public QObject
{
    Q_OBJECT

    test::TestCertificates m_certificates;
    QTemporaryDir m_dir; // the demo folder: keys, tls/ca.pem, database, CSV
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<BackendService> m_service;
    QNetworkAccessManager m_network;
    QSslConfiguration m_tls;
    DemoSeedReport m_report;

    BackendSettings settings(const QString &databaseName) const
    {
        BackendSettings s;
        s.server.listenHost = u"127.0.0.1"_s;
        s.server.listenPort = 0;
        s.server.certificateFile = m_certificates.serverCertificatePath();
        s.server.privateKeyFile = m_certificates.serverKeyPath();
        s.pinKeyFile = m_dir.filePath(u"pin.key"_s);
        s.telephonySecretFile = m_dir.filePath(u"webhook.key"_s);
        s.audit.signingKeyFile = m_dir.filePath(u"audit.key"_s);
        s.audit.checkpointFile = m_dir.filePath(u"audit-checkpoints.log"_s);
        s.database.sqlitePath = m_dir.filePath(databaseName);
        s.callsPerAddressPerMinute = 100000; // every simulated customer calls from 127.0.0.1
        s.publicUrl = u"https://127.0.0.1"_s;
        return s;
    }

    struct Answer
    {
        int status = 0;
        QJsonObject body;
    };

    Answer request(quint16 port, const QByteArray &method, const QString &path,
                   const QByteArray &body = {})
    {
        QNetworkRequest request(QUrl(u"https://127.0.0.1:%1%2"_s.arg(port).arg(path)));
        request.setSslConfiguration(m_tls);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(60000))
            qFatal("no answer to %s", qPrintable(path));
        Answer answer {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                       QJsonDocument::fromJson(reply->readAll()).object()};
        delete reply;
        return answer;
    }

    QList<DemoCustomer> customers() const
    {
        const auto rows = DemoData::readCsv(m_report.csvPath);
        if (!rows)
            qFatal("%s", qPrintable(rows.error().message));
        return rows.value();
    }

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run runBinary(const QStringList &arguments)
    {
        // The event loop keeps running meanwhile: the backend under test lives in this process.
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(AUTH_BACKEND_BINARY), arguments);
        if (!finished.wait(120000))
            qFatal("auth-backend did not finish");
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Status made = m_certificates.create();
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        m_tls = test::TestCertificates::clientConfiguration(m_certificates.caCertificate());
        writeKey(m_dir.filePath(u"pin.key"_s), QByteArray(40, 'p'));
        writeKey(m_dir.filePath(u"webhook.key"_s), QByteArray(40, 'w'));
        QVERIFY(tc::backend::audit::writeNewSigningKey(m_dir.filePath(u"audit.key"_s)));
        QVERIFY(QDir(m_dir.path()).mkpath(u"tls"_s));
        QVERIFY(QFile::copy(m_certificates.caCertificatePath(), m_dir.filePath(u"tls/ca.pem"_s)));

        m_clock = std::make_shared<ManualClock>(tuesdayAfternoon());
        ManualClock *clock = m_clock.get();
        auto started = BackendService::start(
            settings(u"demo.sqlite"_s), m_clock, [clock](http::Router &router) {
                registerDemoApi(router, {.clock = clock, .advance = [clock](qint64 ms) {
                                             clock->advance(ms);
                                         }});
            });
        QVERIFY2(started, started ? "" : qPrintable(started.error().message));
        m_service = std::move(started.value());
    }

    void seedsBothInstitutionsOnce()
    {
        QElapsedTimer timer;
        timer.start();
        const auto seeded = DemoData::seedIfEmpty(m_service->database(), m_service->flows(),
                                                  m_dir.path(), {.now = m_clock->now()});
        QVERIFY2(seeded, seeded ? "" : qPrintable(seeded.error().message));
        qInfo() << "seeded in" << timer.elapsed() << "ms";
        m_report = seeded.value();
        QVERIFY(m_report.seeded);
        Database &db = m_service->database();
        QCOMPARE(count(db, u"SELECT COUNT(*) FROM institutions"_s), 2);
        QCOMPARE(count(db, u"SELECT COUNT(*) FROM branches"_s), 8);
        QCOMPARE(
            count(db, u"SELECT COUNT(*) FROM branches WHERE institution_id = 'hyogo-himawari'"_s),
            7);
        // The seeds' offices and numbers, exactly.
        const QList<std::pair<QString, QString>> offices {
            {u"本店営業部"_s, u"078-631-7751"_s}, {u"三宮支店"_s, u"078-272-3751"_s},
            {u"尼崎支店"_s, u"06-6419-1123"_s},   {u"姫路支店"_s, u"079-289-4626"_s},
            {u"西宮支店"_s, u"0798-35-2431"_s},   {u"加古川支店"_s, u"079-421-0701"_s},
            {u"伊丹支店"_s, u"072-777-8926"_s}};
        for (qsizetype i = 0; i < offices.size(); ++i) {
            QCOMPARE(count(db,
                           u"SELECT COUNT(*) FROM branches WHERE institution_id = "
                           "'hyogo-himawari' AND code = ? AND name = ? AND phone = ?"_s,
                           {QString::number(i + 1).rightJustified(3, u'0'), offices.at(i).first,
                            offices.at(i).second}),
                     1);
        }
        QCOMPARE(count(db,
                       u"SELECT COUNT(*) FROM branches WHERE institution_id = 'gunma-mirai' "
                       "AND code = '001'"_s),
                 1);
        QVERIFY(count(db, u"SELECT COUNT(*) FROM customers"_s) >= 3000);
        QVERIFY(count(db, u"SELECT COUNT(*) FROM customers WHERE institution_id = 'gunma-mirai'"_s)
                >= 500);
        QVERIFY(count(db,
                      u"SELECT COUNT(*) FROM auth_numbers WHERE institution_id = "
                      "'gunma-mirai'"_s)
                >= 2);
        // One institution of each kind: ぐんまみらい needs a supervisor's approval of an early
        // release, 兵庫ひまわり does not.
        QCOMPARE(count(db,
                       u"SELECT COUNT(*) FROM institutions WHERE early_release_needs_approval "
                       "= 1 AND id = 'gunma-mirai'"_s),
                 1);
        QCOMPARE(count(db,
                       u"SELECT COUNT(*) FROM institutions WHERE early_release_needs_approval "
                       "= 0 AND id = 'hyogo-himawari'"_s),
                 1);
        QVERIFY(count(db, u"SELECT COUNT(*) FROM account_transactions"_s) > 1000);
        QCOMPARE(count(db,
                       u"SELECT COUNT(*) FROM client_apps WHERE client_id = 'shinkumi-creco' "
                       "AND name = 'しんくみアプリ with CRECO' "
                       "AND provider = 'アイ・ティ・リアライズ株式会社'"_s),
                 1);
        QCOMPARE(count(db, u"SELECT COUNT(*) FROM client_app_institutions"_s), 2);
        const auto secret = DemoData::readClientSecret(m_dir.path());
        QVERIFY(secret);
        auto hash = runQuery(db.connection(), u"SELECT secret_hash FROM client_apps"_s);
        QVERIFY(hash && hash.value().next());
        QCOMPARE(hash.value().value(0).toByteArray(),
                 QCryptographicHash::hash(secret->toUtf8(), QCryptographicHash::Sha256));

        // A restart seeds nothing more.
        const qint64 customersBefore = count(db, u"SELECT COUNT(*) FROM customers"_s);
        const auto again = DemoData::seedIfEmpty(m_service->database(), m_service->flows(),
                                                 m_dir.path(), {.now = m_clock->now()});
        QVERIFY(again);
        QVERIFY(!again->seeded);
        QCOMPARE(count(db, u"SELECT COUNT(*) FROM customers"_s), customersBefore);
        QCOMPARE(count(db, u"SELECT COUNT(*) FROM institutions"_s), 2);
    }

    void csvMatchesTheDatabase()
    {
        QFile file(m_report.csvPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(3) == "\xEF\xBB\xBF"); // BOM, for Excel
        QCOMPARE(QFileInfo(m_report.csvPath).permissions()
                     & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                        | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QCOMPARE(QFileInfo(m_report.clientSecretPath).permissions()
                     & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        const QList<DemoCustomer> rows = customers();
        Database &db = m_service->database();
        QCOMPARE(rows.size(), count(db, u"SELECT COUNT(*) FROM accounts"_s));
        int withCard = 0;
        for (const DemoCustomer &row : rows) {
            auto query =
                runQuery(db.connection(),
                         u"SELECT a.id, a.cash_card_issued, a.pin_hmac, c.name_kana, c.birth_date, "
                         "c.phone FROM accounts a JOIN branches b ON b.id = a.branch_id "
                         "JOIN customers c ON c.id = a.customer_id WHERE b.institution_id = ? "
                         "AND b.code = ? AND a.account_type = ? AND a.account_number = ?"_s,
                         {row.institutionId, row.branchCode, row.accountType, row.accountNumber});
            QVERIFY(query && query.value().next());
            const QSqlQuery &q = query.value();
            QCOMPARE(q.value(1).toInt() == 1, row.cashCard);
            QCOMPARE(normalizedKanaName(row.nameKana), normalizedKanaName(q.value(3).toString()));
            QVERIFY(isKanaName(row.nameKana));
            QCOMPARE(row.birthDate.toString(Qt::ISODate), q.value(4).toString());
            QVERIFY(row.birthDate.year() >= 1940 && row.birthDate.year() <= 2005);
            QCOMPARE(row.phone, q.value(5).toString());
            QCOMPARE(row.accountNumber.size(), 7);
            if (row.cashCard) {
                ++withCard;
                QCOMPARE(row.pin.size(), 4);
                QCOMPARE(q.value(2).toByteArray(),
                         m_service->flows().pinDigest(q.value(0).toLongLong(), row.pin));
            } else {
                QVERIFY(row.pin.isEmpty());
            }
        }
        QVERIFY(withCard > rows.size() * 9 / 10 && withCard < rows.size());
        // Half-width, as the seeds ask customers to type it.
        QVERIFY(rows.constFirst().nameKana.contains(QChar(char16_t(0xFF71)))
                || rows.constFirst().nameKana.at(0).unicode() >= 0xFF61);
    }

    void demoClockRoute()
    {
        const Answer before = request(m_service->port(), "GET", u"/api/v1/demo/clock"_s);
        QCOMPARE(before.status, 200);
        QCOMPARE(before.body.value(u"now_tokyo"_s).toString(), u"2026-11-24T14:00:00+09:00"_s);
        const Answer moved = request(m_service->port(), "POST", u"/api/v1/demo/clock"_s,
                                     R"({"advance_seconds": 3600})");
        QCOMPARE(moved.status, 200);
        QCOMPARE(moved.body.value(u"now_tokyo"_s).toString(), u"2026-11-24T15:00:00+09:00"_s);
        QCOMPARE(m_clock->now(), tuesdayAfternoon().addSecs(3600));
        for (const QByteArray &bad :
             {QByteArray(R"({"advance_seconds": 0})"), QByteArray(R"({"advance_seconds": 86401})"),
              QByteArray(R"({"advance_seconds": 1.5})"), QByteArray(R"({"advance_seconds": "60"})"),
              QByteArray(R"({"seconds": 60})")}) {
            const Answer refused = request(m_service->port(), "POST", u"/api/v1/demo/clock"_s, bad);
            QCOMPARE(refused.status, 400);
            QCOMPARE(refused.body.value(u"code"_s).toString(), u"G01"_s);
        }
        QCOMPARE(m_clock->now(), tuesdayAfternoon().addSecs(3600));
        m_clock->set(tuesdayAfternoon());

        // Outside demo mode the route does not exist.
        auto plain = BackendService::start(settings(u"plain.sqlite"_s),
                                           std::make_shared<ManualClock>(tuesdayAfternoon()));
        QVERIFY(plain);
        QCOMPARE(request(plain.value()->port(), "POST", u"/api/v1/demo/clock"_s,
                         R"({"advance_seconds": 60})")
                     .status,
                 404);
        QCOMPARE(request(plain.value()->port(), "GET", u"/api/v1/demo/clock"_s).status, 404);
    }

    void callCommandVerifiesAFlow()
    {
        // A trainee at screen ④, then `auth-backend call` plays the phone network.
        const DemoCustomer customer = customers().at(1);
        FlowService &flows = m_service->flows();
        const RequestOrigin origin {u"127.0.0.1"_s};
        const auto created = flows.create(
            {customer.institutionId, QString(DemoData::ClientId), DemoData::redirectUris().at(1),
             u"s"_s, u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s, u"S256"_s, u"accounts"_s},
            origin);
        QVERIFY(created);
        QVERIFY(flows.submitAccount(
            created->flowId, {customer.branchCode, customer.accountType, customer.accountNumber},
            origin));
        const auto phone =
            flows.submitCustomer(created->flowId,
                                 {customer.nameKana, customer.birthDate.toString(Qt::ISODate),
                                  customer.phone, u"t@example.jp"_s, u"t@example.jp"_s},
                                 origin);
        QVERIFY2(phone, phone ? "" : qPrintable(phone.error().message));
        QCOMPARE(flows.confirmPhone(created->flowId, origin).error().key, u"C01"_s);

        const QString url = u"https://127.0.0.1:%1"_s.arg(m_service->port());
        const Run call =
            runBinary({u"call"_s, u"--from"_s, customer.phone, u"--to"_s, phone->destinationNumber,
                       u"--url"_s, url, u"--demo-dir"_s, m_dir.path()});
        QVERIFY2(call.exitCode == 0, qPrintable(call.out + call.err));
        QVERIFY(call.out.contains(u"202"_s));
        const auto confirmed = flows.confirmPhone(created->flowId, origin);
        QVERIFY(confirmed);
        QCOMPARE(confirmed->step, u"pin"_s);

        // A wrong secret is refused, and the command says so with a failing status.
        QTemporaryDir other;
        writeKey(other.filePath(u"webhook.key"_s), QByteArray(40, 'x'));
        QVERIFY(QDir(other.path()).mkpath(u"tls"_s));
        QVERIFY(QFile::copy(m_certificates.caCertificatePath(), other.filePath(u"tls/ca.pem"_s)));
        const Run refused =
            runBinary({u"call"_s, u"--from"_s, customer.phone, u"--to"_s, phone->destinationNumber,
                       u"--url"_s, url, u"--demo-dir"_s, other.path()});
        QVERIFY(refused.exitCode != 0);
        QVERIFY(refused.err.contains(u"401"_s));
    }

    void simulatedCustomersLeaveTheirTraces()
    {
        const QList<Behaviour> script {Behaviour::TyposUntilLocked, Behaviour::Success,
                                       Behaviour::BirthDateTypo,    Behaviour::ConfirmEarly,
                                       Behaviour::WrongPin,         Behaviour::WrongPinsUntilLocked,
                                       Behaviour::Cancel,           Behaviour::DenyConsent,
                                       Behaviour::NoCashCard,       Behaviour::CallLate};
        const auto secret = DemoData::readClientSecret(m_dir.path());
        QVERIFY(secret);
        QNetworkAccessManager network;
        Simulator simulator({.baseUrl = QUrl(u"https://127.0.0.1:%1"_s.arg(m_service->port())),
                             .caCertificates = {m_certificates.caCertificate()},
                             .telephonySecret = m_service->telephonySecret(),
                             .clientId = QString(DemoData::ClientId),
                             .clientSecret = secret.value(),
                             .redirectUri = DemoData::redirectUris().constFirst(),
                             .customers = customers(),
                             .seed = 7,
                             .intervalMs = 50,
                             .thinkTimeMs = 0,
                             .maxConcurrent = 1,
                             .script = script},
                            &network, *m_clock);
        QHash<QString, QString> outcomes;
        // The last customer calls late: once the others are done, time runs fast.
        QTimer fastClock;
        fastClock.setInterval(50);
        connect(&fastClock, &QTimer::timeout, this, [this] { m_clock->advance(10000); });
        connect(&simulator, &Simulator::customerFinished, this,
                [&](const QString &behaviour, const QString &outcome) {
                    if (!outcomes.contains(behaviour))
                        outcomes.insert(behaviour, outcome);
                    // Customers a few minutes apart, so one's call is not in another's window.
                    m_clock->advance(150 * 1000);
                    if (outcomes.size() == script.size() - 1)
                        fastClock.start();
                });
        simulator.start();
        QTRY_VERIFY_WITH_TIMEOUT(outcomes.size() == script.size(), 120000);
        simulator.stop();
        fastClock.stop();
        qInfo() << outcomes;

        QCOMPARE(outcomes.value(u"typos-until-locked"_s), u"B84"_s);
        QCOMPARE(outcomes.value(u"success"_s), u"linked"_s);
        // Some typo-prone customers pick the accounts locked earlier: B84 is realistic too.
        QVERIFY(outcomes.value(u"birth-date-typo"_s) == u"linked"_s
                || outcomes.value(u"birth-date-typo"_s) == u"B84"_s);
        QCOMPARE(outcomes.value(u"confirm-before-calling"_s), u"linked"_s);
        QCOMPARE(outcomes.value(u"wrong-pin"_s), u"linked"_s);
        QCOMPARE(outcomes.value(u"gives-up"_s), u"E03"_s);
        QCOMPARE(outcomes.value(u"denies-consent"_s), u"E02"_s);
        QCOMPARE(outcomes.value(u"no-cash-card"_s), u"B11"_s);
        QCOMPARE(outcomes.value(u"calls-late"_s), u"C02"_s);
        QVERIFY(outcomes.value(u"wrong-pins-until-locked"_s) == u"D83"_s
                || outcomes.value(u"wrong-pins-until-locked"_s) == u"B84"_s);

        Database &db = m_service->database();
        for (const QString &code : {u"B21"_s, u"B83"_s, u"B84"_s, u"C01"_s, u"C02"_s, u"D01"_s,
                                    u"E02"_s, u"E03"_s, u"B11"_s}) {
            QVERIFY2(count(db, u"SELECT COUNT(*) FROM attempts WHERE code = ?"_s, {code}) > 0,
                     qPrintable(code));
        }
        QVERIFY(count(db, u"SELECT COUNT(*) FROM lock_counters WHERE locked_at IS NOT NULL"_s)
                >= 1);
        QVERIFY(count(db, u"SELECT COUNT(*) FROM linkages"_s) >= 3);
        QVERIFY(count(db, u"SELECT COUNT(*) FROM tokens"_s) >= 6); // the app fetched tokens
    }

    void commandLine()
    {
        const Run help = runBinary({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        for (const QString &word : {u"--demo"_s, u"--demo-dir"_s, u"--clock"_s, u"--simulate"_s,
                                    u"call"_s, u"--from"_s, u"--to"_s})
            QVERIFY2(help.out.contains(word), qPrintable(word));
        QCOMPARE(runBinary({u"--clock"_s, u"2026-12-12T23:40:00+09:00"_s}).exitCode, 64);
        QCOMPARE(runBinary({u"--simulate"_s, u"off"_s}).exitCode, 64);
        QCOMPARE(runBinary({u"call"_s, u"--to"_s, u"0120990101"_s}).exitCode, 64);
        QCOMPARE(runBinary({u"--from"_s, u"0312345678"_s}).exitCode, 64);
        QCOMPARE(runBinary({u"--demo"_s, u"--clock"_s, u"yesterday"_s}).exitCode, 64);
        QCOMPARE(runBinary({u"--demo"_s, u"--simulate"_s, u"maybe"_s}).exitCode, 64);
    }

    void demoFolderEndToEnd()
    {
        // `auth-backend --demo --demo-dir DIR` builds its folder (CA, keys, config), seeds, and
        // names the CSV. The configuration is written first here only to listen on port 0.
        QTemporaryDir dir;
        QFile ini(dir.filePath(u"auth-backend.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[server]\nlisten = 127.0.0.1:0\n[tls]\ncertificate = tls/server.pem\n"
                  "private_key = tls/server.key\n[security]\npin_key_file = pin.key\n"
                  "[telephony]\nwebhook_secret_file = webhook.key\n"
                  "[audit]\nsigning_key_file = audit.key\ncheckpoint_file = audit-checkpoints.log\n"
                  "[database]\ndriver = sqlite\nsqlite_path = auth-backend.sqlite\n");
        ini.close();
        QProcess demo;
        demo.start(QStringLiteral(AUTH_BACKEND_BINARY),
                   {u"--demo"_s, u"--demo-dir"_s, dir.path(), u"--simulate"_s, u"off"_s,
                    u"--clock"_s, u"2026-12-12T23:40:00+09:00"_s});
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT(
            (out += QString::fromUtf8(demo.readAllStandardOutput()),
             out.contains(u"listening on"_s) || demo.state() == QProcess::NotRunning),
            30000);
        QVERIFY2(out.contains(u"listening on"_s),
                 qPrintable(out + QString::fromUtf8(demo.readAllStandardError())));
        const QString csv = dir.filePath(u"demo-customers.csv"_s);
        QVERIFY(out.contains(csv));
        QVERIFY(out.contains(u"2026-12-12T23:40"_s));
        QVERIFY(out.contains(u"simulated customers: off"_s));
        QVERIFY(QFileInfo::exists(csv));
        // The demo's staff users and their passwords, named on start like the customers.
        const QString staffCsv = dir.filePath(u"demo-staff.csv"_s);
        QVERIFY(out.contains(staffCsv));
        QFile staffFile(staffCsv);
        QVERIFY(staffFile.open(QIODevice::ReadOnly));
        const QByteArray staffRows = staffFile.readAll();
        QVERIFY(
            staffRows.contains("hyogo-himawari,himawari.teller001,demo-password-2026,teller,001,"));
        QVERIFY(staffRows.contains("gunma-mirai,gunma.supervisor,demo-password-2026,supervisor,,"));
        for (const QString &secret :
             {csv, staffCsv, dir.filePath(u"pin.key"_s), dir.filePath(u"webhook.key"_s),
              dir.filePath(u"audit.key"_s), dir.filePath(u"tls/server.key"_s)})
            QCOMPARE(QFileInfo(secret).permissions()
                         & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                     QFileDevice::Permissions());
        QVERIFY(QFileInfo::exists(dir.filePath(u"tls/ca.pem"_s)));
        ::kill(pid_t(demo.processId()), SIGTERM);
        QVERIFY(demo.waitForFinished(15000));
        QCOMPARE(demo.exitStatus(), QProcess::NormalExit);
        QCOMPARE(demo.exitCode(), 0);
    }

    void cleanupTestCase() { m_service.reset(); }
};

QTEST_MAIN(TestDemo)
#include "tst_demo.moc"
