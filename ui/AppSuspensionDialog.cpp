#include "AppSuspensionDialog.h"

#include "TokyoFormat.h"
#include "ui_AppSuspensionDialog.h"

#include <QLayout>
#include <QLocale>
#include <QPushButton>

namespace tc {

AppSuspensionDialog::AppSuspensionDialog(const protocol::StaffApp &app, bool suspend,
                                         QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::AppSuspensionDialog>()), m_clientId(app.clientId),
      m_suspend(suspend)
{
    m_ui->setupUi(this);
    const QString appName = tr("%1 (%2)").arg(app.name, app.clientId);
    const QString linkages = QLocale().toString(app.liveLinkages);
    if (suspend) {
        setWindowTitle(tr("Suspend app — Teller Console"));
        m_ui->appLabel->setText(tr("Suspend %1 for the whole institution?").arg(appName));
        m_ui->effectLabel->setText(
            tr("Live linkages: %1. They stop at once: the app's next call to the account API is "
               "refused (F04) until a supervisor resumes it.")
                .arg(linkages));
        confirmButton()->setText(tr("&Suspend"));
    } else {
        setWindowTitle(tr("Resume app — Teller Console"));
        m_ui->appLabel->setText(tr("Resume %1 for the whole institution?").arg(appName));
        m_ui->effectLabel->setText(
            tr("Suspended %1 JST by %2: %3\nIts linkages that have neither expired nor been "
               "revoked work again at once.")
                .arg(formatTokyoFullDayTime(app.suspendedAt, currentUiLanguage()), app.suspendedBy,
                     app.suspendReason));
        confirmButton()->setText(tr("&Resume"));
    }
    confirmButton()->setEnabled(false);
    connect(m_ui->reasonEdit, &QLineEdit::textChanged, this,
            [this] { confirmButton()->setEnabled(!reason().isEmpty()); });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (!reason().isEmpty())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->reasonEdit->setFocus(Qt::OtherFocusReason);
    // As tall as its wrapped texts at the dialog's width, in either language.
    adjustSize();
    if (layout()->hasHeightForWidth())
        resize(width(), layout()->totalHeightForWidth(width()));
}

AppSuspensionDialog::~AppSuspensionDialog() = default;

QString AppSuspensionDialog::reason() const
{
    return m_ui->reasonEdit->text().trimmed();
}

QPushButton *AppSuspensionDialog::confirmButton() const
{
    return m_ui->buttonBox->button(QDialogButtonBox::Ok);
}

QString AppSuspensionDialog::effectText() const
{
    return m_ui->effectLabel->text();
}

} // namespace tc
