#include "Tour.h"

#include "AttemptsModel.h"
#include "BranchActivityModel.h"
#include "BranchActivityView.h"
#include "Console.h"
#include "CustomerScriptWidget.h"
#include "CustomerView.h"
#include "Desk.h"
#include "ExplainerWidget.h"
#include "MainWindow.h"
#include "SearchWidget.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLoggingCategory>
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
    m_steps = {
        {u"01-signed-in"_s, [desk] { return desk() != nullptr; }, {}},
        {u"02-branch-activity"_s,
         [this, desk] {
             m_window.openTab(MainWindow::ActivityTab);
             // A B84 of the branch if the day has one (`make demo` makes one), else any row
             // once the first seconds have passed.
             const BranchActivityModel *rows = desk()->branchActivityModel();
             for (int row = 0; row < rows->rowCount(); ++row) {
                 if (rows->attemptAt(row).code == u"B84"_s)
                     return true;
             }
             return rows->rowCount() > 0 && m_waitedMs >= 10'000;
         },
         [this, desk] {
             // The latest B84 of the branch (else its latest attempt): the customer calling.
             const BranchActivityModel *rows = desk()->branchActivityModel();
             int chosen = 0;
             for (int row = 0; row < rows->rowCount(); ++row) {
                 if (rows->attemptAt(row).code == u"B84"_s
                     && !rows->attemptAt(row).account.isEmpty()) {
                     chosen = row;
                     break;
                 }
             }
             m_customerId = rows->attemptAt(chosen).customerId;
             QLineEdit *box = m_window.search()->searchEdit();
             m_window.focusSearch();
             box->setText(typedAccount(rows->attemptAt(chosen).account));
             QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
             QCoreApplication::sendEvent(box, &enter);
         }},
        {u"03-customer"_s,
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
        {u"04-explain"_s,
         [this] {
             m_window.openTab(MainWindow::ExplainerTab);
             m_window.explainer()->setQuery(u"B84"_s);
             return true;
         },
         {}},
        {u"05-service-pauses"_s,
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
    if (!m_window.grab().save(path))
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
