#pragma once

#include "ClientError.h"
#include "CustomerPart.h"
#include "Protocol.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace tc::client {
class BackendClient;
class EventStream;
} // namespace tc::client

namespace tc {

// The customer the teller has open (GET /api/v1/staff/customers/{id}): accounts, today's locks,
// pending early releases, lock history, linkage summary. Reloaded when a live event concerns
// this customer (an attempt, a lock engaging or ending, a revocation, an early-release request made
// or decided) and after the event stream's
// reset, so the lock sentence stays true while the customer is on the phone.
class CustomerModel final : public QObject
{
    Q_OBJECT

public:
    // `events` may be null (no live updates).
    CustomerModel(client::BackendClient *client, client::EventStream *events,
                  QObject *parent = nullptr);

    // Shows another customer (0: none); loads it.
    void load(qint64 customerId);
    // Loads the current customer again (after a staff action such as a release).
    void reload();

    qint64 customerId() const { return m_part.customerId(); }
    // The last answer for the current customer; empty until it arrives or after a failure that
    // left nothing to show (the last good detail is kept when a reload fails).
    const std::optional<protocol::CustomerDetail> &detail() const { return m_detail; }
    bool isLoading() const { return m_part.isLoading(); }
    const std::optional<client::ClientError> &error() const { return m_part.error(); }

    // Whether an event is about the customer shown and may change what detail() says.
    bool concerns(const protocol::StaffEvent &event) const;

Q_SIGNALS:
    // detail() changed (a new customer, a reload's answer, or cleared).
    void changed();
    void loadingChanged(bool loading);
    void loadFailed(const tc::client::ClientError &error);
    // A supervisor approved or rejected an early release of this customer's lock, or it lapsed
    // (a "release_request" event; the detail reloads as well).
    void releaseRequestDecided(const tc::protocol::StaffEvent &event);

private:
    Q_DISABLE_COPY_MOVE(CustomerModel)

    std::optional<protocol::CustomerDetail> m_detail;
    CustomerPart<protocol::CustomerDetail> m_part;
};

} // namespace tc
