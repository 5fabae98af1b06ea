#include "Crypto.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>

#include <openssl/crypto.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace tc::backend::crypto {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1)
        qFatal("OpenSSL RAND_bytes failed: no secure randomness available");
    return bytes;
}

QString randomToken(int bytes)
{
    return QString::fromLatin1(randomBytes(bytes).toBase64(QByteArray::Base64UrlEncoding
                                                           | QByteArray::OmitTrailingEquals));
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

Result<QByteArray> readPrivateFile(const QString &path, const QString &configKey)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error {configKey, u"%1: key file %2 does not exist"_s.arg(configKey, path)};
    if (info.permissions()
        & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther))
        return Error {configKey,
                      u"%1: key file %2 must be readable by its owner only (chmod 600)"_s.arg(
                          configKey, path)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {configKey, u"%1: cannot read key file %2"_s.arg(configKey, path)};
    return file.readAll();
}

Result<QByteArray> readKeyFile(const QString &path, const QString &configKey)
{
    const Result<QByteArray> contents = readPrivateFile(path, configKey);
    if (!contents)
        return contents;
    const QByteArray key = contents->trimmed();
    if (key.size() < 32)
        return Error {
            configKey,
            u"%1: key file %2 holds %3 bytes; at least 32 are needed"_s.arg(configKey, path)
                .arg(key.size())};
    return key;
}

} // namespace tc::backend::crypto
