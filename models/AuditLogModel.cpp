#include "AuditLogModel.h"

#include "AuditCsvExport.h"
#include "AuditLabels.h"
#include "BackendClient.h"

using namespace Qt::StringLiterals;

namespace tc {

AuditLogModel::AuditLogModel(client::BackendClient *client, QObject *parent)
    : QAbstractTableModel(parent), m_client(client)
{ }

QUrlQuery AuditLogModel::queryOf(const Filters &filters)
{
    QUrlQuery query;
    if (!filters.username.isEmpty())
        query.addQueryItem(u"username"_s, filters.username);
    if (filters.customerId > 0)
        query.addQueryItem(u"customer"_s, QString::number(filters.customerId));
    if (!filters.action.isEmpty())
        query.addQueryItem(u"action"_s, filters.action);
    // Tokyo days, as the server reads them (`to` includes its day).
    if (filters.from.isValid())
        query.addQueryItem(u"from"_s, filters.from.toString(Qt::ISODate));
    if (filters.to.isValid())
        query.addQueryItem(u"to"_s, filters.to.toString(Qt::ISODate));
    return query;
}

void AuditLogModel::setFilters(const Filters &filters)
{
    if (filters == m_filters && m_firstPageLoaded)
        return;
    m_filters = filters;
    reload();
}

void AuditLogModel::setPageSize(int pageSize)
{
    m_pageSize = qBound(1, pageSize, 500);
}

void AuditLogModel::setMaxRows(int maxRows)
{
    m_maxRows = qMax(1, maxRows);
}

void AuditLogModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_nextCursor.clear();
    m_firstPageLoaded = false;
    m_error.reset();
    endResetModel();
    fetchPage();
    Q_EMIT loadingChanged(isLoading());
}

void AuditLogModel::refreshChainState()
{
    if (!m_client)
        return;
    m_chainRequest.getAs<protocol::AuditChainState>(
        *m_client, QString::fromLatin1(apiPath) + u"/chain"_s, {}, this,
        [this](Result<protocol::AuditChainState, client::ClientError> answer) {
            if (!answer) {
                m_chainState.reset();
                Q_EMIT chainStateFailed(answer.error());
                return;
            }
            m_chainState = answer.value();
            Q_EMIT chainStateChanged();
        });
}

AuditCsvExport *AuditLogModel::exportCsv(const QString &file)
{
    return new AuditCsvExport(m_client, m_filters, file, this);
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_firstPageLoaded && !m_nextCursor.isEmpty() && !isLoading()
        && m_rows.size() < m_maxRows;
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    fetchPage();
    if (isLoading())
        Q_EMIT loadingChanged(true);
}

void AuditLogModel::fetchPage()
{
    if (!m_client)
        return;
    QUrlQuery query = queryOf(m_filters);
    query.addQueryItem(u"limit"_s, QString::number(m_pageSize));
    if (m_firstPageLoaded)
        query.addQueryItem(u"cursor"_s, m_nextCursor);
    m_request.getAs<protocol::AuditPage>(
        *m_client, QString::fromLatin1(apiPath), query, this,
        [this](Result<protocol::AuditPage, client::ClientError> answer) {
            if (!answer) {
                m_error = answer.error();
                Q_EMIT loadingChanged(false);
                Q_EMIT loadFailed(answer.error());
                return;
            }
            m_error.reset();
            m_firstPageLoaded = true;
            m_nextCursor = answer.value().nextCursor;
            const QList<protocol::AuditRow> &rows = answer.value().rows;
            if (!rows.isEmpty()) {
                const int at = int(m_rows.size());
                beginInsertRows({}, at, at + int(rows.size()) - 1);
                m_rows.append(rows);
                endInsertRows();
            }
            if (!isLoading())
                Q_EMIT loadingChanged(false);
            Q_EMIT pageLoaded();
        });
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditLogModel::cellText(const protocol::AuditRow &row, int column)
{
    switch (column) {
    case TimeColumn:
        return formatTokyoSecondsWithDate(row.at);
    case StaffColumn:
        return row.username;
    case RoleColumn:
        return staffRoleLabel(row.role);
    case ActionColumn:
        return auditActionLabel(row.action);
    case TargetColumn:
        return row.target;
    case ReasonColumn:
        return row.reason;
    case ResultColumn:
        return auditResultLabel(row.result());
    case SourceColumn:
        return row.sourceAddress;
    default:
        return {};
    }
}

QString AuditLogModel::columnTitle(int column)
{
    switch (column) {
    case TimeColumn:
        return tr("Time (JST)");
    case StaffColumn:
        return tr("Staff");
    case RoleColumn:
        return tr("Role");
    case ActionColumn:
        return tr("Action");
    case TargetColumn:
        return tr("Target");
    case ReasonColumn:
        return tr("Reason");
    case ResultColumn:
        return tr("Result");
    case SourceColumn:
        return tr("Source address");
    default:
        return {};
    }
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const protocol::AuditRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return cellText(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ActionColumn)
            return row.action;
        if (index.column() == ReasonColumn && !row.reason.isEmpty())
            return row.reason;
        return {};
    case SeqRole:
        return row.seq;
    case ActionRole:
        return row.action;
    case ResultRole:
        return row.result();
    case RefusedRole:
        return !row.result().isEmpty() && row.result() != u"ok"_s;
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole)
        return columnTitle(section);
    if (role == Qt::ToolTipRole)
        return tr("Newest first, as the server pages the log");
    return {};
}

} // namespace tc
