// The desk against the real backend over HTTPS: a teller finds a locked customer with Ctrl+K,
// sees the lock sentence and the attempts, selects the B84 attempt and reads the script; a live
// attempt then appears in the open customer's attempts and in branch activity without moving
// the selected row. Screenshots of each screen in both languages.
#include "AttemptsModel.h"
#include "BackendClient.h"
#include "BranchActivityModel.h"
#include "BranchActivityView.h"
#include "ConnectionStatusWidget.h"
#include "CustomerScriptWidget.h"
#include "CustomerView.h"
#include "Desk.h"
#include "DeskSession.h"
#include "ErrorCatalog.h"
#include "EventStream.h"
#include "ExplainerWidget.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "SearchWidget.h"
#include "ServiceCalendar.h"
#include "ServiceStatusWidget.h"
#include "TestBackend.h"
#include "TestFlow.h"
#include "Translations.h"
#include "WidgetTesting.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using tc::test::rightAccount;
using tc::test::TestBackend;

namespace {

QModelIndex findCode(const QAbstractItemModel &model, const QString &code,
                     const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data(tc::AttemptsModel::CodeRole).toString() == code)
            return index;
    }
    return {};
}

} // namespace

class TestDesk final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tellerFindsLockedCustomer_data();
    void tellerFindsLockedCustomer();
    void supportSeesMaskedDetails();
    void supervisorChoosesTheBranch();
    void longDayIsListedNewestFirst();
    void unreachableBackendIsToldInline();

private:
    std::unique_ptr<TestBackend> m_backend;
    const tc::ErrorCatalog &m_catalog = tc::ErrorCatalog::builtIn();
    tc::ServiceCalendar m_calendar;
};

void TestDesk::initTestCase()
{
    m_backend = TestBackend::started(u"sqlite"_s);
    tc::test::addTellerSupportSupervisor(*m_backend);
    if (QTest::currentTestFailed())
        return;
    tc::test::lockStandardCustomerAndRetry(*m_backend);
}

void TestDesk::tellerFindsLockedCustomer_data()
{
    tc::test::addLanguageRows();
}

