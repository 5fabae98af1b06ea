#include "BackendClient.h"

#include "Protocol.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNet, "tc.console.net")

namespace tc::client {

namespace {

// Set on a reply the client aborted because its transfer timeout passed (Qt reports that as a
// cancellation, which the caller did not ask for).
constexpr const char *timedOutProperty = "tc_timedOut";

bool isTransportFailure(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
        return true;
    default:
        return false;
    }
}

} // namespace

QString ConnectionSettings::validate() const
{
    if (!baseUrl.isValid() || baseUrl.host().isEmpty())
        return QCoreApplication::translate("tc::client::ConnectionSettings",
                                           "The backend address is not a valid URL.");
    if (baseUrl.scheme() != u"https"_s)
        return QCoreApplication::translate("tc::client::ConnectionSettings",
                                           "The backend address must start with https://.");
    if (!baseUrl.path().isEmpty() && baseUrl.path() != u"/"_s)
        return QCoreApplication::translate("tc::client::ConnectionSettings",
                                           "The backend address must not have a path.");
    if (pinnedCa.isEmpty())
        return QCoreApplication::translate(
            "tc::client::ConnectionSettings",
            "No CA certificate is pinned: the backend's certificate cannot be checked.");
    if (transferTimeoutMs <= 0)
        return QCoreApplication::translate("tc::client::ConnectionSettings",
                                           "The transfer timeout must be positive.");
    return {};
}

BackendClient::BackendClient(ConnectionSettings settings, QObject *parent) : QObject(parent)
{
    setSettings(std::move(settings));
}

BackendClient::~BackendClient() = default;

void BackendClient::setSettings(ConnectionSettings settings)
{
    m_settings = std::move(settings);
    // A new manager: a kept-alive TLS connection made under the old trust is never reused
    // (PLATFORM.md: one manager reuses it even when the next request pins another CA).
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setStrictTransportSecurityEnabled(false);
}

void BackendClient::setAccessToken(const QString &token)
{
    m_accessToken = token;
}

QNetworkRequest BackendClient::request(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_settings.baseUrl;
    url.setPath(path);
    url.setQuery(query);
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    // The pinned CAs and nothing else: never the system store.
    tls.setCaCertificates(m_settings.pinnedCa);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    request.setSslConfiguration(tls);
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!m_accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    return request;
}

void BackendClient::armTimeout(QNetworkReply *reply) const
{
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply] {
        reply->setProperty(timedOutProperty, true);
        reply->abort();
    });
    // Restarted by every byte: a slow answer that still moves is not a timeout.
    connect(reply, &QNetworkReply::downloadProgress, timer, qOverload<>(&QTimer::start));
    connect(reply, &QNetworkReply::uploadProgress, timer, qOverload<>(&QTimer::start));
    timer->start(m_settings.transferTimeoutMs);
}

QNetworkReply *BackendClient::get(const QString &path, const QUrlQuery &query,
                                  const QObject *context, JsonCallback callback)
{
    return issue("GET", path, query, {}, context, std::move(callback), /*retriesLeft=*/1);
}

QNetworkReply *BackendClient::send(const QByteArray &method, const QString &path,
                                   const QJsonObject &body, const QObject *context,
                                   JsonCallback callback)
{
    return issue(method, path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), context,
                 std::move(callback), /*retriesLeft=*/0);
}

QNetworkReply *BackendClient::releaseLock(
    qint64 accountId, const QString &lockKind, const protocol::StaffChange &change,
    const QObject *context,
    std::function<void(Result<protocol::LockReleaseAnswer, ClientError>)> callback)
{
    return sendAs<protocol::LockReleaseAnswer>(
        "DELETE", u"/api/v1/staff/accounts/%1/locks/%2"_s.arg(accountId).arg(lockKind),
        change.toJson(), context, std::move(callback));
}

QNetworkReply *BackendClient::revokeLinkage(
    qint64 linkageId, const protocol::StaffChange &change, const QObject *context,
    std::function<void(Result<protocol::LinkageRevocation, ClientError>)> callback)
{
    return sendAs<protocol::LinkageRevocation>("DELETE",
                                               u"/api/v1/staff/linkages/%1"_s.arg(linkageId),
                                               change.toJson(), context, std::move(callback));
}

