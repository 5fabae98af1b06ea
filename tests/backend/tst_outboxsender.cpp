// The outbox sender against a real SMTP server (aiosmtpd, started per case by
// tests/support/smtp_sink.py) that requires STARTTLS with a certificate of a throwaway CA, and
// a real database (SQLite and PostgreSQL). What arrived is parsed on the server side by
// Python's e-mail package, an implementation independent of the sender's.
#include "Database.h"
#include "OutboxSender.h"
#include "TestCertificates.h"
#include "TestDatabases.h"
#include "TestEngines.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <map>

using namespace Qt::StringLiterals;
using namespace tc;
using namespace tc::backend;

namespace {

const QString subjectJa = u"【API連携認証】認証完了のお知らせ"_s;
const QString bodyJa =
    u"API連携認証が完了しました。\n\n連携先アプリ: しんくみアプリ\n認可期間: 30日\n\n"
    "お心当たりのない場合は、お取引店へご連絡ください。連携はいつでも解除できます。\n"_s;
constexpr qint64 minute = 60 * 1000;

// A Python interpreter that has aiosmtpd: Debian's package installs it for /usr/bin/python3,
// which a python3 earlier on PATH (pyenv, a venv) may not see.
QString findPython()
{
    QStringList candidates {u"/usr/bin/python3"_s, u"python3"_s};
    if (const QString chosen = qEnvironmentVariable("TC_PYTHON3"); !chosen.isEmpty())
        candidates.prepend(chosen);
    for (const QString &candidate : std::as_const(candidates)) {
        QProcess probe;
        probe.start(candidate, {u"-c"_s, u"import aiosmtpd"_s});
        if (probe.waitForFinished(20000) && probe.exitStatus() == QProcess::NormalExit
            && probe.exitCode() == 0)
            return candidate;
    }
    return {};
}

// One smtp_sink.py process: received mail lands as JSON files in its own directory.
class SmtpSink final
{
    Q_DISABLE_COPY_MOVE(SmtpSink)

public:
    enum class Mode { StartTls, Implicit, Plain };

    SmtpSink() = default;
    ~SmtpSink() { stop(); }

    bool start(const QString &python, const test::TestCertificates &certificates,
               Mode mode = Mode::StartTls, quint16 port = 0, const QStringList &extra = {})
    {
        if (!m_dir.isValid())
            return false;
        QStringList arguments {QStringLiteral(TC_SMTP_SINK), u"--out"_s, m_dir.path(), u"--port"_s,
                               QString::number(port)};
        if (mode == Mode::Plain)
            arguments << u"--plain"_s;
        else
            arguments << u"--cert"_s << certificates.serverCertificatePath() << u"--key"_s
                      << certificates.serverKeyPath();
        if (mode == Mode::Implicit)
            arguments << u"--implicit"_s;
        arguments << extra;
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(python, arguments);
        if (!m_process.waitForStarted(10000))
            return false;
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(15000))
                return false;
        }
        m_port = quint16(m_process.readLine().trimmed().toUInt());
        return m_port != 0;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel(); // the sink stops when its stdin closes
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    quint16 port() const { return m_port; }

    QList<QJsonObject> messages() const
    {
        QList<QJsonObject> out;
        const QDir dir(m_dir.path());
        for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::ReadOnly))
                out << QJsonDocument::fromJson(file.readAll()).object();
        }
        return out;
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

struct OutboxState
{
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    QVariant sentAt;
    QString lastError;
};

// A port nothing listens on (for "the server is down"); a sink may take it later.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        qFatal("cannot find a free port");
    return probe.serverPort();
}

} // namespace

class TestOutboxSender final : public QObject
{
    Q_OBJECT

    test::TestDatabases m_databases;
    test::TestCertificates m_certificates;
    QString m_python;

    // One database per engine for the whole program, emptied before each case: a new
    // PostgreSQL database per case would cost about a second each.
    struct Engine
    {
        backend::DatabaseSettings settings;
        std::unique_ptr<Database> database;
    };
    std::map<QString, Engine> m_engines;
    Database *m_database = nullptr;
    backend::DatabaseSettings m_databaseSettings;
    std::unique_ptr<ManualClock> m_clock;

