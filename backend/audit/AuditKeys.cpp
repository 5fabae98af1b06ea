#include "AuditKeys.h"

#include "Crypto.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tc::backend::audit {

namespace {

std::shared_ptr<EVP_PKEY> own(EVP_PKEY *key)
{
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, qsizetype(size)) : QByteArray();
}

std::unique_ptr<BIO, decltype(&BIO_free)> memoryBio(const QByteArray &bytes = {})
{
    return {bytes.isEmpty() ? BIO_new(BIO_s_mem())
                            : BIO_new_mem_buf(bytes.constData(), int(bytes.size())),
            BIO_free};
}

} // namespace

Result<VerifyKey> VerifyKey::fromPem(const QByteArray &pem)
{
    auto bio = memoryBio(pem);
    auto key = own(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
    if (!key || EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519)
        return Error {u"key"_s, u"not a PEM Ed25519 public key"_s};
    VerifyKey result;
    result.m_key = std::move(key);
    return result;
}

Result<VerifyKey> VerifyKey::readFile(const QString &path, const QString &configKey)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {configKey, u"%1: cannot read %2"_s.arg(configKey, path)};
    Result<VerifyKey> key = fromPem(file.readAll());
    if (!key)
        return Error {configKey, u"%1: %2 is not a PEM Ed25519 public key"_s.arg(configKey, path)};
    return key;
}

QByteArray VerifyKey::pem() const
{
    if (!m_key)
        return {};
    auto bio = memoryBio();
    if (PEM_write_bio_PUBKEY(bio.get(), m_key.get()) != 1)
        return {};
    return bioBytes(bio.get());
}

QString VerifyKey::fingerprint() const
{
    if (!m_key)
        return {};
    QByteArray raw(32, Qt::Uninitialized);
    size_t size = size_t(raw.size());
    if (EVP_PKEY_get_raw_public_key(m_key.get(), reinterpret_cast<unsigned char *>(raw.data()),
                                    &size)
        != 1)
        return {};
    return QString::fromLatin1(crypto::sha256(raw.left(qsizetype(size))).toHex().left(16));
}

bool VerifyKey::verify(const QByteArray &message, const QByteArray &signature) const
{
    if (!m_key || signature.size() != 64)
        return false;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, m_key.get()) != 1)
        return false;
    return EVP_DigestVerify(
               ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
               size_t(signature.size()),
               reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size()))
        == 1;
}

Result<SigningKey> SigningKey::generate()
{
    auto key = own(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    if (!key)
        return Error {u"key"_s, u"OpenSSL could not generate an Ed25519 key"_s};
    SigningKey result;
    result.m_key = std::move(key);
    return result;
}

Result<SigningKey> SigningKey::fromPem(const QByteArray &pem)
{
    auto bio = memoryBio(pem);
    auto key = own(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key || EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519)
        return Error {u"key"_s, u"not a PEM Ed25519 private key"_s};
    SigningKey result;
    result.m_key = std::move(key);
    return result;
}

Result<SigningKey> SigningKey::readFile(const QString &path, const QString &configKey)
{
    const Result<QByteArray> pem = crypto::readPrivateFile(path, configKey);
    if (!pem)
        return pem.error();
    Result<SigningKey> key = fromPem(pem.value());
    if (!key)
        return Error {configKey,
                      u"%1: %2 is not a PEM Ed25519 private key (auth-backend audit keygen "
                      "--out FILE makes one)"_s.arg(configKey, path)};
    return key;
}

QByteArray SigningKey::privatePem() const
{
    if (!m_key)
        return {};
    auto bio = memoryBio();
    if (PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr)
        != 1)
        return {};
    return bioBytes(bio.get());
}

VerifyKey SigningKey::publicKey() const
{
    VerifyKey result;
    result.m_key = m_key; // EVP_DigestVerify only uses the public half
    return result;
}

QByteArray SigningKey::sign(const QByteArray &message) const
{
    if (!m_key)
        return {};
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    // Ed25519 hashes internally: no digest is named (NULL md).
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, m_key.get()) != 1)
        return {};
    QByteArray signature(64, Qt::Uninitialized);
    size_t size = size_t(signature.size());
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &size,
                       reinterpret_cast<const unsigned char *>(message.constData()),
                       size_t(message.size()))
            != 1
        || size != 64)
        return {};
    return signature;
}

Result<SigningKey> writeNewSigningKey(const QString &path, const QString &publicPath)
{
    Result<SigningKey> key = SigningKey::generate();
    if (!key)
        return key;
    const auto writeExclusive = [](const QString &file, const QByteArray &bytes,
                                   mode_t mode) -> Status {
        const QByteArray name = QFile::encodeName(file);
        const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd < 0)
            return Error {
                u"key"_s,
                u"cannot create %1: %2"_s.arg(file, QString::fromLocal8Bit(std::strerror(errno)))};
        const bool written =
            ::write(fd, bytes.constData(), size_t(bytes.size())) == ssize_t(bytes.size())
            && ::fsync(fd) == 0;
        ::close(fd);
        if (!written)
            return Error {u"key"_s, u"cannot write %1"_s.arg(file)};
        return Success {};
    };
    if (Status written = writeExclusive(path, key->privatePem(), 0600); !written)
        return written.error();
    if (!publicPath.isEmpty()) {
        if (Status written = writeExclusive(publicPath, key->publicKey().pem(), 0644); !written)
            return written.error();
    }
    return key;
}

} // namespace tc::backend::audit
