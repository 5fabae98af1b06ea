// A teller's changes of a customer's state from the desk, against the real backend over HTTPS:
// "Clear lock…" with a reason and the identity document seen (the customer's next attempt with
// correct data is no longer refused with B84), "Revoke…" of a linkage (the app's next call
// answers F02). The dialogs are driven by keyboard alone; OK stays disabled until the reason is
// complete; a refusal or a network error shows inside the dialog, which keeps what was typed.
// Screenshots of both dialogs in both languages.
#include "BackendClient.h"
#include "CallerCheckState.h"
#include "ClearLockDialog.h"
#include "CustomerModel.h"
#include "CustomerView.h"
#include "Database.h"
#include "Desk.h"
#include "DeskSession.h"
#include "ErrorCatalog.h"
#include "LinkagesModel.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "RevokeLinkageDialog.h"
#include "ServiceCalendar.h"
#include "StaffChangeForm.h"
#include "TestBackend.h"
#include "TestFlow.h"
#include "Translations.h"
#include "WidgetTesting.h"

#include <QApplication>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using tc::test::rightAccount;
using tc::test::StandardData;
using tc::test::TestBackend;

namespace {

QJsonObject customerData(const QString &birthDate)
{
    return {{u"name_kana"_s, u"ﾃﾞｰﾀ ﾀﾛｳ"_s},
            {u"birth_date"_s, birthDate},
            {u"phone"_s, StandardData::phone},
            {u"email"_s, u"taro@example.jp"_s},
            {u"email_confirm"_s, u"taro@example.jp"_s}};
}

tc::protocol::AccountLock identityLock(const QDateTime &now)
{
    return {.kind = u"identity"_s,
            .failuresToday = 5,
            .threshold = 5,
            .locked = true,
            .lockedAt = now.addSecs(-600),
            .releaseAt = now.addSecs(3600)};
}

tc::protocol::Account standardAccount(qint64 id)
{
    return {.id = id,
            .branchCode = u"001"_s,
            .branchName = u"本店営業部"_s,
            .accountType = u"ordinary"_s,
            .accountNumber = u"1234567"_s,
            .cashCardIssued = true,
            .status = u"active"_s};
}

// Checks a radio button as a person would: focus, then Space.
void choose(QRadioButton *choice)
{
    choice->setFocus(Qt::TabFocusReason);
    QTest::keyClick(choice, Qt::Key_Space);
}

// The document at that place of the list (1: the first document), chosen with the arrow keys.
void chooseDocument(QComboBox *combo, int place)
{
    combo->setFocus(Qt::TabFocusReason);
    while (combo->currentIndex() < place)
        QTest::keyClick(combo, Qt::Key_Down);
}

// Japanese text arrives as an input method commits it (QTest types Latin-1 only).
void commitText(QLineEdit *edit, const QString &text)
{
    edit->setFocus(Qt::TabFocusReason);
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(edit, &event);
}

} // namespace

class TestStaffChanges final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void okNeedsACompleteReason_data();
    void okNeedsACompleteReason();
    void revocationEndsTheAppsAccess_data();
    void revocationEndsTheAppsAccess();
    void tellerClearsIdentityLock_data();
    void tellerClearsIdentityLock();
    void refusalKeepsWhatWasTyped();
    void networkErrorKeepsWhatWasTyped();
    void supportClearsOnThePhoneAfterACallerCheck();
    void roleWithoutTheActionSeesItDisabled();
    // Last: it leaves a request pending.
    void releaseUnderTwoPersonControlWaits();

private:
    // The backend's (or a closed port's) client settings, with a short transfer timeout.
    tc::client::ConnectionSettings settings(quint16 port = 0) const;
    std::unique_ptr<tc::client::BackendClient> newClient(quint16 port = 0) const;

    std::unique_ptr<TestBackend> m_backend;
    const tc::ErrorCatalog &m_catalog = tc::ErrorCatalog::builtIn();
};

void TestStaffChanges::initTestCase()
{
    m_backend = TestBackend::started(u"sqlite"_s);
    tc::test::addTellerSupportSupervisor(*m_backend);
}

