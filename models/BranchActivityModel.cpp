#include "BranchActivityModel.h"

#include "AttemptLabels.h"
#include "BackendClient.h"
#include "ErrorCatalog.h"
#include "EventStream.h"
#include "TokyoTime.h"

#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

QString isoUtc(const QDateTime &instant)
{
    return instant.toUTC().toString(Qt::ISODateWithMs);
}

// A live row as the server would list it: the label of the account in the server's form, and
// the customer's text of the code from the same catalog the server answers with.
protocol::Attempt attemptOf(const protocol::StaffEvent &event)
{
    protocol::Attempt attempt {.at = event.at,
                               .accountId = event.accountId,
                               .customerId = event.customerId,
                               .branchCode = event.branchCode,
                               .step = event.step,
                               .outcome = event.outcome,
                               .code = event.code,
                               .customerName = event.customerName,
                               .clientApp = event.clientName};
    if (!event.accountNumber.isEmpty())
        attempt.account = event.branchCode % u' ' % event.accountType % u' ' % event.accountNumber;
    if (const CatalogEntry *entry = ErrorCatalog::builtIn().find(event.code))
        attempt.message = entry->customerMessage;
    return attempt;
}

} // namespace

BranchActivityModel::BranchActivityModel(client::BackendClient *client, client::EventStream *events,
                                         QObject *parent)
    : QAbstractTableModel(parent), m_client(client)
{
    m_fetchWantedSoon.setSingleShot(true);
    m_fetchWantedSoon.setInterval(0);
    connect(&m_fetchWantedSoon, &QTimer::timeout, this, &BranchActivityModel::fetchWanted);
    if (events) {
        connect(events, &client::EventStream::eventReceived, this, &BranchActivityModel::onEvent);
        connect(events, &client::EventStream::resetRequired, this, &BranchActivityModel::reload);
    }
}

BranchActivityModel::Filters BranchActivityModel::today(const QDateTime &now,
                                                        const QString &branchCode)
{
    return {.branchCode = branchCode, .from = tokyoDateTime(tokyoDate(now), QTime(0, 0)).toUTC()};
}

void BranchActivityModel::setFilters(const Filters &filters)
{
    Filters normalized = filters;
    normalized.code = filters.code.trimmed().toUpper();
    if (normalized == m_filters && m_firstPageLoaded)
        return;
    m_filters = normalized;
    reload();
}

void BranchActivityModel::setBranchCode(const QString &branchCode)
{
    Filters filters = m_filters;
    filters.branchCode = branchCode;
    setFilters(filters);
}

void BranchActivityModel::setPeriod(const QDateTime &from, const QDateTime &to)
{
    Filters filters = m_filters;
    filters.from = from;
    filters.to = to;
    setFilters(filters);
}

void BranchActivityModel::setCode(const QString &code)
{
    Filters filters = m_filters;
    filters.code = code;
    setFilters(filters);
}

void BranchActivityModel::setOutcome(const QString &outcome)
{
    Filters filters = m_filters;
    filters.outcome = outcome;
    setFilters(filters);
}

void BranchActivityModel::setPageSize(int pageSize)
{
    m_pageSize = std::clamp(pageSize, 1, 200);
}

void BranchActivityModel::setMaxHeldRows(int rows)
{
    m_maxHeldRows = std::max(1, rows);
    dropLeastRecentlyShown(-1);
}

void BranchActivityModel::reload()
{
    const bool wasLoading = isLoading();
    m_request.abort();
    m_refetch.abort();
    m_wanted.clear();
    const bool wasWindowed = std::exchange(m_windowed, false);
    beginResetModel();
    m_live.clear();
    m_pages.clear();
    m_pagedRows = 0;
    m_heldRows = 0;
    m_lastArrivalTick = m_shownTick;
    m_nextCursor.clear();
    m_firstPageLoaded = false;
    m_early.clear();
    m_error.reset();
    endResetModel();
    if (wasWindowed)
        Q_EMIT windowedChanged(false);
    fetchPage();
    if (wasLoading != isLoading())
        Q_EMIT loadingChanged(isLoading());
}

bool BranchActivityModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_firstPageLoaded && !m_nextCursor.isEmpty() && !isLoading();
}

void BranchActivityModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    fetchPage();
    if (isLoading())
        Q_EMIT loadingChanged(true);
}

