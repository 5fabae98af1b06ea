#include "StaffAccounts.h"

#include "Crypto.h"
#include "Database.h"
#include "ErrorCodes.h"
#include "PasswordHasher.h"
#include "RateLimiter.h"

#include <QJsonValue>
#include <QLoggingCategory>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStaffAuth, "tc.backend.staff.auth")

namespace tc::backend::staff {

namespace {

Error refusal(QLatin1StringView code, const QString &message = {})
{
    return Error {QString(code), message};
}

Error invalid(const QString &message)
{
    return refusal(codes::MalformedRequest, message);
}

QByteArray tokenHash(const QString &token)
{
    return crypto::sha256(token.toLatin1());
}

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// A Result's error as a Status.
template<typename T>
Status failed(const Result<T> &result)
{
    return result.error();
}

} // namespace

// One row of the bearer check: the token, its session and the session's user.
struct StaffAccounts::SessionRow
{
    qint64 tokenExpiresMs = 0;
    qint64 sessionId = 0;
    qint64 lastUsedMs = 0;
    qint64 absoluteExpiresMs = 0;
    bool ended = false;
    bool disabled = false;
};

StaffAccounts::StaffAccounts(Database &database, const Clock &clock, const StaffSettings &settings,
                             QByteArray serverKey)
    : m_database(database), m_clock(clock), m_settings(settings), m_sealer(serverKey)
{
    // Made now, so that the first unknown user name does not pay for making it.
    PasswordHasher::dummyHash();
}

Status StaffAccounts::checkPassword(const QString &password)
{
    if (password.size() < MinPasswordLength)
        return invalid(u"the password must have at least %1 characters"_s.arg(MinPasswordLength));
    if (password.size() > MaxPasswordLength)
        return invalid(u"the password must have at most %1 characters"_s.arg(MaxPasswordLength));
    return Success {};
}

bool StaffAccounts::isValidUsername(const QString &username)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9._@-]{1,64}$"_s);
    return pattern.match(username).hasMatch();
}

std::optional<QString> StaffAccounts::endReason(const SessionRow &session, qint64 nowMs) const
{
    if (session.absoluteExpiresMs <= nowMs)
        return u"session lifetime over"_s;
    if (session.lastUsedMs + qint64(m_settings.idleTimeoutSeconds) * 1000 <= nowMs)
        return u"idle timeout"_s;
    return std::nullopt;
}

