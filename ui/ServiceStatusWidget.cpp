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
      m_indicator(new QLabel(this)), m_text(new QLabel(this))
{
    setObjectName(u"serviceStatus"_s);
    m_indicator->setObjectName(u"serviceStatusIndicator"_s);
    m_text->setObjectName(u"serviceStatusText"_s);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_indicator);
    layout->addWidget(m_text, 1);

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

QString ServiceStatusWidget::describe(const ServiceCalendar &calendar, const QDateTime &now,
                                      UiLanguage language)
{
    if (const std::optional<ServiceWindow> window = calendar.windowAt(now)) {
        // The reopening time alone is enough today; another day needs its date.
        const QString when = tokyoDate(window->end) == tokyoDate(now)
            ? formatTokyoTime(window->end)
            : formatTokyoDayTime(window->end, language);
        return tr("Closed — reopens %1 (%2)").arg(when, closureReasonsText(*window));
    }
    if (const std::optional<ServiceWindow> next = calendar.nextWindow(now)) {
        return tr("Open — next pause %1 %2")
            .arg(formatTokyoSpan(next->start, next->end, language), closureReasonsText(*next));
    }
    return tr("Open — no pause scheduled");
}

void ServiceStatusWidget::refresh()
{
    const QDateTime now = m_clock().toUTC();
    const std::optional<ServiceWindow> current = m_calendar.windowAt(now);
    const bool open = !current.has_value();
    if (current) {
        m_nextTransition = current->end;
    } else {
        const std::optional<ServiceWindow> next = m_calendar.nextWindow(now);
        m_nextTransition = next ? next->start : QDateTime();
    }

    const UiLanguage language = currentUiLanguage();
    m_text->setText(describe(m_calendar, now, language));
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
