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
class RevokeLinkageDialog;
}

// "Revoke…": names the customer, the app, the account and when the linkage was granted and
// would expire (JST), asks the required reason (StaffChangeForm) and revokes the linkage, which
// ends all its tokens at once.
class RevokeLinkageDialog final : public StaffChangeDialog
{
    Q_OBJECT

public:
    // The client must outlive the dialog.
    RevokeLinkageDialog(client::BackendClient &client, const QString &customerName,
                        const protocol::Linkage &linkage, const QString &staffRole,
                        QWidget *parent = nullptr);
    ~RevokeLinkageDialog() override;

    qint64 linkageId() const { return m_linkage.id; }
    // The dialog's texts as plain text (tests, screen readers).
    QString subjectText() const;

Q_SIGNALS:
    void revoked(const tc::protocol::LinkageRevocation &answer);

protected:
    QNetworkReply *send(const protocol::StaffChange &change, Done done) override;

private:
    Q_DISABLE_COPY_MOVE(RevokeLinkageDialog)

    std::unique_ptr<Ui::RevokeLinkageDialog> m_ui;
    QPointer<client::BackendClient> m_client;
    protocol::Linkage m_linkage;
};

} // namespace tc
