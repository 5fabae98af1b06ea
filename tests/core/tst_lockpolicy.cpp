#include "LockPolicy.h"
#include "TokyoTime.h"

#include <QtTest>

using tc::LockKind;
using tc::LockPolicy;
using tc::LockThresholds;

namespace {

// Built with a fixed +09:00 offset, not with tc::tokyoTimeZone(), so the oracle is independent.
const QTimeZone jstOffset(9 * 3600);

QDateTime jst(int y, int mo, int d, int h, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), jstOffset);
}

QDateTime utc(int y, int mo, int d, int h, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

// n failures ten minutes apart from a starting instant.
QList<QDateTime> failures(const QDateTime &first, int n, int minutesApart = 10)
{
    QList<QDateTime> times;
    for (int i = 0; i < n; ++i)
        times.append(first.addSecs(qint64(i) * minutesApart * 60));
    return times;
}

} // namespace

Q_DECLARE_METATYPE(LockKind)
Q_DECLARE_METATYPE(LockThresholds)

class Tst_lockpolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thresholds_data();
    void thresholds();
    void validity_data();
    void validity();
    void countingDay_data();
    void countingDay();
    void releaseTime_data();
    void releaseTime();
    void isLocked_data();
    void isLocked();
    void recordFailure_data();
    void recordFailure();
    void evaluate_data();
    void evaluate();
    void kindsAreIndependent();
};

void Tst_lockpolicy::thresholds_data()
{
    QTest::addColumn<LockThresholds>("configured");
    QTest::addColumn<int>("identity");
    QTest::addColumn<int>("pin");

    QTest::newRow("defaults of the seeds' 規定回数") << LockThresholds {} << 5 << 3;
    QTest::newRow("per institution 3 and 2") << LockThresholds {3, 2} << 3 << 2;
    QTest::newRow("below 1 clamps to the strict side") << LockThresholds {0, -4} << 1 << 1;
}

void Tst_lockpolicy::thresholds()
{
    QFETCH(LockThresholds, configured);
    QFETCH(int, identity);
    QFETCH(int, pin);
    const LockPolicy policy(configured);
    QCOMPARE(policy.threshold(LockKind::Identity), identity);
    QCOMPARE(policy.threshold(LockKind::Pin), pin);
    QCOMPARE(policy.thresholds().identity, identity);
    QCOMPARE(policy.thresholds().pin, pin);
}

void Tst_lockpolicy::validity_data()
{
    QTest::addColumn<LockThresholds>("thresholds");
    QTest::addColumn<bool>("valid");

    QTest::newRow("defaults") << LockThresholds {} << true;
    QTest::newRow("1 and 1") << LockThresholds {1, 1} << true;
    QTest::newRow("3 and 2") << LockThresholds {3, 2} << true;
    QTest::newRow("identity 0") << LockThresholds {0, 3} << false;
    QTest::newRow("pin 0") << LockThresholds {5, 0} << false;
    QTest::newRow("negative") << LockThresholds {-1, 3} << false;
    QTest::newRow("both 0") << LockThresholds {0, 0} << false;
}

void Tst_lockpolicy::validity()
{
    QFETCH(LockThresholds, thresholds);
    QFETCH(bool, valid);
    QCOMPARE(LockPolicy::isValid(thresholds), valid);
}

void Tst_lockpolicy::countingDay_data()
{
    QTest::addColumn<QDateTime>("instant");
    QTest::addColumn<QDate>("day");

    QTest::newRow("14:59:59.999 UTC") << utc(2027, 6, 9, 14, 59, 59, 999) << QDate(2027, 6, 9);
    QTest::newRow("15:00:00.000 UTC") << utc(2027, 6, 9, 15, 0) << QDate(2027, 6, 10);
    QTest::newRow("00:00 JST as +09:00") << jst(2027, 6, 10, 0, 0) << QDate(2027, 6, 10);
    QTest::newRow("23:59:59.999 JST as +09:00")
        << jst(2027, 6, 10, 23, 59, 59, 999) << QDate(2027, 6, 10);
    QTest::newRow("08:59 UTC is still the same Tokyo day")
        << utc(2027, 6, 10, 8, 59) << QDate(2027, 6, 10);
    QTest::newRow("year end") << utc(2027, 12, 31, 15, 0) << QDate(2028, 1, 1);
}

