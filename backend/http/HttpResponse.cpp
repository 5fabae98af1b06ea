#include "HttpResponse.h"

#include "ErrorCatalog.h"
#include "ErrorCodes.h"
#include "HttpLogging.h"

using namespace Qt::StringLiterals;

namespace tc::backend::http {
namespace {

// Used only while a code is missing from the catalog (it is being filled): the status the
// transport's own codes must have, so a gap never turns a client's mistake into a 500.
int fallbackStatus(QStringView code)
{
    static const std::pair<QLatin1StringView, int> known[] = {
        {codes::MalformedRequest, 400}, {codes::UnknownPath, 404},
        {codes::MethodNotAllowed, 405}, {codes::PayloadTooLarge, 413},
        {codes::TooManyRequests, 429},  {codes::Congested, 503},
        {codes::SystemError, 500},      {codes::Unauthorized, 401},
    };
    for (const auto &[knownCode, status] : known) {
        if (code == knownCode)
            return status;
    }
    return 500;
}

} // namespace

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    headers.removeIf(
        [&](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[headerName, value] : headers) {
        if (headerName.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    return json(status, QJsonDocument(object));
}

HttpResponse HttpResponse::json(int status, const QJsonDocument &document)
{
    HttpResponse response;
    response.status = status;
    response.body = document.toJson(QJsonDocument::Compact);
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    return response;
}

HttpResponse HttpResponse::error(QStringView code, const QJsonObject &extra)
{
    QJsonObject body = extra;
    int status = 500;
    if (const CatalogEntry *entry = ErrorCatalog::builtIn().find(code)) {
        status = entry->httpStatus;
        body.insert(u"code"_s, entry->code);
        body.insert(u"message"_s, entry->customerMessage);
    } else {
        qCWarning(lcHttp) << "error code missing from the catalog:" << code;
        status = fallbackStatus(code);
        body.insert(u"code"_s, code.toString());
        // "An error occurred." — generic until the catalog carries the code.
        body.insert(u"message"_s, u"エラーが発生しました。"_s);
    }
    return json(status, body);
}

HttpResponse HttpResponse::error(QLatin1StringView code, const QJsonObject &extra)
{
    return error(QStringView(QString(code)), extra);
}

HttpResponse HttpResponse::stream(int status, const QByteArray &contentType, StreamOpened opened)
{
    HttpResponse response;
    response.status = status;
    response.setHeader("Content-Type", contentType);
    response.streamOpened = std::move(opened);
    return response;
}

} // namespace tc::backend::http
