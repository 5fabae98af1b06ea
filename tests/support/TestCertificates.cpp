#include "TestCertificates.h"

#include <QFile>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace tc::test {
namespace {

QStringList newKeyArguments(TestCertificates::KeyType type)
{
    if (type == TestCertificates::KeyType::Rsa)
        return {u"-newkey"_s, u"rsa:2048"_s};
    return {u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s};
}

} // namespace

QString TestCertificates::path(QStringView name) const
{
    return m_dir.filePath(name.toString());
}

Status TestCertificates::openssl(const QStringList &arguments) const
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"openssl"_s, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0)
        return Error {u"openssl"_s,
                      u"openssl "_s + arguments.join(u' ') + u" failed: "_s
                          + QString::fromLocal8Bit(process.readAll())};
    return Success {};
}

Status TestCertificates::create(KeyType keyType)
{
    if (!m_dir.isValid())
        return Error {u"tmp"_s, u"cannot create a temporary directory"_s};
    m_keyType = keyType;

    const auto makeCa = [&](const QString &name, const QString &subject) {
        return openssl(QStringList {u"req"_s, u"-x509"_s} + newKeyArguments(KeyType::Ec)
                       + QStringList {u"-nodes"_s, u"-keyout"_s, name + u".key"_s, u"-out"_s,
                                      name + u".pem"_s, u"-days"_s, u"2"_s, u"-subj"_s, subject,
                                      u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s,
                                      u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s});
    };
    if (Status s = makeCa(u"ca"_s, u"/CN=Teller Console test CA"_s); !s)
        return s;
    if (Status s = makeCa(u"other-ca"_s, u"/CN=Unrelated test CA"_s); !s)
        return s;

    QFile extensions(path(u"server.ext"));
    if (!extensions.open(QIODevice::WriteOnly)
        || extensions.write("basicConstraints=critical,CA:FALSE\n"
                            "keyUsage=critical,digitalSignature,keyEncipherment\n"
                            "extendedKeyUsage=serverAuth\n"
                            "subjectAltName=IP:127.0.0.1,DNS:localhost\n")
            < 0)
        return Error {u"tmp"_s, u"cannot write server.ext"_s};
    extensions.close();

    if (Status s = openssl(QStringList {u"req"_s, u"-new"_s} + newKeyArguments(keyType)
                           + QStringList {u"-nodes"_s, u"-keyout"_s, u"server.key"_s, u"-out"_s,
                                          u"server.csr"_s, u"-subj"_s, u"/CN=localhost"_s});
        !s)
        return s;
    if (Status s =
            openssl({u"x509"_s, u"-req"_s, u"-in"_s, u"server.csr"_s, u"-CA"_s, u"ca.pem"_s,
                     u"-CAkey"_s, u"ca.key"_s, u"-CAcreateserial"_s, u"-out"_s,
                     u"server-leaf.pem"_s, u"-days"_s, u"2"_s, u"-extfile"_s, u"server.ext"_s});
        !s)
        return s;

    QFile leaf(path(u"server-leaf.pem"));
    QFile ca(path(u"ca.pem"));
    QFile chain(path(u"server.pem"));
    if (!leaf.open(QIODevice::ReadOnly) || !ca.open(QIODevice::ReadOnly)
        || !chain.open(QIODevice::WriteOnly) || chain.write(leaf.readAll() + ca.readAll()) < 0)
        return Error {u"tmp"_s, u"cannot write server.pem"_s};
    return Success {};
}

QSslCertificate TestCertificates::caCertificate() const
{
    return QSslCertificate::fromPath(caCertificatePath()).value(0);
}

QSslCertificate TestCertificates::otherCaCertificate() const
{
    return QSslCertificate::fromPath(otherCaCertificatePath()).value(0);
}

QList<QSslCertificate> TestCertificates::serverChain() const
{
    return QSslCertificate::fromPath(serverCertificatePath());
}

QSslKey TestCertificates::serverKey() const
{
    QFile file(serverKeyPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QSslKey(file.readAll(), m_keyType == KeyType::Rsa ? QSsl::Rsa : QSsl::Ec, QSsl::Pem);
}

QSslConfiguration TestCertificates::serverConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(serverChain());
    configuration.setPrivateKey(serverKey());
    return configuration;
}

QSslConfiguration TestCertificates::clientConfiguration(const QSslCertificate &ca)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates({ca});
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return configuration;
}

} // namespace tc::test
