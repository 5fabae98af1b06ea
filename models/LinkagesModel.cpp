#include "LinkagesModel.h"

#include "AttemptLabels.h"
#include "BackendClient.h"
#include "EventStream.h"
#include "TokyoFormat.h"

using namespace Qt::StringLiterals;

namespace tc {

LinkagesModel::LinkagesModel(client::BackendClient *client, client::EventStream *events,
                             QObject *parent)
    : QAbstractTableModel(parent), m_client(client)
{
    if (events) {
        connect(events, &client::EventStream::eventReceived, this,
                [this](const protocol::StaffEvent &event) {
                    // A suspension names no customer: any may have a linkage to the app.
                    if ((event.kind == "revocation"_L1 && event.customerId == m_customerId)
                        || event.kind == "suspension"_L1)
                        reload();
                });
        connect(events, &client::EventStream::resetRequired, this, &LinkagesModel::reload);
    }
}

void LinkagesModel::load(qint64 customerId)
{
    m_request.abort();
    m_fetchAgain = false;
    m_customerId = customerId;
    m_error.reset();
    setLinkages({});
    fetch();
}

void LinkagesModel::reload()
{
    if (m_customerId == 0)
        return;
    if (m_request.isRunning()) {
        m_fetchAgain = true;
        return;
    }
    fetch();
}

void LinkagesModel::fetch()
{
    if (m_customerId == 0 || !m_client)
        return;
    const bool wasLoading = isLoading();
    m_request.getAs<protocol::LinkageList>(
        *m_client, u"/api/v1/staff/customers/%1/linkages"_s.arg(m_customerId), {}, this,
        [this](Result<protocol::LinkageList, client::ClientError> answer) {
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
            setLinkages(std::move(answer.value().linkages));
            if (!isLoading())
                Q_EMIT loadingChanged(false);
            Q_EMIT loaded();
        });
    if (!wasLoading && isLoading())
        Q_EMIT loadingChanged(true);
}

void LinkagesModel::setLinkages(QList<protocol::Linkage> linkages)
{
    // Rows keep their place when the same linkages come back (a reload after a revocation):
    // only changed cells are announced, so the selection stays.
    bool sameRows = linkages.size() == m_linkages.size();
    for (qsizetype i = 0; sameRows && i < linkages.size(); ++i)
        sameRows = linkages.at(i).id == m_linkages.at(i).id;
    if (sameRows) {
        for (qsizetype i = 0; i < linkages.size(); ++i) {
            if (linkages.at(i) == m_linkages.at(i))
                continue;
            m_linkages[i] = linkages.at(i);
            Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        }
        return;
    }
    beginResetModel();
    m_linkages = std::move(linkages);
    endResetModel();
}

int LinkagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_linkages.size());
}

int LinkagesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LinkagesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const protocol::Linkage &linkage = m_linkages.at(index.row());
    const UiLanguage language = currentUiLanguage();
    const auto when = [language](const QDateTime &at) {
        return at.isValid() ? formatTokyoFullDayTime(at, language) : QString();
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AppColumn:
            return linkage.clientApp;
        case AccountColumn:
            return accountLabel(linkage.account);
        case GrantedColumn:
            return when(linkage.grantedAt);
        case ExpiresColumn:
            return when(linkage.expiresAt);
        case LastUsedColumn:
            return linkage.lastUsedAt.isValid() ? when(linkage.lastUsedAt) : tr("Never");
        case StateColumn:
            return linkageStateLabel(linkage.state);
        case RevokedColumn:
            if (!linkage.revokedAt.isValid())
                return QString();
            return tr("%1 by %2: %3")
                .arg(when(linkage.revokedAt), linkage.revokedBy, linkage.revokeReason);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == RevokedColumn && linkage.revokedAt.isValid())
            return linkage.revokeReason;
        return {};
    case LinkageIdRole:
        return linkage.id;
    case StateRole:
        return linkage.state;
    case ActiveRole:
        return linkage.state == "active"_L1;
    case AccountIdRole:
        return linkage.accountId;
    default:
        return {};
    }
}

QVariant LinkagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AppColumn:
        return tr("App");
    case AccountColumn:
        return tr("Account");
    case GrantedColumn:
        return tr("Granted (JST)");
    case ExpiresColumn:
        return tr("Expires (JST)");
    case LastUsedColumn:
        return tr("Last used (JST)");
    case StateColumn:
        return tr("State");
    case RevokedColumn:
        return tr("Revoked");
    default:
        return {};
    }
}

} // namespace tc