Result<StaffPrincipal> StaffAccounts::authenticate(const QByteArray &authorizationHeader,
                                                   const QString &sourceAddress)
{
    Q_UNUSED(sourceAddress)
    const Error ended = refusal(codes::StaffSessionEnded);
    const QByteArray header = authorizationHeader.trimmed();
    if (header.size() < 8 || header.size() > 256
        || !header.first(7).toLower().startsWith("bearer "))
        return ended;
    const QString token = QString::fromLatin1(header.mid(7).trimmed());
    if (token.isEmpty())
        return ended;
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();

    QSqlDatabase db = m_database.connection();
    auto found = runQuery(
        db,
        u"SELECT t.expires_at, s.id, s.last_used_at, s.absolute_expires_at, s.ended_at, "
        "u.disabled_at, u.id, u.username, u.display_name, u.institution_id, u.role, u.branch_id "
        "FROM staff_tokens t JOIN staff_sessions s ON s.id = t.session_id "
        "JOIN staff_users u ON u.id = s.staff_id "
        "WHERE t.token_hash = ? AND t.kind = 'access'"_s,
        {tokenHash(token)}, u"check staff token"_s);
    if (!found)
        return found.error();
    QSqlQuery &q = found.value();
    if (!q.next())
        return ended;
    const SessionRow session {q.value(0).toLongLong(), q.value(1).toLongLong(),
                              q.value(2).toLongLong(), q.value(3).toLongLong(),
                              !q.value(4).isNull(),    !q.value(5).isNull()};
    if (session.ended || session.disabled || session.tokenExpiresMs <= nowMs)
        return ended;
    StaffPrincipal principal;
    principal.staffId = q.value(6).toLongLong();
    principal.sessionId = session.sessionId;
    principal.username = q.value(7).toString();
    principal.displayName = q.value(8).toString();
    principal.institutionId = q.value(9).toString();
    const QString roleText = q.value(10).toString();
    if (!q.value(11).isNull())
        principal.branchId = q.value(11).toLongLong();
    // Released before the writes below: on SQLite a statement not stepped to its end keeps
    // its read snapshot, and a write transaction begun on that connection after another
    // writer committed fails at once (SQLITE_BUSY_SNAPSHOT) instead of waiting its turn.
    q.finish();
    if (const std::optional<QString> why = endReason(session, nowMs)) {
        // Marked ended, so that the session list and the audit tell why it stopped.
        if (!write(u"UPDATE staff_sessions SET ended_at = ?, end_reason = ? "
                   "WHERE id = ? AND ended_at IS NULL"_s,
                   {nowMs, *why, session.sessionId}, u"end staff session"_s))
            qCWarning(lcStaffAuth) << "could not mark session" << session.sessionId << "ended";
        return ended;
    }
    const std::optional<StaffRole> role = roleFromName(roleText);
    if (!role)
        return Database::failure(u"read staff role"_s, roleText);
    principal.role = *role;
    // The idle clock needs the last use only to LastUseResolutionMs: most calls write nothing.
    if (nowMs - session.lastUsedMs >= LastUseResolutionMs) {
        if (Status noted = write(u"UPDATE staff_sessions SET last_used_at = ? WHERE id = ? "
                                 "AND last_used_at < ?"_s,
                                 {nowMs, session.sessionId, nowMs}, u"note staff session use"_s);
            !noted)
            return noted.error();
    }
    return principal;
}

Status StaffAccounts::recordFailure(qint64 staffId, qint64 nowMs)
{
    // One statement, so concurrent failures (on any instance) each count once: the row lock
    // orders them, and a locked account matches nothing (its counter does not run on). Reaching
    // the threshold sets the lock and starts the counter again for after it. Unknown users run
    // the same statement on id 0, which matches no row.
    const qint64 lockedUntil = nowMs + qint64(m_settings.signInLockMinutes) * 60 * 1000;
    const Result<bool> locked = m_database.transaction<bool>([&](QSqlDatabase &db) -> Result<bool> {
        auto counted = runQuery(
            db,
            u"UPDATE staff_users SET "
            "failed_logins = CASE WHEN failed_logins + 1 >= CAST(? AS INTEGER) THEN 0 "
            "ELSE failed_logins + 1 END, "
            "locked_until = CASE WHEN failed_logins + 1 >= CAST(? AS INTEGER) "
            "THEN CAST(? AS BIGINT) ELSE locked_until END "
            "WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?) "
            "RETURNING locked_until"_s,
            {m_settings.maxFailedSignIns, m_settings.maxFailedSignIns, lockedUntil, staffId, nowMs},
            u"count failed sign-in"_s);
        if (!counted)
            return counted.error();
        return counted.value().next() && counted.value().value(0).toLongLong() == lockedUntil;
    });
    if (!locked)
        return locked.error();
    if (locked.value())
        qCWarning(lcStaffAuth) << "staff user" << staffId << "locked after"
                               << m_settings.maxFailedSignIns << "failed sign-ins";
    return Success {};
}

