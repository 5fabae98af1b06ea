#include "AppsModel.h"

#include "BackendClient.h"
#include "EventStream.h"
#include "TokyoFormat.h"
#include "UiLanguage.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace tc {

AppsModel::AppsModel(client::BackendClient *client, client::EventStream *events, QObject *parent)
    : QAbstractTableModel(parent), m_client(client)
{
    if (events) {
        connect(events, &client::EventStream::eventReceived, this,
                [this](const protocol::StaffEvent &event) {
                    if (event.kind == "suspension"_L1)
                        applySuspension(event);
                });
        connect(events, &client::EventStream::resetRequired, this, &AppsModel::reload);
    }
}

void AppsModel::reload()
{
    if (!m_client)
        return;
    m_request.getAs<protocol::StaffAppList>(
        *m_client, u"/api/v1/staff/apps"_s, {}, this,
        [this](Result<protocol::StaffAppList, client::ClientError> answer) {
            if (!answer) {
                Q_EMIT loadFailed(answer.error());
                return;
            }
            setApps(std::move(answer.value().apps));
            Q_EMIT loaded();
        });
}

void AppsModel::setSuspended(const QString &clientId, bool suspended, const QString &reason)
{
    if (!m_client)
        return;
    const QString path = u"/api/v1/staff/apps/%1/suspension"_s.arg(
        QString::fromLatin1(QUrl::toPercentEncoding(clientId)));
    m_client->send(suspended ? "POST" : "DELETE", path,
                   protocol::StaffChange {.reason = reason}.toJson(), this,
                   [this, clientId](Result<QJsonObject, client::ClientError> answer) {
                       if (!answer) {
                           Q_EMIT suspensionFailed(clientId, answer.error());
                           return;
                       }
                       const Result<protocol::AppSuspension> done =
                           protocol::AppSuspension::fromJson(answer.value());
                       if (!done) {
                           Q_EMIT suspensionFailed(
                               clientId,
                               client::ClientError {.kind = client::ClientError::Kind::Decode,
                                                    .detail = done.error().message});
                           return;
                       }
                       // The event brings who and why; the list is the whole truth.
                       reload();
                       Q_EMIT suspensionChanged(done->clientId, done->suspended);
                   });
}

std::optional<protocol::StaffApp> AppsModel::app(const QString &clientId) const
{
    const int row = rowOf(clientId);
    if (row < 0)
        return std::nullopt;
    return m_apps.at(row);
}

int AppsModel::rowOf(const QString &clientId) const
{
    for (qsizetype i = 0; i < m_apps.size(); ++i) {
        if (m_apps.at(i).clientId == clientId)
            return int(i);
    }
    return -1;
}

void AppsModel::setApps(QList<protocol::StaffApp> apps)
{
    // The same apps in the same order: only changed cells are announced, so the selection stays.
    bool sameRows = apps.size() == m_apps.size();
    for (qsizetype i = 0; sameRows && i < apps.size(); ++i)
        sameRows = apps.at(i).clientId == m_apps.at(i).clientId;
    if (sameRows) {
        for (qsizetype i = 0; i < apps.size(); ++i) {
            if (apps.at(i) == m_apps.at(i))
                continue;
            m_apps[i] = apps.at(i);
            Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        }
        return;
    }
    beginResetModel();
    m_apps = std::move(apps);
    endResetModel();
}

void AppsModel::applySuspension(const protocol::StaffEvent &event)
{
    const int row = rowOf(event.clientId);
    // A list on its way may predate this change: ask again (the running call is abandoned).
    // An app this list has not seen yet comes with the new list.
    if (row < 0 || isLoading())
        reload();
    if (row < 0)
        return;
    protocol::StaffApp &app = m_apps[row];
    app.suspended = event.suspended;
    app.suspendedAt = event.suspended ? event.at : QDateTime();
    app.suspendedBy = event.suspended ? event.staff : QString();
    app.suspendReason = event.suspended ? event.reason : QString();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT suspensionChanged(app.clientId, app.suspended);
}

int AppsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_apps.size());
}

int AppsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AppsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const protocol::StaffApp &app = m_apps.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AppColumn:
            return app.name;
        case StateColumn:
            return app.suspended ? tr("Suspended") : tr("Active");
        case LiveLinkagesColumn:
            return QLocale().toString(app.liveLinkages);
        case SuspendedAtColumn:
            return app.suspendedAt.isValid()
                ? formatTokyoFullDayTime(app.suspendedAt, currentUiLanguage())
                : QString();
        case SuspendedByColumn:
            return app.suspendedBy;
        case ReasonColumn:
            return app.suspendReason;
        case ClientIdColumn:
            return app.clientId;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == AppColumn && !app.provider.isEmpty())
            return tr("Provided by %1").arg(app.provider);
        if (index.column() == ReasonColumn && !app.suspendReason.isEmpty())
            return app.suspendReason;
        if (index.column() == StateColumn && app.suspended)
            return tr("Every linkage of this app is refused (F04) until it is resumed.");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == LiveLinkagesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ClientIdRole:
        return app.clientId;
    case SuspendedRole:
        return app.suspended;
    default:
        return {};
    }
}

QVariant AppsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AppColumn:
        return tr("App");
    case StateColumn:
        return tr("State");
    case LiveLinkagesColumn:
        return tr("Live linkages");
    case SuspendedAtColumn:
        return tr("Suspended (JST)");
    case SuspendedByColumn:
        return tr("Suspended by");
    case ReasonColumn:
        return tr("Reason");
    case ClientIdColumn:
        return tr("Client ID");
    default:
        return {};
    }
}

} // namespace tc
