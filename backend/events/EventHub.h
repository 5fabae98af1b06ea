#pragma once

#include "Result.h"
#include "StaffPrincipal.h"

#include <QElapsedTimer>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>

namespace tc::backend {
class Database;
namespace http {
class HttpStreamWriter;
}
} // namespace tc::backend

namespace tc::backend::events {

class HubWorker;

// One per backend instance: reads new rows of the events table on a thread of its own and writes
// each to the open staff streams whose caller may see it. It reads when this instance's
// transactions that published events have committed (the database's commit announcer), when
// another instance's NOTIFY comes on a LISTEN connection of its own (PostgreSQL), and by a poll;
// it sends one NOTIFY for the events this instance committed within notifyCoalesceMs. Streams hold
// no handler thread: the hub keeps their writers. docs/decisions.md describes the ordering rule
// (ids are delivered in order; a gap is waited for briefly, and a row that commits later still goes
// out).
class EventHub final
{
    Q_DISABLE_COPY_MOVE(EventHub)

public:
    struct Limits
    {
        int streamsPerSession = 3; // a console opens one; a few cover a reconnect race
        int streamsTotal = 500; // per backend instance
        int heartbeatMs = 15000; // an SSE comment keeps proxies and clients from timing out
        int retryMs = 3000; // the "retry:" hint sent to clients
        int sqlitePollMs = 200;
        int postgresSafetyPollMs = 5000; // also reads when no NOTIFY came (lost connection)
        // A NOTIFY is read, and this instance's committed events are announced and read, this
        // long after the first of them, with every other one of that while: under load
        // (thousands of attempts a second) one NOTIFY and one read instead of one per commit.
        int notifyCoalesceMs = 20;
        int gapSettleMs = 2000; // how long a missing id is waited for before later ids go out
        int replayLimit = 1000; // events replayed on reconnect at most (then "reset")
    };

    // A reserved stream slot: counted against the limits from the moment it is reserved.
    struct Subscription
    {
        staff::StaffPrincipal principal;
        std::optional<qint64> lastEventId;
        std::shared_ptr<http::HttpStreamWriter> writer; // set once the stream is open
        QElapsedTimer reservedAt;
        bool live = false; // replay done; receives new events (hub thread only)
    };

    EventHub(Database &database, Limits limits);
    EventHub(Database &database);
    ~EventHub();

    // Starts the hub thread (reads the newest id, subscribes on PostgreSQL). Errors when the
    // database cannot be read or the LISTEN connection cannot be opened.
    Status start();
    // Ends every stream and the thread. Idempotent; the destructor calls it.
    void stop();

    // A slot for a new stream of `principal`, or null when a limit is reached.
    std::shared_ptr<Subscription> reserve(const staff::StaffPrincipal &principal,
                                          std::optional<qint64> lastEventId);
    // The stream of a reserved slot opened (any thread; returns at once): replay, then live.
    void attach(const std::shared_ptr<Subscription> &subscription,
                std::shared_ptr<http::HttpStreamWriter> writer);

    // Streams counted now (closed ones are dropped first).
    int streamCount();
    // Reads new rows now (tests; the hub also does it by itself).
    void readNow();
    // Sends the heartbeat comment now (tests).
    void heartbeatNow();
    const Limits &limits() const { return m_limits; }

private:
    friend class HubWorker;
    void pruneLocked();
    // The database's commit announcer: any thread, returns at once.
    void committed();

    Database &m_database;
    Limits m_limits;
    QMutex m_mutex;
    QList<std::shared_ptr<Subscription>> m_subscriptions; // guarded by m_mutex
    std::unique_ptr<QThread> m_thread;
    HubWorker *m_worker = nullptr; // lives on m_thread, deleted when it ends
    // A committed() call is queued to the worker and has not run yet: later ones add nothing.
    std::atomic<bool> m_committedQueued = false;
};

} // namespace tc::backend::events
