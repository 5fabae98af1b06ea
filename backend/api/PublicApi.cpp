#include "PublicApi.h"

#include "Crypto.h"
#include "ErrorCatalog.h"
#include "ErrorCodes.h"
#include "JsonInput.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApi, "tc.backend.api")

namespace tc::backend::api {

using http::HttpRequest;
using http::HttpResponse;

namespace {

RequestOrigin originOf(const HttpRequest &request)
{
    return RequestOrigin {request.peer.toString()};
}

HttpResponse errorResponse(const Error &error)
{
    return HttpResponse::error(QStringView(error.key));
}

QString isoUtc(const QDateTime &instant)
{
    return instant.toUTC().toString(Qt::ISODateWithMs);
}

// RFC 6749 §5.2 error bodies, with the catalog code every answer of ours carries.
HttpResponse oauthErrorResponse(const OAuthError &error)
{
    const CatalogEntry *entry = ErrorCatalog::builtIn().find(error.code);
    HttpResponse response = HttpResponse::json(
        error.httpStatus,
        QJsonObject {{u"error"_s, error.error},
                     {u"code"_s, error.code},
                     {u"message"_s, entry ? entry->customerMessage : QString()}});
    if (error.httpStatus == 401)
        response.setHeader("WWW-Authenticate", "Basic realm=\"oauth\"");
    return response;
}

// Client authentication at the token endpoint: HTTP Basic (client_secret_basic, RFC 6749
// §2.3.1, form-encoded parts) or the two form fields (client_secret_post).
Result<ClientCredentials, OAuthError> clientCredentials(const HttpRequest &request,
                                                        QHash<QString, QString> &form)
{
    const QByteArray authorization = request.header("authorization");
    ClientCredentials credentials;
    if (authorization.startsWith("Basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon < 0)
            return OAuthError {u"invalid_client"_s, QString(codes::Unauthorized), 401};
        credentials.clientId = QUrl::fromPercentEncoding(decoded.left(colon).replace('+', ' '));
        credentials.clientSecret =
            QUrl::fromPercentEncoding(decoded.mid(colon + 1).replace('+', ' '));
        if (form.contains(u"client_secret"_s))
            return OAuthError {u"invalid_request"_s, QString(codes::MalformedRequest), 400};
    } else {
        credentials.clientId = form.value(u"client_id"_s);
        credentials.clientSecret = form.value(u"client_secret"_s);
    }
    form.remove(u"client_secret"_s);
    return credentials;
}

// A call to the token or revocation endpoint: its form and the client's credentials.
struct ClientCall
{
    ClientCredentials credentials;
    QHash<QString, QString> form;
};

Result<ClientCall, OAuthError> clientCall(const HttpRequest &request)
{
    auto form = readForm(request);
    if (!form)
        return OAuthError {u"invalid_request"_s, QString(codes::MalformedRequest), 400};
    auto credentials = clientCredentials(request, form.value());
    if (!credentials)
        return credentials.error();
    return ClientCall {credentials.value(), form.value()};
}

QString bearerToken(const HttpRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer "))
        return {};
    return QString::fromLatin1(authorization.mid(7).trimmed());
}

QJsonObject grantJson(const TokenGrant &grant)
{
    return {{u"access_token"_s, grant.accessToken},
            {u"token_type"_s, u"Bearer"_s},
            {u"expires_in"_s, grant.expiresIn},
            {u"refresh_token"_s, grant.refreshToken},
            {u"scope"_s, grant.scope}};
}

} // namespace

QByteArray telephonySignature(const QByteArray &secret, const QByteArray &timestamp,
                              const QByteArray &body)
{
    return crypto::hmacSha256(secret, timestamp + '.' + body).toHex();
}

void registerPublicApi(http::Router &router, const PublicApiContext &c)
{
    FlowService &flows = *c.flows;
    OAuthService &oauth = *c.oauth;

    router.add("GET", u"/api/v1/health"_s, [](const HttpRequest &) {
        return HttpResponse::json(200, QJsonObject {{u"status"_s, u"ok"_s}});
    });

    router.add("POST", u"/api/v1/flows"_s, [&flows](const HttpRequest &request) {
        const auto input = JsonInput::read(request,
                                           {{u"institution"_s},
                                            {u"client_id"_s},
                                            {u"redirect_uri"_s, FieldType::String, 2048},
                                            {u"state"_s, FieldType::String, 512},
                                            {u"code_challenge"_s},
                                            {u"code_challenge_method"_s},
                                            {u"scope"_s}});
        if (!input)
            return errorResponse(input.error());
        const auto created =
            flows.create({input->string(u"institution"_s), input->string(u"client_id"_s),
                          input->string(u"redirect_uri"_s), input->string(u"state"_s),
                          input->string(u"code_challenge"_s),
                          input->string(u"code_challenge_method"_s), input->string(u"scope"_s)},
                         originOf(request));
        if (!created)
            return errorResponse(created.error());
        return HttpResponse::json(201,
                                  QJsonObject {{u"flow_id"_s, created->flowId},
                                               {u"step"_s, created->step},
                                               {u"institution_name"_s, created->institutionName},
                                               {u"client_name"_s, created->clientName}});
    });

    router.add("POST", u"/api/v1/flows/{id}/account"_s, [&flows](const HttpRequest &request) {
        const auto input = JsonInput::read(
            request, {{u"branch_code"_s}, {u"account_type"_s}, {u"account_number"_s}});
        if (!input)
            return errorResponse(input.error());
        const auto answer =
            flows.submitAccount(request.pathParam(u"id"_s),
                                {input->string(u"branch_code"_s), input->string(u"account_type"_s),
                                 input->string(u"account_number"_s)},
                                originOf(request));
        if (!answer)
            return errorResponse(answer.error());
        return HttpResponse::json(200, QJsonObject {{u"step"_s, answer->step}});
    });

    router.add("POST", u"/api/v1/flows/{id}/customer"_s, [&flows](const HttpRequest &request) {
        const auto input = JsonInput::read(request,
                                           {{u"name_kana"_s, FieldType::String, 64},
                                            {u"birth_date"_s},
                                            {u"phone"_s},
                                            {u"email"_s},
                                            {u"email_confirm"_s}});
        if (!input)
            return errorResponse(input.error());
        const auto answer =
            flows.submitCustomer(request.pathParam(u"id"_s),
                                 {input->string(u"name_kana"_s), input->string(u"birth_date"_s),
                                  input->string(u"phone"_s), input->string(u"email"_s),
                                  input->string(u"email_confirm"_s)},
                                 originOf(request));
        if (!answer)
            return errorResponse(answer.error());
        return HttpResponse::json(200,
                                  QJsonObject {{u"step"_s, u"phone"_s},
                                               {u"registered_phone"_s, answer->registeredPhone},
                                               {u"destination_number"_s, answer->destinationNumber},
                                               {u"expires_at"_s, isoUtc(answer->expiresAt)}});
    });

    router.add("POST", u"/api/v1/flows/{id}/phone"_s, [&flows](const HttpRequest &request) {
        if (const auto input = JsonInput::read(request, {}); !input)
            return errorResponse(input.error());
        const auto answer = flows.confirmPhone(request.pathParam(u"id"_s), originOf(request));
        if (!answer)
            return errorResponse(answer.error());
        return HttpResponse::json(200, QJsonObject {{u"step"_s, answer->step}});
    });

    router.add("POST", u"/api/v1/flows/{id}/pin"_s, [&flows](const HttpRequest &request) {
        const auto input = JsonInput::read(request, {{u"pin"_s, FieldType::String, 16}});
        if (!input)
            return errorResponse(input.error());
        const auto answer =
            flows.submitPin(request.pathParam(u"id"_s), input->string(u"pin"_s), originOf(request));
        if (!answer)
            return errorResponse(answer.error());
        return HttpResponse::json(200,
                                  QJsonObject {{u"step"_s, u"consent"_s},
                                               {u"client_name"_s, answer->clientName},
                                               {u"scope"_s, answer->scope},
                                               {u"period_days"_s, answer->periodDays}});
    });

    router.add("POST", u"/api/v1/flows/{id}/consent"_s, [&flows](const HttpRequest &request) {
        const auto input =
            JsonInput::read(request, {{u"agree_terms"_s, FieldType::Boolean}, {u"decision"_s}});
        if (!input)
            return errorResponse(input.error());
        const auto answer = flows.decide(
            request.pathParam(u"id"_s),
            {input->boolean(u"agree_terms"_s), input->string(u"decision"_s)}, originOf(request));
        if (!answer)
            return errorResponse(answer.error());
        return HttpResponse::json(200, QJsonObject {{u"redirect_uri"_s, answer->redirectUri}});
    });

    router.add("POST", u"/api/v1/flows/{id}/cancel"_s, [&flows](const HttpRequest &request) {
        if (const auto input = JsonInput::read(request, {}); !input)
            return errorResponse(input.error());
        const auto answer = flows.cancel(request.pathParam(u"id"_s), originOf(request));
        if (!answer)
            return errorResponse(answer.error());
        // Cancelling succeeds; the customer reads E03's text on the screen that follows.
        const CatalogEntry *entry = ErrorCatalog::builtIn().find(QString(codes::Cancelled));
        return HttpResponse::json(200,
                                  QJsonObject {{u"step"_s, answer->step},
                                               {u"code"_s, QString(codes::Cancelled)},
                                               {u"message"_s, entry->customerMessage}});
    });

    router.add(
        "POST", u"/api/v1/telephony/calls"_s,
        [&flows, db = c.database, clock = c.clock, secret = c.telephonySecret,
         tolerance = c.telephonyToleranceSeconds](const HttpRequest &request) {
            const QByteArray timestamp = request.header("x-telephony-timestamp");
            const QByteArray signature = request.header("x-telephony-signature");
            bool numeric = false;
            const qint64 sentAt = timestamp.toLongLong(&numeric);
            const qint64 now = clock->now().toSecsSinceEpoch();
            const QByteArray expected =
                "sha256=" + telephonySignature(secret, timestamp, request.body);
            if (secret.isEmpty() || !numeric || std::llabs(now - sentAt) > tolerance
                || !crypto::constantTimeEquals(signature, expected)) {
                qCWarning(lcApi) << "telephony webhook refused: bad signature or timestamp";
                return HttpResponse::error(codes::Unauthorized);
            }
            // Each signed delivery is accepted once: a replay inside the tolerance
            // carries the same signature and finds it already used.
            // A transaction of its own (as the autocommit was), so that on SQLite this write
            // takes its turn with the others in Database::transaction instead of sleeping in
            // SQLite's busy handler.
            const Result<bool> fresh = db->transaction<bool>([&](QSqlDatabase &tx) -> Result<bool> {
                auto inserted =
                    runQuery(tx,
                             u"INSERT INTO webhook_nonces (nonce, seen_at) VALUES (?, ?) "
                             "ON CONFLICT (nonce) DO NOTHING RETURNING nonce"_s,
                             {QString::fromLatin1(signature), now * 1000}, u"record webhook"_s);
                if (!inserted)
                    return inserted.error();
                const bool isNew = inserted.value().next();
                // Done with the statement: on SQLite an unfinished INSERT … RETURNING stays "in
                // progress" and makes the commit fail.
                inserted.value().finish();
                return isNew;
            });
            if (!fresh)
                return HttpResponse::error(codes::SystemError);
            if (!fresh.value())
                return HttpResponse::error(codes::Unauthorized);
            const auto input = JsonInput::read(request, {{u"caller"_s}, {u"dialed"_s}, {u"at"_s}});
            if (!input)
                return errorResponse(input.error());
            const QDateTime at = QDateTime::fromString(input->string(u"at"_s), Qt::ISODateWithMs);
            const Status recorded =
                flows.recordCall(input->string(u"caller"_s), input->string(u"dialed"_s), at);
            if (!recorded)
                return errorResponse(recorded.error());
            return HttpResponse::json(202, QJsonObject {{u"status"_s, u"accepted"_s}});
        });

    router.add("POST", u"/oauth/token"_s, [&oauth](const HttpRequest &request) {
        auto call = clientCall(request);
        if (!call)
            return oauthErrorResponse(call.error());
        const ClientCredentials &client = call->credentials;
        const QHash<QString, QString> &form = call->form;
        const QString grantType = form.value(u"grant_type"_s);
        OAuthResult<TokenGrant> grant =
            OAuthError {u"unsupported_grant_type"_s, QString(codes::MalformedRequest), 400};
        if (grantType == u"authorization_code"_s)
            grant = oauth.exchangeCode(client, form.value(u"code"_s), form.value(u"redirect_uri"_s),
                                       form.value(u"code_verifier"_s));
        else if (grantType == u"refresh_token"_s)
            grant = oauth.refresh(client, form.value(u"refresh_token"_s));
        if (!grant)
            return oauthErrorResponse(grant.error());
        HttpResponse response = HttpResponse::json(200, grantJson(grant.value()));
        response.setHeader("Pragma", "no-cache");
        return response;
    });

    router.add("POST", u"/oauth/revoke"_s, [&oauth](const HttpRequest &request) {
        auto call = clientCall(request);
        if (!call)
            return oauthErrorResponse(call.error());
        const ClientCredentials &client = call->credentials;
        const QHash<QString, QString> &form = call->form;
        const auto revoked = oauth.revoke(client, form.value(u"token"_s));
        if (!revoked)
            return oauthErrorResponse(revoked.error());
        return HttpResponse::json(200, QJsonObject {});
    });

    router.add("GET", u"/.well-known/oauth-authorization-server"_s,
               [issuerUrl = c.issuer](const HttpRequest &) {
                   const QString issuer = issuerUrl ? *issuerUrl : QString();
                   return HttpResponse::json(
                       200,
                       QJsonObject {
                           {u"issuer"_s, issuer},
                           {u"authorization_endpoint"_s, QString(issuer + u"/oauth/authorize"_s)},
                           {u"token_endpoint"_s, QString(issuer + u"/oauth/token"_s)},
                           {u"revocation_endpoint"_s, QString(issuer + u"/oauth/revoke"_s)},
                           {u"response_types_supported"_s, QJsonArray {u"code"_s}},
                           {u"grant_types_supported"_s,
                            QJsonArray {u"authorization_code"_s, u"refresh_token"_s}},
                           {u"code_challenge_methods_supported"_s, QJsonArray {u"S256"_s}},
                           {u"token_endpoint_auth_methods_supported"_s,
                            QJsonArray {u"client_secret_basic"_s, u"client_secret_post"_s}},
                           {u"revocation_endpoint_auth_methods_supported"_s,
                            QJsonArray {u"client_secret_basic"_s, u"client_secret_post"_s}},
                           {u"scopes_supported"_s, QJsonArray {u"accounts"_s}},
                       });
               });

    router.add(
        "GET", u"/api/v1/accounts/me"_s, [&oauth, db = c.database](const HttpRequest &request) {
            const auto linked = oauth.authorize(bearerToken(request));
            if (!linked)
                return errorResponse(linked.error());
            auto account =
                runQuery(db->connection(),
                         u"SELECT b.code, b.name, a.account_type, a.account_number, a.balance "
                         "FROM accounts a JOIN branches b ON b.id = a.branch_id WHERE a.id = ?"_s,
                         {linked->accountId}, u"read account"_s);
            if (!account || !account.value().next())
                return HttpResponse::error(codes::SystemError);
            QSqlQuery &a = account.value();
            return HttpResponse::json(200,
                                      QJsonObject {{u"branch_code"_s, a.value(0).toString()},
                                                   {u"branch_name"_s, a.value(1).toString()},
                                                   {u"account_type"_s, a.value(2).toString()},
                                                   {u"account_number"_s, a.value(3).toString()},
                                                   {u"balance"_s, a.value(4).toLongLong()},
                                                   {u"currency"_s, u"JPY"_s}});
        });

    router.add(
        "GET", u"/api/v1/accounts/me/transactions"_s,
        [&oauth, db = c.database, clock = c.clock](const HttpRequest &request) {
            const auto linked = oauth.authorize(bearerToken(request));
            if (!linked)
                return errorResponse(linked.error());
            // The institution keeps about three months of history (seeds, FAQ 3.Q2).
            const QDate today = clock->now().toUTC().date();
            const QDate oldest = today.addMonths(-3);
            const QString fromText = request.query.queryItemValue(u"from"_s);
            const QString toText = request.query.queryItemValue(u"to"_s);
            QDate from = fromText.isEmpty() ? oldest : QDate::fromString(fromText, Qt::ISODate);
            QDate to = toText.isEmpty() ? today : QDate::fromString(toText, Qt::ISODate);
            if (!from.isValid() || !to.isValid() || from > to)
                return HttpResponse::error(codes::MalformedRequest);
            from = std::max(from, oldest);
            auto rows = runQuery(
                db->connection(),
                u"SELECT booked_at, amount, balance_after, description "
                "FROM account_transactions WHERE account_id = ? AND booked_at >= ? "
                "AND booked_at < ? ORDER BY booked_at DESC, id DESC LIMIT 1000"_s,
                {linked->accountId, QDateTime(from, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(),
                 QDateTime(to.addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()},
                u"read transactions"_s);
            if (!rows)
                return HttpResponse::error(codes::SystemError);
            QJsonArray transactions;
            QSqlQuery &q = rows.value();
            while (q.next()) {
                transactions.append(QJsonObject {
                    {u"booked_at"_s,
                     isoUtc(QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC))},
                    {u"amount"_s, q.value(1).toLongLong()},
                    {u"balance_after"_s, q.value(2).toLongLong()},
                    {u"description"_s, q.value(3).toString()}});
            }
            return HttpResponse::json(200,
                                      QJsonObject {{u"from"_s, from.toString(Qt::ISODate)},
                                                   {u"to"_s, to.toString(Qt::ISODate)},
                                                   {u"transactions"_s, transactions}});
        });
}

} // namespace tc::backend::api
