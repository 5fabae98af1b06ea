#pragma once

#include "Database.h"
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

// allow()'s count as one statement that yields a row when the call is allowed, for a
// PostgreSQL statement that counts in a WITH entry and reads on; then call sweepNowAndThen().
BoundSql countStatement(const QString &key, int windowSeconds, int limit, qint64 nowMs);

// Deletes the windows older than a day, on one call in 200 (allow() does it itself).
Status sweepNowAndThen(const QSqlDatabase &db, qint64 nowMs);

} // namespace RateLimiter
} // namespace tc::backend