QUrlQuery BranchActivityModel::pageQuery(const QString &cursor, int limit) const
{
    QUrlQuery query;
    if (!m_filters.branchCode.isEmpty())
        query.addQueryItem(u"branch_code"_s, m_filters.branchCode);
    if (m_filters.from.isValid())
        query.addQueryItem(u"from"_s, isoUtc(m_filters.from));
    if (m_filters.to.isValid())
        query.addQueryItem(u"to"_s, isoUtc(m_filters.to));
    if (!m_filters.code.isEmpty())
        query.addQueryItem(u"code"_s, m_filters.code);
    if (!m_filters.outcome.isEmpty())
        query.addQueryItem(u"outcome"_s, m_filters.outcome);
    query.addQueryItem(u"limit"_s, QString::number(limit));
    if (!cursor.isEmpty())
        query.addQueryItem(u"cursor"_s, cursor);
    return query;
}

void BranchActivityModel::fetchPage()
{
    if (!m_client)
        return;
    const QString cursor = m_firstPageLoaded ? m_nextCursor : QString();
    m_request.getAs<protocol::AttemptsPage>(
        *m_client, u"/api/v1/staff/attempts"_s, pageQuery(cursor, m_pageSize), this,
        [this, cursor](Result<protocol::AttemptsPage, client::ClientError> answer) {
            if (!answer) {
                m_error = answer.error();
                m_early.clear();
                Q_EMIT loadingChanged(false);
                Q_EMIT loadFailed(answer.error());
                return;
            }
            m_error.reset();
            const bool first = !m_firstPageLoaded;
            m_firstPageLoaded = true;
            m_nextCursor = answer.value().nextCursor;
            QList<protocol::Attempt> &attempts = answer.value().attempts;
            const QDateTime newest = attempts.isEmpty() ? QDateTime() : attempts.constFirst().at;
            if (!attempts.isEmpty()) {
                const int at = rowCount();
                const int count = int(attempts.size());
                beginInsertRows({}, at, at + count - 1);
                m_pages.append({.cursor = cursor, .firstRow = m_pagedRows, .rowCount = count});
                m_pagedRows += count;
                hold(int(m_pages.size()) - 1, std::move(attempts));
                endInsertRows();
                dropLeastRecentlyShown(int(m_pages.size()) - 1);
            }
            if (first) {
                // The page answered after these events happened or before: those newer than
                // its newest row were not in it.
                for (const protocol::StaffEvent &event : std::exchange(m_early, {})) {
                    if (!newest.isValid() || event.at > newest)
                        insertLive(event);
                }
            }
            if (!isLoading()) // a view may have asked for the next page meanwhile
                Q_EMIT loadingChanged(false);
            Q_EMIT pageLoaded();
        });
}

int BranchActivityModel::pageOfRow(int pagedRow) const
{
    const auto after =
        std::upper_bound(m_pages.cbegin(), m_pages.cend(), pagedRow,
                         [](int row, const Page &page) { return row < page.firstRow; });
    return int(after - m_pages.cbegin()) - 1;
}

void BranchActivityModel::hold(int page, QList<protocol::Attempt> attempts)
{
    Page &held = m_pages[page];
    // Exactly the rows counted: a page fetched again could differ by an attempt committed late
    // (blank rows where it came shorter).
    attempts.resize(held.rowCount);
    held.attempts = std::move(attempts);
    held.held = true;
    held.lastShown = ++m_shownTick;
    m_heldRows += held.rowCount;
}

void BranchActivityModel::dropLeastRecentlyShown(int keep)
{
    // The first page stays: fetched again without a cursor it would bring rows shown live.
    const qsizetype minimumHeld = std::min<qsizetype>(2, m_pages.size());
    qsizetype heldPages =
        std::count_if(m_pages.cbegin(), m_pages.cend(), [](const Page &page) { return page.held; });
    // Pages read since the previous page arrived are on the screen: a window smaller than the
    // screen grows past its size rather than fetching the same pages again without end.
    const quint64 onScreenAfter = std::exchange(m_lastArrivalTick, m_shownTick);
    bool dropped = false;
    while (m_heldRows > m_maxHeldRows && heldPages > minimumHeld) {
        int oldest = -1;
        for (int page = 1; page < m_pages.size(); ++page) {
            const Page &candidate = m_pages.at(page);
            if (candidate.held && page != keep && candidate.lastShown <= onScreenAfter
                && (oldest < 0 || candidate.lastShown < m_pages.at(oldest).lastShown))
                oldest = page;
        }
        if (oldest < 0)
            break;
        Page &drop = m_pages[oldest];
        drop.attempts = {};
        drop.held = false;
        m_heldRows -= drop.rowCount;
        --heldPages;
        dropped = true;
    }
    if (dropped && !m_windowed) {
        m_windowed = true;
        Q_EMIT windowedChanged(true);
    }
}

void BranchActivityModel::want(int page) const
{
    m_wanted.removeOne(page);
    m_wanted.append(page);
    // Only the latest few: the rows on the screen, not every row a scroll passed over.
    while (m_wanted.size() > 4)
        m_wanted.removeFirst();
    if (!m_refetch.isRunning())
        m_fetchWantedSoon.start();
}

