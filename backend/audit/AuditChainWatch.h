#pragma once

#include "AuditVerify.h"
#include "Result.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMutex>

#include <chrono>
#include <optional>

namespace tc::backend::audit {

class AuditLog;

// The audit chain's state as the staff API reports it (GET /api/v1/staff/audit/chain): the
// report of the same full verification `auth-backend audit verify` runs (every row, link,
// checkpoint signature, head and checkpoint file of this instance), kept for `maxAge` and
// shared by every caller meanwhile. A walk costs about a second per million rows on two cores
// (bench/RESULTS.md), so supervisors opening the view cost at most one walk per period; callers
// arriving while a walk runs wait for it instead of starting their own (docs/decisions.md).
class AuditChainWatch final
{
    Q_DISABLE_COPY_MOVE(AuditChainWatch)

public:
    explicit AuditChainWatch(AuditLog &log,
                             std::chrono::milliseconds maxAge = std::chrono::minutes(5));

    struct State
    {
        VerifyReport report;
        qint64 checkedAtMs = 0; // the backend clock's time of the walk
    };
    // The last report younger than maxAge, or a new walk's. Call outside any transaction of
    // this thread's connection (the walk reads a snapshot of its own).
    Result<State> state();

private:
    AuditLog &m_log;
    std::chrono::milliseconds m_maxAge;
    QMutex m_mutex;
    std::optional<State> m_last;
    QElapsedTimer m_age;
};

} // namespace tc::backend::audit
