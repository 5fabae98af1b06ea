// Two-person control in two console sessions on one real backend over HTTPS: a teller asks for
// an early release, the supervisor's approval queue shows it live (newest first, waiting time),
// the supervisor approves with the keyboard and the teller's customer view loses the lock live;
// a supervisor's own request is refused with a sentence saying another supervisor must approve;
// a rejection needs a reason and the teller hears of it. Screenshots of the queue in both
// languages.
#include "ApprovalQueueView.h"
#include "AttemptLabels.h"
#include "BackendClient.h"
#include "ClearLockDialog.h"
#include "CustomerView.h"
#include "Database.h"
#include "Desk.h"
#include "DeskSession.h"
#include "ErrorCatalog.h"
#include "EventStream.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "ReleaseRequestsModel.h"
#include "ServiceCalendar.h"
#include "StaffChangeForm.h"
#include "TableStateHelper.h"
#include "TestBackend.h"
#include "TestFlow.h"
#include "Translations.h"
#include "WidgetTesting.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using tc::test::StandardData;
using tc::test::TestBackend;

namespace {

// A console session, live, at the size of this test's screenshots.
struct ConsoleSession : tc::test::DeskSession
{
    ConsoleSession(TestBackend &backend, const QString &username) : DeskSession(backend, username)
    {
        window.resize(1280, 720);
    }
};

} // namespace

class TestApprovalQueue final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void approvedLive_data();
    void approvedLive();
    void ownRequestNeedsAnotherSupervisor();
    void rejectionNeedsAReason();
    void onlySupervisorsGetTheQueue();

private:
    // DELETE …/locks/identity as `staff`, with how the identity was confirmed; the request id.
    qint64 requestRelease(const tc::protocol::StaffSession &staff, const QString &reason);

    std::unique_ptr<TestBackend> m_backend;
};

void TestApprovalQueue::initTestCase()
{
    m_backend = TestBackend::started(u"sqlite"_s);
    using tc::backend::staff::StaffRole;
    for (const auto &[username, role] : {std::pair {u"teller"_s, StaffRole::Teller},
                                         std::pair {u"supervisor"_s, StaffRole::Supervisor},
                                         std::pair {u"supervisor2"_s, StaffRole::Supervisor}}) {
        QVERIFY2(tc::test::addStaffUser(*m_backend, username, role,
                                        username == u"teller"_s ? u"窓口 花子"_s
                                                                : u"責任者 "_s + username),
                 qPrintable(username));
    }
    // Two-person control: every early release waits for another supervisor.
    QVERIFY(tc::backend::runQuery(
        m_backend->service().database().connection(),
        u"UPDATE institutions SET early_release_needs_approval = 1 WHERE id = ?"_s,
        {StandardData::institution}));
}

qint64 TestApprovalQueue::requestRelease(const tc::protocol::StaffSession &staff,
                                         const QString &reason)
{
    const tc::protocol::StaffChange change {.reason = reason,
                                            .reasonKind = u"counter_document"_s,
                                            .identityDocument = u"drivers_license"_s};
    const QString path =
        u"/api/v1/staff/accounts/%1/locks/identity"_s.arg(m_backend->data().accountId);
    const auto send = [&](const QJsonObject &body) {
        return m_backend->request("DELETE", path,
                                  QJsonDocument(body).toJson(QJsonDocument::Compact),
                                  {TestBackend::bearer(staff.accessToken)});
    };
    const auto answer = send(change.toJson());
    if (answer.status != 202)
        qFatal("release request: %d %s", answer.status, answer.body.constData());
    return answer.json.value(u"request_id"_s).toInteger();
}

void TestApprovalQueue::approvedLive_data()
{
    tc::test::addLanguageRows();
}

