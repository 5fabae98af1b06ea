#include "CustomerModel.h"

#include "BackendClient.h"
#include "EventStream.h"

using namespace Qt::StringLiterals;

namespace tc {

CustomerModel::CustomerModel(client::BackendClient *client, client::EventStream *events,
                             QObject *parent)
    : QObject(parent), m_client(client)
{
    if (events) {
        connect(events, &client::EventStream::eventReceived, this,
                [this](const protocol::StaffEvent &event) {
                    if (concerns(event))
                        reload();
                });
        connect(events, &client::EventStream::resetRequired, this, &CustomerModel::reload);
    }
}

void CustomerModel::load(qint64 customerId)
{
    m_request.abort();
    m_fetchAgain = false;
    m_customerId = customerId;
    m_error.reset();
    const bool hadDetail = m_detail.has_value();
    m_detail.reset();
    if (hadDetail)
        Q_EMIT changed();
    fetch();
}

void CustomerModel::reload()
{
    if (m_customerId == 0)
        return;
    if (m_request.isRunning()) {
        // The running load may have been answered before the change: ask again after it.
        m_fetchAgain = true;
        return;
    }
    fetch();
}

bool CustomerModel::concerns(const protocol::StaffEvent &event) const
{
    if (m_customerId == 0 || event.customerId != m_customerId)
        return false;
    return event.kind == "attempt"_L1 || event.kind == "lock"_L1 || event.kind == "release"_L1
        || event.kind == "revocation"_L1;
}

void CustomerModel::fetch()
{
    if (m_customerId == 0 || !m_client)
        return;
    const bool wasLoading = isLoading();
    m_request.getAs<protocol::CustomerDetail>(
        *m_client, u"/api/v1/staff/customers/%1"_s.arg(m_customerId), {}, this,
        [this](Result<protocol::CustomerDetail, client::ClientError> answer) {
            if (m_fetchAgain) {
                m_fetchAgain = false;
                fetch();
            }
            if (!answer) {
                m_error = answer.error();
                if (!isLoading())
                    Q_EMIT loadingChanged(false);
                Q_EMIT loadFailed(answer.error());
                return;
            }
            m_error.reset();
            m_detail = std::move(answer).value();
            if (!isLoading())
                Q_EMIT loadingChanged(false);
            Q_EMIT changed();
        });
    if (!wasLoading && isLoading())
        Q_EMIT loadingChanged(true);
}

} // namespace tc
