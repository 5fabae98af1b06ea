#include "MainWindow.h"

#include "AuditLabels.h"
#include "BranchActivityView.h"
#include "ConnectionStatusWidget.h"
#include "CustomerView.h"
#include "ExplainerWidget.h"
#include "LockScreen.h"
#include "MessageBar.h"
#include "RoleGate.h"
#include "SearchWidget.h"
#include "ServiceStatusWidget.h"
#include "ShortcutsDialog.h"
#include "TableStateHelper.h"
#include "UpcomingWindowsModel.h"
#include "ui_MainWindow.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QStackedWidget>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace tc {

namespace { } // namespace

MainWindow::MainWindow(const ErrorCatalog &catalog, const ServiceCalendar &calendar, Clock clock,
                       QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_calendar(calendar),
      m_clock(std::move(clock))
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Teller Console %1").arg(QStringLiteral(TC_VERSION)));

    // The lock screen takes the desk's place in the window; the desk stays whole behind it.
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(takeCentralWidget());
    m_lockScreen = new LockScreen(m_pages);
    m_lockScreen->setObjectName(u"lockScreen"_s);
    m_pages->addWidget(m_lockScreen);
    setCentralWidget(m_pages);
    connect(m_lockScreen, &LockScreen::signOutRequested, this, &MainWindow::signOutRequested);

    m_messageBar = new MessageBar(m_ui->centralWidget);
    m_ui->messageLayout->addWidget(m_messageBar);

    m_search = new SearchWidget(m_ui->searchPanel);
    m_ui->searchLayout->addWidget(m_search);

    m_customer = new CustomerView(catalog, m_clock, m_ui->customerTab);
    m_ui->customerLayout->addWidget(m_customer);
    m_ui->customerLayout->setContentsMargins(4, 4, 4, 4);

    connect(m_customer, &CustomerView::explainRequested, this, [this](const QString &code) {
        openTab(ExplainerTab);
        m_explainer->explainCode(code);
    });

    m_activity = new BranchActivityView(m_ui->activityTab);
    m_ui->activityLayout->addWidget(m_activity);
    m_ui->activityLayout->setContentsMargins(0, 0, 0, 0);

    m_explainer = new ExplainerWidget(catalog, m_ui->explainerTab);
    m_ui->explainerLayout->addWidget(m_explainer);
    m_ui->explainerLayout->setContentsMargins(0, 0, 0, 0);
    // Every control of the window has a name for screen readers; the explainer's own form
    // may not name these yet.
    if (m_explainer->queryEdit()->accessibleName().isEmpty())
        m_explainer->queryEdit()->setAccessibleName(tr("Code or message to explain"));
    if (m_explainer->resultsView()->accessibleName().isEmpty())
        m_explainer->resultsView()->setAccessibleName(tr("Matching catalog entries"));

    m_upcoming = new UpcomingWindowsModel(this);
    m_ui->upcomingView->setModel(m_upcoming);
    QHeaderView *header = m_ui->upcomingView->horizontalHeader();
    for (int column = 0; column < UpcomingWindowsModel::ReasonColumn; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_upcomingState = new TableStateHelper(m_ui->upcomingView, u"servicePauses"_s);

    m_ui->deskSplitter->setStretchFactor(0, 1);
    m_ui->deskSplitter->setStretchFactor(1, 3);
    m_ui->deskSplitter->setSizes({360, 840});

    m_connection = new ConnectionStatusWidget(this);
    m_ui->statusBar->addPermanentWidget(m_connection);
    m_status = new ServiceStatusWidget(calendar, m_clock, this);
    m_ui->statusBar->addPermanentWidget(m_status, 1);
    m_user = new QLabel(this);
    m_user->setObjectName(u"signedInUser"_s);
    m_ui->statusBar->addPermanentWidget(m_user);
    // Opening or closing moves the plan on: the window that just ended leaves the list.
    connect(m_status, &ServiceStatusWidget::openChanged, this, &MainWindow::refreshUpcoming);
    refreshUpcoming();

    connect(m_ui->actionQuit, &QAction::triggered, this, &MainWindow::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionShortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(m_ui->actionSettings, &QAction::triggered, this, &MainWindow::settingsRequested);
    connect(m_ui->actionSignIn, &QAction::triggered, this, &MainWindow::signInRequested);
    connect(m_ui->actionLock, &QAction::triggered, this, &MainWindow::lockRequested);
    connect(m_ui->actionSignOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    connect(m_ui->actionRefresh, &QAction::triggered, this, &MainWindow::refreshRequested);
    connect(m_ui->actionFindCustomer, &QAction::triggered, this, &MainWindow::focusSearch);
    connect(m_ui->actionShowCustomer, &QAction::triggered, this, [this] { openTab(CustomerTab); });
    connect(m_ui->actionShowActivity, &QAction::triggered, this, [this] { openTab(ActivityTab); });
    connect(m_ui->actionShowExplainer, &QAction::triggered, this,
            [this] { openTab(ExplainerTab); });
    connect(m_ui->actionShowPauses, &QAction::triggered, this, [this] { openTab(PausesTab); });

    setSignedOut();
    setFocusProxy(m_search);
    m_search->setFocus();
}

MainWindow::~MainWindow() = default;

QTabWidget *MainWindow::tabs() const
{
    return m_ui->tabs;
}

QAction *MainWindow::addSessionTab(std::unique_ptr<QWidget> page, const QString &title,
                                   const QKeySequence &shortcut)
{
    QWidget *tab = page.release(); // the tab widget owns it from here
    m_ui->tabs->addTab(tab, title);
    auto *action = new QAction(title, m_ui->menuView);
    action->setShortcut(shortcut);
    m_ui->menuView->addAction(action);
    connect(action, &QAction::triggered, this, [this, page = QPointer<QWidget>(tab)] {
        if (page)
            m_ui->tabs->setCurrentWidget(page);
    });
    // The page and its action go together, whichever is removed first.
    connect(tab, &QObject::destroyed, action, &QObject::deleteLater);
    m_sessionTabActions.append(action);
    return action;
}

void MainWindow::removeSessionTabs()
{
    while (m_ui->tabs->count() > PausesTab + 1) {
        QWidget *page = m_ui->tabs->widget(m_ui->tabs->count() - 1);
        m_ui->tabs->removeTab(m_ui->tabs->count() - 1);
        delete page;
    }
    for (const QPointer<QAction> &action : std::as_const(m_sessionTabActions))
        delete action.get();
    m_sessionTabActions.clear();
}

QTableView *MainWindow::upcomingView() const
{
    return m_ui->upcomingView;
}

QString MainWindow::userText() const
{
    return m_user->text();
}

QList<TableStateHelper *> MainWindow::tableStates() const
{
    QList<TableStateHelper *> states = m_customer->tableStates();
    states.append(m_activity->tableState());
    states.append(m_upcomingState);
    return states;
}

QList<QAction *> MainWindow::menuActions() const
{
    QList<QAction *> actions;
    for (QAction *menu : m_ui->menuBar->actions())
        actions.append(menu->menu()->actions());
    return actions;
}

void MainWindow::setSignedIn(const protocol::StaffSession &staff)
{
    QStringList where;
    if (!staff.institutionName.isEmpty())
        where.append(staff.institutionName);
    if (!staff.branchCode.isEmpty())
        where.append(staff.branchName.isEmpty() ? staff.branchCode : staff.branchName);
    const QString who =
        tr("%1 (%2)").arg(staff.displayName.isEmpty() ? staff.username : staff.displayName,
                          staffRoleLabel(staff.role));
    m_user->setText(where.isEmpty() ? who : who + u" · "_s + where.join(u' '));
    m_user->setAccessibleName(tr("Signed in: %1").arg(m_user->text()));
    const RoleGate gate(staff.role);
    m_activity->setBranchChoice(gate.offers(permissions::StaffAction::ViewAnyBranch),
                                staff.branchCode,
                                gate.whyNot(permissions::StaffAction::ViewAnyBranch));
    for (QAction *action : {m_ui->actionLock, m_ui->actionSignOut, m_ui->actionRefresh})
        action->setEnabled(true);
    m_ui->actionSignIn->setEnabled(false);
    m_search->setEnabled(true);
}

void MainWindow::setSignedOut()
{
    m_user->setText(tr("Not signed in"));
    m_user->setAccessibleName(m_user->text());
    for (QAction *action : {m_ui->actionLock, m_ui->actionSignOut, m_ui->actionRefresh})
        action->setEnabled(false);
    m_ui->actionSignIn->setEnabled(true);
    m_customer->clearCustomer();
}

void MainWindow::setLocked(bool locked, const QString &reason)
{
    if (locked && !m_locked) {
        QWidget *focus = QApplication::focusWidget();
        m_focusBeforeLock = focus && m_ui->centralWidget->isAncestorOf(focus) ? focus : nullptr;
    }
    if (locked && (!m_locked || !reason.isEmpty()))
        m_lockScreen->prepare(m_user->text(), reason);
    m_locked = locked;
    m_pages->setCurrentWidget(locked ? static_cast<QWidget *>(m_lockScreen) : m_ui->centralWidget);
    if (locked)
        m_lockScreen->setFocus();
    else if (m_focusBeforeLock)
        m_focusBeforeLock->setFocus();
    for (QAction *action :
         {m_ui->actionLock, m_ui->actionSignOut, m_ui->actionRefresh, m_ui->actionFindCustomer,
          m_ui->actionShowCustomer, m_ui->actionShowActivity, m_ui->actionShowExplainer,
          m_ui->actionShowPauses})
        action->setEnabled(!locked);
    if (locked)
        m_ui->statusBar->showMessage(tr("Locked"));
    else
        m_ui->statusBar->clearMessage();
}

void MainWindow::focusSearch()
{
    m_search->focusSearch();
}

void MainWindow::openTab(Tab tab)
{
    m_ui->tabs->setCurrentIndex(tab);
}

void MainWindow::showError(const QString &text)
{
    m_messageBar->showMessage(
        text.trimmed().isEmpty() ? tr("The backend did not answer. Try again in a moment.") : text,
        MessageBar::Kind::Error);
}

void MainWindow::showInformation(const QString &text)
{
    m_messageBar->showMessage(text, MessageBar::Kind::Information);
}

void MainWindow::refreshUpcoming()
{
    m_upcoming->refresh(m_calendar, m_clock());
}

void MainWindow::showShortcuts()
{
    if (!m_shortcuts) {
        QList<ShortcutsDialog::Group> groups;
        for (QAction *menu : m_ui->menuBar->actions())
            groups.append({menu->text(), menu->menu()->actions()});
        m_shortcuts = new ShortcutsDialog(groups, this);
        m_shortcuts->setObjectName(u"shortcutsDialog"_s);
    }
    m_shortcuts->show();
    m_shortcuts->raise();
    m_shortcuts->activateWindow();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Teller Console"),
        tr("<p><b>Teller Console %1</b></p><p>For branch and phone-support staff of API linkage "
           "authentication: finds the customer, shows their attempts and locks, explains the "
           "codes and messages customers see and shows when the service is closed. Times are "
           "Asia/Tokyo.</p><p>Built with Qt %2.</p>")
            .arg(QStringLiteral(TC_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace tc