void TestDesk::tellerFindsLockedCustomer()
{
    QFETCH(QString, language);
    tc::Translations translations;
    QVERIFY(translations.install(*tc::parseUiLanguage(language)));
    TestBackend &backend = *m_backend;

    // Signed in as the teller of branch 001.
    tc::test::DeskSession session(backend, u"teller"_s);
    tc::MainWindow &window = session.window;
    tc::Desk &desk = *session.desk;
    QAbstractItemModelTester attemptsTester(desk.attemptsModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester activityTester(desk.branchActivityModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.resize(1280, 800);
    QVERIFY(session.activate());
    QTRY_COMPARE(window.connectionStatus()->state(), tc::ConnectionStatusWidget::State::Connected);
    QTRY_VERIFY(window.serviceStatus()->isRemote());
    QVERIFY(window.userText().contains(u"teller"_s));

    // Ctrl+K, the account, Enter: the customer opens.
    window.openTab(tc::MainWindow::ExplainerTab);
    window.explainer()->queryEdit()->setFocus();
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), window.search()->searchEdit());
    QTest::keyClicks(window.search()->searchEdit(), u"001-1234567"_s);
    QTest::keyClick(window.search()->searchEdit(), Qt::Key_Return);
    tc::CustomerView *view = window.customerView();
    QTRY_VERIFY(view->hasCustomer());
    QCOMPARE(window.tabs()->currentIndex(), int(tc::MainWindow::CustomerTab));
    QTRY_VERIFY2(view->headerText().contains(u"00:00"_s), qPrintable(view->headerText()));
    QVERIFY2(view->headerText().contains(u"B84"_s), qPrintable(view->headerText()));
    tc::AttemptsModel *attempts = desk.attemptsModel();
    QTRY_VERIFY(attempts->flowCount() >= 2);

    // The B84 attempt explained beside the customer's lock.
    const QModelIndex b84 = findCode(*attempts, u"B84"_s);
    QVERIFY(b84.isValid());
    view->attemptsView()->setCurrentIndex(b84);
    QCOMPARE(view->script()->code(), u"B84"_s);
    const QString script = view->script()->scriptText();
    QVERIFY2(script.startsWith(u"B84: "_s), qPrintable(script));
    QVERIFY2(script.contains(u"00:00"_s), qPrintable(script));
    QVERIFY2(script.contains(
                 tc::staffText(m_catalog.find(u"B84")->tellCustomer, tc::currentUiLanguage())),
             qPrintable(script));
    QVERIFY(window.grab().save(tc::test::screenshotDir() + u"/desk_customer_"_s + language
                               + u".png"_s));
    // Enter on it: the full explanation, with the customer's branch in the answers.
    view->attemptsView()->setFocus();
    QTest::keyClick(view->attemptsView(), Qt::Key_Return);
    QCOMPARE(window.tabs()->currentIndex(), int(tc::MainWindow::ExplainerTab));
    QVERIFY(window.explainer()->currentEntry());
    QCOMPARE(window.explainer()->currentEntry()->code, u"B84"_s);
    window.openTab(tc::MainWindow::CustomerTab);

    // A live attempt: the customer tries again. The selected row keeps its attempt.
    const qint64 selectedAttempt = attempts->attemptAt(b84).value().id;
    const int flowsBefore = attempts->flowCount();
    const int activityBefore = desk.branchActivityModel()->rowCount();
    backend.postJson(tc::test::flow::startFlow(backend) + u"/account"_s, rightAccount);
    QTRY_COMPARE(attempts->flowCount(), flowsBefore + 1);
    QCOMPARE(attempts->attemptAt(view->attemptsView()->currentIndex()).value().id, selectedAttempt);
    QTRY_VERIFY(desk.branchActivityModel()->rowCount() > activityBefore);

    // Branch activity, and the customer opened from it with Enter.
    window.openTab(tc::MainWindow::ActivityTab);
    QTableView *table = window.branchActivity()->tableView();
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::qWait(20);
    QVERIFY(window.grab().save(tc::test::screenshotDir() + u"/desk_activity_"_s + language
                               + u".png"_s));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(window.tabs()->currentIndex(), int(tc::MainWindow::CustomerTab));

    window.openTab(tc::MainWindow::ExplainerTab);
    window.explainer()->setQuery(u"B84"_s);
    QVERIFY(
        window.grab().save(tc::test::screenshotDir() + u"/desk_explain_"_s + language + u".png"_s));
    window.openTab(tc::MainWindow::PausesTab);
    QVERIFY(
        window.grab().save(tc::test::screenshotDir() + u"/desk_pauses_"_s + language + u".png"_s));
}

void TestDesk::supportSeesMaskedDetails()
{
    tc::Translations translations;
    QVERIFY(translations.install(tc::UiLanguage::English));
    tc::test::DeskSession session(*m_backend, u"support"_s, tc::test::DeskSession::Live::Off);
    tc::MainWindow &window = session.window;
    tc::Desk &desk = *session.desk;
    window.show();
    desk.openCustomer(m_backend->data().accountId); // the standard customer's id is 1 too
    tc::CustomerView *view = window.customerView();
    QTRY_VERIFY(view->hasCustomer());
    QVERIFY2(view->headerText().contains(u"******0000"_s), qPrintable(view->headerText()));
    QVERIFY2(view->headerText().contains(u"partly hidden"_s), qPrintable(view->headerText()));
    QVERIFY(!view->headerText().contains(u"0786310000"_s));
    QVERIFY(window.userText().contains(u"support"_s));
}

void TestDesk::supervisorChoosesTheBranch()
{
    tc::test::DeskSession session(*m_backend, u"supervisor"_s, tc::test::DeskSession::Live::Off);
    tc::MainWindow &window = session.window;
    tc::Desk &desk = *session.desk;
    window.openTab(tc::MainWindow::ActivityTab);
    window.show();
    QVERIFY(window.branchActivity()->branchCombo()->isVisible());
    // The branches the day's rows show are offered.
    QTRY_VERIFY(window.branchActivity()->branchCombo()->findData(u"001"_s) > 0);
    QTRY_VERIFY(desk.branchActivityModel()->rowCount() > 0);
    window.branchActivity()->branchCombo()->setCurrentIndex(
        window.branchActivity()->branchCombo()->findData(u"001"_s));
    QCOMPARE(desk.branchActivityModel()->filters().branchCode, u"001"_s);
}

