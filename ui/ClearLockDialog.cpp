#include "ClearLockDialog.h"

#include "AttemptLabels.h"
#include "BackendClient.h"
#include "LockSentence.h"
#include "ui_ClearLockDialog.h"

using namespace Qt::StringLiterals;

namespace tc {

ClearLockDialog::ClearLockDialog(client::BackendClient &client, const QString &customerName,
                                 const protocol::Account &account,
                                 const protocol::AccountLock &lock, bool needsApproval,
                                 const QString &staffRole, const QDateTime &now, QWidget *parent)
    : StaffChangeDialog(parent), m_ui(std::make_unique<Ui::ClearLockDialog>()), m_client(&client),
      m_account(account), m_lock(lock)
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Clear a lock early — Teller Console"));
    m_ui->customerLabel->setText(customerName);
    m_ui->accountLabel->setText(u"%1 %2 · %3 %4"_s.arg(account.branchCode, account.branchName,
                                                       accountTypeLabel(account.accountType),
                                                       account.accountNumber));
    m_ui->lockLabel->setText(lockSentence(lock, now, currentUiLanguage()));
    m_ui->noteLabel->setText(
        needsApproval
            ? tr("This institution requires a supervisor's approval: the lock stays on until a "
                 "supervisor approves the request.")
            : tr("The day's failures start again from zero and the customer may try again at "
                 "once."));
    setUpChange(m_ui->changeForm, m_ui->errorLabel, m_ui->buttonBox,
                needsApproval ? tr("Request release") : tr("Clear lock"), staffRole);
}

ClearLockDialog::~ClearLockDialog() = default;

QString ClearLockDialog::subjectText() const
{
    return QStringList {m_ui->customerLabel->text(), m_ui->accountLabel->text(),
                        m_ui->lockLabel->text(), m_ui->noteLabel->text()}
        .join(u'\n');
}

QNetworkReply *ClearLockDialog::send(const protocol::StaffChange &change, Done done)
{
    if (!m_client)
        return nullptr;
    return m_client->releaseLock(
        m_account.id, m_lock.kind, change, this,
        [this,
         done = std::move(done)](Result<protocol::LockReleaseAnswer, client::ClientError> answer) {
            if (!answer)
                return done(answer.error());
            Q_EMIT released(answer.value());
            done(std::nullopt);
        });
}

} // namespace tc