tc::client::ConnectionSettings TestStaffChanges::settings(quint16 port) const
{
    tc::client::ConnectionSettings pinned = tc::test::pinnedSettings(*m_backend);
    if (port)
        pinned.baseUrl = QUrl(u"https://127.0.0.1:%1"_s.arg(port));
    pinned.transferTimeoutMs = 5000;
    return pinned;
}

std::unique_ptr<tc::client::BackendClient> TestStaffChanges::newClient(quint16 port) const
{
    return std::make_unique<tc::client::BackendClient>(settings(port));
}

void TestStaffChanges::okNeedsACompleteReason_data()
{
    QTest::addColumn<QString>("role");
    QTest::newRow("teller") << u"teller"_s;
    QTest::newRow("support") << u"support"_s;
    QTest::newRow("supervisor") << u"supervisor"_s;
}

void TestStaffChanges::okNeedsACompleteReason()
{
    QFETCH(QString, role);
    tc::Translations translations;
    QVERIFY(translations.install(tc::UiLanguage::English));
    const auto client = newClient();
    const QDateTime now = m_backend->clock().now();
    tc::ClearLockDialog dialog(*client, u"ﾃﾞｰﾀ ﾀﾛｳ"_s, standardAccount(1), identityLock(now), false,
                               role, now);
    dialog.show();
    tc::StaffChangeForm *form = dialog.changeForm();
    QPushButton *ok = dialog.okButton();
    QVERIFY(!ok->isEnabled());
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    // The keyboard starts at the first choice left: a teller's one way without a caller check
    // is the counter, so the document; support has no choice yet.
    const QHash<QString, QWidget *> start {{u"teller"_s, form->documentCombo()},
                                           {u"support"_s, form->reasonEdit()},
                                           {u"supervisor"_s, form->counterChoice()}};
    QCOMPARE(QApplication::focusWidget(), start.value(role));
    // Without a passed caller check the phone is no choice, and says why.
    QVERIFY(!form->phoneChoice()->isEnabled());
    QVERIFY(form->phoneChoice()->toolTip().contains(u"caller check"_s));

    if (role == u"support"_s) {
        // Support acts on a passed caller check only: nothing to choose yet, and it says so.
        QVERIFY(!form->counterChoice()->isEnabled());
        QVERIFY(!form->otherChoice()->isEnabled());
        QVERIFY(!form->counterChoice()->toolTip().isEmpty());
        QVERIFY(form->missingText().contains(u"caller check"_s));
        QTest::keyClicks(form->reasonEdit(), u"Caller asked to clear the lock"_s);
        QVERIFY(!ok->isEnabled());
        dialog.setCallerCheckId(u"cc_test"_s);
        QVERIFY(form->phoneChoice()->isChecked()); // the only choice left
        QVERIFY(ok->isEnabled());
        QCOMPARE(form->change().reasonKind, u"phone_caller_check"_s);
        QCOMPARE(form->change().callerCheckId, u"cc_test"_s);
        return;
    }

    QCOMPARE(form->otherChoice()->isEnabled(), role == u"supervisor"_s);
    if (role == u"teller"_s)
        QVERIFY(form->otherChoice()->toolTip().contains(u"identity document"_s));
    // At the counter (Alt+C): the document is required.
    QTest::keyClick(&dialog, Qt::Key_C, Qt::AltModifier);
    QTRY_VERIFY(form->counterChoice()->isChecked());
    QVERIFY(form->documentCombo()->isEnabled());
    QVERIFY(!ok->isEnabled());
    chooseDocument(form->documentCombo(), 2); // My Number card
    QVERIFY(!ok->isEnabled()); // the reason is still missing
    QCOMPARE(form->missingText(), u"Type the reason."_s);
    form->reasonEdit()->setFocus();
    QTest::keyClicks(form->reasonEdit(), u"   "_s);
    QVERIFY(!ok->isEnabled()); // spaces are no reason
    QTest::keyClicks(form->reasonEdit(), u"At the counter"_s);
    QVERIFY(ok->isEnabled());
    QCOMPARE(form->change(),
             (tc::protocol::StaffChange {.reason = u"At the counter"_s,
                                         .reasonKind = u"counter_document"_s,
                                         .identityDocument = u"my_number_card"_s}));
    // Back to "choose the document": OK goes off again.
    form->documentCombo()->setFocus();
    QTest::keyClick(form->documentCombo(), Qt::Key_Home);
    QVERIFY(!ok->isEnabled());
    chooseDocument(form->documentCombo(), 1);
    QVERIFY(ok->isEnabled());
    // A passed check makes the phone a choice; it needs no document.
    dialog.setCallerCheckId(u"cc_test"_s);
    choose(form->phoneChoice());
    QVERIFY(!form->documentCombo()->isEnabled());
    QVERIFY(ok->isEnabled());
    QCOMPARE(form->change().identityDocument, QString());
    QCOMPARE(form->change().callerCheckId, u"cc_test"_s);
    // Erasing the reason turns OK off; Escape closes the dialog, nothing sent.
    tc::test::retype(form->reasonEdit(), {});
    QVERIFY(!ok->isEnabled());
    QTest::keyClick(form->reasonEdit(), Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestStaffChanges::revocationEndsTheAppsAccess_data()
{
    tc::test::addLanguageRows();
}

void TestStaffChanges::revocationEndsTheAppsAccess()
{
    QFETCH(QString, language);
    tc::Translations translations;
    QVERIFY(translations.install(*tc::parseUiLanguage(language)));
    TestBackend &backend = *m_backend;
    // The customer linked the app; it reads the account.
    const QString appToken =
        tc::test::flow::linkedTokens(backend).value(u"access_token"_s).toString();
    QCOMPARE(tc::test::flow::accountsMe(backend, appToken).status, 200);

    tc::test::DeskSession session(backend, u"teller"_s, tc::test::DeskSession::Live::Off,
                                  settings());
    tc::MainWindow &window = session.window;
    tc::Desk &desk = *session.desk;
    window.resize(1280, 800);
    window.show();
    QApplication::setActiveWindow(&window);
    desk.openCustomer(backend.data().accountId); // the standard customer's id is 1 too
    tc::CustomerView *view = window.customerView();
    QTRY_VERIFY(view->hasCustomer());
    view->detailTabs()->setCurrentIndex(1);
    tc::LinkagesModel *linkages = desk.linkagesModel();
    QTRY_VERIFY(linkages->rowCount() > 0);

    // The live linkage, selected by keyboard; "Revoke…" is enabled on it only.
    QTableView *table = view->linkagesView();
    table->setFocus();
    int live = -1;
    for (int row = 0; row < linkages->rowCount(); ++row) {
        if (linkages->index(row, 0).data(tc::LinkagesModel::ActiveRole).toBool())
            live = row;
    }
    QVERIFY(live >= 0);
    const qint64 linkageId =
        linkages->index(live, 0).data(tc::LinkagesModel::LinkageIdRole).toLongLong();
    table->setCurrentIndex(linkages->index(live, 0));
    QVERIFY(view->revokeButton()->isEnabled());
    view->revokeButton()->setFocus();
    QTest::keyClick(view->revokeButton(), Qt::Key_Space);
    auto *dialog = qobject_cast<tc::RevokeLinkageDialog *>(desk.changeDialog());
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->linkageId(), linkageId);
    const QString subject = dialog->subjectText();
    QVERIFY2(subject.contains(u"データタロウ"_s), qPrintable(subject));
    // Times are labelled as Tokyo time in the UI language.
    QVERIFY2(subject.contains(language == u"ja" ? u"日本時間"_s : u"JST"_s), qPrintable(subject));
    QVERIFY(!dialog->okButton()->isEnabled());

    tc::StaffChangeForm *form = dialog->changeForm();
    choose(form->counterChoice());
    chooseDocument(form->documentCombo(), 1);
    commitText(form->reasonEdit(), u"お客様のご依頼(窓口)"_s);
    QVERIFY(dialog->okButton()->isEnabled());
    QVERIFY(dialog->grab().save(tc::test::screenshotDir() + u"/revoke_linkage_"_s + language
                                + u".png"_s));
    QTest::keyClick(form->reasonEdit(), Qt::Key_Return);

    // The dialog closes, the linkage shows revoked, by whom, when; the bar says so.
    QTRY_VERIFY(!desk.changeDialog());
    QTRY_COMPARE(linkages->index(live, 0).data(tc::LinkagesModel::StateRole).toString(),
                 u"revoked"_s);
    const QString revoked =
        linkages->index(live, tc::LinkagesModel::RevokedColumn).data().toString();
    QVERIFY2(revoked.contains(u"teller"_s), qPrintable(revoked));
    QVERIFY2(revoked.contains(u"お客様のご依頼"_s), qPrintable(revoked));
    QVERIFY(window.messageBar()->isVisible());
    QCOMPARE(window.messageBar()->kind(), tc::MessageBar::Kind::Information);
    QVERIFY(!view->revokeButton()->isEnabled());
    QTRY_COMPARE(table->currentIndex().row(), live);
    const QRect revokedCell =
        table->visualRect(table->model()->index(live, tc::LinkagesModel::RevokedColumn));
    QVERIFY(table->viewport()->rect().intersects(revokedCell));
    QVERIFY(window.grab().save(tc::test::screenshotDir() + u"/revoked_linkage_"_s + language
                               + u".png"_s));

    // The app's next call is refused: F02.
    const auto refused = tc::test::flow::accountsMe(backend, appToken);
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.json.value(u"code"_s).toString(), u"F02"_s);
}

