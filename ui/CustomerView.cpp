#include "CustomerView.h"

#include "AttemptLabels.h"
#include "AttemptsModel.h"
#include "CustomerScriptWidget.h"
#include "ErrorCatalog.h"
#include "FailedRowDelegate.h"
#include "LinkagesModel.h"
#include "LockSentence.h"
#include "RoleGate.h"
#include "TableStateHelper.h"
#include "TokyoFormat.h"
#include "UiLanguage.h"
#include "ui_CustomerView.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace tc {

CustomerView::CustomerView(const ErrorCatalog &catalog, Clock clock, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::CustomerView>()), m_catalog(catalog),
      m_clock(std::move(clock))
{
    m_ui->setupUi(this);
    m_script = new CustomerScriptWidget(m_clock, m_ui->scriptBox);
    m_ui->scriptLayout->addWidget(m_script);
    m_attemptsState = new TableStateHelper(m_ui->attemptsView, u"customer/attempts"_s);
    m_ui->attemptsView->setItemDelegate(
        new FailedRowDelegate(AttemptsModel::FailedRole, m_ui->attemptsView));
    connect(m_ui->attemptsView, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (!m_attemptAt)
            return;
        if (const std::optional<protocol::Attempt> attempt = m_attemptAt(index);
            attempt && !attempt->code.isEmpty())
            Q_EMIT explainRequested(attempt->code);
    });
    m_linkagesState = new TableStateHelper(m_ui->linkagesView, u"customer/linkages"_s);
    connect(m_ui->revokeButton, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_ui->linkagesView->currentIndex();
        if (current.isValid())
            Q_EMIT revokeRequested(current.data(LinkagesModel::LinkageIdRole).toLongLong());
    });
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);
    clearCustomer();
    updateRevokeButton();
}

CustomerView::~CustomerView() = default;

void CustomerView::setAttemptsModel(QAbstractItemModel *model, AttemptAt attemptAt)
{
    m_attemptAt = std::move(attemptAt);
    if (model) {
        // Each flow open on its steps ①–⑥ as it arrives (connected before the view and the
        // table helper see the rows, so their widths count the steps).
        const auto expand = [this](const QModelIndex &parent, int first, int last) {
            if (parent.isValid())
                return;
            const QAbstractItemModel *attempts = m_ui->attemptsView->model();
            for (int row = first; row <= last; ++row)
                m_ui->attemptsView->expand(attempts->index(row, 0));
        };
        connect(model, &QAbstractItemModel::rowsInserted, this, expand);
        connect(model, &QAbstractItemModel::modelReset, this,
                [this, expand] { expand({}, 0, m_ui->attemptsView->model()->rowCount() - 1); });
    }
    m_ui->attemptsView->setModel(model);
    if (!model)
        return;
    connect(m_ui->attemptsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CustomerView::explainCurrentAttempt);
    // A live attempt may change the row the selection sits on (a flow's new last step).
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const QModelIndex current = m_ui->attemptsView->currentIndex();
                if (current.isValid() && current.parent() == topLeft.parent()
                    && current.row() >= topLeft.row() && current.row() <= bottomRight.row())
                    explainCurrentAttempt();
            });
}

void CustomerView::setLinkagesModel(QAbstractItemModel *model)
{
    m_ui->linkagesView->setModel(model);
    if (model) {
        connect(m_ui->linkagesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &CustomerView::updateRevokeButton);
        connect(model, &QAbstractItemModel::dataChanged, this, &CustomerView::updateRevokeButton);
        connect(model, &QAbstractItemModel::modelReset, this, &CustomerView::updateRevokeButton);
    }
    updateRevokeButton();
}

void CustomerView::setStaffRole(const QString &role)
{
    m_role = role;
    showLockActions();
    updateRevokeButton();
}

QList<QPushButton *> CustomerView::clearLockButtons() const
{
    return m_clearLockButtons;
}

QPushButton *CustomerView::clearLockButton(qint64 accountId, const QString &lockKind) const
{
    for (QPushButton *button : m_clearLockButtons) {
        if (button->property("accountId").toLongLong() == accountId
            && button->property("lockKind").toString() == lockKind)
            return button;
    }
    return nullptr;
}

QPushButton *CustomerView::revokeButton() const
{
    return m_ui->revokeButton;
}

void CustomerView::showLinkage(qint64 linkageId)
{
    const QAbstractItemModel *model = m_ui->linkagesView->model();
    if (!model)
        return;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(LinkagesModel::LinkageIdRole).toLongLong() != linkageId)
            continue;
        m_ui->detailTabs->setCurrentWidget(m_ui->linkagesTab);
        m_ui->linkagesView->setCurrentIndex(index);
        m_ui->linkagesView->scrollTo(model->index(row, LinkagesModel::RevokedColumn));
        return;
    }
}

