#include "CredentialFailure.h"

#include "ClientError.h"
#include "ErrorCodes.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>

namespace tc {

void showCredentialFailure(const client::ClientError &error, const CredentialFields &fields)
{
    if (error.code == codes::StaffSecondFactorRequired) {
        fields.totpLabel->show();
        fields.totpEdit->show();
        // The sign-in dialog's context keeps the one translation both screens show.
        fields.errorLabel->setText(QCoreApplication::translate(
            "tc::SignInDialog", "Enter the 6-digit code of your authenticator app."));
        fields.totpEdit->setFocus();
    } else {
        fields.errorLabel->setText(error.text());
        fields.passwordEdit->clear();
        fields.passwordEdit->setFocus();
    }
    fields.errorLabel->show();
    fields.errorLabel->setAccessibleDescription(fields.errorLabel->text());
}

} // namespace tc