void Tst_lockpolicy::countingDay()
{
    QFETCH(QDateTime, instant);
    QFETCH(QDate, day);
    QCOMPARE(LockPolicy().countingDay(instant), day);
}

void Tst_lockpolicy::releaseTime_data()
{
    QTest::addColumn<QDateTime>("lockedAt");
    QTest::addColumn<QDateTime>("release");

    QTest::newRow("morning") << jst(2027, 6, 9, 9, 30) << utc(2027, 6, 9, 15, 0);
    QTest::newRow("locked at 00:00:00.000 lasts the whole day")
        << jst(2027, 6, 9, 0, 0) << utc(2027, 6, 9, 15, 0);
    QTest::newRow("locked at 23:59:59.999 lasts 1 ms")
        << jst(2027, 6, 9, 23, 59, 59, 999) << utc(2027, 6, 9, 15, 0);
    QTest::newRow("14:59 UTC releases at 15:00 UTC")
        << utc(2027, 6, 9, 14, 59) << utc(2027, 6, 9, 15, 0);
    QTest::newRow("15:00 UTC releases a day later")
        << utc(2027, 6, 9, 15, 0) << utc(2027, 6, 10, 15, 0);
    QTest::newRow("31 December") << jst(2027, 12, 31, 18, 0) << utc(2027, 12, 31, 15, 0);
    QTest::newRow("28 February of a leap year")
        << jst(2028, 2, 28, 12, 0) << jst(2028, 2, 29, 0, 0).toUTC();
}

void Tst_lockpolicy::releaseTime()
{
    QFETCH(QDateTime, lockedAt);
    QFETCH(QDateTime, release);
    const QDateTime got = LockPolicy().releaseTime(lockedAt);
    QCOMPARE(got, release);
    QCOMPARE(got.timeSpec(), Qt::UTC);
    QVERIFY(got > lockedAt);
}

void Tst_lockpolicy::isLocked_data()
{
    QTest::addColumn<QDateTime>("lockedAt");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("locked");

    const QDateTime lockedAt = jst(2027, 6, 9, 10, 15);
    QTest::newRow("at the lock") << lockedAt << lockedAt << true;
    QTest::newRow("23:59:59.999 JST") << lockedAt << jst(2027, 6, 9, 23, 59, 59, 999) << true;
    QTest::newRow("00:00:00.000 JST") << lockedAt << jst(2027, 6, 10, 0, 0) << false;
    QTest::newRow("14:59:59.999 UTC") << lockedAt << utc(2027, 6, 9, 14, 59, 59, 999) << true;
    QTest::newRow("15:00:00.000 UTC") << lockedAt << utc(2027, 6, 9, 15, 0) << false;
    QTest::newRow("days later") << lockedAt << jst(2027, 6, 12, 12, 0) << false;
    QTest::newRow("before it engaged") << lockedAt << lockedAt.addMSecs(-1) << false;
    QTest::newRow("no lock") << QDateTime() << lockedAt << false;
}

void Tst_lockpolicy::isLocked()
{
    QFETCH(QDateTime, lockedAt);
    QFETCH(QDateTime, now);
    QFETCH(bool, locked);
    QCOMPARE(LockPolicy().isLocked(lockedAt, now), locked);
}

