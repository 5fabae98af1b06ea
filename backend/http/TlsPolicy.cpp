#include "TlsPolicy.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace tc::backend::http {

const QStringList &TlsPolicy::allowedCipherNames()
{
    static const QStringList names = {
        // TLS 1.3: every suite is AEAD with forward secrecy. The two CCM suites are left out:
        // CCM_8 truncates the tag to 64 bits and neither is used by browsers or our clients.
        u"TLS_AES_256_GCM_SHA384"_s, u"TLS_CHACHA20_POLY1305_SHA256"_s, u"TLS_AES_128_GCM_SHA256"_s,
        // TLS 1.2: ECDHE only (forward secrecy; static RSA key exchange has none and is what
        // ROBOT attacks; finite-field DHE is slow, invites weak parameters and Raccoon) and
        // AEAD only (CBC suites are the source of Lucky13 and the padding-oracle family;
        // RC4, 3DES, NULL, EXPORT, anonymous and SHA-1 MACs are broken outright). ECDSA for
        // EC certificates, RSA signatures for RSA certificates.
        u"ECDHE-ECDSA-AES256-GCM-SHA384"_s, u"ECDHE-RSA-AES256-GCM-SHA384"_s,
        u"ECDHE-ECDSA-CHACHA20-POLY1305"_s, u"ECDHE-RSA-CHACHA20-POLY1305"_s,
        u"ECDHE-ECDSA-AES128-GCM-SHA256"_s, u"ECDHE-RSA-AES128-GCM-SHA256"_s,
        // Left out as well: ARIA and Camellia (sound, but no client needs them and each suite
        // is more code exposed), and PSK/SRP suites (no pre-shared keys here).
    };
    return names;
}

Result<QList<QSslCipher>> TlsPolicy::allowedCiphers()
{
    if (!QSslSocket::supportsSsl())
        return Error {u"tls"_s, u"TLS is not available (is libssl3 installed?)"_s};
    QList<QSslCipher> ciphers;
    for (const QString &name : allowedCipherNames()) {
        const QSslCipher cipher(name);
        if (!cipher.isNull())
            ciphers.append(cipher);
    }
    if (ciphers.isEmpty())
        return Error {u"tls"_s, u"none of the allowed TLS cipher suites is supported"_s};
    return ciphers;
}

Result<QSslConfiguration> TlsPolicy::hardened(QSslConfiguration base)
{
    Result<QList<QSslCipher>> ciphers = allowedCiphers();
    if (!ciphers)
        return ciphers.error();
    base.setProtocol(QSsl::TlsV1_2OrLater);
    base.setCiphers(ciphers.value());
    // Clients authenticate inside HTTP (OAuth, staff sessions), not with certificates; asking
    // for one would only make browsers prompt.
    base.setPeerVerifyMode(QSslSocket::VerifyNone);
    base.setSslOption(QSsl::SslOptionDisableCompression, true); // CRIME
    base.setSslOption(QSsl::SslOptionDisableLegacyRenegotiation, true);
    return base;
}

Result<QSslConfiguration> TlsPolicy::loadServerConfiguration(const QString &certificateFile,
                                                             const QString &privateKeyFile)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateFile, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return Error {u"tls/certificate"_s,
                      u"no PEM certificate could be read from "_s + certificateFile};
    QFile keyFile(privateKeyFile);
    if (!keyFile.open(QIODevice::ReadOnly))
        return Error {u"tls/private_key"_s, u"cannot read "_s + privateKeyFile};
    const QByteArray pem = keyFile.readAll();
    QSslKey key(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        return Error {u"tls/private_key"_s,
                      u"no unencrypted PEM EC or RSA key could be read from "_s + privateKeyFile};

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    return hardened(configuration);
}

} // namespace tc::backend::http
