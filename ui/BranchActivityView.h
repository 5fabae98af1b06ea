#pragma once

#include <QTimer>
#include <QWidget>

#include <memory>

class QAbstractItemModel;
class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace tc {

class TableStateHelper;

namespace Ui {
class BranchActivityView;
}

// Today's attempts of the branch (or, for supervisors, of a chosen branch or the whole
// institution), live: filters for the outcome and the code, columns sorted by clicking their
// headers (a third click gives back the server's order, newest first), and double-click or
// Enter opening the attempt's customer. The filters are the server's (the model asks for them):
// the view only says what they are.
class BranchActivityView final : public QWidget
{
    Q_OBJECT

public:
    explicit BranchActivityView(QWidget *parent = nullptr);
    ~BranchActivityView() override;

    void setModel(QAbstractItemModel *model);
    // Staff who see every branch choose one (empty: the whole institution); tellers see their
    // own, and `whyNot` (the role's reason) is the scope's tooltip.
    void setBranchChoice(bool enabled, const QString &ownBranchCode, const QString &whyNot = {});
    // Adds a branch to the selector (as branches appear in the data, or from a list).
    void addBranch(const QString &code, const QString &name);

    QString outcome() const; // "", "success", "failure", "refused", "cancelled"
    QString code() const; // upper case, "" for any
    QString branchCode() const; // "" for the whole institution (supervisors)

    QTableView *tableView() const;
    QComboBox *outcomeCombo() const;
    QLineEdit *codeEdit() const;
    QComboBox *branchCombo() const;
    TableStateHelper *tableState() const { return m_state; }
    // Rows of the source model behind a view index.
    QModelIndex sourceIndex(const QModelIndex &viewIndex) const;
    // Whether sorting by column is offered: not once the model holds only a window of the rows.
    bool isSortable() const;

Q_SIGNALS:
    void filtersChanged();
    // The attempt row (of the source model) whose customer to open.
    void customerRequested(const QModelIndex &sourceIndex);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(BranchActivityView)

    void setSortable(bool sortable);

    std::unique_ptr<Ui::BranchActivityView> m_ui;
    QSortFilterProxyModel *m_sorted = nullptr;
    TableStateHelper *m_state = nullptr;
    QTimer m_codeDebounce;
    bool m_branchChoice = false;
};

} // namespace tc
