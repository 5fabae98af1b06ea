// The public API over real HTTPS against the same BackendService auth-backend runs, on SQLite
// and PostgreSQL: the flow as an app's web view drives it, the telephony webhook, OAuth as an
// app's server uses it, the account API, and bad input of every kind.
#include "ErrorCatalog.h"
#include "ErrorCodes.h"
#include "PublicApi.h"
#include "TestBackend.h"
#include "TestEngines.h"
#include "TestFlow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;
using test::StandardData;
using test::TestBackend;

using namespace test::flow;

class TestPublicApi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flowTokensAndAccountApi_data() { tc::test::addEngineRows(); }
    void flowTokensAndAccountApi()
    {
        QFETCH(QString, engine);
        auto b = TestBackend::started(engine);

        const auto metadata = b->request("GET", u"/.well-known/oauth-authorization-server"_s);
        QCOMPARE(metadata.status, 200);
        QCOMPARE(metadata.json.value(u"issuer"_s).toString(), b->baseUrl());
        QCOMPARE(metadata.json.value(u"code_challenge_methods_supported"_s).toArray(),
                 QJsonArray {u"S256"_s});

        const QString code = authorizationCode(*b);
        QVERIFY(code.size() >= 43);
        const auto tokens = exchange(*b, code);
        QCOMPARE(tokens.status, 200);
        QCOMPARE(tokens.json.value(u"token_type"_s).toString(), u"Bearer"_s);
        QCOMPARE(tokens.json.value(u"expires_in"_s).toInt(), 600);
        const QString access = tokens.json.value(u"access_token"_s).toString();
        const QString refresh = tokens.json.value(u"refresh_token"_s).toString();
        QVERIFY(access.size() >= 43 && refresh.size() >= 43);

        const auto me = accountsMe(*b, access);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(u"balance"_s).toInteger(), 120000);
        QCOMPARE(me.json.value(u"account_number"_s).toString(), u"1234567"_s);
        const auto history =
            b->request("GET", u"/api/v1/accounts/me/transactions?from=2026-09-01"_s, {},
                       {{"Authorization", "Bearer " + access.toLatin1()}});
        QCOMPARE(history.status, 200);
        QVERIFY(history.json.value(u"transactions"_s).isArray());

        // The code is single-use: a second exchange fails and ends what the first granted.
        const auto again = exchange(*b, code);
        QCOMPARE(again.status, 400);
        QCOMPARE(again.json.value(u"error"_s).toString(), u"invalid_grant"_s);
        QCOMPARE(accountsMe(*b, access).json.value(u"code"_s).toString(),
                 QString(codes::LinkageRevoked));

        // A fresh linkage: refresh rotates; the old refresh token used again ends the grant.
        const auto second = exchange(*b, authorizationCode(*b));
        QCOMPARE(second.status, 200);
        const QString refresh2 = second.json.value(u"refresh_token"_s).toString();
        const auto rotated = b->request(
            "POST", u"/oauth/token"_s,
            form({{u"grant_type"_s, u"refresh_token"_s}, {u"refresh_token"_s, refresh2}}),
            {{"Content-Type", "application/x-www-form-urlencoded"},
             {"Authorization", basicAuth()}});
        QCOMPARE(rotated.status, 200);
        const QString access3 = rotated.json.value(u"access_token"_s).toString();
        QCOMPARE(accountsMe(*b, access3).status, 200);
        const auto reused = b->request(
            "POST", u"/oauth/token"_s,
            form({{u"grant_type"_s, u"refresh_token"_s}, {u"refresh_token"_s, refresh2}}),
            {{"Content-Type", "application/x-www-form-urlencoded"},
             {"Authorization", basicAuth()}});
        QCOMPARE(reused.json.value(u"error"_s).toString(), u"invalid_grant"_s);
        const auto afterReuse = accountsMe(*b, access3);
        QCOMPARE(afterReuse.status, 401);
        QCOMPARE(afterReuse.json.value(u"code"_s).toString(), QString(codes::LinkageRevoked));

        // Access tokens live ten minutes.
        const auto third = exchange(*b, authorizationCode(*b));
        const QString access4 = third.json.value(u"access_token"_s).toString();
        b->clock().advance(601'000);
        QCOMPARE(accountsMe(*b, access4).json.value(u"code"_s).toString(),
                 QString(codes::Unauthorized));
    }

    void tokenEndpointRefusals_data() { tc::test::addEngineRows(); }
    void tokenEndpointRefusals()
    {
        QFETCH(QString, engine);
        auto b = TestBackend::started(engine);
        const QString code = authorizationCode(*b);

        const auto wrongSecret =
            exchange(*b, code, verifier, basicAuth(StandardData::clientId, u"nope"_s));
        QCOMPARE(wrongSecret.status, 401);
        QCOMPARE(wrongSecret.json.value(u"error"_s).toString(), u"invalid_client"_s);
        QVERIFY(!wrongSecret.header("WWW-Authenticate").isEmpty());
        const auto unknownClient = exchange(*b, code, verifier, basicAuth(u"other"_s, u"x"_s));
        QCOMPARE(unknownClient.status, 401);
        const auto wrongVerifier = exchange(*b, code, u"A"_s.repeated(43));
        QCOMPARE(wrongVerifier.json.value(u"error"_s).toString(), u"invalid_grant"_s);
        // A failed exchange does not spend the code; an expired code is refused.
        b->clock().advance(61'000);
        QCOMPARE(exchange(*b, code).json.value(u"error"_s).toString(), u"invalid_grant"_s);

        const auto badGrant =
            b->request("POST", u"/oauth/token"_s, form({{u"grant_type"_s, u"password"_s}}),
                       {{"Content-Type", "application/x-www-form-urlencoded"},
                        {"Authorization", basicAuth()}});
        QCOMPARE(badGrant.json.value(u"error"_s).toString(), u"unsupported_grant_type"_s);
        const auto repeated = b->request("POST", u"/oauth/token"_s,
                                         "grant_type=refresh_token&grant_type=authorization_code",
                                         {{"Content-Type", "application/x-www-form-urlencoded"},
                                          {"Authorization", basicAuth()}});
        QCOMPARE(repeated.json.value(u"error"_s).toString(), u"invalid_request"_s);
        QVERIFY(!repeated.json.value(u"code"_s).toString().isEmpty());

        // RFC 7009: revoking an unknown token succeeds.
        const auto unknown =
            b->request("POST", u"/oauth/revoke"_s, form({{u"token"_s, u"never-issued"_s}}),
                       {{"Content-Type", "application/x-www-form-urlencoded"},
                        {"Authorization", basicAuth()}});
        QCOMPARE(unknown.status, 200);
    }

    void linkagesEnd_data() { tc::test::addEngineRows(); }
    void linkagesEnd()
    {
        QFETCH(QString, engine);
        auto b = TestBackend::started(engine);

        // Revoked by the app (RFC 7009): the access token stops at once.
        auto grant = exchange(*b, authorizationCode(*b));
        QString access = grant.json.value(u"access_token"_s).toString();
        QCOMPARE(b->request("POST", u"/oauth/revoke"_s,
                            form({{u"token"_s, grant.json.value(u"refresh_token"_s).toString()},
                                  {u"token_type_hint"_s, u"refresh_token"_s}}),
                            {{"Content-Type", "application/x-www-form-urlencoded"},
                             {"Authorization", basicAuth()}})
                     .status,
                 200);
        auto me = accountsMe(*b, access);
        QCOMPARE(me.status, 401);
        QCOMPARE(me.json.value(u"code"_s).toString(), QString(codes::LinkageRevoked));

        // The account moves to another branch: linkages under the old number stop.
        grant = exchange(*b, authorizationCode(*b));
        access = grant.json.value(u"access_token"_s).toString();
        QCOMPARE(accountsMe(*b, access).status, 200);
        QVERIFY(backend::runQuery(b->service().database().connection(),
                                  u"UPDATE accounts SET status = 'moved' WHERE id = ?"_s,
                                  {b->data().accountId}));
        me = accountsMe(*b, access);
        QCOMPARE(me.status, 401);
        QCOMPARE(me.json.value(u"code"_s).toString(), QString(codes::AccountMoved));
        QVERIFY(me.json.value(u"message"_s).toString().contains(u"API連携認証"_s));
    }

    void linkageExpiresAfter30Days_data() { tc::test::addEngineRows(); }
    void linkageExpiresAfter30Days()
    {
        QFETCH(QString, engine);
        auto b = TestBackend::started(engine);
        const auto grant = exchange(*b, authorizationCode(*b));
        const QString refresh = grant.json.value(u"refresh_token"_s).toString();
        // Day 29: refreshing still works; day 30 + 1 s: the linkage is over.
        b->clock().advance(29LL * 24 * 3600 * 1000);
        const auto day29 =
            b->request("POST", u"/oauth/token"_s,
                       form({{u"grant_type"_s, u"refresh_token"_s}, {u"refresh_token"_s, refresh}}),
                       {{"Content-Type", "application/x-www-form-urlencoded"},
                        {"Authorization", basicAuth()}});
        QCOMPARE(day29.status, 200);
        const QString access = day29.json.value(u"access_token"_s).toString();
        QCOMPARE(accountsMe(*b, access).status, 200);
        b->clock().advance(24LL * 3600 * 1000 + 1000);
        const auto me = accountsMe(*b, access);
        QCOMPARE(me.status, 401);
        QVERIFY2(me.json.value(u"code"_s).toString() == QString(codes::LinkageExpired)
                     || me.json.value(u"code"_s).toString() == QString(codes::Unauthorized),
                 me.body.constData());
        const auto late = b->request(
            "POST", u"/oauth/token"_s,
            form({{u"grant_type"_s, u"refresh_token"_s},
                  {u"refresh_token"_s, day29.json.value(u"refresh_token"_s).toString()}}),
            {{"Content-Type", "application/x-www-form-urlencoded"},
             {"Authorization", basicAuth()}});
        QCOMPARE(late.json.value(u"error"_s).toString(), u"invalid_grant"_s);
    }

    void telephonyWebhookIsAuthenticated_data() { tc::test::addEngineRows(); }
    void telephonyWebhookIsAuthenticated()
    {
        QFETCH(QString, engine);
        auto b = TestBackend::started(engine);
        const QByteArray body =
            R"({"caller":"0786310000","dialed":"0120000001","at":"2026-11-24T05:00:00Z"})";
        const auto unsigned_ = b->request("POST", u"/api/v1/telephony/calls"_s, body,
                                          {{"Content-Type", "application/json"}});
        QCOMPARE(unsigned_.status, 401);
        QCOMPARE(unsigned_.json.value(u"code"_s).toString(), QString(codes::Unauthorized));
        const QByteArray timestamp = QByteArray::number(b->clock().now().toSecsSinceEpoch());
        const auto forged = b->request(
            "POST", u"/api/v1/telephony/calls"_s, body,
            {{"Content-Type", "application/json"},
             {"X-Telephony-Timestamp", timestamp},
             {"X-Telephony-Signature",
              "sha256=" + backend::api::telephonySignature("wrong secret", timestamp, body)}});
        QCOMPARE(forged.status, 401);
        QCOMPARE(call(*b, StandardData::phone, u"0120000001"_s, -301).status, 401); // too old
        QCOMPARE(call(*b, StandardData::phone, u"0120000001"_s).status, 202);
        // The same signed delivery again is a replay.
        const QByteArray sentBody =
            QJsonDocument(QJsonObject {
                              {u"caller"_s, StandardData::phone},
                              {u"dialed"_s, u"0120000002"_s},
                              {u"at"_s, b->clock().now().toString(Qt::ISODate)},
                          })
                .toJson(QJsonDocument::Compact);
        const QList<std::pair<QByteArray, QByteArray>> headers {
            {"Content-Type", "application/json"},
            {"X-Telephony-Timestamp", timestamp},
            {"X-Telephony-Signature",
             "sha256="
                 + backend::api::telephonySignature(b->service().telephonySecret(), timestamp,
                                                    sentBody)}};
        QCOMPARE(b->request("POST", u"/api/v1/telephony/calls"_s, sentBody, headers).status, 202);
        QCOMPARE(b->request("POST", u"/api/v1/telephony/calls"_s, sentBody, headers).status, 401);
    }

    // Each rule of the flow over HTTPS, with the HTTP status, catalog code and exact customer
    // text the app's web view receives.
    void everyRuleOverHttps_data() { tc::test::addEngineRows(); }
    void everyRuleOverHttps()
    {
        QFETCH(QString, engine);
        auto b = TestBackend::started(engine);
        const auto expect = [](const TestBackend::Reply &reply, QLatin1StringView code) {
            const CatalogEntry *entry = ErrorCatalog::builtIn().find(QString(code));
            QVERIFY(entry);
            QCOMPARE(reply.json.value(u"code"_s).toString(), QString(code));
            QCOMPARE(reply.status, entry->httpStatus);
            QCOMPARE(reply.json.value(u"message"_s).toString(), entry->customerMessage);
        };
        const QJsonObject rightAccount {{u"branch_code"_s, u"001"_s},
                                        {u"account_type"_s, u"ordinary"_s},
                                        {u"account_number"_s, u"1234567"_s}};
        QJsonObject customer {{u"name_kana"_s, u"ﾃﾞｰﾀ ﾀﾛｳ"_s},
                              {u"birth_date"_s, u"1980-04-01"_s},
                              {u"phone"_s, u"078-631-0000"_s},
                              {u"email"_s, u"taro@example.jp"_s},
                              {u"email_confirm"_s, u"taro@example.jp"_s}};
        QJsonObject wrongCustomer = customer;
        wrongCustomer[u"birth_date"_s] = u"1980-04-02"_s;

        // ① missing fields, account without a cash card, unknown flow.
        QString flow = startFlow(*b);
        expect(b->postJson(flow + u"/account"_s, {{u"branch_code"_s, u"001"_s}}),
               codes::MissingFields);
        expect(b->postJson(flow + u"/account"_s,
                           {{u"branch_code"_s, u"001"_s},
                            {u"account_type"_s, u"savings"_s},
                            {u"account_number"_s, u"7654321"_s}}),
               codes::AccountNotEligible);
        expect(b->postJson(u"/api/v1/flows/nope/account"_s, rightAccount), codes::FlowNotFound);
        // Steps out of order.
        expect(b->postJson(flow + u"/pin"_s, {{u"pin"_s, StandardData::pin}}),
               codes::StepOutOfOrder);
        QCOMPARE(b->postJson(flow + u"/account"_s, rightAccount).status, 200);
        // ② e-mail twice must match.
        QJsonObject mismatch = customer;
        mismatch[u"email_confirm"_s] = u"tar0@example.jp"_s;
        expect(b->postJson(flow + u"/customer"_s, mismatch), codes::EmailConfirmationMismatch);
        // ③④ 確定する before the call; a call from another number.
        auto phone = b->postJson(flow + u"/customer"_s, customer);
        QCOMPARE(phone.status, 200);
        QCOMPARE(phone.json.value(u"registered_phone"_s).toString(), StandardData::phone);
        expect(b->postJson(flow + u"/phone"_s, {}), codes::AwaitingCall);
        QCOMPARE(
            call(*b, u"09012345678"_s, phone.json.value(u"destination_number"_s).toString()).status,
            202);
        expect(b->postJson(flow + u"/phone"_s, {}), codes::CallFromUnregisteredNumber);
        // After 120 s the flow is void.
        b->clock().advance(121'000);
        expect(b->postJson(flow + u"/phone"_s, {}), codes::CallWindowExpired);

        // ⑤ wrong PINs lock the PIN step only.
        const auto toPin = [&]() {
            const QString f = startFlow(*b);
            b->postJson(f + u"/account"_s, rightAccount);
            const auto p = b->postJson(f + u"/customer"_s, customer);
            b->clock().advance(1000);
            call(*b, StandardData::phone, p.json.value(u"destination_number"_s).toString());
            b->postJson(f + u"/phone"_s, {});
            return f;
        };
        flow = toPin();
        expect(b->postJson(flow + u"/pin"_s, {{u"pin"_s, u"0000"_s}}), codes::WrongPin);
        expect(b->postJson(flow + u"/pin"_s, {{u"pin"_s, u"0001"_s}}), codes::WrongPin);
        expect(b->postJson(flow + u"/pin"_s, {{u"pin"_s, u"0002"_s}}), codes::PinLockedNow);
        expect(b->postJson(flow + u"/pin"_s, {{u"pin"_s, StandardData::pin}}), codes::PinLocked);
        // ⑥ consent (the next day: the PIN lock has released at 00:00 Tokyo).
        b->clock().set(test::tokyoTime(2026, 11, 25, 10, 0));
        flow = toPin();
        QCOMPARE(b->postJson(flow + u"/pin"_s, {{u"pin"_s, StandardData::pin}}).status, 200);
        expect(b->postJson(flow + u"/consent"_s,
                           {{u"agree_terms"_s, false}, {u"decision"_s, u"allow"_s}}),
               codes::TermsNotAgreed);
        QCOMPARE(b->postJson(flow + u"/consent"_s,
                             {{u"agree_terms"_s, false}, {u"decision"_s, u"deny"_s}})
                     .json.value(u"redirect_uri"_s)
                     .toString(),
                 StandardData::redirectUri + u"?error=access_denied&state=st-1"_s);

        // ② wrong identity data: B21 four times, B83, then B84 — also at ①.
        flow = startFlow(*b);
        QCOMPARE(b->postJson(flow + u"/account"_s, rightAccount).status, 200);
        for (int i = 0; i < 4; ++i)
            expect(b->postJson(flow + u"/customer"_s, wrongCustomer), codes::IdentityMismatch);
        expect(b->postJson(flow + u"/customer"_s, wrongCustomer), codes::IdentityLockedNow);
        expect(b->postJson(flow + u"/customer"_s, customer), codes::IdentityLocked);
        expect(b->postJson(startFlow(*b) + u"/account"_s, rightAccount), codes::IdentityLocked);

        // Outside service hours: the 2nd Sunday's window from Saturday 23:50.
        b->clock().set(test::tokyoTime(2026, 12, 12, 23, 55));
        expect(b->postJson(u"/api/v1/flows"_s,
                           {{u"institution"_s, StandardData::institution},
                            {u"client_id"_s, StandardData::clientId},
                            {u"redirect_uri"_s, StandardData::redirectUri},
                            {u"state"_s, u"s"_s},
                            {u"code_challenge"_s, challenge},
                            {u"code_challenge_method"_s, u"S256"_s},
                            {u"scope"_s, u"accounts"_s}}),
               codes::OutsideServiceHours);
    }

    void badInputAnswers4xxWithACatalogCode_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        const QList<std::tuple<const char *, QByteArray, QString, QByteArray, QByteArray>> cases {
            {"malformed JSON", "POST", u"/account"_s, "{\"branch_code\": \"001\",",
             "application/json"},
            {"array body", "POST", u"/account"_s, "[1,2,3]", "application/json"},
            {"number body", "POST", u"/account"_s, "42", "application/json"},
            {"empty body", "POST", u"/account"_s, "", "application/json"},
            {"wrong type", "POST", u"/account"_s,
             R"({"branch_code": 1, "account_type": "ordinary", "account_number": "1234567"})",
             "application/json"},
            {"object in string field", "POST", u"/account"_s, R"({"branch_code": {"$ne": ""}})",
             "application/json"},
            {"unknown field", "POST", u"/account"_s, R"({"branch_code": "001", "admin": true})",
             "application/json"},
            {"invalid UTF-8", "POST", u"/account"_s, "{\"branch_code\": \"\xff\xfe\"}",
             "application/json"},
            {"SQL in account number", "POST", u"/account"_s,
             R"({"branch_code": "001", "account_type": "ordinary", "account_number": "1'; DROP TABLE accounts; --"})",
             "application/json"},
            {"SQL in branch", "POST", u"/account"_s,
             R"({"branch_code": "001' OR 1=1 --", "account_type": "ordinary", "account_number": "1234567"})",
             "application/json"},
            {"very long string", "POST", u"/account"_s,
             "{\"branch_code\": \"" + QByteArray(5000, '1') + "\"}", "application/json"},
            {"deep nesting", "POST", u"/account"_s, QByteArray(2000, '[') + QByteArray(2000, ']'),
             "application/json"},
            {"NUL in string", "POST", u"/account"_s, R"({"branch_code": "00\u00001"})",
             "application/json"},
            {"bool as PIN", "POST", u"/pin"_s, R"({"pin": true})", "application/json"},
            {"step out of order", "POST", u"/pin"_s, R"({"pin": "4321"})", "application/json"},
            {"consent early", "POST", u"/consent"_s,
             R"({"agree_terms": "yes", "decision": "allow"})", "application/json"},
            {"unknown flow", "POST", u"/../nope/account"_s, "{}", "application/json"},
            {"wrong method", "GET", u"/account"_s, "", "application/json"},
            {"unknown step", "POST", u"/teleport"_s, "{}", "application/json"},
            {"form instead of JSON", "POST", u"/account"_s, "branch_code=001",
             "application/x-www-form-urlencoded"},
        };
        for (const QString &engine : test::TestDatabases::engines()) {
            for (const auto &[name, method, path, body, type] : cases)
                QTest::addRow("%s %s", qPrintable(engine), name)
                    << engine << method << path << body << type;
        }
    }
    void badInputAnswers4xxWithACatalogCode()
    {
        QFETCH(QString, engine);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        auto b = TestBackend::started(engine);
        const QString flow = startFlow(*b);
        const auto reply = b->request(method, flow + path, body, {{"Content-Type", contentType}});
        QVERIFY2(reply.status >= 400 && reply.status < 500,
                 qPrintable(u"%1 %2"_s.arg(reply.status).arg(QString::fromUtf8(reply.body))));
        const QString code = reply.json.value(u"code"_s).toString();
        QVERIFY2(ErrorCatalog::builtIn().find(code), reply.body.constData());
        QCOMPARE(reply.json.value(u"message"_s).toString(),
                 ErrorCatalog::builtIn().find(code)->customerMessage);
        QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
        // The flow is still usable and the database intact after whatever was sent.
        QCOMPARE(b->postJson(flow + u"/account"_s,
                             {{u"branch_code"_s, u"001"_s},
                              {u"account_type"_s, u"ordinary"_s},
                              {u"account_number"_s, u"1234567"_s}})
                     .status,
                 200);
    }

    void cancelAnswersTheSeedMessage_data() { tc::test::addEngineRows(); }
    void cancelAnswersTheSeedMessage()
    {
        QFETCH(QString, engine);
        auto b = TestBackend::started(engine);
        const QString flow = startFlow(*b);
        const auto cancelled = b->postJson(flow + u"/cancel"_s, {});
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json.value(u"code"_s).toString(), QString(codes::Cancelled));
        QCOMPARE(cancelled.json.value(u"message"_s).toString(), u"API連携認証を中止しました。"_s);
        QCOMPARE(cancelled.header("Cache-Control"), QByteArray("no-store"));
        const auto afterwards = b->postJson(flow + u"/account"_s, {{u"branch_code"_s, u"001"_s}});
        QCOMPARE(afterwards.status, 409);
    }
};

QTEST_MAIN(TestPublicApi)
#include "tst_publicapi.moc"
