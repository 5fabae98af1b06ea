#include "AttemptsModel.h"

#include "AttemptLabels.h"
#include "BackendClient.h"
#include "EventStream.h"
#include "TokyoFormat.h"

#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

// Newer steps than one page holds are fetched page by page up to this many pages; beyond, the
// model reloads (the stream's reset after a long absence).
constexpr int MaxNewerPages = 5;

bool happenedBefore(const protocol::Attempt &a, const protocol::Attempt &b)
{
    return a.at != b.at ? a.at < b.at : a.id < b.id;
}

const protocol::Attempt *failedStep(const QList<protocol::Attempt> &steps)
{
    for (auto it = steps.crbegin(); it != steps.crend(); ++it) {
        if (isFailedOutcome(it->outcome))
            return &*it;
    }
    return nullptr;
}

QString flowOutcome(const QList<protocol::Attempt> &steps)
{
    if (steps.isEmpty())
        return {};
    const bool completed = std::any_of(steps.cbegin(), steps.cend(), [](const auto &step) {
        return step.step == "consent"_L1 && step.outcome == "success"_L1;
    });
    if (completed)
        return u"completed"_s;
    const protocol::Attempt &last = steps.constLast();
    if (last.outcome == "cancelled"_L1 || last.step == "cancel"_L1)
        return u"cancelled"_s;
    if (isFailedOutcome(last.outcome))
        return last.outcome;
    return u"unfinished"_s;
}

QString flowOutcomeLabel(const QString &outcome)
{
    if (outcome == "completed"_L1)
        return QCoreApplication::translate("tc::AttemptsModel", "Completed");
    if (outcome == "unfinished"_L1)
        return QCoreApplication::translate("tc::AttemptsModel", "Unfinished");
    return outcomeLabel(outcome);
}

} // namespace

AttemptsModel::AttemptsModel(client::BackendClient *client, client::EventStream *events,
                             QObject *parent)
    : QAbstractItemModel(parent), m_client(client)
{
    if (events) {
        connect(events, &client::EventStream::eventReceived, this,
                [this](const protocol::StaffEvent &event) {
                    if (event.kind == "attempt"_L1 && m_customerId != 0
                        && event.customerId == m_customerId)
                        refreshNewest();
                });
        connect(events, &client::EventStream::resetRequired, this, &AttemptsModel::refreshNewest);
    }
}

AttemptsModel::~AttemptsModel() = default;

void AttemptsModel::setCustomer(qint64 customerId)
{
    const bool wasLoading = isLoading();
    m_pageRequest.abort();
    m_newestRequest.abort();
    beginResetModel();
    m_customerId = customerId;
    m_flows.clear();
    m_rowOfFlow.clear();
    m_flowById.clear();
    m_attemptIds.clear();
    m_nextCursor.clear();
    m_firstPageLoaded = false;
    m_newestAgain = false;
    m_newer.clear();
    m_error.reset();
    endResetModel();
    if (m_customerId != 0)
        fetchPage();
    announceLoading(wasLoading);
}

void AttemptsModel::setPageSize(int pageSize)
{
    m_pageSize = std::clamp(pageSize, 1, 200);
}

void AttemptsModel::announceLoading(bool wasLoading)
{
    if (wasLoading != isLoading())
        Q_EMIT loadingChanged(isLoading());
}

void AttemptsModel::fail(const client::ClientError &error)
{
    m_error = error;
    Q_EMIT loadFailed(error);
}

bool AttemptsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_customerId != 0 && m_firstPageLoaded && !m_nextCursor.isEmpty()
        && !m_pageRequest.isRunning();
}

void AttemptsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const bool wasLoading = isLoading();
    fetchPage();
    announceLoading(wasLoading);
}

void AttemptsModel::fetchPage()
{
    if (!m_client)
        return;
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(m_pageSize));
    if (m_firstPageLoaded)
        query.addQueryItem(u"cursor"_s, m_nextCursor);
    m_pageRequest.getAs<protocol::AttemptsPage>(
        *m_client, u"/api/v1/staff/customers/%1/attempts"_s.arg(m_customerId), query, this,
        [this](Result<protocol::AttemptsPage, client::ClientError> answer) {
            if (!answer) {
                fail(answer.error());
                announceLoading(true);
                return;
            }
            m_error.reset();
            const bool first = !m_firstPageLoaded;
            m_firstPageLoaded = true;
            m_nextCursor = answer.value().nextCursor;
            mergeOlder(answer.value().attempts);
            announceLoading(true);
            Q_EMIT pageLoaded();
            if (first && m_newestAgain) {
                // A live event came before the first page: it may have been answered earlier.
                m_newestAgain = false;
                refreshNewest();
            }
        });
}

