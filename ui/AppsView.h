#pragma once

#include "RoleGate.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTableView;

namespace tc {

namespace client {
struct ClientError;
}

class AppSuspensionDialog;
class AppsModel;
class TableStateHelper;

namespace Ui {
class AppsView;
}

// The supervisor's apps tab: the institution's apps with their state, live linkages and who
// suspended them when and why; Suspend… / Resume… on the selected app ask for a reason in an
// AppSuspensionDialog. The line under the table says what the last change does: a suspended
// app's next call to the account API is refused (F04).
class AppsView final : public QWidget
{
    Q_OBJECT

public:
    explicit AppsView(RoleGate gate, QWidget *parent = nullptr);
    ~AppsView() override;

    void setModel(AppsModel *model);

    QTableView *tableView() const;
    QPushButton *suspendButton() const;
    QPushButton *resumeButton() const;
    QString effectText() const;
    // The open suspend/resume dialog, if any (tests drive it).
    AppSuspensionDialog *dialog() const;

public Q_SLOTS:
    void askSuspend();
    void askResume();

private:
    Q_DISABLE_COPY_MOVE(AppsView)

    void ask(bool suspend);
    QString currentClientId() const;
    void updateButtons();
    void fitColumns();
    void showChange(const QString &clientId, bool suspended);
    void showFailure(const QString &clientId, const client::ClientError &error);

    std::unique_ptr<Ui::AppsView> m_ui;
    RoleGate m_gate;
    QPointer<AppsModel> m_model;
    QPointer<AppSuspensionDialog> m_dialog;
    TableStateHelper *m_state = nullptr;
};

} // namespace tc
