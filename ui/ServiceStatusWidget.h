#pragma once

#include "Clock.h"
#include "Protocol.h"
#include "ServiceCalendar.h"
#include "UiLanguage.h"

#include <QDateTime>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace tc {

// Whether API linkage authentication is open now and when that changes, for the status bar.
// Connected, it shows the backend's answer (GET /api/v1/staff/service-status: it knows the
// announced maintenance and, in a demo, the demo clock); offline, the compiled-in calendar's,
// marked as such.
// It wakes up at the next transition (a window's start or end) and at least every
// coarseRefreshMs, so a clock change or a suspended machine corrects itself within a minute.
class ServiceStatusWidget final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int coarseRefreshMs = 60'000;

    // The calendar must outlive the widget.
    ServiceStatusWidget(const ServiceCalendar &calendar, Clock clock, QWidget *parent = nullptr);

    void setClock(Clock clock);

    // The backend's answer; its `now` sets the clock offset until the next answer.
    void setRemoteStatus(const protocol::ServiceStatus &status);
    // Offline: back to the calendar.
    void clearRemoteStatus();
    bool isRemote() const { return m_remote.has_value(); }
    // "(calendar, offline)" when the hours come from the built-in calendar, empty when they come
    // from the backend.
    QString sourceText() const;

    bool isOpen() const { return m_open; }
    QString statusText() const;
    // The instant of the next open/closed transition (invalid when none within a year).
    QDateTime nextTransition() const { return m_nextTransition; }
    // When the widget will look again, in ms from the last refresh.
    int scheduledRefreshMs() const { return m_timer.interval(); }
    bool isRefreshScheduled() const { return m_timer.isActive(); }

    // The status sentence for an instant, in a language (what the label shows).
    static QString describe(const ServiceCalendar &calendar, const QDateTime &now,
                            UiLanguage language);
    // The same sentence for the window now (if closed) and the next one.
    static QString describe(const QDateTime &now, const std::optional<ServiceWindow> &current,
                            const std::optional<ServiceWindow> &next, UiLanguage language);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    // Emitted when service opens or closes (not on every refresh).
    void openChanged(bool open);

private:
    Q_DISABLE_COPY_MOVE(ServiceStatusWidget)

    const ServiceCalendar &m_calendar;
    Clock m_clock;
    QTimer m_timer;
    QLabel *m_indicator = nullptr;
    QLabel *m_text = nullptr;
    QLabel *m_source = nullptr;
    std::optional<protocol::ServiceStatus> m_remote;
    qint64 m_remoteOffsetMs = 0; // backend clock minus ours
    QDateTime m_nextTransition;
    bool m_open = true;
    bool m_refreshedOnce = false;
};

} // namespace tc
