#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>

namespace tc::backend::crypto {

// Random bytes from OpenSSL's CSPRNG. Aborts if the generator fails: continuing with weak
// randomness would be worse than stopping.
QByteArray randomBytes(int count);

// A random identifier or secret of `bytes` random bytes, base64url without padding.
QString randomToken(int bytes = 32);

// A SHA-256 digest, for storing tokens and codes (only hashes are kept).
QByteArray sha256(const QByteArray &data);

QByteArray hmacSha256(const QByteArray &key, const QByteArray &message);

// Compares in time independent of where the inputs differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

// Reads a key file (at least 32 bytes of key material; refuses group/world-readable files).
Result<QByteArray> readKeyFile(const QString &path, const QString &configKey);

// The whole of a secret file that only its owner may read or write (mode 0600 or stricter);
// errors name `configKey` and the file.
Result<QByteArray> readPrivateFile(const QString &path, const QString &configKey);

} // namespace tc::backend::crypto
