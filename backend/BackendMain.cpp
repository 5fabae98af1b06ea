#include "BackendMain.h"

#include "AuditCommand.h"
#include "BackendConfig.h"
#include "BackendService.h"
#include "DemoMode.h"
#include "StaffCommand.h"
#include "TelephonyCall.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QUrl>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcBackend, "tc.backend")

namespace tc::backend {

namespace {

const QString defaultConfigPath = u"/etc/teller-console/auth-backend.ini"_s;

void printTo(FILE *stream, const QString &text)
{
    std::fputs(text.toUtf8().constData(), stream);
    std::fflush(stream);
}

// SIGTERM (systemd stop) and SIGINT end the event loop, so the server closes and the database
// connections are released in order. The handler only writes a byte to a pipe; the event loop
// reads it (nothing else is safe inside a signal handler).
class StopOnSignals final
{
public:
    StopOnSignals()
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_pipe) != 0)
            return;
        m_notifier = std::make_unique<QSocketNotifier>(s_pipe[1], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated,
                         QCoreApplication::instance(), [] {
                             char byte = 0;
                             if (::read(s_pipe[1], &byte, 1) == 1)
                                 QCoreApplication::quit();
                         });
        struct sigaction action = {};
        action.sa_handler = [](int) {
            const char byte = 1;
            [[maybe_unused]] const auto written = ::write(s_pipe[0], &byte, 1);
        };
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGTERM, &action, nullptr);
        ::sigaction(SIGINT, &action, nullptr);
    }

private:
    static inline int s_pipe[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
};

int runCall(const QString &from, const QString &to, const QString &at, const QString &url,
            const QString &demoDir)
{
    if (from.isEmpty() || to.isEmpty()) {
        printTo(stderr,
                u"auth-backend call: --from NUMBER and --to NUMBER are required\n"
                "Try 'auth-backend --help'.\n"_s);
        return ExitUsage;
    }
    demo::CallOptions options {.from = from, .to = to, .url = QUrl(url), .demoDir = demoDir};
    if (!at.isEmpty()) {
        options.at = QDateTime::fromString(at, Qt::ISODateWithMs);
        if (!options.at.isValid() || options.at.timeSpec() == Qt::LocalTime) {
            printTo(stderr,
                    u"auth-backend call: --at needs an ISO 8601 time with its offset, "
                    "such as 2026-12-12T23:40:00+09:00\n"_s);
            return ExitUsage;
        }
    }
    const Result<demo::CallAnswer> answer = demo::TelephonyCall::send(options);
    if (!answer) {
        printTo(stderr, u"auth-backend call: %1\n"_s.arg(answer.error().message));
        return ExitUnavailable;
    }
    printTo(answer->status == 202 ? stdout : stderr,
            u"POST %1 → %2 %3\n"_s.arg(answer->url.toString())
                .arg(answer->status)
                .arg(QString::fromUtf8(answer->body)));
    return answer->status == 202 ? ExitOk : ExitUnavailable;
}

} // namespace