void TestStaffChanges::tellerClearsIdentityLock_data()
{
    tc::test::addLanguageRows();
}

void TestStaffChanges::tellerClearsIdentityLock()
{
    QFETCH(QString, language);
    tc::Translations translations;
    QVERIFY(translations.install(*tc::parseUiLanguage(language)));
    TestBackend &backend = *m_backend;
    tc::test::lockStandardCustomerAndRetry(backend);
    tc::test::DeskSession session(backend, u"teller"_s, tc::test::DeskSession::Live::Off,
                                  settings());
    tc::MainWindow &window = session.window;
    tc::Desk &desk = *session.desk;
    window.resize(1280, 800);
    window.show();
    QApplication::setActiveWindow(&window);
    desk.openCustomer(backend.data().accountId);
    tc::CustomerView *view = window.customerView();
    QTRY_VERIFY(view->hasCustomer());
    const qint64 accountId = backend.data().accountId;
    QTRY_VERIFY(view->clearLockButton(accountId, u"identity"_s));
    QVERIFY2(view->headerText().contains(u"B84"_s), qPrintable(view->headerText()));
    QVERIFY(!view->clearLockButton(accountId, u"pin"_s)); // not on: nothing to clear

    // "Clear lock…" by keyboard.
    QPushButton *clear = view->clearLockButton(accountId, u"identity"_s);
    QVERIFY(clear->isEnabled());
    clear->setFocus();
    QTest::keyClick(clear, Qt::Key_Space);
    auto *dialog = qobject_cast<tc::ClearLockDialog *>(desk.changeDialog());
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    const QString subject = dialog->subjectText();
    QVERIFY2(subject.contains(u"データタロウ"_s), qPrintable(subject));
    QVERIFY2(subject.contains(u"1234567"_s), qPrintable(subject));
    QVERIFY2(subject.contains(u"B84"_s), qPrintable(subject)); // the lock's sentence
    QVERIFY2(subject.contains(u"00:00"_s), qPrintable(subject));
    QVERIFY(!dialog->okButton()->isEnabled());

    // At the counter with a driver's license, and the reason.
    tc::StaffChangeForm *form = dialog->changeForm();
    choose(form->counterChoice());
    chooseDocument(form->documentCombo(), 1);
    QVERIFY(!dialog->okButton()->isEnabled());
    commitText(form->reasonEdit(), u"窓口で運転免許証により本人確認"_s);
    QVERIFY(dialog->okButton()->isEnabled());
    QVERIFY(
        dialog->grab().save(tc::test::screenshotDir() + u"/clear_lock_"_s + language + u".png"_s));
    QTest::keyClick(form->reasonEdit(), Qt::Key_Return);

    // The lock is gone from the view at once, and the bar says what happened.
    QTRY_VERIFY(!desk.changeDialog());
    QTRY_VERIFY(!view->clearLockButton(accountId, u"identity"_s));
    QVERIFY2(!view->headerText().contains(u"B84"_s), qPrintable(view->headerText()));
    // The early release stays in the account's history: who and why.
    QTRY_VERIFY2(view->headerText().contains(u"窓口で運転免許証により本人確認"_s),
                 qPrintable(view->headerText()));
    QVERIFY(window.messageBar()->isVisible());
    QCOMPARE(window.messageBar()->kind(), tc::MessageBar::Kind::Information);
    QVERIFY(!window.messageBar()->text().isEmpty());
    QVERIFY(
        window.grab().save(tc::test::screenshotDir() + u"/cleared_lock_"_s + language + u".png"_s));

    // The customer's next attempt with correct data is no longer refused.
    const QString flow = tc::test::flow::startFlow(backend);
    const auto account = backend.postJson(flow + u"/account"_s, rightAccount);
    QCOMPARE(account.status, 200);
    const auto customer = backend.postJson(flow + u"/customer"_s, customerData(u"1980-04-01"_s));
    QVERIFY2(customer.status == 200, customer.body.constData());
    QCOMPARE(customer.json.value(u"step"_s).toString(), u"phone"_s);
}

