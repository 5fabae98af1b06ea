#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace tc {

// Every rule of the seeds (service windows, the lock day, release at 00:00) is reasoned about in
// Japan's civil time; instants are stored in UTC.
QTimeZone tokyoTimeZone();

// The Tokyo calendar date on which an instant falls.
QDate tokyoDate(const QDateTime &instant);

// The instant of 00:00 Tokyo time on a date.
QDateTime tokyoMidnight(QDate date);

// The first 00:00 Tokyo strictly after an instant.
QDateTime nextTokyoMidnight(const QDateTime &instant);

// The instant of a Tokyo wall-clock time on a date (for 24:00 use tokyoMidnight of the next day).
QDateTime tokyoDateTime(QDate date, QTime time);

// An instant as the API writes it: ISO 8601 in UTC with milliseconds, "2026-11-24T05:00:00.000Z".
QString utcIsoText(const QDateTime &instant);
QString utcIsoText(qint64 msecsSinceEpoch);

// All of the above return UTC QDateTimes, and an invalid QDate/QDateTime for invalid input.

// The span of instants (ms since the epoch, [fromMSecs, toMSecs)) in which Tokyo's offset from UTC
// is constant, and that offset: since 1951 it covers every instant the service deals with, and
// inside it conversions are integer arithmetic. Hot loops (the service calendar) use it directly;
// outside it they must ask tokyoTimeZone().
struct TokyoFixedSpan
{
    qint64 fromMSecs;
    qint64 toMSecs;
    qint64 offsetMSecs;

    bool contains(qint64 utcMSecs) const { return fromMSecs <= utcMSecs && utcMSecs < toMSecs; }
};
const TokyoFixedSpan &tokyoFixedSpan();

} // namespace tc