int runAuthBackend(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"auth-backend"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TC_VERSION));
    QCoreApplication::setOrganizationName(u"teller-console"_s);

    // `auth-backend audit …` and `purge` have options of their own (AuditCommand.h).
    if (const QStringList arguments = QCoreApplication::arguments();
        arguments.size() > 1 && (arguments.at(1) == u"audit"_s || arguments.at(1) == u"purge"_s))
        return audit::runAuditCommand(arguments.mid(1), defaultConfigPath);

    // `auth-backend staff …` has options of its own (StaffCommand.h); it comes first.
    if (const QStringList arguments = QCoreApplication::arguments();
        arguments.size() > 1 && arguments.at(1) == u"staff"_s)
        return staff::runStaffCommand(arguments.mid(2), defaultConfigPath);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"HTTPS service for API linkage authentication (API連携認証) and the staff API of "
        "Teller Console."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        {u"c"_s, u"config"_s},
        u"Read the configuration from <file> (default: $TC_BACKEND_CONFIG, else %1)."_s.arg(
            defaultConfigPath),
        u"file"_s);
    const QCommandLineOption checkOption(
        u"check-config"_s, u"Validate the configuration file, report every problem and exit."_s);
    const QCommandLineOption helpConfigOption(
        u"help-config"_s, u"List every configuration key with its type and default."_s);
    parser.addOptions({configOption, checkOption, helpConfigOption});

    // Training mode (ARCHITECTURE.md): demo data, a simulated clock, simulated customers.
    const QCommandLineOption demoOption(
        u"demo"_s,
        u"Training mode. Uses --config if given, else a demo folder of its own (--demo-dir) with a "
        "demo CA and server certificate, keys and an SQLite database, listening on "
        "https://127.0.0.1:8443. Creates demo data once: both institutions of the seeds with "
        "their offices, thousands of synthetic customers and the app しんくみアプリ with CRECO "
        "(client_id shinkumi-creco), and writes the customers, PINs included, to "
        "demo-customers.csv beside the database (its path is printed on start)."_s);
    const QCommandLineOption demoDirOption(
        u"demo-dir"_s,
        u"The demo folder (default: $XDG_DATA_HOME/teller-console-demo). Also read by "
        "'call'."_s,
        u"dir"_s);
    const QCommandLineOption clockOption(
        u"clock"_s,
        u"With --demo: start the demo clock at <start> (ISO 8601 with offset, e.g. "
        "2026-12-12T23:40:00+09:00). The demo clock runs in real time and "
        "POST /api/v1/demo/clock {\"advance_seconds\": N} moves it forward (1-86400 s)."_s,
        u"start"_s);
    const QCommandLineOption simulateOption(
        u"simulate"_s,
        u"With --demo: simulated customers walking the flow over HTTPS with typos, early "
        "confirmation, late calls, wrong PINs, giving up (default: on)."_s,
        u"on|off"_s);
    const QCommandLineOption simulateIntervalOption(
        u"simulate-interval"_s,
        u"With --demo: seconds between two new simulated customers (default: 4)."_s, u"seconds"_s);
    const QCommandLineOption fromOption(
        u"from"_s, u"call: the caller's number (the customer's registered phone)."_s, u"number"_s);
    const QCommandLineOption toOption(
        u"to"_s, u"call: the number dialled (the destination screen ③ showed)."_s, u"number"_s);
    const QCommandLineOption atOption(
        u"at"_s, u"call: when the call happened (default: the demo backend's clock)."_s,
        u"iso-time"_s);
    const QCommandLineOption urlOption(
        u"url"_s,
        u"call: the backend (default: the demo folder's listen address, else "
        "https://127.0.0.1:8443)."_s,
        u"https-url"_s);
    parser.addOptions({demoOption, demoDirOption, clockOption, simulateOption,
                       simulateIntervalOption, fromOption, toOption, atOption, urlOption});
    parser.addPositionalArgument(
        u"call"_s,
        u"auth-backend call --from NUMBER --to NUMBER [--at ISO] [--url URL] [--demo-dir DIR]: "
        "send the signed telephony webhook to a running demo backend, as the phone network "
        "would when a customer calls; prints the answer, exit status 0 on 202."_s,
        u"[call]"_s);
    parser.addPositionalArgument(
        u"audit"_s,
        u"auth-backend audit verify [--config FILE]: check the audit chain (every row's hash and "
        "link, the signed checkpoints of the table and of audit/checkpoint_file); exit status 0 "
        "intact, 1 broken. auth-backend audit keygen --out FILE: a new Ed25519 signing key "
        "(mode 0600), its public key on standard output."_s,
        u"[audit]"_s);
    parser.addPositionalArgument(
        u"purge"_s,
        u"auth-backend purge [--config FILE]: run the retention purge once (retention/days; the "
        "running service also does it daily)."_s,
        u"[purge]"_s);
    parser.addPositionalArgument(
        u"staff"_s,
        u"auth-backend staff add|passwd|disable|enable|reset-totp|list … [--config FILE]: manage "
        "staff users ('auth-backend staff --help'); passwords are read from standard input."_s,
        u"[staff]"_s);

    if (!parser.parse(QCoreApplication::arguments())) {
        printTo(stderr,
                u"auth-backend: %1\nTry 'auth-backend --help'.\n"_s.arg(parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s))
        parser.showHelp(ExitOk);
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    if (parser.isSet(helpConfigOption)) {
        printTo(stdout, BackendConfig::schema().describe());
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    const auto usage = [](const QString &message) {
        printTo(stderr, u"auth-backend: %1\nTry 'auth-backend --help'.\n"_s.arg(message));
        return int(ExitUsage);
    };
    if (!positional.isEmpty() && (positional.constFirst() != u"call"_s || positional.size() > 1))
        return usage(u"unknown command '%1'"_s.arg(positional.join(u' ')));
    const bool callCommand = !positional.isEmpty();
    const bool demoMode = parser.isSet(demoOption);
    for (const QCommandLineOption &option : {fromOption, toOption, atOption, urlOption}) {
        if (parser.isSet(option) && !callCommand)
            return usage(u"--%1 belongs to the 'call' command"_s.arg(option.names().constFirst()));
    }
    for (const QCommandLineOption &option : {clockOption, simulateOption, simulateIntervalOption}) {
        if (parser.isSet(option) && !demoMode)
            return usage(
                u"--%1 is only available in demo mode (--demo)"_s.arg(option.names().constFirst()));
    }
    if (callCommand) {
        if (demoMode)
            return usage(u"'call' talks to a running demo backend; it takes no --demo"_s);
        return runCall(parser.value(fromOption), parser.value(toOption), parser.value(atOption),
                       parser.value(urlOption), parser.value(demoDirOption));
    }
    if (parser.isSet(demoDirOption) && !demoMode)
        return usage(u"--demo-dir is only available with --demo or 'call'"_s);
    if (demoMode) {
        demo::DemoOptions options;
        options.configPath = parser.value(configOption);
        options.demoDir = parser.value(demoDirOption);
        if (parser.isSet(clockOption)) {
            options.clockStart = QDateTime::fromString(parser.value(clockOption), Qt::ISODate);
            if (!options.clockStart.isValid() || options.clockStart.timeSpec() == Qt::LocalTime)
                return usage(u"--clock needs an ISO 8601 time with its offset, such as "
                             "2026-12-12T23:40:00+09:00"_s);
        }
        if (parser.isSet(simulateOption)) {
            const QString value = parser.value(simulateOption);
            if (value != u"on"_s && value != u"off"_s)
                return usage(u"--simulate takes on or off"_s);
            options.simulate = value == u"on"_s;
        }
        if (parser.isSet(simulateIntervalOption)) {
            bool ok = false;
            const double seconds = parser.value(simulateIntervalOption).toDouble(&ok);
            if (!ok || seconds < 0.1 || seconds > 3600)
                return usage(u"--simulate-interval takes seconds from 0.1 to 3600"_s);
            options.simulateIntervalMs = int(seconds * 1000);
        }
        if (parser.isSet(checkOption))
            return usage(u"--check-config does not combine with --demo"_s);
        Result<std::unique_ptr<demo::DemoMode>> running = demo::DemoMode::start(options);
        if (!running) {
            printTo(stderr,
                    u"auth-backend: cannot start the demo: %1\n"_s.arg(running.error().message));
            return running.error().key == u"config"_s ? ExitConfig : ExitUnavailable;
        }
        const StopOnSignals stopper;
        for (const QString &note : running.value()->notes())
            printTo(stdout, u"auth-backend: %1\n"_s.arg(note));
        const BackendSettings &settings = running.value()->service().settings();
        qCInfo(lcBackend).noquote() << "auth-backend" << TC_VERSION << "(demo) listening on"
                                    << settings.server.listenHost + u':'
                + QString::number(running.value()->service().port());
        printTo(
            stdout,
            u"auth-backend: listening on https://%1:%2 (demo)\n"_s.arg(settings.server.listenHost)
                .arg(running.value()->service().port()));
        const int status = QCoreApplication::exec();
        qCInfo(lcBackend) << "stopping";
        return status;
    }

    QString configPath = parser.value(configOption);
    if (configPath.isEmpty())
        configPath = qEnvironmentVariable("TC_BACKEND_CONFIG", defaultConfigPath);
    const Result<BackendSettings> settings = BackendConfig::load(configPath);
    if (!settings) {
        printTo(stderr,
                u"auth-backend: configuration rejected\n%1\n"_s.arg(settings.error().message));
        return ExitConfig;
    }
    if (parser.isSet(checkOption)) {
        printTo(stdout, u"auth-backend: configuration %1 is valid\n"_s.arg(configPath));
        return ExitOk;
    }

    Result<std::unique_ptr<BackendService>> service = BackendService::start(settings.value());
    if (!service) {
        printTo(stderr, u"auth-backend: cannot start: %1\n"_s.arg(service.error().message));
        return ExitUnavailable;
    }
    const StopOnSignals stopper;
    qCInfo(lcBackend).noquote() << "auth-backend" << TC_VERSION << "listening on"
                                << settings->server.listenHost + u':'
            + QString::number(service.value()->port());
    printTo(stdout,
            u"auth-backend: listening on https://%1:%2\n"_s.arg(settings->server.listenHost)
                .arg(service.value()->port()));
    const int status = QCoreApplication::exec();
    qCInfo(lcBackend) << "stopping";
    return status;
}

} // namespace tc::backend
