#include "ServiceCalendar.h"

#include "TokyoTime.h"

#include <algorithm>
#include <limits>

namespace tc {

namespace {

constexpr qint64 msPerMinute = 60'000;
constexpr qint64 msPerDay = 86'400'000;

constexpr quint32 reasonBit(ClosureReason reason)
{
    return 1u << static_cast<unsigned>(reason);
}

constexpr ClosureReason allReasons[] = {
    ClosureReason::DailyMidnight,    ClosureReason::DailyEarlyMorning,
    ClosureReason::FirstThirdMonday, ClosureReason::SecondFourthSunday,
    ClosureReason::NewYear,          ClosureReason::Announced,
};

QDateTime utcFromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// Midnight, New Year morning, Monday, early morning, New Year evening, Saturday.
constexpr int maxRegularPerDay = 6;

constexpr qint64 unixEpochJulianDay = 2'440'588; // 1970-01-01

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// The Tokyo date of an instant as a Julian day number, without building QDateTimes when the
// offset is the fixed one (it is for every date since 1951).
qint64 tokyoDayOf(qint64 utcMs)
{
    const TokyoFixedSpan &span = tokyoFixedSpan();
    if (span.contains(utcMs))
        return floorDiv(utcMs + span.offsetMSecs, msPerDay) + unixEpochJulianDay;
    return tokyoDate(utcFromMs(utcMs)).toJulianDay();
}

} // namespace

// One closure as a rule produces it, before merging.
struct ServiceCalendar::Raw
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    quint32 reasons = 0;
    qsizetype announced = -1; // index into m_announced
};

// Announced maintenance absorbed into one merged window is always a contiguous run of the
// start-sorted list, so an index range stands in for the notes until a ServiceWindow is built.
// The raw regular windows that can reach into one Tokyo day: those starting on it and on the
// day before. Kept between steps so walking back within one day generates them once.
struct ServiceCalendar::Nearby
{
    qint64 day = std::numeric_limits<qint64>::min();
    Raw raw[2 * maxRegularPerDay];
    int count = 0;
};

struct ServiceCalendar::Merged
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    quint32 reasons = 0;
    qsizetype firstAnnounced = -1;
    qsizetype lastAnnounced = -1;
};

// Every raw window that starts at or after a point, in start order: the regular rules date by
// date (each rule's window starts on the Tokyo date that generates it, so dates come out sorted)
// interleaved with the announced maintenance. Regular windows exist every month, so the stream
// never runs dry.
class ServiceCalendar::RawStream
{
public:
    RawStream(const ServiceCalendar &calendar, qint64 fromMs)
        : m_calendar(calendar), m_fromMs(fromMs), m_day(tokyoDayOf(fromMs))
    {
        const auto &announced = calendar.m_announced;
        m_announced = std::lower_bound(announced.cbegin(), announced.cend(), fromMs,
                                       [](const Announced &a, qint64 ms) { return a.startMs < ms; })
            - announced.cbegin();
    }

    Raw take()
    {
        while (m_next >= m_count) {
            m_count = m_calendar.regularWindowsOn(m_day, m_buffer);
            m_next = 0;
            while (m_next < m_count && m_buffer[m_next].startMs < m_fromMs)
                ++m_next;
            ++m_day;
        }
        const auto &announced = m_calendar.m_announced;
        if (m_announced < announced.size()
            && announced[m_announced].startMs < m_buffer[m_next].startMs) {
            const Announced &a = announced[m_announced];
            return Raw {a.startMs, a.endMs, reasonBit(ClosureReason::Announced), m_announced++};
        }
        return m_buffer[m_next++];
    }

private:
    const ServiceCalendar &m_calendar;
    qint64 m_fromMs;
    qint64 m_day; // Julian day number of the next Tokyo date to generate
    Raw m_buffer[maxRegularPerDay];
    int m_count = 0;
    int m_next = 0;
    qsizetype m_announced = 0;
};

ServiceCalendar::ServiceCalendar(ServiceCalendarConfig config) : m_config(std::move(config))
{
    const int maxMinutes = ServiceCalendarConfig::maxDailyMinutes;
    m_midnightMs = std::clamp(m_config.midnightMinutes, 0, maxMinutes) * msPerMinute;
    m_earlyMorningMs = std::clamp(m_config.earlyMorningMinutes, 0, maxMinutes) * msPerMinute;
    for (const AnnouncedMaintenance &a : std::as_const(m_config.announced)) {
        if (!a.start.isValid() || !a.end.isValid())
            continue;
        const qint64 start = a.start.toMSecsSinceEpoch();
        const qint64 end = a.end.toMSecsSinceEpoch();
        if (start < end)
            m_announced.append(Announced {start, end, a.note});
    }
    std::stable_sort(m_announced.begin(), m_announced.end(),
                     [](const Announced &a, const Announced &b) { return a.startMs < b.startMs; });
}

