#include "Session.h"

#include "BackendClient.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLoggingCategory>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSession, "tc.console.session")

namespace tc::client {

namespace {

constexpr int idleCheckMs = 5'000;
// Refreshed when this share of the access token's life has passed: early enough that a slow
// or retried refresh still lands before expiry, late enough not to churn tokens.
constexpr int refreshAtPercent = 80;

} // namespace

Session::Session(BackendClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &Session::refresh);
    m_idleCheck.setInterval(idleCheckMs);
    connect(&m_idleCheck, &QTimer::timeout, this, &Session::checkIdle);
    connect(client, &BackendClient::sessionExpired, this, &Session::endedByServer);
    QCoreApplication::instance()->installEventFilter(this);
}

Session::~Session()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void Session::setKeychain(KeychainStore *keychain)
{
    m_keychain = keychain;
}

void Session::setIdleLockSeconds(int seconds)
{
    m_idleLockSeconds = std::max(0, seconds);
}

int Session::idleLockSeconds() const
{
    // Locked before the server's idle limit ends the session under the agent's hands.
    if (m_staff.idleTimeoutSeconds > 60 && m_idleLockSeconds > 0)
        return std::min(m_idleLockSeconds, m_staff.idleTimeoutSeconds - 60);
    return m_idleLockSeconds;
}

void Session::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    if (state == State::Locked)
        forget(m_staff.username);
    Q_EMIT stateChanged(state);
}

void Session::signIn(const QString &username, const QString &password, const QString &totp)
{
    if (!m_client || m_state == State::SigningIn)
        return;
    const State before = m_state;
    setState(State::SigningIn);
    QJsonObject body {{u"username"_s, username}, {u"password"_s, password}};
    if (!totp.isEmpty())
        body.insert(u"totp"_s, totp);
    m_client->send("POST", u"/api/v1/staff/session"_s, body, this,
                   [this, before](Result<QJsonObject, ClientError> answer) {
                       Result<protocol::StaffSession> staff = answer
                           ? protocol::StaffSession::fromJson(answer.value())
                           : Result<protocol::StaffSession>(Error {});
                       if (!answer || !staff) {
                           setState(before == State::Locked ? State::Locked : State::SignedOut);
                           Q_EMIT signInFailed(answer
                                                   ? ClientError {.kind = ClientError::Kind::Decode,
                                                                  .detail = staff.error().message}
                                                   : answer.error());
                           return;
                       }
                       adopt(staff.value());
                       setState(State::SignedIn);
                       remember();
                       qCInfo(lcSession) << "signed in as" << m_staff.username << m_staff.role;
                       if (before == State::Locked)
                           Q_EMIT unlocked();
                       else
                           Q_EMIT signedIn(m_staff);
                   });
}

void Session::resume(const QString &username)
{
    if (!m_client || m_state != State::SignedOut)
        return;
    if (!m_keychain || username.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT resumeFailed({}); }, Qt::QueuedConnection);
        return;
    }
    setState(State::SigningIn);
    m_keychain->read(
        keychainKey(username), this, [this, username](Result<QString, KeychainError> token) {
            if (!token) {
                if (token.error().kind != KeychainError::Kind::NotFound)
                    keychainAnswered(token.error());
                setState(State::SignedOut);
                Q_EMIT resumeFailed({});
                return;
            }
            keychainAnswered(std::nullopt);
            m_client->send(
                "POST", u"/api/v1/staff/session/refresh"_s, {{u"refresh_token"_s, token.value()}},
                this, [this, username](Result<QJsonObject, ClientError> answer) {
                    Result<protocol::StaffSession> staff = answer
                        ? protocol::StaffSession::fromJson(answer.value())
                        : Result<protocol::StaffSession>(Error {});
                    if (!answer || !staff) {
                        const ClientError error = answer
                            ? ClientError {.kind = ClientError::Kind::Decode,
                                           .detail = staff.error().message}
                            : answer.error();
                        qCInfo(lcSession) << "resume failed" << error.code << error.httpStatus;
                        setState(State::SignedOut);
                        if (!answer && (error.httpStatus == 0 || error.httpStatus >= 500)) {
                            // No answer, or the server failed: the token may still be good.
                            Q_EMIT resumeFailed(error.text());
                            return;
                        }
                        // Refused (used, expired, signed out elsewhere): never offered again.
                        forget(username);
                        Q_EMIT resumeFailed(
                            error.kind == ClientError::Kind::SessionExpired
                                ? tr("The remembered sign-in has ended. Sign in with your "
                                     "password.")
                                : error.text());
                        return;
                    }
                    adopt(staff.value());
                    setState(State::SignedIn);
                    remember();
                    qCInfo(lcSession) << "resumed as" << m_staff.username << m_staff.role;
                    Q_EMIT signedIn(m_staff);
                });
        });
}

