#pragma once

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
};

// The staff endpoints of ARCHITECTURE.md's contract (the session calls are registered by
// registerStaffSessionApi, the event stream by the events module). Deny by default: every call
// authenticates its bearer token first and asks the caller's StaffPrincipal what it may see;
// every call that reads or changes customer data writes an audit row in the same transaction,
// refusals included. The objects in `context` must outlive the router.
void registerStaffApi(http::Router &router, const StaffApiContext &context);

} // namespace tc::backend::staff
