#pragma once

#include "Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;

namespace tc::backend {
class BackendService;
}

namespace tc::backend::demo {

class DemoClock;
class Simulator;

struct DemoOptions
{
    QString configPath; // empty: the demo folder's own configuration
    QString demoDir; // empty: DemoSetup::defaultDirectory()
    QDateTime clockStart; // invalid: the demo clock starts at the real now
    bool simulate = true;
    int simulateIntervalMs = 4000;
};

// `auth-backend --demo`: the demo folder (when no configuration is given), the demo data
// (seeded once), the backend on the demo clock with the demo routes, and the simulated
// customers. Destroying it stops the simulator first, then the backend.
class DemoMode final
{
    Q_DISABLE_COPY_MOVE(DemoMode)

public:
    // Error keys: "config" (the configuration is unusable) or "unavailable".
    static Result<std::unique_ptr<DemoMode>> start(const DemoOptions &options);
    ~DemoMode();

    BackendService &service() { return *m_service; }
    // What to tell the operator on start (paths of the CSV and the client secret, the clock).
    const QStringList &notes() const { return m_notes; }

private:
    DemoMode() = default;

    std::shared_ptr<DemoClock> m_clock;
    std::unique_ptr<BackendService> m_service;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Simulator> m_simulator;
    QStringList m_notes;
};

} // namespace tc::backend::demo
