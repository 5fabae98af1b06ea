#pragma once

#include "ClientError.h"
#include "Clock.h"
#include "LatestRequest.h"
#include "Protocol.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include <optional>

namespace tc::client {
class BackendClient;
class EventStream;
} // namespace tc::client

namespace tc {

// The supervisor's approval queue (GET /api/v1/staff/release-requests): today's pending
// early-release requests, newest first, with customer, account, lock, requester, how long each has
// waited, how the requester confirmed the identity and why. Live: a new request (a
// "release_request" event, pending) reloads the list, a decision or lapse removes its row at once,
// the stream's reset reloads. Approve and reject go through here, so the row leaves as soon as the
// server agrees.
class ReleaseRequestsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        CustomerColumn,
        AccountColumn,
        LockColumn,
        RequesterColumn,
        WaitingColumn, // "12 min", refreshed by refreshTimes()
        ProofColumn, // how the requester confirmed the identity: "At the counter: Passport"
        ReasonColumn, // last: the free text takes the room left
        ColumnCount
    };
    enum Role {
        RequestIdRole = Qt::UserRole + 1, // qint64
        CustomerIdRole, // qint64
        RequesterRole, // user name
    };
    enum class Decision { Approve, Reject };
    Q_ENUM(Decision)

    // `events` may be null (no live updates).
    ReleaseRequestsModel(client::BackendClient *client, client::EventStream *events, Clock clock,
                         QObject *parent = nullptr);

    void reload();
    // Approves (note optional) or rejects (reason required: the server answers S05 without one)
    // the request; decided() or decisionFailed() follows.
    void decide(qint64 requestId, Decision decision, const QString &text);

    const QList<protocol::ReleaseRequest> &requests() const { return m_requests; }
    std::optional<protocol::ReleaseRequest> requestAt(int row) const;
    int rowOf(qint64 requestId) const;
    bool isLoading() const { return m_request.isRunning(); }
    const std::optional<client::ClientError> &error() const { return m_error; }
    bool isDeciding(qint64 requestId) const { return m_deciding.contains(requestId); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    // The waiting times again, from the clock's now.
    void refreshTimes();

Q_SIGNALS:
    void loaded();
    void loadFailed(const tc::client::ClientError &error);
    void decided(qint64 requestId, tc::ReleaseRequestsModel::Decision decision);
    void decisionFailed(qint64 requestId, tc::ReleaseRequestsModel::Decision decision,
                        const tc::client::ClientError &error);

private:
    Q_DISABLE_COPY_MOVE(ReleaseRequestsModel)

    void setRequests(QList<protocol::ReleaseRequest> requests);
    void removeRequest(qint64 requestId);
    void onEvent(const protocol::StaffEvent &event);

    QPointer<client::BackendClient> m_client;
    Clock m_clock;
    LatestRequest m_request;
    bool m_fetchAgain = false;
    std::optional<client::ClientError> m_error;
    QList<protocol::ReleaseRequest> m_requests; // newest first
    QList<qint64> m_deciding;
};

} // namespace tc
