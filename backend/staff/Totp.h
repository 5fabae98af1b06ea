#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace tc::backend::staff {

// Time-based one-time passwords, RFC 6238 as every authenticator app implements it: HMAC-SHA1,
// 6 digits, 30-second steps from the Unix epoch. A code is accepted in the step before, the
// current one and the one after (clocks drift, people type slowly), and each step at most once
// per user (the caller keeps the last step used, staff_users.totp_last_step).
namespace Totp {

inline constexpr int SecretBytes = 20; // 160 bits, RFC 4226's recommendation for HMAC-SHA1
inline constexpr int StepSeconds = 30;
inline constexpr int Digits = 6;
inline constexpr int WindowSteps = 1; // ±1 step

// A new secret of SecretBytes random bytes from OpenSSL.
QByteArray generateSecret();

// RFC 4648 base32 without padding (what authenticator apps expect in a URI) and back; the
// decoder ignores spaces and case and answers nullopt for anything else.
QString toBase32(const QByteArray &data);
std::optional<QByteArray> fromBase32(const QString &text);

// The time step of a Unix time: floor(seconds / 30).
qint64 stepAt(qint64 unixSeconds);

// RFC 4226 HOTP of `counter` with HMAC-SHA1, `digits` digits (6 to 8) with leading zeros.
QString hotp(const QByteArray &secret, qint64 counter, int digits = Digits);
// The RFC 6238 code at a Unix time.
QString codeAt(const QByteArray &secret, qint64 unixSeconds, int digits = Digits);

// The step whose code `code` is, within ±WindowSteps of `unixSeconds` and later than
// `lastUsedStep`; nullopt when none (wrong, too old, or already used). Compares in constant time.
std::optional<qint64> verify(const QByteArray &secret, const QString &code, qint64 unixSeconds,
                             std::optional<qint64> lastUsedStep = std::nullopt);

// otpauth://totp/<issuer>:<account>?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30
QString provisioningUri(const QByteArray &secret, const QString &issuer, const QString &account);

} // namespace Totp

// Seals TOTP secrets for the database with AES-256-GCM under a key derived from the server key
// (security/pin_key_file) by HKDF-SHA256 with its own label, so the PIN HMAC and the TOTP seal
// never use the same key. A sealed value is: version byte 1, 12-byte random nonce, ciphertext,
// 16-byte tag; `context` (the user name) is authenticated with it, so a sealed secret copied
// onto another user's row does not open.
class TotpSealer final
{
public:
    explicit TotpSealer(const QByteArray &serverKey);

    QByteArray seal(const QByteArray &secret, const QByteArray &context) const;
    // nullopt when the value was altered, sealed under another key or for another context.
    std::optional<QByteArray> open(const QByteArray &sealed, const QByteArray &context) const;

    // HKDF-SHA256 (RFC 5869) of `key` with an empty salt and `info`, `length` bytes.
    static QByteArray deriveKey(const QByteArray &key, const QByteArray &info, int length = 32);

    static inline const QByteArray keyLabel =
        QByteArrayLiteral("teller-console/staff-totp-seal/v1");

private:
    QByteArray m_key;
};

} // namespace tc::backend::staff
