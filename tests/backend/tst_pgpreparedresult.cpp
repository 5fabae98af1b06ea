// PgPreparedResult: the prepared statements runQuery() runs on PostgreSQL through libpq answer
// what Qt's own QPSQL result answers (types, NULLs, bytea, errors with their SQLSTATE), and
// share the connection with QPSQL's own queries and transactions.
#include "Database.h"
#include "PgPreparedResult.h"
#include "TestDatabases.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;
using backend::runQuery;

class TestPgPreparedResult final : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabases> m_databases;
    std::unique_ptr<backend::Database> m_database;

    QSqlDatabase db() { return m_database->connection(); }

    // The same statement through Qt's QPSQL (text EXECUTE with literals), for comparison.
    QVariant throughQt(const QString &sql, const QVariantList &values)
    {
        QSqlQuery query(db());
        if (!query.prepare(sql))
            qFatal("prepare: %s", qPrintable(query.lastError().text()));
        for (qsizetype i = 0; i < values.size(); ++i)
            query.bindValue(int(i), values.at(i));
        if (!query.exec() || !query.next())
            qFatal("exec: %s", qPrintable(query.lastError().text()));
        return query.value(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_databases = std::make_unique<test::TestDatabases>();
        auto opened = backend::Database::open(m_databases->create(u"postgresql"_s));
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        m_database = std::move(opened.value());
        QVERIFY(runQuery(db(),
                         u"CREATE TABLE samples (id BIGINT PRIMARY KEY, label TEXT, "
                         "digest BYTEA, small SMALLINT, ratio DOUBLE PRECISION)"_s));
    }

    void cleanupTestCase()
    {
        m_database.reset();
        m_databases.reset();
    }

    void onlyForPostgreSqlConnections()
    {
        QVERIFY(backend::createPgPreparedResult(db()));
        QSqlDatabase closed = QSqlDatabase::addDatabase(u"QPSQL"_s, u"never-opened"_s);
        QVERIFY(!backend::createPgPreparedResult(closed));
        closed = {};
        QSqlDatabase::removeDatabase(u"never-opened"_s);
    }

    void valuesComeBackAsQpsqlGivesThem_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QVariantList>("values");
        QTest::addColumn<int>("typeId");

        const QByteArray binary("\x00\x01\xfe\xff'\\x", 7);
        QTest::newRow("bigint") << u"SELECT CAST(? AS BIGINT)"_s
                                << QVariantList {Q_INT64_C(9007199254740993)}
                                << int(QMetaType::LongLong);
        QTest::newRow("integer") << u"SELECT CAST(? AS INTEGER) + 1"_s << QVariantList {41}
                                 << int(QMetaType::Int);
        QTest::newRow("count") << u"SELECT count(*) FROM samples WHERE id > ?"_s << QVariantList {0}
                               << int(QMetaType::LongLong);
        QTest::newRow("boolean true") << u"SELECT EXISTS (SELECT 1 WHERE ? = 'x')"_s
                                      << QVariantList {u"x"_s} << int(QMetaType::Bool);
        QTest::newRow("boolean false") << u"SELECT EXISTS (SELECT 1 WHERE ? = 'x')"_s
                                       << QVariantList {u"y"_s} << int(QMetaType::Bool);
        QTest::newRow("bytea") << u"SELECT CAST(? AS BYTEA)"_s << QVariantList {binary}
                               << int(QMetaType::QByteArray);
        QTest::newRow("text, kana") << u"SELECT CAST(? AS TEXT) || 'ｶﾅ'"_s
                                    << QVariantList {u"カナ"_s} << int(QMetaType::QString);
        QTest::newRow("empty text")
            << u"SELECT CAST(? AS TEXT)"_s << QVariantList {u""_s} << int(QMetaType::QString);
        QTest::newRow("double") << u"SELECT CAST(? AS DOUBLE PRECISION) / 3"_s << QVariantList {1.0}
                                << int(QMetaType::Double);
        QTest::newRow("null bigint") << u"SELECT CAST(? AS BIGINT)"_s
                                     << QVariantList {QVariant(QMetaType::fromType<qlonglong>())}
                                     << int(QMetaType::LongLong);
        QTest::newRow("null text")
            << u"SELECT CAST(? AS TEXT)"_s
            << QVariantList {QVariant(QMetaType::fromType<QString>())} << int(QMetaType::QString);
        QTest::newRow("boolean parameter")
            << u"SELECT NOT CAST(? AS BOOLEAN)"_s << QVariantList {false} << int(QMetaType::Bool);
        QTest::newRow("question mark in a literal")
            << u"SELECT 'why?' || CAST(? AS TEXT) || \"?\" FROM (SELECT '!' AS \"?\") AS q"_s
            << QVariantList {u" because"_s} << int(QMetaType::QString);
    }
    void valuesComeBackAsQpsqlGivesThem()
    {
        QFETCH(QString, sql);
        QFETCH(QVariantList, values);
        QFETCH(int, typeId);
        auto query = runQuery(db(), sql, values);
        QVERIFY2(query, query ? "" : qPrintable(query.error().message));
        QVERIFY(query.value().next());
        const QVariant ours = query.value().value(0);
        const QVariant qts = throughQt(sql, values);
        QCOMPARE(ours.typeId(), typeId);
        QCOMPARE(ours.isNull(), qts.isNull());
        QCOMPARE(ours, qts);
        QVERIFY(!query.value().next());
    }

    void rowsAffectedAndBytesStoredIntact()
    {
        const QByteArray digest = QByteArray::fromHex("00ff10275c2700e3");
        for (qint64 id = 1; id <= 3; ++id) {
            QVERIFY(runQuery(
                db(), u"INSERT INTO samples (id, label, digest, small) VALUES (?, ?, ?, ?)"_s,
                {id, QString(u"ラベル"_s + QString::number(id)), digest, int(id)}));
        }
        auto updated = runQuery(db(), u"UPDATE samples SET small = small + 1 WHERE id >= ?"_s, {2});
        QVERIFY(updated);
        QCOMPARE(updated.value().numRowsAffected(), 2);
        auto read = runQuery(
            db(), u"SELECT id, label, digest, small FROM samples WHERE id >= ? ORDER BY id"_s, {1});
        QVERIFY(read);
        QCOMPARE(read.value().record().count(), 4);
        QCOMPARE(read.value().record().fieldName(1), u"label"_s);
        QList<qint64> ids;
        while (read.value().next()) {
            ids << read.value().value(0).toLongLong();
            QCOMPARE(read.value().value(2).toByteArray(), digest);
        }
        QCOMPARE(ids, (QList<qint64> {1, 2, 3}));
        QCOMPARE(throughQt(u"SELECT small FROM samples WHERE id = ?"_s, {3}).toInt(), 4);
    }

    void errorsCarryTheServersCode()
    {
        QVERIFY(
            runQuery(db(), u"INSERT INTO samples (id, label) VALUES (?, ?)"_s, {100, u"first"_s}));
        QSqlQuery duplicate(backend::createPgPreparedResult(db()).release());
        QVERIFY(duplicate.prepare(u"INSERT INTO samples (id, label) VALUES (?, ?)"_s));
        duplicate.addBindValue(100);
        duplicate.addBindValue(u"second"_s);
        QVERIFY(!duplicate.exec());
        QCOMPARE(duplicate.lastError().nativeErrorCode(), u"23505"_s); // unique_violation
        QVERIFY(duplicate.lastError().databaseText().contains(u"samples_pkey"_s));

        QSqlQuery broken(backend::createPgPreparedResult(db()).release());
        QVERIFY(!broken.prepare(u"SELECT FROM nowhere WHERE x = ?"_s));
        QCOMPARE(broken.lastError().nativeErrorCode(), u"42P01"_s); // undefined_table

        // The connection goes on: the failures left nothing behind.
        auto after = runQuery(db(), u"SELECT label FROM samples WHERE id = ?"_s, {100});
        QVERIFY(after && after.value().next());
        QCOMPARE(after.value().value(0).toString(), u"first"_s);
    }

    void sharesTransactionsWithQt()
    {
        // Database::transaction begins and ends through QPSQL; the statements inside run
        // through libpq on the same connection, so a rollback takes them back.
        const auto insert = [&](qint64 id, bool keep) {
            return m_database->transaction<Success>([&](QSqlDatabase &tx) -> Status {
                if (auto done = runQuery(tx, u"INSERT INTO samples (id, label) VALUES (?, ?)"_s,
                                         {id, u"in a transaction"_s});
                    !done)
                    return done.error();
                if (!keep)
                    return Error {u"A03"_s, u"rolled back by the test"_s};
                return Success {};
            });
        };
        QVERIFY(!insert(200, false));
        QVERIFY(insert(201, true));
        auto rows = runQuery(db(), u"SELECT id FROM samples WHERE id >= ? ORDER BY id"_s, {200});
        QVERIFY(rows);
        QVERIFY(rows.value().next());
        QCOMPARE(rows.value().value(0).toLongLong(), 201);
        QVERIFY(!rows.value().next());
    }

    void endsAnUnfinishedQpsqlQueryAsQpsqlWould()
    {
        // A QPSQL query read row by row holds the connection until it is read to its end; a
        // prepared statement run meanwhile takes the connection, as another QPSQL query would.
        QSqlQuery unfinished(db());
        unfinished.setForwardOnly(true);
        QVERIFY(unfinished.exec(u"SELECT id FROM samples ORDER BY id"_s));
        QVERIFY(unfinished.next());
        auto query = runQuery(db(), u"SELECT count(*) FROM samples WHERE id > ?"_s, {0});
        QVERIFY2(query, query ? "" : qPrintable(query.error().message));
        QVERIFY(query.value().next());
        QVERIFY(query.value().value(0).toLongLong() >= 5);
        QVERIFY(!unfinished.next());
    }
};

QTEST_GUILESS_MAIN(TestPgPreparedResult)
#include "tst_pgpreparedresult.moc"
