// The supervisor's apps tab against the real backend over HTTPS: the institution's app with its
// live linkage, suspended by keyboard alone with a reason (the row shows by, when and why from
// the live event, the view says the app's next call is refused, and it is: F04), then resumed
// (the app's call works again); a teller's open customer shows the linkage suspended and active
// again as it happens. Tellers and support staff get no Apps tab. Screenshots of the
// tab and the dialog in Japanese and English.
#include "AppSuspensionDialog.h"
#include "AppsModel.h"
#include "AppsView.h"
#include "BackendClient.h"
#include "ConnectionStatusWidget.h"
#include "Desk.h"
#include "DeskSession.h"
#include "ErrorCatalog.h"
#include "EventStream.h"
#include "LinkagesModel.h"
#include "MainWindow.h"
#include "ServiceCalendar.h"
#include "TestBackend.h"
#include "TestFlow.h"
#include "Translations.h"
#include "WidgetTesting.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using tc::test::StandardData;
using tc::test::TestBackend;
using tc::test::typeText;

namespace { } // namespace

class TestAppsView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void supervisorSuspendsAndResumes_data();
    void supervisorSuspendsAndResumes();
    void noAppsTabWithoutTheRole_data();
    void noAppsTabWithoutTheRole();

private:
    std::unique_ptr<TestBackend> m_backend;
    QString m_appToken; // the app's access token of the standard customer's linkage
};

void TestAppsView::initTestCase()
{
    m_backend = TestBackend::started(u"sqlite"_s);
    tc::test::addTellerSupportSupervisor(*m_backend);
    if (QTest::currentTestFailed())
        return;
    m_appToken = tc::test::flow::linkedTokens(*m_backend).value(u"access_token"_s).toString();
    QCOMPARE(tc::test::flow::accountsMe(*m_backend, m_appToken).status, 200);
}

void TestAppsView::supervisorSuspendsAndResumes_data()
{
    tc::test::addLanguageRows();
}

