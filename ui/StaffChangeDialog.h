#pragma once

#include "ClientError.h"
#include "Protocol.h"

#include <QDialog>
#include <QPointer>

#include <functional>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QNetworkReply;
class QPushButton;

namespace tc {

class StaffChangeForm;

// What the dialogs of a staff change share (clear a lock, revoke a linkage): OK is enabled only
// while the reason is complete; OK sends the change and the dialog waits for the answer; a
// refusal or a network error shows inside the dialog, which stays open with everything typed;
// it closes (accepted) on success only. While the change is on its way it cannot be cancelled,
// so that staff always learn whether it happened.
class StaffChangeDialog : public QDialog
{
    Q_OBJECT

public:
    ~StaffChangeDialog() override;

    StaffChangeForm *changeForm() const { return m_form; }
    QPushButton *okButton() const;
    // The error shown inside the dialog; empty when none.
    QString errorText() const;
    bool isBusy() const { return !m_sending.isNull(); }
    // A passed caller check of this customer (empty: none): the phone choice needs one.
    void setCallerCheckId(const QString &checkId);

public Q_SLOTS:
    void accept() override;
    void reject() override;

protected:
    // Called with nothing on success, else the error.
    using Done = std::function<void(std::optional<client::ClientError>)>;

    explicit StaffChangeDialog(QWidget *parent);
    // Once the subclass's form is set up: its parts, OK's text and the staff member's role.
    void setUpChange(StaffChangeForm *form, QLabel *errorLabel, QDialogButtonBox *buttons,
                     const QString &okText, const QString &staffRole);
    // Sends the change; runs `done` with the outcome (the subclass announces its answer first).
    virtual QNetworkReply *send(const protocol::StaffChange &change, Done done) = 0;
    void showEvent(QShowEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(StaffChangeDialog)

    void setBusy(bool busy);
    void showError(const QString &text);

    StaffChangeForm *m_form = nullptr;
    QLabel *m_errorLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPointer<QNetworkReply> m_sending;
};

} // namespace tc