    void openDatabase(const QString &engine)
    {
        Engine &opened = m_engines[engine];
        if (!opened.database) {
            opened.settings = m_databases.create(engine);
            auto database = Database::open(opened.settings);
            if (!database)
                qFatal("%s", qPrintable(database.error().message));
            opened.database = std::move(database.value());
            if (!runQuery(opened.database->connection(),
                          u"INSERT INTO institutions (id, name) VALUES (?, ?)"_s,
                          {u"hyogo-himawari"_s, u"兵庫ひまわり信用組合"_s}))
                qFatal("cannot add the institution");
        }
        m_database = opened.database.get();
        m_databaseSettings = opened.settings;
        if (!runQuery(m_database->connection(), u"DELETE FROM outbox"_s))
            qFatal("cannot empty the outbox");
        m_clock =
            std::make_unique<ManualClock>(QDateTime(QDate(2026, 11, 24), QTime(5, 0), Qt::UTC));
    }

    qint64 now() const { return m_clock->now().toMSecsSinceEpoch(); }

    // As FlowService queues the completion notice.
    qint64 queue(const QString &recipient, const QString &subject = subjectJa,
                 const QString &body = bodyJa)
    {
        auto inserted = runQuery(m_database->connection(),
                                 u"INSERT INTO outbox (institution_id, recipient, subject, body, "
                                 "created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?) "
                                 "RETURNING id"_s,
                                 {u"hyogo-himawari"_s, recipient, subject, body, now(), now()});
        if (!inserted || !inserted.value().next())
            qFatal("cannot queue a mail");
        return inserted.value().value(0).toLongLong();
    }

    OutboxState state(qint64 id)
    {
        auto row = runQuery(m_database->connection(),
                            u"SELECT attempts, next_attempt_at, sent_at, last_error FROM outbox "
                            "WHERE id = ?"_s,
                            {id});
        if (!row || !row.value().next())
            qFatal("no outbox row %lld", id);
        const QSqlQuery &q = row.value();
        return {q.value(0).toInt(), q.value(1).toLongLong(), q.value(2), q.value(3).toString()};
    }

    SmtpSettings smtp(quint16 port, const QString &scheme = u"smtp"_s) const
    {
        SmtpSettings settings;
        settings.url = u"%1://127.0.0.1:%2"_s.arg(scheme).arg(port);
        settings.from = u"API連携認証 <noreply@himawari.example>"_s;
        settings.caFile = m_certificates.caCertificatePath();
        settings.timeoutSeconds = 5;
        return settings;
    }

    void startSink(SmtpSink &sink, SmtpSink::Mode mode = SmtpSink::Mode::StartTls, quint16 port = 0,
                   const QStringList &extra = {})
    {
        if (!sink.start(m_python, m_certificates, mode, port, extra))
            qFatal("the SMTP sink did not start");
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_python = findPython();
        QVERIFY2(!m_python.isEmpty(), "no python3 with aiosmtpd (apt install python3-aiosmtpd)");
        const Status made = m_certificates.create();
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
    }

    void cleanupTestCase() { m_engines.clear(); }

