// The status bar's service status: the right sentence at chosen instants, in both languages, and
// a timer that wakes up at the next transition.
#include "ServiceCalendar.h"
#include "ServiceStatusWidget.h"
#include "TokyoTime.h"
#include "Translations.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QDateTime tokyo(int year, int month, int day, int hour, int minute, int second = 0)
{
    return tc::tokyoDateTime(QDate(year, month, day), QTime(hour, minute, second));
}

} // namespace

class TestServiceStatus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusText_data();
    void statusText();
    void schedulesNextTransition_data();
    void schedulesNextTransition();
    void transitionsWhenClockPassesBoundary();
    void timerFiresAtBoundary();

private:
    tc::ServiceCalendar m_calendar;
};

void TestServiceStatus::statusText_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("open");
    QTest::addColumn<QString>("expected");

    // 2025-11-23 is the 4th Sunday of November: closed from Saturday 22nd 23:50 to 07:00.
    const QDateTime tuesdayMorning = tokyo(2025, 11, 25, 10, 0);
    const QDateTime saturdayLate = tokyo(2025, 11, 22, 23, 55);
    const QDateTime sundayNight = tokyo(2025, 11, 23, 1, 30);
    const QDateTime justBefore = tokyo(2025, 11, 22, 23, 49, 59);

    QTest::newRow("ja open") << u"ja"_s << tuesdayMorning << true
                             << u"受付中 — 次の休止 11/26(水) 00:00–00:01 毎日0時の休止"_s;
    QTest::newRow("en open") << u"en"_s << tuesdayMorning << true
                             << u"Open — next pause Wed 11/26 00:00–00:01 daily 00:00 pause"_s;
    QTest::newRow("ja saturday window")
        << u"ja"_s << saturdayLate << false
        << u"サービス時間外 — 11/23(日) 07:00 再開(第2・第4日曜日前日からの定期休止)"_s;
    QTest::newRow("en saturday window")
        << u"en"_s << saturdayLate << false
        << u"Closed — reopens Sun 11/23 07:00 (scheduled pause from the eve of the 2nd and 4th "
           "Sunday)"_s;
    QTest::newRow("ja same-day reopening")
        << u"ja"_s << sundayNight << false
        << u"サービス時間外 — 07:00 再開(第2・第4日曜日前日からの定期休止)"_s;
    QTest::newRow("ja just before") << u"ja"_s << justBefore << true
                                    << u"受付中 — 次の休止 11/22(土) 23:50–11/23(日) 07:00 "
                                       "第2・第4日曜日前日からの定期休止"_s;
    QTest::newRow("en just before")
        << u"en"_s << justBefore << true
        << u"Open — next pause Sat 11/22 23:50–Sun 11/23 07:00 scheduled pause from the eve of "
           "the 2nd and 4th Sunday"_s;
    QTest::newRow("ja new year") << u"ja"_s << tokyo(2026, 1, 1, 3, 0) << false
                                 << u"サービス時間外 — 08:00 再開(年始の休止)"_s;
    QTest::newRow("ja first monday") << u"ja"_s << tokyo(2025, 12, 1, 2, 30) << false
                                     << u"サービス時間外 — 06:00 再開(第1・第3月曜日の定期休止)"_s;
}

void TestServiceStatus::statusText()
{
    QFETCH(QString, language);
    QFETCH(QDateTime, now);
    QFETCH(bool, open);
    QFETCH(QString, expected);

    tc::Translations translations;
    QVERIFY(translations.install(*tc::parseUiLanguage(language)));
    tc::ServiceStatusWidget widget(m_calendar, [now] { return now; });
    QCOMPARE(widget.isOpen(), open);
    QCOMPARE(widget.statusText(), expected);
}

void TestServiceStatus::schedulesNextTransition_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("transition");
    QTest::addColumn<int>("wakeInMs");

    QTest::newRow("open, far from a window")
        << tokyo(2025, 11, 25, 10, 0) << tokyo(2025, 11, 26, 0, 0)
        << tc::ServiceStatusWidget::coarseRefreshMs;
    QTest::newRow("open, 30 s before the window")
        << tokyo(2025, 11, 22, 23, 49, 30) << tokyo(2025, 11, 22, 23, 50) << 30'000;
    QTest::newRow("closed, 20 s before reopening")
        << tokyo(2025, 11, 23, 6, 59, 40) << tokyo(2025, 11, 23, 7, 0) << 20'000;
    QTest::newRow("closed, hours before reopening")
        << tokyo(2025, 11, 23, 1, 0) << tokyo(2025, 11, 23, 7, 0)
        << tc::ServiceStatusWidget::coarseRefreshMs;
}

void TestServiceStatus::schedulesNextTransition()
{
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, transition);
    QFETCH(int, wakeInMs);

    tc::ServiceStatusWidget widget(m_calendar, [now] { return now; });
    QCOMPARE(widget.nextTransition(), transition);
    QVERIFY(widget.isRefreshScheduled());
    QCOMPARE(widget.scheduledRefreshMs(), wakeInMs);
}

void TestServiceStatus::transitionsWhenClockPassesBoundary()
{
    tc::Translations translations;
    QVERIFY(translations.install(tc::UiLanguage::Japanese));
    QDateTime now = tokyo(2025, 11, 22, 23, 49, 50);
    tc::ServiceStatusWidget widget(m_calendar, [&now] { return now; });
    QSignalSpy openChanged(&widget, &tc::ServiceStatusWidget::openChanged);
    QVERIFY(widget.isOpen());
    QCOMPARE(widget.scheduledRefreshMs(), 10'000);

    // What the timer does when it fires: the clock has reached the window's start.
    now = tokyo(2025, 11, 22, 23, 50);
    widget.refresh();
    QVERIFY(!widget.isOpen());
    QCOMPARE(openChanged.count(), 1);
    QCOMPARE(openChanged.at(0).at(0).toBool(), false);
    QVERIFY(widget.statusText().startsWith(u"サービス時間外"_s));
    QCOMPARE(widget.nextTransition(), tokyo(2025, 11, 23, 7, 0));

    // A coarse refresh inside the window changes nothing and emits nothing.
    now = tokyo(2025, 11, 23, 3, 0);
    widget.refresh();
    QCOMPARE(openChanged.count(), 1);

    now = tokyo(2025, 11, 23, 7, 0);
    widget.refresh();
    QVERIFY(widget.isOpen());
    QCOMPARE(openChanged.count(), 2);
    QVERIFY(widget.statusText().startsWith(u"受付中"_s));
}

void TestServiceStatus::timerFiresAtBoundary()
{
    // A clock that runs from 150 ms before the window: the widget's own timer must flip it.
    const QDateTime start = tokyo(2025, 11, 22, 23, 50).addMSecs(-150);
    QElapsedTimer elapsed;
    elapsed.start();
    tc::ServiceStatusWidget widget(m_calendar, [&] { return start.addMSecs(elapsed.elapsed()); });
    QVERIFY(widget.isOpen());
    QVERIFY(widget.scheduledRefreshMs() <= 150);
    QSignalSpy openChanged(&widget, &tc::ServiceStatusWidget::openChanged);
    QVERIFY(openChanged.wait(2000));
    QVERIFY(!widget.isOpen());
    QVERIFY(elapsed.elapsed() >= 150);
}

QTEST_MAIN(TestServiceStatus)
#include "tst_servicestatus.moc"