void Tst_lockpolicy::recordFailure_data()
{
    QTest::addColumn<LockThresholds>("thresholds");
    QTest::addColumn<LockKind>("kind");
    QTest::addColumn<int>("already");
    QTest::addColumn<int>("failuresToday");
    QTest::addColumn<bool>("locksNow");

    const LockThresholds defaults;
    QTest::newRow("identity 1st") << defaults << LockKind::Identity << 0 << 1 << false;
    QTest::newRow("identity 4th does not lock")
        << defaults << LockKind::Identity << 3 << 4 << false;
    QTest::newRow("identity 5th locks") << defaults << LockKind::Identity << 4 << 5 << true;
    QTest::newRow("identity 6th does not lock again")
        << defaults << LockKind::Identity << 5 << 6 << false;
    QTest::newRow("pin 2nd does not lock") << defaults << LockKind::Pin << 1 << 2 << false;
    QTest::newRow("pin 3rd locks") << defaults << LockKind::Pin << 2 << 3 << true;
    QTest::newRow("institution identity 3: 3rd locks")
        << LockThresholds {3, 2} << LockKind::Identity << 2 << 3 << true;
    QTest::newRow("institution pin 2: 2nd locks")
        << LockThresholds {3, 2} << LockKind::Pin << 1 << 2 << true;
    QTest::newRow("institution pin 2: 1st does not")
        << LockThresholds {3, 2} << LockKind::Pin << 0 << 1 << false;
    QTest::newRow("threshold 1 locks at once")
        << LockThresholds {1, 1} << LockKind::Identity << 0 << 1 << true;
    QTest::newRow("negative count treated as none")
        << defaults << LockKind::Pin << -2 << 1 << false;
}

void Tst_lockpolicy::recordFailure()
{
    QFETCH(LockThresholds, thresholds);
    QFETCH(LockKind, kind);
    QFETCH(int, already);
    QFETCH(int, failuresToday);
    QFETCH(bool, locksNow);
    const tc::FailureOutcome outcome = LockPolicy(thresholds).recordFailure(kind, already);
    QCOMPARE(outcome.failuresToday, failuresToday);
    QCOMPARE(outcome.locksNow, locksNow);
}