Result<StaffSignIn> StaffAccounts::signIn(const QString &username, const QString &password,
                                          const QString &totp, const QString &sourceAddress)
{
    const QDateTime now = m_clock.now();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const Error signInFailed = refusal(codes::StaffSignInFailed);
    QSqlDatabase db = m_database.connection();

    // Writes go through Database::transaction, so that SQLite writers queue on its mutex.
    const Result<bool> allowed = m_database.transaction<bool>([&](QSqlDatabase &tx) {
        return RateLimiter::allow(tx, u"staff-sign-in:"_s + sourceAddress, 60,
                                  m_settings.signInsPerAddressPerMinute, nowMs);
    });
    if (!allowed)
        return allowed.error();
    if (!allowed.value()) {
        qCInfo(lcStaffAuth) << "sign-in rate limit reached for an address";
        return refusal(codes::TooManyRequests);
    }

    struct Candidate
    {
        qint64 id = 0;
        QString passwordHash;
        QByteArray sealedTotp;
        std::optional<qint64> totpLastStep;
        qint64 lockedUntil = 0;
        bool disabled = false;
        bool institutionRequiresTotp = false;
    };
    std::optional<Candidate> user;
    if (isValidUsername(username) && password.size() <= MaxPasswordLength) {
        auto found =
            runQuery(db,
                     u"SELECT u.id, u.password_hash, u.totp_secret, u.totp_last_step, "
                     "u.locked_until, u.disabled_at, i.totp_required FROM staff_users u "
                     "JOIN institutions i ON i.id = u.institution_id WHERE u.username = ?"_s,
                     {username}, u"find staff user"_s);
        if (!found)
            return found.error();
        QSqlQuery &q = found.value();
        if (q.next()) {
            user = Candidate {q.value(0).toLongLong(),
                              q.value(1).toString(),
                              q.value(2).toByteArray(),
                              q.value(3).isNull() ? std::nullopt
                                                  : std::optional(q.value(3).toLongLong()),
                              q.value(4).toLongLong(),
                              !q.value(5).isNull(),
                              q.value(6).toInt() != 0};
        }
    }
    // The Argon2id verification runs whether or not the user exists (against a fixed dummy
    // hash), and before any other check: every refusal takes the same time.
    const bool passwordMatches =
        PasswordHasher::verify(user ? user->passwordHash : PasswordHasher::dummyHash(),
                               password.left(MaxPasswordLength))
        && user;
    if (!user) {
        if (Status counted = recordFailure(0, nowMs); !counted)
            return counted.error();
        qCInfo(lcStaffAuth) << "sign-in refused: unknown user name";
        return signInFailed;
    }
    if (user->disabled || user->lockedUntil > nowMs) {
        qCInfo(lcStaffAuth) << "sign-in refused: staff user" << user->id
                            << (user->disabled ? "is disabled" : "is locked");
        return signInFailed;
    }
    if (!passwordMatches) {
        if (Status counted = recordFailure(user->id, nowMs); !counted)
            return counted.error();
        qCInfo(lcStaffAuth) << "sign-in refused: wrong password for staff user" << user->id;
        return signInFailed;
    }

    std::optional<qint64> totpStep;
    const bool hasTotp = !user->sealedTotp.isEmpty();
    if (user->institutionRequiresTotp || hasTotp) {
        if (!hasTotp) {
            qCWarning(lcStaffAuth)
                << "sign-in refused: the institution requires TOTP and staff "
                   "user"
                << user->id << "has none (auth-backend staff reset-totp gives one)";
            return signInFailed;
        }
        if (totp.trimmed().isEmpty())
            return refusal(codes::StaffSecondFactorRequired);
        const std::optional<QByteArray> secret = m_sealer.open(user->sealedTotp, username.toUtf8());
        if (!secret) {
            qCWarning(lcStaffAuth) << "the TOTP secret of staff user" << user->id
                                   << "does not open under this server key";
            return signInFailed;
        }
        totpStep = Totp::verify(*secret, totp, now.toSecsSinceEpoch(), user->totpLastStep);
        if (!totpStep) {
            if (Status counted = recordFailure(user->id, nowMs); !counted)
                return counted.error();
            qCInfo(lcStaffAuth) << "sign-in refused: wrong or reused TOTP code for staff user"
                                << user->id;
            return signInFailed;
        }
    }

    // Hashes made with older parameters are replaced while the password is at hand.
    std::optional<QString> rehashed;
    if (PasswordHasher::needsRehash(user->passwordHash)) {
        if (const Result<QString> made = PasswordHasher::hash(password))
            rehashed = made.value();
    }

    bool refused = false;
    Result<StaffSignIn> signedIn =
        m_database.transaction<StaffSignIn>([&](QSqlDatabase &tx) -> Result<StaffSignIn> {
            // The account may have been locked or disabled since it was read, and the TOTP step
            // used by a concurrent sign-in: each is checked again in the statement that writes.
            auto reset = runQuery(tx,
                                  u"UPDATE staff_users SET failed_logins = 0 WHERE id = ? "
                                  "AND disabled_at IS NULL "
                                  "AND (locked_until IS NULL OR locked_until <= ?) RETURNING id"_s,
                                  {user->id, nowMs}, u"reset failed sign-ins"_s);
            if (!reset)
                return reset.error();
            if (!reset.value().next()) {
                refused = true;
                return Error {};
            }
            if (totpStep) {
                auto used = runQuery(tx,
                                     u"UPDATE staff_users SET totp_last_step = ? WHERE id = ? "
                                     "AND (totp_last_step IS NULL OR totp_last_step < ?) "
                                     "RETURNING id"_s,
                                     {*totpStep, user->id, *totpStep}, u"use TOTP step"_s);
                if (!used)
                    return used.error();
                if (!used.value().next()) {
                    refused = true;
                    return Error {};
                }
            }
            if (rehashed) {
                if (auto stored = runQuery(tx,
                                           u"UPDATE staff_users SET password_hash = ? "
                                           "WHERE id = ?"_s,
                                           {*rehashed, user->id}, u"rehash password"_s);
                    !stored)
                    return stored.error();
            }
            const qint64 absoluteMs = nowMs + qint64(m_settings.sessionHours) * 3600 * 1000;
            auto session = runQuery(tx,
                                    u"INSERT INTO staff_sessions (staff_id, created_at, "
                                    "last_used_at, absolute_expires_at, source_address) "
                                    "VALUES (?, ?, ?, ?, ?) RETURNING id"_s,
                                    {user->id, nowMs, nowMs, absoluteMs, sourceAddress.left(64)},
                                    u"create staff session"_s);
            if (!session)
                return session.error();
            if (!session.value().next())
                return Database::failure(u"create staff session"_s, u"no id returned"_s);
            const qint64 sessionId = session.value().value(0).toLongLong();
            Result<StaffSignIn> issued = issue(tx, sessionId, absoluteMs, nowMs);
            if (!issued)
                return issued;
            return describe(tx, user->id, issued.value());
        });
    if (refused) {
        qCInfo(lcStaffAuth) << "sign-in refused: staff user" << user->id
                            << "was locked or its TOTP step used meanwhile";
        return signInFailed;
    }
    if (signedIn)
        qCInfo(lcStaffAuth) << "staff user" << user->id << "signed in, session"
                            << signedIn->principal.sessionId;
    return signedIn;
}

