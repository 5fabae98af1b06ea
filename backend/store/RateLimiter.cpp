#include "RateLimiter.h"

#include "Database.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace tc::backend::RateLimiter {

Result<bool> allow(const QSqlDatabase &db, const QString &key, int windowSeconds, int limit,
                   qint64 nowMs)
{
    const qint64 windowMs = qint64(windowSeconds) * 1000;
    const qint64 windowStart = nowMs - nowMs % windowMs;
    // Past the limit the counter stops growing (the WHERE refuses the update), which also keeps
    // a flood from turning into a flood of writes.
    auto counted = runQuery(db,
                            u"INSERT INTO rate_counters (counter_key, window_start, calls) "
                            "VALUES (?, ?, 1) ON CONFLICT (counter_key, window_start) DO UPDATE "
                            "SET calls = rate_counters.calls + 1 "
                            "WHERE rate_counters.calls < CAST(? AS INTEGER) RETURNING calls"_s,
                            {key, windowStart, limit}, u"count call"_s);
    if (!counted)
        return counted.error();
    const bool allowed = counted.value().next();
    // Old windows are swept now and then by whichever call draws the short straw.
    if (QRandomGenerator::global()->bounded(200) == 0) {
        if (!runQuery(db, u"DELETE FROM rate_counters WHERE window_start < ?"_s,
                      {nowMs - 24LL * 3600 * 1000}, u"sweep rate counters"_s))
            return Database::failure(u"sweep rate counters"_s, {});
    }
    return allowed;
}

} // namespace tc::backend::RateLimiter