void Tst_lockpolicy::evaluate_data()
{
    QTest::addColumn<LockThresholds>("thresholds");
    QTest::addColumn<LockKind>("kind");
    QTest::addColumn<QList<QDateTime>>("failureTimes");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<int>("failuresToday");
    QTest::addColumn<bool>("locked");
    QTest::addColumn<QDateTime>("lockedAt"); // invalid when no lock engaged today
    QTest::addColumn<QDateTime>("releaseAt");

    const LockThresholds defaults;
    const QDateTime morning = jst(2027, 6, 9, 9, 0);
    const QList<QDateTime> five = failures(morning, 5);
    const QDateTime fifth = morning.addSecs(40 * 60);
    const QDateTime release = utc(2027, 6, 9, 15, 0);

    QTest::newRow("no failures") << defaults << LockKind::Identity << QList<QDateTime> {} << morning
                                 << 0 << false << QDateTime() << QDateTime();
    QTest::newRow("4 identity failures do not lock")
        << defaults << LockKind::Identity << failures(morning, 4) << jst(2027, 6, 9, 12, 0) << 4
        << false << QDateTime() << QDateTime();
    QTest::newRow("the 5th identity failure locks")
        << defaults << LockKind::Identity << five << jst(2027, 6, 9, 12, 0) << 5 << true << fifth
        << release;
    QTest::newRow("locked at the very instant of the 5th")
        << defaults << LockKind::Identity << five << fifth << 5 << true << fifth << release;
    QTest::newRow("1 ms before the 5th: not yet")
        << defaults << LockKind::Identity << five << fifth.addMSecs(-1) << 4 << false << QDateTime()
        << QDateTime();
    QTest::newRow("still locked at 23:59:59.999 JST")
        << defaults << LockKind::Identity << five << jst(2027, 6, 9, 23, 59, 59, 999) << 5 << true
        << fifth << release;
    QTest::newRow("released at 00:00:00.000 JST, the count starts over")
        << defaults << LockKind::Identity << five << jst(2027, 6, 10, 0, 0) << 0 << false
        << QDateTime() << QDateTime();
    QTest::newRow("released, given in UTC")
        << defaults << LockKind::Identity << five << utc(2027, 6, 9, 15, 0) << 0 << false
        << QDateTime() << QDateTime();
    QTest::newRow("locked, given in UTC 1 ms earlier")
        << defaults << LockKind::Identity << five << utc(2027, 6, 9, 14, 59, 59, 999) << 5 << true
        << fifth << release;

    // The counting day turns at 15:00 UTC: four failures just before and one just after.
    QList<QDateTime> straddling = failures(utc(2027, 6, 9, 14, 20), 4);
    straddling.append(utc(2027, 6, 9, 15, 0));
    QTest::newRow("day boundary at 15:00 UTC splits the count")
        << defaults << LockKind::Identity << straddling << utc(2027, 6, 9, 15, 30) << 1 << false
        << QDateTime() << QDateTime();
    QTest::newRow("the same failures seen before the boundary")
        << defaults << LockKind::Identity << straddling << utc(2027, 6, 9, 14, 59, 59, 999) << 4
        << false << QDateTime() << QDateTime();
    QList<QDateTime> lastMs = failures(utc(2027, 6, 9, 14, 0), 4);
    lastMs.append(utc(2027, 6, 9, 14, 59, 59, 999));
    QTest::newRow("5th at 23:59:59.999 JST locks for 1 ms")
        << defaults << LockKind::Identity << lastMs << utc(2027, 6, 9, 14, 59, 59, 999) << 5 << true
        << utc(2027, 6, 9, 14, 59, 59, 999) << release;

    QList<QDateTime> yesterdayAndToday = failures(jst(2027, 6, 8, 20, 0), 4);
    yesterdayAndToday.append(failures(jst(2027, 6, 9, 8, 0), 2));
    QTest::newRow("yesterday's failures do not count")
        << defaults << LockKind::Identity << yesterdayAndToday << jst(2027, 6, 9, 12, 0) << 2
        << false << QDateTime() << QDateTime();
    QTest::newRow("yesterday's lock is gone today")
        << defaults << LockKind::Identity << failures(jst(2027, 6, 8, 20, 0), 5)
        << jst(2027, 6, 9, 0, 0) << 0 << false << QDateTime() << QDateTime();

    QList<QDateTime> seven = failures(morning, 7);
    QTest::newRow("failures after the lock do not move lockedAt")
        << defaults << LockKind::Identity << seven << jst(2027, 6, 9, 20, 0) << 7 << true << fifth
        << release;
    QList<QDateTime> shuffled = {seven[6], seven[2], seven[4], seven[0],
                                 seven[5], seven[1], seven[3]};
    QTest::newRow("order of the input does not matter")
        << defaults << LockKind::Identity << shuffled << jst(2027, 6, 9, 20, 0) << 7 << true
        << fifth << release;
    QTest::newRow("failures after now do not count")
        << defaults << LockKind::Identity << seven << morning.addSecs(25 * 60) << 3 << false
        << QDateTime() << QDateTime();

    QTest::newRow("pin: 2 do not lock")
        << defaults << LockKind::Pin << failures(morning, 2) << jst(2027, 6, 9, 12, 0) << 2 << false
        << QDateTime() << QDateTime();
    QTest::newRow("pin: the 3rd locks")
        << defaults << LockKind::Pin << failures(morning, 3) << jst(2027, 6, 9, 12, 0) << 3 << true
        << morning.addSecs(20 * 60) << release;
    QTest::newRow("institution 3/2: identity 3rd locks")
        << LockThresholds {3, 2} << LockKind::Identity << failures(morning, 3)
        << jst(2027, 6, 9, 12, 0) << 3 << true << morning.addSecs(20 * 60) << release;
    QTest::newRow("institution 3/2: identity 2 do not")
        << LockThresholds {3, 2} << LockKind::Identity << failures(morning, 2)
        << jst(2027, 6, 9, 12, 0) << 2 << false << QDateTime() << QDateTime();
    QTest::newRow("institution 3/2: pin 2nd locks")
        << LockThresholds {3, 2} << LockKind::Pin << failures(morning, 2) << jst(2027, 6, 9, 12, 0)
        << 2 << true << morning.addSecs(10 * 60) << release;

    QTest::newRow("invalid failure instants are ignored")
        << defaults << LockKind::Pin << QList<QDateTime> {QDateTime(), morning, QDateTime()}
        << jst(2027, 6, 9, 12, 0) << 1 << false << QDateTime() << QDateTime();
    QTest::newRow("year end: locked on 31 December, free on 1 January")
        << defaults << LockKind::Pin << failures(jst(2027, 12, 31, 22, 0), 3)
        << jst(2028, 1, 1, 0, 0) << 0 << false << QDateTime() << QDateTime();
    QTest::newRow("year end: still locked at 23:59:59.999 on 31 December")
        << defaults << LockKind::Pin << failures(jst(2027, 12, 31, 22, 0), 3)
        << jst(2027, 12, 31, 23, 59, 59, 999) << 3 << true << jst(2027, 12, 31, 22, 20)
        << utc(2027, 12, 31, 15, 0);
}

