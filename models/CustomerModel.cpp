#include "CustomerModel.h"

#include "BackendClient.h"
#include "EventStream.h"

using namespace Qt::StringLiterals;

namespace tc {

CustomerModel::CustomerModel(client::BackendClient *client, client::EventStream *events,
                             QObject *parent)
    : QObject(parent),
      m_part(client, this,
             {.path =
                  [](qint64 customerId) { return u"/api/v1/staff/customers/%1"_s.arg(customerId); },
              .arrived = [this](protocol::CustomerDetail detail) { m_detail = std::move(detail); },
              .announce = [this] { Q_EMIT changed(); },
              .loadingChanged = [this](bool loading) { Q_EMIT loadingChanged(loading); },
              .failed = [this](const client::ClientError &error) { Q_EMIT loadFailed(error); }})
{
    if (events) {
        connect(events, &client::EventStream::eventReceived, this,
                [this](const protocol::StaffEvent &event) {
                    if (!concerns(event))
                        return;
                    reload();
                    if (event.kind == "release_request"_L1
                        && event.status != protocol::ReleaseRequest::Pending)
                        Q_EMIT releaseRequestDecided(event);
                });
        connect(events, &client::EventStream::resetRequired, this, &CustomerModel::reload);
    }
}

void CustomerModel::load(qint64 customerId)
{
    m_part.switchTo(customerId);
    const bool hadDetail = m_detail.has_value();
    m_detail.reset();
    if (hadDetail)
        Q_EMIT changed();
    m_part.fetch();
}

void CustomerModel::reload()
{
    m_part.reload();
}

bool CustomerModel::concerns(const protocol::StaffEvent &event) const
{
    if (customerId() == 0 || event.customerId != customerId())
        return false;
    return event.kind == "attempt"_L1 || event.kind == "lock"_L1 || event.kind == "release"_L1
        || event.kind == "revocation"_L1 || event.kind == "release_request"_L1;
}

} // namespace tc