    void deliversJapaneseMailOverStartTls_data() { tc::test::addEngineRows(); }
    void deliversJapaneseMailOverStartTls()
    {
        QFETCH(QString, engine);
        openDatabase(engine);
        SmtpSink sink;
        startSink(sink);
        const qint64 id = queue(u"data.taro@example.jp"_s);

        OutboxSender sender(*m_database, *m_clock, smtp(sink.port()));
        QCOMPARE(sender.deliverDue(), 1);

        const QList<QJsonObject> messages = sink.messages();
        QCOMPARE(messages.size(), 1);
        const QJsonObject mail = messages.first();
        QVERIFY2(mail[u"tls"_s].toBool(), "the session was not inside TLS");
        QCOMPARE(mail[u"mail_from"_s].toString(), u"noreply@himawari.example"_s);
        QCOMPARE(mail[u"rcpt_tos"_s].toArray(), QJsonArray {u"data.taro@example.jp"_s});
        QCOMPARE(mail[u"from"_s].toString(), u"API連携認証 <noreply@himawari.example>"_s);
        QCOMPARE(mail[u"to"_s].toString(), u"data.taro@example.jp"_s);
        QCOMPARE(mail[u"subject"_s].toString(), subjectJa);
        QCOMPARE(mail[u"mime_version"_s].toString(), u"1.0"_s);
        QCOMPARE(mail[u"content_type"_s].toString(), u"text/plain"_s);
        QCOMPARE(mail[u"charset"_s].toString(), u"utf-8"_s);
        QCOMPARE(mail[u"transfer_encoding"_s].toString(), u"base64"_s);
        QCOMPARE(mail[u"date"_s].toString(), u"Tue, 24 Nov 2026 05:00:00 +0000"_s);
        QVERIFY(mail[u"message_id"_s].toString().endsWith(u"@himawari.example>"_s));
        QCOMPARE(mail[u"defects"_s].toArray(), QJsonArray {});
        QString body = mail[u"body"_s].toString();
        QCOMPARE(body.replace(u"\r\n"_s, u"\n"_s), bodyJa);

        // The wire form: CRLF only, short lines, no 8-bit byte, the subject as encoded words.
        const QByteArray raw = QByteArray::fromBase64(mail[u"raw_base64"_s].toString().toLatin1());
        QVERIFY(!raw.isEmpty());
        for (qsizetype i = 0; i < raw.size(); ++i) {
            QVERIFY2(raw.at(i) != '\n' || (i > 0 && raw.at(i - 1) == '\r'), "bare LF");
            QVERIFY2(raw.at(i) != '\r' || (i + 1 < raw.size() && raw.at(i + 1) == '\n'), "bare CR");
            QVERIFY2(uchar(raw.at(i)) < 0x80, "8-bit byte on the wire");
        }
        for (const QByteArray &line : raw.split('\n'))
            QVERIFY2(line.size() <= 79, line.constData()); // 78 + the CR
        QVERIFY(raw.contains("\r\nSubject: =?UTF-8?B?"));

        const OutboxState row = state(id);
        QCOMPARE(row.sentAt.toLongLong(), now());
        QCOMPARE(row.attempts, 0);
        QVERIFY(row.lastError.isEmpty());
        QCOMPARE(sender.deliverDue(), 0); // sent once, not again
        QCOMPARE(sink.messages().size(), 1);
    }

    void deliversOverImplicitTls_data() { tc::test::addEngineRows(); }
    void deliversOverImplicitTls()
    {
        QFETCH(QString, engine);
        openDatabase(engine);
        SmtpSink sink;
        startSink(sink, SmtpSink::Mode::Implicit);
        const qint64 id = queue(u"data.hanako@example.jp"_s);
        OutboxSender sender(*m_database, *m_clock, smtp(sink.port(), u"smtps"_s));
        QCOMPARE(sender.deliverDue(), 1);
        QCOMPARE(sink.messages().size(), 1);
        QVERIFY(sink.messages().first()[u"tls"_s].toBool());
        QVERIFY(!state(id).sentAt.isNull());
    }

    // SMTP AUTH with the password from its file; a wrong one fails without the secret in the row.
    void authenticatesWithPasswordFile_data() { tc::test::addEngineRows(); }
    void authenticatesWithPasswordFile()
    {
        QFETCH(QString, engine);
        openDatabase(engine);
        const QString secret = u"s3cret-Pa55"_s;
        SmtpSink sink;
        startSink(sink, SmtpSink::Mode::StartTls, 0,
                  {u"--user"_s, u"relay-user"_s, u"--password"_s, secret});
        QTemporaryDir dir;
        const auto writeSecret = [&](const QString &name, const QString &value) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(value.toUtf8() + '\n'); // as an editor leaves it
        };
        writeSecret(u"right"_s, secret);
        writeSecret(u"wrong"_s, u"not-"_s + secret);
        SmtpSettings settings = smtp(sink.port());
        settings.username = u"relay-user"_s;

