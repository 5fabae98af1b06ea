#include "E2eHarness.h"

#include "AuditKeys.h"
#include "Database.h"
#include "FlowService.h"
#include "TestBackend.h"
#include "TokyoTime.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace tc::test {
namespace {

const QByteArray clientSecret = "s3cret:with+special chars"; // exercises Basic's form-encoding
const QByteArray telephonySecret = "telephony-webhook-secret-0123456789abcdef";

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

bool writeFile(const QString &path, const QByteArray &content, bool ownerOnly = false)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    if (ownerOnly)
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return file.write(content) == content.size();
}

// A port that was free a moment ago: the issuer URL names the port before the server listens
// (client libraries check that the metadata's issuer is the URL they discovered).
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

QString E2eHarness::prepare(const QString &sourceDir, const QString &workDir)
{
    if (const Status created = m_certificates.create(); !created)
        return created.error().message;
    if (!m_keys.isValid() || !writeFile(m_keys.filePath(u"pin.key"_s), QByteArray(48, 'p'), true)
        || !writeFile(m_keys.filePath(u"telephony.key"_s), telephonySecret, true))
        return u"cannot write the key files"_s;
    m_node = QStandardPaths::findExecutable(u"node"_s);
    if (m_node.isEmpty())
        return u"node not found (scripts/install-deps installs Node.js)"_s;

    m_workDir = workDir;
    if (!QDir().mkpath(workDir))
        return u"cannot create %1"_s.arg(workDir);
    const QStringList files = QDir(sourceDir).entryList({u"*.json"_s, u"*.mjs"_s}, QDir::Files);
    for (const QString &name : files) {
        QFile::remove(workDir + u'/' + name);
        if (!QFile::copy(sourceDir + u'/' + name, workDir + u'/' + name))
            return u"cannot copy %1"_s.arg(name);
    }
    const QString stamp = workDir + u"/node_modules/.tc-package-lock.sha256"_s;
    const QByteArray lockHash = fileHash(workDir + u"/package-lock.json"_s);
    if (lockHash.isEmpty())
        return u"%1 has no package-lock.json"_s.arg(sourceDir);
    {
        QFile stampFile(stamp);
        if (stampFile.open(QIODevice::ReadOnly) && stampFile.readAll() == lockHash)
            return {};
    }
    const QString npm = QStandardPaths::findExecutable(u"npm"_s);
    if (npm.isEmpty())
        return u"npm not found (scripts/install-deps installs Node.js)"_s;
    QProcess process;
    process.setWorkingDirectory(workDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(npm, {u"ci"_s, u"--no-audit"_s, u"--no-fund"_s});
    if (!process.waitForFinished(300'000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0)
        return u"npm ci in %1 failed: %2"_s.arg(workDir, QString::fromUtf8(process.readAll()));
    if (!writeFile(stamp, lockHash))
        return u"cannot write %1"_s.arg(stamp);
    return {};
}

QString E2eHarness::start(const QString &engine)
{
    m_service.reset();
    const quint16 port = freePort();
    if (port == 0)
        return u"no free port"_s;
    m_issuer = u"https://127.0.0.1:%1"_s.arg(port);

    backend::BackendSettings settings;
    settings.server.listenHost = u"127.0.0.1"_s;
    settings.server.listenPort = port;
    settings.server.certificateFile = m_certificates.serverCertificatePath();
    settings.server.privateKeyFile = m_certificates.serverKeyPath();
    settings.publicUrl = m_issuer;
    settings.pinKeyFile = m_keys.filePath(u"pin.key"_s);
    settings.telephonySecretFile = m_keys.filePath(u"telephony.key"_s);
    settings.audit.signingKeyFile = m_keys.filePath(u"audit.key"_s);
    settings.audit.checkpointFile = m_keys.filePath(u"audit-checkpoints.log"_s);
    if (!QFile::exists(settings.audit.signingKeyFile)) {
        if (auto made = backend::audit::writeNewSigningKey(settings.audit.signingKeyFile); !made)
            return made.error().message;
    }
    settings.database = m_databases.create(engine);
    // A Tuesday afternoon in Tokyo, far from every maintenance window; it does not move.
    m_clock = std::make_shared<backend::ManualClock>(quietTokyoAfternoon());
    auto started = backend::BackendService::start(settings, m_clock);
    if (!started)
        return started.error().message;
    m_service = std::move(started.value());

    // The customer and the app, as the operator's tools would set them up.
    test::seedStandardData(m_service->database(), m_service->flows(),
                           QString::fromLatin1(clientSecret));
    return {};
}

QProcessEnvironment E2eHarness::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // TLS stays verified: Node trusts the throwaway CA, nothing else changes.
    environment.insert(u"NODE_EXTRA_CA_CERTS"_s, m_certificates.caCertificatePath());
    const QList<std::pair<QString, QString>> variables {
        {u"TC_ISSUER"_s, m_issuer},
        {u"TC_SERVER_CERT"_s, m_certificates.serverCertificatePath()},
        {u"TC_CLIENT_ID"_s, u"creco"_s},
        {u"TC_CLIENT_SECRET"_s, QString::fromLatin1(clientSecret)},
        {u"TC_REDIRECT_URI"_s, redirectUri},
        {u"TC_INSTITUTION"_s, u"hyogo-himawari"_s},
        {u"TC_TELEPHONY_SECRET"_s, QString::fromLatin1(telephonySecret)},
        {u"TC_CLOCK_NOW"_s, QString::number(m_clock ? m_clock->now().toSecsSinceEpoch() : 0)},
        {u"TC_BRANCH_CODE"_s, u"001"_s},
        {u"TC_ACCOUNT_TYPE"_s, u"ordinary"_s},
        {u"TC_ACCOUNT_NUMBER"_s, u"1234567"_s},
        {u"TC_NAME_KANA"_s, u"ﾃﾞｰﾀ ﾀﾛｳ"_s},
        {u"TC_BIRTH_DATE"_s, u"1980-04-01"_s},
        {u"TC_PHONE"_s, u"078-631-0000"_s},
        {u"TC_EMAIL"_s, u"taro@example.jp"_s},
        {u"TC_PIN"_s, u"4321"_s},
    };
    for (const auto &[name, value] : variables)
        environment.insert(name, value);
    return environment;
}

QJsonObject E2eHarness::runNode(const QString &script, const QProcessEnvironment &environment,
                                int timeoutMs)
{
    const auto failure = [](const QString &text) {
        return QJsonObject {{u"ok"_s, false}, {u"failure"_s, text}};
    };
    QProcess node;
    node.setProcessEnvironment(environment);
    node.setWorkingDirectory(m_workDir);
    node.start(m_node, {script});
    if (!node.waitForStarted(10'000))
        return failure(node.errorString());
    // The backend answers from this thread's event loop: keep it running while node works.
    const QDeadlineTimer deadline(timeoutMs);
    while (node.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        node.waitForFinished(10);
    }
    if (node.state() != QProcess::NotRunning) {
        node.kill();
        node.waitForFinished(5'000);
        return failure(u"node %1 timed out"_s.arg(script));
    }
    const QByteArray out = node.readAllStandardOutput();
    const QByteArray err = node.readAllStandardError();
    if (!err.isEmpty())
        qInfo().noquote() << "node stderr:" << QString::fromUtf8(err);
    const QList<QByteArray> lines = out.trimmed().split('\n');
    QJsonParseError parseError;
    QJsonObject report = QJsonDocument::fromJson(lines.last(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return failure(u"no JSON report from node: "_s + QString::fromUtf8(out));
    if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0)
        report.insert(u"ok"_s, false);
    return report;
}

} // namespace tc::test
