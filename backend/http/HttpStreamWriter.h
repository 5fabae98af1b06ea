#pragma once

#include <QByteArray>

#include <mutex>

namespace tc::backend::http {

class HttpConnection;

// The sending end of a streaming answer (HttpResponse::stream). Thread-safe: a handler may keep
// it and write from any thread; writes are queued to the connection's thread. Once the client
// has gone (or finish() was called) writes return false and do nothing.
class HttpStreamWriter final
{
public:
    ~HttpStreamWriter();
    Q_DISABLE_COPY_MOVE(HttpStreamWriter)

    // Sends `data` as one chunk. False when the stream is closed.
    bool write(const QByteArray &data);
    // Ends the stream; the connection closes once the last chunk is sent.
    void finish();
    bool isOpen() const;

private:
    friend class HttpConnection;
    explicit HttpStreamWriter(HttpConnection *connection);
    // Called by the connection (under the lock) before it goes away.
    void detach();

    mutable std::mutex m_mutex;
    HttpConnection *m_connection; // guarded by m_mutex; null once closed
};

} // namespace tc::backend::http
