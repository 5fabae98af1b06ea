// The console's start against the real backend and a real keychain (run through
// scripts/with-keyring): the last user is signed in silently with the refresh token the keychain
// keeps, without the password and without the dialog; after sign-out, or when the server ended
// the session meanwhile, the dialog asks (and says why). Screenshots of each start.
#include "Console.h"
#include "Desk.h"
#include "ErrorCatalog.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "ServiceCalendar.h"
#include "Session.h"
#include "Settings.h"
#include "SignInDialog.h"
#include "TestBackend.h"
#include "WidgetTesting.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QTest>

using namespace Qt::StringLiterals;
using tc::test::TestBackend;

namespace {

const QString username = u"start.teller"_s;

// Every message logged while the test runs, to look for tokens in them.
QStringList loggedMessages;
QtMessageHandler previousHandler = nullptr;

void keepMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    loggedMessages << message;
    previousHandler(type, context, message);
}

// One run of the console: the window and the console around it, started as main() does.
struct ConsoleRun
{
    ConsoleRun(const tc::ServiceCalendar &calendar, const tc::Clock &clock, tc::Settings &settings)
        : window(tc::ErrorCatalog::builtIn(), calendar, clock), console(window, settings, clock)
    {
        window.resize(1100, 720);
        window.show();
        console.start();
    }

    tc::MainWindow window;
    tc::Console console;
};

} // namespace

class TestSilentStart final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void restartSignsInWithoutThePassword();
    void signOutMakesTheNextStartAsk();
    void sessionEndedMeanwhileAsksAndSaysWhy();

private:
    std::unique_ptr<ConsoleRun> start();
    void signInWithTheDialog(ConsoleRun &run);

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<tc::Settings> m_settings;
    tc::ServiceCalendar m_calendar;
    tc::Clock m_clock;
};

void TestSilentStart::initTestCase()
{
    m_backend = TestBackend::started(u"sqlite"_s);
    m_backend->staffToken(username, tc::backend::staff::StaffRole::Teller);
    m_clock = [this] { return m_backend->clock().now(); };
    previousHandler = qInstallMessageHandler(keepMessage);
}

void TestSilentStart::init()
{
    // A machine where the console never ran.
    m_settings = tc::Settings::temporary();
    m_settings->setBackendUrl(m_backend->baseUrl());
    m_settings->setBackendCaFile(m_backend->certificates().caCertificatePath());
}

std::unique_ptr<ConsoleRun> TestSilentStart::start()
{
    auto run = std::make_unique<ConsoleRun>(m_calendar, m_clock, *m_settings);
    QApplication::setActiveWindow(&run->window);
    return run;
}

void TestSilentStart::signInWithTheDialog(ConsoleRun &run)
{
    tc::SignInDialog *dialog = run.console.signInDialog();
    QTRY_VERIFY(dialog->isVisible());
    auto *user = dialog->findChild<QLineEdit *>(u"usernameEdit"_s);
    auto *password = dialog->findChild<QLineEdit *>(u"passwordEdit"_s);
    QVERIFY(user && password);
    if (user->text().isEmpty())
        QTest::keyClicks(user, username);
    QTest::keyClicks(password, TestBackend::staffPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY(run.console.desk());
    QTRY_VERIFY(!dialog->isVisible());
}

void TestSilentStart::restartSignsInWithoutThePassword()
{
    QStringList tokens;
    {
        const auto first = start();
        signInWithTheDialog(*first);
        QCOMPARE(m_settings->lastUsername(), username);
        tokens << first->console.session()->staff().accessToken
               << first->console.session()->staff().refreshToken;
        // Quit without signing out.
    }
    const auto second = start();
    QTRY_VERIFY(second->console.desk());
    QVERIFY(!second->console.signInDialog()->isVisible());
    QCOMPARE(second->console.session()->state(), tc::client::Session::State::SignedIn);
    QCOMPARE(second->console.session()->staff().username, username);
    QVERIFY(second->window.messageBar()->text().isEmpty()
            || !second->window.messageBar()->isVisible());
    QVERIFY(
        second->window.grab().save(tc::test::screenshotDir() + u"/silentstart_signed_in.png"_s));

    // No token in the settings file or the log: the refresh token lives in the keychain only.
    tokens << second->console.session()->staff().accessToken
           << second->console.session()->staff().refreshToken;
    m_settings->sync();
    QFile settingsFile(m_settings->fileName());
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    const QString saved = QString::fromUtf8(settingsFile.readAll());
    QVERIFY(saved.contains(username));
    const QString log = loggedMessages.join(u'\n');
    QVERIFY(log.contains(username));
    for (const QString &token : std::as_const(tokens)) {
        QVERIFY(token.size() >= 16);
        QVERIFY(!saved.contains(token));
        QVERIFY(!log.contains(token));
    }
}

void TestSilentStart::signOutMakesTheNextStartAsk()
{
    {
        const auto first = start();
        signInWithTheDialog(*first);
        first->console.session()->signOut();
        QTRY_VERIFY(first->console.signInDialog()->isVisible());
        first->console.signInDialog()->reject();
    }
    const auto second = start();
    tc::SignInDialog *dialog = second->console.signInDialog();
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!second->console.desk());
    // The user name is remembered, the password is not.
    QCOMPARE(dialog->username(), username);
    QVERIFY(dialog->errorText().isEmpty());
    QVERIFY(second->window.grab().save(tc::test::screenshotDir()
                                       + u"/silentstart_after_signout.png"_s));
    signInWithTheDialog(*second);
}

void TestSilentStart::sessionEndedMeanwhileAsksAndSaysWhy()
{
    QString accessToken;
    {
        const auto first = start();
        signInWithTheDialog(*first);
        accessToken = first->console.session()->staff().accessToken;
    }
    // Ended while the console was closed (signed out elsewhere, disabled, the idle limit).
    QCOMPARE(
        m_backend
            ->request("DELETE", u"/api/v1/staff/session"_s, {}, {TestBackend::bearer(accessToken)})
            .status,
        204);

    const auto second = start();
    tc::SignInDialog *dialog = second->console.signInDialog();
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!second->console.desk());
    QCOMPARE(dialog->username(), username);
    QTRY_VERIFY(second->window.messageBar()->text().contains(u"remembered sign-in has ended"_s));
    QVERIFY(second->window.grab().save(tc::test::screenshotDir()
                                       + u"/silentstart_session_ended.png"_s));
    signInWithTheDialog(*second);
}

QTEST_MAIN(TestSilentStart)
#include "tst_silentstart.moc"
