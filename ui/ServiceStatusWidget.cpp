#include "ServiceStatusWidget.h"

#include "ClosureReasonText.h"
#include "TokyoFormat.h"
#include "TokyoTime.h"

#include <QHBoxLayout>
#include <QLabel>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tc {

ServiceStatusWidget::ServiceStatusWidget(const ServiceCalendar &calendar, Clock clock,
                                         QWidget *parent)
    : QWidget(parent), m_calendar(calendar), m_clock(std::move(clock)),
      m_indicator(new QLabel(this)), m_text(new QLabel(this)), m_source(new QLabel(this))
{
    setObjectName(u"serviceStatus"_s);
    m_indicator->setObjectName(u"serviceStatusIndicator"_s);
    m_text->setObjectName(u"serviceStatusText"_s);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_source->setObjectName(u"serviceStatusSource"_s);
    m_source->setEnabled(false); // greyed: a remark, not the status

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_indicator);
    layout->addWidget(m_text);
    layout->addWidget(m_source);
    layout->addStretch(1);

    // Precise: a coarse timer may fire up to 5 % late, which is seconds on a long wait and
    // would show "open" while the customer already sees the closed message.
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ServiceStatusWidget::refresh);

    refresh();
}

void ServiceStatusWidget::setClock(Clock clock)
{
    m_clock = std::move(clock);
    refresh();
}

QString ServiceStatusWidget::statusText() const
{
    return m_text->text();
}

void ServiceStatusWidget::setRemoteStatus(const protocol::ServiceStatus &status)
{
    m_remote = status;
    m_remoteOffsetMs = status.now.isValid() ? m_clock().msecsTo(status.now) : 0;
    refresh();
}

void ServiceStatusWidget::clearRemoteStatus()
{
    if (!m_remote)
        return;
    m_remote.reset();
    m_remoteOffsetMs = 0;
    refresh();
}

QString ServiceStatusWidget::sourceText() const
{
    return m_source->text();
}

QString ServiceStatusWidget::describe(const ServiceCalendar &calendar, const QDateTime &now,
                                      UiLanguage language)
{
    return describe(now, calendar.windowAt(now), calendar.nextWindow(now), language);
}

QString ServiceStatusWidget::describe(const QDateTime &now,
                                      const std::optional<ServiceWindow> &current,
                                      const std::optional<ServiceWindow> &nextWindow,
                                      UiLanguage language)
{
    if (const std::optional<ServiceWindow> &window = current) {
        // The reopening time alone is enough today; another day needs its date.
        const QString when = tokyoDate(window->end) == tokyoDate(now)
            ? formatTokyoTime(window->end)
            : formatTokyoDayTime(window->end, language);
        return tr("Closed — reopens %1 (%2)").arg(when, closureReasonsText(*window));
    }
    if (const std::optional<ServiceWindow> &next = nextWindow) {
        return tr("Open — next pause %1 %2")
            .arg(formatTokyoSpan(next->start, next->end, language), closureReasonsText(*next));
    }
    return tr("Open — no pause scheduled");
}

void ServiceStatusWidget::refresh()
{
    const QDateTime now = m_clock().toUTC().addMSecs(m_remoteOffsetMs);
    std::optional<ServiceWindow> current;
    std::optional<ServiceWindow> next;
    if (m_remote) {
        // The backend's answer holds until its next transition; the window asks again sooner.
        if (m_remote->closed && now < m_remote->closed->end)
            current = m_remote->closed;
        if (m_remote->nextClosure && now < m_remote->nextClosure->end) {
            if (now >= m_remote->nextClosure->start)
                current = m_remote->nextClosure;
            else
                next = m_remote->nextClosure;
        }
        if (!current && !next)
            next = m_calendar.nextWindow(now);
    } else {
        current = m_calendar.windowAt(now);
        next = current ? std::nullopt : m_calendar.nextWindow(now);
    }
    const bool open = !current.has_value();
    m_nextTransition = current ? current->end : next ? next->start : QDateTime();

    const UiLanguage language = currentUiLanguage();
    m_text->setText(describe(now, current, next, language));
    m_source->setText(m_remote ? QString() : tr("(calendar, offline)"));
    m_source->setToolTip(m_remote ? QString()
                                  : tr("Not connected: service hours come from the calendar built "
                                       "into the console; announced maintenance may be missing."));
    m_indicator->setText(u"●"_s);
    m_indicator->setStyleSheet(open ? u"color: #2e7d32;"_s : u"color: #c62828;"_s);
    m_indicator->setToolTip(open ? tr("Service open") : tr("Outside service hours"));
    setToolTip(tr("Times are Asia/Tokyo. Now: %1").arg(formatTokyoFullDayTime(now, language)));

    const qint64 untilTransition =
        m_nextTransition.isValid() ? now.msecsTo(m_nextTransition) : qint64(coarseRefreshMs);
    // At least 1 ms so that a transition at this very instant cannot spin the event loop.
    m_timer.start(int(std::clamp<qint64>(untilTransition, 1, coarseRefreshMs)));

    const bool changed = !m_refreshedOnce || open != m_open;
    m_open = open;
    m_refreshedOnce = true;
    if (changed)
        Q_EMIT openChanged(open);
}

} // namespace tc
