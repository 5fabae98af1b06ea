#include "HttpStreamWriter.h"

#include "HttpConnection.h"

namespace tc::backend::http {

HttpStreamWriter::HttpStreamWriter(HttpConnection *connection) : m_connection(connection) { }

HttpStreamWriter::~HttpStreamWriter() = default;

bool HttpStreamWriter::write(const QByteArray &data)
{
    const std::lock_guard lock(m_mutex);
    if (!m_connection)
        return false;
    // The connection cannot be destroyed while we hold the lock (its destructor detaches us
    // first), and a queued call to a destroyed object is discarded by Qt.
    HttpConnection *connection = m_connection;
    QMetaObject::invokeMethod(
        connection, [connection, data] { connection->writeStreamChunk(data); },
        Qt::QueuedConnection);
    return true;
}

void HttpStreamWriter::finish()
{
    const std::lock_guard lock(m_mutex);
    if (!m_connection)
        return;
    HttpConnection *connection = m_connection;
    m_connection = nullptr;
    QMetaObject::invokeMethod(
        connection, [connection] { connection->finishStream(); }, Qt::QueuedConnection);
}

bool HttpStreamWriter::isOpen() const
{
    const std::lock_guard lock(m_mutex);
    return m_connection != nullptr;
}

void HttpStreamWriter::detach()
{
    const std::lock_guard lock(m_mutex);
    m_connection = nullptr;
}

} // namespace tc::backend::http
