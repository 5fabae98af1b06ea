#pragma once

#include "BackendConfig.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace tc::test {

// Fresh, empty databases for backend tests: an SQLite file in a temporary directory, or a new
// database on the throwaway PostgreSQL cluster of the ctest fixture (TC_TEST_PG_STATE).
// Everything made is dropped when the object goes away.
class TestDatabases final
{
    Q_DISABLE_COPY_MOVE(TestDatabases)

public:
    TestDatabases();
    ~TestDatabases();

    // The engines every store test runs against: "sqlite" and "postgresql".
    static QStringList engines();

    // Settings for a new empty database of the engine; aborts the test program if the engine
    // cannot be reached (a suite that silently skips PostgreSQL would prove nothing).
    backend::DatabaseSettings create(const QString &engine);

private:
    QTemporaryDir m_dir;
    QStringList m_postgresDatabases;
    int m_serial = 0;
};

} // namespace tc::test