Result<StaffSignIn> StaffAccounts::issue(QSqlDatabase &db, qint64 sessionId,
                                         qint64 absoluteExpiresMs, qint64 nowMs)
{
    StaffSignIn signIn;
    signIn.accessToken = crypto::randomToken(32);
    signIn.refreshToken = crypto::randomToken(32);
    const qint64 accessExpiresMs =
        std::min(nowMs + qint64(m_settings.accessTokenSeconds) * 1000, absoluteExpiresMs);
    for (const auto &[token, kind, expires] :
         {std::tuple {signIn.accessToken, u"access"_s, accessExpiresMs},
          std::tuple {signIn.refreshToken, u"refresh"_s, absoluteExpiresMs}}) {
        auto stored =
            runQuery(db,
                     u"INSERT INTO staff_tokens (token_hash, session_id, kind, "
                     "issued_at, expires_at) VALUES (?, ?, ?, ?, ?)"_s,
                     {tokenHash(token), sessionId, kind, nowMs, expires}, u"store staff token"_s);
        if (!stored)
            return stored.error();
    }
    signIn.expiresIn = int((accessExpiresMs - nowMs) / 1000);
    signIn.sessionExpiresAt = QDateTime::fromMSecsSinceEpoch(absoluteExpiresMs, Qt::UTC);
    signIn.principal.sessionId = sessionId;
    return signIn;
}

