#pragma once

#include "Clock.h"
#include "http/Router.h"

#include <QDateTime>

#include <functional>

namespace tc::backend::demo {

// Routes that exist only in training mode (`auth-backend --demo`): outside it they are never
// registered, so they answer 404 like any unknown path.
//   GET  /api/v1/demo/clock                      → {now, now_tokyo}
//   POST /api/v1/demo/clock {advance_seconds: N} → {now, now_tokyo} after moving N (1–86400) s
struct DemoApiContext
{
    const Clock *clock = nullptr;
    std::function<void(qint64 milliseconds)> advance; // moves `clock` forward
};

void registerDemoApi(http::Router &router, const DemoApiContext &context);

} // namespace tc::backend::demo
