#pragma once

#include "BackendConfig.h"
#include "Clock.h"
#include "Result.h"

#include <functional>
#include <memory>

namespace tc::backend {

class Database;
class FlowService;
class OAuthService;
class OutboxSender;
class PeriodicTask;
namespace http {
class HttpServer;
class Router;
} // namespace http
namespace audit {
class AuditLog;
class RetentionJob;
} // namespace audit
namespace staff {
class StaffAccounts;
} // namespace staff
namespace events {
class EventHub;
class LockReleaseJob;
} // namespace events

// Everything auth-backend runs, wired together: the database, the services, the routes and the
// HTTPS server. main() and the integration tests start the same object.
class BackendService final
{
    Q_DISABLE_COPY_MOVE(BackendService)

public:
    ~BackendService();

    // Adds routes beyond the public API before the server listens (the demo's clock route).
    using RouteHook = std::function<void(http::Router &)>;

    // Opens the database (migrating it), reads the keys, and starts listening. `clock` defaults
    // to the system clock.
    static Result<std::unique_ptr<BackendService>> start(const BackendSettings &settings,
                                                         std::shared_ptr<Clock> clock = {},
                                                         const RouteHook &extraRoutes = {});

    quint16 port() const { return m_port; }
    const BackendSettings &settings() const { return m_settings; }
    Database &database() { return *m_database; }
    FlowService &flows() { return *m_flows; }
    OAuthService &oauth() { return *m_oauth; }
    // Staff sign-in, sessions and the bearer check of every staff call.
    staff::StaffAccounts &staffAccounts() { return *m_staffAccounts; }
    // The hash-chained audit log every staff call appends to (AuditLog::append in its
    // transaction), with its checkpoint timer; the daily retention purge.
    audit::AuditLog &auditLog() { return *m_auditLog; }
    audit::RetentionJob &retention() { return *m_retention; }
    // The live staff events of this instance (GET /api/v1/staff/events) and the job that
    // records the locks ended at 00:00 Tokyo.
    events::EventHub &events() { return *m_events; }
    events::LockReleaseJob &lockReleases() { return *m_lockReleases; }
    Clock &clock() { return *m_clock; }
    http::HttpServer &server() { return *m_server; }
    const QByteArray &telephonySecret() const { return m_telephonySecret; }

private:
    BackendService() = default;

    BackendSettings m_settings;
    std::shared_ptr<Clock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<FlowService> m_flows;
    std::unique_ptr<OAuthService> m_oauth;
    std::unique_ptr<staff::StaffAccounts> m_staffAccounts;
    std::shared_ptr<http::Router> m_router;
    std::unique_ptr<http::HttpServer> m_server;
    std::unique_ptr<OutboxSender> m_outbox;
    std::unique_ptr<audit::AuditLog> m_auditLog;
    std::unique_ptr<audit::RetentionJob> m_retention;
    std::unique_ptr<PeriodicTask> m_statistics; // SQLite planner statistics, hourly
    std::unique_ptr<PeriodicTask> m_checkpoints; // SQLite WAL, off the writers' path
    std::unique_ptr<events::EventHub> m_events;
    std::unique_ptr<events::LockReleaseJob> m_lockReleases;
    QByteArray m_telephonySecret;
    std::shared_ptr<QString> m_issuer = std::make_shared<QString>();
    quint16 m_port = 0;
};

} // namespace tc::backend
