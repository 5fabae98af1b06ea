#include "ServiceCalendar.h"
#include "TokyoTime.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace Qt::StringLiterals;
using tc::ClosureReason;
using tc::ServiceCalendar;
using tc::ServiceCalendarConfig;
using tc::ServiceWindow;
using Reasons = QList<ClosureReason>;

namespace {

// Expected instants are built with a fixed +09:00 offset, independently of tc::tokyoTimeZone(),
// so the code under test is not its own oracle.
const QTimeZone jstOffset(9 * 3600);

QDateTime jst(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), jstOffset).toUTC();
}

QDateTime jst(QDate date, int h, int mi = 0)
{
    return QDateTime(date, QTime(h, mi), jstOffset).toUTC();
}

ServiceWindow window(const QDateTime &start, const QDateTime &end, Reasons reasons,
                     QStringList notes = {})
{
    return ServiceWindow {start, end, std::move(reasons), std::move(notes)};
}

QString describe(const QDateTime &t)
{
    return t.toTimeZone(jstOffset).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s) + u" JST"_s;
}

} // namespace

namespace QTest {
template<>
char *toString(const ServiceWindow &w)
{
    QStringList reasons;
    for (const ClosureReason r : w.reasons)
        reasons.append(QString::number(static_cast<int>(r)));
    const QString text = u"["_s + describe(w.start) + u", "_s + describe(w.end) + u") reasons "_s
        + reasons.join(u',') + u" notes "_s + w.notes.join(u'|');
    return qstrdup(text.toUtf8().constData());
}
template<>
char *toString(const std::optional<ServiceWindow> &w)
{
    return w ? toString(*w) : qstrdup("(open)");
}
} // namespace QTest

class Tst_servicecalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokyoHelpers_data();
    void tokyoHelpers();
    void tokyoZone();
    void windowTypes_data();
    void windowTypes();
    void monthTable_data();
    void monthTable();
    void newYear();
    void firstMondayOnNewYearsDay();
    void yearEndCrossing();
    void leapDay();
    void configuredLengths_data();
    void configuredLengths();
    void configValidity_data();
    void configValidity();
    void announced_data();
    void announced();
    void nextWindowSemantics();
    void windowsBetweenEdges();
    void timeSpecsAgree_data();
    void timeSpecsAgree();
    void invalidInstants();
    void sweepTwoYears();
};

void Tst_servicecalendar::tokyoHelpers_data()
{
    QTest::addColumn<QDateTime>("instant");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QDateTime>("nextMidnight");

    const auto utc = [](int y, int mo, int d, int h, int mi, int s = 0, int ms = 0) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
    };
    QTest::newRow("14:59:59.999 UTC is 23:59:59.999 JST")
        << utc(2027, 6, 9, 14, 59, 59, 999) << QDate(2027, 6, 9) << utc(2027, 6, 9, 15, 0);
    QTest::newRow("15:00 UTC is the next Tokyo day, midnight is not 'after' itself")
        << utc(2027, 6, 9, 15, 0) << QDate(2027, 6, 10) << utc(2027, 6, 10, 15, 0);
    QTest::newRow("00:00 UTC is 09:00 JST")
        << utc(2027, 6, 10, 0, 0) << QDate(2027, 6, 10) << utc(2027, 6, 10, 15, 0);
    QTest::newRow("year end") << utc(2027, 12, 31, 15, 0) << QDate(2028, 1, 1)
                              << utc(2028, 1, 1, 15, 0);
    QTest::newRow("leap day") << utc(2028, 2, 28, 15, 30) << QDate(2028, 2, 29)
                              << utc(2028, 2, 29, 15, 0);
    QTest::newRow("before 1970") << utc(1969, 12, 31, 15, 0) << QDate(1970, 1, 1)
                                 << utc(1970, 1, 1, 15, 0);
    QTest::newRow("given with +09:00") << QDateTime(QDate(2027, 3, 1), QTime(0, 0), jstOffset)
                                       << QDate(2027, 3, 1) << utc(2027, 3, 1, 15, 0);
}

void Tst_servicecalendar::tokyoHelpers()
{
    QFETCH(QDateTime, instant);
    QFETCH(QDate, date);
    QFETCH(QDateTime, nextMidnight);

    QCOMPARE(tc::tokyoDate(instant), date);
    const QDateTime next = tc::nextTokyoMidnight(instant);
    QCOMPARE(next, nextMidnight);
    QCOMPARE(next.timeSpec(), Qt::UTC);
    QVERIFY(next > instant);
    QCOMPARE(tc::tokyoMidnight(date.addDays(1)), nextMidnight);
    QCOMPARE(tc::tokyoMidnight(date), nextMidnight.addDays(-1));
    QCOMPARE(tc::tokyoDateTime(date, QTime(12, 34, 56, 789)),
             QDateTime(date, QTime(12, 34, 56, 789), jstOffset));
}

