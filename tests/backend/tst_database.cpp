// The store opens SQLite and PostgreSQL the same way, migrates once, enforces its constraints
// and gives each thread its own connection.
#include "Database.h"
#include "Migrations.h"
#include "TestDatabases.h"
#include "TestEngines.h"

#include <QSqlError>
#include <QThread>
#include <QtConcurrent>
#include <QtTest>

using namespace Qt::StringLiterals;
using tc::backend::Database;
using tc::backend::runQuery;

class TestDatabase final : public QObject
{
    Q_OBJECT

    tc::test::TestDatabases m_databases;

private Q_SLOTS:
    void migratesToTheLatestVersion_data() { tc::test::addEngineRows(); }
    void migratesToTheLatestVersion()
    {
        QFETCH(QString, engine);
        const auto settings = m_databases.create(engine);
        const int latest = tc::backend::migrations().constLast().version;
        {
            auto database = Database::open(settings);
            QVERIFY2(database, qPrintable(database ? QString() : database.error().message));
            QCOMPARE(database.value()->schemaVersion().value(), latest);
        }
        // Opening again applies nothing twice.
        auto again = Database::open(settings);
        QVERIFY(again);
        QCOMPARE(again.value()->schemaVersion().value(), latest);
        auto count =
            runQuery(again.value()->connection(), u"SELECT COUNT(*) FROM schema_migrations"_s);
        QVERIFY(count);
        QVERIFY(count.value().next());
        QCOMPARE(count.value().value(0).toInt(), tc::backend::migrations().size());
    }

    void concurrentStartsMigrateOnce_data() { tc::test::addEngineRows(); }
    void concurrentStartsMigrateOnce()
    {
        QFETCH(QString, engine);
        const auto settings = m_databases.create(engine);
        // Several backend instances starting at the same moment on one database.
        QList<QFuture<bool>> starts;
        for (int i = 0; i < 4; ++i) {
            starts << QtConcurrent::run([settings] {
                auto database = Database::open(settings);
                if (!database)
                    qWarning() << database.error().message;
                return bool(database);
            });
        }
        for (QFuture<bool> &start : starts)
            QVERIFY(start.result());
        auto database = Database::open(settings);
        QVERIFY(database);
        auto count =
            runQuery(database.value()->connection(), u"SELECT COUNT(*) FROM schema_migrations"_s);
        QVERIFY(count && count.value().next());
        QCOMPARE(count.value().value(0).toInt(), tc::backend::migrations().size());
    }

    void enforcesForeignKeysAndChecks_data() { tc::test::addEngineRows(); }
    void enforcesForeignKeysAndChecks()
    {
        QFETCH(QString, engine);
        auto database = Database::open(m_databases.create(engine));
        QVERIFY(database);
        QSqlDatabase db = database.value()->connection();
        QVERIFY(runQuery(db, u"INSERT INTO institutions (id, name) VALUES ('hyogo', 'x')"_s));
        QVERIFY2(!runQuery(db,
                           u"INSERT INTO branches (institution_id, code, name) VALUES (?, ?, ?)"_s,
                           {u"nowhere"_s, u"001"_s, u"本店営業部"_s}),
                 "a branch of an unknown institution is refused");
        QVERIFY2(!runQuery(db,
                           u"INSERT INTO institutions (id, name, identity_lock_threshold) "
                           "VALUES ('g', 'x', 0)"_s),
                 "a lock threshold of 0 is refused");
    }

    void sqliteRunsInWalMode()
    {
        auto database = Database::open(m_databases.create(u"sqlite"_s));
        QVERIFY(database);
        auto mode = runQuery(database.value()->connection(), u"PRAGMA journal_mode"_s);
        QVERIFY(mode && mode.value().next());
        QCOMPARE(mode.value().value(0).toString(), u"wal"_s);
    }

    void eachThreadGetsItsOwnConnection_data() { tc::test::addEngineRows(); }
    void eachThreadGetsItsOwnConnection()
    {
        QFETCH(QString, engine);
        auto opened = Database::open(m_databases.create(engine));
        QVERIFY(opened);
        Database *database = opened.value().get();
        const QString mine = database->connection().connectionName();
        QString theirs;
        bool theirsWorks = false;
        std::unique_ptr<QThread> thread(QThread::create([&] {
            QSqlDatabase db = database->connection();
            theirs = db.connectionName();
            theirsWorks = bool(runQuery(db, u"SELECT 1"_s));
        }));
        thread->start();
        QVERIFY(thread->wait(30000));
        QVERIFY(theirsWorks);
        QVERIFY(!theirs.isEmpty());
        QVERIFY(mine != theirs);
        // The finished thread's connection was closed with it.
        QVERIFY(!QSqlDatabase::contains(theirs));
    }

    void unreachableServerIsAClearError()
    {
        tc::backend::DatabaseSettings settings;
        settings.driver = tc::backend::DatabaseDriver::PostgreSql;
        settings.host = u"127.0.0.1"_s;
        settings.port = 1; // nothing listens there
        settings.name = u"teller"_s;
        settings.user = u"teller"_s;
        auto database = Database::open(settings);
        QVERIFY(!database);
        QVERIFY(database.error().message.contains(u"cannot open the database"_s));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