void Tst_lockpolicy::evaluate()
{
    QFETCH(LockThresholds, thresholds);
    QFETCH(LockKind, kind);
    QFETCH(QList<QDateTime>, failureTimes);
    QFETCH(QDateTime, now);
    QFETCH(int, failuresToday);
    QFETCH(bool, locked);
    QFETCH(QDateTime, lockedAt);
    QFETCH(QDateTime, releaseAt);

    const LockPolicy policy(thresholds);
    const tc::LockState state = policy.evaluate(kind, failureTimes, now);
    QCOMPARE(state.failuresToday, failuresToday);
    QCOMPARE(state.locked, locked);
    QCOMPARE(state.lockedAt, lockedAt); // QDateTime compares instants
    QCOMPARE(state.releaseAt, releaseAt);
    if (state.lockedAt.isValid()) {
        QCOMPARE(state.lockedAt.timeSpec(), Qt::UTC);
        QCOMPARE(state.releaseAt.timeSpec(), Qt::UTC);
        QCOMPARE(state.releaseAt, policy.releaseTime(state.lockedAt));
        QCOMPARE(policy.isLocked(state.lockedAt, now), locked);
    }
}

void Tst_lockpolicy::kindsAreIndependent()
{
    const LockPolicy policy;
    const QDateTime morning = jst(2027, 6, 9, 9, 0);
    const QDateTime noon = jst(2027, 6, 9, 12, 0);
    // Three failures lock the PIN step but are below the identity threshold.
    const QList<QDateTime> three = failures(morning, 3);
    QVERIFY(policy.evaluate(LockKind::Pin, three, noon).locked);
    QVERIFY(!policy.evaluate(LockKind::Identity, three, noon).locked);
    // An identity lock says nothing about the PIN step, whose own failures are counted apart.
    const QList<QDateTime> identityFailures = failures(morning, 5);
    const QList<QDateTime> pinFailures = failures(morning, 1);
    QVERIFY(policy.evaluate(LockKind::Identity, identityFailures, noon).locked);
    const tc::LockState pin = policy.evaluate(LockKind::Pin, pinFailures, noon);
    QVERIFY(!pin.locked);
    QCOMPARE(pin.failuresToday, 1);
    // Changing one threshold leaves the other alone.
    const LockPolicy strictPin(LockThresholds {5, 1});
    QCOMPARE(strictPin.threshold(LockKind::Identity), 5);
    QVERIFY(strictPin.evaluate(LockKind::Pin, pinFailures, noon).locked);
}

QTEST_GUILESS_MAIN(Tst_lockpolicy)
#include "tst_lockpolicy.moc"
