#include "BackendService.h"

#include "AuditLog.h"
#include "Crypto.h"
#include "CustomerScreens.h"
#include "Database.h"
#include "EventHub.h"
#include "EventStream.h"
#include "FlowService.h"
#include "LockReleaseJob.h"
#include "OAuthService.h"
#include "OutboxSender.h"
#include "PeriodicTask.h"
#include "PublicApi.h"
#include "RetentionJob.h"
#include "StaffAccounts.h"
#include "StaffApi.h"
#include "StaffSessionApi.h"
#include "http/HttpServer.h"
#include "http/Router.h"
#include "http/TlsPolicy.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcService, "tc.backend.service")

namespace tc::backend {

namespace {
// About as often as SQLite's own rule (every 1,000 WAL pages) fires at a thousand writes a second.
constexpr int CheckpointIntervalMs = 200;
} // namespace

BackendService::~BackendService()
{
    // The server first: its handlers use the services below.
    m_server.reset();
    m_outbox.reset();
    // The streams ended with the server; the hub's and the job's threads end before the
    // database goes.
    m_lockReleases.reset();
    m_events.reset();
    // Before the database: they wait for a checkpoint or purge in progress.
    m_retention.reset();
    m_statistics.reset();
    m_checkpoints.reset();
    m_auditLog.reset();
}

Result<std::unique_ptr<BackendService>> BackendService::start(const BackendSettings &settings,
                                                              std::shared_ptr<Clock> clock,
                                                              const RouteHook &extraRoutes)
{
    std::unique_ptr<BackendService> service(new BackendService);
    service->m_settings = settings;
    service->m_clock = clock ? std::move(clock) : std::make_shared<SystemClock>();

    Result<QByteArray> pinKey =
        crypto::readKeyFile(settings.pinKeyFile, u"security/pin_key_file"_s);
    if (!pinKey)
        return pinKey.error();
    Result<QByteArray> telephonySecret =
        crypto::readKeyFile(settings.telephonySecretFile, u"telephony/webhook_secret_file"_s);
    if (!telephonySecret)
        return telephonySecret.error();
    service->m_telephonySecret = telephonySecret.value();
    Result<audit::SigningKey> auditKey =
        audit::SigningKey::readFile(settings.audit.signingKeyFile, u"audit/signing_key_file"_s);
    if (!auditKey)
        return auditKey.error();
    if (Status writable = audit::prepareCheckpointFile(settings.audit.checkpointFile); !writable)
        return writable.error();

    Result<QSslConfiguration> tls = http::TlsPolicy::loadServerConfiguration(
        settings.server.certificateFile, settings.server.privateKeyFile);
    if (!tls)
        return tls.error();

    DatabaseSettings databaseSettings = settings.database;
    databaseSettings.checkpointInBackground = true;
    Result<std::unique_ptr<Database>> database = Database::open(databaseSettings);
    if (!database)
        return database.error();
    service->m_database = std::move(database.value());

    FlowSettings flowSettings;
    flowSettings.calendar = settings.calendar;
    flowSettings.callsPerAddressPerMinute = settings.callsPerAddressPerMinute;
    flowSettings.flowsPerAppPerMinute = settings.flowsPerAppPerMinute;
    service->m_flows = std::make_unique<FlowService>(*service->m_database, *service->m_clock,
                                                     pinKey.value(), flowSettings);
    service->m_oauth = std::make_unique<OAuthService>(*service->m_database, *service->m_clock);
    service->m_auditLog = std::make_unique<audit::AuditLog>(
        *service->m_database, *service->m_clock, auditKey.value(), settings.audit.checkpointFile,
        settings.audit.checkpointEveryRows, settings.audit.checkpointEverySeconds);
    service->m_retention = std::make_unique<audit::RetentionJob>(
        *service->m_database, *service->m_clock, *service->m_auditLog, settings.retentionDays);
    service->m_staffAccounts = std::make_unique<staff::StaffAccounts>(
        *service->m_database, *service->m_clock, settings.staff, pinKey.value());

    service->m_router = std::make_shared<http::Router>();
    api::registerPublicApi(*service->m_router,
                           {.flows = service->m_flows.get(),
                            .oauth = service->m_oauth.get(),
                            .database = service->m_database.get(),
                            .clock = service->m_clock.get(),
                            .telephonySecret = service->m_telephonySecret,
                            .issuer = service->m_issuer});
    api::registerCustomerScreens(*service->m_router,
                                 {.flows = service->m_flows.get(),
                                  .database = service->m_database.get(),
                                  .clock = service->m_clock.get(),
                                  .issuer = service->m_issuer});
    const staff::StaffApiContext staffContext {
        .database = service->m_database.get(),
        .clock = service->m_clock.get(),
        .accounts = service->m_staffAccounts.get(),
        .audit = service->m_auditLog.get(),
        .flows = service->m_flows.get(),
        .callerCheckLimits = {.failuresPerCustomerPerHour =
                                  settings.staff.callerCheckFailuresPerCustomerPerHour,
                              .checksPerStaffPerHour = settings.staff.callerChecksPerStaffPerHour}};
    staff::registerStaffSessionApi(*service->m_router, staffContext);
    staff::registerStaffApi(*service->m_router, staffContext);
    service->m_events = std::make_unique<events::EventHub>(*service->m_database);
    if (Status listening = service->m_events->start(); !listening)
        return listening.error();
    events::registerEventStream(
        *service->m_router,
        {.hub = service->m_events.get(),
         .authenticate = [accounts = service->m_staffAccounts.get()](
                             const QByteArray &authorization, const QString &sourceAddress) {
             return accounts->authenticate(authorization, sourceAddress);
         }});
    if (extraRoutes)
        extraRoutes(*service->m_router);

    service->m_server =
        std::make_unique<http::HttpServer>(settings.server, tls.value(), service->m_router);
    Result<quint16> port = service->m_server->listen();
    if (!port)
        return port.error();
    service->m_port = port.value();
    if (settings.publicUrl.isEmpty()) {
        service->m_settings.publicUrl =
            u"https://%1:%2"_s.arg(settings.server.listenHost).arg(service->m_port);
    }
    *service->m_issuer = service->m_settings.publicUrl;

    if (!settings.smtp.url.isEmpty()) {
        service->m_outbox =
            std::make_unique<OutboxSender>(*service->m_database, *service->m_clock, settings.smtp);
        service->m_outbox->start(settings.outboxIntervalSeconds * 1000);
    } else {
        qCInfo(lcService) << "no smtp/url configured: completion notices stay in the outbox";
    }
    service->m_auditLog->start();
    service->m_lockReleases =
        std::make_unique<events::LockReleaseJob>(*service->m_database, *service->m_clock);
    service->m_lockReleases->start();
    service->m_retention->start();
    if (!service->m_database->isPostgreSql()) {
        // SQLite's upkeep (PostgreSQL's autovacuum and checkpointer do theirs by themselves),
        // each on a thread of its own. Tables grow after the start, when the statistics were
        // taken: without fresh ones SQLite picks plans that walk whole indexes; and the WAL is
        // copied into the database file here rather than inside a writer's commit.
        const auto upkeep = [database = service->m_database.get()](Status (Database::*task)(),
                                                                   const char *what) {
            return std::make_unique<PeriodicTask>([database, task, what] {
                if (const Status done = (database->*task)(); !done)
                    qCWarning(lcService).noquote() << what << "failed:" << done.error().message;
            });
        };
        constexpr int HourMs = 3600 * 1000;
        service->m_statistics = upkeep(&Database::refreshStatistics, "planner statistics refresh");
        service->m_statistics->start(HourMs, HourMs);
        service->m_checkpoints = upkeep(&Database::checkpoint, "WAL checkpoint");
        service->m_checkpoints->start(CheckpointIntervalMs, CheckpointIntervalMs);
    }
    return service;
}

} // namespace tc::backend