void Tst_servicecalendar::tokyoZone()
{
    const QTimeZone zone = tc::tokyoTimeZone();
    QVERIFY(zone.isValid());
    const QDateTime t(QDate(2027, 7, 1), QTime(0, 0), Qt::UTC);
    QCOMPARE(zone.offsetFromUtc(t), 9 * 3600);
    QCOMPARE(zone.isDaylightTime(t), false);
    if (QTimeZone(QByteArrayLiteral("Asia/Tokyo")).isValid())
        QCOMPARE(zone.id(), QByteArrayLiteral("Asia/Tokyo"));
    QVERIFY(!tc::tokyoDate(QDateTime()).isValid());
    QVERIFY(!tc::tokyoMidnight(QDate()).isValid());
    QVERIFY(!tc::nextTokyoMidnight(QDateTime()).isValid());
}

// One row per window type: the exact merged window, checked at its start, one ms before it, its
// last ms and its (exclusive) end.
void Tst_servicecalendar::windowTypes_data()
{
    QTest::addColumn<ServiceWindow>("expected");

    using R = ClosureReason;
    // 2027-06-09 is a Wednesday.
    QTest::newRow("① daily 00:00")
        << window(jst(2027, 6, 9, 0, 0), jst(2027, 6, 9, 0, 1), {R::DailyMidnight});
    QTest::newRow("② daily 04:00")
        << window(jst(2027, 6, 9, 4, 0), jst(2027, 6, 9, 4, 5), {R::DailyEarlyMorning});
    // The 04:00 window lies inside the Monday window and merges into it.
    QTest::newRow("③ 1st Monday 2027-06-07") << window(jst(2027, 6, 7, 2, 0), jst(2027, 6, 7, 6, 0),
                                                       {R::DailyEarlyMorning, R::FirstThirdMonday});
    QTest::newRow("③ 3rd Monday 2027-06-21")
        << window(jst(2027, 6, 21, 2, 0), jst(2027, 6, 21, 6, 0),
                  {R::DailyEarlyMorning, R::FirstThirdMonday});
    QTest::newRow("③ the Monday's own 00:00 stays separate")
        << window(jst(2027, 6, 21, 0, 0), jst(2027, 6, 21, 0, 1), {R::DailyMidnight});
    QTest::newRow("② on a 2nd Monday is only the daily window")
        << window(jst(2027, 6, 14, 4, 0), jst(2027, 6, 14, 4, 5), {R::DailyEarlyMorning});
    // Saturday 23:50 → Sunday 07:00 swallows Sunday's 00:00 and 04:00 windows.
    QTest::newRow("④ 2nd Sunday 2027-06-13")
        << window(jst(2027, 6, 12, 23, 50), jst(2027, 6, 13, 7, 0),
                  {R::DailyMidnight, R::DailyEarlyMorning, R::SecondFourthSunday});
    QTest::newRow("④ 4th Sunday 2027-06-27")
        << window(jst(2027, 6, 26, 23, 50), jst(2027, 6, 27, 7, 0),
                  {R::DailyMidnight, R::DailyEarlyMorning, R::SecondFourthSunday});
    QTest::newRow("④ a 1st Sunday has only the daily 00:00")
        << window(jst(2027, 6, 6, 0, 0), jst(2027, 6, 6, 0, 1), {R::DailyMidnight});
    QTest::newRow("⑤ 1 January morning")
        << window(jst(2027, 1, 1, 0, 0), jst(2027, 1, 1, 8, 0),
                  {R::DailyMidnight, R::DailyEarlyMorning, R::NewYear});
    // 19:00–24:00 touches the next day's 00:00 windows, so the evening runs into the morning.
    QTest::newRow("⑤ 1 January evening to 2 January 08:00")
        << window(jst(2027, 1, 1, 19, 0), jst(2027, 1, 2, 8, 0),
                  {R::DailyMidnight, R::DailyEarlyMorning, R::NewYear});
    QTest::newRow("⑤ 2 January evening to 3 January 08:00")
        << window(jst(2027, 1, 2, 19, 0), jst(2027, 1, 3, 8, 0),
                  {R::DailyMidnight, R::DailyEarlyMorning, R::NewYear});
    QTest::newRow("⑤ 3 January evening touches 4 January 00:00–00:01")
        << window(jst(2027, 1, 3, 19, 0), jst(2027, 1, 4, 0, 1), {R::DailyMidnight, R::NewYear});
}

void Tst_servicecalendar::windowTypes()
{
    QFETCH(ServiceWindow, expected);
    const ServiceCalendar calendar;

    QCOMPARE(calendar.windowAt(expected.start), expected);
    QCOMPARE(calendar.windowAt(expected.start).value().start.timeSpec(), Qt::UTC);
    QVERIFY(!calendar.isOpen(expected.start));
    QCOMPARE(calendar.windowAt(expected.end.addMSecs(-1)), expected);
    QVERIFY(!calendar.isOpen(expected.end.addMSecs(-1)));

    const QDateTime before = expected.start.addMSecs(-1);
    QVERIFY(calendar.isOpen(before));
    QCOMPARE(calendar.windowAt(before), std::nullopt);
    QCOMPARE(calendar.nextWindow(before), expected);

    QVERIFY(calendar.isOpen(expected.end));
    QCOMPARE(calendar.windowAt(expected.end), std::nullopt);
    QVERIFY(calendar.nextWindow(expected.start).value().start > expected.end);

    QCOMPARE(calendar.windowsBetween(expected.start, expected.end), QList {expected});
    QCOMPARE(calendar.windowsBetween(expected.end.addMSecs(-1), expected.end), QList {expected});
}