void TestStaffChanges::refusalKeepsWhatWasTyped()
{
    tc::Translations translations;
    QVERIFY(translations.install(tc::UiLanguage::English));
    const auto client = newClient();
    tc::test::signIn(*m_backend, *client, u"teller"_s);
    // The PIN lock is not on: the server answers S09, and the dialog says so, open, as typed.
    const QDateTime now = m_backend->clock().now();
    tc::protocol::AccountLock pin = identityLock(now);
    pin.kind = u"pin"_s;
    tc::ClearLockDialog dialog(*client, u"ﾃﾞｰﾀ ﾀﾛｳ"_s, standardAccount(m_backend->data().accountId),
                               pin, false, u"teller"_s, now);
    dialog.show();
    choose(dialog.changeForm()->counterChoice());
    chooseDocument(dialog.changeForm()->documentCombo(), 4); // passport
    const QString reason = u"Passport seen at the counter"_s;
    dialog.changeForm()->reasonEdit()->setFocus();
    QTest::keyClicks(dialog.changeForm()->reasonEdit(), reason);
    QTest::keyClick(dialog.changeForm()->reasonEdit(), Qt::Key_Return);
    QTRY_VERIFY(!dialog.errorText().isEmpty());
    QVERIFY(dialog.grab().save(tc::test::screenshotDir() + u"/clear_lock_refused_en.png"_s));
    QVERIFY2(dialog.errorText().startsWith(u"S09: "_s), qPrintable(dialog.errorText()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected)); // not closed
    QCOMPARE(dialog.changeForm()->reasonEdit()->text(), reason);
    QVERIFY(dialog.changeForm()->counterChoice()->isChecked());
    QCOMPARE(dialog.changeForm()->documentCombo()->currentData().toString(), u"passport"_s);
    QVERIFY(dialog.okButton()->isEnabled());
}

