#pragma once

#include "HttpRequest.h"
#include "HttpResponse.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace tc::backend::http {

// Maps method + path pattern to a handler. Filled once before the server starts, then only read
// (from the network thread), so it needs no lock.
class Router final
{
public:
    // Runs on a worker thread (handlers do database work); may throw: the transport answers
    // 500 A03 and logs it.
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    enum class Outcome { Found, UnknownPath, WrongMethod };

    struct Match
    {
        Outcome outcome = Outcome::UnknownPath;
        Handler handler;
        QString pattern; // the route as registered, for logs (ids stay out of them)
        QHash<QString, QString> params;
        QByteArray allow; // with WrongMethod: the methods the path accepts, "GET, POST"
    };

    Router() = default;
    Q_DISABLE_COPY_MOVE(Router)

    // `pattern`: "/api/v1/flows/{id}/account"; a "{name}" segment matches any one segment.
    // A malformed pattern or a duplicate route is a programming error and aborts at start.
    void add(const QByteArray &method, const QString &pattern, Handler handler);

    // Where several patterns match, the one with a literal segment at the first place they
    // differ wins ("/customers/search" before "/customers/{id}").
    Match match(const QByteArray &method, const QStringList &segments) const;

private:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments; // literal text, or the parameter name when isParam
        QList<bool> isParam;
        Handler handler;
    };

    static bool matches(const Route &route, const QStringList &segments);
    static bool moreSpecific(const Route &a, const Route &b);

    QList<Route> m_routes;
};

} // namespace tc::backend::http
