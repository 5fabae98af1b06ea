#pragma once

#include "ClientError.h"
#include "LatestRequest.h"
#include "Protocol.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>
#include <QPointer>
#include <QUrlQuery>

#include <optional>

namespace tc::client {
class BackendClient;
}

namespace tc {

class AuditCsvExport;

// The institution's audit log for supervisors (GET /api/v1/staff/audit), newest first as the
// server pages it (by time, then chain order); older rows page in through
// canFetchMore()/fetchMore(). The filters are the server's: every change reloads from the
// first page. The chain's state (GET /api/v1/staff/audit/chain) comes with it.
class AuditLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn, // JST, date and seconds
        StaffColumn,
        RoleColumn,
        ActionColumn, // in words
        TargetColumn,
        ReasonColumn,
        ResultColumn, // details.result
        SourceColumn,
        ColumnCount
    };
    enum Role {
        SeqRole = Qt::UserRole + 1, // qint64
        ActionRole, // wire action
        ResultRole, // "ok" or a catalog code
        RefusedRole, // bool
    };

    struct Filters
    {
        QString username; // empty: every staff user
        qint64 customerId = 0; // 0: every customer
        QString action; // one of protocol::AuditRow::actions(), empty: every action
        QDate from; // a Tokyo day, inclusive; invalid: no lower bound
        QDate to; // a Tokyo day, inclusive; invalid: up to now
        friend bool operator==(const Filters &, const Filters &) = default;
    };

    static constexpr int defaultPageSize = 100;
    // The rows a view holds at most: past them the view asks for narrower filters (the CSV
    // export takes every row, however many), so that scrolling a million rows cannot fill the
    // memory of a desk PC.
    static constexpr int defaultMaxRows = 20'000;
    static constexpr const char *apiPath = "/api/v1/staff/audit";

    explicit AuditLogModel(client::BackendClient *client, QObject *parent = nullptr);

    // The query of the filters as the server takes them (the CSV export asks the same).
    static QUrlQuery queryOf(const Filters &filters);

    void setFilters(const Filters &filters); // reloads when they change
    const Filters &filters() const { return m_filters; }
    void setPageSize(int pageSize); // 1–500
    void setMaxRows(int maxRows);
    void reload();
    // Asks for the chain's state again (chainStateChanged or chainStateFailed follow).
    void refreshChainState();
    // An export of every row under the current filters to `path` (not started; a child of
    // the model).
    AuditCsvExport *exportCsv(const QString &path);

    bool isLoading() const { return m_request.isRunning(); }
    bool isComplete() const { return m_firstPageLoaded && m_nextCursor.isEmpty(); }
    // More rows match than the view holds (maxRows).
    bool isTruncated() const
    {
        return m_firstPageLoaded && !m_nextCursor.isEmpty() && m_rows.size() >= m_maxRows;
    }
    const std::optional<client::ClientError> &error() const { return m_error; }
    const std::optional<protocol::AuditChainState> &chainState() const { return m_chainState; }
    const protocol::AuditRow &rowAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // One row's cells as the columns show them (the CSV export writes the same words).
    static QString cellText(const protocol::AuditRow &row, int column);
    static QString columnTitle(int column);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void pageLoaded();
    void loadFailed(const tc::client::ClientError &error);
    void chainStateChanged();
    void chainStateFailed(const tc::client::ClientError &error);

private:
    Q_DISABLE_COPY_MOVE(AuditLogModel)

    void fetchPage();

    QPointer<client::BackendClient> m_client;
    LatestRequest m_request;
    LatestRequest m_chainRequest;
    Filters m_filters;
    int m_pageSize = defaultPageSize;
    int m_maxRows = defaultMaxRows;
    QList<protocol::AuditRow> m_rows;
    QString m_nextCursor;
    bool m_firstPageLoaded = false;
    std::optional<client::ClientError> m_error;
    std::optional<protocol::AuditChainState> m_chainState;
};

} // namespace tc