void TestApprovalQueue::approvedLive()
{
    QFETCH(QString, language);
    tc::Translations translations;
    QVERIFY(translations.install(*tc::parseUiLanguage(language)));
    tc::test::lockStandardCustomer(*m_backend);

    // Console 1: the teller has the locked customer open.
    ConsoleSession teller(*m_backend, u"teller"_s);
    QCOMPARE(teller.desk->approvalQueue(), nullptr);
    teller.desk->openCustomer(m_backend->data().accountId); // the standard customer's id is 1
    tc::CustomerView *customer = teller.window.customerView();
    QTRY_VERIFY(customer->hasCustomer());
    QTRY_VERIFY2(customer->headerText().contains(u"B84"_s), qPrintable(customer->headerText()));

    // Console 2: a supervisor with the queue open by Ctrl+5, empty for now.
    ConsoleSession supervisor(*m_backend, u"supervisor"_s);
    tc::ApprovalQueueView *queue = supervisor.desk->approvalQueue();
    QVERIFY(queue);
    tc::ReleaseRequestsModel *requests = supervisor.desk->releaseRequestsModel();
    QAbstractItemModelTester tester(requests,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(supervisor.activate());
    QTRY_COMPARE(supervisor.events.state(), tc::client::EventStream::State::Connected);
    QTRY_COMPARE(teller.events.state(), tc::client::EventStream::State::Connected);
    QTest::keyClick(&supervisor.window, Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(supervisor.window.tabs()->currentWidget(), queue);
    QCOMPARE(QApplication::focusWidget(), queue->requestsView());
    QTRY_VERIFY(!requests->isLoading());
    QCOMPARE(requests->rowCount(), 0);

    // The teller asks in the Clear lock dialog (at the counter, driver's license, the reason);
    // the request appears in the supervisor's queue by itself.
    const QString reason = u"窓口で運転免許証により本人確認 (%1)"_s.arg(language);
    QVERIFY(teller.activate());
    const qint64 accountId = m_backend->data().accountId;
    QTRY_VERIFY(customer->clearLockButton(accountId, u"identity"_s));
    customer->clearLockButton(accountId, u"identity"_s)->click();
    auto *dialog = qobject_cast<tc::ClearLockDialog *>(teller.desk->changeDialog());
    QVERIFY(dialog);
    tc::StaffChangeForm *form = dialog->changeForm();
    form->counterChoice()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(form->counterChoice(), Qt::Key_Space);
    form->documentCombo()->setFocus(Qt::TabFocusReason);
    while (form->documentCombo()->currentData().toString() != u"drivers_license"_s)
        QTest::keyClick(form->documentCombo(), Qt::Key_Down);
    form->reasonEdit()->setFocus(Qt::TabFocusReason);
    QInputMethodEvent typed; // Japanese arrives as an input method commits it
    typed.setCommitString(reason);
    QApplication::sendEvent(form->reasonEdit(), &typed);
    QTest::keyClick(form->reasonEdit(), Qt::Key_Return);
    QTRY_VERIFY(!teller.desk->changeDialog());
    QTRY_COMPARE(requests->rowCount(), 1);
    QVERIFY(supervisor.activate());
    QCOMPARE(requests->index(0, tc::ReleaseRequestsModel::ReasonColumn).data().toString(), reason);
    // How the teller confirmed the identity, in words.
    QCOMPARE(requests->index(0, tc::ReleaseRequestsModel::ProofColumn).data().toString(),
             tc::identityProofLabel(u"counter_document", u"drivers_license"));
    QVERIFY(requests->index(0, tc::ReleaseRequestsModel::RequesterColumn)
                .data()
                .toString()
                .contains(u"teller"_s));
    QCOMPARE(requests->index(0, tc::ReleaseRequestsModel::AccountColumn).data().toString().left(3),
             u"001"_s);
    // Waiting time, updated as time passes.
    m_backend->clock().advance(4 * 60 * 1000); // within the access token's 5 minutes
    requests->refreshTimes();
    QVERIFY(requests->index(0, tc::ReleaseRequestsModel::WaitingColumn)
                .data()
                .toString()
                .contains(u"4"_s));
    // The teller's view says it waits for approval.
    QTRY_VERIFY2(customer->headerText().contains(reason), qPrintable(customer->headerText()));
    QVERIFY(queue->requestsView()->currentIndex().isValid());
    queue->tableState()->fitColumns();
    QVERIFY(supervisor.window.grab().save(tc::test::screenshotDir() + u"/approval_queue_"_s
                                          + language + u".png"_s));

    // Approved by keyboard: a note, Alt+A.
    queue->noteEdit()->setFocus();
    queue->noteEdit()->insert(u"免許証確認済み"_s); // as an input method commits it
    QTest::keyClick(&supervisor.window, Qt::Key_A, Qt::AltModifier);
    QTRY_VERIFY2(requests->rowCount() == 0, qPrintable(queue->messageBar()->text()));
    QVERIFY2(queue->messageBar()->kind() == tc::MessageBar::Kind::Information,
             qPrintable(queue->messageBar()->text()));
    QVERIFY(queue->noteEdit()->text().isEmpty());
    QVERIFY(supervisor.window.grab().save(tc::test::screenshotDir() + u"/approval_queue_approved_"_s
                                          + language + u".png"_s));

    // The teller's customer view loses the lock and the pending request, live.
    QTRY_VERIFY2(!customer->headerText().contains(u"B84"_s), qPrintable(customer->headerText()));
    // The pending request is gone; the release stays in the account's history with its reason.
    QTRY_COMPARE(customer->headerText().count(reason), 1);
    QTRY_VERIFY(teller.window.messageBar()->isVisibleTo(&teller.window));
    QVERIFY2(teller.window.messageBar()->text().contains(u"supervisor"_s),
             qPrintable(teller.window.messageBar()->text()));
    QVERIFY(teller.window.grab().save(tc::test::screenshotDir() + u"/approval_teller_released_"_s
                                      + language + u".png"_s));
}

void TestApprovalQueue::ownRequestNeedsAnotherSupervisor()
{
    tc::Translations translations;
    QVERIFY(translations.install(tc::UiLanguage::English));
    tc::test::lockStandardCustomer(*m_backend);
    ConsoleSession supervisor(*m_backend, u"supervisor"_s);
    tc::ApprovalQueueView *queue = supervisor.desk->approvalQueue();
    tc::ReleaseRequestsModel *requests = supervisor.desk->releaseRequestsModel();
    QAbstractItemModelTester tester(requests,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(supervisor.activate());
    QTRY_COMPARE(supervisor.events.state(), tc::client::EventStream::State::Connected);
    supervisor.window.tabs()->setCurrentWidget(queue);

    // The supervisor asks himself (on the phone with the customer, say).
    const qint64 own = requestRelease(supervisor.staff, u"電話で本人確認"_s);
    QTRY_COMPARE(requests->rowCount(), 1);
    queue->requestsView()->setFocus();
    queue->requestsView()->setCurrentIndex(requests->index(0, 0));
    QVERIFY(queue->messageBar()->text().contains(u"another supervisor"_s));
    QTest::keyClick(&supervisor.window, Qt::Key_A, Qt::AltModifier);
    QTRY_COMPARE(queue->messageBar()->kind(), tc::MessageBar::Kind::Warning);
    QCOMPARE(queue->messageBar()->text(),
             u"You made this request yourself: another supervisor must approve it."_s);
    QCOMPARE(requests->rowCount(), 1); // still waiting for someone else
    QVERIFY(
        supervisor.window.grab().save(tc::test::screenshotDir() + u"/approval_queue_own_en.png"_s));

    // Another supervisor approves it from a console of their own.
    ConsoleSession other(*m_backend, u"supervisor2"_s);
    tc::ReleaseRequestsModel *otherRequests = other.desk->releaseRequestsModel();
    QTRY_COMPARE(otherRequests->rowCount(), 1);
    QSignalSpy decided(otherRequests, &tc::ReleaseRequestsModel::decided);
    otherRequests->decide(own, tc::ReleaseRequestsModel::Decision::Approve, {});
    QVERIFY(decided.wait());
    // The first supervisor's queue empties by itself.
    QTRY_COMPARE(requests->rowCount(), 0);
}

void TestApprovalQueue::rejectionNeedsAReason()
{
    tc::Translations translations;
    QVERIFY(translations.install(tc::UiLanguage::English));
    tc::test::lockStandardCustomer(*m_backend);
    ConsoleSession teller(*m_backend, u"teller"_s);
    teller.desk->openCustomer(m_backend->data().accountId);
    QTRY_VERIFY(teller.window.customerView()->hasCustomer());
    ConsoleSession supervisor(*m_backend, u"supervisor"_s);
    tc::ApprovalQueueView *queue = supervisor.desk->approvalQueue();
    tc::ReleaseRequestsModel *requests = supervisor.desk->releaseRequestsModel();
    QAbstractItemModelTester tester(requests,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(supervisor.activate());
    QTRY_COMPARE(supervisor.events.state(), tc::client::EventStream::State::Connected);
    QTRY_COMPARE(teller.events.state(), tc::client::EventStream::State::Connected);
    supervisor.window.tabs()->setCurrentWidget(queue);
    requestRelease(teller.staff, u"窓口で確認"_s);
    QTRY_COMPARE(requests->rowCount(), 1);
    queue->requestsView()->setFocus();
    queue->requestsView()->setCurrentIndex(requests->index(0, 0));

    // Alt+R without a reason: nothing is sent, the reason field asks for it.
    queue->noteEdit()->clear();
    QTest::keyClick(&supervisor.window, Qt::Key_R, Qt::AltModifier);
    // (A mnemonic clicks the button animated, a moment later.)
    QTRY_VERIFY2(queue->messageBar()->kind() == tc::MessageBar::Kind::Warning,
                 qPrintable(queue->messageBar()->text()));
    QVERIFY(queue->messageBar()->text().contains(u"reason"_s));
    QCOMPARE(QApplication::focusWidget(), queue->noteEdit());
    QCOMPARE(requests->rowCount(), 1);

    queue->noteEdit()->insert(u"本人確認書類の記録なし"_s);
    QTest::keyClick(&supervisor.window, Qt::Key_R, Qt::AltModifier);
    QTRY_COMPARE(requests->rowCount(), 0);
    QVERIFY(queue->messageBar()->text().startsWith(u"Rejected"_s));
    // The teller hears why; the lock stays.
    QTRY_VERIFY(teller.window.messageBar()->text().contains(u"本人確認書類の記録なし"_s));
    QVERIFY(teller.window.customerView()->headerText().contains(u"B84"_s));

    // Leave the lock released for the next test.
    const qint64 again = requestRelease(teller.staff, u"再確認"_s);
    QTRY_COMPARE(requests->rowCount(), 1);
    QSignalSpy decided(requests, &tc::ReleaseRequestsModel::decided);
    requests->decide(again, tc::ReleaseRequestsModel::Decision::Approve, {});
    QVERIFY(decided.wait());
}

void TestApprovalQueue::onlySupervisorsGetTheQueue()
{
    ConsoleSession teller(*m_backend, u"teller"_s);
    QCOMPARE(teller.desk->approvalQueue(), nullptr);
    for (int tab = 0; tab < teller.window.tabs()->count(); ++tab)
        QVERIFY(!qobject_cast<tc::ApprovalQueueView *>(teller.window.tabs()->widget(tab)));
    auto supervisor = std::make_unique<ConsoleSession>(*m_backend, u"supervisor"_s);
    // The first of the session's tabs.
    QCOMPARE(supervisor->window.tabs()->indexOf(supervisor->desk->approvalQueue()),
             int(tc::MainWindow::PausesTab) + 1);
    // Signed out: the tab goes with the desk.
    supervisor->desk.reset();
    QCOMPARE(supervisor->window.tabs()->count(), int(tc::MainWindow::PausesTab) + 1);
}

QTEST_MAIN(TestApprovalQueue)
#include "tst_approvalqueue.moc"
