#pragma once

#include "Result.h"

#include <QList>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QStringList>

namespace tc::backend::http {

// The TLS settings auth-backend serves with, in one place: TLS 1.2 minimum and an explicit
// cipher allow-list (the reasons are beside the list in TlsPolicy.cpp).
class TlsPolicy final
{
public:
    TlsPolicy() = delete;

    // OpenSSL names of the allowed suites, TLS 1.3 first, in order of preference.
    static const QStringList &allowedCipherNames();
    // The allowed suites this TLS backend supports; an Error when none is available.
    static Result<QList<QSslCipher>> allowedCiphers();

    // `base` (which carries the certificate chain and key) with protocol, ciphers and peer
    // verification set by this policy. The server applies it to whatever it is given.
    static Result<QSslConfiguration> hardened(QSslConfiguration base);

    // Reads a PEM certificate chain (leaf first) and an unencrypted PEM key (EC or RSA) and
    // returns the hardened server configuration. Errors name the file.
    static Result<QSslConfiguration> loadServerConfiguration(const QString &certificateFile,
                                                             const QString &privateKeyFile);
};

} // namespace tc::backend::http
