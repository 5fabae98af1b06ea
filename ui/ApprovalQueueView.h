#pragma once

#include "ReleaseRequestsModel.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace tc {

class MessageBar;
class TableStateHelper;

namespace Ui {
class ApprovalQueueView;
}

// The supervisor's approval queue: today's early-release requests, newest first, live, with how
// long each has waited (updated every minute). The selected request is approved (the note is
// optional) or rejected (the reason is required) with the buttons or Alt+A / Alt+R; the answer
// shows in the view's message bar, a refusal as a sentence saying what to do (another
// supervisor must approve a supervisor's own request). Double-click or Enter opens the
// customer.
class ApprovalQueueView final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int waitingRefreshMs = 60'000;

    explicit ApprovalQueueView(QWidget *parent = nullptr);
    ~ApprovalQueueView() override;

    void setModel(ReleaseRequestsModel *model);
    // The signed-in user: their own requests are marked as needing another supervisor.
    void setSignedInUser(const QString &username);

    QTableView *requestsView() const;
    QLineEdit *noteEdit() const;
    QPushButton *approveButton() const;
    QPushButton *rejectButton() const;
    MessageBar *messageBar() const { return m_messageBar; }
    // The line under the table: how many wait, or why the list is not there.
    QString stateText() const;
    TableStateHelper *tableState() const { return m_tableState; }

    // The sentence for a refused decision (S08, S09, S10, S05, or the error's own text).
    static QString refusalText(const client::ClientError &error,
                               ReleaseRequestsModel::Decision decision);

public Q_SLOTS:
    void approveSelected();
    void rejectSelected();

Q_SIGNALS:
    void customerRequested(qint64 customerId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(ApprovalQueueView)

    void decideSelected(ReleaseRequestsModel::Decision decision);
    std::optional<protocol::ReleaseRequest> selectedRequest() const;
    void showState();
    void showSelection();
    void onDecided(qint64 requestId, ReleaseRequestsModel::Decision decision);
    void onDecisionFailed(qint64 requestId, ReleaseRequestsModel::Decision decision,
                          const client::ClientError &error);

    std::unique_ptr<Ui::ApprovalQueueView> m_ui;
    MessageBar *m_messageBar = nullptr;
    TableStateHelper *m_tableState = nullptr;
    QPointer<ReleaseRequestsModel> m_model;
    QString m_username;
    QTimer m_waitingTimer;
    // What the view was asked to decide, for the message once the answer comes.
    QHash<qint64, protocol::ReleaseRequest> m_asked;
    bool m_ownHintShown = false; // the message bar says the selected request is the user's own
};

} // namespace tc