void BranchActivityModel::fetchWanted()
{
    if (!m_client || m_refetch.isRunning())
        return;
    while (!m_wanted.isEmpty()) {
        const int page = m_wanted.takeLast();
        if (page < 0 || page >= m_pages.size() || m_pages.at(page).held)
            continue;
        const Page &dropped = m_pages.at(page);
        m_refetch.getAs<protocol::AttemptsPage>(
            *m_client, u"/api/v1/staff/attempts"_s, pageQuery(dropped.cursor, dropped.rowCount),
            this, [this, page](Result<protocol::AttemptsPage, client::ClientError> answer) {
                if (!answer) {
                    m_wanted.clear(); // asked again when shown again
                    Q_EMIT loadFailed(answer.error());
                    return;
                }
                if (!m_pages.at(page).held) {
                    hold(page, std::move(answer.value().attempts));
                    const int first = int(m_live.size()) + m_pages.at(page).firstRow;
                    Q_EMIT dataChanged(
                        index(first, 0),
                        index(first + m_pages.at(page).rowCount - 1, ColumnCount - 1));
                    dropLeastRecentlyShown(page);
                }
                fetchWanted();
            });
        return;
    }
}

const protocol::Attempt *BranchActivityModel::attemptAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    if (row < m_live.size())
        return &m_live.at(row);
    const int pagedRow = row - int(m_live.size());
    const int page = pageOfRow(pagedRow);
    const Page &rows = m_pages.at(page);
    if (!rows.held) {
        want(page);
        return nullptr;
    }
    rows.lastShown = ++m_shownTick;
    return &rows.attempts.at(pagedRow - rows.firstRow);
}

bool BranchActivityModel::matches(const protocol::StaffEvent &event) const
{
    if (event.kind != "attempt"_L1)
        return false;
    if (!m_filters.branchCode.isEmpty() && event.branchCode != m_filters.branchCode)
        return false;
    if (!m_filters.code.isEmpty() && event.code.compare(m_filters.code, Qt::CaseInsensitive) != 0)
        return false;
    if (!m_filters.outcome.isEmpty() && event.outcome != m_filters.outcome)
        return false;
    if (m_filters.from.isValid() && event.at < m_filters.from)
        return false;
    if (m_filters.to.isValid() && event.at >= m_filters.to)
        return false;
    return true;
}

void BranchActivityModel::onEvent(const protocol::StaffEvent &event)
{
    if (!matches(event))
        return;
    if (!m_firstPageLoaded) {
        if (isLoading())
            m_early.append(event);
        return;
    }
    insertLive(event);
}

void BranchActivityModel::insertLive(const protocol::StaffEvent &event)
{
    beginInsertRows({}, 0, 0);
    m_live.prepend(attemptOf(event));
    endInsertRows();
}

int BranchActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_live.size()) + m_pagedRows;
}

int BranchActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BranchActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const protocol::Attempt *held = attemptAt(index.row());
    if (!held) {
        // Its page is on its way back.
        if (role == Qt::DisplayRole && index.column() == TimeColumn)
            return tr("Loading…");
        return role == FailedRole || role == LiveRole ? QVariant(false) : QVariant();
    }
    const protocol::Attempt &attempt = *held;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return formatTokyoSeconds(attempt.at);
        case CustomerColumn:
            // The registered name, the same on every step; what was typed at ② otherwise.
            return attempt.customerName.isEmpty() ? attempt.nameKana : attempt.customerName;
        case AccountColumn:
            return accountLabel(attempt.account);
        case StepColumn:
            return stepLabel(attempt.step);
        case OutcomeColumn:
            return outcomeLabel(attempt.outcome);
        case CodeColumn:
            return attempt.code;
        case AppColumn:
            return attempt.clientApp;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return attempt.message.isEmpty() ? QVariant() : QVariant(attempt.message);
    case CustomerIdRole:
        return attempt.customerId;
    case AttemptIdRole:
        return attempt.id;
    case BranchCodeRole:
        return attempt.branchCode;
    case StepRole:
        return attempt.step;
    case OutcomeRole:
        return attempt.outcome;
    case CodeRole:
        return attempt.code;
    case FailedRole:
        return isFailedOutcome(attempt.outcome);
    case AtRole:
        return attempt.at;
    case LiveRole:
        return index.row() < m_live.size();
    default:
        return {};
    }
}

QVariant BranchActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time (JST)");
    case CustomerColumn:
        return tr("Customer");
    case AccountColumn:
        return tr("Account");
    case StepColumn:
        return tr("Step");
    case OutcomeColumn:
        return tr("Outcome");
    case CodeColumn:
        return tr("Code");
    case AppColumn:
        return tr("App");
    default:
        return {};
    }
}

} // namespace tc
