#pragma once

#include "ClientError.h"
#include "Protocol.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace tc::client {

class BackendClient;

// The staff session of the console: sign-in, the access token refreshed before it expires
// (the refresh token rotates and stays in memory here), sign-out, and the lock — by Ctrl+L or
// after idle time, checked against the wall clock so that a machine waking from sleep past the
// limit is locked at once (KeePassXC's InactivityTimer, its issue #2014). Unlocking signs in
// again as the same user: the password is checked by the server, and the desk stays as it was.
//
// Not yet: the refresh token in the OS keychain for a silent sign-in at start (QtKeychain);
// every start asks for the password.
class Session final : public QObject
{
    Q_OBJECT

public:
    enum class State { SignedOut, SigningIn, SignedIn, Locked };
    Q_ENUM(State)

    static constexpr int defaultIdleLockSeconds = 600;

    // The client must outlive the session.
    explicit Session(BackendClient *client, QObject *parent = nullptr);
    ~Session() override;

    State state() const { return m_state; }
    // The signed-in staff member (also while locked); empty when signed out.
    const protocol::StaffSession &staff() const { return m_staff; }

    // Idle time before the console locks itself (0: never); the server's own idle limit, when it
    // sends one, caps it.
    void setIdleLockSeconds(int seconds);
    int idleLockSeconds() const;

public Q_SLOTS:
    void signIn(const QString &username, const QString &password, const QString &totp = {});
    // Signs in again as the locked user.
    void unlock(const QString &password, const QString &totp = {});
    void lock();
    void signOut();

Q_SIGNALS:
    void stateChanged(tc::client::Session::State state);
    void signedIn(const tc::protocol::StaffSession &staff);
    // S01 (wrong name, password or code) or S02 (a TOTP code is needed), or no connection.
    void signInFailed(const tc::client::ClientError &error);
    void locked();
    void unlocked();
    void signedOut();
    // The server ended the session (idle, expired, disabled): sign in again.
    void expired();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(Session)

    void setState(State state);
    void adopt(const protocol::StaffSession &staff);
    void refresh();
    void checkIdle();
    void end(bool tellServer);

    QPointer<BackendClient> m_client;
    protocol::StaffSession m_staff;
    State m_state = State::SignedOut;
    QTimer m_refreshTimer;
    QTimer m_idleCheck;
    QDateTime m_lastInput;
    int m_idleLockSeconds = defaultIdleLockSeconds;
};

} // namespace tc::client