// Months whose 1st falls on each of the seven weekdays, so the Mondays and the Saturdays before
// the 2nd/4th Sundays move. The days are written out (from a printed calendar), not computed.
void Tst_servicecalendar::monthTable_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");
    QTest::addColumn<int>("firstWeekday");
    QTest::addColumn<QList<int>>("mondays"); // 1st and 3rd
    QTest::addColumn<QList<int>>("sundays"); // 2nd and 4th

    const auto row = [](int y, int m, int wd, QList<int> mon, QList<int> sun) {
        QTest::addRow("%04d-%02d starts on weekday %d", y, m, wd) << y << m << wd << mon << sun;
    };
    row(2027, 2, Qt::Monday, {1, 15}, {14, 28}); // 28 days, the 4th Sunday is the last day
    row(2027, 11, Qt::Monday, {1, 15}, {14, 28});
    row(2027, 6, Qt::Tuesday, {7, 21}, {13, 27});
    row(2028, 2, Qt::Tuesday, {7, 21}, {13, 27}); // leap February
    row(2027, 9, Qt::Wednesday, {6, 20}, {12, 26});
    row(2026, 4, Qt::Wednesday, {6, 20}, {12, 26});
    row(2027, 4, Qt::Thursday, {5, 19}, {11, 25});
    row(2028, 6, Qt::Thursday, {5, 19}, {11, 25});
    row(2027, 10, Qt::Friday, {4, 18}, {10, 24});
    row(2028, 9, Qt::Friday, {4, 18}, {10, 24});
    row(2027, 5, Qt::Saturday, {3, 17}, {9, 23});
    row(2028, 4, Qt::Saturday, {3, 17}, {9, 23});
    row(2027, 8, Qt::Sunday, {2, 16}, {8, 22}); // the Saturday before is the 7th
    row(2028, 10, Qt::Sunday, {2, 16}, {8, 22});
    row(2026, 3, Qt::Sunday, {2, 16}, {8, 22});
}

void Tst_servicecalendar::monthTable()
{
    QFETCH(int, year);
    QFETCH(int, month);
    QFETCH(int, firstWeekday);
    QFETCH(QList<int>, mondays);
    QFETCH(QList<int>, sundays);

    const QDate first(year, month, 1);
    QCOMPARE(first.dayOfWeek(), firstWeekday); // the table itself is right

    using R = ClosureReason;
    QList<ServiceWindow> expected;
    for (QDate d = first; d.month() == month; d = d.addDays(1)) {
        if (sundays.contains(d.day())) {
            // Opened on the Saturday before; it swallows this Sunday's daily windows.
            continue;
        }
        expected.append(window(jst(d, 0), jst(d, 0, 1), {R::DailyMidnight}));
        if (mondays.contains(d.day()))
            expected.append(
                window(jst(d, 2), jst(d, 6), {R::DailyEarlyMorning, R::FirstThirdMonday}));
        else
            expected.append(window(jst(d, 4), jst(d, 4, 5), {R::DailyEarlyMorning}));
        if (sundays.contains(d.day() + 1))
            expected.append(
                window(jst(d, 23, 50), jst(d.addDays(1), 7),
                       {R::DailyMidnight, R::DailyEarlyMorning, R::SecondFourthSunday}));
    }

    const ServiceCalendar calendar;
    const QDate next = first.addMonths(1);
    QCOMPARE(calendar.windowsBetween(jst(first, 0), jst(next, 0)), expected);

    // The same windows, one by one, through nextWindow from the end of the previous month.
    QDateTime cursor = jst(first, 0).addMSecs(-1);
    for (const ServiceWindow &w : std::as_const(expected)) {
        const std::optional<ServiceWindow> got = calendar.nextWindow(cursor);
        QCOMPARE(got, w);
        cursor = got->start;
    }
}

void Tst_servicecalendar::newYear()
{
    using R = ClosureReason;
    const ServiceCalendar calendar;
    const QList<ServiceWindow> expected = {
        window(jst(2027, 1, 1, 0, 0), jst(2027, 1, 1, 8, 0),
               {R::DailyMidnight, R::DailyEarlyMorning, R::NewYear}),
        window(jst(2027, 1, 1, 19, 0), jst(2027, 1, 2, 8, 0),
               {R::DailyMidnight, R::DailyEarlyMorning, R::NewYear}),
        window(jst(2027, 1, 2, 19, 0), jst(2027, 1, 3, 8, 0),
               {R::DailyMidnight, R::DailyEarlyMorning, R::NewYear}),
        window(jst(2027, 1, 3, 19, 0), jst(2027, 1, 4, 0, 1), {R::DailyMidnight, R::NewYear}),
        window(jst(2027, 1, 4, 2, 0), jst(2027, 1, 4, 6, 0), // 2027-01-04 is the 1st Monday
               {R::DailyEarlyMorning, R::FirstThirdMonday}),
    };
    QCOMPARE(calendar.windowsBetween(jst(2027, 1, 1, 0, 0), jst(2027, 1, 4, 12, 0)), expected);
    QVERIFY(calendar.isOpen(jst(2027, 1, 1, 8, 0)));
    QVERIFY(calendar.isOpen(jst(2027, 1, 1, 18, 59, 59, 999)));
    QVERIFY(!calendar.isOpen(jst(2027, 1, 2, 0, 0))); // the seam of the merged window
    QVERIFY(calendar.isOpen(jst(2027, 1, 4, 0, 1)));
    QVERIFY(!calendar.isOpen(jst(2027, 1, 4, 0, 0, 59, 999)));
    // 4 January has no New Year window of its own.
    QVERIFY(calendar.isOpen(jst(2027, 1, 4, 19, 0)));
    QCOMPARE(calendar.windowAt(jst(2027, 1, 2, 3, 0)), expected.at(1));
}