void TestAppsView::supervisorSuspendsAndResumes()
{
    QFETCH(QString, language);
    tc::Translations translations;
    QVERIFY(translations.install(*tc::parseUiLanguage(language)));
    TestBackend &backend = *m_backend;
    tc::test::DeskSession session(backend, u"supervisor"_s);
    tc::MainWindow &window = session.window;
    tc::Desk &desk = *session.desk;
    QVERIFY(desk.appsModel());
    QAbstractItemModelTester tester(desk.appsModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.resize(1280, 800);
    QVERIFY(session.activate());
    QTRY_COMPARE(window.connectionStatus()->state(), tc::ConnectionStatusWidget::State::Connected);

    // A teller's console beside it, the linked customer open: the linkage follows live.
    tc::test::DeskSession tellerSession(backend, u"teller"_s);
    tc::Desk &tellerDesk = *tellerSession.desk;
    tellerDesk.openCustomer(backend.data().accountId); // the standard customer's id is 1 too
    tc::LinkagesModel *linkages = tellerDesk.linkagesModel();
    QTRY_COMPARE(linkages->rowCount(), 1);
    QCOMPARE(linkages->index(0, 0).data(tc::LinkagesModel::StateRole).toString(), u"active"_s);
    QTRY_COMPARE(tellerSession.events.state(), tc::client::EventStream::State::Connected);

    // Ctrl+6: the Apps tab, the app with its one live linkage.
    QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
    auto *view = qobject_cast<tc::AppsView *>(window.tabs()->currentWidget());
    QVERIFY(view);
    tc::AppsModel *apps = desk.appsModel();
    QTRY_COMPARE(apps->rowCount(), 1);
    const QModelIndex app = apps->index(0, 0);
    QCOMPARE(app.data(tc::AppsModel::ClientIdRole).toString(), StandardData::clientId);
    QCOMPARE(apps->index(0, tc::AppsModel::LiveLinkagesColumn).data().toString(), u"1"_s);
    QVERIFY(!app.data(tc::AppsModel::SuspendedRole).toBool());
    QTableView *table = view->tableView();
    QTRY_VERIFY(table->currentIndex().isValid());
    QVERIFY(view->suspendButton()->isEnabled());
    QVERIFY(!view->resumeButton()->isEnabled());

    // Keyboard only: from the table, Alt+S opens the dialog; no reason, no confirming.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_S, Qt::AltModifier);
    QTRY_VERIFY(view->dialog());
    // The keys go where the keyboard is once the dialog has it (activation is asynchronous).
    QTRY_VERIFY(view->dialog()->isAncestorOf(QApplication::focusWidget()));
    tc::AppSuspensionDialog *dialog = view->dialog();
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->confirmButton()->isEnabled());
    QVERIFY2(dialog->effectText().contains(u"F04"_s), qPrintable(dialog->effectText()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(dialog->isVisible()); // Enter without a reason does nothing
    const QString reason = u"提供会社から不正アクセスの連絡"_s;
    typeText(QApplication::focusWidget(), reason);
    QVERIFY(dialog->confirmButton()->isEnabled());
    QVERIFY(dialog->grab().save(tc::test::screenshotDir() + u"/apps_suspend_dialog_"_s + language
                                + u".png"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(!view->dialog());

    // The row from the server and its event: suspended, by whom, why; the view says what it does.
    QTRY_VERIFY(app.data(tc::AppsModel::SuspendedRole).toBool());
    QTRY_COMPARE(apps->index(0, tc::AppsModel::SuspendedByColumn).data().toString(),
                 u"supervisor"_s);
    QCOMPARE(apps->index(0, tc::AppsModel::ReasonColumn).data().toString(), reason);
    QVERIFY(!apps->index(0, tc::AppsModel::SuspendedAtColumn).data().toString().isEmpty());
    QTRY_VERIFY2(view->effectText().contains(u"F04"_s), qPrintable(view->effectText()));
    QVERIFY(!view->suspendButton()->isEnabled());
    QVERIFY(view->resumeButton()->isEnabled());
    QCOMPARE(window.focusWidget(), table); // back where the supervisor was
    // The offscreen platform does not give the window back its activation as a desktop does.
    QApplication::setActiveWindow(&window);
    // … and it is so: the app's next call is refused.
    const TestBackend::Reply refused = tc::test::flow::accountsMe(backend, m_appToken);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.json.value(u"code"_s).toString(), u"F04"_s);
    QTRY_COMPARE(linkages->index(0, 0).data(tc::LinkagesModel::StateRole).toString(),
                 u"app_suspended"_s);
    QVERIFY(window.grab().save(tc::test::screenshotDir() + u"/apps_suspended_"_s + language
                               + u".png"_s));

    // Alt+R, a reason, Enter: resumed, and the app's call works again.
    QTest::keyClick(table, Qt::Key_R, Qt::AltModifier);
    QTRY_VERIFY(view->dialog());
    // The keys go where the keyboard is once the dialog has it (activation is asynchronous).
    QTRY_VERIFY(view->dialog()->isAncestorOf(QApplication::focusWidget()));
    QVERIFY(view->dialog()->effectText().contains(reason));
    QVERIFY(view->dialog()->grab().save(tc::test::screenshotDir() + u"/apps_resume_dialog_"_s
                                        + language + u".png"_s));
    typeText(QApplication::focusWidget(), u"提供会社の対策完了を確認"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(!app.data(tc::AppsModel::SuspendedRole).toBool());
    QTRY_VERIFY(apps->index(0, tc::AppsModel::ReasonColumn).data().toString().isEmpty());
    QVERIFY(view->suspendButton()->isEnabled());
    QCOMPARE(tc::test::flow::accountsMe(backend, m_appToken).status, 200);
    QTRY_COMPARE(linkages->index(0, 0).data(tc::LinkagesModel::StateRole).toString(), u"active"_s);
    QVERIFY(
        window.grab().save(tc::test::screenshotDir() + u"/apps_resumed_"_s + language + u".png"_s));

    // Another supervisor's change arrives live (here: straight to the API).
    const TestBackend::Reply other =
        backend.request("POST", u"/api/v1/staff/apps/%1/suspension"_s.arg(StandardData::clientId),
                        R"({"reason":"夜間の一時停止"})",
                        {TestBackend::bearer(backend.signInStaff(u"supervisor"_s))});
    QCOMPARE(other.status, 200);
    QTRY_VERIFY(app.data(tc::AppsModel::SuspendedRole).toBool());
    QCOMPARE(apps->index(0, tc::AppsModel::ReasonColumn).data().toString(), u"夜間の一時停止"_s);
    QTRY_VERIFY2(view->effectText().contains(u"F04"_s), qPrintable(view->effectText()));
    const TestBackend::Reply resumed = backend.request(
        "DELETE", u"/api/v1/staff/apps/%1/suspension"_s.arg(StandardData::clientId),
        R"({"reason":"再開"})", {TestBackend::bearer(backend.signInStaff(u"supervisor"_s))});
    QCOMPARE(resumed.status, 200);
    QTRY_VERIFY(!app.data(tc::AppsModel::SuspendedRole).toBool());
    QTRY_VERIFY2(!view->effectText().contains(u"F04"_s), qPrintable(view->effectText()));
}

void TestAppsView::noAppsTabWithoutTheRole_data()
{
    QTest::addColumn<QString>("username");
    QTest::newRow("teller") << u"teller"_s;
    QTest::newRow("support") << u"support"_s;
}

void TestAppsView::noAppsTabWithoutTheRole()
{
    QFETCH(QString, username);
    tc::test::DeskSession session(*m_backend, username, tc::test::DeskSession::Live::Off);
    tc::MainWindow &window = session.window;
    tc::Desk &desk = *session.desk;
    QVERIFY(!desk.appsModel());
    for (int i = 0; i < window.tabs()->count(); ++i)
        QVERIFY(!qobject_cast<tc::AppsView *>(window.tabs()->widget(i)));
}

QTEST_MAIN(TestAppsView)
#include "tst_appsview.moc"
