#pragma once

#include "ClientError.h"
#include "Protocol.h"
#include "SseParser.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

class QNetworkReply;

namespace tc::client {

class BackendClient;

// The live staff events (GET /api/v1/staff/events) held open for as long as the console runs:
// each event decoded as protocol::StaffEvent, the last id remembered, and after a dropped
// connection a new one with Last-Event-ID so the server sends what was missed first (nothing lost,
// nothing twice). Reconnects wait the server's retry hint, doubled after every attempt that did not
// connect up to 30 s, with jitter so that consoles do not all come back at the same instant. A
// stream that stays silent for three heartbeats is taken for dead and replaced.
class EventStream final : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Offline, // not started, stopped, or ended by the server (session over, forbidden)
        Reconnecting, // opening, or waiting to open again after a failure
        Connected, // the stream is open
    };
    Q_ENUM(State)

    static constexpr auto path = QLatin1StringView("/api/v1/staff/events");
    static constexpr int defaultRetryMs = 3000; // until the server sends its hint
    static constexpr int maxRetryMs = 30000;
    static constexpr int defaultSilenceLimitMs = 45000; // the server comments every 15 s

    explicit EventStream(BackendClient *client, QObject *parent = nullptr);
    ~EventStream() override;

    // Opens the stream (again: at once, keeping the last event id). Needs the client's access
    // token to be set.
    void start();
    // Closes it; Offline. The last event id is kept for a later start().
    void stop();

    State state() const { return m_state; }
    // The id of the last event received ("" before the first one).
    QByteArray lastEventId() const { return m_parser.lastEventId(); }
    // How long a stream may stay silent before it is taken for dead and replaced.
    void setSilenceLimitMs(int ms) { m_silenceTimer.setInterval(ms); }
    // Keep-alive comments received so far (a heartbeat comes after every event sent before it).
    qint64 keepAlivesReceived() const { return m_parser.comments(); }
    // Why the last connection failed or ended, while Reconnecting or Offline after a failure.
    const std::optional<ClientError> &lastError() const { return m_lastError; }
    // The wait before the next reconnect (0 when none is planned).
    int retryDelayMs() const { return m_retryTimer.isActive() ? m_retryTimer.interval() : 0; }

Q_SIGNALS:
    void eventReceived(const tc::protocol::StaffEvent &event);
    // The server could not replay everything missed while away: whatever the models show is
    // reloaded from the server.
    void resetRequired();
    // The stream's staff session was signed out, expired or its account disabled; Offline.
    void sessionEnded();
    void stateChanged(tc::client::EventStream::State state);

private:
    Q_DISABLE_COPY_MOVE(EventStream)

    void open();
    void onReadyRead();
    void onFinished();
    void dispatch(const SseEvent &event);
    void retryLater();
    void closeReply();
    void setState(State state);
    bool isOk() const;

    QPointer<BackendClient> m_client;
    QNetworkReply *m_reply = nullptr; // owned; deleted once finished or closed
    SseParser m_parser;
    QByteArray m_errorBody;
    QTimer m_retryTimer;
    QTimer m_silenceTimer;
    State m_state = State::Offline;
    int m_failedAttempts = 0; // consecutive attempts that did not connect
    bool m_silent = false; // the current reply was aborted for silence
    std::optional<ClientError> m_lastError;
};

} // namespace tc::client
