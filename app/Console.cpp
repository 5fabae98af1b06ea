#include "Console.h"

#include "Desk.h"
#include "EventStream.h"
#include "KeychainStore.h"
#include "LockScreen.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "Session.h"
#include "Settings.h"
#include "SettingsDialog.h"
#include "SignInDialog.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace tc {

Console::Console(MainWindow &window, Settings &settings, Clock clock, QObject *parent)
    : QObject(parent), m_window(window), m_settings(settings), m_clock(std::move(clock)),
      m_dialog(new SignInDialog(&window)), m_keychain(new client::KeychainStore(this))
{
    m_dialog->setObjectName(u"signInDialog"_s);
    m_dialog->setWindowModality(Qt::WindowModal);
    connect(m_dialog, &SignInDialog::submitted, this,
            [this](const QString &username, const QString &password, const QString &totp) {
                if (!m_session)
                    return;
                if (m_dialog->isUnlockMode())
                    m_session->unlock(password, totp);
                else
                    m_session->signIn(username, password, totp);
            });
    // Closing the unlock prompt without the password signs out: the desk stays hidden.
    connect(m_dialog, &QDialog::rejected, this, [this] {
        if (m_dialog->isUnlockMode() && m_session)
            m_session->signOut();
    });
    connect(&window, &MainWindow::settingsRequested, this, &Console::showSettings);
    connect(&window, &MainWindow::signInRequested, this, [this] {
        if (m_session)
            showSignIn();
        else
            start(); // not connected yet: the settings may have been fixed since
    });
    connect(m_dialog, &SignInDialog::settingsRequested, this, &Console::showSettings);
}

Console::~Console()
{
    m_desk.reset();
    m_events.reset();
}

bool Console::connectTo(client::ConnectionSettings connection)
{
    if (const QString problem = connection.validate(); !problem.isEmpty()) {
        m_window.showError(tr("The console cannot connect: %1 The explainer and the service "
                              "calendar work offline.")
                               .arg(problem));
        return false;
    }
    m_desk.reset();
    m_events.reset();
    m_session.reset();
    m_client = std::make_unique<client::BackendClient>(std::move(connection));
    m_session = std::make_unique<client::Session>(m_client.get());
    m_session->setIdleLockSeconds(m_settings.idleLockMinutes() * 60);
    m_session->setKeychain(m_keychain);
    client::Session *session = m_session.get();
    connect(session, &client::Session::signedIn, this, &Console::onSignedIn);
    // A failure is said where the password was typed: the lock screen, the dialog, or (a
    // silent sign-in) the message bar.
    connect(session, &client::Session::signInFailed, this, [this](const client::ClientError &e) {
        if (m_window.isLocked())
            m_window.lockScreen()->showFailure(e);
        else if (m_dialog->isVisible())
            m_dialog->showFailure(e);
        else
            m_window.showError(e.text());
    });
    connect(session, &client::Session::signedOut, this, &Console::onSignedOut);
    connect(session, &client::Session::resumeFailed, this,
            [this](const QString &reason) { showSignIn(reason); });
    connect(session, &client::Session::keychainFailed, this,
            [this](const client::KeychainError &error) { m_window.showInformation(error.text()); });
    connect(session, &client::Session::locked, this, [this] {
        if (m_events)
            m_events->stop();
        m_window.setLocked(true,
                           tr("Locked by Ctrl+L or after time without use. Enter your "
                              "password to go on; the desk stays as you left it."));
    });
    connect(session, &client::Session::expired, this, [this] {
        askToUnlock(tr("Your session has ended on the server. Enter your password to go on; "
                       "the screen stays as it is."));
    });
    connect(session, &client::Session::unlocked, this, [this] {
        m_window.setLocked(false);
        m_dialog->accept();
        if (m_events)
            m_events->start(); // the new token; the last event id is kept
    });
    connect(&m_window, &MainWindow::lockRequested, session, &client::Session::lock,
            Qt::UniqueConnection);
    connect(m_window.lockScreen(), &LockScreen::unlockRequested, session,
            [session](const QString &password, const QString &totp) {
                session->unlock(password, totp);
            });
    connect(&m_window, &MainWindow::signOutRequested, session, &client::Session::signOut,
            Qt::UniqueConnection);
    return true;
}

void Console::start()
{
    const Result<client::ConnectionSettings> connection = m_settings.connectionSettings();
    if (!connection) {
        m_window.showError(tr("The console cannot connect: %1 Set the backend in File → "
                              "Settings. The explainer and the service calendar work offline.")
                               .arg(connection.error().message));
        return;
    }
    if (!connectTo(connection.value()))
        return;
    const QString last = m_settings.lastUsername();
    if (last.isEmpty())
        showSignIn();
    else
        m_session->resume(last);
}

void Console::showSignIn(const QString &reason)
{
    if (!m_session)
        return;
    m_dialog->setSignInMode(m_settings.lastUsername());
    if (!reason.isEmpty())
        m_window.showInformation(reason);
    m_dialog->open();
}

void Console::signIn(const QString &username, const QString &password)
{
    if (m_session)
        m_session->signIn(username, password);
}

void Console::onSignedIn(const protocol::StaffSession &staff)
{
    m_settings.setLastUsername(staff.username);
    m_dialog->accept();
    m_window.messageBar()->dismiss();
    m_events = std::make_unique<client::EventStream>(m_client.get());
    m_desk = std::make_unique<Desk>(m_window, *m_client, m_events.get(), staff, m_clock);
    connect(m_desk.get(), &Desk::backendClockOffsetChanged, this,
            &Console::backendClockOffsetChanged);
    connect(m_events.get(), &client::EventStream::sessionEnded, m_session.get(),
            &client::Session::endedByServer);
    m_events->start();
    m_window.focusSearch();
    Q_EMIT signedIn();
}

void Console::onSignedOut()
{
    m_desk.reset();
    m_events.reset();
    m_window.setLocked(false);
    m_window.setSignedOut();
    showSignIn();
}

void Console::askToUnlock(const QString &reason)
{
    if (m_events)
        m_events->stop();
    m_dialog->setUnlockMode(m_session->staff().username, reason);
    m_dialog->open();
}

void Console::showSettings()
{
    auto *dialog = new SettingsDialog(m_settings, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The idle lock follows the new minutes at once.
    connect(dialog, &QDialog::accepted, this, [this] {
        if (m_session)
            m_session->setIdleLockSeconds(m_settings.idleLockMinutes() * 60);
    });
    // Another backend: sign in there (the session of the old one ends).
    connect(dialog, &SettingsDialog::connectionChanged, this, [this] {
        if (m_session)
            m_session->signOut();
        start();
    });
    dialog->open();
}

} // namespace tc
