#include "RateLimiter.h"

#include "Database.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace tc::backend::RateLimiter {

BoundSql countStatement(const QString &key, int windowSeconds, int limit, qint64 nowMs)
{
    const qint64 windowMs = qint64(windowSeconds) * 1000;
    const qint64 windowStart = nowMs - nowMs % windowMs;
    // Past the limit the counter stops growing (the WHERE refuses the update), which also keeps
    // a flood from turning into a flood of writes.
    return {u"INSERT INTO rate_counters (counter_key, window_start, calls) "
            "VALUES (?, ?, 1) ON CONFLICT (counter_key, window_start) DO UPDATE "
            "SET calls = rate_counters.calls + 1 "
            "WHERE rate_counters.calls < CAST(? AS INTEGER) RETURNING calls"_s,
            {key, windowStart, limit}};
}

Status sweepNowAndThen(const QSqlDatabase &db, qint64 nowMs)
{
    // Old windows are swept by whichever call draws the short straw.
    if (QRandomGenerator::global()->bounded(200) != 0)
        return Success {};
    auto swept = runQuery(db, u"DELETE FROM rate_counters WHERE window_start < ?"_s,
                          {nowMs - 24LL * 3600 * 1000}, u"sweep rate counters"_s);
    return swept ? Status(Success {}) : Status(swept.error());
}

Result<bool> allow(const QSqlDatabase &db, const QString &key, int windowSeconds, int limit,
                   qint64 nowMs)
{
    const BoundSql count = countStatement(key, windowSeconds, limit, nowMs);
    auto counted = runQuery(db, count.sql, count.values, u"count call"_s);
    if (!counted)
        return counted.error();
    const bool allowed = counted.value().next();
    counted.value().finish();
    if (Status swept = sweepNowAndThen(db, nowMs); !swept)
        return swept.error();
    return allowed;
}

} // namespace tc::backend::RateLimiter
