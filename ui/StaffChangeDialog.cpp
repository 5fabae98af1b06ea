#include "StaffChangeDialog.h"

#include "StaffChangeForm.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkReply>
#include <QPushButton>

namespace tc {

StaffChangeDialog::StaffChangeDialog(QWidget *parent) : QDialog(parent) { }

StaffChangeDialog::~StaffChangeDialog() = default;

void StaffChangeDialog::setUpChange(StaffChangeForm *form, QLabel *errorLabel,
                                    QDialogButtonBox *buttons, const QString &okText,
                                    const QString &staffRole)
{
    m_form = form;
    m_errorLabel = errorLabel;
    m_buttons = buttons;
    m_errorLabel->hide();
    okButton()->setText(okText);
    okButton()->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &StaffChangeDialog::accept);
    connect(m_form, &StaffChangeForm::completeChanged, this,
            [this](bool complete) { okButton()->setEnabled(complete && !isBusy()); });
    m_form->setStaffRole(staffRole);
    okButton()->setEnabled(m_form->isComplete());
}

QPushButton *StaffChangeDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString StaffChangeDialog::errorText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void StaffChangeDialog::setCallerCheckId(const QString &checkId)
{
    m_form->setCallerCheckId(checkId);
}

void StaffChangeDialog::accept()
{
    if (isBusy() || !m_form->isComplete())
        return;
    m_errorLabel->hide();
    setBusy(true);
    m_sending = send(m_form->change(), [this](std::optional<client::ClientError> failure) {
        m_sending = nullptr;
        setBusy(false);
        if (failure) {
            showError(StaffChangeForm::refusalText(*failure));
            return;
        }
        QDialog::accept();
    });
    if (!m_sending) { // signed out meanwhile: nothing was sent
        setBusy(false);
        showError(client::ClientError {.kind = client::ClientError::Kind::Cancelled}.text());
    }
}

void StaffChangeDialog::reject()
{
    // The change may have reached the server: wait for its answer (the transfer timeout bounds
    // the wait) so that staff know whether it happened.
    if (isBusy())
        return;
    QDialog::reject();
}

void StaffChangeDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    m_form->focusFirstInput();
}

void StaffChangeDialog::setBusy(bool busy)
{
    m_form->setEnabled(!busy);
    okButton()->setEnabled(!busy && m_form->isComplete());
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
    if (busy)
        okButton()->setToolTip(tr("Sending…"));
    else
        okButton()->setToolTip({});
}

void StaffChangeDialog::showError(const QString &text)
{
    m_errorLabel->setText(text);
    m_errorLabel->show();
    m_errorLabel->setAccessibleDescription(text);
    // Back where the agent can correct what the server refused; the text stays as typed.
    m_form->reasonEdit()->setFocus(Qt::OtherFocusReason);
}

} // namespace tc
