#pragma once

#include "ClientError.h"
#include "Clock.h"
#include "Protocol.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace tc::client {
class BackendClient;
}

namespace tc {

// The caller checks of one staff session: runs a check (POST …/customers/{id}/caller-check)
// and keeps each customer's latest answer. A passed check's id is what the Clear lock and Revoke
// dialogs send as `caller_check_id` (StaffChange) while it is valid: validCheckId() answers it
// until the check's 10 minutes are over, then empty; changed() tells when either happens.
//
// Validity is counted on this machine's clock from the server's own span (expires_at minus
// checked_at), so a console whose clock is off still counts the right 10 minutes.
class CallerCheckState final : public QObject
{
    Q_OBJECT

public:
    // `client` must outlive the state or be null (nothing is sent then).
    CallerCheckState(client::BackendClient *client, Clock clock, QObject *parent = nullptr);

    // Compares what the caller said with customer `customerId`'s stored data.
    void check(qint64 customerId, const protocol::CallerCheckRequest &said);
    bool isChecking() const { return m_checking; }

    // The id of a passed check of the customer that is still valid; empty when there is none.
    QString validCheckId(qint64 customerId) const;
    // When that check stops being valid (this machine's clock, UTC); invalid when none.
    QDateTime validUntil(qint64 customerId) const;
    // The customer's latest answer, passed or not (expired ones included).
    std::optional<protocol::CallerCheckResult> latest(qint64 customerId) const;

    // Forgets every check (sign-out does it by destroying the state).
    void clear();

Q_SIGNALS:
    // A check was answered, started, or a passed check expired.
    void changed();
    void checked(const protocol::CallerCheckResult &result);
    void checkFailed(qint64 customerId, const client::ClientError &error);

private:
    Q_DISABLE_COPY_MOVE(CallerCheckState)

    struct Kept
    {
        protocol::CallerCheckResult result;
        QDateTime validUntil; // local clock; invalid unless passed
    };
    void armExpiry();

    QPointer<client::BackendClient> m_client;
    Clock m_clock;
    QHash<qint64, Kept> m_checks;
    bool m_checking = false;
    QTimer m_expiry;
};

} // namespace tc
