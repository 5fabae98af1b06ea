#pragma once

#include "CallerChecks.h"
#include "Result.h"
#include "http/Router.h"

namespace tc::backend {
class Clock;
class Database;
class FlowService;
namespace audit {
class AuditLog;
}
} // namespace tc::backend

namespace tc::backend::staff {

class StaffAccounts;

struct StaffApiContext
{
    Database *database = nullptr;
    const Clock *clock = nullptr;
    StaffAccounts *accounts = nullptr;
    audit::AuditLog *audit = nullptr;
    const FlowService *flows = nullptr; // the institutions' service calendars
    CallerChecks::Limits callerCheckLimits;
};

// The staff endpoints of ARCHITECTURE.md's contract (the session calls are registered by
// registerStaffSessionApi, the event stream by the events module). Deny by default: every call
// authenticates its bearer token first and asks the caller's StaffPrincipal what it may see;
// every call that reads or changes customer data writes an audit row in the same transaction,
// refusals included. The objects in `context` must outlive the router.
void registerStaffApi(http::Router &router, const StaffApiContext &context);

// How every staff call answers a refusal: its catalog code (G01 with a `detail` of what was
// wrong, S03 with the Bearer challenge of RFC 6750); an error without a catalog code is a
// system error (A03), whose details stay in the log.
http::HttpResponse staffErrorResponse(const Error &error);

} // namespace tc::backend::staff
