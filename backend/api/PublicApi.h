#pragma once

#include "Clock.h"
#include "Database.h"
#include "FlowService.h"
#include "OAuthService.h"
#include "http/Router.h"

#include <memory>

namespace tc::backend::api {

struct PublicApiContext
{
    FlowService *flows = nullptr;
    OAuthService *oauth = nullptr;
    Database *database = nullptr;
    const Clock *clock = nullptr;
    QByteArray telephonySecret; // HMAC key shared with the telephony provider
    // The public base URL, "https://auth.example.jp"; shared because a server started on port 0
    // learns its own address only once it listens.
    std::shared_ptr<const QString> issuer;
    int telephonyToleranceSeconds = 300; // how old a signed webhook may be
};

// The customer flow (screens ①–⑥), the telephony webhook, OAuth for the apps and the account
// API, as ARCHITECTURE.md's contract lists them. The services must outlive the router.
void registerPublicApi(http::Router &router, const PublicApiContext &context);

// The signature the telephony provider puts on a webhook: hex HMAC-SHA256 over
// "<timestamp>.<body>" (the timestamp binds the body to its moment, against replays).
QByteArray telephonySignature(const QByteArray &secret, const QByteArray &timestamp,
                              const QByteArray &body);

} // namespace tc::backend::api