Result<StaffSignIn> StaffAccounts::describe(QSqlDatabase &db, qint64 staffId, StaffSignIn signIn)
{
    auto found = runQuery(db,
                          u"SELECT u.username, u.display_name, u.institution_id, u.role, "
                          "u.branch_id, i.name, b.code, b.name, i.support_desk FROM staff_users u "
                          "JOIN institutions i ON i.id = u.institution_id "
                          "LEFT JOIN branches b ON b.id = u.branch_id WHERE u.id = ?"_s,
                          {staffId}, u"read staff user"_s);
    if (!found)
        return found.error();
    QSqlQuery &q = found.value();
    if (!q.next())
        return Database::failure(u"read staff user"_s, u"gone"_s);
    StaffPrincipal &p = signIn.principal;
    p.staffId = staffId;
    p.username = q.value(0).toString();
    p.displayName = q.value(1).toString();
    p.institutionId = q.value(2).toString();
    const std::optional<StaffRole> role = roleFromName(q.value(3).toString());
    if (!role)
        return Database::failure(u"read staff role"_s, q.value(3).toString());
    p.role = *role;
    if (!q.value(4).isNull())
        p.branchId = q.value(4).toLongLong();
    signIn.institutionName = q.value(5).toString();
    signIn.branchCode = q.value(6).toString();
    signIn.branchName = q.value(7).toString();
    signIn.supportDesk = q.value(8).toString();
    signIn.idleTimeoutSeconds = m_settings.idleTimeoutSeconds;
    return signIn;
}

Result<StaffSignIn> StaffAccounts::refresh(const QString &refreshToken,
                                           const QString &sourceAddress)
{
    Q_UNUSED(sourceAddress)
    const Error ended = refusal(codes::StaffSessionEnded);
    if (refreshToken.isEmpty() || refreshToken.size() > 256)
        return ended;
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    bool refused = false;
    Result<StaffSignIn> refreshed =
        m_database.transaction<StaffSignIn>([&](QSqlDatabase &db) -> Result<StaffSignIn> {
            // Of two concurrent uses of one refresh token only one gets the row.
            auto rotated =
                runQuery(db,
                         u"UPDATE staff_tokens SET rotated_at = ? WHERE token_hash = ? "
                         "AND kind = 'refresh' AND rotated_at IS NULL "
                         "AND expires_at > ? RETURNING session_id"_s,
                         {nowMs, tokenHash(refreshToken), nowMs}, u"rotate staff refresh token"_s);
            if (!rotated)
                return rotated.error();
            if (!rotated.value().next()) {
                refused = true;
                auto reused = runQuery(db,
                                       u"SELECT session_id FROM staff_tokens WHERE token_hash = ? "
                                       "AND kind = 'refresh' AND rotated_at IS NOT NULL"_s,
                                       {tokenHash(refreshToken)}, u"check refresh reuse"_s);
                if (!reused)
                    return reused.error();
                if (!reused.value().next())
                    return Error {};
                // Presented a second time, it may have been stolen: the whole session ends
                // (the OAuth security BCP's answer for refresh tokens). The refusal commits.
                const qint64 sessionId = reused.value().value(0).toLongLong();
                qCWarning(lcStaffAuth) << "staff refresh token reused: ending session" << sessionId;
                auto endedNow =
                    runQuery(db,
                             u"UPDATE staff_sessions SET ended_at = ?, end_reason = "
                             "'refresh token reused' WHERE id = ? AND ended_at IS NULL"_s,
                             {nowMs, sessionId}, u"end staff session"_s);
                if (!endedNow)
                    return endedNow.error();
                return ended;
            }
            const qint64 sessionId = rotated.value().value(0).toLongLong();
            auto found = runQuery(db,
                                  u"SELECT s.staff_id, s.last_used_at, s.absolute_expires_at, "
                                  "s.ended_at, u.disabled_at FROM staff_sessions s "
                                  "JOIN staff_users u ON u.id = s.staff_id WHERE s.id = ?"_s,
                                  {sessionId}, u"read staff session"_s);
            if (!found)
                return found.error();
            QSqlQuery &q = found.value();
            if (!q.next())
                return Database::failure(u"read staff session"_s, u"gone"_s);
            const qint64 staffId = q.value(0).toLongLong();
            const SessionRow session {0,
                                      sessionId,
                                      q.value(1).toLongLong(),
                                      q.value(2).toLongLong(),
                                      !q.value(3).isNull(),
                                      !q.value(4).isNull()};
            if (session.ended || session.disabled) {
                refused = true;
                return Error {};
            }
            if (const std::optional<QString> why = endReason(session, nowMs)) {
                refused = true;
                auto endedNow = runQuery(db,
                                         u"UPDATE staff_sessions SET ended_at = ?, end_reason = ? "
                                         "WHERE id = ? AND ended_at IS NULL"_s,
                                         {nowMs, *why, sessionId}, u"end staff session"_s);
                if (!endedNow)
                    return endedNow.error();
                return ended;
            }
            Result<StaffSignIn> issued = issue(db, sessionId, session.absoluteExpiresMs, nowMs);
            if (!issued)
                return issued;
            return describe(db, staffId, issued.value());
        });
    if (refused)
        return ended;
    return refreshed;
}

