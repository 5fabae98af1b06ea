#pragma once

#include "ClientError.h"
#include "LatestRequest.h"
#include "Protocol.h"
#include "SearchQuery.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include <optional>

namespace tc::client {
class BackendClient;
}

namespace tc {

// The customers a search finds (GET /api/v1/staff/customers), one row per account of each
// customer (a customer without an account in the caller's scope gets one row of its own). Birth
// date and phone are shown as the server sends them: masked for support staff. A new search
// aborts the one still running; its answer is never shown. The widget debounces typing.
class CustomerSearchModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        BranchColumn,
        AccountTypeColumn,
        AccountNumberColumn,
        BirthDateColumn,
        PhoneColumn,
        ColumnCount
    };
    enum Role {
        CustomerIdRole = Qt::UserRole + 1, // qint64
        AccountIdRole, // qint64, 0 on a row without an account
        MaskedRole, // bool: birth date and phone partly hidden
        AccountStatusRole, // "active", "closed", "moved"
    };

    explicit CustomerSearchModel(client::BackendClient *client, QObject *parent = nullptr);

    // Runs the search (a query that is not searchable clears the rows and runs nothing).
    void search(const SearchQuery &query);
    // Empties the rows and abandons a running search.
    void clear();

    const SearchQuery &query() const { return m_query; }
    bool isLoading() const { return m_request.isRunning(); }
    // The last search's failure; reset when a search starts.
    const std::optional<client::ClientError> &error() const { return m_error; }
    // More than the server's 50 customers matched: the teller should narrow the search.
    bool isTruncated() const { return m_truncated; }
    const QList<protocol::Customer> &customers() const { return m_customers; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    // A search answered: the rows are its customers (possibly none).
    void searchFinished();
    void searchFailed(const tc::client::ClientError &error);

private:
    Q_DISABLE_COPY_MOVE(CustomerSearchModel)

    struct Row
    {
        qsizetype customer = 0;
        qsizetype account = -1; // -1: the customer has no account to show
    };

    void setRows(QList<protocol::Customer> customers, bool truncated);

    QPointer<client::BackendClient> m_client;
    LatestRequest m_request;
    SearchQuery m_query;
    QList<protocol::Customer> m_customers;
    QList<Row> m_rows;
    bool m_truncated = false;
    std::optional<client::ClientError> m_error;
};

} // namespace tc
