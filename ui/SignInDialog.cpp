#include "SignInDialog.h"

#include "ClientError.h"
#include "CredentialFailure.h"
#include "ui_SignInDialog.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace tc {

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SignInDialog>())
{
    m_ui->setupUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_ui->settingsButton, &QPushButton::clicked, this, &SignInDialog::settingsRequested);
    m_ui->totpLabel->hide();
    m_ui->totpEdit->hide();
    m_ui->errorLabel->hide();
    setSignInMode({});
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::setSignInMode(const QString &lastUsername)
{
    m_unlock = false;
    setBusy(false);
    setWindowTitle(tr("Sign in — Teller Console"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    m_ui->captionLabel->setText(tr("Sign in with your staff user name and password."));
    m_ui->usernameEdit->setReadOnly(false);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    m_ui->settingsButton->show();
    m_ui->usernameEdit->setText(lastUsername);
    m_ui->passwordEdit->clear();
    m_ui->errorLabel->hide();
    (lastUsername.isEmpty() ? m_ui->usernameEdit : m_ui->passwordEdit)->setFocus();
}

void SignInDialog::setUnlockMode(const QString &username, const QString &reason)
{
    m_unlock = true;
    setBusy(false);
    setWindowTitle(tr("Console locked — Teller Console"));
    m_ui->captionLabel->setText(reason);
    m_ui->usernameEdit->setText(username);
    m_ui->usernameEdit->setReadOnly(true);
    m_ui->passwordEdit->clear();
    m_ui->errorLabel->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Unlock"));
    m_ui->settingsButton->hide(); // the connection is not what an unlock changes
    m_ui->passwordEdit->setFocus();
}

void SignInDialog::setBusy(bool busy)
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_ui->passwordEdit->setEnabled(!busy);
    m_ui->totpEdit->setEnabled(!busy);
}

void SignInDialog::showFailure(const client::ClientError &error)
{
    setBusy(false);
    showCredentialFailure(error,
                          {m_ui->passwordEdit, m_ui->totpLabel, m_ui->totpEdit, m_ui->errorLabel});
}

QString SignInDialog::username() const
{
    return m_ui->usernameEdit->text().trimmed();
}

QString SignInDialog::errorText() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

void SignInDialog::submit()
{
    if (username().isEmpty() || m_ui->passwordEdit->text().isEmpty())
        return;
    setBusy(true);
    Q_EMIT submitted(username(), m_ui->passwordEdit->text(), m_ui->totpEdit->text().trimmed());
}

} // namespace tc
