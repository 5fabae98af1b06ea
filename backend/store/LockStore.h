#pragma once

#include "LockPolicy.h"
#include "Result.h"

#include <QDate>
#include <QSqlDatabase>
#include <QVariantList>

namespace tc::backend {

struct CountedFailure
{
    bool counted = false; // false: the lock was already on, nothing was added
    int failures = 0; // failures of the day after this one
    bool lockedNow = false; // this failure reached the threshold
};

// The failure counters behind the two locks. Each change is one SQL statement, so counts stay
// exact with any number of concurrent requests and backend instances.
namespace LockStore {

QString kindName(LockKind kind);

Result<bool> isLocked(const QSqlDatabase &db, qint64 accountId, LockKind kind, QDate tokyoDay);

// isLocked()'s question as an EXISTS (…) about the account `accountExpression` (a `?` or a
// column of the statement it goes into), with the two values lockedValues() gives, for a
// statement that asks it beside other columns.
QString lockedExists(const QString &accountExpression);
QVariantList lockedValues(LockKind kind, QDate tokyoDay);

// Adds one failure unless the threshold is already reached (then counted = false).
Result<CountedFailure> countFailure(const QSqlDatabase &db, qint64 accountId, LockKind kind,
                                    QDate tokyoDay, int threshold, qint64 nowMs);

} // namespace LockStore
} // namespace tc::backend