Status StaffAccounts::write(const QString &sql, const QVariantList &values, const QString &what)
{
    return m_database.transaction<Success>([&](QSqlDatabase &db) -> Status {
        auto done = runQuery(db, sql, values, what);
        if (!done)
            return done.error();
        return Success {};
    });
}

Status StaffAccounts::signOut(const StaffPrincipal &principal)
{
    if (Status done =
            write(u"UPDATE staff_sessions SET ended_at = ?, end_reason = 'signed out' "
                  "WHERE id = ? AND ended_at IS NULL"_s,
                  {m_clock.now().toMSecsSinceEpoch(), principal.sessionId}, u"sign out"_s);
        !done)
        return done;
    qCInfo(lcStaffAuth) << "staff user" << principal.staffId << "signed out, session"
                        << principal.sessionId;
    return Success {};
}

Result<qint64> StaffAccounts::staffIdOf(const QSqlDatabase &db, const QString &username)
{
    auto found = runQuery(db, u"SELECT id FROM staff_users WHERE username = ?"_s, {username},
                          u"find staff user"_s);
    if (!found)
        return found.error();
    if (!found.value().next())
        return refusal(codes::StaffNotFound, u"no staff user '%1'"_s.arg(username.left(64)));
    return found.value().value(0).toLongLong();
}

Result<QString> StaffAccounts::provision(const QSqlDatabase &db, qint64 staffId,
                                         const QString &username, const QString &institutionId)
{
    auto institution = runQuery(db, u"SELECT name FROM institutions WHERE id = ?"_s,
                                {institutionId}, u"read institution"_s);
    if (!institution)
        return institution.error();
    const QString issuer =
        institution.value().next() ? institution.value().value(0).toString() : institutionId;
    const QByteArray secret = Totp::generateSecret();
    auto stored =
        runQuery(db,
                 u"UPDATE staff_users SET totp_secret = ?, totp_last_step = NULL "
                 "WHERE id = ?"_s,
                 {m_sealer.seal(secret, username.toUtf8()), staffId}, u"store TOTP secret"_s);
    if (!stored)
        return stored.error();
    return Totp::provisioningUri(secret, issuer, username);
}

