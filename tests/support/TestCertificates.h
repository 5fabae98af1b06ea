#pragma once

#include "Result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>
#include <QTemporaryDir>

namespace tc::test {

// A throwaway CA and a server certificate it signed for 127.0.0.1 and localhost, made with the
// openssl command line into a temporary directory (removed with the object), plus a second,
// unrelated CA for "wrong CA" tests. EC P-256 keys by default: generated in milliseconds.
class TestCertificates final
{
public:
    enum class KeyType { Ec, Rsa };

    TestCertificates() = default;
    Q_DISABLE_COPY_MOVE(TestCertificates)

    // Runs openssl; an Error with its output when anything fails.
    Status create(KeyType keyType = KeyType::Ec);

    QString directory() const { return m_dir.path(); }
    QString caCertificatePath() const { return path(u"ca.pem"); }
    QString serverCertificatePath() const { return path(u"server.pem"); } // leaf, then CA
    QString serverKeyPath() const { return path(u"server.key"); }
    QString otherCaCertificatePath() const { return path(u"other-ca.pem"); }

    QSslCertificate caCertificate() const;
    QSslCertificate otherCaCertificate() const;
    QList<QSslCertificate> serverChain() const;
    QSslKey serverKey() const;

    // A server configuration with the chain and key (the server applies its own TLS policy).
    QSslConfiguration serverConfiguration() const;
    // A client configuration that trusts only `ca` (pinning; the system store is not used).
    static QSslConfiguration clientConfiguration(const QSslCertificate &ca);

private:
    QString path(QStringView name) const;
    Status openssl(const QStringList &arguments) const;

    QTemporaryDir m_dir;
    KeyType m_keyType = KeyType::Ec;
};

} // namespace tc::test
