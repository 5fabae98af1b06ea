#include "Database.h"

#include "Migrations.h"
#include "PgPreparedResult.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSqlError>
#include <QThread>
#include <QUuid>

#include <optional>
#include <unordered_map>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStore, "tc.backend.store")

namespace tc::backend {

// The prepared statements of one connection, by SQL text (see Statement). Used by the thread
// that owns the connection; the mutex covers closing it from another thread (~Database).
class StatementCache final
{
public:
    // Beyond this many distinct SQL texts a connection prepares per call again, so that SQL
    // built at run time (IN lists of varying length) cannot grow the cache without bound.
    static constexpr std::size_t MaxStatements = 256;

    std::optional<QSqlQuery> take(const QString &sql)
    {
        const QMutexLocker locker(&m_mutex);
        const auto found = m_statements.find(sql);
        if (found == m_statements.end())
            return std::nullopt;
        std::optional<QSqlQuery> query(std::move(found->second));
        m_statements.erase(found);
        return query;
    }

    void put(const QString &sql, QSqlQuery &&query)
    {
        std::optional<QSqlQuery> dropped; // finalized after the lock is released
        const QMutexLocker locker(&m_mutex);
        if (m_closed || m_statements.size() >= MaxStatements || m_statements.contains(sql))
            dropped.emplace(std::move(query));
        else
            m_statements.emplace(sql, std::move(query));
    }

    // The Statements handed out on this connection and not yet back (by address, with SQL).
    void checkOut(const Statement *statement, const QString &sql)
    {
        const QMutexLocker locker(&m_mutex);
        m_live.insert(statement, sql);
    }
    void moved(const Statement *from, const Statement *to)
    {
        const QMutexLocker locker(&m_mutex);
        m_live.insert(to, m_live.take(from));
    }
    void checkIn(const Statement *statement)
    {
        const QMutexLocker locker(&m_mutex);
        m_live.remove(statement);
    }
    // The SQL of handed-out SELECTs not yet read to their end: on SQLite each keeps its read
    // snapshot. Only the connection's own thread calls this and uses those Statements.
    QStringList openReads() const
    {
        const QMutexLocker locker(&m_mutex);
        QStringList open;
        for (auto it = m_live.cbegin(); it != m_live.cend(); ++it) {
            const QSqlQuery &query = *it.key();
            if (query.isActive() && query.isSelect() && query.at() != QSql::AfterLastRow)
                open << it.value();
        }
        return open;
    }

    // Finalizes every statement (before its connection closes); later puts drop theirs.
    void close()
    {
        std::unordered_map<QString, QSqlQuery> dropped;
        const QMutexLocker locker(&m_mutex);
        m_closed = true;
        dropped.swap(m_statements);
    }

    // The cache of a connection Database opened, by connection name; none for other connections.
    static std::shared_ptr<StatementCache> of(const QSqlDatabase &db)
    {
        const QMutexLocker locker(&registryMutex());
        return registry().value(db.connectionName());
    }
    static void add(const QString &connectionName)
    {
        const QMutexLocker locker(&registryMutex());
        registry().insert(connectionName, std::make_shared<StatementCache>());
    }
    // Call before the connection closes.
    static void remove(const QString &connectionName)
    {
        std::shared_ptr<StatementCache> cache;
        {
            const QMutexLocker locker(&registryMutex());
            cache = registry().take(connectionName);
        }
        if (cache)
            cache->close();
    }

private:
    static QMutex &registryMutex()
    {
        static QMutex mutex;
        return mutex;
    }
    static QHash<QString, std::shared_ptr<StatementCache>> &registry()
    {
        static QHash<QString, std::shared_ptr<StatementCache>> caches;
        return caches;
    }

