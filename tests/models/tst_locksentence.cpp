// The lock sentence of the customer view: the release time in JST, the time left, the day's
// failures and the code a new attempt gets (B84 identity, D84 PIN), at a given now.
#include "LockSentence.h"
#include "TokyoTime.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using tc::protocol::AccountLock;

namespace {

QDateTime tokyo(int day, int hour, int minute)
{
    return tc::tokyoDateTime(QDate(2026, 11, day), QTime(hour, minute)).toUTC();
}

} // namespace

class TestLockSentence final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sentence_data()
    {
        QTest::addColumn<AccountLock>("lock");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QString>("expected");

        const QDateTime midnight = tokyo(25, 0, 0);
        QTest::newRow("identity locked")
            << AccountLock {.kind = u"identity"_s,
                            .failuresToday = 5,
                            .threshold = 5,
                            .locked = true,
                            .lockedAt = tokyo(24, 14, 2),
                            .releaseAt = midnight}
            << tokyo(24, 20, 48)
            << u"Identity locked until 00:00 JST (in 3 h 12 min), 5 failure(s) today; new "
               "attempts get code B84"_s;
        QTest::newRow("PIN locked")
            << AccountLock {.kind = u"pin"_s,
                            .failuresToday = 3,
                            .threshold = 3,
                            .locked = true,
                            .lockedAt = tokyo(24, 23, 0),
                            .releaseAt = midnight}
            << tokyo(24, 23, 30)
            << u"PIN locked until 00:00 JST (in 30 min), 3 failure(s) today; new attempts get "
               "code D84"_s;
        QTest::newRow("lock ended since the detail was read")
            << AccountLock {.kind = u"identity"_s,
                            .failuresToday = 5,
                            .threshold = 5,
                            .locked = true,
                            .lockedAt = tokyo(24, 14, 2),
                            .releaseAt = midnight}
            << tokyo(25, 0, 1) << u"Identity lock ended at 00:00 JST"_s;
        QTest::newRow("released early")
            << AccountLock {.kind = u"identity"_s,
                            .failuresToday = 0,
                            .threshold = 5,
                            .releasedEarlyAt = tokyo(24, 15, 30)}
            << tokyo(24, 16, 0)
            << u"Identity lock released early at 15:30 JST, 0 failure(s) since (locks at 5)"_s;
        QTest::newRow("not locked")
            << AccountLock {.kind = u"pin"_s, .failuresToday = 2, .threshold = 3}
            << tokyo(24, 16, 0) << u"PIN not locked, 2 failure(s) today (locks at 3)"_s;
    }

    void sentence()
    {
        QFETCH(AccountLock, lock);
        QFETCH(QDateTime, now);
        QFETCH(QString, expected);
        // No translator is installed: the English source text (its plural forms come from the
        // English translation).
        QCOMPARE(tc::lockSentence(lock, now, tc::UiLanguage::English), expected);
    }
};

QTEST_GUILESS_MAIN(TestLockSentence)
#include "tst_locksentence.moc"