void Tst_servicecalendar::firstMondayOnNewYearsDay()
{
    QCOMPARE(QDate(2029, 1, 1).dayOfWeek(), int(Qt::Monday));
    using R = ClosureReason;
    const ServiceCalendar calendar;
    const ServiceWindow expected =
        window(jst(2029, 1, 1, 0, 0), jst(2029, 1, 1, 8, 0),
               {R::DailyMidnight, R::DailyEarlyMorning, R::FirstThirdMonday, R::NewYear});
    QCOMPARE(calendar.windowAt(jst(2029, 1, 1, 2, 0)), expected);
    QCOMPARE(calendar.windowAt(jst(2029, 1, 1, 7, 59, 59, 999)), expected);
    QCOMPARE(calendar.nextWindow(jst(2028, 12, 31, 12, 0)), expected);
    QVERIFY(calendar.isOpen(jst(2028, 12, 31, 23, 59, 59, 999)));
}

void Tst_servicecalendar::yearEndCrossing()
{
    using R = ClosureReason;
    const ServiceCalendar calendar;
    // 2027-12-31 is a Friday.
    const QList<ServiceWindow> expected = {
        window(jst(2027, 12, 31, 4, 0), jst(2027, 12, 31, 4, 5), {R::DailyEarlyMorning}),
        window(jst(2028, 1, 1, 0, 0), jst(2028, 1, 1, 8, 0),
               {R::DailyMidnight, R::DailyEarlyMorning, R::NewYear}),
    };
    QCOMPARE(calendar.windowsBetween(jst(2027, 12, 31, 1, 0), jst(2028, 1, 1, 12, 0)), expected);
    QCOMPARE(calendar.nextWindow(jst(2027, 12, 31, 23, 59, 59, 999)), expected.at(1));
    QCOMPARE(calendar.windowAt(jst(2028, 1, 1, 0, 0)), expected.at(1));
    QVERIFY(calendar.isOpen(jst(2027, 12, 31, 19, 0))); // 31 December has no evening window

    // 2022-12-31 was a Saturday, but 2023-01-01 was the 1st Sunday: no 23:50 window.
    QVERIFY(calendar.isOpen(jst(2022, 12, 31, 23, 55)));
}

void Tst_servicecalendar::leapDay()
{
    using R = ClosureReason;
    const ServiceCalendar calendar;
    const QList<ServiceWindow> expected = {
        window(jst(2028, 2, 29, 0, 0), jst(2028, 2, 29, 0, 1), {R::DailyMidnight}),
        window(jst(2028, 2, 29, 4, 0), jst(2028, 2, 29, 4, 5), {R::DailyEarlyMorning}),
        window(jst(2028, 3, 1, 0, 0), jst(2028, 3, 1, 0, 1), {R::DailyMidnight}),
    };
    QCOMPARE(calendar.windowsBetween(jst(2028, 2, 28, 12, 0), jst(2028, 3, 1, 1, 0)), expected);
    QCOMPARE(tc::tokyoDate(jst(2028, 2, 29, 23, 59)), QDate(2028, 2, 29));
    // 2027 has no 29 February: 28 February is followed by 1 March.
    QCOMPARE(calendar.nextWindow(jst(2027, 2, 28, 12, 0)),
             window(jst(2027, 3, 1, 0, 0), jst(2027, 3, 1, 0, 1), {R::DailyMidnight}));
}

void Tst_servicecalendar::configuredLengths_data()
{
    QTest::addColumn<int>("midnightMinutes");
    QTest::addColumn<int>("earlyMorningMinutes");
    QTest::addColumn<QList<ServiceWindow>>("expected"); // on Wednesday 2027-06-09

    using R = ClosureReason;
    const QDate d(2027, 6, 9);
    QTest::newRow("defaults 1 and 5")
        << 1 << 5
        << QList {window(jst(d, 0), jst(d, 0, 1), {R::DailyMidnight}),
                  window(jst(d, 4), jst(d, 4, 5), {R::DailyEarlyMorning})};
    QTest::newRow("2 and 10") << 2 << 10
                              << QList {window(jst(d, 0), jst(d, 0, 2), {R::DailyMidnight}),
                                        window(jst(d, 4), jst(d, 4, 10), {R::DailyEarlyMorning})};
    QTest::newRow("0 disables the midnight window")
        << 0 << 5 << QList {window(jst(d, 4), jst(d, 4, 5), {R::DailyEarlyMorning})};
    QTest::newRow("0 disables the early window")
        << 1 << 0 << QList {window(jst(d, 0), jst(d, 0, 1), {R::DailyMidnight})};
    QTest::newRow("out of range is clamped to two hours")
        << 500 << -3 << QList {window(jst(d, 0), jst(d, 2), {R::DailyMidnight})};
}

