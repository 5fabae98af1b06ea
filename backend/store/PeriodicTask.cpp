#include "PeriodicTask.h"

#include <QTimer>

namespace tc::backend {

PeriodicTask::PeriodicTask(std::function<void()> work) : m_work(std::move(work))
{
    m_worker.setMaxThreadCount(1);
}

PeriodicTask::~PeriodicTask()
{
    stop();
}

void PeriodicTask::start(int firstDelayMs, int intervalMs)
{
    if (m_timer)
        return;
    m_timer = std::make_unique<QTimer>();
    m_timer->setSingleShot(true);
    m_timer->setInterval(firstDelayMs);
    QObject::connect(m_timer.get(), &QTimer::timeout, m_timer.get(), [this, intervalMs] {
        // A run still going keeps the one thread: this one is skipped, not queued behind it.
        (void)m_worker.tryStart(m_work);
        m_timer->setInterval(intervalMs);
        m_timer->start();
    });
    m_timer->start();
}

void PeriodicTask::stop()
{
    m_timer.reset();
    m_worker.waitForDone();
}

} // namespace tc::backend
