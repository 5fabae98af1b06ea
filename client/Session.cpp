#include "Session.h"

#include "BackendClient.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSession, "tc.console.session")

namespace tc::client {

namespace {

constexpr int idleCheckMs = 5'000;
// Refreshed this long before the access token expires.
constexpr int refreshMarginSeconds = 30;

} // namespace

Session::Session(BackendClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &Session::refresh);
    m_idleCheck.setInterval(idleCheckMs);
    connect(&m_idleCheck, &QTimer::timeout, this, &Session::checkIdle);
    connect(client, &BackendClient::sessionExpired, this, [this] {
        if (m_state == State::SignedIn) {
            qCInfo(lcSession) << "the server ended the session";
            m_refreshTimer.stop();
            setState(State::Locked);
            Q_EMIT expired();
        }
    });
    QCoreApplication::instance()->installEventFilter(this);
}

Session::~Session()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
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
                       qCInfo(lcSession) << "signed in as" << m_staff.username << m_staff.role;
                       if (before == State::Locked)
                           Q_EMIT unlocked();
                       else
                           Q_EMIT signedIn(m_staff);
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
    m_lastInput = QDateTime::currentDateTimeUtc();
    m_refreshTimer.start(std::max(5, staff.expiresIn - refreshMarginSeconds) * 1000);
    m_idleCheck.start();
    setState(State::SignedIn);
}

void Session::refresh()
{
    if (!m_client || m_staff.refreshToken.isEmpty())
        return;
    // One refresh at a time: a refresh token presented twice ends the session.
    m_client->send(
        "POST", u"/api/v1/staff/session/refresh"_s, {{u"refresh_token"_s, m_staff.refreshToken}},
        this, [this](Result<QJsonObject, ClientError> answer) {
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
            Result<protocol::StaffSession> staff = protocol::StaffSession::fromJson(answer.value());
            if (!staff)
                return;
            const State state = m_state;
            adopt(staff.value());
            if (state == State::Locked)
                setState(State::Locked); // a refresh does not unlock
        });
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
    if (m_lastInput.secsTo(QDateTime::currentDateTimeUtc()) >= limit)
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
            m_lastInput = QDateTime::currentDateTimeUtc();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace tc::client