void Tst_servicecalendar::configuredLengths()
{
    QFETCH(int, midnightMinutes);
    QFETCH(int, earlyMorningMinutes);
    QFETCH(QList<ServiceWindow>, expected);

    ServiceCalendarConfig config;
    config.midnightMinutes = midnightMinutes;
    config.earlyMorningMinutes = earlyMorningMinutes;
    const ServiceCalendar calendar(config);
    QCOMPARE(calendar.config().midnightMinutes, midnightMinutes);
    const QDate d(2027, 6, 9);
    QCOMPARE(calendar.windowsBetween(jst(d, 0), jst(d, 12)), expected);
    for (const ServiceWindow &w : expected) {
        QVERIFY(!calendar.isOpen(w.end.addMSecs(-1)));
        QVERIFY(calendar.isOpen(w.end));
    }
}

void Tst_servicecalendar::configValidity_data()
{
    QTest::addColumn<ServiceCalendarConfig>("config");
    QTest::addColumn<bool>("valid");

    QTest::newRow("defaults") << ServiceCalendarConfig {} << true;
    QTest::newRow("zero lengths") << ServiceCalendarConfig {0, 0, {}} << true;
    QTest::newRow("two hours") << ServiceCalendarConfig {120, 120, {}} << true;
    QTest::newRow("negative") << ServiceCalendarConfig {-1, 5, {}} << false;
    QTest::newRow("too long") << ServiceCalendarConfig {1, 121, {}} << false;
    QTest::newRow("announced ok")
        << ServiceCalendarConfig {1, 5, {{jst(2027, 6, 9, 10), jst(2027, 6, 9, 11), u"x"_s}}}
        << true;
    QTest::newRow("announced empty")
        << ServiceCalendarConfig {1, 5, {{jst(2027, 6, 9, 10), jst(2027, 6, 9, 10), u"x"_s}}}
        << false;
    QTest::newRow("announced reversed")
        << ServiceCalendarConfig {1, 5, {{jst(2027, 6, 9, 11), jst(2027, 6, 9, 10), u"x"_s}}}
        << false;
    QTest::newRow("announced invalid")
        << ServiceCalendarConfig {1, 5, {{QDateTime(), jst(2027, 6, 9, 10), u"x"_s}}} << false;
}

void Tst_servicecalendar::configValidity()
{
    QFETCH(ServiceCalendarConfig, config);
    QFETCH(bool, valid);
    QCOMPARE(ServiceCalendar::isValid(config), valid);
    // Whatever the verdict, the calendar still answers (bad entries are ignored, not fatal).
    const ServiceCalendar calendar(config);
    QVERIFY(calendar.nextWindow(jst(2027, 6, 9, 9, 0)).has_value());
}

