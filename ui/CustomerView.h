#pragma once

#include "Clock.h"
#include "Protocol.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAbstractItemModel;
class QLabel;
class QPushButton;
class QTableView;
class QTabWidget;
class QTreeView;

namespace tc {

class CustomerScriptWidget;
class ErrorCatalog;
class TableStateHelper;

namespace Ui {
class CustomerView;
}

// One customer on the desk: a header with the name (kana), birth date and phone as the server
// sent them (masked for support staff), each account with its lock state as a sentence, pending
// release requests and the linkage summary; below, the attempts as flows with their steps and a
// Linkages tab; beside them, the script for the selected attempt (CustomerScriptWidget).
class CustomerView final : public QWidget
{
    Q_OBJECT

public:
    // The attempt behind a row of the attempts model (a step row, or a flow row answering its
    // last step); nullopt for rows that are not attempts (the "more" row).
    using AttemptAt = std::function<std::optional<protocol::Attempt>(const QModelIndex &)>;

    // The catalog must outlive the view.
    CustomerView(const ErrorCatalog &catalog, Clock clock, QWidget *parent = nullptr);
    ~CustomerView() override;

    void setAttemptsModel(QAbstractItemModel *model, AttemptAt attemptAt);
    // A LinkagesModel (its ActiveRole and LinkageIdRole) or null.
    void setLinkagesModel(QAbstractItemModel *model);
    // The signed-in staff member's role: the actions it may not take are disabled with a
    // tooltip that says why (core/StaffPermissions.h).
    void setStaffRole(const QString &role);

    // Shows the customer (the header and the lock state the script reads).
    void setDetail(const protocol::CustomerDetail &detail);
    // Back to "no customer open".
    void clearCustomer();
    bool hasCustomer() const { return m_detail.has_value(); }
    qint64 customerId() const { return m_detail ? m_detail->customer.id : 0; }

    QString headerText() const; // plain text of the header (tests, screen readers)
    QTreeView *attemptsView() const;
    QTableView *linkagesView() const;
    QTabWidget *detailTabs() const;
    // "Clear lock…" of each lock that is on, in the order of the accounts; and of one lock.
    QList<QPushButton *> clearLockButtons() const;
    QPushButton *clearLockButton(qint64 accountId, const QString &lockKind) const;
    QPushButton *revokeButton() const;
    // Selects the linkage on the Linkages tab with its state and revocation in view.
    void showLinkage(qint64 linkageId);
    CustomerScriptWidget *script() const { return m_script; }
    QList<TableStateHelper *> tableStates() const;

    // The header's account lines, as rich text (also what the tests read).
    static QString accountsHtml(const protocol::CustomerDetail &detail, const QDateTime &now);

Q_SIGNALS:
    // Enter or double-click on an attempt with a code: the full explanation (Explain tab).
    void explainRequested(const QString &code);
    // "Clear lock…" of an account's lock ("identity" or "pin").
    void clearLockRequested(qint64 accountId, const QString &lockKind);
    // "Revoke…" of the selected linkage.
    void revokeRequested(qint64 linkageId);

public Q_SLOTS:
    // Recomputes the "in 3 h 12 min" parts (the window calls it on a timer).
    void refreshTimes();

private:
    Q_DISABLE_COPY_MOVE(CustomerView)

    void explainCurrentAttempt();
    void showLockActions();
    void updateRevokeButton();
    std::optional<protocol::Account> accountOf(qint64 accountId) const;

    std::unique_ptr<Ui::CustomerView> m_ui;
    const ErrorCatalog &m_catalog;
    Clock m_clock;
    CustomerScriptWidget *m_script = nullptr;
    TableStateHelper *m_attemptsState = nullptr;
    TableStateHelper *m_linkagesState = nullptr;
    AttemptAt m_attemptAt;
    std::optional<protocol::CustomerDetail> m_detail;
    QString m_role;
    QList<QPushButton *> m_clearLockButtons;
};

} // namespace tc
