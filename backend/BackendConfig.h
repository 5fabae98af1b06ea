#pragma once

#include "ConfigSchema.h"
#include "Result.h"
#include "ServiceCalendar.h"
#include "SmtpSettings.h"

#include <QString>

namespace tc::backend {

enum class DatabaseDriver { Sqlite, PostgreSql };

struct DatabaseSettings
{
    DatabaseDriver driver = DatabaseDriver::Sqlite;
    QString sqlitePath;
    QString host;
    quint16 port = 5432;
    QString name;
    QString user;
    QString passwordFile; // the password itself never sits in the config file
    // SQLite: connections leave WAL checkpoints to Database::checkpoint(), which the service
    // calls from a thread of its own (not read from the config: the service sets it).
    bool checkpointInBackground = false;
};

struct ServerSettings
{
    QString listenHost;
    quint16 listenPort = 8443;
    QString certificateFile;
    QString privateKeyFile;
    int maxConnections = 512;
    qint64 maxBodyBytes = 64 * 1024;
    int idleTimeoutSeconds = 30;
    int requestTimeoutSeconds = 10;
    int maxRequestsInFlight = 256;
};

// Staff sign-in and sessions (the [staff] section).
struct StaffSettings
{
    int accessTokenSeconds = 300; // a bearer token of the console lives this long
    int idleTimeoutSeconds = 900; // a session unused this long ends
    int sessionHours = 10; // a session ends this long after sign-in, used or not
    int maxFailedSignIns = 5; // consecutive failures that lock a staff account
    int signInLockMinutes = 15; // how long that lock lasts
    int signInsPerAddressPerMinute = 30; // sign-in calls one source address may make
    int callerCheckFailuresPerCustomerPerHour = 5; // failed caller checks of one customer
    int callerChecksPerStaffPerHour = 20; // caller checks one staff user may make
};

// The audit chain's signing key and checkpoint file (the [audit] section).
struct AuditSettings
{
    QString signingKeyFile; // PEM Ed25519 private key, mode 0600, outside the database
    QString checkpointFile; // signed checkpoints are also appended here, outside the database
    QString publicKeyFile; // optional: verify with this public key instead of the private one
    int checkpointEveryRows = 1000;
    int checkpointEverySeconds = 60;
};

// Everything auth-backend reads from its INI file, validated and typed.
struct BackendSettings
{
    ServerSettings server;
    QString publicUrl; // the OAuth issuer; empty: https://<listen address>
    QString pinKeyFile;
    QString telephonySecretFile;
    DatabaseSettings database;
    ServiceCalendarConfig calendar;
    int callsPerAddressPerMinute = 60;
    int flowsPerAppPerMinute = 3000;
    SmtpSettings smtp; // url empty: completion notices stay queued in the outbox
    int outboxIntervalSeconds = 30;
    StaffSettings staff;
    int retentionDays = 400; // attempts and audit rows older than this are purged
    AuditSettings audit;
};

class BackendConfig final
{
public:
    // Every key the file may contain: a key not listed here is an error, never ignored.
    static const ConfigSchema &schema();

    // Reads and validates an INI file. Errors name the file and each bad key or line.
    static Result<BackendSettings> load(const QString &path);

    // Validates already-parsed key/value pairs (relative paths resolve against `baseDir`).
    static Result<BackendSettings> fromRaw(const QList<std::pair<QString, QString>> &raw,
                                           const QString &baseDir);
};

} // namespace tc::backend
