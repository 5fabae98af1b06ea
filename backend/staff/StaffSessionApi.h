#pragma once

#include "StaffApi.h"
#include "http/Router.h"

namespace tc::backend::staff {

class StaffAccounts;

// The staff session calls of the API contract: POST /api/v1/staff/session (sign in with
// username, password and totp), POST /api/v1/staff/session/refresh (refresh_token) and
// DELETE /api/v1/staff/session (bearer). `accounts` must outlive the router.
// Sign-ins (refused ones too) and sign-outs go to the audit log; refreshes do not. The objects
// in `context` must outlive the router.
void registerStaffSessionApi(http::Router &router, const StaffApiContext &context);

} // namespace tc::backend::staff
