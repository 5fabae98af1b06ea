// The store opens SQLite and PostgreSQL the same way, migrates once, enforces its constraints
// and gives each thread its own connection.
#include "Database.h"
#include "Migrations.h"
#include "TestDatabases.h"
#include "TestEngines.h"

#include <QFileInfo>
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

    // A teller's name search reads the account's copy of its customer's name key: it must
    // follow the customer whoever writes, on an account's insert, a name's change and an
    // account given to another customer.
    void accountsCarryTheirCustomersNameKey_data() { tc::test::addEngineRows(); }
    void accountsCarryTheirCustomersNameKey()
    {
        QFETCH(QString, engine);
        auto database = Database::open(m_databases.create(engine));
        QVERIFY(database);
        QSqlDatabase db = database.value()->connection();
        QVERIFY(runQuery(db, u"INSERT INTO institutions (id, name) VALUES ('hyogo', 'x')"_s));
        QVERIFY(runQuery(db,
                         u"INSERT INTO branches (id, institution_id, code, name) "
                         "VALUES (1, 'hyogo', '001', '本店営業部')"_s));
        QVERIFY(runQuery(db,
                         u"INSERT INTO customers (id, institution_id, name_kana, birth_date, "
                         "phone, name_key) VALUES (1, 'hyogo', 'ヤマダ　ハナコ', '1980-01-01', "
                         "'09000000001', 'ヤマダハナコ'), (2, 'hyogo', 'サトウ　タロウ', "
                         "'1970-01-01', '09000000002', 'サトウタロウ')"_s));
        QVERIFY(runQuery(db,
                         u"INSERT INTO accounts (id, institution_id, customer_id, branch_id, "
                         "account_type, account_number, cash_card_issued) VALUES "
                         "(1, 'hyogo', 1, 1, 'ordinary', '1234567', 1), "
                         "(2, 'hyogo', 1, 1, 'savings', '7654321', 1)"_s));
        const auto keysOfAccounts = [&db] {
            QStringList keys;
            auto rows = runQuery(db, u"SELECT name_key FROM accounts ORDER BY id"_s);
            while (rows && rows.value().next())
                keys << rows.value().value(0).toString();
            return keys;
        };
        QCOMPARE(keysOfAccounts(), (QStringList {u"ヤマダハナコ"_s, u"ヤマダハナコ"_s}));

        QVERIFY(runQuery(db, u"UPDATE customers SET name_key = 'スズキハナコ' WHERE id = 1"_s));
        QCOMPARE(keysOfAccounts(), (QStringList {u"スズキハナコ"_s, u"スズキハナコ"_s}));

        QVERIFY(runQuery(db, u"UPDATE accounts SET customer_id = 2 WHERE id = 2"_s));
        QCOMPARE(keysOfAccounts(), (QStringList {u"スズキハナコ"_s, u"サトウタロウ"_s}));
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

    // Statistics taken when the database was opened (empty) go stale as tables grow, and a
    // refresh must reach every thread's connection, not only the one that ran ANALYZE: here a
    // look-up of customers by id must use the primary key, not walk the institution's index.
    void sqliteStatisticsRefreshReachesEveryConnection()
    {
        auto opened = Database::open(m_databases.create(u"sqlite"_s));
        QVERIFY(opened);
        Database &database = *opened.value();
        QSqlDatabase mine = database.connection();
        QVERIFY(runQuery(mine, u"INSERT INTO institutions (id, name) VALUES ('i', 'I')"_s));
        QVERIFY(runQuery(mine,
                         u"WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n "
                         "WHERE k < 5000) INSERT INTO customers (institution_id, name_kana, "
                         "birth_date, phone, name_key) SELECT 'i', 'カナ' || k, '1980-01-01', "
                         "'090' || k, 'カナ' || k FROM n"_s));
        const QString lookup = u"EXPLAIN QUERY PLAN SELECT id, name_kana FROM customers "
                               "WHERE id IN (1, 2, 3, 4, 5, 6, 7, 8) AND institution_id = 'i'"_s;
        const auto planText = [&]() -> QString {
            // EXPLAIN reads no table, so a real read first lets the connection notice a
            // changed schema, as the statement itself would.
            if (!runQuery(mine, u"SELECT COUNT(*) FROM customers"_s))
                return u"the count failed"_s;
            auto explained = runQuery(mine, lookup);
            QString text;
            while (explained && explained.value().next())
                text += explained.value().value(3).toString() + u'\n';
            return text;
        };
        const QString stale = planText();
        QVERIFY2(!stale.contains(u"PRIMARY KEY"_s), qPrintable(stale));

        bool refreshed = false;
        std::unique_ptr<QThread> other(
            QThread::create([&] { refreshed = bool(database.refreshStatistics()); }));
        other->start();
        QVERIFY(other->wait(30000));
        QVERIFY(refreshed);
        const QString fresh = planText();
        QVERIFY2(fresh.contains(u"INTEGER PRIMARY KEY"_s), qPrintable(fresh));
        // Hourly, on a connection that has refreshed before (its statements are cached).
        QVERIFY(database.refreshStatistics());
        QVERIFY(database.refreshStatistics());
    }

    // The backend moves SQLite's WAL checkpoints off its writers' path: its connections never
    // copy the WAL into the database file themselves, checkpoint() does, and then the file
    // holds what was written.
    void sqliteCheckpointsInTheBackground_data()
    {
        QTest::addColumn<bool>("inBackground");
        QTest::newRow("connections checkpoint themselves") << false;
        QTest::newRow("checkpoint() does") << true;
    }
    void sqliteCheckpointsInTheBackground()
    {
        QFETCH(bool, inBackground);
        tc::backend::DatabaseSettings settings = m_databases.create(u"sqlite"_s);
        settings.checkpointInBackground = inBackground;
        auto opened = Database::open(settings);
        QVERIFY(opened);
        Database &database = *opened.value();
        QVERIFY(runQuery(database.connection(), u"CREATE TABLE filler (b BLOB)"_s));
        const QByteArray block(4000, 'x');
        for (int round = 0; round < 40; ++round) { // 2,000 rows: about 8 MB, 2,000 WAL pages
            const tc::Status written =
                database.transaction<tc::Success>([&](QSqlDatabase &db) -> tc::Status {
                    for (int i = 0; i < 50; ++i) {
                        if (auto r = runQuery(db, u"INSERT INTO filler VALUES (?)"_s, {block}); !r)
                            return r.error();
                    }
                    return tc::Success {};
                });
            QVERIFY(written);
        }
        constexpr qint64 written = 2000 * 4000;
        const qint64 before = QFileInfo(settings.sqlitePath).size();
        if (inBackground)
            QVERIFY2(before < written / 4, qPrintable(QString::number(before)));
        else
            QVERIFY2(before > written / 4, qPrintable(QString::number(before)));
        QVERIFY(database.checkpoint());
        QVERIFY(QFileInfo(settings.sqlitePath).size() > written);
    }

    // A SELECT left open (not read to its end) before a write on the same connection is what
    // made SQLite answer "database is locked" at once under load: the log names it.
    void sqliteWarnsOfAnOpenSelectBeforeAWrite()
    {
        auto opened = Database::open(m_databases.create(u"sqlite"_s));
        QVERIFY(opened);
        Database &database = *opened.value();
        QVERIFY(runQuery(database.connection(),
                         u"INSERT INTO institutions (id, name) VALUES ('a', 'A'), ('b', 'B')"_s));
        const auto write = [&] {
            return database.transaction<tc::Success>(
                [](QSqlDatabase &) -> tc::Status { return tc::Success {}; });
        };
        {
            auto open = runQuery(database.connection(),
                                 u"SELECT id FROM institutions WHERE name <> ?"_s, {u"x"_s});
            QVERIFY(open && open.value().next());
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(u"SELECT is still open.*FROM institutions"_s));
            QVERIFY(write());
        }
        {
            auto finished = runQuery(database.connection(),
                                     u"SELECT id FROM institutions WHERE name <> ?"_s, {u"x"_s});
            QVERIFY(finished && finished.value().next());
            finished.value().finish();
            QTest::failOnWarning(QRegularExpression(u"SELECT is still open"_s));
            QVERIFY(write());
        }
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
