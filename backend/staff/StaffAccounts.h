#pragma once

#include "BackendConfig.h"
#include "Clock.h"
#include "Protocol.h"
#include "Result.h"
#include "StaffPrincipal.h"
#include "Totp.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class QSqlDatabase;

namespace tc::backend {
class Database;
}

namespace tc::backend::staff {

// What a sign-in or a refresh answers: the two tokens and who signed in.
struct StaffSignIn
{
    QString accessToken;
    QString refreshToken;
    int expiresIn = 0; // seconds the access token lives
    QDateTime sessionExpiresAt; // the session's absolute end (UTC)
    StaffPrincipal principal;
    QString institutionName;
    QString branchCode; // empty for staff without a branch
    QString branchName;
    QString supportDesk; // the institution's support desk, as configured
    int idleTimeoutSeconds = 0; // staff/idle_timeout_seconds, so the console can warn in time
};

// A new staff user, as `auth-backend staff add` gives it.
struct NewStaff
{
    QString institutionId;
    QString username;
    QString displayName;
    StaffRole role = StaffRole::Teller;
    QString branchCode; // required for tellers
    QString password;
    bool withTotp = false;
};

// One row of `auth-backend staff list`.
struct StaffRecord
{
    qint64 id = 0;
    QString institutionId;
    QString username;
    QString displayName;
    StaffRole role = StaffRole::Teller;
    QString branchCode;
    bool hasTotp = false;
    QDateTime disabledAt; // invalid: enabled
    QDateTime lockedUntil; // invalid or past: not locked
    QDateTime createdAt;
    QDateTime passwordChangedAt;
};

// Staff accounts and sessions: sign-in (Argon2id password, TOTP where required, lockout after
// consecutive failures), opaque bearer tokens (256 random bits, only their SHA-256 stored),
// rotating refresh tokens whose reuse ends the session, idle and absolute session limits, and
// the operator's management calls. All state is in the database (several instances may run).
//
// Errors carry catalog codes in `key`: S01 (sign-in refused, one answer for every reason), S02
// (the TOTP code is needed), S03 (no valid session), G01 (invalid input, with a message for
// the operator), G07 (too many sign-ins from one address), S06 (no such staff user), A03
// (database failure).
class StaffAccounts final
{
    Q_DISABLE_COPY_MOVE(StaffAccounts)

public:
    // `serverKey` is the key of security/pin_key_file; TOTP secrets are sealed under a key
    // derived from it (TotpSealer), never under the key itself.
    StaffAccounts(Database &database, const Clock &clock, const StaffSettings &settings,
                  QByteArray serverKey);

    // The caller behind "Bearer <access token>", or S03: missing, unknown or expired token, a
    // session that was signed out, ended by refresh-token reuse or an operator, idle longer
    // than staff/idle_timeout_seconds, past staff/session_hours, or a disabled account. The
    // session's last use is written only when the stored one is more than LastUseResolutionMs
    // old, so most calls cost one indexed read and no write. Sessions are not bound to the
    // source address (the console may move between networks); it is taken for the log.
    Result<StaffPrincipal> authenticate(const QByteArray &authorizationHeader,
                                        const QString &sourceAddress);

    // S01 for an unknown user, a wrong password, a wrong or reused TOTP code, a locked or a
    // disabled account — the same answer and (for unknown users, through a dummy Argon2id
    // verification) the same time; S02 only after the right password when a TOTP code is
    // needed and none was given. `staff/max_failed_sign_ins` consecutive failures lock the
    // account for `staff/sign_in_lock_minutes` (counted in one SQL statement). G07 past
    // staff/sign_ins_per_address_per_minute calls from one address (RateLimiter).
    Result<StaffSignIn> signIn(const QString &username, const QString &password,
                               const QString &totp, const QString &sourceAddress);

    // Rotates: the refresh token is marked used and a new pair is issued. A refresh token
    // presented a second time ends its whole session (it may have been stolen). Refreshing
    // checks the idle and absolute limits but does not count as use: a console left alone
    // cannot keep its session alive by refreshing in the background.
    Result<StaffSignIn> refresh(const QString &refreshToken, const QString &sourceAddress);

    // Ends the session: every token of it stops working at once.
    Status signOut(const StaffPrincipal &principal);

    // Management (`auth-backend staff …`). addStaff answers the otpauth:// provisioning URI when
    // a TOTP secret was made, else an empty string.
    Result<QString> addStaff(const NewStaff &staff);
    // Also clears a sign-in lock and ends the user's sessions.
    Status setPassword(const QString &username, const QString &password);
    // Disabling ends every session of the user at once.
    Status disable(const QString &username);
    // Enables again and clears a sign-in lock.
    Status enable(const QString &username);
    // A new TOTP secret (the old one stops working); answers its provisioning URI.
    Result<QString> resetTotp(const QString &username);
    // Every staff user, of one institution when `institutionId` is not empty.
    Result<QList<StaffRecord>> list(const QString &institutionId = {});

    // The password policy: at least MinPasswordLength characters (NIST SP 800-63B: length,
    // no composition rules). An Error (G01) whose message says so.
    static Status checkPassword(const QString &password);
    // User names: 1 to 64 characters of A-Z a-z 0-9 . _ @ -.
    static bool isValidUsername(const QString &username);

    static constexpr int MinPasswordLength = 12;
    static constexpr int MaxPasswordLength = 1024;
    static constexpr qint64 LastUseResolutionMs = 30000;

private:
    struct SessionRow;
    Result<StaffSignIn> issue(QSqlDatabase &db, qint64 sessionId, qint64 absoluteExpiresMs,
                              qint64 nowMs);
    Result<StaffSignIn> describe(QSqlDatabase &db, qint64 staffId, StaffSignIn signIn);
    Status recordFailure(qint64 staffId, qint64 nowMs);
    // One statement in its own transaction (SQLite writers queue on Database's mutex).
    Status write(const QString &sql, const QVariantList &values, const QString &what);
    Result<qint64> staffIdOf(const QSqlDatabase &db, const QString &username);
    Result<QString> provision(const QSqlDatabase &db, qint64 staffId, const QString &username,
                              const QString &institutionId);
    std::optional<QString> endReason(const SessionRow &session, qint64 nowMs) const;

    Database &m_database;
    const Clock &m_clock;
    StaffSettings m_settings;
    TotpSealer m_sealer;
};

// What POST /api/v1/staff/session and its refresh answer.
protocol::StaffSession sessionAnswer(const StaffSignIn &signIn);

} // namespace tc::backend::staff
