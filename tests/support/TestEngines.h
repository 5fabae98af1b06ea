#pragma once

#include "TestDatabases.h"

#include <QTest>

namespace tc::test {

// The data of a test that runs once per engine: an "engine" column, a row per engine.
inline void addEngineRows()
{
    QTest::addColumn<QString>("engine");
    for (const QString &engine : TestDatabases::engines())
        QTest::newRow(qPrintable(engine)) << engine;
}

} // namespace tc::test
