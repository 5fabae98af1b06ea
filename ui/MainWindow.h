#pragma once

#include "Clock.h"
#include "Protocol.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QKeySequence;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace tc {

class BranchActivityView;
class ConnectionStatusWidget;
class CustomerView;
class ErrorCatalog;
class ExplainerWidget;
class LockScreen;
class MessageBar;
class SearchWidget;
class ServiceCalendar;
class ServiceStatusWidget;
class ShortcutsDialog;
class TableStateHelper;
class UpcomingWindowsModel;

namespace Ui {
class MainWindow;
}

// The console's window, the desk a teller works at: the customer search at the top left
// (Ctrl+K), the work area beside it (Customer, Branch activity, Explain, Service pauses), an
// inline message bar above it for errors that are not questions, and the status bar with the
// connection, the service status and who is signed in. Offline (before sign-in, or when the
// backend is unreachable) the explainer and the calendar still work.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum Tab { CustomerTab, ActivityTab, ExplainerTab, PausesTab };

    // The catalog and the calendar must outlive the window.
    MainWindow(const ErrorCatalog &catalog, const ServiceCalendar &calendar, Clock clock,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    ExplainerWidget *explainer() const { return m_explainer; }
    ServiceStatusWidget *serviceStatus() const { return m_status; }
    ConnectionStatusWidget *connectionStatus() const { return m_connection; }
    UpcomingWindowsModel *upcomingModel() const { return m_upcoming; }
    SearchWidget *search() const { return m_search; }
    CustomerView *customerView() const { return m_customer; }
    BranchActivityView *branchActivity() const { return m_activity; }
    MessageBar *messageBar() const { return m_messageBar; }
    QTabWidget *tabs() const;
    // A tab of the signed-in session only (the supervisor's views, the caller check): placed
    // after the fixed tabs with a View menu action and its shortcut (listed in the Keyboard
    // shortcuts window); removeSessionTabs() deletes them all on sign-out.
    QAction *addSessionTab(std::unique_ptr<QWidget> page, const QString &title,
                           const QKeySequence &shortcut);
    void removeSessionTabs();
    QTableView *upcomingView() const;
    QString userText() const;
    // Every table whose header state the settings keep (see TableStateHelper).
    QList<TableStateHelper *> tableStates() const;
    // The menus' actions, as the shortcuts window lists them.
    QList<QAction *> menuActions() const;
    ShortcutsDialog *shortcutsDialog() const { return m_shortcuts; }

    // Who is signed in: the status bar shows it, the desk's actions are enabled, supervisors
    // get the branch selector.
    void setSignedIn(const protocol::StaffSession &staff);
    void setSignedOut();
    // Locked: the lock screen takes the desk's place (nothing of the customer on screen) until
    // the password is given again; the desk is only hidden, so what was typed or selected there
    // and the focus come back as they were. `reason` says why on the lock screen.
    void setLocked(bool locked, const QString &reason = {});
    bool isLocked() const { return m_locked; }
    // Its unlockRequested() goes to Session::unlock, Session::signInFailed to its showFailure();
    // its "Sign out" is the window's signOutRequested().
    LockScreen *lockScreen() const { return m_lockScreen; }

public Q_SLOTS:
    void showAbout();
    void showShortcuts();
    void focusSearch();
    // An error that is not a question: shown above the work area until closed or replaced.
    void showError(const QString &text);
    void showInformation(const QString &text);
    void openTab(tc::MainWindow::Tab tab);
    // The planned pauses from "now" again (the backend's clock may differ from this machine's).
    void refreshUpcoming();

Q_SIGNALS:
    void settingsRequested();
    void signInRequested();
    void lockRequested();
    void signOutRequested();
    void refreshRequested();

private:
    Q_DISABLE_COPY_MOVE(MainWindow)

    std::unique_ptr<Ui::MainWindow> m_ui;
    QList<QPointer<QAction>> m_sessionTabActions;
    const ServiceCalendar &m_calendar;
    Clock m_clock;
    ExplainerWidget *m_explainer = nullptr;
    ServiceStatusWidget *m_status = nullptr;
    ConnectionStatusWidget *m_connection = nullptr;
    QLabel *m_user = nullptr;
    UpcomingWindowsModel *m_upcoming = nullptr;
    SearchWidget *m_search = nullptr;
    CustomerView *m_customer = nullptr;
    BranchActivityView *m_activity = nullptr;
    MessageBar *m_messageBar = nullptr;
    TableStateHelper *m_upcomingState = nullptr;
    ShortcutsDialog *m_shortcuts = nullptr;
    QStackedWidget *m_pages = nullptr; // the desk, or the lock screen
    LockScreen *m_lockScreen = nullptr;
    QPointer<QWidget> m_focusBeforeLock;
    bool m_locked = false;
};

} // namespace tc
