#pragma once

#include <QDir>
#include <QObject>
#include <QTimer>

#include <functional>

namespace tc {

class Console;
class MainWindow;

// `teller-console --demo-dir DIR --tour OUT`: what `make demo` shows on a machine without a
// display. After the demo teller's sign-in it walks the desk as a teller would — the customer
// of the branch's latest B84 found by the search box (Ctrl+K, the account, Enter), the B84
// attempt explained beside the lock, the explainer, the lock cleared at the counter with a
// driver's license (the dialog, then the customer without the lock), branch activity with a live
// attempt, the service pauses — saves a screenshot of each step in OUT and quits (exit
// status 1 when a step does not come within a minute).
class Tour final : public QObject
{
    Q_OBJECT

public:
    Tour(MainWindow &window, Console &console, const QString &outputDir);

private:
    Q_DISABLE_COPY_MOVE(Tour)

    struct Step
    {
        QString name;
        std::function<bool()> ready; // polled until true
        std::function<void()> then; // after the screenshot
    };

    void poll();
    void save(const QString &name);
    void finish(int exitCode);

    MainWindow &m_window;
    QDir m_dir;
    QList<Step> m_steps;
    qsizetype m_next = 0;
    int m_waitedMs = 0;
    qsizetype m_locksBefore = 0; // the customer's locks before "Clear lock…"
    QTimer m_timer;
};

} // namespace tc