void AttemptsModel::refreshNewest()
{
    if (m_customerId == 0 || !m_client)
        return;
    if (!m_firstPageLoaded || m_newestRequest.isRunning()) {
        m_newestAgain = true;
        return;
    }
    const bool wasLoading = isLoading();
    m_newer.clear();
    fetchNewer({}, MaxNewerPages);
    announceLoading(wasLoading);
}

void AttemptsModel::fetchNewer(const QString &cursor, int pagesLeft)
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(m_pageSize));
    if (!cursor.isEmpty())
        query.addQueryItem(u"cursor"_s, cursor);
    m_newestRequest.getAs<protocol::AttemptsPage>(
        *m_client, u"/api/v1/staff/customers/%1/attempts"_s.arg(m_customerId), query, this,
        [this, pagesLeft](Result<protocol::AttemptsPage, client::ClientError> answer) {
            if (!answer) {
                m_newer.clear();
                m_newestAgain = false;
                fail(answer.error());
                announceLoading(true);
                return;
            }
            bool reachedShown = m_attemptIds.isEmpty();
            for (const protocol::Attempt &attempt : std::as_const(answer.value().attempts)) {
                if (m_attemptIds.contains(attempt.id)) {
                    reachedShown = true;
                    break;
                }
                m_newer.append(attempt);
            }
            const QString &next = answer.value().nextCursor;
            if (!reachedShown && !next.isEmpty()) {
                if (pagesLeft > 1)
                    return fetchNewer(next, pagesLeft - 1);
                // Too much is new: start over rather than leave a hole in the middle.
                return setCustomer(m_customerId);
            }
            mergeNewer(std::exchange(m_newer, {}));
            announceLoading(true);
            Q_EMIT pageLoaded();
            if (std::exchange(m_newestAgain, false))
                refreshNewest();
        });
}

void AttemptsModel::mergeOlder(const QList<protocol::Attempt> &attempts)
{
    // Steps of flows already shown join them; the page's other flows go to the end, in the order
    // of their latest step (the page is newest first, and every step of it is older than every
    // flow above it).
    std::vector<std::unique_ptr<Flow>> newFlows;
    QHash<QString, Flow *> newById;
    for (const protocol::Attempt &attempt : attempts) {
        if (m_attemptIds.contains(attempt.id))
            continue;
        m_attemptIds.insert(attempt.id);
        if (Flow *shown = m_flowById.value(attempt.flowId)) {
            insertStep(*shown, attempt);
            continue;
        }
        Flow *flow = newById.value(attempt.flowId);
        if (!flow) {
            newFlows.push_back(std::make_unique<Flow>(Flow {.flowId = attempt.flowId}));
            flow = newFlows.back().get();
            newById.insert(attempt.flowId, flow);
        }
        flow->steps.append(attempt);
    }
    if (newFlows.empty())
        return;
    for (auto &flow : newFlows)
        std::sort(flow->steps.begin(), flow->steps.end(), happenedBefore);
    const int first = int(m_flows.size());
    beginInsertRows({}, first, first + int(newFlows.size()) - 1);
    for (auto &flow : newFlows) {
        m_flowById.insert(flow->flowId, flow.get());
        m_flows.push_back(std::move(flow));
    }
    reindex();
    endInsertRows();
}

void AttemptsModel::mergeNewer(const QList<protocol::Attempt> &newestFirst)
{
    // Oldest first, so that each step lands where it belongs and its flow rises to the top.
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it) {
        const protocol::Attempt &attempt = *it;
        if (m_attemptIds.contains(attempt.id))
            continue;
        m_attemptIds.insert(attempt.id);
        if (Flow *shown = m_flowById.value(attempt.flowId)) {
            insertStep(*shown, attempt);
            const int row = m_rowOfFlow.value(shown);
            if (row > 0) {
                beginMoveRows({}, row, row, {}, 0);
                auto moved = std::move(m_flows[size_t(row)]);
                m_flows.erase(m_flows.begin() + row);
                m_flows.insert(m_flows.begin(), std::move(moved));
                reindex();
                endMoveRows();
            }
            continue;
        }
        beginInsertRows({}, 0, 0);
        auto flow = std::make_unique<Flow>(Flow {.flowId = attempt.flowId, .steps = {attempt}});
        m_flowById.insert(flow->flowId, flow.get());
        m_flows.insert(m_flows.begin(), std::move(flow));
        reindex();
        endInsertRows();
    }
}

void AttemptsModel::insertStep(Flow &flow, const protocol::Attempt &attempt)
{
    const auto at =
        std::upper_bound(flow.steps.cbegin(), flow.steps.cend(), attempt, happenedBefore);
    const int position = int(at - flow.steps.cbegin());
    const QModelIndex parent = createIndex(m_rowOfFlow.value(&flow), 0, nullptr);
    beginInsertRows(parent, position, position);
    flow.steps.insert(position, attempt);
    endInsertRows();
    // The flow row's times, outcome and failed step follow its steps.
    Q_EMIT dataChanged(parent, parent.siblingAtColumn(ColumnCount - 1));
}

