#include "CallerCheckState.h"

#include "BackendClient.h"

#include <QLoggingCategory>

#include <limits>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCallerCheck, "tc.console.callercheck")

namespace tc {

CallerCheckState::CallerCheckState(client::BackendClient *client, Clock clock, QObject *parent)
    : QObject(parent), m_client(client), m_clock(std::move(clock))
{
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, [this] {
        armExpiry();
        Q_EMIT changed();
    });
}

void CallerCheckState::check(qint64 customerId, const protocol::CallerCheckRequest &said)
{
    if (!m_client || customerId <= 0 || m_checking)
        return;
    m_checking = true;
    Q_EMIT changed();
    // Never log what the caller said: it is the customer's personal data.
    qCDebug(lcCallerCheck) << "caller check of customer" << customerId;
    m_client->send(
        "POST", u"/api/v1/staff/customers/%1/caller-check"_s.arg(customerId), said.toJson(), this,
        [this, customerId](Result<QJsonObject, client::ClientError> answer) {
            m_checking = false;
            if (!answer) {
                Q_EMIT changed();
                Q_EMIT checkFailed(customerId, answer.error());
                return;
            }
            Result<protocol::CallerCheckResult> result =
                protocol::CallerCheckResult::fromJson(answer.value());
            if (!result) {
                Q_EMIT changed();
                Q_EMIT checkFailed(customerId,
                                   client::ClientError {.kind = client::ClientError::Kind::Decode,
                                                        .detail = result.error().message});
                return;
            }
            Kept kept {.result = result.value(), .validUntil = {}};
            if (kept.result.passed)
                kept.validUntil =
                    m_clock().addMSecs(kept.result.checkedAt.msecsTo(kept.result.expiresAt));
            // A failed check replaces an earlier passed one: the last answer is what counts.
            m_checks.insert(customerId, kept);
            armExpiry();
            Q_EMIT changed();
            Q_EMIT checked(kept.result);
        });
}

QString CallerCheckState::validCheckId(qint64 customerId) const
{
    const auto it = m_checks.constFind(customerId);
    if (it == m_checks.cend() || !it->validUntil.isValid() || it->validUntil <= m_clock())
        return {};
    return it->result.checkId;
}

QDateTime CallerCheckState::validUntil(qint64 customerId) const
{
    return validCheckId(customerId).isEmpty() ? QDateTime() : m_checks.value(customerId).validUntil;
}

std::optional<protocol::CallerCheckResult> CallerCheckState::latest(qint64 customerId) const
{
    const auto it = m_checks.constFind(customerId);
    if (it == m_checks.cend())
        return std::nullopt;
    return it->result;
}

void CallerCheckState::clear()
{
    m_checks.clear();
    m_expiry.stop();
    Q_EMIT changed();
}

// Wakes at the next expiry of a still valid check, so that changed() tells it.
void CallerCheckState::armExpiry()
{
    const QDateTime now = m_clock();
    qint64 soonest = std::numeric_limits<qint64>::max();
    for (const Kept &kept : std::as_const(m_checks)) {
        if (kept.validUntil.isValid() && kept.validUntil > now)
            soonest = std::min(soonest, now.msecsTo(kept.validUntil));
    }
    if (soonest == std::numeric_limits<qint64>::max()) {
        m_expiry.stop();
        return;
    }
    m_expiry.start(int(std::min<qint64>(soonest + 1, std::numeric_limits<int>::max())));
}

} // namespace tc