Result<QString> StaffAccounts::addStaff(const NewStaff &staff)
{
    if (!isValidUsername(staff.username))
        return invalid(u"the user name must be 1 to 64 characters of A-Z a-z 0-9 . _ @ -"_s);
    if (staff.displayName.trimmed().isEmpty() || staff.displayName.size() > 100)
        return invalid(u"the display name must be 1 to 100 characters"_s);
    if (staff.role == StaffRole::Teller && staff.branchCode.isEmpty())
        return invalid(u"a teller needs a branch (--branch CODE)"_s);
    if (Status policy = checkPassword(staff.password); !policy)
        return policy.error();
    const Result<QString> passwordHash = PasswordHasher::hash(staff.password);
    if (!passwordHash)
        return passwordHash.error();
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    return m_database.transaction<QString>([&](QSqlDatabase &db) -> Result<QString> {
        auto institution = runQuery(db, u"SELECT 1 FROM institutions WHERE id = ?"_s,
                                    {staff.institutionId}, u"find institution"_s);
        if (!institution)
            return institution.error();
        if (!institution.value().next())
            return invalid(u"no institution '%1'"_s.arg(staff.institutionId.left(64)));
        QVariant branchId;
        if (!staff.branchCode.isEmpty()) {
            auto branch =
                runQuery(db, u"SELECT id FROM branches WHERE institution_id = ? AND code = ?"_s,
                         {staff.institutionId, staff.branchCode}, u"find branch"_s);
            if (!branch)
                return branch.error();
            if (!branch.value().next())
                return invalid(u"institution '%1' has no branch '%2'"_s.arg(
                    staff.institutionId.left(64), staff.branchCode.left(16)));
            branchId = branch.value().value(0).toLongLong();
        } else {
            branchId = QVariant(QMetaType::fromType<qint64>());
        }
        auto taken = runQuery(db, u"SELECT 1 FROM staff_users WHERE username = ?"_s,
                              {staff.username}, u"check user name"_s);
        if (!taken)
            return taken.error();
        if (taken.value().next())
            return invalid(u"the user name '%1' is taken"_s.arg(staff.username));
        auto added = runQuery(db,
                              u"INSERT INTO staff_users (institution_id, username, display_name, "
                              "role, branch_id, password_hash, created_at, password_changed_at) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                              {staff.institutionId, staff.username, staff.displayName.trimmed(),
                               roleName(staff.role), branchId, passwordHash.value(), nowMs, nowMs},
                              u"add staff user"_s);
        if (!added)
            return added.error();
        if (!added.value().next())
            return Database::failure(u"add staff user"_s, u"no id returned"_s);
        const qint64 id = added.value().value(0).toLongLong();
        qCInfo(lcStaffAuth).noquote()
            << "staff user" << id << "added:" << staff.username << roleName(staff.role);
        if (!staff.withTotp)
            return QString();
        return provision(db, id, staff.username, staff.institutionId);
    });
}

Status StaffAccounts::setPassword(const QString &username, const QString &password)
{
    if (Status policy = checkPassword(password); !policy)
        return policy;
    const Result<QString> passwordHash = PasswordHasher::hash(password);
    if (!passwordHash)
        return failed(passwordHash);
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    return m_database.transaction<Success>([&](QSqlDatabase &db) -> Status {
        const Result<qint64> id = staffIdOf(db, username);
        if (!id)
            return failed(id);
        auto updated =
            runQuery(db,
                     u"UPDATE staff_users SET password_hash = ?, password_changed_at = ?, "
                     "failed_logins = 0, locked_until = NULL WHERE id = ?"_s,
                     {passwordHash.value(), nowMs, id.value()}, u"set password"_s);
        if (!updated)
            return failed(updated);
        auto ended = runQuery(db,
                              u"UPDATE staff_sessions SET ended_at = ?, end_reason = "
                              "'password changed' WHERE staff_id = ? AND ended_at IS NULL"_s,
                              {nowMs, id.value()}, u"end staff sessions"_s);
        if (!ended)
            return failed(ended);
        return Success {};
    });
}

