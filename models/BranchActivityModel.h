#pragma once

#include "ClientError.h"
#include "LatestRequest.h"
#include "Protocol.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <optional>

class QUrlQuery;

namespace tc::client {
class BackendClient;
class EventStream;
} // namespace tc::client

namespace tc {

// The attempts of a branch (GET /api/v1/staff/attempts), newest first, one row per step call:
// by default today's (from 00:00 Tokyo). Filters are the server's: every change reloads. Older
// rows page in through canFetchMore()/fetchMore(). Live attempt events that match the filters are
// inserted at the top with beginInsertRows (built from the event: no request per event, the
// selection and scroll position stay); such rows have no attempt or flow id until the next
// reload. Both kinds of row name the customer as registered (`customer_name`) on every step.
//
// A branch-day may be a million rows: the rows seen so far are counted (the scroll bar spans
// them), but only about maxHeldRows() of them are held, a window of pages; the pages least
// recently shown are dropped and fetched again with the cursor that fetched them first when a
// view shows them again (docs/decisions.md, "Branch activity: a window of pages"). A row of a
// dropped page reads as a placeholder until its page is back. Once pages have been dropped the
// model is windowed(): sorting every row seen is no longer possible on the console.
class BranchActivityModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn, // JST, with seconds
        CustomerColumn, // name kana
        AccountColumn,
        StepColumn,
        OutcomeColumn,
        CodeColumn,
        AppColumn,
        ColumnCount
    };
    enum Role {
        CustomerIdRole = Qt::UserRole + 1, // qint64, 0 when unknown
        AttemptIdRole, // qint64, 0 on a live row
        BranchCodeRole,
        StepRole, // wire step
        OutcomeRole, // wire outcome
        CodeRole,
        FailedRole, // bool
        AtRole, // QDateTime UTC
        LiveRole, // bool: inserted from the event stream
    };

    struct Filters
    {
        QString branchCode; // empty: every branch the caller may see
        QDateTime from; // inclusive; invalid: no lower bound
        QDateTime to; // exclusive; invalid: open (live rows keep coming)
        QString code; // a catalog code, empty for any
        QString outcome; // "success", "failure", "refused", "cancelled", empty for any
        friend bool operator==(const Filters &, const Filters &) = default;
    };

    static constexpr int defaultPageSize = 100;
    static constexpr int defaultMaxHeldRows = 5000;

    // `events` may be null (no live rows).
    BranchActivityModel(client::BackendClient *client, client::EventStream *events,
                        QObject *parent = nullptr);

    // Today from 00:00 Tokyo at `now`, open-ended, the branch given.
    static Filters today(const QDateTime &now, const QString &branchCode);

    // Each reloads from the server when it changes something.
    void setFilters(const Filters &filters);
    void setBranchCode(const QString &branchCode);
    void setPeriod(const QDateTime &from, const QDateTime &to);
    void setCode(const QString &code);
    void setOutcome(const QString &outcome);
    const Filters &filters() const { return m_filters; }
    void setPageSize(int pageSize); // 1–200
    // Rows held at most (at least two pages are kept: the newest and the one last shown).
    void setMaxHeldRows(int rows);
    int maxHeldRows() const { return m_maxHeldRows; }
    int heldRows() const { return m_heldRows; }
    // Whether pages have been dropped since the last reload.
    bool isWindowed() const { return m_windowed; }
    // Loads the first page again (the stream's reset does this).
    void reload();

    // Whether a live event belongs in the rows under the current filters.
    bool matches(const protocol::StaffEvent &event) const;
    bool isLoading() const { return m_request.isRunning(); }
    bool isComplete() const { return m_firstPageLoaded && m_nextCursor.isEmpty(); }
    const std::optional<client::ClientError> &error() const { return m_error; }
    // The row's attempt, or null while its page is dropped (asking fetches it again).
    const protocol::Attempt *attemptAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void pageLoaded();
    void loadFailed(const tc::client::ClientError &error);
    void windowedChanged(bool windowed);

private:
    Q_DISABLE_COPY_MOVE(BranchActivityModel)

    // Rows as the server paged them: each page keeps the cursor that fetched it, so that it can
    // be fetched again once dropped (pages follow (time, id): new attempts never shift them).
    struct Page
    {
        QString cursor; // empty for the first page
        int firstRow = 0; // among the paged rows (the live rows above not counted)
        int rowCount = 0;
        QList<protocol::Attempt> attempts; // empty while dropped
        bool held = false;
        mutable quint64 lastShown = 0;
    };

    void fetchPage();
    void onEvent(const protocol::StaffEvent &event);
    void insertLive(const protocol::StaffEvent &event);
    QUrlQuery pageQuery(const QString &cursor, int limit) const;
    int pageOfRow(int pagedRow) const;
    void want(int page) const;
    void fetchWanted();
    void hold(int page, QList<protocol::Attempt> attempts);
    void dropLeastRecentlyShown(int keep);

    QPointer<client::BackendClient> m_client;
    LatestRequest m_request;
    Filters m_filters;
    int m_pageSize = defaultPageSize;
    // Live rows, newest first, above the pages.
    QList<protocol::Attempt> m_live;
    QList<Page> m_pages;
    int m_pagedRows = 0;
    int m_heldRows = 0;
    int m_maxHeldRows = defaultMaxHeldRows;
    bool m_windowed = false;
    mutable quint64 m_shownTick = 0;
    quint64 m_lastArrivalTick = 0; // m_shownTick when a page last arrived
    // Dropped pages a view asked for, the latest last (a few: the rows on the screen).
    mutable QList<int> m_wanted;
    mutable QTimer m_fetchWantedSoon;
    LatestRequest m_refetch;
    QString m_nextCursor;
    bool m_firstPageLoaded = false;
    // Events that came while the first page was on its way: inserted after it unless it had them.
    QList<protocol::StaffEvent> m_early;
    std::optional<client::ClientError> m_error;
};

} // namespace tc
