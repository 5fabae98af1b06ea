#include "ApprovalQueueView.h"

#include "AttemptLabels.h"
#include "MessageBar.h"
#include "TableStateHelper.h"
#include "ui_ApprovalQueueView.h"

#include <QApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

// "ﾃﾞｰﾀ ﾀﾛｳ, 001 Ordinary 1234567, identity lock"
QString requestName(const protocol::ReleaseRequest &request)
{
    return QCoreApplication::translate("tc::ApprovalQueueView", "%1, %2, %3 lock")
        .arg(request.customerName,
             accountLabel(request.branchCode, request.accountType, request.accountNumber),
             lockKindLabel(request.kind));
}

} // namespace

ApprovalQueueView::ApprovalQueueView(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ApprovalQueueView>())
{
    m_ui->setupUi(this);
    m_messageBar = new MessageBar(this);
    m_ui->messageLayout->addWidget(m_messageBar);
    m_tableState = new TableStateHelper(m_ui->requestsView, u"approvals/requests"_s);
    m_ui->requestsView->horizontalHeader()->setHighlightSections(false);
    connect(m_ui->approveButton, &QPushButton::clicked, this, &ApprovalQueueView::approveSelected);
    connect(m_ui->rejectButton, &QPushButton::clicked, this, &ApprovalQueueView::rejectSelected);
    connect(m_ui->requestsView, &QTableView::activated, this, [this](const QModelIndex &index) {
        const qint64 customerId = index.data(ReleaseRequestsModel::CustomerIdRole).toLongLong();
        if (customerId > 0)
            Q_EMIT customerRequested(customerId);
    });
    m_waitingTimer.setInterval(waitingRefreshMs);
    connect(&m_waitingTimer, &QTimer::timeout, this, [this] {
        if (m_model)
            m_model->refreshTimes();
    });
    m_waitingTimer.start();
    showState();
}

ApprovalQueueView::~ApprovalQueueView() = default;

void ApprovalQueueView::setModel(ReleaseRequestsModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_ui->requestsView->setModel(model);
    if (model) {
        connect(model, &ReleaseRequestsModel::decided, this, &ApprovalQueueView::onDecided);
        connect(model, &ReleaseRequestsModel::decisionFailed, this,
                &ApprovalQueueView::onDecisionFailed);
        for (const auto signal :
             {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(model, signal, this, &ApprovalQueueView::showState);
        connect(model, &QAbstractItemModel::modelReset, this, &ApprovalQueueView::showState);
        connect(model, &ReleaseRequestsModel::loaded, this, &ApprovalQueueView::showState);
        connect(model, &ReleaseRequestsModel::loadFailed, this, &ApprovalQueueView::showState);
        connect(m_ui->requestsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &ApprovalQueueView::showSelection);
        // The newest request selected as it arrives, unless one is chosen already.
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first) {
                    if (!m_ui->requestsView->currentIndex().isValid())
                        m_ui->requestsView->setCurrentIndex(m_model->index(first, 0));
                });
    }
    showState();
    showSelection();
}

void ApprovalQueueView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Opened with Ctrl+5: the keyboard goes to the list, so arrows, Alt+A and Alt+R work at once.
    const QWidget *focus = QApplication::focusWidget();
    if (!focus || !isAncestorOf(focus))
        m_ui->requestsView->setFocus(Qt::OtherFocusReason);
}

void ApprovalQueueView::setSignedInUser(const QString &username)
{
    m_username = username;
    showSelection();
}

QTableView *ApprovalQueueView::requestsView() const
{
    return m_ui->requestsView;
}

QLineEdit *ApprovalQueueView::noteEdit() const
{
    return m_ui->noteEdit;
}

QPushButton *ApprovalQueueView::approveButton() const
{
    return m_ui->approveButton;
}

QPushButton *ApprovalQueueView::rejectButton() const
{
    return m_ui->rejectButton;
}

QString ApprovalQueueView::stateText() const
{
    return m_ui->stateLabel->text();
}

void ApprovalQueueView::approveSelected()
{
    decideSelected(ReleaseRequestsModel::Decision::Approve);
}

void ApprovalQueueView::rejectSelected()
{
    decideSelected(ReleaseRequestsModel::Decision::Reject);
}

std::optional<protocol::ReleaseRequest> ApprovalQueueView::selectedRequest() const
{
    if (!m_model)
        return std::nullopt;
    return m_model->requestAt(m_ui->requestsView->currentIndex().row());
}

