// The console around the window against the real backend: the sign-in dialog, the desk after
// sign-in, Ctrl+L locking (nothing of the customer on screen) and unlocking with the password,
// sign-out back to the dialog. Screenshots of the dialog in both languages.
#include "Console.h"
#include "Desk.h"
#include "ErrorCatalog.h"
#include "LockScreen.h"
#include "MainWindow.h"
#include "SearchWidget.h"
#include "ServiceCalendar.h"
#include "Session.h"
#include "Settings.h"
#include "SignInDialog.h"
#include "StaffAccounts.h"
#include "TestBackend.h"
#include "Translations.h"
#include "WidgetTesting.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QTest>

using namespace Qt::StringLiterals;
using tc::test::StandardData;
using tc::test::TestBackend;

class TestConsole final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signInLockUnlockSignOut_data();
    void signInLockUnlockSignOut();

private:
    std::unique_ptr<TestBackend> m_backend;
    const tc::ErrorCatalog &m_catalog = tc::ErrorCatalog::builtIn();
    tc::ServiceCalendar m_calendar;
};

void TestConsole::initTestCase()
{
    m_backend = TestBackend::started(u"sqlite"_s);
    const auto added = m_backend->service().staffAccounts().addStaff(
        {.institutionId = StandardData::institution,
         .username = u"console.teller"_s,
         .displayName = u"窓口 花子"_s,
         .role = tc::backend::staff::StaffRole::Teller,
         .branchCode = u"001"_s,
         .password = TestBackend::staffPassword});
    QVERIFY(added);
}

void TestConsole::signInLockUnlockSignOut_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("ja") << u"ja"_s;
}

void TestConsole::signInLockUnlockSignOut()
{
    QFETCH(QString, language);
    tc::Translations translations;
    QVERIFY(translations.install(*tc::parseUiLanguage(language)));
    const std::unique_ptr<tc::Settings> settings = tc::Settings::temporary();
    settings->setBackendUrl(m_backend->baseUrl());
    settings->setBackendCaFile(m_backend->certificates().caCertificatePath());

    const tc::Clock clock = [this] { return m_backend->clock().now(); };
    tc::MainWindow window(m_catalog, m_calendar, clock);
    window.resize(1100, 720);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    tc::Console console(window, *settings, clock);
    console.start();

    // No one signed in before: the dialog asks.
    tc::SignInDialog *dialog = console.signInDialog();
    QTRY_VERIFY(dialog->isVisible());
    auto *username = dialog->findChild<QLineEdit *>(u"usernameEdit"_s);
    auto *password = dialog->findChild<QLineEdit *>(u"passwordEdit"_s);
    QVERIFY(username && password);
    username->setFocus();
    QTest::keyClicks(username, u"console.teller"_s);
    QTest::keyClicks(password, u"wrong password"_s);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY(!dialog->errorText().isEmpty());
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->grab().save(tc::test::screenshotDir() + u"/signin_failed_"_s + language
                                + u".png"_s));
    QTest::keyClicks(password, TestBackend::staffPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY(console.desk());
    QTRY_VERIFY(!dialog->isVisible());
    QVERIFY(window.userText().contains(u"窓口 花子"_s));
    QCOMPARE(settings->lastUsername(), u"console.teller"_s);

    // Ctrl+L: the desk is hidden until the password is given again.
    QApplication::setActiveWindow(&window);
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    QTRY_VERIFY(window.isLocked());
    QVERIFY(window.lockScreen()->isVisible());
    QVERIFY(!window.search()->isVisible());
    QVERIFY(!dialog->isVisible());
    auto *lockPassword = window.lockScreen()->findChild<QLineEdit *>(u"passwordEdit"_s);
    QVERIFY(lockPassword && lockPassword->hasFocus());
    QCoreApplication::sendPostedEvents();
    QVERIFY(window.grab().save(tc::test::screenshotDir() + u"/unlock_"_s + language + u".png"_s));
    QTest::keyClicks(lockPassword, TestBackend::staffPassword);
    QTest::keyClick(lockPassword, Qt::Key_Return);
    QTRY_VERIFY(!window.isLocked());
    QVERIFY(window.search()->isVisible());
    QVERIFY(!window.lockScreen()->isVisible());
    QVERIFY(console.desk());

    // Sign out: the desk goes, the dialog comes back with the last user name.
    console.session()->signOut();
    QTRY_VERIFY(!console.desk());
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!dialog->isUnlockMode());
    QCOMPARE(dialog->username(), u"console.teller"_s);
    dialog->reject();
}

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
