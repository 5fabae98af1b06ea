#pragma once

#include "TestDatabases.h"

#include <QTest>

#include <map>
#include <memory>

namespace tc::test {

// The data of a test that runs once per engine: an "engine" column, a row per engine.
inline void addEngineRows()
{
    QTest::addColumn<QString>("engine");
    for (const QString &engine : TestDatabases::engines())
        QTest::newRow(qPrintable(engine)) << engine;
}

// A test program's fixture per engine, made by `make` when a test function first asks for the
// engine's and kept for the later ones (a backend started once per engine, not per row).
template<typename Fixture>
class EngineFixtures
{
public:
    using Make = std::unique_ptr<Fixture> (*)(const QString &engine);

    explicit EngineFixtures(Make make) : m_make(make) { }

    Fixture &operator()(const QString &engine)
    {
        std::unique_ptr<Fixture> &slot = m_fixtures[engine];
        if (!slot)
            slot = m_make(engine);
        return *slot;
    }
    void clear() { m_fixtures.clear(); }

private:
    Make m_make;
    std::map<QString, std::unique_ptr<Fixture>> m_fixtures;
};

} // namespace tc::test
