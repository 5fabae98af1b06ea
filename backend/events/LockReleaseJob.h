#pragma once

#include "Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QThread>

#include <memory>

namespace tc::backend {
class Clock;
class Database;
} // namespace tc::backend

namespace tc::backend::events {

// Locks end by themselves at the next 00:00 Asia/Tokyo (the next day's counter starts at zero).
// This job writes that end into the lock history, as staff releases are written: one
// 'released_at_midnight' row of lock_events per lock, at the midnight instant, and a "release"
// event for the live stream. The row's time is the midnight itself, not when the job ran, so
// any number of runs and of backend instances write it once (UNIQUE + ON CONFLICT DO NOTHING),
// and only the run whose insert happened publishes the event. Early-release requests still
// pending for an earlier day lapse in the same run, each with its "release_request" event.
class LockReleaseJob final
{
    Q_DISABLE_COPY_MOVE(LockReleaseJob)

public:
    // Locks of up to this many past Tokyo days are caught up on (a backend that was down).
    static constexpr int CatchUpDays = 7;

    LockReleaseJob(Database &database, const Clock &clock);
    ~LockReleaseJob();

    // Records every lock of an earlier Tokyo day (than the clock's today) that is not recorded
    // as ended yet; answers how many rows this call inserted.
    Result<int> runOnce();

    // Runs now (catching up) and then again within `recheckMs`, and right after each Tokyo
    // midnight of the clock, on a thread of its own.
    void start(int recheckMs = 30000);
    void stop();

private:
    Status lapsePendingRequests(const QSqlDatabase &db, const QString &todayText);

    Database &m_database;
    const Clock &m_clock;
    std::unique_ptr<QThread> m_thread;
};

} // namespace tc::backend::events
