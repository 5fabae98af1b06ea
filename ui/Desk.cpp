#include "Desk.h"

#include "ApprovalQueueView.h"
#include "AppsModel.h"
#include "AppsView.h"
#include "AttemptLabels.h"
#include "AttemptsModel.h"
#include "AuditLogModel.h"
#include "AuditLogView.h"
#include "BackendClient.h"
#include "BranchActivityModel.h"
#include "BranchActivityView.h"
#include "CallerCheckPanel.h"
#include "CallerCheckState.h"
#include "ClearLockDialog.h"
#include "ConnectionStatusWidget.h"
#include "CustomerModel.h"
#include "CustomerSearchModel.h"
#include "CustomerView.h"
#include "EventStream.h"
#include "ExplainerWidget.h"
#include "LinkagesModel.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "ReleaseRequestsModel.h"
#include "RevokeLinkageDialog.h"
#include "RoleGate.h"
#include "SearchQuery.h"
#include "SearchWidget.h"
#include "ServiceStatusWidget.h"
#include "StaffPermissions.h"
#include "TokyoFormat.h"

#include <QLoggingCategory>
#include <QTreeView>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDesk, "tc.console.desk")

namespace tc {

namespace {

ConnectionStatusWidget::State connectionState(client::EventStream::State state)
{
    switch (state) {
    case client::EventStream::State::Connected:
        return ConnectionStatusWidget::State::Connected;
    case client::EventStream::State::Reconnecting:
        return ConnectionStatusWidget::State::Reconnecting;
    case client::EventStream::State::Offline:
        break;
    }
    return ConnectionStatusWidget::State::Offline;
}

} // namespace

Desk::Desk(MainWindow &window, client::BackendClient &client, client::EventStream *events,
           const protocol::StaffSession &staff, Clock clock, QObject *parent)
    : QObject(parent), m_window(window), m_client(&client), m_events(events),
      m_clock(std::move(clock)), m_role(staff.role),
      m_search(new CustomerSearchModel(&client, this)),
      m_customer(new CustomerModel(&client, events, this)),
      m_attempts(new AttemptsModel(&client, events, this)),
      m_linkages(new LinkagesModel(&client, events, this)),
      m_activity(new BranchActivityModel(&client, events, this))
{
    m_callerChecks = new CallerCheckState(&client, m_clock, this);
    window.setSignedIn(staff);
    window.explainer()->setSupportDesk(staff.supportDesk);

    SearchWidget *searchWidget = window.search();
    searchWidget->setModel(m_search);
    connect(searchWidget, &SearchWidget::searchRequested, this, &Desk::search);
    connect(searchWidget, &SearchWidget::customerActivated, this, [this](const QModelIndex &index) {
        openCustomer(index.data(CustomerSearchModel::CustomerIdRole).toLongLong());
    });
    connect(m_search, &CustomerSearchModel::loadingChanged, this, &Desk::showSearchState);
    connect(m_search, &CustomerSearchModel::searchFinished, this, &Desk::showSearchState);
    connect(m_search, &CustomerSearchModel::searchFailed, this, &Desk::showSearchState);

    CustomerView *customerView = window.customerView();
    customerView->setAttemptsModel(
        m_attempts, [this](const QModelIndex &index) { return m_attempts->attemptAt(index); });
    customerView->setLinkagesModel(m_linkages);
    customerView->setStaffRole(staff.role);
    connect(customerView, &CustomerView::clearLockRequested, this, &Desk::clearLock);
    connect(customerView, &CustomerView::revokeRequested, this, &Desk::revokeLinkage);
    connect(m_customer, &CustomerModel::changed, this, &Desk::showCustomer);
    const auto showError = [this](const client::ClientError &error) {
        m_window.showError(error.text());
    };
    connect(m_customer, &CustomerModel::loadFailed, this, showError);
    connect(m_customer, &CustomerModel::releaseRequestDecided, this, &Desk::showRequestDecision);
    connect(m_attempts, &AttemptsModel::loadFailed, this, showError);
    connect(m_linkages, &LinkagesModel::loadFailed, this, showError);
    connect(m_activity, &BranchActivityModel::loadFailed, this, showError);

    BranchActivityView *activityView = window.branchActivity();
    activityView->setModel(m_activity);
    connect(activityView, &BranchActivityView::filtersChanged, this, &Desk::applyActivityFilters);
    connect(activityView, &BranchActivityView::customerRequested, this,
            [this](const QModelIndex &index) {
                const qint64 customerId =
                    index.data(BranchActivityModel::CustomerIdRole).toLongLong();
                if (customerId > 0)
                    openCustomer(customerId);
            });
    // Supervisors choose among the branches the day has shown so far.
    connect(m_activity, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { offerBranchesOf(first, last); });
    connect(m_activity, &QAbstractItemModel::modelReset, this,
            [this] { offerBranchesOf(0, m_activity->rowCount() - 1); });
    if (!staff.branchCode.isEmpty())
        activityView->addBranch(staff.branchCode, staff.branchName);
    applyActivityFilters();

    addApprovalQueue(staff);
    addAppsTab(staff);
    addCallerCheckTab(staff);

    connect(&window, &MainWindow::refreshRequested, this, &Desk::reload);

    if (m_events) {
        const auto showConnection = [this](client::EventStream::State state) {
            m_window.connectionStatus()->setState(connectionState(state));
            if (state == client::EventStream::State::Connected)
                refreshServiceStatus();
        };
        connect(m_events, &client::EventStream::stateChanged, this, showConnection);
        showConnection(m_events->state());
    } else {
        window.connectionStatus()->setState(ConnectionStatusWidget::State::Connected);
    }

    m_serviceStatusTimer.setInterval(serviceStatusRefreshMs);
    connect(&m_serviceStatusTimer, &QTimer::timeout, this, &Desk::refreshServiceStatus);
    m_serviceStatusTimer.start();
    refreshServiceStatus();

    // "in 3 h 12 min" stays true while the customer is on the phone.
    m_minuteTimer.setInterval(30'000);
    connect(&m_minuteTimer, &QTimer::timeout, customerView, &CustomerView::refreshTimes);
    m_minuteTimer.start();

    if (permissions::roleMay(staff.role, permissions::StaffAction::ReadAudit)) {
        m_auditLog = new AuditLogModel(&client, this);
        connect(m_auditLog, &AuditLogModel::loadFailed, this, showError);
        window.addSessionTab(std::make_unique<AuditLogView>(m_auditLog), tr("Audit log"),
                             QKeySequence(Qt::CTRL | Qt::Key_7));
    }
}

Desk::~Desk()
{
    // Nothing of the session stays on screen.
    delete m_changeDialog;
    m_window.search()->clear();
    m_window.search()->setModel(nullptr);
    m_window.customerView()->setAttemptsModel(nullptr, {});
    m_window.customerView()->setLinkagesModel(nullptr);
    m_window.customerView()->setStaffRole({});
    m_window.branchActivity()->setModel(nullptr);
    m_window.removeSessionTabs();
    m_window.connectionStatus()->setState(ConnectionStatusWidget::State::Offline);
    m_window.serviceStatus()->clearRemoteStatus();
    m_window.explainer()->setSupportDesk({});
    m_window.explainer()->setCustomerBranch({});
    m_window.setSignedOut();
}

void Desk::search(const QString &text)
{
    const SearchQuery query = SearchQuery::parse(text);
    if (!query.isSearchable()) {
        m_search->clear();
        m_window.search()->setStateText(
            text.isEmpty() ? QString()
                           : tr("Keep typing: 001-1234567, a name in kana or a phone number"));
        return;
    }
    m_search->search(query);
    showSearchState();
}

void Desk::showSearchState()
{
    SearchWidget *widget = m_window.search();
    if (m_search->isLoading()) {
        widget->setStateText(tr("Searching…"));
        return;
    }
    if (const std::optional<client::ClientError> &error = m_search->error()) {
        widget->setStateText(error->text());
        return;
    }
    if (!m_search->query().isSearchable())
        return;
    const qsizetype customers = m_search->customers().size();
    QString text =
        customers == 0 ? tr("No customer found") : tr("%n customer(s)", "", int(customers));
    if (m_search->isTruncated())
        text += u" "_s + tr("(more customers match: type more of the name or number)");
    widget->setStateText(text);
}

void Desk::openCustomer(qint64 customerId)
{
    if (customerId <= 0)
        return;
    qCDebug(lcDesk) << "opening customer" << customerId;
    m_window.messageBar()->dismiss();
    m_customer->load(customerId);
    m_attempts->setCustomer(customerId);
    m_linkages->load(customerId);
    m_window.openTab(MainWindow::CustomerTab);
    m_window.customerView()->attemptsView()->setFocus(Qt::OtherFocusReason);
}

void Desk::showCustomer()
{
    CustomerView *view = m_window.customerView();
    if (const std::optional<protocol::CustomerDetail> &detail = m_customer->detail()) {
        view->setDetail(*detail);
        if (m_callerCheckPanel)
            m_callerCheckPanel->setCustomer(detail->customer.id, detail->customer.nameKana);
        // The explainer's answers that send the customer to their branch name it.
        const QList<protocol::Account> &accounts = detail->customer.accounts;
        m_window.explainer()->setCustomerBranch(
            accounts.isEmpty() ? QString()
                               : u"%1 (%2)"_s.arg(accounts.constFirst().branchName,
                                                  accounts.constFirst().branchCode));
    } else if (m_customer->customerId() == 0) {
        view->clearCustomer();
        if (m_callerCheckPanel)
            m_callerCheckPanel->setCustomer(0, {});
        m_window.explainer()->setCustomerBranch({});
    }
}

void Desk::reload()
{
    if (m_customer->customerId() > 0) {
        m_customer->reload();
        m_attempts->setCustomer(m_customer->customerId());
        m_linkages->reload();
    }
    m_activity->reload();
    if (m_apps)
        m_apps->reload();
    if (m_auditLog)
        m_auditLog->reload();
    if (m_releaseRequests)
        m_releaseRequests->reload();
    refreshServiceStatus();
}

void Desk::addAppsTab(const protocol::StaffSession &staff)
{
    const RoleGate gate(staff.role);
    if (!gate.offers(permissions::StaffAction::SuspendApp))
        return;
    m_apps = new AppsModel(m_client, m_events, this);
    auto view = std::make_unique<AppsView>(gate);
    view->setModel(m_apps);
    connect(m_apps, &AppsModel::loadFailed, this,
            [this](const client::ClientError &error) { m_window.showError(error.text()); });
    m_window.addSessionTab(std::move(view), tr("Apps"), QKeySequence(Qt::CTRL | Qt::Key_6));
    m_apps->reload();
}

void Desk::addCallerCheckTab(const protocol::StaffSession &staff)
{
    if (!RoleGate(staff.role).offers(permissions::StaffAction::CallerCheck))
        return;
    auto panel = std::make_unique<CallerCheckPanel>(m_callerChecks, m_clock);
    m_callerCheckPanel = panel.get();
    m_window.addSessionTab(std::move(panel), tr("Caller check"),
                           QKeySequence(Qt::CTRL | Qt::Key_8));
}

ApprovalQueueView *Desk::approvalQueue() const
{
    return m_approvalQueue;
}

void Desk::addApprovalQueue(const protocol::StaffSession &staff)
{
    if (!RoleGate(staff.role).offers(permissions::StaffAction::DecideReleaseRequest))
        return;
    m_releaseRequests = new ReleaseRequestsModel(m_client, m_events, m_clock, this);
    auto view = std::make_unique<ApprovalQueueView>();
    view->setModel(m_releaseRequests);
    view->setSignedInUser(staff.username);
    connect(view.get(), &ApprovalQueueView::customerRequested, this, &Desk::openCustomer);
    connect(m_releaseRequests, &ReleaseRequestsModel::loadFailed, this,
            [this](const client::ClientError &error) { m_window.showError(error.text()); });
    m_approvalQueue = view.get();
    m_window.addSessionTab(std::move(view), tr("Approvals"), QKeySequence(Qt::CTRL | Qt::Key_5));
    m_releaseRequests->reload();
}

void Desk::showRequestDecision(const protocol::StaffEvent &event)
{
    const QString lock =
        u"%1 (%2)"_s.arg(accountLabel(event.branchCode, event.accountType, event.accountNumber),
                         lockKindLabel(event.lockKind));
    if (event.status == protocol::ReleaseRequest::Approved)
        m_window.showInformation(
            tr("Early release approved by %1: the lock of %2 is released; the customer may try "
               "again now.")
                .arg(event.staff, lock));
    else if (event.status == protocol::ReleaseRequest::Rejected)
        m_window.showInformation(
            tr("Early release rejected by %1: the lock of %2 stays until 00:00 JST. Reason: %3")
                .arg(event.staff, lock, event.note));
    else if (event.status == protocol::ReleaseRequest::Lapsed)
        m_window.showInformation(
            tr("The early release request for %1 lapsed: the lock had ended.").arg(lock));
}

void Desk::applyActivityFilters()
{
    const BranchActivityView *view = m_window.branchActivity();
    BranchActivityModel::Filters filters =
        BranchActivityModel::today(m_clock(), view->branchCode());
    filters.outcome = view->outcome();
    filters.code = view->code();
    m_activity->setFilters(filters);
}

void Desk::offerBranchesOf(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        m_window.branchActivity()->addBranch(
            m_activity->index(row, 0).data(BranchActivityModel::BranchCodeRole).toString(), {});
    }
}

void Desk::refreshServiceStatus()
{
    if (!m_client)
        return;
    m_client->getAs<protocol::ServiceStatus>(
        u"/api/v1/staff/service-status"_s, {}, this,
        [this](Result<protocol::ServiceStatus, client::ClientError> answer) {
            if (answer) {
                m_window.serviceStatus()->setRemoteStatus(answer.value());
                if (answer.value().now.isValid())
                    Q_EMIT backendClockOffsetChanged(
                        QDateTime::currentDateTimeUtc().msecsTo(answer.value().now));
            } else {
                m_window.serviceStatus()->clearRemoteStatus();
            }
        });
}

StaffChangeDialog *Desk::changeDialog() const
{
    return m_changeDialog;
}

void Desk::clearLock(qint64 accountId, const QString &lockKind)
{
    const std::optional<protocol::CustomerDetail> &detail = m_customer->detail();
    if (!detail || !m_client || m_changeDialog)
        return;
    for (const protocol::Account &account : detail->customer.accounts) {
        if (account.id != accountId)
            continue;
        for (const protocol::AccountLock &lock : account.locks) {
            if (lock.kind != lockKind)
                continue;
            auto *dialog = new ClearLockDialog(*m_client, detail->customer.nameKana, account, lock,
                                               detail->earlyReleaseNeedsApproval, m_role, m_clock(),
                                               &m_window);
            const QString what = tr("%1 lock of %2")
                                     .arg(lockKindLabel(lockKind),
                                          accountLabel(account.branchCode, account.accountType,
                                                       account.accountNumber));
            connect(dialog, &ClearLockDialog::released, this,
                    [this, what](const protocol::LockReleaseAnswer &answer) {
                        m_customer->reload();
                        if (answer.isPending())
                            m_window.showInformation(
                                tr("%1: clearing it waits for a supervisor's approval (request "
                                   "%2); the lock stays on until then.")
                                    .arg(what)
                                    .arg(answer.requestId));
                        else
                            m_window.showInformation(
                                tr("%1 cleared at %2 JST: the customer may try again now.")
                                    .arg(what, formatTokyoTime(answer.releasedAt)));
                    });
            openChangeDialog(dialog);
            return;
        }
    }
}

void Desk::revokeLinkage(qint64 linkageId)
{
    const std::optional<protocol::CustomerDetail> &detail = m_customer->detail();
    if (!detail || !m_client || m_changeDialog)
        return;
    for (const protocol::Linkage &linkage : m_linkages->linkages()) {
        if (linkage.id != linkageId)
            continue;
        auto *dialog = new RevokeLinkageDialog(*m_client, detail->customer.nameKana, linkage,
                                               m_role, &m_window);
        connect(
            dialog, &RevokeLinkageDialog::revoked, this,
            [this, linkageId, app = linkage.clientApp](const protocol::LinkageRevocation &answer) {
                // Once reloaded, the row shows revoked, by whom, when: put that in view.
                auto shown = std::make_shared<QMetaObject::Connection>();
                *shown =
                    connect(m_linkages, &LinkagesModel::loaded, this, [this, shown, linkageId] {
                        disconnect(*shown);
                        m_window.customerView()->showLinkage(linkageId);
                    });
                m_linkages->reload();
                m_customer->reload();
                m_window.showInformation(
                    tr("Revoked the linkage of %1 at %2 JST: the app's tokens no longer "
                       "work.")
                        .arg(app, formatTokyoTime(answer.revokedAt)));
            });
        openChangeDialog(dialog);
        return;
    }
}

void Desk::openChangeDialog(StaffChangeDialog *dialog)
{
    // The phone choice needs the customer's passed caller check while it is valid.
    const auto passCallerCheck = [this, dialog, customerId = m_customer->customerId()] {
        dialog->setCallerCheckId(m_callerChecks->validCheckId(customerId));
    };
    passCallerCheck();
    connect(m_callerChecks, &CallerCheckState::changed, dialog, passCallerCheck);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_changeDialog = dialog;
    m_window.messageBar()->dismiss();
    dialog->open();
}

} // namespace tc