QNetworkReply *BackendClient::issue(const QByteArray &method, const QString &path,
                                    const QUrlQuery &query, const QByteArray &body,
                                    const QObject *context, JsonCallback callback, int retriesLeft)
{
    QNetworkRequest request = this->request(path, query);
    QNetworkReply *reply = nullptr;
    if (method == "GET") {
        reply = m_network->get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        reply = m_network->sendCustomRequest(request, method, body);
    }
    armTimeout(reply);
    const QPointer<const QObject> guard(context);
    connect(reply, &QNetworkReply::finished, context,
            [this, reply, method, path, query, body, guard, callback = std::move(callback),
             retriesLeft]() mutable {
                reply->deleteLater();
                const QByteArray answer = reply->readAll();
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
                    if (status == 204 || answer.trimmed().isEmpty())
                        return callback(QJsonObject());
                    QJsonParseError parseError;
                    const QJsonDocument document = QJsonDocument::fromJson(answer, &parseError);
                    if (!document.isObject())
                        return callback(ClientError {.kind = ClientError::Kind::Decode,
                                                     .detail = u"not a JSON object: "_s
                                                         + parseError.errorString(),
                                                     .httpStatus = status});
                    return callback(document.object());
                }
                // An idempotent GET that never reached the server is tried once more.
                if (retriesLeft > 0 && status == 0 && isTransportFailure(reply->error()) && guard) {
                    qCInfo(lcNet) << "retrying" << path << "after" << reply->error();
                    issue(method, path, query, body, guard, std::move(callback), retriesLeft - 1);
                    return;
                }
                const ClientError error = errorOf(reply, answer);
                qCInfo(lcNet) << method << path << "failed:" << int(error.kind) << error.code
                              << error.httpStatus;
                if (error.kind == ClientError::Kind::SessionExpired)
                    Q_EMIT sessionExpired();
                callback(error);
            });
    return reply;
}

QNetworkReply *BackendClient::openStream(const QString &path, const QByteArray &lastEventId)
{
    QNetworkRequest request = this->request(path, {});
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Cache-Control", "no-cache");
    if (!lastEventId.isEmpty())
        request.setRawHeader("Last-Event-ID", lastEventId);
    request.setTransferTimeout(0); // a stream never ends by itself
    return m_network->get(request);
}

ClientError BackendClient::errorOf(QNetworkReply *reply, const QByteArray &body)
{
    ClientError error;
    error.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Aborted after the headers came (a newer request replaced it, or the timeout): the status
    // is known but the answer is not the server's last word.
    const bool aborted = reply->error() == QNetworkReply::OperationCanceledError;
    if (error.httpStatus == 0 || aborted) {
        const QNetworkReply::NetworkError network = reply->error();
        error.detail = reply->errorString();
        if (reply->property(timedOutProperty).toBool())
            error.kind = ClientError::Kind::Timeout;
        else if (network == QNetworkReply::OperationCanceledError)
            error.kind = ClientError::Kind::Cancelled;
        else if (network == QNetworkReply::SslHandshakeFailedError)
            error.kind = ClientError::Kind::Tls;
        else if (network == QNetworkReply::TimeoutError)
            error.kind = ClientError::Kind::Timeout;
        else
            error.kind = ClientError::Kind::Unreachable;
        return error;
    }
    const Result<protocol::ErrorBody> parsed =
        protocol::ErrorBody::fromJson(QJsonDocument::fromJson(body).object());
    if (!parsed) {
        error.kind = ClientError::Kind::Decode;
        error.detail = u"HTTP %1 without an error body"_s.arg(error.httpStatus);
        return error;
    }
    error.code = parsed.value().code;
    error.serverMessage = parsed.value().message;
    error.detail = parsed.value().detail;
    if (error.httpStatus == 401 && error.code == u"S03"_s)
        error.kind = ClientError::Kind::SessionExpired;
    else if (error.httpStatus == 403 && error.code == u"S04"_s)
        error.kind = ClientError::Kind::Forbidden;
    else
        error.kind = ClientError::Kind::Catalog;
    return error;
}

} // namespace tc::client