void Session::unlock(const QString &password, const QString &totp)
{
    if (m_state != State::Locked)
        return;
    // The old session is left to the server's idle limit: its tokens are dropped here.
    signIn(m_staff.username, password, totp);
}

void Session::adopt(const protocol::StaffSession &staff)
{
    m_staff = staff;
    m_client->setAccessToken(staff.accessToken);
    m_lastInput = m_now();
    m_refreshTimer.start(std::max(1000, staff.expiresIn * 10 * refreshAtPercent));
    m_idleCheck.start();
}

QString Session::keychainKey(const QString &username) const
{
    return KeychainStore::refreshTokenKey(m_client ? m_client->settings().baseUrl : QUrl(),
                                          username);
}

void Session::remember()
{
    if (!m_keychain || m_state != State::SignedIn || m_staff.refreshToken.isEmpty())
        return;
    m_keychain->write(keychainKey(m_staff.username), m_staff.refreshToken, this,
                      [this](Result<Success, KeychainError> written) {
                          keychainAnswered(written ? std::nullopt : std::optional(written.error()));
                      });
}

void Session::forget(const QString &username)
{
    if (!m_keychain || username.isEmpty())
        return;
    m_keychain->remove(keychainKey(username), this, [this](Result<Success, KeychainError> removed) {
        keychainAnswered(removed ? std::nullopt : std::optional(removed.error()));
    });
}

void Session::keychainAnswered(const std::optional<KeychainError> &error)
{
    if (!error) {
        m_keychainFailing = false;
        return;
    }
    qCInfo(lcSession) << "keychain:" << error->detail;
    if (std::exchange(m_keychainFailing, true))
        return;
    Q_EMIT keychainFailed(*error);
}

void Session::refresh()
{
    // One refresh at a time: a refresh token presented twice ends the session on the server.
    if (!m_client || m_staff.refreshToken.isEmpty() || m_refreshing)
        return;
    m_refreshing = true;
    const QString presented = m_staff.refreshToken;
    m_client->send("POST", u"/api/v1/staff/session/refresh"_s, {{u"refresh_token"_s, presented}},
                   this, [this, presented](Result<QJsonObject, ClientError> answer) {
                       m_refreshing = false;
                       // Signed out, or signed in anew, meanwhile: the answer belongs to a session
                       // gone.
                       if (m_staff.refreshToken != presented)
                           return;
                       if (!answer) {
                           qCInfo(lcSession) << "refresh failed" << answer.error().code;
                           if (answer.error().kind == ClientError::Kind::Unreachable
                               || answer.error().kind == ClientError::Kind::Timeout) {
                               m_refreshTimer.start(15'000);
                           } else if (m_state == State::SignedIn) {
                               setState(State::Locked);
                               Q_EMIT expired();
                           }
                           return;
                       }
                       Result<protocol::StaffSession> staff =
                           protocol::StaffSession::fromJson(answer.value());
                       if (!staff || m_state == State::SignedOut)
                           return;
                       adopt(staff.value()); // a refresh does not unlock
                       remember();
                   });
}

void Session::endedByServer()
{
    if (m_state != State::SignedIn)
        return;
    qCInfo(lcSession) << "the server ended the session";
    m_refreshTimer.stop();
    setState(State::Locked);
    Q_EMIT expired();
}

void Session::lock()
{
    if (m_state != State::SignedIn)
        return;
    qCInfo(lcSession) << "locked";
    setState(State::Locked);
    Q_EMIT locked();
}

void Session::signOut()
{
    if (m_state == State::SignedOut)
        return;
    end(true);
}

void Session::end(bool tellServer)
{
    m_refreshTimer.stop();
    m_idleCheck.stop();
    if (tellServer && m_client && !m_staff.accessToken.isEmpty())
        m_client->send("DELETE", u"/api/v1/staff/session"_s, {}, m_client, [](auto) {});
    if (m_client)
        m_client->setAccessToken({});
    forget(m_staff.username);
    m_staff = {};
    setState(State::SignedOut);
    Q_EMIT signedOut();
}

void Session::checkIdle()
{
    const int limit = idleLockSeconds();
    if (m_state != State::SignedIn || limit <= 0 || !m_lastInput.isValid())
        return;
    // The wall clock, not the timer: after a sleep the timer has not run, the clock has.
    if (m_lastInput.secsTo(m_now()) >= limit)
        lock();
}

bool Session::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        if (m_state == State::SignedIn)
            m_lastInput = m_now();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace tc::client
