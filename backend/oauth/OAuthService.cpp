#include "OAuthService.h"

#include "Crypto.h"
#include "ErrorCodes.h"

#include <QLoggingCategory>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcOAuth, "tc.backend.oauth")

namespace tc::backend {

namespace {

OAuthError oauthError(const QString &error, QLatin1StringView code, int status = 400)
{
    return OAuthError {error, QString(code), status};
}

const OAuthError serverError {u"server_error"_s, u"A03"_s, 500};

QByteArray hashOf(const QString &token)
{
    return crypto::sha256(token.toLatin1());
}

// RFC 7636 §4.1: 43 to 128 characters of the unreserved set.
bool isValidVerifier(const QString &verifier)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9._~-]{43,128}$"_s);
    return pattern.match(verifier).hasMatch();
}

QString s256(const QString &verifier)
{
    return QString::fromLatin1(
        crypto::sha256(verifier.toLatin1())
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

OAuthService::OAuthService(Database &database, const Clock &clock, OAuthSettings settings)
    : m_database(database), m_clock(clock), m_settings(settings)
{ }

OAuthResult<qint64> OAuthService::authenticateClient(QSqlDatabase &db,
                                                     const ClientCredentials &client)
{
    if (client.clientId.isEmpty() || client.clientSecret.isEmpty())
        return oauthError(u"invalid_client"_s, codes::Unauthorized, 401);
    auto query = runQuery(db, u"SELECT id, secret_hash FROM client_apps WHERE client_id = ?"_s,
                          {client.clientId}, u"find client"_s);
    if (!query)
        return serverError;
    // The hash is compared even for unknown clients, so timing does not reveal client ids.
    const bool known = query.value().next();
    const QByteArray stored = known ? query.value().value(1).toByteArray() : QByteArray(32, '\0');
    const bool matches =
        crypto::constantTimeEquals(stored, crypto::sha256(client.clientSecret.toUtf8()));
    if (!known || !matches)
        return oauthError(u"invalid_client"_s, codes::Unauthorized, 401);
    return query.value().value(0).toLongLong();
}

Result<TokenGrant> OAuthService::issueTokens(QSqlDatabase &db, qint64 linkageId,
                                             const QString &scope, qint64 refreshExpiresMs,
                                             qint64 nowMs)
{
    TokenGrant grant {crypto::randomToken(32), crypto::randomToken(32),
                      m_settings.accessTokenSeconds, scope};
    const qint64 accessExpiresMs =
        std::min(nowMs + qint64(m_settings.accessTokenSeconds) * 1000, refreshExpiresMs);
    for (const auto &[token, kind, expires] :
         {std::tuple {grant.accessToken, u"access"_s, accessExpiresMs},
          std::tuple {grant.refreshToken, u"refresh"_s, refreshExpiresMs}}) {
        auto stored = runQuery(db,
                               u"INSERT INTO tokens (token_hash, linkage_id, kind, issued_at, "
                               "expires_at) VALUES (?, ?, ?, ?, ?)"_s,
                               {hashOf(token), linkageId, kind, nowMs, expires}, u"store token"_s);
        if (!stored)
            return stored.error();
    }
    grant.expiresIn = int((accessExpiresMs - nowMs) / 1000);
    return grant;
}

Status OAuthService::revokeGrant(QSqlDatabase &db, qint64 linkageId, const QString &reason,
                                 qint64 nowMs)
{
    auto tokens = runQuery(db,
                           u"UPDATE tokens SET revoked_at = ? WHERE linkage_id = ? "
                           "AND revoked_at IS NULL"_s,
                           {nowMs, linkageId}, u"revoke tokens"_s);
    if (!tokens)
        return tokens.error();
    auto linkage = runQuery(db,
                            u"UPDATE linkages SET revoked_at = ?, revoked_by = 'system', "
                            "revoke_reason = ? WHERE id = ? AND revoked_at IS NULL"_s,
                            {nowMs, reason, linkageId}, u"revoke linkage"_s);
    if (!linkage)
        return linkage.error();
    return Success {};
}

template<typename T>
OAuthResult<T> OAuthService::asClient(const ClientCredentials &client, const ClientWork<T> &work)
{
    std::optional<OAuthError> refusal;
    const Result<T> done = m_database.transaction<T>([&](QSqlDatabase &db) -> Result<T> {
        const OAuthResult<qint64> clientApp = authenticateClient(db, client);
        if (!clientApp) {
            refusal = clientApp.error();
            return Error {};
        }
        bool keepChanges = false;
        OAuthResult<T> answer = work(db, clientApp.value(), keepChanges);
        if (answer)
            return answer.value();
        refusal = answer.error();
        // A refusal that ended a grant must keep that: an Error with its catalog code commits.
        return keepChanges ? Error {answer.error().code, {}} : Error {};
    });
    if (refusal)
        return *refusal;
    if (!done)
        return serverError;
    return done.value();
}

OAuthError OAuthService::refuseReuse(QSqlDatabase &db, const QString &findGrantSql,
                                     const QString &token, const QString &reason,
                                     QLatin1StringView code, qint64 nowMs, bool &keepChanges)
{
    auto reused = runQuery(db, findGrantSql, {hashOf(token)}, u"check reuse"_s);
    if (!reused)
        return serverError;
    if (!reused.value().next())
        return oauthError(u"invalid_grant"_s, codes::Unauthorized);
    // Presented a second time, it may have been stolen: end what its first use granted
    // (RFC 6749 §4.1.2 for codes, the OAuth security BCP for refresh tokens).
    const qint64 linkage = reused.value().value(0).toLongLong();
    qCWarning(lcOAuth).noquote() << reason << "- revoking linkage" << linkage;
    if (!revokeGrant(db, linkage, reason, nowMs))
        return serverError;
    keepChanges = true;
    return oauthError(u"invalid_grant"_s, code);
}

OAuthResult<TokenGrant> OAuthService::exchangeCode(const ClientCredentials &client,
                                                   const QString &code, const QString &redirectUri,
                                                   const QString &codeVerifier)
{
    if (code.isEmpty() || redirectUri.isEmpty() || codeVerifier.isEmpty())
        return oauthError(u"invalid_request"_s, codes::MalformedRequest);
    if (!isValidVerifier(codeVerifier))
        return oauthError(u"invalid_grant"_s, codes::MalformedRequest);
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    return asClient<TokenGrant>(
        client,
        [&](QSqlDatabase &db, qint64 clientAppId, bool &keepChanges) -> OAuthResult<TokenGrant> {
            // Single use, at once: of two concurrent exchanges of one code only one gets a row.
            auto claimed =
                runQuery(db,
                         u"UPDATE authorization_codes SET used_at = ? WHERE code_hash = ? "
                         "AND used_at IS NULL AND expires_at > ? "
                         "RETURNING linkage_id, redirect_uri, code_challenge"_s,
                         {nowMs, hashOf(code), nowMs}, u"claim code"_s);
            if (!claimed)
                return serverError;
            QSqlQuery &c = claimed.value();
            if (!c.next()) {
                return refuseReuse(db,
                                   u"SELECT linkage_id FROM authorization_codes "
                                   "WHERE code_hash = ? AND used_at IS NOT NULL"_s,
                                   code, u"authorization code reused"_s, codes::Unauthorized, nowMs,
                                   keepChanges);
            }
            const qint64 linkageId = c.value(0).toLongLong();
            const QString storedRedirect = c.value(1).toString();
            const QString challenge = c.value(2).toString();
            auto linkage = runQuery(db,
                                    u"SELECT client_app_id, scope, expires_at FROM linkages "
                                    "WHERE id = ? AND revoked_at IS NULL"_s,
                                    {linkageId}, u"read linkage"_s);
            if (!linkage)
                return serverError;
            QSqlQuery &l = linkage.value();
            if (!l.next() || l.value(0).toLongLong() != clientAppId || storedRedirect != redirectUri
                || !crypto::constantTimeEquals(s256(codeVerifier).toLatin1(), challenge.toLatin1()))
                return oauthError(u"invalid_grant"_s, codes::Unauthorized);
            const Result<TokenGrant> issued =
                issueTokens(db, linkageId, l.value(1).toString(), l.value(2).toLongLong(), nowMs);
            return issued ? OAuthResult<TokenGrant>(issued.value()) : serverError;
        });
}

OAuthResult<TokenGrant> OAuthService::refresh(const ClientCredentials &client,
                                              const QString &refreshToken)
{
    if (refreshToken.isEmpty())
        return oauthError(u"invalid_request"_s, codes::MalformedRequest);
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    return asClient<TokenGrant>(
        client,
        [&](QSqlDatabase &db, qint64 clientAppId, bool &keepChanges) -> OAuthResult<TokenGrant> {
            auto rotated =
                runQuery(db,
                         u"UPDATE tokens SET rotated_at = ? WHERE token_hash = ? "
                         "AND kind = 'refresh' AND rotated_at IS NULL "
                         "AND revoked_at IS NULL AND expires_at > ? "
                         "RETURNING linkage_id, expires_at"_s,
                         {nowMs, hashOf(refreshToken), nowMs}, u"rotate refresh token"_s);
            if (!rotated)
                return serverError;
            QSqlQuery &r = rotated.value();
            if (!r.next()) {
                return refuseReuse(db,
                                   u"SELECT linkage_id FROM tokens WHERE token_hash = ? "
                                   "AND kind = 'refresh' AND rotated_at IS NOT NULL"_s,
                                   refreshToken, u"refresh token reused"_s, codes::LinkageRevoked,
                                   nowMs, keepChanges);
            }
            const qint64 linkageId = r.value(0).toLongLong();
            const qint64 refreshExpires = r.value(1).toLongLong();
            auto linkage =
                runQuery(db,
                         u"SELECT l.client_app_id, l.scope, l.expires_at, l.revoked_at, a.status, "
                         "ci.suspended_at FROM linkages l JOIN accounts a ON a.id = l.account_id "
                         "JOIN client_app_institutions ci ON ci.client_app_id = l.client_app_id "
                         "AND ci.institution_id = l.institution_id WHERE l.id = ?"_s,
                         {linkageId}, u"read linkage"_s);
            if (!linkage || !linkage.value().next())
                return serverError;
            QSqlQuery &l = linkage.value();
            if (l.value(0).toLongLong() != clientAppId)
                return oauthError(u"invalid_grant"_s, codes::Unauthorized);
            if (!l.value(3).isNull())
                return oauthError(u"invalid_grant"_s, codes::LinkageRevoked);
            if (l.value(4).toString() != u"active"_s)
                return oauthError(u"invalid_grant"_s, codes::AccountMoved);
            if (!l.value(5).isNull())
                return oauthError(u"invalid_grant"_s, codes::ClientSuspended);
            if (l.value(2).toLongLong() <= nowMs)
                return oauthError(u"invalid_grant"_s, codes::LinkageExpired);
            const Result<TokenGrant> issued =
                issueTokens(db, linkageId, l.value(1).toString(), refreshExpires, nowMs);
            return issued ? OAuthResult<TokenGrant>(issued.value()) : serverError;
        });
}

OAuthResult<bool> OAuthService::revoke(const ClientCredentials &client, const QString &token)
{
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    return asClient<bool>(
        client, [&](QSqlDatabase &db, qint64 clientAppId, bool &) -> OAuthResult<bool> {
            if (token.isEmpty())
                return oauthError(u"invalid_request"_s, codes::MalformedRequest);
            auto found = runQuery(db,
                                  u"SELECT t.kind, t.linkage_id FROM tokens t "
                                  "JOIN linkages l ON l.id = t.linkage_id "
                                  "WHERE t.token_hash = ? AND l.client_app_id = ?"_s,
                                  {hashOf(token), clientAppId}, u"find token"_s);
            if (!found)
                return serverError;
            QSqlQuery &f = found.value();
            if (!f.next())
                return true; // RFC 7009 §2.2: an unknown token is not an error
            if (f.value(0).toString() == u"refresh"_s) {
                if (!revokeGrant(db, f.value(1).toLongLong(), u"revoked by the app"_s, nowMs))
                    return serverError;
                return true;
            }
            auto revoked = runQuery(db,
                                    u"UPDATE tokens SET revoked_at = ? WHERE token_hash = ? "
                                    "AND revoked_at IS NULL"_s,
                                    {nowMs, hashOf(token)}, u"revoke token"_s);
            if (!revoked)
                return serverError;
            return true;
        });
}

Result<LinkedAccount> OAuthService::authorize(const QString &accessToken)
{
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    const auto refuse = [](QLatin1StringView code) { return Error {QString(code), QString()}; };
    if (accessToken.isEmpty())
        return refuse(codes::Unauthorized);
    QSqlDatabase db = m_database.connection();
    auto query = runQuery(
        db,
        u"SELECT t.expires_at, t.revoked_at, l.id, l.account_id, l.institution_id, l.scope, "
        "l.expires_at, l.revoked_at, a.status, ci.suspended_at FROM tokens t "
        "JOIN linkages l ON l.id = t.linkage_id JOIN accounts a ON a.id = l.account_id "
        "JOIN client_app_institutions ci ON ci.client_app_id = l.client_app_id "
        "AND ci.institution_id = l.institution_id "
        "WHERE t.token_hash = ? AND t.kind = 'access'"_s,
        {hashOf(accessToken)}, u"check access token"_s);
    if (!query)
        return refuse(codes::SystemError);
    QSqlQuery &q = query.value();
    if (!q.next())
        return refuse(codes::Unauthorized);
    // The linkage's state explains more than the token's: say why it ended when it did.
    if (!q.value(7).isNull())
        return refuse(codes::LinkageRevoked);
    if (q.value(8).toString() != u"active"_s)
        return refuse(codes::AccountMoved);
    if (!q.value(9).isNull())
        return refuse(codes::ClientSuspended);
    if (q.value(6).toLongLong() <= nowMs)
        return refuse(codes::LinkageExpired);
    if (!q.value(1).isNull() || q.value(0).toLongLong() <= nowMs)
        return refuse(codes::Unauthorized);
    LinkedAccount linked {q.value(2).toLongLong(), q.value(3).toLongLong(), q.value(4).toString(),
                          q.value(5).toString()};
    // Finished before the write: on SQLite an open SELECT keeps its read snapshot, and the
    // write below would fail at once (not wait) if another connection has committed since.
    q.finish();
    // Only informs staff ("last used"); a failure here must not refuse the customer's app.
    if (!runQuery(db, u"UPDATE linkages SET last_used_at = ? WHERE id = ?"_s,
                  {nowMs, linked.linkageId}, u"note linkage use"_s))
        qCWarning(lcOAuth) << "could not note the use of linkage" << linked.linkageId;
    return linked;
}

} // namespace tc::backend