Status StaffAccounts::disable(const QString &username)
{
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    return m_database.transaction<Success>([&](QSqlDatabase &db) -> Status {
        const Result<qint64> id = staffIdOf(db, username);
        if (!id)
            return failed(id);
        auto updated = runQuery(db,
                                u"UPDATE staff_users SET disabled_at = ? WHERE id = ? "
                                "AND disabled_at IS NULL"_s,
                                {nowMs, id.value()}, u"disable staff user"_s);
        if (!updated)
            return failed(updated);
        auto ended = runQuery(db,
                              u"UPDATE staff_sessions SET ended_at = ?, end_reason = "
                              "'account disabled' WHERE staff_id = ? AND ended_at IS NULL"_s,
                              {nowMs, id.value()}, u"end staff sessions"_s);
        if (!ended)
            return failed(ended);
        return Success {};
    });
}

Status StaffAccounts::enable(const QString &username)
{
    return m_database.transaction<Success>([&](QSqlDatabase &db) -> Status {
        const Result<qint64> id = staffIdOf(db, username);
        if (!id)
            return failed(id);
        auto updated = runQuery(db,
                                u"UPDATE staff_users SET disabled_at = NULL, failed_logins = 0, "
                                "locked_until = NULL WHERE id = ?"_s,
                                {id.value()}, u"enable staff user"_s);
        if (!updated)
            return failed(updated);
        return Success {};
    });
}

Result<QString> StaffAccounts::resetTotp(const QString &username)
{
    return m_database.transaction<QString>([&](QSqlDatabase &db) -> Result<QString> {
        auto found =
            runQuery(db, u"SELECT id, institution_id FROM staff_users WHERE username = ?"_s,
                     {username}, u"find staff user"_s);
        if (!found)
            return found.error();
        if (!found.value().next())
            return refusal(codes::StaffNotFound, u"no staff user '%1'"_s.arg(username.left(64)));
        return provision(db, found.value().value(0).toLongLong(), username,
                         found.value().value(1).toString());
    });
}

Result<QList<StaffRecord>> StaffAccounts::list(const QString &institutionId)
{
    auto rows = runQuery(m_database.connection(),
                         u"SELECT u.id, u.institution_id, u.username, u.display_name, u.role, "
                         "b.code, u.totp_secret IS NOT NULL, u.disabled_at, u.locked_until, "
                         "u.created_at, u.password_changed_at FROM staff_users u "
                         "LEFT JOIN branches b ON b.id = u.branch_id "
                         "WHERE ? = '' OR u.institution_id = ? "
                         "ORDER BY u.institution_id, u.username"_s,
                         {institutionId, institutionId}, u"list staff users"_s);
    if (!rows)
        return rows.error();
    QList<StaffRecord> records;
    QSqlQuery &q = rows.value();
    while (q.next()) {
        StaffRecord r;
        r.id = q.value(0).toLongLong();
        r.institutionId = q.value(1).toString();
        r.username = q.value(2).toString();
        r.displayName = q.value(3).toString();
        r.role = roleFromName(q.value(4).toString()).value_or(StaffRole::Teller);
        r.branchCode = q.value(5).toString();
        r.hasTotp = q.value(6).toBool();
        r.disabledAt = fromMs(q.value(7));
        r.lockedUntil = fromMs(q.value(8));
        r.createdAt = fromMs(q.value(9));
        r.passwordChangedAt = fromMs(q.value(10));
        records.append(r);
    }
    return records;
}

protocol::StaffSession sessionAnswer(const StaffSignIn &signIn)
{
    const StaffPrincipal &p = signIn.principal;
    return {.accessToken = signIn.accessToken,
            .tokenType = u"Bearer"_s,
            .expiresIn = signIn.expiresIn,
            .refreshToken = signIn.refreshToken,
            .sessionExpiresAt = signIn.sessionExpiresAt,
            .username = p.username,
            .displayName = p.displayName,
            .role = roleName(p.role),
            .institution = p.institutionId,
            .institutionName = signIn.institutionName,
            .branchCode = signIn.branchCode,
            .branchName = signIn.branchName,
            .idleTimeoutSeconds = signIn.idleTimeoutSeconds,
            .supportDesk = signIn.supportDesk};
}

} // namespace tc::backend::staff