void AttemptsModel::reindex()
{
    m_rowOfFlow.clear();
    for (size_t row = 0; row < m_flows.size(); ++row)
        m_rowOfFlow.insert(m_flows[row].get(), int(row));
}

QModelIndex AttemptsModel::indexOfFlow(const QString &flowId) const
{
    const Flow *flow = m_flowById.value(flowId);
    return flow ? createIndex(m_rowOfFlow.value(flow), 0, nullptr) : QModelIndex();
}

std::optional<protocol::Attempt> AttemptsModel::attemptAt(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return std::nullopt;
    if (const Flow *flow = flowOf(index))
        return flow->steps.at(index.row());
    return m_flows[size_t(index.row())]->steps.constLast();
}

AttemptsModel::Flow *AttemptsModel::flowOf(const QModelIndex &index) const
{
    // A step row carries its flow; a flow row carries nothing.
    return static_cast<Flow *>(index.internalPointer());
}

QModelIndex AttemptsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, nullptr);
    if (flowOf(parent))
        return {}; // steps have no children
    return createIndex(row, column, m_flows[size_t(parent.row())].get());
}

QModelIndex AttemptsModel::parent(const QModelIndex &child) const
{
    const Flow *flow = child.isValid() ? flowOf(child) : nullptr;
    if (!flow)
        return {};
    return createIndex(m_rowOfFlow.value(flow), 0, nullptr);
}

int AttemptsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_flows.size());
    if (parent.column() != 0 || flowOf(parent))
        return 0;
    return int(m_flows[size_t(parent.row())]->steps.size());
}

int AttemptsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool AttemptsModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant AttemptsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (const Flow *flow = flowOf(index))
        return stepData(flow->steps.at(index.row()), index.column(), role);
    return flowData(*m_flows[size_t(index.row())], index.column(), role);
}

QVariant AttemptsModel::flowData(const Flow &flow, int column, int role) const
{
    const protocol::Attempt &first = flow.steps.constFirst();
    const protocol::Attempt &last = flow.steps.constLast();
    const protocol::Attempt *failed = failedStep(flow.steps);
    const protocol::Attempt &shown = failed ? *failed : last;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TimeColumn:
            return formatTokyoSpan(first.at, last.at, currentUiLanguage());
        case StepColumn:
            return stepLabel(shown.step);
        case OutcomeColumn:
            return flowOutcomeLabel(flowOutcome(flow.steps));
        case CodeColumn:
            return failed ? failed->code : QString();
        case MessageColumn:
            return failed ? failed->message : QString();
        case AccountColumn:
        case AppColumn:
            for (const protocol::Attempt &step : flow.steps) {
                const QString text =
                    column == AccountColumn ? accountLabel(step.account) : step.clientApp;
                if (!text.isEmpty())
                    return text;
            }
            return QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return failed ? failed->message : QVariant();
    case FlowIdRole:
        return flow.flowId;
    case AttemptIdRole:
        return qint64(0);
    case IsFlowRole:
        return true;
    case FailedRole:
        return failed != nullptr;
    case StepRole:
        return shown.step;
    case OutcomeRole:
        return flowOutcome(flow.steps);
    case CodeRole:
        return failed ? failed->code : QString();
    case AtRole:
        return last.at;
    default:
        return {};
    }
}

QVariant AttemptsModel::stepData(const protocol::Attempt &step, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TimeColumn:
            return formatTokyoSeconds(step.at);
        case StepColumn:
            return stepLabel(step.step);
        case OutcomeColumn:
            return outcomeLabel(step.outcome);
        case CodeColumn:
            return step.code;
        case MessageColumn:
            return step.message;
        case AccountColumn:
            return accountLabel(step.account);
        case AppColumn:
            return step.clientApp;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return step.message.isEmpty() ? QVariant() : QVariant(step.message);
    case FlowIdRole:
        return step.flowId;
    case AttemptIdRole:
        return step.id;
    case IsFlowRole:
        return false;
    case FailedRole:
        return isFailedOutcome(step.outcome);
    case StepRole:
        return step.step;
    case OutcomeRole:
        return step.outcome;
    case CodeRole:
        return step.code;
    case AtRole:
        return step.at;
    default:
        return {};
    }
}

QVariant AttemptsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time (JST)");
    case StepColumn:
        return tr("Step");
    case OutcomeColumn:
        return tr("Outcome");
    case CodeColumn:
        return tr("Code");
    case MessageColumn:
        return tr("Message");
    case AccountColumn:
        return tr("Account");
    case AppColumn:
        return tr("App");
    default:
        return {};
    }
}

} // namespace tc
