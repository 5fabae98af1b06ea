#pragma once

#include "BackendClient.h"
#include "ClientError.h"
#include "Result.h"

#include <QNetworkReply>
#include <QPointer>

#include <functional>
#include <utility>

namespace tc {

// The one call a model has running for one purpose: starting another abandons it (aborted, and
// its answer never delivered, whatever the order replies finish in), so a model always shows the
// answer to what was asked last.
class LatestRequest final
{
public:
    LatestRequest() = default;
    ~LatestRequest() { abort(); }

    template<typename T>
    void getAs(client::BackendClient &client, const QString &path, const QUrlQuery &query,
               const QObject *context, std::function<void(Result<T, client::ClientError>)> done)
    {
        abort();
        const quint64 generation = ++m_generation;
        m_running = true;
        QNetworkReply *reply = client.getAs<T>(
            path, query, context,
            [this, generation, done = std::move(done)](Result<T, client::ClientError> answer) {
                if (generation != m_generation)
                    return; // abandoned
                m_running = false;
                m_reply.clear();
                done(std::move(answer));
            });
        if (m_running && generation == m_generation)
            m_reply = reply;
    }

    bool isRunning() const { return m_running; }

    // Abandons the running call, if any.
    void abort()
    {
        ++m_generation;
        m_running = false;
        if (QNetworkReply *reply = std::exchange(m_reply, nullptr))
            reply->abort();
    }

private:
    Q_DISABLE_COPY_MOVE(LatestRequest)

    QPointer<QNetworkReply> m_reply;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace tc
