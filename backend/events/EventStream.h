#pragma once

#include "Result.h"
#include "StaffPrincipal.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace tc::backend::http {
class Router;
}

namespace tc::backend::events {

class EventHub;

struct EventStreamContext
{
    EventHub *hub = nullptr;
    // StaffAccounts::authenticate: the caller behind the Authorization header, or an Error whose
    // key is a catalog code (S03).
    std::function<Result<staff::StaffPrincipal>(const QByteArray &authorizationHeader,
                                                const QString &sourceAddress)>
        authenticate;
};

// GET /api/v1/staff/events: server-sent events (text/event-stream) of the caller's scope —
// attempts, locks, releases, revocations and suspensions as they happen, on any instance.
// Last-Event-ID (header, or ?last_event_id= for clients that cannot set it) replays what the
// client missed first. docs/api.md shows a stream.
void registerEventStream(http::Router &router, const EventStreamContext &context);

} // namespace tc::backend::events
