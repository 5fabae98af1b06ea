#pragma once

#include "Clock.h"
#include "Database.h"
#include "Result.h"
#include "SmtpSettings.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>

namespace tc::backend {

// Delivers the outbox (the completion notices the flow queues) over SMTP with libcurl, always
// inside TLS, and retries failures with exponential backoff. Several backend instances may run
// senders on one database: each row is claimed with a lease before it is sent, so a mail goes
// out once. The Database and the Clock must outlive the sender.
class OutboxSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxSender)

public:
    OutboxSender(Database &database, const Clock &clock, SmtpSettings settings,
                 QObject *parent = nullptr);
    // Stops the timer and waits for a pass under way (at most one SMTP timeout per mail).
    ~OutboxSender() override;

    // Checks what deliverDue() needs from the settings (URL scheme, From address, sizes);
    // the backend calls it at start so a bad configuration stops it instead of every mail.
    static Status validate(const SmtpSettings &settings);

    // Sends every due row (sent_at NULL, attempts < maxAttempts, next_attempt_at <= now) and
    // answers how many were delivered. Blocks for the SMTP sessions: call it on a worker, or
    // use start(). Safe to call concurrently, from this and from other senders.
    int deliverDue();

    // Runs deliverDue() now and then every intervalMs on a worker thread of the sender's own;
    // a pass still running when the timer fires is not doubled, the tick is skipped.
    void start(int intervalMs);
    // Stops the timer and waits for a pass under way.
    void stop();

Q_SIGNALS:
    // After each pass start() scheduled, in the sender's thread.
    void passFinished(int delivered);

private:
    void runPass();

    Database &m_database;
    const Clock &m_clock;
    const SmtpSettings m_settings;
    QTimer m_timer;
    QThreadPool m_pool;
    std::atomic_bool m_passRunning = false;
};

} // namespace tc::backend