bool ServiceCalendar::isValid(const ServiceCalendarConfig &config)
{
    const int maxMinutes = ServiceCalendarConfig::maxDailyMinutes;
    if (config.midnightMinutes < 0 || config.midnightMinutes > maxMinutes
        || config.earlyMorningMinutes < 0 || config.earlyMorningMinutes > maxMinutes)
        return false;
    return std::all_of(config.announced.cbegin(), config.announced.cend(),
                       [](const AnnouncedMaintenance &a) {
                           return a.start.isValid() && a.end.isValid() && a.start < a.end;
                       });
}

// The regular windows that start on a Tokyo date, sorted by start. The longest (the Saturday
// before the 2nd/4th Sunday) ends at 07:00 the next day, so a window starting two dates before an
// instant can never reach it.
int ServiceCalendar::generateRegularWindows(qint64 julianDay, Raw *out) const
{
    const QDate date = QDate::fromJulianDay(julianDay);
    int year = 0;
    int month = 0;
    int day = 0;
    date.getDate(&year, &month, &day);
    const int weekday = date.dayOfWeek();

    // Windows reach at most into the next day. When both days lie in the fixed-offset span every
    // wall-clock time is plain arithmetic; only dates before 1951 need the zone for each one.
    const TokyoFixedSpan &span = tokyoFixedSpan();
    qint64 dayStart = (julianDay - unixEpochJulianDay) * msPerDay - span.offsetMSecs;
    const bool fixedOffset = span.contains(dayStart) && span.contains(dayStart + 2 * msPerDay - 1);
    if (!fixedOffset)
        dayStart = tokyoMidnight(date).toMSecsSinceEpoch();
    const auto at = [&](int dayOffset, int minutes) -> qint64 {
        if (fixedOffset)
            return dayStart + dayOffset * msPerDay + minutes * msPerMinute;
        return tokyoDateTime(date.addDays(dayOffset), QTime(minutes / 60, minutes % 60))
            .toMSecsSinceEpoch();
    };

    const bool newYear = month == 1 && day <= 3;
    int n = 0;
    const auto add = [&](qint64 start, qint64 end, ClosureReason reason) {
        out[n++] = Raw {start, end, reasonBit(reason), -1};
    };
    if (m_midnightMs > 0)
        add(dayStart, dayStart + m_midnightMs, ClosureReason::DailyMidnight);
    if (newYear)
        add(dayStart, at(0, 8 * 60), ClosureReason::NewYear);
    if (weekday == Qt::Monday && (day <= 7 || (day >= 15 && day <= 21)))
        add(at(0, 2 * 60), at(0, 6 * 60), ClosureReason::FirstThirdMonday);
    if (m_earlyMorningMs > 0) {
        const qint64 start = at(0, 4 * 60);
        add(start, start + m_earlyMorningMs, ClosureReason::DailyEarlyMorning);
    }
    if (newYear)
        add(at(0, 19 * 60), at(1, 0), ClosureReason::NewYear);
    // The 2nd Sunday falls on the 8th–14th and the 4th on the 22nd–28th, so the Saturday before
    // is always in the same month.
    if (weekday == Qt::Saturday && ((day >= 7 && day <= 13) || (day >= 21 && day <= 27)))
        add(at(0, 23 * 60 + 50), at(1, 7 * 60), ClosureReason::SecondFourthSunday);
    return n;
}

// Callers ask for the same few days over and over (isOpen, windowAt and nextWindow of one instant
// each look at the day and the day before), and the regular windows depend only on the day and
// the two daily lengths, so each thread keeps the last days it generated. No shared state, no
// locking, and nothing that could go stale.
int ServiceCalendar::regularWindowsOn(qint64 julianDay, Raw *out) const
{
    struct Entry
    {
        qint64 day = std::numeric_limits<qint64>::min();
        qint64 midnightMs = 0;
        qint64 earlyMorningMs = 0;
        int count = 0;
        Raw raw[maxRegularPerDay];
    };
    thread_local Entry cache[4];
    thread_local unsigned nextSlot = 0;

    for (const Entry &entry : cache) {
        if (entry.day == julianDay && entry.midnightMs == m_midnightMs
            && entry.earlyMorningMs == m_earlyMorningMs) {
            std::copy_n(entry.raw, entry.count, out);
            return entry.count;
        }
    }
    Entry &entry = cache[nextSlot++ % std::size(cache)];
    entry.day = julianDay;
    entry.midnightMs = m_midnightMs;
    entry.earlyMorningMs = m_earlyMorningMs;
    entry.count = generateRegularWindows(julianDay, entry.raw);
    std::copy_n(entry.raw, entry.count, out);
    return entry.count;
}

void ServiceCalendar::fillNearby(qint64 julianDay, Nearby &nearby) const
{
    if (nearby.day == julianDay)
        return;
    nearby.day = julianDay;
    nearby.count = regularWindowsOn(julianDay - 1, nearby.raw);
    nearby.count += regularWindowsOn(julianDay, nearby.raw + nearby.count);
}

