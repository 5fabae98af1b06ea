#pragma once

#include "AuditChain.h"
#include "AuditKeys.h"
#include "Result.h"

#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QThreadPool>
#include <QWaitCondition>

#include <atomic>
#include <memory>
#include <optional>

class QTimer;

namespace tc::backend {
class Clock;
class Database;
} // namespace tc::backend

namespace tc::backend::audit {

// One staff action as the audit log keeps it: who (staff id, user name, role), when, what
// (action such as "customer.view", its target such as "account:42"), why (the reason the staff
// member gave, where one is required) and from where.
struct AuditRecord
{
    qint64 atMs = 0;
    QString institutionId;
    std::optional<qint64> staffId;
    QString username;
    QString role;
    QString action;
    QString target;
    QString reason;
    QString sourceAddress;
    QJsonObject details;
};

struct AuditRow
{
    qint64 seq = 0;
    AuditRecord record;
    QByteArray hash;
};

// The append-only, hash-chained audit log (audit_log, audit_head, audit_checkpoints).
//
// Each row's hash is SHA-256 over the previous row's hash and the row's canonical encoding
// (AuditChain.h); seq is the chain's order, assigned here under the lock of the single
// audit_head row, so appends of every thread and every backend instance form one line. A signed
// checkpoint (Ed25519, key outside the database) of the head is taken every `everyRows` rows and,
// when the head has moved, every `everySeconds` seconds; it goes to audit_checkpoints and, as a
// line, to `checkpointFile` outside the database, so that a tail cut off in the database is
// still caught by `auth-backend audit verify`.
// The chain hash of `record` stored as row `seq` after `prevHash`; `details` receives the
// JSON text the row stores (and the hash covers).
QByteArray recordHash(ChainHasher &hasher, QByteArrayView prevHash, qint64 seq,
                      const AuditRecord &record, QByteArray &details);

class AuditLog final
{
    Q_DISABLE_COPY_MOVE(AuditLog)

public:
    AuditLog(Database &database, const Clock &clock, SigningKey key, QString checkpointFile,
             int everyRows = 1000, int everySeconds = 60);
    ~AuditLog(); // waits for a checkpoint in progress

    // Appends inside the caller's transaction (Database::transaction): the row commits or rolls
    // back with the action it records. Other appenders wait on the chain's head until this
    // transaction ends, so keep the transaction short after appending.
    Status append(const QSqlDatabase &tx, const AuditRecord &record);

    // Appends in a transaction of its own and returns once the row is committed: for calls
    // that only read, whose row has nothing to commit or roll back with (answer only after it
    // succeeds). Concurrent callers share one transaction (group commit: whoever finds no
    // batch being written writes the rows of everyone waiting), so audited reads neither hold
    // SQLite's writer during their reads nor queue one by one on the chain's head. A batch of
    // one row on PostgreSQL is a single statement that commits by itself. Call it outside any
    // transaction of this thread's connection.
    Status appendCommitted(const AuditRecord &record);

    // Where a page ends: the (at, seq) of its last row; the next page continues below it.
    struct Position
    {
        qint64 atMs = 0;
        qint64 seq = 0;
    };
    // A page of one institution's rows, newest first by (at, seq), each filter optional: one
    // staff user, one action, the rows concerning one customer (its id, its accounts',
    // linkages' and release requests' rows), a period [fromMs, toMs).
    struct Query
    {
        QString institutionId;
        QString username;
        QString action;
        std::optional<qint64> customerId;
        std::optional<qint64> fromMs;
        std::optional<qint64> toMs;
        std::optional<Position> after; // the previous page's `next`
        int limit = 50; // 1–500
    };
    struct Page
    {
        QList<AuditRow> rows; // newest first
        std::optional<Position> next; // set when more rows follow
    };
    Result<Page> page(const QSqlDatabase &db, const Query &query);

    // Takes a periodic checkpoint if one is due (everyRows rows since the last one, or
    // everySeconds seconds and the head moved); `force`: whenever the head moved. Runs its own
    // transaction, then appends the line to the checkpoint file. The timer and append() call this
    // on a worker thread; tests call it directly with a ManualClock.
    Result<std::optional<Checkpoint>> checkpointIfDue(bool force = false);

    // Starts the timer that looks for a due checkpoint (a few times per everySeconds); call on
    // a thread with an event loop. stop() ends it and waits for a checkpoint in progress.
    void start();
    void stop();
    // Waits until checkpoints scheduled by append() or the timer are done (tests, shutdown).
    void waitForIdle();

    // For the retention job: signs a checkpoint of (seq, hash) and inserts it in `tx`; after the
    // commit, writeCheckpointLine() puts it in the file.
    Result<Checkpoint> insertCheckpoint(const QSqlDatabase &tx, qint64 seq, const QByteArray &hash,
                                        qint64 atMs, const QString &kind);
    Status writeCheckpointLine(const Checkpoint &checkpoint);

    const QString &checkpointFile() const { return m_checkpointFile; }
    VerifyKey publicKey() const { return m_key.publicKey(); }
    Database &database() { return m_database; }
    const Clock &clock() const { return m_clock; }

    struct Head
    {
        qint64 seq = 0;
        QByteArray hash;
        qint64 checkpointSeq = 0;
        qint64 checkpointAtMs = 0;
    };
    // Reads audit_head and, on PostgreSQL, locks it until `tx` ends (SELECT … FOR UPDATE; SQLite
    // writers are serialised by BEGIN IMMEDIATE already). Creates the row on first use.
    static Result<Head> lockHead(const QSqlDatabase &tx, bool postgres);

private:
    // Appends `records` in this order inside `tx`, taking the head once for all of them.
    Status appendRows(const QSqlDatabase &tx, const QList<const AuditRecord *> &records);
    // PostgreSQL, one row in one statement: inside the caller's transaction on `db`, or
    // committed by itself when `db` has none open.
    Status appendOneOnPostgreSql(const QSqlDatabase &db, const AuditRecord &record);
    void scheduleCheckpoint();

    // A caller of appendCommitted() waiting for its row's batch.
    struct Waiting
    {
        const AuditRecord *record = nullptr;
        std::optional<Status> outcome; // set when its batch has committed or failed
    };

    Database &m_database;
    const Clock &m_clock;
    SigningKey m_key;
    QString m_checkpointFile;
    int m_everyRows;
    int m_everySeconds;
    QThreadPool m_worker; // one thread: checkpoints off the callers' and the event loop's threads
    std::atomic<bool> m_scheduled {false};
    std::unique_ptr<QTimer> m_timer;

    QMutex m_batchMutex;
    QWaitCondition m_batchWritten;
    QList<Waiting *> m_waiting; // not yet in a batch
    bool m_writingBatch = false;
};

} // namespace tc::backend::audit
