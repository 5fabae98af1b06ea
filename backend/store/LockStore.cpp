#include "LockStore.h"

#include "Database.h"
#include "EventLog.h"

using namespace Qt::StringLiterals;

namespace tc::backend::LockStore {

QString kindName(LockKind kind)
{
    return kind == LockKind::Pin ? u"pin"_s : u"identity"_s;
}

QString lockedExists(const QString &accountExpression)
{
    return u"EXISTS (SELECT 1 FROM lock_counters WHERE account_id = %1 AND kind = ? AND day = ? "
           "AND locked_at IS NOT NULL)"_s.arg(accountExpression);
}

QVariantList lockedValues(LockKind kind, QDate tokyoDay)
{
    return {kindName(kind), tokyoDay.toString(Qt::ISODate)};
}

Result<bool> isLocked(const QSqlDatabase &db, qint64 accountId, LockKind kind, QDate tokyoDay)
{
    static const QString select = u"SELECT "_s + lockedExists(u"?"_s);
    auto query = runQuery(db, select, QVariantList {accountId} + lockedValues(kind, tokyoDay),
                          u"read lock"_s);
    if (!query)
        return query.error();
    return query.value().next() && query.value().value(0).toBool();
}

Result<CountedFailure> countFailure(const QSqlDatabase &db, qint64 accountId, LockKind kind,
                                    QDate tokyoDay, int threshold, qint64 nowMs)
{
    // The WHERE of the upsert refuses to count past the threshold, so a hundred concurrent
    // wrong answers record exactly `threshold` failures, never one more.
    auto query = runQuery(
        db,
        u"INSERT INTO lock_counters (account_id, kind, day, failures, locked_at) "
        "VALUES (?, ?, ?, 1, CASE WHEN CAST(? AS INTEGER) <= 1 THEN CAST(? AS BIGINT) END) "
        "ON CONFLICT (account_id, kind, day) DO UPDATE SET "
        "failures = lock_counters.failures + 1, "
        "locked_at = CASE WHEN lock_counters.failures + 1 >= CAST(? AS INTEGER) "
        "THEN CAST(? AS BIGINT) ELSE NULL END "
        "WHERE lock_counters.failures < CAST(? AS INTEGER) "
        "RETURNING failures, locked_at"_s,
        {accountId, kindName(kind), tokyoDay.toString(Qt::ISODate), threshold, nowMs, threshold,
         nowMs, threshold},
        u"count failure"_s);
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    if (!q.next())
        return CountedFailure {.counted = false, .failures = threshold, .lockedNow = false};
    CountedFailure result;
    result.counted = true;
    result.failures = q.value(0).toInt();
    result.lockedNow = !q.value(1).isNull();
    if (result.lockedNow) {
        if (Status recorded = events::recordLock(db, accountId, kind, tokyoDay, nowMs); !recorded)
            return recorded.error();
    }
    return result;
}

} // namespace tc::backend::LockStore
