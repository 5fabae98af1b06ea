#pragma once

#include "Result.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <utility>

namespace tc::backend::http {

// The validated parts of an origin-form request target ("/a/b%20c?x=1").
struct RequestTarget
{
    QString path; // decoded: "/a/b c"
    QStringList segments; // decoded, split at '/': {"a", "b c"}
    QUrlQuery query; // still percent-encoded inside; read values with QUrl::FullyDecoded
};

// One complete request as a handler sees it. Everything in it has been checked by the
// transport: the method is a known token, the path is valid UTF-8 without NUL, control
// characters, encoded slashes or dot segments, and the body is within the configured limit.
struct HttpRequest
{
    QByteArray method; // upper case, as sent: "GET", "POST"
    QString path;
    QStringList segments;
    QUrlQuery query;
    // Names lower-cased, in arrival order; a header sent twice appears twice.
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer;
    QHash<QString, QString> pathParams; // filled by the Router: "{id}" → pathParams["id"]
    int httpMinorVersion = 1;

    // All values of a header joined by ", " (RFC 9110 5.3); empty when absent.
    // `lowerCaseName` must be lower case.
    QByteArray header(const QByteArray &lowerCaseName) const;
    QList<QByteArray> headerValues(const QByteArray &lowerCaseName) const;
    bool hasHeader(const QByteArray &lowerCaseName) const;

    QString pathParam(const QString &name) const { return pathParams.value(name); }

    // The body as a JSON object; an Error with key G01 when it is not one.
    Result<QJsonObject> jsonObject() const;

    // Validates and decodes a raw request target. Error key G01 when it is refused.
    static Result<RequestTarget> parseTarget(QByteArrayView rawTarget);
};

} // namespace tc::backend::http
