#pragma once

#include "Protocol.h"

#include <QDialog>

#include <memory>

class QPushButton;

namespace tc {

namespace Ui {
class AppSuspensionDialog;
}

// Asks a supervisor for the reason of suspending (or resuming) one app for the institution,
// naming the app and what the change does to its live linkages. The confirm button stays
// disabled until a reason is typed; Enter confirms, Esc cancels.
class AppSuspensionDialog final : public QDialog
{
    Q_OBJECT

public:
    // `suspend`: true to suspend `app`, false to resume it.
    AppSuspensionDialog(const protocol::StaffApp &app, bool suspend, QWidget *parent = nullptr);
    ~AppSuspensionDialog() override;

    const QString &clientId() const { return m_clientId; }
    bool suspends() const { return m_suspend; }
    QString reason() const; // trimmed
    QPushButton *confirmButton() const;
    QString effectText() const;

private:
    Q_DISABLE_COPY_MOVE(AppSuspensionDialog)

    std::unique_ptr<Ui::AppSuspensionDialog> m_ui;
    QString m_clientId;
    bool m_suspend = true;
};

} // namespace tc
