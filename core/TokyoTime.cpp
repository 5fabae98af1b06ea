#include "TokyoTime.h"

#include <limits>

namespace tc {

namespace {

constexpr qint64 msPerDay = 86'400'000;
constexpr qint64 unixEpochJulianDay = 2'440'588; // 1970-01-01

// Japan has kept UTC+09:00 without daylight saving since September 1951, but the tz database
// still describes the post-war DST. Asking QTimeZone for every conversion costs microseconds,
// which the service calendar's callers (a million per property sweep) cannot afford, so the span
// around the present in which the zone's offset is constant is computed once and conversions
// inside it are plain integer arithmetic; outside it the zone answers.
struct TokyoZone
{
    QTimeZone zone;
    TokyoFixedSpan fixed {std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(),
                          9 * 3'600'000};
};

TokyoZone makeTokyoZone()
{
    TokyoZone tokyo;
    tokyo.zone = QTimeZone(QByteArrayLiteral("Asia/Tokyo"));
    if (!tokyo.zone.isValid()) {
        // A minimal machine may lack tzdata; a fixed offset is exact for every date since 1951.
        tokyo.zone = QTimeZone(9 * 3600);
        return tokyo;
    }
    // A fixed reference rather than the current time, so the answers never depend on the clock.
    const QDateTime reference = QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC);
    tokyo.fixed.offsetMSecs = qint64(tokyo.zone.offsetFromUtc(reference)) * 1000;
    if (tokyo.zone.hasTransitions()) {
        const QTimeZone::OffsetData previous = tokyo.zone.previousTransition(reference);
        if (previous.atUtc.isValid())
            tokyo.fixed.fromMSecs = previous.atUtc.toMSecsSinceEpoch();
        const QTimeZone::OffsetData next = tokyo.zone.nextTransition(reference);
        if (next.atUtc.isValid())
            tokyo.fixed.toMSecs = next.atUtc.toMSecsSinceEpoch();
    }
    return tokyo;
}

const TokyoZone &tokyoZone()
{
    static const TokyoZone tokyo = makeTokyoZone();
    return tokyo;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

QTimeZone tokyoTimeZone()
{
    return tokyoZone().zone;
}

const TokyoFixedSpan &tokyoFixedSpan()
{
    return tokyoZone().fixed;
}

QDate tokyoDate(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    const TokyoZone &tokyo = tokyoZone();
    const qint64 utcMs = instant.toMSecsSinceEpoch();
    if (!tokyo.fixed.contains(utcMs))
        return instant.toTimeZone(tokyo.zone).date();
    return QDate::fromJulianDay(floorDiv(utcMs + tokyo.fixed.offsetMSecs, msPerDay)
                                + unixEpochJulianDay);
}

QDateTime tokyoDateTime(QDate date, QTime time)
{
    if (!date.isValid() || !time.isValid())
        return {};
    const TokyoZone &tokyo = tokyoZone();
    const qint64 localMs =
        (date.toJulianDay() - unixEpochJulianDay) * msPerDay + time.msecsSinceStartOfDay();
    const qint64 utcMs = localMs - tokyo.fixed.offsetMSecs;
    if (tokyo.fixed.contains(utcMs))
        return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC);
    return QDateTime(date, time, tokyo.zone).toUTC();
}

QDateTime tokyoMidnight(QDate date)
{
    return tokyoDateTime(date, QTime(0, 0));
}

QDateTime nextTokyoMidnight(const QDateTime &instant)
{
    const QDate date = tokyoDate(instant);
    if (!date.isValid())
        return {};
    return tokyoMidnight(date.addDays(1));
}

QString utcIsoText(const QDateTime &instant)
{
    return instant.toUTC().toString(Qt::ISODateWithMs);
}

QString utcIsoText(qint64 msecsSinceEpoch)
{
    return utcIsoText(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC));
}

} // namespace tc
