// The planned service pauses of the next 30 days, as the maintenance tab lists them.
#include "ServiceCalendar.h"
#include "TokyoTime.h"
#include "Translations.h"
#include "UpcomingWindowsModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QDateTime tokyo(int year, int month, int day, int hour, int minute)
{
    return tc::tokyoDateTime(QDate(year, month, day), QTime(hour, minute));
}

} // namespace

class TestUpcomingWindows final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void listsNextThirtyDays();
    void rowTexts_data();
    void rowTexts();
    void windowInProgressComesFirst();
    void durations_data();
    void durations();

private:
    tc::ServiceCalendar m_calendar;
};

void TestUpcomingWindows::init()
{
    QLocale::setDefault(QLocale::c());
}

void TestUpcomingWindows::listsNextThirtyDays()
{
    tc::UpcomingWindowsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now = tokyo(2025, 11, 25, 10, 0);
    model.refresh(m_calendar, now);
    QCOMPARE(model.windows(), m_calendar.windowsBetween(now, now.addDays(30)));
    QVERIFY(model.rowCount() >= 30);
    QCOMPARE(model.columnCount(), int(tc::UpcomingWindowsModel::ColumnCount));
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.windows().at(row - 1).end <= model.windows().at(row).start);
    QVERIFY(model.windows().constLast().start < now.addDays(30));

    // Refreshing later drops what has passed.
    model.refresh(m_calendar, now.addDays(3));
    QVERIFY(model.windows().constFirst().start >= now.addDays(3));
}

void TestUpcomingWindows::rowTexts_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("expected"); // start, end, duration, reason of row 0

    QTest::newRow("ja") << u"ja"_s
                        << QStringList {u"2025/11/22(土) 23:50"_s, u"2025/11/23(日) 07:00"_s,
                                        u"7時間10分"_s, u"第2・第4日曜日前日からの定期休止"_s};
    QTest::newRow("en") << u"en"_s
                        << QStringList {
                               u"Sat 2025-11-22 23:50"_s, u"Sun 2025-11-23 07:00"_s,
                               u"7 h 10 min"_s,
                               u"scheduled pause from the eve of the 2nd and 4th Sunday"_s};
}

void TestUpcomingWindows::rowTexts()
{
    QFETCH(QString, language);
    QFETCH(QStringList, expected);
    tc::Translations translations;
    QVERIFY(translations.install(*tc::parseUiLanguage(language)));

    tc::UpcomingWindowsModel model;
    model.refresh(m_calendar, tokyo(2025, 11, 22, 12, 0));
    QStringList row;
    for (int column = 0; column < model.columnCount(); ++column)
        row.append(model.index(0, column).data().toString());
    QCOMPARE(row, expected);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(),
             language == u"ja" ? u"開始(日本時間)"_s : u"Start (Tokyo)"_s);
}

void TestUpcomingWindows::windowInProgressComesFirst()
{
    tc::Translations translations;
    QVERIFY(translations.install(tc::UiLanguage::Japanese));
    tc::UpcomingWindowsModel model;
    model.refresh(m_calendar, tokyo(2025, 11, 23, 2, 0));
    QCOMPARE(model.index(0, 0).data(tc::UpcomingWindowsModel::InProgressRole).toBool(), true);
    QCOMPARE(model.index(0, tc::UpcomingWindowsModel::ReasonColumn).data().toString(),
             u"第2・第4日曜日前日からの定期休止(休止中)"_s);
    QCOMPARE(model.index(1, 0).data(tc::UpcomingWindowsModel::InProgressRole).toBool(), false);
}

void TestUpcomingWindows::durations_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("one minute") << qint64(60) << u"1 min"_s;
    QTest::newRow("part of a minute rounds up") << qint64(61) << u"2 min"_s;
    QTest::newRow("hours") << qint64(4 * 3600) << u"4 h"_s;
    QTest::newRow("hours and minutes") << qint64(7 * 3600 + 600) << u"7 h 10 min"_s;
}

void TestUpcomingWindows::durations()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(tc::formatDuration(seconds), text);
}

QTEST_MAIN(TestUpcomingWindows)
#include "tst_upcomingwindows.moc"
