#pragma once

#include "BackendConfig.h"
#include "Result.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace tc::backend {

// The backend's database: SQLite (WAL, foreign keys on) on one machine, PostgreSQL in
// production. Qt Sql connections belong to the thread that opened them, so each thread that
// asks gets its own connection, opened on first use.
class Database final
{
    Q_DISABLE_COPY_MOVE(Database)

public:
    ~Database();

    // Opens the database and brings its schema to the latest version.
    static Result<std::unique_ptr<Database>> open(const DatabaseSettings &settings);

    DatabaseDriver driver() const { return m_settings.driver; }
    bool isPostgreSql() const { return m_settings.driver == DatabaseDriver::PostgreSql; }

    // This thread's connection, opened on first use. Check isOpen() on the result.
    QSqlDatabase connection();

    // QSqlDatabase::cloneDatabase(), safe while other threads open connections.
    static QSqlDatabase cloneConnection(const QSqlDatabase &other, const QString &name);

    // The version of the newest migration applied.
    Result<int> schemaVersion();

    // Runs `work` inside a transaction on this thread's connection. A refusal the work
    // answers (an Error carrying a catalog code other than A03, such as B21) is an outcome to
    // keep, with its attempt row and failure count, so it commits like a success; a system
    // error (A03) or an Error without a key rolls everything back. On SQLite the transaction
    // takes the write lock at its start (BEGIN IMMEDIATE): a read-then-write transaction that
    // upgrades later would fail at once under concurrency instead of waiting its turn.
    //
    // SQLite has one writer at a time. Threads of this process take their turn on a mutex
    // rather than in SQLite's busy handler, which sleeps in steps of up to 100 ms however soon
    // the lock is free: the queue then moves as fast as the commits do (the busy timeout still
    // covers another process on the same file).
    template<typename T, typename Work>
    Result<T> transaction(Work &&work)
    {
        QSqlDatabase db = connection();
        const QMutexLocker<QRecursiveMutex> writer(isPostgreSql() ? nullptr : &m_sqliteWriter);
        if (const QString why = begin(db, Access::ReadWrite); !why.isEmpty())
            return failure(QStringLiteral("begin transaction"), why);
        OpenTransaction open(*this, db);
        Result<T> result = work(db);
        const bool keep = result.hasValue()
            || (!result.error().key.isEmpty() && result.error().key != QLatin1StringView("A03"));
        if (!keep) {
            rollback(db);
            return result;
        }
        if (const QString why = commit(db); !why.isEmpty()) {
            rollback(db);
            return failure(QStringLiteral("commit"), why);
        }
        open.committed();
        return result;
    }

    // What runs, on the committing thread, after each transaction that asked for it with
    // announceOnCommit() has committed: the event hub sets it to wake the instances' event
    // readers once per while rather than once per commit (docs/decisions.md, "Live events").
    // Empty: nothing is announced. Any thread; the hub sets it on start and clears it on stop.
    void setCommitAnnouncer(std::function<void()> announcer);

    // Asks the transaction of Database::transaction() open on this thread on connection `tx`
    // to run its database's announcer once it has committed (never when it rolls back). False,
    // and nothing is asked, when no such transaction is open here on `tx` or its database has
    // no announcer: the caller must then announce by itself.
    static bool announceOnCommit(const QSqlDatabase &tx);

    // Runs `work`, which only reads, on this thread's connection. On SQLite in one read
    // transaction (one snapshot for all its statements) that takes neither the write lock nor
    // the writer mutex: readers run side by side and beside the writer (WAL). On PostgreSQL
    // (read committed: every statement takes its own snapshot anyway) the statements run on
    // their own, which saves the BEGIN and COMMIT round trips; staff reads put their scope
    // check into each statement, so nothing depends on two statements seeing one snapshot.
    template<typename T, typename Work>
    Result<T> readTransaction(Work &&work)
    {
        QSqlDatabase db = connection();
        if (isPostgreSql())
            return work(db);
        if (const QString why = begin(db, Access::ReadOnly); !why.isEmpty())
            return failure(QStringLiteral("begin read"), why);
        Result<T> result = work(db);
        if (const QString why = commit(db); !why.isEmpty()) {
            rollback(db);
            return failure(QStringLiteral("end read"), why);
        }
        return result;
    }

