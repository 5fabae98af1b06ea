#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tc {

// Why API linkage authentication is closed (seeds, よくあるご質問 3. Q1 ①–⑥).
enum class ClosureReason {
    DailyMidnight, // ① every day from 00:00 for about one minute
    DailyEarlyMorning, // ② every day from 04:00 for a few minutes
    FirstThirdMonday, // ③ 1st and 3rd Monday 02:00–06:00
    SecondFourthSunday, // ④ from 23:50 the day before the 2nd and 4th Sunday to 07:00
    NewYear, // ⑤ 1–3 January 00:00–08:00 and 19:00–24:00
    Announced, // ⑥ announced system maintenance
};

struct AnnouncedMaintenance
{
    QDateTime start; // inclusive
    QDateTime end; // exclusive
    QString note; // as announced, shown to staff
};

struct ServiceCalendarConfig
{
    // The seeds say "about one minute" and "a few minutes": the exact lengths are configuration.
    // ServiceCalendar clamps both to [0, maxDailyMinutes]; 0 disables the window.
    int midnightMinutes = 1;
    int earlyMorningMinutes = 5;
    QList<AnnouncedMaintenance> announced;

    // Two hours keeps every day with open time, so merged windows stay finite chains.
    static constexpr int maxDailyMinutes = 120;
};

// A closed interval of service, [start, end), with every reason that contributes to it.
// Windows that overlap or touch are merged into one (Saturday 23:50 → Sunday 07:00 swallows the
// 00:00 and 04:00 windows of that Sunday).
struct ServiceWindow
{
    QDateTime start; // UTC, inclusive
    QDateTime end; // UTC, exclusive
    QList<ClosureReason> reasons; // each reason once, in enum order
    QStringList notes; // notes of announced maintenance inside the window

    bool contains(const QDateTime &instant) const { return start <= instant && instant < end; }
    friend bool operator==(const ServiceWindow &, const ServiceWindow &) = default;
};

class ServiceCalendar final
{
public:
    // Announced maintenance with an invalid or empty interval is ignored (isValid reports it).
    explicit ServiceCalendar(ServiceCalendarConfig config = {});

    // Daily lengths within [0, maxDailyMinutes] and every announced interval valid and non-empty.
    static bool isValid(const ServiceCalendarConfig &config);

    const ServiceCalendarConfig &config() const { return m_config; }

    // An invalid instant counts as closed (fail safe); windowAt, nextWindow and windowsBetween
    // answer nothing for it.
    bool isOpen(const QDateTime &instant) const;

    // The merged window containing the instant, if service is closed then.
    std::optional<ServiceWindow> windowAt(const QDateTime &instant) const;

    // The first merged window that starts strictly after `after` (and is not the window
    // containing `after`). Empty only when no window exists within a year.
    std::optional<ServiceWindow> nextWindow(const QDateTime &after) const;

    // All merged windows overlapping [from, to), in order.
    QList<ServiceWindow> windowsBetween(const QDateTime &from, const QDateTime &to) const;

private:
    struct Raw;
    struct Merged;
    struct Nearby;
    class RawStream;

    struct Announced
    {
        qint64 startMs = 0;
        qint64 endMs = 0;
        QString note;
    };

    int generateRegularWindows(qint64 julianDay, Raw *out) const;
    int regularWindowsOn(qint64 julianDay, Raw *out) const;
    void fillNearby(qint64 julianDay, Nearby &nearby) const;
    bool coveredAt(qint64 ms, Nearby &nearby) const;
    std::optional<Merged> mergedAt(qint64 ms) const;
    std::optional<Merged> mergedFrom(qint64 fromMs) const;
    ServiceWindow toWindow(const Merged &merged) const;

    ServiceCalendarConfig m_config;
    qint64 m_midnightMs = 0;
    qint64 m_earlyMorningMs = 0;
    QList<Announced> m_announced; // valid intervals only, sorted by start
};

} // namespace tc
