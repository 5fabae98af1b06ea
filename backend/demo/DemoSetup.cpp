#include "DemoSetup.h"

#include "AuditKeys.h"
#include "Crypto.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcBackendDemo)

namespace tc::backend::demo {

namespace {

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

Status writeFile(const QString &path, const QByteArray &content, bool secret)
{
    QFile file(path);
    const bool opened = secret ? file.open(QIODevice::WriteOnly | QIODevice::Truncate, ownerOnly)
                               : file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    if (!opened || (secret && !file.setPermissions(ownerOnly))
        || file.write(content) != content.size() || !file.flush())
        return Error {QString(), u"cannot write %1: %2"_s.arg(path, file.errorString())};
    return Success {};
}

Status openssl(const QString &workDir, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(workDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"openssl"_s, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0)
        return Error {QString(),
                      u"openssl %1 failed: %2 %3"_s.arg(arguments.value(0), process.errorString(),
                                                        QString::fromLocal8Bit(process.readAll()))};
    return Success {};
}

// A demo-only CA and a server certificate it signed for 127.0.0.1 / localhost (EC P-256,
// generated in milliseconds). server.pem holds the chain, leaf then CA.
Status makeCertificates(const QString &tlsDir)
{
    const QStringList ec {u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
                          u"-nodes"_s};
    if (Status s = openssl(tlsDir,
                           QStringList {u"req"_s, u"-x509"_s} + ec
                               + QStringList {u"-days"_s, u"825"_s, u"-subj"_s,
                                              u"/CN=Teller Console demo CA"_s, u"-keyout"_s,
                                              u"ca.key"_s, u"-out"_s, u"ca.pem"_s});
        !s)
        return s;
    if (Status s = openssl(tlsDir,
                           QStringList {u"req"_s} + ec
                               + QStringList {u"-subj"_s, u"/CN=localhost"_s, u"-keyout"_s,
                                              u"server.key"_s, u"-out"_s, u"server.csr"_s});
        !s)
        return s;
    if (Status s = writeFile(QDir(tlsDir).filePath(u"server.ext"_s),
                             "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                             "extendedKeyUsage=serverAuth\n",
                             false);
        !s)
        return s;
    if (Status s = openssl(tlsDir,
                           {u"x509"_s, u"-req"_s, u"-in"_s, u"server.csr"_s, u"-CA"_s, u"ca.pem"_s,
                            u"-CAkey"_s, u"ca.key"_s, u"-CAcreateserial"_s, u"-days"_s, u"825"_s,
                            u"-extfile"_s, u"server.ext"_s, u"-out"_s, u"server-leaf.pem"_s});
        !s)
        return s;
    QFile leaf(QDir(tlsDir).filePath(u"server-leaf.pem"_s));
    QFile ca(QDir(tlsDir).filePath(u"ca.pem"_s));
    if (!leaf.open(QIODevice::ReadOnly) || !ca.open(QIODevice::ReadOnly))
        return Error {QString(), u"cannot read the new certificates in %1"_s.arg(tlsDir)};
    if (Status s =
            writeFile(QDir(tlsDir).filePath(u"server.pem"_s), leaf.readAll() + ca.readAll(), false);
        !s)
        return s;
    for (const QString &key : {u"ca.key"_s, u"server.key"_s})
        QFile::setPermissions(QDir(tlsDir).filePath(key), ownerOnly);
    return Success {};
}

} // namespace

QString DemoSetup::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(u"teller-console-demo"_s);
}

DemoFolder DemoSetup::folder(const QString &dir)
{
    const QDir d(QDir(dir).absolutePath());
    return {d.absolutePath(), d.filePath(u"auth-backend.ini"_s), d.filePath(u"tls/ca.pem"_s),
            d.filePath(u"webhook.key"_s)};
}

Result<DemoFolder> DemoSetup::prepare(const QString &dir)
{
    const DemoFolder f = folder(dir);
    const QDir d(f.dir);
    if (!QDir().mkpath(d.filePath(u"tls"_s)))
        return Error {QString(), u"cannot create the demo folder %1"_s.arg(f.dir)};
    QFile::setPermissions(f.dir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    if (!QFile::exists(d.filePath(u"tls/server.pem"_s))
        || !QFile::exists(d.filePath(u"tls/server.key"_s)) || !QFile::exists(f.caCertificatePath)) {
        qCInfo(lcBackendDemo) << "creating a demo certificate authority in" << d.filePath(u"tls"_s);
        if (Status made = makeCertificates(d.filePath(u"tls"_s)); !made)
            return made.error();
    }
    for (const QString &key : {d.filePath(u"pin.key"_s), f.webhookSecretPath}) {
        if (QFile::exists(key))
            continue;
        if (Status written = writeFile(key, crypto::randomBytes(32).toHex() + '\n', true); !written)
            return written.error();
    }
    // The audit chain's checkpoint signing key (Ed25519), made once like the other keys.
    if (const QString auditKey = d.filePath(u"audit.key"_s); !QFile::exists(auditKey)) {
        if (Result<audit::SigningKey> made = audit::writeNewSigningKey(auditKey); !made)
            return made.error();
    }
    const QByteArray auditSection =
        "[audit]\nsigning_key_file = audit.key\ncheckpoint_file = audit-checkpoints.log\n";
    if (QFile ini(f.configPath); ini.exists() && ini.open(QIODevice::ReadOnly)) {
        // A demo folder from before the audit chain: its configuration gains the section.
        const QByteArray existing = ini.readAll();
        ini.close();
        if (!existing.contains("[audit]") && existing.contains("; Written by `auth-backend --demo`")
            && ini.open(QIODevice::Append))
            ini.write((existing.endsWith('\n') ? QByteArray() : QByteArray("\n")) + auditSection);
    }
    if (!QFile::exists(f.configPath)) {
        const QByteArray ini =
            "; Written by `auth-backend --demo` for training: demo data, demo keys, demo CA.\n"
            "; See packaging/auth-backend.ini.example for production.\n"
            "[server]\nlisten = 127.0.0.1:8443\n"
            "[tls]\ncertificate = tls/server.pem\nprivate_key = tls/server.key\n"
            "[security]\npin_key_file = pin.key\n"
            "[telephony]\nwebhook_secret_file = webhook.key\n"
            "[audit]\nsigning_key_file = audit.key\ncheckpoint_file = audit-checkpoints.log\n"
            "[database]\ndriver = sqlite\nsqlite_path = auth-backend.sqlite\n"
            "[limits]\n"
            "; The simulated customers and every trainee call from 127.0.0.1.\n"
            "calls_per_address_per_minute = 100000\n";
        if (Status written = writeFile(f.configPath, ini, false); !written)
            return written.error();
    }
    return f;
}

} // namespace tc::backend::demo
