#include "LockScreen.h"

#include "ClientError.h"
#include "CredentialFailure.h"
#include "ui_LockScreen.h"

namespace tc {

LockScreen::LockScreen(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::LockScreen>())
{
    m_ui->setupUi(this);
    // The desk's colours would show through a transparent page.
    setAutoFillBackground(true);
    connect(m_ui->unlockButton, &QPushButton::clicked, this, &LockScreen::submit);
    connect(m_ui->passwordEdit, &QLineEdit::returnPressed, this, &LockScreen::submit);
    connect(m_ui->totpEdit, &QLineEdit::returnPressed, this, &LockScreen::submit);
    connect(m_ui->signOutButton, &QPushButton::clicked, this, &LockScreen::signOutRequested);
    setFocusProxy(m_ui->passwordEdit);
    prepare({}, {});
}

LockScreen::~LockScreen() = default;

void LockScreen::prepare(const QString &user, const QString &reason)
{
    m_ui->userLabel->setText(user);
    m_ui->reasonLabel->setText(reason);
    m_ui->reasonLabel->setVisible(!reason.isEmpty());
    m_ui->passwordEdit->clear();
    m_ui->totpEdit->clear();
    m_ui->totpLabel->hide();
    m_ui->totpEdit->hide();
    m_ui->errorLabel->clear();
    m_ui->errorLabel->hide();
    setBusy(false);
}

void LockScreen::setBusy(bool busy)
{
    m_ui->unlockButton->setEnabled(!busy);
    m_ui->passwordEdit->setEnabled(!busy);
    m_ui->totpEdit->setEnabled(!busy);
}

void LockScreen::showFailure(const client::ClientError &error)
{
    setBusy(false);
    showCredentialFailure(error,
                          {m_ui->passwordEdit, m_ui->totpLabel, m_ui->totpEdit, m_ui->errorLabel});
}

QString LockScreen::errorText() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

void LockScreen::submit()
{
    if (m_ui->passwordEdit->text().isEmpty() || !m_ui->unlockButton->isEnabled())
        return;
    setBusy(true);
    Q_EMIT unlockRequested(m_ui->passwordEdit->text(), m_ui->totpEdit->text().trimmed());
}

} // namespace tc
