#include "TelephonyCall.h"

#include "BackendConfig.h"
#include "Crypto.h"
#include "DemoSetup.h"
#include "PublicApi.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>

using namespace Qt::StringLiterals;

namespace tc::backend::demo {

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
    QString error;
};

Reply exchange(QNetworkAccessManager &network, QNetworkRequest request, const QByteArray &method,
               const QByteArray &body)
{
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(15000);
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply answer {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                  reply->readAll(), reply->errorString()};
    delete reply;
    return answer;
}

} // namespace

Result<CallAnswer> TelephonyCall::send(const CallOptions &options)
{
    const DemoFolder folder = DemoSetup::folder(
        options.demoDir.isEmpty() ? DemoSetup::defaultDirectory() : options.demoDir);
    const Result<QByteArray> secret =
        crypto::readKeyFile(folder.webhookSecretPath, u"telephony/webhook_secret_file"_s);
    if (!secret)
        return secret.error();
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(folder.caCertificatePath);
    if (ca.isEmpty())
        return Error {QString(), u"no demo CA certificate at %1"_s.arg(folder.caCertificatePath)};

    QUrl base = options.url;
    if (base.isEmpty()) {
        base = QUrl(u"https://127.0.0.1:8443"_s);
        if (QFile::exists(folder.configPath)) {
            if (const Result<BackendSettings> settings = BackendConfig::load(folder.configPath);
                settings && settings->server.listenPort != 0) {
                const QString host = settings->server.listenHost;
                base.setHost(host.isEmpty() || host == u"0.0.0.0"_s ? u"127.0.0.1"_s : host);
                base.setPort(settings->server.listenPort);
            }
        }
    }
    if (!base.isValid() || base.scheme() != u"https"_s)
        return Error {QString(), u"--url must be https://HOST:PORT, not %1"_s.arg(base.toString())};

    QNetworkAccessManager network;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(ca); // the demo CA only

    // The webhook is checked against the backend's clock, which in training may be anywhere:
    // ask the demo backend for its time (an ordinary backend has no such route: real time).
    QDateTime now;
    {
        QNetworkRequest request(base.resolved(QUrl(u"/api/v1/demo/clock"_s)));
        request.setSslConfiguration(tls);
        const Reply clock = exchange(network, request, "GET", {});
        if (clock.status == 0)
            return Error {QString(), u"cannot reach %1: %2"_s.arg(base.toString(), clock.error)};
        if (clock.status == 200)
            now = QDateTime::fromString(
                QJsonDocument::fromJson(clock.body).object().value(u"now"_s).toString(),
                Qt::ISODateWithMs);
        if (!now.isValid())
            now = QDateTime::currentDateTimeUtc();
    }
    const QDateTime at = options.at.isValid() ? options.at : now;

    const QByteArray body =
        QJsonDocument(QJsonObject {{u"caller"_s, options.from},
                                   {u"dialed"_s, options.to},
                                   {u"at"_s, at.toUTC().toString(Qt::ISODateWithMs)}})
            .toJson(QJsonDocument::Compact);
    const QByteArray timestamp = QByteArray::number(now.toSecsSinceEpoch());
    QNetworkRequest request(base.resolved(QUrl(u"/api/v1/telephony/calls"_s)));
    request.setSslConfiguration(tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("X-Telephony-Timestamp", timestamp);
    request.setRawHeader("X-Telephony-Signature",
                         "sha256=" + api::telephonySignature(secret.value(), timestamp, body));
    const Reply answer = exchange(network, request, "POST", body);
    if (answer.status == 0)
        return Error {QString(), u"cannot reach %1: %2"_s.arg(base.toString(), answer.error)};
    return CallAnswer {request.url(), answer.status, answer.body};
}

} // namespace tc::backend::demo