    // SQLite: recomputes the planner's statistics (ANALYZE, sampled, so milliseconds at any
    // size). Without current statistics SQLite walks a million index entries where one would
    // do (bench/RESULTS.md, staff search), and tables grow long after the server started.
    // PostgreSQL's autovacuum keeps its own: nothing to do there.
    Status refreshStatistics();

    // SQLite: copies the WAL's committed pages into the database file (what each connection
    // does by itself unless DatabaseSettings::checkpointInBackground). PostgreSQL: nothing.
    Status checkpoint();

    // An Error for a failed database operation (the details go to the log, not the client).
    static Error failure(const QString &what, const QString &details);

private:
    enum class Access { ReadWrite, ReadOnly };

    // The transaction() open on this thread, for announceOnCommit(); restores the outer one's
    // state when it ends (a nested transaction fails in the database, but not here).
    class OpenTransaction
    {
        Q_DISABLE_COPY_MOVE(OpenTransaction)

    public:
        OpenTransaction(Database &database, const QSqlDatabase &connection);
        ~OpenTransaction();
        void committed();

    private:
        Database *m_outerDatabase;
        QString m_outerConnection;
        bool m_outerAnnounce;
    };
    bool hasAnnouncer();

    explicit Database(DatabaseSettings settings);
    // Each answers why it failed (the driver's text), or an empty text when it worked.
    QString begin(QSqlDatabase &db, Access access);
    QString commit(QSqlDatabase &db);
    void rollback(QSqlDatabase &db);
    Result<QSqlDatabase> openConnection(const QString &name);
    Status migrate();

    DatabaseSettings m_settings;
    // The WAL's (frames, copied) at the last checkpoint: an idle WAL answers the same each time,
    // which is not worth a log line every second.
    std::atomic<quint64> m_lastCheckpoint {0};
    QString m_password;
    QString m_connectionPrefix;
    QMutex m_mutex;
    // See transaction(); recursive, so that a nested transaction fails in SQLite as it did
    // before ("cannot start a transaction within a transaction") instead of deadlocking.
    QRecursiveMutex m_sqliteWriter;
    QHash<QThread *, QString> m_connections;
    QMutex m_announcerMutex;
    std::function<void()> m_announcer; // guarded by m_announcerMutex
    // Context of the QThread::finished connections that close a finished thread's connection.
    std::unique_ptr<QObject> m_threadWatcher;
    int m_connectionSerial = 0;
};

class StatementCache;

// What runQuery answers: the executed QSqlQuery (use it as one: next(), value(), …). On a
// connection that Database opened, a statement with values is prepared once per connection and
// SQL text and kept in that connection's cache: when the Statement goes out of scope its result
// set is released (finish(): SQLite resets the statement, so no read snapshot stays open) and
// the prepared statement goes back to the cache for the next call with the same SQL. PostgreSQL
// then parses and plans it once per connection, not on every call (QPSQL's PREPARE, EXECUTE and
// DEALLOCATE were three round trips per statement). A statement still in use when the same SQL
// runs again (a nested call) is not shared: the inner call prepares its own. Never move the
// QSqlQuery out of a Statement (`QSqlQuery q = std::move(stmt)`): keep the Statement.
class Statement final : public QSqlQuery
{
public:
    explicit Statement(QSqlQuery &&query, std::shared_ptr<StatementCache> cache = {},
                       QString sql = {});
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&) = delete;
    ~Statement();

private:
    std::shared_ptr<StatementCache> m_cache; // empty: not cached (or moved from)
    QString m_sql;
};

// One SQL statement and its positional values, for code that composes statements: on
// PostgreSQL several of them become one round trip as entries of a WITH.
struct BoundSql
{
    QString sql;
    QVariantList values;
};

// Prepares (or reuses, see Statement) and runs one statement with positional values; the error
// names `what`. A statement without values runs unprepared (PostgreSQL cannot PREPARE DDL).
Result<Statement> runQuery(const QSqlDatabase &db, const QString &sql,
                           const QVariantList &values = {}, const QString &what = {});

} // namespace tc::backend
