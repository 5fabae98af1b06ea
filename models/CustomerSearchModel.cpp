#include "CustomerSearchModel.h"

#include "AttemptLabels.h"
#include "BackendClient.h"

using namespace Qt::StringLiterals;

namespace tc {

CustomerSearchModel::CustomerSearchModel(client::BackendClient *client, QObject *parent)
    : QAbstractTableModel(parent), m_client(client)
{ }

void CustomerSearchModel::search(const SearchQuery &query)
{
    const bool wasLoading = isLoading();
    m_request.abort();
    m_query = query;
    m_error.reset();
    if (!query.isSearchable() || !m_client) {
        setRows({}, false);
        if (wasLoading)
            Q_EMIT loadingChanged(false);
        return;
    }
    m_request.getAs<protocol::CustomerSearchResult>(
        *m_client, u"/api/v1/staff/customers"_s, query.urlQuery(), this,
        [this](Result<protocol::CustomerSearchResult, client::ClientError> answer) {
            if (!answer) {
                m_error = answer.error();
                setRows({}, false);
                Q_EMIT loadingChanged(false);
                Q_EMIT searchFailed(answer.error());
                return;
            }
            setRows(std::move(answer.value().customers), answer.value().truncated);
            Q_EMIT loadingChanged(false);
            Q_EMIT searchFinished();
        });
    if (isLoading() && !wasLoading)
        Q_EMIT loadingChanged(true);
}

void CustomerSearchModel::clear()
{
    search({});
}

void CustomerSearchModel::setRows(QList<protocol::Customer> customers, bool truncated)
{
    beginResetModel();
    m_customers = std::move(customers);
    m_truncated = truncated;
    m_rows.clear();
    for (qsizetype c = 0; c < m_customers.size(); ++c) {
        const qsizetype accounts = m_customers.at(c).accounts.size();
        if (accounts == 0)
            m_rows.append({c, -1});
        for (qsizetype a = 0; a < accounts; ++a)
            m_rows.append({c, a});
    }
    endResetModel();
}

int CustomerSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CustomerSearchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const protocol::Customer &customer = m_customers.at(row.customer);
    const protocol::Account *account =
        row.account >= 0 ? &customer.accounts.at(row.account) : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return customer.nameKana;
        case BranchColumn:
            if (!account)
                return QString();
            return account->branchName.isEmpty() ? account->branchCode
                                                 : account->branchCode % u' ' % account->branchName;
        case AccountTypeColumn:
            return account ? accountTypeLabel(account->accountType) : QString();
        case AccountNumberColumn:
            return account ? account->accountNumber : QString();
        case BirthDateColumn:
            return customer.birthDate;
        case PhoneColumn:
            return customer.phone;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (account && account->status != "active"_L1)
            return account->status == "closed"_L1 ? tr("This account is closed.")
                                                  : tr("This account moved to another branch.");
        if (account && !account->cashCardIssued)
            return tr("No cash card issued: this account cannot be linked to an app.");
        return {};
    case CustomerIdRole:
        return customer.id;
    case AccountIdRole:
        return account ? account->id : qint64(0);
    case MaskedRole:
        return customer.masked;
    case AccountStatusRole:
        return account ? account->status : QString();
    default:
        return {};
    }
}

QVariant CustomerSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name (kana)");
    case BranchColumn:
        return tr("Branch");
    case AccountTypeColumn:
        return tr("Type");
    case AccountNumberColumn:
        return tr("Account number");
    case BirthDateColumn:
        return tr("Birth date");
    case PhoneColumn:
        return tr("Phone");
    default:
        return {};
    }
}

} // namespace tc
