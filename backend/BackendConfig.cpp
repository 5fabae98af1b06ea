#include "BackendConfig.h"

#include "OutboxSender.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

#include <optional>

using namespace Qt::StringLiterals;

namespace tc::backend {

namespace {

ConfigSchema makeSchema()
{
    using T = ConfigValueType;
    ConfigSchema s;
    s.add({.key = u"server/listen"_s,
           .type = T::HostPort,
           .defaultValue = u"127.0.0.1:8443"_s,
           .description = u"address and port the HTTPS service listens on"_s});
    s.add({.key = u"server/max_connections"_s,
           .type = T::Integer,
           .defaultValue = qint64(512),
           .description = u"open client connections at most; more are refused"_s,
           .minimum = 1,
           .maximum = 100000});
    s.add({.key = u"server/max_body_bytes"_s,
           .type = T::Integer,
           .defaultValue = qint64(65536),
           .description = u"request bodies above this size are refused with 413 unread"_s,
           .minimum = 1024,
           .maximum = 16 * 1024 * 1024});
    s.add({.key = u"server/idle_timeout_seconds"_s,
           .type = T::Integer,
           .defaultValue = qint64(30),
           .description = u"a connection idle this long is closed"_s,
           .minimum = 1,
           .maximum = 3600});
    s.add({.key = u"server/request_timeout_seconds"_s,
           .type = T::Integer,
           .defaultValue = qint64(10),
           .description = u"a request not fully received in this time is dropped"_s,
           .minimum = 1,
           .maximum = 600});
    s.add({.key = u"server/max_requests_in_flight"_s,
           .type = T::Integer,
           .defaultValue = qint64(256),
           .description = u"beyond this many requests in progress, answer 'congested' at once"_s,
           .minimum = 1,
           .maximum = 100000});
    s.add({.key = u"server/public_url"_s,
           .type = T::String,
           .defaultValue = QString(),
           .description = u"base URL the apps reach the service at, the OAuth issuer "
                          "(default: https://<listen address>)"_s});
    s.add({.key = u"security/pin_key_file"_s,
           .type = T::String,
           .description = u"file with the server key (32+ bytes, mode 0600) under which cash "
                          "card PINs are kept as HMAC-SHA256; never in the database"_s});
    s.add({.key = u"telephony/webhook_secret_file"_s,
           .type = T::String,
           .description = u"file with the secret (32+ bytes, mode 0600) shared with the "
                          "telephony provider to sign its call webhooks"_s});
    s.add({.key = u"staff/access_token_seconds"_s,
           .type = T::Integer,
           .defaultValue = qint64(300),
           .description = u"lifetime of a staff bearer token; the console refreshes it"_s,
           .minimum = 30,
           .maximum = 3600});
    s.add({.key = u"staff/idle_timeout_seconds"_s,
           .type = T::Integer,
           .defaultValue = qint64(900),
           .description = u"a staff session not used for this long ends"_s,
           .minimum = 60,
           .maximum = 86400});
    s.add({.key = u"staff/session_hours"_s,
           .type = T::Integer,
           .defaultValue = qint64(10),
           .description = u"a staff session ends this many hours after sign-in"_s,
           .minimum = 1,
           .maximum = 24});
    s.add({.key = u"staff/max_failed_sign_ins"_s,
           .type = T::Integer,
           .defaultValue = qint64(5),
           .description = u"consecutive failed sign-ins that lock a staff account"_s,
           .minimum = 1,
           .maximum = 100});
    s.add({.key = u"staff/sign_in_lock_minutes"_s,
           .type = T::Integer,
           .defaultValue = qint64(15),
           .description = u"how long a staff account stays locked after those failures"_s,
           .minimum = 1,
           .maximum = 1440});
    s.add({.key = u"staff/sign_ins_per_address_per_minute"_s,
           .type = T::Integer,
           .defaultValue = qint64(30),
           .description = u"staff sign-in calls one source address may make per minute "
                          "(more are answered 429 G07)"_s,
           .minimum = 1,
           .maximum = 100000});
    s.add({.key = u"staff/caller_check_failures_per_customer_per_hour"_s,
           .type = T::Integer,
           .defaultValue = qint64(5),
           .description = u"failed caller checks of one customer within an hour after which "
                          "further checks of that customer are refused (429 S12)"_s,
           .minimum = 1,
           .maximum = 1000});
    s.add({.key = u"staff/caller_checks_per_staff_per_hour"_s,
           .type = T::Integer,
           .defaultValue = qint64(20),
           .description = u"caller checks one staff user may make within an hour "
                          "(more are answered 429 S12)"_s,
           .minimum = 1,
           .maximum = 10000});
    s.add({.key = u"retention/days"_s,
           .type = T::Integer,
           .defaultValue = qint64(400),
           .description = u"attempts and audit rows older than this many days are purged "
                          "(the audit chain stays verifiable through a signed checkpoint)"_s,
           .minimum = 30,
           .maximum = 3650});
    s.add({.key = u"audit/signing_key_file"_s,
           .type = T::String,
           .description = u"PEM Ed25519 private key (mode 0600, outside the database) that signs "
                          "the audit chain's checkpoints; `auth-backend audit keygen --out FILE` "
                          "makes one"_s});
    s.add({.key = u"audit/checkpoint_file"_s,
           .type = T::String,
           .description = u"file outside the database to which every signed audit checkpoint "
                          "is appended (one per backend instance), so that `auth-backend audit "
                          "verify` catches a cut-off tail"_s});
    s.add({.key = u"audit/public_key_file"_s,
           .type = T::String,
           .defaultValue = QString(),
           .description = u"PEM Ed25519 public key `audit verify` checks signatures with "
                          "(empty: derived from audit/signing_key_file)"_s});
    s.add({.key = u"tls/certificate"_s,
           .type = T::String,
           .description = u"PEM file with the server certificate chain"_s});
    s.add({.key = u"tls/private_key"_s,
           .type = T::String,
           .description = u"PEM file with the server's private key (mode 0600)"_s});
    s.add({.key = u"database/driver"_s,
           .type = T::Choice,
           .defaultValue = u"sqlite"_s,
           .description = u"sqlite (one machine) or postgresql (production)"_s,
           .choices = {u"sqlite"_s, u"postgresql"_s}});
    s.add({.key = u"database/sqlite_path"_s,
           .type = T::String,
           .defaultValue = u"auth-backend.sqlite"_s,
           .description = u"SQLite database file (driver = sqlite)"_s});
    s.add({.key = u"database/host"_s,
           .type = T::String,
           .defaultValue = u"127.0.0.1"_s,
           .description = u"PostgreSQL host name, address or socket directory"_s});
    s.add({.key = u"database/port"_s,
           .type = T::Integer,
           .defaultValue = qint64(5432),
           .description = u"PostgreSQL port"_s,
           .minimum = 1,
           .maximum = 65535});
    s.add({.key = u"database/name"_s,
           .type = T::String,
           .defaultValue = u"teller"_s,
           .description = u"PostgreSQL database name"_s});
    s.add({.key = u"database/user"_s,
           .type = T::String,
           .defaultValue = u"teller"_s,
           .description = u"PostgreSQL user"_s});
    s.add({.key = u"database/password_file"_s,
           .type = T::String,
           .defaultValue = QString(),
           .description = u"file holding the PostgreSQL password (empty: none)"_s});
    s.add({.key = u"limits/calls_per_address_per_minute"_s,
           .type = T::Integer,
           .defaultValue = qint64(60),
           .description = u"flow steps that check customer data, per source address and "
                          "minute (against enumeration of account numbers)"_s,
           .minimum = 1,
           .maximum = 1000000});
    s.add({.key = u"limits/flows_per_app_per_minute"_s,
           .type = T::Integer,
           .defaultValue = qint64(3000),
           .description = u"flows one app may start per institution and minute"_s,
           .minimum = 1,
           .maximum = 10000000});
    s.add({.key = u"smtp/url"_s,
           .type = T::String,
           .defaultValue = QString(),
           .description = u"mail server for completion notices, smtp://host:587 (STARTTLS "
                          "required) or smtps://host:465; empty: notices stay in the outbox"_s});
    s.add({.key = u"smtp/from"_s,
           .type = T::String,
           .defaultValue = QString(),
           .description =
               u"sender of the notices, e.g. 兵庫ひまわり信用組合 <noreply@example.jp>"_s});
    s.add({.key = u"smtp/ca_file"_s,
           .type = T::String,
           .defaultValue = QString(),
           .description = u"PEM CA the mail server's certificate must chain to (pinned)"_s});
    s.add({.key = u"smtp/username"_s,
           .type = T::String,
           .defaultValue = QString(),
           .description = u"SMTP AUTH user (empty: no authentication)"_s});
    s.add({.key = u"smtp/password_file"_s,
           .type = T::String,
           .defaultValue = QString(),
           .description = u"file holding the SMTP AUTH password"_s});
    s.add({.key = u"smtp/interval_seconds"_s,
           .type = T::Integer,
           .defaultValue = qint64(30),
           .description = u"how often the outbox is looked at"_s,
           .minimum = 1,
           .maximum = 3600});
    s.add({.key = u"calendar/midnight_minutes"_s,
           .type = T::Integer,
           .defaultValue = qint64(1),
           .description = u"length of the daily 00:00 closure ('about one minute')"_s,
           .minimum = 0,
           .maximum = 60});
    s.add({.key = u"calendar/early_morning_minutes"_s,
           .type = T::Integer,
           .defaultValue = qint64(5),
           .description = u"length of the daily 04:00 closure ('a few minutes')"_s,
           .minimum = 0,
           .maximum = 120});
    return s;
}

QString resolvePath(const QString &path, const QString &baseDir)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QDir::cleanPath(QDir(baseDir).absoluteFilePath(path));
}

// QSettings silently drops a line that is neither a section nor key = value (a typo such as a
// missing '=' would vanish), and when it does report a format error it does not say where.
// Every line is therefore checked here first, and the first bad one is named.
std::optional<QString> findMalformedLine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return u"%1: cannot be read"_s.arg(path);
    static const QRegularExpression section(u"^\\[[^\\]]+\\]$"_s);
    static const QRegularExpression keyValue(u"^[^=]+=.*$"_s);
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QByteArray bytes = file.readLine();
        const QString line = QString::fromUtf8(bytes).trimmed();
        if (line.contains(QChar::ReplacementCharacter))
            return u"%1:%2: not valid UTF-8"_s.arg(path).arg(lineNumber);
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
            continue;
        if (!section.match(line).hasMatch() && !keyValue.match(line).hasMatch())
            return u"%1:%2: '%3' is neither [section] nor key = value"_s.arg(path)
                .arg(lineNumber)
                .arg(line);
    }
    return std::nullopt;
}

} // namespace

