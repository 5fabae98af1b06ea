#pragma once

#include "ClientError.h"
#include "LatestRequest.h"
#include "Protocol.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>

#include <memory>
#include <optional>
#include <vector>

namespace tc::client {
class BackendClient;
class EventStream;
} // namespace tc::client

namespace tc {

// A customer's attempts (GET /api/v1/staff/customers/{id}/attempts) as a tree: one top-level row
// per verification flow, newest first (by its latest step), its steps ①–⑥ as children in the
// order they happened. Pages of the server's cursor load through canFetchMore()/fetchMore(); a
// page's steps of a flow already shown join that flow. A live attempt event of the customer
// fetches the newest steps and inserts them (a new flow at the top, a step into its flow, which
// then moves to the top) with beginInsertRows/beginMoveRows, so selection and expansion stay.
class AttemptsModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn, // flow: first–last step (JST day and time); step: time JST with seconds
        StepColumn, // flow: the failed step (else the last one); step: its label
        OutcomeColumn, // flow: completed / failed / refused / cancelled / unfinished
        CodeColumn, // flow: the failed step's code
        MessageColumn, // the customer's text of the code
        AccountColumn,
        AppColumn,
        ColumnCount
    };
    enum Role {
        FlowIdRole = Qt::UserRole + 1, // QString, on flow and step rows
        AttemptIdRole, // qint64 on step rows, 0 on flow rows
        IsFlowRole, // bool
        FailedRole, // bool: a step that stopped the customer, or a flow that had one
        StepRole, // the wire step ("customer"; a flow: its failed or last step)
        OutcomeRole, // the wire outcome; a flow: "completed", "failure", "refused",
                     // "cancelled" or "unfinished"
        CodeRole, // QString
        AtRole, // QDateTime UTC (a flow: its latest step)
    };

    static constexpr int defaultPageSize = 50;

    // `events` may be null (no live updates).
    AttemptsModel(client::BackendClient *client, client::EventStream *events,
                  QObject *parent = nullptr);
    ~AttemptsModel() override;

    // Shows another customer's attempts (0: none): empties the model and loads the first page.
    void setCustomer(qint64 customerId);
    qint64 customerId() const { return m_customerId; }
    // Steps per page asked of the server (1–200).
    void setPageSize(int pageSize);
    // Fetches the steps newer than those shown (what a live event does).
    void refreshNewest();

    bool isLoading() const { return m_pageRequest.isRunning() || m_newestRequest.isRunning(); }
    const std::optional<client::ClientError> &error() const { return m_error; }
    // Whether every page has been loaded.
    bool isComplete() const { return m_firstPageLoaded && m_nextCursor.isEmpty(); }
    int flowCount() const { return int(m_flows.size()); }
    // The attempt behind a row: a step row's own, a flow row's last step (what the customer saw
    // last); nullopt for an invalid index.
    std::optional<protocol::Attempt> attemptAt(const QModelIndex &index) const;
    // The top-level row of a flow; invalid when it is not shown.
    QModelIndex indexOfFlow(const QString &flowId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    // A page (or the newest steps) arrived and was merged.
    void pageLoaded();
    void loadFailed(const tc::client::ClientError &error);

private:
    Q_DISABLE_COPY_MOVE(AttemptsModel)

    struct Flow
    {
        QString flowId;
        QList<protocol::Attempt> steps; // in the order they happened
    };

    void fetchPage();
    void fetchNewer(const QString &cursor, int pagesLeft);
    void mergeOlder(const QList<protocol::Attempt> &attempts);
    void mergeNewer(const QList<protocol::Attempt> &newestFirst);
    void insertStep(Flow &flow, const protocol::Attempt &attempt);
    void reindex();
    void fail(const client::ClientError &error);
    void announceLoading(bool wasLoading);
    Flow *flowOf(const QModelIndex &index) const;
    QVariant flowData(const Flow &flow, int column, int role) const;
    QVariant stepData(const protocol::Attempt &step, int column, int role) const;

    QPointer<client::BackendClient> m_client;
    LatestRequest m_pageRequest; // the next older page
    LatestRequest m_newestRequest; // the steps newer than those shown
    qint64 m_customerId = 0;
    int m_pageSize = defaultPageSize;
    std::vector<std::unique_ptr<Flow>> m_flows; // newest first
    QHash<const Flow *, int> m_rowOfFlow;
    QHash<QString, Flow *> m_flowById;
    QSet<qint64> m_attemptIds;
    QString m_nextCursor;
    bool m_firstPageLoaded = false;
    bool m_newestAgain = false; // a live event came while the newest steps were being fetched
    QList<protocol::Attempt> m_newer; // steps gathered across pages by fetchNewer
    std::optional<client::ClientError> m_error;
};

} // namespace tc
