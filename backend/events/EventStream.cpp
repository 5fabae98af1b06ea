#include "EventStream.h"

#include "ErrorCodes.h"
#include "EventHub.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "http/Router.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEventStream, "tc.backend.events.stream")

namespace tc::backend::events {
namespace {

// The id a reconnecting client last received; nullopt when it sent none, an Error when the
// value is not an event id.
Result<std::optional<qint64>> lastEventId(const http::HttpRequest &request)
{
    QString text;
    if (request.hasHeader("last-event-id"))
        text = QString::fromLatin1(request.header("last-event-id")).trimmed();
    else if (request.query.hasQueryItem(u"last_event_id"_s))
        text = request.query.queryItemValue(u"last_event_id"_s, QUrl::FullyDecoded).trimmed();
    else
        return std::optional<qint64>();
    if (text.isEmpty())
        return std::optional<qint64>(); // EventSource sends an empty one before any id
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id < 0 || text.size() > 19)
        return Error {QString(codes::MalformedRequest), u"last event id"_s};
    return std::optional<qint64>(id);
}

} // namespace

void registerEventStream(http::Router &router, const EventStreamContext &context)
{
    router.add("GET", u"/api/v1/staff/events"_s,
               [context](const http::HttpRequest &request) -> http::HttpResponse {
                   const Result<staff::StaffPrincipal> caller = context.authenticate(
                       request.header("authorization"), request.peer.toString());
                   if (!caller)
                       return http::HttpResponse::error(caller.error().key);
                   const Result<std::optional<qint64>> resumeAfter = lastEventId(request);
                   if (!resumeAfter)
                       return http::HttpResponse::error(codes::MalformedRequest);
                   EventHub *hub = context.hub;
                   std::shared_ptr<EventHub::Subscription> subscription =
                       hub->reserve(caller.value(), resumeAfter.value());
                   if (!subscription) {
                       qCInfo(lcEventStream) << "event stream refused: limit reached";
                       return http::HttpResponse::error(codes::TooManyRequests);
                   }
                   http::HttpResponse response = http::HttpResponse::stream(
                       200, "text/event-stream; charset=utf-8",
                       [hub, subscription](std::shared_ptr<http::HttpStreamWriter> writer) {
                           hub->attach(subscription, std::move(writer));
                       });
                   // Proxies must pass each event on at once.
                   response.setHeader("X-Accel-Buffering", "no");
                   return response;
               });
}

} // namespace tc::backend::events
