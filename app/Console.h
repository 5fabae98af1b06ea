#pragma once

#include "BackendClient.h"
#include "Clock.h"
#include "Protocol.h"

#include <QObject>

#include <memory>

namespace tc::client {
class EventStream;
class KeychainStore;
class Session;
} // namespace tc::client

namespace tc {

class Desk;
class MainWindow;
class Settings;
class SignInDialog;

// The console's connection to the backend and its staff session around the window: the client
// and the session, the sign-in dialog (also the password prompt when the server ended the
// session), the window's lock screen, the live event stream and the
// desk of the signed-in staff member. Sign-out and lock leave nothing of the customer on
// screen; the explainer and the calendar work throughout.
class Console final : public QObject
{
    Q_OBJECT

public:
    // The window and the settings must outlive the console.
    Console(MainWindow &window, Settings &settings, Clock clock, QObject *parent = nullptr);
    ~Console() override;

    // False, with the reason in the window's message bar, when the settings are not usable.
    bool connectTo(client::ConnectionSettings connection);
    // Connects with the settings' connection and signs in: silently with the keychain's
    // refresh token of the last user when there is one, else with the sign-in dialog.
    void start();
    // Asks for the user name and password (window-modal; Cancel stays offline). `reason`, when
    // given, says why (the remembered sign-in ended).
    void showSignIn(const QString &reason = {});
    // Signs in without asking (the demo's teller).
    void signIn(const QString &username, const QString &password);

    client::BackendClient *client() const { return m_client.get(); }
    client::Session *session() const { return m_session.get(); }
    client::EventStream *events() const { return m_events.get(); }
    Desk *desk() const { return m_desk.get(); }
    SignInDialog *signInDialog() const { return m_dialog; }

Q_SIGNALS:
    // The backend's clock minus this machine's, from each service-status answer (a demo may
    // run on a clock of its own); the times the desk shows follow it.
    void backendClockOffsetChanged(qint64 offsetMs);
    void signedIn();

private:
    Q_DISABLE_COPY_MOVE(Console)

    void onSignedIn(const protocol::StaffSession &staff);
    void onSignedOut();
    // The server ended the session: the dialog asks for the password over the desk, which stays.
    void askToUnlock(const QString &reason);
    void showSettings();

    MainWindow &m_window;
    Settings &m_settings;
    Clock m_clock;
    SignInDialog *m_dialog = nullptr;
    // Destroyed in reverse: the desk before the stream, the stream before the client.
    client::KeychainStore *m_keychain = nullptr;
    std::unique_ptr<client::BackendClient> m_client;
    std::unique_ptr<client::Session> m_session;
    std::unique_ptr<client::EventStream> m_events;
    std::unique_ptr<Desk> m_desk;
};

} // namespace tc
