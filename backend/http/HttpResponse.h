#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QStringView>

#include <functional>
#include <memory>
#include <utility>

namespace tc::backend::http {

class HttpStreamWriter;

// What a handler answers. The transport adds the headers every answer carries (Cache-Control:
// no-store, nosniff, HSTS, Date, Server, Content-Length, Connection) and overrides any a handler
// set for those.
struct HttpResponse
{
    // Called on the connection's thread once the head of a streaming answer is sent. It must
    // return quickly: keep the writer (it may be used from any thread) and return.
    using StreamOpened = std::function<void(std::shared_ptr<HttpStreamWriter>)>;

    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Set: a streaming answer (chunked transfer coding; server-sent events build on it). The
    // body is ignored and the connection closes when the stream finishes.
    StreamOpened streamOpened;

    bool isStream() const { return static_cast<bool>(streamOpened); }

    // Replaces any header of that name (names compare case-insensitively).
    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse json(int status, const QJsonDocument &document);

    // {"code": code, "message": <customer text>} with the catalog's HTTP status, plus `extra`
    // fields. A code missing from the catalog still yields a sane answer (and a log line).
    static HttpResponse error(QStringView code, const QJsonObject &extra = {});
    static HttpResponse error(QLatin1StringView code, const QJsonObject &extra = {});

    static HttpResponse stream(int status, const QByteArray &contentType, StreamOpened opened);
};

} // namespace tc::backend::http
