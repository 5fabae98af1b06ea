#pragma once

#include <QDateTime>
#include <QMutex>

namespace tc::backend {

// Where the backend reads "now". Production uses the system clock; tests and the training
// mode (`--demo --clock START`) use a clock that only moves when told to.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start) : m_now(start.toUTC()) { }

    QDateTime now() const override
    {
        const QMutexLocker locker(&m_mutex);
        return m_now;
    }
    void set(const QDateTime &instant)
    {
        const QMutexLocker locker(&m_mutex);
        m_now = instant.toUTC();
    }
    void advance(qint64 milliseconds)
    {
        const QMutexLocker locker(&m_mutex);
        m_now = m_now.addMSecs(milliseconds);
    }

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};

} // namespace tc::backend