    mutable QMutex m_mutex;
    bool m_closed = false;
    std::unordered_map<QString, QSqlQuery> m_statements;
    QHash<const Statement *, QString> m_live;
};

Statement::Statement(QSqlQuery &&query, std::shared_ptr<StatementCache> cache, QString sql)
    : QSqlQuery(std::move(query)), m_cache(std::move(cache)), m_sql(std::move(sql))
{
    if (m_cache)
        m_cache->checkOut(this, m_sql);
}

Statement::Statement(Statement &&other) noexcept
    : QSqlQuery(std::move(other)), m_cache(std::move(other.m_cache)), m_sql(std::move(other.m_sql))
{
    if (m_cache)
        m_cache->moved(&other, this);
}

Statement::~Statement()
{
    if (!m_cache)
        return;
    m_cache->checkIn(this);
    finish();
    m_cache->put(m_sql, std::move(static_cast<QSqlQuery &>(*this)));
}

namespace {

// Closes and forgets a connection this Database opened; its statements are finalized first.
void closeConnection(const QString &name)
{
    StatementCache::remove(name);
    QSqlDatabase::database(name, false).close();
    QSqlDatabase::removeDatabase(name);
}

} // namespace

Database::Database(DatabaseSettings settings)
    : m_settings(std::move(settings)),
      m_connectionPrefix(u"tc-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12)),
      m_threadWatcher(std::make_unique<QObject>())
{ }

Database::~Database()
{
    m_threadWatcher.reset();
    const QMutexLocker locker(&m_mutex);
    for (const QString &name : std::as_const(m_connections))
        closeConnection(name);
}

Error Database::failure(const QString &what, const QString &details)
{
    qCWarning(lcStore).noquote() << "database:" << what << "failed:" << details;
    return Error {u"A03"_s, u"database: %1 failed"_s.arg(what)};
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseSettings &settings)
{
    std::unique_ptr<Database> database(new Database(settings));
    if (settings.driver == DatabaseDriver::PostgreSql && !settings.passwordFile.isEmpty()) {
        QFile file(settings.passwordFile);
        if (!file.open(QIODevice::ReadOnly))
            return Error {
                u"database/password_file"_s,
                u"cannot read the database password file %1"_s.arg(settings.passwordFile)};
        database->m_password = QString::fromUtf8(file.readAll()).trimmed();
    }
    QSqlDatabase db = database->connection();
    if (!db.isOpen())
        return Error {u"database"_s, u"cannot open the database: %1"_s.arg(db.lastError().text())};
    if (const Status migrated = database->migrate(); !migrated)
        return migrated.error();
    if (const Status analysed = database->refreshStatistics(); !analysed)
        return analysed.error();
    return database;
}

QSqlDatabase Database::connection()
{
    QThread *thread = QThread::currentThread();
    QString name;
    {
        const QMutexLocker locker(&m_mutex);
        name = m_connections.value(thread);
        if (name.isEmpty()) {
            name = m_connectionPrefix + u'-' + QString::number(++m_connectionSerial);
            m_connections.insert(thread, name);
            // A pooled thread that ends takes its connection with it; a later thread may reuse
            // the QThread address and must not inherit a connection opened elsewhere.
            QObject::connect(
                thread, &QThread::finished, m_threadWatcher.get(),
                [this, thread, name] {
                    closeConnection(name);
                    const QMutexLocker innerLocker(&m_mutex);
                    m_connections.remove(thread);
                },
                Qt::DirectConnection);
        }
    }
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    const Result<QSqlDatabase> opened = openConnection(name);
    return opened ? opened.value() : QSqlDatabase();
}

namespace {

// QSqlDatabase::addDatabase() and cloneDatabase() load the driver's plugin and create the
// driver; two threads doing so at once can both get "Driver not loaded" (seen here when four
// backends opened one database at once; a known Qt problem with plugin drivers).
QMutex &driverCreation()
{
    static QMutex mutex;
    return mutex;
}

} // namespace

QSqlDatabase Database::cloneConnection(const QSqlDatabase &other, const QString &name)
{
    const QMutexLocker locker(&driverCreation());
    return QSqlDatabase::cloneDatabase(other, name);
}

Result<QSqlDatabase> Database::openConnection(const QString &name)
{
    const bool postgres = isPostgreSql();
    QSqlDatabase db;
    {
        const QMutexLocker locker(&driverCreation());
        db = QSqlDatabase::addDatabase(postgres ? u"QPSQL"_s : u"QSQLITE"_s, name);
    }
    if (postgres) {
        db.setHostName(m_settings.host);
        db.setPort(m_settings.port);
        db.setDatabaseName(m_settings.name);
        db.setUserName(m_settings.user);
        db.setPassword(m_password);
        db.setConnectOptions(u"connect_timeout=10;application_name=auth-backend"_s);
    } else {
        db.setDatabaseName(m_settings.sqlitePath);
        // Writers from several threads queue on SQLite's lock instead of failing at once.
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    }
    if (!db.open()) {
        const QString why = db.lastError().text();
        qCWarning(lcStore).noquote() << "cannot open database connection:" << why;
        return Error {u"database"_s, why};
    }
    QStringList setup = postgres
        ? QStringList {u"SET TIME ZONE 'UTC'"_s}
        : QStringList {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA foreign_keys=ON"_s,
                       u"PRAGMA synchronous=NORMAL"_s};
    // Otherwise the commit that fills the WAL past 1,000 pages copies them into the database
    // file and syncs it, while every writer (and every audited read) waits for that commit.
    if (!postgres && m_settings.checkpointInBackground)
        setup << u"PRAGMA wal_autocheckpoint=0"_s;
    for (const QString &statement : setup) {
        QSqlQuery query(db);
        if (!query.exec(statement))
            return Error {u"database"_s, query.lastError().text()};
    }
    StatementCache::add(name);
    return db;
}

namespace {

QString failureText(const QSqlError &error)
{
    const QString text = error.text().trimmed();
    return text.isEmpty() ? u"no reason given by the driver"_s : text;
}

// The Database whose transaction() is open on this thread, on which connection, and whether it
// is to announce.
thread_local Database *t_transactionOf = nullptr;
thread_local QString t_transactionConnection;
thread_local bool t_announce = false;

} // namespace

Database::OpenTransaction::OpenTransaction(Database &database, const QSqlDatabase &connection)
    : m_outerDatabase(t_transactionOf), m_outerConnection(t_transactionConnection),
      m_outerAnnounce(t_announce)
{
    t_transactionOf = &database;
    t_transactionConnection = connection.connectionName();
    t_announce = false;
}

Database::OpenTransaction::~OpenTransaction()
{
    t_transactionOf = m_outerDatabase;
    t_transactionConnection = m_outerConnection;
    t_announce = m_outerAnnounce;
}

void Database::OpenTransaction::committed()
{
    if (!t_announce)
        return;
    t_announce = false;
    Database &database = *t_transactionOf;
    const QMutexLocker locker(&database.m_announcerMutex);
    if (database.m_announcer)
        database.m_announcer();
}

void Database::setCommitAnnouncer(std::function<void()> announcer)
{
    const QMutexLocker locker(&m_announcerMutex);
    m_announcer = std::move(announcer);
}

bool Database::hasAnnouncer()
{
    const QMutexLocker locker(&m_announcerMutex);
    return static_cast<bool>(m_announcer);
}

bool Database::announceOnCommit(const QSqlDatabase &tx)
{
    // A statement on another connection (a raw transaction of its own) is not part of it.
    if (!t_transactionOf || tx.connectionName() != t_transactionConnection
        || !t_transactionOf->hasAnnouncer())
        return false;
    t_announce = true;
    return true;
}

QString Database::begin(QSqlDatabase &db, Access access)
{
    if (isPostgreSql())
        return db.transaction() ? QString() : failureText(db.lastError());
    if (access == Access::ReadWrite) {
        // The mistake that made "database is locked" answers under load (bench/RESULTS.md):
        // named here so the log says which statement to finish() before writing.
        const std::shared_ptr<StatementCache> cache = StatementCache::of(db);
        if (const QStringList open = cache ? cache->openReads() : QStringList(); !open.isEmpty())
            qCWarning(lcStore).noquote()
                << "a write begins on a connection whose SELECT is still open; SQLite refuses "
                   "the write at once if another connection has committed since. Open:"
                << open.join(u" | "_s);
    }
    QSqlQuery query(db);
    // A read transaction takes its snapshot at its first read and never the write lock.
    if (!query.exec(access == Access::ReadOnly ? u"BEGIN DEFERRED"_s : u"BEGIN IMMEDIATE"_s))
        return failureText(query.lastError());
    return {};
}

QString Database::commit(QSqlDatabase &db)
{
    if (isPostgreSql())
        return db.commit() ? QString() : failureText(db.lastError());
    QSqlQuery query(db);
    return query.exec(u"COMMIT"_s) ? QString() : failureText(query.lastError());
}

void Database::rollback(QSqlDatabase &db)
{
    if (isPostgreSql()) {
        db.rollback();
        return;
    }
    QSqlQuery query(db);
    if (!query.exec(u"ROLLBACK"_s))
        qCWarning(lcStore) << "rollback failed:" << query.lastError().text();
}

Result<int> Database::schemaVersion()
{
    auto query =
        runQuery(connection(), u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s);
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    return q.next() ? q.value(0).toInt() : 0;
}

Status Database::checkpoint()
{
    if (isPostgreSql())
        return Success {};
    // PASSIVE: copies what no reader still needs and waits for nobody; writers go on
    // appending to the WAL meanwhile, and it restarts from its beginning once all is copied.
    Result<Statement> done =
        runQuery(connection(), u"PRAGMA wal_checkpoint(PASSIVE)"_s, {}, u"checkpoint"_s);
    if (!done)
        return done.error();
    if (done.value().next()) {
        const int frames = done.value().value(1).toInt();
        const int copied = done.value().value(2).toInt();
        const quint64 state = (quint64(quint32(frames)) << 32) | quint32(copied);
        if (copied > 0 && m_lastCheckpoint.exchange(state) != state)
            qCDebug(lcStore) << "checkpoint: WAL frames" << frames << "copied" << copied;
    }
    return Success {};
}

Status Database::refreshStatistics()
{
    if (isPostgreSql())
        return Success {};
    // ANALYZE writes sqlite_stat1: a write, so in the writers' turn. Other connections load
    // statistics only with the schema, and ANALYZE alone does not tell them the schema changed
    // (they would plan with the old statistics until reopened); a table created and dropped
    // in the same transaction does, so they reload at their next read and re-prepare their
    // cached statements with the new statistics.
    return transaction<Success>([](QSqlDatabase &db) -> Status {
        for (const QString &statement : {u"PRAGMA analysis_limit=400"_s, u"ANALYZE"_s,
                                         u"CREATE TABLE statistics_refreshed (at INTEGER)"_s,
                                         u"DROP TABLE statistics_refreshed"_s}) {
            if (auto analysed = runQuery(db, statement, {}, u"analyze"_s); !analysed)
                return analysed.error();
        }
        return Success {};
    });
}

Status Database::migrate()
{
    // Two instances starting together on PostgreSQL: the advisory lock makes the second wait,
    // then the version checks inside its transactions make it skip what the first applied.
    const auto lockMigrations = [this](QSqlDatabase &tx) -> Status {
        if (!isPostgreSql())
            return Success {};
        if (auto lock = runQuery(tx, u"SELECT pg_advisory_xact_lock(7305001)"_s); !lock)
            return lock.error();
        return Success {};
    };
    const Status created = transaction<Success>([&](QSqlDatabase &tx) -> Status {
        if (Status locked = lockMigrations(tx); !locked)
            return locked;
        auto table = runQuery(tx,
                              u"CREATE TABLE IF NOT EXISTS schema_migrations ("
                              "version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                              "applied_at BIGINT NOT NULL)"_s,
                              {}, u"create schema_migrations"_s);
        return table ? Status(Success {}) : Status(table.error());
    });
    if (!created)
        return created.error();

    for (const Migration &migration : migrations()) {
        const Result<int> current = schemaVersion();
        if (!current)
            return current.error();
        if (migration.version <= current.value())
            continue;
        const Status applied = transaction<Success>([&](QSqlDatabase &tx) -> Status {
            if (Status locked = lockMigrations(tx); !locked)
                return locked;
            auto check = runQuery(tx, u"SELECT 1 FROM schema_migrations WHERE version = ?"_s,
                                  {migration.version});
            if (!check)
                return check.error();
            if (check.value().next())
                return Success {};
            for (const QString &statement : migration.statements(driver())) {
                if (auto step =
                        runQuery(tx, statement, {}, u"migration %1"_s.arg(migration.version));
                    !step)
                    return step.error();
            }
            auto record = runQuery(
                tx,
                u"INSERT INTO schema_migrations (version, description, applied_at) "
                "VALUES (?, ?, ?)"_s,
                {migration.version, migration.description, QDateTime::currentMSecsSinceEpoch()});
            if (!record)
                return record.error();
            qCInfo(lcStore) << "applied migration" << migration.version << migration.description;
            return Success {};
        });
        if (!applied)
            return applied.error();
    }
    return Success {};
}

Result<Statement> runQuery(const QSqlDatabase &db, const QString &sql, const QVariantList &values,
                           const QString &what)
{
    const QString label = what.isEmpty() ? sql.left(60) : what;
    // PostgreSQL cannot PREPARE DDL, and a statement without values has nothing to bind.
    if (values.isEmpty()) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(sql))
            return Database::failure(label, query.lastError().text());
        return Statement(std::move(query));
    }
    std::shared_ptr<StatementCache> cache = StatementCache::of(db);
    std::optional<QSqlQuery> query = cache ? cache->take(sql) : std::nullopt;
    if (!query) {
        if (db.driverName() == u"QPSQL"_s) {
            std::unique_ptr<QSqlResult> result = createPgPreparedResult(db);
            if (!result)
                return Database::failure(label, u"no open PostgreSQL connection"_s);
            query.emplace(result.release()); // the QSqlQuery owns its result
        } else {
            query.emplace(db);
        }
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            return Database::failure(label, query->lastError().text());
    }
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // Qt Sql binds a null QString as SQL NULL; an empty text is meant. A NULL is asked for
        // explicitly with a value-less QVariant of the type (QVariant(QMetaType)).
        if (!value.isNull() && value.typeId() == QMetaType::QString && value.toString().isNull())
            query->bindValue(int(i), QString(u""_s));
        else
            query->bindValue(int(i), value);
    }
    // A statement that failed is not kept: it is finalized here.
    if (!query->exec())
        return Database::failure(label, query->lastError().text());
    return Statement(std::move(*query), std::move(cache), sql);
}

} // namespace tc::backend
