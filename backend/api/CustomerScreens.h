#pragma once

#include "Clock.h"
#include "Database.h"
#include "FlowService.h"
#include "http/Router.h"

#include <QString>

#include <memory>

namespace tc::backend::api {

struct CustomerScreensContext
{
    FlowService *flows = nullptr;
    Database *database = nullptr;
    const Clock *clock = nullptr;
    // The public base URL, "https://auth.example.jp"; set once the server listens (read per
    // request, after that).
    std::shared_ptr<const QString> issuer;
};

// The browser side of the customer flow: the OAuth authorization endpoint (RFC 6749 §4.1.1 with
// PKCE, RFC 7636) that starts a flow and sends the app's web view to it, and the screens ①–⑥
// (one HTML page, its script and style, compiled in from resources/web/) that walk the flow
// through the JSON API. The services must outlive the router.
//
// GET /oauth/authorize        → 303 to <issuer>/flows/<id>; an unknown client or redirect URI
//                               gets an error page and is never redirected to (§4.1.2.1)
// GET /flows/{id}             → the screens (HTML, strict CSP: scripts and styles from self only)
// GET /flows/assets/{file}    → screens.js, screens.css
void registerCustomerScreens(http::Router &router, const CustomerScreensContext &context);

} // namespace tc::backend::api
