#include "RevokeLinkageDialog.h"

#include "AttemptLabels.h"
#include "BackendClient.h"
#include "TokyoFormat.h"
#include "ui_RevokeLinkageDialog.h"

using namespace Qt::StringLiterals;

namespace tc {

RevokeLinkageDialog::RevokeLinkageDialog(client::BackendClient &client, const QString &customerName,
                                         const protocol::Linkage &linkage, const QString &staffRole,
                                         QWidget *parent)
    : StaffChangeDialog(parent), m_ui(std::make_unique<Ui::RevokeLinkageDialog>()),
      m_client(&client), m_linkage(linkage)
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Revoke an app linkage — Teller Console"));
    const UiLanguage language = currentUiLanguage();
    m_ui->customerLabel->setText(customerName);
    m_ui->appLabel->setText(linkage.clientApp);
    m_ui->accountLabel->setText(accountLabel(linkage.account));
    m_ui->grantedLabel->setText(
        tr("%1 JST").arg(formatTokyoFullDayTime(linkage.grantedAt, language)));
    m_ui->expiresLabel->setText(
        tr("%1 JST").arg(formatTokyoFullDayTime(linkage.expiresAt, language)));
    m_ui->noteLabel->setText(tr("The app's tokens stop working at once; to use the app again the "
                                "customer links it anew from the app."));
    setUpChange(m_ui->changeForm, m_ui->errorLabel, m_ui->buttonBox, tr("Revoke linkage"),
                staffRole);
}

RevokeLinkageDialog::~RevokeLinkageDialog() = default;

QString RevokeLinkageDialog::subjectText() const
{
    return QStringList {m_ui->customerLabel->text(), m_ui->appLabel->text(),
                        m_ui->accountLabel->text(),  m_ui->grantedLabel->text(),
                        m_ui->expiresLabel->text(),  m_ui->noteLabel->text()}
        .join(u'\n');
}

QNetworkReply *RevokeLinkageDialog::send(const protocol::StaffChange &change, Done done)
{
    if (!m_client)
        return nullptr;
    return m_client->revokeLinkage(
        m_linkage.id, change, this,
        [this,
         done = std::move(done)](Result<protocol::LinkageRevocation, client::ClientError> answer) {
            if (!answer)
                return done(answer.error());
            Q_EMIT revoked(answer.value());
            done(std::nullopt);
        });
}

} // namespace tc
