#include "Tour.h"

#include "AttemptsModel.h"
#include "BranchActivityModel.h"
#include "BranchActivityView.h"
#include "ClearLockDialog.h"
#include "Console.h"
#include "CustomerScriptWidget.h"
#include "CustomerView.h"
#include "Desk.h"
#include "ExplainerWidget.h"
#include "MainWindow.h"
#include "Protocol.h"
#include "SearchWidget.h"
#include "StaffChangeForm.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeView>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

constexpr int pollMs = 200;
constexpr int stepLimitMs = 60'000;

// "001 ordinary 1234567" → "001-1234567", as a teller types it.
QString typedAccount(const QString &label)
{
    const QStringList parts = label.split(u' ', Qt::SkipEmptyParts);
    return parts.size() == 3 ? parts.at(0) + u'-' + parts.at(2) : QString();
}

} // namespace

Tour::Tour(MainWindow &window, Console &console, const QString &outputDir)
    : QObject(&window), m_window(window), m_dir(outputDir)
{
    m_dir.mkpath(u"."_s);
    const auto desk = [&console] { return console.desk(); };
    // The latest B84 of the branch (`make demo` makes one), else its latest attempt with an
    // account: the customer calling.
    const auto callingRow = [desk]() -> int {
        const BranchActivityModel *rows = desk()->branchActivityModel();
        int fallback = -1;
        for (int row = 0; row < rows->rowCount(); ++row) {
            const protocol::Attempt *attempt = rows->attemptAt(row);
            if (!attempt || attempt->account.isEmpty())
                continue;
            if (attempt->code == u"B84"_s)
                return row;
            if (fallback < 0)
                fallback = row;
        }
        return fallback;
    };
    m_steps = {
        {u"01-signed-in"_s,
         [this, desk, callingRow] {
             // Signed in, and the day's activity read: a B84 to look up, or a while waited.
             return desk() != nullptr
                 && (desk()->branchActivityModel()->rowCount() > 0 || m_waitedMs >= 10'000)
                 && (callingRow() >= 0 || m_waitedMs >= 10'000);
         },
         [this, desk, callingRow] {
             const int row = callingRow();
             if (row < 0)
                 return;
             // Ctrl+K, the account as the customer reads it from the passbook, Enter.
             QLineEdit *box = m_window.search()->searchEdit();
             m_window.focusSearch();
             box->setText(typedAccount(desk()->branchActivityModel()->attemptAt(row)->account));
             QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
             QCoreApplication::sendEvent(box, &enter);
         }},
        {u"02-customer"_s,
         [this, desk] {
             AttemptsModel *attempts = desk()->attemptsModel();
             if (!m_window.customerView()->hasCustomer() || attempts->rowCount() == 0)
                 return false;
             // The newest B84 (or the newest attempt) explained beside the lock.
             QModelIndex chosen = attempts->index(0, 0);
             for (int row = 0; row < attempts->rowCount(); ++row) {
                 const QModelIndex flow = attempts->index(row, 0);
                 if (flow.data(AttemptsModel::CodeRole).toString() == u"B84"_s) {
                     chosen = flow;
                     break;
                 }
             }
             m_window.customerView()->attemptsView()->setCurrentIndex(chosen);
             return !m_window.customerView()->script()->scriptText().isEmpty();
         },
         {}},
        {u"03-explain-b84"_s,
         [this] {
             m_window.openTab(MainWindow::ExplainerTab);
             m_window.explainer()->setQuery(u"B84"_s);
             return true;
         },
         [this] {
             // The customer is at the counter with a driver's license: "Clear lock…".
             m_window.openTab(MainWindow::CustomerTab);
             m_locksBefore = m_window.customerView()->clearLockButtons().size();
             if (m_locksBefore > 0)
                 m_window.customerView()->clearLockButtons().constFirst()->click();
         }},
        {u"04-clear-lock"_s,
         [this] {
             if (m_locksBefore == 0)
                 return true;
             auto *dialog = m_window.findChild<ClearLockDialog *>();
             if (!dialog || !dialog->isVisible())
                 return false;
             StaffChangeForm *form = dialog->findChild<StaffChangeForm *>();
             form->counterChoice()->setChecked(true);
             form->documentCombo()->setCurrentIndex(
                 form->documentCombo()->findData(u"drivers_license"_s));
             form->reasonEdit()->setText(tr("At the counter; identity checked with the customer's "
                                            "driver's license."));
             return form->isComplete();
         },
         [this] {
             if (auto *dialog = m_window.findChild<ClearLockDialog *>())
                 dialog->accept();
         }},
        {u"05-lock-cleared"_s,
         [this] {
             // The lock gone (or its request waiting for approval) on the customer view.
             const auto *dialog = m_window.findChild<ClearLockDialog *>();
             return (!dialog || !dialog->isVisible())
                 && (m_window.customerView()->clearLockButtons().size() < m_locksBefore
                     || m_waitedMs >= 5'000);
         },
         {}},
        {u"06-branch-activity-live"_s,
         [this, desk] {
             m_window.openTab(MainWindow::ActivityTab);
             // Simulated customers of the branch arrive every few seconds to a minute: wait
             // for a row the event stream brought, and show the table anyway after 50 s.
             const BranchActivityModel *rows = desk()->branchActivityModel();
             for (int row = 0; row < rows->rowCount(); ++row) {
                 if (rows->index(row, 0).data(BranchActivityModel::LiveRole).toBool())
                     return m_waitedMs >= 1'000;
             }
             return m_waitedMs >= 50'000;
         },
         {}},
        {u"07-service-pauses"_s,
         [this] {
             m_window.openTab(MainWindow::PausesTab);
             return true;
         },
         {}},
    };
    m_timer.setInterval(pollMs);
    connect(&m_timer, &QTimer::timeout, this, &Tour::poll);
    m_timer.start();
}

void Tour::poll()
{
    if (m_next >= m_steps.size())
        return finish(0);
    const Step &step = m_steps.at(m_next);
    if (!step.ready()) {
        m_waitedMs += pollMs;
        if (m_waitedMs > stepLimitMs) {
            std::fprintf(stderr, "tour: step %s did not come within a minute\n",
                         qPrintable(step.name));
            finish(1);
        }
        return;
    }
    save(step.name);
    if (step.then)
        step.then();
    ++m_next;
    m_waitedMs = 0;
}

void Tour::save(const QString &name)
{
    const QString path = m_dir.filePath(name + u".png"_s);
    // A dialog open over the window is what the step shows.
    QWidget *shown = &m_window;
    if (auto *dialog = m_window.findChild<ClearLockDialog *>(); dialog && dialog->isVisible())
        shown = dialog;
    if (!shown->grab().save(path))
        std::fprintf(stderr, "tour: could not save %s\n", qPrintable(path));
    else
        std::printf("tour: %s\n", qPrintable(path));
}

void Tour::finish(int exitCode)
{
    m_timer.stop();
    QCoreApplication::exit(exitCode);
}

} // namespace tc
