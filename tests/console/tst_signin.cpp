// Signing in and unlocking as staff do it: through the sign-in dialog and the main window's
// lock screen, against the real backend over HTTPS, offscreen, with screenshots.
#include "BackendClient.h"
#include "CustomerView.h"
#include "ErrorCatalog.h"
#include "LockScreen.h"
#include "MainWindow.h"
#include "SearchWidget.h"
#include "ServiceCalendar.h"
#include "Session.h"
#include "SignInDialog.h"
#include "StaffAccounts.h"
#include "TestBackend.h"
#include "Totp.h"
#include "WidgetTesting.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using tc::LockScreen;
using tc::MainWindow;
using tc::SignInDialog;
using tc::client::BackendClient;
using tc::client::Session;
using tc::test::child;
using tc::test::retype;
using tc::test::screenshotDir;
using tc::test::TestBackend;

namespace {

// The sign-in dialog and the lock screen wired to a session as the console wires them.
void wire(SignInDialog &dialog, Session &session)
{
    QObject::connect(&dialog, &SignInDialog::submitted, &session,
                     [&session](const QString &user, const QString &password, const QString &totp) {
                         session.signIn(user, password, totp);
                     });
    QObject::connect(&session, &Session::signInFailed, &dialog, &SignInDialog::showFailure);
    QObject::connect(&session, &Session::signedIn, &dialog, &QDialog::accept);
}

void wire(MainWindow &window, Session &session)
{
    QObject::connect(&session, &Session::signedIn, &window, &MainWindow::setSignedIn);
    QObject::connect(&session, &Session::locked, &window, [&window] {
        window.setLocked(true, MainWindow::tr("Locked after time without use, or by Ctrl+L."));
    });
    QObject::connect(&session, &Session::unlocked, &window, [&window] { window.setLocked(false); });
    QObject::connect(window.lockScreen(), &LockScreen::unlockRequested, &session,
                     [&session](const QString &password, const QString &totp) {
                         session.unlock(password, totp);
                     });
    QObject::connect(&session, &Session::signInFailed, window.lockScreen(),
                     &LockScreen::showFailure);
    QObject::connect(&window, &MainWindow::lockRequested, &session, &Session::lock);
}

} // namespace

class TestSignIn final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wrongPasswordKeepsTheUserName();
    void codeIsAskedOnlyWhenNeeded();
    void lockHidesTheDeskAndUnlockBringsItBack();

private:
    BackendClient::JsonCallback ignore() const
    {
        return [](auto) {};
    }
    tc::client::ConnectionSettings connection() const
    {
        return {.baseUrl = QUrl(m_backend->baseUrl()),
                .pinnedCa = {m_backend->certificates().caCertificate()}};
    }

    std::unique_ptr<TestBackend> m_backend;
};

void TestSignIn::initTestCase()
{
    // The catalog's staff texts follow the UI language, English here like the untranslated UI.
    QLocale::setDefault(QLocale(QLocale::English));
    m_backend = TestBackend::started(u"sqlite"_s);
    m_backend->staffToken(u"signin.teller"_s, tc::backend::staff::StaffRole::Teller);
}

void TestSignIn::wrongPasswordKeepsTheUserName()
{
    BackendClient client(connection());
    Session session(&client);
    SignInDialog dialog;
    wire(dialog, session);
    dialog.setSignInMode({});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QLineEdit *user = child<QLineEdit>(dialog, u"usernameEdit"_s);
    QLineEdit *password = child<QLineEdit>(dialog, u"passwordEdit"_s);
    QVERIFY(!child<QLineEdit>(dialog, u"totpEdit"_s)->isVisible());
    retype(user, u"signin.teller"_s);
    retype(password, u"not my password"_s);
    QSignalSpy failed(&session, &Session::signInFailed);
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(failed.wait(20000));
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.errorText().startsWith(u"S01"_s), qPrintable(dialog.errorText()));
    QCOMPARE(user->text(), u"signin.teller"_s);
    QVERIFY(password->text().isEmpty());
    QVERIFY(password->hasFocus());
    QVERIFY(dialog.grab().save(screenshotDir() + u"/signin_wrong_password.png"_s));

    // The way to the connection settings, for when the backend is the problem.
    QSignalSpy settingsAsked(&dialog, &SignInDialog::settingsRequested);
    child<QPushButton>(dialog, u"settingsButton"_s)->click();
    QCOMPARE(settingsAsked.size(), 1);
    password->setFocus();

    QSignalSpy signedIn(&session, &Session::signedIn);
    QTest::keyClicks(password, TestBackend::staffPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(signedIn.wait(20000));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(session.state(), Session::State::SignedIn);
    QCOMPARE(session.staff().username, u"signin.teller"_s);
    session.signOut();
}

