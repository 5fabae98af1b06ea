#include "AppsView.h"

#include "AppSuspensionDialog.h"
#include "AppsModel.h"
#include "ClientError.h"
#include "FailedRowDelegate.h"
#include "TableStateHelper.h"
#include "ui_AppsView.h"

#include <QHeaderView>
#include <QItemSelectionModel>

using namespace Qt::StringLiterals;

namespace tc {

using permissions::StaffAction;

AppsView::AppsView(RoleGate gate, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::AppsView>()), m_gate(std::move(gate))
{
    m_ui->setupUi(this);
    m_state = new TableStateHelper(m_ui->tableView, u"apps"_s);
    // A suspended app stops customers: in dark red, as refused steps are elsewhere (the state
    // column says it in words).
    m_ui->tableView->setItemDelegate(
        new FailedRowDelegate(AppsModel::SuspendedRole, m_ui->tableView));
    connect(m_ui->suspendButton, &QPushButton::clicked, this, &AppsView::askSuspend);
    connect(m_ui->resumeButton, &QPushButton::clicked, this, &AppsView::askResume);
    updateButtons();
}

AppsView::~AppsView() = default;

void AppsView::setModel(AppsModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    m_ui->tableView->setModel(model);
    if (model) {
        connect(m_ui->tableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &AppsView::updateButtons);
        connect(model, &QAbstractItemModel::dataChanged, this, [this] {
            fitColumns(); // "Suspended" and its time are wider than what the row showed
            updateButtons();
        });
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            // A fresh list: the first app is current, so the buttons have something to act on.
            if (m_model->rowCount() > 0 && !m_ui->tableView->currentIndex().isValid())
                m_ui->tableView->setCurrentIndex(m_model->index(0, 0));
            fitColumns();
            updateButtons();
        });
        connect(model, &AppsModel::suspensionChanged, this, &AppsView::showChange);
        connect(model, &AppsModel::suspensionFailed, this, &AppsView::showFailure);
    }
    updateButtons();
}

QTableView *AppsView::tableView() const
{
    return m_ui->tableView;
}

QPushButton *AppsView::suspendButton() const
{
    return m_ui->suspendButton;
}

QPushButton *AppsView::resumeButton() const
{
    return m_ui->resumeButton;
}

AppSuspensionDialog *AppsView::dialog() const
{
    return m_dialog;
}

QString AppsView::effectText() const
{
    return m_ui->effectLabel->text();
}

void AppsView::askSuspend()
{
    ask(true);
}

void AppsView::askResume()
{
    ask(false);
}

void AppsView::ask(bool suspend)
{
    if (!m_model || m_dialog || !m_gate.offers(StaffAction::SuspendApp))
        return;
    const std::optional<protocol::StaffApp> app = m_model->app(currentClientId());
    if (!app || app->suspended == suspend)
        return;
    // Window-modal and not exec(): the event stream keeps the table live behind it.
    m_dialog = new AppSuspensionDialog(*app, suspend, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setWindowModality(Qt::WindowModal);
    connect(m_dialog, &QDialog::accepted, this,
            [this, dialog = QPointer<AppSuspensionDialog>(m_dialog)] {
                if (!dialog || !m_model)
                    return;
                m_ui->effectLabel->setText(dialog->suspends() ? tr("Suspending…")
                                                              : tr("Resuming…"));
                m_model->setSuspended(dialog->clientId(), dialog->suspends(), dialog->reason());
            });
    connect(m_dialog, &QDialog::finished, m_ui->tableView,
            [view = m_ui->tableView] { view->setFocus(Qt::OtherFocusReason); });
    m_dialog->open();
}

void AppsView::fitColumns()
{
    // A handful of apps: every column but the reason fits its text; the reason, last, keeps the
    // width left.
    for (int column = 0; column < AppsModel::ReasonColumn; ++column)
        m_ui->tableView->resizeColumnToContents(column);
}

QString AppsView::currentClientId() const
{
    return m_ui->tableView->currentIndex().data(AppsModel::ClientIdRole).toString();
}

void AppsView::updateButtons()
{
    const QModelIndex current = m_ui->tableView->currentIndex();
    const bool hasApp = m_model && current.isValid();
    const bool suspended = current.data(AppsModel::SuspendedRole).toBool();
    if (!m_gate.offers(StaffAction::SuspendApp)) {
        m_gate.apply(m_ui->suspendButton, StaffAction::SuspendApp);
        m_gate.apply(m_ui->resumeButton, StaffAction::SuspendApp);
        return;
    }
    m_ui->suspendButton->setEnabled(hasApp && !suspended);
    m_ui->resumeButton->setEnabled(hasApp && suspended);
}

void AppsView::showChange(const QString &clientId, bool suspended)
{
    if (!m_model)
        return;
    const std::optional<protocol::StaffApp> app = m_model->app(clientId);
    const QString name = app ? app->name : clientId;
    m_ui->effectLabel->setText(
        suspended ? tr("%1 is suspended: the app's next call to the account API is refused (F04) "
                       "until a supervisor resumes it.")
                        .arg(name)
                  : tr("%1 is resumed: its linkages that have neither expired nor been revoked "
                       "work again.")
                        .arg(name));
    updateButtons();
}

void AppsView::showFailure(const QString &clientId, const client::ClientError &error)
{
    const std::optional<protocol::StaffApp> app = m_model ? m_model->app(clientId) : std::nullopt;
    m_ui->effectLabel->setText(
        tr("%1 was not changed: %2").arg(app ? app->name : clientId, error.text()));
    updateButtons();
}

} // namespace tc
