#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace tc::client {

// One dispatched server-sent event.
struct SseEvent
{
    QByteArray id; // the last event id in force when it was dispatched (may be empty)
    QString type; // "message" when the block named none
    QString data; // the data lines joined by '\n'
    friend bool operator==(const SseEvent &, const SseEvent &) = default;
};

// The text/event-stream format of the WHATWG HTML standard, parsed incrementally: bytes may
// arrive in chunks cut anywhere (inside a line, between CR and LF, inside a UTF-8 sequence).
// Lines end with CRLF, LF or CR; `field: value` (one space after the colon dropped), a line
// without a colon is a field with an empty value, lines starting with ':' are comments, an empty
// line dispatches the block (only when it had data). `id` persists across events and
// connections; `retry` takes ASCII digits only; unknown fields are ignored.
class SseParser final
{
public:
    // The events the bytes completed, in order.
    QList<SseEvent> feed(QByteArrayView bytes);

    // A new connection: drops the unfinished line and block (an event cut off by a dropped
    // connection is never dispatched) but keeps the last event id and the retry hint.
    void restart();

    const QByteArray &lastEventId() const { return m_lastEventId; }
    void setLastEventId(const QByteArray &id) { m_lastEventId = id; }
    // The server's reconnection time in milliseconds, once it sent one.
    std::optional<int> retryMs() const { return m_retryMs; }
    // Comment lines seen (the server's keep-alive).
    qint64 comments() const { return m_comments; }

private:
    void processLine(QByteArrayView line, QList<SseEvent> &events);

    QByteArray m_line; // bytes of the unfinished line
    bool m_afterCr = false; // the previous byte ended a line with CR: a following LF is part of it
    bool m_atStreamStart = true; // a UTF-8 byte order mark may come first
    QByteArray m_data; // data lines of the current block, each followed by '\n'
    bool m_hasData = false;
    QByteArray m_type;
    QByteArray m_lastEventId;
    std::optional<int> m_retryMs;
    qint64 m_comments = 0;
};

} // namespace tc::client
