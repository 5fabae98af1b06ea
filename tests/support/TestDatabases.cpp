#include "TestDatabases.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace tc::test {

namespace {

struct PostgresServer
{
    QString host;
    quint16 port = 0;
    QString user;
};

PostgresServer postgresServer()
{
    const QString stateFile = qEnvironmentVariable("TC_TEST_PG_STATE");
    if (stateFile.isEmpty())
        qFatal("TC_TEST_PG_STATE is not set: run this test through ctest, whose 'postgres' "
               "fixture starts the throwaway PostgreSQL cluster");
    QFile file(stateFile);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s: did the postgres_start fixture fail?", qPrintable(stateFile));
    PostgresServer server;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray key = line.left(eq);
        const QString value = QString::fromUtf8(line.mid(eq + 1));
        if (key == "TC_TEST_PG_HOST")
            server.host = value;
        else if (key == "TC_TEST_PG_PORT")
            server.port = quint16(value.toUInt());
        else if (key == "TC_TEST_PG_USER")
            server.user = value;
    }
    if (server.host.isEmpty() || server.port == 0)
        qFatal("%s does not name a PostgreSQL server", qPrintable(stateFile));
    return server;
}

// Runs one statement on the cluster's maintenance database.
void administer(const QString &statement)
{
    const PostgresServer server = postgresServer();
    const QString name = u"tc-test-admin-"_s + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(server.host);
        db.setPort(server.port);
        db.setUserName(server.user);
        db.setDatabaseName(u"postgres"_s);
        if (!db.open())
            qFatal("cannot reach the test PostgreSQL: %s", qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        if (!query.exec(statement))
            qFatal("%s failed: %s", qPrintable(statement), qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

TestDatabases::TestDatabases() = default;

TestDatabases::~TestDatabases()
{
    for (const QString &name : std::as_const(m_postgresDatabases))
        administer(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(name));
}

QStringList TestDatabases::engines()
{
    return {u"sqlite"_s, u"postgresql"_s};
}

backend::DatabaseSettings TestDatabases::create(const QString &engine)
{
    backend::DatabaseSettings settings;
    ++m_serial;
    if (engine == u"sqlite"_s) {
        if (!m_dir.isValid())
            qFatal("cannot create a temporary directory");
        settings.driver = backend::DatabaseDriver::Sqlite;
        settings.sqlitePath = m_dir.filePath(u"test-%1.sqlite"_s.arg(m_serial));
        return settings;
    }
    if (engine != u"postgresql"_s)
        qFatal("unknown test database engine %s", qPrintable(engine));
    const PostgresServer server = postgresServer();
    const QString name =
        u"tc_test_%1_%2"_s.arg(QUuid::createUuid().toString(QUuid::Id128).left(10)).arg(m_serial);
    administer(u"CREATE DATABASE %1"_s.arg(name));
    m_postgresDatabases << name;
    settings.driver = backend::DatabaseDriver::PostgreSql;
    settings.host = server.host;
    settings.port = server.port;
    settings.user = server.user;
    settings.name = name;
    return settings;
}

} // namespace tc::test
