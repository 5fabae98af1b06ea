#include "LinkagesModel.h"

#include "AttemptLabels.h"
#include "BackendClient.h"
#include "EventStream.h"
#include "TokyoFormat.h"

using namespace Qt::StringLiterals;

namespace tc {

LinkagesModel::LinkagesModel(client::BackendClient *client, client::EventStream *events,
                             QObject *parent)
    : QAbstractTableModel(parent),
      m_part(
          client, this,
          {.path =
               [](qint64 customerId) {
                   return u"/api/v1/staff/customers/%1/linkages"_s.arg(customerId);
               },
           .arrived = [this](protocol::LinkageList list) { setLinkages(std::move(list.linkages)); },
           .announce = [this] { Q_EMIT loaded(); },
           .loadingChanged = [this](bool loading) { Q_EMIT loadingChanged(loading); },
           .failed = [this](const client::ClientError &error) { Q_EMIT loadFailed(error); }})
{
    if (events) {
        connect(events, &client::EventStream::eventReceived, this,
                [this](const protocol::StaffEvent &event) {
                    // A suspension names no customer: any may have a linkage to the app.
                    if ((event.kind == "revocation"_L1 && event.customerId == customerId())
                        || event.kind == "suspension"_L1)
                        reload();
                });
        connect(events, &client::EventStream::resetRequired, this, &LinkagesModel::reload);
    }
}

void LinkagesModel::load(qint64 customerId)
{
    m_part.switchTo(customerId);
    setLinkages({});
    m_part.fetch();
}

void LinkagesModel::reload()
{
    m_part.reload();
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
