#include "Totp.h"

#include "Crypto.h"

#include <QMessageAuthenticationCode>
#include <QUrl>

#include <memory>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

using namespace Qt::StringLiterals;

namespace tc::backend::staff {

namespace {

constexpr char base32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr int nonceBytes = 12;
constexpr int tagBytes = 16;
constexpr char sealVersion = 1;

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

unsigned char *bytes(QByteArray &data)
{
    return reinterpret_cast<unsigned char *>(data.data());
}

struct CipherContextFree
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextFree>;

} // namespace

namespace Totp {

QByteArray generateSecret()
{
    return crypto::randomBytes(SecretBytes);
}

QString toBase32(const QByteArray &data)
{
    QString out;
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : data) {
        buffer = (buffer << 8) | quint8(c);
        bits += 8;
        while (bits >= 5) {
            out += QLatin1Char(base32Alphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0)
        out += QLatin1Char(base32Alphabet[(buffer << (5 - bits)) & 31]);
    return out;
}

std::optional<QByteArray> fromBase32(const QString &text)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar c : text) {
        if (c == u' ' || c == u'=')
            continue;
        const char upper = char(c.toUpper().toLatin1());
        const char *at = std::char_traits<char>::find(base32Alphabet, 32, upper);
        if (!at || upper == '\0')
            return std::nullopt;
        buffer = (buffer << 5) | quint32(at - base32Alphabet);
        bits += 5;
        if (bits >= 8) {
            out += char((buffer >> (bits - 8)) & 0xff);
            bits -= 8;
        }
    }
    return out;
}

qint64 stepAt(qint64 unixSeconds)
{
    return unixSeconds >= 0 ? unixSeconds / StepSeconds
                            : (unixSeconds - StepSeconds + 1) / StepSeconds;
}

QString hotp(const QByteArray &secret, qint64 counter, int digits)
{
    QByteArray message(8, '\0');
    for (int i = 7; i >= 0; --i) {
        message[i] = char(counter & 0xff);
        counter >>= 8;
    }
    const QByteArray mac =
        QMessageAuthenticationCode::hash(message, secret, QCryptographicHash::Sha1);
    const int offset = quint8(mac.at(19)) & 0x0f;
    const quint32 binary = (quint32(quint8(mac.at(offset)) & 0x7f) << 24)
        | (quint32(quint8(mac.at(offset + 1))) << 16) | (quint32(quint8(mac.at(offset + 2))) << 8)
        | quint32(quint8(mac.at(offset + 3)));
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return u"%1"_s.arg(binary % modulus, digits, 10, QLatin1Char('0'));
}

QString codeAt(const QByteArray &secret, qint64 unixSeconds, int digits)
{
    return hotp(secret, stepAt(unixSeconds), digits);
}

std::optional<qint64> verify(const QByteArray &secret, const QString &code, qint64 unixSeconds,
                             std::optional<qint64> lastUsedStep)
{
    const QString given = code.trimmed().remove(u' ');
    if (given.size() != Digits || secret.isEmpty())
        return std::nullopt;
    const qint64 now = stepAt(unixSeconds);
    std::optional<qint64> matched;
    // Every step of the window is computed and compared, whichever matches.
    for (qint64 step = now - WindowSteps; step <= now + WindowSteps; ++step) {
        const bool equal =
            crypto::constantTimeEquals(hotp(secret, step).toLatin1(), given.toLatin1());
        if (equal && !matched && (!lastUsedStep || step > *lastUsedStep))
            matched = step;
    }
    return matched;
}

QString provisioningUri(const QByteArray &secret, const QString &issuer, const QString &account)
{
    const auto encode = [](const QString &text) {
        return QString::fromLatin1(QUrl::toPercentEncoding(text));
    };
    return u"otpauth://totp/%1:%2?secret=%3&issuer=%4&algorithm=SHA1&digits=%5&period=%6"_s
        .arg(encode(issuer), encode(account), toBase32(secret), encode(issuer))
        .arg(Digits)
        .arg(StepSeconds);
}

} // namespace Totp

QByteArray TotpSealer::deriveKey(const QByteArray &key, const QByteArray &info, int length)
{
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    EVP_KDF_CTX *context = kdf ? EVP_KDF_CTX_new(kdf) : nullptr;
    EVP_KDF_free(kdf);
    if (!context)
        qFatal("OpenSSL has no HKDF");
    QByteArray mutableKey = key;
    QByteArray mutableInfo = info;
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, mutableKey.data(),
                                          size_t(mutableKey.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, mutableInfo.data(),
                                          size_t(mutableInfo.size())),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(length, '\0');
    const int status = EVP_KDF_derive(context, bytes(out), size_t(out.size()), params);
    EVP_KDF_CTX_free(context);
    if (status != 1)
        qFatal("HKDF-SHA256 failed");
    return out;
}

TotpSealer::TotpSealer(const QByteArray &serverKey) : m_key(deriveKey(serverKey, keyLabel)) { }

QByteArray TotpSealer::seal(const QByteArray &secret, const QByteArray &context) const
{
    const QByteArray nonce = crypto::randomBytes(nonceBytes);
    QByteArray out;
    out += sealVersion;
    out += nonce;
    QByteArray cipher(secret.size(), '\0');
    QByteArray tag(tagBytes, '\0');
    const CipherContext ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, nonceBytes, nullptr) != 1
        || EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_key), bytes(nonce)) != 1
        || EVP_EncryptUpdate(ctx.get(), nullptr, &length, bytes(context), int(context.size())) != 1
        || EVP_EncryptUpdate(ctx.get(), bytes(cipher), &length, bytes(secret), int(secret.size()))
            != 1
        || EVP_EncryptFinal_ex(ctx.get(), bytes(cipher) + length, &length) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, tagBytes, tag.data()) != 1)
        qFatal("AES-256-GCM sealing failed");
    return out + cipher + tag;
}

std::optional<QByteArray> TotpSealer::open(const QByteArray &sealed,
                                           const QByteArray &context) const
{
    if (sealed.size() < 1 + nonceBytes + tagBytes || sealed.at(0) != sealVersion)
        return std::nullopt;
    const QByteArray nonce = sealed.mid(1, nonceBytes);
    const QByteArray cipher = sealed.mid(1 + nonceBytes, sealed.size() - 1 - nonceBytes - tagBytes);
    QByteArray tag = sealed.right(tagBytes);
    QByteArray plain(cipher.size(), '\0');
    const CipherContext ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, nonceBytes, nullptr) != 1
        || EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_key), bytes(nonce)) != 1
        || EVP_DecryptUpdate(ctx.get(), nullptr, &length, bytes(context), int(context.size())) != 1
        || EVP_DecryptUpdate(ctx.get(), bytes(plain), &length, bytes(cipher), int(cipher.size()))
            != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, tagBytes, tag.data()) != 1
        || EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + length, &length) != 1)
        return std::nullopt;
    return plain;
}

} // namespace tc::backend::staff