const ConfigSchema &BackendConfig::schema()
{
    static const ConfigSchema instance = makeSchema();
    return instance;
}

Result<BackendSettings> BackendConfig::load(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error {u"config"_s, u"%1: no such file"_s.arg(path)};
    if (!info.isFile() || !info.isReadable())
        return Error {u"config"_s, u"%1: not a readable file"_s.arg(path)};

    if (const auto malformed = findMalformedLine(path))
        return Error {u"config"_s, *malformed};
    const QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return Error {u"config"_s, u"%1: not a valid INI file"_s.arg(path)};

    QList<std::pair<QString, QString>> raw;
    for (const QString &key : settings.allKeys()) {
        const QVariant value = settings.value(key);
        // QSettings turns "a, b" into a list; schema types decide what a comma means.
        raw.append({key,
                    value.typeId() == QMetaType::QStringList ? value.toStringList().join(u',')
                                                             : value.toString()});
    }
    auto result = fromRaw(raw, info.absolutePath());
    if (!result)
        return Error {result.error().key, u"%1: %2"_s.arg(path, result.error().message)};
    return result;
}

Result<BackendSettings> BackendConfig::fromRaw(const QList<std::pair<QString, QString>> &raw,
                                               const QString &baseDir)
{
    const Result<ConfigValues> validated = schema().validate(raw);
    if (!validated)
        return validated.error();
    const ConfigValues &v = validated.value();

    BackendSettings s;
    std::tie(s.server.listenHost, s.server.listenPort) = v.hostPort(u"server/listen"_s);
    s.server.maxConnections = int(v.integer(u"server/max_connections"_s));
    s.server.maxBodyBytes = v.integer(u"server/max_body_bytes"_s);
    s.server.idleTimeoutSeconds = int(v.integer(u"server/idle_timeout_seconds"_s));
    s.server.requestTimeoutSeconds = int(v.integer(u"server/request_timeout_seconds"_s));
    s.server.maxRequestsInFlight = int(v.integer(u"server/max_requests_in_flight"_s));
    s.server.certificateFile = resolvePath(v.string(u"tls/certificate"_s), baseDir);
    s.publicUrl = v.string(u"server/public_url"_s);
    s.pinKeyFile = resolvePath(v.string(u"security/pin_key_file"_s), baseDir);
    s.telephonySecretFile = resolvePath(v.string(u"telephony/webhook_secret_file"_s), baseDir);
    s.server.privateKeyFile = resolvePath(v.string(u"tls/private_key"_s), baseDir);

    s.database.driver = v.string(u"database/driver"_s) == u"postgresql"_s
        ? DatabaseDriver::PostgreSql
        : DatabaseDriver::Sqlite;
    s.database.sqlitePath = resolvePath(v.string(u"database/sqlite_path"_s), baseDir);
    s.database.host = v.string(u"database/host"_s);
    s.database.port = quint16(v.integer(u"database/port"_s));
    s.database.name = v.string(u"database/name"_s);
    s.database.user = v.string(u"database/user"_s);
    s.database.passwordFile = resolvePath(v.string(u"database/password_file"_s), baseDir);

    s.callsPerAddressPerMinute = int(v.integer(u"limits/calls_per_address_per_minute"_s));
    s.smtp.url = v.string(u"smtp/url"_s);
    s.smtp.from = v.string(u"smtp/from"_s);
    s.smtp.caFile = resolvePath(v.string(u"smtp/ca_file"_s), baseDir);
    s.smtp.username = v.string(u"smtp/username"_s);
    s.smtp.passwordFile = resolvePath(v.string(u"smtp/password_file"_s), baseDir);
    s.outboxIntervalSeconds = int(v.integer(u"smtp/interval_seconds"_s));
    if (!s.smtp.url.isEmpty()) {
        if (Status valid = OutboxSender::validate(s.smtp); !valid)
            return Error {u"smtp"_s, u"smtp: %1"_s.arg(valid.error().message)};
    }
    s.flowsPerAppPerMinute = int(v.integer(u"limits/flows_per_app_per_minute"_s));
    s.calendar.midnightMinutes = int(v.integer(u"calendar/midnight_minutes"_s));
    s.calendar.earlyMorningMinutes = int(v.integer(u"calendar/early_morning_minutes"_s));

    s.staff.accessTokenSeconds = int(v.integer(u"staff/access_token_seconds"_s));
    s.staff.idleTimeoutSeconds = int(v.integer(u"staff/idle_timeout_seconds"_s));
    s.staff.sessionHours = int(v.integer(u"staff/session_hours"_s));
    s.staff.maxFailedSignIns = int(v.integer(u"staff/max_failed_sign_ins"_s));
    s.staff.signInLockMinutes = int(v.integer(u"staff/sign_in_lock_minutes"_s));
    s.staff.signInsPerAddressPerMinute = int(v.integer(u"staff/sign_ins_per_address_per_minute"_s));
    s.staff.callerCheckFailuresPerCustomerPerHour =
        int(v.integer(u"staff/caller_check_failures_per_customer_per_hour"_s));
    s.staff.callerChecksPerStaffPerHour =
        int(v.integer(u"staff/caller_checks_per_staff_per_hour"_s));
    s.retentionDays = int(v.integer(u"retention/days"_s));
    s.audit.signingKeyFile = resolvePath(v.string(u"audit/signing_key_file"_s), baseDir);
    s.audit.checkpointFile = resolvePath(v.string(u"audit/checkpoint_file"_s), baseDir);
    s.audit.publicKeyFile = resolvePath(v.string(u"audit/public_key_file"_s), baseDir);

    QStringList missingFiles;
    for (const auto &[key, file] : {std::pair {u"tls/certificate"_s, s.server.certificateFile},
                                    std::pair {u"tls/private_key"_s, s.server.privateKeyFile}}) {
        if (!QFileInfo(file).isReadable())
            missingFiles << u"%1: '%2' cannot be read"_s.arg(key, file);
    }
    if (!missingFiles.isEmpty())
        return Error {u"files"_s, missingFiles.join(u'\n')};
    return s;
}

} // namespace tc::backend
