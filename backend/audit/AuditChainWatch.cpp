#include "AuditChainWatch.h"

#include "AuditLog.h"
#include "Clock.h"

namespace tc::backend::audit {

AuditChainWatch::AuditChainWatch(AuditLog &log, std::chrono::milliseconds maxAge)
    : m_log(log), m_maxAge(maxAge)
{ }

Result<AuditChainWatch::State> AuditChainWatch::state()
{
    const QMutexLocker locker(&m_mutex);
    if (m_last && m_age.isValid() && m_age.elapsed() < m_maxAge.count())
        return *m_last;
    const qint64 startedMs = m_log.clock().now().toMSecsSinceEpoch();
    Result<VerifyReport> report =
        verify(m_log.database(), m_log.publicKey(), m_log.checkpointFile());
    if (!report)
        return report.error();
    m_last = State {.report = std::move(report).value(), .checkedAtMs = startedMs};
    m_age.start();
    return *m_last;
}

} // namespace tc::backend::audit
