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

void BranchActivityModel::reload()
{
    const bool wasLoading = isLoading();
    m_request.abort();
    beginResetModel();
    m_rows.clear();
    m_nextCursor.clear();
    m_firstPageLoaded = false;
    m_early.clear();
    m_error.reset();
    endResetModel();
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

void BranchActivityModel::fetchPage()
{
    if (!m_client)
        return;
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
    query.addQueryItem(u"limit"_s, QString::number(m_pageSize));
    if (m_firstPageLoaded)
        query.addQueryItem(u"cursor"_s, m_nextCursor);
    m_request.getAs<protocol::AttemptsPage>(
        *m_client, u"/api/v1/staff/attempts"_s, query, this,
        [this](Result<protocol::AttemptsPage, client::ClientError> answer) {
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
            const QList<protocol::Attempt> &attempts = answer.value().attempts;
            if (!attempts.isEmpty()) {
                const int at = int(m_rows.size());
                beginInsertRows({}, at, at + int(attempts.size()) - 1);
                for (const protocol::Attempt &attempt : attempts)
                    m_rows.append({attempt, false});
                endInsertRows();
            }
            if (first) {
                // The page answered after these events happened or before: those newer than
                // its newest row were not in it.
                const QDateTime newest =
                    attempts.isEmpty() ? QDateTime() : attempts.constFirst().at;
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
    m_rows.prepend({attemptOf(event), true});
    endInsertRows();
}

int BranchActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BranchActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BranchActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const protocol::Attempt &attempt = row.attempt;
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
        return row.live;
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
