#pragma once

#include "Clock.h"

#include <QAtomicInteger>
#include <QDateTime>

namespace tc::backend::demo {

// The training mode's clock: real time plus an offset. It runs like a wall clock (so the
// 120-second call window and the simulator's "calling late" customers behave as in life), starts
// wherever `--clock START` puts it, and `POST /api/v1/demo/clock` moves it forward.
class DemoClock final : public Clock
{
    Q_DISABLE_COPY_MOVE(DemoClock)

public:
    // An invalid `start` means "now": the offset starts at zero.
    explicit DemoClock(const QDateTime &start = {})
        : m_offsetMs(
            start.isValid() ? start.toMSecsSinceEpoch() - QDateTime::currentMSecsSinceEpoch() : 0)
    { }

    QDateTime now() const override
    {
        return QDateTime::fromMSecsSinceEpoch(
            QDateTime::currentMSecsSinceEpoch() + m_offsetMs.loadRelaxed(), Qt::UTC);
    }

    void advance(qint64 milliseconds) { m_offsetMs.fetchAndAddRelaxed(milliseconds); }

private:
    QAtomicInteger<qint64> m_offsetMs;
};

} // namespace tc::backend::demo
