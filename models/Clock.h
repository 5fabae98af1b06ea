#pragma once

#include <QDateTime>

#include <functional>

namespace tc {

// Where "now" comes from. Widgets take one so tests can set the time instead of waiting for it.
using Clock = std::function<QDateTime()>;

// The machine's clock, in UTC.
Clock systemClock();

} // namespace tc