void TestStaffChanges::networkErrorKeepsWhatWasTyped()
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
    const auto client = newClient(closedPort);
    client->setAccessToken(u"no-session"_s);
    tc::protocol::Linkage linkage {.id = 99,
                                   .account = u"001 ordinary 1234567"_s,
                                   .clientId = u"creco"_s,
                                   .clientApp = u"しんくみアプリ with CRECO"_s,
                                   .grantedAt = m_backend->clock().now().addDays(-3),
                                   .expiresAt = m_backend->clock().now().addDays(27),
                                   .state = u"active"_s};
    tc::RevokeLinkageDialog dialog(*client, u"ﾃﾞｰﾀ ﾀﾛｳ"_s, linkage, u"supervisor"_s);
    dialog.show();
    choose(dialog.changeForm()->otherChoice());
    const QString reason = u"Customer asked by letter"_s;
    dialog.changeForm()->reasonEdit()->setFocus();
    QTest::keyClicks(dialog.changeForm()->reasonEdit(), reason);
    QTest::keyClick(dialog.okButton(), Qt::Key_Space);
    QTRY_VERIFY(!dialog.errorText().isEmpty());
    QCOMPARE(dialog.errorText(), tc::client::ClientError {}.text()); // unreachable
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.changeForm()->reasonEdit()->text(), reason);
    QVERIFY(dialog.changeForm()->otherChoice()->isChecked());
    QVERIFY(dialog.okButton()->isEnabled()); // try again
}

