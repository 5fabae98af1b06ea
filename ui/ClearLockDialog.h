#pragma once

#include "Protocol.h"
#include "StaffChangeDialog.h"

#include <QPointer>

#include <memory>

namespace tc::client {
class BackendClient;
}

namespace tc {

namespace Ui {
class ClearLockDialog;
}

// "Clear lock…": names the customer, the account (branch, type, number) and the lock (kind,
// failures, when it would release by itself, in JST), asks the required reason
// (StaffChangeForm) and clears the lock early through the backend — or, where the institution
// requires two people, files the request a supervisor approves.
class ClearLockDialog final : public StaffChangeDialog
{
    Q_OBJECT

public:
    // The client must outlive the dialog; `now` is when the lock's times are told from.
    ClearLockDialog(client::BackendClient &client, const QString &customerName,
                    const protocol::Account &account, const protocol::AccountLock &lock,
                    bool needsApproval, const QString &staffRole, const QDateTime &now,
                    QWidget *parent = nullptr);
    ~ClearLockDialog() override;

    qint64 accountId() const { return m_account.id; }
    const QString &lockKind() const { return m_lock.kind; }
    // The dialog's texts as plain text (tests, screen readers).
    QString subjectText() const;

Q_SIGNALS:
    // The server's answer: released now, or waiting for approval.
    void released(const tc::protocol::LockReleaseAnswer &answer);

protected:
    QNetworkReply *send(const protocol::StaffChange &change, Done done) override;

private:
    Q_DISABLE_COPY_MOVE(ClearLockDialog)

    std::unique_ptr<Ui::ClearLockDialog> m_ui;
    QPointer<client::BackendClient> m_client;
    protocol::Account m_account;
    protocol::AccountLock m_lock;
};

} // namespace tc
