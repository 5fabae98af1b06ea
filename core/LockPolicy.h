#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>

namespace tc {

// The two locks of the seeds are independent: wrong identity data (screen ②) locks API linkage
// authentication for the day; wrong cash card PINs (screen ⑤) lock only the PIN step of API
// linkage authentication and never ATM or any other transaction.
enum class LockKind { Identity, Pin };

struct LockThresholds
{
    int identity = 5;
    int pin = 3;
};

// What one more counted failure does, given how many were already counted on the same Tokyo day.
struct FailureOutcome
{
    int failuresToday = 0; // including this one
    bool locksNow = false; // this failure reached the threshold
};

// The state of one lock of one account at an instant, derived from its failure times.
struct LockState
{
    int failuresToday = 0;
    bool locked = false;
    QDateTime lockedAt; // the failure that reached the threshold (UTC), when locked
    QDateTime releaseAt; // the next 00:00 Tokyo after lockedAt, when locked
};

class LockPolicy final
{
public:
    // Thresholds below 1 are clamped to 1 (isValid tells the caller to refuse them first).
    explicit LockPolicy(LockThresholds thresholds = {});

    // Rejects thresholds below 1 (a lock that engages before any failure makes no sense).
    static bool isValid(const LockThresholds &thresholds);

    int threshold(LockKind kind) const;
    const LockThresholds &thresholds() const { return m_thresholds; }

    // Failures are counted per account per Tokyo calendar day.
    QDate countingDay(const QDateTime &instant) const;

    // A lock releases by itself at the next 00:00 Asia/Tokyo after it engaged.
    QDateTime releaseTime(const QDateTime &lockedAt) const;
    bool isLocked(const QDateTime &lockedAt, const QDateTime &now) const;

    FailureOutcome recordFailure(LockKind kind, int failuresAlreadyToday) const;

    // Replays failure instants (any order) and tells the state at `now`. Failures of earlier
    // Tokyo days do not count; failures after a lock engaged on the same day do not add to it.
    LockState evaluate(LockKind kind, QList<QDateTime> failureTimes, const QDateTime &now) const;

private:
    LockThresholds m_thresholds;
};

} // namespace tc
