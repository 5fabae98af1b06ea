#pragma once

#include "http/Router.h"

namespace tc::backend::staff {

class StaffAccounts;

// The staff session calls of the API contract: POST /api/v1/staff/session (sign in with
// username, password and totp), POST /api/v1/staff/session/refresh (refresh_token) and
// DELETE /api/v1/staff/session (bearer). `accounts` must outlive the router.
void registerStaffSessionApi(http::Router &router, StaffAccounts &accounts);

} // namespace tc::backend::staff
