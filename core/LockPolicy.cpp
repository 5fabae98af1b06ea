#include "LockPolicy.h"

#include "TokyoTime.h"

#include <algorithm>

namespace tc {

LockPolicy::LockPolicy(LockThresholds thresholds)
    // A threshold below 1 is a configuration error isValid reports; clamping keeps the policy
    // on the strict side (lock at the first failure) instead of never locking.
    : m_thresholds {std::max(thresholds.identity, 1), std::max(thresholds.pin, 1)}
{ }

bool LockPolicy::isValid(const LockThresholds &thresholds)
{
    return thresholds.identity >= 1 && thresholds.pin >= 1;
}

int LockPolicy::threshold(LockKind kind) const
{
    switch (kind) {
    case LockKind::Identity:
        return m_thresholds.identity;
    case LockKind::Pin:
        return m_thresholds.pin;
    }
    Q_UNREACHABLE();
    return m_thresholds.identity;
}

QDate LockPolicy::countingDay(const QDateTime &instant) const
{
    return tokyoDate(instant);
}

QDateTime LockPolicy::releaseTime(const QDateTime &lockedAt) const
{
    return nextTokyoMidnight(lockedAt);
}

bool LockPolicy::isLocked(const QDateTime &lockedAt, const QDateTime &now) const
{
    if (!lockedAt.isValid() || !now.isValid())
        return false;
    return lockedAt <= now && now < releaseTime(lockedAt);
}

FailureOutcome LockPolicy::recordFailure(LockKind kind, int failuresAlreadyToday) const
{
    FailureOutcome outcome;
    outcome.failuresToday = std::max(failuresAlreadyToday, 0) + 1;
    // Only the failure that reaches the threshold engages the lock; later ones (which a locked
    // account should not be able to produce) must not engage it again with a later release.
    outcome.locksNow = outcome.failuresToday == threshold(kind);
    return outcome;
}

LockState LockPolicy::evaluate(LockKind kind, QList<QDateTime> failureTimes,
                               const QDateTime &now) const
{
    LockState state;
    if (!now.isValid())
        return state;
    const QDate today = countingDay(now);
    const auto notCounted = [&](const QDateTime &failure) {
        return !failure.isValid() || now < failure || countingDay(failure) != today;
    };
    failureTimes.removeIf(notCounted);
    std::sort(failureTimes.begin(), failureTimes.end());

    state.failuresToday = static_cast<int>(failureTimes.size());
    const int limit = threshold(kind);
    if (state.failuresToday < limit)
        return state;
    state.lockedAt = failureTimes.at(limit - 1).toUTC();
    state.releaseAt = releaseTime(state.lockedAt);
    state.locked = isLocked(state.lockedAt, now);
    return state;
}

} // namespace tc
