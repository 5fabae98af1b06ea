#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct evp_pkey_st;

namespace tc::backend::audit {

// The public half of the audit signing key: what `auth-backend audit verify` needs. Copies share
// the OpenSSL key.
class VerifyKey final
{
public:
    VerifyKey() = default;

    // A PEM "PUBLIC KEY" (SubjectPublicKeyInfo) file holding an Ed25519 key.
    static Result<VerifyKey> readFile(const QString &path, const QString &configKey);
    static Result<VerifyKey> fromPem(const QByteArray &pem);

    bool isNull() const { return !m_key; }
    QByteArray pem() const;
    // The first 16 hex digits of SHA-256 over the raw 32-byte key, to name it in messages.
    QString fingerprint() const;
    bool verify(const QByteArray &message, const QByteArray &signature) const;

private:
    friend class SigningKey;
    std::shared_ptr<evp_pkey_st> m_key;
};

// The Ed25519 private key that signs audit checkpoints (OpenSSL EVP, EVP_PKEY_ED25519). It lives
// in a PEM file outside the database (audit/signing_key_file, mode 0600). Copies share the key;
// signing is safe from several threads.
class SigningKey final
{
public:
    SigningKey() = default;

    static Result<SigningKey> generate();
    // Refuses a file readable or writable by group or others, like the other key files.
    static Result<SigningKey> readFile(const QString &path, const QString &configKey);
    static Result<SigningKey> fromPem(const QByteArray &pem);

    bool isNull() const { return !m_key; }
    QByteArray privatePem() const; // PKCS#8, unencrypted
    VerifyKey publicKey() const;
    QByteArray sign(const QByteArray &message) const; // 64 bytes; empty on failure

private:
    std::shared_ptr<evp_pkey_st> m_key;
};

// Creates a new key and writes it to `path` (mode 0600, refusing to overwrite a file), for
// `auth-backend audit keygen`, the demo and the test fixtures. `publicPath`, if not empty, gets
// the public key for machines that only verify.
Result<SigningKey> writeNewSigningKey(const QString &path, const QString &publicPath = {});

} // namespace tc::backend::audit
