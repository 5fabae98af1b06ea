#pragma once

#include "BackendClient.h"
#include "ClientError.h"
#include "LatestRequest.h"

#include <QPointer>

#include <functional>
#include <optional>
#include <utility>

namespace tc {

// One part of the customer a teller has open, fetched from the staff API (the detail, the
// linkages) and kept current. A reload while an answer is on its way asks once more after it:
// that answer may predate the change that prompted the reload. The owning model keeps what
// arrives and announces it through the callbacks, in this order: arrived (store it), then
// loadingChanged(false) unless another fetch runs, then announce.
template<typename T>
class CustomerPart final
{
public:
    struct Callbacks
    {
        std::function<QString(qint64 customerId)> path;
        std::function<void(T answer)> arrived;
        std::function<void()> announce;
        std::function<void(bool loading)> loadingChanged;
        std::function<void(const client::ClientError &error)> failed;
    };

    CustomerPart(client::BackendClient *client, const QObject *context, Callbacks callbacks)
        : m_client(client), m_context(context), m_callbacks(std::move(callbacks))
    { }

    qint64 customerId() const { return m_customerId; }
    bool isLoading() const { return m_request.isRunning(); }
    const std::optional<client::ClientError> &error() const { return m_error; }

    // Abandons the current customer's call and error for another customer (0: none); the owner
    // clears what it shows, then calls fetch().
    void switchTo(qint64 customerId)
    {
        m_request.abort();
        m_fetchAgain = false;
        m_customerId = customerId;
        m_error.reset();
    }

    void reload()
    {
        if (m_customerId == 0)
            return;
        if (m_request.isRunning()) {
            m_fetchAgain = true;
            return;
        }
        fetch();
    }

    void fetch()
    {
        if (m_customerId == 0 || !m_client)
            return;
        const bool wasLoading = isLoading();
        m_request.getAs<T>(*m_client, m_callbacks.path(m_customerId), {}, m_context,
                           [this](Result<T, client::ClientError> answer) {
                               if (m_fetchAgain) {
                                   m_fetchAgain = false;
                                   fetch();
                               }
                               if (!answer) {
                                   m_error = answer.error();
                                   if (!isLoading())
                                       m_callbacks.loadingChanged(false);
                                   m_callbacks.failed(answer.error());
                                   return;
                               }
                               m_error.reset();
                               m_callbacks.arrived(std::move(answer).value());
                               if (!isLoading())
                                   m_callbacks.loadingChanged(false);
                               m_callbacks.announce();
                           });
        if (!wasLoading && isLoading())
            m_callbacks.loadingChanged(true);
    }

private:
    Q_DISABLE_COPY_MOVE(CustomerPart)

    QPointer<client::BackendClient> m_client;
    const QObject *m_context;
    Callbacks m_callbacks;
    LatestRequest m_request;
    qint64 m_customerId = 0;
    std::optional<client::ClientError> m_error;
    bool m_fetchAgain = false;
};

} // namespace tc
