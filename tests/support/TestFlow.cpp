#include "TestFlow.h"

#include "PublicApi.h"

#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace tc::test::flow {

QByteArray basicAuth(const QString &id, const QString &secret)
{
    return "Basic " + QByteArray(id.toUtf8() + ':' + secret.toUtf8()).toBase64();
}

QByteArray form(const QList<std::pair<QString, QString>> &items)
{
    QUrlQuery query;
    for (const auto &[key, value] : items)
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return query.toString(QUrl::FullyEncoded).toUtf8();
}

TestBackend::Reply call(TestBackend &b, const QString &caller, const QString &dialed,
                        qint64 timestampOffset)
{
    const QByteArray body =
        QJsonDocument(QJsonObject {
                          {u"caller"_s, caller},
                          {u"dialed"_s, dialed},
                          {u"at"_s, b.clock().now().toString(Qt::ISODateWithMs)},
                      })
            .toJson(QJsonDocument::Compact);
    const QByteArray timestamp =
        QByteArray::number(b.clock().now().toSecsSinceEpoch() + timestampOffset);
    return b.request(
        "POST", u"/api/v1/telephony/calls"_s, body,
        {{"Content-Type", "application/json"},
         {"X-Telephony-Timestamp", timestamp},
         {"X-Telephony-Signature",
          "sha256="
              + backend::api::telephonySignature(b.service().telephonySecret(), timestamp, body)}});
}

QString startFlow(TestBackend &b)
{
    const auto created = b.postJson(u"/api/v1/flows"_s,
                                    {{u"institution"_s, StandardData::institution},
                                     {u"client_id"_s, StandardData::clientId},
                                     {u"redirect_uri"_s, StandardData::redirectUri},
                                     {u"state"_s, u"st-1"_s},
                                     {u"code_challenge"_s, challenge},
                                     {u"code_challenge_method"_s, u"S256"_s},
                                     {u"scope"_s, u"accounts"_s}});
    if (created.status != 201)
        qFatal("create: %d %s", created.status, created.body.constData());
    return u"/api/v1/flows/"_s + created.json.value(u"flow_id"_s).toString();
}

QString accountStep(TestBackend &b)
{
    const QString flow = startFlow(b);
    const auto answer = b.postJson(flow + u"/account"_s,
                                   {{u"branch_code"_s, u"001"_s},
                                    {u"account_type"_s, u"ordinary"_s},
                                    {u"account_number"_s, u"1234567"_s}});
    if (answer.status != 200)
        qFatal("account step: %d %s", answer.status, answer.body.constData());
    return flow;
}

TestBackend::Reply wrongIdentity(TestBackend &b, const QString &flowPath)
{
    return b.postJson(flowPath + u"/customer"_s,
                      {{u"name_kana"_s, u"ﾃﾞｰﾀ ﾀﾛｳ"_s},
                       {u"birth_date"_s, u"1980-04-02"_s},
                       {u"phone"_s, u"078-631-0000"_s},
                       {u"email"_s, u"taro@example.jp"_s},
                       {u"email_confirm"_s, u"taro@example.jp"_s}});
}

QString authorizationCode(TestBackend &b)
{
    // Each walk happens a second later than the last: two identical signed webhooks in the
    // same second are one delivery replayed, and refused as such.
    b.clock().advance(1000);
    const QString flow = startFlow(b);
    const auto step = [&](const QString &path, const QJsonObject &body, int expected) {
        const auto reply = b.postJson(flow + path, body);
        if (reply.status != expected)
            qFatal("%s: %d %s", qPrintable(path), reply.status, reply.body.constData());
        return reply;
    };
    step(u"/account"_s,
         {{u"branch_code"_s, u"001"_s},
          {u"account_type"_s, u"ordinary"_s},
          {u"account_number"_s, u"1234567"_s}},
         200);
    const auto phone = step(u"/customer"_s,
                            {{u"name_kana"_s, u"ﾃﾞｰﾀ ﾀﾛｳ"_s},
                             {u"birth_date"_s, u"1980-04-01"_s},
                             {u"phone"_s, u"078-631-0000"_s},
                             {u"email"_s, u"taro@example.jp"_s},
                             {u"email_confirm"_s, u"taro@example.jp"_s}},
                            200);
    if (call(b, StandardData::phone, phone.json.value(u"destination_number"_s).toString()).status
        != 202)
        qFatal("call refused");
    step(u"/phone"_s, {}, 200);
    step(u"/pin"_s, {{u"pin"_s, StandardData::pin}}, 200);
    const auto done =
        step(u"/consent"_s, {{u"agree_terms"_s, true}, {u"decision"_s, u"allow"_s}}, 200);
    const QUrl redirect(done.json.value(u"redirect_uri"_s).toString());
    return QUrlQuery(redirect).queryItemValue(u"code"_s);
}

TestBackend::Reply exchange(TestBackend &b, const QString &code, const QString &codeVerifier,
                            const QByteArray &authorization)
{
    return b.request(
        "POST", u"/oauth/token"_s,
        form({{u"grant_type"_s, u"authorization_code"_s},
              {u"code"_s, code},
              {u"redirect_uri"_s, StandardData::redirectUri},
              {u"code_verifier"_s, codeVerifier}}),
        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Authorization", authorization}});
}

QJsonObject linkedTokens(TestBackend &b)
{
    const auto tokens = exchange(b, authorizationCode(b));
    if (tokens.status != 200)
        qFatal("token exchange: %d %s", tokens.status, tokens.body.constData());
    return tokens.json;
}

TestBackend::Reply accountsMe(TestBackend &b, const QString &accessToken)
{
    return b.request("GET", u"/api/v1/accounts/me"_s, {},
                     {{"Authorization", "Bearer " + accessToken.toLatin1()}});
}

} // namespace tc::test::flow
