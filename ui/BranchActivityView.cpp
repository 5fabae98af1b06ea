#include "BranchActivityView.h"

#include "BranchActivityModel.h"
#include "FailedRowDelegate.h"
#include "TableStateHelper.h"
#include "ui_BranchActivityView.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QSortFilterProxyModel>

using namespace Qt::StringLiterals;

namespace tc {

BranchActivityView::BranchActivityView(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::BranchActivityView>()),
      m_sorted(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_sorted->setObjectName(u"branchActivitySorted"_s);
    m_sorted->setSortLocaleAware(true);
    m_ui->outcomeCombo->addItem(tr("All outcomes"), QString());
    m_ui->outcomeCombo->addItem(tr("Success"), u"success"_s);
    m_ui->outcomeCombo->addItem(tr("Failed"), u"failure"_s);
    m_ui->outcomeCombo->addItem(tr("Refused"), u"refused"_s);
    m_ui->outcomeCombo->addItem(tr("Cancelled"), u"cancelled"_s);
    m_ui->branchCombo->addItem(tr("All branches"), QString());
    m_ui->sortNote->hide();
    setBranchChoice(false, {});

    QHeaderView *header = m_ui->tableView->horizontalHeader();
    // No sort until the user asks: the server's order is newest first.
    header->setSortIndicator(-1, Qt::AscendingOrder);
    header->setSortIndicatorClearable(true);
    m_ui->tableView->setSortingEnabled(true);
    m_state = new TableStateHelper(m_ui->tableView, u"branchActivity"_s);
    m_ui->tableView->setItemDelegate(
        new FailedRowDelegate(BranchActivityModel::FailedRole, m_ui->tableView));

    m_codeDebounce.setSingleShot(true);
    m_codeDebounce.setInterval(300);
    connect(&m_codeDebounce, &QTimer::timeout, this, &BranchActivityView::filtersChanged);
    connect(m_ui->codeEdit, &QLineEdit::textEdited, &m_codeDebounce, qOverload<>(&QTimer::start));
    connect(m_ui->codeEdit, &QLineEdit::returnPressed, this, [this] {
        m_codeDebounce.stop();
        Q_EMIT filtersChanged();
    });
    connect(m_ui->outcomeCombo, &QComboBox::currentIndexChanged, this,
            &BranchActivityView::filtersChanged);
    connect(m_ui->branchCombo, &QComboBox::currentIndexChanged, this,
            &BranchActivityView::filtersChanged);
    connect(m_ui->tableView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT customerRequested(sourceIndex(index));
    });
    m_ui->tableView->installEventFilter(this);
}

BranchActivityView::~BranchActivityView() = default;

void BranchActivityView::setModel(QAbstractItemModel *model)
{
    if (auto *previous = qobject_cast<BranchActivityModel *>(m_sorted->sourceModel()))
        disconnect(previous, nullptr, this, nullptr);
    m_sorted->setSourceModel(model);
    m_ui->tableView->setModel(m_sorted);
    m_ui->tableView->horizontalHeader()->setStretchLastSection(true);
    // Sorting the rows seen would read every one of them, and most are not held.
    auto *activity = qobject_cast<BranchActivityModel *>(model);
    setSortable(!activity || !activity->isWindowed());
    if (activity) {
        connect(activity, &BranchActivityModel::windowedChanged, this,
                [this](bool windowed) { setSortable(!windowed); });
    }
}

bool BranchActivityView::isSortable() const
{
    return m_ui->tableView->isSortingEnabled();
}

void BranchActivityView::setSortable(bool sortable)
{
    QTableView *table = m_ui->tableView;
    m_ui->sortNote->setVisible(!sortable);
    if (sortable == table->isSortingEnabled())
        return;
    if (!sortable) {
        // Back to the server's order, newest first.
        table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
        m_sorted->sort(-1);
    }
    table->setSortingEnabled(sortable);
}

void BranchActivityView::setBranchChoice(bool enabled, const QString &ownBranchCode,
                                         const QString &whyNot)
{
    m_ui->scopeLabel->setToolTip(whyNot);
    m_branchChoice = enabled;
    m_ui->branchLabel->setVisible(enabled);
    m_ui->branchCombo->setVisible(enabled);
    if (!enabled && !ownBranchCode.isEmpty())
        m_ui->scopeLabel->setText(tr("Branch %1, today (Asia/Tokyo)").arg(ownBranchCode));
    else
        m_ui->scopeLabel->setText(tr("Today (Asia/Tokyo)"));
}

void BranchActivityView::addBranch(const QString &code, const QString &name)
{
    if (code.isEmpty() || m_ui->branchCombo->findData(code) >= 0)
        return;
    const QString label = name.isEmpty() ? code : code + u' ' + name;
    // Kept in code order after "All branches".
    int row = 1;
    while (row < m_ui->branchCombo->count() && m_ui->branchCombo->itemData(row).toString() < code)
        ++row;
    const QSignalBlocker blocker(m_ui->branchCombo);
    m_ui->branchCombo->insertItem(row, label, code);
}

QString BranchActivityView::outcome() const
{
    return m_ui->outcomeCombo->currentData().toString();
}

QString BranchActivityView::code() const
{
    return m_ui->codeEdit->text().trimmed().toUpper();
}

QString BranchActivityView::branchCode() const
{
    return m_branchChoice ? m_ui->branchCombo->currentData().toString() : QString();
}

QTableView *BranchActivityView::tableView() const
{
    return m_ui->tableView;
}

QComboBox *BranchActivityView::outcomeCombo() const
{
    return m_ui->outcomeCombo;
}

QLineEdit *BranchActivityView::codeEdit() const
{
    return m_ui->codeEdit;
}

QComboBox *BranchActivityView::branchCombo() const
{
    return m_ui->branchCombo;
}

QModelIndex BranchActivityView::sourceIndex(const QModelIndex &viewIndex) const
{
    return m_sorted->mapToSource(viewIndex);
}

bool BranchActivityView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->tableView && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter)
            && m_ui->tableView->currentIndex().isValid()) {
            Q_EMIT customerRequested(sourceIndex(m_ui->tableView->currentIndex()));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace tc