void Tst_servicecalendar::announced_data()
{
    QTest::addColumn<QList<tc::AnnouncedMaintenance>>("announced");
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::addColumn<QList<ServiceWindow>>("expected");

    using R = ClosureReason;
    using A = tc::AnnouncedMaintenance;
    const QDate wed(2027, 6, 9);
    QTest::newRow("alone in open time")
        << QList {A {jst(wed, 10), jst(wed, 11, 30), u"DB upgrade"_s}} << jst(wed, 8)
        << jst(wed, 18)
        << QList {window(jst(wed, 10), jst(wed, 11, 30), {R::Announced}, {u"DB upgrade"_s})};
    QTest::newRow("overlapping 04:00")
        << QList {A {jst(wed, 3, 58), jst(wed, 4, 2), u"patch"_s}} << jst(wed, 1) << jst(wed, 12)
        << QList {window(jst(wed, 3, 58), jst(wed, 4, 5), {R::DailyEarlyMorning, R::Announced},
                         {u"patch"_s})};
    QTest::newRow("touching the end of 00:00–00:01")
        << QList {A {jst(wed, 0, 1), jst(wed, 0, 30), u"after midnight"_s}} << jst(wed, 0)
        << jst(wed, 1)
        << QList {window(jst(wed, 0), jst(wed, 0, 30), {R::DailyMidnight, R::Announced},
                         {u"after midnight"_s})};
    QTest::newRow("touching the start of 04:00")
        << QList {A {jst(wed, 3, 0), jst(wed, 4, 0), u"before four"_s}} << jst(wed, 1)
        << jst(wed, 12)
        << QList {window(jst(wed, 3), jst(wed, 4, 5), {R::DailyEarlyMorning, R::Announced},
                         {u"before four"_s})};
    QTest::newRow("two overlapping announcements, notes in start order, unsorted config")
        << QList {A {jst(wed, 11), jst(wed, 13), u"second"_s},
                  A {jst(wed, 10), jst(wed, 12), u"first"_s}}
        << jst(wed, 8) << jst(wed, 18)
        << QList {window(jst(wed, 10), jst(wed, 13), {R::Announced}, {u"first"_s, u"second"_s})};
    QTest::newRow("the same note twice is listed once, empty notes not at all")
        << QList {A {jst(wed, 10), jst(wed, 11), u"same"_s},
                  A {jst(wed, 11), jst(wed, 12), u"same"_s},
                  A {jst(wed, 12), jst(wed, 12, 30), QString()}}
        << jst(wed, 8) << jst(wed, 18)
        << QList {window(jst(wed, 10), jst(wed, 12, 30), {R::Announced}, {u"same"_s})};
    // Friday 2027-06-11 22:00 → Saturday 23:50 runs into the 2nd-Sunday window (Sunday 13th).
    QTest::newRow("multi-day chain into the Saturday window")
        << QList {A {jst(2027, 6, 11, 22), jst(2027, 6, 12, 23, 50), u"migration"_s}}
        << jst(2027, 6, 11, 12) << jst(2027, 6, 13, 12)
        << QList {
               window(jst(2027, 6, 11, 22), jst(2027, 6, 13, 7),
                      {R::DailyMidnight, R::DailyEarlyMorning, R::SecondFourthSunday, R::Announced},
                      {u"migration"_s})};
    // Three days that chain through regular windows: 1 Jan 07:00 – 1 Jan 20:00 overlaps both
    // New Year windows, and a second announcement bridges 2 Jan 07:30 – 3 Jan 12:00.
    QTest::newRow("New Year chained by two announcements")
        << QList {A {jst(2027, 1, 1, 7), jst(2027, 1, 1, 20), u"a"_s},
                  A {jst(2027, 1, 2, 7, 30), jst(2027, 1, 3, 12), u"b"_s}}
        << jst(2026, 12, 31, 3) << jst(2027, 1, 3, 23)
        << QList {
               window(jst(2026, 12, 31, 4), jst(2026, 12, 31, 4, 5), {R::DailyEarlyMorning}),
               window(jst(2027, 1, 1, 0), jst(2027, 1, 3, 12),
                      {R::DailyMidnight, R::DailyEarlyMorning, R::NewYear, R::Announced},
                      {u"a"_s, u"b"_s}),
               window(jst(2027, 1, 3, 19), jst(2027, 1, 4, 0, 1), {R::DailyMidnight, R::NewYear})};
    QTest::newRow("a week-long maintenance swallows everything inside")
        << QList {A {jst(2027, 6, 7, 1), jst(2027, 6, 14, 1), u"week"_s}} << jst(2027, 6, 6, 12)
        << jst(2027, 6, 14, 12)
        << QList {window(jst(2027, 6, 7, 0), jst(2027, 6, 7, 0, 1), {R::DailyMidnight}),
                  window(jst(2027, 6, 7, 1), jst(2027, 6, 14, 1),
                         {R::DailyMidnight, R::DailyEarlyMorning, R::FirstThirdMonday,
                          R::SecondFourthSunday, R::Announced},
                         {u"week"_s}),
                  window(jst(2027, 6, 14, 4), jst(2027, 6, 14, 4, 5), {R::DailyEarlyMorning})};
    QTest::newRow("given with +09:00 offset and seconds")
        << QList {A {QDateTime(QDate(2027, 6, 9), QTime(10, 0, 30), jstOffset),
                     QDateTime(QDate(2027, 6, 9), QTime(11, 15, 45), jstOffset), u"odd"_s}}
        << jst(wed, 8) << jst(wed, 18)
        << QList {window(jst(2027, 6, 9, 10, 0, 30), jst(2027, 6, 9, 11, 15, 45), {R::Announced},
                         {u"odd"_s})};
    QTest::newRow("empty and reversed entries are ignored")
        << QList {A {jst(wed, 10), jst(wed, 10), u"empty"_s},
                  A {jst(wed, 12), jst(wed, 11), u"reversed"_s}}
        << jst(wed, 8) << jst(wed, 18) << QList<ServiceWindow> {};
}

void Tst_servicecalendar::announced()
{
    QFETCH(QList<tc::AnnouncedMaintenance>, announced);
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QFETCH(QList<ServiceWindow>, expected);

    ServiceCalendarConfig config;
    config.announced = announced;
    const ServiceCalendar calendar(config);
    QCOMPARE(calendar.windowsBetween(from, to), expected);
    for (const ServiceWindow &w : std::as_const(expected)) {
        for (const QDateTime &t :
             {w.start, w.end.addMSecs(-1), w.start.addMSecs((w.start.msecsTo(w.end)) / 2)}) {
            QCOMPARE(calendar.windowAt(t), w);
        }
        QVERIFY(calendar.isOpen(w.start.addMSecs(-1)));
        QVERIFY(calendar.isOpen(w.end));
        QCOMPARE(calendar.nextWindow(w.start.addMSecs(-1)), w);
    }
}

