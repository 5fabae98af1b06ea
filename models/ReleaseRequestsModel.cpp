#include "ReleaseRequestsModel.h"

#include "AttemptLabels.h"
#include "BackendClient.h"
#include "EventStream.h"
#include "TokyoFormat.h"
#include "UpcomingWindowsModel.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

const QString listPath = u"/api/v1/staff/release-requests"_s;

} // namespace

ReleaseRequestsModel::ReleaseRequestsModel(client::BackendClient *client,
                                           client::EventStream *events, Clock clock,
                                           QObject *parent)
    : QAbstractTableModel(parent), m_client(client), m_clock(std::move(clock))
{
    if (events) {
        connect(events, &client::EventStream::eventReceived, this, &ReleaseRequestsModel::onEvent);
        connect(events, &client::EventStream::resetRequired, this, &ReleaseRequestsModel::reload);
        // Whatever happened while the stream was away is in the list the server has now.
        connect(events, &client::EventStream::stateChanged, this,
                [this](client::EventStream::State state) {
                    if (state == client::EventStream::State::Connected)
                        reload();
                });
    }
}

void ReleaseRequestsModel::reload()
{
    if (!m_client)
        return;
    if (m_request.isRunning()) {
        // That answer may predate the change that asks again.
        m_fetchAgain = true;
        return;
    }
    m_request.getAs<protocol::ReleaseRequestList>(
        *m_client, listPath, {}, this,
        [this](Result<protocol::ReleaseRequestList, client::ClientError> answer) {
            if (std::exchange(m_fetchAgain, false)) {
                reload();
                return;
            }
            if (!answer) {
                m_error = answer.error();
                Q_EMIT loadFailed(answer.error());
                return;
            }
            m_error.reset();
            setRequests(std::move(answer.value().requests));
            Q_EMIT loaded();
        });
}

void ReleaseRequestsModel::onEvent(const protocol::StaffEvent &event)
{
    if (event.kind != "release_request"_L1)
        return;
    if (event.status == protocol::ReleaseRequest::Pending)
        reload();
    else
        removeRequest(event.requestId);
}

void ReleaseRequestsModel::decide(qint64 requestId, Decision decision, const QString &text)
{
    if (!m_client || m_deciding.contains(requestId))
        return;
    const bool approve = decision == Decision::Approve;
    QJsonObject body;
    if (approve && !text.trimmed().isEmpty())
        body.insert(u"note"_s, text.trimmed());
    else if (!approve)
        body.insert(u"reason"_s, text.trimmed());
    m_deciding.append(requestId);
    m_client->send(
        "POST",
        u"%1/%2/%3"_s.arg(listPath).arg(requestId).arg(approve ? u"approve"_s : u"reject"_s), body,
        this, [this, requestId, decision](Result<QJsonObject, client::ClientError> answer) {
            m_deciding.removeAll(requestId);
            if (!answer) {
                // Decided elsewhere, or its lock ended: the row has no future here.
                const QString code = answer.error().code;
                if (code == "S10"_L1 || code == "S09"_L1)
                    removeRequest(requestId);
                Q_EMIT decisionFailed(requestId, decision, answer.error());
                return;
            }
            removeRequest(requestId);
            Q_EMIT decided(requestId, decision);
        });
}

void ReleaseRequestsModel::setRequests(QList<protocol::ReleaseRequest> requests)
{
    std::stable_sort(requests.begin(), requests.end(),
                     [](const protocol::ReleaseRequest &a, const protocol::ReleaseRequest &b) {
                         return a.requestedAt > b.requestedAt
                             || (a.requestedAt == b.requestedAt && a.id > b.id);
                     });
    // Rows already shown keep their place and selection; new ones come in where they belong.
    for (int row = int(m_requests.size()) - 1; row >= 0; --row) {
        const qint64 id = m_requests.at(row).id;
        const bool kept = std::any_of(requests.cbegin(), requests.cend(),
                                      [id](const auto &request) { return request.id == id; });
        if (!kept) {
            beginRemoveRows({}, row, row);
            m_requests.removeAt(row);
            endRemoveRows();
        }
    }
    for (int row = 0; row < requests.size(); ++row) {
        const protocol::ReleaseRequest &request = requests.at(row);
        if (row < m_requests.size() && m_requests.at(row).id == request.id) {
            if (!(m_requests.at(row) == request)) {
                m_requests[row] = request;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        beginInsertRows({}, row, row);
        m_requests.insert(row, request);
        endInsertRows();
    }
}

void ReleaseRequestsModel::removeRequest(qint64 requestId)
{
    const int row = rowOf(requestId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_requests.removeAt(row);
    endRemoveRows();
}

std::optional<protocol::ReleaseRequest> ReleaseRequestsModel::requestAt(int row) const
{
    if (row < 0 || row >= m_requests.size())
        return std::nullopt;
    return m_requests.at(row);
}

int ReleaseRequestsModel::rowOf(qint64 requestId) const
{
    for (int row = 0; row < m_requests.size(); ++row) {
        if (m_requests.at(row).id == requestId)
            return row;
    }
    return -1;
}

void ReleaseRequestsModel::refreshTimes()
{
    if (!m_requests.isEmpty())
        Q_EMIT dataChanged(index(0, WaitingColumn), index(rowCount() - 1, WaitingColumn),
                           {Qt::DisplayRole});
}

int ReleaseRequestsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_requests.size());
}

int ReleaseRequestsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReleaseRequestsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const protocol::ReleaseRequest &request = m_requests.at(index.row());
    switch (role) {
    case RequestIdRole:
        return request.id;
    case CustomerIdRole:
        return request.customerId;
    case RequesterRole:
        return request.requestedBy;
    case Qt::ToolTipRole:
        if (index.column() == LockColumn && request.releaseAt.isValid())
            return tr("Would release by itself at %1 JST")
                .arg(formatTokyoDayTime(request.releaseAt, currentUiLanguage()));
        if (index.column() == ReasonColumn || index.column() == RequesterColumn
            || index.column() == ProofColumn)
            return data(index, Qt::DisplayRole);
        if (index.column() == WaitingColumn)
            return tr("Requested at %1 JST")
                .arg(formatTokyoDayTime(request.requestedAt, currentUiLanguage()));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case CustomerColumn:
        return request.customerName;
    case AccountColumn:
        return accountLabel(request.branchCode, request.accountType, request.accountNumber);
    case LockColumn:
        if (request.lockedAt.isValid())
            return tr("%1, %n failure(s)", "", request.failuresToday)
                .arg(lockKindLabel(request.kind));
        return tr("%1 (no longer locked)").arg(lockKindLabel(request.kind));
    case RequesterColumn:
        return request.requestedByName.isEmpty()
            ? request.requestedBy
            : u"%1 (%2)"_s.arg(request.requestedByName, request.requestedBy);
    case ProofColumn:
        return identityProofLabel(request.reasonKind, request.identityDocument);
    case ReasonColumn:
        return request.reason;
    case WaitingColumn: {
        const qint64 seconds =
            m_clock ? std::max<qint64>(0, request.requestedAt.secsTo(m_clock())) : 0;
        return formatDuration(seconds);
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ReleaseRequestsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case CustomerColumn:
        return tr("Customer");
    case AccountColumn:
        return tr("Account");
    case LockColumn:
        return tr("Lock");
    case RequesterColumn:
        return tr("Requested by");
    case ProofColumn:
        return tr("Identity confirmed");
    case ReasonColumn:
        return tr("Reason");
    case WaitingColumn:
        return tr("Waiting");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tc
