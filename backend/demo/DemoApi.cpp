#include "DemoApi.h"

#include "ErrorCodes.h"
#include "TokyoTime.h"

#include <QJsonObject>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcBackendDemo)

namespace tc::backend::demo {

using http::HttpRequest;
using http::HttpResponse;

namespace {

constexpr qint64 maxAdvanceSeconds = 24 * 3600;

HttpResponse clockAnswer(const Clock &clock)
{
    const QDateTime now = clock.now();
    return HttpResponse::json(
        200,
        QJsonObject {{u"now"_s, now.toUTC().toString(Qt::ISODateWithMs)},
                     {u"now_tokyo"_s, now.toTimeZone(tokyoTimeZone()).toString(Qt::ISODate)}});
}

} // namespace

void registerDemoApi(http::Router &router, const DemoApiContext &context)
{
    const Clock *clock = context.clock;
    router.add("GET", u"/api/v1/demo/clock"_s,
               [clock](const HttpRequest &) { return clockAnswer(*clock); });
    router.add("POST", u"/api/v1/demo/clock"_s,
               [clock, advance = context.advance](const HttpRequest &request) {
                   const Result<QJsonObject> body = request.jsonObject();
                   if (!body || body->size() != 1)
                       return HttpResponse::error(codes::MalformedRequest);
                   const QJsonValue value = body->value(u"advance_seconds"_s);
                   const double seconds = value.toDouble(-1);
                   if (!value.isDouble() || seconds != double(qint64(seconds)) || seconds < 1
                       || seconds > double(maxAdvanceSeconds))
                       return HttpResponse::error(
                           codes::MalformedRequest,
                           QJsonObject {{u"detail"_s,
                                         u"advance_seconds must be a whole number from 1 to "
                                         "86400"_s}});
                   advance(qint64(seconds) * 1000);
                   qCInfo(lcBackendDemo).noquote()
                       << "demo clock advanced by" << qint64(seconds) << "s to"
                       << clock->now().toTimeZone(tokyoTimeZone()).toString(Qt::ISODate);
                   return clockAnswer(*clock);
               });
}

} // namespace tc::backend::demo