void TestSignIn::codeIsAskedOnlyWhenNeeded()
{
    // A user with an authenticator secret is asked for the code.
    auto &accounts = m_backend->service().staffAccounts();
    const auto uri = accounts.addStaff({.institutionId = tc::test::StandardData::institution,
                                        .username = u"signin.totp"_s,
                                        .displayName = u"山田"_s,
                                        .role = tc::backend::staff::StaffRole::Teller,
                                        .branchCode = u"001"_s,
                                        .password = TestBackend::staffPassword,
                                        .withTotp = true});
    QVERIFY(uri);
    const auto secret = tc::backend::staff::Totp::fromBase32(
        QUrlQuery(QUrl(uri.value())).queryItemValue(u"secret"_s));
    QVERIFY(secret);

    BackendClient client(connection());
    Session session(&client);
    SignInDialog dialog;
    wire(dialog, session);
    dialog.setSignInMode(u"signin.totp"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QLineEdit *password = child<QLineEdit>(dialog, u"passwordEdit"_s);
    QLineEdit *code = child<QLineEdit>(dialog, u"totpEdit"_s);
    QVERIFY(!code->isVisible());
    QVERIFY(password->hasFocus()); // the user name was filled in
    QTest::keyClicks(password, TestBackend::staffPassword);
    QSignalSpy failed(&session, &Session::signInFailed);
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(failed.wait(20000));
    // S02: the code field appears and takes the focus; the password stays for the next try.
    QTRY_VERIFY(code->isVisible());
    QVERIFY(code->hasFocus());
    QCOMPARE(password->text(), TestBackend::staffPassword);
    QVERIFY(!dialog.errorText().isEmpty());
    QVERIFY(dialog.grab().save(screenshotDir() + u"/signin_code_asked.png"_s));

    QSignalSpy signedIn(&session, &Session::signedIn);
    QTest::keyClicks(
        code,
        tc::backend::staff::Totp::codeAt(*secret, m_backend->clock().now().toSecsSinceEpoch()));
    QTest::keyClick(code, Qt::Key_Return);
    QVERIFY(signedIn.wait(20000));
    QVERIFY(!dialog.isVisible());
    session.signOut();
}

void TestSignIn::lockHidesTheDeskAndUnlockBringsItBack()
{
    BackendClient client(connection());
    Session session(&client);
    const tc::ServiceCalendar calendar;
    MainWindow window(tc::ErrorCatalog::builtIn(), calendar, tc::systemClock());
    window.resize(1100, 700);
    wire(window, session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QSignalSpy signedIn(&session, &Session::signedIn);
    session.signIn(u"signin.teller"_s, TestBackend::staffPassword);
    QVERIFY(signedIn.wait(20000));
    QVERIFY(window.userText().contains(u"signin.teller"_s));

    // Half-typed search: it must survive the lock.
    QLineEdit *search = window.search()->searchEdit();
    search->setFocus();
    QTest::keyClicks(search, u"001-12"_s);
    QVERIFY(search->hasFocus());

    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    QTRY_VERIFY(window.isLocked());
    LockScreen *lock = window.lockScreen();
    QVERIFY(lock->isVisible());
    QVERIFY(!search->isVisible());
    QVERIFY(!window.customerView()->isVisible());
    QVERIFY(child<QLabel>(*lock, u"userLabel"_s)->text().contains(u"signin.teller"_s));
    QLineEdit *password = child<QLineEdit>(*lock, u"passwordEdit"_s);
    QVERIFY(password->hasFocus());
    QCoreApplication::sendPostedEvents();
    QVERIFY(window.grab().save(screenshotDir() + u"/lockscreen.png"_s));

    // The wrong password: said on the lock screen, still locked.
    QSignalSpy failed(&session, &Session::signInFailed);
    QTest::keyClicks(password, u"not my password"_s);
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(failed.wait(20000));
    QVERIFY(window.isLocked());
    QCOMPARE(session.state(), Session::State::Locked);
    QVERIFY2(lock->errorText().startsWith(u"S01"_s), qPrintable(lock->errorText()));
    QVERIFY(password->text().isEmpty());
    QVERIFY(!search->isVisible());
    QCoreApplication::sendPostedEvents();
    QVERIFY(window.grab().save(screenshotDir() + u"/lockscreen_wrong_password.png"_s));

    // The right one: the desk is back as it was, the half-typed search and its focus too.
    QSignalSpy unlocked(&session, &Session::unlocked);
    QTest::keyClicks(password, TestBackend::staffPassword);
    QTest::mouseClick(child<QPushButton>(*lock, u"unlockButton"_s), Qt::LeftButton);
    QVERIFY(unlocked.wait(20000));
    QVERIFY(!window.isLocked());
    QVERIFY(!lock->isVisible());
    QVERIFY(search->isVisible());
    QCOMPARE(search->text(), u"001-12"_s);
    QVERIFY(search->hasFocus());
    QCOMPARE(session.state(), Session::State::SignedIn);

    // Locked again: the previous failure is not shown any more.
    session.lock();
    QVERIFY(window.isLocked());
    QVERIFY(lock->errorText().isEmpty());
    QSignalSpy signOut(&window, &MainWindow::signOutRequested);
    QTest::mouseClick(child<QPushButton>(*lock, u"signOutButton"_s), Qt::LeftButton);
    QCOMPARE(signOut.size(), 1);
    session.signOut();
}

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
