// The main window in both languages, rendered offscreen and saved for a person to look at.
#include "ErrorCatalog.h"
#include "ExplainerWidget.h"
#include "MainWindow.h"
#include "ServiceCalendar.h"
#include "ServiceStatusWidget.h"
#include "TokyoTime.h"
#include "Translations.h"
#include "UpcomingWindowsModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QMenuBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString outputDir()
{
    QString dir = qEnvironmentVariable("TC_TEST_OUTPUT_DIR");
    if (dir.isEmpty())
        dir = QDir::tempPath() + u"/tc-test-output"_s;
    QDir().mkpath(dir);
    return dir;
}

// Tuesday 25 November 2025, 10:00 in Tokyo: open, the next pause is tonight's.
QDateTime fixedNow()
{
    return tc::tokyoDateTime(QDate(2025, 11, 25), QTime(10, 0));
}

QStringList menuTitles(const QMainWindow &window)
{
    QStringList titles;
    for (const QAction *action : window.menuBar()->actions())
        titles.append(action->text());
    return titles;
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void texts_data();
    void texts();
    void rendersForScreenshots_data();
    void rendersForScreenshots();
    void quitShortcut();

private:
    const tc::ErrorCatalog &m_catalog = tc::ErrorCatalog::builtIn();
    tc::ServiceCalendar m_calendar;
};

void TestMainWindow::texts_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("tabs");
    QTest::addColumn<QStringList>("menus");
    QTest::addColumn<QString>("status");

    QTest::newRow("ja") << u"ja"_s << u"窓口コンソール 0.1.0"_s
                        << QStringList {u"コード・メッセージの説明"_s, u"サービス休止予定"_s}
                        << QStringList {u"ファイル(&F)"_s, u"ヘルプ(&H)"_s}
                        << u"受付中 — 次の休止 11/26(水) 00:00–00:01 毎日0時の休止"_s;
    QTest::newRow("en") << u"en"_s << u"Teller Console 0.1.0"_s
                        << QStringList {u"Explain a code or message"_s, u"Service pauses"_s}
                        << QStringList {u"&File"_s, u"&Help"_s}
                        << u"Open — next pause Wed 11/26 00:00–00:01 daily 00:00 pause"_s;
}

void TestMainWindow::texts()
{
    QFETCH(QString, language);
    QFETCH(QString, title);
    QFETCH(QStringList, tabs);
    QFETCH(QStringList, menus);
    QFETCH(QString, status);

    tc::Translations translations;
    QVERIFY(translations.install(*tc::parseUiLanguage(language)));
    tc::MainWindow window(m_catalog, m_calendar, fixedNow);
    QCOMPARE(window.windowTitle(), title);
    QCOMPARE(window.tabs()->count(), tabs.size());
    for (int i = 0; i < tabs.size(); ++i)
        QCOMPARE(window.tabs()->tabText(i), tabs.at(i));
    QCOMPARE(menuTitles(window), menus);
    QCOMPARE(window.serviceStatus()->statusText(), status);
}

void TestMainWindow::rendersForScreenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("ja") << u"ja"_s;
    QTest::newRow("en") << u"en"_s;
}

void TestMainWindow::rendersForScreenshots()
{
    QFETCH(QString, language);
    tc::Translations translations;
    QVERIFY(translations.install(*tc::parseUiLanguage(language)));

    tc::MainWindow window(m_catalog, m_calendar, fixedNow);
    QAbstractItemModelTester tester(window.upcomingModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.resize(1100, 720);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));

    // Focus starts where the agent types.
    QCOMPARE(QApplication::focusWidget(), window.explainer()->queryEdit());
    QTest::keyClicks(window.explainer()->queryEdit(), u"B84"_s);
    QVERIFY(window.explainer()->currentEntry());

    const QString dir = outputDir();
    const QString explainerPng = dir + u"/mainwindow_"_s + language + u"_explainer.png"_s;
    QVERIFY(window.grab().save(explainerPng));

    window.tabs()->setCurrentIndex(1);
    QVERIFY(window.upcomingModel()->rowCount() > 30); // at least the daily pauses
    QTest::qWait(10);
    const QString pausesPng = dir + u"/mainwindow_"_s + language + u"_pauses.png"_s;
    QVERIFY(window.grab().save(pausesPng));
    qInfo("saved %s and %s", qPrintable(explainerPng), qPrintable(pausesPng));
}

void TestMainWindow::quitShortcut()
{
    tc::Translations translations;
    QVERIFY(translations.install(tc::UiLanguage::Japanese));
    tc::MainWindow window(m_catalog, m_calendar, fixedNow);
    const QList<QAction *> fileActions =
        window.menuBar()->actions().constFirst()->menu()->actions();
    QCOMPARE(fileActions.size(), 1);
    QCOMPARE(fileActions.constFirst()->text(), u"終了(&Q)"_s);
    QCOMPARE(fileActions.constFirst()->shortcut(), QKeySequence(u"Ctrl+Q"_s));

    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY(!window.isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
