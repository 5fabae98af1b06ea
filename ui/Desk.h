#pragma once

#include "Clock.h"
#include "Protocol.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace tc::client {
class BackendClient;
class EventStream;
} // namespace tc::client

namespace tc {

class AppsModel;
class ApprovalQueueView;
class AttemptsModel;
class AuditLogModel;
class BranchActivityModel;
class CallerCheckPanel;
class CallerCheckState;
class CustomerModel;
class CustomerSearchModel;
class LinkagesModel;
class MainWindow;
class StaffChangeDialog;
class ReleaseRequestsModel;

// The signed-in half of the window: the models of one staff session (search, customer,
// attempts, linkages, branch activity), fed by the client and the event stream, connected to
// the window's widgets. Made on sign-in and destroyed on sign-out, which leaves the window
// offline (explainer and calendar) with nothing of the session's data on screen.
class Desk final : public QObject
{
    Q_OBJECT

public:
    static constexpr int serviceStatusRefreshMs = 60'000;

    // The window, the client and the stream must outlive the desk; `events` may be null.
    Desk(MainWindow &window, client::BackendClient &client, client::EventStream *events,
         const protocol::StaffSession &staff, Clock clock, QObject *parent = nullptr);
    ~Desk() override;

    CustomerSearchModel *searchModel() const { return m_search; }
    CustomerModel *customerModel() const { return m_customer; }
    AttemptsModel *attemptsModel() const { return m_attempts; }
    LinkagesModel *linkagesModel() const { return m_linkages; }
    // The open "Clear lock…" or "Revoke…" dialog; null when none.
    StaffChangeDialog *changeDialog() const;
    BranchActivityModel *branchActivityModel() const { return m_activity; }
    AppsModel *appsModel() const { return m_apps; } // null unless the role may suspend apps
    // The session's caller checks: validCheckId(customer) is the caller_check_id a release or
    // revocation of that customer sends (empty when no passed check is valid).
    CallerCheckState *callerChecks() const { return m_callerChecks; }
    AuditLogModel *auditLogModel() const { return m_auditLog; } // null unless the role may read it
    // Supervisors only (null for other roles): the approval queue and its tab's page.
    ReleaseRequestsModel *releaseRequestsModel() const { return m_releaseRequests; }
    ApprovalQueueView *approvalQueue() const;

public Q_SLOTS:
    void openCustomer(qint64 customerId);
    // F5: everything shown, from the server again.
    void reload();
    void refreshServiceStatus();
    // "Clear lock…" of a lock of the open customer: the dialog, then the answer shown.
    void clearLock(qint64 accountId, const QString &lockKind);
    // "Revoke…" of a linkage of the open customer.
    void revokeLinkage(qint64 linkageId);

Q_SIGNALS:
    // The backend's clock minus this machine's, from each service-status answer.
    void backendClockOffsetChanged(qint64 offsetMs);

private:
    Q_DISABLE_COPY_MOVE(Desk)

    void search(const QString &text);
    void showSearchState();
    void showCustomer();
    void applyActivityFilters();
    void offerBranchesOf(int first, int last);
    void addAppsTab(const protocol::StaffSession &staff);
    void addCallerCheckTab(const protocol::StaffSession &staff);
    void openChangeDialog(StaffChangeDialog *dialog);
    void addApprovalQueue(const protocol::StaffSession &staff);
    void showRequestDecision(const protocol::StaffEvent &event);

    MainWindow &m_window;
    QPointer<client::BackendClient> m_client;
    QPointer<client::EventStream> m_events;
    Clock m_clock;
    QString m_role;
    QPointer<StaffChangeDialog> m_changeDialog;
    CustomerSearchModel *m_search = nullptr;
    CustomerModel *m_customer = nullptr;
    AttemptsModel *m_attempts = nullptr;
    LinkagesModel *m_linkages = nullptr;
    BranchActivityModel *m_activity = nullptr;
    AppsModel *m_apps = nullptr;
    CallerCheckState *m_callerChecks = nullptr;
    AuditLogModel *m_auditLog = nullptr;
    QPointer<CallerCheckPanel> m_callerCheckPanel; // the tab's page; the window owns it
    ReleaseRequestsModel *m_releaseRequests = nullptr;
    QPointer<ApprovalQueueView> m_approvalQueue;
    QTimer m_serviceStatusTimer;
    QTimer m_minuteTimer;
};

} // namespace tc
