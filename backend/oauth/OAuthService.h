#pragma once

#include "Clock.h"
#include "Database.h"
#include "Result.h"

#include <QString>

#include <functional>

namespace tc::backend {

struct OAuthSettings
{
    int accessTokenSeconds = 600; // short-lived: a leaked access token is worth ten minutes
};

struct ClientCredentials
{
    QString clientId;
    QString clientSecret;
};

struct TokenGrant
{
    QString accessToken;
    QString refreshToken;
    int expiresIn = 0;
    QString scope;
};

// What a valid bearer token gives access to.
struct LinkedAccount
{
    qint64 linkageId = 0;
    qint64 accountId = 0;
    QString institutionId;
    QString scope;
};

// An OAuth failure: the RFC 6749 error word for client libraries, plus the catalog code.
struct OAuthError
{
    QString error; // invalid_request, invalid_client, invalid_grant, unsupported_grant_type
    QString code; // catalog code
    int httpStatus = 400;
};

template<typename T>
using OAuthResult = Result<T, OAuthError>;

// The authorization server for the apps (confidential clients): authorization code with PKCE
// S256, rotating refresh tokens with reuse detection, RFC 7009 revocation, and the check of
// bearer tokens for the account API. Tokens carry 256 random bits and only their SHA-256 is
// stored.
class OAuthService final
{
    Q_DISABLE_COPY_MOVE(OAuthService)

public:
    OAuthService(Database &database, const Clock &clock, OAuthSettings settings = {});

    OAuthResult<TokenGrant> exchangeCode(const ClientCredentials &client, const QString &code,
                                         const QString &redirectUri, const QString &codeVerifier);
    OAuthResult<TokenGrant> refresh(const ClientCredentials &client, const QString &refreshToken);
    // RFC 7009: succeeds for unknown tokens too; revoking a refresh token ends its grant.
    OAuthResult<bool> revoke(const ClientCredentials &client, const QString &token);

    // The linkage behind a bearer access token, or the catalog code saying why it no longer
    // works (G08 unknown or expired token, F01 linkage over, F02 revoked, F03 account moved,
    // F04 app suspended).
    Result<LinkedAccount> authorize(const QString &accessToken);

private:
    // The work of a token or revocation call after the client has authenticated, inside one
    // transaction. Setting `keepChanges` commits what a refusal changed (a grant it ended).
    template<typename T>
    using ClientWork =
        std::function<OAuthResult<T>(QSqlDatabase &, qint64 clientAppId, bool &keepChanges)>;
    template<typename T>
    OAuthResult<T> asClient(const ClientCredentials &client, const ClientWork<T> &work);
    OAuthError refuseReuse(QSqlDatabase &db, const QString &findGrantSql, const QString &token,
                           const QString &reason, QLatin1StringView code, qint64 nowMs,
                           bool &keepChanges);
    OAuthResult<qint64> authenticateClient(QSqlDatabase &db, const ClientCredentials &client);
    Result<TokenGrant> issueTokens(QSqlDatabase &db, qint64 linkageId, const QString &scope,
                                   qint64 refreshExpiresMs, qint64 nowMs);
    Status revokeGrant(QSqlDatabase &db, qint64 linkageId, const QString &reason, qint64 nowMs);

    Database &m_database;
    const Clock &m_clock;
    OAuthSettings m_settings;
};

} // namespace tc::backend
