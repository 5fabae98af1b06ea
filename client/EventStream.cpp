#include "EventStream.h"

#include "BackendClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tc::client {

namespace {

Q_LOGGING_CATEGORY(lcEvents, "tc.console.events")

int httpStatusOf(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

EventStream::EventStream(BackendClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &EventStream::open);
    m_silenceTimer.setSingleShot(true);
    m_silenceTimer.setInterval(defaultSilenceLimitMs);
    connect(&m_silenceTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcEvents) << "no data for" << m_silenceTimer.interval() << "ms: reconnecting";
        m_silent = true;
        if (m_reply)
            m_reply->abort(); // finished() follows: a drop like any other
    });
}

EventStream::~EventStream()
{
    closeReply();
}

void EventStream::start()
{
    m_failedAttempts = 0;
    m_retryTimer.stop();
    closeReply();
    open();
}

void EventStream::stop()
{
    m_retryTimer.stop();
    m_silenceTimer.stop();
    closeReply();
    m_lastError.reset();
    setState(State::Offline);
}

void EventStream::open()
{
    if (!m_client) {
        setState(State::Offline);
        return;
    }
    setState(State::Reconnecting);
    m_parser.restart();
    m_errorBody.clear();
    m_silent = false;
    m_reply = m_client->openStream(path, m_parser.lastEventId());
    connect(m_reply, &QNetworkReply::readyRead, this, &EventStream::onReadyRead);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (isOk() && m_state != State::Connected) {
            m_failedAttempts = 0;
            m_lastError.reset();
            setState(State::Connected);
        }
    });
    connect(m_reply, &QNetworkReply::finished, this, &EventStream::onFinished);
    // The client's manager owns its replies: replacing the connection (setSettings) deletes
    // this one without a finished(). The stream opens again on the new connection.
    connect(m_reply, &QObject::destroyed, this, [this] {
        m_reply = nullptr;
        m_silenceTimer.stop();
        m_lastError = ClientError {.kind = ClientError::Kind::Unreachable,
                                   .detail = u"the connection was replaced"_s};
        retryLater();
    });
    m_silenceTimer.start();
}

bool EventStream::isOk() const
{
    return m_reply && httpStatusOf(m_reply) == 200;
}

void EventStream::onReadyRead()
{
    m_silenceTimer.start();
    const QByteArray bytes = m_reply->readAll();
    if (!isOk()) {
        m_errorBody += bytes;
        return;
    }
    if (m_state != State::Connected) {
        m_failedAttempts = 0;
        m_lastError.reset();
        setState(State::Connected);
    }
    for (const SseEvent &event : m_parser.feed(bytes)) {
        dispatch(event);
        if (!m_reply)
            return; // the event ended the stream
    }
}

void EventStream::dispatch(const SseEvent &event)
{
    if (event.type == "session_ended"_L1) {
        qCInfo(lcEvents) << "the server ended the stream: session over";
        m_lastError = ClientError {.kind = ClientError::Kind::SessionExpired, .code = u"S03"_s};
        m_retryTimer.stop();
        m_silenceTimer.stop();
        closeReply();
        setState(State::Offline);
        Q_EMIT sessionEnded();
        return;
    }
    if (event.type == "reset"_L1) {
        qCInfo(lcEvents) << "the server could not replay the missed events: reset";
        Q_EMIT resetRequired();
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(event.data.toUtf8());
    Result<protocol::StaffEvent> decoded = protocol::StaffEvent::fromJson(document.object());
    if (!decoded) {
        qCWarning(lcEvents) << "event" << event.id << "of type" << event.type
                            << "not understood:" << decoded.error().message;
        return;
    }
    Q_EMIT eventReceived(decoded.value());
}

void EventStream::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    const bool wasOpen = isOk();
    const QByteArray rest = reply->readAll();
    if (!wasOpen)
        m_errorBody += rest;
    else if (!rest.isEmpty())
        m_parser.feed(rest); // an unfinished block is dropped by the next open()'s restart()
    const ClientError error = wasOpen || m_silent
        ? ClientError {.kind =
                           m_silent ? ClientError::Kind::Timeout : ClientError::Kind::Unreachable,
                       .detail = u"the event stream was closed"_s}
        : BackendClient::errorOf(reply, m_errorBody);
    m_silenceTimer.stop();
    closeReply();
    m_lastError = error;
    if (!wasOpen)
        ++m_failedAttempts;
    switch (error.kind) {
    case ClientError::Kind::SessionExpired:
        qCInfo(lcEvents) << "the stream was refused: session over";
        setState(State::Offline);
        Q_EMIT sessionEnded();
        return;
    case ClientError::Kind::Forbidden:
        qCWarning(lcEvents) << "the stream was refused:" << error.code << error.httpStatus;
        setState(State::Offline);
        return;
    default:
        qCInfo(lcEvents) << "the stream dropped or failed:" << int(error.kind) << error.code
                         << error.httpStatus << error.detail;
        retryLater();
    }
}

void EventStream::retryLater()
{
    const int base = m_parser.retryMs().value_or(defaultRetryMs);
    // Doubled for every attempt in a row that did not connect (a drop of a working stream waits
    // the base), capped; then ±20 % so that many consoles spread out.
    qint64 delay = base;
    for (int i = 1; i < m_failedAttempts && delay < maxRetryMs; ++i)
        delay *= 2;
    delay = std::min<qint64>(delay, maxRetryMs);
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    delay = std::min<qint64>(qint64(double(delay) * jitter), maxRetryMs);
    setState(State::Reconnecting);
    m_retryTimer.start(int(delay));
}

void EventStream::closeReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

void EventStream::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace tc::client
