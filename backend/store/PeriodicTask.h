#pragma once

#include <QThreadPool>

#include <functional>
#include <memory>

class QTimer;

namespace tc::backend {

// Runs `work` now and then on a worker thread of its own, off the event loop (a purge or an
// ANALYZE may take a while, and the HTTP server's thread must not wait for it). Runs never
// overlap: a run still going when the next is due makes that one be skipped.
class PeriodicTask final
{
    Q_DISABLE_COPY_MOVE(PeriodicTask)

public:
    explicit PeriodicTask(std::function<void()> work);
    ~PeriodicTask();

    // First run `firstDelayMs` after this call, then every `intervalMs`; call on a thread with
    // an event loop. Starting a started task does nothing.
    void start(int firstDelayMs, int intervalMs);
    // No run starts after this returns, and a run under way has finished.
    void stop();

private:
    std::function<void()> m_work;
    QThreadPool m_worker;
    std::unique_ptr<QTimer> m_timer;
};

} // namespace tc::backend