        const qint64 refused = queue(u"data.taro@example.jp"_s);
        settings.passwordFile = dir.filePath(u"wrong"_s);
        QCOMPARE(OutboxSender(*m_database, *m_clock, settings).deliverDue(), 0);
        QCOMPARE(sink.messages().size(), 0);
        const OutboxState row = state(refused);
        QCOMPARE(row.attempts, 1);
        QVERIFY2(row.lastError.startsWith(u"curl 67:"_s), qPrintable(row.lastError));
        QVERIFY2(!row.lastError.contains(secret), qPrintable(row.lastError));

        m_clock->advance(minute);
        settings.passwordFile = dir.filePath(u"right"_s);
        QCOMPARE(OutboxSender(*m_database, *m_clock, settings).deliverDue(), 1);
        QCOMPARE(sink.messages().size(), 1);
        QVERIFY(sink.messages().first()[u"authenticated"_s].toBool());
    }

    // A server that offers no STARTTLS (or an attacker who strips it) gets nothing.
    void refusesServerWithoutStartTls_data() { tc::test::addEngineRows(); }
    void refusesServerWithoutStartTls()
    {
        QFETCH(QString, engine);
        openDatabase(engine);
        SmtpSink sink;
        startSink(sink, SmtpSink::Mode::Plain);
        const qint64 id = queue(u"data.taro@example.jp"_s);
        OutboxSender sender(*m_database, *m_clock, smtp(sink.port()));
        QCOMPARE(sender.deliverDue(), 0);
        QCOMPARE(sink.messages().size(), 0);
        const OutboxState row = state(id);
        QVERIFY(row.sentAt.isNull());
        QCOMPARE(row.attempts, 1);
        QVERIFY2(row.lastError.startsWith(u"curl 64:"_s), qPrintable(row.lastError));
        QCOMPARE(row.nextAttemptAt, now() + minute);
    }

    void refusesUnknownCertificateAuthority_data() { tc::test::addEngineRows(); }
    void refusesUnknownCertificateAuthority()
    {
        QFETCH(QString, engine);
        openDatabase(engine);
        SmtpSink sink;
        startSink(sink);
        const qint64 id = queue(u"data.taro@example.jp"_s);
        SmtpSettings settings = smtp(sink.port());
        settings.caFile = m_certificates.otherCaCertificatePath();
        OutboxSender sender(*m_database, *m_clock, settings);
        QCOMPARE(sender.deliverDue(), 0);
        QCOMPARE(sink.messages().size(), 0);
        const OutboxState row = state(id);
        QVERIFY(row.sentAt.isNull());
        QCOMPARE(row.attempts, 1);
        QVERIFY2(row.lastError.contains(u"certificate"_s), qPrintable(row.lastError));
        QCOMPARE(row.nextAttemptAt, now() + minute);
    }

    void retriesWithBackoffUntilServerIsUp_data() { tc::test::addEngineRows(); }
    void retriesWithBackoffUntilServerIsUp()
    {
        QFETCH(QString, engine);
        openDatabase(engine);
        const quint16 port = freePort();
        const qint64 id = queue(u"data.taro@example.jp"_s);
        OutboxSender sender(*m_database, *m_clock, smtp(port));

        QCOMPARE(sender.deliverDue(), 0);
        QCOMPARE(state(id).attempts, 1);
        QCOMPARE(state(id).nextAttemptAt, now() + minute);
        QVERIFY(state(id).lastError.startsWith(u"curl 7:"_s));
        QCOMPARE(sender.deliverDue(), 0); // not due yet: no attempt
        QCOMPARE(state(id).attempts, 1);

        m_clock->advance(minute);
        QCOMPARE(sender.deliverDue(), 0);
        QCOMPARE(state(id).attempts, 2);
        QCOMPARE(state(id).nextAttemptAt, now() + 2 * minute); // doubled

        SmtpSink sink;
        startSink(sink, SmtpSink::Mode::StartTls, port);
        m_clock->advance(2 * minute - 1);
        QCOMPARE(sender.deliverDue(), 0); // up, but the retry is not due
        QCOMPARE(sink.messages().size(), 0);
        m_clock->advance(1);
        QCOMPARE(sender.deliverDue(), 1);
        QCOMPARE(sink.messages().size(), 1);
        const OutboxState row = state(id);
        QCOMPARE(row.sentAt.toLongLong(), now());
        QCOMPARE(row.attempts, 2);
        QVERIFY(row.lastError.isEmpty());
    }

    void backoffIsCappedAndGivesUpAtMaxAttempts_data() { tc::test::addEngineRows(); }
    void backoffIsCappedAndGivesUpAtMaxAttempts()
    {
        QFETCH(QString, engine);
        openDatabase(engine);
        const quint16 port = freePort();
        const qint64 id = queue(u"data.taro@example.jp"_s);
        SmtpSettings settings = smtp(port);
        settings.maxAttempts = 8;
        OutboxSender sender(*m_database, *m_clock, settings);
        const QList<qint64> delays {1, 2, 4, 8, 16, 32, 60, 60};
        for (int attempt = 1; attempt <= 8; ++attempt) {
            QCOMPARE(sender.deliverDue(), 0);
            QCOMPARE(state(id).attempts, attempt);
            QCOMPARE(state(id).nextAttemptAt - now(), delays.at(attempt - 1) * minute);
            m_clock->advance(state(id).nextAttemptAt - now());
        }
        // Given up: even with the server back, no further try.
        SmtpSink sink;
        startSink(sink, SmtpSink::Mode::StartTls, port);
        m_clock->advance(24 * 60 * minute);
        QCOMPARE(sender.deliverDue(), 0);
        QCOMPARE(sink.messages().size(), 0);
        QCOMPARE(state(id).attempts, 8);
        QVERIFY(state(id).sentAt.isNull());
        QVERIFY(!state(id).lastError.isEmpty());
    }

    // An unknown mailbox (550) is refused for good: kept with its reason and not retried, while
    // the next mail still goes.
    void permanentRefusalIsNotRetried_data() { tc::test::addEngineRows(); }
    void permanentRefusalIsNotRetried()
    {
        QFETCH(QString, engine);
        openDatabase(engine);
        SmtpSink sink;
        startSink(sink, SmtpSink::Mode::StartTls, 0, {u"--reject-domain"_s, u"gone.example"_s});
        const qint64 refused = queue(u"moved.away@gone.example"_s);
        const qint64 fine = queue(u"data.taro@example.jp"_s);
        SmtpSettings settings = smtp(sink.port());
        settings.maxAttempts = 8;
        OutboxSender sender(*m_database, *m_clock, settings);
        QCOMPARE(sender.deliverDue(), 1);
        QCOMPARE(sink.messages().size(), 1);
        QCOMPARE(state(fine).sentAt.toLongLong(), now());
        const OutboxState row = state(refused);
        QCOMPARE(row.attempts, 8);
        QVERIFY(row.sentAt.isNull());
        QVERIFY2(row.lastError.contains(u"SMTP 550"_s), qPrintable(row.lastError));
        m_clock->advance(24 * 60 * minute);
        QCOMPARE(sender.deliverDue(), 0);
        QCOMPARE(state(refused).attempts, 8);
    }

    void refusesHeaderInjection_data() { tc::test::addEngineRows(); }
    void refusesHeaderInjection()
    {
        QFETCH(QString, engine);
        openDatabase(engine);
        SmtpSink sink;
        startSink(sink);
        const qint64 crlf = queue(u"data.taro@example.jp\r\nBcc: victim@example.com"_s);
        const qint64 lf = queue(u"data.taro@example.jp>\nRCPT TO:<victim@example.com"_s);
        const qint64 subject =
            queue(u"data.taro@example.jp"_s, u"件名\r\nBcc: victim@example.com"_s);
        const qint64 good = queue(u"data.jiro@example.jp"_s);
        OutboxSender sender(*m_database, *m_clock, smtp(sink.port()));
        QCOMPARE(sender.deliverDue(), 1);
        const QList<QJsonObject> messages = sink.messages();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first()[u"rcpt_tos"_s].toArray(), QJsonArray {u"data.jiro@example.jp"_s});
        for (const qint64 id : {crlf, lf, subject}) {
            const OutboxState row = state(id);
            QVERIFY(row.sentAt.isNull());
            QCOMPARE(row.attempts, SmtpSettings {}.maxAttempts); // never retried
            QVERIFY2(row.lastError.startsWith(u"refused: "_s), qPrintable(row.lastError));
        }
        QVERIFY(!state(good).sentAt.isNull());
        m_clock->advance(24 * 60 * minute);
        QCOMPARE(sender.deliverDue(), 0);
        QCOMPARE(sink.messages().size(), 1);
    }

    // Two backend instances (two Database objects, two senders) on the same rows at once.
    void racingSendersSendEachMailOnce_data() { tc::test::addEngineRows(); }
    void racingSendersSendEachMailOnce()
    {
        QFETCH(QString, engine);
        openDatabase(engine);
        SmtpSink sink;
        startSink(sink);
        constexpr int count = 24;
        for (int i = 0; i < count; ++i)
            queue(u"customer%1@example.jp"_s.arg(i));
        auto otherDatabase = Database::open(m_databaseSettings);
        QVERIFY(otherDatabase);
        SmtpSettings settings = smtp(sink.port());
        settings.batchSize = 5; // several rounds, so the senders meet on many rows
        OutboxSender first(*m_database, *m_clock, settings);
        OutboxSender second(*otherDatabase.value(), *m_clock, settings);

        std::atomic_int delivered = 0;
        std::atomic_bool go = false;
        const auto race = [&](OutboxSender &sender) {
            return QThread::create([&] {
                while (!go)
                    QThread::yieldCurrentThread();
                delivered += sender.deliverDue();
            });
        };
        std::unique_ptr<QThread> a(race(first)), b(race(second));
        a->start();
        b->start();
        go = true;
        QVERIFY(a->wait(60000));
        QVERIFY(b->wait(60000));

        QCOMPARE(int(delivered), count);
        const QList<QJsonObject> messages = sink.messages();
        QCOMPARE(messages.size(), count);
        QSet<QString> recipients, ids;
        for (const QJsonObject &mail : messages) {
            recipients << mail[u"to"_s].toString();
            ids << mail[u"message_id"_s].toString();
        }
        QCOMPARE(recipients.size(), count);
        QCOMPARE(ids.size(), count);
        auto unsent = runQuery(m_database->connection(),
                               u"SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"_s);
        QVERIFY(unsent && unsent.value().next());
        QCOMPARE(unsent.value().value(0).toInt(), 0);
    }

    // start(): the SMTP session runs on the sender's worker, the event loop keeps turning, and
    // timer ticks during a slow pass are skipped rather than stacked.
    void startRunsPassesOffTheEventLoop_data() { tc::test::addEngineRows(); }
    void startRunsPassesOffTheEventLoop()
    {
        QFETCH(QString, engine);
        openDatabase(engine);
        // A server that accepts and never greets: each session hangs until the timeout.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        int connections = 0;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection()) {
                socket->setParent(&silent);
                ++connections;
            }
        });
        const qint64 id = queue(u"data.taro@example.jp"_s);
        SmtpSettings settings = smtp(silent.serverPort());
        settings.timeoutSeconds = 1;
        OutboxSender sender(*m_database, *m_clock, settings);
        QSignalSpy passes(&sender, &OutboxSender::passFinished);

        int ticks = 0;
        QTimer heartbeat;
        connect(&heartbeat, &QTimer::timeout, this, [&] { ++ticks; });
        heartbeat.start(10);
        sender.start(20);
        QTRY_VERIFY_WITH_TIMEOUT(passes.size() >= 3, 10000);
        sender.stop();
        QVERIFY2(ticks >= 50, qPrintable(u"the event loop stalled: %1 ticks"_s.arg(ticks)));
        QCOMPARE(passes.first().first().toInt(), 0);
        QCOMPARE(connections, 1); // the ticks during the one-second pass did not start others
        const OutboxState row = state(id);
        QCOMPARE(row.attempts, 1);
        QVERIFY2(row.lastError.startsWith(u"curl 28:"_s), qPrintable(row.lastError));
    }
};

QTEST_GUILESS_MAIN(TestOutboxSender)
#include "tst_outboxsender.moc"
