#pragma once

#include "Result.h"

#include <QSqlDatabase>
#include <QString>

namespace tc::backend {

// Counts calls per key (a source address, an app) in fixed windows, in the database, so every
// backend instance sees the same counts and none keeps state of its own.
namespace RateLimiter {

// Counts this call; false when the key has already made `limit` calls in the current window.
Result<bool> allow(const QSqlDatabase &db, const QString &key, int windowSeconds, int limit,
                   qint64 nowMs);

} // namespace RateLimiter
} // namespace tc::backend
