#pragma once

#include "TestBackend.h"

#include <QString>

// A customer walking the flow and an app using its tokens, as several backend tests need them.
namespace tc::test::flow {

// RFC 7636 appendix B: the PKCE verifier and its S256 challenge every test flow uses.
inline const QString verifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
inline const QString challenge = QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");

QByteArray basicAuth(const QString &id = StandardData::clientId,
                     const QString &secret = StandardData::clientSecret);

// application/x-www-form-urlencoded, each value percent-encoded.
QByteArray form(const QList<std::pair<QString, QString>> &items);

// The telephony provider's signed webhook: a call from `caller` to `dialed` at the clock's now.
TestBackend::Reply call(TestBackend &b, const QString &caller, const QString &dialed,
                        qint64 timestampOffset = 0);

// Starts a flow (POST /api/v1/flows) and answers its path, "/api/v1/flows/<id>".
QString startFlow(TestBackend &b);
// ① for the standard account; answers the flow's path.
QString accountStep(TestBackend &b);
// ② with a wrong birth date (B21, counted toward the identity lock).
TestBackend::Reply wrongIdentity(TestBackend &b, const QString &flowPath);

// Walks ①–⑥ for the standard customer and answers the code in the redirect.
QString authorizationCode(TestBackend &b);

TestBackend::Reply exchange(TestBackend &b, const QString &code,
                            const QString &codeVerifier = verifier,
                            const QByteArray &authorization = basicAuth());

// A complete linkage: the flow walked and the code exchanged; the token answer's JSON.
QJsonObject linkedTokens(TestBackend &b);

TestBackend::Reply accountsMe(TestBackend &b, const QString &accessToken);

} // namespace tc::test::flow
