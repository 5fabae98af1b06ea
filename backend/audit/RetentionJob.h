#pragma once

#include "PeriodicTask.h"
#include "Result.h"

#include <optional>

namespace tc::backend {
class Clock;
class Database;
} // namespace tc::backend

namespace tc::backend::audit {

class AuditLog;

struct PurgeReport
{
    qint64 cutoffMs = 0; // rows older than this were purged
    qint64 attemptsDeleted = 0;
    qint64 eventsDeleted = 0;
    qint64 auditRowsDeleted = 0;
    std::optional<qint64> purgedThroughSeq; // the signed purge checkpoint's seq, if any rows went
};

// Retention (retention/days): deletes attempts, events and the audit chain's prefix older than
// the period, in one transaction that first locks the chain's head (so two instances purging at
// once take turns, and appends wait), signs a "purge" checkpoint of the last purged row's seq and
// hash (so verify starts the chain from it), and records the purge itself as an audit row
// (action "retention.purge").
class RetentionJob final
{
    Q_DISABLE_COPY_MOVE(RetentionJob)

public:
    RetentionJob(Database &database, const Clock &clock, AuditLog &audit, int retentionDays);
    ~RetentionJob();

    Result<PurgeReport> run();

    // Runs once a day (first `firstDelayMs` after start); call on a thread with an event loop.
    void start(int firstDelayMs = 5 * 60 * 1000);
    void stop();

private:
    Database &m_database;
    const Clock &m_clock;
    AuditLog &m_audit;
    int m_retentionDays;
    PeriodicTask m_daily;
};

} // namespace tc::backend::audit
