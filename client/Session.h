#pragma once

#include "ClientError.h"
#include "KeychainStore.h"
#include "Protocol.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

namespace tc::client {

class BackendClient;

// The staff session of the console: sign-in, the access token refreshed before it expires
// (the refresh token rotates and stays in memory here), sign-out, and the lock — by Ctrl+L or
// after idle time, checked against the wall clock so that a machine waking from sleep past the
// limit is locked at once (KeePassXC's InactivityTimer, its issue #2014). Unlocking signs in
// again as the same user: the password is checked by the server, and the desk stays as it was.
//
// With a keychain, the refresh token of the signed-in user is kept there (rewritten after every
// rotation) so that the next start signs in silently (resume()); the access token stays in
// memory only. A locked or ended session keeps nothing in the keychain: restarting the console
// must not skip the password. A keychain that fails never stops a password sign-in; it is
// reported (keychainFailed) and the console asks for the password next time.
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

    // Where the refresh token is kept between starts (nullptr: nowhere, every start asks for
    // the password). The keychain must outlive the session.
    void setKeychain(KeychainStore *keychain);

    // Idle time before the console locks itself (0: never); the server's own idle limit, when it
    // sends one, caps it.
    void setIdleLockSeconds(int seconds);
    int idleLockSeconds() const;
    // The wall clock idle time is measured with (tests move it as a suspended laptop would).
    void setWallClock(std::function<QDateTime()> now) { m_now = std::move(now); }

public Q_SLOTS:
    void signIn(const QString &username, const QString &password, const QString &totp = {});
    // Signs in without the password with the refresh token the keychain keeps for `username`
    // on this backend: signedIn() on success, else resumeFailed() (ask for the password). A
    // token the server no longer accepts is removed from the keychain.
    void resume(const QString &username);
    // Signs in again as the locked user.
    void unlock(const QString &password, const QString &totp = {});
    void lock();
    void signOut();
    // The server ended the session (a 401 S03, or the event stream's session_ended): the
    // signed-in user is asked for the password again.
    void endedByServer();

Q_SIGNALS:
    void stateChanged(tc::client::Session::State state);
    void signedIn(const tc::protocol::StaffSession &staff);
    // S01 (wrong name, password or code) or S02 (a TOTP code is needed), or no connection.
    void signInFailed(const tc::client::ClientError &error);
    // resume() did not sign in: show the sign-in dialog. `reason` is a sentence for staff when
    // there is something to tell (the remembered sign-in ended, no connection); empty when
    // nothing was remembered or the keychain failed (then keychainFailed() came first).
    void resumeFailed(const QString &reason);
    // The keychain could not keep, read or remove the refresh token (not for "nothing kept").
    // Once per run of failures: after the next success it is reported again.
    void keychainFailed(const tc::client::KeychainError &error);
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
    QString keychainKey(const QString &username) const;
    // Keeps the current refresh token in the keychain (not while locked).
    void remember();
    void forget(const QString &username);
    void keychainAnswered(const std::optional<KeychainError> &error);
    void refresh();
    void checkIdle();
    void end(bool tellServer);

    QPointer<BackendClient> m_client;
    QPointer<KeychainStore> m_keychain;
    bool m_keychainFailing = false;
    bool m_refreshing = false; // a refresh call is under way
    protocol::StaffSession m_staff;
    State m_state = State::SignedOut;
    QTimer m_refreshTimer;
    QTimer m_idleCheck;
    QDateTime m_lastInput;
    std::function<QDateTime()> m_now = &QDateTime::currentDateTimeUtc;
    int m_idleLockSeconds = defaultIdleLockSeconds;
};

} // namespace tc::client
