#pragma once

#include "ClientError.h"
#include "Protocol.h"
#include "Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace tc::client {

// Where the backend is and how far to trust it; read from and written to Settings.
struct ConnectionSettings
{
    QUrl baseUrl; // https://host:port, no path
    QList<QSslCertificate> pinnedCa; // the only CAs trusted; never the system store
    int transferTimeoutMs = 15000;

    // Empty when usable, else a sentence naming what is wrong (not https, no CA, …).
    QString validate() const;
};

// The one object that talks to auth-backend: owns the QNetworkAccessManager, pins the CA,
// adds the bearer token, retries an idempotent GET once on a transport failure, and turns every
// failure into a ClientError. Widgets ask models, models ask this client; nobody else builds a
// request.
class BackendClient final : public QObject
{
    Q_OBJECT

public:
    using JsonCallback = std::function<void(Result<QJsonObject, ClientError>)>;

    explicit BackendClient(ConnectionSettings settings, QObject *parent = nullptr);
    ~BackendClient() override;

    const ConnectionSettings &settings() const { return m_settings; }
    // Replaces the connection (a new manager, so a kept-alive TLS connection of the old trust
    // is never reused).
    void setSettings(ConnectionSettings settings);

    // The staff session's access token, sent as `Authorization: Bearer`; memory only.
    void setAccessToken(const QString &token);
    bool hasAccessToken() const { return !m_accessToken.isEmpty(); }

    // A call. `callback` runs on the event loop unless `context` is destroyed first; answers
    // of 2xx with a JSON object (or 204, as an empty object) are values, everything else a
    // ClientError. Answers the reply so a caller may abort it (the callback then gets
    // Kind::Cancelled).
    QNetworkReply *get(const QString &path, const QUrlQuery &query, const QObject *context,
                       JsonCallback callback);
    QNetworkReply *send(const QByteArray &method, const QString &path, const QJsonObject &body,
                        const QObject *context, JsonCallback callback);

    // Decodes the answer with T::fromJson (core/Protocol.h); a decode failure is Kind::Decode.
    template<typename T>
    QNetworkReply *getAs(const QString &path, const QUrlQuery &query, const QObject *context,
                         std::function<void(Result<T, ClientError>)> callback)
    {
        return get(path, query, context, decodingAs<T>(std::move(callback)));
    }

    // Sends a body and decodes the answer with T::fromJson, as getAs does.
    template<typename T>
    QNetworkReply *sendAs(const QByteArray &method, const QString &path, const QJsonObject &body,
                          const QObject *context,
                          std::function<void(Result<T, ClientError>)> callback)
    {
        return send(method, path, body, context, decodingAs<T>(std::move(callback)));
    }

    // Clears an account's identity or PIN lock early (`lockKind` "identity" or "pin"): released
    // now, or a request waiting for a supervisor's approval.
    QNetworkReply *
    releaseLock(qint64 accountId, const QString &lockKind, const protocol::StaffChange &change,
                const QObject *context,
                std::function<void(Result<protocol::LockReleaseAnswer, ClientError>)> callback);
    // Ends an app linkage and all its tokens at once.
    QNetworkReply *
    revokeLinkage(qint64 linkageId, const protocol::StaffChange &change, const QObject *context,
                  std::function<void(Result<protocol::LinkageRevocation, ClientError>)> callback);

    // The long-lived GET of the event stream (text/event-stream), with the bearer token and
    // Last-Event-ID when given; no timeout. The caller owns and reads the reply.
    QNetworkReply *openStream(const QString &path, const QByteArray &lastEventId);

    // Maps a finished reply (network error, HTTP status, error body) to a ClientError.
    static ClientError errorOf(QNetworkReply *reply, const QByteArray &body);

Q_SIGNALS:
    // Any call answered 401 S03: the session is over; Session signs in again, the screen stays.
    void sessionExpired();

private:
    Q_DISABLE_COPY_MOVE(BackendClient)

    template<typename T>
    static JsonCallback decodingAs(std::function<void(Result<T, ClientError>)> callback)
    {
        return [callback = std::move(callback)](Result<QJsonObject, ClientError> answer) {
            if (!answer)
                return callback(answer.error());
            Result<T> decoded = T::fromJson(answer.value());
            if (!decoded)
                return callback(ClientError {.kind = ClientError::Kind::Decode,
                                             .detail = decoded.error().message});
            callback(std::move(decoded).value());
        };
    }

    QNetworkRequest request(const QString &path, const QUrlQuery &query) const;
    // Aborts the reply when no byte moved for the transfer timeout (then Kind::Timeout).
    void armTimeout(QNetworkReply *reply) const;
    QNetworkReply *issue(const QByteArray &method, const QString &path, const QUrlQuery &query,
                         const QByteArray &body, const QObject *context, JsonCallback callback,
                         int retriesLeft);

    ConnectionSettings m_settings;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QString m_accessToken;
};

} // namespace tc::client