void TestStaffChanges::supportClearsOnThePhoneAfterACallerCheck()
{
    tc::Translations translations;
    QVERIFY(translations.install(tc::UiLanguage::English));
    TestBackend &backend = *m_backend;
    tc::test::lockStandardCustomerAndRetry(backend);
    tc::test::DeskSession session(backend, u"support"_s, tc::test::DeskSession::Live::Off,
                                  settings());
    tc::MainWindow &window = session.window;
    tc::Desk &desk = *session.desk;
    window.show();
    const qint64 customerId = backend.data().accountId; // the standard customer's id is 1 too
    const qint64 accountId = backend.data().accountId;
    desk.openCustomer(customerId);
    tc::CustomerView *view = window.customerView();
    QTRY_VERIFY(view->clearLockButton(accountId, u"identity"_s));

    // Without a passed check the dialog offers nothing to choose, and says what to do.
    view->clearLockButton(accountId, u"identity"_s)->click();
    auto *dialog = qobject_cast<tc::ClearLockDialog *>(desk.changeDialog());
    QVERIFY(dialog);
    QVERIFY(!dialog->changeForm()->phoneChoice()->isEnabled());
    QVERIFY(dialog->changeForm()->missingText().contains(u"caller check"_s));
    QTest::keyClicks(dialog->changeForm()->reasonEdit(), u"Caller asked"_s);
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY(dialog->grab().save(tc::test::screenshotDir() + u"/clear_lock_no_check_en.png"_s));

    // The caller answers the questions right: the check passes, the phone becomes the choice.
    desk.callerChecks()->check(
        customerId,
        {.nameKana = u"ﾃﾞｰﾀ ﾀﾛｳ"_s, .birthDate = u"1980-04-01"_s, .phone = StandardData::phone});
    QTRY_VERIFY(!desk.callerChecks()->validCheckId(customerId).isEmpty());
    QTRY_VERIFY(dialog->changeForm()->phoneChoice()->isChecked());
    QCOMPARE(dialog->changeForm()->change().callerCheckId,
             desk.callerChecks()->validCheckId(customerId));
    QVERIFY(dialog->okButton()->isEnabled());
    QTest::keyClick(dialog->changeForm()->reasonEdit(), Qt::Key_Return);
    QTRY_VERIFY(!desk.changeDialog());
    QTRY_VERIFY(!view->clearLockButton(accountId, u"identity"_s));
    const auto account =
        backend.postJson(tc::test::flow::startFlow(backend) + u"/account"_s, rightAccount);
    QCOMPARE(account.status, 200);
}

void TestStaffChanges::roleWithoutTheActionSeesItDisabled()
{
    // An unknown role may do nothing: the buttons are there, disabled, and say why.
    tc::Translations translations;
    QVERIFY(translations.install(tc::UiLanguage::English));
    tc::CustomerView view(m_catalog, [this] { return m_backend->clock().now(); });
    tc::protocol::CustomerDetail detail;
    detail.customer.id = 1;
    detail.customer.nameKana = u"ﾃﾞｰﾀ ﾀﾛｳ"_s;
    tc::protocol::Account account = standardAccount(1);
    account.hasLockState = true;
    account.locks = {identityLock(m_backend->clock().now())};
    detail.customer.accounts = {account};
    view.setStaffRole(u"auditor"_s);
    view.setDetail(detail);
    QPushButton *clear = view.clearLockButton(1, u"identity"_s);
    QVERIFY(clear);
    QVERIFY(!clear->isEnabled());
    QVERIFY(!clear->toolTip().isEmpty());
    QVERIFY(!view.revokeButton()->isEnabled());
    QVERIFY(view.revokeButton()->toolTip().contains(u"role"_s));

    // A teller may; a pending request of that lock disables it with why.
    view.setStaffRole(u"teller"_s);
    QVERIFY(view.clearLockButton(1, u"identity"_s)->isEnabled());
    account.pendingReleaseRequests = {{.id = 7,
                                       .kind = u"identity"_s,
                                       .reason = u"窓口"_s,
                                       .requestedAt = m_backend->clock().now(),
                                       .requestedBy = u"teller"_s}};
    detail.customer.accounts = {account};
    view.setDetail(detail);
    clear = view.clearLockButton(1, u"identity"_s);
    QVERIFY(!clear->isEnabled());
    QVERIFY(clear->toolTip().contains(u"approval"_s));
}

