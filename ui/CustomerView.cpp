#include "CustomerView.h"

#include "AttemptLabels.h"
#include "AttemptsModel.h"
#include "CustomerScriptWidget.h"
#include "ErrorCatalog.h"
#include "FailedRowDelegate.h"
#include "LockSentence.h"
#include "TableStateHelper.h"
#include "TokyoFormat.h"
#include "UiLanguage.h"
#include "ui_CustomerView.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QItemSelectionModel>
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
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);
    clearCustomer();
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
            lines.append(tr("Early release requested (%1 lock) by %2 at %3 JST: %4")
                             .arg(lockKindLabel(request.kind), request.requestedBy,
                                  formatTokyoTime(request.requestedAt), request.reason)
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