void Tst_servicecalendar::nextWindowSemantics()
{
    using R = ClosureReason;
    const ServiceCalendar calendar;
    const QDate wed(2027, 6, 9);
    const ServiceWindow midnight = window(jst(wed, 0), jst(wed, 0, 1), {R::DailyMidnight});
    const ServiceWindow early = window(jst(wed, 4), jst(wed, 4, 5), {R::DailyEarlyMorning});
    const ServiceWindow nextMidnight =
        window(jst(wed.addDays(1), 0), jst(wed.addDays(1), 0, 1), {R::DailyMidnight});

    QCOMPARE(calendar.nextWindow(jst(wed, 0).addMSecs(-1)), midnight);
    // At the start and inside a window: the one after it, not the one containing the instant.
    QCOMPARE(calendar.nextWindow(jst(wed, 0)), early);
    QCOMPARE(calendar.nextWindow(jst(wed, 0, 0).addMSecs(30'000)), early);
    // At the exclusive end the instant is open; the next window still starts strictly after.
    QCOMPARE(calendar.nextWindow(jst(wed, 0, 1)), early);
    QCOMPARE(calendar.nextWindow(jst(wed, 3, 59)), early);
    QCOMPARE(calendar.nextWindow(jst(wed, 4, 5)), nextMidnight);
    QCOMPARE(calendar.nextWindow(jst(wed, 12)), nextMidnight);

    // From inside the Saturday window: Monday 14 June is the 2nd Monday, so only its 00:00.
    QCOMPARE(calendar.nextWindow(jst(2027, 6, 13, 3)),
             window(jst(2027, 6, 14, 0), jst(2027, 6, 14, 0, 1), {R::DailyMidnight}));
}

void Tst_servicecalendar::windowsBetweenEdges()
{
    using R = ClosureReason;
    const ServiceCalendar calendar;
    const QDate wed(2027, 6, 9);
    const ServiceWindow early = window(jst(wed, 4), jst(wed, 4, 5), {R::DailyEarlyMorning});
    // [from, to) overlap: a window ending at `from` or starting at `to` is not included.
    QCOMPARE(calendar.windowsBetween(jst(wed, 4, 5), jst(wed, 12)), QList<ServiceWindow> {});
    QCOMPARE(calendar.windowsBetween(jst(wed, 1), jst(wed, 4)), QList<ServiceWindow> {});
    QCOMPARE(calendar.windowsBetween(jst(wed, 1), jst(wed, 4).addMSecs(1)), QList {early});
    QCOMPARE(calendar.windowsBetween(jst(wed, 4, 4), jst(wed, 4, 4)), QList<ServiceWindow> {});
    QCOMPARE(calendar.windowsBetween(jst(wed, 12), jst(wed, 1)), QList<ServiceWindow> {});
    // A window that started before `from` is included whole.
    const QList<ServiceWindow> sunday =
        calendar.windowsBetween(jst(2027, 6, 13, 5), jst(2027, 6, 13, 6));
    QCOMPARE(sunday.size(), 1);
    QCOMPARE(sunday.first().start, jst(2027, 6, 12, 23, 50));
}

void Tst_servicecalendar::timeSpecsAgree_data()
{
    QTest::addColumn<QDateTime>("tokyoWallClock"); // the instant as QDateTime in +09:00

    QTest::newRow("open noon") << QDateTime(QDate(2027, 6, 9), QTime(12, 0), jstOffset);
    QTest::newRow("in 04:00") << QDateTime(QDate(2027, 6, 9), QTime(4, 2), jstOffset);
    QTest::newRow("Saturday 23:55") << QDateTime(QDate(2027, 6, 12), QTime(23, 55), jstOffset);
    QTest::newRow("New Year seam") << QDateTime(QDate(2027, 1, 2), QTime(0, 0), jstOffset);
    QTest::newRow("end of midnight") << QDateTime(QDate(2027, 6, 9), QTime(0, 1), jstOffset);
}

void Tst_servicecalendar::timeSpecsAgree()
{
    QFETCH(QDateTime, tokyoWallClock);
    const ServiceCalendar calendar;
    const QDateTime utc = tokyoWallClock.toUTC();
    const QList<QDateTime> forms = {
        tokyoWallClock,    utc, utc.toTimeZone(tc::tokyoTimeZone()), utc.toOffsetFromUtc(-5 * 3600),
        utc.toLocalTime(),
    };
    for (const QDateTime &t : forms) {
        QCOMPARE(calendar.isOpen(t), calendar.isOpen(utc));
        QCOMPARE(calendar.windowAt(t), calendar.windowAt(utc));
        QCOMPARE(calendar.nextWindow(t), calendar.nextWindow(utc));
        QCOMPARE(calendar.windowsBetween(t, t.addDays(2)),
                 calendar.windowsBetween(utc, utc.addDays(2)));
        QCOMPARE(calendar.nextWindow(t)->start.timeSpec(), Qt::UTC);
        QCOMPARE(calendar.nextWindow(t)->end.timeSpec(), Qt::UTC);
    }
}

void Tst_servicecalendar::invalidInstants()
{
    const ServiceCalendar calendar;
    QVERIFY(!calendar.isOpen(QDateTime())); // fail safe
    QCOMPARE(calendar.windowAt(QDateTime()), std::nullopt);
    QCOMPARE(calendar.nextWindow(QDateTime()), std::nullopt);
    QVERIFY(calendar.windowsBetween(QDateTime(), jst(2027, 6, 9, 0)).isEmpty());
    QVERIFY(calendar.windowsBetween(jst(2027, 6, 9, 0), QDateTime()).isEmpty());
}

// Every minute of 2027 and 2028 (Tokyo): isOpen, windowAt, nextWindow and windowsBetween must
// tell one consistent story. Failures are reported by hand because QCOMPARE formats its operands
// even when they match, which would dominate a million iterations.
#define SWEEP_CHECK(condition, t)                                                                  \
    do {                                                                                           \
        if (!(condition))                                                                          \
            QFAIL(qPrintable(u"" #condition " fails at "_s + describe(t)));                        \
    } while (false)

void Tst_servicecalendar::sweepTwoYears()
{
    using A = tc::AnnouncedMaintenance;
    ServiceCalendarConfig config;
    config.announced = {
        // Chains Friday evening into the Saturday-before-2nd-Sunday window.
        A {jst(2027, 6, 11, 22), jst(2027, 6, 12, 23, 50), u"migration"_s},
        // Not on the minute grid.
        A {jst(2028, 3, 8, 10, 0, 30), jst(2028, 3, 8, 11, 15, 45), u"odd"_s},
        // Across the year end and into the New Year morning.
        A {jst(2027, 12, 31, 21), jst(2028, 1, 1, 0, 0), u"year end"_s},
    };
    const ServiceCalendar calendar(config);

    const QDateTime begin = jst(2027, 1, 1, 0, 0);
    const QDateTime end = jst(2029, 1, 1, 0, 0);
    const qint64 minutes = begin.msecsTo(end) / 60'000;
    QCOMPARE(minutes, qint64(731) * 24 * 60);

    QElapsedTimer timer;
    timer.start();

    QList<ServiceWindow> seen; // each merged window once, as met
    std::optional<ServiceWindow> predicted; // nextWindow of the current open run
    for (qint64 i = 0; i < minutes; ++i) {
        const QDateTime t = begin.addMSecs(i * 60'000);
        const bool open = calendar.isOpen(t);
        const std::optional<ServiceWindow> at = calendar.windowAt(t);
        const std::optional<ServiceWindow> next = calendar.nextWindow(t);
        SWEEP_CHECK(open == !at.has_value(), t);
        SWEEP_CHECK(next.has_value(), t);
        SWEEP_CHECK(next->start > t, t);
        if (open) {
            // Every minute up to the predicted start is open: an open minute must still predict
            // the same window, and a closed one must be inside it.
            if (predicted)
                SWEEP_CHECK(*next == *predicted, t);
            else
                SWEEP_CHECK(!calendar.isOpen(next->start), t); // once per open run
            predicted = next;
            continue;
        }
        SWEEP_CHECK(at->contains(t), t);
        SWEEP_CHECK(next->start > at->end, t);
        if (predicted)
            SWEEP_CHECK(*at == *predicted, t);
        predicted.reset();
        if (seen.isEmpty() || !(seen.last() == *at)) {
            // First minute of this window: check it is maximal and closed at both ends.
            SWEEP_CHECK(!calendar.isOpen(at->start), t);
            SWEEP_CHECK(!calendar.isOpen(at->end.addMSecs(-1)), t);
            SWEEP_CHECK(calendar.isOpen(at->start.addSecs(-60)), t);
            SWEEP_CHECK(calendar.isOpen(at->end), t);
            SWEEP_CHECK(calendar.windowAt(at->end.addMSecs(-1)) == at, t);
            SWEEP_CHECK(calendar.nextWindow(at->start.addMSecs(-1)) == at, t);
            seen.append(*at);
        }
    }
    const qint64 sweepMs = timer.elapsed();

    // windowsBetween over the whole range equals the chain of nextWindow, and what the sweep met.
    QList<ServiceWindow> chained;
    if (const std::optional<ServiceWindow> first = calendar.windowAt(begin))
        chained.append(*first);
    for (QDateTime cursor = begin;;) {
        const std::optional<ServiceWindow> next = calendar.nextWindow(cursor);
        QVERIFY(next);
        if (next->start >= end)
            break;
        chained.append(*next);
        cursor = next->start;
    }
    const QList<ServiceWindow> between = calendar.windowsBetween(begin, end);
    QCOMPARE(between.size(), chained.size());
    QCOMPARE(between, chained);
    QCOMPARE(between, seen);
    // About two a day, fewer on 2nd/4th Sundays and at New Year.
    QVERIFY(between.size() > 1350 && between.size() < 2 * 731);

    qInfo("sweep of %lld minutes (%lld windows) took %lld ms", minutes,
          static_cast<long long>(between.size()), sweepMs);
}

QTEST_GUILESS_MAIN(Tst_servicecalendar)
#include "tst_servicecalendar.moc"