void CustomerView::showLockActions()
{
    struct LockAction
    {
        const protocol::Account *account;
        const protocol::AccountLock *lock;
    };
    QList<LockAction> actions;
    if (m_detail) {
        for (const protocol::Account &account : m_detail->customer.accounts) {
            for (const protocol::AccountLock &lock : account.locks) {
                if (lock.locked)
                    actions.append({&account, &lock});
            }
        }
    }
    // The same locks as before keep their buttons (and the keyboard focus one may have): a
    // live event reloads the customer while the agent is on the phone.
    bool sameLocks = actions.size() == m_clearLockButtons.size();
    for (qsizetype i = 0; sameLocks && i < actions.size(); ++i)
        sameLocks = clearLockButton(actions.at(i).account->id, actions.at(i).lock->kind)
            == m_clearLockButtons.at(i);
    if (!sameLocks) {
        for (QPushButton *button : std::as_const(m_clearLockButtons)) {
            m_ui->lockActionsLayout->removeWidget(button);
            button->hide();
            button->deleteLater(); // it may be the one whose click led here
        }
        m_clearLockButtons.clear();
        for (const LockAction &action : std::as_const(actions)) {
            const QString accountText =
                accountLabel(action.account->branchCode, action.account->accountType,
                             action.account->accountNumber);
            auto *button = new QPushButton(
                tr("Clear lock… (%1, %2)").arg(lockKindLabel(action.lock->kind), accountText),
                m_ui->lockActions);
            button->setObjectName(
                u"clearLock_%1_%2"_s.arg(action.account->id).arg(action.lock->kind));
            button->setProperty("accountId", action.account->id);
            button->setProperty("lockKind", action.lock->kind);
            button->setAccessibleName(tr("Clear the %1 lock of account %2")
                                          .arg(lockKindLabel(action.lock->kind), accountText));
            connect(button, &QPushButton::clicked, this,
                    [this, accountId = action.account->id, kind = action.lock->kind] {
                        Q_EMIT clearLockRequested(accountId, kind);
                    });
            m_ui->lockActionsLayout->insertWidget(m_ui->lockActionsLayout->count() - 1, button);
            m_clearLockButtons.append(button);
        }
    }
    const RoleGate gate(m_role);
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const LockAction &action = actions.at(i);
        const QList<protocol::PendingRelease> &requests = action.account->pendingReleaseRequests;
        const bool pending = std::any_of(requests.cbegin(), requests.cend(),
                                         [&action](const protocol::PendingRelease &request) {
                                             return request.kind == action.lock->kind;
                                         });
        QString whyNot = gate.whyNot(permissions::StaffAction::ReleaseLock);
        if (whyNot.isEmpty() && pending)
            whyNot = tr("A request to clear this lock is waiting for a supervisor's approval.");
        QPushButton *button = m_clearLockButtons.at(i);
        button->setEnabled(whyNot.isEmpty());
        button->setToolTip(whyNot.isEmpty() ? tr("Clear this lock early, with the reason and how "
                                                 "the customer's identity was confirmed.")
                                            : whyNot);
    }
    m_ui->lockActions->setVisible(!m_clearLockButtons.isEmpty());
}

void CustomerView::updateRevokeButton()
{
    const QModelIndex current = m_ui->linkagesView->currentIndex();
    QString whyNot = RoleGate(m_role).whyNot(permissions::StaffAction::RevokeLinkage);
    if (whyNot.isEmpty() && !current.isValid())
        whyNot = tr("Select the linkage to revoke.");
    if (whyNot.isEmpty() && !current.data(LinkagesModel::ActiveRole).toBool())
        whyNot = tr("This linkage has ended already.");
    m_ui->revokeButton->setEnabled(whyNot.isEmpty());
    m_ui->revokeButton->setToolTip(
        whyNot.isEmpty() ? tr("Revoke the selected linkage: the app's tokens stop working at once.")
                         : whyNot);
}

QTreeView *CustomerView::attemptsView() const
{
    return m_ui->attemptsView;
}

QTableView *CustomerView::linkagesView() const
{
    return m_ui->linkagesView;
}

QTabWidget *CustomerView::detailTabs() const
{
    return m_ui->detailTabs;
}

QList<TableStateHelper *> CustomerView::tableStates() const
{
    return {m_attemptsState, m_linkagesState};
}