void ApprovalQueueView::decideSelected(ReleaseRequestsModel::Decision decision)
{
    const std::optional<protocol::ReleaseRequest> request = selectedRequest();
    if (!request) {
        m_messageBar->showMessage(tr("Select a request in the list first."),
                                  MessageBar::Kind::Information);
        m_ui->requestsView->setFocus(Qt::OtherFocusReason);
        return;
    }
    const QString text = m_ui->noteEdit->text().trimmed();
    if (decision == ReleaseRequestsModel::Decision::Reject && text.isEmpty()) {
        m_messageBar->showMessage(
            tr("Type the reason for rejecting in \"Note or reason\": the requester reads it."),
            MessageBar::Kind::Warning);
        m_ui->noteEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_asked.insert(request->id, *request);
    m_messageBar->dismiss();
    m_ownHintShown = false;
    m_model->decide(request->id, decision, text);
}

void ApprovalQueueView::onDecided(qint64 requestId, ReleaseRequestsModel::Decision decision)
{
    const protocol::ReleaseRequest request = m_asked.take(requestId);
    m_ui->noteEdit->clear();
    m_ownHintShown = false;
    m_messageBar->showMessage(
        decision == ReleaseRequestsModel::Decision::Approve
            ? tr("Approved: %1 is released; the customer may try again now.")
                  .arg(requestName(request))
            : tr("Rejected: %1 stays locked until 00:00 JST; %2 sees your reason.")
                  .arg(requestName(request), request.requestedBy),
        MessageBar::Kind::Information);
    m_ui->requestsView->setFocus(Qt::OtherFocusReason);
}

void ApprovalQueueView::onDecisionFailed(qint64 requestId, ReleaseRequestsModel::Decision decision,
                                         const client::ClientError &error)
{
    m_asked.remove(requestId);
    m_ownHintShown = false;
    const bool refused = error.code == "S08"_L1 || error.code == "S05"_L1;
    m_messageBar->showMessage(refusalText(error, decision),
                              refused ? MessageBar::Kind::Warning : MessageBar::Kind::Error);
}

QString ApprovalQueueView::refusalText(const client::ClientError &error,
                                       ReleaseRequestsModel::Decision decision)
{
    if (error.code == "S08"_L1)
        return decision == ReleaseRequestsModel::Decision::Approve
            ? tr("You made this request yourself: another supervisor must approve it.")
            : tr("You made this request yourself: another supervisor must decide it.");
    if (error.code == "S10"_L1)
        return tr("Another supervisor has already decided this request; it has left the list.");
    if (error.code == "S09"_L1)
        return tr("The lock had already ended (at 00:00 JST or by another release): the request "
                  "lapsed and nothing was changed.");
    if (error.code == "S05"_L1)
        return tr("Type the reason for rejecting in \"Note or reason\": the requester reads it.");
    return error.text();
}

void ApprovalQueueView::showState()
{
    if (!m_model) {
        m_ui->stateLabel->clear();
        return;
    }
    if (m_model->error() && m_model->rowCount() == 0) {
        m_ui->stateLabel->setText(m_model->error()->text());
        return;
    }
    const int waiting = m_model->rowCount();
    m_ui->stateLabel->setText(waiting == 0 ? tr("No request is waiting for a decision.")
                                           : tr("%n request(s) waiting", "", waiting));
    const bool any = waiting > 0;
    m_ui->approveButton->setEnabled(any);
    m_ui->rejectButton->setEnabled(any);
    const QString why = any ? QString() : tr("No request is waiting for a decision.");
    for (QPushButton *button : {m_ui->approveButton, m_ui->rejectButton})
        button->setStatusTip(why);
}

void ApprovalQueueView::showSelection()
{
    const std::optional<protocol::ReleaseRequest> request = selectedRequest();
    // The server refuses a supervisor's approval of their own request (S08): said beforehand.
    const bool own = request && !m_username.isEmpty() && request->requestedBy == m_username;
    if (own) {
        m_messageBar->showMessage(
            tr("This is your own request: another supervisor must approve or reject it."),
            MessageBar::Kind::Information);
        m_ownHintShown = true;
    } else if (std::exchange(m_ownHintShown, false)) {
        m_messageBar->dismiss();
    }
}

} // namespace tc