// Merging never changes which instants are closed, only how they are grouped, so openness is
// answered from the raw windows alone.
bool ServiceCalendar::coveredAt(qint64 ms, Nearby &nearby) const
{
    fillNearby(tokyoDayOf(ms), nearby);
    for (int i = 0; i < nearby.count; ++i) {
        if (nearby.raw[i].startMs <= ms && ms < nearby.raw[i].endMs)
            return true;
    }
    for (const Announced &a : m_announced) {
        if (a.startMs > ms)
            break;
        if (ms < a.endMs)
            return true;
    }
    return false;
}

std::optional<ServiceCalendar::Merged> ServiceCalendar::mergedAt(qint64 ms) const
{
    Nearby nearby;
    if (!coveredAt(ms, nearby))
        return std::nullopt;
    // Walk back to the start of the chain: as long as a raw window that starts earlier reaches
    // (or touches) the current point, the merged window starts at least that early.
    qint64 point = ms;
    for (;;) {
        qint64 earliest = point;
        fillNearby(tokyoDayOf(point), nearby);
        for (int i = 0; i < nearby.count; ++i) {
            if (nearby.raw[i].startMs < earliest && nearby.raw[i].endMs >= point)
                earliest = nearby.raw[i].startMs;
        }
        for (const Announced &a : m_announced) {
            if (a.startMs >= point)
                break;
            if (a.endMs >= point)
                earliest = std::min(earliest, a.startMs);
        }
        if (earliest == point)
            break;
        point = earliest;
    }
    return mergedFrom(point);
}

// The first merged window among raw windows starting at or after `fromMs`. Callers pass a point
// no earlier raw window reaches (an open instant, a chain's start or a merged window's end).
std::optional<ServiceCalendar::Merged> ServiceCalendar::mergedFrom(qint64 fromMs) const
{
    RawStream stream(*this, fromMs);
    Raw raw = stream.take();
    Merged merged {raw.startMs, raw.endMs, raw.reasons, raw.announced, raw.announced};
    for (;;) {
        raw = stream.take();
        if (raw.startMs > merged.endMs)
            break;
        merged.endMs = std::max(merged.endMs, raw.endMs);
        merged.reasons |= raw.reasons;
        if (raw.announced >= 0) {
            if (merged.firstAnnounced < 0)
                merged.firstAnnounced = raw.announced;
            merged.lastAnnounced = raw.announced;
        }
    }
    return merged;
}

ServiceWindow ServiceCalendar::toWindow(const Merged &merged) const
{
    ServiceWindow window;
    window.start = utcFromMs(merged.startMs);
    window.end = utcFromMs(merged.endMs);
    for (const ClosureReason reason : allReasons) {
        if (merged.reasons & reasonBit(reason))
            window.reasons.append(reason);
    }
    if (merged.firstAnnounced >= 0) {
        for (qsizetype i = merged.firstAnnounced; i <= merged.lastAnnounced; ++i) {
            const QString &note = m_announced[i].note;
            if (!note.isEmpty() && !window.notes.contains(note))
                window.notes.append(note);
        }
    }
    return window;
}

bool ServiceCalendar::isOpen(const QDateTime &instant) const
{
    Nearby nearby;
    return instant.isValid() && !coveredAt(instant.toMSecsSinceEpoch(), nearby);
}

std::optional<ServiceWindow> ServiceCalendar::windowAt(const QDateTime &instant) const
{
    if (!instant.isValid())
        return std::nullopt;
    const std::optional<Merged> merged = mergedAt(instant.toMSecsSinceEpoch());
    if (!merged)
        return std::nullopt;
    return toWindow(*merged);
}

std::optional<ServiceWindow> ServiceCalendar::nextWindow(const QDateTime &after) const
{
    if (!after.isValid())
        return std::nullopt;
    const qint64 ms = after.toMSecsSinceEpoch();
    const std::optional<Merged> current = mergedAt(ms);
    const std::optional<Merged> next = mergedFrom(current ? current->endMs : ms);
    if (!next)
        return std::nullopt;
    return toWindow(*next);
}

QList<ServiceWindow> ServiceCalendar::windowsBetween(const QDateTime &from,
                                                     const QDateTime &to) const
{
    QList<ServiceWindow> windows;
    if (!from.isValid() || !to.isValid() || !(from < to))
        return windows;
    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 toMs = to.toMSecsSinceEpoch();
    qint64 cursor = fromMs;
    if (const std::optional<Merged> current = mergedAt(fromMs)) {
        windows.append(toWindow(*current));
        cursor = current->endMs;
    }
    while (cursor < toMs) {
        const std::optional<Merged> next = mergedFrom(cursor);
        if (!next || next->startMs >= toMs)
            break;
        windows.append(toWindow(*next));
        cursor = next->endMs;
    }
    return windows;
}

} // namespace tc