QString CustomerView::accountsHtml(const protocol::CustomerDetail &detail, const QDateTime &now)
{
    QStringList items;
    for (const protocol::Account &account : detail.customer.accounts) {
        QString item = u"<b>%1 %2</b> %3 %4"_s.arg(
            account.branchCode.toHtmlEscaped(), account.branchName.toHtmlEscaped(),
            accountTypeLabel(account.accountType).toHtmlEscaped(),
            account.accountNumber.toHtmlEscaped());
        if (account.status != u"active"_s)
            item += u" (%1)"_s.arg(account.status == u"closed"_s ? tr("closed") : tr("moved"));
        if (!account.cashCardIssued)
            item += u" — %1"_s.arg(tr("no cash card: cannot link").toHtmlEscaped());
        QStringList lines;
        for (const protocol::AccountLock &lock : account.locks) {
            const QString sentence = lockSentence(lock, now, currentUiLanguage()).toHtmlEscaped();
            lines.append(lock.locked ? u"<span style=\"color:#b71c1c\">%1</span>"_s.arg(sentence)
                                     : sentence);
        }
        for (const protocol::PendingRelease &request : account.pendingReleaseRequests) {
            lines.append(
                tr("Waiting for a supervisor's approval: early release of the %1 lock "
                   "(request %2) asked by %3 at %4 JST: %5")
                    .arg(lockKindLabel(request.kind))
                    .arg(request.id)
                    .arg(request.requestedBy, formatTokyoTime(request.requestedAt), request.reason)
                    .toHtmlEscaped());
        }
        // Early releases by staff stay in the account's history (newest first, the last three):
        // who, when, why.
        int releasesShown = 0;
        for (const protocol::LockHistoryEntry &entry : detail.lockHistory) {
            if (entry.accountId != account.id || entry.event != u"released_by_staff"_s
                || releasesShown == 3)
                continue;
            ++releasesShown;
            lines.append(tr("%1 lock released early on %2 JST by %3: %4")
                             .arg(lockKindLabel(entry.kind),
                                  formatTokyoDayTime(entry.at, currentUiLanguage()), entry.staff,
                                  entry.reason)
                             .toHtmlEscaped());
        }
        if (!lines.isEmpty())
            item += u"<br>&nbsp;&nbsp;"_s + lines.join(u"<br>&nbsp;&nbsp;"_s);
        items.append(item);
    }
    QString html = items.join(u"<br>"_s);
    html += u"<br>"_s
        + tr("Linkages: %1 active of %2")
              .arg(detail.activeLinkages)
              .arg(detail.totalLinkages)
              .toHtmlEscaped();
    if (detail.earlyReleaseNeedsApproval)
        html += u" · "_s + tr("early lock release needs a supervisor's approval").toHtmlEscaped();
    return html;
}

void CustomerView::setDetail(const protocol::CustomerDetail &detail)
{
    const bool sameCustomer = m_detail && m_detail->customer.id == detail.customer.id;
    m_detail = detail;
    const protocol::Customer &customer = detail.customer;
    m_ui->nameLabel->setText(customer.nameKana);
    QString facts = tr("Born %1 · Phone %2").arg(customer.birthDate, customer.phone);
    if (customer.masked)
        facts += u" "_s + tr("(partly hidden for your role)");
    m_ui->factsLabel->setText(facts);
    refreshTimes();
    showLockActions();
    m_ui->stack->setCurrentWidget(m_ui->customerPage);
    setAccessibleDescription(headerText());
    if (!sameCustomer) {
        m_script->clear();
    } else
        explainCurrentAttempt();
}

void CustomerView::clearCustomer()
{
    m_detail.reset();
    showLockActions();
    m_script->clear();
    m_ui->stack->setCurrentWidget(m_ui->noCustomerPage);
}

QString CustomerView::headerText() const
{
    if (!m_detail)
        return m_ui->noCustomerLabel->text();
    QTextDocument accounts;
    accounts.setHtml(m_ui->accountsLabel->text());
    return m_ui->nameLabel->text() + u'\n' + m_ui->factsLabel->text() + u'\n'
        + accounts.toPlainText();
}

void CustomerView::refreshTimes()
{
    if (!m_detail)
        return;
    m_ui->accountsLabel->setText(accountsHtml(*m_detail, m_clock()));
    m_script->refresh();
}

std::optional<protocol::Account> CustomerView::accountOf(qint64 accountId) const
{
    if (!m_detail)
        return std::nullopt;
    for (const protocol::Account &account : m_detail->customer.accounts) {
        if (account.id == accountId)
            return account;
    }
    return std::nullopt;
}

void CustomerView::explainCurrentAttempt()
{
    const QModelIndex current = m_ui->attemptsView->currentIndex();
    if (!current.isValid() || !m_attemptAt) {
        m_script->clear();
        return;
    }
    const std::optional<protocol::Attempt> attempt = m_attemptAt(current);
    if (!attempt) {
        m_script->clear();
        return;
    }
    m_script->setScript(attempt->code, m_catalog.find(attempt->code),
                        accountOf(attempt->accountId));
}

} // namespace tc