void TestStaffChanges::releaseUnderTwoPersonControlWaits()
{
    tc::Translations translations;
    QVERIFY(translations.install(tc::UiLanguage::English));
    TestBackend &backend = *m_backend;
    QVERIFY(tc::backend::runQuery(backend.service().database().connection(),
                                  u"UPDATE institutions SET early_release_needs_approval = 1 "
                                  "WHERE id = ?"_s,
                                  {StandardData::institution}));
    tc::test::lockStandardCustomerAndRetry(backend);
    tc::test::DeskSession session(backend, u"teller"_s, tc::test::DeskSession::Live::Off,
                                  settings());
    tc::MainWindow &window = session.window;
    tc::Desk &desk = *session.desk;
    window.resize(1280, 800);
    window.show();
    desk.openCustomer(backend.data().accountId);
    tc::CustomerView *view = window.customerView();
    const qint64 accountId = backend.data().accountId;
    QTRY_VERIFY(view->clearLockButton(accountId, u"identity"_s));
    view->clearLockButton(accountId, u"identity"_s)->click();
    auto *dialog = qobject_cast<tc::ClearLockDialog *>(desk.changeDialog());
    QVERIFY(dialog);
    QVERIFY2(dialog->subjectText().contains(u"approval"_s), qPrintable(dialog->subjectText()));
    QCOMPARE(dialog->okButton()->text(), u"Request release"_s);
    choose(dialog->changeForm()->counterChoice());
    chooseDocument(dialog->changeForm()->documentCombo(), 3); // health insurance card
    dialog->changeForm()->reasonEdit()->setFocus();
    QTest::keyClicks(dialog->changeForm()->reasonEdit(), u"Health insurance card at the counter"_s);
    QTest::keyClick(dialog->changeForm()->reasonEdit(), Qt::Key_Return);

    // The lock stays, with the request shown and its button disabled; the bar says why.
    QTRY_VERIFY(!desk.changeDialog());
    QTRY_VERIFY2(view->headerText().contains(u"Waiting for a supervisor's approval"_s),
                 qPrintable(view->headerText()));
    QVERIFY2(window.messageBar()->text().contains(u"approval"_s),
             qPrintable(window.messageBar()->text()));
    QTRY_VERIFY(view->clearLockButton(accountId, u"identity"_s)
                && !view->clearLockButton(accountId, u"identity"_s)->isEnabled());
    QVERIFY(view->clearLockButton(accountId, u"identity"_s)->toolTip().contains(u"approval"_s));
    QVERIFY(window.grab().save(tc::test::screenshotDir() + u"/release_pending_en.png"_s));

    // A second request of the same lock: S07, said in the dialog, which stays open.
    const std::optional<tc::protocol::CustomerDetail> &detail = desk.customerModel()->detail();
    QVERIFY(detail);
    tc::ClearLockDialog again(session.client, detail->customer.nameKana,
                              detail->customer.accounts.at(0), identityLock(session.clock()), true,
                              u"teller"_s, session.clock());
    again.show();
    choose(again.changeForm()->counterChoice());
    chooseDocument(again.changeForm()->documentCombo(), 1);
    again.changeForm()->reasonEdit()->setFocus();
    QTest::keyClicks(again.changeForm()->reasonEdit(), u"Once more"_s);
    QTest::keyClick(again.changeForm()->reasonEdit(), Qt::Key_Return);
    QTRY_VERIFY(!again.errorText().isEmpty());
    QVERIFY2(again.errorText().startsWith(u"S07: "_s), qPrintable(again.errorText()));
    QVERIFY(again.isVisible());
}

QTEST_MAIN(TestStaffChanges)
#include "tst_staffchanges.moc"