// A day longer than the rows the model holds: sorting by column gives way to the server's
// order, newest first, and the view says so; a shorter list (a filter) sorts again.
void TestDesk::longDayIsListedNewestFirst()
{
    tc::test::DeskSession session(*m_backend, u"supervisor"_s, tc::test::DeskSession::Live::Off);
    tc::MainWindow &window = session.window;
    tc::Desk &desk = *session.desk;
    tc::BranchActivityModel *model = desk.branchActivityModel();
    tc::BranchActivityView *view = window.branchActivity();
    QTableView *table = view->tableView();
    // Another tab: rows a shown table reads are on the screen and stay held, and this table
    // would show them all.
    window.openTab(tc::MainWindow::ExplainerTab);
    window.show();
    QTRY_VERIFY(!model->isLoading() && model->rowCount() > 4);
    table->sortByColumn(tc::BranchActivityModel::CodeColumn, Qt::AscendingOrder);
    QVERIFY(view->isSortable());
    QCOMPARE(table->horizontalHeader()->sortIndicatorSection(),
             int(tc::BranchActivityModel::CodeColumn));

    // Two rows held at most, two a page: every page read, the first and the last one held.
    model->setPageSize(2);
    model->setMaxHeldRows(2);
    model->reload();
    QTRY_VERIFY(!model->isLoading() && model->rowCount() > 0);
    while (model->canFetchMore({})) {
        model->fetchMore({});
        QTRY_VERIFY(!model->isLoading());
    }
    QVERIFY(model->isWindowed());
    QVERIFY(!view->isSortable());
    QVERIFY(!table->isSortingEnabled());
    QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), -1);
    const QLabel *note = tc::test::child<QLabel>(*view, u"sortNote"_s);
    QVERIFY(note->isVisibleTo(view));
    QVERIFY(note->text().contains(u"Newest first"_s));
    // The server's order: newest first, the view's rows the model's.
    QCOMPARE(table->model()->index(0, 0).data(tc::BranchActivityModel::AtRole),
             model->index(0, 0).data(tc::BranchActivityModel::AtRole));

    // Failures only are few enough: sorting is offered again.
    model->setMaxHeldRows(tc::BranchActivityModel::defaultMaxHeldRows);
    view->outcomeCombo()->setCurrentIndex(view->outcomeCombo()->findData(u"failure"_s));
    QVERIFY(!model->isWindowed());
    QVERIFY(view->isSortable());
    QVERIFY(!note->isVisibleTo(view));
}

void TestDesk::unreachableBackendIsToldInline()
{
    tc::Translations translations;
    QVERIFY(translations.install(tc::UiLanguage::English));
    // Nobody listens on a port just closed.
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    tc::client::BackendClient client({.baseUrl = QUrl(u"https://127.0.0.1:%1"_s.arg(closedPort)),
                                      .pinnedCa = {m_backend->certificates().caCertificate()},
                                      .transferTimeoutMs = 2000});
    client.setAccessToken(u"no-session"_s);
    tc::client::EventStream events(&client);
    events.start();
    tc::protocol::StaffSession staff;
    staff.username = u"teller"_s;
    staff.role = u"teller"_s;
    tc::MainWindow window(m_catalog, m_calendar, tc::test::clockOf(*m_backend));
    tc::Desk desk(window, client, &events, staff, tc::test::clockOf(*m_backend));
    window.show();

    desk.openCustomer(1);
    QTRY_VERIFY(window.messageBar()->isVisible());
    QVERIFY(!window.messageBar()->text().isEmpty());
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(window.connectionStatus()->state() != tc::ConnectionStatusWidget::State::Connected);
    QVERIFY(!window.serviceStatus()->isRemote());
    QVERIFY(!window.serviceStatus()->sourceText().isEmpty()); // "(calendar, offline)"
    QVERIFY(window.grab().save(tc::test::screenshotDir() + u"/desk_unreachable_en.png"_s));
    events.stop();
}

QTEST_MAIN(TestDesk)
#include "tst_desk.moc"
