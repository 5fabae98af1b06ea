#include "SettingsDialog.h"

#include "BackendClient.h"
#include "Settings.h"
#include "ui_SettingsDialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace tc {

SettingsDialog::SettingsDialog(Settings &settings, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_ui(std::make_unique<Ui::SettingsDialog>())
{
    m_ui->setupUi(this);
    m_ui->backendUrlEdit->setText(settings.backendUrl());
    m_ui->caFileEdit->setText(settings.backendCaFile());
    m_ui->timeoutSpin->setValue(settings.transferTimeoutSeconds());
    m_ui->idleSpin->setValue(settings.idleLockMinutes() > 0 ? settings.idleLockMinutes()
                                                            : Settings::defaultIdleLockMinutes);
    m_ui->problemLabel->hide();
    m_ui->testResultLabel->clear();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->caFileButton, &QPushButton::clicked, this, &SettingsDialog::chooseCaFile);
    connect(m_ui->testButton, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    // A result shown for other values would mislead.
    for (QLineEdit *edit : {m_ui->backendUrlEdit, m_ui->caFileEdit})
        connect(edit, &QLineEdit::textEdited, this, [this] {
            m_ui->testResultLabel->clear();
            m_ui->problemLabel->hide();
        });
}

SettingsDialog::~SettingsDialog() = default;

QString SettingsDialog::problemText() const
{
    return m_ui->problemLabel->isHidden() ? QString() : m_ui->problemLabel->text();
}

QString SettingsDialog::testResultText() const
{
    return m_ui->testResultLabel->text();
}

bool SettingsDialog::isTesting() const
{
    return !m_ui->testButton->isEnabled();
}

void SettingsDialog::chooseCaFile()
{
    const QString current = m_ui->caFileEdit->text();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("CA certificate file"),
        current.isEmpty() ? QString() : QFileInfo(current).absolutePath(),
        tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
    if (path.isEmpty())
        return;
    m_ui->caFileEdit->setText(path);
    m_ui->testResultLabel->clear();
    m_ui->problemLabel->hide();
}

void SettingsDialog::showProblem(const QString &text)
{
    m_ui->problemLabel->setText(text);
    m_ui->problemLabel->setAccessibleDescription(text);
    m_ui->problemLabel->setVisible(!text.isEmpty());
}

void SettingsDialog::showTestResult(bool ok, const QString &text)
{
    m_ui->testButton->setEnabled(true);
    m_ui->testResultLabel->setText(text);
    m_ui->testResultLabel->setAccessibleDescription(text);
    Q_EMIT connectionTested(ok);
}

void SettingsDialog::testConnection()
{
    const Result<client::ConnectionSettings> connection = Settings::connectionSettingsFrom(
        m_ui->backendUrlEdit->text(), m_ui->caFileEdit->text(), m_ui->timeoutSpin->value());
    if (!connection) {
        showProblem(connection.error().message);
        return showTestResult(false, tr("Not tested: the settings are incomplete."));
    }
    showProblem({});
    m_ui->testButton->setEnabled(false);
    m_ui->testResultLabel->setText(tr("Testing…"));
    // A new client per test: the trust typed now, never a connection kept from an earlier one.
    m_probe = std::make_unique<client::BackendClient>(connection.value());
    m_probe->get(u"/api/v1/health"_s, {}, this,
                 [this](Result<QJsonObject, client::ClientError> answer) {
                     if (!answer)
                         return showTestResult(false, answer.error().text());
                     if (answer.value().value(u"status"_s).toString() != u"ok"_s)
                         return showTestResult(
                             false, tr("Something answered, but not an auth-backend in service."));
                     showTestResult(true,
                                    tr("Connected: the backend answers and its "
                                       "certificate verifies against the CA file."));
                 });
}

void SettingsDialog::accept()
{
    const QString url = m_ui->backendUrlEdit->text().trimmed();
    const QString caFile = m_ui->caFileEdit->text().trimmed();
    const Result<client::ConnectionSettings> connection =
        Settings::connectionSettingsFrom(url, caFile, m_ui->timeoutSpin->value());
    if (!connection) {
        showProblem(connection.error().message);
        (connection.error().key == u"ca_file"_s ? m_ui->caFileEdit : m_ui->backendUrlEdit)
            ->setFocus();
        return;
    }
    const bool changed = url != m_settings.backendUrl() || caFile != m_settings.backendCaFile()
        || m_ui->timeoutSpin->value() != m_settings.transferTimeoutSeconds();
    m_settings.setBackendUrl(url);
    m_settings.setBackendCaFile(caFile);
    m_settings.setTransferTimeoutSeconds(m_ui->timeoutSpin->value());
    m_settings.setIdleLockMinutes(m_ui->idleSpin->value());
    m_settings.sync();
    QDialog::accept();
    if (changed)
        Q_EMIT connectionChanged();
}

} // namespace tc
