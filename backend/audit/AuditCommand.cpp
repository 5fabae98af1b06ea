#include "AuditCommand.h"

#include "AuditLog.h"
#include "AuditVerify.h"
#include "BackendConfig.h"
#include "BackendMain.h"
#include "Clock.h"
#include "Database.h"
#include "RetentionJob.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace tc::backend::audit {

namespace {

constexpr int ExitBroken = 1; // audit verify: the chain is not intact
constexpr int ExitCannotCreate = 73; // EX_CANTCREAT

void printTo(FILE *stream, const QString &text)
{
    std::fputs(text.toUtf8().constData(), stream);
    std::fflush(stream);
}

int usage(const QString &message)
{
    printTo(stderr, u"auth-backend: %1\nTry 'auth-backend --help'.\n"_s.arg(message));
    return ExitUsage;
}

Result<BackendSettings> loadSettings(const QString &configPath)
{
    Result<BackendSettings> settings = BackendConfig::load(configPath);
    if (!settings)
        printTo(stderr,
                u"auth-backend: configuration rejected\n%1\n"_s.arg(settings.error().message));
    return settings;
}

int runKeygen(const QString &outPath)
{
    if (outPath.isEmpty())
        return usage(u"audit keygen needs --out FILE"_s);
    if (QFileInfo::exists(outPath)) {
        printTo(
            stderr,
            u"auth-backend audit keygen: %1 exists; it is never overwritten (a "
            "lost signing key cannot be replaced without a new chain of trust)\n"_s.arg(outPath));
        return ExitCannotCreate;
    }
    const Result<SigningKey> key = writeNewSigningKey(outPath);
    if (!key) {
        printTo(stderr, u"auth-backend audit keygen: %1\n"_s.arg(key.error().message));
        return ExitCannotCreate;
    }
    printTo(stderr,
            u"auth-backend audit keygen: wrote the Ed25519 signing key %1 (mode 0600, "
            "fingerprint %2); its public key, for audit/public_key_file on machines that "
            "only verify:\n"_s.arg(outPath, key->publicKey().fingerprint()));
    printTo(stdout, QString::fromLatin1(key->publicKey().pem()));
    return ExitOk;
}

int runVerify(const QString &configPath)
{
    const Result<BackendSettings> settings = loadSettings(configPath);
    if (!settings)
        return ExitConfig;
    VerifyKey publicKey;
    if (!settings->audit.publicKeyFile.isEmpty()) {
        Result<VerifyKey> key =
            VerifyKey::readFile(settings->audit.publicKeyFile, u"audit/public_key_file"_s);
        if (!key) {
            printTo(stderr, u"auth-backend audit verify: %1\n"_s.arg(key.error().message));
            return ExitConfig;
        }
        publicKey = key.value();
    } else {
        Result<SigningKey> key =
            SigningKey::readFile(settings->audit.signingKeyFile, u"audit/signing_key_file"_s);
        if (!key) {
            printTo(stderr, u"auth-backend audit verify: %1\n"_s.arg(key.error().message));
            return ExitConfig;
        }
        publicKey = key->publicKey();
    }
    Result<std::unique_ptr<Database>> database = Database::open(settings->database);
    if (!database) {
        printTo(stderr, u"auth-backend audit verify: %1\n"_s.arg(database.error().message));
        return ExitUnavailable;
    }
    const Result<VerifyReport> report =
        verify(*database.value(), publicKey, settings->audit.checkpointFile);
    if (!report) {
        printTo(stderr, u"auth-backend audit verify: %1\n"_s.arg(report.error().message));
        return ExitUnavailable;
    }
    printTo(stdout,
            u"auth-backend audit verify: key %1, checkpoint file %2\n%3"_s.arg(
                publicKey.fingerprint(), settings->audit.checkpointFile, report->summary()));
    return report->intact() ? int(ExitOk) : ExitBroken;
}

int runPurge(const QString &configPath)
{
    const Result<BackendSettings> settings = loadSettings(configPath);
    if (!settings)
        return ExitConfig;
    Result<SigningKey> key =
        SigningKey::readFile(settings->audit.signingKeyFile, u"audit/signing_key_file"_s);
    if (!key) {
        printTo(stderr, u"auth-backend purge: %1\n"_s.arg(key.error().message));
        return ExitConfig;
    }
    Result<std::unique_ptr<Database>> database = Database::open(settings->database);
    if (!database) {
        printTo(stderr, u"auth-backend purge: %1\n"_s.arg(database.error().message));
        return ExitUnavailable;
    }
    const SystemClock clock;
    const Result<PurgeReport> report = [&] {
        AuditLog log(*database.value(), clock, key.value(), settings->audit.checkpointFile);
        RetentionJob job(*database.value(), clock, log, settings->retentionDays);
        return job.run();
    }();
    if (!report) {
        printTo(stderr, u"auth-backend purge: %1\n"_s.arg(report.error().message));
        return ExitUnavailable;
    }
    printTo(stdout,
            u"auth-backend purge: older than %1 days: %2 attempts, %3 events, %4 audit rows "
            "deleted%5\n"_s.arg(settings->retentionDays)
                .arg(report->attemptsDeleted)
                .arg(report->eventsDeleted)
                .arg(report->auditRowsDeleted)
                .arg(report->purgedThroughSeq
                         ? u" (signed purge checkpoint at seq %1)"_s.arg(*report->purgedThroughSeq)
                         : QString()));
    return ExitOk;
}

} // namespace

int runAuditCommand(const QStringList &arguments, const QString &defaultConfigPath)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"auth-backend audit verify [--config FILE] | audit keygen --out FILE | purge "
        "[--config FILE]"_s);
    parser.addHelpOption();
    const QCommandLineOption configOption(
        {u"c"_s, u"config"_s},
        u"Read the configuration from <file> (default: $TC_BACKEND_CONFIG, else %1)."_s.arg(
            defaultConfigPath),
        u"file"_s);
    const QCommandLineOption outOption(
        u"out"_s, u"audit keygen: write the new signing key to <file> (mode 0600)."_s, u"file"_s);
    parser.addOptions({configOption, outOption});
    parser.addPositionalArgument(u"command"_s, u"audit verify, audit keygen or purge"_s);
    if (!parser.parse(QStringList {u"auth-backend"_s} + arguments))
        return usage(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        printTo(stdout, parser.helpText());
        return ExitOk;
    }
    const QStringList command = parser.positionalArguments();
    const QString outPath = parser.value(outOption);
    QString configPath = parser.value(configOption);
    if (configPath.isEmpty())
        configPath = qEnvironmentVariable("TC_BACKEND_CONFIG", defaultConfigPath);
    if (command.constFirst() == u"purge"_s) {
        if (command.size() != 1)
            return usage(u"unknown command '%1'"_s.arg(command.join(u' ')));
        if (parser.isSet(outOption))
            return usage(u"--out belongs to 'audit keygen'"_s);
        return runPurge(configPath);
    }
    if (command.size() != 2)
        return usage(u"'audit' takes one of: verify, keygen"_s);
    const QString &sub = command.at(1);
    if (sub == u"keygen"_s) {
        if (parser.isSet(configOption))
            return usage(u"'audit keygen' takes no --config"_s);
        return runKeygen(outPath);
    }
    if (parser.isSet(outOption))
        return usage(u"--out belongs to 'audit keygen'"_s);
    if (sub == u"verify"_s)
        return runVerify(configPath);
    return usage(u"unknown command 'audit %1' (verify, keygen)"_s.arg(sub));
}

} // namespace tc::backend::audit
