#include "PasswordHasher.h"

#include "Crypto.h"

#include <QRegularExpression>

#include <argon2.h>

using namespace Qt::StringLiterals;

namespace tc::backend::staff::PasswordHasher {

Result<QString> hash(const QString &password, const Parameters &parameters)
{
    const QByteArray utf8 = password.toUtf8();
    const QByteArray salt = crypto::randomBytes(SaltBytes);
    QByteArray encoded(
        qsizetype(argon2_encodedlen(parameters.iterations, parameters.memoryKiB,
                                    parameters.parallelism, SaltBytes, HashBytes, Argon2_id)),
        '\0');
    const int status = argon2id_hash_encoded(
        parameters.iterations, parameters.memoryKiB, parameters.parallelism, utf8.constData(),
        size_t(utf8.size()), salt.constData(), size_t(salt.size()), HashBytes, encoded.data(),
        size_t(encoded.size()));
    if (status != ARGON2_OK)
        return Error {
            u"argon2"_s,
            u"Argon2id failed: %1"_s.arg(QString::fromLatin1(argon2_error_message(status)))};
    return QString::fromLatin1(encoded.constData()); // NUL-terminated inside the buffer
}

bool verify(const QString &encoded, const QString &password)
{
    if (!encoded.startsWith(u"$argon2id$"_s))
        return false;
    const QByteArray phc = encoded.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return argon2id_verify(phc.constData(), utf8.constData(), size_t(utf8.size())) == ARGON2_OK;
}

bool needsRehash(const QString &encoded, const Parameters &parameters)
{
    static const QRegularExpression phc(
        uR"(^\$argon2id\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$)"_s);
    const QRegularExpressionMatch m = phc.match(encoded);
    if (!m.hasMatch())
        return true;
    const QByteArray salt = QByteArray::fromBase64(m.captured(5).toLatin1());
    const QByteArray digest = QByteArray::fromBase64(m.captured(6).toLatin1());
    return m.captured(1).toUInt() != ARGON2_VERSION_13
        || m.captured(2).toUInt() != parameters.memoryKiB
        || m.captured(3).toUInt() != parameters.iterations
        || m.captured(4).toUInt() != parameters.parallelism || salt.size() < SaltBytes
        || digest.size() != HashBytes;
}

const QString &dummyHash()
{
    static const QString dummy = [] {
        Result<QString> made = hash(crypto::randomToken(24));
        if (!made)
            qFatal("cannot make the dummy password hash: %s", qPrintable(made.error().message));
        return made.value();
    }();
    return dummy;
}

} // namespace tc::backend::staff::PasswordHasher
